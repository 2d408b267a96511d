"""
Applying extensions: a new Standard with every change recorded.
"""

from __future__ import annotations

import attrs

from goudenoor._checks import checked_except
from goudenoor.exceptions import ExtensionError, ModelError
from goudenoor.problems import (
    Problem,
    excerpt,
)
from goudenoor.standard._extensions._check import extension_problems
from goudenoor.standard._extensions._edits import (
    Recorder,
    override_area,
    override_requirement,
    touched_items,
)
from goudenoor.standard._extensions._types import Extension
from goudenoor.standard._model import (
    Area,
    Checkpoint,
    Influence,
    Requirement,
    Standard,
)


__all__ = [
    "apply_extension",
]


def __dir__() -> list[str]:
    return __all__


def _refuse_other_types(given: tuple[object, ...]) -> None:
    """
    Refuse anything but Extensions, naming what was given: a name or an
    installed extension's listing is loaded by name with load_extension().
    """
    for position, item in enumerate(given, start=1):
        if isinstance(item, Extension):
            continue
        name = item if isinstance(item, str) else getattr(item, "name", None)
        hint = (
            f"; load it with load_extension({excerpt(name)}) first"
            if isinstance(name, str)
            else ""
        )
        where = f"extension {position}" if len(given) > 1 else "the extension"
        message = (
            "apply_extension() needs an Extension (from load_extension() or "
            f"built in Python), got {type(item).__name__} as {where}{hint}"
        )
        raise ExtensionError([Problem(message=message)])


@checked_except("extension", "more")
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
            item conflict. Also when something that is not an
            :class:`~goudenoor.standard.Extension` is given (a name or an
            installed extension's entry: load it with
            :func:`goudenoor.load_extension` first).

    >>> import goudenoor as go
    >>> std = go.load_standard("gos-2012")
    >>> ext = go.Extension(id="demo", title="Demo", version="1", targets=("gos-2012",),
    ...     remove=go.Removals(requirements=(
    ...         go.RequirementRemoval(id="9.2", reason="Niet van toepassing."),)))
    >>> len(go.apply_extension(std, ext).requirements), len(std.requirements)
    (28, 29)
    """
    _refuse_other_types((extension, *more))
    result = standard
    problems: list[Problem] = []
    owners: dict[str, str] = {}
    for current in (extension, *more):
        found = extension_problems(current, result)
        for item, path in touched_items(current):
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


def _apply(standard: Standard, extension: Extension) -> Standard:
    record = Recorder(extension.id)
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
    standard: Standard, extension: Extension, record: Recorder
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
            changed = override_requirement(
                requirement, overrides.get(requirement.id), record
            )
            extra = new_checkpoints.get(requirement.id, [])
            kept.append(
                attrs.evolve(changed, checkpoints=(*changed.checkpoints, *extra))
                if extra
                else changed
            )
        areas.append(
            override_area(
                attrs.evolve(area, requirements=tuple(kept)),
                area_overrides.get(area.id),
                record,
            )
        )
    return tuple(areas)


def _apply_to_influences(
    standard: Standard, extension: Extension, record: Recorder
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
