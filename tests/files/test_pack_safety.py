"""
Extension packs and extension paths: an assessment names extension files
only inside its own folder, packs are read only from regular files, a
broken installed pack is reported by its name without hiding the others,
and every extension error names its file (and line).
"""

from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path
from typing import Any

import pytest

import goudenoor as go
from conftest import EXAMPLE_AUDIT, ROOT
from goudenoor.files import _parse
from helpers import run, run_cli, write


ZORG = ROOT / "examples" / "goudenoor-zorg" / "src" / "goudenoor_zorg" / "zorg.yaml"

HEAD = """\
goudenoor: assessment/1
edition: gos-2012
organisation: X
date: 2026-10-01
"""

PACK = """\
goudenoor: extension/1
id: demo
title: Demo
version: "1"
targets: [gos-2012]
override:
  areas:
    - {id: "9", points: 15, reason: Zwaarder.}
"""

OUTSIDE = "root:x:0:0:niet-voor-jou\n"
"""The content of a file outside the assessment's folder."""

EXPECTED = (
    "(an assessment names an installed extension, or an extension file in its "
    "own folder by a relative path)"
)

_counter = itertools.count()


def assessment(folder: Path, reference: str) -> Path:
    """
    An assessment in *folder* that lists the extension *reference*.
    """
    folder.mkdir(parents=True, exist_ok=True)
    return write(folder, "audit.yaml", HEAD + f'extensions: ["{reference}"]\n')


def load_error(path: Path) -> str:
    """
    The message of loading the assessment *path*.
    """
    with pytest.raises(go.GoudenoorError) as info:
        go.load_assessment(path)
    return str(info.value)


