"""
The file layer: everything that reads or writes a file lives here.

The shipped editions and translations (``editions``), crosswalks between
editions (``crosswalks``) and moving assessments along them
(``migrations``), assessments
(``assessments``), sector extensions from files and installed packs
(``extension_loader``), the consensus of an audit team with the
standard its assessments name (``teams``), the roll-up of an
organisation's units (``rollups``), writing files whole or not
at all (``atomic``), and the YAML and conversion layers below them;
audit workbooks are in ``goudenoor.files.xlsx`` (the ``xlsx`` extra).
Every public name is importable from here and from ``goudenoor``. The domain (model,
assessment, scoring, graph, comparison, extensions) takes objects and
returns objects and never opens a file.
"""

from __future__ import annotations

from goudenoor.files._assessment import (
    ASSESSMENT_FORMAT,
    assessment_from_mapping,
    assessment_to_mapping,
    dump_assessment,
    load_assessment,
    loads_assessment,
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
    loads_translation,
    standard_from_mapping,
    standard_to_mapping,
    translations,
)
from goudenoor.files._extension import (
    ENTRY_POINT_GROUP,
    InstalledExtension,
    available_extensions,
    load_extension,
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
