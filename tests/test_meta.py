"""Rules about the code itself: stage packages, one home per library and per fact, codes documented and tested."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from compiler.catalogue import CATALOGUE, STAGES
from compiler.checks import RULES
from tests.conftest import CASES, ROOT

COMPILER = ROOT / "compiler"
SOURCES = {path: path.read_text(encoding="utf-8") for path in COMPILER.rglob("*.py")}
TESTS = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "tests").glob("test_*.py"))


def module(path: Path) -> str:
    return path.relative_to(COMPILER).as_posix()


def runtime_imports(text: str) -> set[str]:
    """The modules a file imports when it runs (``if TYPE_CHECKING:`` blocks left out)."""
    tree = ast.parse(text)
    skipped = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for inner in ast.walk(node)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def test_every_code_is_reported_somewhere_and_every_diagnostic_is_made_from_a_code() -> None:
    stage_codes = [
        target.id
        for path, text in SOURCES.items()
        if path.name == "codes.py"
        for node in ast.parse(text).body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
        for target in node.targets
        if isinstance(target, ast.Name)
    ]
    used = "".join(text for path, text in SOURCES.items() if path.name != "codes.py")
    for constant in stage_codes:
        assert re.search(rf"\bcodes\.{constant}\b", used), f"{constant} is declared but never reported"
    rule_codes = {rule.CODE.name for rule in RULES}
    assert {code.name for stage in STAGES for code in stage} == set(CATALOGUE)
    assert rule_codes <= set(CATALOGUE)
    for path, text in SOURCES.items():
        if module(path) != "messages/diagnostics.py":
            assert not re.search(r"\bDiagnostic\(", text), f"{module(path)} makes a Diagnostic without its code"


def test_every_code_has_a_failing_case() -> None:
    in_cases = {
        line.split()[1] for path in (CASES / "invalid").glob("*/expected.txt") for line in path.read_text().splitlines()
    }
    in_unit_tests = {code for code in CATALOGUE if f'"{code}"' in TESTS}
    assert set(CATALOGUE) - in_cases - in_unit_tests == set()


def test_every_rule_shows_passing_and_failing_yaml_and_says_what_it_checks() -> None:
    for rule in RULES:
        assert rule.__doc__ and "Passes" in rule.__doc__ and "Fails" in rule.__doc__, rule.__name__
        assert rule.CODE.meaning.msgid == rule.__doc__.strip().splitlines()[0], rule.__name__


def test_only_the_loader_touches_the_yaml_parser() -> None:
    parsing = re.compile(r"yaml\.(?:safe_|full_|unsafe_)?load\(|UnsafeLoader|FullLoader|CParser|yaml\.compose")
    users = {module(path) for path, text in SOURCES.items() if parsing.search(text)}
    assert users == {"sources/loader.py"}


def test_no_shell_and_no_unbounded_subprocess() -> None:
    for path, text in SOURCES.items():
        assert "shell=True" not in text, path
        assert "os.system" not in text, path


def test_each_third_party_library_lives_in_one_module() -> None:
    homes = {
        "yaml": {
            "sources/loader.py",
            "importers/writer.py",
        },  # writer.py: the importers' dumper (reads back via sources)
        "jsonschema": {"schema/explain.py"},
        "jsonschema_rs": {"schema/gate.py"},
        "jinja2": {"document/render.py"},
        "babel": {"document/formats.py"},
        "typst": {"outputs/typst.py"},
        "click": {"cli.py"},
        "starlette": {"serve/app.py"},
        "uvicorn": {"serve/server.py"},
        "ruamel": {"editing/yaml_edit.py"},
    }
    for library, expected in homes.items():
        importing = {
            module(path)
            for path, text in SOURCES.items()
            if any(name == library or name.startswith(library + ".") for name in runtime_imports(text))
        }
        assert importing == expected, library


def test_plan_files_point_editors_at_the_schema() -> None:
    for path in sorted((ROOT / "plan").glob("*.yaml")):
        assert path.read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=../schema/plan.schema.json"
        ), path


def test_the_schema_editors_read_is_the_one_planc_ships() -> None:
    shipped = (COMPILER / "schema" / "plan.schema.json").read_bytes()
    assert (ROOT / "schema" / "plan.schema.json").read_bytes() == shipped
