"""
A custom audit script, as an auditor would write one.

It loads an assessment, scores it against its edition, prints the points
per area and the recognition level, and the three improvements that gain
the most points. Run it with:

    python examples/audit_script.py [examples/audit-2012.yaml]
"""

from __future__ import annotations

import sys
from pathlib import Path

import goudenoor as go


HERE = Path(__file__).parent


def main(argv: list[str]) -> int:
    """
    Score the assessment file named in *argv* (default: the example).
    """
    path = Path(argv[0]) if argv else HERE / "audit-2012.yaml"
    try:
        assessment = go.load_assessment(path)
    except go.GoudenoorError as exc:
        print(f"cannot use {path}: {exc}", file=sys.stderr)
        return 2
    standard = go.load_standard(assessment.edition)
    card = go.score(standard, assessment)

    print(f"{assessment.organisation} ({standard.title}, {assessment.date})")
    for area in card.areas.values():
        print(
            f"  {area.area_id} {area.name:<30} {area.points:5.2f} / {area.max_points:g}"
        )
    level = card.level.name if card.level else "no level yet"
    print(f"Total {card.total:.2f} of {standard.max_points:g} points: {level}")
    for gap in card.gaps:
        print(f"  for {card.next_level.name if card.next_level else '-'}: {gap}")

    print("Three improvements that pay most:")
    for item in card.improvements(3):
        requirement = standard.requirement(item.requirement_id)
        print(f"  +{item.points_gained:.2f}  {requirement.id}  {requirement.full_text}")

    for warning in card.warnings:
        print(f"  note: {warning.requirement_id} {warning.code}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
