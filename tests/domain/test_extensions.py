"""
Sector extensions: the example pack, applying, provenance, immutability,
discovery through entry points, and bad extensions.
"""

from __future__ import annotations

import copy
import json
import pickle
from pathlib import Path

import jsonschema
import pytest
import yaml

import goudenoor as go
from conftest import EXAMPLE_AUDIT, ROOT
from goudenoor.files._schemas import extension_schema
from goudenoor.files._template import assessment_template
from helpers import register_pack, run, write


PACK = ROOT / "examples" / "goudenoor-zorg"
ZORG = PACK / "src" / "goudenoor_zorg" / "zorg.yaml"
ADDED = ["zorg:1.11", "zorg:1.12", "zorg:3.4", "zorg:4.9", "zorg:5.8", "zorg:5.9"]

HEADER = """\
goudenoor: extension/1
id: demo
title: Demo
version: "1"
targets: [gos-2012]
sources:
  - id: demo
    title: Demo
"""


@pytest.fixture(name="zorg")
def _zorg() -> go.Extension:
    return go.load_extension_file(ZORG)


@pytest.fixture(name="installed")
def _installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """
    Make the example pack discoverable through its entry point, as
    `pip install` would, without installing anything: a dist-info folder
    on a temporary path entry, next to the pack's source.
    """
    register_pack(
        tmp_path, "goudenoor-zorg", "1.0.0", {"zorg": "goudenoor_zorg:extension"}
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.syspath_prepend(str(PACK / "src"))


class TestZorgPack:
    @pytest.mark.parametrize(
        ("edition", "before"), [("gos-2012", 29), ("gos-2016", 39)]
    )
    def test_applies(self, zorg: go.Extension, edition: str, before: int) -> None:
        """
        The pack adds six requirements and three checkpoints to either edition.
        """
        std = go.apply_extension(go.load_standard(edition), zorg)

        assert before + 6 == len(std.requirements)
        assert ADDED == [r.id for r in std.requirements if r.namespace == "zorg"]
        assert ("zorg:2.4.x",) == tuple(
            c.id for c in std.requirement("2.4").checkpoints if c.id.startswith("zorg:")
        )
        assert ("zorg",) == std.extensions

    def test_provenance(self, zorg: go.Extension, std2012: go.Standard) -> None:
        """
        Every change is recorded with the extension that made it.
        """
        std = go.apply_extension(std2012, zorg)

        assert 9 == len(std.changes)
        assert {"zorg"} == {c.extension for c in std.changes}
        assert ("add", "zorg") == (
            std.changes_to("requirement zorg:4.9")[0].action,
            std.changes_to("checkpoint zorg:2.4.x")[0].extension,
        )

    def test_own_texts_marked(self, zorg: go.Extension) -> None:
        """
        The pack's texts point to the pack's own source, not the standard's.
        """
        source = zorg.sources[0]

        assert {"zorg"} == {r.source for r in zorg.add.requirements}
        assert "not the Gouden Oor Standaard's words" in " ".join(source.notes)

    def test_base_unchanged(self, zorg: go.Extension, std2012: go.Standard) -> None:
        """
        Applying an extension never changes the base Standard.
        """
        snapshot = pickle.dumps(std2012)
        copied = copy.deepcopy(std2012)

        go.apply_extension(std2012, zorg)

        assert snapshot == pickle.dumps(std2012)
        assert copied == std2012
        assert 29 == len(std2012.requirements)
        assert std2012 is go.load_standard("gos-2012")

    def test_schema(self) -> None:
        """
        The pack's file matches the extension JSON Schema.
        """
        data = yaml.safe_load(ZORG.read_text(encoding="utf-8"))

        jsonschema.Draft202012Validator.check_schema(extension_schema())
        jsonschema.validate(data, extension_schema())

    def test_scoring_counts_pack(self, zorg: go.Extension, tmp_path: Path) -> None:
        """
        An audit made with the pack lists it; loading applies it and the
        pack's requirements count in their areas.
        """
        std = go.apply_extension(go.load_standard("gos-2012"), zorg)
        text = assessment_template(std)
        path = write(
            tmp_path,
            "a.yaml",
            text.replace('  "4.1":\n    value:', '  "4.1":\n    value: 4'),
        )
        path.write_text(
            path.read_text(encoding="utf-8").replace(
                '  "zorg:4.9":\n    value:', '  "zorg:4.9":\n    value: 4'
            ),
            encoding="utf-8",
        )

        a = go.load_assessment(path, extensions=[zorg])
        card = go.score(go.standard_for(a, [zorg]), a)

        assert ("zorg",) == a.extensions
        assert round(10 * 2 / 3, 9) == round(card.areas["4"].points, 9)


class TestEntryPoint:
    def test_discovered(self, installed: None) -> None:
        """
        The pack is found through the goudenoor.extensions entry point.
        """
        assert "zorg" in go.available_extensions()
        assert "zorg" == go.load_extension("zorg").id

    def test_cli(self, installed: None, tmp_path: Path) -> None:
        """
        goudenoor extensions lists it; template --extension zorg contains
        its requirements; score counts them (the issue's acceptance).
        """
        code, out = run("extensions")
        assert 0 == code
        assert out.startswith("zorg  Zorg: klachtenfunctionaris")

        path = tmp_path / "a.yaml"
        assert (
            0 == run("template", "gos-2012", "--extension", "zorg", "-o", str(path))[0]
        )
        text = path.read_text(encoding="utf-8")
        assert 'extensions: ["zorg"]' in text
        assert all(f'  "{rid}":' in text for rid in ADDED)

        path.write_text(
            text.replace('  "zorg:4.9":\n    value:', '  "zorg:4.9":\n    value: 4'),
            encoding="utf-8",
        )
        code, out = run("score", str(path), "--format", "json")

        data = json.loads(out)
        area4 = next(a for a in data["areas"] if a["area_id"] == "4")
        assert (0, round(10 / 3, 6)) == (code, round(area4["points"], 6))
        assert "zorg:4.9" in [r["requirement_id"] for r in area4["requirements"]]

    def test_unknown_name(self, installed: None) -> None:
        """
        An extension name that is not installed gets a suggestion.
        """
        with pytest.raises(go.UnknownItemError) as info:
            go.load_extension("zrog")

        assert (
            "unknown extension 'zrog' in the installed extensions; did you mean 'zorg'?"
        ) == str(info.value)

    def test_unresolved_in_assessment(self, tmp_path: Path) -> None:
        """
        An assessment naming an extension that is not there says where.
        """
        path = write(
            tmp_path,
            "a.yaml",
            "goudenoor: assessment/1\nedition: gos-2012\norganisation: X\n"
            "date: 2026-01-01\nextensions: [geen-pakket]\n",
        )

        with pytest.raises(go.ValidationError) as info:
            go.load_assessment(path)

        assert str(info.value).startswith(
            f"{path}:5:14 extensions[0]: unknown extension 'geen-pakket' in the "
            "installed extensions"
        )


class TestBadExtensions:
    def test_every_problem_listed(self, tmp_path: Path, std2012: go.Standard) -> None:
        """
        Unknown area and theme, wrong namespace, id clash, unknown
        requirement, override and removal of nothing: one error, every
        problem with its line and path.
        """
        content = HEADER + (
            "add:\n"
            "  requirements:\n"
            '    - {id: "demo:12.1", text: Eis., source: demo}\n'
            '    - {id: "demo:5.8", text: Eis., source: demo, theme: Lernen}\n'
            '    - {id: "5.9", text: Eis., source: demo}\n'
            '    - {id: "demo:5.8", text: Nog een., source: demo}\n'
            "  checkpoints:\n"
            '    - {requirement: "5.20", id: "demo:5.20.a", text: x}\n'
            "override:\n"
            "  requirements:\n"
            '    - {id: "5.99", text: Nieuw., reason: x}\n'
            "remove:\n"
            "  requirements:\n"
            '    - {id: "9.9", reason: x}\n'
        )
        path = write(tmp_path, "demo.yaml", content)
        ext = go.load_extension_file(path)

        with pytest.raises(go.ExtensionError) as info:
            go.apply_extension(std2012, ext)

        where = str(path)
        assert (
            f"7 problems in {where}:\n"
            f"  {where}:11:8 add.requirements[0].id: unknown area '12' (expected one "
            "of ['1', '2', '3', '4', '5', '6', '7', '8', '9'])\n"
            f"  {where}:12:50 add.requirements[1].theme: unknown theme 'Lernen' in "
            "area 5 of gos-2012 (expected one of ['Escaleren', 'Evalueren', "
            "'Leren'] or null)\n"
            f"  {where}:13:8 add.requirements[2].id: expected an id in the "
            "extension's namespace, like 'demo:5.9' (got '5.9')\n"
            f"  {where}:14:8 add.requirements[3].id: requirement 'demo:5.8' already "
            "exists\n"
            f"  {where}:16:8 add.checkpoints[0].requirement: unknown requirement "
            "'5.20' in gos-2012; did you mean '5.2'?\n"
            f"  {where}:19:8 override.requirements[0].id: no requirement '5.99' to "
            "override in gos-2012\n"
            f"  {where}:22:8 remove.requirements[0].id: no requirement '9.9' to "
            "remove in gos-2012; did you mean '9.2', '9.1'?"
        ) == str(info.value)

    def test_wrong_target(self, tmp_path: Path, std2016: go.Standard) -> None:
        """
        An extension for 2012 does not apply to 2016.
        """
        ext = go.load_extension_file(write(tmp_path, "demo.yaml", HEADER))

        with pytest.raises(go.ExtensionError) as info:
            go.apply_extension(std2016, ext)

        assert (
            f"{tmp_path}/demo.yaml:5:1 targets: the extension targets "
            "['gos-2012'], not 'gos-2016'"
        ) == str(info.value)

    def test_conflict(self, tmp_path: Path, std2012: go.Standard) -> None:
        """
        Two extensions that change the same requirement conflict.
        """
        one = go.load_extension_file(
            write(
                tmp_path,
                "one.yaml",
                HEADER
                + "override:\n  requirements:\n"
                + '    - {id: "5.1", text: Een., reason: x}\n',
            )
        )
        two = attrs_evolve_id(one, "two", tmp_path)

        with pytest.raises(go.ExtensionError) as info:
            go.apply_extension(std2012, one, two)

        assert str(info.value).endswith(
            "two.yaml:11:7 override.requirements[0]: requirement 5.1 is also "
            "changed by extension 'demo'"
        )

    def test_structure_errors(self, tmp_path: Path) -> None:
        """
        A malformed extension file is refused with its place.
        """
        path = write(
            tmp_path, "demo.yaml", HEADER.replace('version: "1"', "version: 1")
        )

        with pytest.raises(go.ValidationError) as info:
            go.load_extension_file(path)

        assert f"{path}:4:1 version: expected a string, got number 1" == str(info.value)


def attrs_evolve_id(
    extension: go.Extension, new_id: str, tmp_path: Path
) -> go.Extension:
    """
    A copy of *extension* under another id, written to its own file.
    """
    text = Path(str(extension.origin)).read_text(encoding="utf-8")
    return go.load_extension_file(
        write(tmp_path, f"{new_id}.yaml", text.replace("id: demo\n", f"id: {new_id}\n"))
    )


class TestOverridesAndRemovals:
    def test_replace_edges(self, tmp_path: Path, std2012: go.Standard) -> None:
        """
        An extension can replace an influence edge: remove it, add another.
        """
        ext = go.load_extension_file(
            write(
                tmp_path,
                "demo.yaml",
                HEADER
                + "add:\n  influences:\n"
                + '    - {source: "2", target: "9", strength: primary,\n'
                + "       rationale: Eigen model.}\n"
                + "remove:\n  influences:\n"
                + '    - {source: "1", target: "9", reason: Niet in ons model.}\n',
            )
        )

        g = go.influence_graph(go.apply_extension(std2012, ext))

        assert ("2", "5", "4") == go.drivers(g, "9")

    def test_override_and_remove(self, tmp_path: Path, std2012: go.Standard) -> None:
        """
        Overrides change texts and points; removals drop requirements, and
        an assessment rating a removed one is told why.
        """
        ext = go.load_extension_file(
            write(
                tmp_path,
                "demo.yaml",
                HEADER
                + "override:\n  areas:\n"
                + '    - {id: "9", points: 15, name: Betere zorg, reason: Zwaarder.}\n'
                + "remove:\n  requirements:\n"
                + '    - {id: "9.2", reason: Geen productontwikkeling.}\n',
            )
        )
        std = go.apply_extension(std2012, ext)
        a = go.Assessment(
            edition="gos-2012",
            organisation="X",
            date=go.load_assessment(EXAMPLE_AUDIT).date,
            extensions=("demo",),
            ratings={"9.2": go.Rating(value=1)},
        )

        assert (
            15.0,
            "Betere zorg",
            ("Proces & productverbetering", "Beter producten & processen"),
        ) == (
            std.area("9").points,
            std.area("9").name,
            std.area("9").aliases,
        )
        assert 105.0 == std.max_points
        with pytest.raises(go.ValidationError) as info:
            go.check_assessment(a, std)
        assert (
            "ratings.\"9.2\": unknown requirement '9.2' in gos-2012 (removed by "
            "extension 'demo': Geen productontwikkeling.)"
        ) == str(info.value)
