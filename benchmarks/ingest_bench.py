"""Ingest benchmark (not a test): boardpack against a bare pdfplumber pass.

Builds a synthetic archive in a temporary folder by replicating the corpus
PDFs until it holds at least ``--pages`` pages (each copy gets a PDF comment
appended, so every copy has distinct bytes and is really parsed), then, in
the same run:

1. a bare pdfplumber pass over the same files: open, ``extract_text`` and
   ``extract_tables`` on every page, in one process;
2. ``boardpack ingest`` with 1 worker into a fresh database;
3. ``boardpack ingest`` with N workers (default: CPU count, at least 2) into
   another fresh database;
4. an immediate re-run of 3 (every file unchanged).

Each phase runs in a fresh process. Peak RSS is sampled every 100 ms over that process and all its
descendants (worker processes, LibreOffice), summed. Prints pages/s, the ratio
to the bare pass, the speed-up, the re-run share and peak RSS against the
targets. Usage::

    .venv/bin/python benchmarks/ingest_bench.py [--pages 1000] [--workers 2] [--source corpus]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent

TARGETS = {
    "ratio_1w": 1.25,  # boardpack 1 worker <= 1.25x bare pdfplumber time
    "speedup": 1.7,  # N workers (2 cores) >= 1.7x faster than 1 worker
    "rerun": 0.05,  # unchanged re-run <= 5% of the first run
    "rss_mb": 400.0,  # peak RSS, children included
}


class PeakRSS:
    """Samples the summed RSS of this process's descendants in a background thread."""

    def __init__(self, interval: float = 0.1):
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> int:
        total = 0
        # The measured command and its descendants, not this harness.
        for p in psutil.Process().children(recursive=True):
            try:
                total += p.memory_info().rss
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            time.sleep(self.interval)

    def __enter__(self) -> "PeakRSS":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._sample())

    @property
    def mb(self) -> float:
        return self.peak / 1e6


def source_pdfs(source: Path) -> list[tuple[Path, int]]:
    """Readable, text-bearing PDFs under ``source`` with their page counts (bad inputs skipped)."""
    import pdfplumber

    out = []
    for p in sorted(source.rglob("*.pdf")):
        try:
            with pdfplumber.open(p) as pdf:
                n = len(pdf.pages)
                # Only PDFs with a text layer on every page: a scanned page would
                # be OCRed by boardpack and not by the bare pass, which is no comparison.
                if n and all(page.chars for page in pdf.pages):
                    out.append((p, n))
        except Exception:  # noqa: BLE001 - the corpus holds deliberately broken PDFs
            continue
    return out


def build_archive(sources: list[tuple[Path, int]], target_pages: int, dest: Path) -> tuple[list[Path], int]:
    files, pages, i = [], 0, 0
    while pages < target_pages:
        src, n = sources[i % len(sources)]
        out = dest / f"{i:05d}-{src.name}"
        shutil.copyfile(src, out)
        with open(out, "ab") as f:
            f.write(f"\n% boardpack benchmark copy {i}\n".encode())
        files.append(out)
        pages += n
        i += 1
    return files, pages


def bare_pdfplumber(files: list[Path]) -> int:
    import pdfplumber

    pages = 0
    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.extract_tables()
                pages += 1
                page.close()
    return pages


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd: list[str]) -> tuple[str, float, float, float]:
    """Run ``cmd`` in a fresh process (so no phase inherits another's imports or
    memory); return (stdout, wall seconds, CPU seconds of it and all its
    descendants, peak RSS in MB of it and its children)."""
    with PeakRSS() as rss:
        cpu = _children_cpu()
        t = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True)
        seconds = time.perf_counter() - t
        cpu = _children_cpu() - cpu
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return done.stdout, seconds, cpu, rss.mb


def ingest_cmd(archive: Path, db: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "boardpack.cli", "ingest", str(archive), "--db", str(db), "-w", str(workers), "-s"]


