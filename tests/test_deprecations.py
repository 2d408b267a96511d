"""
Every name and signature that changed in 26.1 keeps working for this
release, with a DeprecationWarning that names its replacement (issue 24,
item 4). The changelog has the table from old to new.
"""

from __future__ import annotations

import importlib
import sys
import warnings
from pathlib import Path

import pytest

import goudenoor as go
from goudenoor import _moved


EXAMPLES = Path(__file__).parent.parent / "examples"
ZORG = EXAMPLES / "goudenoor-zorg" / "src" / "goudenoor_zorg" / "zorg.yaml"
END = "is deprecated and will be removed in a later release; use "


@pytest.mark.parametrize(
    ("old", "new", "use"),
    [
        ("write_workbook", "save_workbook", "go.save_workbook"),
        ("read_workbook", "read_workbook", "go.load_workbook(path).assessment"),
        ("PortfolioError", "RefusedFile", "go.RefusedFile"),
    ],
)
def test_a_renamed_facade_name(old: str, new: str, use: str) -> None:
    with pytest.warns(DeprecationWarning, match="is deprecated") as caught:
        value = getattr(go, old)

    module = importlib.import_module(f"goudenoor.{_moved.RENAMED[old][0]}")
    assert getattr(module, new) is value
    assert [f"goudenoor.{old} {END}{use}"] == [str(w.message) for w in caught]


def test_renamed_names_are_not_listed() -> None:
    assert set() == set(_moved.RENAMED) & set(dir(go))


def test_the_portfolio_package_keeps_the_old_name() -> None:
    import goudenoor.portfolio

    with pytest.warns(DeprecationWarning, match="is deprecated") as caught:
        value = goudenoor.portfolio.PortfolioError

    assert go.RefusedFile is value
    expected = (
        f"goudenoor.portfolio.PortfolioError {END}goudenoor.portfolio.RefusedFile"
    )
    assert [expected] == [str(w.message) for w in caught]


@pytest.mark.parametrize(("old", "new"), sorted(_moved.MOVED_MODULES.items()))
def test_an_old_module_path(old: str, new: str) -> None:
    parent = old.rpartition(".")[0]
    with warnings.catch_warnings():
        # An old parent (goudenoor.scoring of goudenoor.scoring.card) warns
        # on its own, in its own test.
        warnings.simplefilter("ignore", DeprecationWarning)
        importlib.import_module(parent)
    sys.modules.pop(old, None)

    with pytest.warns(DeprecationWarning, match="is deprecated") as caught:
        module = importlib.import_module(old)

    package = importlib.import_module(new)
    assert [f"the module {old} {END}{new}"] == [str(w.message) for w in caught]
    assert list(package.__all__) == module.__all__
    assert all(
        getattr(module, name) is getattr(package, name) for name in module.__all__
    )


def test_an_old_import_statement_warns_at_its_line() -> None:
    sys.modules.pop("goudenoor.scoring", None)

    with pytest.warns(DeprecationWarning, match="is deprecated") as caught:
        from goudenoor.scoring import ScoreCard  # type: ignore[import-not-found]

    assert go.ScoreCard is ScoreCard
    assert [__file__] == [w.filename for w in caught]


def test_no_old_path_hides_a_name_of_its_package() -> None:
    """
    An old module path whose last part is a name of the package that would
    hold it (``goudenoor.files.editions``, a module once, a function too)
    is not served: importing it would put a module in the function's place.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # old parents
        clashes = {
            old
            for old in _moved.MOVED_MODULES
            if old.rpartition(".")[2]
            in getattr(importlib.import_module(old.rpartition(".")[0]), "__all__", ())
        }

    assert set() == clashes


def test_a_name_the_old_module_never_had() -> None:
    sys.modules.pop("goudenoor.graph", None)
    with pytest.warns(DeprecationWarning, match="is deprecated"):
        module = importlib.import_module("goudenoor.graph")

    with pytest.raises(AttributeError) as info:
        _ = module.no_such_name

    assert "module 'goudenoor.audit' has no attribute 'no_such_name'" == str(info.value)


def test_load_extension_of_a_path() -> None:
    with pytest.warns(DeprecationWarning, match="is deprecated") as caught:
        extension = go.load_extension(str(ZORG))

    assert go.load_extension_file(ZORG) == extension
    expected = f"load_extension(path) {END}load_extension_file(path)"
    assert [expected] == [str(w.message) for w in caught]


def test_extension_problems_in_the_old_order() -> None:
    std = go.load_standard("gos-2016")
    extension = go.load_extension_file(ZORG)

    with pytest.warns(DeprecationWarning, match="is deprecated") as caught:
        old = go.extension_problems(std, extension)

    assert go.extension_problems(extension, std) == old
    expected = (
        f"extension_problems(standard, extension) {END}"
        "extension_problems(extension, standard)"
    )
    assert [expected] == [str(w.message) for w in caught]


@pytest.mark.parametrize("export", ["to_dot", "to_mermaid"])
def test_graph_colours_from_scores(export: str) -> None:
    std = go.load_standard("gos-2012")
    card = go.score(go.load_audit(EXAMPLES / "audit-2012.yaml"))
    graph = go.influence_graph(std)
    scores = {area_id: result.fraction for area_id, result in card.areas.items()}
    function = getattr(go, export)

    with pytest.warns(DeprecationWarning, match="is deprecated") as caught:
        old = function(graph, scores)

    assert function(graph, card=card) == old
    expected = f"{export}(graph, scores) {END}{export}(graph, card=card)"
    assert [expected] == [str(w.message) for w in caught]


def test_scores_and_a_card_together() -> None:
    std = go.load_standard("gos-2012")
    card = go.score(go.load_audit(EXAMPLES / "audit-2012.yaml"))

    with pytest.raises(TypeError) as info:
        go.to_dot(go.influence_graph(std), {"1": 0.5}, card=card)

    assert "to_dot() takes card= or the old scores, not both" == str(info.value)


class TestWorkbook:
    @pytest.fixture(autouse=True)
    def _openpyxl(self) -> None:
        pytest.importorskip("openpyxl")

    def test_write_and_read_by_their_old_names(self, tmp_path: Path) -> None:
        from goudenoor.files import xlsx

        audit = go.load_audit(EXAMPLES / "audit-2012.yaml")
        path = tmp_path / "audit.xlsx"

        with pytest.warns(DeprecationWarning, match="is deprecated") as written:
            xlsx.write_workbook(audit.standard, path, assessment=audit.assessment)
        with pytest.warns(DeprecationWarning, match="is deprecated") as reading:
            read = xlsx.read_workbook(path)

        assert xlsx.load_workbook(path).assessment == read == audit.assessment
        assert [
            f"write_workbook() {END}save_workbook()",
            f"read_workbook() {END}load_workbook(path).assessment",
        ] == [str(w.message) for w in (*written, *reading)]


def test_the_old_forms_that_stay_do_not_warn() -> None:
    """score(standard, assessment) and what_if(standard, assessment, ...)
    are forms of their own, not deprecated ones."""
    audit = go.load_audit(EXAMPLES / "audit-2012.yaml")

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        old = go.score(audit.standard, audit.assessment)
        changed = go.what_if(audit.standard, audit.assessment, {"1.1": 4})

    assert go.score(audit).total == old.total
    assert go.what_if(audit, {"1.1": 4}).total == changed.total
