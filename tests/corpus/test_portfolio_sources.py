"""
The files a portfolio reads, attacked (issue 23): one file by many names, a
symbolic-link loop under ``**``, named pipes, folders that cannot be
listed, links to nothing, more workers than CPUs, the empty path, and
goudenoor documents of another kind among the assessments.
"""

from __future__ import annotations

import errno
import importlib
import json
import os
import pkgutil
import re
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import goudenoor as go
import goudenoor.files._portfolio as files_portfolio
from conftest import EXAMPLE_AUDIT, ROOT, SHIPPED
from goudenoor.exceptions import EmptyPathError
from goudenoor.files._portfolio import OTHER_KINDS, portfolio_files, portfolio_paths
from goudenoor.portfolio._portfolio import PortfolioNote
from helpers import run, run_cli, run_python
from portfolio_files import audit_text, write_portfolio


ZORG = ROOT / "examples" / "goudenoor-zorg" / "src" / "goudenoor_zorg" / "zorg.yaml"
CROSSWALK = SHIPPED / "crosswalks" / "gos-2012--gos-2016.yaml"
EMPTY = (
    "an empty path names no file (expected the path of a file or folder; '.' is "
    "the current folder)"
)
NAMED_PIPES = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


def _names(portfolio: go.Portfolio) -> list[str]:
    return [a.organisation for a in portfolio.assessments]


def _refused(portfolio: go.Portfolio) -> list[tuple[str, str]]:
    return [(error.path, str(error.error)) for error in portfolio.errors]


