"""Which names a Typst source calls, found by reading its structure: markup, code, strings, comments.

The PDF writer refuses a source that would call a Typst function that reads files or runs code.
Searching for ``#read`` as a substring also finds it where Typst would not run it: in a link's
target (``#link("https://…#import-rules")``), in a comment, or escaped (``\\#read``). This reader
follows Typst's modes instead: in markup, ``\\x`` is an escaped character and ``#name`` starts
code; in code, ``"…"`` is a string and every name may be called; ``[…]`` is markup again. It
over-reports rather than misses: every name in code counts, whether or not it is called.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_FIELD = re.compile(r"\.([A-Za-z_][A-Za-z0-9_-]*)")
_COMMENT = r"//[^\n]*|/\*.*?(?:\*/|\Z)"
_MARKUP_SKIP = re.compile(r"\\(?:u\{[^}\n]*\}|.)|" + _COMMENT + r"|(`{3,}).*?(?:\1|\Z)|`[^`]*`?", re.DOTALL)
#: In markup only these characters can start something: an escape, a comment, raw text, code, content.
_MARKUP_NEXT = re.compile(r"[\\/`#\[\]]")
_CODE_SKIP = re.compile(r'"(?:[^"\\]|\\.)*"?|' + _COMMENT, re.DOTALL)
#: Keywords after which code goes on to the end of the line (``#let x = …``, ``#show …: …``).
_STATEMENTS = frozenset({"let", "set", "show", "import", "include", "if", "for", "while", "context", "return"})
_OPENERS = {"(": ("code", ")"), "{": ("code", "}"), "[": ("markup", "]")}


@dataclass
class _Frame:
    mode: str  #: "markup" or "code"
    closer: str  #: the character that ends it ("" for the whole source, "\n" for a statement)
    postfix: bool = False  #: after it ends, ``(…)``, ``[…]`` or ``.name`` may continue the expression


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.frames = [_Frame("markup", "")]
        self.names: list[str] = []

    def read(self) -> list[str]:
        position = 0
        while position < len(self.source):
            markup = self.frames[-1].mode == "markup"
            position = self._markup(position) if markup else self._code(position)
        return self.names

    def _markup(self, position: int) -> int:
        found = _MARKUP_NEXT.search(self.source, position)
        if found is None:
            return len(self.source)
        position = found.start()  # plain text before it: nothing to read
        skipped = _MARKUP_SKIP.match(self.source, position)
        if skipped:
            return skipped.end()
        character = self.source[position]
        if character == "#":
            return self._embedded(position + 1)
        if character == "[":
            self.frames.append(_Frame("markup", "]"))
        elif character == "]" and self.frames[-1].closer == "]":
            return self._close(position)
        return position + 1

    def _embedded(self, position: int) -> int:
        """Code after a ``#`` in markup: a name with what follows it, or a bracketed expression."""
        name = _NAME.match(self.source, position)
        if name is None:
            return self._postfix(position)
        self.names.append(name.group())
        if name.group() in _STATEMENTS:
            self.frames.append(_Frame("code", "\n"))
            return name.end()
        return self._postfix(name.end())

    def _postfix(self, position: int) -> int:
        while (field := _FIELD.match(self.source, position)) is not None:
            self.names.append(field.group(1))
            position = field.end()
        opener = _OPENERS.get(self.source[position : position + 1])
        if opener is not None:
            self.frames.append(_Frame(*opener, postfix=True))
            return position + 1
        return position

    def _code(self, position: int) -> int:
        skipped = _CODE_SKIP.match(self.source, position)
        if skipped:
            return skipped.end()
        name = _NAME.match(self.source, position)
        if name:
            self.names.append(name.group())
            return name.end()
        character = self.source[position]
        closer = self.frames[-1].closer
        if character in _OPENERS:
            self.frames.append(_Frame(*_OPENERS[character]))
        elif character == closer or (closer == "\n" and character == ";"):
            return self._close(position)
        elif closer == "\n" and character in ")}]":  # a statement ends with the bracket around it
            self.frames.pop()
            return position
        return position + 1

    def _close(self, position: int) -> int:
        frame = self.frames.pop()
        return self._postfix(position + 1) if frame.postfix else position + 1


def called_names(source: str) -> list[str]:
    """Every name Typst could call when it compiles ``source``, in order (some that it would not)."""
    return _Reader(source).read()
