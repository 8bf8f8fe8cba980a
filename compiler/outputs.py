"""Produce HTML, DOCX and PDF from planc's Markdown: one pandoc read, one gate, writers in parallel.

The Markdown is read once into pandoc's AST and sanitised; each format then gets the same
AST plus a few blocks of planc's own (a ``<nav>`` around the contents, Typst calls for the
cover), and its pandoc writer runs at the same time as the others. Typst compiles the PDF
as soon as its source is written. Every file goes to a staging folder first.
"""

from __future__ import annotations

import datetime
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compiler import docx, output, pandoc, pdf
from compiler.sanitize import Node, literal, sanitise

FORMATS = ("html", "docx", "pdf")
#: Markdown longer than this is read by as many pandoc processes as there are cores.
SPLIT_ABOVE = 64_000
TEMPLATES = Path(__file__).parent / "templates"
_TYPST_COVER = {
    "cover": "planc-cover",
    "cover-title": "planc-cover-title",
    "cover-subtitle": "planc-cover-subtitle",
    "cover-meta": "planc-cover-meta",
    "cover-parties": "planc-cover-parties",
}
_TYPST_FORBIDDEN = re.compile(r"(?<!\\)#(?:read|include|import|plugin|json|yaml|csv|xml|toml|cbor|image|eval)\b")


class ToolchainError(Exception):
    """pandoc or Typst failed, or the outputs could not be written."""


@dataclass(frozen=True)
class Chrome:
    """The words around the content: title, labels, draft mark, in the plan's language."""

    title: str
    lang: str
    version_label: str
    draft_mark: str | None
    draft_note: str
    toc_title: str
    skip_label: str
    footer_note: str
    page_label: str


@dataclass(frozen=True)
class Request:
    """One build: the Markdown, the chrome, which formats, where and when."""

    markdown: str
    chrome: Chrome
    formats: tuple[str, ...]
    out: Path
    when: datetime.datetime


def produce(request: Request) -> list[Path]:
    """Write ``plan.md`` and the requested formats into ``request.out``; all or nothing."""
    try:
        with output.staging(request.out) as folder:
            files = _produce(request, folder)
            return output.commit(files, request.out)
    except (pandoc.PandocError, pdf.TypstError) as exc:
        raise ToolchainError(str(exc)) from exc
    except OSError as exc:
        raise ToolchainError(f"cannot write the outputs in {request.out}: {exc.strerror or exc}") from exc


def _produce(request: Request, folder: Path) -> dict[str, Path]:
    data_dir = folder / "pandoc-data"
    data_dir.mkdir()
    files = {"plan.md": folder / "plan.md"}
    files["plan.md"].write_text(request.markdown, encoding="utf-8")
    default_reference = (
        pandoc.start(["--print-default-data-file", "reference.docx"], data_dir, "print the default reference.docx")
        if "docx" in request.formats
        else None
    )
    compiler = pdf.Compiler(int(request.when.timestamp())) if "pdf" in request.formats else None
    runs: dict[str, pandoc.Run] = {}
    try:
        parts = 1 if len(request.markdown) < SPLIT_ABOVE else os.cpu_count() or 1
        ast, _removed = sanitise(pandoc.read_markdown(request.markdown, folder, data_dir, parts))
        if "pdf" in request.formats:
            runs["pdf"] = _start_typst_source(ast, request.chrome, folder, data_dir)
        if "html" in request.formats:
            runs["html"] = _start_html(ast, request.chrome, folder, data_dir)
        if "docx" in request.formats and default_reference is not None:
            runs["docx"] = _start_docx(ast, request.chrome, folder, data_dir, default_reference.wait())
        if compiler is not None:
            _start_pdf(runs["pdf"], folder, compiler)
        if "html" in runs:
            runs["html"].wait()
            files["plan.html"] = folder / "plan.html"
        if "docx" in runs:
            runs["docx"].wait()
            raw = (folder / "raw.docx").read_bytes()
            (folder / "plan.docx").write_bytes(
                docx.finish(raw, request.chrome.title, request.chrome.lang, request.when)
            )
            files["plan.docx"] = folder / "plan.docx"
        if compiler is not None:
            compiler.finish()
            files["plan.pdf"] = folder / "plan.pdf"
    finally:
        for run in runs.values():
            run.kill()
        if compiler is not None:
            compiler.stop()
    return files


def _meta(chrome: Chrome, **extra: str | None) -> Node:
    meta: Node = {
        "title": {"t": "MetaInlines", "c": literal(chrome.title)},
        "lang": {"t": "MetaString", "c": chrome.lang},
    }
    for key, value in extra.items():
        if value is not None:
            meta[key.replace("_", "-")] = {"t": "MetaInlines", "c": literal(value)}
    return meta


