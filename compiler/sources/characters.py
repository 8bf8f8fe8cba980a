"""Characters a plan must not hold (control and text-direction ones) and those the PDF cannot print."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from compiler.glyphs import unprintable
from compiler.messages.diagnostics import Diagnostic, Where, msg
from compiler.sources import codes

MAX_CHARACTER_REPORTS = 10
_BAD_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]"
)
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def forbidden(text: str, file: str) -> Iterator[Diagnostic]:
    for count, match in enumerate(_BAD_CHARACTERS.finditer(text)):
        if count == MAX_CHARACTER_REPORTS:
            return
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - text.rfind("\n", 0, match.start())
        character = match.group()
        name = unicodedata.name(character, "CONTROL CHARACTER")
        code_point = f"U+{ord(character):04X}"
        if character in _BIDI:
            yield codes.BIDI_CHARACTER.at(
                Where(file, line, column),
                msg(
                    "Invisible text-direction character {code_point} ({name}): it can make the text look different from what it is.",
                    code_point=code_point,
                    name=name,
                ),
                msg("Delete it: retype the words around this position."),
            )
        else:
            yield codes.CONTROL_CHARACTER.at(
                Where(file, line, column),
                msg("Invisible control character {code_point} ({name}) in the text.", code_point=code_point, name=name),
                msg("Delete it: it often comes from copying text out of another program."),
            )


def unprintable_in(text: str, file: str) -> Iterator[Diagnostic]:
    reported = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("#") or line.isascii():
            continue
        for index, character in unprintable(line):
            if reported == MAX_CHARACTER_REPORTS:
                return
            reported += 1
            yield codes.UNPRINTABLE_CHARACTER.at(
                Where(file, number, index + 1),
                msg(
                    "No font of the PDF has the character {character} ({name}): the PDF will show □ instead.",
                    character=character,
                    name=unicodedata.name(character, f"U+{ord(character):04X}"),
                ),
                msg("The HTML and DOCX show it as written; to have it in the PDF too, replace it with words."),
            )
