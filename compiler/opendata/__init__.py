"""The plan and its monitoring as open data: a JSON document, CSV tables and a Frictionless Data Package.

``record`` turns the checked plan into one JSON-ready document (the one source of every file),
``tables`` cuts it into CSV tables, ``package`` describes them (``datapackage.json``, with a
Table Schema for each table and the JSON Schema of the document), ``export`` writes them all at
once. The CSV tables are for machines: comma-separated, decimal point, UTF-8, ISO dates.
"""

from compiler.opendata.export import export_plan

__all__ = ["export_plan"]
