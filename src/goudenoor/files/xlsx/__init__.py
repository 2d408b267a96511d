"""
Audit workbooks: an assessment as an XLSX file that auditors fill in with
a spreadsheet program, and back.

Needs the ``xlsx`` extra (openpyxl); it is imported only when a workbook
is written or read, so ``import goudenoor`` stays light.

The workbook has five sheets (six in a report), with Dutch headers (the auditors are
Dutch) and, on the second header row or in a grey column, the key of the
same field in the YAML file (format ``assessment/1``), so that an error
message's key path points at a column:

``Audit``
    The metadata as label/value rows (column A the label, column B the
    value, column C the YAML key): the format marker ``assessment/1``,
    the edition, the organisation, the date (a date cell), the scale (an
    empty cell is the edition's default scale, ``scale: null``), the
    auditors and the extensions (each one cell, entries separated by
    ``"; "``). Below them: how to fill it in, and the legend of the scale.
``Beoordeling``
    One row per requirement of the standard (extension requirements
    included), in the standard's order: id, area, theme, text, evidence
    clause and checkpoints (read only, grey), then what the auditor
    fills in: the value (a drop-down list of the scale's values), not
    applicable (``ja``/``nee``, a drop-down), the justification for not
    applicable, the checkpoints met (ids separated by commas, spaces or
    line breaks) and a note.
``Bewijs``
    One row per evidence item: requirement id, kind (a drop-down of
    ``document``, ``interview``, ``observation``, ``measurement``,
    ``sample``, ``other``), reference, date and valid until (date cells). A
    requirement may have several rows; their order is kept. A row with a
    finding id (column ``Bevinding``) is evidence of that finding, and
    with a step number too (column ``Stap``: 1 for the finding's first row
    on ``Voortgang``) evidence of that step of its follow-up; its
    requirement cell is then left empty (or names the finding's).
``Bevindingen``
    One row per finding, in order: id, requirement, checkpoint, kind
    (``afwijking``, ``verbeterpunt``, ``observatie``, ``sterk-punt``),
    severity (``major``, ``minor``), text, owner, deadline and the date it
    was raised (date cells), and a review mark (set by a migration).
``Voortgang``
    One row per step in the follow-up of a finding: the finding's id,
    status (``open``, ``planned``, ``implemented``, ``verified``), date,
    by whom and a note. A finding's rows are its history, oldest first.
    A workbook without these two sheets (written before findings were)
    reads as one without findings.
``Punten`` (only in a report: :func:`save_workbook` given a score card)
    The points per area with the maximum and the share, the organisation,
    result and total points with their maximum and share, the level
    reached and the next level, as values (not formulas) with number
    formats. With ``language="en"`` the sheet is ``Points`` and its own
    words are English; the standard's texts stay Dutch. The reader does
    not read it: a report reads back as its assessment.

Every sheet is protected, without a password: the cells to fill in (the
Audit sheet's organisation, date, scale and auditors, the ratings' input
columns and the whole evidence sheet below its headers) are unlocked,
everything else is locked; columns and rows can still be resized. A
spreadsheet program lifts the protection without asking for anything: it
guards against accidents, not against intent. Every sheet prints on A4
(the rating and evidence sheets landscape), as wide as the page, with its
header rows on every page and the sheet's name and page number in the
footer.

Which requirements are rated: a row whose value, not-applicable,
justification, checkpoints-met and note cells are all empty and that has
no evidence rows is *absent* from the ratings (unrated). Not applicable
``nee`` marks a rating that is present but applicable: the writer puts
``nee`` on every present, applicable rating, so an empty ``Rating()``
(present, nothing filled in) survives the round trip as a row with only
``nee``.

Reading finds the metadata rows by their label and the columns by their
header, so added rows and columns are ignored. It takes what a
spreadsheet program makes of typed input: numbers typed as text (also
with a decimal comma), ISO dates typed as text, ``Ja``/``NEE`` and
logical values, evidence kinds in capitals, numbers in text columns.
Everything else that is wrong is reported, all problems at once, each
with its sheet, row, column and key path. Refused, naming the cell in
Excel's notation (``Beoordeling!G7``): merged cells the reader reads
(all but the first lost their values), a formula without a calculated
value (saved by a program that does not calculate), and an id that does
not match the text of its row (a swapped id would move values but not
evidence).

:func:`save_questionnaire_workbook` writes another workbook, the
self-assessment form: the questions of a questionnaire to answer (see
``_form``); it is not read back.

Before any cell is read, the sheets are scanned once and a
workbook beyond the limits (:data:`MAX_BYTES`, :data:`MAX_UNPACKED`,
:data:`MAX_ROWS`, :data:`MAX_COLUMNS`, :data:`MAX_CELLS`, numbers beyond
:data:`MAX_NUMBER`) is refused as soon as that is seen; the size a sheet
declares is not trusted.

For every assessment that fits its standard,
``load_workbook(path).assessment`` after ``save_workbook(standard, path,
assessment=a)`` equals ``a``, findings and kind included (ratings come
back in the standard's order; values ``3`` and ``3.0`` are the same
rating). What a cell cannot hold is refused when writing rather than
lost: empty texts (an empty cell reads as no value), carriage returns,
control characters, texts over 32,767 characters, dates before 1900, and
auditor or extension entries that are empty, have spaces at either end
or contain ``;``.
"""

from __future__ import annotations

from goudenoor.files.xlsx._form import save_questionnaire_workbook
from goudenoor.files.xlsx._layout import (
    AUDIT_SHEET,
    EVIDENCE_SHEET,
    FINDINGS_SHEET,
    HISTORY_SHEET,
    POINTS_SHEET,
    RATINGS_SHEET,
)
from goudenoor.files.xlsx._reader import (
    MAX_BYTES,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_NUMBER,
    MAX_ROWS,
    MAX_UNPACKED,
    load_workbook,
    read_workbook,
)
from goudenoor.files.xlsx._writer import save_workbook, write_workbook


__all__ = [
    "AUDIT_SHEET",
    "EVIDENCE_SHEET",
    "FINDINGS_SHEET",
    "HISTORY_SHEET",
    "MAX_BYTES",
    "MAX_CELLS",
    "MAX_COLUMNS",
    "MAX_NUMBER",
    "MAX_ROWS",
    "MAX_UNPACKED",
    "POINTS_SHEET",
    "RATINGS_SHEET",
    "load_workbook",
    "read_workbook",
    "save_questionnaire_workbook",
    "save_workbook",
    "write_workbook",
]


def __dir__() -> list[str]:
    return __all__
