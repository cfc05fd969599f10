"""The CDRP Board Stakeholder Event pack of 15 February 2017 (seed 003).

Cover letter, agenda with LOOKING BACK / LOOKING AHEAD groups and lettered
sub-items, visitor guidance notes (boilerplate), minutes of 10 November 2016
(present table, apologies, ACTION lines, decisions), the action-plan cover
report, the 2016/17 action plan (RAG words and a cell-shaded RAG column with
a colour key; three rows carry their status only as colour), the budget with
a total row, a performance table without ruling lines, a restricted
placeholder and the agenda item 6 papers (trimmed: the 2014–17 agreement
itself and its signatories are left out).

The "CADET highlights" performance table is not in the seed (which only has
the micro-beat bullets in the minutes); it is added, in the genre's form, so
the pack has an indicator table with numeric change, "+ 8.0%", "No Calc"
and "-" cells.
"""

from __future__ import annotations

from corpus import papers
from corpus.papers import Gold
from corpus.render_docx import FILLS, PackWriter

COMMITTEE = "CDRP Board Stakeholder Event"
MINUTES_BODY = "South Cambridgeshire Crime and Disorder Reduction Partnership"
MINUTES_DATE = "2016-11-10"

COVER = {
    "issue_date_raw": "15 February 2017", "issue_date": "2017-02-15",
    "chairman": "Maurice Moore",
    "addressees": ("Philip Aldis, Gemma Barron, Mick Birchall, Martin Brown, Vickie Crompton, Mark Freeman, "
                   "Lyn Hesse, Mike Hill, David Jenkins, Nicky Phillipson, Leigh Roberts, Ben Shelton, "
                   "Mandy Smith, Mike Soper, James Sutherland, Mark Swain and Susie Talbot"),
    "addressees_intro": "To: Board Members of the CDRP Board Stakeholder Event",
    "opening": "You are invited to attend the next ",
    "committee_raw": "CDRP BOARD STAKEHOLDER EVENT", "committee": COMMITTEE,
    "venue_raw": ("MONKFIELD ROOM, FIRST FLOOR at South Cambridgeshire Hall, Cambourne Business Park, Cambourne, "
                  "Cambridge, CB23 6EA"),
    "when_raw": "THURSDAY, 23 FEBRUARY 2017 at 10.00 a.m.", "meeting_date": "2017-02-23", "start_time": "10:00",
    "officer": "PATRICK ADAMS", "officer_role": "Democratic Services Officer, CDRP Board Stakeholder Event",
    "access_note": ("If you have any specific needs in relation to access to the agenda, for example large print, "
                    "please let us know, and we will do what we can to help you."),
}

# (printed number, title, presenter, pages raw, notes); group headings as ("GROUP", text)
AGENDA = [
    ("1.", "Introductions and Apologies", None, None, []),
    ("2.", "Declarations of Interest", None, None, []),
    ("3.", "Minutes of Previous Meeting", None, "1 - 6", []),
    ("GROUP", "LOOKING BACK"),
    ("4 (a)", "Update from CDRP T&CG", "Mike Hill", None, []),
    ("4 (b)", "2016-17 Action Plan and Funding Update", "Philip Aldis", "7 - 14", []),
    ("GROUP", "LOOKING AHEAD"),
    ("5 (a)", "Strategic Assessment", "Leigh Roberts", None,
     ["(i) Presentation and Discussion", "(ii) Agree content and publication of Strategic Assessment"]),
    ("5 (b)", "Agree CDRP Priorities for April 2017 to March 2018", "All", None, []),
    ("5 (c)", "Delegate 2017-18 Funding Allocations Decision to T&CG", None, None, []),
    ("6.", "Delegate County Community Safety Agreement Response to T&CG", None, "55 - 70", []),
    ("7.", "Any Other Business", None, None, []),
]
AGENDA_LATER = [
    ("8.", "To Elect a New Chairman of the Partnership",
     ["The Chairman, Maurice Moore, will be standing down from his role at the end of this meeting and so members "
      "will be invited to elect his successor.",
      "Anyone considering standing for Chairman is invited to contact Maurice Moore before the meeting: "
      "maurice.moore@cambsfire.gov.uk"]),
    ("9.", "Date of Next Meeting",
     ["Members are asked to bring their diaries to agree the date of the next meeting in October/November 2017."]),
]

GUIDANCE = [
    ("GUIDANCE NOTES FOR VISITORS TO SOUTH CAMBRIDGESHIRE HALL", None),
    (None, "While the District Council endeavours to ensure that visitors come to no harm when visiting South "
           "Cambridgeshire Hall, those visitors also have a responsibility to make sure that they do not risk "
           "their own or others' safety."),
    ("Security", "Members of the public attending meetings in non-public areas of the Council offices must report "
                 "to Reception, sign in, and at all times wear the Visitor badges issued. Before leaving the "
                 "building, such visitors must sign out and return their Visitor badges to Reception."),
    ("Emergency and Evacuation", "In the event of a fire, a continuous alarm will sound. Evacuate the building "
                                 "using the nearest escape route; from the Council Chamber or Mezzanine viewing "
                                 "gallery this would be via the staircase just outside the door. Go to the "
                                 "assembly point at the far side of the staff car park."),
    ("•", "Do not use the lifts to exit the building. If you are unable to negotiate stairs by yourself, the "
          "emergency staircase landings are provided with fire refuge areas, which afford protection for a minimum "
          "of 1.5 hours. Press the alarm button and wait for assistance from the Council fire wardens or the fire "
          "brigade."),
    ("•", "Do not re-enter the building until the officer in charge or the fire brigade confirms that it is safe "
          "to do so."),
    ("First Aid", "If someone feels unwell or needs first aid, please alert a member of staff."),
    ("Toilets", "Public toilets are available on each floor of the building next to the lifts."),
    ("Smoking", "Since 1 July 2008, the Council has operated a Smoke Free Policy. Visitors are not allowed to smoke "
                "at any time within the Council offices, or in the car park or other grounds forming part of those "
                "offices."),
    ("Food and Drink", "Vending machines and a water dispenser are available on the ground floor near the lifts at "
                       "the front of the building. Visitors are not allowed to bring food or drink into the meeting "
                       "room."),
]

