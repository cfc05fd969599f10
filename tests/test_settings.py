"""One settings object: a dict or a TOML file in, typed errors out, every
stage reading its own section (linking and OCR included), vocabulary that a
user's file extends, and the CLI's ``settings`` command and ``--settings``."""

from __future__ import annotations

import json
import pickle
import sqlite3
import tomllib

import pytest
from click.testing import CliRunner

from boardpack.cli import cli
from boardpack.core.errors import SettingsError
from boardpack.core.model import Paper
from boardpack.core.settings import DEFAULT, STATUS_WORDS, Settings
from boardpack.extractors.action_plans import extract_plans
from boardpack.extractors.base import ExtractContext
from boardpack.ingest import ocr
from boardpack.pipeline import segment  # marks the document, then segments it
from boardpack.store import linking

from report_views_helper import document, heading, para, row, table


def _toml(tmp_path, text: str, name: str = "settings.toml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# -- in: keywords, a dict, a TOML file ----------------------------------------------

def test_nested_dict_flat_names_and_keywords_agree():
    nested = Settings.from_dict({"limits": {"file_timeout": 5}, "ocr": {"enabled": False, "dpi": 300}})
    flat = Settings.from_dict({"file_timeout": 5, "ocr": False, "ocr_dpi": 300})
    assert nested == flat == Settings(file_timeout=5, ocr=False, ocr_dpi=300)
    assert nested.limits.file_timeout == 5 and nested.ocr.dpi == 300 and not nested.ocr.enabled
    assert nested.file_timeout == 5 and nested.ocr_dpi == 300  # the flat names still read
    assert nested != DEFAULT and Settings.from_dict(None) == Settings.from_dict({}) == DEFAULT


def test_toml_file_in(tmp_path):
    f = _toml(tmp_path, "[link]\naction_link_threshold = 80\n[segment]\nconfidence = [0.1, 0.5, 0.7, 0.9]\n")
    s = Settings.from_toml(f)
    assert s.link.action_link_threshold == 80 and s.segment.confidence == (0.1, 0.5, 0.7, 0.9)
    assert s.link.plan_title_threshold == DEFAULT.link.plan_title_threshold  # the rest stays default
    hash(s)  # an array from TOML does not make the settings unhashable


def test_printed_settings_read_back_to_the_same_settings(tmp_path):
    s = Settings.from_dict({"link": {"duplicate_jaccard": 0.7}, "vocabulary": {"status_words": {"Parked": "on hold"}}})
    assert Settings.from_dict(tomllib.loads(s.to_toml())) == s
    assert Settings.from_dict(json.loads(json.dumps(s.to_dict()))) == s
    assert Settings.from_toml(_toml(tmp_path, DEFAULT.to_toml())) == DEFAULT


def test_settings_travel_to_worker_processes():
    s = Settings(status_words={"parked": "on hold"}, file_timeout=2)
    assert pickle.loads(pickle.dumps(s)) == s


# -- typed errors out ------------------------------------------------------------------

@pytest.mark.parametrize("given, key", [
    ({"link": {"action_link_threshold": 120}}, "link.action_link_threshold"),
    ({"link": {"duplicate_jaccard": "high"}}, "link.duplicate_jaccard"),
    ({"link": {"duplicate_jaccard": float("nan")}}, "link.duplicate_jaccard"),
    ({"limits": {"file_timeout": float("inf")}}, "limits.file_timeout"),
    ({"ocr": {"dpi": 200.5}}, "ocr.dpi"),
    ({"ocr": {"enabled": "yes"}}, "ocr.enabled"),
    ({"ocr": {"language": "eng; rm"}}, "ocr.language"),
    ({"limits": {"max_pages": True}}, "limits.max_pages"),
    ({"segment": {"confidence": [0.3, 0.5]}}, "segment.confidence"),
    ({"max_pages": 0}, "limits.max_pages"),
    ({"vocabulary": {"status_words": {"parked": 3}}}, "vocabulary.status_words"),
    ({"vocabulary": {"replace": ["months"]}}, "vocabulary.replace"),
    ({"link": 5}, "link"),
])
def test_bad_value_is_a_settings_error_naming_the_key(given, key):
    with pytest.raises(SettingsError, match=key.replace(".", r"\.")) as e:
        Settings.from_dict(given)
    assert e.value.key == key and e.value.stage == "settings"


@pytest.mark.parametrize("given, key", [
    ({"thresholds": {"x": 1}}, "thresholds"),
    ({"link": {"action_threshold": 80}}, "link.action_threshold"),
    ({"vocabulary": {"month_names": {"x": "y"}}}, "vocabulary.month_names"),
])
def test_unknown_key_is_named(given, key):
    with pytest.raises(SettingsError, match="no such setting") as e:
        Settings.from_dict(given)
    assert e.value.key == key


def test_bad_file_error_names_the_file_and_the_key(tmp_path):
    f = _toml(tmp_path, "[ocr]\ndpi = 9000\n")
    with pytest.raises(SettingsError) as e:
        Settings.from_toml(f)
    assert e.value.path == str(f) and e.value.key == "ocr.dpi"
    assert e.value.one_line().startswith(f"{f}: setting ocr.dpi: 9000 must be")
    with pytest.raises(SettingsError, match="not a TOML settings file"):
        Settings.from_toml(_toml(tmp_path, "[ocr\n", "broken.toml"))
    with pytest.raises(SettingsError, match="cannot read"):
        Settings.from_toml(tmp_path / "absent.toml")


# -- vocabulary: a user's file extends it ---------------------------------------------

def _log_statuses(settings: Settings) -> dict:
    doc = document([heading("Board Action Log as of 3 March 2014"),
                    table(row("Ref", "Action", "Owner", "Status", header=True),
                          row("A1", "Draft the data strategy", "JB", "Parked"),
                          row("A2", "Publish the register", "KL", "Done"))])
    papers = [Paper("action_plan", "", 0, len(doc.blocks) - 1)]
    ctx = ExtractContext(doc, papers, settings=settings)
    return {u["ref"]: u["status"] for u in extract_plans(ctx).rows["plan_updates"]}


def test_status_word_from_a_users_file_is_recognised_in_an_action_log(tmp_path):
    assert _log_statuses(DEFAULT) == {"A1": "parked", "A2": "complete"}  # as printed
    user = Settings.from_toml(_toml(tmp_path, '[vocabulary.status_words]\n"Parked" = "On hold"\n'))
    assert _log_statuses(user) == {"A1": "on hold", "A2": "complete"}  # extended: "Done" still known
    assert user.status_table() == {**STATUS_WORDS, "parked": "on hold"}


def test_replace_starts_the_vocabulary_from_the_users_words_only(tmp_path):
    f = _toml(tmp_path, '[vocabulary]\nreplace = ["status_words"]\n[vocabulary.status_words]\nparked = "on hold"\n')
    s = Settings.from_toml(f)
    assert s.status_table() == {"parked": "on hold"}
    assert _log_statuses(s)["A2"] == "done"  # no longer a word of the table: kept as printed


def test_stats_awaited_words_from_a_users_file_reach_the_plan_updates(tmp_path):
    doc = document([heading("Board Action Log as of 3 March 2014"),
                    table(row("Ref", "Action", "Owner", "Progress", header=True),
                          row("A1", "Draft the data strategy", "JB", "Returns awaited"),
                          row("A2", "Publish the register", "KL", "Stats awaited"))])
    papers = [Paper("action_plan", "", 0, len(doc.blocks) - 1)]

    def awaited(settings):
        ctx = ExtractContext(doc, papers, settings=settings)
        return {u["ref"]: u["stats_awaited"] for u in extract_plans(ctx).rows["plan_updates"]}

    assert awaited(DEFAULT) == {"A1": 0, "A2": 1}
    user = Settings.from_toml(_toml(tmp_path, '[vocabulary]\nawaited_subjects = ["returns"]\n'))
    assert awaited(user) == {"A1": 1, "A2": 1}  # extended: "stats" still there
    assert user.vocabulary.awaited_subjects == (*DEFAULT.vocabulary.awaited_subjects, "returns")
    only = Settings(vocabulary={"replace": ["awaited_subjects"], "awaited_subjects": ["returns"]})
    assert awaited(only) == {"A1": 1, "A2": 0}
    with pytest.raises(SettingsError, match="vocabulary.awaited_subjects"):
        Settings(vocabulary={"awaited_subjects": "returns"})


def test_section_headings_from_a_users_file_open_report_sections(tmp_path):
    from boardpack.extractors.reports import ProgressReportExtractor
    from report_views_helper import bullet

    doc = document([heading("Priority Area Quarterly Progress Report: Q1 2009/10"),
                    para("Lead Officer: Insp Chris Savage"),
                    heading("Areas of Concern"),
                    bullet("Two ASBOs were breached during the quarter"),
                    heading("Wins this quarter"),
                    bullet("The youth shelter opened in March")])
    papers = [Paper("progress_report", "", 0, len(doc.blocks) - 1)]

    def items(settings):
        res = ProgressReportExtractor().extract(papers[0], ExtractContext(doc, papers, settings=settings))
        return sorted((r["section"], r["item_text"]) for r in res.rows["report_items"])

    assert ("achievement", "The youth shelter opened in March") not in items(DEFAULT)  # read as a concern
    user = Settings.from_toml(_toml(tmp_path, '[vocabulary.section_headings]\n"Wins this quarter" = "achievement"\n'))
    assert items(user) == [("achievement", "The youth shelter opened in March"),
                           ("concern", "Two ASBOs were breached during the quarter")]
    with pytest.raises(SettingsError, match="vocabulary.section_headings"):
        Settings(vocabulary={"section_headings": {"wins": "triumph"}})


# -- thresholds reach the stages --------------------------------------------------------

PERIODS = [("2009/10 Q1", "2009-04-01"), ("2009/10 Q2", "2009-07-01")]


def _update(ref, desc, period):
    label, start = period
    return {"plan_title": "Plan 2009-2012", "action_ref": ref, "ref": ref, "description": desc,
            "lead_agency": "SCDC", "period": label, "period_start": start, "progress": "x",
            "status": "on track", "stats_awaited": 0, "funding_allocated": None, "source_file": "a.pdf", "page": 1}


def test_a_changed_link_threshold_changes_linking():
    # a renumbered action reworded a little: similarity about 85
    rows = [_update("2.1", "Deliver domestic abuse awareness training to frontline staff", PERIODS[0]),
            _update("3.1", "Deliver domestic abuse training to frontline police staff", PERIODS[1])]
    assert len(linking.link_milestones(rows, DEFAULT)[2]) == 2
    loose = Settings.from_dict({"link": {"action_link_threshold": 80}})
    _, _, milestones, links = linking.link_milestones(rows, loose)
    assert len(milestones) == 1 and links[1]["method"] == "text"


def test_plan_title_threshold_reaches_plan_identity():
    rows = [_update("1", "Reduce burglary", PERIODS[0]), dict(_update("1", "Reduce burglary", PERIODS[1]),
                                                               plan_title="Plan 2009-2012 for the district")]
    assert len(linking.link_milestones(rows, DEFAULT)[0]) == 2
    assert len(linking.link_milestones(rows, Settings(link={"plan_title_threshold": 50}))[0]) == 1


def test_ingest_settings_reach_the_link_stage(tmp_path, make_docx, monkeypatch):
    """The settings given to ingest_paths are the ones linking runs with (they
    used to be dropped before the link stage)."""
    from boardpack.batch import ingest_paths

    seen = []
    real = linking.link_plans_and_milestones
    monkeypatch.setattr(linking, "link_plans_and_milestones", lambda db, settings: seen.append(settings) or real(db, settings))
    make_docx(tmp_path / "in" / "m.docx", ["Present: Ann Lee", "1. Apologies"], heading="Minutes of 3 March 2020")
    s = Settings(link={"action_link_threshold": 70})
    ingest_paths([tmp_path / "in"], db_path=tmp_path / "b.db", workers=1, settings=s)
    # the same settings, with the batch's real worker count (-w) filled in for the stages
    assert [x.link for x in seen] == [s.link] and seen[0].run.workers == 1
    assert seen[0].to_dict() == {**s.to_dict(), "run": {**s.to_dict()["run"], "workers": 1}}


def test_ocr_min_confidence_reaches_the_word_filter():
    words = [{"level": "5", "block_num": "1", "par_num": "1", "line_num": "1", "left": str(x), "top": "10",
              "width": "30", "height": "12", "conf": conf, "text": text}
             for x, conf, text in ((10, "95", "Present"), (60, "40", "Jo"), (100, "90", "Smith"))]
    assert ocr.words_to_blocks(words, 1, 1.0)[0].text == "Present Jo Smith"
    strict = Settings(ocr={"min_confidence": 50})
    assert ocr.words_to_blocks(words, 1, 1.0, strict.ocr.min_confidence)[0].text == "Present Smith"


def test_pdf_tolerances_reach_the_pdf_reader():
    """settings.pdf travels from read_pdf into the table joining and the block building."""
    from pathlib import Path

    from boardpack.ingest.pdf_reader import read_pdf

    path = Path(__file__).parent / "fixtures" / "pdf" / "table-split-across-pages.pdf"
    tables = lambda s: sum(1 for b in read_pdf(path, "0" * 64, s).blocks if b.kind == "table")  # noqa: E731
    assert tables(DEFAULT) == 1  # one table over six pages, joined
    assert tables(Settings(pdf={"table_edge_tolerance": 0})) > 1  # no edges close enough: parts stay apart


def test_list_indent_tolerance_decides_list_levels():
    from boardpack.core.model import LIST_ITEM, Block
    from boardpack.ingest.pdf_blocks import list_levels

    def levels(pdf):
        items = [Block(kind=LIST_ITEM, text=t, page=1, bbox=(x, y, 300.0, y + 10)) for t, x, y in
                 (("a", 72.0, 100.0), ("b", 78.0, 120.0), ("c", 72.0, 140.0))]
        list_levels(items, pdf)
        return [b.level for b in items]

    assert levels(DEFAULT.pdf) == [0, 1, 0]
    assert levels(Settings(pdf={"list_indent_tolerance": 8}).pdf) == [0, 0, 0]


def test_segment_confidence_comes_from_the_settings():
    doc = document([heading("Minutes of the meeting held on 3 March 2020", level=1),
                    para("Present: Ann Lee, Bo Ng"), para("1. Apologies were received from Cy Oh.")])
    default = segment(doc, DEFAULT)
    assert default[0].confidence in DEFAULT.segment.confidence
    k = DEFAULT.segment.confidence.index(default[0].confidence)
    table = [0.11, 0.22, 0.33, 0.44]
    assert segment(doc, Settings(segment={"confidence": table}))[0].confidence == table[k]


# -- the CLI ----------------------------------------------------------------------------

def _run(*args, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env or {"BOARDPACK_SETTINGS": ""})


def test_settings_command_prints_the_effective_settings(tmp_path):
    out = _run("settings")
    assert out.exit_code == 0 and Settings.from_dict(tomllib.loads(out.output)) == DEFAULT
    f = _toml(tmp_path, '[link]\naction_link_threshold = 85\n[vocabulary.status_words]\nparked = "on hold"\n')
    out = _run("settings", "--settings", f, "--json")
    got = json.loads(out.output)
    assert got["link"]["action_link_threshold"] == 85 and got["vocabulary"]["status_words"]["parked"] == "on hold"
    assert got["vocabulary"]["status_words"]["done"] == "complete"
    assert json.loads(_run("settings", "--json", env={"BOARDPACK_SETTINGS": str(f)}).output) == got


@pytest.mark.parametrize("command", [["settings"], ["ingest", "nothing-here"], ["relink"], ["eval", "."]])
def test_bad_settings_file_is_one_error_line_and_exit_2(tmp_path, command):
    f = _toml(tmp_path, "[link]\naction_link_threshold = 120\n")
    out = CliRunner().invoke(cli, command + ["--settings", str(f), "--db", str(tmp_path / "b.db")]
                                             if command[0] in ("ingest", "relink") else command + ["--settings", str(f)])
    assert out.exit_code == 2
    assert out.stderr.splitlines() == [f"error: {f}: setting link.action_link_threshold: 120 must be a number in [0, 100]"]


def _action_log_docx(path):
    import docx

    d = docx.Document()
    d.add_heading("Board Action Log as of 3 March 2014", 1)
    t = d.add_table(rows=3, cols=4)
    for r, cells in enumerate([("Ref", "Action", "Owner", "Status"), ("A1", "Draft the data strategy", "JB", "Parked"),
                               ("A2", "Publish the register", "KL", "Done")]):
        for c, text in enumerate(cells):
            t.cell(r, c).text = text
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(path))
    return path


