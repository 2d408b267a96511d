"""
The standard as a CISO Assistant library (issue 29).

CISO Assistant's loader needs its Django server and database, so its
library checks are reimplemented here from its source, read at commit
f990d7b1b9a9f56e391acbc247c9076262a11412 of
intuitem/ciso-assistant-community; each check cites the file and lines it
comes from. The same checks pass three of CISO Assistant's own libraries
(tests/data/ciso/), which shows they are not stricter than CISO Assistant,
and fail broken libraries, which shows they check something.

Score parity: CISO Assistant's default score of a compliance assessment
(``average``, backend/core/models.py lines 7820-7850 and 7946-7961) is

    truncate_one_decimal(min + sum(w * (s - min) / (max - min)) / sum(w) * (max - min))

over the assessable requirements that have a score and are not N/A
(lines 8019-8021), with ``w`` the requirement's weight (``weight or 1``,
line 7850) and ``truncate_one_decimal(v) = int(v * 10 + 1e-9) / 10``
(lines 81-87). The library scores from 0 to 100, a rating at its share of
the scale, and weighs each requirement by its share of the points, so
that average is the percentage of the maximum points earned: the GOS total
is that percentage of the standard's maximum points (100 for the shipped
editions: the score itself). The truncation costs less than 0.1.
"""

from __future__ import annotations

import datetime
import doctest
import hashlib
import itertools
import json
import random
import re
from collections import defaultdict
from pathlib import Path
from typing import Any, Final

import attrs
import pytest
import yaml
from hypothesis import given, settings, strategies as st

import goudenoor as go
from conftest import DATA, ROOT
from goudenoor.exceptions import OutputError
from goudenoor.files import dump_yaml
from goudenoor.interchange import (
    LIBRARY_REVISION,
    _ciso as ciso,
    ciso_assistant_average,
    ciso_assistant_score,
    to_ciso_assistant_library,
)
from helpers import run


ZORG = ROOT / "examples" / "goudenoor-zorg" / "src" / "goudenoor_zorg" / "zorg.yaml"
SHIPPED_LIBRARIES = sorted((DATA / "ciso").glob("*.yaml"))

# backend/core/models.py line 112.
URN_REGEX: Final = (
    r"^urn:([a-zA-Z0-9_-]+):([a-zA-Z0-9_-]+):([a-zA-Z0-9_-]+)"
    r"(?::([a-zA-Z0-9_-]+))?:([0-9A-Za-z\[\]\(\)\-\._:]+)$"
)
# backend/scripts/convert_library_v2.py line 38; backend/core/models.py
# lines 275-277 (ReferentialObjectMixin.name, max_length=200).
NAME_MAX_LENGTH: Final = 200


def library_problems(library: dict[str, Any]) -> list[str]:
    """
    What CISO Assistant would refuse in *library*, by its own checks.
    """
    # backend/core/models.py lines 465 and 493-500
    # (StoredLibrary.store_library_content): required library fields.
    required = {"urn", "name", "version", "objects"}
    problems = [
        f"library: missing {field}" for field in sorted(required - set(library))
    ]
    # backend/library/utils.py line 748 (LibraryImporter.REQUIRED_FIELDS).
    loader = {"ref_id", "urn", "locale", "objects", "version"}
    problems += [
        f"library: missing {field} (loader)" for field in sorted(loader - set(library))
    ]
    # backend/core/models.py lines 502-505: the URN, lowercased, matches
    # URN_REGEX; line 507: the version is an integer.
    urn = str(library.get("urn", "")).lower()
    if not re.match(URN_REGEX, urn):
        problems.append(f"library: badly formatted URN {urn!r}")
    if type(library.get("version")) is not int:
        problems.append(
            f"library: version {library.get('version')!r} is not an integer"
        )
    # backend/scripts/convert_library_v2.py lines 1872-1884.
    if len(str(library.get("name", ""))) > NAME_MAX_LENGTH:
        problems.append("library: name longer than 200 characters")
    objects = library.get("objects", {})
    # backend/library/utils.py lines 1016-1030: a framework is a dict or a
    # list of them.
    frameworks = objects.get("framework", objects.get("frameworks", []))
    if isinstance(frameworks, dict):
        frameworks = [frameworks]
    for framework in frameworks:
        problems += framework_problems(framework)
    return problems


