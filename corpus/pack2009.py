"""The 2009/10 South Cambridgeshire CDRP packs: Q1 (seed 001, July 2009) and its Q2–Q4 follow-ups."""

from __future__ import annotations

from . import papers, seeds_data as S, series
from .papers import Gold
from .render_docx import PackWriter

FOLLOW_UP_AGENDA = [
    ("1.", "Apologies for Absence", None, None),
    ("2.", "Declarations of Interest", None, None),
    ("3.", "Minutes of Previous Meeting", None, None),
    ("4.", "Rolling Plan 2009–2012: Q{q} 2009-10 monitoring", "Neil Weston", "1 - 24"),
    ("5 (a)", "Update from Serious Acquisitive Crime Task Group", "Cllr John Reynolds", None),
    ("5 (b)", "Update from ASB Task Group", "Insp Chris Savage", None),
    ("6.", "Date of Next Meeting", None, None),
]


def cover(q: int) -> dict:
    p = series.PACKS[q]
    c = dict(S.COVER_2009_Q1)
    c.update(issue_date_raw=p["issue_raw"], issue_date=p["issue"], when_raw=p["when_raw"],
             meeting_date=p["meeting_date"], start_time=p["start_time"])
    if q > 1:
        c["opening"] = "You are invited to attend the next meeting of "
    return c


def build(q: int, layout: str | None = None) -> tuple[PackWriter, Gold]:
    """The pack of quarter ``q``; the plan is in-cell for Q1/Q2 and has a Progress column for Q3/Q4."""
    layout = layout or ("incell" if q in (1, 2) else "column")
    gold = Gold()
    w = PackWriter(S.COMMITTEE_2009)
    papers.cover_letter(w, cover(q), gold)
    w.page_break()
    if q == 1:
        papers.agenda_2009(w, S.AGENDA_2009_Q1, gold)
        w.blank_page()
        for i, r in enumerate(S.QPRS_2009_Q1):
            papers.qpr(w, r, gold)
            w.blank_page() if i % 2 == 0 else w.page_break()
    else:
        w.heading("AGENDA", 2)
        rows = [[None, None, [[("PAGES", "b")]]]]
        for raw, title, presenter, pages in FOLLOW_UP_AGENDA:
            title = title.format(q=q)
            printed = title + (f" - {presenter}" if presenter else "")
            rows.append([raw, printed, pages])
            w_num = papers.norm_item_number(raw)
            gold.add("v_agenda_items", item_number=w_num, title=title, presenter=presenter,
                     pages=pages.replace(" ", "") if pages else None, _find=title[:25])
        w.table(rows, widths=[1.6, 12.4, 3.0], borders=False, size=11)
    path = S.ITEM07_PATH if q == 1 else S.ITEM07_PATH.replace("July2009", series.PACKS[q]["slug"][5:12].replace("-", ""))
    w.new_section(landscape=True, footer_path=path, header_text=series_plan_title())
    papers.plan_2009(w, q, gold, layout)
    return w, gold


def series_plan_title() -> str:
    from .plan2009 import PLAN_TITLE
    return PLAN_TITLE
