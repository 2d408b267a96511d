"""
What reading a file may cost, and what numbers and text it may hold.

- Cost: locating n problems needs no parse but the one that read the
  file; a saved form over the size limit is refused before it is written,
  so what is saved is accepted again; a quoted value is a short excerpt.
- Numbers: every number from a file lies within MAX_NUMBER of zero before
  anything is computed with it; points, weights and scale values built in
  Python are held to the same range, so sums cannot overflow.
- Text: control characters (but tab and line feed) and surrogates are
  refused, written raw or as escapes, with both of PyYAML's loaders.
"""

from __future__ import annotations

import datetime
import importlib
import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import attrs
import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings, strategies as st

import goudenoor as go
from goudenoor import cli
from goudenoor.files import _yaml
from goudenoor.problems import excerpt, format_path
from goudenoor.standard._model import MAX_NUMBER
from helpers import write


BAD = Path(__file__).parent.parent / "data" / "bad"

HEAD = """\
goudenoor: assessment/1
edition: gos-2012
organisation: Gemeente Voorbeeld
date: 2026-10-01
"""

RANGE = "from -1,000,000 to 1,000,000"

GOS_2012_IDS = [r.id for r in go.load_standard("gos-2012").requirements]


@pytest.fixture(params=["C", "pure-Python"])
def loader(request: pytest.FixtureRequest) -> Iterator[str]:
    """
    Run a test with PyYAML's C loader and with its pure-Python one (the
    fallback where libyaml is missing): `_yaml` is reloaded without
    ``yaml.CSafeLoader`` and reloaded again afterwards.
    """
    if request.param == "C":
        if not hasattr(yaml, "CSafeLoader"):  # pragma: no cover - libyaml missing
            pytest.skip("PyYAML was built without libyaml")
        yield request.param
        return
    saved = getattr(yaml, "CSafeLoader", None)
    # A reload makes new function objects; the packages that re-export them
    # (goudenoor.files) keep the old ones, so the old ones come back after.
    names = dict(vars(_yaml))
    if saved is not None:
        del yaml.CSafeLoader
    try:
        importlib.reload(_yaml)
        assert _yaml._Loader is yaml.SafeLoader
        yield request.param
    finally:
        if saved is not None:
            yaml.CSafeLoader = saved  # type: ignore[misc]
        importlib.reload(_yaml)
        vars(_yaml).update(names)


def refused(path: Path) -> go.GoudenoorError:
    with pytest.raises(go.GoudenoorError) as info:
        go.load_assessment(path)
    return info.value


class _CountingList(list[Any]):
    """A node's list of children that counts how often it is walked."""

    walks = 0

    def __iter__(self) -> Iterator[Any]:
        _CountingList.walks += 1
        return super().__iter__()


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """
    The texts the YAML reader parses from now on, one entry per parse.
    """
    parsed: list[str] = []
    loader = _yaml._Loader

    def counting(text: str) -> yaml.SafeLoader:
        parsed.append(text)
        return loader(text)

    monkeypatch.setattr(_yaml, "_Loader", counting)
    return parsed