PRESENT = [  # (name, role) as in the two-column members table
    ("PJ Adams", None),
    ("Philip Aldis", "Community Safety Officer, SCDC"),
    ("Paul Clarke", "Cambridgeshire Fire Authority"),
    ("Mark Freeman", "CVS"),
    ("Mike Hill", "Health and Environmental Services Director, SCDC"),
    ("Elaine Matthews", "Cambridgeshire County Council"),
    ("Ben Shelton", "SCDC"),
    ("Matt Staton", None),
    ("James Sutherland", "Cambridgeshire Constabulary"),
    ("Amanda Warburton", "Cambridgeshire County Council"),
]
APOLOGIES = ["Kate Calvert", "David Jenkins", "Leigh Roberts"]

# Minute items: (number, title, body). Body entries: ("p", text) paragraph, ("b", text) bullet,
# ("h", text) sub-heading (bold), ("d", text) paragraph that is a decision, ("db", text) bullet that is a
# decision, ("a", owners, text) ACTION line, ("A", [(owners, text), ...]) an "ACTION:" block.
MINUTES = [
    ("1.", "INTRODUCTIONS AND APOLOGIES", [
        ("p", "Apologies were received from Kate Calvert, David Jenkins and Leigh Roberts."),
        ("p", "The Chairman welcomed those present to the meeting and introductions were made. He explained that "
              "the purpose of this meeting was to ensure that the members of the Board worked in partnership to "
              "reduce crime in the District. He added that he believed the CDRP was an excellent example of "
              "partnership working."),
    ]),
    ("2.", "DECLARATIONS OF INTEREST", [("p", "None.")]),
    ("3.", "MINUTES OF PREVIOUS MEETING", [
        ("d", "The minutes of the meeting held on 23 February 2016 were agreed as a correct record, subject to the "
              "inclusion of Elaine Matthews' full name in the attendance list."),
        ("p", "Mike Hill explained that he had liaised with Nicky Philipson regarding the setting up a programme to "
              "prevent the sexual exploitation of young people."),
        ("p", "Philip Aldis reported that he had established contact with the Clinical Commissioning Group, and had "
              "met with Kate Calvert the Chief Executive. Kate plans to attend the CDRP Board Meeting in February "
              "2017."),
    ]),
    ("4.", "UPDATE FROM CDRP T&CG - MIKE HILL", [
        ("p", "Mike Hill reported on the work of the T&CG that meets each month:"),
        ("b", "South Cambridgeshire remained a great place to live with a low crime rate."),
        ("b", "Residents' perceptions sometimes differed from the actual low level of crime and Anti-Social "
              "Behaviour."),
        ("b", "The monthly meetings of the Task and Co-ordination Group were well attended and address both "
              "strategic and tactical matters, linking well with the 3 locality groups."),
    ]),
    ("5.", "PROGRESS REPORT ON 2016/17 ACTIVITY - PHILIP ALDIS", [
        ("p", "Philip Aldis presented this 6 monthly report on the Board's annual Action Plan. He summarised that "
              "good progress was being made on the Plan's priorities. The financial report had been submitted to "
              "the Office of the Police and Crime Commissioner and was on target."),
        ("h", "Safe and Well"),
        ("p", "Paul Clarke updated about the Safe and Well scheme which involves Fire & Rescue Officers visiting "
              "homes. As a result of the visits, fall prevention activity is the most frequent additional activity "
              "undertaken, and includes fixing external handrails."),
        ("p", "Mark Freeman commented that an excellent data resource was emerging from the visits, and asked how "
              "it was planned to use the data. Paul Clarke advised there were no plans to assess the data at the "
              "moment but that there is hope there would be opportunity to do so in the future."),
        ("a", "Paul Clarke; Mark Freeman", "Paul Clarke and Mark Freeman to discuss outside of the meeting"),
    ]),
    ("6.", "DISTRICT CRIME UPDATE - CHIEF INSPECTOR JAMES SUTHERLAND", [
        ("p", "James Sutherland gave an update on crime levels and Police activity in the District:"),
        ("h", "Crime levels and reporting"),
        ("p", "There had been an improvement in the accuracy of recording crime in South Cambs. Accurate reporting "
              "takes time and resources, therefore less time had been allocated for community safety initiatives. "
              "Solved crime (detection rates) are improving."),
        ("h", "Evidence based policing in place"),
        ("p", "Micro beats data:"),
        ("b", "There are 2656 streets in South Cambs"),
        ("b", "3% of these account for 30% of the crime"),
        ("b", "50% of streets are crime free!"),
        ("h", "Police cadets"),
        ("p", "There are now 15 cadets in the South Cambs unit; they have helped with knife crime test purchasing "
              "in South Cambs, and will be doing some crime prevention advice outside Morrisons Cambourne in "
              "November."),
    ]),
    ("7.", "DISCUSSION AND QUESTIONS", [
        ("h", "Use of ICT"),
        ("p", "It was noted that meetings of Neighbourhood Panels were being streamed on the internet. There had "
              "been approximately 20 people in attendance, but an impressive 300 people were online. It was hoped "
              "that the online streaming of meetings could be extended."),
    ]),
    ("8.", "OFFICE OF THE POLICE & CRIME COMMISSIONER (VERBAL UPDATE) - CHARLES KITCHIN", [
        ("p", "In the absence of Charles Kitchen, this item was deferred to the next meeting."),
    ]),
    ("9.", "POLICE & CRIME PANEL (VERBAL UPDATE) - CLLR BEN SHELTON", [
        ("p", "Ben Shelton reported that Her Majesty’s Inspectorate of Constabulary (HMIC) inspected the "
              "Cambridgeshire and Peterborough constabulary twice a year. The Fire & Rescue Service had been kept "
              "updated on possible future arrangements."),
        ("p", "Mike Hill explained that the Council were undergoing a Peer Review later in the month."),
    ]),
    ("10.", "STRATEGIC ASSESSMENT (VERBAL ASSESSMENT) - MIKE HILL", [
        ("p", "Mike Hill gave a verbal report on the progress being made with the Strategic Assessment which will "
              "be presented to the CDRP in February 2017, and advised that the group had agreed that the "
              "assessment should include a focus on"),
        ("b", "What are the current issues faced in South Cambs?"),
        ("b", "Vulnerability, threat, harm and risk"),
        ("b", "Hate crime reporting"),
        ("b", "The micro beat data produced by CI Sutherland"),
        ("d", "The T&CG had agreed that ASB would be excluded from the Strategic Assessment, and a separate report "
              "brought to the T&CG in March 2017."),
        ("h", "Public concerns"),
        ("p", "It was noted that the perception of crime was a problem, partly driven by inaccurate reports in "
              "social media. Residents saw parking and speeding as top priorities. Matt Staton explained that "
              "there had been a long term reduction in the number of deaths and injuries in road accidents in the "
              "District. Mike Hill asked Matt Stanton to share data on road traffic accidents."),
        ("A", [("Philip Aldis", "Philip Aldis agreed to feedback the additional comments to Leigh Roberts."),
               ("Matt Staton", "Matt Staton to provide data to Leigh Roberts and a report to the CDRP")]),
    ]),
    ("11.", "UPDATE AND ACTIONS FROM CAMBRIDGESHIRE COUNTYWIDE COMMUNITY SAFETY STRATEGIC BOARD - PHILIP ALDIS", [
        ("p", "Philip Aldis presented this report, which requested feedback from the Board on issues raised at the "
              "Cambridgeshire Countywide Community Safety Strategic Board on 12 October 2016."),
        ("h", "Joint Strategic Needs Assessment for Cambridgeshire & Peterborough – Threat, Risk, Harm and "
              "Vulnerability"),
        ("p", "The Board agreed:"),
        ("db", "To support the proposal of carrying out an assessment."),
        ("db", "That Philip Aldis would liaise with Leigh Roberts on how best to contribute to the assessment."),
        ("db", "It would be necessary to agree a timetable which considered the work pressures facing the local "
               "authorities and partnerships"),
        ("db", "Assessment and analysis to District level data would help partnerships and local authorities"),
        ("h", "Violence Against Women and Girls (VAWG) Needs Assessment"),
        ("p", "Amanda Warburton agreed to liaise with Simon Kerse to request further information on the VAWG Needs "
              "Assessment."),
        ("d", "It was agreed that the Board should liaise with other Community Safety Partnerships on this issue as "
              "well as invite Simon to give an update to a subsequent T&CG."),
        ("h", "Mental Health & Policing"),
        ("d", "The group agreed that there was much work to be done around Mental Health, and the impact on Police "
              "resources."),
        ("p", "Mark Freeman added that he would be able to share some insight from the experiences of the "
              "Voluntary Sector."),
        ("h", "CDRP Representation on the Cambridgeshire Countywide Community Safety Strategic Board"),
        ("d", "The group discussed and recognised that it was important to have the correct representation for the "
              "topics being discussed. It was agreed that when the CCCSSB agendas are circulated, the T&CG would "
              "discuss and identify the most suitable representation based on the agenda items to ensure the most "
              "effective involvement with the CCCSSB."),
    ]),
    ("12.", "RESPONSE TO DRAFT POLICE & CRIME PLAN - PHILIP ALDIS", [
        ("p", "Philip Aldis presented this agenda item, which requested feedback from the Board on the paper: "
              "\"Developing a Police and Crime Plan for Cambridgeshire\", which was attached to the agenda."),
        ("p", "It was agreed that the reply from the CDRP should include:"),
        ("db", "That as a CDRP we support the approach"),
        ("db", "Front line officers and feeling safe are important issues to our residents."),
        ("db", "We welcome the inclusion of restorative justice and work with offenders."),
        ("db", "We believe effective partnerships have an optimum size, and in South Cambs we see great benefit of "
               "working within District boundaries and shared space."),
        ("db", "Partnership solutions, not just policing solutions, are the key, to resolving local issues."),
        ("d", "It was also agreed that agencies will respond separately where they have comments specific to their "
              "business or agency."),
        ("p", "Philip Aldis agreed to prepare a response for the T&CG to agree at its December meeting."),
    ]),
    ("13.", "SET THE DATE OF THE NEXT MEETING OF THE CDRP BOARD", [
        ("d", "The Board agreed to hold its next meeting on Thursday 23 February at 10am."),
    ]),
]

