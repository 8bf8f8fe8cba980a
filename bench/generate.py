"""Generate a synthetic plan of N actions, deterministic for each N, split into files as a group would.

The plan has the shape of the Confluenze plan scaled up: 30 organisations, 5 governance bodies,
one axis per 10 objectives, one objective per 10 actions, 2.5 indicators per objective, Italian
text with accents, € and CO₂, and descriptions of a few sentences. Every generated plan passes
``planc check --strict``.

    python bench/generate.py 1000 build/bench/plans/1000
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

WORDS = (
    "comunità",
    "quartiere",
    "servizi",
    "scuola",
    "cultura",
    "inclusione",
    "rete",
    "giovani",
    "anziani",
    "famiglie",
    "biblioteca",
    "laboratorio",
    "formazione",
    "volontariato",
    "territorio",
    "partecipazione",
    "città",
    "provincia",
    "benessere",
    "sostenibilità",
    "co-progettazione",
    "sportello",
    "accoglienza",
    "educazione",
    "teatro",
    "musica",
    "sport",
    "ambiente",
    "CO₂",
    "energia",
    "lavoro",
)
FIELDS = ("social", "educational", "cultural")
FUNDERS = (("org-00", "secured"), ("org-01", "secured"), ("risorse-proprie", "secured"), ("bandi", "expected"))


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def organisations() -> str:
    lines = ["organisations:"]
    for number in range(30):
        kind = "public-administration" if number < 2 else "third-sector"
        lines += [
            f"  - id: org-{number:02d}",
            f"    name: {quoted(f'Ente numero {number:02d} della città')}",
            f"    type: {kind}",
            "    signatory: true",
            f"    fields: [{FIELDS[number % 3]}]",
        ]
    lines += [
        "funders:",
        "  - {id: risorse-proprie, name: Risorse proprie degli enti}",
        "  - {id: bandi, name: Bandi regionali}",
    ]
    lines.append("governance:")
    lines += [
        "  - id: assemblea",
        "    name: Assemblea",
        f"    members: [{', '.join(f'org-{n:02d}' for n in range(30))}]",
        "    chair: org-00",
    ]
    for number in range(4):
        members = ", ".join(f"org-{n:02d}" for n in range(number * 7, number * 7 + 8))
        lines += [
            f"  - id: tavolo-{number}",
            f"    name: Tavolo {number}",
            "    reports_to: assemblea",
            f"    members: [{members}]",
            f"    chair: org-{number * 7:02d}",
            "    responsibilities:",
            f"      - {quoted('Coordinare le azioni del tavolo')}",
        ]
    return "\n".join(lines) + "\n"


def axis_file(rng: random.Random, axis: int, objectives: range, actions_per_objective: int) -> str:
    lines = ["objectives:", f"  - id: ASSE-{axis}", f"    title: {quoted(f'Asse {axis}: ' + sentence(rng, 4))}"]
    for objective in objectives:
        lines += [f"  - id: OB-{objective}", f"    title: {quoted(sentence(rng, 6))}", f"    parent: ASSE-{axis}"]
        lines += [f"    description: {quoted(sentence(rng, 18))}"]
    lines.append("indicators:")
    for objective in objectives:
        for number in range(2 + objective % 2):
            baseline = rng.randint(1, 500)
            lines += [
                f"  - id: IND-{objective}.{number}",
                f"    name: {quoted(sentence(rng, 5))}",
                f"    objective: OB-{objective}",
                "    unit: persone",
                "    direction: increase",
                f"    baseline: {{value: {baseline}, year: 2024}}",
                f"    target: {{value: {baseline * 2}, year: 2027}}",
                f"    source: {quoted('Registro della segreteria')}",
            ]
    lines.append("actions:")
    for objective in objectives:
        for number in range(actions_per_objective):
            lines += action(rng, objective, number)
    return "\n".join(lines) + "\n"


def action(rng: random.Random, objective: int, number: int) -> list[str]:
    owner = rng.randrange(30)
    partners = sorted({f"org-{n:02d}" for n in rng.sample(range(30), 3)} - {f"org-{owner:02d}"})
    start = rng.randint(1, 12)
    funder, status = rng.choice(FUNDERS)
    return [
        f"  - id: AZ-{objective}.{number}",
        f"    title: {quoted(sentence(rng, 7))}",
        f"    description: {quoted(sentence(rng, 25) + ' ' + sentence(rng, 15))}",
        f"    objective: OB-{objective}",
        f"    owner: org-{owner:02d}",
        f"    partners: [{', '.join(partners)}]",
        f'    start: "2025-{start:02d}"',
        f'    end: "2027-{rng.randint(start, 12):02d}"',
        "    budget:",
        f"      - {{funder: {funder}, amount: {rng.randint(10, 600) * 100}, status: {status}}}",
    ]


def generate(actions: int, folder: Path) -> Path:
    """Write a plan of ``actions`` actions into ``folder`` and return it."""
    rng = random.Random(actions)  # noqa: S311 - reproducible sample text, not security
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "00-plan.yaml").write_text(
        'plan:\n  title: Piano di prova generato\n  version: "1.0"\n  status: draft\n  date: "2025-01-15"\n'
        "  lang: it-IT\n  period: {start: 2025, end: 2027}\n  territory: Città di prova\n",
        encoding="utf-8",
    )
    (folder / "10-organisations.yaml").write_text(organisations(), encoding="utf-8")
    objectives = max(1, actions // 10)
    per_objective = max(1, actions // objectives)
    for axis, first in enumerate(range(0, objectives, 10), start=1):
        chunk = range(first, min(first + 10, objectives))
        (folder / f"{axis + 10:03d}-asse.yaml").write_text(axis_file(rng, axis, chunk, per_objective), encoding="utf-8")
    return folder


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
