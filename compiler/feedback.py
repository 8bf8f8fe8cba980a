"""``planc comments``: reviewers' comments read back from DOCX and ODT files into one register, in plan order.

Each comment is tied to the plan object it sits on (``review.placement``); the register is printed
or written as CSV, Markdown or JSON, and with ``--into`` appended to the plan as observations
awaiting a response, in a new file (no existing file is changed). A document made from another
version of the plan is named, with the commented objects that have changed since.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from compiler import pipeline
from compiler.messages.diagnostics import Text, msg
from compiler.messages.translate import Translator
from compiler.model import Plan
from compiler.outcome import Checked, Outcome
from compiler.outputs import staging
from compiler.review.changes import REMOVED, Changes, ObjectChange, compare
from compiler.review.comments import Reviewed, UnreadableDocument, read_reviewed
from compiler.review.observation_file import observation_records, observations_yaml
from compiler.review.placement import Known, Placed, place_remarks
from compiler.review.register import Register, build_register
from compiler.review.snapshot import SNAPSHOT_NAME, PlanData, SnapshotError, fingerprint, read_snapshot


@dataclass(frozen=True)
class CommentsOptions:
    """Which reviewed files, which plan, and what to make of the register."""

    files: tuple[Path, ...]
    plan_dir: Path = Path("plan")
    published: Path = Path("build/publish")
    output_format: str = "csv"
    lang: str | None = None
    out: Path | None = None
    into: Path | None = None


@dataclass
class _Reading:
    files: list[dict[str, str | None]] = field(default_factory=list)
    placed: list[list[Placed]] = field(default_factory=list)
    changed: set[str] = field(default_factory=set)
    notes: list[Text] = field(default_factory=list)


def comments(options: CommentsOptions) -> Outcome:
    """Read every file's comments into one register; print it, write it, or add it to the plan."""
    checked = pipeline.check(options.plan_dir)
    plan = checked.plan
    if checked.has_errors() or plan is None or plan.meta is None:
        return Outcome(
            checked, refusal=msg("The plan has errors: fix them first, so that comments can find its objects.")
        )
    reading = _Reading()
    for path in options.files:
        try:
            reviewed = read_reviewed(path)
        except UnreadableDocument as problem:
            reason = msg(
                "{file} is not a DOCX or ODT document planc can read ({problem}).", file=str(path), problem=str(problem)
            )
            return Outcome(checked, refusal=reason)
        _read(reviewed, plan, checked.data, options.published, reading)
    register = build_register(reading.placed, frozenset(reading.changed))
    from compiler import production  # noqa: PLC0415 - Babel: only to write the register

    language = options.lang or plan.meta.lang
    text = production.describe_register(register, plan, options.output_format, language, _about(checked, reading))
    written = _into(register, plan, options, language, reading) if options.into is not None else []
    if options.out is not None:
        staging.write_bytes(options.out, text.encode("utf-8"))
        written.append(options.out)
        reading.notes.append(msg("wrote {path}", path=str(options.out)))
    printed = text if options.out is None and options.into is None else None
    return Outcome(checked, written=tuple(written), output=printed, notes=tuple(reading.notes))


def _into(register: Register, plan: Plan, options: CommentsOptions, language: str, reading: _Reading) -> list[Path]:
    """Add the register's new observations to the plan folder as a new file (none if nothing is new)."""
    translate = Translator(language)
    present = frozenset(thing.id for thing in plan.identified())
    records = [r for r in observation_records(register, present, translate) if not _recorded(r, plan)]
    if not records or options.into is None:
        reading.notes.append(msg("No new observations: the plan already has every one of them."))
        return []
    heading = translate(
        msg(
            "Observations read from {files} by planc comments: write each one's outcome and response.",
            files=tuple(path.name for path in options.files),
        )
    )
    target = _new_file(options.into, language)
    staging.write_bytes(target, observations_yaml(records, heading).encode("utf-8"))
    reading.notes.append(msg("{count} observation(s) added to {file}.", count=len(records), file=str(target)))
    return [target]