PLAN_TITLE = "South Cambs CDRP Priorities and Action Plan April 2016 to March 2017"
PLAN_HEADING = PLAN_TITLE + ": CDRP UPDATE FEBRUARY 2017"
PLAN_PERIOD, PLAN_PERIOD_START = "2016/17 Q4", "2017-01-01"

# (priority cell, ref, action paragraphs, funding raw or None, funding amount, status, status word printed?,
#  progress paragraphs)
PLAN = [
    ("1. PROTECT THE VULNERABLE", "1.1",
     ["1.1 Provide localised information and training events to ensure communities, parishes and voluntary sector "
      "can recognise and report incidents or concerns about:",
      "(a) Modern Day Slavery (b) Human Trafficking (c) Cyber Crime and also (d) Hoarders (see 1.5) (e) Hate Crime "
      "(see 1.8) (f) PREVENT Strategy (see 3.3)"],
     "FUNDING ALLOCATED: £500", 500, "green", True,
     ["(a,b,c) “Good neighbours stop Rogue Traders” message promoted at events and libraries by CCC Supporting "
      "Business & Communities.",
      "(d) Hoarder Training delivered to 20 officers (from SCDC and local registered social landlords) 02/02/17. "
      "Information about Hoarders (how to spot, how to refer) displayed at the Neighbourhood Watch AGM on 22 "
      "October 2015.",
      "(e) Hate Crime advert in progress to be advertised via Facebook",
      "(f) Online training course for SCDC staff to raise awareness of PREVENT programme on house visits/District "
      "patrols",
      "Event for Parish Councils to be held on Saturday 18 March 2017 (£500 allocated)"]),
    (None, "1.2", ["1.2 Actively contribute to the Serious Organised Local Crime Profile particularly actions 1, 6, 7,"
                   "11, 13, 16, 20, 21, 25, 33"], None, None, "green", True,
     ["On going: TCG and Locality Groups are available to respond to requests for information sharing and joint "
      "working opportunities that emerge"]),
    (None, "1.3", ["1.3 Input to scoping and planning of appropriate Domestic Abuse services"], None, None, "green",
     True, ["Contribution made to 2016 Violence against Women and Girls Needs Assessment",
            "Countywide co-ordinator met with TCG in January to update on emerging trends and priorities (regional "
            "and national)"]),
    (None, "1.4", ["1.4 Host conference/training event for frontline officers and workers to raise awareness of all "
                   "the types of Domestic Abuse (Tuesday 27 September 2016)"],
     "FUNDING ALLOCATED: £1500 from PCC 15-16", 1500, "closed", True,
     ["Agreed to not hold the conference due to low interest but agreed by OPCC to re-allocate £1,000 funding. "
      "Action 1.4 will now be treated as closed."]),
    (None, "1.5", ["1.5 Share information across the Partnership about hoarder cases and work together to provide "
                   "tailored-solutions"], "FUNDING ALLOCATED: £1000", 1000, "green", True,
     ["Hoarder Training delivered to 20 officers (from SCDC and local registered social landlords) 02/02/17.",
      "Victim of scams supported through partnership activity by CCCSB&C, CF&RS and Post Office; this revealed "
      "some hoarding issues (7 bags of scam letters recorded and documented by the resident)"]),
    (None, "1.6", ["1.6 Raise awareness of CSE by hosting Chelsea's Choice & Tough Love performances (a) for "
                   "students in village colleges (b) for parents, carers and community representatives"],
     "FUNDING ALLOCATED: £4,500", 4500, "green", True,
     ["\"Tough Love\" to be presented to South Cambs Village Colleges in March 2017. Evaluation to follow in "
      "financial year 2017-18"]),
    (None, "1.7", ["1.7 Through the CSE Task & Finish Group (i) identify and (ii) collate resources available for "
                   "different school years"], "FUNDING ALLOCATED: £1,000 from 15-16", 1000, "amber", True,
     [[("Some resourcing issues but Project Lead is in contact with TCG to keep action on track", "i")],
      "A resource pack that focuses on preventative interventions (in particular those that help young people to "
      "explore and understand what is a healthy relationship) is being researched, co-ordinated and developed. "
      "The pack will also cover the concept of respect; e-safety, CSE and Prevent."]),
    (None, "1.8", ["1.8 Raise awareness of how to report hate crime"], "FUNDING ALLOCATED: £500", 500, "amber",
     True, ["Provisional work with local employer to include Hate Crime questions in staff survey (in response to "
            "Brexit vote); further opportunities to deliver any required on-site information sessions/surgeries to "
            "be explored in financial year 2017-2018",
            "Additionally a Facebook advert advising how to report Hate Crime is planned for late March/early "
            "April"]),
    (None, "1.9", ["1.9 Deliver initiatives to increase community resilience to scams and rogue traders"],
     "FUNDING ALLOCATED: £2,000", 2000, "green", True,
     ["Training given to library staff who have now created their own community protection displays in Histon "
      "Library and Linton Library",
      "Prevention/awareness to older residents in Girton, carers in Shelford, Dementia Support Group at Gt "
      "Shelford and Cambourne, and Willingham Engage group",
      "Prevention/awareness stickers for cheque books and telephones distributed",
      "Local South Cambs Post offices have agreed to hand out scams awareness information to customers collecting "
      "their pensions."]),
    ("2. TACKLE DWELLING BURGLARY", "2.1",
     ["2.1 Share appropriate intelligence, data and information using existing information sharing agreements "
      "(e.g. Integrated Offender Management, locality meetings, ECINS, case conferences)"], None, None, "green",
     True, ["On going through TCG and Locality Group meetings",
            "A decision will need to be made regarding ECINS: the system is not being used by partners however, "
            "this is not affecting data/information sharing or casework"]),
    (None, "2.2", ["2.2 Promote crime prevention initiatives and advice (e.g. Bad Wolf Test, Operation Oaklands) "
                   "through existing individual communication channels"], "FUNDING ALLOCATED: £2,000", 2000,
     "green", True,
     ["Police & Crime Commissioner Funding has been used to support Operation Hunter by purchasing stocks of crime "
      "prevention items such as Fake T.V's, shed & window alarms, and timer switches to sell on at cost price to "
      "residents.",
      "Events have taken place throughout this year at the following villages: Balsham, Gamlingay, Papworth "
      "Everard, Melbourn, Milton"]),
    ("3. IMPROVE OUR UNDERSTANDING OF OUR INCREASINGLY DIVERSE COMMUNITIES AND BUILD COMMUNITY RESILIENCE", "3.1",
     ["3.1 Carry out an exercise to identify what datasets and information are currently held by CDRP agencies"],
     None, None, "green", True,
     ["Micro-beat (street-level) crime data produced by Chief Inspector James Sutherland, and included in "
      "Strategic Assessment process."]),
    (None, "3.2", ["3.2 Create outreach opportunities to engage with, and increase our understanding of the needs "
                   "of, the diverse communities in the District."], "FUNDING ALLOCATED: £1,277", 1277, "amber",
     True, [[("Staff resource issue has meant that this action could not be carried out as planned.", "i")],
            "However the following action has been taken:",
            {"style": "List Bullet", "parts": ["Contact information added to Northstowe Welcome Pack (no cost to "
                                               "CDRP) for distribution in early Spring 2017"]},
            {"style": "List Bullet", "parts": ["Contact made with large local employer to include Community Safety "
                                               "messages in their staff survey and possible site surgery"]}]),
    # The last three rows carry their status only as the RAG cell's fill (no word), as some officers do.
    (None, "3.3", ["3.3 Assess the information gathered in 3.1 and 3.2 to help inform further service planning "
                   "across the CDRP and/or it's component agencies"], None, None, "green", False,
     ["Micro-beat (street-level) crime data produced by Chief Inspector James Sutherland, and included in "
      "Strategic Assessment process. It is hoped some data will be available from 3.2 from April onwards"]),
    (None, "3.4", ["3.4 Contribute to the Prevent Strategy (Counter Terrorism) by monitoring and responding to "
                   "monthly information and updates"], None, None, "green", False,
     ["\"PREVENT\" e-learning module now added to SCDC ICT system and will be a mandatory course for front line "
      "staff", "Action Plan and Prevent update are a standing agenda item of monthly T&CG"]),
    (None, "3.5", ["3.5 Actively contribute to the Serious Organised Local Crime Profile particularly actions 1, 6, "
                   "7, 11, 13, 16, 20, 21, 25, 33)"], None, None, "amber", False,
     ["On going: TCG and Locality Groups are available to respond to requests for information sharing and joint "
      "working opportunities"]),
]
RAG_WORD = {"green": "GREEN", "amber": "AMBER", "red": "RED", "closed": "ACTION CLOSED"}

