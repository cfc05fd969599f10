"""The layout corpus (corpus/layouts, issue 9): every sample pack in six layouts and a scan, judged
against the pack's one gold.

The layout corpus is ingested once for this module (``layout_report``: every
file into its own store, 2 workers; OCR of the scan is cached by file hash
under the usual OCR cache). Each layout must reach, per key field, a floor:
the issue's target, F1 >= 0.98 per field, for every text layout, and for the
scan its measured F1 minus 0.02, never under the scan target of 0.90
(:data:`FLOORS`, :data:`TEXT_TARGET`, :data:`SCAN_TARGET`).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from boardpack.cli_eval import eval_command
from boardpack.evaluate import find_samples
from boardpack.evaluate_layouts import MANIFEST, evaluate_layouts, load_manifest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
LAYOUTS = CORPUS / "layouts"
PACKS = ["cdrp-2009-07-27", "cdrp-2009-10-26", "cdrp-2010-01-25", "cdrp-2010-04-26", "cdrp-2011-04-26",
         "cdrp-2017-02-23"]
TEXT_LAYOUTS = ["grid", "borderless", "shaded", "narrow", "serif", "open"]
SCANNED = "scanned"
TEXT_TARGET, SCAN_TARGET = 0.98, 0.90
#: The whole corpus (samples, goldens, layouts) stays small enough to commit.
CORPUS_LIMIT_BYTES = 40_000_000

# Floors per layout and field (F1 over the layout's PDF, DOCX and DOC files). Every text layout is
# held to the target, 0.98 on every field: on 2026-12-01 03:55 UTC (HEAD df9939e, after the
# two-column front sheets were read column by column and the plan-table page-break fixes) each of
# them measured 1.000 on every field. The scan's floors are its measured F1 minus 0.02 where that
# is under 0.98 (agenda numbers 0.923, attendance and minutes date 0.960 measured), never under its
# target of 0.90. Nobody lowers a floor. Per-format figures: corpus/README.md.
FIELDS = ["agenda_number", "attendance", "minutes_date", "milestone_ref", "status", "stats_awaited", "amount", "indicator_value", "meeting_date", "start_time"]
FLOORS: dict[str, dict[str, float]] = {
    **{layout: dict.fromkeys(FIELDS, TEXT_TARGET) for layout in TEXT_LAYOUTS},
    SCANNED: {**dict.fromkeys(FIELDS, TEXT_TARGET), "agenda_number": 0.903, "attendance": 0.940, "minutes_date": 0.940},
}


def _manifest() -> dict:
    path = LAYOUTS / MANIFEST
    if not path.exists():
        pytest.skip("layout corpus not built (run `python corpus/build.py --layouts`)")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def layout_report():
    _manifest()
    return evaluate_layouts(LAYOUTS, workers=2)


# -- what the corpus holds (no ingest) ------------------------------------------


def test_every_pack_in_every_layout_as_pdf_and_docx_and_doc_for_two_packs():
    m = _manifest()
    have = {(f["layout"], f["pack"], f["format"]) for f in m["files"]}
    assert set(TEXT_LAYOUTS) <= set(m["layouts"]) and len(TEXT_LAYOUTS) >= 6
    for layout in TEXT_LAYOUTS:
        for pack in PACKS:
            assert {(layout, pack, "pdf"), (layout, pack, "docx")} <= have, (layout, pack)
        assert sum(1 for pack in PACKS if (layout, pack, "doc") in have) >= 2, layout
    assert any(f["layout"] == SCANNED for f in m["files"])
    for f in m["files"]:
        assert (LAYOUTS / f["path"]).is_file(), f["path"]
        assert (LAYOUTS / f["gold"]).resolve().is_file(), f["gold"]


def test_layout_files_are_judged_against_their_packs_gold_only():
    """Regression (layouts judged by the corpus eval): a gold file beside a layout file would put it in
    `boardpack eval corpus/`, which must stay 1.000; the layouts' gold is the pack's, named in the manifest."""
    assert not list(LAYOUTS.rglob("*.gold.json"))
    assert not [s for s, _ in find_samples(CORPUS) if "layouts" in s.relative_to(CORPUS).parts]
    _, samples = load_manifest(LAYOUTS)
    for s in samples:
        assert s.gold.name == f"{s.pack}.docx.gold.json", s.path
        assert s.path.name.startswith(s.pack + "-" + s.layout + ".")


def test_make_run_leaves_the_layouts_out():
    """`make run` prints the audit of the corpus as documented; the layouts would store every pack again."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "filter-out corpus/layouts/" in text
    assert "boardpack ingest corpus/ " not in text