class TestLocatingCost:
    @pytest.mark.parametrize("from_text", [False, True], ids=["file", "text"])
    @pytest.mark.parametrize("short", [True, False], ids=["short", "long"])
    def test_an_assessment_is_located_from_its_one_parse(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        from_text: bool,
        short: bool,
    ) -> None:
        """
        The problems of an assessment, short or long, are located from the
        positions its one parse noted: the text is not parsed again.
        """
        note = "" if short else f"# {'x' * 20_000}\n"
        path = write(
            tmp_path, "many.yaml", HEAD + note + 'ratings:\n  "u1": 1\n  "u2": 1\n'
        )
        parsed = count_parses(monkeypatch)

        def load() -> go.Assessment:
            if from_text:
                return go.loads_assessment(path.read_bytes(), source=str(path))
            return go.load_assessment(path)

        with pytest.raises(go.ValidationError) as info:
            load()

        assert 1 == len(parsed)
        line = 6 if short else 7
        assert [(line, 3), (line + 1, 3)] == [
            (p.line, p.column) for p in info.value.problems
        ]

    @pytest.mark.parametrize(
        ("name", "load"),
        [
            ("extension-extra-key.yaml", go.load_extension_file),
            ("crosswalk-unknown-relationship.yaml", go.load_crosswalk_file),
            ("edition-extra-key.yaml", go.load_standard_file),
        ],
        ids=["extension", "crosswalk", "edition"],
    )
    def test_other_files_are_located_from_their_one_parse(
        self, monkeypatch: pytest.MonkeyPatch, name: str, load: Any
    ) -> None:
        """
        The problems found while an extension, crosswalk or edition file
        loads are located from that load's one parse, not a second one.
        """
        parsed = count_parses(monkeypatch)

        with pytest.raises(go.ValidationError) as info:
            load(BAD / name)

        assert 1 == len(parsed)
        assert all(problem.line is not None for problem in info.value.problems)

    def test_each_id_located_at_its_key(self, tmp_path: Path) -> None:
        """
        300 unknown ids are each located at their own key.
        """
        ratings = "".join(f'  "{n}.1": 3\n' for n in range(10, 310))
        path = write(tmp_path, "audit.yaml", f"{HEAD}ratings:\n{ratings}")

        error = refused(path)

        assert isinstance(error, go.ValidationError)
        assert [(6 + n, 3) for n in range(300)] == [
            (problem.line, problem.column) for problem in error.problems
        ]

    def test_suggestions_for_the_first_unknown_ids_only(self, tmp_path: Path) -> None:
        """
        The first SUGGESTED unknown ids get a "did you mean"; those after
        do not (finding close matches for 60,000 ids took 12 s).
        """
        count = go.audit._assessment.SUGGESTED + 1
        ratings = "".join(f'  "{n}.1": 3\n' for n in range(10, 10 + count))
        path = write(tmp_path, "audit.yaml", f"{HEAD}ratings:\n{ratings}")

        error = refused(path)

        assert isinstance(error, go.ValidationError)
        messages = [problem.message for problem in error.problems]
        assert (
            "unknown requirement '10.1' in gos-2012; did you mean '1.1'?" == messages[0]
        )
        assert f"unknown requirement '{9 + count}.1' in gos-2012" == messages[-1]


class TestSavedSize:
    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(
        text=st.text(
            alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
            | st.sampled_from('\t\n"\\\ufeff\u2028 '),
            min_size=1,
            max_size=120,
        ),
        uses=st.integers(min_value=0, max_value=40),
        rated=st.integers(min_value=1, max_value=len(GOS_2012_IDS)),
        evidence=st.integers(min_value=1, max_value=4),
        value=st.sampled_from(["3", "3.0", "+3", ".3e+1", "0x3", "0b11", "3.e+0"]),
        limit=st.integers(min_value=1_500, max_value=40_000),
    )
    def test_accepted_file_saves_into_a_file_that_loads(  # noqa: PLR0917 - drawn
        self,
        tmp_path: Path,
        text: str,
        uses: int,
        rated: int,
        evidence: int,
        value: str,
        limit: int,
    ) -> None:
        """
        Whatever a file repeats (a text, a list of evidence, a number) and
        however it writes its numbers, if it is accepted under a size limit,
        its saved form is accepted again, equal; a saved form that would be
        over the limit is refused before anything is written.
        """
        quoted = json.dumps(f"x{text}", ensure_ascii=False)
        items = ", ".join([f"{{kind: document, reference: {quoted}}}"] * evidence)
        first_id, *other_ids = GOS_2012_IDS[:rated]
        ratings = f'  "{first_id}": {{value: 3, note: {quoted}, evidence: [{items}]}}\n'
        ratings += "".join(
            f'  "{rid}":\n    value: {value}\n    note: {quoted}\n'
            f"    evidence: [{items}]\n"
            for rid in other_ids[::2]
        )
        ratings += "".join(f'  "{rid}": {value}\n' for rid in other_ids[1::2])
        auditors = "".join(f"  - {quoted}\n" for _ in range(uses))
        source = (
            f"goudenoor: assessment/1\nedition: gos-2012\norganisation: {quoted}\n"
            f"date: 2026-10-01\nauditors:\n  - x\n{auditors}ratings:\n{ratings}"
        )
        path = write(tmp_path, "audit.yaml", source)
        assume(len(source.encode()) <= limit)
        saved = tmp_path / "saved.yaml"
        saved.unlink(missing_ok=True)

        with mock.patch.object(_yaml, "MAX_BYTES", limit):
            first = go.load_assessment(path)
            size = len(go.dump_assessment(first).encode())
            if size > limit:
                with pytest.raises(go.FileFormatError) as info:
                    go.save_assessment(first, saved)
                again = None
            else:
                go.save_assessment(first, saved)
                again = go.load_assessment(saved)

        if again is None:
            assert not saved.exists()
            assert (
                f"the assessment takes {size:,} bytes written out, more than the "
                f"limit of {limit:,} bytes that loading accepts"
            ) == info.value.reason
        else:
            assert attrs.evolve(first, source=None) == attrs.evolve(again, source=None)


