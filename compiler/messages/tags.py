"""The parts of a BCP 47 language tag (RFC 5646) that planc reads: language, script and region.

The schema says which tags are well-formed; this module only takes a tag apart (tolerantly, so
that a tag the schema refused still gives the messages a language) and writes it in its
canonical case: ``ZH-hans-cn`` is ``zh-Hans-CN``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: What a tag with no usable language subtag (private use ``x-…``, ``i-…``) is read as: undetermined.
UNDETERMINED = "und"
_LANGUAGE = re.compile(r"[a-z]{2,3}")
_EXTLANG = re.compile(r"[a-z]{3}")
_SCRIPT = re.compile(r"[a-z]{4}")
_REGION = re.compile(r"[a-z]{2}|[0-9]{3}")


@dataclass(frozen=True)
class LanguageTag:
    """A language tag's language (``zh``), script (``Hans``) and region (``CN`` or ``419``), as written."""

    text: str
    language: str
    script: str | None = None
    region: str | None = None


def parse(tag: str) -> LanguageTag:
    """Take ``tag`` apart; a tag without a language subtag reads as ``und``."""
    subtags = [part for part in re.split(r"[-_]", tag.strip().lower()) if part]
    if not subtags or not _LANGUAGE.fullmatch(subtags[0]):
        return LanguageTag(tag.strip(), UNDETERMINED)
    language, rest = subtags[0], subtags[1:]
    while rest and _EXTLANG.fullmatch(rest[0]) and len(language) <= 3:
        rest = rest[1:]  # extended language subtags (zh-yue) are not read
    script = rest.pop(0).title() if rest and _SCRIPT.fullmatch(rest[0]) else None
    region = rest.pop(0).upper() if rest and _REGION.fullmatch(rest[0]) else None
    return LanguageTag(_canonical(subtags), language, script, region)


def _canonical(subtags: list[str]) -> str:
    """RFC 5646's case conventions: ``language-Script-REGION-variant``, singletons and after lower case."""
    out = [subtags[0]]
    extension = False
    for subtag in subtags[1:]:
        extension = extension or len(subtag) == 1
        if not extension and len(subtag) == 4 and subtag.isalpha():
            out.append(subtag.title())
        elif not extension and len(subtag) == 2 and subtag.isalpha():
            out.append(subtag.upper())
        else:
            out.append(subtag)
    return "-".join(out)
