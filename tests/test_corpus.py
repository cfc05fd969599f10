"""The generated sample corpus: gold beside every sample, gold consistent with the
rendered files, the Q1–Q4 series complete in both formats, expected audits
recomputed from the gold, bad inputs really bad, and the generator reproducible."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SAMPLE_EXT = {".pdf", ".docx", ".doc", ".txt"}
VIEWS = {
    "v_meetings": {"committee", "meeting_date", "start_time", "venue"},
    "v_agenda_items": {"item_number", "title", "presenter", "pages"},
    "v_attendance": {"meeting_date", "person", "role", "attendance"},
    "v_minute_actions": {"meeting_date", "owners", "action_text"},
    "v_decisions": {"meeting_date", "item_number", "decision_text"},
    "v_report_items": {"priority_area", "lead_officer", "period", "section", "item_text"},
    "v_action_updates": {"plan_title", "action_ref", "ref", "description", "lead_agency", "period", "period_start",
                         "progress", "status", "stats_awaited", "funding_allocated"},
    "v_budget_amounts": {"table_title", "item", "measure", "amount", "is_total"},
    "v_indicator_values": {"table_title", "indicator", "measure", "period_label", "value"},
}
STATUSES = {"on track", "not on track", "not reported", "green", "amber", "red", "closed", "complete"}
SECTIONS = {"achievement", "concern", "recommendation", "publicity"}
ATTENDANCE = {"present", "in attendance", "apologies", "chair"}
PROSE_VIEWS = {"v_report_items", "v_decisions", "v_minute_actions"}
QUARTER_SLUGS = ["cdrp-2009-07-27", "cdrp-2009-10-26", "cdrp-2010-01-25", "cdrp-2010-04-26"]


def samples() -> list[Path]:
    # corpus/layouts/ holds the same packs in other layouts, judged against these samples' gold
    # (tests/test_corpus_layouts.py): no gold file of their own
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix in SAMPLE_EXT
                  and not p.name.endswith(".gold.json") and "layouts" not in p.relative_to(CORPUS).parts)


def gold_of(p: Path) -> dict:
    return json.loads(Path(str(p) + ".gold.json").read_text(encoding="utf-8"))


def norm(s: str) -> str:
    s = (s or "").replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'").replace("\u201c", '"')
    s = s.replace("\u201d", '"').replace("\u00a0", " ").replace("\u2022", " ")
    return re.sub(r"\s+", " ", s).strip().lower()


@pytest.fixture(scope="session")
def pdf_text():
    import pdfplumber
    cache: dict[Path, str] = {}

    def get(p: Path) -> str:
        if p not in cache:
            with pdfplumber.open(str(p)) as pdf:
                cache[p] = norm(" ".join(pg.extract_text() or "" for pg in pdf.pages))
        return cache[p]
    return get


@pytest.fixture(scope="session")
def docx_text():
    import docx
    cache: dict[Path, str] = {}

    def get(p: Path) -> str:
        if p not in cache:
            d = docx.Document(str(p))
            parts = [para.text for para in d.paragraphs]
            for t in d.tables:
                for row in t.rows:
                    for c in row.cells:
                        parts.append(c.text)
            cache[p] = norm(" ".join(parts))
        return cache[p]
    return get


# ---------------------------------------------------------------------------
def test_corpus_has_the_required_formats():
    exts = [p.suffix for p in samples() if "bad" not in p.parts]
    assert exts.count(".pdf") >= 3 and exts.count(".docx") >= 3 and exts.count(".doc") >= 1
    # the samples and their gold; the per-stage goldens (corpus/goldens/) are test
    # expectations that grow with the samples, and are held to their own size
    # (corpus/layouts/ is held to its own size in tests/test_corpus_layouts.py)
    total = sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file()
                and not {"goldens", "layouts"} & set(p.relative_to(CORPUS).parts))
    assert total < 8_000_000, "keep the corpus small"
    goldens = sum(p.stat().st_size for p in (CORPUS / "goldens").rglob("*.json"))
    assert 0 < goldens < 10_000_000, "keep the stage goldens readable"


@pytest.mark.parametrize("path", samples(), ids=lambda p: str(p.relative_to(CORPUS)))
def test_every_sample_has_valid_gold(path):
    g = gold_of(path)
    assert g["file"] == path.name
    assert isinstance(g["views"], dict)
    for view, rows in g["views"].items():
        assert view in VIEWS, view
        for r in rows:
            assert set(r) - {"page"} == VIEWS[view], (view, r)
            if "page" in r:
                assert isinstance(r["page"], int) and r["page"] >= 1
            if view == "v_action_updates":
                assert r["status"] in STATUSES and r["stats_awaited"] in (0, 1)
                assert re.fullmatch(r"\d{4}/\d{2} Q[1-4]", r["period"])
                assert re.fullmatch(r"\d{4}-\d{2}-01", r["period_start"])
            if view == "v_report_items":
                assert r["section"] in SECTIONS
            if view == "v_attendance":
                assert r["attendance"] in ATTENDANCE and re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["meeting_date"])
            if view == "v_meetings":
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["meeting_date"])
                assert r["start_time"] is None or re.fullmatch(r"[0-2]\d:[0-5]\d", r["start_time"])
            if view == "v_agenda_items":
                assert re.fullmatch(r"\d+[a-z]*", r["item_number"])
            if view == "v_budget_amounts":
                assert isinstance(r["amount"], (int, float)) and r["is_total"] in (0, 1)


def test_no_stray_gold_files():
    for g in CORPUS.rglob("*.gold.json"):
        assert Path(str(g)[: -len(".gold.json")]).exists(), g


def _pack_pairs():
    """(pdf, docx) of the same pack."""
    out = [(CORPUS / "pdf" / f"{s}.pdf", CORPUS / "docx" / f"{s}.docx") for s in ("cdrp-2011-04-26", "cdrp-2017-02-23")]
    out += [(CORPUS / "series" / "pdf" / f"{s}.pdf", CORPUS / "series" / "docx" / f"{s}.docx") for s in QUARTER_SLUGS]
    return out


@pytest.mark.parametrize("pdf,docx_path", _pack_pairs(), ids=lambda p: p.name)
def test_same_pack_same_gold_in_every_format(pdf, docx_path):
    def strip(g):
        return {v: [{k: x for k, x in r.items() if k != "page"} for r in rows] for v, rows in g["views"].items()}
    ref = strip(gold_of(docx_path))
    assert strip(gold_of(pdf)) == ref
    doc = docx_path.parent.parent / "doc" / (docx_path.stem + ".doc")
    if doc.exists():
        assert strip(gold_of(doc)) == ref
    # every pack has plenty to extract
    assert sum(len(r) for r in ref.values()) >= 20


def _key_texts(view: str, r: dict) -> list[str]:
    """Texts of a gold row that must be printed in the document."""
    keys = {
        "v_meetings": [],
        "v_agenda_items": ["title", "presenter"],
        "v_attendance": ["person"],
        "v_minute_actions": ["action_text"],
        "v_decisions": ["decision_text"],
        "v_report_items": ["item_text", "lead_officer"],
        "v_action_updates": ["description", "progress", "lead_agency"],
        "v_budget_amounts": ["item"],
        "v_indicator_values": ["indicator"],
    }[view]
    return [r[k] for k in keys if r.get(k)]


@pytest.mark.parametrize("pdf,docx_path", _pack_pairs(), ids=lambda p: p.name)
def test_gold_text_is_printed_in_the_files(pdf, docx_path, pdf_text, docx_text):
    g = gold_of(docx_path)
    ptext, dtext = pdf_text(pdf), docx_text(docx_path)
    missing_pdf, missing_docx = [], []
    for view, rows in g["views"].items():
        for r in rows:
            for t in _key_texts(view, r):
                t = norm(t)
                if t not in dtext:
                    missing_docx.append((view, t[:60]))
                # PDF text wraps lines (compare without spaces); text in table cells is interleaved
                # line by line with the neighbouring cells, so only running text is compared.
                if view in PROSE_VIEWS and t.replace(" ", "") not in ptext.replace(" ", ""):
                    missing_pdf.append((view, t[:60]))
    assert not missing_docx, missing_docx[:5]
    assert not missing_pdf, missing_pdf[:5]


def test_pdf_gold_pages_point_at_the_right_page():
    import pdfplumber
    pdf = CORPUS / "pdf" / "cdrp-2017-02-23.pdf"
    g = gold_of(pdf)
    with pdfplumber.open(str(pdf)) as p:
        pages = [norm(pg.extract_text() or "").replace(" ", "") for pg in p.pages]
    checked = 0
    for r in g["views"]["v_decisions"] + g["views"]["v_minute_actions"]:
        text = norm(r.get("decision_text") or r.get("action_text"))[:25].replace(" ", "")
        assert text in pages[r["page"] - 1], r
        checked += 1
    assert checked >= 10


# ---------------------------------------------------------------------------
# The Q1–Q4 series
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_series_covers_q1_to_q4_in_both_formats(fmt):
    periods = []
    for slug in QUARTER_SLUGS:
        p = CORPUS / "series" / fmt / f"{slug}.{fmt}"
        assert p.exists(), p
        rows = gold_of(p)["views"]["v_action_updates"]
        ps = {r["period"] for r in rows}
        assert len(ps) == 1
        periods.append(ps.pop())
        assert len(rows) == 93
    assert periods == ["2009/10 Q1", "2009/10 Q2", "2009/10 Q3", "2009/10 Q4"]
    assert (CORPUS / "series" / "doc" / f"{QUARTER_SLUGS[3]}.doc").exists()


def _recompute(rows_by_period: dict[str, list[dict]], min_periods: int):
    """Independent recomputation of `audit stats-awaited` from gold rows."""
    order = sorted(rows_by_period)
    timeline: dict[tuple, dict[str, dict]] = {}
    for p in order:
        for r in rows_by_period[p]:
            timeline.setdefault((r["plan_title"], r["ref"]), {})[p] = r
    out = []
    for (plan, ref), by_p in timeline.items():
        run = []
        for p in order + [None]:
            r = by_p.get(p) if p else None
            if r and r["stats_awaited"] == 1:
                run.append(p)
                continue
            if len(run) >= min_periods:
                out.append((plan, ref, tuple(run)))
            run = []
    return sorted(out)


def _status_changes(rows_by_period):
    order = sorted(rows_by_period)
    out = []
    for a, b in zip(order, order[1:]):
        before = {(r["plan_title"], r["ref"]): r["status"] for r in rows_by_period[a]}
        for r in rows_by_period[b]:
            k = (r["plan_title"], r["ref"])
            if k in before and before[k] != r["status"]:
                out.append((r["ref"], a, b, before[k], r["status"]))
    return sorted(out)


@pytest.mark.parametrize("set_name", ["pdf", "docx", "mixed"])
def test_expected_audits_match_the_series_gold(set_name):
    exp = json.loads((CORPUS / "series" / "expected_audits.json").read_text(encoding="utf-8"))
    files = exp["sets"][set_name]
    assert len(files) == 4 and all((CORPUS / f).exists() for f in files)
    rows_by_period: dict[str, list[dict]] = {}
    for f in files:
        for r in gold_of(CORPUS / f)["views"]["v_action_updates"]:
            rows_by_period.setdefault(r["period"], []).append(r)
    assert sorted(rows_by_period) == exp["periods"]
    for n in ("2", "3", "4"):
        want = sorted((r["plan_title"], r["ref"], tuple(r["periods"])) for r in exp["stats_awaited"][n])
        assert _recompute(rows_by_period, int(n)) == want
    want_changes = sorted((c["ref"], c["from_period"], c["to_period"], c["from_status"], c["to_status"])
                          for c in exp["status_changes"])
    assert _status_changes(rows_by_period) == want_changes


def test_expected_audits_have_the_designed_answers():
    exp = json.loads((CORPUS / "series" / "expected_audits.json").read_text(encoding="utf-8"))
    runs = {n: {r["ref"]: len(r["periods"]) for r in exp["stats_awaited"][n]} for n in ("2", "3", "4")}
    lengths = set(runs["2"].values())
    assert {2, 3, 4} <= lengths, "runs of exactly 2, 3 and 4 quarters"
    assert set(runs["4"]) == {r for r, k in runs["2"].items() if k == 4}
    assert set(runs["3"]) == {r for r, k in runs["2"].items() if k >= 3}
    kinds = {(c["from_status"], c["to_status"]) for c in exp["status_changes"]}
    assert {("on track", "not on track"), ("not on track", "on track"), ("not reported", "on track")} <= kinds
    assert "4.5a" not in runs["2"], "awaited in Q1 and Q3 only is not a consecutive run"


# ---------------------------------------------------------------------------
# What the Word files are made of
# ---------------------------------------------------------------------------
def _xml(p: Path, name: str = "word/document.xml") -> str:
    with zipfile.ZipFile(p) as z:
        return z.read(name).decode("utf-8")


def test_docx_has_the_features_of_officers_word_files():
    plan = CORPUS / "series" / "docx" / f"{QUARTER_SLUGS[0]}.docx"
    x = _xml(plan)
    assert "<w:tblHeader/>" in x, "repeated header row"
    assert 'w:val="ListBullet"' in x, "List Bullet paragraphs"
    assert 'w:val="nil"' in x, "a table without borders"
    assert 'w:val="TableGrid"' in x, "a ruled table"
    assert 'w:type="page"' in x, "page breaks"
    assert 'w:vertAlign w:val="superscript"' in x, "footnote markers"
    with zipfile.ZipFile(plan) as z:
        footers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/footer")]
    assert any(" PAGE " in f for f in footers)
    assert any("moderngov" in f for f in footers)
    x17 = _xml(CORPUS / "docx" / "cdrp-2017-02-23.docx")
    fills = set(re.findall(r'w:fill="([0-9A-F]{6})"', x17))
    assert {"00B050", "FFC000", "FF0000"} <= fills, "RAG fills and their key"
    assert "w:vMerge" in x17 and "w:gridSpan" in x17
    assert 'w:val="Heading1"' in x17 or 'w:val="Heading2"' in x17


# ---------------------------------------------------------------------------
# Bad inputs
# ---------------------------------------------------------------------------
def test_bad_inputs_are_really_bad():
    import pdfplumber
    bad = CORPUS / "bad"
    assert (bad / "empty.pdf").stat().st_size == 0
    t = (bad / "truncated.pdf").read_bytes()
    assert t.startswith(b"%PDF-") and b"%%EOF" not in t[-2048:]
    e = (bad / "encrypted.pdf").read_bytes()
    assert e.startswith(b"%PDF-") and b"/Encrypt" in e and b"/AESV2" in e
    with pytest.raises(Exception):
        with pdfplumber.open(str(bad / "encrypted.pdf")) as pdf:
            pdf.pages[0].extract_text()
    assert (bad / "wrong-extension.doc").read_bytes().startswith(b"%PDF-")
    b = bad / "broken.docx"
    assert b.read_bytes().startswith(b"PK")
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(b).testzip()
    with pdfplumber.open(str(bad / "scanned-page.pdf")) as pdf:
        assert len(pdf.pages) == 2
        assert "CDRP" in (pdf.pages[0].extract_text() or "")
        assert not pdf.pages[1].chars, "no text layer on the scanned page"
        assert pdf.pages[1].images, "the scanned page is an image"
    for p in bad.iterdir():
        if not p.name.endswith(".gold.json"):
            assert "expected_error" in gold_of(p)


# ---------------------------------------------------------------------------
# Reproducibility (rebuilds every DOCX and gold file in memory: a few seconds)
# ---------------------------------------------------------------------------
def test_build_check_regenerates_identical_docx_and_gold(capsys):
    from corpus import build
    rc = build.check()
    out = capsys.readouterr().out
    assert rc == 0, out
