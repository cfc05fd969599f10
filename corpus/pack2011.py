"""The Q4 2010/11 performance report pack for the meeting of 26 April 2011 (seed 000).

Quarterly progress reports in three template variants (numbered "2.1 Quarterly
Progress Report – Q4", "Priority Area: ... – Q4", the Road Safety update),
footnote markers numbered on through the pack (1–12) with the template
guidance footnotes, empty sections, three action plans (serious acquisitive
crime with several milestones in one cell; reducing re-offending with one
milestone per continuation row; the Southern Domestic Abuse Task Group plan,
whose numbering restarts at 1.1, with a four-row header repeated on every
page and merged priority rows), an indicator table (PPO/DIP scheme), a count
list in prose (IDVA referrals per district), a text table (ASB task group
stats, not indicators) and two chart pictures without text. The partnership
briefing is trimmed to its first sections and recommendations.
"""

from __future__ import annotations

import io
import re

from docx.shared import Cm

from corpus import seeds_data as S
from corpus.data2011 import ROWS
from corpus.papers import Gold
from corpus.render_docx import PackWriter

PERIOD, PERIOD_START = "2010/11 Q4", "2011-01-01"
PLAN_P1 = "Priority 1: Action plan for reducing Serious Acquisitive Crime in the District"
PLAN_P2 = "South Cambridgeshire action plan for reducing reoffending in the District"
PLAN_DV = "Southern Domestic Abuse Task Group"
ITEM_PATH = r"E:\moderngov\Data\AgendaItemDocs\1\8\2\AI00041281\PerformanceReportQ42010110.doc"

_CODE = re.compile(r"(?:(?<=\s)|^)(\d\.\d+[a-z])\s")

# Report sections: (key, heading, footnote mark or None, items). Items: str bullet; ("p", text) paragraph;
# ("b2", text) level-2 bullet; ("sub", text) sub-heading (not an item); ("table", rows) a table (not an item);
# ("chart",) a picture; ("none", "None.") an empty-section marker (not an item).
REPORTS = [
    {"priority_heading": "Priority 2: Reducing Re-offending", "title": "2.1 Quarterly Progress Report – Q4",
     "priority_area": "Reducing Re-offending", "lead_officer": "Jenny Jolley",
     "sections": [
         ("achievement", S.H_ACH, "1", [
             ("sub", "Scheme Updates – PPO (all 3 strands)"),
             ("ppo_table",),
             "A PPO was released no fixed abode in March, following a custodial sentence for robbery. Additional "
             "conditions were applied to their Probation licence on release. Assistance with accommodation was "
             "offered but declined. The PPO Team monitored their behaviour and places of residence. Within a very "
             "short period they were arrested for another robbery offence and remanded by court. A recall on their "
             "licence was also undertaken.",
             ("p", "A PPO released on licence following a sentence for robbery, had a curfew condition applied to "
                   "their licence. This was checked on a regular basis and initially adhered to. However, following "
                   "several checks where they were not present, during the times stated, a recall was processed. "
                   "This coincided with a charge for a further robbery, for which they were bailed by court with a "
                   "tagged curfew. This was also broken. They were arrested and recalled to custody and are due to "
                   "appear in court during May."),
             "Resource/Treatment/Intervention updates and development of relationships with new partners/access to "
             "new services/treatment:",
             ("p", "A meeting was held with AddAction, around a process for the enforcement of the address alcohol "
                   "prolific offending behaviour problems condition, which can be applied to a Probation Licence."),
             ("p", "The first monthly clinic for PPOs in custody in HMP Peterborough was held in March. PPOs will now "
                   "be assigned to two HMP Offender Managers, for continuity and information sharing."),
             "Interventions fund – Funding agreed to allow participation in CSCS card test. This will help to "
             "address education and or employment needs. £17.50.",
             "Recent statistics show a 46% reduction in offending by South Cambs PPOs.",
             ("sub", "IOM Updates"),
             ("p", "The development of IOM continues."),
             ("p", "The IOM ISA (Information Sharing Agreement) has been finished and verified by the Police MOPI "
                   "(Management of Police Information) department. This has been sent to partners for their "
                   "consideration and signing."),
             ("p", "The inaugural meeting of The County-without-Peterborough merged Reducing Re-Offending Steering "
                   "Group took place on 19th April."),
         ]),
         ("concern", S.H_CON, "2", []),
         ("recommendation", S.H_REC, "3", []),
         ("publicity", S.H_PUB, "4", []),
     ],
     "footnotes": [("1", S.FN_ACH), ("2", S.FN_CON), ("3", S.FN_REC), ("4", S.FN_PUB)]},
    {"priority_heading": "Priority 3: Reduce Domestic Violence", "title": "3.1 Quarterly Progress Report – Q4",
     "priority_area": "Reduce Domestic Violence", "lead_officer": "CI Dave Sargent",
     "sections": [
         ("achievement", S.H_ACH, "5", [
             "The Cambridgeshire Multi-Agency Referral Unit (MARU) has gone live. The role of the MARU is to improve "
             "outcomes for all victims via partnership working and therefore the unit links in with a range of "
             "other agencies and networks to ensure that the issue of domestic violence is high on the agenda of "
             "other agencies such as police, probation, social services and health service.",
         ]),
         ("concern", S.H_CON, "6", [
             "Implications of Domestic Homicide Reviews. To be discussed under agenda item 7.",
             "Domestic violence has not been adopted as a priority by South Cambs CDRP in the Rolling Plan. However "
             "it is still a priority for City and East Cambs CSPs who will meet more regularly.",
         ]),
         ("recommendation", S.H_REC, "7", [
             "Board to decide how to address the requirement to produce Domestic Homicide Reviews. To be discussed "
             "under agenda item 7.",
             "Recommendation for task group to meet every six months instead of quarterly, recognising that City "
             "and East CSPs will meet more regularly as it remains a priority for their CSPs. If specific issues "
             "arise in South Cambs we would form 'task and finish' groups as appropriate.",
             "Chair of task group to confirm how the group will plan future actions and report to CDRP Board.",
         ]),
         ("publicity", S.H_PUB, "8", [("none", "None")]),
     ],
     "footnotes": [("5", S.FN_ACH), ("6", S.FN_CON), ("7", S.FN_REC), ("8", S.FN_PUB)]},
]

