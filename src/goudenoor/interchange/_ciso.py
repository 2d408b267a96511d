"""
The standard as a CISO Assistant library, as plain data.

`CISO Assistant <https://github.com/intuitem/ciso-assistant-community>`_
imports frameworks only as its own library YAML.
:func:`to_ciso_assistant_library` turns a
:class:`~goudenoor.standard.Standard` (a shipped edition, or one with
sector extensions applied) into that library as a JSON-ready dict; writing
it as YAML is the file layer's work (``goudenoor export ciso-assistant``).
The format was read from CISO Assistant's source at commit ``f990d7b1b``:
``backend/library/utils.py`` (``LibraryImporter``, ``FrameworkImporter``,
``RequirementNodeImporter``) and ``backend/core/models.py``
(``URN_REGEX``, ``StoredLibrary.store_library_content``).

The choices the format leaves open:

* URNs: the library is ``urn:goudenoor:risk:library:<ref>``, its framework
  ``urn:goudenoor:risk:framework:<ref>`` and each node
  ``urn:goudenoor:risk:req_node:<ref>:<id>``, where ``<ref>`` is the
  edition id, followed by ``.`` and each extension id
  (``gos-2012.zorg``): a standard with a sector pack is another library
  beside the edition's, as its content differs. A node's ``<id>`` is the
  area's number (``5``), the area and the theme (``5:evalueren``) or the
  requirement's id (``5.3``, ``zorg:5.8``).
* Scores: CISO Assistant scores are integers from ``min_score`` to
  ``max_score``, and it truncates the average it shows to one decimal.
  The framework is scored from 0 to :data:`MAX_SCORE` (100), each level
  of the edition's default scale at its share of the scale (``gos-0-4``:
  0, 25, 50, 75, 100; a scale with half steps, such as ``conformiteit``,
  fits as well: 0, 50, 100). On the scale's own 0 to 4 the truncation
  would cost up to 0.1 x 100 / 4 = 2.5 GOS points; on 0 to 100 it costs
  less than 0.1 of a percent of the maximum, so for the shipped editions
  (100 points) the score CISO Assistant shows is the GOS total, within 0.1
  point. A scale whose levels do not fall on whole percents is refused.
* Weights: CISO Assistant's default score (``average``) is the weighted
  mean of the rated requirements' scores, with integer weights. Each
  requirement weighs its share of the points: its area's points times its
  weight in the area over the area's total weight, multiplied by the
  smallest number that makes every share an integer (for ``gos-2012``:
  60, 84, 105, 210 and 280). So for an audit that rates every requirement
  (and has no N/A), the mean CISO Assistant computes is the GOS total
  over the maximum points.
* ``version``: CISO Assistant replaces a stored library only by one with
  a higher integer version (and keeps the old content, silently, for the
  same version). A hash of the content changes but does not grow, so the
  version is :data:`LIBRARY_REVISION`, a number of this package that is
  raised with every release in which the library of a shipped edition
  changes (a test records what each revision's libraries hold and fails
  when they change without a raise). A library with a sector pack has
  the same version: a new version of the pack alone does not raise it.

What CISO Assistant cannot express is said in the library's description:
N/A within an area, unrated requirements, the recognition levels and the
influence of the organisation areas on the result areas.
"""

from __future__ import annotations

import math
import re
import unicodedata
from fractions import Fraction
from typing import Any, Final

from goudenoor._checks import checked
from goudenoor.exceptions import OutputError
from goudenoor.standard import (
    Area,
    Requirement,
    RequirementTranslation,
    Standard,
    Translation,
)


__all__ = [
    "LIBRARY_REVISION",
    "MAX_SCORE",
    "PACKAGER",
    "ciso_assistant_score",
    "to_ciso_assistant_library",
]


def __dir__() -> list[str]:
    return __all__


LIBRARY_REVISION: Final = 1
"""The ``version`` of every library :func:`to_ciso_assistant_library`
makes: raised (never lowered) in each release that changes the library of
a shipped edition."""

