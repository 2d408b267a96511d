"""
Standard input (``-``) in every FILE argument of every command (issue 23):
each is read one way (``read_input``, then the library's ``loads_*``), a
PATH (a file, folder or pattern) refuses ``-``, and ``-`` is given at most
once per command.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from conftest import DATA, EXAMPLE_AUDIT, ROOT, SHIPPED
from goudenoor.cli import build_parser, main
from goudenoor.cli._common import FILE_ARGUMENTS
from helpers import commands_of


EXAMPLES = ROOT / "examples"
ZORG = EXAMPLES / "goudenoor-zorg" / "src" / "goudenoor_zorg" / "zorg.yaml"
TRANSLATION = SHIPPED / "editions" / "gos-2012.en.yaml"
CROSSWALK = SHIPPED / "crosswalks" / "gos-2012--gos-2016.yaml"
EARLIER = EXAMPLES / "history" / "lindewaard-2024.yaml"
TEAM = sorted((EXAMPLES / "team").glob("*.yaml"))
SITES = sorted((EXAMPLES / "sites").glob("*.yaml"))
A = str(EXAMPLE_AUDIT)
SELF = EXAMPLES / "self-2012.yaml"
FINDINGS_AUDIT = DATA / "findings-2012.yaml"
NOORD = ROOT / "tests" / "data" / "findings" / "zuiderlicht-noord-2025.yaml"
EVIDENCE = DATA / "evidence" / "audit.yaml"
SAMPLE = DATA / "sample" / "sample.yaml"
REGISTER = DATA / "sample" / "register.csv"
RESULTS = DATA / "sample" / "results.csv"
CISO_AUDIT = DATA / "ciso" / "audit-2012.csv"
MAPPED = DATA / "oscal" / "mapped-results.json"
OUT = "{out}"  # replaced by a fresh output file
WORKBOOK = "{workbook}"  # replaced by an audit workbook of gos-2012

# (command, the argument that is '-', what stdin holds, the arguments, exit code)
CASES = [
    ("validate", "files", EXAMPLE_AUDIT, ["validate", "-"], 0),
    ("show", "translation", TRANSLATION, ["show", "gos-2012", "--translation", "-"], 0),
    ("show", "extension", ZORG, ["show", "gos-2012", "--extension", "-"], 0),
    ("template", "extension", ZORG, ["template", "gos-2012", "--extension", "-"], 0),
    (
        "questionnaire",
        "extension",
        ZORG,
        ["questionnaire", "gos-2016", "--extension", "-"],
        0,
    ),
    ("score", "file", EXAMPLE_AUDIT, ["score", "-"], 0),
    ("score", "extension", ZORG, ["score", A, "--extension", "-"], 0),
    ("report", "file", EXAMPLE_AUDIT, ["report", "-"], 0),
    ("report", "compare", EARLIER, ["report", A, "--compare", "-"], 0),
    ("report", "extension", ZORG, ["report", A, "--extension", "-"], 0),
    (
        "report",
        "translation",
        TRANSLATION,
        ["report", A, "--translation", "-", "--format", "md"],
        0,
    ),
    ("compare", "old", EARLIER, ["compare", "-", A], 0),
    ("compare", "new", EXAMPLE_AUDIT, ["compare", str(EARLIER), "-"], 0),
    ("compare", "extension", ZORG, ["compare", str(EARLIER), A, "--extension", "-"], 0),
    # A workbook is a zip archive, read by seeking: refused, a usage error.
    ("import-xlsx", "file", EXAMPLE_AUDIT, ["import-xlsx", "-"], 2),
    (
        "import-xlsx",
        "extension",
        ZORG,
        ["import-xlsx", WORKBOOK, "--extension", "-"],
        0,
    ),
    (
        "graph",
        "assessment",
        EXAMPLE_AUDIT,
        ["graph", "gos-2012", "--assessment", "-"],
        0,
    ),
    ("graph", "extension", ZORG, ["graph", "gos-2012", "--extension", "-"], 0),
    ("migrate", "file", EXAMPLE_AUDIT, ["migrate", "-", "--to", "gos-2016"], 0),
    (
        "migrate",
        "crosswalk",
        CROSSWALK,
        ["migrate", A, "--to", "gos-2016", "--crosswalk", "-"],
        0,
    ),
    (
        "migrate",
        "extension",
        ZORG,
        ["migrate", A, "--to", "gos-2016", "--extension", "-"],
        0,
    ),
    (
        "consensus",
        "files",
        TEAM[0],
        ["consensus", "-", *map(str, TEAM[1:]), "-o", OUT],
        0,
    ),
    (
        "consensus",
        "extension",
        ZORG,
        ["consensus", *map(str, TEAM), "--extension", "-", "-o", OUT],
        0,
    ),
    ("calibrate", "self_assessment", SELF, ["calibrate", "-", A], 0),
    ("calibrate", "audit", EXAMPLE_AUDIT, ["calibrate", str(SELF), "-"], 0),
    (
        "calibrate",
        "extension",
        ZORG,
        ["calibrate", str(SELF), A, "--extension", "-"],
        0,
    ),
    (
        "oscal catalog",
        "extension",
        ZORG,
        ["oscal", "catalog", "gos-2012", "--extension", "-"],
        0,
    ),
    ("oscal results", "file", EXAMPLE_AUDIT, ["oscal", "results", "-"], 0),
    (
        "oscal results",
        "extension",
        ZORG,
        ["oscal", "results", A, "--extension", "-"],
        0,
    ),
    ("oscal poam", "file", FINDINGS_AUDIT, ["oscal", "poam", "-"], 0),
    (
        "oscal import-results",
        "file",
        MAPPED,
        ["oscal", "import-results", "-", "--edition", "gos-2012"],
        0,
    ),
    (
        "oscal import-results",
        "extension",
        ZORG,
        [
            "oscal",
            "import-results",
            str(MAPPED),
            "--edition",
            "gos-2012",
            "--extension",
            "-",
        ],
        0,
    ),
    (
        "oscal poam",
        "extension",
        ZORG,
        ["oscal", "poam", str(FINDINGS_AUDIT), "--extension", "-"],
        0,
    ),
    (
        "export ciso-assistant",
        "extension",
        ZORG,
        ["export", "ciso-assistant", "gos-2012", "--extension", "-"],
        0,
    ),
    (
        "export ciso-assistant-audit",
        "file",
        EXAMPLE_AUDIT,
        ["export", "ciso-assistant-audit", "-"],
        0,
    ),
    (
        "export ciso-assistant-audit",
        "extension",
        ZORG,
        ["export", "ciso-assistant-audit", A, "--extension", "-"],
        0,
    ),
    (
        "import ciso-assistant-audit",
        "file",
        CISO_AUDIT,
        ["import", "ciso-assistant-audit", "-", "--edition", "gos-2012"],
        0,
    ),
    (
        "import ciso-assistant-audit",
        "extension",
        ZORG,
        [
            "import",
            "ciso-assistant-audit",
            str(CISO_AUDIT),
            "--edition",
            "gos-2012",
            "--extension",
            "-",
        ],
        0,
    ),
    # A PATH may be a folder or a pattern, which standard input is not.
    ("portfolio", "paths", EXAMPLE_AUDIT, ["portfolio", "-"], 2),
    ("portfolio", "extension", ZORG, ["portfolio", A, "--extension", "-"], 0),
    ("rollup", "files", SITES[0], ["rollup", "-", *map(str, SITES[1:])], 0),
    ("rollup", "extension", ZORG, ["rollup", *map(str, SITES), "--extension", "-"], 0),
    (
        "benchmark",
        "file",
        EXAMPLE_AUDIT,
        ["benchmark", "-", "--against", str(EXAMPLES / "sector")],
        0,
    ),
    ("benchmark", "against", EXAMPLE_AUDIT, ["benchmark", A, "--against", "-"], 2),
    (
        "benchmark",
        "extension",
        ZORG,
        ["benchmark", A, "--against", str(EXAMPLES / "sector"), "--extension", "-"],
        0,
    ),
    ("trend", "files", EARLIER, ["trend", "-", A], 0),
    # A journal lies beside its assessment, which standard input is not.
    (
        "rate",
        "file",
        EXAMPLE_AUDIT,
        ["rate", "-", "1.3=3", "--by", "A", "--reason", "r"],
        2,
    ),
    ("journal verify", "file", EXAMPLE_AUDIT, ["journal", "verify", "-"], 2),
    ("journal show", "file", EXAMPLE_AUDIT, ["journal", "show", "-"], 2),
    ("findings", "file", NOORD, ["findings", "-", "--as-of", "2025-10-01"], 0),
    ("findings", "extension", ZORG, ["findings", A, "--extension", "-"], 0),
    ("status", "paths", NOORD, ["status", "-"], 2),
    (
        "evidence hash",
        "file",
        EVIDENCE,
        ["evidence", "hash", "-", "--root", str(EVIDENCE.parent)],
        0,
    ),
    (
        "evidence hash",
        "extension",
        ZORG,
        ["evidence", "hash", A, "--extension", "-"],
        0,
    ),
    (
        "evidence verify",
        "file",
        EVIDENCE,
        ["evidence", "verify", "-", "--root", str(EVIDENCE.parent)],
        0,
    ),
    # The evidence files are beside FILE: standard input has no folder.
    ("evidence verify", "file", EVIDENCE, ["evidence", "verify", "-"], 2),
    (
        "evidence verify",
        "extension",
        ZORG,
        ["evidence", "verify", A, "--extension", "-"],
        0,
    ),
    ("status", "extension", ZORG, ["status", A, "--extension", "-"], 0),
    # A register's fingerprint is over the file's bytes: a file, never '-'.
    (
        "sample draw",
        "register",
        REGISTER,
        [
            "sample",
            "draw",
            "-",
            "--id-column",
            "nummer",
            "--seed",
            "x",
            "--size",
            "5",
            "-o",
            OUT,
        ],
        2,
    ),
    ("sample verify", "sample", SAMPLE, ["sample", "verify", "-", str(REGISTER)], 0),
    ("sample verify", "register", REGISTER, ["sample", "verify", str(SAMPLE), "-"], 2),
    (
        "sample evaluate",
        "sample",
        SAMPLE,
        ["sample", "evaluate", "-", "--deviations", "0"],
        0,
    ),
    (
        "sample evaluate",
        "results",
        RESULTS,
        ["sample", "evaluate", str(SAMPLE), "--results", "-"],
        0,
    ),
    ("trend", "extension", ZORG, ["trend", str(EARLIER), A, "--extension", "-"], 0),
]


REFUSED = {
    ("import-xlsx", "file"): "goudenoor: error: import-xlsx reads a workbook from a "
    "file, not from standard input ('-'): give the path of the .xlsx file\n",
    ("portfolio", "paths"): "goudenoor: error: PATH: standard input ('-') cannot be "
    "read here: give assessment files, folders or glob patterns\n",
    ("benchmark", "against"): "goudenoor: error: --against: standard input ('-') "
    "cannot be read here: give assessment files, folders or glob patterns\n",
    **{
        (command, "register"): "goudenoor: error: a register is read from a "
        "file, not from standard input ('-'): its fingerprint is over the "
        "file's bytes; give the path of the register\n"
        for command in ("sample draw", "sample verify")
    },
    ("status", "paths"): "goudenoor: error: PATH: standard input ('-') cannot be "
    "read here: give assessment files, folders or glob patterns\n",
    ("evidence verify", "file"): "goudenoor: error: evidence verify reads the "
    "evidence files beside FILE: with standard input ('-'), give their folder "
    "with --root DIR\n",
    **{
        (command, "file"): f"goudenoor: error: {command} reads an assessment file "
        "and the journal beside it, not standard input ('-'): give the path of "
        "the assessment\n"
        for command in ("rate", "journal verify", "journal show")
    },
}


def _file_arguments() -> set[tuple[str, str]]:
    """
    (command, destination) of every argument of every command that names
    a file to read, or a PATH of files.
    """
    return {
        (command, action.dest)
        for command, parser in commands_of(build_parser()).items()
        for action in parser._actions
        if action.dest in {*FILE_ARGUMENTS, "paths", "against"}
    }


def test_every_file_argument_has_a_case() -> None:
    """
    The cases below cover every file argument of every command, so that a
    new one cannot be left out.
    """
    assert _file_arguments() == {(command, dest) for command, dest, *_ in CASES}


def _run(argv: list[str], data: bytes, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    try:
        return main(argv, out=io.StringIO())
    except SystemExit as exc:  # a usage error found by argparse
        return int(exc.code or 0)


@pytest.mark.parametrize(
    ("command", "dest", "given", "argv", "expected"),
    CASES,
    ids=[f"{command}-{dest}" for command, dest, *_ in CASES],
)
def test_stdin(  # noqa: PLR0917 - the columns of one table
    command: str,
    dest: str,
    given: Path,
    argv: list[str],
    expected: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """
    ``-`` reads standard input wherever a file is read, and is refused with
    exit 2, saying why, where it cannot be (a workbook, a PATH).
    """
    if WORKBOOK in argv:
        workbook = tmp_path / "audit.xlsx"
        assert 0 == main(
            ["template", "gos-2012", "--format", "xlsx", "-o", str(workbook)]
        )
        argv = [str(workbook) if arg == WORKBOOK else arg for arg in argv]
    argv = [str(tmp_path / "out.yaml") if arg == OUT else arg for arg in argv]
    capsys.readouterr()

    code = _run(argv, given.read_bytes(), monkeypatch)

    err = capsys.readouterr().err
    assert expected == code, err
    if expected == 0:
        assert "error" not in err  # graph lists the areas at risk there
    else:
        assert REFUSED[command, dest] == err


REPEATED = [
    ["compare", "-", "-"],
    ["score", "-", "--extension", "-"],
    ["report", "-", "--compare", "-"],
    ["report", A, "--extension", "-", "--translation", "-"],
    ["migrate", "-", "--to", "gos-2016", "--crosswalk", "-"],
    ["consensus", "-", "-", "-o", "agreed.yaml"],
    ["rollup", "-", "-"],
    ["trend", "-", "-"],
    ["validate", "-", "-"],
    ["graph", "gos-2012", "--assessment", "-", "--extension", "-"],
]


@pytest.mark.parametrize("argv", REPEATED, ids=[" ".join(a) for a in REPEATED])
def test_stdin_once(
    argv: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """
    A second ``-`` in one command is a usage error (exit 2): standard input
    is read once, so the second could only be empty. Nothing is written.
    """
    monkeypatch.chdir(tmp_path)

    code = _run(argv, EXAMPLE_AUDIT.read_bytes(), monkeypatch)

    captured = capsys.readouterr()
    assert (2, "", []) == (code, captured.out, list(tmp_path.iterdir()))
    assert (
        "goudenoor: error: standard input ('-') can be read only once: give it for "
        "one FILE argument, and files for the others\n"
    ) == captured.err
