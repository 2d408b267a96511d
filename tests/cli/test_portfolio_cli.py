"""
goudenoor portfolio: the table of the good files, the refused ones on
standard error with exit code 1.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from goudenoor.portfolio._portfolio import COLUMNS
from helpers import run
from portfolio_files import audit_text, broken_messages, write_portfolio


def test_three_broken_files_are_named_and_the_rest_scored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_portfolio(tmp_path, broken=True)
    code, out = run("portfolio", str(tmp_path), "--format", "csv")
    assert 1 == code
    rows = list(csv.DictReader(io.StringIO(out)))
    assert (
        [
            ("Alfa", "100"),
            ("Beta", "50"),
            ("Gamma", "12.5"),
        ]
    ) == [(row["organisation"], row["points"]) for row in rows]
    assert capsys.readouterr().err.splitlines() == [
        f"goudenoor: error: {message}" for message in broken_messages(tmp_path).values()
    ]


def test_all_good_exits_zero_with_the_columns_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_portfolio(tmp_path)
    code, out = run("portfolio", str(tmp_path), "--level", "area", "--format", "csv")
    assert 0 == code
    assert "" == capsys.readouterr().err
    lines = out.splitlines()
    assert lines[0] == ",".join(COLUMNS["area"])
    assert len(lines) == 1 + 3 * 9
    assert next(iter(csv.reader(lines[1:2])))[:-1] == [
        "Alfa",
        "",
        "gos-2012",
        "2026-03-01",
        str(tmp_path / "a.yaml"),
        "1",
        "Stem van de klant",
        "organisation",
        "10",
        "10",
        "1",
    ]


def test_json_lists_rows_and_refused_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_portfolio(tmp_path, broken=True)
    code, out = run(
        "portfolio", str(tmp_path / "*.y*ml"), "--format", "json", "--jobs", "2"
    )
    assert 1 == code
    data = json.loads(out)
    assert "portfolio/1" == data["goudenoor"]
    assert "total" == data["level"]
    assert data["columns"] == list(COLUMNS["total"])
    assert (
        [
            ("Alfa", 100.0, "2026-03-01"),
            ("Beta", 50.0, "2026-03-01"),
        ]
    ) == [(r["organisation"], r["points"], r["date"]) for r in data["rows"]]
    assert data["refused"] == [
        {"path": path, "error": message}
        for path, message in broken_messages(tmp_path).items()
    ]
    assert 3 == len(capsys.readouterr().err.splitlines())


def test_text_and_markdown(tmp_path: Path) -> None:
    a, *_ = write_portfolio(tmp_path)
    code, out = run("portfolio", str(a))
    assert 0 == code
    header, row = out.splitlines()
    assert header.split() == list(COLUMNS["total"])
    assert ["Alfa", "gos-2012"] == row.split()[:2]
    code, out = run("portfolio", str(a), "--format", "md")
    assert 0 == code
    assert out.splitlines()[0] == "| " + " | ".join(COLUMNS["total"]) + " |"
    source = str(a).replace("_", "\\_")  # Markdown escapes the underscores
    assert out.splitlines()[2].startswith(
        f"| Alfa |  | gos-2012 | 2026-03-01 | {source} | 100 | 70 | 30 | 100 | 1 |"
    )


def test_output_file_and_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, *_ = write_portfolio(tmp_path)
    target = tmp_path / "out.csv"
    assert (0, "") == run("portfolio", str(a), "--format", "csv", "-o", str(target))
    assert target.read_text(encoding="utf-8").startswith("organisation,")
    code, _ = run("portfolio", str(a), "--format", "csv", "-o", str(target))
    assert 2 == code
    capsys.readouterr()
    assert (0, "") == (
        run("portfolio", str(a), "--format", "csv", "-o", str(target), "--force")
    )


def test_jobs_must_be_at_least_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        run("portfolio", str(tmp_path), "--jobs", "0")
    assert (
        "argument --jobs: expected a whole number of at least 1, got '0'"
        in capsys.readouterr().err
    )


@pytest.mark.parametrize(
    "organisation", ['=HYPERLINK("http://x")', "+31 20", "-2+3", "@SUM(A1)"]
)
def test_csv_cells_that_would_be_formulas_get_an_apostrophe(
    tmp_path: Path, organisation: str
) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(audit_text(json.dumps(organisation), {}), encoding="utf-8")
    code, out = run("portfolio", str(path), "--format", "csv")
    assert 0 == code
    row = next(csv.DictReader(io.StringIO(out)))
    assert row["organisation"] == "'" + organisation
    assert "0" == row["points"]


class _Terminal(io.StringIO):
    def __init__(self, *, terminal: bool) -> None:
        super().__init__()
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal


def test_progress_only_on_a_terminal_and_after_the_delay() -> None:
    from goudenoor.cli._portfolio import Progress

    quiet = _Terminal(terminal=False)
    progress = Progress(quiet, delay=0.0)
    progress(1, 2)
    progress.close()
    assert "" == quiet.getvalue()

    early = _Terminal(terminal=True)
    progress = Progress(early, delay=3600.0)
    progress(1, 2)
    progress.close()
    assert "" == early.getvalue()

    shown = _Terminal(terminal=True)
    progress = Progress(shown, delay=0.0)
    progress(1, 2_000)
    progress(2_000, 2_000)
    progress.close()
    assert "\rgoudenoor: 1/2,000 files\rgoudenoor: 2,000/2,000 files\r\x1b[K" == (
        shown.getvalue()
    )


def test_a_path_without_files_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_portfolio(tmp_path)
    (tmp_path / "empty").mkdir()
    pattern = str(tmp_path / "*.json")
    assert (2, "") == run("portfolio", str(tmp_path), pattern)
    assert (
        f"goudenoor: error: no assessment files in {pattern!r} (expected a file, a "
        "folder with *.yaml or *.yml files, or a glob pattern that matches files)\n"
    ) == (capsys.readouterr().err)
    assert (2, "") == run("portfolio", str(tmp_path / "empty"))
