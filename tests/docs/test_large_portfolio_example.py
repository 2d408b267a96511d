"""
examples/large_portfolio.py: a pure ``score_file`` mapped over files in a
process pool, the rows streamed to CSV exactly as ``goudenoor portfolio
--format csv`` writes them; refused files named, exit codes 0, 1 and 2.
"""

from __future__ import annotations

import pickle
import runpy
from pathlib import Path
from typing import Any

import pytest

import goudenoor as go
from conftest import EXAMPLE_AUDIT, ROOT
from helpers import run_cli, run_python
from portfolio_files import BROKEN, broken_messages


EXAMPLE = ROOT / "examples" / "large_portfolio.py"


@pytest.fixture(name="example", scope="module")
def _example() -> dict[str, Any]:
    return runpy.run_path(str(EXAMPLE))


@pytest.fixture(name="audits", scope="module")
def _audits(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("audits")
    done = run_python(EXAMPLE, "--make", "5", folder)
    assert (0, "", "") == (done.returncode, done.stdout, done.stderr)
    return folder


def test_make_writes_loadable_files_the_same_each_time(
    audits: Path, tmp_path: Path, example: dict[str, Any]
) -> None:
    example["make_files"](5, tmp_path)
    names = sorted(path.name for path in audits.iterdir())
    assert names == [f"audit-{n:06d}.yaml" for n in range(1, 6)]
    assert [(tmp_path / name).read_text("utf-8") for name in names] == [
        (audits / name).read_text("utf-8") for name in names
    ]
    portfolio = go.load_portfolio(audits)
    assert (5, ()) == (len(portfolio.assessments), portfolio.errors)
    assert "Organisatie 000001" == portfolio.assessments[0].organisation


@pytest.mark.parametrize(
    ("jobs", "level"), [("1", "total"), ("2", "total"), ("2", "requirement")]
)
def test_the_csv_is_the_portfolio_commands(
    audits: Path, tmp_path: Path, jobs: str, level: str
) -> None:
    out = tmp_path / "scores.csv"
    done = run_python(
        EXAMPLE,
        audits,
        "--jobs",
        jobs,
        "--chunksize",
        "2",
        "--level",
        level,
        "--out",
        out,
    )
    assert (0, "") == (done.returncode, done.stdout)
    rows = 5 if level == "total" else 5 * 29
    assert done.stderr.startswith(f"large_portfolio: 5 files, {rows} rows, 0 refused, ")
    assert done.stderr.endswith(f" s with {jobs} job(s)\n")
    expected = run_cli("portfolio", audits, "--format", "csv", "--level", level).stdout
    assert out.read_text("utf-8") == expected
    assert len(expected.splitlines()) == rows + 1


def test_refused_files_are_named_and_the_rest_written(
    audits: Path, tmp_path: Path
) -> None:
    for name, text in BROKEN.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    done = run_python(EXAMPLE, audits, tmp_path, "--jobs", "2")
    assert 1 == done.returncode
    messages = broken_messages(tmp_path)
    assert done.stderr.splitlines()[:-1] == [
        f"large_portfolio: error: {messages[str(tmp_path / name)]}"
        for name in sorted(BROKEN)
    ]
    assert "5 rows, 3 refused" in done.stderr.splitlines()[-1]
    assert done.stdout == run_cli("portfolio", audits, "--format", "csv").stdout


def test_score_file_gives_the_portfolio_rows(example: dict[str, Any]) -> None:
    rows = example["score_file"](str(EXAMPLE_AUDIT))
    assert rows == go.load_portfolio(EXAMPLE_AUDIT).table()
    area_rows = example["score_file"](str(EXAMPLE_AUDIT), "area")
    assert area_rows == go.load_portfolio(EXAMPLE_AUDIT).table("area")
    assert pickle.loads(pickle.dumps(rows)) == rows  # noqa: S301 - our own bytes


def test_score_file_records_a_refused_file(
    example: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "e.yaml"
    path.write_text(BROKEN["e.yaml"], encoding="utf-8")
    assert example["score_file"](str(path)) == [
        {"source": str(path), "error": broken_messages(tmp_path)[str(path)]}
    ]
    missing = str(tmp_path / "missing.yaml")
    assert example["score_file"](missing) == [
        {
            "source": missing,
            "error": f"{missing}: cannot read file: No such file or directory",
        }
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--jobs", "0", "x.yaml"], "--jobs and --chunksize must be at least 1"),
        (["--chunksize", "0", "x.yaml"], "--jobs and --chunksize must be at least 1"),
        (["--make", "many", "out"], "--make: N must be a whole number, not 'many'"),
        ([], "no assessment files given"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    done = run_python(EXAMPLE, *args)
    assert (2, "") == (done.returncode, done.stdout)
    assert f"large_portfolio: error: {message}" == done.stderr.splitlines()[-1]


def test_an_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    done = run_python(EXAMPLE, tmp_path)
    assert (2, "") == (done.returncode, done.stdout)
    assert (
        "large_portfolio: error: no assessment files given"
        == (done.stderr.splitlines()[-1])
    )


def test_an_out_file_that_cannot_be_written_is_a_usage_error(
    audits: Path, tmp_path: Path
) -> None:
    out = tmp_path / "missing" / "scores.csv"
    done = run_python(EXAMPLE, audits, "--out", out)
    assert (2, "") == (done.returncode, done.stdout)
    assert (
        f"large_portfolio: error: --out: cannot write {out}: No such file or directory"
        == (done.stderr.splitlines()[-1])
    )


def test_score_text_gives_the_same_rows(example: dict[str, Any]) -> None:
    data = EXAMPLE_AUDIT.read_bytes()
    source = str(EXAMPLE_AUDIT)
    assert example["score_text"](source, data) == example["score_file"](source)
    assert example["score_text"](source, data.decode("utf-8"), "requirement") == (
        example["score_file"](source, "requirement")
    )


def test_score_text_records_a_refused_text(example: dict[str, Any]) -> None:
    assert (
        [
            {
                "source": "s3://audits/a.yaml",
                "error": "s3://audits/a.yaml:1:1: not UTF-8 text "
                "(byte 0xff cannot be decoded)",
            }
        ]
    ) == example["score_text"]("s3://audits/a.yaml", b"\xff")
