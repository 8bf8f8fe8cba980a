"""One register of the remarks of several reviewed documents, in plan order, replies after what they answer.

The register is what the drafting group works from: each entry says which object (or which part
of the document) a remark is about, who made it and when, what it says, and whether the object
has changed since the version the reviewer read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from compiler.review.comments import COMMENT
from compiler.review.placement import Placed

REPLY = "reply"


@dataclass(frozen=True)
class RegisterEntry:
    """One remark in the register."""

    number: int
    file: str
    kind: str  #: comment, reply, insertion, deletion
    author: str
    date: str | None
    text: str
    quote: str
    object: str | None
    section: str | None
    headings: tuple[str, ...]
    also: tuple[str, ...] = ()  #: other objects the commented range covers
    resolved: bool = False
    reply_to: int | None = None
    changed_since: bool = False


@dataclass(frozen=True)
class Register:
    """Every entry, and the place each group of entries is about, in plan order."""

    entries: list[RegisterEntry] = field(default_factory=list)

    def groups(self) -> list[tuple[str | None, tuple[str, ...], list[RegisterEntry]]]:
        """The entries by place: object id (or ``None``), headings, entries."""
        found: dict[tuple[str | None, tuple[str, ...]], list[RegisterEntry]] = {}
        for entry in self.entries:
            key = (entry.object, () if entry.object else entry.headings)
            found.setdefault(key, []).append(entry)
        return [(key[0], key[1], entries) for key, entries in found.items()]


def build_register(files: Iterable[list[Placed]], changed: frozenset[str] = frozenset()) -> Register:
    """Merge the placed remarks of every file; ``changed`` ids are objects changed since the files' version."""
    placed = [item for one_file in files for item in one_file]
    by_key = {(item.file, item.remark.key): item for item in placed}
    thread = {key: _root(key, by_key) for key in by_key}
    rank: dict[tuple[str | None, tuple[str, ...]], float] = {}
    for item in placed:
        group = _group(by_key[thread[(item.file, item.remark.key)]])
        rank[group] = min(rank.get(group, 1.0), item.position)

    files_order = {file: index for index, file in enumerate(dict.fromkeys(item.file for item in placed))}

    arrival = {id(item): index for index, item in enumerate(placed)}

    def order(item: Placed) -> tuple[float, int, int, int, int]:
        """Place, file, where the thread starts, which thread; the first comment, then its replies."""
        root = by_key[thread[(item.file, item.remark.key)]]
        return (rank[_group(root)], files_order[item.file], root.remark.start, arrival[id(root)], arrival[id(item)])

    ordered = sorted(placed, key=order)
    numbers = {(item.file, item.remark.key): number for number, item in enumerate(ordered, start=1)}
    return Register([_entry(item, by_key, thread, numbers, changed) for item in ordered])


def _root(key: tuple[str, str], by_key: dict[tuple[str, str], Placed]) -> tuple[str, str]:
    """The first comment of the thread a remark belongs to."""
    seen = {key}
    while True:
        parent = by_key[key].remark.parent
        following = (key[0], parent) if parent else None
        if following is None or following not in by_key or following in seen:
            return key
        seen.add(following)
        key = following


def _group(item: Placed) -> tuple[str | None, tuple[str, ...]]:
    return (item.place.object, () if item.place.object else item.place.headings)


def _entry(
    item: Placed,
    by_key: dict[tuple[str, str], Placed],
    thread: dict[tuple[str, str], tuple[str, str]],
    numbers: dict[tuple[str, str], int],
    changed: frozenset[str],
) -> RegisterEntry:
    key = (item.file, item.remark.key)
    root = by_key[thread[key]]
    remark = item.remark
    reply = root is not item
    return RegisterEntry(
        number=numbers[key],
        file=item.file,
        kind=REPLY if reply and remark.kind == COMMENT else remark.kind,
        author=remark.author,
        date=remark.date,
        text=remark.text,
        quote=remark.quote,
        object=root.place.object,
        section=root.place.section,
        headings=root.place.headings,
        also=root.spans,
        resolved=remark.resolved,
        reply_to=numbers[(root.file, root.remark.key)] if reply else None,
        changed_since=root.place.object in changed,
    )
