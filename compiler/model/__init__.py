"""The typed plan: its objects (``objects``), their dates and ids, and the assembly of files into them."""

from compiler.model.dates import PlanDate
from compiler.model.ids import IDENTIFIER
from compiler.model.objects import (
    Action,
    Approval,
    Body,
    Context,
    FundingLine,
    Identified,
    Indicator,
    LegalReference,
    Measure,
    Meta,
    Objective,
    Observation,
    Organisation,
    Plan,
    Ref,
    Topic,
    Value,
    Vision,
)

__all__ = [
    "IDENTIFIER",
    "Action",
    "Approval",
    "Body",
    "Context",
    "FundingLine",
    "Identified",
    "Indicator",
    "LegalReference",
    "Measure",
    "Meta",
    "Objective",
    "Observation",
    "Organisation",
    "Plan",
    "PlanDate",
    "Ref",
    "Topic",
    "Value",
    "Vision",
]