def test_corpus_stays_small():
    total = sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file())
    assert total < CORPUS_LIMIT_BYTES, total


def _docx_xml(layout: str, part: str = "document", pack: str = "cdrp-2017-02-23") -> str:
    with zipfile.ZipFile(LAYOUTS / layout / f"{pack}-{layout}.docx") as z:
        return z.read(f"word/{part}.xml").decode("utf-8")


def test_layouts_look_as_described():
    _manifest()
    grid, borderless, shaded = _docx_xml("grid"), _docx_xml("borderless"), _docx_xml("shaded")
    narrow, serif, open_ = _docx_xml("narrow"), _docx_xml("serif"), _docx_xml("open")
    assert "w:tblHeader" in grid and "w:tblHeader" not in borderless and "w:tblHeader" not in open_
    assert 'w:insideV w:val="nil"' in borderless and 'w:insideH w:val="single"' not in borderless
    assert 'w:fill="DBE5F1"' in shaded and 'w:orient="portrait"' not in shaded
    assert 'w:insideH w:val="single"' in serif and 'w:insideV w:val="nil"' in serif
    assert 'w:ascii="Liberation Serif"' in _docx_xml("serif", "styles")
    assert 'w:ascii="DejaVu Sans"' in _docx_xml("open", "styles")
    assert 'w:num="2"' in serif and 'w:num="2"' in open_ and 'w:num="2"' not in grid

    def widths(xml):
        import re
        return sum(int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', xml))
    assert widths(narrow) < 0.6 * widths(grid)


def test_a_layout_changes_no_word_of_the_pack():
    """The gold is the pack's in every layout because a layout moves and styles words, never changes them."""
    import sys
    sys.path.insert(0, str(ROOT))
    from corpus import pack2017
    from corpus.layout_variants import LAYOUTS as VARIANTS, apply_layout

    def words(doc):
        return [t.text for t in doc.element.body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")]

    base = words(pack2017.build()[0].doc)
    for name in VARIANTS:
        w, _ = pack2017.build()
        apply_layout(w.doc, name)
        assert words(w.doc) == base, name


def test_scan_is_image_only_greyscale_at_scanner_resolution():
    import pdfplumber
    m = _manifest()
    scans = [LAYOUTS / f["path"] for f in m["files"] if f["layout"] == SCANNED]
    for path in scans:
        with pdfplumber.open(path) as pdf:
            assert len(pdf.pages) >= 4
            for page in pdf.pages:
                assert not page.chars, (path.name, page.page_number)
                (img,) = page.images
                assert img["colorspace"][0] == "/DeviceGray" or "Gray" in str(img["colorspace"])
                dpi = img["srcsize"][0] / (float(page.width) / 72.0)
                assert 150 <= round(dpi) <= 200, dpi


def test_scan_is_reproducible(tmp_path):
    """The same grid PDF and seed give the same scan, byte for byte (no clock, no unseeded noise)."""
    import sys
    sys.path.insert(0, str(ROOT))
    from corpus import scans
    from corpus.build_layouts import SCANNED_PACKS, rel_name

    _manifest()
    slug, opts = next(iter(SCANNED_PACKS.items()))
    committed = LAYOUTS / rel_name(slug, SCANNED, "pdf")
    out = tmp_path / committed.name  # the PDF's title is the file's stem
    scans.scan_pdf(LAYOUTS / rel_name(slug, "grid", "pdf"), out, dpi=opts["dpi"], seed=opts["seed"])
    assert out.read_bytes() == committed.read_bytes()


# -- the eval per layout ---------------------------------------------------------


def test_eval_by_layout_prints_json_per_layout_and_field(tmp_path):
    """`boardpack eval DIR --by-layout --json` on a one-file layout corpus (fast: one DOCX); the table
    form names the layout and the fields; --fail-under passes at 1.0 here and fails on a gold that
    the file cannot meet."""
    _manifest()
    one = tmp_path / "layouts"
    (one / "grid").mkdir(parents=True)
    src = LAYOUTS / "grid" / "cdrp-2017-02-23-grid.docx"
    (one / "grid" / src.name).write_bytes(src.read_bytes())
    gold = (CORPUS / "docx" / "cdrp-2017-02-23.docx.gold.json").resolve()
    (one / MANIFEST).write_text(json.dumps({"layouts": {"grid": "ruled"}, "files": [
        {"path": "grid/" + src.name, "layout": "grid", "pack": "cdrp-2017-02-23", "format": "docx",
         "gold": str(gold)}]}), encoding="utf-8")
    res = CliRunner().invoke(eval_command, [str(one), "--by-layout", "--json", "-w", "1"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert set(data["field_f1"]) == {"grid"}
    assert data["field_f1"]["grid"]["milestone_ref"] == 1.0
    assert data["layouts"]["grid"]["description"] == "ruled"
    # without --by-layout the folder has no gold beside its files: say what to do
    res = CliRunner().invoke(eval_command, [str(one)])
    assert res.exit_code == 2 and "--by-layout" in res.output
    res = CliRunner().invoke(eval_command, [str(one), "--by-layout", "--fail-under", "1.0", "-w", "1"],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert "grid" in res.output and "milestone_ref" in res.output and "docx" in res.output
    # a gold with one milestone more than the paper has: recall < 1, so --fail-under 1.0 fails
    g = json.loads(gold.read_text(encoding="utf-8"))
    g["views"]["v_action_updates"].append(dict(g["views"]["v_action_updates"][0], ref="9.9z"))
    (tmp_path / "more.gold.json").write_text(json.dumps(g), encoding="utf-8")
    m = json.loads((one / MANIFEST).read_text(encoding="utf-8"))
    m["files"][0]["gold"] = str(tmp_path / "more.gold.json")
    (one / MANIFEST).write_text(json.dumps(m), encoding="utf-8")
    res = CliRunner().invoke(eval_command, [str(one), "--by-layout", "--fail-under", "1.0", "-w", "1"],
                             catch_exceptions=False)
    assert res.exit_code == 1
    assert "Files with a field below" in res.output and "cdrp-2017-02-23-grid.docx" in res.output


def test_every_layout_file_ingests(layout_report):
    assert not [(f.file, f.error) for f in layout_report.files if f.status != "ok"]
    assert set(layout_report.layouts) == set(TEXT_LAYOUTS) | {SCANNED}


@pytest.mark.parametrize("layout", TEXT_LAYOUTS + [SCANNED])
def test_layout_f1_per_field_at_least_its_floor(layout_report, layout):
    f1 = layout_report.field_f1()[layout]
    floors = FLOORS[layout]
    assert set(floors) == set(f1), "every field the gold judges has a floor"
    below = {name: (f1[name], floor) for name, floor in floors.items() if f1[name] < floor}
    assert not below, f"{layout}: F1 below floor (measured, floor): {below}"
    target = SCAN_TARGET if layout == SCANNED else TEXT_TARGET
    assert all(target <= floor <= 1.0 for floor in floors.values()), "no floor under the issue's target"
