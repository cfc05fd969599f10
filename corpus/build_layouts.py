"""Build the layout corpus: every sample pack in every layout of :mod:`corpus.layout_variants`, plus scans.

Called by ``corpus/build.py --layouts`` (and by a full build). Writes, under
``corpus/layouts/``:

* ``<layout>/<slug>-<layout>.docx`` and ``.pdf`` for every pack, and ``.doc``
  for the packs in :data:`DOC_PACKS`;
* ``scanned/<slug>-scanned.pdf``: image-only scans (:mod:`corpus.scans`) of
  the packs in :data:`SCANNED_PACKS`, made from their ``grid`` PDF;
* ``layouts.json``: the manifest read by ``boardpack eval corpus/layouts
  --by-layout``: each layout's description, and for each file its layout,
  pack, format and the gold it is judged against.

No gold file sits beside a layout file: a layout changes how the papers look,
not what they say, so each file is judged against its pack's DOCX gold in
``corpus/`` (no ``page`` values there; pages are not judged per layout). That
also keeps the layouts out of ``boardpack eval corpus/``, which judges only
files with a ``.gold.json`` beside them.

File names carry the layout (``cdrp-2011-04-26-borderless.pdf``) so that two
layouts of a pack never share a name in one store and tests that look a pack
up by its file name under ``corpus/`` find the original.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Callable

from corpus import scans
from corpus.layout_variants import LAYOUTS, apply_layout
from corpus.render_docx import save_deterministic

ROOT = Path(__file__).resolve().parent
LAYOUT_ROOT = ROOT / "layouts"
MANIFEST = "layouts.json"
#: packs also rendered as legacy .doc in every layout
DOC_PACKS = ("cdrp-2011-04-26", "cdrp-2017-02-23")
#: packs scanned: the Q2 2009/10 pack holds a summons, an agenda, a set of minutes and an action plan
SCANNED_PACKS = {"cdrp-2009-10-26": {"dpi": 200, "seed": 9}}
SCANNED = "scanned"
SCANNED_DESCRIPTION = ("image-only PDF: the grid PDF rasterised at 200 dpi in greyscale, each page turned "
                       "0.15-0.7 degree, noise and specks, JPEG pages (no text layer)")
SOFFICE_TIMEOUT = 600


def rel_name(slug: str, layout: str, fmt: str) -> str:
    """Path of one layout file relative to ``corpus/layouts``."""
    return f"{layout}/{slug}-{layout}.{fmt}"


def convert_many(srcs: list[Path], fmt: str, outdir: Path) -> None:
    """Convert several files in one LibreOffice run (one start-up instead of one per file)."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise SystemExit("soffice not found: install LibreOffice (apt-get install libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory(prefix="bp-lo-") as prof:
        cmd = [exe, f"-env:UserInstallation=file://{prof}", "--headless", "--norestore",
               "--convert-to", fmt, "--outdir", str(outdir), *map(str, srcs)]
        subprocess.run(cmd, check=True, timeout=SOFFICE_TIMEOUT, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, env={**os.environ, "TZ": "UTC"})


def manifest(samples: list[dict]) -> dict:
    """The manifest of the layout corpus for ``samples`` (build.py's sample list)."""
    files = []
    for layout in LAYOUTS:
        for s in samples:
            for fmt in ("docx", "pdf", "doc"):
                if fmt == "doc" and s["slug"] not in DOC_PACKS:
                    continue
                files.append({"path": rel_name(s["slug"], layout, fmt), "layout": layout, "pack": s["slug"],
                              "format": fmt, "gold": "../" + s["files"]["docx"] + ".gold.json"})
    for s in samples:
        if s["slug"] in SCANNED_PACKS:
            files.append({"path": rel_name(s["slug"], SCANNED, "pdf"), "layout": SCANNED, "pack": s["slug"],
                          "format": "pdf", "gold": "../" + s["files"]["docx"] + ".gold.json"})
    return {
        "about": "The sample packs in several layouts (corpus/layout_variants.py, corpus/build_layouts.py). "
                 "Every file is judged against its pack's DOCX gold; pages are not judged.",
        "layouts": {**{k: v[0] for k, v in LAYOUTS.items()}, SCANNED: SCANNED_DESCRIPTION},
        "files": files,
    }


def build(samples: list[dict], fix_pdf: Callable[[bytes], bytes], only_layout: str | None = None,
          docx_only: bool = False) -> None:
    """Write every layout of every sample, the scans and the manifest under ``corpus/layouts``."""
    LAYOUT_ROOT.mkdir(exist_ok=True)
    for layout in LAYOUTS:
        if only_layout and layout != only_layout:
            continue
        with tempfile.TemporaryDirectory(prefix="bp-layout-") as td:
            td = Path(td)
            docx_paths = []
            for s in samples:
                w, _gold = s["build"]()
                apply_layout(w.doc, layout)
                target = LAYOUT_ROOT / rel_name(s["slug"], layout, "docx")
                save_deterministic(w.doc, target)
                docx_paths.append(shutil.copy(target, td / target.name))
                print("wrote", target.relative_to(ROOT))
            if docx_only:
                continue
            convert_many(docx_paths, "pdf:writer_pdf_Export", td / "pdf")
            doc_srcs = [p for p in docx_paths if any(Path(p).name.startswith(slug) for slug in DOC_PACKS)]
            convert_many(doc_srcs, "doc:MS Word 97", td / "doc")
            for s in samples:
                pdf = td / "pdf" / Path(rel_name(s["slug"], layout, "pdf")).name
                (LAYOUT_ROOT / rel_name(s["slug"], layout, "pdf")).write_bytes(fix_pdf(pdf.read_bytes()))
                print("wrote", rel_name(s["slug"], layout, "pdf"))
                if s["slug"] in DOC_PACKS:
                    doc = td / "doc" / Path(rel_name(s["slug"], layout, "doc")).name
                    (LAYOUT_ROOT / rel_name(s["slug"], layout, "doc")).write_bytes(doc.read_bytes())
                    print("wrote", rel_name(s["slug"], layout, "doc"))
    if not docx_only and only_layout in (None, SCANNED, "grid"):
        for slug, opts in SCANNED_PACKS.items():
            src = LAYOUT_ROOT / rel_name(slug, "grid", "pdf")
            dst = LAYOUT_ROOT / rel_name(slug, SCANNED, "pdf")
            n = scans.scan_pdf(src, dst, dpi=opts["dpi"], seed=opts["seed"])
            print("wrote", dst.relative_to(ROOT), f"({n} scanned pages)")
    (LAYOUT_ROOT / MANIFEST).write_text(json.dumps(manifest(samples), indent=1) + "\n", encoding="utf-8")
    print("wrote", (LAYOUT_ROOT / MANIFEST).relative_to(ROOT))


def check(samples: list[dict]) -> list[str]:
    """Layout files (relative to corpus/) whose DOCX or manifest a rebuild in memory would change.

    PDF, DOC and scans are not compared (LibreOffice and pypdfium2 output depend on their versions).
    """
    differs = []
    with tempfile.TemporaryDirectory() as td:
        for layout in LAYOUTS:
            for s in samples:
                w, _gold = s["build"]()
                apply_layout(w.doc, layout)
                rel = rel_name(s["slug"], layout, "docx")
                data = save_deterministic(w.doc, Path(td) / "x.docx")
                committed = LAYOUT_ROOT / rel
                if not committed.exists() or committed.read_bytes() != data:
                    differs.append("layouts/" + rel)
    text = json.dumps(manifest(samples), indent=1) + "\n"
    path = LAYOUT_ROOT / MANIFEST
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        differs.append("layouts/" + MANIFEST)
    return differs