def test_show_takes_the_settings_file(tmp_path):
    log = _action_log_docx(tmp_path / "log.docx")
    f = _toml(tmp_path, '[vocabulary.status_words]\nparked = "on hold"\n')

    def statuses(*extra):
        out = _run("show", log, "--json", *extra)
        return {u["ref"]: u["status"] for u in json.loads(out.output)["rows"]["plan_updates"]}

    assert statuses() == {"A1": "parked", "A2": "complete"}
    assert statuses("--settings", f) == {"A1": "on hold", "A2": "complete"}


def test_ingest_settings_file_extends_what_is_extracted(tmp_path):
    _action_log_docx(tmp_path / "in" / "log.docx")
    f = _toml(tmp_path, '[vocabulary.status_words]\nparked = "on hold"\n')

    def statuses(db, *extra):
        assert _run("ingest", tmp_path / "in", "--db", db, "-s", "-w", "1", *extra).exit_code == 0
        with sqlite3.connect(db) as conn:
            return dict(conn.execute("SELECT ref, status FROM v_action_updates"))

    assert statuses(tmp_path / "plain.db") == {"A1": "parked", "A2": "complete"}
    assert statuses(tmp_path / "user.db", "--settings", f) == {"A1": "on hold", "A2": "complete"}


def test_readme_example_file_and_its_printed_settings_are_current():
    """The README's Settings section shows a real file and what `boardpack
    settings` printed for it; a new or changed setting makes this fail until
    the output is pasted again."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    printed = section.split("$ boardpack settings --settings boardpack.toml\n", 1)[1].split("```", 1)[0]
    s = Settings.from_dict(tomllib.loads(example))
    assert s.status_table()["parked"] == "on hold" and s.link.action_link_threshold == 85
    assert printed == s.to_toml(), ("README's Settings section is stale: paste the output of "
                                    "`boardpack settings --settings FILE` (FILE: the example above it) again")