BUDGET_TITLE = "CDRP Budget April 2016 to March 2017: February 2017 update"
# (line, item, relates, original raw, revised raw, notes)
BUDGET = [
    ("1", "CCC/Research and Analyst", "3.1, 3.2, 3.3", "4000.00", "4000.00",
     "Strategic Assessment provided to CDRP February 2017, and analysis received each month via T&CG"),
    ("2", "Community & school presentations of Chelsea's Choice and Tough Love", "1.6", "4500.00", "4500.00",
     "School presentations taking place in March 2017."),
    ("3", "Parish Training Event", "1.1", "500.00", "500.00", "Taking place on Saturday 18th March with a focus"),
    ("4", "Hoarding", "1.1, 1.5", "1000.00", "1000.00",
     "Training delivered to 20 officers from SCDC and Registered Social Landlords on 02/02/17. Budget set was "
     "£1,000, actual cost was £1,013.70 therefore £13.70 of the total invoice amount will be funded from SCDC "
     "Community Safety budget"),
    ("5", "Hate Crime", "1.8", "500.00", "500.00", "Anticipated to be spent mid-March"),
    ("6", "Community Protection work by CCC", "1.9", "2000.00", "2000.00", "See October financial return"),
    ("7", "Burglary Prevention", "2.2", "2000.00", "2000.00", "See October financial return"),
    ("8", "Community Engagement", "3.1,3.2, 3.3", "1277.00", "0", "Re-allocated to Lines 9 and 10"),
    ("9", "Contribution to Bobby Scheme", "1.1, 2.2", "0", "1277.00",
     "Agreed at Feb 2017 TCG meeting Awaiting costings"),
    ("10", "Information Packs for distribution at Parish Training Event (Line 3)", "1.1", "0", "",
     "Agreed at Feb 2017 TCG meeting Awaiting costings"),
]
BUDGET_TOTAL = ("15,777.00", "15,777.00")

