"""planc export: the open data validates (Frictionless, JSON Schema) and its CSV tables read back to the same plan."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import frictionless
import jsonschema
import pytest

from compiler import pipeline
from tests.conftest import CASES, EXAMPLE_PLAN, overlay, planc


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("opendata")
    run = planc("export", str(EXAMPLE_PLAN), "-o", str(out))
    assert run.exit_code == 0, run.stdout + run.stderr
    return out


def test_the_data_package_is_valid_for_frictionless(exported: Path) -> None:
    report = frictionless.validate(str(exported / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "message"])
    names = {resource["name"] for resource in json.loads((exported / "datapackage.json").read_text())["resources"]}
    tables = {"organisations", "bodies", "objectives", "indicators", "milestones", "actions", "budget-lines"}
    assert tables | {"measurements", "statuses", "plan"} <= names


def test_plan_json_follows_its_json_schema(exported: Path) -> None:
    schema = json.loads((exported / "plan-jsonschema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.Draft7Validator(schema).validate(json.loads((exported / "plan.json").read_text(encoding="utf-8")))


def test_the_json_document_holds_every_object_and_every_monitoring_record(exported: Path) -> None:
    plan = pipeline.check(EXAMPLE_PLAN).plan
    assert plan is not None
    document = json.loads((exported / "plan.json").read_text(encoding="utf-8"))
    assert [item["id"] for item in document["indicators"]] == [item.id for item in plan.indicators]
    assert [item["id"] for item in document["actions"]] == [item.id for item in plan.actions]
    assert len(document["measurements"]) == len(plan.measurements) > 0
    assert len(document["statuses"]) == len(plan.statuses) > 0
    assert document["monitoring"] == {"date": "2025-12-31", "illustrative": True}


def _typed(value: str, kind: str) -> Any:
    if value == "":
        return None
    return {"number": float, "integer": int, "boolean": lambda v: v == "true"}.get(kind, str)(value)


def read_tables(folder: Path) -> dict[str, list[dict[str, Any]]]:
    """Each CSV table's rows, typed as its Table Schema says, empty cells left out."""
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    tables = {}
    for resource in package["resources"]:
        if resource.get("format") != "csv":
            continue
        kinds = {field["name"]: field["type"] for field in resource["schema"]["fields"]}
        with (folder / resource["path"]).open(encoding="utf-8", newline="") as stream:
            rows = [{k: _typed(v, kinds[k]) for k, v in row.items()} for row in csv.DictReader(stream)]
        tables[resource["path"].removesuffix(".csv")] = [
            {k: v for k, v in row.items() if v is not None} for row in rows
        ]
    return tables


def _measure(row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    value = row.pop(f"{prefix}_value", None)
    text = row.pop(f"{prefix}_text", None)
    measure = {"value": value if text is None else text, "year": row.pop(f"{prefix}_year", None)}
    for key in ("comparator", "up_to", "note"):
        if f"{prefix}_{key}" in row:
            measure[key] = row.pop(f"{prefix}_{key}")
    return measure if measure["year"] is not None else None


def _owned(rows: list[dict[str, Any]], owner: str, identifier: str) -> list[dict[str, Any]]:
    found = sorted((row for row in rows if row[owner] == identifier), key=lambda row: row["number"])
    return [{k: v for k, v in row.items() if k not in (owner, "number")} for row in found]


def _text_value(row: dict[str, Any]) -> dict[str, Any]:
    """A row whose value is in the text column, with the value back in ``value``."""
    if "text" not in row:
        return row
    text = row.pop("text")
    return {**row, "value": text}


def rebuild(tables: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """The plan's lists rebuilt from the tables alone, as plan.json writes them."""
    for row in tables["bodies"]:
        row["members"] = row.get("members", "").split()
    for row in tables["actions"]:
        for key in ("objectives", "owners", "partners"):
            row[key] = row.get(key, "").split()
        row["budget"] = _owned(tables["budget_lines"], "action", row["id"])
    for row in tables["indicators"]:
        baseline = _measure(row, "baseline")
        target = _measure(row, "target")
        row.update({key: value for key, value in (("baseline", baseline), ("target", target)) if value})
        row["milestones"] = [_text_value(m) for m in _owned(tables["milestones"], "indicator", row["id"])]
    tables["measurements"] = [_text_value(row) for row in tables["measurements"]]
    return {name: tables[name] for name in ("organisations", "bodies", "objectives", "indicators", "actions")} | {
        "measurements": tables["measurements"],
        "statuses": tables["statuses"],
    }


def test_the_csv_tables_read_back_to_the_same_plan_data(exported: Path) -> None:
    document = json.loads((exported / "plan.json").read_text(encoding="utf-8"))
    rebuilt = rebuild(read_tables(exported))
    for section, rows in rebuilt.items():
        assert rows == document[section], section


def test_a_qualitative_plan_and_a_split_plan_round_trip_too(tmp_path: Path) -> None:
    for case in ("qualitative-indicator", "targets-and-milestones", "measurements-csv"):
        out = tmp_path / case
        assert (
            planc("export", str(overlay(CASES / "valid" / case, tmp_path / f"{case}-plan")), "-o", str(out)).exit_code
            == 0
        )
        document = json.loads((out / "plan.json").read_text(encoding="utf-8"))
        for section, rows in rebuild(read_tables(out)).items():
            assert rows == document[section], (case, section)
        assert frictionless.validate(str(out / "datapackage.json")).valid, case


def test_a_plan_with_errors_exports_nothing(tmp_path: Path) -> None:
    plan = overlay(CASES / "invalid" / "measurement-kind", tmp_path / "plan")
    run = planc("export", str(plan), "-o", str(tmp_path / "out"), "--format", "json")
    assert run.exit_code == 1
    assert not (tmp_path / "out").exists()
