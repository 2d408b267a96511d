"""
The corpus of bad inputs (``tests/data/bad/``, see its README): every file
is refused with one GoudenoorError that names the file and says where;
the command line prints it as one message, ``goudenoor: error: ...``, and
exits with 2, never with a traceback.

Inputs too large to commit (over about 100 KB) are generated here: a
50 MB file, a list nested 50,000 levels deep, a flat list of more than
MAX_NODES values. So are the inputs of a few other checks: dates in the
future, 300 problems in one file, keys that are not strings, output paths
that are folders, an extension file that is a named pipe.
"""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

import pytest
import yaml

import goudenoor as go
from conftest import DATA, EXAMPLE_AUDIT
from goudenoor.files import _yaml
from helpers import run_captured, run_cli, write


BAD = DATA / "bad"
PREFIX = "goudenoor: error: "
CORPUS = sorted(p.name for p in BAD.iterdir() if p.name != "README.md")
COMMAND_FILES = [name for name in CORPUS if not name.startswith("edition-")]
EDITION_FILES = [name for name in CORPUS if name.startswith("edition-")]
KINDS = ("assessment-", "extension-", "edition-", "crosswalk-")

HEAD = """\
goudenoor: assessment/1
edition: gos-2012
organisation: Gemeente Voorbeeld
date: 2026-10-01
"""

DEEP: dict[str, str] = {
    "flow-lists": "auditors: " + "[" * 50_000 + "]" * 50_000 + "\n",
    "flow-mappings": "auditors: " + "{a: " * 50_000 + "x" + "}" * 50_000 + "\n",
    "compact-block-lists": "auditors:\n  " + "- " * 50_000 + "x\n",
    "compact-complex-keys": "auditors:\n  " + "? " * 50_000 + "x\n",
    "indented-block-lists": "auditors:\n"
    + "".join(f"{' ' * i}-\n" for i in range(2, 4_002, 2)),
    "compact-block-lists-over-lines": "auditors:\n"
    + "".join(" " * (2 + 2_000 * k) + "- " * 1_000 + "\n" for k in range(50)),
}
"""Documents nested far too deep, by style (generated: 100 KB to 4 MB)."""

SUBSET = "goudenoor files are YAML without anchors, aliases, tags or merge keys"
"""What a refusal of an anchor, alias, tag or merge key says the files are."""

READABLE: dict[str, str] = {
    "assessment-huge-integer.yaml": "99999999",
}
"""Files with a value PyYAML cannot construct, and the value as shown."""

PYTHON_INTERNALS = (
    "NoneType",
    "has no attribute",
    "index out of range",
    "invalid literal",
    "could not convert",
    "set_int_max_str_digits",
)
"""Python's error texts, which say nothing to someone editing a YAML file."""

NO_LOCATION: dict[str, str] = {
    "assessment-empty.yaml": "an empty file has no line to point at",
    "assessment-comments-only.yaml": "only a comment: there is no document to point at",
}
"""Files whose message cannot have a line, and why."""

IN_OTHER_FILE: dict[str, str] = {
    "assessment-bad-extension.yaml": "extension-unknown-area.yaml",
}
"""Files whose problem is in a file they refer to, which the message names."""

NOT_PINNED: dict[str, str] = {
    "assessment-huge-integer.yaml": "wording to settle: see TestReadableMessages",
    "assessment-unknown-extension.yaml": "the suggestions depend on the "
    "extensions installed",
}
"""Corpus files without an exact message below, and why."""

