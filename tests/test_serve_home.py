"""`boardpack serve` for people who do not write SQL (issue 12): the home page
lists the documented views and the canned audits first, with titles and
descriptions; internal tables are hidden but still answer at their URL; a
canned audit with a parameter shows a form; a source_url cell is a link.

Driven through Datasette's own test client with exactly what `serve` hands
Datasette (metadata, plugins folder, template folder). No browser."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
from pathlib import Path

import pytest

pytest.importorskip("datasette", reason="the web extra (Datasette) is not installed: pip install -e '.[web]'")

from boardpack.batch import ingest_paths  # noqa: E402
from boardpack.serve import datasette_command  # noqa: E402
from boardpack.serve_plugin import source_link  # noqa: E402
from boardpack.store.views_doc import TITLES, VIEWS  # noqa: E402

SERIES = Path(__file__).resolve().parent.parent / "corpus" / "series" / "docx"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The pages the tests read, fetched once from one Datasette."""
    if not any(SERIES.glob("*.docx")):
        pytest.skip(f"corpus series {SERIES} not generated (run `make corpus`)")
    from datasette.app import Datasette

    db = tmp_path_factory.mktemp("home") / "store.db"
    summary = ingest_paths([SERIES], db, workers=1)
    assert summary.failed == 0, summary.errors
    cmd, meta = datasette_command(db)
    ds = Datasette([str(db)], metadata=json.loads(meta.read_text()), plugins_dir=str(meta.parent),
                   template_dir=cmd[cmd.index("--template-dir") + 1])

    async def fetch():
        out = {}
        for key, path in {"home": "/", "database": "/store", "blocks": "/store/blocks", "blocks_json": "/store/blocks.json",
                          "audit": "/store/stats_awaited", "audit_run": "/store/stats_awaited?min_periods=2",
                          "meetings": "/store/v_meetings"}.items():
            r = await ds.client.get(path)
            out[key] = (r.status_code, r.text)
        return out

    try:
        return asyncio.run(fetch())
    finally:
        ds.get_database("store").close()
        shutil.rmtree(meta.parent)


def test_home_lists_the_views_first_with_titles_and_descriptions(pages):
    status, home = pages["home"]
    assert status == 200
    positions = [home.find(f">{TITLES[name]}</a>: {desc}".replace("'", "&#39;")) for name, (desc, _) in VIEWS.items()]
    assert all(p >= 0 for p in positions), [n for n, p in zip(VIEWS, positions) if p < 0]
    assert positions == sorted(positions)
    audits = home.find("Audit: stats awaited for N or more consecutive periods</a>")
    datasette_list = home.find('href="/store"')  # Datasette's own per-database list comes after ours
    assert max(positions) < audits < datasette_list


def test_internal_tables_are_hidden_but_still_answer(pages):
    for key in ("home", "database"):  # the database page lists every table not hidden
        status, page = pages[key]
        assert status == 200 and not re.search(r'href="/store/blocks"', page), key
    assert 'href="/store/v_meetings"' in pages["database"][1]
    status, page = pages["blocks"]
    assert status == 200
    status, body = pages["blocks_json"]
    assert status == 200 and json.loads(body)["rows"]


def test_a_canned_audit_with_a_parameter_shows_a_form(pages):
    status, page = pages["audit"]
    assert status == 200
    assert re.search(r'<form[^>]*action="/store/stats_awaited"', page), page[:2000]
    assert 'name="min_periods"' in page


def test_source_url_cells_render_as_links(pages):
    status, page = pages["audit_run"]
    assert status == 200
    # the link opens the original through serve; the cell still shows the file:// URL
    links = re.findall(r'<td class="col-source_url[^"]*"><a href="(/-/original/store/[0-9a-f]{64}/[^"]+)">file://', page)
    assert links and all("#page=" in u or u.endswith((".docx", ".doc")) for u in links), page[-3000:]
    status, page = pages["meetings"]
    assert re.search(r'<td class="col-source_url[^"]*"><a href="/-/original/store/', page)


def test_source_link_is_for_urls_only_and_escapes_them():
    assert source_link("file:///a/b c.pdf#page=3") == '<a href="file:///a/b c.pdf#page=3">file:///a/b c.pdf#page=3</a>'
    assert source_link("file:///a/b.pdf#page=3", "/-/original/s/ab/b.pdf#page=3") == \
        '<a href="/-/original/s/ab/b.pdf#page=3">file:///a/b.pdf#page=3</a>'
    assert source_link('https://x/"><script>') == ('<a href="https://x/&quot;&gt;&lt;script&gt;">'
                                                  'https://x/&quot;&gt;&lt;script&gt;</a>')
    assert source_link("Agenda.pdf") is None and source_link(3) is None
