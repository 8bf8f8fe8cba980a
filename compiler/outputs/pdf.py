"""The PDF writer: pandoc writes Typst source with planc's template, Typst compiles it to PDF/A.

The Typst child process is started before pandoc reads the Markdown, so that its start-up is
off the build's critical path; the source pandoc writes is fixed for a pandoc 3.9 bug and
refused if it would call Typst functions that read files or run code.
"""

from __future__ import annotations

from pathlib import Path

from compiler import templates
from compiler.charts import typst_string
from compiler.glyphs import fonts_for
from compiler.messages.diagnostics import msg
from compiler.messages.tags import parse
from compiler.outputs import pandoc, typst_text
from compiler.outputs.ast_gate import Node
from compiler.outputs.figures import Picture, placeholder, typst_figure
from compiler.outputs.table_columns import ROWS_WHOLE, TABLE_WHOLE, fit_columns, text_lines
from compiler.outputs.typst import Compiler, TypstError
from compiler.outputs.typst_calls import called_names
from compiler.outputs.writer import Job, Writer, decorate, div_attributes, pandoc_meta, raw_block, write_ast

_TYPST_DIVS = {
    "cover": "planc-cover",
    "cover-title": "planc-cover-title",
    "cover-subtitle": "planc-cover-subtitle",
    "cover-meta": "planc-cover-meta",
    "cover-parties": "planc-cover-parties",
    "action-sheet": "planc-sheet",
    ROWS_WHOLE: "planc-rows-whole",
    "consultation": "planc-consultation",
}
#: An action sheet of at most this many lines of this many characters (its text at 9.5 pt, a fact's
#: label and value on one line) is kept on one page: well under the page's 50 or so, as the estimate is rough.
SHEET_LINE_CHARACTERS = 90
SHEET_LINES_KEPT = 40
#: Typst functions and keywords that read files or run code: never called by planc's PDF.
FORBIDDEN_CALLS = frozenset(
    {"read", "include", "import", "plugin", "json", "yaml", "csv", "xml", "toml", "cbor", "image", "eval"}
)
#: pandoc 3.9 writes ``#strong[Label].body`` when text starting with ``.`` follows bold text,
#: which Typst reads as a field access (jgm/pandoc#11511, fixed in 3.10): escape that dot.
_FIELD_ACCESS = ("].", "]\\.")


def fix_field_access(source: str) -> str:
    """Escape a ``.`` right after a closing bracket (the pandoc 3.9 field-access bug)."""
    out: list[str] = []
    index = 0
    while (found := source.find(_FIELD_ACCESS[0], index)) != -1:
        escaped = found > 0 and source[found - 1] == "\\" and not (found > 1 and source[found - 2] == "\\")
        after = source[found + 2 : found + 3]
        out.append(source[index:found])
        if not escaped and (after.isalpha() or after == "_"):
            out.append(_FIELD_ACCESS[1])
        else:
            out.append(_FIELD_ACCESS[0])
        index = found + 2
    out.append(source[index:])
    return "".join(out)


def _typst_language(tag: str) -> Node:
    """Typst's ``lang`` (ISO 639) and ``region`` (ISO 3166 alpha-2) for a BCP 47 tag."""
    parts = parse(tag)
    meta: Node = {"lang-code": {"t": "MetaString", "c": parts.language}}
    if parts.region and parts.region.isalpha():
        meta["region"] = {"t": "MetaString", "c": parts.region}
    return meta


def is_title(block: Node) -> bool:
    """True for a paragraph of bold text alone (``**Responsibilities**``, a law's name): a title."""
    if block["t"] != "Para":
        return False
    inlines = [inline for inline in block["c"] if inline["t"] not in ("Space", "SoftBreak")]
    return len(inlines) == 1 and inlines[0]["t"] == "Strong"


def facts(block: Node) -> list[Node]:
    """A definition list as ``#planc-facts([term], [definition], …)``: label beside value, in one grid.

    Not Typst's term list: laid out as a grid, its list structure would not be the one PDF/UA
    requires; a grid of paragraphs reads in the same order.
    """
    out = [raw_block("typst", "#planc-facts([")]
    for index, (term, definitions) in enumerate(block["c"]):
        if index:
            out.append(raw_block("typst", "], ["))
        out += [{"t": "Plain", "c": term}, raw_block("typst", "], [")]
        out += [inner for definition in definitions for inner in definition]
    return [*out, raw_block("typst", "])")]