PACKAGER: Final = "goudenoor"
"""The packager of the libraries, the second part of their URNs."""

MAX_SCORE: Final = 100
"""The framework's ``max_score``: a rating scores its share of the scale
in percent (``min_score`` is 0)."""

NAME_LENGTH: Final = 200
"""CISO Assistant's longest ``name`` (``ReferentialObjectMixin.name``,
``max_length=200``, backend/core/models.py line 276)."""

_NAME_CUT: Final = 120
"""Where a requirement's name cuts its text short (within NAME_LENGTH)."""

WEIGHT_LIMIT: Final = 2**31 - 1
"""The largest weight CISO Assistant stores (an IntegerField)."""

_KIND_GROUPS: Final = {
    "organisation": ("Organisatiegebieden", "Organisation areas"),
    "result": ("Resultaatgebieden", "Result areas"),
}
"""Area kind -> the implementation group's name, in Dutch and English."""


@checked
def to_ciso_assistant_library(
    standard: Standard, *, translation: Translation | None = None
) -> dict[str, Any]:
    """
    *standard* as a CISO Assistant library (a JSON-ready dict).

    Areas and themes are nodes that are not assessable, requirements are
    assessable nodes beneath them, in the standard's order (a theme's
    requirements are gathered under it, where its first one stands). The
    Dutch texts are the ``description``; a requirement's ``name`` is the
    start of its text (at most 120 characters); the evidence clause and the
    checkpoints are its ``typical_evidence``. With *translation* (for
    example the shipped English one), each node, score and group has its
    ``translations`` in that language, where the translation has the text.

    Raises:
        OutputError: The default scale has a level that is not a whole
            percent of the scale; an area or a requirement weighs nothing
            (CISO Assistant counts a weight of 0 as 1); the weights do not
            fit CISO Assistant's integers; *translation* is of another
            edition.

    >>> import goudenoor as go
    >>> library = go.to_ciso_assistant_library(go.load_standard("gos-2012"))
    >>> library["urn"], library["locale"]
    ('urn:goudenoor:risk:library:gos-2012', 'nl')
    >>> sorted({node["weight"] for node in
    ...     library["objects"]["framework"]["requirement_nodes"]
    ...     if node["assessable"]})
    [60, 84, 105, 210, 280]
    """
    if translation is not None and translation.edition != standard.id:
        raise OutputError(
            f"the translation is of {translation.edition}, not of {standard.id}: "
            "expected a translation of the edition exported"
        )
    ref = library_ref(standard)
    language = translation.language if translation is not None else None
    framework: dict[str, Any] = {
        "urn": f"urn:{PACKAGER}:risk:framework:{ref}",
        "ref_id": ref,
        "name": _name(standard),
        "description": _description(standard),
        "min_score": 0,
        "max_score": MAX_SCORE,
        "scores_definition": _scores(standard, translation),
        "implementation_groups_definition": _groups(standard, language),
        "requirement_nodes": _Nodes(standard, ref, translation).build(),
    }
    if translation is not None:
        framework["translations"] = {
            translation.language: {
                "name": f"{translation.title} ({standard.label})",
                "description": _description(standard, english=True),
            }
        }
    library: dict[str, Any] = {
        "urn": f"urn:{PACKAGER}:risk:library:{ref}",
        "locale": "nl",
        "ref_id": ref,
        "name": framework["name"],
        "description": framework["description"],
        "copyright": _copyright(standard),
        "version": LIBRARY_REVISION,
        "provider": "Gouden Oor",
        "packager": PACKAGER,
    }
    if translation is not None:
        # A copy, not the framework's dict: a YAML writer would otherwise
        # write an anchor and an alias, which CISO Assistant need not read.
        library["translations"] = {
            language: dict(texts)
            for language, texts in framework["translations"].items()
        }
    library["objects"] = {"framework": framework}
    return library


def library_ref(standard: Standard) -> str:
    """
    The library's reference, the last part of its URNs: the edition id,
    then ``.`` and each extension id (``gos-2012.zorg``).
    """
    return ".".join((standard.id, *standard.extensions))


