"""
The command's version, standard input, ``validate``, JSON listings, valid
choices in errors and exit codes (issue 15).
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

import pytest

from conftest import EXAMPLE_AUDIT
from goudenoor.cli import build_parser
from helpers import run, write


ROOT = Path(__file__).parents[2]
ZORG = ROOT / "examples" / "goudenoor-zorg" / "src" / "goudenoor_zorg" / "zorg.yaml"
EN = Path(str(files("goudenoor") / "data" / "editions" / "gos-2012.en.yaml"))
"""The shipped English translation, where the installed package has it."""

BAD_AUDIT = (
    "goudenoor: assessment/1\nedition: gos-2012\norganisation: X\n"
    'date: 2026-01-01\nratings:\n  "1.1": 9\n  "9.9": 1\n'
)


Feed = Callable[[bytes], None]


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch) -> Feed:
    """
    Set what the command reads on standard input.
    """

    def feed(data: bytes) -> None:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))

    return feed


class TestVersion:
    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        --version prints the installed distribution's version and exits 0.
        """
        with pytest.raises(SystemExit) as info:
            run("--version")

        assert 0 == info.value.code
        assert f"goudenoor {version('goudenoor')}\n" == capsys.readouterr().out


class TestStdin:
    def test_score(self, stdin: Feed, capsys: pytest.CaptureFixture[str]) -> None:
        """
        `goudenoor score -` scores the assessment on standard input, as the
        file itself.
        """
        stdin(EXAMPLE_AUDIT.read_bytes())
        code, out = run("score", "-", "--format", "json")

        assert 0 == code
        assert (0, out) == run("score", str(EXAMPLE_AUDIT), "--format", "json")

    def test_errors_name_stdin(
        self, stdin: Feed, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A problem in standard input is located in <stdin>.
        """
        stdin(BAD_AUDIT.encode())
        code, _ = run("score", "-")

        assert 2 == code
        assert (
            "goudenoor: error: 2 problems in <stdin>:\n"
            '  <stdin>:6:3 ratings."1.1".value: 9 is not on scale gos-0-4 '
            "(0, 1, 2, 3, 4)\n"
            "  <stdin>:7:3 ratings.\"9.9\": unknown requirement '9.9' in gos-2012; "
            "did you mean '9.2', '9.1'?\n"
        ) == capsys.readouterr().err

    def test_only_once(self, stdin: Feed, capsys: pytest.CaptureFixture[str]) -> None:
        """
        Standard input can be named once per command.
        """
        stdin(EXAMPLE_AUDIT.read_bytes())
        code, out = run("compare", "-", "-")

        assert (2, "") == (code, out)
        assert (
            "goudenoor: error: standard input ('-') can be read only once: give "
            "it for one FILE argument, and files for the others\n"
            == capsys.readouterr().err
        )

    def test_compare_one_from_stdin(self, stdin: Feed) -> None:
        """
        One side of a comparison can come from standard input.
        """
        stdin(EXAMPLE_AUDIT.read_bytes())
        code, out = run("compare", "-", str(EXAMPLE_AUDIT))

        assert 0 == code
        assert (0, out) == run("compare", str(EXAMPLE_AUDIT), str(EXAMPLE_AUDIT))

    def test_calibrate_one_from_stdin(self, stdin: Feed) -> None:
        """
        Either side of a calibration can come from standard input.
        """
        own = ROOT / "examples" / "self-2012.yaml"
        expected = run("calibrate", str(own), str(EXAMPLE_AUDIT), "--format", "json")
        stdin(own.read_bytes())
        from_stdin = run("calibrate", "-", str(EXAMPLE_AUDIT), "--format", "json")

        assert 0 == expected[0]
        assert expected == from_stdin

    def test_translation_and_extension(self, stdin: Feed) -> None:
        """
        --translation - and --extension - read the file from standard input.
        """
        stdin(EN.read_bytes())
        assert run("show", "gos-2012", "1", "--translation", "-") == run(
            "show", "gos-2012", "1", "--translation", str(EN)
        )
        stdin(ZORG.read_bytes())
        shown = run("show", "gos-2012", "4", "--extension", "-")
        assert shown == run("show", "gos-2012", "4", "--extension", str(ZORG))

    def test_too_large(
        self,
        stdin: Feed,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """
        Standard input is held to the file size limit, without reading it
        all.
        """
        from goudenoor.files import _yaml

        monkeypatch.setattr(_yaml, "MAX_BYTES", 100)
        stdin(b"#" * 10_000)
        assert 2 == run("score", "-")[0]
        assert (
            "goudenoor: error: <stdin>: file is 101 bytes, more than the limit of "
            "100 bytes\n"
        ) == capsys.readouterr().err

    def test_no_workbook_from_stdin(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        A workbook is read from a file only.
        """
        assert (2, "") == run("import-xlsx", "-")
        assert (
            "goudenoor: error: import-xlsx reads a workbook from a file, not from "
            "standard input ('-'): give the path of the .xlsx file\n"
        ) == capsys.readouterr().err


class TestValidate:
    def test_all_valid(self) -> None:
        """
        One `FILE: ok` line per valid file, whatever its kind; exit 0.
        """
        code, out = run("validate", str(EXAMPLE_AUDIT), str(ZORG), str(EN))

        assert 0 == code
        assert [f"{EXAMPLE_AUDIT}: ok", f"{ZORG}: ok", f"{EN}: ok"] == out.splitlines()

    def test_every_problem_of_every_file(
        self, tmp_path: Path, stdin: Feed, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        Each invalid file gets one located block on stderr with all its
        problems; the good ones are still listed; exit 1.
        """
        bad = write(tmp_path, "bad.yaml", BAD_AUDIT)
        other = write(tmp_path, "other.yaml", "goudenoor: crosswalk/2\n")
        listed = write(tmp_path, "list.yaml", "- a\n")
        stdin(b"goudenoor: translation/1\nedition: gos-2012\nlanguage: en\n")

        code, out = run(
            "validate", str(bad), str(EXAMPLE_AUDIT), str(other), str(listed), "-"
        )

        assert 1 == code
        assert f"{EXAMPLE_AUDIT}: ok\n" == out
        assert (
            f"goudenoor: error: 2 problems in {bad}:\n"
            f'  {bad}:6:3 ratings."1.1".value: 9 is not on scale gos-0-4 '
            "(0, 1, 2, 3, 4)\n"
            f"  {bad}:7:3 ratings.\"9.9\": unknown requirement '9.9' in gos-2012; "
            "did you mean '9.2', '9.1'?\n"
            f"goudenoor: error: {other}:1:1 goudenoor: expected a format marker, one "
            "of 'assessment/1', 'extension/1', 'translation/1' (got 'crosswalk/2')\n"
            f"goudenoor: error: {listed}:1:1: expected a mapping, got a list\n"
            "goudenoor: error: <stdin>:1:1 title: required key missing\n"
        ) == capsys.readouterr().err

    def test_json(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """
        --format json: one validation/1 document on stdout.
        """
        missing = tmp_path / "nope.yaml"
        code, out = run(
            "validate", str(EXAMPLE_AUDIT), str(missing), "--format", "json"
        )

        assert 2 == code  # a file that cannot be read: unreadable input (issue 23)
        assert {
            "goudenoor": "validation/1",
            "files": [
                {"file": str(EXAMPLE_AUDIT), "valid": True},
                {
                    "file": str(missing),
                    "valid": False,
                    "error": f"{missing}: cannot read file: No such file or directory",
                },
            ],
        } == json.loads(out)
        assert capsys.readouterr().err.startswith(f"goudenoor: error: {missing}: ")

    def test_needs_a_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        Without a file it is a usage error, exit 2.
        """
        with pytest.raises(SystemExit) as info:
            run("validate")
        assert 2 == info.value.code
        assert capsys.readouterr().err.startswith("goudenoor: error: ")


class TestJson:
    def test_editions(self) -> None:
        """
        editions --format json: the editions with their counts.
        """
        code, out = run("editions", "--format", "json")

        data = json.loads(out)
        assert 0 == code
        assert "editions/1" == data["goudenoor"]
        assert {
            "id": "gos-2012",
            "title": "Gouden Oor Standaard 2012",
            "year": 2012,
            "areas": 9,
            "requirements": 29,
            "translations": ["en"],
        } == data["editions"][0]
        assert ["gos-2012", "gos-2016"] == [e["id"] for e in data["editions"]]

    def test_show(self) -> None:
        """
        show --format json: the edition in the file format, or one area of it.
        """
        code, out = run("show", "gos-2016", "--format", "json")
        whole = json.loads(out)
        code_area, out_area = run("show", "gos-2016", "5", "--format", "json")
        area = json.loads(out_area)

        assert (0, 0) == (code, code_area)
        assert ("standard/1", "gos-2016") == (whole["goudenoor"], whole["id"])
        assert 9 == len(whole["areas"])
        assert [5] == [a["number"] for a in area["areas"]]
        assert [a for a in whole["areas"] if a["number"] == 5] == area["areas"]

    def test_show_no_translation(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        The JSON is the edition itself: a translation is refused, not ignored.
        """
        assert (2, "") == run("show", "--format", "json", "--language", "en")
        assert (
            "goudenoor: error: a translation is shown in the text, not in json\n"
            == capsys.readouterr().err
        )

    def test_extensions(self) -> None:
        """
        extensions --format json: the installed ones (none here), marked.
        """
        code, out = run("extensions", "--format", "json")

        assert 0 == code
        assert "extensions/1" == json.loads(out)["goudenoor"]
        assert isinstance(json.loads(out)["extensions"], list)


class TestChoices:
    def test_unknown_scheme(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        An unknown scheme lists the valid ones.
        """
        assert 2 == run("score", str(EXAMPLE_AUDIT), "--scheme", "nope")[0]
        assert (
            "goudenoor: error: unknown recognition scheme 'nope' in gos-2012 "
            "(expected one of ['niveaus', 'sterren', 'conformiteit'])\n"
        ) == capsys.readouterr().err

    def test_unknown_method(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        An unknown scoring method lists the registered ones.
        """
        assert 2 == run("score", str(EXAMPLE_AUDIT), "--method", "nope")[0]
        assert capsys.readouterr().err.startswith(
            "goudenoor: error: unknown scoring method 'nope' (expected one of "
            "['weighted-mean', 'checkpoint-coverage'"
        )

    def test_unknown_scale(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        An unknown scale lists the edition's scales.
        """
        assert 2 == run("template", "gos-2012", "--scale", "nope")[0]
        assert (
            "goudenoor: error: unknown scale 'nope' in gos-2012 (expected one of "
            "['gos-0-4', 'conformiteit'])\n"
        ) == capsys.readouterr().err

    def test_argparse_choices(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        An option with fixed choices (evidence policy, format) names them.
        """
        with pytest.raises(SystemExit):
            run("score", str(EXAMPLE_AUDIT), "--evidence-policy", "lax")
        err = capsys.readouterr().err
        assert err.startswith("goudenoor: error: ")
        assert "warn" in err
        assert "strict" in err


class TestExitCodes:
    def test_in_help(self) -> None:
        """
        --help documents the exit codes.
        """
        text = build_parser().format_help()

        assert (
            "exit codes:\n"
            "  0  success\n"
            "  1  findings or refused files (each on standard error), only from:\n"
            "     - validate: a file is not valid\n"
            "     - extensions: an installed extension cannot be loaded\n"
            "     - portfolio: a file was refused; the table of the rest is still "
            "written\n"
            "     - benchmark: a peer file was refused; the rest are still ranked "
            "against\n"
            "     - status: --fail-on suspended|overdue holds, or a file was refused\n"
            "     - evidence hash: an evidence file is missing or changed (the rest "
            "are still recorded and written)\n"
            "     - evidence verify: an evidence file is missing or changed\n"
            "     - journal verify: the journal is not whole, its head is not the "
            "assessment's, or its replay is not the assessment\n"
            "     - sample verify: the register or the selection differs from the "
            "sample's\n"
            "     - oscal import-results: a part of the results does not map (each "
            "named on standard error; the assessment is still written)\n"
            "  2  usage or unreadable input:"
        ) in text