CADET_TITLE = "CADET highlights: South Cambridgeshire, April to December 2016 compared with April to December 2015"
CADET_HEAD = ["Crime type", "Apr - Dec 2015", "Apr - Dec 2016", "Change", "% Change"]
# values raw; parsed numbers beside (None = null)
CADET = [
    ("All crime", ("4,512", 4512), ("4,873", 4873), ("+ 361", 361), ("+ 8.0%", 8.0)),
    ("Dwelling burglary", ("312", 312), ("274", 274), ("- 38", -38), ("- 12.2%", -12.2)),
    ("Theft from motor vehicle", ("402", 402), ("517", 517), ("+ 115", 115), ("+ 28.6%", 28.6)),
    ("Hate crime", ("0", 0), ("14", 14), ("+ 14", 14), ("No Calc", None)),
    ("Cyber crime", ("-", None), ("23", 23), ("-", None), ("No Calc", None)),
    ("ASB incidents", ("1,845", 1845), ("1,702", 1702), ("- 143", -143), ("- 7.8%", -7.8)),
]


def _money(raw: str):
    if raw is None or raw.strip() == "":
        return None
    return float(raw.replace(",", "").replace("£", ""))


def build() -> tuple[PackWriter, Gold]:
    gold = Gold()
    w = PackWriter(COMMITTEE, created=__import__("datetime").datetime(2017, 2, 15, 9, 0, 0))
    papers.cover_letter(w, COVER, gold, style="2017")
    w.page_break()
    # -- agenda ---------------------------------------------------------
    rows = [[[[("AGENDA", "b")]], None, [[("PAGES", "b")]]]]
    for it in AGENDA:
        if it[0] == "GROUP":
            rows.append([None, [[(it[1], "b")]], None])
            continue
        raw, title, presenter, pages, notes = it
        rows.append([raw, title + (f" - {presenter}" if presenter else ""), pages])
        for n in notes:
            rows.append([None, n, None])
        gold.add("v_agenda_items", item_number=papers.norm_item_number(raw), title=title, presenter=presenter,
                 pages=pages.replace(" ", "") if pages else None, _find=title[:25])
    w.table(rows, widths=[1.8, 12.2, 3.0], borders=False, size=11)
    w.para("South Cambridgeshire District Council, South Cambridgeshire Hall, Cambourne Business Park, Cambourne, "
           "Cambridge CB23 6EA", size=8)
    w.para("Tel: 03450 450 500 Fax: 01954 713149", size=8)
    w.para("Democratic Services Contact Officer: Patrick Adams 03450 450 500 democratic.services@scambs.gov.uk",
           size=8)
    w.page_break()
    for raw, title, body in AGENDA_LATER:
        w.bold(f"{raw} {title}")
        for t in body:
            w.para(t)
        gold.add("v_agenda_items", item_number=papers.norm_item_number(raw), title=title, presenter=None,
                 pages=None, _find=title[:25])
    w.page_break()
    for head, text in GUIDANCE:
        if head == "•":
            w.bullet(text)
        elif head and text is None:
            w.bold(head, size=12)
        else:
            if head:
                w.bold(head)
            w.para(text)
    w.blank_page()
    minutes(w, gold)
    w.page_break()
    action_plan(w, gold)
    w.page_break()
    budget(w, gold)
    w.new_section(landscape=False)
    w.para("Document is Restricted", align=1)
    w.blank_page()
    cadet(w, gold)
    w.page_break()
    item6(w)
    return w, gold


