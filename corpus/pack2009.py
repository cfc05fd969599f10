"""The 2009/10 South Cambridgeshire CDRP packs: Q1 (seed 001, July 2009) and its Q2–Q4 follow-ups."""

from __future__ import annotations

from corpus import papers, seeds_data as S, series
from corpus.papers import Gold
from corpus.render_docx import PackWriter

FOLLOW_UP_AGENDA = [
    ("1.", "Apologies for Absence", None, None),
    ("2.", "Declarations of Interest", None, None),
    ("3.", "Minutes of Previous Meeting", None, None),
    ("4.", "Rolling Plan 2009–2012: Q{q} 2009-10 monitoring", "Neil Weston", "1 - 24"),
    ("5 (a)", "Update from Serious Acquisitive Crime Task Group", "Cllr John Reynolds", None),
    ("5 (b)", "Update from ASB Task Group", "Insp Chris Savage", None),
    ("6.", "Date of Next Meeting", None, None),
]


# The Q2 pack carries the minutes of the 27 July 2009 meeting. Not in the seeds: written for the
# follow-up in the printed-minutes form (comma lists with titles, IN ATTENDANCE, prose apologies,
# RESOLVED / APPROVED / AGREED decisions, ACTION lines), names from the July 2009 board list.
MINUTES_DATE = "2009-07-27"
MINUTES_ATTENDANCE = [  # (printed entry, person, role, attendance)
    ("County Councillor John Reynolds (Chairman)", "County Councillor John Reynolds", "Chairman", "chair"),
    ("Vickie Crompton", "Vickie Crompton", None, "present"),
    ("Mick Harding", "Mick Harding", None, "present"),
    ("Rick Hylton (Vice-Chairman)", "Rick Hylton", "Vice-Chairman", "present"),
    ("District Councillor Ray Manning", "District Councillor Ray Manning", None, "present"),
    ("Chief Inspector Vicky Skeels", "Chief Inspector Vicky Skeels", None, "present"),
    ("Neil Weston (Community Safety Manager, SCDC)", "Neil Weston", "Community Safety Manager, SCDC",
     "in attendance"),
    ("Leigh Roberts (Cambridgeshire County Council)", "Leigh Roberts", "Cambridgeshire County Council",
     "in attendance"),
    ("Ian Senior (Democratic Services Officer)", "Ian Senior", "Democratic Services Officer", "in attendance"),
    ("Tom Jefford", "Tom Jefford", None, "apologies"),
    ("Denise Lewis", "Denise Lewis", None, "apologies"),
    ("County Councillor Linda Oliver", "County Councillor Linda Oliver", None, "apologies"),
    ("Darcy Weaver", "Darcy Weaver", None, "apologies"),
]
# (number, title, [(kind, text, owners)]) kind: p paragraph, d decision, a ACTION line
MINUTES_ITEMS = [
    ("1.", "APOLOGIES", [("p", None, None)]),
    ("2.", "MINUTES OF PREVIOUS MEETING", [
        ("d", "The minutes of the meeting held on 20 April 2009 were agreed as a correct record and signed by the "
              "Chairman.", None)]),
    ("3.", "CDRP PERFORMANCE REPORT - Q1 2009-10", [
        ("p", "Neil Weston presented the first quarterly monitoring report on the Rolling Plan 2009–2012. Members "
              "noted that many Q1 figures were still awaited from partner agencies, in particular the graffiti and "
              "fly tipping statistics held on Corvu.", None),
        ("d", "RESOLVED that task group chairs ensure outstanding Q1 statistics are supplied before the October "
              "meeting.", None),
        ("a", "Neil Weston to obtain the outstanding Q1 figures from Paul Quigley", "Neil Weston"),
        ("d", "The Partnership APPROVED the revised template for quarterly progress reports.", None)]),
    ("4.", "DOMESTIC VIOLENCE AWARENESS DAY", [
        ("p", "The Partnership considered the request for match funding for DV Awareness Day, towards which £1,500 "
              "had been received from the City.", None),
        ("d", "It was agreed that a decision be deferred until the countywide conference is confirmed.", None),
        ("a", "Anita Goddard and Leigh Roberts to report back on the countywide conference",
         "Anita Goddard; Leigh Roberts")]),
    ("5.", "DATE OF NEXT MEETING", [
        ("d", "The Partnership AGREED to meet on Monday 26 October 2009 at 10.00 a.m.", None)]),
]


def minutes_july_2009(w: PackWriter, gold: Gold) -> None:
    w.para(("Agenda Item 3", "b"), align=2)
    w.bold(S.COMMITTEE_2009.upper(), size=12, align=1)
    w.para("Minutes of a meeting of the South Cambridgeshire Crime and Disorder Reduction Partnership held on "
           "Monday, 27 July 2009 at 10.00 a.m.")
    gold.add("v_meetings", committee=S.COMMITTEE_2009, meeting_date=MINUTES_DATE, start_time="10:00", venue=None,
             _find="Minutes of a meeting of the South")

    def names(cat):
        es = [e for e, _, _, a in MINUTES_ATTENDANCE if (a in cat)]
        return ", ".join(es[:-1]) + " and " + es[-1]

    w.para(("PRESENT:", "b"), " " + names(("chair", "present")) + ".")
    w.para(("IN ATTENDANCE:", "b"), " " + names(("in attendance",)) + ".")
    for entry, person, role, att in MINUTES_ATTENDANCE:
        gold.add("v_attendance", meeting_date=MINUTES_DATE, person=person, role=role, attendance=att,
                 _find=("PRESENT:" if att in ("chair", "present") else
                        "IN ATTENDANCE:" if att == "in attendance" else "Apologies for absence"))
    for num, title, body in MINUTES_ITEMS:
        w.bold(f"{num} {title}")
        item = papers.norm_item_number(num)
        for kind, text, owners in body:
            if num == "1.":
                w.para("Apologies for absence were received from " + names(("apologies",)) + ".")
            elif kind == "a":
                w.para(("ACTION:", "b"), " " + text)
                gold.add("v_minute_actions", meeting_date=MINUTES_DATE, owners=owners, action_text=text,
                         _find=text[:30])
            else:
                w.para(text)
                if kind == "d":
                    gold.add("v_decisions", meeting_date=MINUTES_DATE, item_number=item, decision_text=text,
                             _find=text[:30])
    w.para("The meeting ended at 11.45 a.m.")


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
        if q == 2:
            w.page_break()
            minutes_july_2009(w, gold)
    path = S.ITEM07_PATH if q == 1 else S.ITEM07_PATH.replace("July2009", series.PACKS[q]["slug"][5:12].replace("-", ""))
    w.new_section(landscape=True, footer_path=path, header_text=series_plan_title())
    papers.plan_2009(w, q, gold, layout)
    return w, gold


def series_plan_title() -> str:
    from corpus.plan2009 import PLAN_TITLE
    return PLAN_TITLE
