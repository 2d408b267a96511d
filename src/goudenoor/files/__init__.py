"""
The file layer: everything that reads or writes a file lives here.

The shipped editions and translations, crosswalks between editions and
moving assessments along them, assessments, sector extensions from files
and installed packs, the consensus of an audit team with the standard its
assessments name, the roll-up of an organisation's units, portfolios of
many files, the JSON Schemas, writing files whole or not at all, and the
YAML and conversion layers below them; audit workbooks are in
``goudenoor.files.xlsx`` (the ``xlsx`` extra). Every public name is
importable from here and from ``goudenoor``. The domain
(:mod:`goudenoor.standard`, :mod:`goudenoor.audit`,
:mod:`goudenoor.portfolio`, :mod:`goudenoor.interchange`) takes objects
and returns objects and never opens a file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from goudenoor import _lazy


if TYPE_CHECKING:
    from goudenoor.files._assessment import (
        ASSESSMENT_FORMAT as ASSESSMENT_FORMAT,
    )
    from goudenoor.files._assessment import (
        StandardsFound as StandardsFound,
    )
    from goudenoor.files._assessment import (
        assessment_from_mapping as assessment_from_mapping,
    )
    from goudenoor.files._assessment import (
        assessment_to_mapping as assessment_to_mapping,
    )
    from goudenoor.files._assessment import (
        audit_from_mapping as audit_from_mapping,
    )
    from goudenoor.files._assessment import (
        dump_assessment as dump_assessment,
    )
    from goudenoor.files._assessment import (
        load_assessment as load_assessment,
    )
    from goudenoor.files._assessment import (
        load_audit as load_audit,
    )
    from goudenoor.files._assessment import (
        loads_assessment as loads_assessment,
    )
    from goudenoor.files._assessment import (
        loads_audit as loads_audit,
    )
    from goudenoor.files._assessment import (
        relocate_extensions as relocate_extensions,
    )
    from goudenoor.files._assessment import (
        save_assessment as save_assessment,
    )
    from goudenoor.files._assessment import (
        standard_for as standard_for,
    )
    from goudenoor.files._atomic import (
        refuse_existing as refuse_existing,
    )
    from goudenoor.files._atomic import (
        write_bytes_atomic as write_bytes_atomic,
    )
    from goudenoor.files._atomic import (
        write_text_atomic as write_text_atomic,
    )
    from goudenoor.files._crosswalk import (
        CROSSWALK_FORMAT as CROSSWALK_FORMAT,
    )
    from goudenoor.files._crosswalk import (
        crosswalk_from_mapping as crosswalk_from_mapping,
    )
    from goudenoor.files._crosswalk import (
        crosswalks as crosswalks,
    )
    from goudenoor.files._crosswalk import (
        load_crosswalk as load_crosswalk,
    )
    from goudenoor.files._crosswalk import (
        load_crosswalk_file as load_crosswalk_file,
    )
    from goudenoor.files._crosswalk import (
        loads_crosswalk as loads_crosswalk,
    )
    from goudenoor.files._document import (
        STDIN as STDIN,
    )
    from goudenoor.files._document import (
        loads_document as loads_document,
    )
    from goudenoor.files._edition import (
        editions as editions,
    )
    from goudenoor.files._edition import (
        load_standard as load_standard,
    )
    from goudenoor.files._edition import (
        load_standard_file as load_standard_file,
    )
    from goudenoor.files._edition import (
        loads_standard as loads_standard,
    )
    from goudenoor.files._edition import (
        standard_from_mapping as standard_from_mapping,
    )
    from goudenoor.files._edition import (
        standard_to_mapping as standard_to_mapping,
    )
    from goudenoor.files._extension import (
        ENTRY_POINT_GROUP as ENTRY_POINT_GROUP,
    )
    from goudenoor.files._extension import (
        InstalledExtension as InstalledExtension,
    )
    from goudenoor.files._extension import (
        available_extensions as available_extensions,
    )
    from goudenoor.files._extension import (
        extension_from_mapping as extension_from_mapping,
    )
    from goudenoor.files._extension import (
        load_extension as load_extension,
    )
    from goudenoor.files._extension import (
        load_extension_file as load_extension_file,
    )
    from goudenoor.files._extension import (
        loads_extension as loads_extension,
    )
    from goudenoor.files._kinds import (
        SCHEMA_KINDS as SCHEMA_KINDS,
    )
    from goudenoor.files._migration import (
        migrate as migrate,
    )
    from goudenoor.files._migration import (
        migration_standards as migration_standards,
    )
    from goudenoor.files._parse import (
        read_input as read_input,
    )
    from goudenoor.files._portfolio import (
        PortfolioFiles as PortfolioFiles,
    )
    from goudenoor.files._portfolio import (
        load_portfolio as load_portfolio,
    )
    from goudenoor.files._portfolio import (
        portfolio_files as portfolio_files,
    )
    from goudenoor.files._rollup import (
        rollup as rollup,
    )
    from goudenoor.files._schemas import (
        EDITIONS_FORMAT as EDITIONS_FORMAT,
    )
    from goudenoor.files._schemas import (
        EDITIONS_SHAPE as EDITIONS_SHAPE,
    )
    from goudenoor.files._schemas import (
        EXTENSIONS_FORMAT as EXTENSIONS_FORMAT,
    )
    from goudenoor.files._schemas import (
        EXTENSIONS_SHAPE as EXTENSIONS_SHAPE,
    )
    from goudenoor.files._schemas import (
        STANDARD_FORMAT as STANDARD_FORMAT,
    )
    from goudenoor.files._schemas import (
        VALIDATION_FORMAT as VALIDATION_FORMAT,
    )
    from goudenoor.files._schemas import (
        VALIDATION_SHAPE as VALIDATION_SHAPE,
    )
    from goudenoor.files._schemas import (
        assessment_schema as assessment_schema,
    )
    from goudenoor.files._schemas import (
        crosswalk_schema as crosswalk_schema,
    )
    from goudenoor.files._schemas import (
        extension_schema as extension_schema,
    )
    from goudenoor.files._schemas import (
        json_schema as json_schema,
    )
    from goudenoor.files._schemas import (
        translation_schema as translation_schema,
    )
    from goudenoor.files._team import (
        consensus as consensus,
    )
    from goudenoor.files._team import (
        refuse_repeated_files as refuse_repeated_files,
    )
    from goudenoor.files._template import (
        assessment_template as assessment_template,
    )
    from goudenoor.files._translation import (
        load_translation as load_translation,
    )
    from goudenoor.files._translation import (
        load_translation_file as load_translation_file,
    )
    from goudenoor.files._translation import (
        loads_translation as loads_translation,
    )
    from goudenoor.files._translation import (
        translation_from_mapping as translation_from_mapping,
    )
    from goudenoor.files._translation import (
        translations as translations,
    )
    from goudenoor.files._yaml import dump

    dump_yaml = dump


_EXPORTS: Final[dict[str, str]] = {
    "ASSESSMENT_FORMAT": "_assessment",
    "assessment_from_mapping": "_assessment",
    "assessment_schema": "_schemas",
    "assessment_template": "_template",
    "assessment_to_mapping": "_assessment",
    "audit_from_mapping": "_assessment",
    "available_extensions": "_extension",
    "consensus": "_team",
    "CROSSWALK_FORMAT": "_crosswalk",
    "crosswalk_from_mapping": "_crosswalk",
    "crosswalk_schema": "_schemas",
    "crosswalks": "_crosswalk",
    "dump_assessment": "_assessment",
    "dump_yaml": "_yaml:dump",
    "editions": "_edition",
    "EDITIONS_FORMAT": "_schemas",
    "EDITIONS_SHAPE": "_schemas",
    "ENTRY_POINT_GROUP": "_extension",
    "extension_from_mapping": "_extension",
    "extension_schema": "_schemas",
    "EXTENSIONS_FORMAT": "_schemas",
    "EXTENSIONS_SHAPE": "_schemas",
    "InstalledExtension": "_extension",
    "json_schema": "_schemas",
    "load_assessment": "_assessment",
    "load_audit": "_assessment",
    "load_crosswalk": "_crosswalk",
    "load_crosswalk_file": "_crosswalk",
    "load_extension": "_extension",
    "load_extension_file": "_extension",
    "load_portfolio": "_portfolio",
    "load_standard": "_edition",
    "load_standard_file": "_edition",
    "load_translation": "_translation",
    "load_translation_file": "_translation",
    "loads_assessment": "_assessment",
    "loads_audit": "_assessment",
    "loads_crosswalk": "_crosswalk",
    "loads_document": "_document",
    "loads_extension": "_extension",
    "loads_standard": "_edition",
    "loads_translation": "_translation",
    "migrate": "_migration",
    "migration_standards": "_migration",
    "portfolio_files": "_portfolio",
    "PortfolioFiles": "_portfolio",
    "read_input": "_parse",
    "refuse_existing": "_atomic",
    "refuse_repeated_files": "_team",
    "relocate_extensions": "_assessment",
    "rollup": "_rollup",
    "save_assessment": "_assessment",
    "SCHEMA_KINDS": "_kinds",
    "standard_for": "_assessment",
    "STANDARD_FORMAT": "_schemas",
    "standard_from_mapping": "_edition",
    "standard_to_mapping": "_edition",
    "StandardsFound": "_assessment",
    "STDIN": "_document",
    "translation_from_mapping": "_translation",
    "translation_schema": "_schemas",
    "translations": "_translation",
    "VALIDATION_FORMAT": "_schemas",
    "VALIDATION_SHAPE": "_schemas",
    "write_bytes_atomic": "_atomic",
    "write_text_atomic": "_atomic",
}
"""Each public name -> the module that defines it, imported when first used."""

__all__ = list(_EXPORTS)

__getattr__, __dir__ = _lazy.exports(__name__, _EXPORTS)
