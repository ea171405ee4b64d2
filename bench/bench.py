"""Benchmark: setup (make pipeline vs venv + pip), the test suite, full run vs import floor, stage and format
times, scaling of the full run, no-change `make pipeline`.

Run with `make bench`, which uses a runtime-only environment (`.venv-bench`, the same pinned
requirements.lock that `make pipeline` installs), so the figures are what users get. The full
run writes every output (CSV, Parquet, JSON, XLSX, SQLite, report, data package). One check runs
in the dev environment (.venv): that a run there does not import hypothesis. Prints a table and
writes bench/results.json. Measures; asserts nothing. The setup and the suite are timed in a fresh clone of the
committed HEAD (`--no-suite` leaves the suite out).
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FLOOR = "import pandas, pandera.pandas, pyarrow.parquet"  # bs4 is imported for HTML inputs only
RUNS = 12
SIZES = [10, 100, 1_000, 10_000]
DEV_PYTHON = ROOT / ".venv" / "bin" / "python"
TARGETS = {
    "fresh make pipeline / (venv + pip install)": 0.5,
    "make test in a fresh clone, venv made (s)": 300.0,
    "full run / import floor (median ratio)": 1.2,
    "10,000 credentials, full run: time (s)": 60.0,
    "10,000 credentials, full run: peak RSS (MB)": 1500.0,
    "marginal cost per credential, 1k→10k / 100→1k": 1.5,
    "no-change make pipeline (s)": 0.3,
    "hypothesis imported by a run in the dev environment (0/1)": 0,
}


def setup_and_suite(suite: bool) -> dict[str, float | None]:
    """In a fresh clone of HEAD: `make pipeline` from nothing, against `python3 -m venv` + `pip install -r
    requirements.lock` in another folder (same caches for both); then, the venv made, `make test`."""
    result: dict[str, float | None] = {}
    with tempfile.TemporaryDirectory() as tmp:
        clone, plain = Path(tmp) / "clone", Path(tmp) / "plain"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        start = time.perf_counter()
        subprocess.run([shutil.which("python3") or "python3", "-m", "venv", str(plain)], check=True)
        subprocess.run([str(plain / "bin" / "pip"), "install", "-q", "-r", str(ROOT / "requirements.lock")],
                       check=True, capture_output=True)  # fmt: skip
        result["venv_pip_s"] = time.perf_counter() - start
        result["make_pipeline_s"] = wall(["make", "pipeline"], cwd=clone)
        result["ratio"] = result["make_pipeline_s"] / result["venv_pip_s"]
        result["make_test_s"] = None
        if suite:
            subprocess.run(["make", ".venv/.dev"], cwd=clone, check=True, capture_output=True)
            result["make_test_s"] = wall(["make", "test"], cwd=clone)
    return result


def wall(command: list[str], cwd: Path = ROOT) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def floor_vs_run() -> dict[str, float]:
    """Alternate the import floor and the full command (every output); medians and their ratio."""
    floor, full = [], []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(RUNS):
            floor.append(wall([sys.executable, "-c", FLOOR]))
            full.append(wall([sys.executable, "-m", "pipeline", "run", "--quiet", "--output-dir", out]))
    return {
        "floor_median_s": statistics.median(floor),
        "run_median_s": statistics.median(full),
        "ratio": statistics.median(full) / statistics.median(floor),
        "runs_each": RUNS,
    }


STAGE_SCRIPT = """
import json, statistics, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, {root!r})
from pipeline.formats import FORMATS, Origin, Snapshot
from pipeline.paths import RAW_DOCUMENT
from pipeline.run import Stages, build
from dataclasses import asdict

times = {{}}
for _ in range(30):
    stages = Stages()
    data = build(RAW_DOCUMENT, stage=stages)
    snapshot = Snapshot(data.tables, data.document, data.findings, Origin.load(RAW_DOCUMENT))
    written = {{}}
    for fmt in FORMATS:
        start = time.perf_counter()
        written.update((n, (len(d), "")) for n, d in fmt.write(snapshot, written).items())
        stages.timings["write " + fmt.__name__.rsplit(".", 1)[-1]] = (time.perf_counter() - start) * 1000
    for name, ms in stages.timings.items():
        times.setdefault(name, []).append(ms)
