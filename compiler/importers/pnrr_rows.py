"""The rows of Italia Domani's milestones-and-targets file, read as published and given their stable codes.

The 2025 snapshot (ondata's Parquet → CSV) is UTF-8 without BOM, ``,``-delimited, every string
quoted, with snake_case headers; cells may hold newlines. A BOM is tolerated all the same.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from compiler.importers.ids import IdSpace
from compiler.importers.result import SourceError
from compiler.messages.diagnostics import msg

MET_FILE = "PNRR_MeT_OAprogrammazione.csv"
REGISTRY_FILE = "AmmTitolari_interoperabilitaBDAP.csv"
REGISTRY_OWNER = "amministrazione_titolare"
COLUMNS = (
    "missione",
    "descrizione_missione",
    "componente",
    "descrizione_componente",
    "codice_univoco_misura",
    "id_misura",
    "descrizione_misura",
    "codice_univoco_submisura",
    "descrizione_submisura",
    "amministrazione_titolare",
    "nr_seq_mt",
    "milestone_target",
    "nome_milestone_target",
    "descrizione_specifica_di_ogni_milestone_e_target",
    "ita_ue",
    "indicatore_qualitativo",
    "unita_di_misura_target",
    "riferimento_di_partenza_target",
    "valore_obiettivo_target",
    "trimestre_di_conseguimento",
    "anno_di_conseguimento",
)
#: The cells that make a milestone or target what it is; repeats that agree on them are one indicator.
DEFINING = (
    "componente",
    "milestone_target",
    "nome_milestone_target",
    "descrizione_specifica_di_ogni_milestone_e_target",
    "ita_ue",
    "indicatore_qualitativo",
    "unita_di_misura_target",
    "riferimento_di_partenza_target",
    "valore_obiettivo_target",
    "trimestre_di_conseguimento",
    "anno_di_conseguimento",
)


@dataclass(frozen=True)
class Row:
    """One milestone or target row, with the line it starts on and its measure's stable code."""

    line: int
    cells: dict[str, str]
    measure: str
    alias: str
    swapped: bool

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column) or ""

    @property
    def where(self) -> str:
        """The file and line this row starts on."""
        return f"{MET_FILE}:{self.line}"

    @property
    def key(self) -> tuple[str, ...]:
        """What the milestone or target says; equal keys mean the same indicator."""
        return tuple(self[column] for column in DEFINING)


@dataclass(frozen=True)
class Ids:
    """The ids given so far: owner name → organisation, component code → objective, and every id taken."""

    owners: dict[str, str]
    components: dict[str, str]
    space: IdSpace


def read_rows(folder: Path) -> list[Row]:
    """Read every milestone/target row of the snapshot in ``folder``."""
    path = folder / MET_FILE
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            return list(_rows(stream, path))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise SourceError(msg("Cannot read {file}: {detail}.", file=str(path), detail=str(exc))) from exc


def _rows(stream: Iterator[str], path: Path) -> Iterator[Row]:
    reader = csv.DictReader(stream)
    missing = [column for column in COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        raise SourceError(
            msg(
                "{file} lacks the columns {columns}: is it the 2025 Italia Domani file?",
                file=str(path),
                columns=", ".join(missing),
            )
        )
    line = reader.line_num + 1
    for cells in reader:
        _whole(cells, path, line, len(reader.fieldnames or []))
        yield _row(line, cells)
        line = reader.line_num + 1


def _whole(cells: dict[str | None, object], path: Path, line: int, columns: int) -> None:
    """Refuse a row with fewer or more cells than the header has columns (``csv`` fills in ``None``)."""
    if None in cells or None in cells.values():
        count = sum(1 for key, value in cells.items() if key is not None and value is not None)
        extra = cells.get(None)
        count += len(extra) if isinstance(extra, list) else 0
        raise SourceError(
            msg(
                "{file}:{line}: the row has {count} cells, but the header names {columns} columns.",
                file=str(path),
                line=line,
                count=count,
                columns=columns,
            )
        )


def _row(line: int, cells: dict[str, str]) -> Row:
    """Find the measure's stable code: of the two swapped columns, the longer one that prefixes the sub-measure.

    ``M1C1I1.01.00`` belongs to ``M1C1I1.01`` (not ``M1C1I1.1``); ``M1C1I3.00.01`` to ``M1C1I3.00``
    (``M1C1I3`` prefixes it too, so the longer wins).
    """
    first, second = cells["codice_univoco_misura"], cells["id_misura"]
    submeasure = cells["codice_univoco_submisura"]
    prefixes = [code for code in (first, second) if submeasure.startswith(f"{code}.")]
    if prefixes and max(prefixes, key=len) == second and second != first:
        return Row(line, cells, second, first, swapped=True)
    return Row(line, cells, first, second, swapped=False)


def read_registry(folder: Path) -> list[dict[str, str]] | None:
    """Read the owners' registry, or ``None`` if the snapshot has none."""
    path = folder / REGISTRY_FILE
    if not path.is_file():
        return None
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            reader = csv.DictReader(stream)
            if REGISTRY_OWNER not in (reader.fieldnames or []):
                raise SourceError(
                    msg(
                        "{file} has no column {column}: it cannot name the owning administrations.",
                        file=str(path),
                        column=REGISTRY_OWNER,
                    )
                )
            entries = []
            line = reader.line_num + 1
            for cells in reader:
                _whole(cells, path, line, len(reader.fieldnames or []))
                entries.append({str(key): str(value) for key, value in cells.items()})
                line = reader.line_num + 1
            return entries
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise SourceError(msg("Cannot read {file}: {detail}.", file=str(path), detail=str(exc))) from exc
