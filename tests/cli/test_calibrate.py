"""
goudenoor calibrate (issue 28, item 3): the formats, Dutch by default,
the refusals with their exit code, the JSON against ``goudenoor schema
calibration``, and users' names escaped in Markdown and HTML.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import EXAMPLE_AUDIT, ROOT
from helpers import run, run_captured


SELF = str(ROOT / "examples" / "self-2012.yaml")
AUDIT = str(EXAMPLE_AUDIT)


def _hostile(tmp_path: Path) -> tuple[str, str]:
    """
    The example pair with an organisation name full of Markdown and HTML.
    """
    name = "<b>*Lindewaard*</b> | [x](https://evil.example)"
    paths = []
    for source in (SELF, AUDIT):
        text = Path(source).read_text(encoding="utf-8")
        target = tmp_path / Path(source).name
        target.write_text(
            text.replace(
                "organisation: Woonstichting Lindewaard",
                f"organisation: {json.dumps(name)}",
            ),
            encoding="utf-8",
        )
        paths.append(str(target))
    return paths[0], paths[1]


class TestFormats:
    def test_text(self) -> None:
        """
        The text is English: the areas, the figures and the over-claims.
        """
        code, out = run("calibrate", SELF, AUDIT)
        lines = out.splitlines()

        assert 0 == code
        assert (
            "Woonstichting Lindewaard: self-assessment 2026-08-15 against audit "
            "2026-10-01 (gos-2012)"
        ) == lines[0]
        assert (
            " 4 Middelen                                 2   +1.50   +3.75"
        ) == lines[6]
        assert (
            "requirements compared: 25; mean difference +0.44 steps; alpha "
            "(ordinal): 0.698"
        ) in lines
        assert [
            "over-claims:",
            "  4.1        2 steps above the auditor",
            "  5.1        checkpoints claimed met, not found met: 5.1.b",
            "  5.3        checkpoints claimed met, not found met: 5.3.a",
            "  5.5        checkpoints claimed met, not found met: 5.5.a",
        ] == lines[lines.index("over-claims:") : lines.index("over-claims:") + 5]

    def test_markdown_is_dutch_by_default(self) -> None:
        """
        --format md writes the Dutch report unless --language en.
        """
        code, dutch = run("calibrate", SELF, AUDIT, "--format", "md")
        _, english = run("calibrate", SELF, AUDIT, "--format", "md", "--language", "en")

        assert 0 == code
        assert "# Kalibratie van de zelfevaluatie" == dutch.splitlines()[0]
        assert "| 4.1 | 2 stappen boven de auditor |" in dutch.splitlines()
        assert (
            "- 7.1: niet van toepassing volgens de zelfevaluatie, 1 in de audit"
        ) in dutch.splitlines()
        assert "# Calibration of the self-assessment" == english.splitlines()[0]
        assert "| 4.1 | 2 steps above the auditor |" in english.splitlines()

    def test_html(self) -> None:
        """
        --format html writes one Dutch page.
        """
        code, out = run("calibrate", SELF, AUDIT, "--format", "html")

        assert 0 == code
        assert out.startswith('<!DOCTYPE html>\n<html lang="nl">')
        assert "<h1>Kalibratie van de zelfevaluatie</h1>" in out

    def test_json_fits_the_schema(self) -> None:
        """
        --format json prints calibration/1, valid against goudenoor schema
        calibration.
        """
        code, out = run("calibrate", SELF, AUDIT, "--format", "json")
        data = json.loads(out)
        _, schema = run("schema", "calibration")

        assert 0 == code
        assert "calibration/1" == data["goudenoor"]
        assert [] == [
            error.message
            for error in jsonschema.Draft202012Validator(
                json.loads(schema)
            ).iter_errors(data)
        ]
        assert {"area_id": "4", "name": "Middelen", "compared": 2} == {
            key: data["areas"][3][key] for key in ("area_id", "name", "compared")
        }

    def test_output_file(self, tmp_path: Path) -> None:
        """
        -o writes the file, and replaces it only with --force.
        """
        target = tmp_path / "kalibratie.md"
        assert (0, "") == run(
            "calibrate", SELF, AUDIT, "--format", "md", "-o", str(target)
        )
        assert (2, "") == run(
            "calibrate", SELF, AUDIT, "--format", "md", "-o", str(target)
        )
        assert (0, "") == run(
            "calibrate", SELF, AUDIT, "--format", "md", "-o", str(target), "--force"
        )
        assert run("calibrate", SELF, AUDIT, "--format", "md")[1] == target.read_text(
            encoding="utf-8"
        )


class TestRefused:
    def test_the_files_the_wrong_way_round(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        The audit given as SELF is refused with exit 2 and one line.
        """
        code, out, err = run_captured(["calibrate", AUDIT, SELF], capsys)

        assert (2, "") == (code, out)
        assert (
            "goudenoor: error: the self-assessment has kind 'audit': expected "
            "kind 'self' (the organisation's own assessment); to set two audits "
            "side by side, compare them\n"
        ) == err

    def test_other_editions(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """
        A self-assessment of another edition is refused.
        """
        other = tmp_path / "self-2016.yaml"
        other.write_text(
            "goudenoor: assessment/1\nedition: gos-2016\norganisation: "
            "Woonstichting Lindewaard\ndate: 2026-08-15\nkind: self\n"
            'ratings:\n  "1.1": 3\n',
            encoding="utf-8",
        )
        code, _, err = run_captured(["calibrate", str(other), AUDIT], capsys)

        assert 2 == code
        assert (
            "goudenoor: error: the self-assessment is of edition gos-2016 and the "
            "audit of gos-2012: a calibration needs both of one edition\n"
        ) == err


class TestEscaped:
    def test_markdown(self, tmp_path: Path) -> None:
        """
        The organisation's name is text in the Markdown: no HTML, no
        emphasis, no link, no table cell break.
        """
        own, found = _hostile(tmp_path)
        code, out = run("calibrate", own, found, "--format", "md")

        assert 0 == code
        assert (
            "- **Organisatie:** &lt;b&gt;\\*Lindewaard\\*&lt;/b&gt; \\| "
            "\\[x\\](https\\://evil.example)"
        ) in out.splitlines()

    def test_html(self, tmp_path: Path) -> None:
        """
        The organisation's name is escaped in the HTML.
        """
        own, found = _hostile(tmp_path)
        code, out = run("calibrate", own, found, "--format", "html")

        assert 0 == code
        assert "<b>*Lindewaard*</b>" not in out
        assert (
            "<dd>&lt;b&gt;*Lindewaard*&lt;/b&gt; | [x](https://evil.example)</dd>"
        ) in out