def minutes(w: PackWriter, gold: Gold) -> None:
    w.para(("Agenda Item 3", "b"), align=2)
    w.bold("SOUTH CAMBRIDGESHIRE CRIME AND DISORDER REDUCTION PARTNERSHIP", size=12, align=1)
    w.para("Minutes of the meeting held on Thursday, 10 November 2016 at 10.00 a.m.", align=1)
    gold.add("v_meetings", committee=MINUTES_BODY, meeting_date=MINUTES_DATE, start_time="10:00", venue=None,
             _find="Minutes of the meeting held on Thursday")
    w.para(("PRESENT:", "b"), " Maurice Moore – Chairman")
    gold.add("v_attendance", meeting_date=MINUTES_DATE, person="Maurice Moore", role="Chairman", attendance="chair",
             _find="Maurice Moore – Chairman")
    rows = []
    for i, (name, role) in enumerate(PRESENT):
        rows.append([[[("Members:", "b")]] if i == 0 else None, name, role])
        gold.add("v_attendance", meeting_date=MINUTES_DATE, person=name, role=role, attendance="present",
                 _find=name)
    w.table(rows, widths=[2.5, 4.5, 10.0], borders=False, size=10)
    for name in APOLOGIES:
        gold.add("v_attendance", meeting_date=MINUTES_DATE, person=name, role=None, attendance="apologies",
                 _find="Apologies were received from")
    w.para(("Action", "b"), align=2)
    for num, title, body in MINUTES:
        w.bold(f"{num} {title}")
        item = papers.norm_item_number(num)
        for entry in body:
            kind = entry[0]
            if kind in ("p", "d"):
                w.para(entry[1])
            elif kind in ("b", "db"):
                w.bullet(entry[1])
            elif kind == "h":
                w.bold(entry[1])
            elif kind == "a":
                w.para(("ACTION:", "b"), " " + entry[2])
                gold.add("v_minute_actions", meeting_date=MINUTES_DATE, owners=entry[1], action_text=entry[2],
                         _find=entry[2][:30])
            elif kind == "A":
                w.para(("ACTION:", "b"))
                for owners, text in entry[1]:
                    w.para(text)
                    gold.add("v_minute_actions", meeting_date=MINUTES_DATE, owners=owners, action_text=text,
                             _find=text[:30])
            if kind in ("d", "db"):
                gold.add("v_decisions", meeting_date=MINUTES_DATE, item_number=item, decision_text=entry[1],
                         _find=entry[1][:30])
    w.para("The meeting ended at 12.30 p.m.")