ASB = {"number_heading": "4. Update on Anti Social Behaviour", "priority_line": "Anti Social Behaviour – Q4",
       "priority_area": "Anti Social Behaviour", "lead_officer": "Insp Chris Savage",
       "sections": [
           ("achievement", S.H_ACH, "9", [
               "A complex case in Cambourne has now been closed with positive feedback from residents.",
               "Policing In Cambridgeshire survey shows that of 50 people surveyed each month in January, February "
               "and March 1 person thought there was a high level of ASB in their area in South Cambridgeshire.",
               "Work started on a) researching and developing the potential of licensing private property landlords "
               "in the district and b) improvement in partnership working on information sharing with housing "
               "associations and RSLs. This has been funded by £10,000 allocated to SCDC Affordable Homes to focus "
               "on ASB projects/issues.",
               ("asb_table",),
           ]),
           ("concern", S.H_CON, "10", [
               "Uncertainty regarding future CDRP funding. To be discussed under agenda item 11."]),
           ("recommendation", S.H_REC, "11", [("none", "None.")]),
           ("publicity", S.H_PUB, "12", [("none", "None.")]),
       ],
       "footnotes": [("9", S.FN_ACH), ("10", S.FN_CON), ("11", S.FN_REC), ("12", S.FN_PUB)]}

