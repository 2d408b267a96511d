"""
Sector extensions: add, change and drop items of an edition without
forking it.

An extension is a YAML file (format ``extension/1``), or a Python package
exposing one through the entry point group ``goudenoor.extensions``.
:func:`apply_extension` returns a new :class:`~goudenoor.model.Standard`
and records every change it made in ``Standard.changes``; the base
Standard is never modified.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import attrs

from .exceptions import ExtensionError, ModelError
from .model import (
    Area,
    Change,
    ChangeAction,
    Checkpoint,
    Influence,
    RecognitionScheme,
    Requirement,
    Scale,
    Source,
    Standard,
)
from .problems import (
    Locator,
    PathElement,
    Problem,
    Problems,
    close_matches,
    did_you_mean,
    format_path,
)


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
    "apply_extension",
    "extension_problems",
]


def __dir__() -> list[str]:
    return __all__


EXTENSION_FORMAT = "extension/1"
"""The format marker of extension files."""

_SLUG = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*")


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
class Additions:
    """
    What an extension adds.
    """

    requirements: tuple[Requirement, ...] = ()
    checkpoints: tuple[AddedCheckpoint, ...] = ()
    influences: tuple[Influence, ...] = ()
    scales: tuple[Scale, ...] = ()
    recognition_schemes: tuple[RecognitionScheme, ...] = ()


@attrs.frozen(kw_only=True)
class RequirementOverride:
    """
    New texts or weight for an existing requirement (fields left ``None``
    stay as they are).
    """

    id: str
    text: str | None = None
    lead: str | None = None
    evidence: str | None = None
    weight: float | None = None
    reason: str | None = None


@attrs.frozen(kw_only=True)
class AreaOverride:
    """
    A new name or points for an existing area.
    """

    id: str
    name: str | None = None
    points: float | None = None
    reason: str | None = None


@attrs.frozen(kw_only=True)
class Overrides:
    """
    What an extension changes.
    """

    requirements: tuple[RequirementOverride, ...] = ()
    areas: tuple[AreaOverride, ...] = ()


@attrs.frozen(kw_only=True)
class RequirementRemoval:
    """
    A requirement the extension drops, and why.
    """

    id: str
    reason: str


@attrs.frozen(kw_only=True)
class InfluenceRemoval:
    """
    An influence edge the extension drops, and why.
    """

    source: str
    target: str
    reason: str


@attrs.frozen(kw_only=True)
class Removals:
    """
    What an extension drops.
    """

    requirements: tuple[RequirementRemoval, ...] = ()
    influences: tuple[InfluenceRemoval, ...] = ()


@attrs.frozen(kw_only=True)
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


def _ns(identifier: str) -> str | None:
    namespace, sep, _ = identifier.rpartition(":")
    return namespace if sep else None


def _bare(identifier: str) -> str:
    return identifier.rpartition(":")[2]


def extension_problems(standard: Standard, extension: Extension) -> list[Problem]:
    """
    Everything that keeps *extension* from being applied to *standard*,
    each with its path in the extension file.
    """
    found = Problems()
    if standard.id not in extension.targets:
        found.add(
            f"the extension targets {list(extension.targets)}, not {standard.id!r}",
            "targets",
        )
    if extension.id in standard.extensions:
        found.add(f"extension {extension.id!r} is already applied", "id")
    known_sources = {s.id for s in standard.sources}
    for i, source in enumerate(extension.sources):
        if source.id in known_sources:
            found.add(
                f"source {source.id!r} already exists in {standard.id}",
                "sources",
                i,
                "id",
            )
    sources = known_sources | {s.id for s in extension.sources}
    added = _check_added_requirements(standard, extension, sources, found)
    _check_added_checkpoints(standard, extension, added, found)
    _check_influences(standard, extension, found)
    _check_scales_and_schemes(standard, extension, found)
    _check_overrides(standard, extension, found)
    _check_removals(standard, extension, found)
    _check_repeats(extension, found)
    return found.list()


def _check_added_requirements(
    standard: Standard, extension: Extension, sources: set[str], found: Problems
) -> dict[str, Requirement]:
    areas = {area.id: area for area in standard.areas}
    existing = {r.id for r in standard.requirements}
    added: dict[str, Requirement] = {}
    for i, requirement in enumerate(extension.add.requirements):
        path: tuple[PathElement, ...] = ("add", "requirements", i)
        if _ns(requirement.id) != extension.id:
            found.add(
                f"expected an id in the extension's namespace, like "
                f"'{extension.id}:{_bare(requirement.id)}' (got {requirement.id!r})",
                *path,
                "id",
            )
        area = areas.get(requirement.area_id)
        if area is None:
            found.add(
                f"unknown area {requirement.area_id!r} (expected one of {list(areas)})",
                *path,
                "id",
            )
        elif requirement.theme is not None and requirement.theme not in {
            t.name for t in area.themes
        }:
            themes = [t.name for t in area.themes]
            found.add(
                f"unknown theme {requirement.theme!r} in area {area.id} of "
                f"{standard.id} (expected one of {themes} or null)",
                *path,
                "theme",
            )
        if requirement.id in existing or requirement.id in added:
            found.add(f"requirement {requirement.id!r} already exists", *path, "id")
        for j, checkpoint in enumerate(requirement.checkpoints):
            if _ns(checkpoint.id) != extension.id:
                found.add(
                    f"expected an id in the extension's namespace, like "
                    f"'{extension.id}:{_bare(checkpoint.id)}' (got {checkpoint.id!r})",
                    *path,
                    "checkpoints",
                    j,
                    "id",
                )
        if requirement.source not in sources:
            found.add(
                f"unknown source {requirement.source!r} "
                f"(expected one of {sorted(sources)})",
                *path,
                "source",
            )
        added[requirement.id] = requirement
    return added


def _check_added_checkpoints(
    standard: Standard,
    extension: Extension,
    added: Mapping[str, Requirement],
    found: Problems,
) -> None:
    # Checkpoint ids are unique across the standard with the extension
    # applied: those of the edition, of earlier extensions and of the
    # requirements this one adds.
    existing = {r.id: r for r in standard.requirements}
    taken = {c.id for r in existing.values() for c in r.checkpoints}
    for i, requirement in enumerate(extension.add.requirements):
        for j, own in enumerate(requirement.checkpoints):
            # A requirement that exists already is reported as such.
            if own.id in taken and requirement.id not in existing:
                found.add(
                    f"checkpoint {own.id!r} already exists",
                    *("add", "requirements", i, "checkpoints", j, "id"),
                )
            taken.add(own.id)
    requirements = existing | dict(added)
    for i, checkpoint in enumerate(extension.add.checkpoints):
        path: tuple[PathElement, ...] = ("add", "checkpoints", i)
        if checkpoint.requirement not in requirements:
            found.add(
                _unknown("requirement", checkpoint.requirement, requirements, standard),
                *path,
                "requirement",
            )
        if _ns(checkpoint.id) != extension.id:
            found.add(
                f"expected an id in the extension's namespace, like "
                f"'{extension.id}:{_bare(checkpoint.id)}' (got {checkpoint.id!r})",
                *path,
                "id",
            )
        if not _bare(checkpoint.id).startswith(_bare(checkpoint.requirement) + "."):
            found.add(
                f"checkpoint id {checkpoint.id!r} does not start with its "
                f"requirement id {checkpoint.requirement!r}",
                *path,
                "id",
            )
        if checkpoint.id in taken:
            found.add(f"checkpoint {checkpoint.id!r} already exists", *path, "id")
        taken.add(checkpoint.id)


def _check_influences(
    standard: Standard, extension: Extension, found: Problems
) -> None:
    kinds = {area.id: area.kind for area in standard.areas}
    edges = {(i.source, i.target) for i in standard.influences}
    removed = {(r.source, r.target) for r in extension.remove.influences}
    for i, influence in enumerate(extension.add.influences):
        path: tuple[PathElement, ...] = ("add", "influences", i)
        if kinds.get(influence.source) != "organisation":
            found.add(
                f"area {influence.source!r} is not an organisation area of "
                f"{standard.id}",
                *path,
                "source",
            )
        if kinds.get(influence.target) != "result":
            found.add(
                f"area {influence.target!r} is not a result area of {standard.id}",
                *path,
                "target",
            )
        pair = (influence.source, influence.target)
        if pair in edges and pair not in removed:
            found.add(
                f"influence {influence.source} -> {influence.target} already exists "
                "(remove it first to replace it)",
                *path,
            )
        edges.add(pair)
    for i, removal in enumerate(extension.remove.influences):
        if (removal.source, removal.target) not in {
            (e.source, e.target) for e in standard.influences
        }:
            found.add(
                f"no influence {removal.source} -> {removal.target} to remove in "
                f"{standard.id}",
                "remove",
                "influences",
                i,
            )


def _check_scales_and_schemes(
    standard: Standard, extension: Extension, found: Problems
) -> None:
    scales = {s.id for s in standard.scales}
    for i, scale in enumerate(extension.add.scales):
        if scale.id in scales:
            found.add(f"scale {scale.id!r} already exists", "add", "scales", i, "id")
        scales.add(scale.id)
    schemes = {s.id for s in standard.recognition_schemes}
    for i, scheme in enumerate(extension.add.recognition_schemes):
        if scheme.id in schemes:
            found.add(
                f"recognition scheme {scheme.id!r} already exists",
                "add",
                "recognition_schemes",
                i,
                "id",
            )
        schemes.add(scheme.id)


def _check_overrides(standard: Standard, extension: Extension, found: Problems) -> None:
    requirements = {r.id: r for r in standard.requirements}
    for i, override in enumerate(extension.override.requirements):
        path: tuple[PathElement, ...] = ("override", "requirements", i)
        before = len(found)
        if override.id not in requirements:
            found.add(
                _unknown(
                    "requirement", override.id, requirements, standard, "override"
                ),
                *path,
                "id",
            )
        if not _override_fields(override, ("text", "lead", "evidence", "weight")):
            found.add("changes nothing (give text, lead, evidence or weight)", *path)
        if override.weight is not None and not override.weight > 0:
            found.add(
                f"must be a number > 0 (got {override.weight!r})", *path, "weight"
            )
        target = requirements.get(override.id)
        if target is not None and len(found) == before:
            try:
                _override_requirement(target, override, _Recorder(extension.id))
            except ModelError as exc:
                _add_model_problems(exc, path, found)
    _check_area_overrides(standard, extension, found)


def _check_area_overrides(
    standard: Standard, extension: Extension, found: Problems
) -> None:
    areas = {area.id: area for area in standard.areas}
    for i, area_override in enumerate(extension.override.areas):
        path: tuple[PathElement, ...] = ("override", "areas", i)
        before = len(found)
        if area_override.id not in areas:
            found.add(
                f"no area {area_override.id!r} to override in {standard.id} "
                f"(expected one of {sorted(areas, key=int)})",
                *path,
                "id",
            )
        if not _override_fields(area_override, ("name", "points")):
            found.add("changes nothing (give name or points)", *path)
        if area_override.points is not None and area_override.points < 0:
            found.add(f"must be >= 0 (got {area_override.points!r})", *path, "points")
        area = areas.get(area_override.id)
        if area is not None and len(found) == before:
            try:
                _override_area(area, area_override, _Recorder(extension.id))
            except ModelError as exc:
                _add_model_problems(exc, path, found)


def _add_model_problems(
    exc: ModelError, path: tuple[PathElement, ...], found: Problems
) -> None:
    """
    Record, at *path* in the extension, what the model refuses in the item
    an override would make (an empty name, say).
    """
    for problem in exc.problems:
        found.add(problem.message, *path, *problem.path)


def _check_repeats(extension: Extension, found: Problems) -> None:
    """
    Each item is overridden or removed at most once by one extension: a
    second entry would silently replace or undo the first.
    """
    verbs = {"override": "overridden", "remove": "removed"}
    first: dict[str, tuple[PathElement, ...]] = {}
    for item, path in _touched(extension):
        if path[0] not in verbs:
            continue
        earlier = first.setdefault(item, path)
        if earlier is not path:
            found.add(
                f"{item} is already {verbs[str(earlier[0])]} at "
                f"{format_path(earlier)} (give each item once)",
                *path,
            )


def _check_removals(standard: Standard, extension: Extension, found: Problems) -> None:
    requirements = {r.id: r for r in standard.requirements}
    removed: dict[str, set[str]] = {}
    added: dict[str, int] = {}
    for requirement in extension.add.requirements:
        added[requirement.area_id] = added.get(requirement.area_id, 0) + 1
    for i, removal in enumerate(extension.remove.requirements):
        path: tuple[PathElement, ...] = ("remove", "requirements", i)
        if removal.id not in requirements:
            found.add(
                _unknown("requirement", removal.id, requirements, standard, "remove"),
                *path,
                "id",
            )
            continue
        if not removal.reason.strip():
            found.add("a removal needs a reason", *path, "reason")
        area_id = requirements[removal.id].area_id
        gone = removed.setdefault(area_id, set())
        if removal.id in gone:
            continue  # a repeated removal: _check_repeats reports it
        gone.add(removal.id)
        area = standard.area(area_id)
        if len(gone) >= len(area.requirements) + added.get(area_id, 0):
            found.add(
                f"area {area_id} ({area.name}) would have no requirements left",
                *path,
                "id",
            )


def _override_fields(item: object, names: Sequence[str]) -> list[str]:
    return [name for name in names if getattr(item, name) is not None]


def _unknown(
    kind: str,
    key: str,
    known: Mapping[str, object],
    standard: Standard,
    purpose: str | None = None,
) -> str:
    matches = close_matches(key, known)
    removed = [
        c
        for c in standard.changes
        if c.action == "remove" and c.item == f"{kind} {key}"
    ]
    message = (
        f"unknown {kind} {key!r} in {standard.id}"
        if purpose is None
        else f"no {kind} {key!r} to {purpose} in {standard.id}"
    )
    if removed:
        message += f" (removed by extension {removed[0].extension!r})"
    else:
        message += did_you_mean(matches)
    return message


def _touched(extension: Extension) -> Iterator[tuple[str, tuple[PathElement, ...]]]:
    """
    The items an extension changes, with the path of the change.
    """
    for i, r in enumerate(extension.add.requirements):
        yield f"requirement {r.id}", ("add", "requirements", i)
    for i, c in enumerate(extension.add.checkpoints):
        yield f"checkpoint {c.id}", ("add", "checkpoints", i)
    for i, edge in enumerate(extension.add.influences):
        yield f"influence {edge.source}->{edge.target}", ("add", "influences", i)
    for i, s in enumerate(extension.add.scales):
        yield f"scale {s.id}", ("add", "scales", i)
    for i, sc in enumerate(extension.add.recognition_schemes):
        yield f"recognition scheme {sc.id}", ("add", "recognition_schemes", i)
    for i, o in enumerate(extension.override.requirements):
        yield f"requirement {o.id}", ("override", "requirements", i)
    for i, a in enumerate(extension.override.areas):
        yield f"area {a.id}", ("override", "areas", i)
    for i, rr in enumerate(extension.remove.requirements):
        yield f"requirement {rr.id}", ("remove", "requirements", i)
    for i, ir in enumerate(extension.remove.influences):
        yield f"influence {ir.source}->{ir.target}", ("remove", "influences", i)


def apply_extension(
    standard: Standard, extension: Extension, *more: Extension
) -> Standard:
    """
    A new Standard with *extension* (and *more*, in order) applied.

    The base *standard* is not changed. Every change is recorded in the
    new Standard's ``changes`` and its id in ``extensions``.

    Raises:
        ExtensionError: With every problem of every extension, each with
            its file, line and path; two extensions that change the same
            item conflict.

    >>> import goudenoor as go
    >>> std = go.load_standard("gos-2012")
    >>> ext = go.Extension(id="demo", title="Demo", version="1", targets=("gos-2012",),
    ...     remove=go.Removals(requirements=(
    ...         go.RequirementRemoval(id="9.2", reason="Niet van toepassing."),)))
    >>> len(go.apply_extension(std, ext).requirements), len(std.requirements)
    (28, 29)
    """
    result = standard
    problems: list[Problem] = []
    owners: dict[str, str] = {}
    for current in (extension, *more):
        found = extension_problems(result, current)
        for item, path in _touched(current):
            owner = owners.get(item)
            if owner is not None and owner != current.id:
                found.append(
                    Problem(
                        message=f"{item} is also changed by extension {owner!r}",
                        path=path,
                    )
                )
            owners.setdefault(item, current.id)
        if found:
            problems.extend(_located(found, current))
            continue
        result = _apply(result, current)
    if problems:
        sources = {p.source for p in problems}
        raise ExtensionError(problems, sources.pop() if len(sources) == 1 else None)
    return result


def _located(problems: list[Problem], extension: Extension) -> list[Problem]:
    name = extension.origin or f"extension {extension.id}"
    if extension.locate is not None:
        problems = extension.locate(problems)
    return [attrs.evolve(problem, source=name) for problem in problems]


class _Recorder:
    """
    Collects the changes one extension makes.
    """

    def __init__(self, extension: str) -> None:
        self.extension = extension
        self.changes: list[Change] = []

    def __call__(self, action: ChangeAction, item: str, **fields: str | None) -> None:
        self.changes.append(
            Change(extension=self.extension, action=action, item=item, **fields)
        )


def _apply(standard: Standard, extension: Extension) -> Standard:
    record = _Recorder(extension.id)
    areas = _apply_to_areas(standard, extension, record)
    influences = _apply_to_influences(standard, extension, record)
    for scale in extension.add.scales:
        record("add", f"scale {scale.id}", new=scale.name)
    for scheme in extension.add.recognition_schemes:
        record("add", f"recognition scheme {scheme.id}", new=scheme.name)
    try:
        return attrs.evolve(
            standard,
            areas=areas,
            sources=(*standard.sources, *extension.sources),
            influences=influences,
            scales=(*standard.scales, *extension.add.scales),
            recognition_schemes=(
                *standard.recognition_schemes,
                *extension.add.recognition_schemes,
            ),
            extensions=(*standard.extensions, extension.id),
            changes=(*standard.changes, *record.changes),
        )
    except ModelError as exc:  # pragma: no cover - extension_problems checks first
        source = extension.origin or f"extension {extension.id}"
        raise ExtensionError(exc.problems, source) from exc


def _apply_to_areas(
    standard: Standard, extension: Extension, record: _Recorder
) -> tuple[Area, ...]:
    removed = {r.id: r for r in extension.remove.requirements}
    overrides = {o.id: o for o in extension.override.requirements}
    new_checkpoints: dict[str, list[Checkpoint]] = {}
    for checkpoint in extension.add.checkpoints:
        new_checkpoints.setdefault(checkpoint.requirement, []).append(
            Checkpoint(id=checkpoint.id, text=checkpoint.text)
        )
        record("add", f"checkpoint {checkpoint.id}", new=checkpoint.text)
    area_overrides = {a.id: a for a in extension.override.areas}
    by_area: dict[str, list[Requirement]] = {}
    for requirement in extension.add.requirements:
        by_area.setdefault(requirement.area_id, []).append(requirement)
    areas: list[Area] = []
    for area in standard.areas:
        kept: list[Requirement] = []
        own = by_area.get(area.id, [])
        own_ids = {r.id for r in own}
        for requirement in (*area.requirements, *own):
            if requirement.id in removed:
                record(
                    "remove",
                    f"requirement {requirement.id}",
                    old=requirement.full_text,
                    reason=removed[requirement.id].reason,
                )
                continue
            if requirement.id in own_ids:
                record(
                    "add", f"requirement {requirement.id}", new=requirement.full_text
                )
            changed = _override_requirement(
                requirement, overrides.get(requirement.id), record
            )
            extra = new_checkpoints.get(requirement.id, [])
            kept.append(
                attrs.evolve(changed, checkpoints=(*changed.checkpoints, *extra))
                if extra
                else changed
            )
        areas.append(
            _override_area(
                attrs.evolve(area, requirements=tuple(kept)),
                area_overrides.get(area.id),
                record,
            )
        )
    return tuple(areas)


def _apply_to_influences(
    standard: Standard, extension: Extension, record: _Recorder
) -> tuple[Influence, ...]:
    dropped = {(r.source, r.target): r for r in extension.remove.influences}
    influences = []
    for edge in standard.influences:
        removal = dropped.get((edge.source, edge.target))
        if removal is None:
            influences.append(edge)
        else:
            record(
                "remove",
                f"influence {edge.source}->{edge.target}",
                old=edge.rationale,
                reason=removal.reason,
            )
    for edge in extension.add.influences:
        record("add", f"influence {edge.source}->{edge.target}", new=edge.rationale)
    return (*influences, *extension.add.influences)


def _override_requirement(
    requirement: Requirement, override: RequirementOverride | None, record: _Recorder
) -> Requirement:
    if override is None:
        return requirement
    fields = {
        name: getattr(override, name)
        for name in _override_fields(override, ("text", "lead", "evidence", "weight"))
    }
    for name, value in fields.items():
        record(
            "override",
            f"requirement {requirement.id}",
            field=name,
            old=_text(getattr(requirement, name)),
            new=_text(value),
            reason=override.reason,
        )
    return attrs.evolve(requirement, **fields)


def _override_area(
    area: Area, override: AreaOverride | None, record: _Recorder
) -> Area:
    if override is None:
        return area
    fields: dict[str, Any] = {}
    if override.points is not None:
        fields["points"] = override.points
        record(
            "override",
            f"area {area.id}",
            field="points",
            old=f"{area.points:g}",
            new=f"{override.points:g}",
            reason=override.reason,
        )
    if override.name is not None:
        fields["name"] = override.name
        fields["aliases"] = (*area.aliases, area.name)
        record(
            "override",
            f"area {area.id}",
            field="name",
            old=area.name,
            new=override.name,
            reason=override.reason,
        )
    return attrs.evolve(area, **fields)


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def is_file_reference(reference: str | os.PathLike[str]) -> bool:
    """
    ``True`` if *reference* names an extension's file rather than an
    installed extension: a path object, or text with a folder separator or
    a ``.yaml``/``.yml`` suffix.
    """
    text = os.fspath(reference)
    return (
        not isinstance(reference, str)
        or "/" in text
        or os.sep in text
        or text.endswith((".yaml", ".yml"))
    )