def action_plan(w: PackWriter, gold: Gold) -> None:
    w.para(("Agenda Item 4b", "b"), align=2)
    w.para("Report to: South Cambridgeshire CDRP Board")
    w.para("Lead Officer: Philip Aldis, SCDC Community Safety Officer")
    w.para("Date: 10 February 2017")
    w.heading("Update on South Cabs CDRP Action Plan and Funding", 2)
    for t in [
        "The South Cambridgeshire CDRP set out its annual Action Plan in April 2016. Activity on the plan, and the "
        "funding provided by the Police & Crime Commissioner to deliver on some of the actions contained in the "
        "plan, is monitored monthly by the CDRP Tasking & Co-ordination Group.",
        "The Action Plan is attached and shows a summary of activity to date.",
        "The CDRP received £15,277 of funding from the Police & Crime Commissioner (PCC). Our financial report for "
        "October 2016 to March 2017 will be submitted to the PCC at the end of March. £8500 of the £15,777 was "
        "reported on to the PCC in October 2016, and to the CDRP in November 2016. A summary of the £7,277 "
        "scheduled to be spent between October 2016 and March 2017 can be found at the end of the attached "
        "Action Plan.",
    ]:
        w.numbered(t)
    w.heading("Recommendations", 3)
    w.para("4. That the South Cambridgeshire CDRP notes the report.")
    w.para("Report Author: Philip Aldis – Community Safety Officer")
    w.para("Telephone: (0195) 713344")
    w.para("Email: philip.aldis@scambs.gov.uk")
    w.new_section(landscape=True)
    w.bold(PLAN_HEADING, size=12)
    w.bold("Adding value")
    w.para("This partnership action plan identifies how we can work together to “add value” to existing core "
           "services delivered by individual agencies. It does not list core services or activities and "
           "initiatives planned by individual agencies.")
    w.bold("Funding")
    w.para("We will use £15,777 funding received from the Office of Police & Crime Commissioner to deliver these "
           "actions, as well as explore other partnership opportunities, including building on existing and any "
           "potential shared services operating across traditional District boundaries")
    # Priorities overview: merged cells across the three columns.
    w.table([
        ["Priority 1", "Priority 2", "Priority 3"],
        ["Work together to....", None, None],
        ["Protect the vulnerable", "Tackle Dwelling Burglary",
         "Improve our understanding of our increasingly diverse communities and build community resilience"],
        ["Context", None, None],
        [[[("There are many different groups of vulnerable people living in the District including:", "i")],
          {"style": "List Bullet", "parts": ["Domestic Abuse"]}, {"style": "List Bullet", "parts": ["Hoarding"]},
          {"style": "List Bullet", "parts": ["Child Sexual Exploitation (CSE)"]},
          {"style": "List Bullet", "parts": ["Hate crime"]}, {"style": "List Bullet", "parts": ["Cyber Crime"]}],
         [[("Compared to national and county levels, burglary remains low in the District.", "i")]],
         [[("South Cambridgeshire is changing. There are new developments in progress and planned, but additionally "
            "of people are attracted to existing villages. This is a 2 stage priority; firstly we want to improve "
            "our knowledge of our communities, secondly to take specific action once issues are identified", "i")]]],
        ["Cross-cutting themes", None, None],
        [["Improved and appropriate information sharing leading to targeted partnership initiatives",
          "Contribute to the Serious Organised Crime Local Profile (SOCLP)",
          "Communicate key messages to residents and partner agencies"], None, None],
    ], widths=[8.5, 8.5, 8.7], header_rows=1, size=9,
        merges=[(1, 0, 1, 2), (3, 0, 3, 2), (5, 0, 5, 2), (6, 0, 6, 2)])
    # Colour key for the RAG column.
    w.bold("Key to RAG status")
    w.table([["GREEN", "On track"], ["AMBER", "Some issues; action in hand"], ["RED", "Not on track"],
             ["GREY", "Action closed"]], widths=[2.5, 7.0], size=9,
            fills={(0, 0): FILLS["green"], (1, 0): FILLS["amber"], (2, 0): FILLS["red"], (3, 0): FILLS["closed"]})
    w.page_break()
    rows = [["Priority", "Action", "Progress (to be updated monthly via T&CG)", "RAG"]]
    fills = {}
    merges = []
    start = None
    for i, (prio, ref, action_paras, funding_raw, funding, status, word, progress) in enumerate(PLAN):
        r = len(rows)
        if prio:
            if start is not None and r - 1 > start:
                merges.append((start, 0, r - 1, 0))
            start = r
        acell = list(action_paras) + ([[(funding_raw, "b")]] if funding_raw else [])
        pcell = ([[(RAG_WORD[status], "b")]] if word else []) + list(progress)
        rows.append([[[(prio, "b")]] if prio else None, acell, pcell, None])
        fills[(r, 3)] = FILLS[status]
        desc = " ".join(action_paras)[len(ref) + 1:]
        prog_text = " ".join(_plain(p) for p in progress)
        gold.add("v_action_updates", plan_title=PLAN_TITLE, action_ref=ref, ref=ref, description=desc,
                 lead_agency=None, period=PLAN_PERIOD, period_start=PLAN_PERIOD_START, progress=prog_text,
                 status=status, stats_awaited=0, funding_allocated=funding, _find=action_paras[0][:30])
    if start is not None and len(rows) - 1 > start:
        merges.append((start, 0, len(rows) - 1, 0))
    w.table(rows, widths=[4.2, 8.5, 11.8, 1.2], header_rows=1, size=9, fills=fills, merges=merges)


