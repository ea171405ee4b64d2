"""Benchmark: full run vs import floor, stage times, scaling, and the no-change `make pipeline`.

Run with `make bench`, which uses a runtime-only environment (`.venv-bench`, the same pinned
requirements.lock that `make pipeline` installs), so the figures are what users get; test tools
such as hypothesis are not installed there (pandera imports hypothesis during validation when
it is present). Prints a table and writes bench/results.json. Measures; asserts nothing.
"""

from __future__ import annotations

import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FLOOR = "import pandas, pandera.pandas, pyarrow.parquet, bs4"
RUNS = 12
SIZES = [10, 100, 1_000, 10_000]
TARGETS = {
    "full run / import floor (median ratio)": 1.3,
    "read → normalize, real document (ms)": 5.0,
    "worst ×10 scaling step (time ratio)": 12.0,
    "10,000 credentials: time (s)": 10.0,
    "10,000 credentials: peak RSS (MB)": 500.0,
    "no-change make pipeline (s)": 0.3,
}


def wall(command: list[str], cwd: Path = ROOT) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def floor_vs_run() -> dict[str, float]:
    """Alternate the import floor and the full command; medians and their ratio."""
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
import json, statistics, sys, time
sys.path.insert(0, {root!r})
from pipeline.attribute import load_reference
from pipeline.export import render
from pipeline.glossary import parse_glossary
from pipeline.normalize import normalize
from pipeline.paths import RAW_DOCUMENT, REFERENCE
from pipeline.read import read_source
from pipeline.schemas import validate
from pipeline.segment import segment
from pipeline.table import parse_table

times = {{k: [] for k in ["read", "segment", "assemble", "normalize", "validate", "export (render)"]}}
for _ in range(60):
    t = time.perf_counter(); source = read_source(RAW_DOCUMENT); times["read"].append(time.perf_counter() - t)
    t = time.perf_counter(); sections = segment(source.blocks); times["segment"].append(time.perf_counter() - t)
    t = time.perf_counter()
    rows, entries = parse_table(sections.table_parts), parse_glossary(sections.glossary)
    times["assemble"].append(time.perf_counter() - t)
    reference = load_reference(REFERENCE)
    t = time.perf_counter(); data = normalize(source, sections, rows, entries, reference)
    times["normalize"].append(time.perf_counter() - t)
    t = time.perf_counter(); validate(data.tables(), [b.line for b in source.blocks])
    times["validate"].append(time.perf_counter() - t)
    t = time.perf_counter(); render(data.tables(), data.document, [])
    times["export (render)"].append(time.perf_counter() - t)
print(json.dumps({{k: {{"first_ms": v[0] * 1000, "median_ms": statistics.median(v[1:]) * 1000}}
                  for k, v in times.items()}}))
"""


def stages() -> dict[str, dict[str, float]]:
    """Per-stage times on the real document: the first (cold) call and the warm median."""
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


SCALE_SCRIPT = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from pipeline.run import build
start = time.perf_counter()
data = build(Path({path!r}), max_bytes=1 << 30)
seconds = time.perf_counter() - start
print(json.dumps({{"seconds": seconds, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                   "rows": len(data.certifications)}}))
"""


def scaling() -> list[dict[str, float]]:
    """Parse-to-validate time and peak memory for synthetic documents of growing size."""
    results: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in SIZES:
            path = Path(tmp) / f"synthetic-{size}.txt"
            path.write_text(synthetic_document(size), encoding="utf-8")
            script = SCALE_SCRIPT.format(root=str(ROOT), path=str(path))
            runs = [json.loads(subprocess.run([sys.executable, "-c", script], check=True, capture_output=True,
                                              text=True).stdout) for _ in range(3)]  # fmt: skip
            if any(r["rows"] != size for r in runs):
                raise SystemExit(f"synthetic document of {size} credentials gave {runs[0]['rows']} rows")
            best = min(runs, key=lambda r: r["seconds"])
            previous = results[-1]["seconds"] if results else None
            results.append({
                "credentials": size, "bytes": path.stat().st_size, "seconds": best["seconds"],
                "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
                "ratio_to_previous": best["seconds"] / previous if previous else None,
            })  # fmt: skip
    return results


def make_no_change() -> dict[str, float]:
    """`make pipeline` when neither the document nor the code changed."""
    subprocess.run(["make", "pipeline"], cwd=ROOT, check=True, capture_output=True)
    times = [wall(["make", "pipeline"]) for _ in range(5)]
    return {"median_s": statistics.median(times)}


def main() -> None:
    results = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "processor": platform.machine(), "cpus": __import__("os").cpu_count()},
        "floor_vs_run": floor_vs_run(),
        "stages": stages(),
        "scaling": scaling(),
        "make_pipeline_no_change": make_no_change(),
    }  # fmt: skip
    parse_ms = sum(results["stages"][k]["median_ms"] for k in ["read", "segment", "assemble", "normalize"])
    largest = results["scaling"][-1]
    measured = {
        "full run / import floor (median ratio)": results["floor_vs_run"]["ratio"],
        "read → normalize, real document (ms)": parse_ms,
        "worst ×10 scaling step (time ratio)": max(r["ratio_to_previous"] or 0 for r in results["scaling"]),
        "10,000 credentials: time (s)": largest["seconds"],
        "10,000 credentials: peak RSS (MB)": largest["peak_rss_mb"],
        "no-change make pipeline (s)": results["make_pipeline_no_change"]["median_s"],
    }
    results["targets"] = {k: {"measured": v, "target": TARGETS[k], "met": v <= TARGETS[k]} for k, v in measured.items()}
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")

    f = results["floor_vs_run"]
    print(f"1. full run vs import floor ({f['runs_each']} alternating runs each)")
    print(f"   floor {f['floor_median_s']:.3f} s   run {f['run_median_s']:.3f} s   ratio {f['ratio']:.2f}")
    print("2. stages on the real document (first call / warm median, ms)")
    for name, t in results["stages"].items():
        print(f"   {name:16} {t['first_ms']:8.2f} {t['median_ms']:8.2f}")
    print("3. scaling, parse to validate (best of 3)")
    print(f"   {'credentials':>11} {'bytes':>10} {'seconds':>8} {'×prev':>6} {'peak MB':>8}")
    for r in results["scaling"]:
        ratio = f"{r['ratio_to_previous']:.1f}" if r["ratio_to_previous"] else "-"
        print(f"   {r['credentials']:>11,} {r['bytes']:>10,} {r['seconds']:>8.3f} {ratio:>6} {r['peak_rss_mb']:>8.0f}")
    print(f"4. no-change `make pipeline`: {results['make_pipeline_no_change']['median_s']:.3f} s")
    print("targets")
    for name, t in results["targets"].items():
        print(f"   {'met ' if t['met'] else 'MISS'} {name}: {t['measured']:.2f} (target ≤ {t['target']})")
    print("(results in bench/results.json)")


if __name__ == "__main__":
    main()
