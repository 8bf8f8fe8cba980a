"""The words the document uses for the plan's coded values (statuses, types, fields, directions)."""

from __future__ import annotations

from compiler.messages.diagnostics import Text, msg

STATUS_LABELS: dict[str, Text] = {"draft": msg("Draft"), "review": msg("Under review"), "approved": msg("Approved")}
TYPE_LABELS: dict[str, Text] = {
    "public-administration": msg("Public administrations"),
    "third-sector": msg("Third-Sector organisations"),
    "foundation": msg("Foundations"),
    "facilitator": msg("Facilitators"),
    "company": msg("Companies"),
    "international-organisation": msg("International organisations"),
    "university": msg("Universities and research bodies"),
    "school": msg("Schools"),
    "network": msg("Networks and consortia"),
    "other": msg("Other organisations"),
}
FIELD_LABELS: dict[str, Text] = {
    "social": msg("social"),
    "educational": msg("educational"),
    "cultural": msg("cultural"),
    "environmental": msg("environmental"),
    "other": msg("other"),
}
ACTION_STATUS_LABELS: dict[str, Text] = {
    "not-started": msg("not started"),
    "started": msg("started"),
    "on-track": msg("on track"),
    "late": msg("late"),
    "suspended": msg("suspended"),
    "completed": msg("completed"),
    "cancelled": msg("cancelled"),
}
#: An action with no status recorded by the report's date.
NO_STATUS_LABEL = msg("no status recorded")
CATEGORY_LABELS: dict[str, Text] = {
    "achieved": msg("target achieved"),
    "on-track": msg("on track"),
    "moderate": msg("moderate progress"),
    "limited": msg("limited progress"),
    "deterioration": msg("deterioration"),
    "not-measurable": msg("not measurable"),
}
MEASURED_LABELS: dict[str, Text] = {
    "level": msg("level at the date"),
    "cumulative": msg("cumulative since the start"),
    "per-period": msg("per period"),
}
#: How the document names each register an organisation's code comes from.
REGISTER_LABELS: dict[str, Text] = {
    "tax_code": msg("Tax code"),
    "vat_number": msg("VAT number"),
    "runts_number": msg("RUNTS no."),
    "ipa_code": msg("IPA code"),
}
DIRECTION_LABELS: dict[str, Text] = {
    "increase": msg("to increase"),
    "decrease": msg("to decrease"),
    "maintain": msg("to keep steady"),
}
FUNDING_STATUS_LABELS: dict[str, Text] = {"secured": msg("secured"), "expected": msg("expected")}
ORIGIN_LABELS: dict[str, Text] = {
    "comments": msg("comments on the document"),
    "meeting": msg("meeting"),
    "letter": msg("letter"),
    "email": msg("e-mail"),
    "other": msg("other"),
}
OUTCOME_LABELS: dict[str | None, Text] = {
    "accepted": msg("Accepted"),
    "partly-accepted": msg("Partly accepted"),
    "not-accepted": msg("Not accepted"),
    None: msg("Awaiting a response"),
}
