"""Cut the sample of real data in ``tests/data/real`` out of the full copy; the same input gives the same bytes.

    .venv/bin/python tools/trim_real_data.py [FULL] [SAMPLE]

``FULL`` defaults to ``$PLANC_REAL_DATA`` or ``/work/shared/data/real``; ``SAMPLE`` to
``tests/data/real``. The sample is cut, never edited: it keeps whole records byte for byte, in
their original order, with the original encoding, BOM and line ends:

- PNRR (``PNRR_MeT_OAprogrammazione.csv``): the header and every record (a record may span lines)
  of the measures in ``PNRR_MEASURES``. A measure's code is written in either of two columns
  (``codice_univoco_misura``/``id_misura``, swapped on some rows), so a record is kept when
  either column holds a chosen code. The owners' registry is copied whole (5 KB).
- AgID (``linee_azione.yml``): the lines before the first action line, the action lines whose
  ``numero`` is in ``AGID_LINES`` (each item from its ``  - `` line up to the next one, so the
  comments between items go with the item above), the ``en:`` key and the first two items of
  its stale English block. ``attori.yml`` is copied whole (5–7 KB).

Why each measure and line is there is written next to it; ``tests/test_importers.py`` derives
every figure it checks from the sample itself.
"""

from __future__ import annotations

import csv
import itertools
import os
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PNRR = Path("pnrr-italia") / "italiadomani-2025-04"
PNRR_MET = "PNRR_MeT_OAprogrammazione.csv"
PNRR_REGISTRY = "AmmTitolari_interoperabilitaBDAP.csv"
AGID = Path("agid-piano-triennale-ict")
AGID_LINES_FILE = "linee_azione.yml"
AGID_ACTORS_FILE = "attori.yml"
ENGLISH_ITEMS = 2

#: The PNRR measures kept (stable codes), each for what the tests or the importer need of it; with
#: the smallest measure of every component not otherwise covered, so that all 7 missions and 17
#: components stay in the sample.
PNRR_MEASURES = {
    "M1C1I1.01": "codes swapped between the two columns; milestones M1C1-00-ITA-2 → M1C1-3",
    "M1C1I1.02": "a national step towards an EU target: M1C1-139-ITA-1 → … → M1C1-147",
    "M1C1I1.06": "targets each starting from the one before: M1C1-00-ITA-50 … M1C1-00-ITA-59",
    "M1C1I1.07": "invisible characters removed from the text",
    "M1C1I3.00": "two owners (one the Ministero della Giustizia); also written M1C1I3, a prefix",
    "M1C1R1.11": "targets of 0 from 0 (zero-target); the lenticular brackets 〖 〗 (M1C1-91)",
    "M1C2I2.01": "smallest measure of M1C2",
    "M1C3I2.02": "a series that does not move one way (series-not-joined); an NA unit",
    "M2C1I1.01": "a milestone carrying a unit (milestone-values-ignored)",
    "M2C2I3.05": "a target without a unit (M2C2-18)",
    "M2C2I5.03": "the one row giving M2C2 another title (variant-text)",
    "M2C3I2.01": "smallest measure of M2C3",
    "M2C4I2.01": "two owners; NA units on milestones",
    "M3C1R1.02": "smallest measure of M3C1",
    "M3C2I2.01": "a target without a unit (M3C2-00-ITA-6), repeated on M3C2R2.03",
    "M4C1I1.06": "an owner spelt otherwise in the registry (MIN DELL'UNIVERSITA' …)",
    "M4C1R1.02": "M4C1-10, one milestone on six reforms' rows (repeated-id) …",
    "M4C1R1.03": "… M4C1-10",
    "M4C1R1.04": "… M4C1-10",
    "M4C1R1.05": "… M4C1-10",
    "M4C1R1.06": "… M4C1-10",
    "M4C1R2.01": "… M4C1-10",
    "M4C2I2.04": "smallest measure of M4C2",
    "M5C1I1.04": "smallest measure of M5C1",
    "M5C2R1.02": "smallest measure of M5C2",
    "M5C3R1.01": "an owner spelt otherwise in the registry (PCM - STRUTTURA DI MISSIONE PNRR)",
    "M6C1R1.01": "smallest measure of M6C1",
    "M6C2R1.01": "smallest measure of M6C2",
    "M7C1I06.1": "REPowerEU (mission without components in its codes: M7-…); NA units",
}