class TestListedPaths:
    def test_parent_folder_refused(self, tmp_path: Path) -> None:
        """
        A path that leads out of the assessment's folder is refused before
        anything is read, and the file's content is not quoted.
        """
        write(tmp_path, "secret.yaml", OUTSIDE)
        path = assessment(tmp_path / "audit", "../secret.yaml")

        message = load_error(path)

        assert (
            f"{path}:5:14 extensions[0]: '../secret.yaml' is not in the "
            f"assessment's folder {EXPECTED}"
        ) == message

    def test_absolute_path_refused(self, tmp_path: Path) -> None:
        """
        An absolute path is refused, even to a file in the folder itself.
        """
        pack = write(tmp_path, "pack.yaml", PACK)
        path = assessment(tmp_path, str(pack))

        message = load_error(path)

        assert message.startswith(f"{path}:5:14 extensions[0]: '")
        assert message.endswith(f" is an absolute path {EXPECTED}")

    def test_symlink_out_refused(self, tmp_path: Path) -> None:
        """
        A link in the folder that points out of it is refused: the path is
        checked with symbolic links followed.
        """
        secret = write(tmp_path, "secret.yaml", OUTSIDE)
        folder = tmp_path / "audit"
        path = assessment(folder, "./pack.yaml")
        (folder / "pack.yaml").symlink_to(secret)

        assert (
            f"{path}:5:14 extensions[0]: './pack.yaml' is not in the "
            f"assessment's folder {EXPECTED}"
        ) == load_error(path)

    def test_paths_inside_folder_allowed(self, tmp_path: Path) -> None:
        """
        A file in a subfolder, and a link to a file inside the folder, are
        read and applied.
        """
        folder = tmp_path / "audit"
        (folder / "packs").mkdir(parents=True)
        write(folder / "packs", "demo.yaml", PACK)
        (folder / "link.yaml").symlink_to(folder / "packs" / "demo.yaml")

        for reference in ("packs/demo.yaml", "./link.yaml"):
            a = go.load_assessment(assessment(folder, reference))

            assert 15.0 == go.standard_for(a).area("9").points

    @pytest.mark.parametrize("system_says", [True, False], ids=["fd-path", "stat"])
    def test_link_swapped_in_after_the_check_refused(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, system_says: bool
    ) -> None:
        """
        A pack inside the folder that becomes a symbolic link out of it
        between the path check and the open is refused on the open file,
        whether the system says what was opened (Linux, macOS) or not (the
        name is resolved again and compared by device and inode).
        """
        outside = write(tmp_path, "outside.yaml", PACK)
        folder = tmp_path / "audit"
        path = assessment(folder, "./pack.yaml")
        pack = write(folder, "pack.yaml", PACK)
        real_open = os.open

        def swapping(name: str | os.PathLike[str], *args: Any, **kwargs: Any) -> int:
            if os.fspath(name) == os.fspath(folder / "pack.yaml") and pack.is_file():
                pack.unlink()
                pack.symlink_to(outside)
            return real_open(name, *args, **kwargs)

        monkeypatch.setattr(os, "open", swapping)
        if not system_says:
            monkeypatch.setattr(_parse, "_opened_path", lambda _: None)

        assert (
            f"{path}:5:14 extensions[0]: {folder / 'pack.yaml'}: the file opened is "
            "not in the assessment's folder (a symbolic link changed while it was "
            "read?)"
        ) == load_error(path)

    def test_long_entry_shown_short(self, tmp_path: Path) -> None:
        """
        The entry is quoted as a short, escaped excerpt.
        """
        path = assessment(tmp_path, "../" * 30 + "etc/passwd")

        assert (
            f"{path}:5:14 extensions[0]: '{'../' * 18}.'... "
            f"is not in the assessment's folder {EXPECTED}"
        ) == load_error(path)

    def test_no_folder_names_only(self) -> None:
        """
        An assessment not read from a file may name installed extensions
        only: a path is refused, relative to nothing.
        """
        data = {
            "goudenoor": "assessment/1",
            "edition": "gos-2012",
            "organisation": "X",
            "date": "2026-10-01",
            "extensions": ["./pack.yaml"],
        }

        with pytest.raises(go.ValidationError) as info:
            go.assessment_from_mapping(data)

        assert (
            "<mapping> extensions[0]: './pack.yaml' is a path, but the "
            "assessment was not read from a file (expected the name of an "
            "installed extension)"
        ) == str(info.value)

    def test_built_in_python_names_only(self) -> None:
        """
        The same for an Assessment built in Python.
        """
        a = go.Assessment(
            edition="gos-2012",
            organisation="X",
            date=go.load_assessment(EXAMPLE_AUDIT).date,
            extensions=("pack.yaml",),
        )

        with pytest.raises(go.GoudenoorError) as info:
            go.standard_for(a)

        assert (
            "'pack.yaml' is a path, but the assessment was not read from a file "
            "(expected the name of an installed extension)"
        ) == str(info.value)

    def test_users_own_path_allowed(self, tmp_path: Path) -> None:
        """
        A file the user names on the command line or in Python may lie
        anywhere; the assessment lists it by its id.
        """
        pack = write(tmp_path, "pack.yaml", PACK)
        path = assessment(tmp_path / "audit", "demo")

        a = go.load_assessment(path, extensions=[go.load_extension_file(pack)])
        code, out = run("score", str(path), "--extension", str(pack))

        assert ("demo",) == a.extensions
        assert (0, True) == (code, out.startswith("X: Gouden Oor Standaard 2012"))

    def test_workbook_cell(self, tmp_path: Path) -> None:
        """
        The extensions cell of an audit workbook follows the same rule.
        """
        pytest.importorskip("openpyxl")
        import openpyxl

        from goudenoor.files import xlsx

        write(tmp_path, "secret.yaml", OUTSIDE)
        folder = tmp_path / "audit"
        folder.mkdir()
        book = folder / "audit.xlsx"
        xlsx.save_workbook(go.load_standard("gos-2012"), book)
        workbook = openpyxl.load_workbook(book)
        workbook[xlsx.AUDIT_SHEET]["B9"] = "../secret.yaml"
        workbook.save(book)

        with pytest.raises(go.ValidationError) as info:
            xlsx.load_workbook(book)

        assert (
            f"{book}[Audit]:9:2 extensions: '../secret.yaml' is not in the "
            f"assessment's folder {EXPECTED}"
        ) == str(info.value)