def _read(reviewed: Reviewed, plan: Plan, data: PlanData, published: Path, reading: _Reading) -> None:
    """Place one file's remarks; if it was made from another version, say which commented objects changed."""
    now = fingerprint(data)
    name = Path(reviewed.file).name
    reading.files.append({"file": reviewed.file, "version": reviewed.version, "fingerprint": reviewed.fingerprint})
    old = _published(published, reviewed) if reviewed.fingerprint not in (None, now) else None
    changes = compare(old, data) if old is not None else None
    known = known_objects(plan) if changes is None else _with_history(known_objects(plan), changes.objects)
    placed = place_remarks(reviewed, known)
    reading.placed.append(placed)
    if reviewed.fingerprint is None:
        reading.notes.append(
            msg(
                "{file} was not made by planc (it names no plan version): its comments are placed by its headings.",
                file=name,
            )
        )
    elif reviewed.fingerprint != now:
        note, commented = _older(name, reviewed.version or "?", changes, placed, published)
        reading.notes.append(note)
        reading.changed.update(commented)


def _older(
    name: str, version: str, changes: Changes | None, placed: list[Placed], published: Path
) -> tuple[Text, list[str]]:
    """What to say of a document made from another version, and which commented objects changed (if that is known)."""
    if changes is None:
        unknown = msg(
            "{file} was made on version {version}, from sources that differ from the plan's now; which commented "
            "objects changed cannot be told (no snapshot of that version in {folder}).",
            file=name,
            version=version,
            folder=str(published),
        )
        return unknown, []
    changed = {change.id for change in changes.objects}
    commented = sorted({p.place.object for p in placed if p.place.object is not None and p.place.object in changed})
    known = msg(
        "{file} was made on version {version}; the plan has changed since. Commented objects that changed: {ids}.",
        file=name,
        version=version,
        ids=tuple(commented) or "—",
    )
    return known, commented


def known_objects(plan: Plan) -> Known:
    """The plan's ids, the names its body headings show, and the ids its objects had before."""
    renamed = {former.id: thing.id for thing in plan.identified() for former in thing.formerly}
    names = {body.name: body.id for body in plan.governance}
    return Known(frozenset(thing.id for thing in plan.identified()), names, renamed)


def _with_history(known: Known, changes: tuple[ObjectChange, ...]) -> Known:
    """Known objects plus those removed since the reviewed version, and renames found by comparing."""
    removed = {c.id for c in changes if c.change == REMOVED}
    renamed = {c.formerly: c.id for c in changes if c.formerly}
    return Known(known.ids | removed, known.names, {**known.renamed, **renamed})


def _published(root: Path, reviewed: Reviewed) -> PlanData | None:
    """The snapshot of the version the document was made from, if it is published (and is that version)."""
    path = root / (reviewed.version or "") / SNAPSHOT_NAME
    if not reviewed.version or not path.is_file():
        return None
    try:
        data = read_snapshot(path)
    except SnapshotError:
        return None
    return data if fingerprint(data) == reviewed.fingerprint else None


def _recorded(record: dict[str, object], plan: Plan) -> bool:
    """True if the plan already holds this observation (the same author, date, object and text)."""
    return any(
        (o.by, o.text, o.on.id if o.on else None, o.date.text if o.date else None)
        == (record.get("by"), record.get("text"), record.get("on"), record.get("date"))
        for o in plan.observations
    )


def _new_file(folder: Path, language: str) -> Path:
    stem = "90-osservazioni" if language.startswith("it") else "90-observations"
    number = 1
    while (target := folder / (f"{stem}.yaml" if number == 1 else f"{stem}-{number}.yaml")).exists():
        number += 1
    return target


def _about(checked: Checked, reading: _Reading) -> dict[str, object]:
    meta = checked.plan.meta if checked.plan else None
    return {
        "plan": {"version": meta.version if meta else "", "fingerprint": fingerprint(checked.data)},
        "files": reading.files,
    }
