"""What every format's writer shares: the steps of a build, and planc's own blocks around the AST.

A build reads the Markdown once; then each requested writer goes through the same steps, all
writers step by step together, so that their pandoc runs (and Typst) overlap:
``prepare`` (work that needs no document), ``start`` (pandoc begins writing), ``proceed`` (hand
over to a second tool), ``finish`` (wait, finish the file, return it); ``stop`` on any failure.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from compiler.document.parts import PageChrome
from compiler.outputs.ast_gate import Node, literal

if TYPE_CHECKING:
    from compiler.outputs.figures import Picture


@dataclass(frozen=True)
class Job:
    """One build's shared inputs: the gated AST, the page chrome, the scratch folder, the time."""

    ast: Node
    chrome: PageChrome
    folder: Path
    data_dir: Path
    when: datetime.datetime
    pictures: dict[str, Picture] = field(default_factory=dict)  #: planc's charts, by the id of their placeholder


class Writer:
    """One output format; subclasses override the steps they need."""

    #: The extension of the file the writer produces (``.html``).
    suffix = ""

    def __init__(self, folder: Path, data_dir: Path, when: datetime.datetime, name: str = "plan") -> None:
        self.folder = folder
        self.data_dir = data_dir
        self.when = when
        self.output = name + self.suffix  #: the file's name in the output folder: ``plan.html``

    def prepare(self) -> None:
        """Start work that does not need the document (before pandoc reads the Markdown)."""

    def start(self, job: Job) -> None:
        """Start writing the document."""

    def proceed(self) -> None:
        """Hand over to a second tool, once every writer has started."""

    def finish(self) -> Path:
        """Wait for the file and return it."""
        raise NotImplementedError

    def stop(self) -> None:
        """Stop anything still running (the build failed)."""


def pandoc_meta(chrome: PageChrome, **extra: str | None) -> Node:
    """The document metadata planc gives a pandoc writer: title, language, direction and chrome words."""
    meta: Node = {
        "title": {"t": "MetaInlines", "c": literal(chrome.title)},
        # Not pandoc's own "lang": with it pandoc looks up its translations of words such as
        # "Abstract" and warns (so fails) for a language it has none for (zh, zh-TW, yi).
        "language-tag": {"t": "MetaString", "c": chrome.lang},
        "dir": {"t": "MetaString", "c": chrome.direction},
    }
    for key, value in extra.items():
        if value is not None:
            meta[key.replace("_", "-")] = {"t": "MetaInlines", "c": literal(value)}
    return meta


def write_ast(ast: Node, meta: Node, blocks: list[Node], path: Path) -> Path:
    """Write the AST with this metadata and these blocks as pandoc JSON."""
    path.write_text(json.dumps({**ast, "meta": meta, "blocks": blocks}, ensure_ascii=False), encoding="utf-8")
    return path


def raw_block(fmt: str, text: str) -> Node:
    """A block of planc's own markup for one format (never plan text)."""
    return {"t": "RawBlock", "c": [fmt, text]}


def div_attributes(block: Node) -> tuple[str, list[str]]:
    """The id and classes of a ``Div``."""
    identifier, classes, _pairs = block["c"][0]
    return identifier, classes


def decorate(blocks: list[Node], decorate_block: Callable[[Node], list[Node]]) -> list[Node]:
    """Replace every top-level block with what ``decorate_block`` makes of it."""
    out: list[Node] = []
    for block in blocks:
        out.extend(decorate_block(block))
    return out
