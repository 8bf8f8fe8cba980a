"""What a command did, as one value that owns its exit code (as Black's ``Report`` does).

Exit codes: 0 no errors (warnings allowed); 1 the plan has errors (or warnings under
``--strict``), or the command refused, or (``planc diff``) the versions differ; 2 usage error
(or a version ``planc diff`` cannot compare); 3 toolchain failure; 4 internal error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compiler.messages.diagnostics import Diagnostic, Severity, Text
from compiler.model import Plan

EXIT_OK, EXIT_PLAN, EXIT_USAGE, EXIT_TOOLCHAIN, EXIT_INTERNAL = 0, 1, 2, 3, 4
_LANG_LINE = re.compile(r"^\s+lang:\s*[\"']?([A-Za-z]{2,3})", re.MULTILINE)


@dataclass(frozen=True)
class Checked:
    """A plan after checking: the model (if it could be assembled), diagnostics and sources."""

    plan: Plan | None
    diagnostics: list[Diagnostic]
    texts: dict[str, str] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)  #: the plan as written (``review.snapshot``)

    def has_errors(self, strict: bool = False) -> bool:
        """True if the plan must not be built."""
        failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
        return any(d.severity in failing for d in self.diagnostics)

    @property
    def language(self) -> str | None:
        """The plan's language tag, even if the plan section could not be read."""
        if self.plan is not None and self.plan.meta is not None and self.plan.meta.lang:
            return self.plan.meta.lang
        for text in self.texts.values():
            found = _LANG_LINE.search(text)
            if found:
                return found.group(1)
        return None


@dataclass(frozen=True)
class Outcome:
    """The check a command rests on, what it wrote, and why it stopped if it did."""

    checked: Checked | None = None
    strict: bool = False
    written: tuple[Path, ...] = ()
    refusal: Text | None = None  #: the command would not do it (exit 1)
    failure: Text | None = None  #: pandoc, Typst or the file system failed (exit 3)
    notes: tuple[Text, ...] = ()
    unusable: Text | None = None  #: an argument names nothing the command can use (exit 2)
    output: str | None = None  #: what the command prints on standard output (a diff, a register)
    differs: bool = False  #: ``planc diff`` found changes (exit 1, as ``diff`` does)
    language: str | None = None  #: the language to speak when no checked plan says it

    @property
    def exit_code(self) -> int:
        """The exit code of the command."""
        if self.failure is not None:
            return EXIT_TOOLCHAIN
        if self.unusable is not None:
            return EXIT_USAGE
        if self.differs:
            return EXIT_PLAN
        if self.refusal is not None or (self.checked is not None and self.checked.has_errors(self.strict)):
            return EXIT_PLAN
        return EXIT_OK
