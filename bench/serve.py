"""Save-to-preview latency of ``planc serve``: from writing a plan file to the new page being ready.

The real server runs (``planc serve --no-browser``) on a copy of the plan; after its first build,
each run changes one action's end date in its file (as an editor saves it) and times until the
page's long poll (``state?after=N``, what the preview's script waits on) answers with the new
version and the document holds the change. Medians of several saves.

    python -m bench.serve FOLDER [RUNS]     # prints {"median": s, "min": s, "max": s, "runs": n} as JSON
"""

from __future__ import annotations

import http.client
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _get(port: int, path: str, timeout: float = 600) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    connection.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
    body = connection.getresponse().read().decode("utf-8")
    connection.close()
    return body


def _version(port: int, base: str, after: int) -> int:
    version: int = json.loads(_get(port, f"{base}state?after={after}"))["version"]
    return version


def measure(folder: Path, runs: int) -> dict[str, float]:
    """Time ``runs`` saves of one action's end date in a served copy of ``folder``."""
    scratch = Path(tempfile.mkdtemp(prefix="planc-bench-serve-"))
    plan = shutil.copytree(folder, scratch / "plan")
    command = [sys.executable, "-m", "compiler", "serve", str(plan), "--no-browser"]
    server = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        found = re.search(
            r"http://127\.0\.0\.1:([0-9]+)(/[A-Za-z0-9_-]+/)", server.stderr.readline() if server.stderr else ""
        )
        if found is None:
            raise SystemExit("planc serve printed no address")
        port, base = int(found.group(1)), found.group(2)
        version = 0
        while version == 0:  # the first build
            version = _version(port, base, 0)
        target = next(path for path in sorted(plan.glob("*.yaml")) if "\nactions:" in path.read_text(encoding="utf-8"))
        text = target.read_text(encoding="utf-8")
        ends = list(re.finditer(r'\n    end: "([0-9]{4})-([0-9]{2})"', text))
        last = ends[-1]
        samples = []
        for run in range(runs):
            month = f'\n    end: "{last.group(1)}-{(run % 12) + 1:02d}"'
            changed = text[: last.start()] + month + text[last.end() :]
            if changed == target.read_text(encoding="utf-8"):
                changed = changed.replace(month, f'\n    end: "{last.group(1)}-{((run + 1) % 12) + 1:02d}"')
            started = time.perf_counter()
            target.write_text(changed, encoding="utf-8")
            version = _version(port, base, version)
            samples.append(time.perf_counter() - started)
            time.sleep(0.3)
        return {"median": statistics.median(samples), "min": min(samples), "max": max(samples), "runs": runs}
    finally:
        server.terminate()
        server.wait(timeout=60)
        shutil.rmtree(scratch, ignore_errors=True)


def main() -> int:
    """``python -m bench.serve FOLDER [RUNS]``."""
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    print(json.dumps(measure(Path(sys.argv[1]), runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
