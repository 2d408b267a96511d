"""
Graphs of a Standard: which organisation areas drive which result areas,
and the whole structure from edition to checkpoint.

The standard names five organisation areas and four result areas but
publishes no map of which drives which. The influence edges are this
library's model, kept in the edition data (``influences``) with a
rationale each, and replaceable by an extension or by building a
:class:`~goudenoor.standard.Standard` with other edges.

networkx is imported by the functions of this module only when they
run: ``import goudenoor`` does not import it.
"""

from __future__ import annotations

import datetime
import html
import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs

from goudenoor._checks import checked, typed_fields
from goudenoor._data import Key, Many, Object
from goudenoor._moved import warn
from goudenoor._text import BIDI_CONTROLS
from goudenoor.audit._scoring import RequirementStatus, ScoreCard
from goudenoor.exceptions import ScoringError, UnknownAreaError
from goudenoor.problems import close_matches, excerpt
from goudenoor.standard import AreaKind, InfluenceStrength, Standard


if TYPE_CHECKING:
    import networkx as nx


__all__ = [
    "DEFAULT_RISK_THRESHOLD",
    "GRAPH_FORMAT",
    "GRAPH_SHAPE",
    "Risk",
    "at_risk",
    "drivers",
    "effects",
    "influence_graph",
    "paths",
    "scored_graph",
    "structure_graph",
    "to_dot",
    "to_graphml",
    "to_json",
    "to_mermaid",
]


def __dir__() -> list[str]:
    return __all__


GRAPH_FORMAT = "graph/1"
"""The format marker of :func:`to_json` (networkx ignores the extra key)."""

DEFAULT_RISK_THRESHOLD = 0.5
"""A driver scoring below this fraction of its points puts its results at
risk (this library's default; pass ``threshold=`` to change it)."""

_STRENGTH_ORDER = {"primary": 0, "secondary": 1}


@checked
def influence_graph(standard: Standard) -> nx.DiGraph[str]:
    """
    The areas as nodes and the influence edges from organisation areas to
    the result areas they drive.

    Node ids are the area ids (``"1"`` to ``"9"``); node attributes
    ``kind``, ``name``, ``max_points`` (the points the area can give) and
    ``label``; edge attributes ``strength`` and ``rationale``. Graph
    attributes ``edition`` and ``title``. :func:`scored_graph` adds an
    audit's points to the nodes.

    >>> import goudenoor as go
    >>> g = go.influence_graph(go.load_standard("gos-2012"))
    >>> sorted(g.successors("3"))
    ['6', '8']
    """
    import networkx as nx

    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.graph.update(_graph_attributes(standard))
    for area in standard.areas:
        graph.add_node(
            area.id,
            kind=area.kind,
            name=area.name,
            max_points=area.points,
            label=f"{area.id} {area.name}",
        )
    for influence in standard.influences:
        graph.add_edge(
            influence.source,
            influence.target,
            strength=influence.strength,
            rationale=influence.rationale,
        )
    return graph


def _graph_attributes(standard: Standard) -> dict[str, str]:
    attributes = {"edition": standard.id, "title": standard.title}
    if standard.extensions:
        attributes["extensions"] = ",".join(standard.extensions)
    return attributes


@checked
def structure_graph(standard: Standard) -> nx.DiGraph[str]:
    """
    The whole tree: edition → areas → themes → requirements → checkpoints.

    Node ids are stable strings: ``edition:gos-2012``, ``area:5``,
    ``theme:5:Escaleren``, ``requirement:5.1``, ``checkpoint:5.1.a``.
    Every node has ``type`` and ``label``; areas have ``kind`` and
    ``max_points``; requirements and checkpoints have their ``text``.
    Requirements without a theme hang from their area.
    :func:`scored_graph` adds an audit's points to the areas and
    requirements.

    >>> import goudenoor as go
    >>> g = go.structure_graph(go.load_standard("gos-2012"))
    >>> list(g.successors("theme:5:Escaleren"))
    ['requirement:5.1', 'requirement:5.2']
    """
    import networkx as nx

    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.graph.update(_graph_attributes(standard))
    root = f"edition:{standard.id}"
    graph.add_node(root, type="edition", label=standard.title)
    for area in standard.areas:
        area_node = f"area:{area.id}"
        graph.add_node(
            area_node,
            type="area",
            label=f"{area.id} {area.name}",
            kind=area.kind,
            max_points=area.points,
        )
        graph.add_edge(root, area_node)
        for theme in area.themes:
            theme_node = f"theme:{area.id}:{theme.name}"
            graph.add_node(theme_node, type="theme", label=theme.name)
            graph.add_edge(area_node, theme_node)
        for requirement in area.requirements:
            node = f"requirement:{requirement.id}"
            graph.add_node(
                node,
                type="requirement",
                label=requirement.id,
                text=requirement.full_text,
                source=requirement.source,
            )
            parent = (
                f"theme:{area.id}:{requirement.theme}"
                if requirement.theme
                else area_node
            )
            graph.add_edge(parent, node)
            for checkpoint in requirement.checkpoints:
                graph.add_node(
                    f"checkpoint:{checkpoint.id}",
                    type="checkpoint",
                    label=checkpoint.id,
                    text=checkpoint.text,
                )
                graph.add_edge(node, f"checkpoint:{checkpoint.id}")
    return graph


