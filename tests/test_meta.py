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
        "click": {
            "cli/__init__.py",
            "cli/common.py",
            "cli/plan_commands.py",
            "cli/review_commands.py",
            "cli/drafting_commands.py",
        },
        "stdnum": {"checks/rules/check_digits.py"},
        "starlette": {"serve/app.py"},
        "uvicorn": {"serve/server.py"},
        "ruamel": {"editing/yaml_edit.py"},
    }
    imports = {module(path): runtime_imports(text) for path, text in SOURCES.items()}
    for library, expected in homes.items():
        importing = {
            name
            for name, found in imports.items()
            if any(imported == library or imported.startswith(library + ".") for imported in found)
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


#: The layers of the package, bottom first: a module imports only from its own layer or below.
LAYERS = (
    {"__init__.py", "messages", "glyphs", "templates"},
    {"sources"},
    {"schema"},
    {"model"},
    {"progress"},
    {"checks"},
    {"review"},
    {"charts"},
    {"document"},
    {"outputs"},
    {"opendata"},
    {"catalogue.py", "outcome.py", "production.py"},
    {"pipeline.py", "importers"},
    {"editing", "preview", "starter", "feedback.py"},
    {"serve"},
    {"cli"},
    {"__main__.py"},
)


def layer(part: str) -> int:
    return next(index for index, names in enumerate(LAYERS) if part in names)


def all_imports(text: str) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.update([node.module, *(f"{node.module}.{alias.name}" for alias in node.names)])
    return found


def test_imports_only_point_down_the_pipeline() -> None:
    known = set().union(*LAYERS)
    for path, text in SOURCES.items():
        own = layer(module(path).split("/")[0])
        for name in all_imports(text):
            parts = name.split(".")
            if parts[0] != "compiler" or len(parts) < 2:
                continue
            target = next((part for part in (parts[1], parts[1] + ".py") if part in known), None)
            if target is not None:
                assert layer(target) <= own, f"{module(path)} imports {name}, which is further down the pipeline"


#: Names several modules define on purpose, for the same role (an interface each of them fills).
SHARED_ROLES = {
    "CODE",
    "CODES",
    "NEEDS_WHOLE_PLAN",
    "find",
    "read",
    "add",
    "main",
    "version",
    "SUMMARY",
    "TIMEOUT_SECONDS",
}


def test_no_public_name_is_defined_in_two_modules_for_two_different_things() -> None:
    homes: dict[str, list[str]] = {}
    for path, text in SOURCES.items():
        for node in ast.parse(text).body:
            if isinstance(node, ast.FunctionDef | ast.ClassDef):
                names = [node.name]
            elif isinstance(node, ast.Assign):
                names = [target.id for target in node.targets if isinstance(target, ast.Name)]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names = [node.target.id]
            else:
                continue
            for name in names:
                if not name.startswith("_") and name not in SHARED_ROLES:
                    homes.setdefault(name, []).append(module(path))
    assert {name: where for name, where in homes.items() if len(where) > 1} == {}


def test_every_colour_of_the_documents_comes_from_the_theme() -> None:
    from compiler import templates
    from compiler.templates.theme import COLOURS

    folder = COMPILER / "templates"
    literal = re.compile(r"#[0-9a-fA-F]{3,6}\b|luma\(|\bw:(?:val|color|fill)=\"[0-9A-Fa-f]{6}\"")
    for path in sorted(folder.iterdir()):
        if path.suffix in (".css", ".typ", ".xml", ".j2", ".html"):
            raw = path.read_text(encoding="utf-8")
            assert not literal.search(raw), f"{path.name} writes a colour of its own"
            assert "@colour:" not in templates.text(path.name), path.name
    assert all(re.fullmatch(r"[0-9a-f]{6}", value) for value in COLOURS.values())


#: The size past which a module or a function must say why it is not split.
MODULE_LINES, FUNCTION_LINES = 300, 40


def test_no_module_over_300_lines_and_no_function_over_40_without_a_reason() -> None:
    """A long module (unless generated) or function says why next to it: ``Longer than 40 lines: …``."""
    long: list[str] = []
    for path, text in SOURCES.items():
        if "Do not edit." in text[:400]:  # generated (glyphs/table.py)
            continue
        if len(text.splitlines()) > MODULE_LINES and "Longer than 300 lines:" not in text[:1000]:
            long.append(f"{module(path)}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno is not None:
                size = node.end_lineno - node.lineno + 1
                if size > FUNCTION_LINES and "Longer than 40 lines:" not in (ast.get_docstring(node) or ""):
                    long.append(f"{module(path)}:{node.lineno} {node.name}: {size} lines")
    assert long == []