def verdict(ok: bool) -> str:
    return "OK " if ok else "MISS"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=1000, help="minimum pages in the synthetic archive")
    ap.add_argument("--workers", type=int, default=max(2, psutil.cpu_count() or 2), help="workers for the parallel run")
    ap.add_argument("--source", type=Path, default=ROOT / "corpus", help="folder of PDFs to replicate")
    ap.add_argument("--bare", type=Path, help=argparse.SUPPRESS)  # internal: run the bare pass on a folder
    args = ap.parse_args(argv)
    if args.bare:
        print(bare_pdfplumber(sorted(args.bare.glob("*.pdf"))))
        return 0

    sources = source_pdfs(args.source)
    if not sources:
        print(f"no readable PDFs under {args.source}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="boardpack-bench-") as tmp:
        tmp = Path(tmp)
        archive = tmp / "archive"
        archive.mkdir()
        files, pages = build_archive(sources, args.pages, archive)
        print(f"archive: {len(files)} PDFs, {pages} pages, from {len(sources)} source PDFs in {args.source}")
        print(f"machine: {psutil.cpu_count()} CPUs, load average {' '.join(f'{x:.1f}' for x in psutil.getloadavg())}")

        load = psutil.getloadavg()[0]
        out, t_bare, c_bare, rss_bare = timed([sys.executable, __file__, "--bare", str(archive)])
        assert int(out) == pages, out
        s1, t1, c1, rss1 = timed(ingest_cmd(archive, tmp / "one.db", 1))
        sn, tn, cn, rssn = timed(ingest_cmd(archive, tmp / "many.db", args.workers))
        sr, tr, cr, rssr = timed(ingest_cmd(archive, tmp / "many.db", args.workers))
        load = max(load, psutil.getloadavg()[0])
        print(f"1 worker:  {s1.strip()}")
        print(f"{args.workers} workers: {sn.strip()}")
        print(f"re-run:    {sr.strip()}")
        expected = f"{len(files)} files: {len(files)} new, 0 unchanged"
        for line in (s1, sn):
            if not line.startswith(expected):
                print(f"warning: not every copy was stored: {line.strip()}", file=sys.stderr)
        assert sr.startswith(f"{len(files)} files: 0 new, {len(files)} unchanged"), sr

    ratio = t1 / t_bare
    cpu_ratio = c1 / c_bare
    speedup = t1 / tn
    rerun = tr / tn
    peak = max(rss1, rssn, rssr)
    print()
    print(f"{'run':<34}{'wall s':>9}{'CPU s':>9}{'CPU/wall':>10}{'pages/s':>9}{'peak RSS MB':>13}")
    for label, t, c, rss in (
        ("bare pdfplumber (1 process)", t_bare, c_bare, rss_bare),
        ("boardpack ingest, 1 worker", t1, c1, rss1),
        (f"boardpack ingest, {args.workers} workers", tn, cn, rssn),
    ):
        print(f"{label:<34}{t:>9.1f}{c:>9.1f}{c / t:>10.2f}{pages / t:>9.1f}{rss:>13.0f}")
    print(f"{'re-run, all unchanged':<34}{tr:>9.2f}{cr:>9.2f}{cr / tr:>10.2f}{'':>9}{rssr:>13.0f}")
    print()
    if load > (psutil.cpu_count() or 1):
        print(f"note: load average reached {load:.1f} on {psutil.cpu_count()} CPUs during the run; wall-clock "
              "ratios and the speed-up are distorted by other work (CPU/wall shows the CPU share each run "
              "got), the CPU-time ratio is not")
    print(f"[{verdict(ratio <= TARGETS['ratio_1w'])}] 1 worker vs bare pdfplumber: {ratio:.2f}x wall, {cpu_ratio:.2f}x CPU (target <= {TARGETS['ratio_1w']}x)")
    print(f"[{verdict(speedup >= TARGETS['speedup'])}] speed-up with {args.workers} workers: {speedup:.2f}x (target >= {TARGETS['speedup']}x)")
    print(f"[{verdict(rerun <= TARGETS['rerun'])}] re-run of the unchanged archive: {rerun * 100:.1f}% of the first run (target <= {TARGETS['rerun'] * 100:.0f}%)")
    print(f"[{verdict(peak <= TARGETS['rss_mb'])}] peak RSS: {peak:.0f} MB (target <= {TARGETS['rss_mb']:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
