"""What keeps the preview live: a watcher that rebuilds after every save, and pages that wait for it.

The watcher looks at the plan files' sizes and times every ``POLL_SECONDS`` (a poll works the same
on Linux, macOS and Windows, whatever way an editor saves); when something changed it rebuilds in
a worker thread and wakes every page waiting for a newer version.
"""

from __future__ import annotations

import asyncio
import contextlib

from compiler.preview.session import Preview, Snapshot

POLL_SECONDS = 0.05


class Live:
    """The latest snapshot of the plan, and the pages waiting for the next one."""

    def __init__(self, preview: Preview) -> None:
        self.preview = preview
        self.snapshot: Snapshot | None = None
        self.changed = asyncio.Condition()

    async def watch(self) -> None:
        """Rebuild whenever a plan file changes, forever (until cancelled)."""
        while True:
            signature = await asyncio.to_thread(self.preview.signature)
            if self.snapshot is None or signature != self.preview.seen:
                snapshot = await asyncio.to_thread(self.preview.update)
                async with self.changed:
                    self.snapshot = snapshot
                    self.changed.notify_all()
            await asyncio.sleep(POLL_SECONDS)

    async def after(self, version: int, timeout: float) -> Snapshot | None:
        """The first snapshot newer than ``version``, or the current one after ``timeout`` seconds."""
        async with self.changed:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(
                    self.changed.wait_for(lambda: self.snapshot is not None and self.snapshot.version > version),
                    timeout,
                )
            return self.snapshot
