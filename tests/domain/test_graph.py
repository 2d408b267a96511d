"""
The influence and structure graphs, their queries and their exports.
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

import goudenoor as go
from conftest import EXAMPLE_AUDIT
from helpers import run_cli, run_python


EDITIONS = ["gos-2012", "gos-2016"]
MERMAID_DIR = os.environ.get("GOUDENOOR_MERMAID_DIR", "")


@pytest.mark.parametrize("edition", EDITIONS)
class TestInfluenceModel:
    def test_every_result_area_has_a_driver(self, edition: str) -> None:
        """
        Each result area is driven by at least one organisation area.
        """
        std = go.load_standard(edition)
        g = go.influence_graph(std)

        assert all(go.drivers(g, a.id) for a in std.result_areas)

    def test_every_organisation_area_drives_something(self, edition: str) -> None:
        """
        Each organisation area drives at least one result area.
        """
        std = go.load_standard(edition)
        g = go.influence_graph(std)

        assert all(go.effects(g, a.id) for a in std.organisation_areas)

    def test_acyclic_and_bipartite(self, edition: str) -> None:
        """
        Edges only go from organisation to result areas: no cycles.
        """
        g = go.influence_graph(go.load_standard(edition))

        assert nx.is_directed_acyclic_graph(g)
        assert all(
            (g.nodes[s]["kind"], g.nodes[t]["kind"]) == ("organisation", "result")
            for s, t in g.edges
        )

    def test_every_edge_has_a_rationale(self, edition: str) -> None:
        """
        Every edge says why, naming the source text it rests on.
        """
        g = go.influence_graph(go.load_standard(edition))

        for _, _, data in g.edges(data=True):
            assert data["strength"] in {"primary", "secondary"}
            assert len(data["rationale"]) > 40
            assert any(
                f"({src}" in data["rationale"] for src in ("001", "002", "003", "004")
            )


class TestQueries:
    def test_drivers_primary_first(self, std2012: go.Standard) -> None:
        """
        Drivers come primary first, then by id.
        """
        g = go.influence_graph(std2012)

        assert (("3", "4", "2"), ("6", "7", "9")) == (
            go.drivers(g, "8"),
            go.effects(g, "1"),
        )

    def test_unknown_area(self, std2012: go.Standard) -> None:
        """
        An unknown node is a GoudenoorError with suggestions.
        """
        with pytest.raises(go.UnknownAreaError) as info:
            go.drivers(go.influence_graph(std2012), "10")

        assert "unknown area '10' in gos-2012; did you mean '1'?" == str(info.value)

    def test_paths(self, std2012: go.Standard) -> None:
        """
        The paths from an organisation area to a result area.
        """
        g = go.influence_graph(std2012)

        assert ([["5", "9"]], []) == (go.paths(g, "5", "9"), go.paths(g, "5", "8"))

    def test_at_risk_on_example(
        self, std2012: go.Standard, example_card: go.ScoreCard
    ) -> None:
        """
        Middelen (25%) is the weak driver of Verbonden medewerkers and of
        Beter producten & processen, as a reader of the example expects.
        """
        risks = go.at_risk(go.influence_graph(std2012), example_card)

        assert [("8", "4"), ("9", "4")] == [(r.area_id, r.weakest) for r in risks]
        assert "8 Verbonden medewerkers (25%): weak drivers 4 (25%)" == str(risks[0])

    def test_at_risk_threshold(
        self, std2012: go.Standard, example_card: go.ScoreCard
    ) -> None:
        """
        A higher threshold puts every result area at risk.
        """
        risks = go.at_risk(go.influence_graph(std2012), example_card, threshold=0.8)

        assert ["6", "7", "8", "9"] == sorted(r.area_id for r in risks)


class TestStructure:
    def test_tree(self, std2016: go.Standard) -> None:
        """
        One root, every requirement and checkpoint reachable, a tree.
        """
        g = go.structure_graph(std2016)

        assert nx.is_tree(g.to_undirected())
        assert (
            1
            + 9
            + 6
            + len(std2016.requirements)
            + sum(len(r.checkpoints) for r in std2016.requirements)
            == g.number_of_nodes()
        )
        assert "Dat blijkt" not in g.nodes["requirement:4.1"]["text"]
        assert ["requirement:4.1"] == list(g.predecessors("checkpoint:4.1.a"))


class TestExports:
    def test_json_round_trip(self, std2012: go.Standard) -> None:
        """
        Node-link JSON reads back into an equal graph.
        """
        g = go.influence_graph(std2012)
        data = json.loads(json.dumps(go.to_json(g)))

        back = nx.node_link_graph(data, edges="edges")

        assert nx.utils.graphs_equal(g, back)

    def test_graphml(self, std2012: go.Standard) -> None:
        """
        GraphML is well-formed XML with every node and edge.
        """
        root = ET.fromstring(go.to_graphml(go.influence_graph(std2012)))  # noqa: S314
        ns = {"g": "http://graphml.graphdrawing.org/xmlns"}

        assert (9, 11) == (
            len(root.findall(".//g:node", ns)),
            len(root.findall(".//g:edge", ns)),
        )

    def test_dot_text(self, std2012: go.Standard) -> None:
        """
        DOT has every edge, dashed for secondary ones, and score colours.
        """
        std = std2012
        audit = go.Assessment(
            edition="gos-2012",
            organisation="Voorbeeld",
            date=datetime.date(2026, 10, 1),
            ratings={r.id: go.Rating(value=1) for r in std.area("4").requirements},
        )
        dot = go.to_dot(go.influence_graph(std), card=go.score(std, audit))

        assert '  "2" -> "8" [label="secondary", style="dashed"];' in dot
        assert (
            '"4" [label="4 Middelen\\n25%", shape="box", fillcolor="#dc7d50"];' in dot
        )

    @pytest.mark.skipif(
        shutil.which("dot") is None,
        reason="graphviz 'dot' is not installed (apt-get install graphviz)",
    )
    def test_dot_renders(self) -> None:
        """
        goudenoor graph gos-2012 --format dot | dot -Tsvg gives an SVG.
        """
        dot = run_cli("graph", "gos-2012", "--format", "dot", check=True).stdout
        svg = subprocess.run(
            ["dot", "-Tsvg"],  # noqa: S607 - found on PATH above
            input=dot,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
        ).stdout

        assert "<svg" in svg
        assert "Verbonden medewerkers" in svg

    @pytest.mark.skipif(
        not (MERMAID_DIR and shutil.which("node")),
        reason="Mermaid's parser is not available (set GOUDENOOR_MERMAID_DIR to a "
        "folder with `npm install mermaid@11 jsdom`; .ci/run does this)",
    )
    @pytest.mark.parametrize("structure", [False, True])
    def test_mermaid_parses(
        self, std2012: go.Standard, example_card: go.ScoreCard, structure: bool
    ) -> None:
        """
        to_mermaid output parses with Mermaid's own flowchart parser.
        """
        script = Path(MERMAID_DIR) / "parse_mermaid.mjs"
        source = Path(__file__).parent.parent / "js" / "parse_mermaid.mjs"
        shutil.copyfile(source, script)
        graph = (go.structure_graph if structure else go.influence_graph)(std2012)
        done = subprocess.run(
            ["node", str(script)],  # noqa: S607 - found on PATH above
            input=go.to_mermaid(graph, card=example_card),
            capture_output=True,
            text=True,
            check=False,
        )

        assert (0, "flowchart-v2\n") == (done.returncode, done.stdout), done.stderr


class TestCli:
    def test_graph_with_assessment(self, tmp_path: Path) -> None:
        """
        --assessment colours nodes and lists at-risk results on stderr.
        """
        out = tmp_path / "g.mmd"
        done = run_cli(
            "graph",
            "gos-2012",
            "--format",
            "mermaid",
            "--assessment",
            EXAMPLE_AUDIT,
            "-o",
            out,
        )

        assert 0 == done.returncode
        assert (
            "at risk: 8 Verbonden medewerkers (25%): weak drivers 4 (25%)\n"
            in done.stderr
        )
        assert "style n3 fill:#dc7d50" in out.read_text(encoding="utf-8")

    def test_json_and_graphml(self) -> None:
        """
        json and graphml formats come out of the command too.
        """
        for fmt, start in (("json", "{"), ("graphml", "<?xml")):
            done = run_cli("graph", "gos-2016", "--format", fmt, check=True)
            assert done.stdout.startswith(start)


def test_import_does_not_load_networkx() -> None:
    """
    python -X importtime -c 'import goudenoor' shows no networkx.
    """
    done = run_python("-X", "importtime", "-c", "import goudenoor", check=True)

    assert "goudenoor" in done.stderr
    assert "networkx" not in done.stderr
