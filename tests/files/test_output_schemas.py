"""
The versioned JSON outputs (scorecard/1, comparison/1, edition-diff/1,
migration/1, consensus/1, graph/1, editions/1, standard/1, extensions/1,
validation/1, ...) and their JSON Schemas: real outputs validate, every
field is described, and the objects are closed; every command that prints
JSON has a schema for it.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import networkx as nx
import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

import goudenoor as go
from conftest import DATA, EXAMPLE_AUDIT, ROOT
from goudenoor.audit._consensus import consensus
from goudenoor.audit._migration import migrate_assessment
from goudenoor.files import json_schema
from goudenoor.files._schemas import assessment_schema
from goudenoor.standard._crosswalk import Crosswalk, CrosswalkMapping
from goudenoor.standard._diff import diff_editions
from helpers import register_pack, run, run_cli
from strategies import assessments, options


STD2012 = go.load_standard("gos-2012")
STD2016 = go.load_standard("gos-2016")
OUTPUTS = (
    "scorecard",
    "comparison",
    "edition-diff",
    "migration",
    "consensus",
    "calibration",
    "rollup",
    "portfolio",
    "percentile-ranks",
    "trend",
    "portfolio-summary",
    "editions",
    "standard",
    "extensions",
    "validation",
    "graph",
    "findings",
    "status",
    "evidence-check",
    "questionnaire",
)
INPUTS = ("assessment", "extension", "translation")


def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def errors(schema: dict[str, Any], data: object) -> list[str]:
    """Every validation error, as 'path: message' (empty when valid)."""
    # A JSON round trip: the data as a reader of the output sees it.
    loaded = json.loads(json.dumps(data))
    return [
        f"{error.json_path}: {error.message}"
        for error in validator(schema).iter_errors(loaded)
    ]


def cli_schema(kind: str) -> dict[str, Any]:
    code, out = run("schema", kind)
    assert 0 == code
    result: dict[str, Any] = json.loads(out)
    return result


def later_audit() -> go.Assessment:
    audit = go.load_assessment(EXAMPLE_AUDIT)
    return go.Assessment(
        edition=audit.edition,
        organisation=audit.organisation,
        date=audit.date + datetime.timedelta(days=365),
        ratings={**audit.ratings, "4.1": go.Rating(value=3)},
    )


def shipped_crosswalk() -> Crosswalk:
    path = (
        resources.files("goudenoor") / "data" / "crosswalks" / "gos-2012--gos-2016.yaml"
    )
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Crosswalk(
        source=data["source"],
        target=data["target"],
        notes=data["notes"],
        mappings=tuple(CrosswalkMapping(**row) for row in data["mappings"]),
    )


class TestMarkers:
    def test_the_card_is_marked_first(self, example_card: go.ScoreCard) -> None:
        data = example_card.as_dict()
        assert ("goudenoor", "scorecard/1") == next(iter(data.items()))

    def test_the_comparison_is_marked_first(self, example_card: go.ScoreCard) -> None:
        data = go.compare(example_card, go.score(STD2012, later_audit())).as_dict()
        assert ("goudenoor", "comparison/1") == next(iter(data.items()))

    @pytest.mark.parametrize("command", ["score", "report"])
    def test_every_card_the_cli_prints_is_marked(self, command: str) -> None:
        code, out = run(command, str(EXAMPLE_AUDIT), "--format", "json")
        assert 0 == code
        assert ("goudenoor", "scorecard/1") == next(iter(json.loads(out).items()))

    def test_compare_prints_the_comparison(self, tmp_path: Path) -> None:
        later = tmp_path / "later.yaml"
        go.save_assessment(later_audit(), later)
        code, out = run("compare", str(EXAMPLE_AUDIT), str(later), "--format", "json")
        assert 0 == code
        data = json.loads(out)
        assert ("goudenoor", "comparison/1") == next(iter(data.items()))
        changed = {r["requirement_id"]: r for r in data["requirements"]}
        assert (1, 3) == (changed["4.1"]["old_value"], changed["4.1"]["new_value"])

    def test_the_graph_json_is_marked_and_networkx_still_reads_it(self) -> None:
        code, out = run("graph", "gos-2012", "--format", "json")
        assert 0 == code
        data = json.loads(out)
        assert ("goudenoor", "graph/1") == next(iter(data.items()))
        graph = nx.node_link_graph(data, edges="edges")
        assert graph.has_edge("3", "6")
        assert graph.number_of_nodes() == len(STD2012.areas)


class TestRealOutputsValidate:
    def test_the_example_audits_card(self, example_card: go.ScoreCard) -> None:
        assert [] == errors(json_schema("scorecard"), example_card.as_dict())

    @pytest.mark.parametrize(
        "argv",
        [
            ("score", "--format", "json"),
            ("score", "--format", "json", "--evidence-policy", "strict"),
            ("report", "--format", "json"),
        ],
    )
    def test_the_cards_the_cli_prints(self, argv: tuple[str, ...]) -> None:
        code, out = run(*argv[:1], str(EXAMPLE_AUDIT), *argv[1:])
        assert 0 == code
        assert [] == errors(cli_schema("scorecard"), json.loads(out))

    def test_a_report_with_a_comparison(self, tmp_path: Path) -> None:
        later = tmp_path / "later.yaml"
        go.save_assessment(later_audit(), later)
        code, out = run(
            "report", str(later), "--compare", str(EXAMPLE_AUDIT), "--format", "json"
        )
        assert 0 == code
        data = json.loads(out)
        assert "comparison/1" == data["comparison"]["goudenoor"]
        assert [] == errors(cli_schema("scorecard"), data)

    def test_a_comparison_across_editions(self, example_card: go.ScoreCard) -> None:
        newer = go.Assessment(
            edition="gos-2016",
            organisation="Woonstichting Lindewaard",
            date=datetime.date(2027, 1, 1),
            ratings={"1.1": go.Rating(value=2)},
        )
        comparison = go.compare(example_card, go.score(STD2016, newer))
        assert {r.kind for r in comparison.requirements} >= {"added", "dropped"}
        assert [] == errors(json_schema("comparison"), comparison.as_dict())

    def test_an_edition_diff_2012_to_2016(self) -> None:
        data = diff_editions(STD2012, STD2016).as_dict()
        assert data["requirements"]["reworded"]
        assert [] == errors(json_schema("edition-diff"), data)

    def test_a_migration(self) -> None:
        audit = go.load_assessment(EXAMPLE_AUDIT)
        migration = migrate_assessment(
            audit, source=STD2012, target=STD2016, crosswalk=shipped_crosswalk()
        )
        assert migration.with_status("carried")
        assert [] == errors(json_schema("migration"), migration.as_dict())

    def test_a_consensus_of_two_assessments(self) -> None:
        audit = go.load_assessment(EXAMPLE_AUDIT)
        first = go.Assessment(
            edition=audit.edition,
            organisation=audit.organisation,
            date=audit.date,
            auditors=("Auditor A",),
            ratings=audit.ratings,
        )
        second = go.Assessment(
            edition=audit.edition,
            organisation=audit.organisation,
            date=audit.date,
            auditors=("Auditor B",),
            ratings={
                **audit.ratings,
                "1.1": go.Rating(value=0),
                "1.2": go.Rating(not_applicable=True, justification="Geen."),
                "1.3": go.Rating(),
            },
        )
        result = consensus(STD2012, [first, second], check=False)
        assert (
            {
                "spread",
                "not_applicable",
                "unrated",
            }
        ) == {d.kind for d in result.disagreements}
        assert [] == errors(json_schema("consensus"), result.as_dict())

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(data=st.data(), opts=options())
    def test_random_valid_assessments_cards(
        self, data: st.DataObject, opts: dict[str, str]
    ) -> None:
        standard = data.draw(st.sampled_from([STD2012, STD2016]))
        assessment = data.draw(assessments(standard))
        card = go.score(standard, assessment, **opts)  # type: ignore[arg-type]
        assert [] == errors(json_schema("scorecard"), card.as_dict())


@pytest.mark.parametrize("stdin", [False, True], ids=["file", "stdin"])
def test_done_means_the_piped_card_validates(stdin: bool) -> None:
    """
    ``cat examples/audit-2012.yaml | goudenoor score - --format json``
    validates against ``goudenoor schema scorecard`` (and so does the card
    of the file named on the command line).
    """

    def goudenoor(*argv: str, text: str | None = None) -> str:
        done = run_cli(*argv, input=text)
        assert (0, "") == (done.returncode, done.stderr)
        return done.stdout

    schema = json.loads(goudenoor("schema", "scorecard"))
    if stdin:
        text = EXAMPLE_AUDIT.read_text(encoding="utf-8")
        card = goudenoor("score", "-", "--format", "json", text=text)
    else:
        card = goudenoor("score", str(EXAMPLE_AUDIT), "--format", "json")
    assert [] == errors(schema, json.loads(card))


class TestSchemas:
    @pytest.mark.parametrize("kind", OUTPUTS + INPUTS)
    def test_the_cli_prints_a_valid_draft_2020_12_schema(self, kind: str) -> None:
        schema = cli_schema(kind)
        assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]
        jsonschema.Draft202012Validator.check_schema(schema)

    @pytest.mark.parametrize("kind", OUTPUTS + INPUTS)
    def test_every_field_is_described_and_every_record_closed(self, kind: str) -> None:
        undescribed: list[str] = []
        open_records: list[str] = []

        def walk(node: object, where: str) -> None:
            if isinstance(node, list):
                for i, item in enumerate(node):
                    walk(item, f"{where}/{i}")
                return
            if not isinstance(node, dict):
                return
            properties = node.get("properties")
            if isinstance(properties, dict):
                if node.get("additionalProperties") is not False:
                    open_records.append(where)
                undescribed.extend(
                    f"{where}/{name}"
                    for name, field in properties.items()
                    if "description" not in field
                )
            for key, value in node.items():
                # if/then/else constrain a record described elsewhere.
                if key not in {"if", "then", "else"}:
                    walk(value, f"{where}/{key}")

        walk(cli_schema(kind), "#")
        assert ([], []) == (undescribed, open_records)

    def test_a_card_with_an_unknown_key_is_refused(
        self, example_card: go.ScoreCard
    ) -> None:
        data = example_card.as_dict()
        data["areas"][0]["extra"] = 1
        assert (
            [
                (
                    "$.areas[0]: Additional properties are not allowed "
                    "('extra' was unexpected)"
                )
            ]
        ) == errors(json_schema("scorecard"), data)

    def test_another_format_marker_is_refused(self, example_card: go.ScoreCard) -> None:
        data = example_card.as_dict()
        data["goudenoor"] = "scorecard/2"
        assert (["$.goudenoor: 'scorecard/1' was expected"]) == errors(
            json_schema("scorecard"), data
        )

    def test_schema_writes_to_a_file_with_o(self, tmp_path: Path) -> None:
        target = tmp_path / "assessment.schema.json"
        code, out = run("schema", "assessment", "-o", str(target))
        assert (0, "") == (code, out)
        assert json.loads(target.read_text(encoding="utf-8")) == assessment_schema()


@pytest.mark.parametrize("kind", OUTPUTS)
def test_the_formats_page_lists_every_top_level_field(kind: str) -> None:
    text = (Path(__file__).parents[2] / "docs" / "formats.md").read_text("utf-8")
    section = text.split(f"`{kind}/1`\n", 1)[1].split("\n#", 1)[0]
    rows = re.findall(r"^\| (`[^|]+) \|", section, flags=re.MULTILINE)
    listed = [key for row in rows for key in re.findall(r"`([a-z_]+)`", row)]
    assert listed == list(cli_schema(kind)["properties"])


class TestTemplateSchemaLine:
    def test_the_first_line_names_the_schema_next_to_the_file(self) -> None:
        code, out = run("template", "gos-2012")
        assert 0 == code
        assert (
            "# yaml-language-server: $schema=assessment.schema.json"
            == (out.splitlines()[0])
        )
        assert (
            "# it next to this file with: goudenoor schema assessment -o "
            "assessment.schema.json"
        ) in out.splitlines()

    @pytest.mark.parametrize("edition", ["gos-2012", "gos-2016"])
    def test_the_template_satisfies_the_schema_it_names(
        self, edition: str, tmp_path: Path
    ) -> None:
        code, text = run("template", edition)
        assert 0 == code
        code, _ = run(
            "schema", "assessment", "-o", str(tmp_path / "assessment.schema.json")
        )
        assert 0 == code
        line = text.splitlines()[0]
        named = tmp_path / line.rpartition("$schema=")[2]
        schema = json.loads(named.read_text(encoding="utf-8"))
        data = yaml.safe_load(text)
        data["date"] = data["date"].isoformat()
        assert [] == errors(schema, data)


ZORG = ROOT / "examples" / "goudenoor-zorg"

JSON_OUTPUTS: dict[str, str] = {
    "score": "scorecard",
    "report": "scorecard",
    "compare": "comparison",
    "diff": "edition-diff",
    "migrate": "migration",
    "consensus": "consensus",
    "calibrate": "calibration",
    "rollup": "rollup",
    "portfolio": "portfolio",
    "benchmark": "percentile-ranks",
    "trend": "trend",
    "editions": "editions",
    "show": "standard",
    "extensions": "extensions",
    "validate": "validation",
    "graph": "graph",
    "findings": "findings",
    "status": "status",
    "questionnaire": "questionnaire",
}
"""Each command that prints JSON, and the schema of what it prints (with
--summary, portfolio prints portfolio-summary/1)."""


def _json_commands() -> set[str]:
    """The commands whose --format offers json."""
    from goudenoor.cli import build_parser

    found: set[str] = set()
    for action in build_parser()._actions:  # argparse has no API for it
        if isinstance(action, argparse._SubParsersAction):
            for name, parser in action.choices.items():
                for option in parser._actions:
                    if "--format" in option.option_strings and "json" in (
                        option.choices or ()
                    ):
                        found.add(name)
    return found


def test_every_command_that_prints_json_has_a_schema() -> None:
    # Before: editions, show, extensions, validate and graph printed JSON
    # that `goudenoor schema` had no schema for.
    assert _json_commands() == set(JSON_OUTPUTS)
    assert set(JSON_OUTPUTS.values()) <= set(OUTPUTS)


@pytest.mark.parametrize(
    ("argv", "kind"),
    [
        (("editions",), "editions"),
        (("show", "gos-2012"), "standard"),
        (("show", "gos-2016"), "standard"),
        (("show", "gos-2016", "5"), "standard"),
        (
            (
                "show",
                "gos-2012",
                "--extension",
                str(ZORG / "src" / "goudenoor_zorg" / "zorg.yaml"),
            ),
            "standard",
        ),
        (
            (
                "validate",
                str(EXAMPLE_AUDIT),
                str(ROOT / "examples" / "sites" / "oosterhof.yaml"),
            ),
            "validation",
        ),
        (("graph", "gos-2012"), "graph"),
        (
            (
                "evidence",
                "verify",
                str(DATA / "evidence" / "audit.yaml"),
                "--as-of",
                "2027-01-01",
            ),
            "evidence-check",
        ),
        (("graph", "gos-2016", "--structure"), "graph"),
        (("graph", "gos-2012", "--assessment", str(EXAMPLE_AUDIT)), "graph"),
        (
            ("graph", "gos-2012", "--structure", "--assessment", str(EXAMPLE_AUDIT)),
            "graph",
        ),
    ],
)
def test_the_command_line_outputs_validate(argv: tuple[str, ...], kind: str) -> None:
    code, out = run(*argv, "--format", "json")
    data = json.loads(out)

    assert 0 == code
    assert f"{kind}/1" == data["goudenoor"]
    assert [] == errors(cli_schema(kind), data)


def test_a_validation_with_a_refused_file_validates(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("goudenoor: assessment/1\n", encoding="utf-8")

    code, out = run("validate", str(EXAMPLE_AUDIT), str(broken), "--format", "json")
    data = json.loads(out)

    assert 1 == code
    assert [True, False] == [entry["valid"] for entry in data["files"]]
    assert [] == errors(cli_schema("validation"), data)


def test_a_validation_error_needs_its_reason() -> None:
    data = {"goudenoor": "validation/1", "files": [{"file": "a.yaml", "valid": False}]}

    assert ["$.files[0]: 'error' is a required property"] == errors(
        cli_schema("validation"), data
    )


def test_the_installed_packs_validate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The example pack, and one whose entry point is missing (an error entry).
    register_pack(
        tmp_path,
        "goudenoor-zorg",
        "1.0.0",
        {"zorg": "goudenoor_zorg:extension", "afval": "goudenoor_zorg:missing"},
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.syspath_prepend(str(ZORG / "src"))

    code, out = run("extensions", "--format", "json")
    data = json.loads(out)

    assert 1 == code
    assert [
        ["error", "name", "package"],
        ["name", "package", "package_version", "targets", "title", "version"],
    ] == [sorted(entry) for entry in data["extensions"]]
    assert [] == errors(cli_schema("extensions"), data)
