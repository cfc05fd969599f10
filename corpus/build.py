"""Build the sample corpus: DOCX written with python-docx, PDF and DOC rendered by LibreOffice, gold JSON.

Usage (from the repository root)::

    .venv/bin/python corpus/build.py            # rebuild everything (needs soffice for PDF/DOC)
    .venv/bin/python corpus/build.py --docx-only  # DOCX + gold only, no LibreOffice
    .venv/bin/python corpus/build.py --check    # rebuild DOCX in memory, compare with the committed files
    .venv/bin/python corpus/build.py --layouts  # only the layout corpus (corpus/layouts/, needs soffice)
    .venv/bin/python corpus/build.py --layouts borderless  # one layout (and its manifest)

Output is deterministic: DOCX zips carry fixed timestamps; PDF dates and IDs
written by LibreOffice are overwritten in place with fixed values of the same
length. See corpus/README.md for the layout.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    # Run as a script (``python corpus/build.py``): the generator is not an installed
    # package, so make the checkout root importable and import it as ``corpus``.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    __package__ = "corpus"

from corpus import bad, build_layouts, pack2009, pack2011, pack2017, series  # noqa: E402
from corpus.render_docx import save_deterministic  # noqa: E402

ROOT = Path(__file__).resolve().parent
SOFFICE_TIMEOUT = 180


def samples() -> list[dict]:
    """Every generated sample: builder, output formats and where they go (relative to corpus/)."""
    out = [
        {"slug": "cdrp-2011-04-26", "build": pack2011.build,
         "files": {"docx": "docx/cdrp-2011-04-26.docx", "pdf": "pdf/cdrp-2011-04-26.pdf",
                   "doc": "doc/cdrp-2011-04-26.doc"}},
        {"slug": "cdrp-2017-02-23", "build": pack2017.build,
         "files": {"docx": "docx/cdrp-2017-02-23.docx", "pdf": "pdf/cdrp-2017-02-23.pdf",
                   # a .doc with minutes and a budget, so every field is judged in every format
                   "doc": "doc/cdrp-2017-02-23.doc"}},
    ]
    for q in series.QUARTERS:
        slug = series.PACKS[q]["slug"]
        files = {"docx": f"series/docx/{slug}.docx", "pdf": f"series/pdf/{slug}.pdf"}
        if q == 4:
            files["doc"] = f"series/doc/{slug}.doc"
        out.append({"slug": slug, "build": (lambda q=q: pack2009.build(q)), "files": files})
    return out


# ---------------------------------------------------------------------------
# LibreOffice
# ---------------------------------------------------------------------------
def soffice_convert(src: Path, fmt: str, outdir: Path) -> Path:
    """Convert ``src`` with LibreOffice headless, in a throw-away user profile."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise SystemExit("soffice not found: install LibreOffice (apt-get install libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory(prefix="bp-lo-") as prof:
        cmd = [exe, f"-env:UserInstallation=file://{prof}", "--headless", "--norestore",
               "--convert-to", fmt, "--outdir", str(outdir), str(src)]
        subprocess.run(cmd, check=True, timeout=SOFFICE_TIMEOUT, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, env={**os.environ, "TZ": "UTC"})
    out = outdir / (src.stem + "." + fmt.split(":")[0])
    if not out.exists():
        raise RuntimeError(f"LibreOffice did not write {out}")
    return out


_PDF_DATE = re.compile(rb"D:\d{14}(?:[+-]\d{2}'\d{2}'?|Z)?")
_PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")


def fix_pdf_volatile(data: bytes, when: bytes = b"20090724090000") -> bytes:
    """Overwrite creation dates and the file ID with fixed values of the same length."""
    def date(m):
        s = m.group(0)
        return (b"D:" + when + s[16:])[: len(s)]

    data = _PDF_DATE.sub(date, data)

    def ident(m):
        a, b = m.group(1), m.group(2)
        return m.group(0).replace(a, b"0" * len(a)).replace(b, b"0" * len(b))

    data = _PDF_ID.sub(ident, data)
    # LibreOffice's /DocChecksum is an MD5 over content that includes the dates.
    data = re.sub(rb"/DocChecksum /[0-9A-Fa-f]{32}", b"/DocChecksum /" + b"0" * 32, data)
    # XMP dates, if any ("2026-11-22T09:15:00Z" style)
    data = re.sub(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", b"2009-07-24T09:00:00", data)
    return data


# ---------------------------------------------------------------------------
# Gold
# ---------------------------------------------------------------------------
def _norm(s: str) -> str:
    s = s.replace("\u2013", "-").replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    s = s.replace("\u201d", '"').replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip().lower()


def pdf_pages(pdf: Path) -> list[str]:
    import pdfplumber
    with pdfplumber.open(str(pdf)) as p:
        return [_norm(pg.extract_text() or "") for pg in p.pages]


def locate_pages(gold, pages: list[str]) -> None:
    """Set ``page`` on gold rows from the rendered PDF (first page at/after the previous row's)."""
    for view, rows in gold.views.items():
        cur = 0
        for r in rows:
            needle = _norm(r.get("_find") or "")
            if not needle:
                continue
            hit = next((i for i in range(cur, len(pages)) if needle in pages[i]), None)
            if hit is None:
                hit = next((i for i in range(len(pages)) if needle in pages[i]), None)
            if hit is not None:
                r["page"] = hit + 1
                cur = hit


def gold_text(gold, rel: str, with_pages: bool) -> str:
    """The gold JSON of the sample at ``rel`` (relative to corpus/)."""
    views = {}
    for v, rows in gold.views.items():
        views[v] = [{k: val for k, val in r.items() if not k.startswith("_") and (with_pages or k != "page")}
                    for r in rows]
    return json.dumps({"file": Path(rel).name, "views": views}, indent=1, ensure_ascii=False) + "\n"


def gold_files(s: dict, gold) -> dict[str, str]:
    """{gold path relative to corpus/: text} for every file of sample ``s`` (pages from its committed PDF)."""
    files = s["files"]
    if "pdf" in files and (ROOT / files["pdf"]).exists():
        locate_pages(gold, pdf_pages(ROOT / files["pdf"]))
    return {rel + ".gold.json": gold_text(gold, rel, with_pages=(fmt == "pdf")) for fmt, rel in files.items()}


# ---------------------------------------------------------------------------
def build_all(docx_only: bool = False, only: str | None = None) -> None:
    for s in samples():
        if only and only not in s["slug"]:
            continue
        w, gold = s["build"]()
        files = s["files"]
        docx_path = ROOT / files["docx"]
        save_deterministic(w.doc, docx_path)
        print("wrote", docx_path.relative_to(ROOT))
        if not docx_only:
            with tempfile.TemporaryDirectory(prefix="bp-build-") as td:
                td = Path(td)
                src = td / (s["slug"] + ".docx")
                shutil.copy(docx_path, src)
                if "pdf" in files:
                    pdf = soffice_convert(src, "pdf:writer_pdf_Export", td)
                    target = ROOT / files["pdf"]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(fix_pdf_volatile(pdf.read_bytes()))
                    print("wrote", files["pdf"])
                if "doc" in files:
                    doc = soffice_convert(src, "doc:MS Word 97", td)
                    target = ROOT / files["doc"]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(doc.read_bytes())
                    print("wrote", files["doc"])
        for rel, text in gold_files(s, gold).items():
            (ROOT / rel).write_text(text, encoding="utf-8")
    if not only:
        bad.build(ROOT / "bad")
        exp = series.expected_audits()
        (ROOT / "series" / "expected_audits.json").write_text(
            json.dumps(exp, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print("wrote series/expected_audits.json")
        build_layouts.build(samples(), fix_pdf_volatile, docx_only=docx_only)


def check() -> int:
    """Rebuild every DOCX and gold file in memory and compare with the committed ones; 0 when identical.

    The layout corpus's DOCX files and manifest are compared too (corpus/build_layouts.py).
    PDF and DOC files are not rebuilt (LibreOffice output depends on its version and fonts),
    and gold ``page`` values (looked up in the rendered PDFs at build time) are not compared.
    """
    def no_pages(text: str):
        d = json.loads(text)
        d["views"] = {v: [{k: x for k, x in r.items() if k != "page"} for r in rows] for v, rows in d["views"].items()}
        return d

    bad_files = []
    for s in samples():
        w, gold = s["build"]()
        with tempfile.TemporaryDirectory() as td:
            p = Path(td) / "x.docx"
            data = save_deterministic(w.doc, p)
        committed = ROOT / s["files"]["docx"]
        if not committed.exists() or committed.read_bytes() != data:
            bad_files.append(s["files"]["docx"])
        for fmt, rel in s["files"].items():
            g = ROOT / (rel + ".gold.json")
            if not g.exists() or no_pages(g.read_text(encoding="utf-8")) != no_pages(gold_text(gold, rel, False)):
                bad_files.append(rel + ".gold.json")
    exp = json.dumps(series.expected_audits(), indent=1, ensure_ascii=False) + "\n"
    if (ROOT / "series" / "expected_audits.json").read_text(encoding="utf-8") != exp:
        bad_files.append("series/expected_audits.json")
    bad_files += build_layouts.check(samples())
    for f in bad_files:
        print("differs:", f)
    return 1 if bad_files else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="regenerate DOCX in memory and compare with corpus/")
    ap.add_argument("--docx-only", action="store_true", help="skip LibreOffice (PDF/DOC not rebuilt)")
    ap.add_argument("--only", help="build only samples whose slug contains this")
    ap.add_argument("--layouts", nargs="?", const="", default=None, metavar="LAYOUT",
                    help="build only the layout corpus under corpus/layouts (or one layout of it)")
    a = ap.parse_args(argv)
    if a.check:
        return check()
    if a.layouts is not None:
        build_layouts.build(samples(), fix_pdf_volatile, only_layout=a.layouts or None, docx_only=a.docx_only)
        return 0
    build_all(docx_only=a.docx_only, only=a.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