DAAT = {"number_heading": "5. Update from Drug and Alcohol Action Team", "priority_line": "Drug and Alcohol – Q4",
        "priority_area": "Drug and Alcohol", "lead_officer": "Laura Hutson",
        "sections": [
            ("achievement", S.H_ACH, None, [
                ("sub", "Young people services"),
                ("p", "CASUS and YOT continue to work effectively in South Cambridgeshire. The chart on the right "
                      "shows numbers of young people engaged with both treatment services in the last three "
                      "quarters."),
                ("chart",),
                "For Quarter 3 of 2010/11, there are 25 young people from South Cambridgeshire who were in "
                "treatment at CASUS (18 individuals) and Youth Offending Team (7 individuals). The main drug type "
                "used by young people in was cannabis and followed by alcohol.",
                "Specifically in Quarter 3, CASUS have delivered the following work in South Cambs:",
                ("b2", "Attended Cambourne Youth Club"),
                ("b2", "Delivered outreach work in Cambourne"),
                ("b2", "Delivered training to 15 professionals from Sawston and Linton locality team."),
                "The YOT Substance Misuse team have had an increased workload in Q3, as there were more young "
                "people entering the YOT in this period in general, and this impacted on the workload of all YOT "
                "officers.",
                ("sub", "Adult Drug and Alcohol treatment services"),
                ("chart",),
                "In quarter 3, 63 South Cambs clients engaged in drug treatment service and 7 in alcohol treatment "
                "service. Compared to other districts, South Cambs has the lowest numbers of clients in the "
                "treatment system.",
                "In February 2011, 4 DIP clients were South Cambs residents. This number has remained the same "
                "since November 2010.",
                "The DAAT is promoting the Alcohol Information and Brief Advice (IBA) training on various media "
                "channels. We have been inundated with requests for the training.",
            ]),
            ("concern", S.H_CON, None, [
                "There are no specific concerns regarding substance misuse in South Cambs recently."]),
            ("recommendation", S.H_REC, None, [("none", "None")]),
            # The publicity item sits on the heading's own line, after a colon.
            ("publicity", S.H_PUB, None, [("inline", "Update information on the DAAT website: www.cambsdaat.org")]),
        ],
        "footnotes": []}

RSP = {"number_heading": "6. Quarterly Update from Road Safety Partnership, Q4 April 2010-March 2011",
       "priority_area": "Road Safety Partnership", "lead_officer": "Matt Deacon",
       "sections": [
           ("achievement", S.H_ACH, None, [
               "Confirmation that our 2010 casualty reduction targets were met - breakdown of stats & issues for "
               "South Cambs to be presented at next meeting.",
               "Lyn Hesse (Road Safety Officer) working on Partnership's behalf with Road Victims Trust to provide "
               "much-needed local support to bereaved, & those affected by life-changing injuries.",
               "Agreement from Road Safety Partnership Board that the RSP needs to work more closely with District "
               "areas, ideally via CDRPs, and to decentralise activity where possible / appropriate.",
               "Positive discussions held regarding how District Council Speed Stickers initiative with Parish "
               "Councils can best be taken forward in the District; RSP has provided and analysed data on every "
               "site where stickers have been deployed so that effectiveness can be measured",
           ]),
           ("concern", S.H_CON, None, [
               "Road Safety budgets, like all others, are likely to see large reductions this year. There is a real "
               "danger that as the economy begins to recover, vehicle speeds and journey frequencies will rise "
               "again, just as the effects of reduced road safety activity are manifesting themselves.",
               "Whilst it is expected that work will continue via the Road Safety Partnership, it will need the "
               "support of all Partner Agencies, CDRPs, community groups and others if casualties numbers are to "
               "be kept down.",
           ]),
           ("recommendation", S.H_REC, None, [
               "South Cambs CDRP has already helpfully identified road safety as a priority for 2011-12",
               "It is recommended that any action which CPRSP is asked to fund can demonstrate a clear evidence of "
               "need, and likely effectiveness.",
           ]),
           ("publicity", S.H_PUB, None, ["No limited by purdah period"]),
       ],
       "footnotes": []}

PPO_TITLE = "Scheme Updates – PPO (all 3 strands)"
PPO_TABLE = [  # (indicator, PPO raw, PPO value, DIP raw, DIP value)
    ("Clients on Scheme", "Deter: 2 C+C and R+R: 5", None, "Jan 4 Feb 4 March 4", None),
    ("New engagements", "1", 1, "0", 0),
    ("Removals", "1", 1, "2", 2),
]
IDVA_INTRO = ("5.1. The number of referrals to the Independent Domestic Violence Advocacy Service, per District, "
              "for the 4th Quarter of 2010/11 are:")
