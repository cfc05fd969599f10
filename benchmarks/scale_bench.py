"""Scale benchmark (not a test): audits, views, search and linking on a store of N packs.

Parses the corpus's packs once (``corpus/{docx,pdf}`` and ``corpus/series``),
then builds a synthetic store of ``--packs`` packs (default 10,000) by storing
copies of those parsed packs straight through :meth:`Store.store_parsed`
(no file is parsed twice), 100 to a transaction (:meth:`Store.batch`). Copy
*i* belongs to council ``i // T`` (T = the number of corpus packs, so each
council has the whole series) and gets:

* new bytes: a sha256 of its own, a path under ``/synthetic/council-NNNNN/``
  and a file name of its own (``council-NNNNN-`` and the corpus name with its
  meeting date moved, as a real archive names each body's papers);
* its plan titles and keys prefixed with its council's name ("Ashley Hartford
  and Marby Partnership: ..."), so plans link within a council, not across;
* its people renamed (a surname of the council's), so the people clusters
  have thousands of names to group;
* its dates and period labels moved by ``council % 5`` years, and its meeting
  dates by ``council % 360`` days too (copies of a paper for two councils'
  meetings are not one paper);
* its blocks' text made its council's own (:func:`council_block`), so
  councils' papers are not copies of each other, while a council's PDF and
  Word files of one pack still are;
* every row id re-derived for the council (ids stay unique, and ids shared
  by the papers of one meeting stay shared).

Then it measures, on that store: its size on disk; a full link; every audit
of :mod:`boardpack.store.audit` (its query's first page of 50 rows, and the
whole audit); every documented view (first page of 50 rows, and the whole
view; for a view whose whole listing misses the target, also the time to
fetch the same rows from a plain table: the floor set by making a Python
object of every value); ``search``; and re-linking after one more pack (incremental: only
what the new pack reaches, see boardpack/store/linking_scope.py). Prints one table with
the targets (first page < 50 ms, whole < 1 s, search < 100 ms, re-link <
10 % of a full link). ``--throughput`` also times ingest of the corpus files
and their layout variants (corpus/layouts) with 1 and 2 local workers and a 2-worker LocalCluster (needs the cluster
extra). Usage::

    .venv/bin/python benchmarks/scale_bench.py [--packs 10000] [--db FILE] [--keep] [--throughput | --throughput-only]

Heavy: minutes at 10,000 packs (several GB of store); run it once, by hand.
"""

from __future__ import annotations

import argparse
import copy
import functools
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from datetime import date, timedelta
from pathlib import Path
from typing import Optional

from boardpack.core.identity import plan_key, row_id
from boardpack.core.shingles import paper_fingerprints
from boardpack.core.textnorm import normalise
from boardpack.pipeline import ParsedFile, parse_file
from boardpack.store import audit, linking
from boardpack.store.database import Store
from boardpack.store.search import search
from boardpack.store.views_doc import VIEWS

ROOT = Path(__file__).resolve().parent.parent
PAGE = 50
# packs stored per transaction (Store.batch), and the page cache while storing
BATCH, CACHE_KB = 100, 512 * 1024
TARGET_PAGE_MS, TARGET_FULL_MS, TARGET_SEARCH_MS, TARGET_RELINK = 50.0, 1000.0, 100.0, 0.10

SYLLABLES = ["Ash", "Brad", "Carr", "Dun", "El", "Fair", "Gold", "Hart", "Ing", "Kel", "Lang", "Mar", "Nor",
             "Oak", "Pen", "Rad", "Sher", "Thorn", "Wal", "York"]
ENDINGS = ["ley", "well", "ford", "ton", "by", "wood", "ham", "field", "more", "den", "stone", "worth"]
# a year, then perhaps the rest of an ISO date or a financial year's second half
_YEARS = re.compile(r"\b((?:19|20)\d\d)(?:(-\d\d-\d\d)|([/-])(\d\d)\b)?")
DATE_COLUMNS = re.compile(r"date|period|_start$|_end$")
TITLE_COLUMNS = {"plan_title", "title"}
KEY_COLUMNS = {"plan_key", "title_key"}
PERSON_COLUMNS = {"person", "canonical", "raw", "name"}
PERSON_TABLES = {"people_mentions", "attendance"}