def framework_problems(framework: dict[str, Any]) -> list[str]:  # noqa: C901, PLR0912, PLR0915 - idem
    # backend/library/utils.py lines 312 and 353-355
    # (FrameworkImporter.REQUIRED_FIELDS, init).
    problems = [
        f"framework: missing {field}"
        for field in sorted({"ref_id", "urn"} - set(framework))
    ]
    urn = str(framework.get("urn", "")).lower()
    if not re.match(URN_REGEX, urn):
        problems.append(f"framework: badly formatted URN {urn!r}")
    if len(str(framework.get("name") or "")) > NAME_MAX_LENGTH:
        problems.append("framework: name longer than 200 characters")
    # backend/library/utils.py lines 344-350 and 364-367: some nodes.
    nodes = framework.get("requirement_nodes", [])
    if not nodes:
        problems.append("framework: no requirement nodes")
    # backend/library/utils.py lines 379-390 (import_framework): score
    # bounds; backend/core/models.py lines 2826-2827: integers.
    low, high = framework.get("min_score", 0), framework.get("max_score", 100)
    if type(low) is not int or type(high) is not int:
        problems.append("framework: min_score and max_score must be integers")
    elif low > high or low < 0 or high < 0 or low == high:
        problems.append(f"framework: bad score bounds {low}..{high}")
    else:
        # backend/core/models.py lines 3152-3159 (RequirementNode.clean),
        # and the scores the frontend labels (frontend/src/lib/components/
        # Forms/Score.svelte lines 139-142): integers within the bounds.
        definition = framework.get("scores_definition") or []
        if isinstance(definition, dict):  # backend/library/utils.py lines 392-395
            definition = definition.get("scale", [])
        for entry in definition:
            score = entry.get("score")
            if type(score) is not int or not low <= score <= high:
                problems.append(f"framework: score {score!r} outside {low}..{high}")
    # backend/scripts/convert_library_v2.py lines 1546-1566: every
    # implementation group a node names is defined.
    defined = {
        str(group.get("ref_id", "")).strip()
        for group in framework.get("implementation_groups_definition") or []
    }
    seen: set[str] = set()
    depths: dict[str, int] = {}
    previous_depth = 0
    last_at_depth: dict[int, str] = {}
    for index, node in enumerate(nodes, 1):
        where = f"node {index}"
        # backend/library/utils.py lines 104 and 110-112
        # (RequirementNodeImporter.REQUIRED_FIELDS).
        if "urn" not in node:
            problems.append(f"{where}: missing urn")
            continue
        node_urn = node["urn"].lower()  # utils.py line 124
        if not re.match(URN_REGEX, node_urn):
            problems.append(f"{where}: badly formatted URN {node_urn!r}")
        # backend/core/models.py lines 266-268: URNs are unique.
        if node_urn in seen:
            problems.append(f"{where}: URN {node_urn!r} used twice")
        seen.add(node_urn)
        # backend/core/models.py line 2984: assessable is a boolean, not null.
        if type(node.get("assessable")) is not bool:
            problems.append(f"{where}: assessable must be true or false")
        # backend/core/models.py line 2988: an integer weight.
        if "weight" in node and type(node["weight"]) is not int:
            problems.append(f"{where}: weight {node['weight']!r} is not an integer")
        # backend/core/models.py lines 269-277: field lengths.
        if len(str(node.get("name") or "")) > NAME_MAX_LENGTH:
            problems.append(f"{where}: name longer than 200 characters")
        if len(str(node.get("ref_id") or "")) > 100:
            problems.append(f"{where}: ref_id longer than 100 characters")
        if (
            not node.get("name")
            and not node.get("description")
            and not node.get("ref_id")
        ):
            problems.append(f"{where}: neither ref_id, name nor description")
        problems += [
            f"{where}: implementation group {group!r} not defined"
            for group in node.get("implementation_groups") or []
            if group not in defined
        ]
        # backend/scripts/convert_library_v2.py lines 1294-1308 and 1397-1404:
        # a node is at most one level deeper than the one before it, and
        # its parent is the last node one level up.
        depth = node.get("depth", 1)
        if type(depth) is not int or depth < 1:
            problems.append(f"{where}: depth {depth!r} is not a positive integer")
            continue
        if depth > previous_depth + 1:
            problems.append(f"{where}: depth jumps from {previous_depth} to {depth}")
        parent = node.get("parent_urn")
        expected = last_at_depth.get(depth - 1) if depth > 1 else None
        if (parent.lower() if parent else None) != expected:
            problems.append(f"{where}: parent {parent!r}, expected {expected!r}")
        if parent and parent.lower() in depths and depths[parent.lower()] != depth - 1:
            problems.append(f"{where}: depth {depth} under a parent at another depth")
        depths.setdefault(node_urn, depth)
        last_at_depth[depth] = node_urn
        previous_depth = depth
    return problems


