"""
Output safety: saves that never lose a write or replace what is not a
plain file, and report text that stays plain text in every renderer.
"""

from __future__ import annotations

import datetime
import errno
import json
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import goudenoor as go
from goudenoor.report import render_report
from goudenoor.report._text import card_text
from helpers import run_captured


EXISTS = "file exists; not overwritten (pass overwrite=True to replace it)"
# The command line says it in its own terms (issue 23).
CLI_EXISTS = "file exists; not overwritten (add --force to replace it)"

WRITERS = 8
"""How many writers race for one file."""

ROUNDS = 20
"""How many races each race test runs."""

needs_posix = pytest.mark.skipif(
    os.name != "posix", reason="named pipes, modes and umask are POSIX"
)


def version(k: int) -> go.Assessment:
    """
    A small assessment whose content depends on *k* (its organisation
    ends in it), with a note of some 10 KB: quick to save many times.
    """
    return go.Assessment(
        edition="gos-2012",
        organisation=f"Racer {k}",
        date=datetime.date(2026, 3, 1),
        ratings={"1.1": go.Rating(value=2, note=f"note {k}. " * 1_000)},
    )


def _version_of(assessment: go.Assessment) -> int:
    return int(assessment.organisation.rsplit(" ", 1)[1])


def _race_threads(path: Path, versions: list[go.Assessment]) -> tuple[list[int], int]:
    """
    Let one thread per version save it to *path* at once, without
    overwrite; the versions that were saved, and how many writers were
    refused with the "file exists" error.
    """
    barrier = threading.Barrier(len(versions))
    saved: list[int] = []
    refused: list[str] = []
    lock = threading.Lock()

    def writer(k: int) -> None:
        barrier.wait()
        try:
            go.save_assessment(versions[k], path)
        except go.GoudenoorError as exc:
            with lock:
                refused.append(str(exc))
        else:
            with lock:
                saved.append(k)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(len(versions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [f"{path}: {EXISTS}"] * len(refused) == refused
    return saved, len(refused)


class TestNoOverwriteRace:
    def test_threads(self, tmp_path: Path) -> None:
        """
        Of threads saving to one new path without overwrite, exactly one
        succeeds in every round, the others get the "file exists" error,
        and the file holds the winner's assessment, complete.
        """
        versions = [version(k) for k in range(WRITERS)]
        for round_ in range(ROUNDS):
            path = tmp_path / f"audit-{round_}.yaml"

            saved, refused = _race_threads(path, versions)

            assert (1, WRITERS - 1) == (len(saved), refused), round_
            assert versions[saved[0]] == go.load_assessment(path)
        assert [f"audit-{r}.yaml" for r in range(ROUNDS)] == sorted(
            (p.name for p in tmp_path.iterdir()),
            key=lambda n: int(n.removeprefix("audit-").removesuffix(".yaml")),
        )

    def test_without_hard_links(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """
        Where the file system has no hard links (os.link fails with EPERM,
        as on FAT), the name is claimed exclusively first: still exactly
        one winner per round, with its content complete.
        """

        def no_link(*_: object, **__: object) -> None:
            raise OSError(errno.EPERM, "Operation not permitted")

        monkeypatch.setattr(os, "link", no_link)
        versions = [version(k) for k in range(WRITERS)]
        for round_ in range(ROUNDS):
            path = tmp_path / f"audit-{round_}.yaml"

            saved, refused = _race_threads(path, versions)

            assert (1, WRITERS - 1) == (len(saved), refused), round_
            assert versions[saved[0]] == go.load_assessment(path)
        assert ROUNDS == len(list(tmp_path.iterdir()))

    def test_link_fails_otherwise(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """
        Any other failure of the link is an error naming the file, and
        leaves nothing behind.
        """

        def broken_link(*_: object, **__: object) -> None:
            raise OSError(errno.EIO, "the disk is on fire")

        monkeypatch.setattr(os, "link", broken_link)
        path = tmp_path / "audit.yaml"

        with pytest.raises(go.GoudenoorError) as info:
            go.save_assessment(version(1), path)

        assert f"{path}: cannot write: the disk is on fire" == str(info.value)
        assert [] == list(tmp_path.iterdir())

    @pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell pipes")
    def test_processes(self, tmp_path: Path) -> None:
        """
        Separate processes racing for one new path: exactly one succeeds
        in every round, the others are refused; no write is lost silently.
        """
        script = (
            "import datetime, sys\n"
            "import goudenoor as go\n"
            "k = int(sys.argv[1])\n"
            "mine = go.Assessment(edition='gos-2012', organisation=f'Racer {k}',\n"
            "    date=datetime.date(2026, 3, 1),\n"
            "    ratings={'1.1': go.Rating(value=2, note=f'note {k}. ' * 1_000)})\n"
            "print('ready', flush=True)\n"
            "for line in sys.stdin:\n"
            "    try:\n"
            "        go.save_assessment(mine, line.strip())\n"
            "    except go.GoudenoorError as exc:\n"
            "        print('refused', exc, flush=True)\n"
            "    else:\n"
            "        print('saved', flush=True)\n"
        )
        writers = [
            subprocess.Popen(
                [sys.executable, "-c", script, str(k)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            for k in range(WRITERS)
        ]
        try:
            for writer in writers:
                assert writer.stdout is not None
                assert "ready\n" == writer.stdout.readline()
            for round_ in range(ROUNDS):
                path = tmp_path / f"audit-{round_}.yaml"
                for writer in writers:
                    assert writer.stdin is not None
                    writer.stdin.write(f"{path}\n")
                    writer.stdin.flush()
                answers = [w.stdout.readline() for w in writers if w.stdout]

                saved = [k for k, a in enumerate(answers) if a == "saved\n"]
                assert [1, WRITERS - 1] == [
                    len(saved),
                    answers.count(f"refused {path}: {EXISTS}\n"),
                ], answers
                assert saved == [_version_of(go.load_assessment(path))]
                assert version(saved[0]) == go.load_assessment(path)
        finally:
            for writer in writers:
                assert writer.stdin is not None
                assert writer.stdout is not None
                writer.stdin.close()
                writer.wait()
                writer.stdout.close()

    def test_cli_without_force(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        The command without --force refuses a file that exists.
        """
        path = tmp_path / "out.md"
        path.write_text("mine\n", encoding="utf-8")

        code, _, err = run_captured(["template", "gos-2012", "-o", str(path)], capsys)

        assert (2, f"goudenoor: error: {path}: {CLI_EXISTS}\n") == (code, err)
        assert "mine\n" == path.read_text(encoding="utf-8")


@needs_posix
class TestForce:
    def _refused(
        self,
        target: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> str:
        code, out, err = run_captured(
            ["template", "gos-2012", "-o", str(target), "--force"], capsys
        )
        assert (2, "") == (code, out)
        assert err.startswith("goudenoor: error: ")
        return err.removeprefix("goudenoor: error: ").removesuffix("\n")

    def test_named_pipe(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        --force does not replace a named pipe.
        """
        pipe = tmp_path / "out.yaml"
        os.mkfifo(pipe)

        message = self._refused(pipe, capsys)

        assert (
            f"{pipe}: is a named pipe, not a regular file; only a regular file "
            "is replaced"
        ) == message
        assert stat.S_ISFIFO(pipe.lstat().st_mode)
        assert ["out.yaml"] == [p.name for p in tmp_path.iterdir()]

    def test_link_to_device(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        --force does not replace a symbolic link to a device.
        """
        if not Path(os.devnull).exists():
            pytest.skip("no null device")
        link = tmp_path / "out.yaml"
        link.symlink_to(os.devnull)

        message = self._refused(link, capsys)

        assert (
            f"{link}: is a character device (through a symbolic link), not a "
            "regular file; only a regular file is replaced"
        ) == message
        assert link.is_symlink()

    def test_folder_api(self, tmp_path: Path) -> None:
        """
        overwrite=True does not replace a folder.
        """
        with pytest.raises(go.GoudenoorError) as info:
            go.save_assessment(version(1), tmp_path, overwrite=True)

        assert (
            f"{tmp_path}: is a folder, not a regular file; only a regular file is "
            "replaced"
        ) == str(info.value)

    def test_read_only(self, tmp_path: Path) -> None:
        """
        A read-only file (no write permission bit) is not replaced, even
        with overwrite: the user protected it.
        """
        path = tmp_path / "audit.yaml"
        go.save_assessment(version(1), path)
        path.chmod(0o444)

        with pytest.raises(go.GoudenoorError) as info:
            go.save_assessment(version(2), path, overwrite=True)

        assert (
            f"{path}: file is read-only; not replaced (make it writable to replace it)"
        ) == str(info.value)
        assert 1 == _version_of(go.load_assessment(path))
        assert ["audit.yaml"] == [p.name for p in tmp_path.iterdir()]

    def test_writable_file_replaced(self, tmp_path: Path) -> None:
        """
        A writable regular file, and a symbolic link to one, are replaced.
        """
        path = tmp_path / "audit.yaml"
        go.save_assessment(version(1), path)
        link = tmp_path / "link.yaml"
        link.symlink_to(path)

        go.save_assessment(version(2), path, overwrite=True)
        go.save_assessment(version(3), link, overwrite=True)

        assert 2 == _version_of(go.load_assessment(path))
        assert 3 == _version_of(go.load_assessment(link))
        assert not link.is_symlink()


@needs_posix
class TestPermissions:
    @pytest.fixture
    def umask(self) -> Iterator[Callable[[int], int]]:
        previous = os.umask(0o022)
        os.umask(previous)
        yield os.umask
        os.umask(previous)

    def test_new_file_gets_umask(
        self, tmp_path: Path, umask: Callable[[int], int]
    ) -> None:
        """
        A new file gets 0o666 minus the umask.
        """
        umask(0o027)
        path = tmp_path / "audit.yaml"

        go.save_assessment(version(1), path)

        assert 0o640 == stat.S_IMODE(path.stat().st_mode)

    def test_replaced_file_drops_set_id(self, tmp_path: Path) -> None:
        """
        A replaced file keeps its permission bits but not set-user-id,
        set-group-id or sticky.
        """
        path = tmp_path / "audit.yaml"
        go.save_assessment(version(1), path)
        path.chmod(0o7754)
        if stat.S_IMODE(path.stat().st_mode) != 0o7754:
            pytest.skip("this file system does not keep set-id bits")

        go.save_assessment(version(2), path, overwrite=True)

        assert 0o754 == stat.S_IMODE(path.stat().st_mode)


class TestCheckErrors:
    def test_name_too_long(self, tmp_path: Path) -> None:
        """
        A name longer than the file system allows is our error, naming
        the path, with and without overwrite.
        """
        path = tmp_path / ("x" * 300 + ".yaml")
        for overwrite in (False, True):
            with pytest.raises(go.GoudenoorError) as info:
                go.save_assessment(version(1), path, overwrite=overwrite)

            assert (
                f"{path}: cannot check the output file: the name is too long"
            ) == str(info.value)

    def test_file_on_the_way(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A file where a folder of the path should be is one error line.
        """
        (tmp_path / "notes").write_text("x", encoding="utf-8")
        path = tmp_path / "notes" / "out.md"

        code, _, err = run_captured(["template", "gos-2012", "-o", str(path)], capsys)

        expected = (
            f"goudenoor: error: {path}: cannot check the output file: a part of "
            "the path is not a folder\n"
        )
        assert (2, expected) == (code, err)

    @needs_posix
    @pytest.mark.skipif(
        hasattr(os, "geteuid") and os.geteuid() == 0,
        reason="root enters every folder",
    )
    def test_folder_cannot_be_entered(self, tmp_path: Path) -> None:
        """
        A folder on the way that may not be entered is our error.
        """
        closed = tmp_path / "closed"
        closed.mkdir()
        closed.chmod(0o600)
        path = closed / "out.yaml"
        try:
            with pytest.raises(go.GoudenoorError) as info:
                go.save_assessment(version(1), path)
        finally:
            closed.chmod(0o700)

        assert f"{path}: cannot check the output file: permission denied" == str(
            info.value
        )

    def test_permission_denied_while_checking(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """
        Permission denied on the check (simulated, so that it runs as root
        too) is our error, naming the path.
        """
        path = tmp_path / "closed" / "out.yaml"

        def denied(self: Path, **_: object) -> os.stat_result:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))

        monkeypatch.setattr(Path, "stat", denied)
        with pytest.raises(go.GoudenoorError) as info:
            go.save_assessment(version(1), path)

        assert f"{path}: cannot check the output file: permission denied" == str(
            info.value
        )


# ---------------------------------------------------------------- text

HOSTILE_ORGANISATION = "<script>alert(1)</script>\n# Kop `x` ``` [a](javascript:b)"


def _renamed(standard: go.Standard, area_id: str, name: str) -> go.Standard:
    """
    *standard* with area *area_id* named *name* (as an extension could).
    """
    data = go.standard_to_mapping(standard)
    for area in data["areas"]:
        if str(area["number"]) == area_id:
            area["name"] = name
    return go.standard_from_mapping(data)


def _card(standard: go.Standard, organisation: str, **fields: object) -> go.ScoreCard:
    audit = go.Assessment(
        edition=standard.id,
        organisation=organisation,
        date=datetime.date(2026, 3, 1),
        ratings={
            "1.1": go.Rating(value=2, note="note\n## Kop <img src=x onerror=y>"),
            "2.1": go.Rating(value=1),
        },
        **fields,  # type: ignore[arg-type]
    )
    return go.score(standard, audit)


class TestMarkdownText:
    def test_user_text_is_plain(self, std2012: go.Standard) -> None:
        """
        Raw HTML, links and newlines in the organisation, auditors, an
        area name and a note are escaped: no tag, link or heading is made.
        """
        standard = _renamed(std2012, "1", "[klik](javascript:alert(1)) *vet*")
        card = _card(
            standard,
            HOSTILE_ORGANISATION,
            auditors=("Eve\n<script>x</script>", "- Bob &amp; 1. Kees"),
        )

        md = render_report(card, "md", language="en")

        assert md.startswith(
            "# Gouden Oor audit: &lt;script&gt;alert(1)&lt;/script&gt; \\# Kop "
            "\\`x\\` \\`\\`\\` \\[a\\](javascript:b)\n"
        )
        assert (
            "- **Auditors:** Eve &lt;script&gt;x&lt;/script&gt;, "
            "\\- Bob &amp;amp; 1. Kees\n"
        ) in md
        assert "### 1 \\[klik\\](javascript:alert(1)) \\*vet\\*\n" in md
        assert "| 1 \\[klik\\](javascript:alert(1)) \\*vet\\* | organisation |" in md
        assert "note \\#\\# Kop &lt;img src=x onerror=y&gt; |\n" in md
        assert "<script" not in md
        assert "<img" not in md
        assert not any(
            line.startswith(("## Kop", "# Kop", "<")) for line in md.splitlines()
        )

    def test_compare_fence(self, std2012: go.Standard) -> None:
        """
        A backtick fence in the organisation name cannot end the
        comparison's code block: the fence is longer than any run inside.
        """
        name = "ACME\n````\n# Kop\n```"
        old, new = _card(std2012, name), _card(std2012, name)

        md = render_report(new, "md", comparison=go.compare(old, new), language="en")

        block = md.split("## Change since the previous audit\n\n", 1)[1]
        lines = block.splitlines()
        closing = lines.index("`````")
        assert "`````text" == lines[0]
        assert lines[1].startswith("ACME ```` # Kop ```: 2026-03-01")
        assert not any(line.startswith("`") for line in lines[1:closing])
        assert ["", "## Improvements that gain most"] == lines[
            closing + 1 : closing + 3
        ]

    def test_block_starts(self) -> None:
        """
        Text that would start a list, a numbered list or a heading is
        escaped there; plain text (ids, "Leren & ontwikkelen") is as it
        was.
        """
        from goudenoor.report._markdown import _cell, _code

        assert [
            "\\- a",
            "\\+ a",
            "1\\. a",
            "12\\)",
            "1.1",
            "Leren & ontwikkelen",
            "&amp;lt;b&gt;",
            "a \\| b \\$x\\$ \\~\\~c\\~\\~ \\_d\\_",
        ] == [
            _cell(text)
            for text in (
                "- a",
                "+ a",
                "1. a",
                "12)",
                "1.1",
                "Leren & ontwikkelen",
                "&lt;b>",
                "a | b $x$ ~~c~~ _d_",
            )
        ]
        assert ["`a`", "``a`b``", "``` `` ```"] == [
            _code(t) for t in ("a", "a`b", "``")
        ]


class TestHtmlCharts:
    @pytest.mark.parametrize("name", ["Kosten $\\x$", "Prijs $a^b$"])
    def test_dollar_is_text(self, std2012: go.Standard, name: str) -> None:
        """
        An area name with "$" is drawn as the literal text, not parsed as
        math (an unknown symbol used to break the report).
        """
        card = _card(_renamed(std2012, "1", name), "ACME")

        html = render_report(card, "html")

        assert f">1 {name}</text>" in html


class TestTerminalText:
    def test_score_strips_escapes(self, std2012: go.Standard) -> None:
        """
        Control characters (ESC, the one-byte CSI, BEL) in an
        organisation, area name or note never reach the terminal; a
        newline cannot add a line.
        """
        standard = _renamed(std2012, "1", "Stem\x1b]0;titel\x07 van\x9b2J de klant")
        card = _card(standard, "ACME\x1b[2J\nlevel: Niveau 3")
        text = card_text(card)
        assert text.startswith("ACME[2J level: Niveau 3: Gouden Oor")
        assert "\n 1 Stem]0;titel van2J de klant " in text
        assert not any(ch in text for ch in "\x1b\x07\x9b\r")

    def test_json_escapes_what_a_terminal_acts_on(self, std2012: go.Standard) -> None:
        """
        JSON keeps every character of the data, but writes the C1 controls
        (the one-byte CSI), DEL, the line separators and the bidirectional
        overrides as escapes (JSON itself escapes ESC and the other C0
        controls): printed to a terminal, nothing in it acts.
        """
        name = "Stem\x9b2J van\u2028de\u202eklant\x7f"
        card = _card(_renamed(std2012, "1", name), "ACME\x9b31m")

        text = render_report(card, "json")

        assert not any(ch in text for ch in "\x9b\x7f\u2028\u202e\x1b")
        assert '"Stem\\u009b2J van\\u2028de\\u202eklant\\u007f"' in text
        data = json.loads(text)
        assert "ACME\x9b31m" == data["organisation"]
        assert name == data["areas"][0]["name"]

    def test_compare_text(self, std2012: go.Standard) -> None:
        """
        The comparison text has no control characters and no extra lines.
        """
        standard = _renamed(std2012, "1", "Stem\r\x1b[31mrood")
        old = _card(standard, "ACME\x1b[2J")
        new = _card(standard, "ACME\x1b[2J\nnog een regel")

        text = go.compare(old, new, allow_different_organisations=True).text()

        assert text.startswith("ACME[2J nog een regel: 2026-03-01 (gos-2012)")
        assert "\n 1 Stem [31mrood " in text
        assert "\x1b" not in text

    def test_error_line(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        An error message naming a path with an ESC shows it without it.
        """
        code, _, err = run_captured(["score", "bad\x1b[2J.yaml"], capsys)

        assert 2 == code
        assert err.startswith("goudenoor: error: bad[2J.yaml")
        assert "\x1b" not in err


BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Every bidirectional control: none may reach an output raw."""


class TestBidiControls:
    """
    The bidirectional controls (which reorder what a terminal or an editor
    shows) never reach a text output raw: YAML escapes them, as JSON does,
    and CSV, which has no escapes, shows them as ``\\u202e``.
    """

    def test_oscal_yaml(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        ``oscal results --format yaml`` writes names with bidirectional
        controls as escapes, and reads back as the same data as the JSON.
        """
        import yaml

        audit = go.Assessment(
            edition="gos-2012",
            organisation=f"ACME {BIDI} exe.txt",
            unit="Noord\u202e",
            date=datetime.date(2026, 3, 1),
            auditors=("A.\u2066 Jansen",),
            ratings={"1.1": go.Rating(value=2, note="tekst\u202eomgekeerd")},
        )
        path = tmp_path / "audit.yaml"
        go.save_assessment(audit, path)

        code, out, _ = run_captured(
            ["oscal", "results", str(path), "--format", "yaml"], capsys
        )
        _, as_json, _ = run_captured(["oscal", "results", str(path)], capsys)

        assert 0 == code
        assert [] == [ch for ch in out if ch in BIDI]
        assert "\\u202e" in out
        assert json.loads(as_json) == yaml.safe_load(out)

    def test_saved_assessment(self, tmp_path: Path) -> None:
        """
        A saved assessment holds no raw bidirectional control, and loads
        back equal (the escapes are lossless).
        """
        audit = go.Assessment(
            edition="gos-2012",
            organisation=f"ACME {BIDI}",
            date=datetime.date(2026, 3, 1),
            ratings={"1.1": go.Rating(value=2, note=f"{BIDI}\nregel 2")},
        )
        path = tmp_path / "audit.yaml"

        go.save_assessment(audit, path)
        text = path.read_text(encoding="utf-8")

        assert [] == [ch for ch in text if ch in BIDI]
        assert audit == go.load_assessment(path)

    def test_csv(self) -> None:
        """
        A CSV cell shows each bidirectional control and each other control
        a terminal acts on as its ``\\u`` escape; line breaks stay, quoted.
        """
        from goudenoor.report._tables import table_csv

        rows = [{"organisation": "ACME\u202eexe.txt\u2066\x1b[2J\x9b", "n": 1}]

        text = table_csv(rows, ["organisation", "n"])

        assert "organisation,n\nACME\\u202eexe.txt\\u2066\\u001b[2J\\u009b,1\n" == text

    def test_portfolio_csv(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        ``portfolio --format csv`` on standard output has no raw
        bidirectional control.
        """
        audit = go.Assessment(
            edition="gos-2012",
            organisation=f"ACME{BIDI}",
            date=datetime.date(2026, 3, 1),
        )
        go.save_assessment(audit, tmp_path / "audit.yaml")

        code, out, _ = run_captured(
            ["portfolio", str(tmp_path), "--format", "csv"], capsys
        )

        assert 0 == code
        escaped = "".join(f"\\u{ord(ch):04x}" for ch in BIDI)
        assert f"ACME{escaped}," in out
        assert [] == [ch for ch in out if ch in BIDI]

    def test_template(self, std2012: go.Standard) -> None:
        """
        The YAML template escapes the organisation's bidirectional controls
        and leaves them (and ESC, and line breaks, which would end a
        comment) out of the standard's texts shown in comments.
        """
        import yaml

        from goudenoor.files._template import assessment_template

        name = f"Stem\u202e van\x1b[2J\nde: klant{BIDI}"
        standard = _renamed(std2012, "1", name)

        text = assessment_template(standard, organisation=f"ACME{BIDI}")

        assert [] == [ch for ch in text if ch in BIDI or ch == "\x1b"]
        assert "  # == 1 Stem van[2J de: klant (organisation area" in text
        assert f"ACME{BIDI}" == yaml.safe_load(text)["organisation"]

    def test_graphs(self, std2012: go.Standard) -> None:
        """
        DOT and Mermaid write an area name's bidirectional controls as the
        character entities each reads (drawn, never printed raw).
        """
        graph = go.influence_graph(_renamed(std2012, "1", "Stem\u202evan\u2066"))

        dot, mermaid = go.to_dot(graph), go.to_mermaid(graph)

        assert [] == [ch for ch in dot + mermaid if ch in BIDI]
        assert 'label="1 Stem&#x202e;van&#x2066;"' in dot
        assert '["1 Stem#8238;van#8294;"]' in mermaid

    @pytest.mark.parametrize("control", list(BIDI))
    def test_text_reports(self, std2012: go.Standard, control: str) -> None:
        """
        The terminal text and the Markdown report leave each bidirectional
        control out (they show text, not data).
        """
        card = _card(std2012, f"ACME{control}exe")

        for text in (card_text(card), render_report(card, "md")):
            assert control not in text
            assert "ACMEexe" in text