class TestRegularFilesOnly:
    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
    def test_device_refused(self) -> None:
        """
        A device named as an extension file is refused unread.
        """
        with pytest.raises(go.FileFormatError) as info:
            go.load_extension_file("/dev/zero")

        assert "/dev/zero: not a regular file (a device, named pipe or socket)" == (
            str(info.value)
        )

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
    def test_pipe_on_command_line_refused(self, tmp_path: Path) -> None:
        """
        A named pipe given with --extension is refused at once, not waited
        on.
        """
        pipe = tmp_path / "pack.yaml"
        os.mkfifo(pipe)

        done = run_cli("show", "--extension", pipe, timeout=10)

        assert (2, "") == (done.returncode, done.stdout)
        assert (
            f"goudenoor: error: {pipe}: not a regular file (a device, named pipe "
            "or socket)\n"
        ) == done.stderr

    def test_other_file_not_quoted(self, tmp_path: Path) -> None:
        """
        A file that is not an extension file at all is refused without
        quoting its content.
        """
        other = write(tmp_path, "passwd", OUTSIDE)

        with pytest.raises(go.ValidationError) as info:
            go.load_extension_file(other)

        assert f"{other}:1:1: expected a mapping, got a string" == str(info.value)


class Site:
    """
    Installed packs, as `pip install` would register them: a dist-info
    folder with entry points and the packs' modules, on a temporary path
    entry.
    """

    def __init__(self, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.folder = folder
        self.monkeypatch = monkeypatch
        self.entries: list[str] = []

    def add(self, name: str, source: str) -> str:
        """
        Install pack *name* whose module has *source* and exposes
        ``extension``; return the module's name.
        """
        module = f"goudenoor_testpack_{next(_counter)}"
        write(self.folder, f"{module}.py", source)
        self.entries.append(f"{name} = {module}:extension")
        self.monkeypatch.delitem(sys.modules, module, raising=False)
        return module

    def install(self) -> None:
        info = self.folder / "testpacks-1.0.dist-info"
        info.mkdir(exist_ok=True)
        (info / "METADATA").write_text(
            "Metadata-Version: 2.1\nName: testpacks\nVersion: 1.0\n", encoding="utf-8"
        )
        (info / "entry_points.txt").write_text(
            "[goudenoor.extensions]\n" + "\n".join(self.entries) + "\n",
            encoding="utf-8",
        )
        self.monkeypatch.syspath_prepend(str(self.folder))


@pytest.fixture(name="site")
def _site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Site:
    folder = tmp_path / "site"
    folder.mkdir()
    return Site(folder, monkeypatch)


GOOD = f"""\
from pathlib import Path

def extension():
    return Path({str(ZORG)!r})
"""


def pack_returning(expression: str, imports: str = "") -> str:
    """
    The source of a pack module whose ``extension()`` returns *expression*.
    """
    return f"{imports}\ndef extension():\n    return {expression}\n"


def demo_extension(**changes: str) -> str:
    """
    An expression building the Extension 'demo' with *changes* evolved in
    (the fields unchecked, as a careless pack might do).
    """
    base = (
        "Extension(id='demo', title='Demo', version='1', targets=('gos-2012',), "
        "override=Overrides(areas=(AreaOverride(id='9', points=15.0),)))"
    )
    if not changes:
        return base
    fields = ", ".join(f"{k}={v}" for k, v in changes.items())
    return f"attrs.evolve({base}, {fields})"


IMPORTS = "import attrs\nfrom goudenoor import Extension, Overrides, AreaOverride\n"
IMPORTS_PATH = "from pathlib import Path\n"


class TestBrokenPacks:
    @pytest.mark.parametrize(
        ("source", "message"),
        [
            (
                "import sys\nsys.exit(3)\n",
                (
                    "extension 'kapot' ('{module}:extension') cannot be loaded: "
                    "SystemExit: '3'"
                ),
            ),
            (
                "raise RuntimeError('x' * 500)\n",
                "extension 'kapot' ('{module}:extension') cannot be loaded: "
                "RuntimeError: '" + "x" * 75 + "'...",
            ),
            (
                pack_returning("42"),
                (
                    "extension 'kapot': its entry point gave a int, expected an "
                    "Extension or a path to its YAML file"
                ),
            ),
            (
                pack_returning(demo_extension(add="None"), IMPORTS),
                # The Extension is refused as it is built, inside the pack.
                (
                    "extension 'kapot' ('{module}:extension') cannot be loaded: "
                    "TypeError: \"Extension: 'add' must be Additions, got "
                    'NoneType None"'
                ),
            ),
            (
                pack_returning(demo_extension(targets="['gos-2012', 7]"), IMPORTS),
                (
                    "extension 'kapot' ('{module}:extension') cannot be loaded: "
                    "TypeError: \"Extension: 'targets' must be a tuple of str, got "
                    "list ['gos-2012', 7]\""
                ),
            ),
            (
                pack_returning(demo_extension(), IMPORTS),
                (
                    "extension 'kapot': the extension's id is 'demo'; an installed "
                    "extension's id must equal its entry point name"
                ),
            ),
        ],
    )
    def test_reported_by_name(self, site: Site, source: str, message: str) -> None:
        """
        A pack that ends the program, fails to import, gives something that
        is not an extension, or an Extension with fields of the wrong type,
        is reported by its name with one GoudenoorError.
        """
        module = site.add("kapot", source)
        site.install()

        with pytest.raises(go.GoudenoorError) as info:
            go.load_extension("kapot")

        assert message.format(module=module) == str(info.value)

    def test_missing_file(self, site: Site, tmp_path: Path) -> None:
        """
        A pack whose path does not exist is reported with that path.
        """
        missing = tmp_path / "weg.yaml"
        site.add("kapot", pack_returning(f"Path({str(missing)!r})", IMPORTS_PATH))
        site.install()

        with pytest.raises(go.FileFormatError) as info:
            go.load_extension("kapot")

        assert f"{missing}: cannot read file: No such file or directory" == str(
            info.value
        )

    def test_folder(self, site: Site, tmp_path: Path) -> None:
        """
        A pack whose path is a folder is reported with that path.
        """
        site.add("kapot", pack_returning(f"Path({str(tmp_path)!r})", IMPORTS_PATH))
        site.install()

        with pytest.raises(go.FileFormatError) as info:
            go.load_extension("kapot")

        assert f"{tmp_path}: is a folder, not a file" == str(info.value)

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
    def test_device(self, site: Site) -> None:
        """
        A pack whose path is a device is refused unread, not read until
        memory runs out.
        """
        site.add("kapot", pack_returning("Path('/dev/zero')", IMPORTS_PATH))
        site.install()

        with pytest.raises(go.FileFormatError) as info:
            go.load_extension("kapot")

        assert "/dev/zero: not a regular file (a device, named pipe or socket)" == (
            str(info.value)
        )

    def test_keyboard_interrupt_not_caught(self, site: Site) -> None:
        """
        Ctrl-C while a pack loads still stops the program.
        """
        site.add("kapot", "raise KeyboardInterrupt\n")
        site.install()

        with pytest.raises(KeyboardInterrupt):
            go.load_extension("kapot")

    def test_listing_shows_the_others(
        self, site: Site, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        `goudenoor extensions` lists the good packs, reports each broken
        one on standard error, and exits with 1 (a finding); a pack's sys.exit does not
        end the command.
        """
        site.add("a-exit", "import sys\nsys.exit(0)\n")
        site.add("b-int", pack_returning("42"))
        site.add("zorg", GOOD)
        site.install()

        code, out = run("extensions")
        err = capsys.readouterr().err

        assert 1 == code
        assert out.startswith("zorg  Zorg: klachtenfunctionaris")
        assert 1 == len(out.splitlines())
        assert [
            (
                "goudenoor: error: package testpacks: extension 'a-exit' "
                f"('{site.entries[0].split(' = ')[1]}') cannot be loaded: "
                "SystemExit: '0'"
            ),
            (
                "goudenoor: error: package testpacks: extension 'b-int': its entry "
                "point gave a int, expected an Extension or a path to its YAML file"
            ),
        ] == err.splitlines()

    def test_assessment_naming_broken_pack(self, site: Site, tmp_path: Path) -> None:
        """
        An assessment that names a broken pack is told where it names it.
        """
        site.add("kapot", pack_returning("42"))
        site.install()
        path = assessment(tmp_path, "kapot")

        assert (
            f"{path}:5:14 extensions[0]: extension 'kapot': its entry point gave "
            "a int, expected an Extension or a path to its YAML file"
        ) == load_error(path)


class TestExtensionChecks:
    def test_pack_object_problem_named(self, site: Site) -> None:
        """
        An Extension a pack builds in Python that cannot be applied is
        reported with the pack's name, not with a bare key path.
        """
        empty_name = (
            "attrs.evolve(" + demo_extension() + ", id='kapot', override="
            "Overrides(areas=(AreaOverride(id='9', name=''),)))"
        )
        site.add("kapot", pack_returning(empty_name, IMPORTS))
        site.install()
        extension = go.load_extension("kapot")

        with pytest.raises(go.ExtensionError) as info:
            go.apply_extension(go.load_standard("gos-2012"), extension)

        assert "extension kapot override.areas[0].name: must not be empty" == str(
            info.value
        )

    def test_empty_requirement_text(self, tmp_path: Path) -> None:
        """
        An override that empties a requirement's text is refused at its
        line.
        """
        path = write(
            tmp_path,
            "demo.yaml",
            PACK.replace(
                '  areas:\n    - {id: "9", points: 15, reason: Zwaarder.}\n',
                '  requirements:\n    - {id: "9.2", text: " ", reason: x}\n',
            ),
        )

        with pytest.raises(go.ExtensionError) as info:
            go.apply_extension(
                go.load_standard("gos-2012"), go.load_extension_file(path)
            )

        assert (f"{path}:8:19 override.requirements[0].text: must not be empty") == str(
            info.value
        )

    def test_checkpoint_of_earlier_extension(self, tmp_path: Path) -> None:
        """
        Checkpoint ids are unique across the applied standard: a second
        extension cannot add one an earlier extension's requirement has.
        """
        zorg = go.load_extension_file(ZORG)
        text = ZORG.read_text(encoding="utf-8")
        clash = go.load_extension_file(
            write(
                tmp_path,
                "clash.yaml",
                text.replace("id: zorg\n", "id: clash\n", 1)
                .replace("- id: zorg\n", "- id: clash\n", 1)
                .replace("source: zorg", "source: clash")
                .replace('"zorg:1.11"', '"clash:1.11"'),
            )
        )
        std = go.apply_extension(go.load_standard("gos-2012"), zorg)

        with pytest.raises(go.ExtensionError) as info:
            go.apply_extension(std, clash)

        assert "checkpoints[0].id: checkpoint 'zorg:1.11.a' already exists" in str(
            info.value
        )

    def test_repeats_in_one_pack(self, std2012: go.Standard) -> None:
        """
        A requirement overridden twice, or removed twice, is refused; the
        first entry is named.
        """
        extension = go.Extension(
            id="demo",
            title="Demo",
            version="1",
            targets=("gos-2012",),
            override=go.Overrides(
                requirements=(
                    go.RequirementOverride(id="5.1", text="Een."),
                    go.RequirementOverride(id="5.1", weight=2.0),
                )
            ),
            remove=go.Removals(
                requirements=(
                    go.RequirementRemoval(id="9.2", reason="x"),
                    go.RequirementRemoval(id="9.2", reason="y"),
                )
            ),
        )

        with pytest.raises(go.ExtensionError) as info:
            go.apply_extension(std2012, extension)

        assert (
            "2 problems in extension demo:\n"
            "  extension demo override.requirements[1]: requirement 5.1 is "
            "already overridden at override.requirements[0] (give each item once)\n"
            "  extension demo remove.requirements[1]: requirement 9.2 is already "
            "removed at remove.requirements[0] (give each item once)"
        ) == str(info.value)


def test_long_unknown_name_shown_short(tmp_path: Path) -> None:
    """
    An unknown extension name in an assessment is quoted as a short
    excerpt, not in full.
    """
    path = assessment(tmp_path, "x" * 5_000)

    assert (
        f"{path}:5:14 extensions[0]: unknown extension "
        f"'{'x' * 55}'... in the installed extensions"
    ) == load_error(path).split(";")[0]