def _plain(p) -> str:
    if isinstance(p, str):
        return p
    if isinstance(p, dict):
        return " ".join(x if isinstance(x, str) else x[0] for x in p["parts"])
    return " ".join(x if isinstance(x, str) else x[0] for x in p)


def budget(w: PackWriter, gold: Gold) -> None:
    w.bold(BUDGET_TITLE, size=12)
    rows = [["Line", "Item", "Relates to Actions", "Original Allocation", "Revised allocation", "Notes"]]
    for line, item, rel, orig, rev, notes in BUDGET:
        rows.append([line, item, rel, orig, rev or None, notes])
        for measure, raw in (("Original Allocation", orig), ("Revised allocation", rev)):
            amt = _money(raw)
            if amt is not None:
                gold.add("v_budget_amounts", table_title=BUDGET_TITLE, item=item, measure=measure, amount=amt,
                         is_total=0, _find=item[:25])
    rows.append([None, [[("TOTAL", "b")]], None, [[(BUDGET_TOTAL[0], "b")]], [[(BUDGET_TOTAL[1], "b")]], None])
    for measure, raw in zip(("Original Allocation", "Revised allocation"), BUDGET_TOTAL):
        gold.add("v_budget_amounts", table_title=BUDGET_TITLE, item="TOTAL", measure=measure, amount=_money(raw),
                 is_total=1, _find=BUDGET_TITLE[:25])
    w.table(rows, widths=[1.2, 6.5, 2.6, 2.6, 2.6, 10.0], header_rows=1, size=9)
    w.bold("Notes:")
    w.para("At the January and February T&CG meetings it was agreed to re-allocate from Line 8 Community Engagement "
           "as follows:")
    w.para("Line 9: Bobby Scheme")
    w.para("Line 10: Information packs for distribution at the Parish Event")


def cadet(w: PackWriter, gold: Gold) -> None:
    """A performance table typed with no ruling lines (text-aligned columns)."""
    w.para(("Agenda Item 5a", "b"), align=2)
    w.bold("Strategic Assessment: performance data", size=12)
    w.bold(CADET_TITLE)
    rows = [CADET_HEAD]
    for name, *cells in CADET:
        rows.append([name] + [c[0] for c in cells])
        for head, (raw, val) in zip(CADET_HEAD[1:], cells):
            period = head if head.startswith("Apr") else None
            gold.add("v_indicator_values", table_title=CADET_TITLE, indicator=name, measure=head,
                     period_label=period, value=val, _find=name)
    w.table(rows, widths=[5.5, 2.8, 2.8, 2.2, 2.4], header_rows=1, borders=False, size=10)
    w.para("Source: CADET (Crime and Disorder Electronic Toolkit). No Calc = percentage change cannot be calculated "
           "from a zero base.", size=8)


def item6(w: PackWriter) -> None:
    w.para(("Agenda Item 6", "b"), align=2)
    w.para("Report to: South Cambridgeshire CDRP Board")
    w.para("Lead Officer: Philip Aldis, SCDC Community Safety Officer")
    w.para("Date: 10 February 2017")
    w.heading("Cambridgeshire Countywide Community Safety Partnership Agreement", 2)
    for t in [
        "The Office of the Police & Crime Commissioner (OPCC) will be leading on the re-drafting of the "
        "Cambridgeshire Countywide Community Safety Partnership Agreement (attached).",
        "To inform that work, the Community Safety Partnerships in the County are being asked to outline which of "
        "the agreement priorities they plan to deliver at a District level, and which they would like to be "
        "co-ordinated at a Countywide level.",
    ]:
        w.numbered(t)
    w.heading("Recommendations:", 3)
    w.para("That Board Members:")
    w.para("1. Note the attached Partnership Agreement")
    w.para("2. Delegate responsibility to the CDRP Tasking & Co-Ordination Group to discuss in detail and reply to "
           "the OPCC")
    w.page_break()
    w.para("To: Cambridgeshire Community Safety Strategic Board")
    w.para("From: Sarah Ferguson")
    w.para("Date: 31 March 2016")
    w.heading("Countywide Community Safety Agreement", 2)
    w.bold("1. Purpose")
    w.para("1.1 This report reminds the Board of the functions of the Countywide (including Peterborough) Community "
           "Safety Agreement. It recommends that during 2016/17, as partners come together to further develop the "
           "local criminal justice and community safety system they consider a new approach to the next "
           "Countywide Community Safety Agreement to support this work from 2017.")
    w.bold("3. Updating the agreement going forward")
    w.para("3.1 The 2014 -17 Countywide Community Safety Agreement captures the Community Safety Partnership "
           "priorities and identified the cross-cutting countywide priorities as:")
    for t in ("Domestic Abuse", "Integrated Offender Management", "Substance Misuse"):
        w.bullet(t)
    w.bold("5. Recommendation")
    w.para("5.1 The updates to the agreement are noted.")
    w.para("5.2 During 2016/17 as partners consider work required across the Criminal Justice and Community Safety "
           "Systems they consider a new approach to the next Countywide Community Safety Agreement to support this "
           "work from 2017.")