print(json.dumps({{k: {{"first_ms": v[0], "median_ms": statistics.median(v[1:])}} for k, v in times.items()}}))
"""


def stages() -> dict[str, dict[str, float]]:
    """Per-stage and per-format times on the real document: the first (cold) call and the warm median."""
    result = subprocess.run(
        [sys.executable, "-c", STAGE_SCRIPT.format(root=str(ROOT))], check=True, capture_output=True, text=True
    )
    return dict(json.loads(result.stdout))


LETTER_WORDS = [
    "Alpha",
    "Bravo",
    "Charlie",
    "Delta",
    "Echo",
    "Foxtrot",
    "Golf",
    "Hotel",
    "India",
    "Juliett",
    "Kilo",
    "Lima",
    "Mike",
    "November",
    "Oscar",
    "Papa",
    "Quebec",
    "Romeo",
    "Sierra",
    "Tango",
    "Uniform",
    "Victor",
    "Whiskey",
    "Xray",
    "Yankee",
    "Zulu",
]


def letters(n: int) -> str:
    """0 → AAAA, 1 → AAAB, …: four letters, distinct for every n below 26**4."""
    out = ""
    for _ in range(4):
        n, r = divmod(n, 26)
        out = chr(65 + r) + out
    return out


def synthetic_document(credentials: int) -> str:
    """The real document's layout with `credentials` rows, each identified by membership evidence."""
    title = "Model Tool: Certification table - professional credentials for medical office managers"
    lines = ["Site boilerplate", "", title, "", "Why you need this table:", "", "Because.", "", title]
    lines += ["", "", "", "", "", "Maintaining certification", "", "Topics covered", "", "", ""]
    glossary = []
    for n in range(credentials):
        code = letters(n)
        words = " ".join(LETTER_WORDS[ord(c) - 65] for c in code)
        lines += [
            f"{n % 5 + 1} years work experience; S{code} membership",
            "",
            f"{n % 4 + 1} hours, {100 + n % 100} multiple choice questions",
            "",
            f"{12 + n % 30} CEUs every {n % 3 + 1} years and S{code} membership",
            "",
            f"topic {n} one, topic {n} two, topic {n} three and topic {n} four",
            "",
            "",
            "",
        ]
        glossary += [f"> C{code} – Certified {words}, a S{code} certification", ""]
        glossary += [f"> S{code} – Society {words}, offers C{code} certification", ""]
    lines += [*glossary, "", "Medical Office Manager assumes no responsibility for this tool.", "", "Main page"]
    return "\n".join(lines) + "\n"


def cli_run(path: Path, out: Path) -> dict[str, Any]:
    """One run of the command users run (`python -m pipeline run`): wall time, the process's own peak RSS (from
    wait4, so each run is measured alone) and the stage times it prints with --timings."""
    command = [sys.executable, "-m", "pipeline", "run", str(path), "--output-dir", str(out),
               "--max-bytes", str(1 << 30), "--quiet", "--timings"]  # fmt: skip
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"the run on {path.name} failed: {stderr.strip()}")
    stages = {name: float(ms) for name, ms, _ in map(str.split, stderr.splitlines()) if name != "total"}
    return {"seconds": seconds, "peak_rss_mb": usage.ru_maxrss / 1024, "stages_ms": stages}


def scaling() -> list[dict[str, object]]:
    """The full run (every output, written to a folder) on synthetic documents of growing size: time, peak RSS."""
    results: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in SIZES:
            path = Path(tmp) / f"synthetic-{size}.txt"
            path.write_text(synthetic_document(size), encoding="utf-8")
            repeats = 3 if size < 10_000 else 1  # the largest takes a while
            runs = [cli_run(path, Path(tmp) / f"out-{size}") for _ in range(repeats)]
            rows = len(json.loads((Path(tmp) / f"out-{size}" / "certifications.json").read_bytes()))
            if rows != size:
                raise SystemExit(f"synthetic document of {size} credentials gave {rows} rows")
            best = min(runs, key=lambda r: r["seconds"])
            results.append({
                "credentials": size, "bytes": path.stat().st_size, "seconds": best["seconds"],
                "peak_rss_mb": max(r["peak_rss_mb"] for r in runs), "stages_ms": best["stages_ms"],
            })  # fmt: skip
    return results


def hypothesis_on_run_path() -> int | None:
    """1 if a full run in the dev environment (.venv, where hypothesis is installed) imports hypothesis."""
    if not DEV_PYTHON.exists():
        return None
    script = ("import sys, tempfile; from pathlib import Path; from pipeline.run import run; "
              "from pipeline.paths import RAW_DOCUMENT; run(RAW_DOCUMENT, Path(tempfile.mkdtemp())); "
              "print(int('hypothesis' in sys.modules))")  # fmt: skip
    result = subprocess.run([str(DEV_PYTHON), "-c", script], cwd=ROOT, check=True, capture_output=True, text=True)
    return int(result.stdout.strip())


