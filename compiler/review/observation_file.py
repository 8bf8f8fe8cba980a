"""The register as observations awaiting a response: a new plan file, YAML that planc's strict loader reads back.

Every value is written as a double-quoted scalar (JSON's escapes are YAML's), so no text a reviewer
wrote can become YAML structure, a date or a number; invisible control and text-direction
characters, which a plan may not hold, are left out. Replies are added to the text of the comment
they answer; a suggested edit becomes an observation of its own.
"""

from __future__ import annotations

import json
import re

from compiler.messages.diagnostics import msg
from compiler.messages.translate import Translator
from compiler.review.comments import DELETION, INSERTION
from compiler.review.register import REPLY, Register, RegisterEntry

_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]"
)
_FIELDS = ("on", "removed", "section", "by", "date", "origin", "source", "quote", "text")


def observation_records(register: Register, present: frozenset[str], translate: Translator) -> list[dict[str, object]]:
    """The observations the register adds: one per comment (replies in its text) or suggested edit."""
    records: dict[int, dict[str, object]] = {}
    for entry in register.entries:
        if entry.kind == REPLY and entry.reply_to in records:
            reply = translate(msg("Reply by {author}: {text}", author=entry.author or "?", text=entry.text))
            records[entry.reply_to]["text"] = f"{records[entry.reply_to]['text']}\n\n{reply}"
        else:
            records[entry.number] = _record(entry, present, translate)
    return list(records.values())


def _record(entry: RegisterEntry, present: frozenset[str], translate: Translator) -> dict[str, object]:
    if entry.kind == INSERTION:
        text = translate(msg("Suggests inserting: “{text}”", text=entry.text))
    elif entry.kind == DELETION:
        text = translate(msg("Suggests deleting: “{text}”", text=entry.text))
    else:
        text = entry.text or "…"
    record: dict[str, object] = {}
    if entry.object:
        record["on"] = entry.object
        if entry.object not in present:
            record["removed"] = True
    elif entry.headings:
        record["section"] = " › ".join(entry.headings)
    record.update(by=entry.author or translate(msg("Unnamed reviewer")), origin="comments", source=entry.file)
    if entry.date:
        record["date"] = entry.date
    if entry.quote and entry.kind not in (INSERTION, DELETION):
        record["quote"] = entry.quote[:2000]
    record["text"] = text
    return {key: record[key] for key in _FIELDS if key in record}


def observations_yaml(records: list[dict[str, object]], heading: str) -> str:
    """A plan file holding ``records`` under ``observations:``, with a comment line on top."""
    lines = [f"# {_clean(heading).replace(chr(10), ' ')}", "observations:"]
    for record in records:
        for position, (key, value) in enumerate(record.items()):
            lead = "  - " if position == 0 else "    "
            lines.append(f"{lead}{key}: {_scalar(value)}")
    return "\n".join(lines) + "\n"


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    quoted = json.dumps(_clean(str(value)), ensure_ascii=False)
    return quoted.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")  # YAML reads these as line breaks


def _clean(text: str) -> str:
    return _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
