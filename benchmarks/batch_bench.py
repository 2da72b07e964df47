"""Batch throughput (prints; not a test): articles/s over the corpus pool for `--jobs 1`, `--jobs 2`
and a Dask LocalCluster of 2 workers, in one run; scaling efficiency; a projection on paper for
10M articles on N workers.

    python benchmarks/batch_bench.py [--corpus ../shared/corpus] [--limit N] [--workers 2] [--rounds 2]

Each mode runs `attrib.batch.run_batch` into a fresh OUT, wall time from the call to the last
line written, so it includes starting the processes or the cluster and loading the model in each.
Modes alternate over the rounds and the best round counts: on a machine shared with other work the
best is the least disturbed. The load average printed beside each run says how shared it was.
"""

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def cpu_seconds():
    """CPU time of this process and its finished children (pool processes, LocalCluster workers)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def load():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--limit", type=int, default=None, help="only the first N pool articles")
    ap.add_argument("--workers", type=int, default=2, help="processes for --jobs and LocalCluster workers")
    ap.add_argument("--rounds", type=int, default=2, help="runs of each mode (alternating); the best counts")
    a = ap.parse_args()

    from attrib.batch import run_batch

    articles = sorted((a.corpus / "pool").glob("*.txt"))[: a.limit]
    if not articles:
        sys.exit(f"{a.corpus / 'pool'}: no articles")
    mb = sum(p.stat().st_size for p in articles) / 1e6
    n = a.workers
    print(f"{len(articles)} pool articles, {mb:.1f} MB; {os.cpu_count()} cores; load average before {load()}")
    modes = [("--jobs 1", dict(jobs=1)), (f"--jobs {n}", dict(jobs=n)), (f"--dask (LocalCluster, {n} workers)", dict(jobs=n, dask="local"))]
    rates, cpu = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(a.rounds):
            for name, kwargs in (modes if r % 2 == 0 else modes[::-1]):
                out = Path(tmp) / f"{r}-{len(rates)}-{time.time_ns()}.jsonl"
                t, c = time.perf_counter(), cpu_seconds()
                report = run_batch([str(p) for p in articles], out, **kwargs)
                wall, used = time.perf_counter() - t, cpu_seconds() - c
                cpu[name] = min(cpu.get(name, float("inf")), used)
                assert report.attributed == len(articles), report
                rates[name] = max(rates.get(name, 0.0), len(articles) / wall)
                print(f"round {r + 1}  {name:32s} {wall:7.1f} s  {len(articles) / wall:6.2f} articles/s  "
                      f"{used:6.1f} CPU s  (load average after {load()})", flush=True)
    print()
    for name, _ in modes:
        print(f"best     {name:32s} {rates[name]:6.2f} articles/s  {len(articles) / cpu[name]:6.2f} articles per CPU second")
    one = rates["--jobs 1"]
    for name in list(rates)[1:]:
        speedup = rates[name] / one
        print(f"{name:32s} speed-up {speedup:.2f}x on {n} workers, scaling efficiency {speedup / n:.0%} (wall); "
              f"CPU per article {cpu[name] / cpu['--jobs 1']:.2f}x of --jobs 1 (work efficiency {cpu['--jobs 1'] / cpu[name]:.0%})")
    print("(wall-clock scaling needs idle cores; the CPU figures hold when the machine is shared)")
    best_eff = max(rates[name] / one / n for name in list(rates)[1:])
    print()
    print(f"Projection for 10M articles (pool-sized, ~{mb / len(articles) * 1e3:.1f} KB each), at {one:.1f} articles/s per worker "
          f"(one core, one thread) and {best_eff:.0%} efficiency:")
    for workers in (1, 8, 32, 128, 512):
        eff = 1.0 if workers == 1 else best_eff
        hours = 10_000_000 / (one * workers * eff) / 3600
        print(f"  {workers:4d} workers: {hours:8.1f} h")


if __name__ == "__main__":
    main()