EXACT: dict[str, str] = {
    "assessment-alias-bomb.yaml": (
        "assessment-alias-bomb.yaml:6:5: anchors are not supported (found "
        "'&a0'): " + SUBSET
    ),
    "assessment-alias-recursive.yaml": (
        "assessment-alias-recursive.yaml:6:10: anchors are not supported (found "
        "'&r'): " + SUBSET
    ),
    "assessment-area-all-not-applicable.yaml": (
        "assessment-area-all-not-applicable.yaml:11:5 "
        'ratings."4.2".not_applicable: every requirement of area 4 (Middelen) '
        "is not applicable; an area of the standard cannot be not applicable "
        "as a whole"
    ),
    "assessment-auditors-string.yaml": (
        "assessment-auditors-string.yaml:6:1 auditors: expected a list, got "
        "string 'A. Jansen'"
    ),
    "assessment-bad-extension.yaml": (
        "extension-unknown-area.yaml:12:7 add.requirements[0].id: unknown "
        "area '12' (expected one of ['1', '2', '3', '4', '5', '6', '7', '8', "
        "'9'])"
    ),
    "assessment-bad-indentation.yaml": (
        "assessment-bad-indentation.yaml:8:10: invalid YAML: mapping values "
        "are not allowed in this context"
    ),
    "assessment-binary-junk.yaml": (
        "assessment-binary-junk.yaml:1:1: not UTF-8 text (byte 0xc3 cannot be decoded)"
    ),
    "assessment-bom-off-scale.yaml": (
        'assessment-bom-off-scale.yaml:7:3 ratings."1.1".value: 5 is not on '
        "scale gos-0-4 (0, 1, 2, 3, 4)"
    ),
    "assessment-checkpoint-number.yaml": (
        "assessment-checkpoint-number.yaml:9:23 "
        'ratings."5.1".checkpoints_met[0]: expected a string, got number 1'
    ),
    "assessment-comments-only.yaml": (
        "assessment-comments-only.yaml: expected a mapping, got null"
    ),
    "assessment-complex-key.yaml": (
        "assessment-complex-key.yaml:7:5: a mapping key must be a plain "
        "value, not a list"
    ),
    "assessment-control-character.yaml": (
        "assessment-control-character.yaml:4:23: invalid YAML: character 7 is "
        "not allowed (control characters are not allowed)"
    ),
    "assessment-date-string.yaml": (
        "assessment-date-string.yaml:5:1 date: expected a date (YYYY-MM-DD), "
        "got string '1 oktober 2026'"
    ),
    "assessment-date-with-time.yaml": (
        "assessment-date-with-time.yaml:5:1 date: expected a date "
        "(YYYY-MM-DD), got date 2026-10-01T09:30:00"
    ),
    "assessment-deep-compact-lists.yaml": (
        "assessment-deep-compact-lists.yaml:7:131: nesting deeper than 64 levels"
    ),
    "assessment-deep-nesting.yaml": (
        "assessment-deep-nesting.yaml:7:73: nesting deeper than 64 levels"
    ),
    "assessment-duplicate-checkpoint.yaml": (
        "assessment-duplicate-checkpoint.yaml:9:32 "
        "ratings.\"5.1\".checkpoints_met[1]: duplicate checkpoint '5.1.a'"
    ),
    "assessment-duplicate-key.yaml": (
        "assessment-duplicate-key.yaml:6:1: duplicate key 'organisation'"
    ),
    "assessment-duplicate-rating-unquoted.yaml": (
        "assessment-duplicate-rating-unquoted.yaml:8:3: duplicate key '1.1'"
    ),
    "assessment-duplicate-rating.yaml": (
        "assessment-duplicate-rating.yaml:9:3: duplicate key '1.1'"
    ),
    "assessment-edition-number.yaml": (
        "assessment-edition-number.yaml:3:1 edition: expected a string, got number 2012"
    ),
    "assessment-empty-evidence-reference.yaml": (
        "assessment-empty-evidence-reference.yaml:10:26 "
        'ratings."1.1".evidence[0].reference: must not be empty'
    ),
    "assessment-empty-organisation.yaml": (
        "assessment-empty-organisation.yaml:4:1 organisation: must not be empty"
    ),
    "assessment-invisible-organisation.yaml": (
        "assessment-invisible-organisation.yaml:4:1 organisation: must not be empty"
    ),
    "assessment-invisible-auditor.yaml": (
        "assessment-invisible-auditor.yaml:6:23 auditors[1]: must not be empty"
    ),
    "assessment-invisible-unit.yaml": (
        "assessment-invisible-unit.yaml:5:1 unit: must not be empty"
    ),
    "assessment-date-before-1900.yaml": (
        "assessment-date-before-1900.yaml:5:1 date: 0206-10-01 is not a plausible "
        "date: expected one from 1900-01-01 to 2999-12-31"
    ),
    "assessment-date-after-2999.yaml": (
        "assessment-date-after-2999.yaml:5:1 date: 3026-10-01 is not a plausible "
        "date: expected one from 1900-01-01 to 2999-12-31"
    ),
    "assessment-evidence-valid-until-3000.yaml": (
        "assessment-evidence-valid-until-3000.yaml:13:9 "
        'ratings."1.1".evidence[0].valid_until: 3000-01-01 is not a plausible '
        "date: expected one from 1900-01-01 to 2999-12-31"
    ),
    "assessment-empty.yaml": ("assessment-empty.yaml: expected a mapping, got null"),
    "assessment-evidence-after-audit-date.yaml": (
        "assessment-evidence-after-audit-date.yaml:12:9 "
        'ratings."1.1".evidence[0].date: 2036-02-12 is after the audit date '
        "2026-10-01"
    ),
    "assessment-evidence-not-list.yaml": (
        'assessment-evidence-not-list.yaml:9:5 ratings."1.1".evidence: '
        "expected a list, got string 'Klachtenbeleid 2026'"
    ),
    "assessment-expiry-before-evidence-date.yaml": (
        "assessment-expiry-before-evidence-date.yaml:13:9 "
        'ratings."1.1".evidence[0].valid_until: 2026-01-01 is before the '
        "evidence date 2026-05-01"
    ),
    "assessment-extra-key-evidence.yaml": (
        "assessment-extra-key-evidence.yaml:12:9 "
        "ratings.\"1.1\".evidence[0].pages: unknown key 'pages' (expected one "
        "of: kind, reference, date, valid_until, path, uri, sha256, collected_by)"
    ),
    "assessment-extra-key-rating.yaml": (
        'assessment-extra-key-rating.yaml:8:5 ratings."1.1".valeu: unknown '
        "key 'valeu' (expected one of: value, not_applicable, justification, "
        "evidence, checkpoints_met, note, review)"
    ),
    "assessment-extra-key.yaml": (
        "assessment-extra-key.yaml:6:1 colour: unknown key 'colour' (expected "
        "one of: edition, organisation, date, scale, auditors, extensions, "
        "ratings, migrated_from, unit, kind, findings, journal_head)"
    ),
    "assessment-future-format.yaml": (
        "assessment-future-format.yaml:2:1 goudenoor: expected the format "
        "marker 'assessment/1' (got 'assessment/2')"
    ),
    "assessment-gzip.yaml": (
        "assessment-gzip.yaml:1:2: not UTF-8 text (byte 0x8b cannot be decoded)"
    ),
    "assessment-inf-value.yaml": (
        'assessment-inf-value.yaml:8:5 ratings."1.1".value: expected a finite '
        "number, got number inf"
    ),
    "assessment-invalid-date.yaml": (
        "assessment-invalid-date.yaml:5:7: invalid date '2026-02-30': day is "
        "out of range for month"
    ),
    "assessment-invalid-month.yaml": (
        "assessment-invalid-month.yaml:12:15: invalid date '2026-13-01': "
        "month must be in 1..12"
    ),
    "assessment-justification-without-not-applicable.yaml": (
        "assessment-justification-without-not-applicable.yaml:9:5 "
        'ratings."1.1".justification: a justification is only given with '
        "not_applicable: true"
    ),
    "assessment-latin1.yaml": (
        "assessment-latin1.yaml:4:18: not UTF-8 text (byte 0xe9 cannot be decoded)"
    ),
    "assessment-merge-key.yaml": (
        "assessment-merge-key.yaml:6:8: anchors are not supported (found "
        "'&basis'): " + SUBSET
    ),
    "assessment-merge-key-inline.yaml": (
        "assessment-merge-key-inline.yaml:8:5: merge keys are not supported (found "
        "'<<'): " + SUBSET
    ),
    "assessment-missing-date.yaml": (
        "assessment-missing-date.yaml:2:1 date: required key missing"
    ),
    "assessment-missing-evidence-reference.yaml": (
        "assessment-missing-evidence-reference.yaml:10:9 "
        'ratings."1.1".evidence[0].reference: required key missing'
    ),
    "assessment-missing-extension-file.yaml": (
        "assessment-missing-extension-file.yaml:6:14 extensions[0]: "
        "bestaat-niet.yaml: cannot read file: No such file or directory"
    ),
    "assessment-missing-justification.yaml": (
        "assessment-missing-justification.yaml:7:3 "
        'ratings."1.1".justification: a not-applicable rating needs a '
        "justification"
    ),
    "assessment-missing-marker.yaml": (
        "assessment-missing-marker.yaml:2:1 goudenoor: expected the format "
        "marker 'assessment/1' (missing)"
    ),
    "assessment-multiple-documents.yaml": (
        "assessment-multiple-documents.yaml:6:1: invalid YAML: expected a "
        "single document in the stream, but found another document"
    ),
    "assessment-nan-value.yaml": (
        'assessment-nan-value.yaml:7:3 ratings."1.1": expected a finite '
        "number, got number nan"
    ),
    "assessment-negative-inf-value.yaml": (
        'assessment-negative-inf-value.yaml:7:3 ratings."1.2": expected a '
        "finite number, got number -inf"
    ),
    "assessment-not-applicable-number.yaml": (
        "assessment-not-applicable-number.yaml:8:5 "
        'ratings."1.1".not_applicable: expected true or false, got number 1'
    ),
    "assessment-not-applicable-with-value.yaml": (
        'assessment-not-applicable-with-value.yaml:8:5 ratings."1.1".value: a '
        "not-applicable rating has no value (got 3)"
    ),
    "assessment-nul-bytes.yaml": (
        "assessment-nul-bytes.yaml:6: not a text file (it contains NUL bytes)"
    ),
    "assessment-null-document.yaml": (
        "assessment-null-document.yaml:2:1: expected a mapping, got null"
    ),
    "assessment-off-scale-conformiteit.yaml": (
        'assessment-off-scale-conformiteit.yaml:8:3 ratings."1.1".value: 3 is '
        "not on scale conformiteit (0, 0.5, 1)"
    ),
    "assessment-off-scale-fraction.yaml": (
        'assessment-off-scale-fraction.yaml:7:3 ratings."1.1".value: 2.5 is '
        "not on scale gos-0-4 (0, 1, 2, 3, 4)"
    ),
    "assessment-off-scale-negative.yaml": (
        'assessment-off-scale-negative.yaml:8:5 ratings."1.1".value: -1 is '
        "not on scale gos-0-4 (0, 1, 2, 3, 4)"
    ),
    "assessment-off-scale.yaml": (
        'assessment-off-scale.yaml:7:3 ratings."1.1".value: 7 is not on scale '
        "gos-0-4 (0, 1, 2, 3, 4)"
    ),
    "assessment-organisation-list.yaml": (
        "assessment-organisation-list.yaml:4:1 organisation: expected a "
        "string, got a list"
    ),
    "assessment-overflow-float.yaml": (
        'assessment-overflow-float.yaml:7:3 ratings."1.1": expected a finite '
        "number, got number inf"
    ),
    "assessment-python-tag.yaml": (
        "assessment-python-tag.yaml:7:10: tags are not supported (found "
        "'!!python/object/apply:os.system'): " + SUBSET
    ),
    "assessment-ratings-list.yaml": (
        "assessment-ratings-list.yaml:6:1 ratings: expected a mapping, got a list"
    ),
    "assessment-several-problems.yaml": (
        "3 problems in assessment-several-problems.yaml:\n"
        '  assessment-several-problems.yaml:7:3 ratings."1.1".value: 7 is not '
        "on scale gos-0-4 (0, 1, 2, 3, 4)\n"
        '  assessment-several-problems.yaml:8:3 ratings."12.1": unknown '
        "requirement '12.1' in gos-2012; did you mean '2.1', '1.1'?\n"
        "  assessment-several-problems.yaml:11:23 "
        "ratings.\"5.1\".checkpoints_met[0]: '5.2.a' is not a checkpoint of "
        "requirement 5.1 (expected one of ['5.1.a', '5.1.b'])"
    ),
    "assessment-several-type-errors.yaml": (
        "3 problems in assessment-several-type-errors.yaml:\n"
        "  assessment-several-type-errors.yaml:6:1 auditors: expected a list, "
        "got string 'A. Jansen'\n"
        '  assessment-several-type-errors.yaml:8:3 ratings."1.1": expected a '
        "value, a mapping or null, got string 'drie'\n"
        '  assessment-several-type-errors.yaml:9:3 ratings."1.2": expected a '
        "value, a mapping or null, got a list"
    ),
    "assessment-tab-indentation.yaml": (
        "assessment-tab-indentation.yaml:7:1: invalid YAML: while scanning "
        "for the next token, found character that cannot start any token"
    ),
    "assessment-tab-nested.yaml": (
        "assessment-tab-nested.yaml:8:3: invalid YAML: while scanning for the "
        "next token, found character that cannot start any token"
    ),
    "assessment-tag-bad-bool.yaml": (
        "assessment-tag-bad-bool.yaml:9:21: tags are not supported (found "
        "'!!bool'): " + SUBSET
    ),
    "assessment-tag-bad-float.yaml": (
        "assessment-tag-bad-float.yaml:7:10: tags are not supported (found "
        "'!!float'): " + SUBSET
    ),
    "assessment-tag-bad-int.yaml": (
        "assessment-tag-bad-int.yaml:7:10: tags are not supported (found "
        "'!!int'): " + SUBSET
    ),
    "assessment-tag-bad-timestamp.yaml": (
        "assessment-tag-bad-timestamp.yaml:5:7: tags are not supported (found "
        "'!!timestamp'): " + SUBSET
    ),
    "assessment-tag-empty-int.yaml": (
        "assessment-tag-empty-int.yaml:7:10: tags are not supported (found "
        "'!!int'): " + SUBSET
    ),
    "assessment-tag-map-on-list.yaml": (
        "assessment-tag-map-on-list.yaml:6:10: tags are not supported (found "
        "'!!map'): " + SUBSET
    ),
    "assessment-time-out-of-range.yaml": (
        "assessment-time-out-of-range.yaml:5:7: invalid date "
        "'2026-10-01T25:00:00': hour must be in 0..23"
    ),
    "assessment-top-level-list.yaml": (
        "assessment-top-level-list.yaml:2:1: expected a mapping, got a list"
    ),
    "assessment-top-level-scalar.yaml": (
        "assessment-top-level-scalar.yaml:2:1: expected a mapping, got a string"
    ),
    "assessment-truncated-flow.yaml": (
        "assessment-truncated-flow.yaml:7:1: invalid YAML: while parsing a "
        "flow node, did not find expected node content"
    ),
    "assessment-truncated.yaml": (
        "assessment-truncated.yaml:11:32: invalid YAML: while scanning a "
        "quoted scalar, found unexpected end of stream"
    ),
    "assessment-unclosed-bracket.yaml": (
        "assessment-unclosed-bracket.yaml:7:8: invalid YAML: while parsing a "
        "flow sequence, did not find expected ',' or ']'"
    ),
    "assessment-undefined-alias.yaml": (
        "assessment-undefined-alias.yaml:7:10: aliases are not supported (found "
        "'*drie'): " + SUBSET
    ),
    "assessment-unknown-checkpoint.yaml": (
        "assessment-unknown-checkpoint.yaml:9:32 "
        "ratings.\"5.1\".checkpoints_met[1]: '5.2.a' is not a checkpoint of "
        "requirement 5.1 (expected one of ['5.1.a', '5.1.b'])"
    ),
    "assessment-unknown-edition.yaml": (
        "assessment-unknown-edition.yaml:3:1 edition: unknown edition "
        "'gos-2099'; did you mean 'gos-2012', 'gos-2016'?"
    ),
    "assessment-unknown-evidence-kind.yaml": (
        "assessment-unknown-evidence-kind.yaml:10:9 "
        "ratings.\"1.1\".evidence[0].kind: expected one of 'document', "
        "'interview', 'observation', 'measurement', 'sample', 'other', got string "
        "'gerucht'"
    ),
    "assessment-unknown-requirement.yaml": (
        'assessment-unknown-requirement.yaml:8:3 ratings."11.1": unknown '
        "requirement '11.1' in gos-2012; did you mean '1.1'?"
    ),
    "assessment-unknown-scale.yaml": (
        "assessment-unknown-scale.yaml:6:1 scale: unknown scale 'gos-0-10' "
        "(expected one of ['gos-0-4', 'conformiteit'])"
    ),
    "assessment-unknown-tag.yaml": (
        "assessment-unknown-tag.yaml:7:10: tags are not supported (found "
        "'!waarde'): " + SUBSET
    ),
    "assessment-utf16.yaml": (
        "assessment-utf16.yaml:1:1: not UTF-8 text (byte 0xff cannot be decoded)"
    ),
    "assessment-value-bool.yaml": (
        'assessment-value-bool.yaml:8:5 ratings."1.1".value: expected a '
        "number, got true"
    ),
    "assessment-value-date.yaml": (
        'assessment-value-date.yaml:7:3 ratings."1.1": expected a value, a '
        "mapping or null, got date 2026-01-01"
    ),
    "assessment-value-string.yaml": (
        'assessment-value-string.yaml:7:3 ratings."1.1": expected a value, a '
        "mapping or null, got string '3'"
    ),
    "assessment-wrong-edition-requirement.yaml": (
        'assessment-wrong-edition-requirement.yaml:7:3 ratings."5.7": unknown '
        "requirement '5.7' in gos-2016; did you mean '5.6', '5.5', '5.4'?"
    ),
    "assessment-wrong-marker.yaml": (
        "assessment-wrong-marker.yaml:2:1 goudenoor: expected the format "
        "marker 'assessment/1' (got 'extension/1')"
    ),
    "assessment-year-zero.yaml": (
        "assessment-year-zero.yaml:5:7: invalid date '0000-01-01': year 0 is "
        "out of range"
    ),
    "edition-duplicate-key.yaml": (
        "edition-duplicate-key.yaml:5:1: duplicate key 'year'"
    ),
    "edition-duplicate-requirement-id.yaml": (
        "edition-duplicate-requirement-id.yaml:19:9 "
        "areas[0].requirements[1].id: duplicate requirement id '1.1'"
    ),
    "edition-extra-key.yaml": (
        "edition-extra-key.yaml:15:5 areas[0].colour: unknown key 'colour' "
        "(expected one of: number, kind, name, points, aliases, "
        "points_assumed, points_source, summary, themes, requirements, notes)"
    ),
    "crosswalk-duplicate-row.yaml": (
        "crosswalk-duplicate-row.yaml:10:5 mappings[1]: duplicate mapping "
        "'2.1' -> '2.1' (also mappings[0])"
    ),
    "crosswalk-unknown-id.yaml": (
        "crosswalk-unknown-id.yaml:10:5 mappings[1].source: unknown requirement "
        "'2.9' in gos-2012; did you mean '2.4', '2.3', '2.2'?"
    ),
    "crosswalk-unknown-relationship.yaml": (
        "crosswalk-unknown-relationship.yaml:12:5 mappings[1].relationship: "
        "expected one of 'equal', 'subset', 'superset', 'intersect', "
        "'not_related', got string 'equivalent'"
    ),
    "crosswalk-wrong-edition.yaml": (
        "crosswalk-wrong-edition.yaml:3:1 target: crosswalk maps to edition "
        "'gos-2012', the target standard is 'gos-2016'"
    ),
    "edition-kind-typo.yaml": (
        "edition-kind-typo.yaml:12:5 areas[0].kind: expected one of "
        "'organisation', 'result', got string 'organization'"
    ),
    "edition-missing-title.yaml": (
        "edition-missing-title.yaml:2:1 title: required key missing"
    ),
    "edition-nan-points.yaml": (
        "edition-nan-points.yaml:14:5 areas[0].points: expected a finite "
        "number, got number nan"
    ),
    "edition-negative-points.yaml": (
        "edition-negative-points.yaml:14:5 areas[0].points: must be a finite "
        "number >= 0 (got -10.0)"
    ),
    "edition-points-string.yaml": (
        "edition-points-string.yaml:14:5 areas[0].points: expected a number, "
        "got string '10'"
    ),
    "edition-single-level-scale.yaml": (
        "edition-single-level-scale.yaml:25:5 scales[0].levels: needs at "
        "least 2 levels (got 1)"
    ),
    "edition-truncated.yaml": (
        "edition-truncated.yaml:24:13: invalid YAML: while scanning a quoted "
        "scalar, found unexpected end of stream"
    ),
    "edition-unknown-default-scale.yaml": (
        "edition-unknown-default-scale.yaml:5:1 default_scale: unknown scale "
        "'t' (expected one of ['s'])"
    ),
    "edition-unknown-scope.yaml": (
        "edition-unknown-scope.yaml:33:23 "
        "recognition_schemes[0].levels[0].conditions[0].scope: expected one "
        "of 'organisation', 'result', 'total', 'each-area', "
        "'each-organisation-area', 'each-result-area', got string 'galaxy'"
    ),
    "edition-unknown-source.yaml": (
        "edition-unknown-source.yaml:18:9 areas[0].requirements[0].source: "
        "unknown source 'bron' (expected one of ['src'])"
    ),
    "edition-year-bool.yaml": (
        "edition-year-bool.yaml:4:1 year: expected an integer, got true"
    ),
    "extension-bad-id.yaml": (
        "extension-bad-id.yaml:3:1 id: 'Demo Pakket' is not a well-formed "
        "extension id (lowercase letters, digits, - and _)"
    ),
    "extension-deep-nesting.yaml": (
        "extension-deep-nesting.yaml:72:131: nesting deeper than 64 levels"
    ),
    "extension-duplicate-key.yaml": (
        "extension-duplicate-key.yaml:7:1: duplicate key 'id'"
    ),
    "extension-existing-scale.yaml": (
        "extension-existing-scale.yaml:9:7 add.scales[0].id: scale 'gos-0-4' "
        "already exists"
    ),
    "extension-extra-key-add.yaml": (
        "extension-extra-key-add.yaml:8:3 add.dingen: unknown key 'dingen' "
        "(expected one of: requirements, checkpoints, influences, scales, "
        "recognition_schemes)"
    ),
    "extension-extra-key.yaml": (
        "extension-extra-key.yaml:7:1 colour: unknown key 'colour' (expected "
        "one of: id, title, version, targets, description, sources, add, "
        "override, remove)"
    ),
    "extension-influence-strength.yaml": (
        "extension-influence-strength.yaml:12:7 add.influences[0].strength: "
        "expected one of 'primary', 'secondary', got number 1"
    ),
    "extension-latin1.yaml": (
        "extension-latin1.yaml:4:14: not UTF-8 text (byte 0xfc cannot be decoded)"
    ),
    "extension-nan-weight.yaml": (
        "extension-nan-weight.yaml:10:7 override.requirements[0].weight: "
        "expected a finite number, got number nan"
    ),
    "extension-negative-points.yaml": (
        "extension-negative-points.yaml:10:7 override.areas[0].points: must "
        "be >= 0 (got -5.0)"
    ),
    "extension-negative-weight.yaml": (
        "extension-negative-weight.yaml:10:7 override.requirements[0].weight: "
        "must be a number > 0 (got -1.0)"
    ),
    "extension-no-targets.yaml": (
        "extension-no-targets.yaml:6:1 targets: needs at least one edition"
    ),
    "extension-override-nothing.yaml": (
        "extension-override-nothing.yaml:9:7 override.areas[0]: changes "
        "nothing (give name or points)"
    ),
    "extension-remove-all.yaml": (
        "extension-remove-all.yaml:11:7 remove.requirements[1].id: area 4 "
        "(Middelen) would have no requirements left"
    ),
    "extension-remove-unknown.yaml": (
        "extension-remove-unknown.yaml:9:7 remove.requirements[0].id: no "
        "requirement '4.9' to remove in gos-2012; did you mean '4.2', '4.1'?"
    ),
    "extension-tab-indentation.yaml": (
        "extension-tab-indentation.yaml:8:1: invalid YAML: while scanning for "
        "the next token, found character that cannot start any token"
    ),
    "extension-targets-string.yaml": (
        "extension-targets-string.yaml:6:1 targets: expected a list, got "
        "string 'gos-2012'"
    ),
    "extension-truncated.yaml": (
        "extension-truncated.yaml:8:43: invalid YAML: while scanning a quoted "
        "scalar, found unexpected end of stream"
    ),
    "extension-unknown-area.yaml": (
        "extension-unknown-area.yaml:12:7 add.requirements[0].id: unknown "
        "area '12' (expected one of ['1', '2', '3', '4', '5', '6', '7', '8', "
        "'9'])"
    ),
    "extension-unknown-checkpoint-requirement.yaml": (
        "extension-unknown-checkpoint-requirement.yaml:9:7 "
        "add.checkpoints[0].requirement: unknown requirement '9.9' in "
        "gos-2012; did you mean '9.2', '9.1'?"
    ),
    "extension-unknown-scope.yaml": (
        "extension-unknown-scope.yaml:14:16 "
        "add.recognition_schemes[0].levels[0].conditions[0].scope: expected "
        "one of 'organisation', 'result', 'total', 'each-area', "
        "'each-organisation-area', 'each-result-area', got string 'heelal'"
    ),
    "extension-unknown-source.yaml": (
        "extension-unknown-source.yaml:11:7 add.requirements[0].source: "
        "unknown source 'nergens' (expected one of "
        "['brochure-2012', 'definities', 'erkenning-newer', 'erkenning-older', "
        "'keurmerk', 'overgangsregeling', 'serviceexcellence-5-leren-ontwikkelen', "
        "'serviceexcellence-go-standaard-eisen'])"
    ),
    "extension-unknown-theme.yaml": (
        "extension-unknown-theme.yaml:13:7 add.requirements[0].theme: unknown "
        "theme 'Dromen' in area 5 of gos-2012 (expected one of ['Escaleren', "
        "'Evalueren', 'Leren'] or null)"
    ),
    "extension-version-number.yaml": (
        "extension-version-number.yaml:5:1 version: expected a string, got number 1.0"
    ),
    "extension-wrong-marker.yaml": (
        "extension-wrong-marker.yaml:2:1 goudenoor: expected the format "
        "marker 'extension/1' (got 'assessment/1')"
    ),
    "extension-wrong-namespace.yaml": (
        "extension-wrong-namespace.yaml:12:7 add.requirements[0].id: expected "
        "an id in the extension's namespace, like 'demo:1.11' (got "
        "'zorg:1.11')"
    ),
    "extension-wrong-target.yaml": (
        "extension-wrong-target.yaml:6:1 targets: the extension targets "
        "['gos-2016'], not 'gos-2012'"
    ),
    "assessment-extension-outside-folder.yaml": (
        "assessment-extension-outside-folder.yaml:6:14 extensions[0]: "
        "'../../../../../../../../etc/passwd' is not in the assessment's folder "
        "(an assessment names an installed extension, or an extension file in "
        "its own folder by a relative path)"
    ),
    "assessment-extension-absolute-path.yaml": (
        "assessment-extension-absolute-path.yaml:6:14 extensions[0]: "
        "'/etc/passwd' is an absolute path (an assessment names an installed "
        "extension, or an extension file in its own folder by a relative path)"
    ),
    "extension-checkpoint-id-taken.yaml": (
        "2 problems in extension-checkpoint-id-taken.yaml:\n"
        "  extension-checkpoint-id-taken.yaml:16:11 "
        "add.requirements[0].checkpoints[0].id: expected an id in the "
        "extension's namespace, like 'demo:5.1.a' (got '5.1.a')\n"
        "  extension-checkpoint-id-taken.yaml:16:11 "
        "add.requirements[0].checkpoints[0].id: checkpoint '5.1.a' already exists"
    ),
    "extension-area-overridden-twice.yaml": (
        "extension-area-overridden-twice.yaml:12:7 override.areas[1]: area 9 is "
        "already overridden at override.areas[0] (give each item once)"
    ),
    "extension-override-removed-requirement.yaml": (
        "extension-override-removed-requirement.yaml:14:7 remove.requirements[0]: "
        "requirement 9.2 is already overridden at override.requirements[0] "
        "(give each item once)"
    ),
    "extension-empty-area-name.yaml": (
        "extension-empty-area-name.yaml:10:7 override.areas[0].name: must not be empty"
    ),
    "assessment-escaped-control.yaml": (
        "assessment-escaped-control.yaml:4:1: control character U+001B is not "
        "allowed in text (only tab and line feed are)"
    ),
    "edition-huge-points.yaml": (
        "edition-huge-points.yaml:14:5 areas[0].points: expected a number from "
        "-1,000,000 to 1,000,000, got number 1e+308"
    ),
    "extension-huge-weight.yaml": (
        "extension-huge-weight.yaml:10:7 override.requirements[0].weight: "
        "expected a number from -1,000,000 to 1,000,000, got number 1e+308"
    ),
}