# The standards: each edition, with and without the sector pack.
def _standards() -> list[go.Standard]:
    pack = go.load_extension_file(ZORG)
    return [
        standard
        for edition in go.editions()
        for standard in (
            go.load_standard(edition),
            go.apply_extension(go.load_standard(edition), pack),
        )
    ]


STANDARDS: Final = _standards()
IDS: Final = [standard.label for standard in STANDARDS]


def _english(standard: go.Standard) -> go.Translation:
    return go.load_translation(standard.id, "en")


def _library(standard: go.Standard) -> dict[str, Any]:
    return to_ciso_assistant_library(standard, translation=_english(standard))


def _nodes(library: dict[str, Any]) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = library["objects"]["framework"]["requirement_nodes"]
    return nodes


class TestLibraryChecks:
    @pytest.mark.parametrize("standard", STANDARDS, ids=IDS)
    def test_exported_libraries_pass(self, standard: go.Standard) -> None:
        """
        Every edition's library, with and without the pack and with and
        without the translation, passes CISO Assistant's checks, also
        after a trip through YAML (what CISO Assistant reads).
        """
        for library in (to_ciso_assistant_library(standard), _library(standard)):
            assert [] == library_problems(library)
            assert [] == library_problems(yaml.safe_load(dump_yaml(library)))

    @pytest.mark.parametrize("path", SHIPPED_LIBRARIES, ids=lambda path: path.stem)
    def test_ciso_assistants_own_libraries_pass(self, path: Path) -> None:
        """
        Three of CISO Assistant's shipped libraries pass the same checks:
        they are not stricter than CISO Assistant.
        """
        library = yaml.safe_load(path.read_text(encoding="utf-8"))

        assert [] == library_problems(library)

    @pytest.mark.skipif(
        not (DATA / "ciso").is_dir(),
        reason="CISO Assistant's libraries (AGPL-3.0) are not in the sdist",
    )
    def test_three_shipped_libraries(self) -> None:
        assert 3 == len(SHIPPED_LIBRARIES)

    @pytest.mark.parametrize(
        ("break_it", "expected"),
        [
            (
                lambda lib: lib.update(urn="urn:goudenoor:library"),
                ["library: badly formatted URN 'urn:goudenoor:library'"],
            ),
            (
                lambda lib: lib.update(version="1"),
                ["library: version '1' is not an integer"],
            ),
            (
                lambda lib: lib.pop("locale"),
                ["library: missing locale (loader)"],
            ),
            (
                lambda lib: _nodes(lib)[1].update(
                    parent_urn="urn:goudenoor:risk:req_node:x:9"
                ),
                [
                    (
                        "node 2: parent 'urn:goudenoor:risk:req_node:x:9', "
                        "expected 'urn:goudenoor:risk:req_node:gos-2012:1'"
                    )
                ],
            ),
            (
                lambda lib: _nodes(lib)[1].update(depth=3),
                [
                    "node 2: depth jumps from 1 to 3",
                    (
                        "node 2: parent 'urn:goudenoor:risk:req_node:gos-2012:1', "
                        "expected None"
                    ),
                    "node 2: depth 3 under a parent at another depth",
                ],
            ),
            (
                lambda lib: _nodes(lib)[1].update(urn=_nodes(lib)[0]["urn"]),
                ["node 2: URN 'urn:goudenoor:risk:req_node:gos-2012:1' used twice"],
            ),
            (
                lambda lib: _nodes(lib)[1].update(implementation_groups=["stad"]),
                ["node 2: implementation group 'stad' not defined"],
            ),
            (
                lambda lib: _nodes(lib)[1].update(name="x" * 201),
                ["node 2: name longer than 200 characters"],
            ),
            (
                lambda lib: _nodes(lib)[1].update(weight=1.5),
                ["node 2: weight 1.5 is not an integer"],
            ),
            (
                lambda lib: lib["objects"]["framework"].update(min_score=100),
                ["framework: bad score bounds 100..100"],
            ),
            (
                lambda lib: lib["objects"]["framework"].update(max_score=4),
                [
                    "framework: score 25 outside 0..4",
                    "framework: score 50 outside 0..4",
                    "framework: score 75 outside 0..4",
                    "framework: score 100 outside 0..4",
                ],
            ),
        ],
        ids=[
            "urn",
            "version",
            "locale",
            "parent",
            "depth",
            "duplicate",
            "group",
            "name",
            "weight",
            "bounds",
            "scores",
        ],
    )
    def test_broken_libraries_fail(
        self, break_it: Any, expected: list[str], std2012: go.Standard
    ) -> None:
        """
        A bad URN, a parent that does not exist, a depth that jumps and
        the rest are found, each with its own message.
        """
        library = to_ciso_assistant_library(std2012)
        break_it(library)

        assert expected == library_problems(library)


