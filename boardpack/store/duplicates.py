"""Same paper, several files: papers whose word shingles overlap, for the same meeting and periods.

Papers of one type whose word 5-gram shingles overlap above
``settings.link.duplicate_jaccard`` are one paper - but only when they are
for the same meeting and the same reporting periods (a rolling plan's Q1
and Q2 versions share most words and figures and are two papers); all but
a canonical copy go to ``paper_duplicates`` and the views leave them out.

Papers are compared only with the papers that share one of their smallest
shingle hashes (a bottom-k sketch), kept in ``link_paper_sketches``. So a
paper's verdict depends only on the papers joined to it through shared
sketch hashes (its component), and a link after a few new packs decides
again only the components their papers join, with the verdicts a full
pass gives. Shingle hashes are CRC-32 (stable across runs, which Python's
``hash`` of a string is not), so the sketches stored by one link serve the
next. Each paper's shingles and numbers (its fingerprint,
:mod:`boardpack.core.shingles`) are made by the worker that parsed it and
kept in ``paper_shingles``; a link reads them and builds a paper's sets
only when it is compared.
"""

from __future__ import annotations

import heapq
import sqlite3
from collections import defaultdict
from typing import Optional

from boardpack.core.settings import DEFAULT, Settings
from boardpack.core.shingles import (
    ESTIMATE_K, NUMBER, Fingerprint, compared, estimate_sketch, jaccard, may_reach, shingles, sketches_rule_out,
)
from boardpack.store.sqlrows import has_object

# NUMBER, jaccard and shingles moved to core.shingles; linking still takes them from here
__all__ = ["NUMBER", "find_duplicate_papers", "fingerprints", "jaccard", "paper_occasions", "same_occasion",
           "shingles"]

_FORMAT_RANK = {"pdf": 0, "docx": 1, "doc": 2}
_PAPERS = ("SELECT p.paper_id, p.paper_type, p.doc_sha256, d.format, "
           "(SELECT COUNT(*) FROM papers q WHERE q.doc_sha256 = p.doc_sha256) AS n_papers, "
           "(SELECT MIN(path) FROM files f WHERE f.sha256 = p.doc_sha256) AS path "
           "FROM papers p JOIN documents d ON d.sha256 = p.doc_sha256")


def same_occasion(a: dict[str, frozenset] | None, b: dict[str, frozenset] | None) -> bool:
    """False when two papers say they are for different meetings or periods:
    for a kind both papers state, neither's values may lie outside the other's
    (a copy of a paper reports the same quarters and the same meeting)."""
    for kind in ("meeting", "period"):
        va, vb = (a or {}).get(kind), (b or {}).get(kind)
        if va and vb and va != vb:
            return False
    return True


_OCCASIONS = [
    ("meeting", "SELECT doc_sha256, block_index, meeting_date FROM meetings WHERE meeting_date IS NOT NULL"),
    ("period", "SELECT doc_sha256, block_index, period FROM plan_updates "
               "WHERE period IS NOT NULL AND COALESCE(period_inferred, 'stated') = 'stated'"),
    ("period", "SELECT doc_sha256, block_index, period FROM progress_reports "
               "WHERE period IS NOT NULL AND COALESCE(period_inferred, 'stated') = 'stated'"),
]


def paper_occasions(conn, docs: Optional[list[str]] = None) -> dict[str, dict[str, frozenset]]:
    """What meeting or reporting period each paper (of ``docs``, or of every
    document) is for, by kind: ``meeting`` (dates of the meetings extracted
    from the paper's blocks) and ``period`` (the reporting periods its plan
    updates and progress reports state). Two quarters of one rolling plan
    share most words and figures; their periods tell them apart, as two
    agendas of one committee differ by date."""
    where, by_doc = ("", [()]) if docs is None else (" AND doc_sha256 = ?", [(d,) for d in docs])
    ranges: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for params in by_doc:
        for pid, sha, start, end in conn.execute(
                "SELECT paper_id, doc_sha256, block_start, block_end FROM papers WHERE 1" + where, params):
            ranges[sha].append((pid, start, end))

    def owner(sha: str, block) -> list[str]:
        rs = ranges.get(sha, [])
        if block is None:
            return [pid for pid, _, _ in rs] if len(rs) == 1 else []
        return [pid for pid, s0, e0 in rs if s0 <= block <= e0]

    out: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for kind, sql in _OCCASIONS:
        if not has_object(conn, sql.split(" FROM ")[1].split()[0]):
            continue
        try:
            rows = [r for params in by_doc for r in conn.execute(sql + where, params)]
        except sqlite3.OperationalError:  # an older store without the column
            continue
        for sha, block, value in rows:
            for pid in owner(sha, block):
                out[pid][kind].add(value)
    return {pid: {k: frozenset(v) for k, v in kinds.items()} for pid, kinds in out.items()}


