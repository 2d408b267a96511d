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

from .assessments import (
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
from .atomic import refuse_existing, write_bytes_atomic, write_text_atomic
from .crosswalks import (
    CROSSWALK_FORMAT,
    crosswalks,
    load_crosswalk,
    load_crosswalk_file,
    loads_crosswalk,
)
from .editions import (
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
from .extension_loader import (
    ENTRY_POINT_GROUP,
    InstalledExtension,
    available_extensions,
    load_extension,
    loads_extension,
)
from .migrations import migrate
from .portfolio import load_portfolio
from .rollups import rollup
from .teams import consensus


__all__ = [
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
