"""
Loading edition files: strict parsing, strict structure, exact messages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import goudenoor as go
from goudenoor.files import _yaml
from helpers import write


MINI = """\
id: mini
title: Mini
year: 2026
default_scale: s
default_scheme: k
sources:
  - id: src
    title: Bron
areas:
  - number: 1
    kind: organisation
    name: Een
    points: 10
    requirements:
      - id: "1.1"
        text: Eis een.
        source: src
      - id: "1.2"
        text: Eis twee.
        source: src
scales:
  - id: s
    name: S
    levels:
      - {value: 0, label: nee}
      - {value: 1, label: ja}
recognition_schemes:
  - id: k
    name: K
    levels:
      - name: L
        conditions: [{scope: total, min_points: 5}]
"""


def load_error(tmp_path: Path, content: str | bytes) -> str:
    """
    Load *content* as mini.yaml and return the error message.
    """
    path = write(tmp_path, "mini.yaml", content)
    with pytest.raises(go.GoudenoorError) as info:
        go.load_standard_file(path)
    return str(info.value).replace(str(tmp_path) + "/", "")


class TestGoodFile:
    def test_loads(self, tmp_path: Path) -> None:
        """
        The minimal edition loads with defaults filled in.
        """
        std = go.load_standard_file(write(tmp_path, "mini.yaml", MINI))

        assert ("mini", ("1.1", "1.2"), "s") == (
            std.id,
            tuple(r.id for r in std.requirements),
            std.scale().id,
        )

    def test_numeric_keys_stay_text(self) -> None:
        """
        Mapping keys are the text as written: 1.10 is not the float 1.1.
        """
        assert {"1.10": 3, "2": None} == _yaml.load("1.10: 3\n2:\n", "x")


class TestBadFiles:
    def test_duplicate_key(self, tmp_path: Path) -> None:
        """
        A key given twice is an error at the second one.
        """
        content = MINI.replace("title: Mini\n", "title: Mini\ntitle: Maxi\n")

        assert "mini.yaml:3:1: duplicate key 'title'" == load_error(tmp_path, content)

    def test_extra_key(self, tmp_path: Path) -> None:
        """
        An unknown key names the keys that are allowed.
        """
        content = MINI.replace("    points: 10\n", "    points: 10\n    colour: red\n")

        assert (
            "mini.yaml:14:5 areas[0].colour: unknown key 'colour' (expected one "
            "of: number, kind, name, points, aliases, points_assumed, "
            "points_source, summary, themes, requirements, notes)"
        ) == load_error(tmp_path, content)

    def test_wrong_type(self, tmp_path: Path) -> None:
        """
        A string where a number belongs is not coerced.
        """
        content = MINI.replace("points: 10", 'points: "10"')

        assert (
            "mini.yaml:13:5 areas[0].points: expected a number, got string '10'"
        ) == load_error(tmp_path, content)

    def test_bool_is_not_a_number(self, tmp_path: Path) -> None:
        """
        YAML's yes is a boolean, and booleans are not numbers.
        """
        content = MINI.replace("year: 2026", "year: yes")

        assert "mini.yaml:3:1 year: expected an integer, got true" == load_error(
            tmp_path, content
        )

    def test_duplicate_id(self, tmp_path: Path) -> None:
        """
        Two requirements with one id are refused at the second.
        """
        content = MINI.replace('id: "1.2"', 'id: "1.1"')

        assert (
            "mini.yaml:18:9 areas[0].requirements[1].id: duplicate requirement id '1.1'"
        ) == load_error(tmp_path, content)

    def test_missing_key(self, tmp_path: Path) -> None:
        """
        A missing required key is reported at its parent.
        """
        content = MINI.replace("        text: Eis twee.\n", "")

        assert (
            "mini.yaml:18:9 areas[0].requirements[1].text: required key missing"
        ) == load_error(tmp_path, content)

    def test_several_problems(self, tmp_path: Path) -> None:
        """
        All problems are reported together, one per line.
        """
        content = MINI.replace("points: 10", "points: .nan").replace(
            "kind: organisation", "kind: organization"
        )

        assert (
            "2 problems in mini.yaml:\n"
            "  mini.yaml:11:5 areas[0].kind: expected one of 'organisation', "
            "'result', got string 'organization'\n"
            "  mini.yaml:13:5 areas[0].points: expected a finite number, got "
            "number nan"
        ) == load_error(tmp_path, content)

    def test_unknown_reference(self, tmp_path: Path) -> None:
        """
        A requirement must name a listed source.
        """
        content = MINI.replace(
            '        source: src\n      - id: "1.2"',
            '        source: bron\n      - id: "1.2"',
        )

        assert (
            "mini.yaml:17:9 areas[0].requirements[0].source: unknown source "
            "'bron' (expected one of ['src'])"
        ) == load_error(tmp_path, content)

    def test_syntax_error(self, tmp_path: Path) -> None:
        """
        Broken YAML is reported with its position.
        """
        content = MINI.replace("  - id: src\n", "  - id: src\n   title: [\n")

        message = load_error(tmp_path, content)

        assert message.startswith("mini.yaml:8:")
        assert "invalid YAML" in message

    def test_tab_indentation(self, tmp_path: Path) -> None:
        """
        A tab in the indentation is a syntax error with a position.
        """
        content = MINI.replace("    name: Een", "\tname: Een")

        assert load_error(tmp_path, content).startswith("mini.yaml:12:1: invalid YAML")

    def test_not_utf8(self, tmp_path: Path) -> None:
        """
        Latin-1 bytes are refused with their position.
        """
        content = MINI.replace("Bron", "Br\xf6n").encode("latin-1")

        assert (
            "mini.yaml:8:14: not UTF-8 text (byte 0xf6 cannot be decoded)"
            == load_error(tmp_path, content)
        )

    def test_bom_is_accepted(self, tmp_path: Path) -> None:
        """
        A UTF-8 byte order mark does not stop the file from loading.
        """
        path = write(tmp_path, "mini.yaml", b"\xef\xbb\xbf" + MINI.encode())

        assert "mini" == go.load_standard_file(path).id

    def test_not_a_mapping(self, tmp_path: Path) -> None:
        """
        A document that is a list is not an edition.
        """
        assert "mini.yaml:1:1: expected a mapping, got a list" == load_error(
            tmp_path, "- a\n- b\n"
        )

    def test_merge_key(self, tmp_path: Path) -> None:
        """
        Merge keys are refused rather than half-supported.
        """
        content = MINI + "more:\n  <<: {x: 1}\n"

        assert (
            "mini.yaml:34:3: merge keys are not supported (found '<<'): goudenoor "
            "files are YAML without anchors, aliases, tags or merge keys"
        ) == load_error(tmp_path, content)

    def test_alias_bomb(self, tmp_path: Path) -> None:
        """
        A billion-laughs document is refused at its first anchor, before
        anything is expanded.
        """
        lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        lines += [
            f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 9)
        ]

        assert (
            "mini.yaml:1:5: anchors are not supported (found '&a0'): goudenoor "
            "files are YAML without anchors, aliases, tags or merge keys"
        ) == load_error(tmp_path, "\n".join(lines) + "\n")

    def test_too_large(self, tmp_path: Path) -> None:
        """
        A file over the size limit is refused unread.
        """
        content = b"#" * (_yaml.MAX_BYTES + 1)

        assert (
            "mini.yaml: file is 8,388,609 bytes, more than the limit of 8,388,608 bytes"
        ) == load_error(tmp_path, content)

    def test_missing_file(self, tmp_path: Path) -> None:
        """
        A file that does not exist is a GoudenoorError, not an OSError.
        """
        with pytest.raises(go.FileFormatError) as info:
            go.load_standard_file(tmp_path / "nope.yaml")

        assert str(info.value).endswith(
            "nope.yaml: cannot read file: No such file or directory"
        )


class TestRoundTrip:
    @pytest.mark.parametrize("edition", ["gos-2012", "gos-2016"])
    def test_mapping(self, edition: str) -> None:
        """
        unstructure then structure gives an equal Standard.
        """
        std = go.load_standard(edition)

        assert std == go.standard_from_mapping(go.standard_to_mapping(std))

    @pytest.mark.parametrize("edition", ["gos-2012", "gos-2016"])
    def test_yaml_file(self, edition: str, tmp_path: Path) -> None:
        """
        Dumped to YAML and loaded from the file, an edition is unchanged.
        """
        std = go.load_standard(edition)
        path = write(tmp_path, "copy.yaml", _yaml.dump(go.standard_to_mapping(std)))

        assert std == go.load_standard_file(path)
