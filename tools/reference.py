"""Write the plan-source reference (docs/reference.md, docs/riferimento.md) from the schema and the catalogue.

The schema is the one definition of a plan's shape and the catalogue the one list of diagnostic
codes; this page is generated from them, never written by hand. ``make docs`` rewrites it and
``tests/test_docs.py`` fails when it is out of date.

    python -m tools.reference        # from the repository root
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from compiler.catalogue import STAGES
from compiler.messages.translate import Translator
from compiler.schema import load_schema

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"en": ROOT / "docs" / "reference.md", "it": ROOT / "docs" / "riferimento.md"}
WORDS = {
    "en": {
        "title": "Plan sources: reference",
        "intro": (
            "Generated from `schema/plan.schema.json` and the catalogue of diagnostic codes by "
            "`make docs`; do not edit by hand. A plan is a folder of `.yaml` files; each file holds one or "
            "more of the sections below."
        ),
        "sections": "Sections",
        "field": "Field",
        "required": "Required",
        "value": "Value",
        "meaning": "What it holds",
        "yes": "yes",
        "codes": "Diagnostic codes",
        "codes_intro": "Every problem planc reports, stage by stage (`planc codes` prints the same list).",
        "code": "Code",
        "severity": "Severity",
        "stages": ("Reading the files", "The schema", "Merging the files", "Cross-checks"),
        "list": "a list of",
        "one_of": "one of",
        "block": "a block with",
        "kinds": "Kinds of value",
        "kind": "Kind",
    },
    "it": {
        "title": "Sorgenti del piano: riferimento",
        "intro": (
            "Generato da `schema/plan.schema.json` e dal catalogo dei codici di diagnostica con "
            "`make docs`; non modificarlo a mano. Un piano è una cartella di file `.yaml`; ogni file contiene "
            "una o più delle sezioni qui sotto."
        ),
        "sections": "Sezioni",
        "field": "Campo",
        "required": "Obbligatorio",
        "value": "Valore",
        "meaning": "Che cosa contiene",
        "yes": "sì",
        "codes": "Codici di diagnostica",
        "codes_intro": "Ogni problema che planc segnala, fase per fase (`planc codes` stampa lo stesso elenco).",
        "code": "Codice",
        "severity": "Gravità",
        "stages": ("Lettura dei file", "Lo schema", "Unione dei file", "Controlli incrociati"),
        "list": "elenco di",
        "one_of": "uno tra",
        "block": "un blocco con",
        "kinds": "Tipi di valore",
        "kind": "Tipo",
    },
}


def _halves(text: str, separator: str, lang: str) -> str:
    """The Italian or English half of a bilingual schema text (``Italiano · English``)."""
    parts = [part.strip() for part in text.split(separator, 1)]
    return parts[0] if lang == "it" or len(parts) == 1 else parts[1]


def _described(node: dict[str, Any], definitions: dict[str, Any]) -> dict[str, Any]:
    """A property merged with the definition it refers to (its own title and description win)."""
    reference = node.get("$ref")
    if reference is None:
        return node
    target = _described(definitions[reference.rsplit("/", 1)[-1]], definitions)
    return {
        **target,
        **{key: value for key, value in node.items() if key != "$ref"},
        "$name": reference.rsplit("/", 1)[-1],
    }


def _value(node: dict[str, Any], definitions: dict[str, Any], lang: str) -> str:
    """How the reference names the value a field takes."""
    words = WORDS[lang]
    full = _described(node, definitions)
    name = full.get("$name")
    if full.get("type") == "array":
        return f"{words['list']} {_value(full.get('items', {}), definitions, lang)}"
    if "anyOf" in full:
        return " / ".join(_value(branch, definitions, lang) for branch in full["anyOf"])
    if full.get("type") == "object" and not name:
        return f"{words['block']} " + ", ".join(f"`{key}`" for key in full.get("properties", {}))
    if name:
        label = _heading(definitions[name], lang) if full.get("type") == "object" else name
        return f"[{label}](#{name.lower()})"
    if "enum" in full:
        return f"{words['one_of']} " + ", ".join(f"`{choice}`" for choice in full["enum"])
    pattern = f" (`{full['pattern']}`)" if "pattern" in full else ""
    return f"`{full.get('type', '')}`{pattern}"


def _kinds(definitions: dict[str, Any], lang: str) -> Iterator[str]:
    """The kinds of plain value the fields refer to (text, ids, dates…), with what each accepts."""
    words = WORDS[lang]
    yield f"| {words['kind']} | {words['meaning']} |"
    yield "|---|---|"
    for name, node in definitions.items():
        if node.get("type") in ("object", "array"):
            continue
        description = " ".join(_halves(str(node.get("description", "")), "\n\n", lang).split())
        meaning = description or _heading(node, lang)
        cell = meaning.replace("|", "\\|")
        yield f'| <a id="{name.lower()}"></a>`{name}` | {cell} |'


def _heading(node: dict[str, Any], lang: str) -> str:
    return _halves(str(node.get("title", "")), "·", lang)


def _table(node: dict[str, Any], definitions: dict[str, Any], lang: str) -> Iterator[str]:
    words = WORDS[lang]
    required = set(node.get("required", ()))
    yield f"| {words['field']} | {words['required']} | {words['value']} | {words['meaning']} |"
    yield "|---|---|---|---|"
    for key, child in node.get("properties", {}).items():
        full = _described(child, definitions)
        meaning = " ".join(_halves(str(full.get("description", "")), "\n\n", lang).split()) or _heading(full, lang)
        cells = (f"`{key}`", words["yes"] if key in required else "", _value(child, definitions, lang), meaning)
        yield "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def _objects(schema: dict[str, Any]) -> list[str]:
    """The names of the definitions that are blocks of keys, in the order a reader meets them."""
    definitions = schema["definitions"]
    found: list[str] = []

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            reference = node.get("$ref")
            if reference:
                name = reference.rsplit("/", 1)[-1]
                if name not in found and definitions[name].get("type") == "object":
                    found.append(name)
                    visit(definitions[name])
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(schema["properties"])
    return found


def page(lang: str) -> str:
    """The whole reference page in one language."""
    words = WORDS[lang]
    schema = load_schema()
    definitions = schema["definitions"]
    lines = [f"# {words['title']}", "", words["intro"], "", f"## {words['sections']}", ""]
    lines += _table(schema, definitions, lang)
    lines += ["", f"## {words['kinds']}", ""]
    lines += _kinds(definitions, lang)
    for name in _objects(schema):
        node = definitions[name]
        description = " ".join(_halves(str(node.get("description", "")), "\n\n", lang).split())
        lines += ["", f'<a id="{name.lower()}"></a>', "", f"## {_heading(node, lang)} (`{name}`)", ""]
        lines += [description, ""] if description else []
        lines += _table(node, definitions, lang)
    lines += ["", f"## {words['codes']}", "", words["codes_intro"]]
    translate = Translator(lang)
    for title, stage in zip(words["stages"], STAGES, strict=True):
        lines += [
            "",
            f"### {title}",
            "",
            f"| {words['code']} | {words['severity']} | {words['meaning']} |",
            "|---|---|---|",
        ]
        lines += [f"| `{code.name}` | {code.severity.value} | {translate(code.meaning)} |" for code in stage]
    return "\n".join(lines) + "\n"


def main() -> int:
    """Write both pages."""
    for lang, path in PAGES.items():
        path.write_text(page(lang), encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