class TestLibrary:
    def test_the_library_of_gos_2012(self, std2012: go.Standard) -> None:
        """
        The library's own fields, and the framework's scores and groups.
        """
        library = _library(std2012)
        framework = library["objects"]["framework"]

        assert {
            "urn": "urn:goudenoor:risk:library:gos-2012",
            "locale": "nl",
            "ref_id": "gos-2012",
            "name": "Gouden Oor Standaard 2012",
            "version": LIBRARY_REVISION,
            "provider": "Gouden Oor",
            "packager": "goudenoor",
        } == {
            key: library[key]
            for key in (
                "urn",
                "locale",
                "ref_id",
                "name",
                "version",
                "provider",
                "packager",
            )
        }
        assert "urn:goudenoor:risk:framework:gos-2012" == framework["urn"]
        assert (0, 100) == (framework["min_score"], framework["max_score"])
        assert [
            (0, "niet aanwezig", "not present"),
            (25, "aanzet", "a start"),
            (50, "deels", "partly"),
            (75, "grotendeels", "largely"),
            (100, "volledig en aantoonbaar", "fully and demonstrably"),
        ] == [
            (entry["score"], entry["name"], entry["translations"]["en"]["name"])
            for entry in framework["scores_definition"]
        ]
        assert [
            ("organisation", "Organisatiegebieden", "Gebieden 1, 2, 3, 4, 5"),
            ("result", "Resultaatgebieden", "Gebieden 6, 7, 8, 9"),
        ] == [
            (group["ref_id"], group["name"], group["description"])
            for group in framework["implementation_groups_definition"]
        ]

    def test_the_weights_of_gos_2012(self, std2012: go.Standard) -> None:
        """
        Area points / requirements in the area, times 42: 60, 84, 105,
        210 and 280 (field.md §4).
        """
        weights = {
            node["ref_id"]: node["weight"]
            for node in _nodes(_library(std2012))
            if node["assessable"]
        }

        assert {
            **dict.fromkeys(["1.1", "1.2", "1.3", "1.4", "1.5"], 84),
            **dict.fromkeys(["2.1", "2.2", "2.3", "2.4"], 210),
            **dict.fromkeys(["3.1", "3.2", "3.3"], 280),
            **dict.fromkeys(["4.1", "4.2"], 210),
            **dict.fromkeys(["5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7"], 60),
            **dict.fromkeys(["6.1", "6.2", "9.1", "9.2"], 210),
            **dict.fromkeys(["7.1", "7.2", "8.1", "8.2"], 105),
        } == weights

    def test_nodes_of_area_5(self, std2012: go.Standard) -> None:
        """
        The area, its themes (not assessable) and its requirements
        (assessable) in order, with parents and depths.
        """
        prefix = "urn:goudenoor:risk:req_node:gos-2012:"
        nodes = [
            node
            for node in _nodes(_library(std2012))
            if node["urn"].removeprefix(prefix).startswith("5")
        ]

        assert [
            ("5", False, 1, None),
            ("5:escaleren", False, 2, "5"),
            ("5.1", True, 3, "5:escaleren"),
            ("5.2", True, 3, "5:escaleren"),
            ("5:evalueren", False, 2, "5"),
            ("5.3", True, 3, "5:evalueren"),
            ("5:leren", False, 2, "5"),
            ("5.4", True, 3, "5:leren"),
            ("5.5", True, 3, "5:leren"),
            ("5.6", True, 3, "5:leren"),
            ("5.7", True, 3, "5:leren"),
        ] == [
            (
                node["urn"].removeprefix(prefix),
                node["assessable"],
                node["depth"],
                node.get("parent_urn", prefix).removeprefix(prefix) or None,
            )
            for node in nodes
        ]

    def test_a_requirement_node(self, std2012: go.Standard) -> None:
        """
        Requirement 5.3: the Dutch text, its start as the name, the
        evidence clause and checkpoints, the English translation.
        """
        requirement = std2012.requirement("5.3")
        english = _english(std2012)
        node = next(n for n in _nodes(_library(std2012)) if n.get("ref_id") == "5.3")
        checkpoints = "\n".join(f"- {c.id}: {c.text}" for c in requirement.checkpoints)
        english_checkpoints = "\n".join(
            f"- {c.id}: {english.checkpoint(c.id).text}"  # type: ignore[union-attr]
            for c in requirement.checkpoints
        )
        translated = english.requirement("5.3")
        assert translated is not None

        assert requirement.full_text == node["description"]
        assert ciso.requirement_name(requirement.full_text) == node["name"]
        assert f"{requirement.evidence}\n\n{checkpoints}" == node["typical_evidence"]
        assert ["organisation"] == node["implementation_groups"]
        assert {
            "name": ciso.requirement_name(translated.full_text),
            "description": translated.full_text,
            "typical_evidence": f"{translated.evidence}\n\n{english_checkpoints}",
        } == node["translations"]["en"]

    def test_names_are_the_start_of_the_text(self) -> None:
        """
        A long text is cut at a word before 120 characters, with an
        ellipsis; a short one is the name as it is.
        """
        text = "woord " * 30

        assert "Kort." == ciso.requirement_name("Kort.")
        assert ("woord " * 19).rstrip() + "…" == ciso.requirement_name(text)

    def test_the_pack_is_another_library(self, std2016: go.Standard) -> None:
        """
        A standard with a sector pack: its own URNs, its requirements
        weighed in, a theme's requirements gathered under it, and the
        pack's requirements without an English text left untranslated.
        """
        standard = go.apply_extension(std2016, go.load_extension_file(ZORG))
        library = _library(standard)
        prefix = "urn:goudenoor:risk:req_node:gos-2016.zorg:"
        order = [
            node["urn"].removeprefix(prefix)
            for node in _nodes(library)
            if node["urn"].removeprefix(prefix).startswith(("5", "zorg:5"))
        ]
        added = next(n for n in _nodes(library) if n.get("ref_id") == "zorg:5.8")

        assert "urn:goudenoor:risk:library:gos-2016.zorg" == library["urn"]
        assert "Gouden Oor Standaard 2016 met zorg" == library["name"]
        assert [
            "5",
            "5:evalueren",
            "5.1",
            "zorg:5.9",
            "5:leren",
            "5.2",
            "5.3",
            "5.4",
            "zorg:5.8",
            "5:innoveren",
            "5.5",
            "5.6",
        ] == order
        assert "translations" not in added
        assert f"{prefix}5:leren" == added["parent_urn"]

    def test_a_theme_with_accents(self) -> None:
        assert "ecoute-client" == ciso.theme_slug("Écoute · client")

    def test_deterministic(self, std2016: go.Standard) -> None:
        assert dump_yaml(_library(std2016)) == dump_yaml(_library(std2016))

    def test_doctests(self) -> None:
        failures, tried = doctest.testmod(ciso, raise_on_error=False, verbose=False)

        assert (0, True) == (failures, tried > 0)


