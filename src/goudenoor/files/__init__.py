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

from typing import TYPE_CHECKING, Final

from goudenoor import _lazy


if TYPE_CHECKING:
    from goudenoor.files._assessment import (
        ASSESSMENT_FORMAT as ASSESSMENT_FORMAT,
    )
    from goudenoor.files._assessment import (
        assessment_from_mapping as assessment_from_mapping,
    )
    from goudenoor.files._assessment import (
        assessment_to_mapping as assessment_to_mapping,
    )
    from goudenoor.files._assessment import (
        dump_assessment as dump_assessment,
    )
    from goudenoor.files._assessment import (
        load_assessment as load_assessment,
    )
    from goudenoor.files._assessment import (
        loads_assessment as loads_assessment,
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
    from goudenoor.files._document import (
        read_input as read_input,
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
        load_extension as load_extension,
    )
    from goudenoor.files._extension import (
        loads_extension as loads_extension,
    )
    from goudenoor.files._migration import (
        migrate as migrate,
    )
    from goudenoor.files._migration import (
        migration_standards as migration_standards,
    )
    from goudenoor.files._output_schemas import (
        EDITIONS_FORMAT as EDITIONS_FORMAT,
    )
    from goudenoor.files._output_schemas import (
        EXTENSIONS_FORMAT as EXTENSIONS_FORMAT,
    )
    from goudenoor.files._output_schemas import (
        STANDARD_FORMAT as STANDARD_FORMAT,
    )
    from goudenoor.files._output_schemas import (
        VALIDATION_FORMAT as VALIDATION_FORMAT,
    )
    from goudenoor.files._output_schemas import (
        comparison_schema as comparison_schema,
    )
    from goudenoor.files._output_schemas import (
        consensus_schema as consensus_schema,
    )
    from goudenoor.files._output_schemas import (
        edition_diff_schema as edition_diff_schema,
    )
    from goudenoor.files._output_schemas import (
        editions_schema as editions_schema,
    )
    from goudenoor.files._output_schemas import (
        extensions_schema as extensions_schema,
    )
    from goudenoor.files._output_schemas import (
        graph_schema as graph_schema,
    )
    from goudenoor.files._output_schemas import (
        migration_schema as migration_schema,
    )
    from goudenoor.files._output_schemas import (
        percentile_ranks_schema as percentile_ranks_schema,
    )
    from goudenoor.files._output_schemas import (
        portfolio_schema as portfolio_schema,
    )
    from goudenoor.files._output_schemas import (
        portfolio_summary_schema as portfolio_summary_schema,
    )
    from goudenoor.files._output_schemas import (
        rollup_schema as rollup_schema,
    )
    from goudenoor.files._output_schemas import (
        scorecard_schema as scorecard_schema,
    )
    from goudenoor.files._output_schemas import (
        standard_schema as standard_schema,
    )
    from goudenoor.files._output_schemas import (
        trend_schema as trend_schema,
    )
    from goudenoor.files._output_schemas import (
        validation_schema as validation_schema,
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
        assessment_schema as assessment_schema,
    )
    from goudenoor.files._schemas import (
        crosswalk_schema as crosswalk_schema,
    )
    from goudenoor.files._schemas import (
        extension_schema as extension_schema,
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
        translations as translations,
    )
    from goudenoor.files._yaml import dump

    # The one name the package gives under another name than its module's.
    dump_yaml = dump


_EXPORTS: Final[dict[str, str]] = {
    "dump_yaml": "_yaml:dump",
    "STDIN": "_document",
    "loads_document": "_document",
    "read_input": "_document",
    "EDITIONS_FORMAT": "_output_schemas",
    "EXTENSIONS_FORMAT": "_output_schemas",
    "STANDARD_FORMAT": "_output_schemas",
    "VALIDATION_FORMAT": "_output_schemas",
    "comparison_schema": "_output_schemas",
    "consensus_schema": "_output_schemas",
    "edition_diff_schema": "_output_schemas",
    "editions_schema": "_output_schemas",
    "extensions_schema": "_output_schemas",
    "graph_schema": "_output_schemas",
    "migration_schema": "_output_schemas",
    "percentile_ranks_schema": "_output_schemas",
    "portfolio_schema": "_output_schemas",
    "portfolio_summary_schema": "_output_schemas",
    "rollup_schema": "_output_schemas",
    "scorecard_schema": "_output_schemas",
    "standard_schema": "_output_schemas",
    "trend_schema": "_output_schemas",
    "validation_schema": "_output_schemas",
    "PortfolioFiles": "_portfolio",
    "portfolio_files": "_portfolio",
    "refuse_repeated_files": "_team",
    "assessment_template": "_template",
    "assessment_schema": "_schemas",
    "crosswalk_schema": "_schemas",
    "extension_schema": "_schemas",
    "translation_schema": "_schemas",
    "migration_standards": "_migration",
    "ASSESSMENT_FORMAT": "_assessment",
    "CROSSWALK_FORMAT": "_crosswalk",
    "ENTRY_POINT_GROUP": "_extension",
    "InstalledExtension": "_extension",
    "assessment_from_mapping": "_assessment",
    "assessment_to_mapping": "_assessment",
    "available_extensions": "_extension",
    "crosswalks": "_crosswalk",
    "consensus": "_team",
    "dump_assessment": "_assessment",
    "editions": "_edition",
    "load_assessment": "_assessment",
    "load_crosswalk": "_crosswalk",
    "load_crosswalk_file": "_crosswalk",
    "load_extension": "_extension",
    "load_portfolio": "_portfolio",
    "load_standard": "_edition",
    "load_standard_file": "_edition",
    "load_translation": "_translation",
    "load_translation_file": "_translation",
    "loads_assessment": "_assessment",
    "loads_crosswalk": "_crosswalk",
    "loads_extension": "_extension",
    "loads_translation": "_translation",
    "migrate": "_migration",
    "refuse_existing": "_atomic",
    "relocate_extensions": "_assessment",
    "rollup": "_rollup",
    "save_assessment": "_assessment",
    "standard_for": "_assessment",
    "standard_from_mapping": "_edition",
    "standard_to_mapping": "_edition",
    "translations": "_translation",
    "write_bytes_atomic": "_atomic",
    "write_text_atomic": "_atomic",
}
"""Each public name -> the module that defines it, imported when first used."""

__all__ = list(_EXPORTS)

__getattr__, __dir__ = _lazy.exports(__name__, _EXPORTS)
