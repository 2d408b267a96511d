"""
Assessments: loading them (with the standard and extensions they name),
converting them to and from mappings, and saving them.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from goudenoor._checks import checked
from goudenoor.audit import Assessment, Audit, Evidence, Finding, Rating, Review
from goudenoor.exceptions import (
    FileFormatError,
    GoudenoorError,
    UnknownEditionError,
    UnknownItemError,
    ValidationError,
)
from goudenoor.problems import PathElement, Problem, excerpt
from goudenoor.standard import Standard, is_file_reference


if TYPE_CHECKING:
    # The extension machinery is imported where an assessment names an
    # extension: one that names none is read and checked without it.
    from goudenoor.standard import Extension
from goudenoor.files._atomic import write_text_atomic
from goudenoor.files._edition import load_standard
from goudenoor.files._parse import (
    MARKER,
    STDIN,
    check_marker,
    located,
    outside_folder,
    read_file,
    read_stdin,
    read_string,
    structure_data,
)
from goudenoor.files._positions import NOWHERE, Positions


__all__ = [
    "ASSESSMENT_FORMAT",
    "StandardsFound",
    "audit_from_mapping",
    "load_audit",
    "load_listed_audit",
    "loads_audit",
    "assessment_from_mapping",
    "assessment_to_mapping",
    "dump_assessment",
    "load_assessment",
    "loads_assessment",
    "relocate_extensions",
    "save_assessment",
    "standard_for",
]


def __dir__() -> list[str]:
    return __all__


ASSESSMENT_FORMAT = "assessment/1"
"""The format marker of assessment files this version reads and writes."""


StandardsFound = dict[
    tuple[str, tuple[str, ...], Path | None], tuple[Standard, list["Extension"]]
]
"""The standards found while loading many files: by edition, extensions
and the folder extension files are looked up in."""


@checked
def load_audit(
    path: str | os.PathLike[str],
    standard: Standard | None = None,
    *,
    extensions: Sequence[Extension] = (),
    found: StandardsFound | None = None,
) -> Audit:
    """
    Load an assessment file as an :class:`~goudenoor.audit.Audit`: the
    assessment with the Standard it was checked against.

    The Standard is the shipped edition the file names with the extensions
    it lists applied (looked up once, here), or *standard*. ``-`` reads
    standard input, as the command line does; extension paths in it are
    then relative to the current folder.

    Args:
        path: The YAML file (format ``assessment/1``), or ``-``.
        standard: The standard to check against.
        extensions: Extensions to use for the ids the file lists, instead
            of looking them up among the installed ones.
        found: A dict of your own, passed to each call that loads one of
            many assessments: the standards resolved are kept in it, so
            that the extension files the assessments share are read once.

    Raises:
        FileFormatError: The file cannot be read as YAML.
        ValidationError: The content is not a valid assessment, or does
            not fit the standard; every problem is listed with its line,
            column and key path.

    >>> import goudenoor as go
    >>> audit = go.load_audit("examples/audit-2012.yaml")
    >>> audit.standard.label, len(audit.assessment.ratings)
    ('gos-2012', 29)
    """
    from goudenoor.files import _yaml

    if os.fspath(path) == "-":
        return loads_audit(
            read_stdin(),
            source=STDIN,
            standard=standard,
            extensions=extensions,
            folder=Path.cwd(),
            found=found,
        )
    name, text = read_file(path)
    data, where = _yaml.read(text, name)
    return _audit_from_data(data, where, name, standard, extensions, found=found)


@checked
def load_assessment(
    path: str | os.PathLike[str],
    standard: Standard | None = None,
    *,
    extensions: Sequence[Extension] = (),
) -> Assessment:
    """
    Load an assessment file and check it against its edition: the
    assessment of :func:`load_audit`, which also keeps the Standard.

    Args:
        path: The YAML file (format ``assessment/1``), or ``-``.
        standard: The standard to check against (default: the shipped
            edition the file names, with the extensions it lists applied).
        extensions: Extensions to use for the ids the file lists, instead
            of looking them up among the installed ones.

    Raises:
        FileFormatError: The file cannot be read as YAML.
        ValidationError: The content is not a valid assessment, or does
            not fit the standard; every problem is listed with its line,
            column and key path.
    """
    return load_audit(path, standard, extensions=extensions).assessment


def load_listed_audit(
    path: str,
    standard: Standard | None = None,
    *,
    extensions: Sequence[Extension] = (),
    other_kinds: Collection[str] = (),
    found: StandardsFound | None = None,
) -> Audit | str:
    """
    Load an assessment file that a list of many names (a portfolio), as
    :func:`load_assessment` does, with two differences. Only a regular
    file is read, and opened without blocking, so that a named pipe or a
    device put in its place is refused instead of making the read wait.
    A file marked as a document of another kind (its marker's kind, before
    the ``/``, is one of *other_kinds*) gives its marker instead of an
    assessment.

    Raises:
        FileFormatError: The file is not a regular file or cannot be read
            as YAML.
        ValidationError: As for :func:`load_assessment`.
    """
    from goudenoor.files import _yaml

    name, text = read_file(path, regular_only=True)
    data, where = _yaml.read(text, name)
    marker = data.get(MARKER) if isinstance(data, dict) else None
    if isinstance(marker, str):
        kind, slash, _ = marker.partition("/")
        if slash and kind in other_kinds:
            return marker
    return _audit_from_data(data, where, name, standard, extensions, found=found)


@checked
def loads_audit(
    text_or_bytes: str | bytes,
    *,
    source: str = "<string>",
    standard: Standard | None = None,
    extensions: Sequence[Extension] = (),
    folder: str | os.PathLike[str] | None = None,
    found: StandardsFound | None = None,
) -> Audit:
    """
    Load an :class:`~goudenoor.audit.Audit` from the text of an assessment
    (or its UTF-8 bytes), as strictly as :func:`load_audit` loads a file.

    Made for text that never was a file, such as the body of an HTTP
    request. Such a text has no folder, so it may name extensions only by
    the id of one of *extensions* or the name of an installed extension,
    never by a path. Text read from a file (the command line reads every
    file argument this way) passes the file's *folder*: its extension
    files are then looked up there, as :func:`load_assessment` does.

    Args:
        text_or_bytes: The YAML text (format ``assessment/1``).
        source: The name errors give the text, as if it were a file name.
        standard: The standard to check against (default: the shipped
            edition the text names, with the extensions it lists applied).
        extensions: Extensions to use for the ids the text lists.
        folder: The folder the text's extension paths are relative to
            (default: none, and a path is refused).
        found: As for :func:`load_audit`.

    Raises:
        TypeError: *text_or_bytes* is neither a string nor bytes.
        FileFormatError: The text is larger than the file size limit (in
            UTF-8), is not UTF-8 or cannot be read as YAML.
        ValidationError: The content is not a valid assessment, or does
            not fit the standard; every problem is listed with its line,
            column and key path, as ``<string>:3:5``.
    """
    from goudenoor.files import _yaml

    text = read_string(text_or_bytes, source)
    data, where = _yaml.read(text, source)
    return _audit_from_data(
        data,
        where,
        source,
        standard,
        extensions,
        from_file=False,
        folder=folder,
        found=found,
    )


@checked
def loads_assessment(
    text_or_bytes: str | bytes,
    *,
    source: str = "<string>",
    standard: Standard | None = None,
    extensions: Sequence[Extension] = (),
    folder: str | os.PathLike[str] | None = None,
) -> Assessment:
    """
    Load an assessment from its text (or its UTF-8 bytes), as strictly as
    :func:`load_assessment` loads a file, and check it against its edition:
    the assessment of :func:`loads_audit` (see there for the arguments).

    Raises:
        TypeError: *text_or_bytes* is neither a string nor bytes.
        FileFormatError: The text is larger than the file size limit (in
            UTF-8), is not UTF-8 or cannot be read as YAML.
        ValidationError: The content is not a valid assessment, or does
            not fit the standard; every problem is listed with its line,
            column and key path, as ``<string>:3:5``.
    """
    return loads_audit(
        text_or_bytes,
        source=source,
        standard=standard,
        extensions=extensions,
        folder=folder,
    ).assessment


def _real_folder(folder: str | os.PathLike[str] | None) -> Path | None:
    if folder is None:
        return None
    try:
        return Path(folder).resolve()
    except (OSError, RuntimeError):  # a symbolic link loop
        return None


def _audit_from_data(
    data: object,
    where: Positions,
    source: str,
    standard: Standard | None,
    extensions: Sequence[Extension] = (),
    *,
    from_file: bool = True,
    folder: str | os.PathLike[str] | None = None,
    found: StandardsFound | None = None,
) -> Audit:
    data = check_marker(data, ASSESSMENT_FORMAT, where, source)
    assessment = attrs.evolve(
        structure_data(data, where, source, Assessment), source=source
    )
    applied: list[Extension] = []
    if standard is None:
        try:
            real = _folder_of(assessment.source) if from_file else _real_folder(folder)
            key = (assessment.edition, assessment.extensions, real)
            if found is not None and key in found:
                # Many files of one folder list the same extension files:
                # each is read once.
                standard, applied = found[key]
            else:
                standard, applied = _standard_for(assessment, extensions, real)
                if found is not None:
                    found[key] = standard, applied
        except (UnknownEditionError, _UnresolvedExtensionError) as exc:
            path: tuple[PathElement, ...] = (
                ("extensions", exc.index)
                if isinstance(exc, _UnresolvedExtensionError)
                else ("edition",)
            )
            problem = Problem(message=str(exc), path=path)
            raise located([problem], where, source) from None
    try:
        # Building the Audit checks the assessment against the standard
        # (the rule lives there, once); here its problems get their
        # places in the text.
        return Audit(
            assessment=assessment, standard=standard, extensions=tuple(applied)
        )
    except ValidationError as exc:
        raise located(exc.problems, where, source) from None


class _UnresolvedExtensionError(GoudenoorError):
    def __init__(self, message: str, index: int) -> None:
        super().__init__(message)
        self.index = index


@checked
def standard_for(
    assessment: Assessment, extensions: Sequence[Extension] = ()
) -> Standard:
    """
    The edition *assessment* was made against, with the extensions it
    lists applied in order.

    Each entry of ``assessment.extensions`` is the id of one of
    *extensions*, the name of an installed extension, or the path of an
    extension file in the assessment's own folder or below it, relative to
    that folder. Any other path is refused: an absolute one, one that leads
    out of the folder (also through a symbolic link), and any path at all
    when the assessment was not read from a file. A file named on the
    command line or passed in *extensions* is not limited this way.

    Raises:
        UnknownEditionError: The edition does not exist.
        GoudenoorError: An extension cannot be found or applied.
    """
    return _standard_for(assessment, extensions, _folder_of(assessment.source))[0]


def _standard_for(
    assessment: Assessment, extensions: Sequence[Extension], folder: Path | None
) -> tuple[Standard, list[Extension]]:
    """
    :func:`standard_for`, with extension files looked up in *folder* (none
    at all if it is ``None``), and the extensions applied.
    """
    standard = load_standard(assessment.edition)
    if not assessment.extensions:
        return standard, []
    from goudenoor.standard import apply_extension

    applied = _extensions_for(assessment, extensions, folder)
    return apply_extension(standard, *applied), applied


def extensions_for(
    assessment: Assessment, extensions: Sequence[Extension] = ()
) -> list[Extension]:
    """
    The extensions *assessment* lists, in order, found as
    :func:`standard_for` finds them.

    Raises:
        GoudenoorError: An extension cannot be found.
    """
    return _extensions_for(assessment, extensions, _folder_of(assessment.source))


def _extensions_for(
    assessment: Assessment, extensions: Sequence[Extension], folder: Path | None
) -> list[Extension]:
    from goudenoor.files._extension import load_extension, load_listed_extension

    given = {extension.id: extension for extension in extensions}
    resolved = []
    for index, reference in enumerate(assessment.extensions):
        if reference in given:
            resolved.append(given[reference])
            continue
        try:
            resolved.append(
                load_listed_extension(
                    *_listed_path(reference, assessment.source, folder)
                )
                if is_file_reference(reference)
                else load_extension(reference)
            )
        except (UnknownItemError, FileFormatError) as exc:
            raise _UnresolvedExtensionError(str(exc), index) from exc
    return resolved


def _folder_of(source: str | None) -> Path | None:
    """
    The real folder of the file an assessment was read from, or ``None``
    if it was not read from a file.
    """
    if source is None or (source.startswith("<") and source.endswith(">")):
        # A name like "<string>" or "<stdin>" is not a file's name.
        return None
    path = Path(source)
    try:
        return path.parent.resolve() if path.is_file() else None
    except (OSError, RuntimeError):  # a symbolic link loop
        return None


def _listed_path(
    reference: str, source: str | None, folder: Path | None
) -> tuple[Path, Path]:
    """
    The extension file an assessment names by *reference*, which must lie
    in the assessment's *folder* or below it once symbolic links are
    followed, and that folder.

    Raises:
        FileFormatError: The path is absolute, leads out of the folder, or
            the assessment has no folder.
    """
    shown = excerpt(reference)
    expected = (
        "an assessment names an installed extension, or an extension file in "
        "its own folder by a relative path"
    )
    if folder is None or source is None:
        raise FileFormatError(
            f"{shown} is a path, but the assessment was not read from a file "
            "(expected the name of an installed extension)"
        )
    problem = outside_folder(reference, folder, "the assessment's folder")
    if problem is not None:
        raise FileFormatError(f"{shown} {problem} ({expected})")
    return Path(source).parent / reference, folder


@checked
def assessment_from_mapping(
    data: object, standard: Standard | None = None, source: str = "<mapping>"
) -> Assessment:
    """
    Build an :class:`~goudenoor.audit.Assessment` from plain data in
    the file format (with the ``goudenoor`` marker) and check it.

    Raises:
        ValidationError: The data is not a valid assessment for the
            standard.
    """
    return _audit_from_data(data, NOWHERE, source, standard).assessment


@checked
def audit_from_mapping(
    data: object, standard: Standard | None = None, source: str = "<mapping>"
) -> Audit:
    """
    Build an :class:`~goudenoor.audit.Audit` from plain data in the file
    format (with the ``goudenoor`` marker), as
    :func:`assessment_from_mapping` builds its assessment.

    Raises:
        ValidationError: The data is not a valid assessment for the
            standard.
    """
    return _audit_from_data(data, NOWHERE, source, standard)


@checked
def assessment_to_mapping(assessment: Assessment) -> dict[str, Any]:
    """
    The assessment as plain data in the file format: defaults left out,
    ratings that are only a value in the short form.
    """
    data: dict[str, Any] = {
        MARKER: ASSESSMENT_FORMAT,
        "edition": assessment.edition,
        "organisation": assessment.organisation,
        "date": assessment.date,
    }
    if assessment.unit is not None:
        data["unit"] = assessment.unit
    if assessment.scale is not None:
        data["scale"] = assessment.scale
    # Nothing a file left out is written.
    if assessment.auditors:
        data["auditors"] = list(assessment.auditors)
    if assessment.extensions:
        data["extensions"] = list(assessment.extensions)
    if assessment.migrated_from is not None:
        origin = assessment.migrated_from
        data["migrated_from"] = {"edition": origin.edition}
        if origin.crosswalk is not None:
            data["migrated_from"]["crosswalk"] = origin.crosswalk
    if assessment.kind != "audit":
        data["kind"] = assessment.kind
    data["ratings"] = {
        rid: _rating_to_data(rating) for rid, rating in assessment.ratings.items()
    }
    if assessment.findings:
        data["findings"] = [
            _finding_to_data(finding) for finding in assessment.findings
        ]
    if assessment.journal_head is not None:
        data["journal_head"] = assessment.journal_head
    return data


def _evidence_to_data(evidence: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    return [
        {key: value for key, value in attrs.asdict(item).items() if value is not None}
        for item in evidence
    ]


def _finding_to_data(finding: Finding) -> dict[str, Any]:
    # In the order of the format's documentation; nothing a file left out
    # is written.
    data: dict[str, Any] = {
        "id": finding.id,
        "requirement": finding.requirement,
    }
    for key in (
        "checkpoint",
        "kind",
        "severity",
        "text",
        "owner",
        "deadline",
        "raised",
        "review",
    ):
        value = getattr(finding, key)
        if value is not None:
            data[key] = value
    if finding.evidence:
        data["evidence"] = _evidence_to_data(finding.evidence)
    if finding.history:
        data["history"] = [
            {
                **{
                    key: getattr(entry, key)
                    for key in ("status", "date", "by", "note")
                    if getattr(entry, key) is not None
                },
                **(
                    {"evidence": _evidence_to_data(entry.evidence)}
                    if entry.evidence
                    else {}
                ),
            }
            for entry in finding.history
        ]
    return data


def _number(value: float) -> float | int:
    return int(value) if value.is_integer() else value


def _rating_to_data(rating: Rating) -> object:
    if rating == Rating():
        return None
    if rating.value is not None and rating.is_short:
        return _number(rating.value)
    data: dict[str, Any] = {}
    if rating.value is not None:
        data["value"] = _number(rating.value)
    if rating.not_applicable:
        data["not_applicable"] = True
        data["justification"] = rating.justification
    if rating.evidence:
        data["evidence"] = _evidence_to_data(rating.evidence)
    if rating.checkpoints_met:
        data["checkpoints_met"] = list(rating.checkpoints_met)
    if rating.note is not None:
        data["note"] = rating.note
    # A mark that no longer holds (the auditor changed the value) is not
    # written again: re-saving clears it, for that requirement only.
    if rating.review is not None and rating.needs_review:
        data["review"] = _review_to_data(rating.review)
    return data


def _review_to_data(review: Review) -> dict[str, Any]:
    data: dict[str, Any] = {"reason": review.reason}
    if review.value is not None:
        data["value"] = _number(review.value)
    if review.not_applicable:
        data["not_applicable"] = True
    return data


@checked
def dump_assessment(assessment: Assessment) -> str:
    """
    The assessment as YAML text in the file format.
    """
    from goudenoor.files import _yaml

    return _yaml.dump(assessment_to_mapping(assessment))


@checked
def save_assessment(
    assessment: Assessment,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    extensions_relative_to: str | os.PathLike[str] | None = None,
) -> None:
    """
    Write *assessment* to *path* atomically: a crash leaves either the old
    file or the new one, never a mix. ``load_assessment(path)`` gives an
    equal assessment back.

    Extension files the assessment names by a path (relative to the file
    it was read from) are named relative to *path* instead, so that the
    written file loads again wherever it is written (see
    :func:`relocate_extensions`).

    Args:
        assessment: The assessment to write.
        path: Where.
        overwrite: Replace *path* if it exists.
        extensions_relative_to: The file the assessment's extension paths
            are relative to (default: the file it was read from,
            :attr:`~goudenoor.audit.Assessment.source`). A command
            that builds an assessment from others (a migration, a
            consensus, a workbook) names its input here.

    Raises:
        GoudenoorError: *path* exists and *overwrite* is false, it cannot
            be written, or an extension path cannot be named from it.
        FileFormatError: The text would be larger than the loader accepts
            (8 MiB); nothing is written.
    """
    from goudenoor.files import _yaml

    relocated = relocate_extensions(
        assessment,
        path,
        relative_to=assessment.source
        if extensions_relative_to is None
        else os.fspath(extensions_relative_to),
    )
    text = dump_assessment(relocated)
    # What is written must load again: a saved form can be larger than
    # the file that was read (block style, escapes), so it is held to the
    # loader's size limit here.
    size = len(text.encode("utf-8"))
    if size > _yaml.MAX_BYTES:
        raise FileFormatError(
            f"the assessment takes {size:,} bytes written out, more than the "
            f"limit of {_yaml.MAX_BYTES:,} bytes that loading accepts",
            os.fspath(path),
        )
    write_text_atomic(path, text, overwrite=overwrite)


def relocate_extensions(
    assessment: Assessment,
    path: str | os.PathLike[str],
    *,
    relative_to: str | None,
) -> Assessment:
    """
    *assessment* with the extension files it names by a path (relative to
    the file *relative_to*) named relative to *path*, where it is to be
    written; unchanged when it names none or both are in one folder.

    Raises:
        GoudenoorError: An extension file is not in the folder of *path*
            or below it (a loader refuses paths that leave an
            assessment's folder), or *relative_to* is not a file, so the
            paths cannot be followed.
    """
    references = assessment.extensions
    if not any(is_file_reference(r) for r in references):
        return assessment
    target = Path(path)
    old = _folder_of(relative_to)
    if old is None:
        raise GoudenoorError(
            f"cannot write {target}: the assessment names extension files by "
            f"path ({', '.join(excerpt(r) for r in references)}), but not the "
            "file they are relative to"
        )
    new = target.parent.resolve()
    if old == new:
        return assessment
    rewritten = []
    for reference in references:
        if not is_file_reference(reference):
            rewritten.append(reference)
            continue
        real = (old / reference).resolve()
        if not real.is_relative_to(new):
            raise GoudenoorError(
                f"cannot write {target}: its extension file {excerpt(reference)} "
                f"({real}) is not in the folder of {target.name} or below it, "
                "and an assessment names extension files in its own folder "
                "(write it next to the extension file, copy the extension "
                "there, or install it)"
            )
        rewritten.append(real.relative_to(new).as_posix())
    return attrs.evolve(assessment, extensions=tuple(rewritten))
