"""
The changes an extension makes to single items (a requirement or area
overridden), recorded as they are made; shared by the check and the
application.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from goudenoor.problems import (
    PathElement,
)
from goudenoor.standard._extensions._types import (
    AreaOverride,
    Extension,
    RequirementOverride,
)
from goudenoor.standard._model import (
    Area,
    Change,
    ChangeAction,
    Requirement,
)


__all__ = []


def __dir__() -> list[str]:
    return __all__


def override_fields(item: object, names: Sequence[str]) -> list[str]:
    return [name for name in names if getattr(item, name) is not None]


def touched_items(
    extension: Extension,
) -> Iterator[tuple[str, tuple[PathElement, ...]]]:
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


class Recorder:
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


def override_requirement(
    requirement: Requirement, override: RequirementOverride | None, record: Recorder
) -> Requirement:
    if override is None:
        return requirement
    fields = {
        name: getattr(override, name)
        for name in override_fields(override, ("text", "lead", "evidence", "weight"))
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


def override_area(area: Area, override: AreaOverride | None, record: Recorder) -> Area:
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
