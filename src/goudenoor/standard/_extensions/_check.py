"""
Everything that keeps an extension from being applied to a standard.
"""

from __future__ import annotations

from collections.abc import Mapping

from goudenoor._checks import checked
from goudenoor._moved import warn
from goudenoor.exceptions import ModelError
from goudenoor.problems import (
    PathElement,
    Problem,
    Problems,
    close_matches,
    did_you_mean,
    format_path,
)
from goudenoor.standard._extensions._edits import (
    Recorder,
    override_area,
    override_fields,
    override_requirement,
    touched_items,
)
from goudenoor.standard._extensions._types import Extension, bare_id, namespace_of
from goudenoor.standard._model import (
    Requirement,
    Standard,
)


__all__ = [
    "extension_problems",
]


def __dir__() -> list[str]:
    return __all__


@checked
def extension_problems(
    extension: Extension | Standard, standard: Standard | Extension
) -> list[Problem]:
    """
    Everything that keeps *extension* from being applied to *standard*,
    each with its path in the extension file.

    The thing checked comes first, as in every ``*_problems`` function;
    the old order, ``extension_problems(standard, extension)``, keeps
    working for this release (deprecated).
    """
    if isinstance(extension, Standard) and isinstance(standard, Extension):
        warn(
            "extension_problems(standard, extension)",
            "extension_problems(extension, standard)",
        )
        extension, standard = standard, extension
    if not isinstance(extension, Extension) or not isinstance(standard, Standard):
        msg = (
            "extension_problems() takes an Extension and a Standard, got "
            f"{type(extension).__name__} and {type(standard).__name__}"
        )
        raise TypeError(msg)
    return _problems(extension, standard)


def _problems(extension: Extension, standard: Standard) -> list[Problem]:
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
        if namespace_of(requirement.id) != extension.id:
            found.add(
                f"expected an id in the extension's namespace, like "
                f"'{extension.id}:{bare_id(requirement.id)}' (got {requirement.id!r})",
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
            if namespace_of(checkpoint.id) != extension.id:
                found.add(
                    "expected an id in the extension's namespace, like "
                    f"'{extension.id}:{bare_id(checkpoint.id)}' "
                    f"(got {checkpoint.id!r})",
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
        if namespace_of(checkpoint.id) != extension.id:
            found.add(
                f"expected an id in the extension's namespace, like "
                f"'{extension.id}:{bare_id(checkpoint.id)}' (got {checkpoint.id!r})",
                *path,
                "id",
            )
        if not bare_id(checkpoint.id).startswith(bare_id(checkpoint.requirement) + "."):
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
        if not override_fields(override, ("text", "lead", "evidence", "weight")):
            found.add("changes nothing (give text, lead, evidence or weight)", *path)
        if override.weight is not None and not override.weight > 0:
            found.add(
                f"must be a number > 0 (got {override.weight!r})", *path, "weight"
            )
        target = requirements.get(override.id)
        if target is not None and len(found) == before:
            try:
                override_requirement(target, override, Recorder(extension.id))
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
        if not override_fields(area_override, ("name", "points")):
            found.add("changes nothing (give name or points)", *path)
        if area_override.points is not None and area_override.points < 0:
            found.add(f"must be >= 0 (got {area_override.points!r})", *path, "points")
        area = areas.get(area_override.id)
        if area is not None and len(found) == before:
            try:
                override_area(area, area_override, Recorder(extension.id))
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
    for item, path in touched_items(extension):
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
