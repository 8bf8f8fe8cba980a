"""The Frictionless Data Package descriptor (``datapackage.json``) of the open data: every file, every column."""

from __future__ import annotations

from typing import Any

from compiler.opendata.tables import TABLES, Table

#: The JSON document and its JSON Schema, as the package names them.
#: (A name ending in ``.schema.json`` would make Frictionless read it as a Table Schema.)
DOCUMENT, DOCUMENT_SCHEMA = "plan.json", "plan-jsonschema.json"


def _table_resource(table: Table) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [
            {"name": column.name, "type": column.type, "description": column.description} for column in table.columns
        ],
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": column, "reference": {"resource": resource, "fields": "id"}}
            for column, resource in table.foreign_keys
        ]
    return {
        "name": table.name.replace("_", "-"),
        "path": f"{table.name}.csv",
        "profile": "tabular-data-resource",
        "description": table.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def descriptor(name: str, title: str, version: str) -> dict[str, Any]:
    """The package: the plan document, its JSON Schema, and one tabular resource per table."""
    documents = [
        {
            "name": "plan",
            "path": DOCUMENT,
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
            "description": f"The whole plan and its monitoring data as one document (JSON Schema: {DOCUMENT_SCHEMA}).",
        },
        {
            "name": "plan-data-schema",
            "path": DOCUMENT_SCHEMA,
            "format": "json",
            "mediatype": "application/schema+json",
            "encoding": "utf-8",
            "description": "The JSON Schema (draft-07) of plan.json.",
        },
    ]
    return {
        "profile": "data-package",
        "name": name,
        "title": title,
        "version": version,
        "description": "A strategic plan compiled by planc: organisations, governance bodies, objectives, indicators, "
        "milestones, actions, budget lines, and its monitoring (measurements and action statuses).",
        "resources": [*documents, *(_table_resource(table) for table in TABLES)],
    }
