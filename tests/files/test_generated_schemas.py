"""
One serialization path: every JSON output comes from the one converter
(``goudenoor._data``) and every schema from the shapes declared beside the
classes. Random valid objects of every output kind validate against the
generated schemas (Hypothesis), wrong shapes are refused, and the data of
a class written by the converter is what ``as_dict()`` returns.
"""

from __future__ import annotations

import datetime
import json
import types
from typing import Any, Literal

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import goudenoor as go
from conftest import EXAMPLE_AUDIT
from goudenoor._data import OMIT, Key, Object, object_data, to_data
from goudenoor.audit._consensus import consensus
from goudenoor.files import SCHEMA_KINDS, json_schema
from goudenoor.files._convert import _NOT_IN_FILES
from goudenoor.files._schemas import (
    _IN_FILES,
    EDITIONS_SHAPE,
    VALIDATION_SHAPE,
    _InFile,
    model_schema,
    output_schema,
)
from goudenoor.files._translation import translations
from goudenoor.portfolio._benchmark import percentile_ranks, trend
from goudenoor.portfolio._portfolio import COLUMNS, PORTFOLIO_SHAPE, Portfolio
from goudenoor.portfolio._rollup import rollup
from goudenoor.standard._diff import diff_editions
from strategies import assessments, options


STD2012 = go.load_standard("gos-2012")
STD2016 = go.load_standard("gos-2016")
EXAMPLE = go.load_assessment(EXAMPLE_AUDIT)
STANDARDS = st.sampled_from([STD2012, STD2016])
SLOW = settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def errors(kind: str, data: object) -> list[str]:
    """Every error of *data* (after a JSON round trip) against *kind*'s schema."""
    schema = json_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    loaded = json.loads(json.dumps(data))
    return [
        "/".join(map(str, error.absolute_path))
        for error in validator.iter_errors(loaded)
    ]


@st.composite
def cards(draw: st.DrawFn, standard: go.Standard | None = None) -> go.ScoreCard:
    """The card of a random valid assessment, scored with random options."""
    std = draw(STANDARDS) if standard is None else standard
    return go.score(std, draw(assessments(std)), **draw(options()))  # type: ignore[arg-type]


def _dated(assessment: go.Assessment, days: int, **changes: Any) -> go.Assessment:
    return attrs.evolve(
        assessment, date=assessment.date + datetime.timedelta(days=days), **changes
    )


class TestRandomOutputsValidate:
    """Random valid objects of every output kind satisfy their schema."""

    @SLOW
    @given(card=cards())
    def test_scorecard(self, card: go.ScoreCard) -> None:
        assert [] == errors("scorecard", card.as_dict())

    @SLOW
    @given(data=st.data())
    def test_comparison_in_one_edition_and_across(self, data: st.DataObject) -> None:
        old = data.draw(cards())
        new = data.draw(cards())
        newer = go.score(new.standard, _dated(new.assessment, 1))
        comparison = go.compare(old, newer)

        assert [] == errors("comparison", comparison.as_dict())

    @SLOW
    @given(old=STANDARDS, new=STANDARDS)
    def test_edition_diff(self, old: go.Standard, new: go.Standard) -> None:
        assert [] == errors("edition-diff", diff_editions(old, new).as_dict())

    @pytest.mark.parametrize("edition", ["gos-2012", "gos-2016"])
    @pytest.mark.parametrize("language", [None, "en"])
    def test_questionnaire(self, edition: str, language: str | None) -> None:
        standard = go.load_standard(edition)
        translation = (
            None if language is None else go.load_translation(edition, language)
        )
        data = go.questionnaire(standard, translation=translation).as_dict()
        assert [] == errors("questionnaire", data)
        assert ["areas"] == errors("questionnaire", {**data, "areas": "wrong"})

    @SLOW
    @given(data=st.data())
    def test_migration(self, data: st.DataObject) -> None:
        assessment = data.draw(assessments(STD2012))
        assert [] == errors("migration", go.migrate(assessment, "gos-2016").as_dict())

    @SLOW
    @given(data=st.data(), size=st.integers(min_value=2, max_value=4))
    def test_consensus(self, data: st.DataObject, size: int) -> None:
        std = data.draw(STANDARDS)
        team = [
            attrs.evolve(data.draw(assessments(std)), auditors=(f"Auditor {i}",))
            for i in range(size)
        ]
        result = consensus(
            std, team, rule=data.draw(st.sampled_from(["median", "min"]))
        )
        assert [] == errors("consensus", result.as_dict())

    @SLOW
    @given(data=st.data(), units=st.integers(min_value=1, max_value=3))
    def test_rollup(self, data: st.DataObject, units: int) -> None:
        std = data.draw(STANDARDS)
        found = [
            go.score(std, attrs.evolve(data.draw(assessments(std)), unit=f"Unit {i}"))
            for i in range(units)
        ]
        rule = data.draw(st.sampled_from(["weighted-mean", "min"]))
        assert [] == errors("rollup", rollup(found, rule=rule).as_dict())

    @SLOW
    @given(data=st.data(), level=st.sampled_from(sorted(COLUMNS)))
    def test_portfolio_table_and_summary(self, data: st.DataObject, level: str) -> None:
        standards = data.draw(st.lists(STANDARDS, min_size=1, max_size=3))
        portfolio = Portfolio(
            assessments=[data.draw(assessments(std)) for std in standards],
            standards=standards,
        )
        table = types.SimpleNamespace(
            level=level,
            columns=COLUMNS[level],
            rows=portfolio.table(level),  # type: ignore[arg-type]
            refused=[("broken.yaml", "broken.yaml:1:1: expected a mapping")],
        )

        assert [] == errors("portfolio", object_data(PORTFOLIO_SHAPE, table))
        assert [] == errors("portfolio-summary", portfolio.summary().as_dict())

    @SLOW
    @given(data=st.data())
    def test_percentile_ranks_and_trend(self, data: st.DataObject) -> None:
        std = data.draw(STANDARDS)
        peers = data.draw(st.lists(cards(std), min_size=2, max_size=3))
        history = [
            go.score(c.standard, _dated(c.assessment, days))
            for days, c in enumerate(peers)
        ]

        assert [] == errors(
            "percentile-ranks", percentile_ranks(peers[0], peers).as_dict()
        )
        assert [] == errors("trend", trend(history).as_dict())

    @SLOW
    @given(card=cards(), structure=st.booleans())
    def test_graph(self, card: go.ScoreCard, structure: bool) -> None:
        graph = (go.structure_graph if structure else go.influence_graph)(card.standard)
        assert [] == errors("graph", go.to_json(graph, card=card))

    @SLOW
    @given(
        files=st.lists(
            st.tuples(st.text(min_size=1), st.none() | st.text(min_size=1)), max_size=4
        )
    )
    def test_validation(self, files: list[tuple[str, str | None]]) -> None:
        assert [] == errors("validation", object_data(VALIDATION_SHAPE, files))


