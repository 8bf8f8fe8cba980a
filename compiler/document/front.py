"""The front of the document: cover, vision, context and legal framework."""

from __future__ import annotations

from compiler.document.context import LayoutContext
from compiler.document.labels import STATUS_LABELS
from compiler.document.markdown import Markdown, escape, is_safe_url, link_target
from compiler.document.parts import Cover
from compiler.model import LegalReference


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


def law(ctx: LayoutContext, law: LegalReference) -> tuple[Markdown, Markdown | None]:
    """A law of the legal framework: its linked heading and summary."""
    heading = f"{law.reference} — {law.title}"
    url = law.url
    label = Markdown(f"[{escape(heading)}]({link_target(url)})") if url and is_safe_url(url) else escape(heading)
    return label, ctx.rich(law.summary)
