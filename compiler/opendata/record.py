"""The plan as one JSON-ready document: every object with its fields, lists as lists, no positions."""

from __future__ import annotations

from typing import Any

from compiler.model import Action, Body, Indicator, Measure, Measurement, Meta, Objective, Organisation, Plan

Record = dict[str, Any]


def _clean(record: Record) -> Record:
    """Drop absent values, so that the document and the tables say the same."""
    return {key: value for key, value in record.items() if value is not None}


def measure_record(measure: Measure | None) -> Record | None:
    """A baseline, milestone or target."""
    if measure is None:
        return None
    return _clean(
        {
            "value": measure.value,
            "year": measure.year,
            "comparator": measure.comparator,
            "up_to": measure.up_to,
            "note": measure.note,
        }
    )


def _organisation(item: Organisation) -> Record:
    codes = {registration.scheme: registration.value for registration in item.registrations}
    return _clean(
        {
            "id": item.id,
            "name": item.name,
            "short_name": item.short_name,
            "type": item.type,
            "legal_form": item.legal_form,
            "signatory": item.signatory,
            "illustrative": item.illustrative,
            **codes,
            "website": item.website,
            "email": item.email,
            "description": item.description,
        }
    )


def _body(item: Body) -> Record:
    return _clean(
        {
            "id": item.id,
            "name": item.name,
            "members": [ref.id for ref in item.members],
            "chair": item.chair.id if item.chair else None,
            "reports_to": item.reports_to.id if item.reports_to else None,
            "description": item.description,
        }
    )


def _objective(item: Objective) -> Record:
    parent = item.parent.id if item.parent else None
    return _clean({"id": item.id, "title": item.title, "parent": parent, "description": item.description})


def _indicator(item: Indicator) -> Record:
    return _clean(
        {
            "id": item.id,
            "name": item.name,
            "objective": item.objective.id if item.objective else None,
            "unit": item.unit,
            "measured": item.measured,
            "direction": item.direction,
            "source": item.source,
            "baseline": measure_record(item.baseline),
            "target": measure_record(item.target),
            "milestones": [measure_record(milestone) for milestone in item.milestones],
            "description": item.description,
        }
    )


def _action(item: Action) -> Record:
    return _clean(
        {
            "id": item.id,
            "title": item.title,
            "objectives": [ref.id for ref in item.objectives],
            "owners": [ref.id for ref in item.owners],
            "partners": [ref.id for ref in item.partners],
            "start": item.start.text if item.start else None,
            "end": item.end.text if item.end else None,
            "ongoing": item.ongoing,
            "budget": [
                _clean(
                    {"funder": line.funder.id if line.funder else None, "amount": line.amount, "status": line.status}
                )
                for line in item.budget
            ],
            "description": item.description,
        }
    )


def plan_record(plan: Plan) -> Record:
    """The whole plan, with its monitoring data, as one document."""
    monitoring = plan.monitoring
    return {
        "plan": _header(plan.meta) if plan.meta else {},
        "organisations": [_organisation(item) for item in plan.organisations],
        "bodies": [_body(item) for item in plan.governance],
        "objectives": [_objective(item) for item in plan.objectives],
        "indicators": [_indicator(item) for item in plan.indicators],
        "actions": [_action(item) for item in plan.actions],
        "monitoring": {"date": monitoring.date.text, "illustrative": monitoring.illustrative} if monitoring else None,
        "measurements": [_measurement(item) for item in plan.measurements],
        "statuses": [
            _clean({"action": s.action.id, "date": s.date.text, "status": s.status, "note": s.note, "spent": s.spent})
            for s in plan.statuses
        ],
    }


def _header(meta: Meta) -> Record:
    return _clean(
        {
            "title": meta.title,
            "subtitle": meta.subtitle,
            "version": meta.version,
            "status": meta.status,
            "date": meta.date.text if meta.date else None,
            "lang": meta.lang,
            "period_start": meta.period_start.text if meta.period_start else None,
            "period_end": meta.period_end.text if meta.period_end else None,
            "territory": meta.territory,
            "currency": meta.currency,
        }
    )


def _measurement(m: Measurement) -> Record:
    return _clean(
        {
            "indicator": m.indicator.id,
            "period": m.period.text,
            "value": m.value,
            "met": m.met,
            "source": m.source,
            "note": m.note,
        }
    )
