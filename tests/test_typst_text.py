"""The PDF's Typst source shows plan text as text, and the guard reads its structure, not substrings."""

from __future__ import annotations

import dataclasses
import datetime
import json
from pathlib import Path
from typing import Any

import pypdf
import pytest

from compiler.outputs import pandoc, typst_text
from compiler.outputs.typst_calls import called_names
from tests.conftest import BASE

Node = dict[str, Any]
#: Text a drafter might write that Typst reads as markup at the start of a line, or anywhere.
HOSTILE = ["= Titolo", "== Sotto", "- voce", "+ più", "/ termine: x", "1. uno", "12. dodici", "a -? b", "c -- d"]


def text(words: str) -> list[Node]:
    return [{"t": "Str", "c": words}]


def para(words: str) -> Node:
    return {"t": "Plain", "c": text(words)}


def cell(words: str) -> list[Any]:
    return [["", [], []], {"t": "AlignDefault"}, 1, 1, [para(words)]]


def table(caption: str, cells: list[str]) -> Node:
    row = [["", [], []], [cell(words) for words in cells]]
    head = [["", [], []], [[["", [], []], [cell("Intestazione") for _ in cells]]]]
    body = [["", [], []], 0, [], [row]]
    specs = [[{"t": "AlignDefault"}, {"t": "ColWidthDefault"}] for _ in cells]
    return {"t": "Table", "c": [["", [], []], [None, [para(caption)]], specs, head, [body], [["", [], []], []]]}


def every_position(words: str) -> list[Node]:
    """``words`` at the start of each block position and content block the writer has."""
    return [
        {"t": "Para", "c": text(words)},
        {"t": "Para", "c": [{"t": "Str", "c": "prima"}, {"t": "LineBreak"}, *text(words)]},
        {"t": "BulletList", "c": [[para(words)]]},
        {"t": "OrderedList", "c": [[1, {"t": "Decimal"}, {"t": "Period"}], [[para(words)]]]},
        {"t": "Header", "c": [2, ["", [], []], text(words)]},
        table(words, [words, words]),
        {"t": "Para", "c": [{"t": "Emph", "c": text(words)}, {"t": "Space"}, {"t": "Strong", "c": text(words)}]},
        {"t": "Para", "c": [{"t": "Link", "c": [["", [], []], text(words), ["https://example.org/#import", ""]]}]},
        {
            "t": "Div",
            "c": [["", ["cover"], []], [{"t": "Para", "c": [{"t": "Span", "c": [["", [], []], text(words)]}]}]],
        },
    ]


def typst_pdf(blocks: list[Node], folder: Path) -> tuple[str, Path]:
    """Write ``blocks`` as Typst with the real pandoc (as planc does) and compile them with Typst."""
    import typst

    source = folder / "doc.json"
    document = {"pandoc-api-version": [1, 23, 1, 1], "meta": {}, "blocks": typst_text.escape_blocks(blocks)}
    source.write_text(json.dumps(document), encoding="utf-8")
    data = folder / "data"
    data.mkdir(exist_ok=True)
    main = folder / "main.typ"
    pandoc.start_writer(source, "typst-smart", main, data, []).wait()
    pdf = folder / "doc.pdf"
    pdf.write_bytes(typst.compile(str(main), font_paths=[], ignore_system_fonts=True))
    return main.read_text(encoding="utf-8"), pdf


@pytest.mark.toolchain
@pytest.mark.parametrize("words", HOSTILE)
def test_markup_at_the_start_of_every_block_position_stays_text(words: str, tmp_path: Path) -> None:
    source, pdf = typst_pdf(every_position(words), tmp_path)
    reader = pypdf.PdfReader(pdf)
    shown = " ".join((page.extract_text() or "") for page in reader.pages)
    # one heading (the Header block): none made from the text; each position shows the words
    assert len(reader.outline) == 1, source
    assert shown.count(words) == 12, (shown, source)


def test_quotes_dots_and_dashes_become_escapes_and_spaces_keep_a_line_start() -> None:
    escaped = typst_text.escape_inlines([{"t": "Str", "c": '  = l\'"a" ... ---?'}])
    raw = "".join(node["c"][1] if node["t"] == "RawInline" else node["c"] for node in escaped)
    assert raw == '  \\= l\\\'\\"a\\" \\... -\\--\\?'


def test_text_after_a_word_or_inside_a_span_mid_line_is_not_a_line_start() -> None:
    words = [{"t": "Str", "c": "a"}, {"t": "Space"}, {"t": "Span", "c": [["", [], []], text("= b")]}]
    assert typst_text.escape_inlines(words)[2]["c"][1] == text("= b")


def test_the_guard_finds_calls_in_markup_and_code_but_not_in_strings_escapes_or_comments() -> None:
    source = (
        '#link("https://example.org/a#import-rules")[regole \\#read("x")] // #eval("1")\n'
        '#emph[#read("/etc/passwd")] #figure(caption: [#image("a.png")], kind: table)\n'
        '#let f(x) = json(x)\n```\n#plugin("a")\n``` /* #csv("x") */ $x + #yaml("y")$'
    )
    names = called_names(source)
    assert {"read", "image", "json", "yaml"} <= set(names)
    assert not {"import", "eval", "plugin", "csv"} & set(names)


@pytest.mark.toolchain
def test_a_link_whose_address_names_a_typst_function_builds(base_plan: Path, tmp_path: Path) -> None:
    from tests.conftest import planc

    actions = base_plan / "30-actions.yaml"
    link = "    description: Vedi [le regole](https://example.org/guida#import-rules) e #read.\n"
    actions.write_text(actions.read_text(encoding="utf-8").replace("    objective:", link + "    objective:", 1))
    run = planc("build", str(base_plan), "-o", str(tmp_path / "out"))
    assert run.exit_code == 0, run.stderr
    with pypdf.PdfReader(tmp_path / "out" / "plan.pdf") as reader:
        actions = [a.get_object().get("/A") for page in reader.pages for a in page.get("/Annots", [])]
        uris = [action.get("/URI") for action in actions if action is not None]
        assert "https://example.org/guida#import-rules" in uris


@pytest.mark.toolchain
def test_anything_the_gate_removes_from_planc_markdown_stops_the_build(tmp_path: Path) -> None:
    from compiler import pipeline, production
    from compiler.outputs.produce import UnsafeMarkdown, produce

    checked = pipeline.check(BASE)
    assert checked.plan is not None
    request = production._request(checked.plan, tmp_path / "out", ("html",), None, production.Extras())
    unsafe = dataclasses.replace(request, markdown=request.markdown + "\n\n![logo](/etc/passwd)\n")
    with pytest.raises(UnsafeMarkdown, match="Image"):
        produce(unsafe)
    assert not (tmp_path / "out" / "plan.html").exists()
    assert produce(dataclasses.replace(request, when=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)))
