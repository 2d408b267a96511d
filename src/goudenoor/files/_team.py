"""
Audit teams, as the facade offers them: :func:`consensus` loads the
standard the assessments were made against and combines them with
:func:`goudenoor.audit.consensus`, which takes the standard as an
argument (the domain does not load editions).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from goudenoor._checks import checked
from goudenoor.audit import (
    Assessment,
    Audit,
    Consensus,
    consensus as agree,
    require_team,
    split_audits,
)
from goudenoor.exceptions import ConsensusError
from goudenoor.files._assessment import standard_for
from goudenoor.files._portfolio import file_identity
from goudenoor.standard import Extension, Standard


__all__ = ["consensus", "refuse_repeated_files"]


def __dir__() -> list[str]:
    return __all__


@checked
def consensus(
    assessments: Iterable[Assessment | Audit],
    *,
    rule: str = "median",
    spread: int = 2,
    standard: Standard | None = None,
    extensions: Sequence[Extension] = (),
    check: bool = True,
    language: str = "nl",
) -> Consensus:
    """
    Combine the assessments of an audit team into one agreed assessment.

    The assessments must share the edition, organisation, unit, extensions and
    scale. The standard is the edition they name with the extensions they
    list (as :func:`~goudenoor.standard_for` finds them), unless you pass
    *standard*; see :mod:`goudenoor.audit` for how the values,
    checkpoints, evidence and notes are combined.

    Args:
        assessments: At least two: audits (whose standard is used; they
            must all have been checked against the same one) or
            assessments.
        rule: The name of a consensus rule (see
            :func:`~goudenoor.consensus_rules`): ``median`` (default,
            the lower middle value) or ``min``.
        spread: From how many scale steps between the lowest and the
            highest value a requirement is a disagreement.
        standard: The standard to use instead of the one the assessments
            name.
        extensions: Extensions the assessments list by id, for
            :func:`~goudenoor.standard_for`.
        check: Check each assessment against the standard first.
        language: The language of the words the agreed assessment's notes
            get (``nl``, the default, or ``en``), as in ``auditor (niet van
            toepassing): justification``.

    Raises:
        ConsensusError: Fewer than two assessments, one given twice (two
            that are equal, auditors included), a field that differs
            (naming the field and the files), or a bad *spread*.
        UnknownItemError: Unknown rule or language.
        UnknownEditionError: The edition does not exist.
        ValidationError: An assessment does not fit the standard.

    >>> import datetime, goudenoor as go
    >>> def audit(auditor, value):
    ...     return go.Assessment(edition="gos-2012", organisation="Voorbeeld",
    ...         date=datetime.date(2026, 10, 1), auditors=(auditor,),
    ...         ratings={"5.1": go.Rating(value=value)})
    >>> agreed = go.consensus([audit("A", 1), audit("B", 4), audit("C", 2)])
    >>> agreed.assessment.ratings["5.1"].value
    2.0
    """
    inputs, standards = split_audits(assessments)
    require_team(inputs)
    if standard is None:
        standard = _one_standard(standards) or standard_for(inputs[0], extensions)
    return agree(
        standard, inputs, rule=rule, spread=spread, check=check, language=language
    )


def _one_standard(standards: Sequence[Standard | None]) -> Standard | None:
    """
    The one Standard the audits among the team's items were checked
    against (``None`` if there are only bare assessments).

    Raises:
        ConsensusError: The audits were checked against different
            standards (the same edition with other extensions, or
            extensions of the same ids with other content).
    """
    known = {
        standard.fingerprint: standard for standard in standards if standard is not None
    }
    labels = {standard.label for standard in known.values()}
    if len(known) > 1 and len(labels) == 1:
        # The same edition and extension ids, other content: nothing in the
        # assessments' headers shows it, so it is said here. A header that
        # differs is the consensus's own error, naming the field and files.
        msg = (
            f"the audits were checked against different standards: {labels.pop()} "
            "with other content (expected one standard, the same by content)"
        )
        raise ConsensusError(msg)
    return next(iter(known.values()), None)


def refuse_repeated_files(paths: Sequence[str | os.PathLike[str]]) -> None:
    """
    Raise if two of *paths* are the same file, by what it is (its device
    and inode), whatever their names: one auditor's assessment would count
    twice. ``-`` (standard input) and paths that cannot be looked at are
    left to the loader.

    Raises:
        ConsensusError: Two paths are the same file.
    """
    first: dict[object, str] = {}
    for path in paths:
        name = os.fspath(path)
        identity = None if name == "-" else file_identity(name)
        if identity is None:
            continue
        if identity in first:
            raise ConsensusError(
                f"{first[identity]} and {name} are the same file; a consensus "
                "needs each auditor's assessment once"
            )
        first[identity] = name
