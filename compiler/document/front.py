"""The front of the document: cover, vision, context and legal framework."""

from __future__ import annotations

from compiler.document.context import LayoutContext
from compiler.document.labels import STATUS_LABELS
from compiler.document.markdown import Markdown, escape, is_safe_url, link_target
from compiler.document.parts import ConsultationView, Cover
from compiler.model import LegalReference

#: The statuses in which a plan asks for comments.
OPEN_FOR_COMMENTS = ("draft", "review")


def cover(ctx: LayoutContext) -> Cover:
    """The first page: title, version, status, date, period and the parties."""
    meta = ctx.meta
    day = meta.date.first_day() if meta.date else None
    return Cover(
        title=meta.title,
        subtitle=meta.subtitle,
        version=meta.version,
        status=ctx.t(STATUS_LABELS.get(meta.status, STATUS_LABELS["draft"])),
        date=ctx.formats.day(day) if day else "",
        territory=meta.territory,
        period=ctx.formats.period(
            meta.period_start.text if meta.period_start else None, meta.period_end.text if meta.period_end else None
        ),
        summary=ctx.rich(meta.summary),
        signatories=[ctx.party(o.id) for o in ctx.plan.organisations if o.signatory],
        prepared_with=[ctx.party(ref.id) for ref in meta.prepared_with],
        supported_by=[ctx.party(ref.id) for ref in meta.supported_by],
    )


def consultation(ctx: LayoutContext) -> ConsultationView | None:
    """The consultation box, while the plan is a draft or under review and says how to comment."""
    found = ctx.plan.consultation
    day = found.deadline.first_day() if found else None
    if found is None or day is None or ctx.meta.status not in OPEN_FOR_COMMENTS:
        return None
    url = found.url or ""
    return ConsultationView(
        deadline=ctx.formats.day(day),
        contact=found.contact,
        email=found.email or "",
        address=found.address or "",
        how=ctx.rich(found.how),
        url=Markdown(f"[{escape(url)}]({link_target(url)})") if is_safe_url(url) else escape(url),
    )


def law(ctx: LayoutContext, law: LegalReference) -> tuple[Markdown, Markdown | None]:
    """A law of the legal framework: its linked heading and summary."""
    heading = f"{law.reference} — {law.title}"
    url = law.url
    label = Markdown(f"[{escape(heading)}]({link_target(url)})") if url and is_safe_url(url) else escape(heading)
    return label, ctx.rich(law.summary)
