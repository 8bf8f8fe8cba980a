"""Every rule's docstring examples run: the passing one is clean, the failing one reports the rule's code.

The examples are files added to the base plan (or, when the first line is a comment naming a
file of the base plan, ``# 00-plan.yaml``, that file replaced); the failing one's diagnostics
carry the severity the catalogue gives the code (the catalogue, not the rule, is what
``planc codes`` documents).
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

from compiler.catalogue import CATALOGUE
from compiler.checks import RULES
from tests.conftest import overlay, planc

_EXAMPLE = re.compile(r"^(Passes|Fails)[^\n]*::\n\n((?:    [^\n]*\n|\n)+)", re.M)
_REPLACES = re.compile(r"# ([0-9A-Za-z_-]+\.yaml)\n")


def example_file(example: str) -> str:
    """The name the example is written as: a base file it replaces, or ``90-example.yaml``."""
    replaced = _REPLACES.match(example)
    return replaced.group(1) if replaced else "90-example.yaml"


def examples(rule: ModuleType) -> dict[str, str]:
    """The rule's examples by kind (``Passes``, ``Fails``), as YAML files."""
    found = {kind: textwrap.dedent(body) for kind, body in _EXAMPLE.findall(rule.__doc__ or "")}
    assert set(found) == {"Passes", "Fails"}, rule.__name__
    return found


def check_with(example: str, folder: Path) -> list[dict[str, object]]:
    plan = overlay(None, folder)
    (plan / example_file(example)).write_text(example, encoding="utf-8")
    return planc("check", "--format", "json", "--strict", str(plan)).diagnostics


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.CODE.name)
def test_the_passing_example_is_clean(rule: ModuleType, tmp_path: Path) -> None:
    assert check_with(examples(rule)["Passes"], tmp_path / "plan") == []


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.CODE.name)
def test_the_failing_example_reports_the_code_with_its_catalogue_severity(rule: ModuleType, tmp_path: Path) -> None:
    found = check_with(examples(rule)["Fails"], tmp_path / "plan")
    code = rule.CODE.name
    assert [d["code"] for d in found] == [code], found
    assert found[0]["severity"] == CATALOGUE[code].severity.value
    assert found[0]["file"].endswith(example_file(examples(rule)["Fails"]))