IDVA = [("Hunts", 59), ("Fen", 50), ("City", 64), ("East", 41), ("South", 40)]


def chart_png() -> bytes:
    """A bar chart picture with no text in it (as pasted from Excel), built with Pillow."""
    from PIL import Image, ImageDraw
    im = Image.new("RGB", (360, 200), "white")
    d = ImageDraw.Draw(im)
    d.line([(30, 10), (30, 180), (350, 180)], fill="black", width=2)
    for i, (a, b) in enumerate([(60, 40), (75, 52), (90, 61)]):
        x = 60 + i * 100
        d.rectangle([x, 180 - a, x + 30, 180], fill=(79, 129, 189))
        d.rectangle([x + 32, 180 - b, x + 62, 180], fill=(192, 80, 77))
    buf = io.BytesIO()
    im.save(buf, format="PNG", optimize=False)
    return buf.getvalue()


def _report(w: PackWriter, r: dict, gold: Gold) -> None:
    for key, heading, mark, items in r["sections"]:
        inline = [it for it in items if isinstance(it, tuple) and it[0] == "inline"]
        if inline:
            w.para((heading + ":", "b"), " " + inline[0][1])
        else:
            w.bold(heading, footnote=mark)
        for it in items:
            text = None
            if isinstance(it, str):
                w.bullet(it)
                text = it
            elif it[0] == "p":
                w.para(it[1])
                text = it[1]
            elif it[0] == "b2":
                w.bullet(it[1], level=2)
                text = it[1]
            elif it[0] == "sub":
                w.para((it[1], "bu"))
            elif it[0] == "none":
                w.bullet(it[1]) if it[1] == "None" else w.para(it[1])
            elif it[0] == "inline":
                text = it[1]
            elif it[0] == "chart":
                w.doc.add_picture(io.BytesIO(chart_png()), width=Cm(7))
            elif it[0] == "ppo_table":
                _ppo_table(w, gold)
            elif it[0] == "asb_table":
                w.table([["ASB Task Group Stats – Q4", "ASB Task Group Stats – Cumulative YTD from April 2009"],
                         [["5 New Cases referred to group this quarter",
                           {"style": "List Bullet", "parts": ["5 Individuals"]},
                           {"style": "List Bullet", "parts": ["0 Areas"]},
                           {"style": "List Bullet", "parts": ["0 Family"]}],
                          ["72 New Cases referred to group YTD",
                           {"style": "List Bullet", "parts": ["47 Individuals"]},
                           {"style": "List Bullet", "parts": ["10 Areas"]},
                           {"style": "List Bullet", "parts": ["15 Families"]}]]],
                        widths=[8.0, 8.0], header_rows=1, size=10)
            if text:
                gold.add("v_report_items", priority_area=r["priority_area"], lead_officer=r["lead_officer"],
                         period=PERIOD, section=key, item_text=text, _find=text[:40])
    if r["footnotes"]:
        w.footnote_block(r["footnotes"])


def _ppo_table(w: PackWriter, gold: Gold) -> None:
    rows = [[None, "PPO", "DIP"]]
    for name, praw, pval, draw, dval in PPO_TABLE:
        rows.append([name, praw, draw])
        gold.add("v_indicator_values", table_title=PPO_TITLE, indicator=name, measure="PPO", period_label=None,
                 value=pval, _find=name)
        gold.add("v_indicator_values", table_title=PPO_TITLE, indicator=name, measure="DIP", period_label=None,
                 value=dval, _find=name)
    w.table(rows, widths=[5.0, 5.0, 5.0], header_rows=1, size=10)


def _split_milestones(cell: str) -> list[tuple[str, str]]:
    parts = _CODE.split(cell.replace("\n", " "))
    return [(parts[i], parts[i + 1].strip()) for i in range(1, len(parts), 2)]


