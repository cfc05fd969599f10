"""Renderers for the papers of a pack; each also records the gold rows it prints.

Every function takes a :class:`~corpus.render_docx.PackWriter`, the paper's
structured content (seeds_data / plan2009 / series / pack2017 / pack2011)
and a :class:`Gold` collector, writes the paper into the Word document and
appends, from the very same values, the rows the extractors must find.
"""

from __future__ import annotations

import re


from corpus import plan2009, series
from corpus.render_docx import PackWriter

VIEWS = {
    "v_meetings": ["committee", "meeting_date", "start_time", "venue"],
    "v_agenda_items": ["item_number", "title", "presenter", "pages"],
    "v_attendance": ["meeting_date", "person", "role", "attendance"],
    "v_minute_actions": ["meeting_date", "owners", "action_text"],
    "v_decisions": ["meeting_date", "item_number", "decision_text"],
    "v_report_items": ["priority_area", "lead_officer", "period", "section", "item_text"],
    "v_action_updates": ["plan_title", "action_ref", "ref", "description", "lead_agency", "period",
                         "period_start", "progress", "status", "stats_awaited", "funding_allocated"],
    "v_budget_amounts": ["table_title", "item", "measure", "amount", "is_total"],
    "v_indicator_values": ["table_title", "indicator", "measure", "period_label", "value"],
}


class Gold:
    """Rows per view for one sample; every view starts empty (= must extract nothing)."""

    def __init__(self):
        self.views: dict[str, list[dict]] = {v: [] for v in VIEWS}

    def add(self, view: str, **row) -> dict:
        cols = VIEWS[view]
        missing = set(cols) - set(row)
        extra = set(row) - set(cols) - {"page", "_find"}
        if missing or extra:
            raise ValueError(f"{view}: missing {missing} extra {extra}")
        out = {c: row[c] for c in cols}
        if "_find" in row:
            out["_find"] = row["_find"]  # text used to look the row's page up in the PDF; dropped on write
        self.views[view].append(out)
        return out


def norm_item_number(raw: str) -> str:
    """Agenda/minute numbers: "4 (a)" -> "4a", "6. a)" -> "6a", "7." -> "7"."""
    return re.sub(r"[^0-9a-z]", "", raw.lower())


# ---------------------------------------------------------------------------
# Cover letter / summons
# ---------------------------------------------------------------------------
def cover_letter(w: PackWriter, c: dict, gold: Gold, style: str = "2009") -> None:
    w.para(c["issue_date_raw"])
    w.para("")
    if style == "2009":
        w.para(c["addressees_intro"])
        w.para(c["addressees"])
    else:
        w.para("To: Chairman – " + c["chairman"])
        w.para(c["addressees"])
        w.para("")
        w.para(c["addressees_intro"])
    w.para("")
    w.para("Dear Sir / Madam")
    w.para(c["opening"], (c["committee_raw"], "b"), ", which will be held in the ",
           (c["venue_raw"].split(" at ")[0], "b"), " at " + c["venue_raw"].split(" at ", 1)[1] + " on ",
           (c["when_raw"], "b"))
    w.para("")
    w.para("Yours faithfully")
    w.para("")
    w.bold(c["officer"])
    w.para(c["officer_role"])
    w.para("")
    w.para((c["access_note"], "b" if style == "2009" else ""))
    gold.add("v_meetings", committee=c["committee"], meeting_date=c["meeting_date"], start_time=c["start_time"],
             venue=c["venue_raw"], _find=c["when_raw"][:20])


def agenda_2009(w: PackWriter, agenda: dict, gold: Gold) -> None:
    """The late-report agenda: one item in a borderless two-column table, PAGES to the right."""
    w.heading("AGENDA", 2)
    rows = []
    for it in agenda["items"]:
        rows.append([it["raw"], [[(it["printed"], "b")]], [[(it["pages_raw"], "b")]]])
        gold.add("v_agenda_items", item_number=it["number"], title=it["title"], presenter=it["presenter"],
                 pages=it["pages"], _find=it["title"][:25])
    w.table(rows, widths=[1.2, 12.5, 3.3], borders=False, size=11)


# ---------------------------------------------------------------------------
# Quarterly progress reports
# ---------------------------------------------------------------------------
def _item_text(item) -> tuple[str, int, str | None, bool]:
    """(text, level, bold lead-in, is_paragraph) for an item of a report section."""
    if isinstance(item, dict):
        return item["para"], 1, None, True
    if isinstance(item, str):
        return item, 1, None, False
    lead, text = item[0], item[1]
    level = item[2] if len(item) > 2 else 1
    return (f"{lead} {text}".strip(), level, lead or None, False)