def test_every_kind_has_a_generated_schema_that_checks() -> None:
    for kind in SCHEMA_KINDS:
        jsonschema.Draft202012Validator.check_schema(json_schema(kind))
    assert len(set(SCHEMA_KINDS)) == len(SCHEMA_KINDS) == 27


class TestWrongShapesAreRefused:
    def test_a_missing_key(self) -> None:
        data = go.score(STD2012, EXAMPLE).as_dict()
        del data["areas"][0]["rule"]

        assert ["areas/0"] == errors("scorecard", data)

    def test_a_wrong_type_deep_down(self) -> None:
        data = go.score(STD2012, EXAMPLE).as_dict()
        data["areas"][1]["requirements"][0]["points"] = "3"

        assert ["areas/1/requirements/0/points"] == errors("scorecard", data)

    def test_an_unknown_key_in_a_declared_object(self) -> None:
        data = go.score(STD2012, EXAMPLE).as_dict()
        data["points"]["bonus"] = 1.0

        assert ["points"] == errors("scorecard", data)

    def test_a_report_key_of_the_wrong_shape(self) -> None:
        data = go.score(STD2012, EXAMPLE).as_dict()
        data["risks"] = [{"area_id": "6", "name": "x", "fraction": 0.5}]

        assert ["risks/0"] == errors("scorecard", data)

    def test_an_edition_with_a_negative_count(self) -> None:
        data = object_data(EDITIONS_SHAPE, [(STD2012, translations("gos-2012"))])
        data["editions"][0]["areas"] = -1

        assert ["editions/0/areas"] == errors("editions", data)

    def test_a_graph_node_with_an_unknown_status(self) -> None:
        card = go.score(STD2012, EXAMPLE)
        data = go.to_json(go.structure_graph(STD2012), card=card)
        node = next(n for n in data["nodes"] if "status" in n)
        node["status"] = "perfect"

        assert [f"nodes/{data['nodes'].index(node)}/status"] == errors("graph", data)


class TestOneConverter:
    def test_as_dict_is_the_converters_data(self) -> None:
        card = go.score(STD2012, EXAMPLE)

        assert to_data(card) == card.as_dict()

    def test_the_files_converter_is_a_copy_of_the_one_converter(self) -> None:
        from goudenoor._data import converter
        from goudenoor.files import _convert

        card = go.score(STD2012, EXAMPLE)
        data = _convert._converter().unstructure(card)

        # The same hooks; only dates stay dates (YAML writes them as dates).
        assert converter().unstructure(card) == {
            **data,
            "date": data["date"].isoformat(),
        }

    def test_an_optional_key_is_left_out_only_when_omitted(self) -> None:
        shape = Object(
            "A thing.",
            (
                Key("a", int, "A."),
                Key("b", int | None, "B.", optional=True),
                Key("c", int, "C.", get=lambda _: OMIT, optional=True),
            ),
        )

        assert [{"a": 1, "b": None}, {"a": 2}] == [
            object_data(shape, types.SimpleNamespace(a=1, b=None)),
            object_data(shape, types.SimpleNamespace(a=2)),
        ]


