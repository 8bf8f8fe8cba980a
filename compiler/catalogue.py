"""Every diagnostic code planc reports, with its severity and what it means, gathered from its stage.

Each code is defined once, by the stage that reports it (``sources.codes``, ``schema.codes``,
``model.codes``) or by its rule module (``checks``); this is the user documentation of the
messages: ``planc codes`` prints it in the user's language.
"""

from __future__ import annotations

from compiler import checks
from compiler.messages.diagnostics import Code
from compiler.model import codes as model_codes
from compiler.schema import codes as schema_codes
from compiler.sources import codes as source_codes

#: Stage by stage, in the order a plan goes through them.
STAGES: tuple[tuple[Code, ...], ...] = (source_codes.CODES, schema_codes.CODES, model_codes.CODES, checks.CODES)

CATALOGUE: dict[str, Code] = {code.name: code for stage in STAGES for code in stage}
