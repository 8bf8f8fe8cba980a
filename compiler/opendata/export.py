"""Write the open data of a checked plan: the JSON document, its JSON Schema, the CSV tables, the package.

Every file is written to a staging folder first and all of them replace the old ones together.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from compiler.model import Plan, as_written
from compiler.opendata.package import DOCUMENT, DOCUMENT_SCHEMA, descriptor
from compiler.opendata.record import plan_record
from compiler.opendata.tables import TABLES, table_rows
from compiler.outputs import staging


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal | float | int):
        return as_written(value)
    return str(value)


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return buffer.getvalue()


def _json_number(value: object) -> int | float:
    """A number of the model as JSON has it: exact when whole (JSON integers have no size limit)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"not JSON: {value!r}")


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=_json_number) + "\n"


def open_data(plan: Plan, name: str) -> dict[str, str]:
    """Each file of the open data, by name, as text."""
    record = plan_record(plan)
    meta = plan.meta
    files = {
        "datapackage.json": _json(descriptor(name, meta.title if meta else name, meta.version if meta else "")),
        DOCUMENT: _json(record),
        DOCUMENT_SCHEMA: resources.files("compiler.opendata").joinpath(DOCUMENT_SCHEMA).read_text(encoding="utf-8"),
    }
    for table in TABLES:
        files[f"{table.name}.csv"] = _csv([column.name for column in table.columns], list(table_rows(table, record)))
    return files


def export_plan(plan: Plan, out: Path, name: str) -> list[Path]:
    """Write the open data into ``out``; all files or none."""
    with staging.staging(out) as folder:
        staged = {}
        for file_name, text in open_data(plan, name).items():
            staged[file_name] = folder / file_name
            staged[file_name].write_text(text, encoding="utf-8")
        return staging.commit(staged, out)