def test_the_schema_lists_the_keys_in_the_order_of_the_output() -> None:
    # The formats page's tables follow the schema; the schema follows the
    # data, because both are read from one declaration.
    card = go.score(STD2012, EXAMPLE)
    later = go.score(STD2012, _dated(EXAMPLE, 1))
    table = types.SimpleNamespace(
        level="total", columns=COLUMNS["total"], rows=[], refused=[]
    )
    outputs = {
        "scorecard": card.as_dict(),
        "trend": trend([card, later]).as_dict(),
        "portfolio": object_data(PORTFOLIO_SHAPE, table),
    }
    report_only = {"risks", "comparison"}

    assert {kind: list(data) for kind, data in outputs.items()} == {
        kind: [key for key in json_schema(kind)["properties"] if key not in report_only]
        for kind in outputs
    }


@attrs.frozen(kw_only=True)
class Finding:
    """
    Something the auditor found.

    Attributes:
        kind: strength, weakness or risk.
        text: What was found.
        requirements: The requirements it is about.
        due: When it is followed up, if it is.
    """

    kind: Literal["strength", "weakness", "risk"]
    text: str
    requirements: tuple[str, ...] = ()
    due: datetime.date | None = None


@attrs.frozen(kw_only=True)
class Findings:
    """
    What an audit found.

    Attributes:
        title: The audit's title.
        findings: Each finding, in order.
        source: The file it was read from.
    """

    title: str
    findings: tuple[Finding, ...] = ()
    source: str | None = None


class TestFileDeclarations:
    """
    A class of a file format needs no schema code: the generator reads its
    fields and docstring, and a declaration says where the file differs.
    """

    def test_a_class_is_held_as_it_is(self) -> None:
        schema = model_schema(Findings, "findings/1", "findings-1", "findings")

        assert (
            ["goudenoor", "title", "findings", "source"],
            ["goudenoor", "title"],
        ) == (
            list(schema["properties"]),
            schema["required"],
        )
        assert {
            "type": "array",
            "items": {"$ref": "#/$defs/Finding"},
            "description": "Each finding, in order.",
        } == schema["properties"]["findings"]
        assert {
            "enum": ["strength", "weakness", "risk"],
            "description": "strength, weakness or risk.",
        } == schema["$defs"]["Finding"]["properties"]["kind"]
        assert ["kind", "text"] == schema["$defs"]["Finding"]["required"]

    def test_a_declaration_says_where_the_file_differs(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setitem(
            _IN_FILES,
            Findings,
            _InFile(
                keys=(
                    Key("title", schema={"minLength": 1}),
                    Key("version", int, "The version of the list.", optional=True),
                    Key("by", str, "Who found it."),
                ),
                omit=("source",),
                schema={"minProperties": 2},
            ),
        )
        monkeypatch.setitem(_IN_FILES, Finding, _InFile(short=("string",)))

        schema = model_schema(Findings, "findings/1", "findings-1", "findings")

        assert ["goudenoor", "title", "findings", "version", "by"] == list(
            schema["properties"]
        )
        assert (["goudenoor", "title", "by"], 2) == (
            schema["required"],
            schema["minProperties"],
        )
        assert {
            "type": "string",
            "minLength": 1,
            "description": "The audit's title.",
        } == schema["properties"]["title"]
        assert {
            "type": ["string", "object"],
            "if": {"type": "object"},
            "then": {"$ref": "#/$defs/Finding"},
        } == schema["properties"]["findings"]["items"]

    def test_an_output_ignores_the_declarations(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # They say how a file holds the class; an output writes its data.
        monkeypatch.setitem(_IN_FILES, Findings, _InFile(omit=("source",)))
        monkeypatch.setitem(_IN_FILES, Finding, _InFile(short=("string",)))

        schema = output_schema(Findings, "findings/1", "findings")

        assert (["title", "findings", "source"], {"$ref": "#/$defs/Finding"}) == (
            list(schema["properties"]),
            schema["properties"]["findings"]["items"],
        )

    def test_the_files_leave_out_what_the_loader_leaves_out(self) -> None:
        assert _NOT_IN_FILES == {
            cls.__qualname__: declared.omit
            for cls, declared in _IN_FILES.items()
            if declared.omit
        }