def _plan_numbered(w: PackWriter, gold: Gold, title: str, key: str, lead_head: str, update_head: str) -> None:
    w.bold(title, size=12)
    rows = [["Action", "Milestones", lead_head, "Other partners", update_head]]
    action_ref, lead_above = None, None
    for action, milestones, lead, partners, update in ROWS[key]:
        if action:
            action_ref = action.split()[0]
            lead_above = None
        progress = " ".join(p for p in update.split("\n") if p) or None
        lead_above = lead or lead_above
        ms = _split_milestones(milestones)
        # Run-together cells (1.1, 1.6) stay one paragraph; others get a paragraph per milestone.
        if ms and "\n" not in milestones and len(ms) > 1 and action_ref in ("1.1", "1.6"):
            mcell = [milestones]
        elif ms:
            mcell = [f"{c} {t}" for c, t in ms]
        else:
            mcell = [milestones]
        rows.append([action or None, mcell, lead or None, partners or None,
                     [p for p in update.split("\n") if p] or None])
        if not ms:
            gold.add("v_action_updates", plan_title=title, action_ref=action_ref, ref=action_ref,
                     description=action[len(action_ref) + 1:], lead_agency=lead_above, period=PERIOD,
                     period_start=PERIOD_START, progress=milestones or None, status="not reported", stats_awaited=0,
                     funding_allocated=None, _find=action[:30])
        for code, text in ms:
            gold.add("v_action_updates", plan_title=title, action_ref=action_ref, ref=code, description=text,
                     lead_agency=lead_above, period=PERIOD, period_start=PERIOD_START, progress=progress,
                     status="not reported", stats_awaited=0, funding_allocated=None, _find=f"{code} {text}"[:25])
    w.table(rows, widths=[5.0, 8.8, 4.0, 3.6, 4.5], header_rows=1, size=8)


def _plan_dv(w: PackWriter, gold: Gold) -> None:
    rows = [
        [[[(PLAN_DV, "b")]], None, None, None, None],
        ["Strategic Aim: To Measure Performance Against Key Indicators That Support The Community Safety Plan "
         "Priorities", None, None, None, None],
        ["Action Plan: 2010-2011", None, "Action Plan Lead: SCDATG Chair", None, None],
        ["Key Support Indicator", "Lead", "Action Plan Item", "Milestones", "Quarterly Progress"],
    ]
    merges = [(0, 0, 0, 4), (1, 0, 1, 4), (2, 0, 2, 1), (2, 2, 2, 4)]
    for num, lead, item, ms, progress in ROWS["dv"]:
        if not lead and not item and not ms and not progress:
            r = len(rows)
            rows.append([[[(num, "b")]], None, None, None, None])
            merges.append((r, 0, r, 4))
            continue
        rows.append([num, lead or None, item, ms or None, progress or None])
        gold.add("v_action_updates", plan_title=PLAN_DV, action_ref=num, ref=num, description=item,
                 lead_agency=lead or None, period=PERIOD, period_start=PERIOD_START, progress=progress or None,
                 status="not reported", stats_awaited=0, funding_allocated=None, _find=item[:30])
    w.table(rows, widths=[2.4, 2.4, 7.5, 7.0, 6.6], header_rows=4, size=8, merges=merges,
            fills={(3, i): "D9D9D9" for i in range(5)})


