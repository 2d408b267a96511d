"""
Graph exports with an audit (issue 15): GraphML and node-link JSON carry
the points, maximum and share of each area (and, in the structure graph,
of each requirement), from Python (card=) and from `goudenoor graph
--assessment`.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

import goudenoor as go
from conftest import EXAMPLE_AUDIT
from helpers import run


NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


def _graphml_nodes(text: str) -> dict[str, dict[str, str]]:
    """
    Node id -> attribute name -> value, read from GraphML text.
    """
    root = ET.fromstring(text)  # noqa: S314 - our own output
    names = {key.get("id"): key.get("attr.name") for key in root.findall("g:key", NS)}
    return {
        str(node.get("id")): {
            str(names[data.get("key")]): data.text or ""
            for data in node.findall("g:data", NS)
        }
        for node in root.findall(".//g:node", NS)
    }


def test_json_has_the_points(std2012: go.Standard, example_card: go.ScoreCard) -> None:
    data = go.to_json(go.influence_graph(std2012), card=example_card)
    nodes = {node["id"]: node for node in data["nodes"]}

    for area_id, result in example_card.areas.items():
        assert (result.points, result.max_points, result.fraction) == (
            nodes[area_id]["points"],
            nodes[area_id]["max_points"],
            nodes[area_id]["share"],
        )
    assert {
        "organisation": "Woonstichting Lindewaard",
        "date": "2026-10-01",
        "total": 50.0,
        "level": "Gecommitteerd",
    }.items() <= data["graph"].items()


def test_without_a_card_only_the_maximum(std2012: go.Standard) -> None:
    nodes = {n["id"]: n for n in go.to_json(go.influence_graph(std2012))["nodes"]}

    assert 10.0 == nodes["5"]["max_points"]
    assert not {"points", "share"} & nodes["5"].keys()


def test_graphml_has_the_points(
    std2012: go.Standard, example_card: go.ScoreCard
) -> None:
    nodes = _graphml_nodes(
        go.to_graphml(go.influence_graph(std2012), card=example_card)
    )
    area = example_card.areas["5"]

    assert (repr(area.points), "10.0", repr(area.fraction)) == (
        nodes["5"]["points"],
        nodes["5"]["max_points"],
        nodes["5"]["share"],
    )


def test_structure_graph_requirements(
    std2012: go.Standard, example_card: go.ScoreCard
) -> None:
    """
    Areas and requirements carry the audit; a requirement that does not
    apply has no share (GraphML cannot hold None).
    """
    graph = go.scored_graph(go.structure_graph(std2012), example_card)

    for rid, result in example_card.requirements.items():
        node = graph.nodes[f"requirement:{rid}"]
        assert (result.points, result.max_points, result.status) == (
            node["points"],
            node["max_points"],
            node["status"],
        )
        assert result.fraction == node.get("share")
    assert example_card.areas["9"].fraction == graph.nodes["area:9"]["share"]
    assert "points" not in graph.nodes["edition:gos-2012"]
    _graphml_nodes(go.to_graphml(go.structure_graph(std2012), card=example_card))


def test_the_graph_given_is_not_changed(
    std2012: go.Standard, example_card: go.ScoreCard
) -> None:
    graph = go.influence_graph(std2012)

    scored = go.scored_graph(graph, example_card)

    assert "points" not in graph.nodes["5"]
    assert "level" not in graph.graph
    assert nx.utils.graphs_equal(graph, go.influence_graph(std2012))
    assert "points" in scored.nodes["5"]


def test_json_reads_back(std2012: go.Standard, example_card: go.ScoreCard) -> None:
    data = json.loads(
        json.dumps(go.to_json(go.influence_graph(std2012), card=example_card))
    )

    back = nx.node_link_graph(data, edges="edges")

    assert example_card.areas["5"].points == back.nodes["5"]["points"]


def test_card_of_another_edition_is_refused(
    std2016: go.Standard, example_card: go.ScoreCard
) -> None:
    with pytest.raises(go.ScoringError) as info:
        go.to_json(go.influence_graph(std2016), card=example_card)

    assert (
        "the score card is of gos-2012, the graph of gos-2016: score the assessment "
        "against the standard the graph was built from"
    ) == str(info.value)


def test_card_without_the_extension_is_refused(
    std2012: go.Standard, example_card: go.ScoreCard
) -> None:
    extension = go.Extension(
        id="demo",
        title="Demo",
        version="1",
        targets=("gos-2012",),
        remove=go.Removals(
            requirements=(
                go.RequirementRemoval(id="9.2", reason="Niet van toepassing."),
            )
        ),
    )
    extended = go.apply_extension(std2012, extension)

    with pytest.raises(go.ScoringError) as info:
        go.to_graphml(go.structure_graph(extended), card=example_card)

    assert (
        "the score card is of gos-2012, the graph of gos-2012 with demo: score the "
        "assessment against the standard the graph was built from"
    ) == str(info.value)


@pytest.mark.parametrize("structure", [(), ("--structure",)])
def test_cli_json_with_assessment(structure: tuple[str, ...]) -> None:
    code, out = run(
        "graph",
        "gos-2012",
        "--format",
        "json",
        "--assessment",
        str(EXAMPLE_AUDIT),
        *structure,
    )
    node = "area:5" if structure else "5"

    nodes = {n["id"]: n for n in json.loads(out)["nodes"]}
    assert 0 == code
    assert (10.0, 0.75) == (nodes[node]["max_points"], nodes[node]["share"])


def test_cli_graphml_with_and_without(tmp_path: Path) -> None:
    """
    The issue: GraphML was the same with and without --assessment.
    """
    plain, scored = tmp_path / "plain.graphml", tmp_path / "scored.graphml"
    assert 0 == run("graph", "gos-2012", "--format", "graphml", "-o", str(plain))[0]
    assert (
        0
        == run(
            "graph",
            "gos-2012",
            "--format",
            "graphml",
            "--assessment",
            str(EXAMPLE_AUDIT),
            "-o",
            str(scored),
        )[0]
    )

    without = _graphml_nodes(plain.read_text(encoding="utf-8"))
    with_card = _graphml_nodes(scored.read_text(encoding="utf-8"))
    assert "share" not in without["5"]
    assert ("0.75", "10.0") == (with_card["5"]["share"], with_card["5"]["max_points"])