def qpr(w: PackWriter, r: dict, gold: Gold) -> None:
    """A quarterly progress report on the task-group template (or the PPO variant)."""
    w.bold("PLEASE RESTRICT THE REPORT TO ONE PAGE", size=8, align=1)
    if r["style"] == "ppo":
        w.bold(r["org"], size=12)
        w.bold(r["title"], size=12)
        w.para(("Quarter:", "b"), " " + r["quarter_raw"])
    elif r.get("heading_style"):
        w.heading(r["org"], 1)
        w.heading(r["title"], 2)
    else:
        w.bold(r["org"], size=13)
        w.bold(r["title"], size=12)
    lab = "b" if r.get("label_bold", True) else ""
    w.para(("Priority Area:", lab), " " + r["priority_area"])
    w.para(("Lead Officer:", lab), " " + r["lead_officer"])
    for line in r.get("preamble", []):
        w.para(line)
    for key, heading, mark, items in r["sections"]:
        if r.get("heading_style"):
            w.heading(heading, 3, footnote=mark)
        else:
            w.bold(heading, footnote=mark)
        for item in items:
            text, level, lead, is_para = _item_text(item)
            if is_para:
                w.para(text)
            elif lead:
                w.bullet((lead, "b"), " " + item[1], level=level)
            else:
                w.bullet(text, level=level)
            gold.add("v_report_items", priority_area=r["priority_area"], lead_officer=r["lead_officer"],
                     period=r["period"], section=key, item_text=text, _find=text[:40])
    w.footnote_block(r["footnotes"])


# ---------------------------------------------------------------------------
# The 2009–2012 rolling plan, one quarter
# ---------------------------------------------------------------------------
_COLON = ("1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "1.11", "2.4", "2.5", "3.2", "3.3", "3.4", "4.4", "4.5",
          "5.1", "5.2", "5.3")
_REV = ("2.3a", "4.1a", "4.1b", "4.3a", "4.3d")


def progress_prefix(ref: str, action: str, q: int) -> str:
    """The officer's way of labelling the quarter's progress line, varying by author as in the seed."""
    if ref in _REV:
        return f"Progress Q{q} – "
    if action in _COLON:
        return f"Q{q} Progress: "
    return f"Q{q} Progress – "


def _target_line(raw: str | None, action: str) -> str:
    dash = "-" if action in ("3.4", "4.1") else "–"
    return f"To meet target {dash} {raw}"


def plan_2009(w: PackWriter, q: int, gold: Gold, layout: str) -> None:
    """Rolling plan table for quarter ``q``.

    layout "incell": 5 columns, progress inside the milestone cell, milestones
    grouped per cell as in the July 2009 pack; "column": 6 columns with a
    Progress column and one row per milestone (empty Number/Action cells).
    """
    ups = {u["ref"]: u for u in series.updates(q)}
    w.bold("Action Plan", size=12)
    head = ["Number", "Action", "Milestones", "Lead CDRP agency", "Other partners"]
    widths = [1.5, 5.0, 11.6, 4.2, 3.6]
    if layout == "column":
        head = head + [f"Q{q} Progress"]
        widths = [1.4, 4.2, 7.8, 3.4, 3.0, 6.3]
    rows = [head]
    for a in plan2009.ACTIONS:
        action_cell = [a["text"], _target_line(a["target"], a["number"])]
        if not a["milestones"]:
            u = ups[a["number"]]
            row = [a["number"], action_cell, a["see"], a["lead"], a["partners"] or None]
            if layout == "column":
                row.append(None)
            rows.append(row)
            gold.add("v_action_updates", **{k: v for k, v in u.items() if not k.startswith("_")},
                     _find=a["text"][:30])
            continue
        ms = {m["code"]: m for m in a["milestones"]}
        groups = a["rows"] if layout == "incell" else [[m["code"]] for m in a["milestones"]]
        for gi, group in enumerate(groups):
            cell = []
            prog_cell = []
            lead = None
            for code in group:
                m = ms[code]
                u = ups[code]
                lead = lead or m.get("lead") or m.get("lead_row")
                prog_line = progress_prefix(code, a["number"], q) + (u["progress"] or "")
                cell.append(f"{code} {m['text']}")
                if layout == "incell" and q == 1 and m["code"] == "3.1e":
                    pass  # the seed prints 3.1e's progress with no "Q1 Progress" label
                meas = []
                if m.get("measurement"):
                    meas.append(f"Measurement = {m['measurement']}")
                if m.get("source"):
                    meas.append(f"Source: {m['source']}")
                if layout == "incell":
                    if q == 1 and code == "3.1e":
                        prog_line = u["progress"]
                    if meas:
                        cell.append(" ".join(meas))
                    cell.append(prog_line)
                    cell.append(_target_line(u["_status_raw"], a["number"]))
                else:
                    if meas:
                        cell.append(" ".join(meas))
                    prog_cell += [prog_line, _target_line(u["_status_raw"], a["number"])]
                gold.add("v_action_updates", **{k: v for k, v in u.items() if not k.startswith("_")},
                         _find=f"{code} {m['text']}"[:30])
            if gi == len(groups) - 1 and a.get("note"):
                cell.append([(a["note"], "i")])
            if gi == 0:
                row = [a["number"], action_cell, cell, a["lead"] if not lead else (a["lead"] if lead == a["lead"] else lead),
                       a["partners"] or None]
            else:
                row = [None, None, cell, lead, None]
            if layout == "column":
                row.append(prog_cell)
            rows.append(row)
    w.table(rows, widths=widths, header_rows=1, size=8)
    w.para((series_footnote(), "i"), size=8)


def series_footnote() -> str:
    from corpus.seeds_data import PLAN_FOOTNOTE_2009
    return PLAN_FOOTNOTE_2009