"""
The exact message of each file (without ``goudenoor: error: `` and with
the corpus folder left out of paths), as the command line prints it.
"""


def command(name: str) -> list[str]:
    """
    The command that reads corpus file *name*.
    """
    path = str(BAD / name)
    if name.startswith("assessment-"):
        return ["score", path]
    if name.startswith("crosswalk-"):
        return [
            "migrate",
            str(EXAMPLE_AUDIT),
            "--to",
            "gos-2016",
            "--dry-run",
            "--crosswalk",
            path,
        ]
    return ["show", "--extension", path, "gos-2012"]


def one_message(stderr: str) -> str:
    """
    The message in *stderr*, which must be one ``goudenoor: error:``
    message (its continuation lines indented) and no traceback.
    """
    assert "Traceback" not in stderr
    assert stderr.startswith(PREFIX), stderr
    assert stderr.endswith("\n"), stderr
    body = stderr.removeprefix(PREFIX).removesuffix("\n")
    assert all(line.startswith("  ") for line in body.split("\n")[1:]), stderr
    return body.replace(f"{BAD}{os.sep}", "")


def located(message: str, name: str) -> bool:
    """
    ``True`` if every problem in *message* is given as in file *name* at a
    line (``name:LINE`` or ``name:LINE:COLUMN``).
    """
    lines = message.split("\n")
    problems = [line.strip() for line in lines[1:]] if len(lines) > 1 else lines
    pattern = re.compile(rf"(^|[\s/]){re.escape(name)}:\d+(:\d+)?[: ]")
    return all(pattern.search(problem) for problem in problems)