def _texts(conn, docs: Optional[list[str]] = None) -> dict[str, list[str]]:
    """Each paper's block text (boilerplate and page furniture left out), of ``docs`` or every document."""
    sql = ("SELECT paper_id, COALESCE(norm, ''), COALESCE(flags, '[]') FROM blocks WHERE paper_id IS NOT NULL"
           + ("" if docs is None else " AND doc_sha256 = ?") + " ORDER BY doc_sha256, block_index")
    text: dict[str, list[str]] = defaultdict(list)
    for params in ([()] if docs is None else [(d,) for d in docs]):
        for pid, norm, flags in conn.execute(sql, params):
            if compared(flags):
                text[pid].append(norm)
    return text


def fingerprints(conn, docs: Optional[list[str]] = None) -> dict[str, Fingerprint]:
    """Each paper's fingerprint (of ``docs``, or of every document), as the worker
    that parsed it stored it in ``paper_shingles``; a paper stored before that
    table has its fingerprint made here from its blocks."""
    by_doc = [()] if docs is None else [(d,) for d in docs]
    where = "" if docs is None else " WHERE doc_sha256 = ?"
    out: dict[str, Fingerprint] = {}
    if has_object(conn, "paper_shingles"):
        for params in by_doc:
            for pid, hashes, nums in conn.execute("SELECT paper_id, hashes, numbers FROM paper_shingles" + where, params):
                out[pid] = Fingerprint(hashes, nums)
    unmade = sorted({sha for params in by_doc for pid, sha in conn.execute(
        "SELECT paper_id, doc_sha256 FROM papers" + where, params) if pid not in out})
    if unmade:
        text = _texts(conn, unmade)
        out.update({pid: Fingerprint.of(" ".join(parts)) for pid, parts in text.items()})
    return out


class _Lazy(dict):
    """paper id -> a value made on first use (most papers are never compared)."""

    def __init__(self, make):
        super().__init__()
        self.make = make

    def __missing__(self, key):
        value = self[key] = self.make(key)
        return value


class _Papers:
    """The papers being judged: rows, shingles, numbers and occasions."""

    def __init__(self, conn, settings: Settings, docs: Optional[list[str]] = None):
        where = "" if docs is None else f" WHERE p.doc_sha256 IN ({', '.join('?' * len(docs))})"
        self.rows = conn.execute(_PAPERS + where, docs or []).fetchall()
        prints = fingerprints(conn, docs)
        self.sh = _Lazy(lambda pid: prints[pid].shingle_set())
        # Two agendas (or plans) of different meetings share most words; their
        # numbers (dates, figures, page ranges) differ, so those must agree too.
        self.nums = _Lazy(lambda pid: prints[pid].number_set())
        self.est = _Lazy(lambda pid: estimate_sketch(prints[pid].sketch(ESTIMATE_K)))
        self.occasion = paper_occasions(conn, docs)
        cfg = settings.link
        # less text is too little to call two papers the same
        self.size = {pid: fp.size for pid, fp in prints.items()}
        self.eligible = [p for p in self.rows if self.size.get(p[0], 0) >= cfg.duplicate_min_shingles]
        self.sketch = {p[0]: prints[p[0]].sketch(cfg.duplicate_sketch_size) for p in self.eligible}


