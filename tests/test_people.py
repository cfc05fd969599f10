"""People and organisations: seeded from attendance, found in actions, leads and reports."""

from __future__ import annotations

import pytest

from boardpack.extractors.base import WHOLE_DOCUMENT, ExtractContext
from boardpack.extractors.people import PeopleExtractor
from boardpack.core.model import ACTION_PLAN, HEADING, MINUTES, PARAGRAPH, PROGRESS_REPORT, TABLE, Block, Cell, Document, Paper, Row
from boardpack.core.names import build_person_clusters
from boardpack.extractors.nlp import build_nlp, canonical_org, clean_org_span, find_entities

SHA = "e" * 64


def run(blocks, papers, seed_rows=None):
    doc = Document(path="/x/pack.docx", sha256=SHA, format="docx", blocks=list(blocks))
    doc.renumber()
    ps = [Paper(paper_type=t, title="", start=s, end=e) for t, s, e in papers]
    ctx = ExtractContext(doc, ps)
    for table, rows in (seed_rows or {}).items():
        for r in rows:
            ctx.results.add(table, r)
    return PeopleExtractor().extract(Paper(paper_type=WHOLE_DOCUMENT, title="", start=0, end=len(doc.blocks) - 1), ctx)


def mentions(res):
    return {(m["canonical"], m["context_kind"]): m for m in res.rows.get("people_mentions", [])}


def test_registered_as_whole_document_extractor_after_paper_extractors():
    assert PeopleExtractor.paper_types == (WHOLE_DOCUMENT,)
    assert PeopleExtractor.order > 60


def test_people_in_minutes_actions_leads_and_reports():
    blocks = [
        Block(kind=HEADING, text="Minutes"),
        Block(kind=PARAGRAPH, text="ACTION: Paul Clarke and Mark Freeman to discuss outside of the meeting"),
        Block(kind=PARAGRAPH, text="Nicky Phillipson reported that Yinka Ogunsuyi (SCDC) had met Cllr John Reynolds (Chairman)."),
        Block(kind=PARAGRAPH, text="Lead Officer: Insp Chris Savage"),
        Block(kind=PARAGRAPH, text="Work with Police District Community Safety officer (Rachel Carr) to support a resident."),
        Block(kind=TABLE, rows=[
            Row(cells=[Cell(text="Action"), Cell(text="Lead CDRP agency")], is_header=True),
            Row(cells=[Cell(text="1.6 Make use of licensing powers"), Cell(text="SCDC Licensing – Myles Bebbington")]),
            Row(cells=[Cell(text="2.1 PPO scheme"), Cell(text="Police/Probation – Jenny Jolley")]),
        ]),
    ]
    seeds = {"attendance": [
        {"person": "Nicky Philipson", "person_raw": "Nicky Philipson", "role": "SCDC", "attendance": "present", "page": 1, "block_index": 0},
        {"person": "Yinka Ogunsuyi", "person_raw": "Yinka Ogunsuyi", "role": "Housing Officer", "attendance": "present", "page": 1, "block_index": 0},
    ]}
    res = run(blocks, [(MINUTES, 0, 2), (PROGRESS_REPORT, 3, 4), (ACTION_PLAN, 5, 5)], seeds)
    m = mentions(res)
    assert m[("Nicky Philipson", "attendance")]["organisation"] == "South Cambridgeshire District Council"
    assert m[("Yinka Ogunsuyi", "attendance")]["role"] == "Housing Officer"
    assert ("Paul Clarke", "action") in m and ("Mark Freeman", "action") in m
    # a seeded name found again in running text, with the agency in brackets after it
    assert m[("Yinka Ogunsuyi", "minutes")]["organisation"] == "South Cambridgeshire District Council"
    reynolds = m[("John Reynolds", "minutes")]
    assert (reynolds["title"], reynolds["role"], reynolds["raw"]) == ("Cllr", "Chairman", "Cllr John Reynolds")
    assert m[("Chris Savage", "lead")]["title"] == "Insp"
    assert ("Rachel Carr", "report") in m
    assert m[("Myles Bebbington", "lead")]["organisation"] == "SCDC Licensing"
    assert m[("Jenny Jolley", "lead")]["organisation"] == "Probation Service"
    # nothing that is not a person
    assert not [k for k in m if k[0] in ("Police District", "District Community Safety", "Lead Officer")]
    orgs = {o["canonical"] for o in res.rows["org_mentions"]}
    assert {"South Cambridgeshire District Council", "SCDC Licensing", "Probation Service"} <= orgs
    # spellings of one person cluster into one
    people = {p.name: p for p in build_person_clusters(res.rows["people_mentions"])}
    nicky = [p for p in people.values() if "Nicky Philipson" in p.variants][0]
    assert set(nicky.variants) == {"Nicky Philipson", "Nicky Phillipson"}


def test_names_wrapped_over_lines_and_structured_rows():
    blocks = [Block(kind=PARAGRAPH, text="The workshop was hosted by Philip Aldis, Chris Savage and Gareth\nJones.")]
    seeds = {
        "minute_actions": [{"owners": "Paul Clarke; Mark Freeman", "action_text": "discuss", "page": 2, "block_index": 0}],
        "agenda_items": [{"presenter": "Mike Hill", "title": "Budget", "page": 1, "block_index": 0}],
        "progress_reports": [{"lead_officer": "Ch Insp. Dave Sargent", "page": 3, "block_index": 0}],
        "meetings": [{"contact_officer": "Patrick Adams", "addressees": '["Cllr Mrs S Ellington", "Mr R C Love, OBE"]', "page": 1, "block_index": 0}],
    }
    m = mentions(run(blocks, [(MINUTES, 0, 0)], seeds))
    assert ("Gareth Jones", "minutes") in m
    assert ("Paul Clarke", "action") in m and ("Mike Hill", "presenter") in m
    assert m[("Dave Sargent", "lead")]["title"] == "Ch Insp"
    assert ("Patrick Adams", "contact") in m
    assert m[("R C Love", "addressee")]["honours"] == "OBE"
    assert ("S Ellington", "addressee") in m


