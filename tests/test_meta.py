"""Rules about the code itself: one YAML loader, no shell, every diagnostic code documented and tested."""

from __future__ import annotations

import ast
import re

from compiler import schema
from compiler.catalogue import CATALOGUE, CROSS_CHECKS
from compiler.checks import RULES
from tests.conftest import CASES, ROOT

COMPILER = ROOT / "compiler"
SOURCES = {path: path.read_text(encoding="utf-8") for path in COMPILER.rglob("*.py")}
TESTS = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "tests").glob("test_*.py"))


def emitted_codes() -> set[str]:
    """The code of every ``error(where, "code", …)`` and ``warning(…)`` call, and every rule's."""
    codes = {rule.CODE for rule in RULES} | {code for code, _, _ in schema.PATTERN_EXPLANATIONS.values()}
    for text in SOURCES.values():
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in {"error", "warning"}:
                code = node.args[1]
                if isinstance(code, ast.Constant):
                    codes.add(code.value)
    return codes


def test_the_catalogue_lists_exactly_the_codes_planc_emits() -> None:
    assert emitted_codes() == set(CATALOGUE)


def test_rules_match_their_catalogue_entries() -> None:
    assert {rule.CODE: rule.SEVERITY for rule in RULES} == {
        code: severity for code, (severity, _) in CROSS_CHECKS.items()
    }


def test_every_code_has_a_failing_case() -> None:
    in_cases = {
        line.split()[1] for path in (CASES / "invalid").glob("*/expected.txt") for line in path.read_text().splitlines()
    }
    in_unit_tests = {code for code in CATALOGUE if f'"{code}"' in TESTS}
    assert set(CATALOGUE) - in_cases - in_unit_tests == set()


def test_every_rule_shows_passing_and_failing_yaml() -> None:
    for rule in RULES:
        assert rule.__doc__ and "Passes" in rule.__doc__ and "Fails" in rule.__doc__, rule.__name__


def test_only_the_loader_touches_the_yaml_parser() -> None:
    parsing = re.compile(r"yaml\.(?:safe_|full_|unsafe_)?load\(|UnsafeLoader|FullLoader|CParser|yaml\.compose")
    users = {path.name for path, text in SOURCES.items() if parsing.search(text)}
    assert users == {"sources.py"}


def test_no_shell_and_no_unbounded_subprocess() -> None:
    for path, text in SOURCES.items():
        assert "shell=True" not in text, path
        assert "os.system" not in text, path


def test_each_third_party_library_lives_in_one_module() -> None:
    homes = {
        "yaml": {"sources.py", "writer.py"},  # writer.py: the importers' YAML dumper (it loads through sources)
        "jsonschema": {"schema.py"},
        "jsonschema_rs": {"schema.py"},
        "jinja2": {"render.py"},
        "babel": {"l10n.py"},
        "typst": {"pdf.py"},
    }
    for library, expected in homes.items():
        importing = {
            path.name for path, text in SOURCES.items() if re.search(rf"^\s*(?:import|from) {library}\b", text, re.M)
        }
        assert importing == expected, library


def test_plan_files_point_editors_at_the_schema() -> None:
    for path in sorted((ROOT / "plan").glob("*.yaml")):
        assert path.read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=../schema/plan.schema.json"
        ), path
