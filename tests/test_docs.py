"""The documentation inside the repository: the generated reference is current, every link resolves inside it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tools import reference

LINK = re.compile(r"\]\(([^)\s]+)\)")
CODE = re.compile(r"^```.*?^```|`[^`\n]*`", re.M | re.S)
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("lang", sorted(reference.PAGES))
def test_the_reference_is_generated_from_the_schema_and_the_catalogue(lang: str) -> None:
    assert reference.PAGES[lang].read_text(encoding="utf-8") == reference.page(lang), "run `make docs`"


def test_the_reference_names_every_section_field_and_code() -> None:
    from compiler.catalogue import CATALOGUE
    from compiler.schema import load_schema

    page = reference.page("en")
    schema = load_schema()
    for name, definition in [("", schema), *schema["definitions"].items()]:
        for field in definition.get("properties", {}):
            assert f"`{field}`" in page, (name, field)
    for code in CATALOGUE:
        assert f"`{code}`" in page, code


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_links_stay_inside_the_repository_and_resolve(page: Path) -> None:
    for target in LINK.findall(CODE.sub("", page.read_text(encoding="utf-8"))):
        if target.startswith("#"):
            continue
        if page.name == "README.md":
            assert not re.match(r"[a-z]+:", target), f"README links outside the repository: {target}"
        if re.match(r"[a-z]+:", target):
            continue
        path = (page.parent / target.split("#", 1)[0]).resolve()
        assert path.is_relative_to(ROOT.resolve()) and path.exists(), f"{page.name}: {target}"
