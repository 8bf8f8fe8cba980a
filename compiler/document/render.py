"""Render with Jinja2: the plan as pandoc Markdown (``build/plan.md``), and the publish index as HTML."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import jinja2

from compiler import templates
from compiler.document.markdown import Markdown, escape, escape_keeping_edges
from compiler.document.parts import PlanDocument
from compiler.document.report_parts import MonitoringDocument
from compiler.document.terms import link_first_uses
from compiler.messages.translate import Translator


def _finalize(value: Any) -> str:
    """Escape everything a template prints, except Markdown that planc built itself."""
    if isinstance(value, Markdown):
        return value
    if value is None or isinstance(value, jinja2.Undefined):
        raise TypeError("a template printed an empty value; guard it with {% if %}")
    return escape(str(value))


def _join(items: Iterable[Any], separator: str = ", ") -> Markdown:
    """Join items, escaping those that are not planc's own Markdown."""
    return Markdown(escape_keeping_edges(separator).join(_finalize(item) for item in items))


def _translated(environment: jinja2.Environment, language: str) -> jinja2.Environment:
    translate = Translator.for_document(language)
    environment.install_gettext_callables(  # type: ignore[attr-defined]
        translate.gettext, lambda one, many, n: translate.gettext(one if n == 1 else many), newstyle=True
    )
    return environment


_LOADER = jinja2.FunctionLoader(templates.text)


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja2's cache of compiled templates, in its own private folder of the user's temporary
    folder: a build then spends no time compiling the templates a build before it compiled (a
    third of a second). A folder that cannot be read or written only means no cache."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError):  # unreadable, or cut short: compile the template again
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            return


@functools.cache
def _bytecode_cache() -> jinja2.BytecodeCache | None:
    try:
        return _BytecodeCache(pattern="planc-%s.cache")
    except (OSError, RuntimeError):  # no private temporary folder for this user
        return None


@functools.cache
def _markdown_environment(language: str) -> jinja2.Environment:
    # The output is Markdown, not HTML: `_finalize` escapes every printed value for pandoc instead.
    environment = jinja2.Environment(
        loader=_LOADER,
        bytecode_cache=_bytecode_cache(),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # noqa: S701
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        comment_start_string="{##",  # leave pandoc's {#id} alone
        comment_end_string="##}",
        finalize=_finalize,
        extensions=["jinja2.ext.i18n"],
    )
    environment.filters["join"] = _join
    return _translated(environment, language)


@functools.cache
def _html_environment(language: str) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=_LOADER,
        bytecode_cache=_bytecode_cache(),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
    )
    return _translated(environment, language)


def render_index(releases: list[dict[str, Any]], translate: Translator) -> str:
    """The HTML page listing every published version (escaped as HTML: titles are plan text)."""
    title = str(releases[0]["title"]) if releases else ""
    template = _html_environment(translate.language).get_template("index.html.j2")
    return template.render(releases=releases, title=title, lang=translate.language)


def render_report(document: MonitoringDocument, language: str) -> str:
    """The monitoring report as pandoc Markdown."""
    template = _markdown_environment(language).get_template("monitoring.md.j2")
    return template.render(doc=document)


def render_markdown(document: PlanDocument, language: str) -> str:
    """The plan as pandoc Markdown."""
    template = _markdown_environment(language).get_template("plan.md.j2")
    return link_first_uses(template.render(doc=document))


def html_page(name: str, language: str, **context: Any) -> str:
    """One of planc's own HTML pages (``planc serve``), every value escaped as HTML, in ``language``."""
    return _html_environment(language).get_template(name).render(lang=language, **context)
