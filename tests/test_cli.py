"""
The goudenoor command.
"""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from goudenoor.cli import main


def run(*argv: str) -> tuple[int, str]:
    """
    Run the command in-process and return its exit code and output.
    """
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


class TestEditions:
    def test_lists_both(self) -> None:
        """
        Each edition is listed with its counts.
        """
        code, out = run("editions")

        assert 0 == code
        assert (
            "gos-2012  Gouden Oor Standaard 2012 (2012): 9 areas, 29 requirements"
            in out
        )
        assert out.count("\n") == 2


class TestShow:
    def test_area_with_requirements(self) -> None:
        """
        An area is shown with ids, evidence and checkpoints.
        """
        code, out = run("show", "gos-2016", "5")

        assert 0 == code
        assert "5 Leren & innoveren (organisation area, 10 points (assumed))" in out
        for expected in ("Evalueren", "Leren", "Innoveren", "5.1", "5.6"):
            assert expected in out
        assert "> Dit blijkt uit het feit dat de effecten" in out
        assert "[ ] 5.1.a" in out

    def test_overview(self) -> None:
        """
        Without an area, every area is listed with its points.
        """
        code, out = run("show", "gos-2012")

        assert 0 == code
        assert "organisation 70 + result 30 = 100 points" in out
        assert out.count("requirements\n") == 9

    def test_area_of_newest(self) -> None:
        """
        One argument that is not an edition is an area of the newest one.
        """
        code, out = run("show", "Leiderschap")

        assert 0 == code
        assert out.startswith("gos-2016: ")

    def test_unknown_area(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        An unknown area is one error line and exit code 2.
        """
        code, out = run("show", "gos-2012", "10")

        assert (2, "") == (code, out)
        assert (
            "goudenoor: error: unknown area '10' in gos-2012; did you mean '1'?\n"
            == capsys.readouterr().err
        )

    def test_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        A usage error is one line too.
        """
        with pytest.raises(SystemExit) as info:
            run("sh0w")

        assert 2 == info.value.code
        assert 1 == capsys.readouterr().err.count("\n")


def test_python_m() -> None:
    """
    python -m goudenoor runs the same command.
    """
    done = subprocess.run(
        [sys.executable, "-m", "goudenoor", "show", "gos-2012", "5"],
        capture_output=True,
        text=True,
        check=False,
    )

    assert (0, "") == (done.returncode, done.stderr)
    assert "5.7" in done.stdout


def test_import_is_light() -> None:
    """
    import goudenoor imports neither networkx nor cattrs' YAML preconf.
    """
    code = "import sys, goudenoor; print('networkx' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )

    assert "False\n" == done.stdout