class TestOneFileOnce:
    def test_a_path_given_twice_is_counted_once_with_a_note(
        self, tmp_path: Path
    ) -> None:
        a, b, _ = write_portfolio(tmp_path)

        portfolio = go.load_portfolio([a, b, a])

        assert ["Alfa", "Beta"] == _names(portfolio)
        assert (PortfolioNote(str(a), "given again; counted once"),) == portfolio.notes
        assert () == portfolio.errors

    def test_hard_and_symbolic_links_are_the_same_file(self, tmp_path: Path) -> None:
        a, b, c = write_portfolio(tmp_path)
        (tmp_path / "links").mkdir()
        hard = tmp_path / "links" / "hard.yaml"
        os.link(a, hard)
        soft = tmp_path / "links" / "soft.yaml"
        soft.symlink_to(b)

        portfolio = go.load_portfolio(tmp_path)

        assert ["Alfa", "Beta", "Gamma"] == _names(portfolio)
        assert [str(a), str(b), str(c)] == [x.source for x in portfolio.assessments]
        assert (
            PortfolioNote(str(hard), f"the same file as {a}; counted once"),
            PortfolioNote(str(soft), f"the same file as {b}; counted once"),
        ) == portfolio.notes

    def test_a_link_loop_under_double_star_counts_each_file_once(
        self, tmp_path: Path
    ) -> None:
        # Before: glob followed loop/up back to the top until the path was
        # too long, and counted every file 41 times.
        write_portfolio(tmp_path)
        (tmp_path / "loop").mkdir()
        (tmp_path / "loop" / "up").symlink_to("..")

        portfolio = go.load_portfolio(str(tmp_path / "**" / "*.y*ml"))

        assert ["Alfa", "Beta", "Gamma"] == _names(portfolio)
        assert (
            PortfolioNote(
                str(tmp_path / "loop" / "up"),
                "a folder reached again; its files counted once",
            ),
        ) == portfolio.notes
        assert () == portfolio.errors

    def test_a_link_loop_in_a_folder(self, tmp_path: Path) -> None:
        write_portfolio(tmp_path)
        (tmp_path / "sub" / "back").symlink_to(tmp_path)

        portfolio = go.load_portfolio(tmp_path)

        assert ["Alfa", "Beta", "Gamma"] == _names(portfolio)
        assert (
            PortfolioNote(
                str(tmp_path / "sub" / "back"),
                "a folder reached again; its files counted once",
            ),
        ) == portfolio.notes

    def test_a_linked_folder_is_read(self, tmp_path: Path) -> None:
        write_portfolio(tmp_path / "real")
        (tmp_path / "top").mkdir()
        (tmp_path / "top" / "linked").symlink_to(tmp_path / "real")

        assert [
            str(tmp_path / "top" / "linked" / "a.yaml"),
            str(tmp_path / "top" / "linked" / "b.yml"),
            str(tmp_path / "top" / "linked" / "sub" / "c.yaml"),
        ] == portfolio_paths(tmp_path / "top")

    def test_a_benchmark_rank_does_not_move_when_a_peer_is_given_twice(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        # Beta (50 points) among Alfa (100) and Gamma (12.5): one of two
        # peers scores lower, a rank of 50. Gamma twice made it 66.7.
        a, b, c = write_portfolio(tmp_path)

        code, out = run(
            "benchmark", str(b), "--against", str(a), str(c), str(c), "--format", "json"
        )

        assert 0 == code
        assert 50.0 == json.loads(out)["total"]
        assert f"goudenoor: note: {c}: given again; counted once\n" == (
            capsys.readouterr().err
        )

    def test_the_file_itself_by_another_name_is_not_its_own_peer(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        a, b, c = write_portfolio(tmp_path)
        alias = tmp_path / "alias.yaml"
        alias.symlink_to(b)

        code, out = run(
            "benchmark", str(b), "--against", str(a), str(alias), str(c), "--format",
            "json",
        )  # fmt: skip

        assert (0, "") == (code, capsys.readouterr().err)
        assert 2 == json.loads(out)["peers"]


@NAMED_PIPES
class TestNamedPipes:
    def test_a_pipe_a_pattern_matches_is_refused_by_name(self, tmp_path: Path) -> None:
        write_portfolio(tmp_path)
        os.mkfifo(tmp_path / "pipe.yaml")

        done = run_cli("portfolio", str(tmp_path / "*.yaml"), "--format", "csv")

        assert 1 == done.returncode
        assert ["Alfa"] == [line.split(",")[0] for line in done.stdout.splitlines()[1:]]
        assert (
            f"goudenoor: error: {tmp_path / 'pipe.yaml'}: is a named pipe, not a "
            "regular file; not read\n"
        ) == done.stderr

    def test_benchmark_peers_with_a_pipe(self, tmp_path: Path) -> None:
        _, b, _ = write_portfolio(tmp_path)
        os.mkfifo(tmp_path / "sub" / "pipe.yaml")

        done = run_cli("benchmark", str(b), "--against", str(tmp_path / "**"))

        assert 1 == done.returncode
        assert "among 2 audits of gos-2012" in done.stdout
        assert (
            f"goudenoor: error: {tmp_path / 'sub' / 'pipe.yaml'}: is a named pipe, "
            "not a regular file; not read\n"
        ) == done.stderr

    def test_a_pipe_in_a_folder_is_refused_by_name(self, tmp_path: Path) -> None:
        write_portfolio(tmp_path)
        os.mkfifo(tmp_path / "sub" / "pipe.yml")
        os.mkfifo(tmp_path / "sub" / "pipe.txt")  # no assessment by its name

        portfolio = go.load_portfolio(tmp_path)

        assert ["Alfa", "Beta", "Gamma"] == _names(portfolio)
        assert [
            (
                str(tmp_path / "sub" / "pipe.yml"),
                (
                    f"{tmp_path / 'sub' / 'pipe.yml'}: is a named pipe, not a "
                    "regular file; not read"
                ),
            )
        ] == _refused(portfolio)

    def test_a_pipe_put_in_place_after_the_scan_is_not_waited_for(
        self, tmp_path: Path
    ) -> None:
        # The race: the file is a regular file when the folder is scanned
        # and a named pipe when it is opened.
        script = (
            "import os, sys\n"
            "import goudenoor as go\n"
            "from goudenoor.files._portfolio import portfolio_files\n"
            "found = portfolio_files(sys.argv[1])\n"
            "os.remove(found.paths[0])\n"
            "os.mkfifo(found.paths[0])\n"
            "for error in go.load_portfolio(found).errors:\n"
            "    print(error)\n"
        )
        write_portfolio(tmp_path)

        done = run_python("-c", script, tmp_path, timeout=60)

        assert (
            f"{tmp_path / 'a.yaml'}: not a regular file (a device, named pipe or "
            "socket)\n"
        ) == done.stdout


class TestUnreadable:
    @pytest.fixture(name="unlistable")
    def _unlistable(self, monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
        """
        Make a folder fail to list as an unreadable one does: root reads
        a folder whatever its mode, and the tests run as root.
        """
        real = os.scandir
        denied: set[str] = set()

        def scandir(path: Any = ".") -> Any:
            if os.fspath(path) in denied:
                raise PermissionError(errno.EACCES, "Permission denied", path)
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)
        return lambda folder: denied.add(str(folder))

    def test_an_unreadable_subfolder_is_refused(
        self, tmp_path: Path, unlistable: Callable[[Path], None]
    ) -> None:
        write_portfolio(tmp_path)
        unlistable(tmp_path / "sub")

        portfolio = go.load_portfolio(tmp_path)

        assert ["Alfa", "Beta"] == _names(portfolio)
        assert [
            (
                str(tmp_path / "sub"),
                f"{tmp_path / 'sub'}: cannot read the folder: permission denied",
            )
        ] == _refused(portfolio)

    def test_an_unreadable_folder_under_double_star(
        self, tmp_path: Path, unlistable: Callable[[Path], None]
    ) -> None:
        write_portfolio(tmp_path)
        unlistable(tmp_path / "sub")

        portfolio = go.load_portfolio(str(tmp_path / "**" / "*.yaml"))

        assert ["Alfa"] == _names(portfolio)
        assert [str(tmp_path / "sub")] == [e.path for e in portfolio.errors]

    def test_the_command_says_so_with_exit_code_1(
        self,
        tmp_path: Path,
        unlistable: Callable[[Path], None],
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        write_portfolio(tmp_path)
        unlistable(tmp_path / "sub")

        code, out = run("portfolio", str(tmp_path), "--format", "csv")

        assert 1 == code
        assert 3 == len(out.splitlines())
        assert (
            f"goudenoor: error: {tmp_path / 'sub'}: cannot read the folder: "
            "permission denied\n"
        ) == capsys.readouterr().err

    @pytest.mark.skipif(
        not hasattr(os, "geteuid") or os.geteuid() == 0,
        reason="root lists a folder whatever its mode (the tests above simulate it)",
    )
    def test_a_folder_without_permissions(self, tmp_path: Path) -> None:
        write_portfolio(tmp_path)
        (tmp_path / "sub").chmod(0)
        try:
            portfolio = go.load_portfolio(tmp_path)
        finally:
            (tmp_path / "sub").chmod(0o755)

        assert [str(tmp_path / "sub")] == [e.path for e in portfolio.errors]

    def test_links_to_nothing_are_refused(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        write_portfolio(tmp_path)
        (tmp_path / "gone.yaml").symlink_to("moved.yaml")
        (tmp_path / "sub" / "archive").symlink_to(tmp_path / "unmounted")

        code, _ = run("portfolio", str(tmp_path))

        assert 1 == code
        assert (
            f"goudenoor: error: {tmp_path / 'gone.yaml'}: a symbolic link to nothing "
            "(moved.yaml does not exist); not read\n"
            f"goudenoor: error: {tmp_path / 'sub' / 'archive'}: a symbolic link to "
            f"nothing ({tmp_path / 'unmounted'} does not exist); not read\n"
        ) == capsys.readouterr().err

    def test_a_link_to_nothing_given_by_name(self, tmp_path: Path) -> None:
        (tmp_path / "gone.yaml").symlink_to("moved.yaml")
        (tmp_path / "self.yaml").symlink_to("self.yaml")

        portfolio = go.load_portfolio([tmp_path / "gone.yaml", tmp_path / "self.yaml"])

        assert [
            (
                str(tmp_path / "gone.yaml"),
                (
                    f"{tmp_path / 'gone.yaml'}: a symbolic link to nothing "
                    "(moved.yaml does not exist); not read"
                ),
            ),
            (
                str(tmp_path / "self.yaml"),
                (
                    f"{tmp_path / 'self.yaml'}: a symbolic link that leads in a "
                    "loop (self.yaml); not read"
                ),
            ),
        ] == _refused(portfolio)


class TestJobs:
    def test_more_jobs_than_cpus_is_lowered(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        workers: list[int] = []

        class Pool(ThreadPoolExecutor):
            # The workers as threads (the same results), counted.
            def __init__(self, max_workers: int, **options: Any) -> None:
                workers.append(max_workers)
                super().__init__(max_workers, **options)

        monkeypatch.setattr(files_portfolio, "ProcessPoolExecutor", Pool)
        monkeypatch.setattr(files_portfolio, "usable_cpus", lambda: 2)
        write_portfolio(tmp_path)

        portfolio = go.load_portfolio(tmp_path, jobs=500)

        assert [2] == workers
        assert ["Alfa", "Beta", "Gamma"] == _names(portfolio)

    @pytest.mark.skipif(
        not hasattr(os, "sched_getaffinity") or hasattr(os, "process_cpu_count"),
        reason="the CPUs this process may use, as Python before 3.13 on Linux says",
    )
    def test_the_cpus_this_process_may_use(self) -> None:
        assert len(os.sched_getaffinity(0)) == files_portfolio.usable_cpus()

    @pytest.mark.parametrize("command", ["portfolio", "benchmark"])
    def test_the_help_says_so(
        self, command: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        with pytest.raises(SystemExit):
            run(command, "--help")

        help_text = " ".join(capsys.readouterr().out.split())
        assert (
            "(default 1: in this one); a larger N than the number of CPUs this "
            "process may use is lowered to that number"
        ) in help_text


def _library_calls(tmp_path: Path) -> Iterator[tuple[str, Callable[[], object]]]:
    audit = go.load_assessment(EXAMPLE_AUDIT)
    std = go.load_standard("gos-2012")
    yield "load_assessment", lambda: go.load_assessment("")
    yield "load_portfolio", lambda: go.load_portfolio("")
    yield "load_portfolio in a list", lambda: go.load_portfolio([EXAMPLE_AUDIT, ""])
    yield "portfolio_paths", lambda: portfolio_paths([""])
    yield "save_assessment", lambda: go.save_assessment(audit, "")
    yield "load_extension", lambda: go.load_extension("")
    yield "load_standard_file", lambda: go.load_standard_file("")
    yield "load_translation_file", lambda: go.load_translation_file("")
    yield (
        "load_crosswalk_file",
        lambda: go.load_crosswalk_file("", source=std, target=std),
    )
    if importlib.util.find_spec("openpyxl") is not None:
        yield "read_workbook", lambda: go.load_workbook("").assessment
        yield "save_workbook", lambda: go.save_workbook(std, "")
    del tmp_path


class TestEmptyPath:
    def test_every_library_call_that_takes_a_path(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # Before: "" was the current folder: a portfolio scanned it whole,
        # a file was "a folder", and an output was "file exists: .".
        monkeypatch.chdir(tmp_path)
        write_portfolio(tmp_path)
        for name, call in _library_calls(tmp_path):
            with pytest.raises(EmptyPathError) as info:
                call()
            assert (name, EMPTY) == (name, str(info.value))

    @pytest.mark.parametrize(
        "argv",
        [
            ["score", ""],
            ["report", ""],
            ["portfolio", ""],
            ["portfolio", str(EXAMPLE_AUDIT), ""],
            ["benchmark", "", "--against", str(EXAMPLE_AUDIT)],
            ["benchmark", str(EXAMPLE_AUDIT), "--against", ""],
            ["trend", "", str(EXAMPLE_AUDIT)],
            ["rollup", ""],
            ["consensus", "", str(EXAMPLE_AUDIT), "-o", "agreed.yaml"],
            ["compare", "", str(EXAMPLE_AUDIT)],
            ["migrate", "", "--to", "gos-2016"],
            ["oscal", "results", ""],
            ["import-xlsx", ""],
            ["template", "gos-2012", "-o", ""],
            ["score", str(EXAMPLE_AUDIT), "--extension", ""],
        ],
    )
    def test_every_command_that_takes_a_path(
        self,
        argv: list[str],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        monkeypatch.chdir(tmp_path)
        write_portfolio(tmp_path)

        assert (2, "") == run(*argv)
        assert f"goudenoor: error: {EMPTY}\n" == capsys.readouterr().err
        assert not (tmp_path / "agreed.yaml").exists()


def _every_format_marker() -> set[str]:
    markers: set[str] = set()
    for module in pkgutil.walk_packages(go.__path__, "goudenoor."):
        if module.name.endswith("__main__"):
            continue  # runs the command
        try:
            found = importlib.import_module(module.name)
        except ImportError:  # an optional extra that is not installed
            continue
        for name, value in vars(found).items():
            if (
                name.endswith("FORMAT")
                and isinstance(value, str)
                and re.fullmatch(r"[a-z-]+/[0-9]+", value)
            ):
                markers.add(value)
    return markers


class TestOtherKinds:
    def test_documents_of_another_kind_are_left_out_with_a_note(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        # Before: each was "expected the format marker 'assessment/1'",
        # a refused assessment, and the command exited 1.
        write_portfolio(tmp_path)
        shutil.copy(ZORG, tmp_path / "zorg.yaml")
        shutil.copy(CROSSWALK, tmp_path / "sub" / "crosswalk.yml")
        sites = sorted(str(p) for p in (ROOT / "examples" / "sites").iterdir())
        code, rollup = run("rollup", *sites, "--format", "json")
        assert 0 == code
        (tmp_path / "rollup.yaml").write_text(rollup, encoding="utf-8")

        code, out = run("portfolio", str(tmp_path), "--format", "csv")

        assert 0 == code
        assert 4 == len(out.splitlines())
        assert (
            f"goudenoor: note: {tmp_path / 'rollup.yaml'}: marked 'rollup/1', not an "
            "assessment; left out\n"
            f"goudenoor: note: {tmp_path / 'sub' / 'crosswalk.yml'}: marked "
            "'crosswalk/1', not an assessment; left out\n"
            f"goudenoor: note: {tmp_path / 'zorg.yaml'}: marked 'extension/1', not "
            "an assessment; left out\n"
        ) == capsys.readouterr().err

    def test_an_assessment_naming_its_extension_file_beside_it(
        self, tmp_path: Path
    ) -> None:
        shutil.copy(ZORG, tmp_path / "zorg.yaml")
        text = audit_text("Zorg BV", {}).replace(
            "scale: gos-0-4\n", "scale: gos-0-4\nextensions: [./zorg.yaml]\n"
        )
        (tmp_path / "audit.yaml").write_text(text, encoding="utf-8")

        portfolio = go.load_portfolio(tmp_path)

        assert ["Zorg BV"] == _names(portfolio)
        assert () == portfolio.errors
        assert [str(tmp_path / "zorg.yaml")] == [n.path for n in portfolio.notes]

    def test_a_mistyped_marker_is_still_refused(self, tmp_path: Path) -> None:
        text = audit_text("Alfa", {}).replace("assessment/1", "asessment/1")
        (tmp_path / "typo.yaml").write_text(text, encoding="utf-8")

        portfolio = go.load_portfolio(tmp_path)

        assert [str(tmp_path / "typo.yaml")] == [e.path for e in portfolio.errors]
        assert () == portfolio.notes

    def test_every_format_marker_of_the_package_is_a_known_kind(self) -> None:
        kinds = {marker.partition("/")[0] for marker in _every_format_marker()}

        assert OTHER_KINDS == kinds - {"assessment"}


def test_a_folder_scan_of_many_links_to_one_file(tmp_path: Path) -> None:
    # Every name of one file, in one folder: kept once, a note for each
    # other name, and the files found before any is read.
    target = tmp_path / "one.yaml"
    target.write_text(audit_text("Alfa", {}), encoding="utf-8")
    for number in range(20):
        (tmp_path / f"link-{number:02}.yaml").symlink_to(target)

    found = portfolio_files(tmp_path)

    assert (str(tmp_path / "link-00.yaml"),) == found.paths
    assert 20 == len(found.notes)