class TestMessages:
    def test_many_problems_listed_up_to_a_cap(self, tmp_path: Path) -> None:
        """
        A message lists at most MAX_SHOWN problems and says how many more
        there are; the error's ``problems`` holds every one, located.
        """
        ratings = "".join(f'  "u{i}": 1\n' for i in range(150))
        path = write(tmp_path, "many.yaml", HEAD + "ratings:\n" + ratings)

        error = refused(path)
        lines = str(error).split("\n")

        assert 150 == len(error.problems)  # type: ignore[attr-defined]
        assert f"150 problems in {path}:" == lines[0]
        assert 1 + 100 + 1 == len(lines)
        assert (
            f"  {path}:105:3 ratings.u99: unknown requirement 'u99' in gos-2012"
            == (lines[100])
        )
        assert (
            "  ... and 50 more (the error's problems attribute holds every one)"
            == lines[-1]
        )
        assert all(p.line is not None for p in error.problems)  # type: ignore[attr-defined]

    def test_excerpt(self) -> None:
        """
        A found text is quoted whole up to 60 characters, else cut with an
        ellipsis; control characters are escaped and count as written.
        """
        assert "'Gemeente'" == excerpt("Gemeente")
        assert f"'{'x' * 55}'..." == excerpt("x" * 8_000_000)
        assert "'\\x1b[2J'" == excerpt("\x1b[2J")
        escaped = "\\x1b" * 13
        assert f"'{escaped}'..." == excerpt("\x1b" * 100)
        assert all(
            len(excerpt(text)) <= 60
            for text in ("a" * 61, "\U0010ffff" * 70, "é" * 59, "'\"" * 40)
        )

    def test_long_path_element(self) -> None:
        """
        A long key in a path is shown as an excerpt too.
        """
        assert f"ratings.'{'9' * 55}'....value" == format_path(
            ("ratings", "9" * 100_000, "value")
        )

    def test_long_unknown_id_is_quoted_short(self, tmp_path: Path) -> None:
        """
        A 1 MB unknown requirement id is shown as a short excerpt, in the
        path and in the message (the whole key was quoted twice).
        """
        key = "9" * 1_000_000
        path = write(tmp_path, "audit.yaml", f'{HEAD}ratings:\n  ? "{key}"\n  : 3\n')

        error = refused(path)

        shown = f"'{'9' * 55}'..."
        assert (
            f"{path}:6:5 ratings.{shown}: unknown requirement {shown} in gos-2012"
        ) == str(error)

    def test_long_unknown_key_is_quoted_short(self, tmp_path: Path) -> None:
        """
        The same for an unknown key, and for a long text where another
        kind of value was expected.
        """
        key = "k" * 1_000_000
        path = write(tmp_path, "audit.yaml", f"{HEAD}? {key}\n: 1\nscale: [{key}]\n")

        error = refused(path)

        shown = f"'{'k' * 55}'..."
        assert isinstance(error, go.ValidationError)
        assert [
            (
                f"{path}:5:3 {shown}: unknown key {shown} (expected one of: "
                "edition, organisation, date, scale, auditors, extensions, ratings, "
                "migrated_from, unit, kind, findings, journal_head)"
            ),
            f"{path}:7:1 scale: expected a string, got a list",
        ] == sorted(p.render(str(path)) for p in error.problems)
        assert len(str(error)) < 1_000


def mini_edition(points: str, weight: str = "1") -> str:
    return f"""\
id: mini
title: Mini
year: 2026
default_scale: s
default_scheme: k
sources: [{{id: src, title: Bron}}]
areas:
  - number: 1
    kind: organisation
    name: Een
    points: {points}
    requirements:
      - {{id: "1.1", text: Eis een., source: src, weight: {weight}}}
scales:
  - id: s
    name: S
    levels: [{{value: 0, label: nee}}, {{value: 1, label: ja}}]
recognition_schemes:
  - id: k
    name: K
    levels: [{{name: L, conditions: [{{scope: total, min_points: 5}}]}}]
"""


