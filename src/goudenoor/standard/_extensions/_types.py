"""
What an extension is: its classes and its file format marker (the rule
that tells a file reference from an installed extension's name is
``standard/_reference.py``, re-exported here).
"""

from __future__ import annotations

import re

import attrs

from goudenoor._checks import typed_fields
from goudenoor.exceptions import ModelError
from goudenoor.problems import (
    Locator,
    Problem,
)
from goudenoor.standard._model import (
    Influence,
    RecognitionScheme,
    Requirement,
    Scale,
    Source,
)
from goudenoor.standard._reference import is_file_reference


__all__ = [
    "EXTENSION_FORMAT",
    "AddedCheckpoint",
    "Additions",
    "AreaOverride",
    "Extension",
    "InfluenceRemoval",
    "Overrides",
    "Removals",
    "RequirementOverride",
    "RequirementRemoval",
    "is_file_reference",
]


def __dir__() -> list[str]:
    return __all__


EXTENSION_FORMAT = "extension/1"
"""The format marker of extension files."""

_SLUG = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AddedCheckpoint:
    """
    A new checkpoint on an existing requirement.

    Attributes:
        requirement: The requirement's id.
        id: ``<extension>:<requirement id>.<letter>``.
        text: What to look for.
    """

    requirement: str
    id: str
    text: str


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Additions:
    """
    What an extension adds.

    Attributes:
        requirements: New requirements, each in an area of the edition.
        checkpoints: New checkpoints of existing requirements.
        influences: New influence edges.
        scales: New rating scales.
        recognition_schemes: New recognition schemes.
    """

    requirements: tuple[Requirement, ...] = ()
    checkpoints: tuple[AddedCheckpoint, ...] = ()
    influences: tuple[Influence, ...] = ()
    scales: tuple[Scale, ...] = ()
    recognition_schemes: tuple[RecognitionScheme, ...] = ()


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RequirementOverride:
    """
    New texts or weight for an existing requirement (fields left ``None``
    stay as they are).

    Attributes:
        id: The requirement's id.
        text: Its new text.
        lead: Its new lead.
        evidence: Its new evidence clause.
        weight: Its new weight in its area.
        reason: Why it changes.
    """

    id: str
    text: str | None = None
    lead: str | None = None
    evidence: str | None = None
    weight: float | None = None
    reason: str | None = None


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AreaOverride:
    """
    A new name or points for an existing area.

    Attributes:
        id: The area's id.
        name: Its new name.
        points: Its new points.
        reason: Why it changes.
    """

    id: str
    name: str | None = None
    points: float | None = None
    reason: str | None = None


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Overrides:
    """
    What an extension changes.

    Attributes:
        requirements: Changed requirements.
        areas: Changed areas.
    """

    requirements: tuple[RequirementOverride, ...] = ()
    areas: tuple[AreaOverride, ...] = ()


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RequirementRemoval:
    """
    A requirement the extension drops, and why.

    Attributes:
        id: The requirement's id.
        reason: Why it is dropped.
    """

    id: str
    reason: str


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class InfluenceRemoval:
    """
    An influence edge the extension drops, and why.

    Attributes:
        source: The organisation area the edge leaves.
        target: The result area it enters.
        reason: Why it is dropped.
    """

    source: str
    target: str
    reason: str


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Removals:
    """
    What an extension drops.

    Attributes:
        requirements: Dropped requirements.
        influences: Dropped influence edges.
    """

    requirements: tuple[RequirementRemoval, ...] = ()
    influences: tuple[InfluenceRemoval, ...] = ()


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Extension:
    """
    A sector extension of one or more editions.

    Attributes:
        id: Short lowercase id; the namespace of every id it adds.
        title: Human-readable title.
        version: The extension's own version.
        targets: The edition ids it applies to.
        description: What it is for.
        sources: Sources its new items refer to.
        add: New requirements, checkpoints, edges, scales and schemes.
        override: Changed requirement texts and area names or points.
        remove: Dropped requirements and edges.
        origin: The file it was read from, if any (not part of equality).
        locate: Gives problems found in it their line and column in that
            file; set by the loader (not part of equality, not in files).
    """

    id: str
    title: str
    version: str
    targets: tuple[str, ...]
    description: str = ""
    sources: tuple[Source, ...] = ()
    add: Additions = Additions()
    override: Overrides = Overrides()
    remove: Removals = Removals()
    origin: str | None = attrs.field(default=None, eq=False, repr=False)
    locate: Locator | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        problems = []
        if not _SLUG.fullmatch(self.id):
            problems.append(
                Problem(
                    message=f"{self.id!r} is not a well-formed extension id "
                    "(lowercase letters, digits, - and _)",
                    path=("id",),
                )
            )
        if not self.targets:
            problems.append(
                Problem(message="needs at least one edition", path=("targets",))
            )
        if problems:
            raise ModelError(problems)


def namespace_of(identifier: str) -> str | None:
    namespace, sep, _ = identifier.rpartition(":")
    return namespace if sep else None


def bare_id(identifier: str) -> str:
    return identifier.rpartition(":")[2]
