"""
An evidence item's file, link, fingerprint and collector (issue 26): each is
optional, and each is checked when it is there.
"""

from __future__ import annotations

import pytest

import goudenoor as go


RULE = (
    "expected a relative path with / between its parts, without . or .. "
    "parts, in the evidence folder"
)


def test_all_four_are_kept() -> None:
    item = go.Evidence(
        kind="document",
        reference="Beleid",
        path="bewijs/beleid.pdf",
        uri="https://dms.example/1",
        sha256="ab" * 32,
        collected_by="A. Jansen",
    )

    assert ("bewijs/beleid.pdf", "https://dms.example/1", "ab" * 32, "A. Jansen") == (
        item.path,
        item.uri,
        item.sha256,
        item.collected_by,
    )


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("../beleid.pdf", "'../beleid.pdf' has an empty, . or .. part"),
        ("bewijs/../../x", "'bewijs/../../x' has an empty, . or .. part"),
        ("./beleid.pdf", "'./beleid.pdf' has an empty, . or .. part"),
        ("bewijs//beleid.pdf", "'bewijs//beleid.pdf' has an empty, . or .. part"),
        ("/etc/passwd", "'/etc/passwd' is an absolute path or uses \\"),
        ("C:/beleid.pdf", "'C:/beleid.pdf' is an absolute path or uses \\"),
        ("bewijs\\beleid.pdf", "'bewijs\\\\beleid.pdf' is an absolute path or uses \\"),
        (" ", "must not be empty"),
    ],
)
def test_a_path_out_of_the_folder_is_refused(path: str, reason: str) -> None:
    with pytest.raises(go.ModelError) as info:
        go.Evidence(kind="document", reference="Beleid", path=path)

    assert f"path: {reason}: {RULE}" == str(info.value)


@pytest.mark.parametrize("digest", ["ab" * 31, "AB" * 32, "g" * 64, "ab" * 32 + "\n"])
def test_a_fingerprint_is_64_lowercase_hex_digits(digest: str) -> None:
    with pytest.raises(go.ModelError) as info:
        go.Evidence(kind="document", reference="Beleid", sha256=digest)

    assert (
        f"sha256: {go.problems.excerpt(digest)} is not a SHA-256: expected 64 "
        "lowercase hexadecimal digits"
    ) == str(info.value)


def test_a_blank_link_or_collector_is_refused() -> None:
    with pytest.raises(go.ModelError) as info:
        go.Evidence(kind="document", reference="Beleid", uri="", collected_by=" ")

    assert "uri: must not be empty; collected_by: must not be empty" == str(info.value)


def test_a_located_error_when_loaded() -> None:
    text = (
        "goudenoor: assessment/1\nedition: gos-2012\norganisation: X\n"
        "date: 2026-10-01\nratings:\n  1.1:\n    value: 3\n    evidence:\n"
        "      - kind: document\n        reference: Beleid\n"
        "        path: ../geheim.pdf\n"
    )

    with pytest.raises(go.ValidationError) as info:
        go.loads_assessment(text)

    assert (
        "<string>:11:9 ratings.\"1.1\".evidence[0].path: '../geheim.pdf' has an "
        f"empty, . or .. part: {RULE}"
    ) == str(info.value)
