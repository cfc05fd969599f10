"""`boardpack serve` pages of their own (issue 12): a milestone's timeline and a
person's record, with statuses and attendance as coloured labels, each
linking to the page it was read from (through the served original); the
id cells of the views and of the two finder queries link to them; an id a
merge retired redirects to the person it became.

Driven through Datasette's own test client with what `serve` hands it."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

pytest.importorskip("datasette", reason="the web extra (Datasette) is not installed: pip install -e '.[web]'")

from boardpack.batch import ingest_paths  # noqa: E402
from boardpack.serve import datasette_command  # noqa: E402
from boardpack.serve_pages import label_class  # noqa: E402

SERIES = Path(__file__).resolve().parent.parent / "corpus" / "series" / "pdf"
RETIRED = "f" * 16  # an id no person has: recorded below as merged into a real one


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not any(SERIES.glob("*.pdf")):
        pytest.skip(f"corpus series {SERIES} not generated (run `make corpus`)")
    from datasette.app import Datasette

    db = tmp_path_factory.mktemp("pages") / "store.db"
    summary = ingest_paths([SERIES], db, workers=1)
    assert summary.failed == 0, summary.errors
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    person = conn.execute("SELECT person_id FROM v_attendance WHERE person_id IS NOT NULL "
                          "GROUP BY person_id ORDER BY count(*) DESC, person_id LIMIT 1").fetchone()[0]
    with conn:
        conn.execute("INSERT INTO person_aliases (alias_id, person_id, variants) VALUES (?, ?, '[]')",
                     (RETIRED, person))
    cmd, meta = datasette_command(db)
    ds = Datasette([str(db)], metadata=json.loads(meta.read_text()), plugins_dir=str(meta.parent),
                   template_dir=cmd[cmd.index("--template-dir") + 1])

    def get(path):
        async def fetch():
            return await ds.client.get(path)
        return asyncio.run(fetch())

    yield get, conn, person
    conn.close()
    ds.get_database("store").close()
    shutil.rmtree(meta.parent)


def test_label_classes():
    assert label_class("not on track") == "bp-label bp-not-on-track"
    assert label_class("Apologies") == "bp-label bp-apologies"
    assert label_class(None) == "bp-label bp-none"


def test_milestone_page_shows_each_period_as_a_label_linking_to_its_page(site):
    get, conn, _ = site
    key = conn.execute("SELECT milestone_id FROM v_milestone_periods GROUP BY milestone_id "
                       "HAVING count(DISTINCT status) > 1 ORDER BY count(*) DESC, milestone_id LIMIT 1").fetchone()[0]
    periods = conn.execute("SELECT period, status, page, source_file FROM v_milestone_periods "
                           "WHERE milestone_id = ? ORDER BY ordinal", (key,)).fetchall()
    r = get(f"/-/milestone/store/{key}")
    assert r.status_code == 200
    items = re.findall(r'<li><a class="bp-period" href="([^"]*)"[^>]*>\s*<span class="bp-period-name">([^<]*)</span>'
                       r'\s*<span class="([^"]*)">([^<]*)</span>', r.text)
    assert [(period, label, status) for _, period, label, status in items] == \
        [(p["period"], label_class(p["status"]), p["status"]) for p in periods]
    for (href, *_), p in zip(items, periods):
        assert re.fullmatch(r"/-/original/store/[0-9a-f]{64}/" + re.escape(p["source_file"]) + f"#page={p['page']}", href)
    assert get(href.split("#")[0]).status_code == 200


def test_view_cells_link_to_the_pages(site):
    get, conn, person = site
    page = get("/store/v_milestone_periods").text
    assert re.search(r'<td class="col-ref[^"]*"><a href="/-/milestone/store/[0-9a-f]+">', page)
    page = get("/store/v_attendance").text
    assert f'<a href="/-/person/store/{person}">' in page
    page = get("/store/find_milestone?ref=" + conn.execute(
        "SELECT ref FROM v_milestone_periods ORDER BY ref LIMIT 1").fetchone()[0]).text
    assert re.search(r'<td class="col-milestone_id[^"]*"><a href="/-/milestone/store/[0-9a-f]+">', page)
    name = conn.execute("SELECT name FROM v_people WHERE person_id = ?", (person,)).fetchone()[0]
    page = get("/store/find_person?name=" + name.split()[-1]).text
    assert f'<a href="/-/person/store/{person}">' in page
    home = get("/").text
    assert "Find a milestone&#39;s timeline" in home and "Find a person&#39;s record" in home


def test_person_page_shows_attendance_as_labels_with_sources(site):
    get, conn, person = site
    rows = conn.execute("SELECT meeting_date, attendance, page, source_file FROM v_attendance "
                        "WHERE person_id = ? ORDER BY meeting_date, page", (person,)).fetchall()
    r = get(f"/-/person/store/{person}")
    assert r.status_code == 200
    name = conn.execute("SELECT name FROM v_people WHERE person_id = ?", (person,)).fetchone()[0]
    assert f"<h1>{name}</h1>" in r.text
    items = re.findall(r'<li><a class="bp-period" href="([^"]*)"[^>]*>\s*<span class="bp-period-name">([^<]*)</span>'
                       r'\s*<span class="([^"]*)">([^<]*)</span>', r.text)
    assert [(d, label) for _, d, label, _ in items] == \
        [(a["meeting_date"] or "undated", label_class(a["attendance"])) for a in rows]
    assert all(href.endswith(f"/{a['source_file']}#page={a['page']}") for (href, *_), a in zip(items, rows))
    assert "Every mention" in r.text and 'class="bp-source"' in r.text


def test_retired_id_redirects_and_unknown_ids_are_404(site):
    get, _, person = site
    r = get(f"/-/person/store/{RETIRED}")
    assert r.status_code == 302 and r.headers["location"] == f"/-/person/store/{person}"
    assert get("/-/person/store/0123456789abcdef").status_code == 404
    r = get("/-/milestone/store/0123456789abcdef")
    assert r.status_code == 404 and "No milestone" in r.text


def test_search_box_on_home_and_hits_link_their_page(site):
    get, conn, _ = site
    assert re.search(r'<form class="boardpack-search" action="/store/search"', get("/").text)
    page = get("/store/search?q=graffiti").text
    hits = re.findall(r'<td class="col-source_file">([^<]*)</td>\s*<td class="col-page[^"]*">(\d+)</td>\s*'
                      r'<td class="col-snippet">([^<]*)</td>\s*<td class="col-source_url[^"]*"><a href="([^"]*)">', page)
    assert hits, page[-2000:]
    for source_file, number, snippet, href in hits:
        assert "[graffiti]" in snippet.lower()
        assert href.endswith(f"/{source_file}#page={number}") and href.startswith("/-/original/store/")
    # what was typed is one phrase, never FTS syntax: a stray quote or operator is no error
    assert get('/store/search?q=graffiti" OR NEAR(').status_code == 200