def edition_error(name: str) -> str:
    """
    The message of loading edition file *name* (which must fail with a
    GoudenoorError), with the corpus folder left out of paths.
    """
    with pytest.raises(go.GoudenoorError) as info:
        go.load_standard_file(BAD / name)
    return str(info.value).replace(f"{BAD}{os.sep}", "")


class TestCorpus:
    def test_size(self) -> None:
        """
        The corpus has at least 40 files, of all four kinds, and nothing
        else.
        """
        counts = [sum(name.startswith(kind) for name in CORPUS) for kind in KINDS]

        assert len(CORPUS) >= 40
        assert all(count > 0 for count in counts)
        assert len(CORPUS) == sum(counts)

    def test_readme_lists_every_file(self) -> None:
        """
        The corpus README has a row for each file, and no row for a file
        that is not there.
        """
        readme = (BAD / "README.md").read_text(encoding="utf-8")

        assert CORPUS == sorted(re.findall(r"^\| `([^`]+)` \|", readme, re.MULTILINE))

    def test_files_are_small(self) -> None:
        """
        No committed file is over 100 KB; larger inputs are generated.
        """
        assert [] == [n for n in CORPUS if (BAD / n).stat().st_size > 100_000]

    def test_every_file_is_pinned_or_explained(self) -> None:
        """
        Each file has its exact message below, or a reason why not.
        """
        assert set(CORPUS) == set(EXACT) | set(NOT_PINNED)
        assert set() == set(EXACT) & set(NOT_PINNED)


