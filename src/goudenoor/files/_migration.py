"""
Moving an assessment to another edition with the standards, extensions and
crosswalk it needs loaded: the file layer's side of
:func:`goudenoor.audit.migrate_assessment`.
"""

from __future__ import annotations

from collections.abc import Sequence

from goudenoor._checks import checked
from goudenoor.audit import Assessment, Audit, Migration, migrate_assessment
from goudenoor.files._assessment import extensions_for, standard_for
from goudenoor.files._crosswalk import load_crosswalk
from goudenoor.files._edition import load_standard
from goudenoor.standard import Crosswalk, Extension, Standard, apply_extension


__all__ = [
    "migrate",
    "migration_standards",
]


def __dir__() -> list[str]:
    return __all__


@checked
def migrate(
    assessment: Assessment | Audit,
    to_edition: str,
    *,
    crosswalk: Crosswalk | None = None,
    extensions: Sequence[Extension] = (),
) -> Migration:
    """
    Carry *assessment* to the edition *to_edition* (see
    :mod:`goudenoor.audit` for the rules).

    The assessment's own edition is loaded with the extensions it lists;
    the target edition with those of them that also target it, whose
    ratings carry over (the others are dropped and listed). Without a
    *crosswalk*, the one shipped between the two editions is used. To the
    assessment's own edition, the migration is the identity.

    Args:
        assessment: The audit to migrate (its Standard and extensions are
            used as they are), or an assessment (whose edition and
            extensions are then looked up).
        to_edition: The edition id to migrate to.
        crosswalk: The crosswalk to use (default: the shipped one).
        extensions: Extensions to use for the ids the assessment lists,
            instead of looking them up among the installed ones.

    Returns:
        The migration: the new assessment, one outcome per requirement
        of the target edition, the ratings dropped, and where each
        finding went (or why it was dropped).

    Raises:
        UnknownEditionError: No edition has the id *to_edition*.
        UnknownItemError: No crosswalk is given and none is shipped
            between the two editions.
        ValidationError: The assessment does not fit its edition, or the
            crosswalk does not fit the two editions.

    >>> import goudenoor as go
    >>> audit = go.load_assessment("examples/audit-2012.yaml")
    >>> migration = go.migrate(audit, "gos-2016")
    >>> migration.assessment.edition, migration.outcome("5.6").status
    ('gos-2016', 'review')
    """
    source, target, kept = _standards(assessment, to_edition, extensions)
    if isinstance(assessment, Audit):
        assessment = assessment.assessment
    if to_edition == assessment.edition and crosswalk is None:
        return migrate_assessment(
            assessment, source=source, target=source, crosswalk=None
        )
    if crosswalk is None:
        crosswalk = load_crosswalk(assessment.edition, to_edition)
    return migrate_assessment(
        assessment,
        source=source,
        target=target,
        crosswalk=crosswalk,
        extensions_for_target=kept,
    )


def migration_standards(
    assessment: Assessment | Audit,
    to_edition: str,
    *,
    extensions: Sequence[Extension] = (),
) -> tuple[Standard, Standard]:
    """
    The two standards :func:`migrate` carries *assessment* between: its
    own edition with the extensions it lists, and *to_edition* with those
    of them that also target it (a crosswalk of your own is checked
    against these).

    Raises:
        UnknownEditionError: No edition has the id *to_edition*.
        GoudenoorError: An extension cannot be found or applied.
    """
    source, target, _ = _standards(assessment, to_edition, extensions)
    return source, target


def _standards(
    item: Assessment | Audit, to_edition: str, extensions: Sequence[Extension]
) -> tuple[Standard, Standard, set[str]]:
    if isinstance(item, Audit) and (item.extensions or not item.assessment.extensions):
        # The audit knows its standard and the extensions it was made with:
        # nothing is looked up or read again.
        assessment = item.assessment
        resolved = list(item.extensions)
        source = item.standard
    else:
        assessment = item.assessment if isinstance(item, Audit) else item
        resolved = (
            extensions_for(assessment, extensions) if assessment.extensions else []
        )
        source = (
            item.standard
            if isinstance(item, Audit)
            else standard_for(assessment, resolved)
        )
    kept = [
        (reference, extension)
        for reference, extension in zip(assessment.extensions, resolved, strict=True)
        if to_edition in extension.targets
    ]
    target = load_standard(to_edition)
    if kept:
        target = apply_extension(target, *(extension for _, extension in kept))
    # The assessment lists an extension by its reference (a name or a
    # file), its requirement ids carry the extension's id.
    names = {name for reference, ext in kept for name in (reference, ext.id)}
    return source, target, names
