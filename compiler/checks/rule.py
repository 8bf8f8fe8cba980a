"""What a rule module is made of: its code, and the findings it yields.

A rule's code takes its meaning from the first line of the rule's docstring, so the rule module
is the only home of what the code means (``tools/babel_rules.py`` extracts those lines for
translation).
"""

from __future__ import annotations

from compiler.messages.diagnostics import Code, Severity, Text, Where, msg

#: What a rule reports: where, what is wrong, what to write instead.
Finding = tuple[Where, Text, Text | None]


def rule_code(name: str, severity: Severity, docstring: str | None) -> Code:
    """The code of a rule, meaning the first line of its module's docstring."""
    first_line = (docstring or "").strip().splitlines()[0] if docstring and docstring.strip() else name
    return Code(name, severity, msg(first_line))
