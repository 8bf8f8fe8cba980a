"""planc's benchmark: whole-process medians, a per-stage breakdown, and plain pandoc side by side.

For each plan (the Confluenze plan, generated plans of 100, 1,000 and 5,000 actions, the
imported PNRR) it times, as whole processes after one warm-up run (single runs of the largest
plans have none):
``planc check``; ``planc build`` for each format and for all three; and, on the very Markdown
planc rendered, what a user would run instead: pandoc to HTML, pandoc to DOCX, and pandoc with
XeLaTeX to PDF. It reports medians (with min and max), peak memory, planc/pandoc ratios, and an
in-process breakdown of planc's stages. Results go to build/bench/results.{md,json}.

    python bench/run.py [--quick]        # --quick: fewer runs, no 5,000-action builds
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import stages  # noqa: E402

OUT = ROOT / "build" / "bench"
PLANC = [sys.executable, "-m", "compiler"]
PNRR = Path("/work/shared/data/real/pnrr-italia/italiadomani-2025-04")
SHARED_PNRR = Path(os.environ.get("PLANC_PNRR", PNRR))


@dataclass
class Timing:
    """Whole-process figures of one command over several runs."""

    plan: str
    label: str
    runs: int
    wall_median: float
    wall_min: float
    wall_max: float
    cpu_median: float
    peak_mib: float
    ok: bool


def run_once(command: list[str]) -> tuple[float, float, float, int]:
    """Wall and CPU seconds, peak RSS (MiB) and exit code of one run, from the kernel's accounting."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode


def measure(plan: str, label: str, command: list[str], runs: int) -> Timing:
    """Time ``command`` ``runs`` times after one warm-up run (none for a single run of a long command)."""
    if runs > 1:
        run_once(command)
    samples = [run_once(command) for _ in range(runs)]
    walls = [s[0] for s in samples]
    timing = Timing(
        plan, label, runs, statistics.median(walls), min(walls), max(walls),
        statistics.median(s[1] for s in samples), max(s[2] for s in samples), all(s[3] == 0 for s in samples),
    )  # fmt: skip
    state = "" if timing.ok else "  (FAILED)"
    print(
        f"  {label:<28} {timing.wall_median:8.3f} s  [{timing.wall_min:.3f}–{timing.wall_max:.3f}]  {timing.peak_mib:7.0f} MiB{state}"
    )
    return timing


def pandoc_paths(plan: str, markdown: Path, scratch: Path, runs: int, xelatex: bool) -> list[Timing]:
    """What a user would run instead, on the same Markdown: pandoc alone, and pandoc with XeLaTeX."""
    pandoc = subprocess.run(
        [*PLANC[:1], "-c", "from compiler.outputs.pandoc import executable; print(executable())"],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout.strip()
    timings = [
        measure(plan, "pandoc md→html", [pandoc, str(markdown), "-s", "-o", str(scratch / "p.html")], runs),
        measure(plan, "pandoc md→docx", [pandoc, str(markdown), "-o", str(scratch / "p.docx")], runs),
    ]
    if xelatex:
        command = [
            pandoc,
            str(markdown),
            "--pdf-engine=xelatex",
            "-V",
            "mainfont=DejaVu Serif",
            "-o",
            str(scratch / "p.pdf"),
        ]
        timings.append(measure(plan, "pandoc md→pdf (xelatex)", command, max(1, min(runs, 3))))
    return timings


def bench_plan(plan: str, folder: Path, runs: int, build_runs: int, xelatex: bool) -> list[Timing]:
    print(f"{plan}: {folder}")
    scratch = Path(tempfile.mkdtemp(prefix="planc-bench-"))
    try:
        timings = [measure(plan, "planc check", [*PLANC, "check", str(folder)], runs)]
        if build_runs:
            for formats in ("html", "docx", "pdf", "html,docx,pdf"):
                out = scratch / formats.replace(",", "-")
                command = [*PLANC, "build", str(folder), "-o", str(out), "--to", formats]
                timings.append(measure(plan, f"planc build {formats}", command, build_runs))
            markdown = scratch / "html-docx-pdf" / "plan.md"
            timings += pandoc_paths(plan, markdown, scratch, build_runs, xelatex)
        return timings
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def plans(quick: bool) -> list[tuple[str, Path, int, int]]:
    """(name, folder, check runs, build runs) for every plan benchmarked."""
    chosen = [("Confluenze", ROOT / "plan", 7, 5)]
    for actions, check_runs, build_runs in ((100, 5, 5), (1000, 5, 3), (5000, 3, 0 if quick else 1)):
        folder = OUT / "plans" / str(actions)
        if not folder.exists():  # in a child process, so that this one stays small (peak memory)
            subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), str(actions), str(folder)], check=True)
        chosen.append((f"generated {actions}", folder, check_runs, build_runs))
    if SHARED_PNRR.exists():
        folder = OUT / "plans" / "pnrr"
        if not folder.exists():
            subprocess.run(
                [*PLANC, "import", "pnrr", str(SHARED_PNRR), "-o", str(folder)], check=True, stderr=subprocess.DEVNULL
            )
        chosen.append(("PNRR 2025 (imported)", folder, 3, 0 if quick else 1))
    else:
        print(f"PNRR 2025 left out: no real data at {SHARED_PNRR} (set PLANC_PNRR to the italiadomani-2025-04 folder)")
    return chosen


