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
        yield bad_character(match.group(), Where(file, line, column))


def first_bad_character(value: str) -> str | None:
    """The first control or text-direction character in ``value``, if it holds one."""
    found = _BAD_CHARACTERS.search(value)
    return found.group() if found else None


def bad_character(character: str, where: Where, escape: str | None = None) -> Diagnostic:
    """The diagnostic for a control or text-direction character (written as ``escape`` if given)."""
    name = unicodedata.name(character, "CONTROL CHARACTER")
    code_point = f"U+{ord(character):04X}"
    if escape is not None:
        code = codes.BIDI_CHARACTER if character in _BIDI else codes.CONTROL_CHARACTER
        return code.at(
            where,
            msg(
                "The escape {escape} writes the invisible character {code_point} ({name}) into the text.",
                escape=escape,
                code_point=code_point,
                name=name,
            ),
            msg("Delete the escape: a plan's text holds only characters that can be seen."),
        )
    if character in _BIDI:
        return codes.BIDI_CHARACTER.at(
            where,
            msg(
                "Invisible text-direction character {code_point} ({name}): it can make the text look different from what it is.",
                code_point=code_point,
                name=name,
            ),
            msg("Delete it: retype the words around this position."),
        )
    return codes.CONTROL_CHARACTER.at(
        where,
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
