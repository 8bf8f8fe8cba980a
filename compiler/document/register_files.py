"""The register of reviewers' remarks as files: CSV for spreadsheets, Markdown for the meeting, JSON.

The CSV is what Italian spreadsheets open without asking: UTF-8 with a byte-order mark, ``;``
between fields, CRLF line ends. A cell that a spreadsheet would take for a formula starts with
an apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import asdict

from compiler.document.formats import Formats
from compiler.document.markdown import escape
from compiler.messages.diagnostics import Text, msg
from compiler.messages.translate import Translator
from compiler.review.comments import COMMENT, DELETION, INSERTION
from compiler.review.register import REPLY, Register, RegisterEntry

KIND_LABELS: dict[str, Text] = {
    COMMENT: msg("comment"),
    REPLY: msg("reply"),
    INSERTION: msg("suggested insertion"),
    DELETION: msg("suggested deletion"),
}
REGISTER_COLUMNS: tuple[Text, ...] = (
    msg("No."),
    msg("Object"),
    msg("Part of the document"),
    msg("Kind"),
    msg("Author"),
    msg("Date"),
    msg("Text"),
    msg("Commented text"),
    msg("Also on"),
    msg("Resolved"),
    msg("Reply to"),
    msg("Changed since"),
    msg("File"),
)
REGISTER_TITLE = msg("Remarks from the reviewed documents")
ON_THE_TEXT = msg("On the text:")
_FORMULA = re.compile(r"[=+@\t\r]|-[\w(]")


class RegisterWords:
    """The register in one language, naming objects by their id and title."""

    def __init__(self, translate: Translator, formats: Formats, titles: dict[str, str]) -> None:
        self.t = translate
        self.formats = formats
        self.titles = titles

    def place(self, entry: RegisterEntry) -> str:
        """``AZ-01 Sportello di quartiere``, or the headings above a remark on no object."""
        if entry.object:
            return f"{entry.object} {self.titles.get(entry.object, '')}".strip()
        return " › ".join(entry.headings) or self.t(msg("(cover)"))

    def date(self, entry: RegisterEntry) -> str:
        """The remark's date as the documents write dates."""
        return self.formats.when(entry.date) if entry.date else ""

    def yes(self, value: bool) -> str:
        """``sì`` or nothing."""
        return self.t(msg("yes")) if value else ""

    def row(self, entry: RegisterEntry) -> list[str]:
        """The entry's cells, in ``REGISTER_COLUMNS`` order."""
        return [
            str(entry.number),
            entry.object or "",
            " › ".join(entry.headings),
            self.t(KIND_LABELS[entry.kind]),
            entry.author,
            entry.date or "",
            entry.text,
            entry.quote,
            ", ".join(entry.also),
            self.yes(entry.resolved),
            str(entry.reply_to or ""),
            self.yes(entry.changed_since),
            entry.file,
        ]


def register_as(register: Register, words: RegisterWords, output_format: str, about: dict[str, object]) -> str:
    """The register in one of ``REGISTER_FORMATS``; ``about`` describes the plan and the files (JSON)."""
    if output_format == "json":
        payload = {**about, "entries": [asdict(entry) for entry in register.entries]}
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if output_format == "markdown":
        return _markdown(register, words)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([words.t(column) for column in REGISTER_COLUMNS])
    writer.writerows([_cell(cell) for cell in words.row(entry)] for entry in register.entries)
    return "\ufeff" + out.getvalue()


def _cell(text: str) -> str:
    return "'" + text if _FORMULA.match(text) else text


def _markdown(register: Register, words: RegisterWords) -> str:
    out = [f"# {escape(words.t(REGISTER_TITLE))}", ""]
    for _object, _headings, entries in register.groups():
        out.extend([f"## {escape(words.place(entries[0]))}", ""])
        for entry in entries:
            out.extend(_markdown_entry(entry, words))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _markdown_entry(entry: RegisterEntry, words: RegisterWords) -> list[str]:
    indent = "    " if entry.kind == REPLY else ""
    who = escape(entry.author or "?")
    facts = ", ".join(escape(part) for part in (words.date(entry), entry.file) if part)
    kind = escape(words.t(KIND_LABELS[entry.kind]))
    flags = [words.t(msg("resolved"))] if entry.resolved else []
    if entry.changed_since:
        flags.append(words.t(msg("the object has changed since")))
    if entry.also:
        flags.append(words.t(msg("also on {ids}", ids=tuple(entry.also))))
    line = f"{indent}- **{entry.number}. {who}** ({facts}), {kind}: {escape(entry.text)}"
    if flags:
        line += f" *({escape('; '.join(flags))})*"
    lines = [line]
    if entry.quote:
        lines.append(f"{indent}    *{escape(words.t(ON_THE_TEXT))}* “{escape(entry.quote)}”")
    return lines