def corpus_files() -> list[Path]:
    out = []
    for folder in ("corpus/docx", "corpus/pdf", "corpus/series/docx", "corpus/series/pdf"):
        out += sorted(p for p in (ROOT / folder).glob("*") if p.suffix in (".docx", ".pdf"))
    return out


def surname(council: int) -> str:
    return SYLLABLES[council % len(SYLLABLES)] + ENDINGS[(council // len(SYLLABLES)) % len(ENDINGS)]


@functools.lru_cache(maxsize=None)
def council_name(council: int) -> str:
    """A name long enough that two councils' copies of one plan title stay apart
    under the linker's fuzzy title match (ratio 90)."""
    return f"{surname(council)} {surname(council * 7 + 3)} and {surname(council * 13 + 5)} Partnership"


def move_day(text: str, council: int) -> str:
    """An ISO date moved by ``council % 5`` years and ``council % 360`` days, so
    the councils' meetings fall on different days (and are not taken for copies)."""
    try:
        d = date.fromisoformat(text)
    except ValueError:
        return shift_years(text, council % 5)
    d = d + timedelta(days=council % 360)
    return d.replace(year=d.year + council % 5, day=min(d.day, 28)).isoformat()


def shift_years(text: str, delta: int) -> str:
    """Move every year in ``text`` by ``delta``: 2010-04-26, 2010/11 (a financial year), 2010."""
    if not delta or not text:
        return text

    def move(m: re.Match) -> str:
        year = str(int(m.group(1)) + delta)
        if m.group(2):
            return year + m.group(2)
        if m.group(3):
            return f"{year}{m.group(3)}{(int(m.group(4)) + delta) % 100:02d}"
        return year
    return _YEARS.sub(move, text)


def paper_ids(sha: str, papers) -> list[str]:
    """The ids the store gives a pack's papers (as Store._insert_document computes them)."""
    ordinals = [p.ordinal for p in papers]
    distinct = len(set(ordinals)) == len(ordinals)
    return [row_id(sha, p.ordinal if distinct else i) for i, p in enumerate(papers)]


class Copier:
    """Copies of one parsed pack for other councils."""

    def __init__(self, template: ParsedFile):
        self.t = template

    def copy(self, i: int, council: int) -> ParsedFile:
        t = self.t
        sha = hashlib.sha256(f"{t.doc.sha256}:{i}".encode()).hexdigest()
        doc = copy.copy(t.doc)
        doc.sha256 = sha
        doc.blocks = [council_block(b, council) for b in t.doc.blocks]
        doc.metadata = dict(t.doc.metadata)
        papers_map = dict(zip(paper_ids(t.doc.sha256, t.papers), paper_ids(sha, t.papers)))
        result = None
        if t.result is not None:
            result = copy.copy(t.result)
            result.rows = {table: [self.row(table, r, council, sha, papers_map) for r in rows]
                           for table, rows in t.result.rows.items()}
        name = file_name(Path(t.path).name, council)
        # the fingerprints of the copy's own words, as the worker parsing it would make them
        return ParsedFile(path=f"/synthetic/council-{council:05d}/{name}", sha256=sha, size=t.size, doc=doc,
                          papers=t.papers, result=result, seconds=0.0,
                          fingerprints=paper_fingerprints(doc.blocks, t.papers))

    @staticmethod
    def row(table: str, r: dict, council: int, sha: str, papers_map: dict) -> dict:
        out = {}
        for k, v in r.items():
            rule = column_rule(table, k)
            if rule is None or not (isinstance(v, str) or rule == "doc"):
                pass  # an id, key, title, name or date column without text keeps its value
            elif rule == "doc":
                v = sha
            elif rule == "paper":
                v = papers_map.get(v, v) if v else v
            elif rule == "id":
                v = row_id(v, council) if v else v
            else:
                v = RULES[rule](v, council)
            out[k] = v
        return out


def council_block(block, council: int):
    """A copy of ``block`` whose text is its council's own.

    Different councils do not publish the same papers word for word: without
    this, every council's plan would be a copy of the plans of the councils
    whose periods agree (a fifth of all), the duplicate check would judge
    components of hundreds of papers, and the views would leave out nearly
    every row as a copy. A table's words are in its cells, so they are
    changed there too (before 2026-12-02 they were not, and every council's
    action plans were copies of council 0's). Some words (chosen by the word, not its place, so a
    council's PDF and Word twins of one pack stay copies of each other) are
    followed by the council's surname: most of a paper's 5-word shingles then
    differ between councils, and what the text says is still searchable.
    """
    if not block.text and not block.rows:
        return block
    out = copy.copy(block)
    tag = surname(council)
    if block.text:
        out.text = council_words(block.text, tag)
        out.norm = normalise(out.text)
    if block.rows:  # a table's words are in its cells (its search text and fingerprint are made of them)
        out.rows = [council_row(r, tag) for r in block.rows]
    return out


def council_words(text: str, tag: str) -> str:
    return _MARKED.sub(lambda m: f"{m.group(0)} {tag}" if _marked(m.group(0).lower()) else m.group(0), text)


def council_row(row, tag: str):
    out = copy.copy(row)
    out.cells = []
    for c in row.cells:
        cell = copy.copy(c)
        if c.text:
            cell.text = council_words(c.text, tag)
            cell.norm = normalise(cell.text)
        out.cells.append(cell)
    return out


_MARKED = re.compile(r"[A-Za-z]{4,}")


@functools.lru_cache(maxsize=65536)
def _marked(word: str) -> bool:
    """One word in five is followed by the council's name (stable across runs: CRC-32)."""
    return zlib.crc32(word.encode()) % 5 == 0


def file_name(name: str, council: int) -> str:
    """A copy's file name: its council's, with the meeting date moved as its papers' are.

    Real archives name a file by its body and meeting (each council's agenda
    of 26 April is its own file name); giving every council the corpus's 12
    names would put thousands of documents under one name, which no archive
    has, and make every view ordered by file name sort them together.
    """
    return f"council-{council:05d}-" + _ISO_DATE.sub(lambda m: move_day(m.group(0), council), name)


_ISO_DATE = re.compile(r"\b\d{4}-\d\d-\d\d\b")
RULES = {
    "key": lambda v, council: f"{council_key(council)} {v}",
    "title": lambda v, council: f"{council_name(council)}: {v}",
    "person": lambda v, council: f"{v} {surname(council)}",
    "date": move_day,
    "years": lambda v, council: shift_years(v, council % 5),
}


@functools.lru_cache(maxsize=None)
def column_rule(table: str, k: str):
    """How a copy changes column ``k`` of ``table`` (decided once per column, not per value)."""
    if k == "doc_sha256":
        return "doc"
    if k == "paper_id":
        return "paper"
    if k.endswith("_id"):
        return "id"
    if k in KEY_COLUMNS:
        return "key"
    if k in TITLE_COLUMNS and table != "papers":
        return "title"
    if table in PERSON_TABLES and k in PERSON_COLUMNS:
        return "person"
    if "date" in k:
        return "date"
    return "years" if DATE_COLUMNS.search(k) else None


@functools.lru_cache(maxsize=None)
def council_key(council: int) -> str:
    return plan_key(council_name(council))


def build(db: Path, packs: int) -> tuple[list[ParsedFile], float]:
    """Parse the corpus, store ``packs`` copies; return (templates, seconds spent storing)."""
    templates = []
    for f in corpus_files():
        try:
            templates.append(parse_file(f))
        except Exception as e:  # noqa: BLE001 - a corpus file that fails is left out, and said
            print(f"skipped {f.name}: {e}", file=sys.stderr)
    copiers = [Copier(t) for t in templates]
    started = time.perf_counter()
    with Store.open(db) as store:
        # the store's indexes keyed by hashes are written all over: a page cache
        # that holds them saves re-reading them for every pack
        store.db.conn.execute(f"PRAGMA cache_size = -{CACHE_KB}")
        for first in range(0, packs, BATCH):
            with store.batch():
                for i in range(first, min(first + BATCH, packs)):
                    store.store_parsed(copiers[i % len(copiers)].copy(i, i // len(copiers)))
            if first and first % 1000 == 0:
                print(f"  stored {first} packs ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return templates, time.perf_counter() - started


def timed(fn, repeat: int = 2) -> tuple[float, object]:
    """(best milliseconds of ``repeat`` runs, the last result)."""
    best, out = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, (time.perf_counter() - t) * 1000)
    return best, out


PHASES = {"duplicates": "find_duplicate_papers", "plans": "link_plans_and_milestones", "people": "_rebuild_people"}


def link_phases(fn) -> tuple[float, dict[str, float]]:
    """(milliseconds of ``fn``, seconds of each phase of the link stage inside it)."""
    spent: dict[str, float] = {}
    real = {name: getattr(linking, attr) for name, attr in PHASES.items()}

    def timer(name):
        def run(*args, **kwargs):
            t = time.perf_counter()
            try:
                return real[name](*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t
        return run

    for name, attr in PHASES.items():
        setattr(linking, attr, timer(name))
    try:
        ms, _ = timed(fn, repeat=1)
    finally:
        for name, attr in PHASES.items():
            setattr(linking, attr, real[name])
    return ms, spent


def phase_line(spent: dict[str, float]) -> str:
    return ", ".join(f"{name} {spent.get(name, 0.0):.1f} s" for name in PHASES)


def page(conn, sql: str, params=()) -> list:
    return conn.execute(f"SELECT * FROM ({sql}) LIMIT {PAGE}", params).fetchall()


# each audit: (its query's first page, the whole audit as the CLI runs it); the
# run audits read the link stage's run table (link_runs) in their own order
AUDIT_QUERIES = {
    "stats-awaited": ("SELECT * FROM link_runs WHERE kind = 'stats-awaited' AND n_periods >= 2 "
                      "ORDER BY plan_title, first_period_start, ref", lambda c: audit.stats_awaited(c)),
    "not-reported": ("SELECT * FROM link_runs WHERE kind = 'not-reported' AND n_periods >= 2 "
                     "ORDER BY plan_title, first_period_start, ref", lambda c: audit.not_reported(c)),
    "status-changes": ("SELECT * FROM v_status_changes", lambda c: audit.status_changes(c)),
    "funding": ("SELECT * FROM v_milestone_periods WHERE funding_allocated IS NOT NULL "
                "ORDER BY plan_title, ordinal, ref", lambda c: audit.funding(c)),
}


def measure_queries(conn) -> list[tuple]:
    rows = []
    for name, (sql, whole) in AUDIT_QUERIES.items():
        first_ms, _ = timed(lambda: page(conn, sql))
        full_ms, got = timed(lambda: whole(conn))
        rows.append((f"audit {name}", first_ms, full_ms, len(got)))
    views = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    db = conn.execute("PRAGMA database_list").fetchone()[2]
    for v in sorted(set(VIEWS) & views):
        first_ms, _ = timed(lambda: page(conn, f'SELECT * FROM "{v}"'))
        full_ms, got = timed(lambda: conn.execute(f'SELECT * FROM "{v}"').fetchall(), repeat=1)
        floor = python_floor_ms(conn, v) if full_ms >= TARGET_FULL_MS else None
        rows.append((f"view {v}", first_ms, full_ms, len(got), in_sqlite_ms(db, f'SELECT * FROM "{v}"'), floor))
    return rows


def python_floor_ms(conn, view: str) -> float:
    """Milliseconds Python's sqlite3 takes to fetch the view's rows from a plain
    table holding exactly them (a temporary copy): what making a Python object
    of every value costs, whatever the query. A listing slower than its floor
    by little is bounded by its size, not by the store."""
    conn.execute(f'CREATE TEMP TABLE bench_floor AS SELECT * FROM "{view}"')
    try:
        ms, _ = timed(lambda: conn.execute("SELECT * FROM bench_floor").fetchall(), repeat=1)
    finally:
        conn.execute("DROP TABLE bench_floor")
    return ms


def in_sqlite_ms(db: str, sql: str) -> Optional[float]:
    """Milliseconds the sqlite3 shell takes to run ``sql`` to its last row and
    write every row (to /dev/null): the query's cost in the store, apart from
    making a Python object of every value, which is most of a long listing's
    time through Python's sqlite3. None when the shell is not installed."""
    shell = shutil.which("sqlite3")
    if not shell:
        return None
    cmd = [shell, "-readonly", db, ".output /dev/null", sql]
    start_ms, _ = timed(lambda: subprocess.run([shell, "-readonly", db, "SELECT 1"], capture_output=True), repeat=3)
    ms, _ = timed(lambda: subprocess.run(cmd, capture_output=True, check=True), repeat=1)
    return max(0.0, ms - start_ms)  # less the shell's own start


def report(size_mb: float, packs: int, store_s: float, link: tuple, relink: tuple,
           rows: list[tuple], search_ms: float) -> bool:
    (link_ms, link_spent), (relink_ms, relink_spent) = link, relink
    ok_all = True
    print(f"\nstore: {packs} packs, {size_mb:,.0f} MB on disk ({size_mb * 1024 / max(packs, 1):.0f} KB a pack); "
          f"stored in {store_s:.0f} s ({packs / max(store_s, 1e-9):.0f} packs/s through Store.store_parsed)")
    print(f"{'query':42} {'first 50':>10} {'whole':>10} {'rows':>9}  ok   {'in sqlite3 shell':>16} {'Python floor':>13}")
    for name, first_ms, full_ms, n, *more in rows:
        ok = first_ms < TARGET_PAGE_MS and full_ms < TARGET_FULL_MS
        ok_all &= ok
        shell, floor = (more + [None, None])[:2]
        in_shell = f"{shell:14.1f}ms" if shell is not None else f"{'':16}"
        at_floor = f"{floor:11.1f}ms" if floor is not None else ""
        print(f"{name:42} {first_ms:8.1f}ms {full_ms:8.1f}ms {n:9d}  {'yes' if ok else 'NO '}  {in_shell} {at_floor}")
    ok = search_ms < TARGET_SEARCH_MS
    ok_all &= ok
    print(f"{'search (20 best)':42} {search_ms:8.1f}ms {'':>10} {'':>9}  {'yes' if ok else 'NO'}")
    ok = relink_ms < TARGET_RELINK * link_ms
    print(f"{'link, full':42} {link_ms / 1000:9.1f}s   ({phase_line(link_spent)})")
    print(f"{'re-link after one more pack':42} {relink_ms / 1000:9.1f}s {relink_ms / link_ms:9.0%} of full  "
          f"{'yes' if ok else 'NO'}   ({phase_line(relink_spent)})")
    return ok_all and ok


def throughput() -> None:
    """Ingest the corpus's packs and their layout variants with 1 and 2 local workers and a 2-worker LocalCluster.

    The 12 packs alone are too few for two workers: their start-up (each
    imports the parser) is a large part of a 10-second run; with the text
    layout variants (the same packs typeset six more ways) it is a small one.
    """
    from boardpack.batch import ingest_paths
    from boardpack.cluster import dask_parse

    layouts = sorted(p for p in (ROOT / "corpus/layouts").rglob("*")
                     if p.suffix in (".docx", ".pdf") and p.parent.name != "scanned")  # text, not OCR
    files = corpus_files() + layouts
    for label, workers in (("1 local worker", 1), ("2 local workers", 2),
                           ("LocalCluster, 2 workers", dask_parse("local", 2))):
        with tempfile.TemporaryDirectory() as d:
            s = ingest_paths(files, Path(d) / "t.db", workers=workers)
        print(f"ingest {label:26} {s.files} files ({s.failed} failed), {s.pages} pages in {s.seconds:.1f} s: "
              f"{s.pages / s.seconds:.1f} pages/s" + (f"; first error: {s.errors[0]}" if s.errors else ""))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--packs", type=int, default=10_000)
    ap.add_argument("--db", type=Path, help="build the store here (default: a temporary folder)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary store")
    ap.add_argument("--throughput", action="store_true", help="also time ingest with 1, 2 workers and a cluster")
    ap.add_argument("--throughput-only", action="store_true", help="only time ingest (no synthetic store)")
    args = ap.parse_args(argv)
    if args.throughput_only:
        throughput()
        return 0
    tmp = None if args.db else tempfile.mkdtemp(prefix="boardpack-scale-")
    db = args.db or Path(tmp) / "scale.db"
    templates, store_s = build(db, args.packs)
    with Store.open(db) as store:
        link = link_phases(store.link)
        store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.db.conn.execute("ANALYZE")
        size_mb = sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 2**20
        conn = store.db.conn
        rows = measure_queries(conn)
        search_ms, _ = timed(lambda: search(conn, "burglary task group", limit=20))
        store.store_parsed(Copier(templates[0]).copy(args.packs, args.packs // len(templates) + 1))
        relink = link_phases(store.link)
    ok = report(size_mb, args.packs, store_s, link, relink, rows, search_ms)
    if args.throughput:
        throughput()
    print(f"\nstore kept at {db}" if (args.keep or args.db) else "")
    if tmp and not args.keep:
        for p in Path(tmp).glob("*"):
            p.unlink()
        Path(tmp).rmdir()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