def _write_ast(ast: Node, meta: Node, blocks: list[Node], path: Path) -> Path:
    path.write_text(json.dumps({**ast, "meta": meta, "blocks": blocks}, ensure_ascii=False), encoding="utf-8")
    return path


def _raw(fmt: str, text: str) -> Node:
    return {"t": "RawBlock", "c": [fmt, text]}


def _classes(block: Node) -> tuple[str, list[str]]:
    identifier, classes, _pairs = block["c"][0]
    return identifier, classes


def _decorate(blocks: list[Node], decorate: Any) -> list[Node]:
    """Apply ``decorate`` to every top-level block and the blocks of the cover."""
    out: list[Node] = []
    for block in blocks:
        out.extend(decorate(block))
    return out


def _typst_blocks(block: Node) -> list[Node]:
    if block["t"] != "Div":
        return [block]
    identifier, classes = _classes(block)
    if identifier == "toc":
        return [_raw("typst", "#planc-toc()")]
    function = next((_TYPST_COVER[c] for c in classes if c in _TYPST_COVER), None)
    inner = _decorate(block["c"][1], _typst_blocks)
    if function is None:
        return inner
    return [_raw("typst", f"#{function}["), *inner, _raw("typst", "]")]


def _start_typst_source(ast: Node, chrome: Chrome, folder: Path, data_dir: Path) -> pandoc.Run:
    language, _, region = chrome.lang.partition("-")
    meta = _meta(
        chrome,
        running_title=chrome.title,
        version_label=chrome.version_label,
        draft_mark=chrome.draft_mark,
        toc_title=chrome.toc_title,
    )
    meta["lang-code"] = {"t": "MetaString", "c": language}
    if region:
        meta["region"] = {"t": "MetaString", "c": region}
    source = _write_ast(ast, meta, _decorate(ast["blocks"], _typst_blocks), folder / "typst.json")
    (folder / "typst").mkdir()
    options = ["--standalone", f"--template={TEMPLATES / 'plan.typ'}"]
    return pandoc.start_writer(source, "typst", folder / "typst" / "main.typ", data_dir, options)


def _start_pdf(run: pandoc.Run, folder: Path, compiler: pdf.Compiler) -> None:
    run.wait()
    source = folder / "typst" / "main.typ"
    text = pdf.fix_field_access(source.read_text(encoding="utf-8"))
    forbidden = _TYPST_FORBIDDEN.search(text)
    if forbidden:
        raise pdf.TypstError(f"refusing to compile Typst source that calls {forbidden.group()}")
    source.write_text(text, encoding="utf-8")
    compiler.compile(source, folder / "plan.pdf")


def _html_blocks(block: Node) -> list[Node]:
    if block["t"] == "Div" and _classes(block)[0] == "toc":
        return [_raw("html", '<nav class="toc" aria-labelledby="toc-title">'), *block["c"][1], _raw("html", "</nav>")]
    return [block]


def _start_html(ast: Node, chrome: Chrome, folder: Path, data_dir: Path) -> pandoc.Run:
    css = (TEMPLATES / "plan.css").read_text(encoding="utf-8")
    template = (TEMPLATES / "plan.html").read_text(encoding="utf-8").replace("/* planc:css */", css)
    (folder / "plan.html.template").write_text(template, encoding="utf-8")
    meta = _meta(
        chrome,
        pagetitle=chrome.title,
        draft_mark=chrome.draft_mark,
        draft_note=chrome.draft_note,
        skip_label=chrome.skip_label,
        footer_note=chrome.footer_note,
    )
    source = _write_ast(ast, meta, _decorate(ast["blocks"], _html_blocks), folder / "html.json")
    options = ["--standalone", f"--template={folder / 'plan.html.template'}", "--section-divs"]
    return pandoc.start_writer(source, "html5", folder / "plan.html", data_dir, options)


def _start_docx(ast: Node, chrome: Chrome, folder: Path, data_dir: Path, default_reference: bytes) -> pandoc.Run:
    page_chrome = docx.Chrome(chrome.title, chrome.version_label, chrome.draft_mark, chrome.page_label)
    (folder / "reference.docx").write_bytes(docx.reference(default_reference, page_chrome))
    meta: Node = {"lang": {"t": "MetaString", "c": chrome.lang}}
    source = _write_ast(ast, meta, ast["blocks"], folder / "docx.json")
    options = [f"--reference-doc={folder / 'reference.docx'}"]
    return pandoc.start_writer(source, "docx", folder / "raw.docx", data_dir, options)