class TestNumbers:
    @pytest.mark.parametrize(
        ("points", "shown"),
        [
            ("1.0e+308", "1e+308"),
            ("1000001", "1000001"),
            ("-1000001", "-1000001"),
            ("1" + "0" * 400, "1" + "0" * 56 + "..."),
        ],
    )
    def test_edition_points_out_of_range(
        self, tmp_path: Path, points: str, shown: str
    ) -> None:
        """
        Points past MAX_NUMBER are refused while the file is read (1e308
        made show, score and report fail with an OverflowError; an integer
        of 401 digits could not even be turned into a float).
        """
        path = write(tmp_path, "mini.yaml", mini_edition(points))

        with pytest.raises(go.ValidationError) as info:
            go.load_standard_file(path)

        assert (
            f"{path}:11:5 areas[0].points: expected a number {RANGE}, got "
            f"number {shown}"
        ) == str(info.value)

    def test_edges_of_the_range_are_accepted(self, tmp_path: Path) -> None:
        """
        MAX_NUMBER itself is a number a file may hold.
        """
        path = write(tmp_path, "mini.yaml", mini_edition("1000000", "1.0e+6"))

        standard = go.load_standard_file(path)

        assert MAX_NUMBER == standard.areas[0].points
        assert MAX_NUMBER == standard.requirements[0].weight

    def test_rating_value_out_of_range(self, tmp_path: Path) -> None:
        """
        A rating's value is held to the same range.
        """
        path = write(tmp_path, "audit.yaml", f'{HEAD}ratings:\n  "1.1": 1.0e+308\n')

        assert (
            f'{path}:6:3 ratings."1.1": expected a number {RANGE}, got number 1e+308'
        ) == str(refused(path))

    def test_built_in_python(self) -> None:
        """
        Points, weights and scale values of objects built in Python are
        held to MAX_NUMBER too.
        """
        standard = go.load_standard("gos-2012")
        area, requirement = standard.areas[0], standard.requirements[0]
        scale = standard.scales[0]
        level = attrs.evolve(scale.levels[-1], value=1e308)

        with pytest.raises(go.ModelError) as points:
            attrs.evolve(area, points=1e308)
        with pytest.raises(go.ModelError) as weight:
            attrs.evolve(requirement, weight=2e6)
        with pytest.raises(go.ModelError) as levels:
            attrs.evolve(scale, levels=(*scale.levels[:-1], level))

        assert "points: must be at most 1,000,000 (got 1e+308)" == str(points.value)
        assert "weight: must be at most 1,000,000 (got 2000000.0)" == str(weight.value)
        last = len(scale.levels) - 1
        assert (
            f"levels[{last}].value: must be from -1,000,000 to 1,000,000 (got 1e+308)"
        ) == str(levels.value)

    def test_sums_at_the_top_of_the_range_are_finite(self) -> None:
        """
        With every area at MAX_NUMBER points and every weight at
        MAX_NUMBER, a full score is finite and the most there is.
        """
        standard = go.load_standard("gos-2012")
        areas = tuple(
            attrs.evolve(
                area,
                points=MAX_NUMBER,
                requirements=tuple(
                    attrs.evolve(r, weight=MAX_NUMBER) for r in area.requirements
                ),
            )
            for area in standard.areas
        )
        big = attrs.evolve(standard, areas=areas)
        top = max(big.scale(big.default_scale).values)
        assessment = go.Assessment(
            edition="gos-2012",
            organisation="Voorbeeld",
            date=datetime.date(2026, 10, 1),
            ratings={r.id: go.Rating(value=top) for r in big.requirements},
        )

        card = go.score(big, assessment)

        assert math.isfinite(card.total)
        assert len(big.areas) * MAX_NUMBER == card.total


def escaped(text: str) -> str:
    """
    *text* as a YAML double-quoted scalar, every character outside printable
    ASCII written as an escape.
    """
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif " " <= ch <= "~":
            out.append(ch)
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


ESCAPES = {
    "\\e": 0x1B,
    "\\x1b": 0x1B,
    "\\u001b": 0x1B,
    "\\x07": 0x07,
    "\\a": 0x07,
    "\\0": 0x00,
    "\\b": 0x08,
    "\\v": 0x0B,
    "\\f": 0x0C,
    "\\r": 0x0D,
    "\\x7f": 0x7F,
    "\\N": 0x85,
    "\\u0085": 0x85,
    "\\u009b": 0x9B,
    "\\x9f": 0x9F,
}


