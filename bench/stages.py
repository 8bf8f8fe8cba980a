"""Where planc's time goes, stage by stage, in one process (each stage run alone, one after another)."""

from __future__ import annotations

import gc
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

STAGES = (
    "load",
    "schema",
    "model+checks",
    "render",
    "charts",
    "pandoc read",
    "gate",
    "html writer",
    "docx writer",
    "typst writer",
    "typst compile",
)


def _timed(results: dict[str, float], name: str, work: Callable[[], Any]) -> Any:
    started = time.perf_counter()
    value = work()
    results[name] = round(time.perf_counter() - started, 3)
    return value


def breakdown(folder: Path) -> dict[str, float]:
    """Seconds spent in each stage of checking and building the plan in ``folder``."""
    from compiler import checks, production, schema, sources  # noqa: PLC0415
    from compiler.document.formats import grouping  # noqa: PLC0415
    from compiler.model.assembly import assemble  # noqa: PLC0415
    from compiler.outputs import figures, pandoc, produce, registry  # noqa: PLC0415
    from compiler.outputs.ast_gate import sanitise  # noqa: PLC0415
    from compiler.outputs.writer import Job  # noqa: PLC0415

    results: dict[str, float] = {}
    files, _ = sources.discover(folder)
    loaded = _timed(results, "load", lambda: [sources.load(path, str(path)).source for path in files])
    _timed(results, "schema", lambda: schema.validate(loaded))
    plan = _timed(results, "model+checks", lambda: _model(assemble, checks, grouping, loaded))
    extras = production.Extras()
    request = _timed(results, "render", lambda: production._request(plan, folder, registry.FORMATS, None, extras))
    scratch = Path(tempfile.mkdtemp(prefix="planc-stages-"))
    try:
        data = scratch / "data"
        data.mkdir()
        pictures = _timed(results, "charts", lambda: _charts(figures, request, scratch))
        parts = 1 if len(request.markdown) < produce.SPLIT_ABOVE else 2
        ast = _timed(results, "pandoc read", lambda: pandoc.read_markdown(request.markdown, scratch, data, parts))
        ast, _ = _timed(results, "gate", lambda: sanitise(ast))
        job = Job(ast, request.chrome, scratch, data, request.when, pictures)
        for name, stages in (("html", ("html writer",)), ("docx", ("docx writer",)), ("pdf", STAGES[-2:])):
            writer = registry.WRITERS[name](scratch / name, data, request.when)
            writer.folder.mkdir()
            writer.prepare()
            time.sleep(0.5 if name == "pdf" else 0)  # the Typst child imports Typst while pandoc reads
            try:
                if len(stages) == 1:
                    _timed(
                        results, stages[0], lambda writer=writer: (writer.start(job), writer.proceed(), writer.finish())
                    )
                else:
                    _timed(results, stages[0], lambda writer=writer: (writer.start(job), writer.proceed()))
                    _timed(results, stages[1], writer.finish)
            finally:
                writer.stop()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return results


def _charts(figures: Any, request: Any, scratch: Path) -> Any:
    """Every chart drawn as SVG (for HTML) and PNG (for DOCX and ODT); the PDF draws them natively."""
    drawing = figures.start_drawing(request.charts, scratch / "pictures", ("html", "docx"))
    try:
        return figures.drawn(request.charts, drawing)
    finally:
        if drawing is not None:
            drawing.stop()


def _model(assemble: Any, checks: Any, grouping: Any, loaded: list[Any]) -> Any:
    plan, _ = assemble(loaded)
    list(checks.run_rules(plan, grouping))
    return plan


def main() -> int:
    """``python -m bench.stages FOLDER``: print the breakdown as JSON (without the cyclic garbage
    collector, as planc's commands run)."""
    gc.disable()
    print(json.dumps(breakdown(Path(sys.argv[1]))))
    return 0


def markdown_report(payload: dict[str, Any]) -> str:
    """The results as Markdown tables."""
    lines = [f"# planc benchmark, {payload['date']}", "", f"Machine: {payload['machine']}.", ""]
    lines += [
        "Whole processes, one warm-up run then the median of N runs (min–max); peak memory of the largest process.",
        "",
    ]
    lines += ["| plan | command | N | wall s (median) | min–max | CPU s | peak MiB |", "|---|---|--:|--:|--:|--:|--:|"]
    for t in payload["timings"]:
        failed = " (failed)" if not t["ok"] else ""
        lines.append(
            f"| {t['plan']} | {t['label']}{failed} | {t['runs']} | {t['wall_median']:.3f} | "
            f"{t['wall_min']:.3f}–{t['wall_max']:.3f} | {t['cpu_median']:.3f} | {t['peak_mib']:.0f} |"
        )
    lines += [
        "",
        "planc build against the plain pandoc path on the same Markdown (ratio of medians; below 1: planc is faster).",
        "",
    ]
    lines += ["| plan | planc | pandoc | ratio |", "|---|---|---|--:|"]
    lines += [f"| {r['plan']} | {r['planc']} | {r['pandoc']} | {r['ratio']:.2f} |" for r in payload["ratios"]]
    if not payload["xelatex"]:
        lines += ["", "xelatex was not installed: the pandoc+XeLaTeX PDF path could not be measured."]
    lines += ["", "Stages in one process, each alone (seconds):", ""]
    lines += ["| plan | " + " | ".join(STAGES) + " |", "|---|" + "--:|" * len(STAGES)]
    for row in payload["stages"]:
        lines.append(f"| {row['plan']} | " + " | ".join(f"{row.get(stage, 0):.3f}" for stage in STAGES) + " |")
    lines += ["", "planc serve: from saving a file to the preview's new version (median of N saves, seconds):", ""]
    lines += ["| plan | N | median | min–max | budget |", "|---|--:|--:|--:|--:|"]
    for row in payload.get("serve", []):
        lines.append(
            f"| {row['plan']} | {row['runs']} | {row['median']:.3f} | {row['min']:.3f}–{row['max']:.3f} | {row['budget']} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
