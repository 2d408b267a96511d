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

from goudenoor.files._assessment import (
    ASSESSMENT_FORMAT,
    StandardsFound,
    assessment_from_mapping,
    assessment_to_mapping,
    audit_from_mapping,
    dump_assessment,
    load_assessment,
    load_audit,
    loads_assessment,
    loads_audit,
    relocate_extensions,
    save_assessment,
    standard_for,
)
from goudenoor.files._atomic import (
    refuse_existing,
    write_bytes_atomic,
    write_text_atomic,
)
from goudenoor.files._crosswalk import (
    CROSSWALK_FORMAT,
    crosswalk_from_mapping,
    crosswalks,
    load_crosswalk,
    load_crosswalk_file,
    loads_crosswalk,
)
from goudenoor.files._document import (
    STDIN,
    loads_document,
    read_input,
)
from goudenoor.files._edition import (
    editions,
    load_standard,
    load_standard_file,
    load_translation,
    load_translation_file,
    loads_standard,
    loads_translation,
    standard_from_mapping,
    standard_to_mapping,
    translation_from_mapping,
    translations,
)
from goudenoor.files._extension import (
    ENTRY_POINT_GROUP,
    InstalledExtension,
    available_extensions,
    extension_from_mapping,
    load_extension,
    load_extension_file,
    loads_extension,
)
from goudenoor.files._migration import (
    migrate,
    migration_standards,
)
from goudenoor.files._portfolio import (
    PortfolioFiles,
    load_portfolio,
    portfolio_files,
)
from goudenoor.files._rollup import rollup
from goudenoor.files._schemas import (
    EDITIONS_FORMAT,
    EDITIONS_SHAPE,
    EXTENSIONS_FORMAT,
    EXTENSIONS_SHAPE,
    SCHEMA_KINDS,
    STANDARD_FORMAT,
    VALIDATION_FORMAT,
    VALIDATION_SHAPE,
    assessment_schema,
    crosswalk_schema,
    extension_schema,
    json_schema,
    translation_schema,
)
from goudenoor.files._team import (
    consensus,
    refuse_repeated_files,
)
from goudenoor.files._template import (
    assessment_template,
)
from goudenoor.files._yaml import dump as dump_yaml


__all__ = [
    "StandardsFound",
    "crosswalk_from_mapping",
    "extension_from_mapping",
    "load_extension_file",
    "loads_standard",
    "translation_from_mapping",
    "audit_from_mapping",
    "load_audit",
    "loads_audit",
    "dump_yaml",
    "STDIN",
    "loads_document",
    "read_input",
    "EDITIONS_FORMAT",
    "EDITIONS_SHAPE",
    "EXTENSIONS_FORMAT",
    "EXTENSIONS_SHAPE",
    "STANDARD_FORMAT",
    "VALIDATION_FORMAT",
    "VALIDATION_SHAPE",
    "SCHEMA_KINDS",
    "json_schema",
    "PortfolioFiles",
    "portfolio_files",
    "refuse_repeated_files",
    "assessment_template",
    "assessment_schema",
    "crosswalk_schema",
    "extension_schema",
    "translation_schema",
    "migration_standards",
    "ASSESSMENT_FORMAT",
    "CROSSWALK_FORMAT",
    "ENTRY_POINT_GROUP",
    "InstalledExtension",
    "assessment_from_mapping",
    "assessment_to_mapping",
    "available_extensions",
    "crosswalks",
    "consensus",
    "dump_assessment",
    "editions",
    "load_assessment",
    "load_crosswalk",
    "load_crosswalk_file",
    "load_extension",
    "load_portfolio",
    "load_standard",
    "load_standard_file",
    "load_translation",
    "load_translation_file",
    "loads_assessment",
    "loads_crosswalk",
    "loads_extension",
    "loads_translation",
    "migrate",
    "refuse_existing",
    "relocate_extensions",
    "rollup",
    "save_assessment",
    "standard_for",
    "standard_from_mapping",
    "standard_to_mapping",
    "translations",
    "write_bytes_atomic",
    "write_text_atomic",
]


def __dir__() -> list[str]:
    return __all__
