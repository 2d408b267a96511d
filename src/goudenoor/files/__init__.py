"""
The file layer: everything that reads or writes a file lives here.

The shipped editions and translations (``editions``), assessments
(``assessments``), sector extensions from files and installed packs
(``extension_loader``), the consensus of an audit team with the
standard its assessments name (``teams``), writing files whole or not
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
    save_assessment,
    standard_for,
)
from .atomic import refuse_existing, write_bytes_atomic, write_text_atomic
from .editions import (
    editions,
    load_standard,
    load_standard_file,
    load_translation,
    load_translation_file,
    standard_from_mapping,
    standard_to_mapping,
    translations,
)
from .extension_loader import ENTRY_POINT_GROUP, available_extensions, load_extension
from .teams import consensus


__all__ = [
    "ASSESSMENT_FORMAT",
    "ENTRY_POINT_GROUP",
    "assessment_from_mapping",
    "assessment_to_mapping",
    "available_extensions",
    "consensus",
    "dump_assessment",
    "editions",
    "load_assessment",
    "load_extension",
    "load_standard",
    "load_standard_file",
    "load_translation",
    "load_translation_file",
    "refuse_existing",
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