def ciso_assistant_score(standard: Standard, value: float) -> int:
    """
    The CISO Assistant score of the rating *value* on *standard*'s default
    scale: its share of the scale in percent.

    Raises:
        OutputError: *value* is not a level of the scale, or its share is
            not a whole percent.

    >>> import goudenoor as go
    >>> ciso_assistant_score(go.load_standard("gos-2012"), 3)
    75
    """
    scale = standard.scale()
    if value not in scale.values:
        raise OutputError(
            f"{value!r} is not a level of the scale {scale.id} "
            f"(expected one of {', '.join(_number(v) for v in scale.values)})"
        )
    share = (
        (_exact(value) - _exact(scale.minimum))
        * MAX_SCORE
        / (_exact(scale.maximum) - _exact(scale.minimum))
    )
    if share.denominator != 1:
        raise OutputError(
            f"the scale {scale.id} cannot be scored in CISO Assistant: its level "
            f"{_number(value)} is {float(share):g}% of the scale, and CISO "
            "Assistant scores only whole numbers (expected levels at whole "
            "percents of the scale)"
        )
    return share.numerator


def _exact(number: float) -> Fraction:
    # The decimal the number was written as (0.1, not the binary
    # approximation): the data's numbers are decimals.
    return Fraction(repr(number))


def _number(value: float) -> str:
    return f"{value:g}"


def _name(standard: Standard) -> str:
    extensions = f" met {', '.join(standard.extensions)}" if standard.extensions else ""
    return f"{standard.title}{extensions}"


def _copyright(standard: Standard) -> str:
    return (
        f"De teksten zijn die van de {standard.title} (goudenoor.nl), overgenomen "
        "uit de bronnen die goudenoor bij de editie noemt; de bibliotheek is "
        "gemaakt met goudenoor (MIT-licentie)."
    )


def _scores(
    standard: Standard, translation: Translation | None
) -> list[dict[str, Any]]:
    scale = standard.scale()
    translated = translation.scale(scale.id) if translation is not None else None
    scores = []
    for level in scale.levels:
        entry: dict[str, Any] = {
            "score": ciso_assistant_score(standard, level.value),
            "name": level.label,
            "description": f"{_number(level.value)} op de schaal {scale.name}",
        }
        label = translated.label(level.value) if translated is not None else None
        if translation is not None and label is not None:
            entry["translations"] = {
                translation.language: {
                    "name": label,
                    "description": f"{_number(level.value)} on the scale "
                    f"{translated.name if translated is not None else scale.name}",
                }
            }
        scores.append(entry)
    return scores


def _groups(standard: Standard, language: str | None) -> list[dict[str, Any]]:
    groups = []
    for kind, (dutch, english) in _KIND_GROUPS.items():
        areas = [area.id for area in standard.areas if area.kind == kind]
        if not areas:
            continue
        group: dict[str, Any] = {
            "ref_id": kind,
            "name": dutch,
            "description": f"Gebieden {', '.join(areas)}",
        }
        if language is not None:
            group["translations"] = {
                language: {"name": english, "description": f"Areas {', '.join(areas)}"}
            }
        groups.append(group)
    return groups