class TestText:
    @pytest.mark.parametrize("escape", list(ESCAPES))
    def test_escaped_control_character(
        self, tmp_path: Path, escape: str, loader: str
    ) -> None:
        """
        A control character written as an escape is refused, with the
        position of its entry, like one written raw.
        """
        del loader
        path = write(
            tmp_path, "audit.yaml", f'{HEAD}auditors: ["Jan {escape}Jansen"]\n'
        )

        assert (
            f"{path}:5:12: control character U+{ESCAPES[escape]:04X} is not "
            "allowed in text (only tab and line feed are)"
        ) == str(refused(path))

    def test_in_a_key(self, tmp_path: Path) -> None:
        """
        Keys are text too.
        """
        path = write(tmp_path, "audit.yaml", f'{HEAD}ratings:\n  "1.1\\e": 3\n')

        assert (
            f"{path}:6:3: control character U+001B is not allowed in text (only "
            "tab and line feed are)"
        ) == str(refused(path))

    def test_allowed_escapes(self, tmp_path: Path, loader: str) -> None:
        """
        Tab, line feed and the characters that are text (a no-break space,
        the line separator, a byte order mark, any letter) may be escaped.
        """
        del loader
        path = write(
            tmp_path,
            "audit.yaml",
            f'{HEAD}auditors: ["a\\tb\\nc\\_d\\Le\\ufeff\\u00e9\\U0001F600"]\n',
        )

        assessment = go.load_assessment(path)

        assert ("a\tb\nc\xa0d\u2028e\ufeffé\U0001f600",) == assessment.auditors

    def test_score_prints_no_escape_sequence(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        `score` of a file with escape sequences prints one message and no
        control character (it printed them raw: a screen clear, a new
        window title).
        """
        path = write(
            tmp_path,
            "audit.yaml",
            HEAD.replace("Gemeente Voorbeeld", '"\\e[2J\\e]0;weg\\a"'),
        )

        code = cli.main(["score", str(path)])
        out, err = capsys.readouterr()

        assert 2 == code
        assert "" == out
        assert (
            f"goudenoor: error: {path}:3:1: control character U+001B is not "
            "allowed in text (only tab and line feed are)\n"
        ) == err

    @pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "\\ud83d\\ude00"])
    def test_surrogates(self, tmp_path: Path, escape: str, loader: str) -> None:
        """
        A surrogate code point (alone or as a UTF-16 pair) is no character:
        the C loader refuses it as bad syntax, the pure-Python one gave a
        string that could not be written (UnicodeEncodeError); now both
        refuse it with a located error.
        """
        path = write(tmp_path, "audit.yaml", f'{HEAD}auditors: ["a{escape}"]\n')

        error = refused(path)

        assert isinstance(error, go.FileFormatError)
        assert 5 == error.line
        if loader == "pure-Python":
            code = escape[2:6].upper()
            assert (
                f"{path}:5:12: surrogate code point U+{code} is not a character "
                "(write the character itself, not its UTF-16 halves)"
            ) == str(error)

    def test_beyond_unicode(self, tmp_path: Path, loader: str) -> None:
        """
        An escape past U+10FFFF is refused with a located error (the
        pure-Python loader raised a bare ValueError).
        """
        path = write(tmp_path, "audit.yaml", f'{HEAD}auditors: ["a\\U00110000"]\n')

        error = refused(path)

        assert isinstance(error, go.FileFormatError)
        assert 5 == error.line
        if loader == "pure-Python":
            assert (
                "invalid YAML: an escape gives a code point beyond U+10FFFF"
                == error.reason
            )

    @settings(max_examples=50)
    @given(
        st.text(
            alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
            | st.sampled_from("\t\n"),
            max_size=20,
        ),
        st.characters(categories=["Cc"]).filter(lambda ch: ch not in "\t\n"),
        st.integers(min_value=0, max_value=20),
    )
    def test_any_control_character_is_refused(
        self, text: str, bad: str, at: int
    ) -> None:
        """
        Every character of Unicode's category Cc but tab and line feed is
        refused wherever it sits in a text; the text without it loads.
        """
        spliced = text[:at] + bad + text[at:]

        with pytest.raises(go.FileFormatError) as info:
            _yaml.load(f"a: {escaped(spliced)}", "x.yaml")

        assert (
            f"control character U+{ord(bad):04X} is not allowed in text (only tab "
            "and line feed are)"
        ) == info.value.reason
        assert {"a": text} == _yaml.load(f"a: {escaped(text)}", "x.yaml")