def ratios(timings: list[Timing]) -> list[dict[str, object]]:
    """planc build against the plain pandoc path for the same format, per plan."""
    found = []
    by = {(t.plan, t.label): t for t in timings}
    for plan in dict.fromkeys(t.plan for t in timings):
        for planc_label, pandoc_label in (
            ("planc build html", "pandoc md→html"),
            ("planc build docx", "pandoc md→docx"),
            ("planc build pdf", "pandoc md→pdf (xelatex)"),
            ("planc build html,docx,pdf", "pandoc md→pdf (xelatex)"),
        ):
            ours, theirs = by.get((plan, planc_label)), by.get((plan, pandoc_label))
            if ours and theirs:
                found.append(
                    {
                        "plan": plan,
                        "planc": planc_label,
                        "pandoc": pandoc_label,
                        "ratio": ours.wall_median / theirs.wall_median,
                    }
                )
    return found


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "?",
    )
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}"
    )


def write(
    timings: list[Timing], breakdown: list[dict[str, object]], xelatex: bool, previews: list[dict[str, object]]
) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    payload = {
        "machine": machine(),
        "date": time.strftime("%Y-%m-%d"),
        "xelatex": xelatex,
        "timings": [asdict(t) for t in timings],
        "ratios": ratios(timings),
        "stages": breakdown,
        "serve": previews,
    }
    (OUT / "results.json").write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (OUT / "results.md").write_text(stages.markdown_report(payload), encoding="utf-8")
    print(f"wrote {OUT / 'results.md'} and {OUT / 'results.json'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs; no builds of the 5,000-action plan")
    options = parser.parse_args()
    xelatex = shutil.which("xelatex") is not None
    if not xelatex:
        print("xelatex is not installed: the pandoc+XeLaTeX PDF path is left out (make bench installs it)")
    timings: list[Timing] = []
    breakdown: list[dict[str, object]] = []
    for name, folder, check_runs, build_runs in plans(options.quick):
        checks, builds = (min(check_runs, 3), min(build_runs, 1)) if options.quick else (check_runs, build_runs)
        timings += bench_plan(name, folder, checks, builds, xelatex)
        if builds:
            command = [sys.executable, "-m", "bench.stages", str(folder)]
            measured = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout
            breakdown.append({"plan": name, **json.loads(measured)})
    previews = serve_latency(options.quick)
    write(timings, breakdown, xelatex, previews)
    return 0


def serve_latency(quick: bool) -> list[dict[str, object]]:
    """Save-to-preview latency of ``planc serve`` for the Confluenze plan and the 1,000-action plan."""
    found = []
    for name, folder, budget in (("Confluenze", ROOT / "plan", 0.3), ("generated 1000", OUT / "plans" / "1000", 1.5)):
        runs = "3" if quick else "7"
        measured = subprocess.run(
            [sys.executable, "-m", "bench.serve", str(folder), runs],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        ).stdout
        figures = json.loads(measured)
        spread = f"[{figures['min']:.3f}–{figures['max']:.3f}]"
        print(f"  planc serve save→preview  {name:<16} {figures['median']:.3f} s  {spread}  budget {budget} s")
        found.append({"plan": name, "budget": budget, **figures})
    return found


if __name__ == "__main__":
    sys.exit(main())