def make_no_change() -> dict[str, float]:
    """`make pipeline` when neither the document nor the code changed."""
    subprocess.run(["make", "pipeline"], cwd=ROOT, check=True, capture_output=True)
    times = [wall(["make", "pipeline"]) for _ in range(5)]
    return {"median_s": statistics.median(times)}


def main() -> None:
    results: dict[str, object] = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "processor": platform.processor() or platform.machine(), "cpus": os.cpu_count()},
        "setup": setup_and_suite(suite="--no-suite" not in sys.argv),
        "floor_vs_run": floor_vs_run(),
        "stages": stages(),
        "scaling": scaling(),
        "make_pipeline_no_change": make_no_change(),
        "hypothesis_on_run_path": hypothesis_on_run_path(),
    }  # fmt: skip
    f: dict[str, float] = results["floor_vs_run"]  # type: ignore[assignment]
    scale: list[dict[str, float]] = results["scaling"]  # type: ignore[assignment]
    largest = scale[-1]
    setup: dict[str, float] = results["setup"]  # type: ignore[assignment]
    by_size = {int(r["credentials"]): float(r["seconds"]) for r in scale}
    marginal = ((by_size[10_000] - by_size[1_000]) / 9_000) / ((by_size[1_000] - by_size[100]) / 900)
    measured = {
        "fresh make pipeline / (venv + pip install)": setup["ratio"],
        "make test in a fresh clone, venv made (s)": setup["make_test_s"],
        "full run / import floor (median ratio)": f["ratio"],
        "10,000 credentials, full run: time (s)": largest["seconds"],
        "10,000 credentials, full run: peak RSS (MB)": largest["peak_rss_mb"],
        "marginal cost per credential, 1k→10k / 100→1k": marginal,
        "no-change make pipeline (s)": results["make_pipeline_no_change"]["median_s"],  # type: ignore[index]
        "hypothesis imported by a run in the dev environment (0/1)": results["hypothesis_on_run_path"],
    }
    results["targets"] = {
        k: {"measured": v, "target": TARGETS[k], "met": v is not None and v <= TARGETS[k]} for k, v in measured.items()
    }
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")

    print(f"machine: {results['machine']}")
    suite = "not run" if setup["make_test_s"] is None else f"{setup['make_test_s']:.0f} s"
    print(
        f"0. setup in a fresh clone: make pipeline {setup['make_pipeline_s']:.1f} s vs venv + pip install "
        f"{setup['venv_pip_s']:.1f} s (ratio {setup['ratio']:.2f}); make test {suite}"
    )
    print(f"1. full run vs import floor `{FLOOR}` ({f['runs_each']} alternating runs each)")
    print(f"   floor {f['floor_median_s']:.3f} s   run {f['run_median_s']:.3f} s   ratio {f['ratio']:.2f}")
    print("2. stages and formats on the real document (first call / warm median, ms)")
    for name, t in results["stages"].items():  # type: ignore[attr-defined]
        print(f"   {name:18} {t['first_ms']:8.2f} {t['median_ms']:8.2f}")
    print("3. scaling: the full run with every output (best of 3; 1 run for 10,000)")
    print(f"   {'credentials':>11} {'bytes':>11} {'seconds':>8} {'peak MB':>8}  stages (s)")
    for r in scale:
        parts = " ".join(f"{k} {v / 1000:.2f}" for k, v in r["stages_ms"].items())  # type: ignore[attr-defined]
        print(f"   {r['credentials']:>11,} {r['bytes']:>11,} {r['seconds']:>8.2f} {r['peak_rss_mb']:>8.0f}  {parts}")
    print(f"4. no-change `make pipeline`: {results['make_pipeline_no_change']['median_s']:.3f} s")  # type: ignore[index]
    print(f"5. hypothesis imported by a run in the dev environment: {results['hypothesis_on_run_path']}")
    print("targets")
    for name, t in results["targets"].items():  # type: ignore[attr-defined]
        shown = "n/a" if t["measured"] is None else f"{t['measured']:.2f}"
        print(f"   {'met ' if t['met'] else 'MISS'} {name}: {shown} (target ≤ {t['target']})")
    print("(results in bench/results.json)")


if __name__ == "__main__":
    main()
