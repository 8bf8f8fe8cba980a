"""Characters a plan must not hold (control and text-direction ones) and those the PDF cannot print."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator

from compiler.glyphs import Family, missing_family, unprintable
from compiler.messages.diagnostics import Diagnostic, Where, msg
from compiler.sources import codes

MAX_CHARACTER_REPORTS = 10
MAX_CHARACTER_SAMPLE = 20
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
    """Warn about text the PDF cannot print well: by missing font, by script no font has, or symbol by symbol."""
    by_family: dict[Family, list[tuple[Where, str]]] = defaultdict(list)
    without_font: list[tuple[Where, str]] = []
    for number, written in enumerate(text.splitlines(), start=1):
        if written.lstrip().startswith("#") or written.isascii():
            continue
        line = unicodedata.normalize("NFC", written)
        missing = dict(unprintable(line))
        fonts = {c: f for c in set(line) if (f := _missing_font_of(c, c in missing.values())) is not None}
        if not (fonts or missing):
            continue  # the usual case: every character of the line prints, in a font made for it
        for index, character in enumerate(line):
            family = fonts.get(character)
            if family is not None:
                by_family[family].append((Where(file, number, index + 1), character))
            elif index in missing:
                without_font.append((Where(file, number, index + 1), character))
    for family, found in by_family.items():
        yield _missing_font(family, found)
    letters = [(where, c) for where, c in without_font if unicodedata.category(c)[0] in "LM"]
    if letters:
        yield _unknown_script(letters)
    yield from _without_font([(where, c) for where, c in without_font if unicodedata.category(c)[0] not in "LM"])


def _missing_font_of(character: str, unprintable: bool) -> Family | None:
    """The missing font made for a character: for □, or for a letter Typst's own fonts stand in for."""
    if ord(character) < 0x80 or not (unprintable or unicodedata.category(character)[0] in "LM"):
        return None  # spaces, digits and punctuation print well in any font
    return missing_family(character)


def _without_font(found: list[tuple[Where, str]]) -> Iterator[Diagnostic]:
    for where, character in found[:MAX_CHARACTER_REPORTS]:
        yield codes.UNPRINTABLE_CHARACTER.at(
            where,
            msg(
                "No font of the PDF has the character {character} ({name}): the PDF will show □ instead.",
                character=character,
                name=unicodedata.name(character, f"U+{ord(character):04X}"),
            ),
            msg("The HTML and DOCX show it as written; to have it in the PDF too, replace it with words."),
        )
    rest = found[MAX_CHARACTER_REPORTS:]
    if rest:
        yield codes.UNPRINTABLE_CHARACTER.at(
            rest[0][0],
            msg(
                "{count} more characters of this file are in no font of the PDF, which will show □ for them: {characters}.",
                count=len(rest),
                characters=_sample(character for _where, character in rest),
            ),
            msg("The HTML and DOCX show them as written; no font planc knows has them."),
        )


def _unknown_script(found: list[tuple[Where, str]]) -> Diagnostic:
    """Letters of a script no font planc knows has: text to print, not a symbol to put in words."""
    return codes.UNPRINTABLE_CHARACTER.at(
        found[0][0],
        msg(
            "No font of the PDF has the letters of this script, so the PDF shows them as □: {characters}.",
            characters=_sample(character for _where, character in found),
        ),
        msg(
            "The HTML and DOCX show the text as written; for the PDF, ask planc's maintainers to add a font for this script."
        ),
    )


def _missing_font(family: Family, found: list[tuple[Where, str]]) -> Diagnostic:
    return codes.MISSING_FONT.at(
        found[0][0],
        msg(
            "The font {family} is not installed, so the PDF shows these characters as □ or in a font not made for them: {characters}.",
            characters=_sample(character for _where, character in found),
            family=family.name,
        ),
        msg(
            "Install Debian's {package} package (“make fonts” does it) and build again; the HTML and DOCX show the text as written.",
            package=family.package,
        ),
    )


def _sample(characters: Iterable[str]) -> str:
    """The distinct characters, the first ones of them: ``地 域 福 … (+12)``."""
    distinct = list(dict.fromkeys(characters))
    shown = " ".join(distinct[:MAX_CHARACTER_SAMPLE])
    return shown + (f" … (+{len(distinct) - MAX_CHARACTER_SAMPLE})" if len(distinct) > MAX_CHARACTER_SAMPLE else "")