def index_entries(block: Node) -> list[Node]:
    """The index of actions: each entry (a list item with a link to a sheet) with the sheet's page."""
    out: list[Node] = []
    for inner in block["c"][1]:
        if inner["t"] != "BulletList":
            out.append(inner)
            continue
        for item in inner["c"]:
            links = [node for node in item[0]["c"] if node["t"] == "Link"] if item and item[0]["t"] == "Plain" else []
            if not links:
                out.extend(item)
                continue
            target = typst_string(links[0]["c"][2][0].removeprefix("#"))
            out += [raw_block("typst", f"#planc-index-entry(label({target}))["), *item, raw_block("typst", "]")]
    return out


def _typst_blocks(block: Node, pictures: dict[str, Picture]) -> list[Node]:
    if is_title(block):
        return [raw_block("typst", "#planc-title["), block, raw_block("typst", "]")]
    if block["t"] == "DefinitionList":
        return facts(block)
    if block["t"] != "Div":
        return [block]
    return _typst_div(block, pictures)


def _typst_div(block: Node, pictures: dict[str, Picture]) -> list[Node]:
    chart = placeholder(block, pictures)
    if chart is not None:
        return typst_figure(*chart)
    identifier, classes = div_attributes(block)
    if identifier == "toc":
        return [raw_block("typst", "#planc-toc()")]
    if "action-index" in classes:
        return index_entries(block)
    function = next((_TYPST_DIVS[c] for c in classes if c in _TYPST_DIVS), None)
    inner = decorate(block["c"][1], lambda inner_block: _typst_blocks(inner_block, pictures))
    if function is None:
        return inner
    if function == "planc-sheet":  # estimated here: measured in Typst, 1,000 sheets doubled its time
        whole = text_lines(block["c"][1], SHEET_LINE_CHARACTERS) <= SHEET_LINES_KEPT
        function += f"(whole: {'true' if whole else 'false'})"
    elif function == _TYPST_DIVS[ROWS_WHOLE]:  # a short table: kept on one page (estimated by ``table_columns``)
        function += f"(whole: {'true' if TABLE_WHOLE in classes else 'false'})"
    return [raw_block("typst", f"#{function}["), *inner, raw_block("typst", "]")]


class PdfWriter(Writer):
    """pandoc's Typst writer, then Typst."""

    suffix = ".pdf"
    run: pandoc.Run | None = None
    compiler: Compiler | None = None

    def prepare(self) -> None:
        """Start the Typst child process."""
        self.compiler = Compiler(int(self.when.timestamp()))

    def start(self, job: Job) -> None:
        """Start pandoc writing the Typst source."""
        chrome = job.chrome
        meta = pandoc_meta(
            chrome,
            running_title=chrome.title,
            version_label=chrome.version_label,
            draft_mark=chrome.draft_mark,
            toc_title=chrome.toc_title,
        )
        meta.update(_typst_language(chrome.lang))
        meta["fonts"] = {"t": "MetaList", "c": [{"t": "MetaString", "c": name} for name in fonts_for(chrome.script)]}
        meta = {key: typst_text.escape_meta(value) for key, value in meta.items()}
        blocks = decorate(fit_columns(job.ast["blocks"]), lambda block: _typst_blocks(block, job.pictures))
        body = typst_text.escape_blocks(blocks)
        source = write_ast(job.ast, meta, body, self.folder / f"{self.output}.typst.json")
        (self.folder / "typst").mkdir()
        template = self.folder / "plan.typ.template"
        template.write_text(templates.text("plan.typ"), encoding="utf-8")
        options = ["--standalone", f"--template={template}"]
        self.run = pandoc.start_writer(
            source, "typst-smart", self.folder / "typst" / "main.typ", self.data_dir, options
        )

    def proceed(self) -> None:
        """Wait for the Typst source, check it, and hand it to Typst."""
        if self.run is None or self.compiler is None:
            return
        self.run.wait()
        source = self.folder / "typst" / "main.typ"
        text = fix_field_access(source.read_text(encoding="utf-8"))
        forbidden = sorted(FORBIDDEN_CALLS.intersection(called_names(text)))
        if forbidden:
            raise TypstError(msg("Refusing to compile Typst source that calls {names}.", names=", ".join(forbidden)))
        source.write_text(text, encoding="utf-8")
        self.compiler.compile(source, self.folder / self.output)

    def finish(self) -> Path:
        """Wait for Typst."""
        if self.compiler is not None:
            self.compiler.finish()
        return self.folder / self.output

    def stop(self) -> None:
        """Stop pandoc and Typst."""
        if self.run is not None:
            self.run.kill()
        if self.compiler is not None:
            self.compiler.stop()