@pytest.mark.parametrize(
    "text,canon",
    [("CF&RS", "Cambridgeshire Fire and Rescue Service"), ("CFRS", "Cambridgeshire Fire and Rescue Service"), ("YOT", "Youth Offending Service"),
     ("YOS", "Youth Offending Service"), ("OPCC", "Office of the Police and Crime Commissioner"), ("PCC", "Police and Crime Commissioner"),
     ("DAAT", "Drug and Alcohol Action Team"), ("SCDC", "South Cambridgeshire District Council"), ("CCC", "Cambridgeshire County Council")],
)
def test_agency_gazetteer(text, canon):
    assert canonical_org(text)[0] == canon
    ents = find_entities(build_nlp(), f"Working with {text} on this.")
    assert [e.text for e in ents if e.label == "ORG"] == [text]


def test_org_shapes_trimmed():
    assert clean_org_span("Through the CSE Task & Finish Group") == "CSE Task & Finish Group"
    assert clean_org_span("The Board") is None
    assert clean_org_span("Board Members of the CDRP Board") == "CDRP Board"


def test_no_model_is_downloaded():
    import spacy

    from boardpack.extractors import nlp

    # a trained model is used only if installed; otherwise the ruler alone runs
    assert nlp.has_model() == any(spacy.util.is_package(n) for n in ("en_core_web_sm", "en_core_web_md", "en_core_web_lg"))


def test_corpus_minutes_people(parsed, corpus_dir):
    path = corpus_dir / "docx" / "cdrp-2017-02-23.docx"
    if not path.exists():
        pytest.skip("corpus sample not generated")
    res = parsed(path).result
    ms = res.rows.get("people_mentions", [])
    att = {a["person"] for a in res.rows.get("attendance", [])}
    canon = {m["canonical"] for m in ms}
    from boardpack.core.names import canonical_name

    # everyone the minutes list as present or apologies is a person mention
    assert {canonical_name(a) for a in att} <= canon
    people = build_person_clusters(ms)
    assert all(len(p.name.split()) >= 2 for p in people)
    nicky = [p for p in people if any(v.startswith("Nicky Phil") for v in p.variants)]
    assert len(nicky) == 1


def test_kent_minutes_people(parsed, realworld_dir):
    path = realworld_dir / "kent-county-council/county-council-2025-02-13/Printed minutes 13th-Feb-2025 09.30 County Council.pdf"
    res = parsed(path).result
    ms = res.rows.get("people_mentions", [])
    assert len(ms) >= 20
    # titles are stripped from every canonical name
    assert not [m for m in ms if m["canonical"].split()[0] in ("Mr", "Mrs", "Ms", "Dr", "Cllr", "Sir")]


def test_title_and_surname_resolved_to_the_listed_person():
    blocks = [
        Block(kind=PARAGRAPH, text="(2) Mr Oakford proposed, and Mr Gough Seconded the motion. Mr Meade and Ms Meade voted for."),
    ]
    seeds = {"attendance": [
        {"person": "Mr P J Oakford", "person_raw": "Mr P J Oakford", "attendance": "present", "page": 1, "block_index": 9},
        {"person": "Mr R W Gough", "person_raw": "Mr R W Gough", "attendance": "present", "page": 1, "block_index": 9},
        {"person": "Ms J Meade", "person_raw": "Ms J Meade", "attendance": "present", "page": 1, "block_index": 9},
    ]}
    ms = [m for m in run(blocks, [(MINUTES, 0, 0)], seeds).rows["people_mentions"] if m["context_kind"] == "minutes"]
    got = {(m["raw"], m["canonical"]) for m in ms}
    assert ("Mr Gough", "R W Gough") in got and ("Mr Oakford", "P J Oakford") in got
    assert ("Ms Meade", "J Meade") in got
    assert not [m for m in ms if m["raw"] == "Mr Meade"]  # a man is not the listed Ms Meade


def test_views_after_ingest(corpus_dir, tmp_path):
    """End to end: ingest a sample, then query v_people, v_budget_amounts and v_indicator_values."""
    import sqlite3

    from boardpack.batch import ingest_paths

    path = corpus_dir / "docx" / "cdrp-2017-02-23.docx"
    if not path.exists():
        pytest.skip("corpus sample not generated")
    db = tmp_path / "t.db"
    ingest_paths([path], db, workers=1)
    conn = sqlite3.connect(db)
    people = {r[1]: r for r in conn.execute("SELECT person_id, name, variants, roles, organisations FROM v_people")}
    nicky = [r for n, r in people.items() if n.startswith("Nicky Phil")]
    assert len(nicky) == 1 and nicky[0][2] == "Nicky Philipson; Nicky Phillipson"
    assert "Cambridgeshire Constabulary" in (people["James Sutherland"][4] or "")
    n, files = conn.execute("SELECT COUNT(*), group_concat(DISTINCT source_file) FROM v_budget_amounts").fetchone()
    assert n == 21 and files == "cdrp-2017-02-23.docx"
    assert conn.execute("SELECT COUNT(*) FROM v_budget_checks WHERE status = 'ok'").fetchone()[0] == 2
    assert conn.execute("SELECT COUNT(*) FROM v_indicator_values WHERE value IS NULL AND value_raw <> ''").fetchone()[0] >= 1
