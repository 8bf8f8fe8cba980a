"""The typed plan: its objects (``objects``), their dates and ids, and the assembly of files into them."""

from compiler.model.dates import PlanDate
from compiler.model.front import Context, LegalReference, Meta, Topic, Value, Vision
from compiler.model.ids import IDENTIFIER, natural_key
from compiler.model.lifecycle import ActionStatus, Approval, Consultation, Measurement, Monitoring, Observation
from compiler.model.objects import (
    Action,
    Body,
    Funder,
    FundingLine,
    GlossaryTerm,
    Identified,
    Indicator,
    Measure,
    Objective,
    Organisation,
    Plan,
    Registration,
    Share,
    as_written,
    exact_case,
)
from compiler.model.refs import Ref

__all__ = [
    "IDENTIFIER",
    "Action",
    "ActionStatus",
    "Approval",
    "Body",
    "Consultation",
    "Context",
    "Funder",
    "FundingLine",
    "GlossaryTerm",
    "Identified",
    "Indicator",
    "LegalReference",
    "Measure",
    "Measurement",
    "Meta",
    "Monitoring",
    "Objective",
    "Observation",
    "Organisation",
    "Plan",
    "PlanDate",
    "Ref",
    "Registration",
    "Share",
    "Topic",
    "Value",
    "Vision",
    "as_written",
    "exact_case",
    "natural_key",
]
