"""`boardpack serve` serves the ingested originals read-only (issue 12): only
files recorded in `files`, looked up by the hash of their bytes (nothing of
the request reaches the file system), from the recorded path; a moved or
changed original gives a clear page, not a server error. source_url cells
link there at the row's page.

Driven through Datasette's own test client with what `serve` hands it, over
copies of two corpus papers (the test moves and edits its own copies)."""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

pytest.importorskip("datasette", reason="the web extra (Datasette) is not installed: pip install -e '.[web]'")

from boardpack.batch import ingest_paths  # noqa: E402
from boardpack.serve import datasette_command  # noqa: E402

SERIES = Path(__file__).resolve().parent.parent / "corpus" / "series"


@pytest.fixture()
def served(tmp_path):
    pdfs, docxs = sorted((SERIES / "pdf").glob("*.pdf")), sorted((SERIES / "docx").glob("*.docx"))
    if not pdfs or not docxs:
        pytest.skip(f"corpus series {SERIES} not generated (run `make corpus`)")
    from datasette.app import Datasette

    packs = tmp_path / "packs"
    packs.mkdir()
    pdf, docx = shutil.copy(pdfs[0], packs / "pack one.pdf"), shutil.copy(docxs[0], packs / "pack.docx")
    db = tmp_path / "store.db"
    summary = ingest_paths([packs], db, workers=1)
    assert summary.failed == 0, summary.errors
    cmd, meta = datasette_command(db)
    ds = Datasette([str(db)], metadata=json.loads(meta.read_text()), plugins_dir=str(meta.parent),
                   template_dir=cmd[cmd.index("--template-dir") + 1])

    def get(path):
        async def fetch():
            return await ds.client.get(path)
        return asyncio.run(fetch())

    yield get, Path(pdf), Path(docx)
    ds.get_database("store").close()
    shutil.rmtree(meta.parent)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_source_links_open_the_original_at_its_page(served):
    get, pdf, docx = served
    page = get("/store/v_meetings").text
    links = re.findall(r'<td class="col-source_url[^"]*"><a href="([^"]+)">(file://[^<]+)</a>', page)
    assert links, page[-2000:]
    for href, file_url in links:
        target = pdf if "pack%20one.pdf" in file_url else docx
        assert href.startswith(f"/-/original/store/{sha(target)}/")
        if target is pdf:
            assert href.endswith("/pack%20one.pdf#" + file_url.split("#")[1]) and "#page=" in href
        else:  # Word files: the rendering of what was read, at the row's page
            assert re.search(r"/pack\.docx#page=\d+$", href), href
    pdf_href = next(h for h, u in links if "pack%20one.pdf" in u)
    r = get(pdf_href.split("#")[0])
    assert r.status_code == 200 and r.content == pdf.read_bytes()


def test_pdf_and_word_are_sent_with_their_types(served):
    get, pdf, docx = served
    r = get(f"/-/original/store/{sha(pdf)}/anything.pdf")
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    assert r.content == pdf.read_bytes()
    r = get(f"/-/original/store/{sha(docx)}?download=1")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert r.content == docx.read_bytes()


def test_a_word_original_opens_as_its_text_with_an_anchor_per_page(served):
    """A browser has no Word viewer: the served page is the text read from the
    file, each page opened by an element whose id is the fragment a
    source_url names, with a link to the original bytes."""
    get, pdf, docx = served
    r = get(f"/-/original/store/{sha(docx)}/pack.docx")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    pages = [int(n) for n in re.findall(r"id='page=(\d+)'", r.text)]
    assert pages and pages == sorted(pages) and pages[0] == 1 and len(pages) > 3
    assert f"/-/original/store/{sha(docx)}/pack.docx?download=1" in r.text
    assert "Rolling Plan" in r.text or "Action Plan" in r.text  # the words of the paper, escaped HTML
    assert "<table>" in r.text


def test_only_recorded_files_are_served(served, tmp_path):
    get, pdf, docx = served
    unrecorded = tmp_path / "secret.pdf"
    unrecorded.write_bytes(b"%PDF-1.4 not ingested")
    assert get(f"/-/original/store/{sha(unrecorded)}/secret.pdf").status_code == 404
    # a path in the request is never a path on disk: the file comes from the hash, the name is a label
    r = get(f"/-/original/store/{sha(pdf)}/..%2F..%2F..%2Fetc%2Fpasswd")
    assert r.status_code == 200 and r.content == pdf.read_bytes()


def test_a_moved_or_changed_original_gives_a_clear_page(served):
    get, pdf, docx = served
    digest = sha(pdf)
    pdf.rename(pdf.with_name("moved.pdf"))
    r = get(f"/-/original/store/{digest}/pack%20one.pdf")
    assert r.status_code == 404 and "Original not available" in r.text and "not found" in r.text
    assert "pack one.pdf" in r.text
    digest = sha(docx)
    docx.write_bytes(b"other bytes")
    r = get(f"/-/original/store/{digest}/pack.docx")
    assert r.status_code == 404 and "changed since it was ingested" in r.text