def _weights(standard: Standard) -> dict[str, int]:
    """
    Each requirement's integer weight: its share of the points, scaled by
    the smallest number that makes every share whole.
    """
    shares: dict[str, Fraction] = {}
    for area in standard.areas:
        total = sum((_exact(r.weight) for r in area.requirements), Fraction(0))
        for requirement in area.requirements:
            share = _exact(area.points) * _exact(requirement.weight) / total
            if share <= 0:
                raise OutputError(
                    f"requirement {requirement.id} weighs {float(share):g} points: "
                    "CISO Assistant counts a weight of 0 as 1 (expected areas and "
                    "requirements that weigh more than 0)"
                )
            shares[requirement.id] = share
    scale = math.lcm(*(share.denominator for share in shares.values()))
    whole = {rid: int(share * scale) for rid, share in shares.items()}
    common = math.gcd(*whole.values())
    weights = {rid: weight // common for rid, weight in whole.items()}
    heaviest = max(weights.values())
    if heaviest > WEIGHT_LIMIT:
        raise OutputError(
            f"the requirements' points need a weight of {heaviest:,} in CISO "
            f"Assistant, which stores at most {WEIGHT_LIMIT:,} (expected points "
            "and weights with fewer decimals)"
        )
    return weights


def _description(standard: Standard, *, english: bool = False) -> str:
    """
    The library's description: what it is, how its scores map to GOS
    points, and what CISO Assistant cannot express.
    """
    points = _number(standard.max_points)
    scheme = standard.recognition_scheme()
    levels = ", ".join(level.name for level in scheme.levels)
    if english:
        return (
            f"{standard.title} ({standard.label}), exported by goudenoor. Each "
            "requirement weighs its share of the points, so CISO Assistant's "
            "score with the 'average' calculation is the share of the maximum "
            f"in percent; the GOS total is that share of {points} points (for "
            "100 points, the score itself). What CISO Assistant cannot express: "
            "(1) a requirement that is not applicable leaves the points of its "
            "area unchanged in the GOS (the area's other requirements share "
            "them), while CISO Assistant leaves it out of the whole average; "
            "(2) goudenoor counts an unrated requirement as 0, CISO Assistant "
            "skips it; (3) the recognition levels of the scheme "
            f"'{scheme.name}' ({levels}) and their conditions; (4) the influence "
            "of the organisation areas on the result areas (the influence "
            "graph). Scores between the levels of the scale have no GOS "
            "meaning: use the levels' scores only."
        )
    return (
        f"{standard.title} ({standard.label}), uitgevoerd door goudenoor. Elke "
        "eis weegt zijn aandeel in de punten, zodat de score van CISO Assistant "
        "met de berekening 'average' het aandeel van het maximum in procenten "
        f"is; het GOS-totaal is dat aandeel van {points} punten (bij 100 punten "
        "de score zelf). Wat CISO Assistant niet kan uitdrukken: (1) een eis "
        "die niet van toepassing is laat in de GOS de punten van haar gebied "
        "gelijk (de andere eisen van het gebied delen ze), terwijl CISO "
        "Assistant haar uit het hele gemiddelde weglaat; (2) goudenoor telt een "
        "niet beoordeelde eis als 0, CISO Assistant slaat haar over; (3) de "
        f"erkenningsniveaus van '{scheme.name}' ({levels}) en hun voorwaarden; "
        "(4) de invloed van de organisatiegebieden op de resultaatgebieden (de "
        "invloedsgraaf). Scores tussen de niveaus van de schaal hebben in de "
        "GOS geen betekenis: gebruik alleen de scores van de niveaus."
    )


def requirement_name(text: str) -> str:
    """
    A requirement's ``name``: the start of its text, cut at a word before
    120 characters and ended by an ellipsis when cut.
    """
    if len(text) <= _NAME_CUT:
        return text
    cut = text[: _NAME_CUT - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return f"{cut.rstrip(' ,;:')}…"


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def theme_slug(name: str) -> str:
    """
    A theme's name as a URN part: ASCII lowercase letters and digits,
    words joined by ``-`` (``Systematisch luisteren`` ->
    ``systematisch-luisteren``).
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore")
    return _NOT_SLUG.sub("-", ascii_name.decode("ascii").lower()).strip("-") or "thema"


class _Nodes:
    """
    The framework's requirement nodes, built in order.
    """

    def __init__(
        self, standard: Standard, ref: str, translation: Translation | None
    ) -> None:
        self.standard = standard
        self.prefix = f"urn:{PACKAGER}:risk:req_node:{ref}"
        self.translation = translation
        self.weights = _weights(standard)
        self.nodes: list[dict[str, Any]] = []

    def build(self) -> list[dict[str, Any]]:
        for area in self.standard.areas:
            self._area(area)
        return self.nodes

    def _translated(self, node: dict[str, Any], **texts: str | None) -> None:
        if self.translation is None:
            return
        present = {key: text for key, text in texts.items() if text is not None}
        if present:
            node["translations"] = {self.translation.language: present}

    def _area(self, area: Area) -> None:
        urn = f"{self.prefix}:{area.id}"
        node: dict[str, Any] = {
            "urn": urn,
            "assessable": False,
            "depth": 1,
            "ref_id": area.id,
            "name": area.name,
        }
        if area.summary:
            node["description"] = area.summary
        node["implementation_groups"] = [area.kind]
        translated = (
            self.translation.area(area.id) if self.translation is not None else None
        )
        if translated is not None:
            self._translated(node, name=translated.name, description=translated.summary)
        self.nodes.append(node)
        # A theme's requirements are gathered under it, where its first
        # requirement stands; a requirement without a theme keeps its place.
        blocks: list[tuple[str | None, list[Requirement]]] = []
        themes: dict[str, list[Requirement]] = {}
        for requirement in area.requirements:
            if requirement.theme is None:
                blocks.append((None, [requirement]))
            elif requirement.theme in themes:
                themes[requirement.theme].append(requirement)
            else:
                themes[requirement.theme] = [requirement]
                blocks.append((requirement.theme, themes[requirement.theme]))
        for theme, requirements in blocks:
            parent, depth = urn, 2
            if theme is not None:
                parent = f"{urn}:{theme_slug(theme)}"
                depth = 3
                theme_node: dict[str, Any] = {
                    "urn": parent,
                    "assessable": False,
                    "depth": 2,
                    "parent_urn": urn,
                    "name": theme,
                    "implementation_groups": [area.kind],
                }
                name = translated.theme(theme) if translated is not None else None
                self._translated(theme_node, name=name)
                self.nodes.append(theme_node)
            for requirement in requirements:
                self._requirement(requirement, area, parent, depth)

    def _requirement(
        self, requirement: Requirement, area: Area, parent: str, depth: int
    ) -> None:
        node: dict[str, Any] = {
            "urn": f"{self.prefix}:{requirement.id}",
            "assessable": True,
            "depth": depth,
            "parent_urn": parent,
            "ref_id": requirement.id,
            "name": requirement_name(requirement.full_text),
            "description": requirement.full_text,
        }
        evidence = _evidence(
            requirement.evidence,
            [
                (checkpoint.id, checkpoint.text)
                for checkpoint in requirement.checkpoints
            ],
        )
        if evidence is not None:
            node["typical_evidence"] = evidence
        node["implementation_groups"] = [area.kind]
        node["weight"] = self.weights[requirement.id]
        if self.translation is not None:
            self._translate_requirement(
                node, requirement, self.translation.requirement(requirement.id)
            )
        self.nodes.append(node)

    def _translate_requirement(
        self,
        node: dict[str, Any],
        requirement: Requirement,
        translated: RequirementTranslation | None,
    ) -> None:
        assert self.translation is not None  # noqa: S101 - checked by the caller
        checkpoints = []
        for checkpoint in requirement.checkpoints:
            found = self.translation.checkpoint(checkpoint.id)
            if found is not None:
                checkpoints.append((checkpoint.id, found.text))
        text = translated.full_text if translated is not None else None
        self._translated(
            node,
            name=requirement_name(text) if text is not None else None,
            description=text,
            typical_evidence=_evidence(
                translated.evidence if translated is not None else None, checkpoints
            ),
        )


def _evidence(clause: str | None, checkpoints: list[tuple[str, str]]) -> str | None:
    """
    The evidence clause, then the checkpoints, one a line (``- 5.3.a
    text``), or ``None`` if there is neither.
    """
    lines = [clause] if clause else []
    if checkpoints:
        if lines:
            lines.append("")
        lines += [f"- {cid}: {text}" for cid, text in checkpoints]
    return "\n".join(lines) if lines else None