class TestCommandLine:
    @pytest.mark.parametrize("name", COMMAND_FILES)
    def test_one_located_message(
        self, name: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        The command exits with 2, prints nothing on standard output and one
        message on standard error that names the file and the line of the
        problem.
        """
        code, out, err = run_captured(command(name), capsys)
        message = one_message(err)
        where = IN_OTHER_FILE.get(name, name)

        assert (2, "") == (code, out)
        assert where in message
        assert name in NO_LOCATION or located(message, where), message

    @pytest.mark.parametrize("name", [n for n in EXACT if n in COMMAND_FILES])
    def test_exact_message(self, name: str, capsys: pytest.CaptureFixture[str]) -> None:
        """
        The message says what was found, what was expected and where.
        """
        _, _, err = run_captured(command(name), capsys)

        assert EXACT[name] == one_message(err)

    @pytest.mark.parametrize(
        "name",
        [
            "assessment-off-scale.yaml",
            "assessment-binary-junk.yaml",
            "assessment-several-problems.yaml",
            "assessment-tab-indentation.yaml",
            "assessment-tag-bad-int.yaml",
            "assessment-huge-integer.yaml",
            "assessment-control-character.yaml",
        ],
    )
    def test_real_process(self, name: str) -> None:
        """
        Run as ``python -m goudenoor score FILE``, the command also exits
        with 2 and prints one message, no traceback.
        """
        done = run_cli(*command(name))
        message = one_message(done.stderr)

        assert (2, "") == (done.returncode, done.stdout)
        assert name in message
        assert located(message, name), message


class TestReadableMessages:
    @pytest.mark.parametrize("name", sorted(READABLE))
    def test_no_python_internals(
        self, name: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A value PyYAML cannot construct is reported in the user's terms:
        the value (shortened if long) and what was expected, in under 200
        characters, without Python's own error text.
        """
        _, _, err = run_captured(command(name), capsys)
        message = one_message(err)

        assert len(message) < 200, message
        assert [] == [text for text in PYTHON_INTERNALS if text in message]
        assert READABLE[name] in message


class TestEditionFiles:
    @pytest.mark.parametrize("name", EDITION_FILES)
    def test_located_error(self, name: str) -> None:
        """
        ``load_standard_file`` refuses the file with a GoudenoorError that
        names the file and the line of the problem.
        """
        message = edition_error(name)

        assert located(message, name), message

    @pytest.mark.parametrize("name", [n for n in EXACT if n in EDITION_FILES])
    def test_exact_message(self, name: str) -> None:
        """
        The message says what was found, what was expected and where.
        """
        assert EXACT[name] == edition_error(name)


class TestLimits:
    def test_file_size_cap(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A 50 MB file is refused unread (only the size cap plus a byte is
        read), with its real size in one message.
        """
        path = tmp_path / "audit.yaml"
        size = 50 * 1024 * 1024
        with path.open("w", encoding="utf-8") as file:
            file.write(HEAD + "# " + "x" * (size - len(HEAD) - 3) + "\n")

        code, out, err = run_captured(["score", str(path)], capsys)

        assert size == path.stat().st_size
        assert (2, "") == (code, out)
        assert (
            f"{path}: file is 52,428,800 bytes, more than the limit of "
            f"{_yaml.MAX_BYTES:,} bytes"
        ) == one_message(err)

    def test_alias_bomb(self) -> None:
        """
        A billion-laughs document is refused at its first anchor, before
        anything is expanded.
        """
        with pytest.raises(go.FileFormatError) as info:
            go.load_assessment(BAD / "assessment-alias-bomb.yaml")

        assert (
            f"anchors are not supported (found '&a0'): {SUBSET}"
        ) == info.value.reason

    def test_wide_document(self, tmp_path: Path) -> None:
        """
        A document of more than MAX_NODES values (a flat list of 200,001
        names, 0.4 MB) is refused.
        """
        names = ",".join(["a"] * (_yaml.MAX_NODES + 1))
        path = write(tmp_path, "audit.yaml", f"{HEAD}auditors: [{names}]\n")

        with pytest.raises(go.FileFormatError) as info:
            go.load_assessment(path)

        assert "document holds more than the limit of 200,000 values" == (
            info.value.reason
        )

    def test_wide_document_refused_at_the_value_over_the_limit(
        self, tmp_path: Path
    ) -> None:
        """
        A flat list of 2 million names (4 MB) is refused at the value that
        passes the limit, while it is being read.
        """
        names = ",".join(["a"] * (10 * _yaml.MAX_NODES))
        path = write(tmp_path, "audit.yaml", f"{HEAD}auditors: [{names}]\n")

        with pytest.raises(go.FileFormatError) as info:
            go.load_assessment(path)

        assert "document holds more than the limit of 200,000 values" == (
            info.value.reason
        )
        # The root mapping, its four values and the list are six values;
        # the name that passes the limit is number MAX_NODES - 6 from 0.
        assert (5, 12 + 2 * (_yaml.MAX_NODES - 6)) == (
            info.value.line,
            info.value.column,
        )

    def test_value_limit_boundary(self) -> None:
        """
        A list of MAX_NODES - 1 values is MAX_NODES values with the list
        itself, and loads; one value more is refused at that value.
        """
        allowed = "[" + ",".join(["a"] * (_yaml.MAX_NODES - 1)) + "]"
        refused = allowed[:-1] + ",b]"

        with pytest.raises(go.FileFormatError) as info:
            _yaml.load(refused, "wide.yaml")

        assert _yaml.MAX_NODES - 1 == len(_yaml.load(allowed, "wide.yaml"))
        assert (1, len(refused) - 1) == (info.value.line, info.value.column)

    def test_nesting_limit(self) -> None:
        """
        MAX_DEPTH levels below the top are allowed, one more is refused.
        """
        depth = _yaml.MAX_DEPTH + 1
        allowed = "[" * depth + "]" * depth
        refused = "[" + allowed + "]"

        with pytest.raises(go.FileFormatError) as info:
            _yaml.load(refused, "deep.yaml")

        assert depth == str(_yaml.load(allowed, "deep.yaml")).count("[")
        assert f"nesting deeper than {_yaml.MAX_DEPTH} levels" == info.value.reason

    def test_nesting_located(self) -> None:
        """
        The nesting limit points at the first list that is too deep: on
        line 7, the one MAX_DEPTH + 1 levels below the top, in column 73.
        """
        with pytest.raises(go.FileFormatError) as info:
            go.load_assessment(BAD / "assessment-deep-nesting.yaml")

        assert (7, 73) == (info.value.line, info.value.column)

    @pytest.mark.parametrize("style", sorted(DEEP))
    def test_very_deep_nesting_does_not_crash(self, style: str, tmp_path: Path) -> None:
        """
        Lists and mappings nested 50,000 levels deep, in any style that
        needs only a few bytes per level (flow brackets, compact block
        sequences ``- - -``, compact complex keys ``? ? ?``), are refused
        with one located message; they do not crash the interpreter. So is
        an indented block list 2,000 levels deep (4 MB). Run in a
        subprocess: a crash (PyYAML's C composer, which the reader does not
        use, recursed once per level and overflowed the C stack at tens of
        thousands) would take the test run with it.
        """
        path = write(tmp_path, "deep.yaml", HEAD + DEEP[style])

        done = run_cli("score", path)

        assert (2, "") == (done.returncode, done.stdout), done.stderr[-500:]
        message = one_message(done.stderr)
        assert located(message, path.name), done.stderr
        # The reader refuses the document at the first list or mapping too
        # deep (or, in the compact complex keys, at the first key that is a
        # mapping), unless the YAML parser stops it first: libyaml 0.2.5 as
        # bundled with PyYAML 6.0.4 has its own flow-nesting limit and scans
        # far ahead. Either way the user gets our one located message; the
        # parser's own wording is not ours to assert.
        reason = message.split(": ", 1)[1]
        assert reason in {
            "nesting deeper than 64 levels",
            "a mapping key must be a plain value, not a mapping",
        } or reason.startswith("invalid YAML: "), message


class TestLocating:
    def test_many_problems_parse_once(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """
        Locating many problems parses the document once, not once per
        problem: 300 unknown ids cost the one parse that read the file
        (with one per problem, 20,000 unknown ids in a 0.3 MB file take
        hours).
        """
        ratings = "".join(f'  "{n}.1": 3\n' for n in range(10, 310))
        path = write(tmp_path, "audit.yaml", f"{HEAD}ratings:\n{ratings}")
        parsed = count_parses(monkeypatch)

        with pytest.raises(go.ValidationError) as info:
            go.load_assessment(path)

        assert 300 == len(info.value.problems)
        assert (6, 3) == (info.value.problems[0].line, info.value.problems[0].column)
        assert 1 == len(parsed)

    def test_many_extension_problems_parse_once(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """
        The same holds for the problems of an extension, found when it is
        applied: they are located by the positions its load noted.
        """
        removals = "".join(
            f'    - {{id: "{n}.1", reason: Weg.}}\n' for n in range(10, 310)
        )
        text = (
            "goudenoor: extension/1\nid: demo\ntitle: Demo\nversion: '1'\n"
            f"targets: [gos-2012]\nremove:\n  requirements:\n{removals}"
        )
        extension = go.load_extension_file(write(tmp_path, "pack.yaml", text))
        parsed = count_parses(monkeypatch)

        with pytest.raises(go.ExtensionError) as info:
            go.apply_extension(go.load_standard("gos-2012"), extension)

        assert 300 == len(info.value.problems)
        assert all(problem.line is not None for problem in info.value.problems)
        assert [] == parsed


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """
    The texts the YAML reader parses from now on, one entry per parse.
    """
    parsed: list[str] = []
    loader = _yaml._Loader

    def counting(text: str) -> yaml.SafeLoader:
        parsed.append(text)
        return loader(text)

    monkeypatch.setattr(_yaml, "_Loader", counting)
    return parsed


class TestDates:
    def test_audit_date_far_in_the_future(self, tmp_path: Path) -> None:
        """
        An audit dated 2999 loads and scores: a planned audit may be dated
        ahead, and a check against today would make loading depend on the
        clock.
        """
        path = write(
            tmp_path,
            "audit.yaml",
            HEAD.replace("2026-10-01", "2999-01-01") + 'ratings:\n  "1.1": 3\n',
        )

        audit = go.load_assessment(path)

        assert datetime.date(2999, 1, 1) == audit.date
        assert 1.5 == go.score(go.standard_for(audit), audit).total

    def test_evidence_after_the_audit(self) -> None:
        """
        Evidence dated after the audit date is refused (a typo like 2036
        for 2026 would otherwise count as valid evidence).
        """
        name = "assessment-evidence-after-audit-date.yaml"

        with pytest.raises(go.ValidationError) as info:
            go.load_assessment(BAD / name)

        assert (
            f'{BAD / name}:12:9 ratings."1.1".evidence[0].date: 2036-02-12 '
            "is after the audit date 2026-10-01"
        ) == str(info.value)

    def test_evidence_on_the_audit_date(self, tmp_path: Path) -> None:
        """
        Evidence dated on the audit date itself is fine.
        """
        text = HEAD + (
            'ratings:\n  "1.1":\n    value: 3\n    evidence:\n'
            "      - {kind: document, reference: Beleid, date: 2026-10-01}\n"
        )

        audit = go.load_assessment(write(tmp_path, "audit.yaml", text))

        assert datetime.date(2026, 10, 1) == audit.ratings["1.1"].evidence[0].date


class TestMappings:
    @pytest.mark.parametrize(
        ("ratings", "top"),
        [
            ({1: 3}, {}),
            ({None: 3}, {}),
            ({(1, 2): 3}, {}),
            ({"1.1": {2.5: 3}}, {}),
            ({}, {None: 1}),
            ({}, {3: 4}),
        ],
        ids=["int", "none", "tuple", "float-in-rating", "none-on-top", "int-on-top"],
    )
    def test_keys_that_are_not_text(
        self, ratings: dict[object, object], top: dict[object, object]
    ) -> None:
        """
        Plain data with keys that are not strings (which no YAML file
        gives, but Python callers can) is refused with a ValidationError,
        not a TypeError or AttributeError.
        """
        data: dict[object, object] = {
            "goudenoor": "assessment/1",
            "edition": "gos-2012",
            "organisation": "X",
            "date": datetime.date(2026, 10, 1),
            "ratings": ratings,
            **top,
        }

        with pytest.raises(go.ValidationError):
            go.assessment_from_mapping(data)


class TestOutput:
    def test_output_is_a_folder(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        ``-o FOLDER --force`` is one message and exit code 2; the folder is
        left as it was, with no temporary file.
        """
        folder = tmp_path / "out"
        folder.mkdir()

        code, out, err = run_captured(
            ["template", "gos-2012", "-o", str(folder), "--force"], capsys
        )

        assert (2, "") == (code, out)
        assert (
            f"{folder}: is a folder, not a regular file; only a regular file is "
            "replaced"
        ) == one_message(err)
        assert [("out", True)] == [(p.name, p.is_dir()) for p in tmp_path.iterdir()]
        assert [] == list(folder.iterdir())

    def test_output_exists(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        Without ``--force`` an existing output file is left as it is.
        """
        path = write(tmp_path, "audit.yaml", "mijn audit\n")

        code, _, err = run_captured(["template", "gos-2012", "-o", str(path)], capsys)

        assert 2 == code
        assert "mijn audit\n" == path.read_text(encoding="utf-8")
        assert one_message(err).endswith(
            "file exists; not overwritten (add --force to replace it)"
        )

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
    def test_extension_that_is_a_pipe(self, tmp_path: Path) -> None:
        """
        An assessment that lists a named pipe as its extension file is
        refused at once, not left waiting for someone to write to the pipe.
        """
        os.mkfifo(tmp_path / "pack.yaml")
        path = write(tmp_path, "audit.yaml", HEAD + "extensions: [./pack.yaml]\n")

        done = run_cli("score", path, timeout=10)

        assert (2, "") == (done.returncode, done.stdout)
        assert located(one_message(done.stderr), path.name)


def test_example_still_scores(capsys: pytest.CaptureFixture[str]) -> None:
    """
    The checks above do not catch good input: the example audit scores.
    """
    code, out, err = run_captured(["score", str(EXAMPLE_AUDIT)], capsys)

    assert (0, "") == (code, err)
    assert "level: Gecommitteerd" in out