def _judge(papers: _Papers, settings: Settings) -> list[tuple]:
    """(paper, canonical paper, method, score) for every copy among ``papers``."""
    cfg = settings.link
    sh, nums, occasion, size, est = papers.sh, papers.nums, papers.occasion, papers.size, papers.est
    by_type: dict[str, list] = defaultdict(list)
    for p in papers.eligible:
        by_type[p[1]].append(p)
    out = []
    for plist in by_type.values():
        # Canonical copy: a standalone paper before one inside a pack, then PDF
        # (what was published) before Word, then path, so the choice is stable.
        plist.sort(key=lambda p: (p[4], _FORMAT_RANK.get(p[3], 9), p[5] or "", p[0]))
        # Bottom-k sketches as an index: papers above the Jaccard threshold share
        # some of their smallest shingle hashes with near certainty, so only
        # those pairs are compared (an archive has thousands of papers).
        index: dict[int, list[tuple]] = defaultdict(list)
        for p in plist:
            sketch = papers.sketch[p[0]]
            candidates = {c[0]: c for h in sketch for c in index.get(h, ())}
            best, best_s = None, 0.0
            for c in candidates.values():
                if c[2] == p[2]:
                    continue  # two papers of one document are never copies of each other
                if not may_reach(size[p[0]], size[c[0]], cfg.duplicate_jaccard):
                    continue  # too different in length to be a copy, whatever their words
                if not same_occasion(occasion.get(p[0]), occasion.get(c[0])):
                    continue  # another meeting, quarter or year of the same paper is not a copy
                if sketches_rule_out(est[p[0]], est[c[0]], cfg.duplicate_jaccard):
                    continue  # far below the threshold by their sketches
                s = jaccard(sh[p[0]], sh[c[0]])
                if s > best_s and (nums[p[0]] == nums[c[0]] or jaccard(nums[p[0]], nums[c[0]]) >= cfg.duplicate_numbers):
                    best, best_s = c, s
            if best is not None and best_s >= cfg.duplicate_jaccard:
                out.append((p[0], best[0], "shingle-jaccard", round(best_s, 4)))
            else:
                for h in sketch:
                    index[h].append(p)
    return out


def _write_sketches(conn, papers: _Papers) -> None:
    if has_object(conn, "link_paper_sketches"):
        conn.executemany("INSERT OR IGNORE INTO link_paper_sketches VALUES (?,?,?,?)",
                         [(p[0], p[2], p[1], h) for p in papers.eligible for h in papers.sketch[p[0]]])


def find_duplicate_papers(db, settings: Settings = DEFAULT, changed: Optional[dict] = None) -> int:
    """Fill ``paper_duplicates``: every paper (``changed`` None), or only the
    papers whose verdict the ``changed`` documents (new, gone or moved since
    the last link) can reach. Returns how many papers are copies."""
    conn = getattr(db, "conn", db)
    if changed is None or not has_object(conn, "link_paper_sketches"):
        conn.execute("DELETE FROM paper_duplicates")
        if has_object(conn, "link_paper_sketches"):
            conn.execute("DELETE FROM link_paper_sketches")
        papers = _Papers(conn, settings)
        _write_sketches(conn, papers)
        conn.executemany("INSERT INTO paper_duplicates VALUES (?,?,?,?)", _judge(papers, settings))
    else:
        _Rejudge(conn, settings).run(sorted(changed))
    return conn.execute("SELECT COUNT(*) FROM paper_duplicates").fetchone()[0]