def _known(graph: nx.DiGraph[str], area_id: str) -> str:
    if area_id not in graph:
        matches = close_matches(area_id, graph.nodes)
        edition = str(graph.graph.get("edition", ""))
        raise UnknownAreaError(area_id, matches, edition)
    return area_id


def _ranked(
    graph: nx.DiGraph[str], edges: Iterable[tuple[str, str]], pick: int
) -> tuple[str, ...]:
    ordered = sorted(
        edges,
        key=lambda e: (
            _STRENGTH_ORDER.get(graph.edges[e].get("strength", ""), 9),
            e[pick],
        ),
    )
    return tuple(edge[pick] for edge in ordered)


@checked
def drivers(graph: nx.DiGraph[str], area_id: str) -> tuple[str, ...]:
    """
    The organisation areas that drive result area *area_id*, primary
    ones first.

    >>> import goudenoor as go
    >>> drivers(go.influence_graph(go.load_standard("gos-2012")), "8")
    ('3', '4', '2')
    """
    return _ranked(graph, graph.in_edges(_known(graph, area_id)), 0)


@checked
def effects(graph: nx.DiGraph[str], area_id: str) -> tuple[str, ...]:
    """
    The result areas that organisation area *area_id* drives, primary ones
    first.
    """
    return _ranked(graph, graph.out_edges(_known(graph, area_id)), 1)


@checked
def paths(graph: nx.DiGraph[str], source: str, target: str) -> list[list[str]]:
    """
    Every simple path from *source* to *target*, shortest first.
    """
    import networkx as nx

    found = nx.all_simple_paths(graph, _known(graph, source), _known(graph, target))
    return sorted((list(p) for p in found), key=lambda p: (len(p), p))


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Risk:
    """
    A result area whose drivers score low.

    Attributes:
        area_id: The result area.
        name: Its name.
        fraction: Its own current fraction.
        weak_drivers: ``(area id, fraction)`` of each driver below the
            threshold, weakest first.
    """

    area_id: str
    name: str
    fraction: float
    weak_drivers: tuple[tuple[str, float], ...]

    @property
    def weakest(self) -> str:
        """
        The area id of the weakest driver.
        """
        return self.weak_drivers[0][0]

    def __str__(self) -> str:
        weak = ", ".join(f"{a} ({f:.0%})" for a, f in self.weak_drivers)
        return f"{self.area_id} {self.name} ({self.fraction:.0%}): weak drivers {weak}"


@checked
def at_risk(
    graph: nx.DiGraph[str],
    card: ScoreCard,
    threshold: float = DEFAULT_RISK_THRESHOLD,
) -> tuple[Risk, ...]:
    """
    Result areas with at least one driver below *threshold* (a fraction of
    the driver's points), most endangered (weakest driver) first.
    """
    results = []
    for node, data in graph.nodes(data=True):
        if data.get("kind") != "result":
            continue
        weak = sorted(
            (
                (driver, card.areas[driver].fraction)
                for driver in drivers(graph, node)
                if card.areas[driver].fraction < threshold
            ),
            key=lambda item: (item[1], item[0]),
        )
        if weak:
            results.append(
                Risk(
                    area_id=node,
                    name=str(data["name"]),
                    fraction=card.areas[node].fraction,
                    weak_drivers=tuple(weak),
                )
            )
    results.sort(key=lambda r: (r.weak_drivers[0][1], r.area_id))
    return tuple(results)


