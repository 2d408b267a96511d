"""
The file layer: everything that reads or writes a file lives here.

The shipped editions and translations, crosswalks between editions and
moving assessments along them, assessments, sector extensions from files
and installed packs, the consensus of an audit team with the standard its
assessments name, the roll-up of an organisation's units, portfolios of
many files, registers and the samples drawn from them, the JSON Schemas,
writing files whole or not at all, and the YAML and conversion layers
below them; audit workbooks are in
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
        StandardsFound as StandardsFound,
        assessment_from_mapping as assessment_from_mapping,
        assessment_to_mapping as assessment_to_mapping,
        audit_from_mapping as audit_from_mapping,
        dump_assessment as dump_assessment,
        load_assessment as load_assessment,
        load_audit as load_audit,
        loads_assessment as loads_assessment,
        loads_audit as loads_audit,
        relocate_extensions as relocate_extensions,
        save_assessment as save_assessment,
        standard_for as standard_for,
    )
    from goudenoor.files._atomic import (
        refuse_existing as refuse_existing,
        write_bytes_atomic as write_bytes_atomic,
        write_text_atomic as write_text_atomic,
    )
    from goudenoor.files._ciso_audit import (
        ciso_assistant_audit_csv as ciso_assistant_audit_csv,
        ciso_assistant_audit_xlsx as ciso_assistant_audit_xlsx,
        read_ciso_assistant_audit as read_ciso_assistant_audit,
    )
    from goudenoor.files._crosswalk import (
        CROSSWALK_FORMAT as CROSSWALK_FORMAT,
        crosswalk_from_mapping as crosswalk_from_mapping,
        crosswalks as crosswalks,
        load_crosswalk as load_crosswalk,
        load_crosswalk_file as load_crosswalk_file,
        loads_crosswalk as loads_crosswalk,
    )
    from goudenoor.files._document import (
        STDIN as STDIN,
        loads_document as loads_document,
    )
    from goudenoor.files._edition import (
        editions as editions,
        load_standard as load_standard,
        load_standard_file as load_standard_file,
        loads_standard as loads_standard,
        standard_from_mapping as standard_from_mapping,
        standard_to_mapping as standard_to_mapping,
    )
    from goudenoor.files._evidence import (
        hash_evidence as hash_evidence,
        verify_evidence as verify_evidence,
    )
    from goudenoor.files._extension import (
        ENTRY_POINT_GROUP as ENTRY_POINT_GROUP,
        InstalledExtension as InstalledExtension,
        available_extensions as available_extensions,
        extension_from_mapping as extension_from_mapping,
        load_extension as load_extension,
        load_extension_file as load_extension_file,
        loads_extension as loads_extension,
    )
    from goudenoor.files._journal import (
        JOURNAL_SUFFIX as JOURNAL_SUFFIX,
        add_evidence_file as add_evidence_file,
        journal_path as journal_path,
        load_journal as load_journal,
        rate_file as rate_file,
    )
    from goudenoor.files._kinds import (
        SCHEMA_KINDS as SCHEMA_KINDS,
    )
    from goudenoor.files._migration import (
        migrate as migrate,
        migration_standards as migration_standards,
    )
    from goudenoor.files._parse import (
        read_input as read_input,
    )
    from goudenoor.files._portfolio import (
        PortfolioFiles as PortfolioFiles,
        is_glob_pattern as is_glob_pattern,
        load_portfolio as load_portfolio,
        portfolio_files as portfolio_files,
    )
    from goudenoor.files._register import (
        RegisterRecords as RegisterRecords,
        read_register as read_register,
    )
    from goudenoor.files._rollup import (
        rollup as rollup,
    )
    from goudenoor.files._sample import (
        SAMPLE_EVALUATION_FORMAT as SAMPLE_EVALUATION_FORMAT,
        SAMPLE_EVALUATION_SHAPE as SAMPLE_EVALUATION_SHAPE,
        SAMPLE_FORMAT as SAMPLE_FORMAT,
        SAMPLE_PLAN_FORMAT as SAMPLE_PLAN_FORMAT,
        SAMPLE_PLAN_SHAPE as SAMPLE_PLAN_SHAPE,
        draw_sample as draw_sample,
        dump_sample as dump_sample,
        load_sample as load_sample,
        loads_sample as loads_sample,
        read_results as read_results,
        sample_evidence as sample_evidence,
        sample_from_mapping as sample_from_mapping,
        sample_to_mapping as sample_to_mapping,
        save_sample as save_sample,
        verify_sample as verify_sample,
    )
    from goudenoor.files._schemas import (
        EDITIONS_FORMAT as EDITIONS_FORMAT,
        EDITIONS_SHAPE as EDITIONS_SHAPE,
        EXTENSIONS_FORMAT as EXTENSIONS_FORMAT,
        EXTENSIONS_SHAPE as EXTENSIONS_SHAPE,
        STANDARD_FORMAT as STANDARD_FORMAT,
        VALIDATION_FORMAT as VALIDATION_FORMAT,
        VALIDATION_SHAPE as VALIDATION_SHAPE,
        assessment_schema as assessment_schema,
        crosswalk_schema as crosswalk_schema,
        extension_schema as extension_schema,
        json_schema as json_schema,
        sample_schema as sample_schema,
        translation_schema as translation_schema,
    )
    from goudenoor.files._team import (
        consensus as consensus,
        refuse_repeated_files as refuse_repeated_files,
    )
    from goudenoor.files._template import (
        assessment_template as assessment_template,
    )
    from goudenoor.files._translation import (
        load_translation as load_translation,
        load_translation_file as load_translation_file,
        loads_translation as loads_translation,
        translation_from_mapping as translation_from_mapping,
        translations as translations,
    )
    from goudenoor.files._yaml import (
        dump,
        load,
    )

    dump_yaml = dump
    load_yaml = load


_EXPORTS: Final[dict[str, str]] = {
    "ciso_assistant_audit_csv": "_ciso_audit",
    "ciso_assistant_audit_xlsx": "_ciso_audit",
    "read_ciso_assistant_audit": "_ciso_audit",
    "is_glob_pattern": "_portfolio",
    "JOURNAL_SUFFIX": "_journal",
    "journal_path": "_journal",
    "load_journal": "_journal",
    "rate_file": "_journal",
    "add_evidence_file": "_journal",
    "draw_sample": "_sample",
    "dump_sample": "_sample",
    "load_sample": "_sample",
    "loads_sample": "_sample",
    "read_register": "_register",
    "read_results": "_sample",
    "RegisterRecords": "_register",
    "SAMPLE_EVALUATION_FORMAT": "_sample",
    "SAMPLE_EVALUATION_SHAPE": "_sample",
    "SAMPLE_PLAN_FORMAT": "_sample",
    "SAMPLE_FORMAT": "_sample",
    "SAMPLE_PLAN_SHAPE": "_sample",
    "sample_evidence": "_sample",
    "sample_from_mapping": "_sample",
    "sample_schema": "_schemas",
    "sample_to_mapping": "_sample",
    "save_sample": "_sample",
    "verify_sample": "_sample",
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
    "load_yaml": "_yaml:load",
    "editions": "_edition",
    "EDITIONS_FORMAT": "_schemas",
    "EDITIONS_SHAPE": "_schemas",
    "ENTRY_POINT_GROUP": "_extension",
    "extension_from_mapping": "_extension",
    "hash_evidence": "_evidence",
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
    "verify_evidence": "_evidence",
    "VALIDATION_SHAPE": "_schemas",
    "write_bytes_atomic": "_atomic",
    "write_text_atomic": "_atomic",
}
"""Each public name -> the module that defines it, imported when first used."""

__all__ = list(_EXPORTS)

__getattr__, __dir__ = _lazy.exports(__name__, _EXPORTS)
