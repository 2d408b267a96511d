"""
Text a user typed stays text in the Markdown reports: rendered as GitHub
renders it (cmark-gfm, with its autolink extension), no bare URL becomes
a link.
"""

from __future__ import annotations

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from hypothesis import given, strategies as st

from goudenoor._text import markdown_text


def _html(markdown: str) -> str:
    rendered: str = cmarkgfm.github_flavored_markdown_to_html(
        markdown, options=Options.CMARK_OPT_UNSAFE
    )
    return rendered.strip()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zie http://example.invalid/x", "<p>zie http://example.invalid/x</p>"),
        ("HTTPS://example.invalid", "<p>HTTPS://example.invalid</p>"),
        ("ftp://example.invalid", "<p>ftp://example.invalid</p>"),
        ("www.example.invalid", "<p>www.example.invalid</p>"),
        ("[x](javascript:alert(1))", "<p>[x](javascript:alert(1))</p>"),
        ("<https://example.invalid>", "<p>&lt;https://example.invalid&gt;</p>"),
        ("nohttp://example.invalid", "<p>nohttp://example.invalid</p>"),
    ],
)
def test_a_bare_url_stays_text(text: str, expected: str) -> None:
    assert expected == _html(markdown_text(text))


@given(
    st.lists(
        st.sampled_from(
            ["http", "https", "ftp", "www", "://", ":", ".", "/", "example", "nl", " "]
        ),
        max_size=12,
    ).map("".join)
)
def test_no_link_from_url_pieces(text: str) -> None:
    assert "<a " not in _html(markdown_text(text))
