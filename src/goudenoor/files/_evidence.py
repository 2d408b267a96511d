"""
The evidence files of an assessment, read: their fingerprints recorded
(:func:`hash_evidence`) and checked (:func:`verify_evidence`).

Each file is found by its ``path`` relative to the evidence folder (by
default the assessment file's folder), by the rule of the extension files
an assessment names: inside the folder once symbolic links are followed
(``_parse.outside_folder``), and opened as a regular file only, checked
on the open descriptor (``_parse.open_regular``), so a named pipe or a
device is refused before a byte is read and never makes the check wait.
A file is read in chunks (``hashlib.file_digest``), so its size does not
matter.
"""

from __future__ import annotations

import datetime
import hashlib
import os
from pathlib import Path
from typing import overload

from goudenoor._checks import checked
from goudenoor.audit import (
    Assessment,
    Audit,
    EvidenceCheck,
    check_evidence,
    evidence_places,
    with_fingerprints,
)
from goudenoor.exceptions import FileFormatError, GoudenoorError, ValidationError
from goudenoor.files._parse import open_regular, outside_folder
from goudenoor.problems import PathElement, Problem, excerpt


__all__ = ["evidence_folder", "hash_evidence", "verify_evidence"]


def __dir__() -> list[str]:
    return __all__


_Found = dict[tuple[PathElement, ...], str | None]


def evidence_folder(
    audit: Audit | Assessment, root: str | os.PathLike[str] | None = None
) -> Path:
    """
    The real evidence folder of *audit*: *root*, or else the folder of the
    file it was read from.

    Raises:
        GoudenoorError: *root* is not given and the assessment was not
            read from a file, or the folder is not a folder.
    """
    assessment = audit.assessment if isinstance(audit, Audit) else audit
    if root is None:
        source = assessment.source
        if source is None or (source.startswith("<") and source.endswith(">")):
            raise GoudenoorError(
                "the assessment was not read from a file: give the evidence "
                "folder (root)"
            )
        root = Path(source).parent
    try:
        folder = Path(root).resolve()
    except (OSError, RuntimeError) as exc:  # a symbolic link loop
        raise GoudenoorError(f"{os.fspath(root)}: not a folder: {exc}") from None
    if not folder.is_dir():
        raise GoudenoorError(f"{os.fspath(root)}: not a folder")
    return folder


def _digest(name: str, folder: Path) -> str | None:
    """
    The SHA-256 of the regular file *name* in *folder*, or ``None`` if
    there is no such file.

    Raises:
        FileFormatError: It is not a regular file, not in *folder*, or
            cannot be read.
    """
    try:
        # closefd=False: open_regular closes the descriptor.
        with (
            open_regular(name, within=folder) as fd,
            open(fd, "rb", buffering=0, closefd=False) as file,
        ):
            return hashlib.file_digest(file, "sha256").hexdigest()
    except FileFormatError as exc:
        # open_regular says why in its words; the cause is the system's.
        if isinstance(exc.__context__, FileNotFoundError):
            return None
        raise
    except OSError as exc:
        raise FileFormatError(f"cannot read file: {exc.strerror}", name) from None


def _read(
    audit: Audit | Assessment, root: str | os.PathLike[str] | None
) -> tuple[_Found, dict[tuple[PathElement, ...], str]]:
    """
    The fingerprint of each evidence file of *audit* (``None`` where it is
    missing), and why each missing one is.

    Raises:
        ValidationError: A path leads out of the evidence folder, or names
            a folder, a device or a named pipe: every one, by its key path.
    """
    assessment = audit.assessment if isinstance(audit, Audit) else audit
    places = [
        (place, place.evidence.path)
        for place in evidence_places(assessment)
        if place.evidence.path is not None
    ]
    if not places:
        return {}, {}
    folder = evidence_folder(assessment, root)
    found: _Found = {}
    missing: dict[tuple[PathElement, ...], str] = {}
    problems: list[Problem] = []
    for place, path in places:
        where = (*place.where, "path")
        reason = outside_folder(path, folder, f"the evidence folder {folder}")
        if reason is not None:
            problems.append(
                Problem(
                    message=f"{excerpt(path)} {reason}: expected a file in the "
                    "evidence folder or below it",
                    path=where,
                )
            )
            continue
        name = os.fspath(folder / path)
        try:
            digest = _digest(name, folder)
        except FileFormatError as exc:
            problems.append(
                Problem(message=f"{excerpt(path)}: {exc.reason}", path=where)
            )
            continue
        found[place.where] = digest
        if digest is None:
            missing[place.where] = "no such file"
    if problems:
        raise ValidationError(problems, assessment.source)
    return found, missing


@overload
def hash_evidence(
    audit: Audit, *, root: str | os.PathLike[str] | None = None
) -> tuple[Audit, EvidenceCheck]: ...


@overload
def hash_evidence(
    audit: Assessment, *, root: str | os.PathLike[str] | None = None
) -> tuple[Assessment, EvidenceCheck]: ...


@checked
def hash_evidence(
    audit: Audit | Assessment, *, root: str | os.PathLike[str] | None = None
) -> tuple[Audit | Assessment, EvidenceCheck]:
    """
    Record the fingerprint (``sha256``) of each evidence file of *audit*
    that has none yet.

    A fingerprint already recorded is kept and checked: a file changed
    since is reported, not hidden (remove its ``sha256`` to record the new
    file). A missing file is reported and gets none.

    Args:
        audit: An audit or an assessment.
        root: The evidence folder the items' paths are relative to
            (default: the folder of the file *audit* was read from).

    Returns:
        The audit with the fingerprints recorded, and the check of its
        evidence on its own date.

    Raises:
        GoudenoorError: There is no evidence folder.
        ValidationError: A path leads out of the evidence folder, or names
            a folder, a device or a named pipe.
    """
    found, missing = _read(audit, root)
    new = with_fingerprints(audit, found)
    return new, check_evidence(new, found, as_of=_date(audit), problems=missing)


def _date(audit: Audit | Assessment) -> datetime.date:
    return (audit.assessment if isinstance(audit, Audit) else audit).date


@checked
def verify_evidence(
    audit: Audit | Assessment,
    *,
    root: str | os.PathLike[str] | None = None,
    as_of: datetime.date | None = None,
) -> EvidenceCheck:
    """
    Check each evidence file of *audit* against the fingerprint the
    assessment records, and each item's validity on *as_of*.

    Args:
        audit: An audit or an assessment.
        root: The evidence folder the items' paths are relative to
            (default: the folder of the file *audit* was read from).
        as_of: The date validity is judged on (default: today).

    Raises:
        GoudenoorError: There is no evidence folder.
        ValidationError: A path leads out of the evidence folder, or names
            a folder, a device or a named pipe.
    """
    found, missing = _read(audit, root)
    day = datetime.date.today() if as_of is None else as_of  # noqa: DTZ011 - the user's local day
    return check_evidence(audit, found, as_of=day, problems=missing)