class _Rejudge:
    """Judge again, in canonical order, only the papers whose verdict can move.

    A paper's verdict depends on the papers before it in canonical order that
    share a sketch hash with it and are in the index (not copies). So a new
    paper is judged; when it enters the index (or a gone paper leaves it, or
    a judged paper's verdict moves it in or out), the later papers sharing its
    hashes are judged again, and so on: exactly the verdicts a full pass gives.
    """

    def __init__(self, conn, settings: Settings):
        self.conn, self.settings = conn, settings
        self.meta: dict[str, tuple] = {}
        self.sketches: dict[str, list[int]] = {}
        self.holders: dict[tuple, list[str]] = {}
        self.docs: dict[str, tuple] = {}
        self.copies = dict(conn.execute("SELECT paper_id, canonical_paper_id FROM paper_duplicates"))

    def run(self, changed: list[str]) -> None:
        conn = self.conn
        queue: list[tuple] = []
        for sha in changed:  # what the documents' papers were joined to before
            for pid, ptype, h in conn.execute(
                    "SELECT paper_id, paper_type, hash FROM link_paper_sketches WHERE doc_sha256 = ?", (sha,)):
                queue += [(ptype, h)]
                self.copies.pop(pid, None)
                conn.execute("DELETE FROM paper_duplicates WHERE paper_id = ?", (pid,))
            conn.execute("DELETE FROM link_paper_sketches WHERE doc_sha256 = ?", (sha,))
        gone_hashes = set(queue)
        present = [sha for sha in changed if conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha,)).fetchone()]
        fresh = _Papers(conn, self.settings, present)
        _write_sketches(conn, fresh)
        heap = [(self.key(p[0]), p[0]) for p in fresh.eligible]
        heap += [(self.key(pid), pid) for th in gone_hashes for pid in self.holder(th)]
        heapq.heapify(heap)
        new = {p[0] for p in fresh.eligible}
        done: set[str] = set()
        while heap:
            key, pid = heapq.heappop(heap)
            if pid in done:
                continue
            done.add(pid)
            was_indexed = pid not in new and pid not in self.copies
            verdict = self.judge(pid, key)
            conn.execute("DELETE FROM paper_duplicates WHERE paper_id = ?", (pid,))
            self.copies.pop(pid, None)
            if verdict is not None:
                conn.execute("INSERT INTO paper_duplicates VALUES (?,?,?,?)", verdict)
                self.copies[pid] = verdict[1]
            if was_indexed != (verdict is None):  # it entered or left the index: the later papers may move
                for h in self.sketch(pid):
                    for other in self.holder((self.meta[pid][1], h)):
                        if other not in done and self.key(other) > key:
                            heapq.heappush(heap, (self.key(other), other))

    def key(self, pid: str) -> tuple:
        """The canonical order of :func:`_judge` (standalone, PDF, path, id)."""
        if pid not in self.meta:
            p = self.conn.execute(_PAPERS + " WHERE p.paper_id = ?", (pid,)).fetchone()
            self.meta[pid] = p
        p = self.meta[pid]
        return (p[4], _FORMAT_RANK.get(p[3], 9), p[5] or "", p[0])

    def sketch(self, pid: str) -> list[int]:
        if pid not in self.sketches:
            self.sketches[pid] = [r[0] for r in self.conn.execute(
                "SELECT hash FROM link_paper_sketches WHERE paper_id = ? ORDER BY hash", (pid,))]
        return self.sketches[pid]

    def holder(self, type_hash: tuple) -> list[str]:
        """The papers whose sketch holds (paper type, hash)."""
        if type_hash not in self.holders:
            pids = [r[0] for r in self.conn.execute(
                "SELECT paper_id FROM link_paper_sketches WHERE paper_type IS ? AND hash = ?", type_hash)]
            missing = [pid for pid in pids if pid not in self.meta]
            for i in range(0, len(missing), 500):  # their order keys, in one query a few hundred at a time
                chunk = missing[i:i + 500]
                for row in self.conn.execute(_PAPERS + f" WHERE p.paper_id IN ({', '.join('?' * len(chunk))})", chunk):
                    self.meta[row[0]] = row
            self.holders[type_hash] = pids
        return self.holders[type_hash]

    def doc(self, sha: str) -> tuple:
        """(shingles, numbers, occasions) of a document's papers."""
        if sha not in self.docs:
            prints = fingerprints(self.conn, [sha])
            self.docs[sha] = ({pid: fp.shingle_set() for pid, fp in prints.items()},
                              {pid: fp.number_set() for pid, fp in prints.items()},
                              paper_occasions(self.conn, [sha]),
                              {pid: estimate_sketch(fp.sketch(ESTIMATE_K)) for pid, fp in prints.items()})
        return self.docs[sha]

    def judge(self, pid: str, key: tuple) -> Optional[tuple]:
        """The verdict of :func:`_judge` for one paper, its candidates in the same order."""
        cfg = self.settings.link
        p = self.meta[pid]
        order: list[str] = []
        for h in self.sketch(pid):
            for c in sorted(self.holder((p[1], h)), key=self.key):
                if c != pid and c not in order and self.key(c) < key and c not in self.copies:
                    order.append(c)
        best, best_s = None, 0.0
        for cid in order:
            c = self.meta[cid]
            if c[2] == p[2]:
                continue
            psh, pnums, pocc, pest = self.doc(p[2])
            csh, cnums, cocc, cest = self.doc(c[2])
            if not may_reach(len(psh[pid]), len(csh[cid]), cfg.duplicate_jaccard):
                continue
            if not same_occasion(pocc.get(pid), cocc.get(cid)):
                continue
            if sketches_rule_out(pest[pid], cest[cid], cfg.duplicate_jaccard):
                continue  # as in _judge
            s = jaccard(psh[pid], csh[cid])
            if s > best_s and (pnums[pid] == cnums[cid] or jaccard(pnums[pid], cnums[cid]) >= cfg.duplicate_numbers):
                best, best_s = cid, s
        if best is not None and best_s >= cfg.duplicate_jaccard:
            return (pid, best, "shingle-jaccard", round(best_s, 4))
        return None
