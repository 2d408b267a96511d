"""
One exit-code table that every command follows (issue 23): 0 success, 1
findings or refused files (only the commands of ``FINDINGS``), 2 usage or
unreadable input.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from conftest import DATA, EXAMPLE_AUDIT, ROOT
from goudenoor.cli import main
from goudenoor.cli._common import EXIT_CODES, FINDINGS
from goudenoor.files import journal_path, rate_file
from helpers import commands_of, register_pack


EXAMPLES = ROOT / "examples"
A = str(EXAMPLE_AUDIT)
SELF = str(EXAMPLES / "self-2012.yaml")
FINDINGS_AUDIT = str(DATA / "findings-2012.yaml")
EARLIER = str(EXAMPLES / "history" / "lindewaard-2024.yaml")
FINDINGS_DATA = ROOT / "tests" / "data" / "findings"
NOORD = str(FINDINGS_DATA / "zuiderlicht-noord-2025.yaml")
ZUID = str(FINDINGS_DATA / "zuiderlicht-zuid-2025.yaml")
TEAM = [str(path) for path in sorted((EXAMPLES / "team").glob("*.yaml"))]
SITES = [str(path) for path in sorted((EXAMPLES / "sites").glob("*.yaml"))]
SECTOR = str(EXAMPLES / "sector")
EVIDENCE = str(DATA / "evidence" / "audit.yaml")
CHANGED = str(DATA / "evidence" / "changed.yaml")
REGISTER = str(DATA / "sample" / "register.csv")
SAMPLE = str(DATA / "sample" / "sample.yaml")
OTHER_REGISTER = str(DATA / "sample" / "other.csv")
CISO_AUDIT = str(DATA / "ciso" / "audit-2012.csv")
MISSING = "{missing}"  # a file that does not exist
BAD = "{bad}"  # a file that is read but is no valid assessment
OUT = "{out}"  # a fresh output file
WORKBOOK = "{workbook}"  # an audit workbook of gos-2012
RESULTS = "{results}"  # A as OSCAL assessment results
FOREIGN = str(DATA / "oscal" / "foreign-results.json")
BROKEN_PACK = "{broken pack}"  # marks a run with a broken installed extension
RATED = "{rated}"  # a copy of A rated once: it has a journal
CUT = "{cut}"  # a copy of A rated twice, its journal's last entry deleted

# Per command: a run that succeeds, one with a file it cannot read (None
# if it reads none) and, only for the commands of FINDINGS, one with a
# finding or a refused file.
TABLE: dict[str, tuple[list[str], list[str] | None, list[str] | None]] = {
    "editions": (["editions"], None, None),
    "show": (["show", "gos-2012"], ["show", "--extension", MISSING], None),
    "questionnaire": (
        ["questionnaire", "gos-2016", "--format", "json"],
        ["questionnaire", "gos-2016", "--extension", MISSING],
        None,
    ),
    "template": (
        ["template", "gos-2012"],
        ["template", "gos-2012", "--extension", MISSING],
        None,
    ),
    "score": (["score", A], ["score", MISSING], None),
    "report": (["report", A], ["report", A, "--compare", MISSING], None),
    "compare": (["compare", EARLIER, A], ["compare", MISSING, A], None),
    "import-xlsx": (["import-xlsx", WORKBOOK], ["import-xlsx", MISSING], None),
    "graph": (
        ["graph", "gos-2012"],
        ["graph", "gos-2012", "--assessment", MISSING],
        None,
    ),
    "extensions": (["extensions"], None, ["extensions", BROKEN_PACK]),
    "schema": (["schema", "assessment"], None, None),
    "validate": (["validate", A], ["validate", A, MISSING, BAD], ["validate", A, BAD]),
    "diff": (["diff", "gos-2012", "gos-2016"], None, None),
    "migrate": (
        ["migrate", A, "--to", "gos-2016"],
        ["migrate", MISSING, "--to", "gos-2016"],
        None,
    ),
    "consensus": (
        ["consensus", *TEAM, "-o", OUT],
        ["consensus", MISSING, *TEAM, "-o", OUT],
        None,
    ),
    "calibrate": (["calibrate", SELF, A], ["calibrate", SELF, MISSING], None),
    "oscal catalog": (
        ["oscal", "catalog", "gos-2012"],
        ["oscal", "catalog", "gos-2012", "--extension", MISSING],
        None,
    ),
    "oscal results": (["oscal", "results", A], ["oscal", "results", MISSING], None),
    "oscal poam": (["oscal", "poam", FINDINGS_AUDIT], ["oscal", "poam", A], None),
    "oscal mapping": (["oscal", "mapping", "gos-2012", "gos-2016"], None, None),
    "oscal import-results": (
        ["oscal", "import-results", RESULTS],
        ["oscal", "import-results", MISSING],
        ["oscal", "import-results", FOREIGN, "--edition", "gos-2012"],
    ),
    "export ciso-assistant": (
        ["export", "ciso-assistant", "gos-2012"],
        ["export", "ciso-assistant", "gos-2012", "--extension", MISSING],
        None,
    ),
    "export ciso-assistant-audit": (
        ["export", "ciso-assistant-audit", A],
        ["export", "ciso-assistant-audit", MISSING],
        None,
    ),
    "import ciso-assistant-audit": (
        ["import", "ciso-assistant-audit", CISO_AUDIT, "--edition", "gos-2012"],
        ["import", "ciso-assistant-audit", MISSING, "--edition", "gos-2012"],
        None,
    ),
    "portfolio": (["portfolio", A], ["portfolio", A, MISSING], ["portfolio", A, BAD]),
    "rollup": (["rollup", *SITES], ["rollup", MISSING, *SITES], None),
    "benchmark": (
        ["benchmark", A, "--against", SECTOR],
        ["benchmark", MISSING, "--against", SECTOR],
        ["benchmark", A, "--against", SECTOR, BAD],
    ),
    "trend": (["trend", EARLIER, A], ["trend", MISSING, A], None),
    "findings": (["findings", NOORD], ["findings", MISSING], None),
    "evidence hash": (
        ["evidence", "hash", EVIDENCE],
        ["evidence", "hash", MISSING],
        ["evidence", "hash", CHANGED],
    ),
    "evidence verify": (
        ["evidence", "verify", EVIDENCE, "--as-of", "2026-11-01"],
        ["evidence", "verify", MISSING],
        ["evidence", "verify", CHANGED, "--as-of", "2026-11-01"],
    ),
    "rate": (
        ["rate", RATED, "1.3=3", "--by", "A. Jansen", "--reason", "herzien"],
        ["rate", MISSING, "1.3=3", "--by", "A. Jansen", "--reason", "herzien"],
        None,
    ),
    "journal verify": (
        ["journal", "verify", RATED],
        ["journal", "verify", MISSING],
        ["journal", "verify", CUT],
    ),
    "journal show": (["journal", "show", RATED], ["journal", "show", MISSING], None),
    "sample plan": (
        ["sample", "plan", "--confidence", "0.95", "--tolerable", "0.05"],
        ["sample", "plan", "--confidence", "1.5", "--tolerable", "0.05"],
        None,
    ),
    "sample draw": (
        [
            "sample",
            "draw",
            REGISTER,
            "--id-column",
            "nummer",
            "--seed",
            "x",
            "--size",
            "5",
            "-o",
            OUT,
        ],
        [
            "sample",
            "draw",
            MISSING,
            "--id-column",
            "nummer",
            "--seed",
            "x",
            "--size",
            "5",
            "-o",
            OUT,
        ],
        None,
    ),
    "sample verify": (
        ["sample", "verify", SAMPLE, REGISTER],
        ["sample", "verify", SAMPLE, MISSING],
        ["sample", "verify", SAMPLE, OTHER_REGISTER],
    ),
    "sample evaluate": (
        ["sample", "evaluate", SAMPLE, "--deviations", "0"],
        ["sample", "evaluate", MISSING, "--deviations", "0"],
        None,
    ),
    "status": (
        ["status", NOORD, ZUID, "--as-of", "2025-05-01", "--fail-on", "suspended"],
        ["status", NOORD, "--as-of", "2025-13-01"],
        ["status", NOORD, ZUID, "--as-of", "2025-10-01", "--fail-on", "suspended"],
    ),
}


def _install_broken_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """
    An installed extension whose entry point names nothing.
    """
    register_pack(
        tmp_path,
        "goudenoor-broken",
        "1.0",
        {"broken": "goudenoor_broken_missing:extension"},
    )
    monkeypatch.syspath_prepend(str(tmp_path))


def _journalled(path: Path, *, cut: bool) -> None:
    """
    A copy of A at *path* with a journal (its last entry deleted if *cut*).
    """
    if path.exists():
        return
    path.write_bytes(EXAMPLE_AUDIT.read_bytes())
    rate_file(path, {"1.3": 3}, by="A. Jansen", reason="herzien")
    rate_file(path, {"1.3": 2}, by="A. Jansen", reason="herzien")
    if cut:
        journal = journal_path(path)
        lines = journal.read_bytes().splitlines(keepends=True)
        journal.write_bytes(b"".join(lines[:-1]))


def _run(argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    if BROKEN_PACK in argv:
        _install_broken_pack(tmp_path, monkeypatch)
    if WORKBOOK in argv:
        workbook = tmp_path / "audit.xlsx"
        if not workbook.exists():
            main(["template", "gos-2012", "--format", "xlsx", "-o", str(workbook)])
    if RESULTS in argv:
        main(["oscal", "results", A, "-o", str(tmp_path / "results.json"), "--force"])
    for name in (RATED, CUT):
        if name in argv:
            _journalled(tmp_path / f"{name[1:-1]}.yaml", cut=name == CUT)
    bad = tmp_path / "bad.yaml"
    bad.write_text("goudenoor: assessment/1\nedition: gos-2012\n", encoding="utf-8")
    out = tmp_path / "out.yaml"
    out.unlink(missing_ok=True)
    names = {
        MISSING: str(tmp_path / "missing.yaml"),
        BAD: str(bad),
        OUT: str(out),
        WORKBOOK: str(tmp_path / "audit.xlsx"),
        RESULTS: str(tmp_path / "results.json"),
        RATED: str(tmp_path / "rated.yaml"),
        CUT: str(tmp_path / "cut.yaml"),
    }
    arguments = [names.get(arg, arg) for arg in argv if arg != BROKEN_PACK]
    try:
        return main(arguments, out=io.StringIO())
    except SystemExit as exc:  # a usage error found by argparse
        return int(exc.code or 0)


def test_the_table_covers_every_command() -> None:
    """
    Every command has its row, and only the commands of FINDINGS have a
    finding: a new command cannot be left out.
    """
    assert set(_commands_of_the_parser()) == set(TABLE)
    assert set(FINDINGS) == {c for c, (_, _, found) in TABLE.items() if found}
    assert [0, 1, 2] == list(EXIT_CODES)


def _commands_of_the_parser() -> list[str]:
    from goudenoor.cli import build_parser

    return list(commands_of(build_parser()))


@pytest.mark.parametrize("command", list(TABLE))
def test_exit_codes(
    command: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """
    Each command exits 0 when it succeeds, 2 on a wrong option and on a
    file it cannot read, and 1 only on what FINDINGS says it finds.
    """
    ok, unreadable, finding = TABLE[command]
    monkeypatch.chdir(tmp_path)
    codes = {"ok": _run(ok, tmp_path, monkeypatch)}
    codes["usage"] = _run([*command.split(), "--no-such-option"], tmp_path, monkeypatch)
    if unreadable is not None:
        codes["unreadable"] = _run(unreadable, tmp_path, monkeypatch)
    if finding is not None:
        codes["finding"] = _run(finding, tmp_path, monkeypatch)

    expected = {"ok": 0, "usage": 2}
    if unreadable is not None:
        expected["unreadable"] = 2
    if finding is not None:
        expected["finding"] = 1
    assert expected == codes, capsys.readouterr().err


def test_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """
    A PATH that gives no file (an empty folder) is a usage error, as a PATH
    that does not exist is: exit 2, never an empty table with exit 1.
    """
    (tmp_path / "empty").mkdir()

    code = main(["portfolio", str(tmp_path / "empty")], out=io.StringIO())

    assert 2 == code
    assert (
        f"goudenoor: error: no assessment files in {str(tmp_path / 'empty')!r} "
        "(expected a file, a folder with *.yaml or *.yml files, or a glob "
        "pattern that matches files)\n"
    ) == capsys.readouterr().err


def test_path_that_does_not_exist(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["portfolio", "/nonexistent"], out=io.StringIO())

    assert 2 == code
    assert (
        "goudenoor: error: PATH '/nonexistent': no such file or folder (expected a "
        "file, a folder with *.yaml or *.yml files, or a glob pattern that "
        "matches files)\n"
    ) == capsys.readouterr().err


class TestWords:
    """
    Messages in the user's terms (issue 23).
    """

    def test_show_an_unknown_edition(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        ``show gos-2013`` was meant as an edition, not an area.
        """
        code = main(["show", "gos-2013"], out=io.StringIO())

        assert 2 == code
        assert (
            "goudenoor: error: unknown edition 'gos-2013'; did you mean 'gos-2012', "
            "'gos-2016'?\n"
        ) == capsys.readouterr().err

    def test_show_an_unknown_area(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        A key that reads as no edition id is still an unknown area.
        """
        code = main(["show", "Klantbeleidx"], out=io.StringIO())

        assert 2 == code
        assert capsys.readouterr().err.startswith(
            "goudenoor: error: unknown area 'Klantbeleidx' in gos-2016"
        )

    def test_mistyped_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        A mistyped command gets the close ones, from the package's one
        did-you-mean helper.
        """
        with pytest.raises(SystemExit) as info:
            main(["scroe"])

        assert 2 == info.value.code
        err = capsys.readouterr().err
        assert err.endswith("; did you mean 'score'? (see 'goudenoor --help')\n")

    def test_mistyped_choice(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit) as info:
            main(["score", A, "--format", "jsn"])

        assert 2 == info.value.code
        assert (
            "goudenoor: error: argument --format: invalid choice: 'jsn' (choose from "
            "'text', 'json'); did you mean 'json'? (see 'goudenoor score --help')\n"
        ) == capsys.readouterr().err

    def test_file_exists_says_force(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        The command advises its own option, not Python's ``overwrite=True``.
        """
        path = tmp_path / "audit.yaml"
        path.write_text("mine\n", encoding="utf-8")

        code = main(["template", "gos-2012", "-o", str(path)], out=io.StringIO())

        assert 2 == code
        assert (
            f"goudenoor: error: {path}: file exists; not overwritten (add --force "
            "to replace it)\n"
        ) == capsys.readouterr().err

    def test_oscal_catalog_offers_the_shipped_editions(self) -> None:
        """
        The help of ``oscal catalog`` names the shipped editions, and no
        edition that is not shipped (it offered gos-2025).
        """
        from goudenoor.cli import build_parser

        catalog = commands_of(build_parser())["oscal catalog"]
        (edition,) = [a for a in catalog._actions if a.dest == "edition"]

        assert "edition id: gos-2012 or gos-2016" == edition.help

    def test_every_oscal_command_offers_the_versions_it_writes(self) -> None:
        """
        Each ``oscal`` command offers ``--oscal-version`` with the versions
        the library writes (spelled out in the parser, which does not import
        it), the mapping only 1.2.1, and its default.
        """
        from goudenoor.cli import build_parser
        from goudenoor.interchange import OSCAL_VERSION, OSCAL_VERSIONS

        found = {}
        for name, command in commands_of(build_parser()).items():
            for action in command._actions:
                if action.dest == "oscal_version":
                    found[name] = (list(action.choices or ()), action.default)

        assert {
            "oscal catalog": (list(OSCAL_VERSIONS), OSCAL_VERSION),
            "oscal results": (list(OSCAL_VERSIONS), OSCAL_VERSION),
            "oscal poam": (list(OSCAL_VERSIONS), OSCAL_VERSION),
            "oscal mapping": (["1.2.1"], "1.2.1"),
        } == found