def build() -> tuple[PackWriter, Gold]:
    gold = Gold()
    del gold.views["v_meetings"]  # no summons in this pack: meetings not judged
    import datetime
    w = PackWriter(S.COMMITTEE_2009, footer_path=ITEM_PATH, created=datetime.datetime(2011, 4, 18, 9, 0, 0))
    w.bold("South Cambridgeshire Crime and Disorder", size=20, align=1)
    w.bold("Reduction Partnership", size=20, align=1)
    for t in ("", "Performance Report", "Quarter 4", "January 2011-March 2011", "", "26 APRIL 2011"):
        w.bold(t, size=16, align=1) if t else w.para("")
    w.page_break()
    w.para("The County Council Quarterly Performance Report will be tabled at the meeting.")
    w.heading("Priority 1: Reducing Serious Acquisitive Crime", 1)
    w.heading("1.1 Quarterly Progress Report – Q4", 2)
    w.para(("Lead Officer:", "b"), " Ch Insp. Dave Sargent")
    w.para("No quarterly report as task group meeting was disbanded. See agenda item 8.")
    w.new_section(landscape=True, footer_path=ITEM_PATH)
    _plan_numbered(w, gold, PLAN_P1, "p1", "Lead agency", "Q4 Update")
    w.new_section(landscape=False, footer_path=ITEM_PATH)
    r = REPORTS[0]
    w.heading(r["priority_heading"], 1)
    w.heading(r["title"], 2)
    w.para(("Lead Officer:", "b"), " " + r["lead_officer"])
    _report(w, r, gold)
    w.new_section(landscape=True, footer_path=ITEM_PATH)
    _plan_numbered(w, gold, PLAN_P2, "p2", "Lead CDRP Agency", "Update YTD")
    w.new_section(landscape=False, footer_path=ITEM_PATH)
    r = REPORTS[1]
    w.heading(r["priority_heading"], 1)
    w.heading(r["title"], 2)
    w.para(("Lead Officer:", "b"), " " + r["lead_officer"])
    _report(w, r, gold)
    w.new_section(landscape=True, footer_path=ITEM_PATH)
    _plan_dv(w, gold)
    w.new_section(landscape=False)
    briefing(w, gold)
    for r in (ASB, DAAT):
        w.page_break()
        w.bold(r["number_heading"], size=12)
        w.para(("Priority Area:", "b"), " " + r["priority_line"])
        w.para(("Lead Officer:", "b"), " " + r["lead_officer"])
        _report(w, r, gold)
    w.page_break()
    w.bold(RSP["number_heading"], size=12)
    w.para(("Lead Officer:", "b"), " " + RSP["lead_officer"])
    _report(w, RSP, gold)
    return w, gold


def briefing(w: PackWriter, gold: Gold) -> None:
    w.para("To: Cambridgeshire Community Safety / Crime and Disorder Reduction Partnerships / Cambridgeshire "
           "Domestic Abuse Partnership")
    w.bold("From: Simon Kerss, Domestic Abuse Partnership Manager")
    w.bold("Cambridgeshire County Council")
    w.para("Date: 6th April 2011")
    w.heading("State of the Partnership Briefing: 4th Quarter 2010/11", 2)
    w.bold("1. Purpose")
    w.para("1.1. To update Cambridgeshire's Community Safety / Crime and Disorder Reduction and Domestic Violence "
           "Partnerships on developmental, operational and strategic issues regarding the work of Cambridgeshire's "
           "Domestic Violence Partnership.")
    w.bold("3. Prevention and Early Intervention")
    w.para("3.1. The NI32 repeat rate for Cambridgeshire at the end of the 4th Quarter for 2010/11 is currently at "
           "34%.")
    w.para("3.3. Cambridgeshire City and Fenland's Participatory Budgeting pilot (hosted on behalf of the Home "
           "Office) has now concluded. Grants totalling £23,000 have been awarded to the following groups to "
           "further the 'End Violence Against Women and Girls' agenda:")
    for t in ("Sin Cru (theatre group based The Junction, Cambridge);", "Lifecraft (mental health support charity, "
              "Cambridge);", "Rape Crisis (Cambridge);", "Refuge (Wisbech);"):
        w.bullet(t)
    w.bold("5. Support")
    w.para(IDVA_INTRO)
    title = IDVA_INTRO[len("5.1. "):].rstrip(":")
    for name, n in IDVA:
        w.para(f"{name}:\t{n}")
        gold.add("v_indicator_values", table_title=title, indicator=name, measure=None, period_label=PERIOD,
                 value=n, _find=IDVA_INTRO[:30])
    w.para("Further information on reporting to the police and trends in reporting are available from the relevant "
           "Strategic Assessment and the quarterly performance updates.")
    w.bold("7. Recommendations")
    w.para("7.1. That CDRPs / Community Safety Partnerships note the relocation of current Independent Domestic "
           "Violence Advocacy and MARAC Services to the MARU.")