#: The AgID action lines kept (``numero``) per edition: one or more of every chapter and
#: subchapter (so the axes and objectives are those of the whole plan), and the quirks.
AGID_LINES = {
    "2017-2019": {
        1: "risultati: --- (placeholder); no stato, no dates",
        2: "completo, inizio and fine",
        3: "in corso, results with stato and nota",
        11: "inizio after its results' latest deadline (date-order); subchapter connettivita",
        12: "connettivita, placeholder results",
        13: "dati-della-pa (OB-2.1)",
        22: "a result's key misspelt “note”",
        31: "piattaforme-abilitanti",
        47: "modello-di-interoperabilita (no subchapter)",
        48: "in corso with placeholder results",
        51: "ecosistemi",
        53: "strumenti-per-la-generazione-e-la-diffusione-di-servizi-digitali",
        55: "sicurezza, completo with placeholder results",
        58: "sicurezza, no stato",
        61: "data-analytics-framework",
        65: "gestione-del-cambiamento",
        67: "gestione-del-cambiamento, the last line",
    },
    "2019-2021": {
        1: "“in corso ” (trailing space), three results, the last “(entro dicembre 2020)”",
        4: "data-center",
        7: "the typo key “a: 03/2020” (for entro)",
        8: "connettivita",
        11: "modello-di-interoperabilita",
        14: "dati-della-pa",
        28: "piattaforme",
        51: "ecosistemi",
        55: "sicurezza-informatica",
        61: "servizi-digitali",
        65: "entro a date before the snapshot",
        75: "modelli-e-strumenti-per-l-innovazione",
        79: "governare-la-trasformazione-digitale",
        90: "the last line",
    },
}

_ITEM = re.compile(rb"  - \S")
_NUMERO = re.compile(rb"    numero: (\d+)\s*$")


def raw_lines(raw: bytes) -> list[bytes]:
    """The file's lines, each with its ``\\n``; a ``\\r`` stays part of its line (CRLF, or inside a CSV cell)."""
    lines = [line + b"\n" for line in raw.split(b"\n")]
    last = lines.pop()[:-1]  # what follows the last \n: nothing when the file ends with one
    return [*lines, last] if last else lines


def csv_records(raw: bytes) -> Iterator[tuple[list[str], bytes]]:
    """Each CSV record (the header first) with the exact bytes it was read from."""
    lines = raw_lines(raw)
    consumed = 0
    reader = csv.reader(line.decode("utf-8-sig" if index == 0 else "utf-8") for index, line in enumerate(lines))
    for record in reader:
        yield record, b"".join(lines[consumed : reader.line_num])
        consumed = reader.line_num


def cut_pnrr(full: Path, sample: Path) -> int:
    """Write the chosen measures' records; return how many were kept."""
    records = csv_records((full / PNRR_MET).read_bytes())
    header, header_bytes = next(records)
    first, second = header.index("codice_univoco_misura"), header.index("id_misura")
    kept = [data for record, data in records if {record[first], record[second]} & set(PNRR_MEASURES)]
    sample.mkdir(parents=True, exist_ok=True)
    (sample / PNRR_MET).write_bytes(header_bytes + b"".join(kept))
    shutil.copyfile(full / PNRR_REGISTRY, sample / PNRR_REGISTRY)
    return len(kept)


def yaml_blocks(raw: bytes) -> tuple[bytes, list[bytes], bytes, list[bytes]]:
    """Split ``linee_azione.yml`` into its prelude, Italian items, the ``en:`` line and English items."""
    chunks = raw_lines(raw)
    english = next(index for index, line in enumerate(chunks) if line.startswith(b"en:"))
    starts = [index for index, line in enumerate(chunks) if _ITEM.match(line)]

    def items(begin: int, end: int) -> list[bytes]:
        edges = [index for index in starts if begin <= index < end] + [end]
        return [b"".join(chunks[a:b]) for a, b in itertools.pairwise(edges)]

    prelude = b"".join(chunks[: starts[0]])
    return prelude, items(starts[0], english), chunks[english], items(english + 1, len(chunks))


def cut_agid(full: Path, sample: Path, keep: dict[int, str]) -> int:
    """Write the chosen action lines of one edition; return how many were kept."""
    prelude, italian, english_key, english = yaml_blocks((full / AGID_LINES_FILE).read_bytes())
    kept = [item for item in italian if _numero(item) in keep]
    missing = set(keep) - {_numero(item) for item in kept}
    if missing:
        raise SystemExit(f"{full / AGID_LINES_FILE}: no action line numero {sorted(missing)}")
    sample.mkdir(parents=True, exist_ok=True)
    (sample / AGID_LINES_FILE).write_bytes(prelude + b"".join(kept) + english_key + b"".join(english[:ENGLISH_ITEMS]))
    shutil.copyfile(full / AGID_ACTORS_FILE, sample / AGID_ACTORS_FILE)
    return len(kept)


def _numero(item: bytes) -> int | None:
    for line in item.split(b"\n"):
        found = _NUMERO.match(line)
        if found:
            return int(found.group(1))
    return None


def main(argv: list[str]) -> int:
    full = Path(argv[0]) if argv else Path(os.environ.get("PLANC_REAL_DATA", "/work/shared/data/real"))
    sample = Path(argv[1]) if len(argv) > 1 else ROOT / "tests" / "data" / "real"
    if not (full / PNRR / PNRR_MET).is_file():
        print(f"trim_real_data: the full data is not at {full} (give its folder as the first argument)")
        return 1
    print(f"PNRR: {cut_pnrr(full / PNRR, sample / PNRR)} records of {len(PNRR_MEASURES)} measures")
    for edition, keep in AGID_LINES.items():
        print(f"AgID {edition}: {cut_agid(full / AGID / edition, sample / AGID / edition, keep)} action lines")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
