"""Speed and memory figures (prints them; not a test). Targets from issue 5:

- cold start of `attrib <one seed>` (median of 5) <= 1.5 x `python -c "import spacy"`, timed in the same run;
- the full pipeline >= 8,000 words/s on one core over >= 1 MB of articles, beside the bare `hi`
  tokenizer on the same texts;
- peak RSS <= 500 MB.

    python benchmarks/bench.py [--corpus ../shared/corpus] [--mb 1.0] [--runs 5]

Articles come from the corpus pool (repeated when there is less than --mb of it), else the seeds.
The throughput run is a child process pinned to one CPU with one BLAS/OpenMP thread. The machine
may be shared: the load average is printed before and after so figures can be read with it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def run_measured(cmd: list[str], env: dict | None = None) -> tuple[float, int]:
    """(wall seconds, peak RSS in MB) of one child process."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()[-2000:]}")
    proc.stderr.close()
    return wall, usage.ru_maxrss // 1024


def cold_start(seed: str, runs: int) -> dict:
    """Alternate the two commands so a burst of load on a shared machine hits both alike."""
    spacy_runs, attrib_runs, rss = [], [], []
    attrib_cmd = [str(Path(sys.executable).with_name("attrib"))]
    if not Path(attrib_cmd[0]).exists():
        attrib_cmd = [sys.executable, "-m", "attrib.cli"]
    for _ in range(runs):
        spacy_runs.append(run_measured([sys.executable, "-c", "import spacy"])[0])
        wall, peak = run_measured([*attrib_cmd, seed])
        attrib_runs.append(wall)
        rss.append(peak)
    return {"import_spacy_s": statistics.median(spacy_runs), "attrib_s": statistics.median(attrib_runs),
            "attrib_rss_mb": max(rss)}


def articles(corpus: Path, mb: float) -> list[str]:
    pool = corpus / "pool"
    paths = sorted(pool.glob("*.txt")) if pool.is_dir() else []
    paths = paths or sorted((ROOT / "seeds").glob("*.txt"))
    texts, size = [], 0
    while size < mb * 1e6:
        for p in paths:
            t = p.read_text(encoding="utf-8")
            texts.append(t)
            size += len(t.encode())
            if size >= mb * 1e6:
                break
    return texts


def worker(texts_file: str) -> None:
    """Child: pinned to one CPU; times the bare `hi` tokenizer, attrib's tokenizer and the full
    pipeline on the same texts; prints JSON."""
    import resource

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    import spacy

    from attrib.extract import extract_many, load_model

    texts = json.loads(Path(texts_file).read_text(encoding="utf-8"))
    words = sum(len(t.split()) for t in texts)
    out = {"articles": len(texts), "mb": sum(len(t.encode()) for t in texts) / 1e6, "words": words}
    bare = spacy.blank("hi").tokenizer
    t = time.perf_counter()
    for _ in bare.pipe(texts):
        pass
    out["bare_hi_tokenizer_wps"] = words / (time.perf_counter() - t)
    nlp = load_model()
    t = time.perf_counter()
    for _ in nlp.tokenizer.pipe(texts):
        pass
    out["attrib_tokenizer_wps"] = words / (time.perf_counter() - t)
    out["rss_after_load_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    t = time.perf_counter()
    statements = sum(len(r.quotes) for r in extract_many(((str(i), x) for i, x in enumerate(texts)), batch_size=32))
    out["full_pipeline_s"] = time.perf_counter() - t
    out["full_pipeline_wps"] = words / out["full_pipeline_s"]
    out["statements"] = statements
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(json.dumps(out))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--mb", type=float, default=1.0, help="MB of article text for the throughput run (>= 1)")
    ap.add_argument("--runs", type=int, default=5, help="cold-start runs (the median is reported)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        return worker(a.worker)

    load_before = os.getloadavg()
    print(f"machine: {os.cpu_count()} CPUs, load average {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}")
    seed = str(sorted((ROOT / "seeds").glob("*.txt"))[0].relative_to(ROOT))
    cold = cold_start(seed, a.runs)
    ratio = cold["attrib_s"] / cold["import_spacy_s"]
    print(f"cold start: attrib {seed} {cold['attrib_s']:.2f} s, import spacy {cold['import_spacy_s']:.2f} s "
          f"(medians of {a.runs}); ratio {ratio:.2f} (target <= 1.5: {'met' if ratio <= 1.5 else 'MISSED'}); "
          f"peak RSS of attrib <seed> {cold['attrib_rss_mb']} MB")

    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as f:
        json.dump(articles(a.corpus, a.mb), f, ensure_ascii=False)
    try:
        env = {**os.environ, **ONE_THREAD}
        r = subprocess.run([sys.executable, __file__, "--worker", f.name], cwd=ROOT, env=env, capture_output=True, text=True)
    finally:
        os.unlink(f.name)
    if r.returncode != 0:
        raise SystemExit(r.stderr[-3000:])
    w = json.loads(r.stdout.strip().splitlines()[-1])
    wps = w["full_pipeline_wps"]
    print(f"throughput (one core): {w['articles']} articles, {w['mb']:.2f} MB, {w['words']:,} words, "
          f"{w['statements']:,} statements")
    print(f"  full pipeline {wps:,.0f} words/s ({w['full_pipeline_s']:.1f} s; target >= 8,000: "
          f"{'met' if wps >= 8000 else 'MISSED'})")
    print(f"  bare `hi` tokenizer {w['bare_hi_tokenizer_wps']:,.0f} words/s; attrib's tokenizer "
          f"{w['attrib_tokenizer_wps']:,.0f} words/s")
    peak = max(w["peak_rss_mb"], cold["attrib_rss_mb"])
    print(f"peak RSS: {w['peak_rss_mb']} MB over the throughput run ({w['rss_after_load_mb']} MB after loading the "
          f"model); {cold['attrib_rss_mb']} MB for attrib <seed> (target <= 500: {'met' if peak <= 500 else 'MISSED'})")
    load_after = os.getloadavg()
    print(f"load average after: {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}")


if __name__ == "__main__":
    main()
