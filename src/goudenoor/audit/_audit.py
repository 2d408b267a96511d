"""
One audit as one value: an assessment together with the Standard it was
checked against.

An :class:`~goudenoor.audit.Assessment` names its edition and extensions
by id; which Standard those ids meant is decided once, when the assessment
is loaded (:func:`goudenoor.files.load_audit`). An :class:`Audit` keeps
that Standard, so scoring, comparing, migrating, rolling up and exporting
never look it up again, and two audits are comparable exactly when their
standards are the same (by content: ``Standard.fingerprint``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from goudenoor._checks import typed_fields
from goudenoor.audit._assessment import Assessment, check_assessment
from goudenoor.exceptions import ModelError
from goudenoor.problems import Problem
from goudenoor.standard import Standard


if TYPE_CHECKING:
    # Defined only when an extension is loaded (goudenoor._checks finds it
    # then): an audit of the bare edition does not define the extension
    # classes.
    from goudenoor.standard import Extension


__all__ = ["Audit", "split_audits", "standard_and_assessment"]


def __dir__() -> list[str]:
    return __all__


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Audit:
    """
    An assessment and the Standard it was checked against (its edition
    with the extensions it lists applied).

    Building one checks the assessment against the standard, so an Audit
    always fits: ``Audit(assessment=a, standard=std)`` raises what
    :func:`~goudenoor.audit.check_assessment` raises.

    Attributes:
        assessment: The ratings, evidence and header of the audit.
        standard: The Standard they were checked against.
        extensions: The extensions applied to the edition to make
            *standard*, in order, when known (a loaded audit knows them):
            migrating the audit applies those that target the new edition
            without reading their files again.

    Raises:
        ValidationError: The assessment does not fit the standard.
        ModelError: *extensions* are not the ones *standard* was made
            with.

    >>> import goudenoor as go
    >>> audit = go.load_audit("examples/audit-2012.yaml")
    >>> audit.standard.id, audit.assessment.organisation
    ('gos-2012', 'Woonstichting Lindewaard')
    >>> go.score(audit).total == go.score(audit.standard, audit.assessment).total
    True
    """

    assessment: Assessment
    standard: Standard
    extensions: tuple[Extension, ...] = ()

    def __attrs_post_init__(self) -> None:
        if self.extensions and tuple(
            extension.id for extension in self.extensions
        ) != tuple(self.standard.extensions):
            ids = ", ".join(extension.id for extension in self.extensions)
            applied = ", ".join(self.standard.extensions) or "none"
            message = (
                f"the extensions {ids} are not those the standard was made "
                f"with (expected {applied})"
            )
            raise ModelError([Problem(message=message, path=("extensions",))])
        check_assessment(self.assessment, self.standard)

    @classmethod
    def of_checked(cls, assessment: Assessment, standard: Standard) -> Audit:
        """
        The Audit of *assessment* and *standard* when the assessment was
        checked against that standard already (a loaded portfolio's
        were): building it does not check it again, which over thousands
        of audits is most of the work.

        Give only a pair known to fit: one that does not is scored wrongly
        or fails later with an error from deep inside.
        """
        audit = object.__new__(cls)
        # The fields of a frozen slotted class, set as __init__ would
        # without its validators and post-init check.
        object.__setattr__(audit, "assessment", assessment)
        object.__setattr__(audit, "standard", standard)
        object.__setattr__(audit, "extensions", ())
        return audit

    @property
    def fingerprint(self) -> str:
        """
        The standard's fingerprint (``Standard.fingerprint``), equal for
        two audits exactly when they are comparable.
        """
        return self.standard.fingerprint

    def comparable(self, other: Audit) -> bool:
        """
        Whether *other* was checked against the same standard (the same
        edition and the same extensions, by content), so that points of
        the two audits may be set side by side.
        """
        return self.fingerprint == other.fingerprint


def split_audits(
    items: Iterable[Audit | Assessment],
) -> tuple[list[Assessment], list[Standard | None]]:
    """
    The assessments of *items* and, for each, the Standard its Audit
    carries (``None`` for a bare assessment, whose standard is still to
    be looked up).
    """
    assessments: list[Assessment] = []
    standards: list[Standard | None] = []
    for item in items:
        if isinstance(item, Audit):
            assessments.append(item.assessment)
            standards.append(item.standard)
        else:
            assessments.append(item)
            standards.append(None)
    return assessments, standards


def standard_and_assessment(
    audit_or_standard: Audit | Standard, assessment: Assessment | None, function: str
) -> tuple[Standard, Assessment, bool]:
    """
    The standard and assessment of a call of *function* given an Audit, or
    a Standard and an Assessment; and whether the pair is known to fit
    already (an Audit's does).

    Raises:
        TypeError: An Audit and an Assessment, or a Standard alone.
    """
    if isinstance(audit_or_standard, Audit):
        if assessment is not None:
            msg = (
                f"{function}() takes an Audit, or a Standard and an Assessment; "
                "an Audit already holds its assessment"
            )
            raise TypeError(msg)
        return audit_or_standard.standard, audit_or_standard.assessment, True
    if assessment is None:
        msg = f"{function}() of a Standard needs the Assessment to score too"
        raise TypeError(msg)
    return audit_or_standard, assessment, False