# The content of each shipped edition's library (with the shipped English
# translation), without its version, for each LIBRARY_REVISION. Never edit
# a row: when a library changes, raise LIBRARY_REVISION and add its row, so
# that CISO Assistant takes the new library as an update (it keeps the old
# content, silently, for the same version: backend/core/models.py lines
# 536-544).
CONTENT: Final = {
    1: {
        "gos-2012": "909cdce3c5e3cb10c82ce72efd308041a680f39019e6062b3c0e61d30c900b3e",
        "gos-2016": "0232b842d19135eed2e4da7ea7e6dbeea6db7e730ec0cc920b3ca2bcd2d6fcc8",
    },
}


def _content(standard: go.Standard) -> str:
    library = _library(standard)
    del library["version"]
    text = json.dumps(library, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class TestVersion:
    @pytest.mark.parametrize("edition", go.editions())
    def test_the_version_changes_with_the_content(self, edition: str) -> None:
        """
        The library of a shipped edition is the content recorded for the
        current revision: a change needs a new revision.
        """
        assert CONTENT[LIBRARY_REVISION][edition] == _content(go.load_standard(edition))

    def test_revisions_only_grow_with_a_change(self) -> None:
        """
        Each revision is one more than the last and records other
        content than the one before.
        """
        revisions = sorted(CONTENT)

        assert list(range(1, LIBRARY_REVISION + 1)) == revisions
        for earlier, later in itertools.pairwise(revisions):
            assert CONTENT[earlier] != CONTENT[later]


class TestErrors:
    def test_a_scale_off_whole_percents_is_refused(self, std2012: go.Standard) -> None:
        """
        A default scale with a level that is not a whole percent of it
        (0 to 3: 33.3%) cannot be scored in CISO Assistant.
        """
        thirds = go.Scale(
            id="drie",
            name="Drie",
            levels=tuple(
                go.ScaleLevel(value=v, label=f"{v}") for v in (0.0, 1.0, 2.0, 3.0)
            ),
        )
        standard = attrs.evolve(std2012, scales=(thirds,), default_scale="drie")

        with pytest.raises(OutputError) as raised:
            to_ciso_assistant_library(standard)

        assert (
            "the scale drie cannot be scored in CISO Assistant: its level 1 is "
            "33.3333% of the scale, and CISO Assistant scores only whole numbers "
            "(expected levels at whole percents of the scale)"
        ) == str(raised.value)

    def test_half_steps_are_scored(self, std2012: go.Standard) -> None:
        """
        The conformity scale (0, 0.5, 1) scores 0, 50 and 100.
        """
        standard = attrs.evolve(std2012, default_scale="conformiteit")

        assert [0, 50, 100] == [
            entry["score"]
            for entry in to_ciso_assistant_library(standard)["objects"]["framework"][
                "scores_definition"
            ]
        ]

    def test_a_value_off_the_scale(self, std2012: go.Standard) -> None:
        with pytest.raises(OutputError) as raised:
            ciso_assistant_score(std2012, 5)

        assert (
            "5 is not a level of the scale gos-0-4 (expected one of 0, 1, 2, 3, 4)"
        ) == str(raised.value)

    def test_a_requirement_without_weight(self, std2012: go.Standard) -> None:
        """
        CISO Assistant counts a weight of 0 as 1, so none is written.
        """
        area = std2012.area("7")
        requirements = (
            attrs.evolve(area.requirements[0], weight=0.0),
            *area.requirements[1:],
        )
        areas = tuple(
            attrs.evolve(a, requirements=requirements) if a.id == "7" else a
            for a in std2012.areas
        )
        standard = attrs.evolve(std2012, areas=areas)

        with pytest.raises(OutputError) as raised:
            to_ciso_assistant_library(standard)

        assert (
            "requirement 7.1 weighs 0 points: CISO Assistant counts a weight of 0 "
            "as 1 (expected areas and requirements that weigh more than 0)"
        ) == str(raised.value)

    def test_a_translation_of_another_edition(self, std2012: go.Standard) -> None:
        with pytest.raises(OutputError) as raised:
            to_ciso_assistant_library(
                std2012, translation=go.load_translation("gos-2016", "en")
            )

        assert (
            "the translation is of gos-2016, not of gos-2012: expected a "
            "translation of the edition exported"
        ) == str(raised.value)


def ciso_average(library: dict[str, Any], scores: dict[str, int]) -> float:
    """
    CISO Assistant's ``average`` score of a compliance assessment with
    *scores* (requirement id -> score), by its rule (backend/core/models.py
    lines 7820-7850, 7946-7961 and 81-87, in the package as
    ``ciso_assistant_average``): unscored requirements skipped.
    """
    average = ciso_assistant_average(library, scores)
    assert average is not None
    return average


def _parity_gap(
    standard: go.Standard, library: dict[str, Any], values: list[float]
) -> float:
    ratings = dict(zip((r.id for r in standard.requirements), values, strict=True))
    assessment = go.Assessment(
        edition=standard.id,
        organisation="Gemeente Voorbeeld",
        date=datetime.date(2026, 10, 1),
        extensions=standard.extensions,
        ratings={rid: go.Rating(value=value) for rid, value in ratings.items()},
    )
    total = go.score(standard, assessment).total
    scores = {
        rid: ciso_assistant_score(standard, value) for rid, value in ratings.items()
    }
    ciso_points = ciso_average(library, scores) * standard.max_points / 100
    return abs(total - ciso_points)


LIBRARIES: Final = [to_ciso_assistant_library(standard) for standard in STANDARDS]


class TestScoreParity:
    @pytest.mark.parametrize("index", range(len(STANDARDS)), ids=IDS)
    def test_a_thousand_seeded_audits(self, index: int) -> None:
        """
        For 1,000 random complete audits without N/A per standard (a fixed
        seed), CISO Assistant's average on the exported weights is the GOS
        total within 0.1 point.
        """
        standard, library = STANDARDS[index], LIBRARIES[index]
        levels = standard.scale().values
        chance = random.Random(29)  # noqa: S311 - test data, not secrets
        gaps = [
            _parity_gap(
                standard,
                library,
                [chance.choice(levels) for _ in standard.requirements],
            )
            for _ in range(1_000)
        ]

        assert max(gaps) < 0.1

    @settings(max_examples=1_000, derandomize=True, deadline=None)
    @given(data=st.data())
    def test_any_complete_audit(self, data: st.DataObject) -> None:
        """
        The same for the audits Hypothesis chooses, on any of the
        standards (derandomized: the same 1,000 cases each run).
        """
        index = data.draw(st.integers(0, len(STANDARDS) - 1))
        standard = STANDARDS[index]
        levels = standard.scale().values
        values = data.draw(
            st.lists(
                st.sampled_from(levels),
                min_size=len(standard.requirements),
                max_size=len(standard.requirements),
            )
        )

        assert _parity_gap(standard, LIBRARIES[index], values) < 0.1

    def test_the_truncation_is_what_differs(self, std2012: go.Standard) -> None:
        """
        Every requirement at 3 but 5.1 at 2: 75 - 10/7 / 4 points in the
        GOS, 74.64...% in CISO Assistant, which shows it cut to 74.6.
        """
        values = [2.0 if r.id == "5.1" else 3.0 for r in std2012.requirements]
        scores = {
            r.id: ciso_assistant_score(std2012, value)
            for r, value in zip(std2012.requirements, values, strict=True)
        }
        gos = 75 - 10 / 7 / 4

        assert 4200 == sum(node.get("weight", 0) for node in _nodes(LIBRARIES[0]))
        assert 74.6 == ciso_average(LIBRARIES[0], scores)
        assert pytest.approx(gos - 74.6) == _parity_gap(std2012, LIBRARIES[0], values)


class TestCommand:
    def test_export_writes_the_library(self, tmp_path: Path) -> None:
        """
        ``goudenoor export ciso-assistant`` writes the library with the
        shipped English translation, as YAML that reads back equal.
        """
        out = tmp_path / "gos-2016.yaml"

        code, printed = run("export", "ciso-assistant", "gos-2016", "-o", str(out))

        assert (0, "") == (code, printed)
        assert _library(go.load_standard("gos-2016")) == yaml.safe_load(
            out.read_text(encoding="utf-8")
        )

    def test_export_with_the_pack(self) -> None:
        code, printed = run(
            "export", "ciso-assistant", "gos-2012", "--extension", str(ZORG)
        )
        library = yaml.safe_load(printed)

        assert 0 == code
        assert "urn:goudenoor:risk:library:gos-2012.zorg" == library["urn"]
        assert [] == library_problems(library)

    def test_an_existing_file_needs_force(self, tmp_path: Path) -> None:
        out = tmp_path / "lib.yaml"
        out.write_text("x\n", encoding="utf-8")

        refused, _ = run("export", "ciso-assistant", "gos-2012", "-o", str(out))
        forced, _ = run(
            "export", "ciso-assistant", "gos-2012", "-o", str(out), "--force"
        )

        assert (2, 0) == (refused, forced)
        assert (
            "urn: urn:goudenoor:risk:library:gos-2012\n"
            == out.read_text(encoding="utf-8").splitlines(keepends=True)[0]
        )


def test_groups_of_every_node_are_the_areas_kind(std2016: go.Standard) -> None:
    """
    Every node carries its area's kind as its implementation group, so
    choosing a group keeps whole areas.
    """
    kinds: dict[str, set[str]] = defaultdict(set)
    for node in _nodes(_library(std2016)):
        area = node["urn"].split(":")[5].split(".")[0]
        kinds[area].update(node["implementation_groups"])

    assert {area.id: {area.kind} for area in std2016.areas} == dict(kinds)
