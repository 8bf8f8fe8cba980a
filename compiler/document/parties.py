"""The parties of the plan: organisations grouped by type, and the governance bodies."""

from __future__ import annotations

from compiler.document.context import LayoutContext
from compiler.document.labels import FIELD_LABELS, REGISTER_LABELS, TYPE_LABELS
from compiler.document.links import anchor, ident
from compiler.document.markdown import Markdown, escape, is_safe_url, link_target
from compiler.document.parts import BodyView, OrganisationGroup, OrganisationRow
from compiler.messages.diagnostics import msg
from compiler.model import Body, Organisation


def organisation_groups(ctx: LayoutContext) -> list[OrganisationGroup]:
    """The organisations, grouped by type in the order of ``TYPE_LABELS``."""
    groups: dict[str, list[OrganisationRow]] = {}
    for organisation in ctx.plan.organisations:
        groups.setdefault(organisation.type, []).append(organisation_row(ctx, organisation))
    order = list(TYPE_LABELS)
    return [
        OrganisationGroup(ctx.t(TYPE_LABELS.get(kind, TYPE_LABELS["other"])), rows)
        for kind, rows in sorted(
            groups.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order)
        )
    ]


def organisation_row(ctx: LayoutContext, organisation: Organisation) -> OrganisationRow:
    """One organisation as a table row: its description, address, legal form, codes and contacts."""
    parts = [escape(part) for part in (organisation.description, organisation.address) if part]
    details = _details(ctx, organisation)
    if details:
        parts.append(Markdown(" · ".join(details)))
    return OrganisationRow(
        name=Markdown(anchor(organisation.id, organisation.name) + ctx.mark(organisation.id)),
        illustrative=organisation.illustrative,
        fields=", ".join(ctx.t(FIELD_LABELS[f]) for f in organisation.fields if f in FIELD_LABELS),
        description=Markdown(" — ".join(parts)) or None,
    )


def _details(ctx: LayoutContext, organisation: Organisation) -> list[Markdown]:
    """Legal form, codes in registers, website, e-mail and phone, in that order."""
    found: list[Markdown] = []
    if organisation.legal_form:
        found.append(escape(ctx.t(msg("Legal form: {form}", form=organisation.legal_form))))
    found.extend(
        escape(f"{ctx.t(REGISTER_LABELS[code.scheme])}\u00a0{code.value}")  # label and code on one line
        for code in organisation.registrations
        if code.scheme in REGISTER_LABELS
    )
    if organisation.website:
        found.append(_link(organisation.website, organisation.website.split("://", 1)[-1].rstrip("/")))
    if organisation.email:
        found.append(_link(f"mailto:{organisation.email}", organisation.email))
    if organisation.phone:
        found.append(escape(ctx.t(msg("Phone {number}", number=organisation.phone))))
    return found


def _link(url: str, label: str) -> Markdown:
    """A link to a website or an e-mail address, or the label alone if the address is not safe."""
    return Markdown(f"[{escape(label)}]({link_target(url)})") if is_safe_url(url) else escape(label)


def body(ctx: LayoutContext, body: Body) -> BodyView:
    """A governance body with its members, chair and reporting line."""
    return BodyView(
        id=ident(body.id),
        name=body.name,
        description=ctx.rich(body.description),
        members=[ctx.party(ref.id) for ref in body.members],
        chair=ctx.party(body.chair.id) if body.chair else None,
        reports_to=ctx.party(body.reports_to.id) if body.reports_to else None,
        responsibilities=list(body.responsibilities),
        meetings=body.meetings,
    )
