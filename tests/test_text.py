"""User text becomes Markdown that shows exactly what was written; only a small subset is markup."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compiler.document.markdown import blocks, escape, inline, is_safe_url


def unescaped(markdown: str) -> list[str]:
    """ASCII punctuation not preceded by an escaping backslash."""
    stripped = markdown.replace("\\\\", "")
    return [m.group() for m in re.finditer(r"(?<!\\)[!-/:-@\[-`{-~]", stripped) if m.group() != "\\"]


@given(st.text())
def test_escaped_text_has_no_live_punctuation(text: str) -> None:
    assert unescaped(escape(text)) == []


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))))
def test_escape_is_one_line(text: str) -> None:
    assert "\n" not in escape(text)


@pytest.mark.parametrize(
    ("written", "markdown"),
    [
        ("**forte** e *debole*", "**forte** e *debole*"),
        ("vedi [il sito](https://example.org/a_b)", "vedi [il sito](https://example.org/a_b)"),
        ("<https://example.org>", "[https\\:\\/\\/example\\.org](https://example.org)"),
        ("[x](javascript:alert(1))", "\\[x\\]\\(javascript\\:alert\\(1\\)\\)"),
        ("[x](file:///etc/passwd)", "\\[x\\]\\(file\\:\\/\\/\\/etc\\/passwd\\)"),
        ("[x](data:text/html,hi)", "\\[x\\]\\(data\\:text\\/html\\,hi\\)"),
        ("snake_case_name", "snake\\_case\\_name"),
        ("![logo](https://example.org/x.png)", "\\!\\[logo\\]\\(https\\:\\/\\/example\\.org\\/x\\.png\\)"),
        ("2*3*4", "2*3*4"),
        ("<script>alert(1)</script>", "\\<script\\>alert\\(1\\)\\<\\/script\\>"),
    ],
)
def test_inline_subset(written: str, markdown: str) -> None:
    assert inline(written) == markdown


def test_blocks_make_paragraphs_and_lists_and_nothing_else() -> None:
    text = (
        "Primo paragrafo\ncontinua.\n\nObiettivi:\n- uno\n- due\n  ancora due\n\n1. primo\n2. secondo\n\n"
        "# non un titolo\n    non codice\n---"
    )
    assert blocks(text) == (
        "Primo paragrafo\ncontinua\\.\n\nObiettivi\\:\n\n- uno\n- due ancora due\n\n1. primo\n1. secondo\n\n"
        "\\# non un titolo\nnon codice\n\\-\\-\\-"
    )


def test_bullets_pasted_from_a_word_processor_become_list_items() -> None:
    pasted = "Attività:\n•\tascolto\n• orientamento\n◦ accompagnamento\n–\tverifica\n\n•non un elenco"
    assert blocks(pasted) == (
        "Attività\\:\n\n- ascolto\n- orientamento\n- accompagnamento\n- verifica\n\n•non un elenco"
    )


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org/x?y=1", True),
        ("http://example.org", True),
        ("mailto:info@example.org", True),
        ("javascript:alert(1)", False),
        ("JAVASCRIPT:alert(1)", False),
        ("data:text/html;base64,AAAA", False),
        ("file:///etc/passwd", False),
        ("https://exa mple.org", False),
        ('https://example.org/"onmouseover="x', False),
        ("//example.org", False),
    ],
)
def test_only_http_https_and_mailto_links(url: str, safe: bool) -> None:
    assert is_safe_url(url) is safe
