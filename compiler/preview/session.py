"""The plan as ``planc serve`` last saw it: re-read only the files that changed, re-check, re-build.

A file is read again only when its size, times or inode change; the checks run on the whole
plan each time (they are fast). While the plan has errors the last good page stays, marked stale.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from compiler import pipeline, production, sources
from compiler.document.chrome import page_chrome
from compiler.messages.diagnostics import Diagnostic, Text
from compiler.messages.translate import Translator
from compiler.outcome import Checked
from compiler.outputs.pandoc import PandocError
from compiler.preview.page import PageBuilder

Signature = tuple[tuple[str, int, int, int, int], ...]


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while an update makes its many short-lived objects (it
    would walk them all again and again); back on after, to collect them once."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass(frozen=True)
class Snapshot:
    """What the preview shows: the plan's check, the last good page and whether it is out of date."""

    version: int
    checked: Checked
    page: str | None
    stale: bool
    failure: Text | None = None


def stat_key(path: Path) -> tuple[int, int, int, int]:
    """What changes when a file is saved (size, modification and change times, inode)."""
    status = path.stat()
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)


class Preview:
    """The plan folder, its files as last read, and the page of its last good version."""

    def __init__(self, plan_dir: Path, workers: int = 2) -> None:
        self.plan_dir = plan_dir
        self.files: dict[Path, tuple[tuple[int, int, int, int], tuple[sources.Loaded, list[Diagnostic]]]] = {}
        self.builder = PageBuilder(workers)
        self.lock = threading.RLock()
        self.snapshot: Snapshot | None = None
        self.seen: Signature = ()

    def signature(self) -> Signature:
        """The plan files and their stat keys: a new value means something was saved."""
        found, _problems = sources.discover(self.plan_dir)
        keys = []
        for path in found:
            try:
                keys.append((str(path), *stat_key(path)))
            except OSError:
                continue
        return tuple(keys)

    def check(self) -> Checked:
        """Check the plan as it is on disk now, reading again only the files that changed."""
        with self.lock:
            checked = pipeline.check(self.plan_dir, self.read)
            self.files = {path: entry for path, entry in self.files.items() if path.exists()}
            return checked

    def update(self) -> Snapshot:
        """Check the plan and, if it has no errors, build its page; the last good page otherwise."""
        with self.lock, _collector_paused():
            self.seen = self.signature()
            checked = self.check()
            previous = self.snapshot
            version = previous.version + 1 if previous else 1
            page = previous.page if previous else None
            plan = checked.plan
            if checked.has_errors() or plan is None or plan.meta is None:
                self.snapshot = Snapshot(version, checked, page, stale=page is not None)
                return self.snapshot
            try:
                page = self.builder.page(
                    production.markdown_of(plan), page_chrome(plan.meta, Translator(plan.meta.lang))
                )
            except PandocError as problem:
                self.snapshot = Snapshot(version, checked, page, stale=page is not None, failure=problem.message)
                return self.snapshot
            self.snapshot = Snapshot(version, checked, page, stale=False)
            return self.snapshot

    def source_files(self) -> list[sources.SourceFile]:
        """The plan files that could be read, as last read, in plan order."""
        with self.lock:
            found = [entry[1][0].source for _path, entry in sorted(self.files.items(), key=lambda item: str(item[0]))]
            return [source for source in found if source is not None]

    def close(self) -> None:
        """Stop the warm pandoc processes."""
        self.builder.close()

    def read(self, path: Path) -> tuple[sources.Loaded, list[Diagnostic]]:
        """One file, read again only if it changed since it was last read."""
        with self.lock:
            try:
                key = stat_key(path)
            except OSError:
                return pipeline.read_file(path)
            known = self.files.get(path)
            if known is not None and known[0] == key:
                return known[1]
            result = pipeline.read_file(path)
            self.files[path] = (key, result)
            return result
