"""The AST gate turns anything outside the allow-list into plain text before a writer sees it."""

from __future__ import annotations

import json
from typing import Any

from compiler.outputs.ast_gate import sanitise


def doc(*blocks: dict[str, Any]) -> dict[str, Any]:
    return {
        "pandoc-api-version": [1, 23, 1, 1],
        "meta": {"title": {"t": "MetaString", "c": "Hijacked"}},
        "blocks": list(blocks),
    }


def para(*inlines: dict[str, Any]) -> dict[str, Any]:
    return {"t": "Para", "c": list(inlines)}


def text_of(node: Any) -> str:
    return " ".join(item["c"] for item in _walk(node) if item.get("t") == "Str")


def _walk(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        return [node, *(_walk(node.get("c")) if "t" in node else [])]
    if isinstance(node, list):
        return [x for item in node for x in _walk(item)]
    return []


def kinds(ast: dict[str, Any]) -> set[str]:
    return {node["t"] for node in _walk(ast["blocks"])}


def test_raw_blocks_and_inlines_become_literal_text() -> None:
    ast, removed = sanitise(
        doc(
            {"t": "RawBlock", "c": ["html", "<script>alert(1)</script>"]},
            {"t": "RawBlock", "c": ["typst", '#read("/etc/passwd")']},
            para({"t": "RawInline", "c": ["latex", "\\input{/etc/passwd}"]}),
        )
    )
    assert kinds(ast) <= {"Para", "Str", "Space"}
    assert "<script>alert(1)</script>" in text_of(ast["blocks"]).replace(" ", "")
    assert removed == ["RawBlock", "RawBlock", "RawInline"]


def test_unsafe_links_lose_their_target_and_images_their_source() -> None:
    label = [{"t": "Str", "c": "clic"}]
    ast, removed = sanitise(
        doc(
            para(
                {"t": "Link", "c": [["", [], []], label, ["javascript:alert(1)", ""]]},
                {"t": "Link", "c": [["", [], []], label, ["#nowhere", ""]]},
                {"t": "Link", "c": [["", [], []], label, ["https://example.org", "t"]]},
                {"t": "Image", "c": [["", [], []], [{"t": "Str", "c": "logo"}], ["/etc/passwd", ""]]},
            )
        )
    )
    serialised = json.dumps(ast)
    assert "javascript:" not in serialised and "/etc/passwd" not in serialised and "#nowhere" not in serialised
    assert "https://example.org" in serialised
    assert removed == ["link 'javascript:alert(1)'", "Image", "link '#nowhere'"]  # ids are known at the end


def test_attributes_outside_the_allow_list_are_dropped() -> None:
    span = {
        "t": "Span",
        "c": [["x", ["cover", "evil"], [["onclick", "alert(1)"], ["style", "x"], ["custom-style", "Title"]]], []],
    }
    ast, removed = sanitise(doc(para(span)))
    assert ast["blocks"][0]["c"][0]["c"][0] == ["x", ["cover"], [["custom-style", "Title"]]]
    assert removed == ["attributes"]


def test_code_math_notes_and_citations_become_text_and_metadata_is_dropped() -> None:
    ast, removed = sanitise(
        doc(
            {"t": "CodeBlock", "c": [["", [], []], "rm -rf /"]},
            para(
                {"t": "Math", "c": [{"t": "InlineMath"}, "x^2"]},
                {"t": "Code", "c": [["", [], []], "`x`"]},
                {"t": "Note", "c": [para({"t": "Str", "c": "nota"})]},
                {"t": "Cite", "c": [[], [{"t": "Str", "c": "@ref"}]]},
            ),
        )
    )
    assert ast["meta"] == {}
    assert kinds(ast) <= {"Para", "Str", "Space"}
    assert text_of(ast["blocks"]).split() == ["rm", "-rf", "/", "x^2`x`nota@ref"]  # they were adjacent
    assert removed == ["CodeBlock", "Math", "Code", "Note", "Cite"]


def test_a_plain_document_passes_unchanged() -> None:
    original = doc(
        {"t": "Header", "c": [1, ["sec:vision", [], []], [{"t": "Str", "c": "Visione"}]]},
        para({"t": "Link", "c": [["", [], []], [{"t": "Str", "c": "su"}], ["#sec:vision", ""]]}),
    )
    ast, removed = sanitise(original)
    assert removed == []
    assert ast["blocks"] == original["blocks"]