def _colour(fraction: float) -> str:
    """
    A fill colour from red (0) through amber (0.5) to green (1).
    """
    fraction = min(max(fraction, 0.0), 1.0)
    red = int(220 - max(fraction - 0.5, 0.0) * 320)
    green = int(70 + min(fraction, 0.5) * 220)
    return f"#{red:02x}{green:02x}50"


def _area_scores(
    graph: nx.DiGraph[str],
    scores: Mapping[str, float] | None,
    card: ScoreCard | None,
    function: str,
) -> Mapping[str, float] | None:
    """
    The fraction to show on each area node: from *card*, as
    :func:`scored_graph` puts it there, or from the old *scores*.
    """
    if scores is not None:
        if card is not None:
            msg = f"{function}() takes card= or the old scores, not both"
            raise TypeError(msg)
        warn(f"{function}(graph, scores)", f"{function}(graph, card=card)")
        return scores
    if card is None:
        return None
    return {
        node: data["share"]
        for node, data in scored_graph(graph, card).nodes(data=True)
        if data.get("type", "area") == "area" and "share" in data
    }


@checked
def to_dot(
    graph: nx.DiGraph[str],
    scores: Mapping[str, float] | None = None,
    *,
    card: ScoreCard | None = None,
) -> str:
    """
    The graph in Graphviz DOT. With *card* (a score card of the standard
    the graph was built from), area nodes are filled from red (0) to green
    (1) and show the share of their points.

    *scores* (node id → fraction) is the old way to give the shares, kept
    for this release (deprecated).
    """
    scores = _area_scores(graph, scores, card, "to_dot")
    lines = [
        "digraph goudenoor {",
        "  rankdir=LR;",
        '  node [fontname="Helvetica", style="rounded,filled", fillcolor="#f4f4f4"];',
        '  edge [fontname="Helvetica", fontsize=10];',
    ]
    for node, data in graph.nodes(data=True):
        label = str(data.get("label", node))
        attributes = {
            "label": label,
            "shape": "box" if data.get("kind") != "result" else "ellipse",
        }
        if scores is not None and node in scores:
            attributes["label"] = f"{label}\n{scores[node]:.0%}"
            attributes["fillcolor"] = _colour(scores[node])
        lines.append(f"  {_dot_id(node)} [{_dot_attributes(attributes)}];")
    for source, target, data in graph.edges(data=True):
        attributes = {}
        if "strength" in data:
            attributes["label"] = str(data["strength"])
            attributes["style"] = "solid" if data["strength"] == "primary" else "dashed"
        suffix = f" [{_dot_attributes(attributes)}]" if attributes else ""
        lines.append(f"  {_dot_id(source)} -> {_dot_id(target)}{suffix};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot_id(value: str) -> str:
    # Graphviz reads character entities in its strings: a bidirectional
    # control is drawn as it is, but not printed raw to a terminal.
    return json.dumps(value, ensure_ascii=False).translate(_DOT_ENTITIES)


_DOT_ENTITIES = {ord(ch): f"&#x{ord(ch):x};" for ch in BIDI_CONTROLS}


def _dot_attributes(attributes: Mapping[str, str]) -> str:
    return ", ".join(f"{key}={_dot_id(value)}" for key, value in attributes.items())


@checked
def to_mermaid(
    graph: nx.DiGraph[str],
    scores: Mapping[str, float] | None = None,
    *,
    card: ScoreCard | None = None,
) -> str:
    """
    The graph as a Mermaid flowchart (left to right). Primary edges are
    solid, secondary ones dotted; with *card*, area nodes are coloured
    and show the share of their points, as in :func:`to_dot`.

    *scores* (node id → fraction) is the old way to give the shares, kept
    for this release (deprecated).
    """
    scores = _area_scores(graph, scores, card, "to_mermaid")
    ids = {node: f"n{index}" for index, node in enumerate(graph.nodes)}
    lines = ["flowchart LR"]
    for node, data in graph.nodes(data=True):
        label = _mermaid_text(str(data.get("label", node)))
        if scores is not None and node in scores:
            label += f"<br/>{scores[node]:.0%}"
        shape = ('(["', '"])') if data.get("kind") == "result" else ('["', '"]')
        lines.append(f"  {ids[node]}{shape[0]}{label}{shape[1]}")
    for source, target, data in graph.edges(data=True):
        strength = data.get("strength")
        arrow = "-.->" if strength == "secondary" else "-->"
        text = f"|{strength}|" if strength else ""
        lines.append(f"  {ids[source]} {arrow}{text} {ids[target]}")
    if scores is not None:
        lines.extend(
            f"  style {ids[node]} fill:{_colour(scores[node])}"
            for node in graph.nodes
            if node in scores
        )
    return "\n".join(lines) + "\n"


def _mermaid_text(text: str) -> str:
    # Mermaid labels in double quotes accept entity codes: #quot; for ",
    # #8238; for a right-to-left override (drawn, not printed raw).
    escaped = html.escape(text, quote=False).replace('"', "#quot;")
    return escaped.translate(_MERMAID_ENTITIES)


_MERMAID_ENTITIES = {ord(ch): f"#{ord(ch)};" for ch in BIDI_CONTROLS}


@checked
def scored_graph(graph: nx.DiGraph[str], card: ScoreCard) -> nx.DiGraph[str]:
    """
    A copy of *graph* (from :func:`influence_graph` or
    :func:`structure_graph`) with the audit's results of *card* on its
    nodes; *graph* is not changed.

    Each area node gets ``points`` (the points scored), ``max_points``
    and ``share`` (points / max_points, 0 to 1). In a structure graph each
    requirement node gets ``points``, ``max_points`` and ``status``
    (``rated``, ``unrated``, ``not-applicable``, ...) and, where it
    applies, ``share``. The graph gets ``organisation``, ``date``,
    ``total`` and ``level`` (empty where no level is reached).

    Raises:
        ScoringError: *card* scores another edition, or a standard with
            other extensions, than the one *graph* was built from.

    >>> import datetime
    >>> import goudenoor as go
    >>> std = go.load_standard("gos-2012")
    >>> audit = go.Assessment(edition="gos-2012", organisation="Voorbeeld",
    ...     date=datetime.date(2024, 5, 1), ratings={"5.1": go.Rating(value=3)})
    >>> g = scored_graph(go.influence_graph(std), go.score(std, audit, check=False))
    >>> g.nodes["5"]["max_points"], round(g.nodes["5"]["points"], 2)
    (10.0, 1.07)
    """
    edition = graph.graph.get("edition")
    extensions = graph.graph.get("extensions", "")
    card_extensions = ",".join(card.standard.extensions)
    scored_label = _edition_label(card.standard.id, card_extensions)
    if (edition, extensions) != (card.standard.id, card_extensions):
        drawn = _edition_label(str(edition), str(extensions))
        msg = (
            f"the score card is of {scored_label}, the graph of {drawn}: score "
            "the assessment against the standard the graph was built from"
        )
        raise ScoringError(msg)
    scored = graph.copy()
    level = card.level
    scored.graph.update(
        organisation=card.assessment.organisation,
        date=card.assessment.date.isoformat(),
        total=card.total,
        level=level.name if level else "",
    )
    for node, data in scored.nodes(data=True):
        kind = data.get("type", "area")  # the influence graph's nodes are areas
        if kind == "area":
            result = _result(card.areas, node.removeprefix("area:"), scored_label)
            data.update(
                points=result.points,
                max_points=result.max_points,
                share=result.fraction,
            )
        elif kind == "requirement":
            found = _result(
                card.requirements, node.removeprefix("requirement:"), scored_label
            )
            data.update(
                points=found.points,
                max_points=found.max_points,
                status=found.status,
            )
            if found.fraction is not None:
                data["share"] = found.fraction
    return scored


_R = TypeVar("_R")


def _result(results: Mapping[str, _R], item: str, edition: str) -> _R:
    found = results.get(item)
    if found is None:
        msg = (
            f"the score card of {edition} has no result for {excerpt(item)}, "
            "which the graph has: score the assessment against the standard "
            "the graph was built from"
        )
        raise ScoringError(msg)
    return found


def _edition_label(edition: str, extensions: str) -> str:
    return f"{edition} with {extensions}" if extensions else edition


@checked
def to_graphml(graph: nx.DiGraph[str], *, card: ScoreCard | None = None) -> str:
    """
    The graph as GraphML (for yEd, Gephi, ...); with *card*, the audit's
    points on the nodes (see :func:`scored_graph`).
    """
    import networkx as nx

    if card is not None:
        graph = scored_graph(graph, card)
    lines = nx.generate_graphml(graph, encoding="utf-8")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + "\n".join(lines) + "\n"


@checked
def to_json(graph: nx.DiGraph[str], *, card: ScoreCard | None = None) -> dict[str, Any]:
    """
    The graph as node-link data (``nodes`` and ``edges`` lists) marked
    ``"goudenoor": "graph/1"``, ready for :func:`json.dumps`; with *card*,
    the audit's points on the nodes (see :func:`scored_graph`).

    Read it back with
    :func:`networkx.node_link_graph <networkx.readwrite.json_graph.node_link_graph>`
    and ``edges="edges"``: networkx before 3.6 looks for ``links`` unless
    told (3.6 and later read ``edges`` by default).
    """
    import networkx as nx

    if card is not None:
        graph = scored_graph(graph, card)
    data: dict[str, Any] = nx.node_link_data(graph, edges="edges")
    return {"goudenoor": GRAPH_FORMAT, **data}


def _optional(name: str, tp: Any, doc: str) -> Key:
    return Key(name, tp, doc, optional=True)


GRAPH_SHAPE: Object = Object(
    "An edition's influence or structure graph as networkx node-link data "
    "(read it with networkx.node_link_graph(data, edges='edges')).",
    (
        Key("directed", Literal[True], "Always true: edges have a direction."),
        Key("multigraph", Literal[False], "Always false."),
        Key(
            "graph",
            Object(
                "The graph's attributes.",
                (
                    Key("edition", str, "The edition's id."),
                    Key("title", str, "The edition's title."),
                    _optional(
                        "extensions",
                        str,
                        "The extensions applied, comma-separated (only when "
                        "there are).",
                    ),
                    _optional(
                        "organisation", str, "The audited organisation (with an audit)."
                    ),
                    _optional(
                        "date", datetime.date, "The audit's date (with an audit)."
                    ),
                    _optional(
                        "total", float, "The audit's total points (with an audit)."
                    ),
                    _optional(
                        "level",
                        str,
                        "The recognition level reached, empty if none (with an audit).",
                    ),
                ),
            ),
            "The graph's attributes.",
        ),
        Key(
            "nodes",
            Many(
                Object(
                    "An area (the influence graph's nodes; also in the structure "
                    "graph), or the edition, a theme, a requirement or a "
                    "checkpoint (the structure graph).",
                    (
                        Key(
                            "id",
                            str,
                            "The node's id: an area id ('5') in the influence "
                            "graph; 'edition:ID', 'area:5', 'theme:5:NAME', "
                            "'requirement:5.1' or 'checkpoint:5.1.a' in the "
                            "structure graph.",
                        ),
                        Key("label", str, "What to show on the node."),
                        _optional(
                            "type",
                            Literal[
                                "edition", "area", "theme", "requirement", "checkpoint"
                            ],
                            "What the node is (the structure graph only).",
                        ),
                        _optional("kind", AreaKind, "An area's kind."),
                        _optional("name", str, "An area's name (the influence graph)."),
                        _optional(
                            "max_points",
                            float,
                            "The points an area (or requirement) can give.",
                        ),
                        _optional("text", str, "A requirement's or checkpoint's text."),
                        _optional(
                            "source",
                            str,
                            "The id of the source a requirement comes from.",
                        ),
                        _optional(
                            "points",
                            float,
                            "The points the audit earned (with an audit).",
                        ),
                        _optional(
                            "share",
                            float,
                            "points / max_points, 0 to 1 (with an audit, where it "
                            "applies).",
                        ),
                        _optional(
                            "status",
                            RequirementStatus,
                            "How a requirement was rated (with an audit).",
                        ),
                    ),
                )
            ),
            "Every node.",
        ),
        Key(
            "edges",
            Many(
                Object(
                    "An influence (organisation area to result area), or a part "
                    "of the tree.",
                    (
                        Key("source", str, "The id of the node it starts from."),
                        Key("target", str, "The id of the node it goes to."),
                        _optional(
                            "strength", InfluenceStrength, "An influence's strength."
                        ),
                        _optional("rationale", str, "Why the influence exists."),
                    ),
                )
            ),
            "Every edge.",
        ),
    ),
    marker=GRAPH_FORMAT,
)
"""
The shape of :func:`to_json`'s data (networkx writes it from the
attributes the graph builders set).
"""
