"""The typed plan: its objects (``objects``), their dates and ids, and the assembly of files into them."""

from compiler.model.dates import PlanDate
from compiler.model.ids import IDENTIFIER
from compiler.model.objects import (
    Action,
    Body,
    Context,
    Funder,
    FundingLine,
    Identified,
    Indicator,
    LegalReference,
    Measure,
    Meta,
    Objective,
    Organisation,
    Plan,
    Ref,
    Share,
    Topic,
    Value,
    Vision,
)

__all__ = [
    "IDENTIFIER",
    "Action",
    "Body",
    "Context",
    "Funder",
    "FundingLine",
    "Identified",
    "Indicator",
    "LegalReference",
    "Measure",
    "Meta",
    "Objective",
    "Organisation",
    "Plan",
    "PlanDate",
    "Ref",
    "Share",
    "Topic",
    "Value",
    "Vision",
]
