"""Content of the sample packs as structured data, transcribed from ../shared/seeds/.

Seed 001: the late-report pack of 24 July 2009 for the South Cambridgeshire
CDRP meeting of 27 July 2009 (cover letter, agenda item 7, four Q1 2009/10
quarterly progress reports and the Rolling Plan 2009–2012, see plan2009.py).
Seed 000: the Q4 2010/11 performance report pack for 26 April 2011.
Seed 003: the CDRP Board Stakeholder Event pack of 15 February 2017.

Normalised values the gold files need (ISO dates, HH:MM times, periods) are
written beside the raw text here, once, so the renderer and the gold writer
read the same record. Long repetitive parts are trimmed (noted where done).
"""

from __future__ import annotations

# Template guidance footnotes of the quarterly progress report (boilerplate, never content).
FN_ACH = "Please ensure that you only highlight those notable achievements recorded against your Task Group's Action Plan."
FN_CON = ("Please ensure that you only highlight those concerns that your Task Group considers should be drawn "
          "to the attention of the Partnership.")
FN_REC = ("Please ensure that, in connection with the above Areas of Concern, your Task Group sets out its "
          "Recommendations to the Partnership to address these Concerns, so that agreement can be made "
          "(where appropriate).")
FN_PUB = "Please ensure that any items included here for Publicity are not protectively marked."

H_ACH = "Key Achievements during this Quarter"
H_CON = "Areas of Concern for Partnership to Note"
H_REC = "Recommendations to Partnership to Address Concerns"
H_PUB = "Any Items for Publicity"

COMMITTEE_2009 = "South Cambridgeshire Crime and Disorder Reduction Partnership"
VENUE_SWANSLEY = ("SWANSLEY ROOM, GROUND FLOOR at South Cambridgeshire Hall, Cambourne Business Park, "
                  "Cambourne, Cambridge, CB23 6EA")

BOARD_2009 = ("Vickie Crompton, Mick Harding, Rick Hylton (Vice-Chairman), Tom Jefford, Denise Lewis, District "
              "Councillor Ray Manning, County Councillor Linda Oliver, County Councillor John Reynolds (Chairman), "
              "Chief Inspector Vicky Skeels, and Darcy Weaver.")

# ---------------------------------------------------------------------------
# Seed 001: July 2009 (Q1 2009/10) pack
# ---------------------------------------------------------------------------
COVER_2009_Q1 = {
    "issue_date_raw": "Friday 24 July 2009",
    "issue_date": "2009-07-24",
    "addressees_intro": "To: Board Members of the South Cambridgeshire Crime and Disorder Reduction Partnership",
    "addressees": BOARD_2009,
    "opening": "Please find attached a late report for the next meeting of ",
    "committee_raw": "SOUTH CAMBRIDGESHIRE CRIME AND DISORDER REDUCTION PARTNERSHIP",
    "committee": COMMITTEE_2009,
    "venue_raw": VENUE_SWANSLEY,
    "when_raw": "MONDAY, 27 JULY 2009 at 10.00 a.m.",
    "meeting_date": "2009-07-27",
    "start_time": "10:00",
    "officer": "IAN SENIOR",
    "officer_role": "Democratic Services Officer, South Cambridgeshire Crime and Disorder Reduction Partnership",
    "access_note": ("South Cambridgeshire District Council is committed to improving, for all members of the "
                    "community, access to the agendas and minutes it produces. We try to take all circumstances "
                    "into account but, if you have any specific needs, please let us know, and we will do what we "
                    "can to help you."),
}

AGENDA_2009_Q1 = {
    "pages_heading": True,
    "items": [
        {"raw": "7.", "number": "7",
         "title": "CDRP performance report - Q1 2009-10",
         "presenter": "Cllr John Reynolds - Chairman / Task Group Chairs / Leigh Roberts CCC / Neil Weston",
         "printed": ("CDRP performance report - Q1 2009-10 (Cllr John Reynolds - Chairman / Task Group Chairs / "
                     "Leigh Roberts CCC / Neil Weston)"),
         "pages_raw": "PAGES 1 - 40", "pages": "1-40"},
    ],
}

QPRS_2009_Q1 = [
    {
        "style": "template",
        "org": "South Cambs Crime and Disorder Reduction Partnership",
        "title": "Priority Area Quarterly Progress Report: Q1 2009/10",
        "priority_area": "ASB", "lead_officer": "Insp Chris Savage", "period": "2009/10 Q1",
        "label_bold": True,
        "sections": [
            ("achievement", H_ACH, "1", [
                "The group dealt with 12 newly referred cases in Q1",
                "Two ASBOs and Three Acceptable Behaviour Contracts were issued during the quarter",
                "Dedicated Problem Solving Groups were held to develop solutions to three specific cases – "
                "demonstrating a partnership orientated problem solving approach to ASB case resolution",
                "Attendance at ASB Task Group meetings and partner 'buy in' has improved since the last quarter",
                "Partnership working has led to the resolution of a number of ASB cases during the quarter and "
                "positive feedback from residents has been received through Neighborhood Panel meetings.",
                "The Streets programmes delivered to over 700 year 9 students at Linton, Bassingbourn, Comberton "
                "and Swavesey Village colleges",
            ]),
            ("concern", H_CON, "2", [
                "Absence of the CDRP ASB caseworker due to sickness has impacted on performance and co-ordination.",
                "Under-use of YOS assistance in dealing with responses to case referrals",
            ]),
            ("recommendation", H_REC, "3", [
                "YOS representatives will present at the August meeting to make other partners aware of the "
                "services they can offer in responding to case referrals.",
            ]),
            ("publicity", H_PUB, "4", ["ASBOs for two cases"]),
        ],
        "footnotes": [("1", FN_ACH), ("2", FN_CON), ("3", FN_REC), ("4", FN_PUB)],
    },
    {
        "style": "template",
        "org": "Cambridge Community Safety Partnership",
        "title": "Priority Area Quarterly Progress Report: Q1 2009/10",
        "priority_area": "Cambridge City and South Cambs", "lead_officer": "Anita I Goddard",
        "period": "2009/10 Q1", "label_bold": True, "heading_style": True,
        "sections": [
            ("achievement", H_ACH, "1", [
                "The calendar devised by student midwives was presented and the Task Group agreed that this should "
                "be presented to the Implementation Group.",
                "The Canadian Model training has taken place",
                "Representatives from mental health will attend the next TG meeting",
                "Bridget Fairley's post at SCDC has been recruited to",
                "All magistrates in the Cambridge Court have now received DV Training which was reported as very "
                "beneficial",
            ]),
            ("concern", H_CON, "2", [
                "The request for South Cambs to provide match funding for DV Awareness Day in 2009-10 needs "
                "consideration. £1,500 received from City. This is not sufficient however there is talk of having "
                "a countywide conference. This needs to be confirmed before planning work takes place.",
                "Whilst the training on the Canadian model has taken place Social Care Children's Teams do not have "
                "the resources to implement it. The Task Group is very concerned overall about the lack of "
                "resources in Children's Services.",
            ]),
            ("recommendation", H_REC, "3", [
                "The Task Group asks that the concerns over the lack of resources in Children's Services is raised "
                "and taken to strategic groups to take further.",
                "That a decision be taken on the issue of DV Awareness Day funding.",
            ]),
            ("publicity", H_PUB, "4", []),
        ],
        "footnotes": [("1", FN_ACH), ("2", FN_CON), ("3", FN_REC), ("4", FN_PUB)],
    },
    {
        # The PPO report uses the variant headings of another template.
        "style": "ppo",
        "org": "South Cambs Crime and Disorder Reduction Partnership",
        "title": "2009/10 Quarterly Progress Report",
        "quarter_raw": "Quarter 1 Apr - June 2009",
        "priority_area": "Catch and Convict PPO Strategy", "lead_officer": "Jenny Jolley", "period": "2009/10 Q1",
        "preamble": [
            "Total number of clients:",
            "Deter = 3",
            "Catch and Convict and Rehabilitate and Resettle = 7",
            "Number of removals due to successful engagement with the scheme = 1",
        ],
        "sections": [
            ("achievement", "1. Key Achievements (What has gone well):", None, [
                ("Enforcement:", "A curfew condition was obtained on a Probation licence, restricting a PPO to his "
                 "home address overnight and requiring them to present to a Police Officer on request. Regular "
                 "checks were undertaken by Police Officers to ensure that this condition was complied with."),
                ("Enforcement:", "A PPO was arrested and charged with breach of a recently obtained ASBO. This "
                 "resulted in a custodial sentence"),
                ("Enforcement:", "A PPO was given a lengthy custodial sentence for armed robbery."),
                ("Partnership Working:", "The early release on ECL of a PPO who proposed an unsuitable address for "
                 "release was delayed, until a suitable address was agreed upon."),
                ("Partnership Working:", "The early release from custody on ECL of a PPO was stopped, following "
                 "objections on the grounds of their status and continuing harm to the community."),
                ("Partnership Working:", "A condition was obtained on a Probation licence for a PPO to comply with "
                 "any requirements specified by their supervising officer, for the purpose of ensuring that they "
                 "address their alcohol offending, behaviour problems."),
                ("Prevention:", "A 2-year ASBO was obtained for a PPO whose offending, drinking and anti-social "
                 "behaviour has caused problems in the Fulbourn area."),
                ("Prevention:", "A 3-year ASBO was obtained for a PPO whose anti-social behaviour and offending has "
                 "caused problems in Girton and areas of Cambridge City."),
                ("Prevention:", "The crime saved estimator shows that 13 crimes were saved to date in FY2009/10 "
                 "(base level), 65 using the F multiplier (a close approximation to BCS)."),
                ("Rehabilitation & Resettlement:", "The PPO Officer is undertaking home visits and keeping in "
                 "contact by telephone with a young PPO, in order to engage them in the scheme and avert their "
                 "offending behaviour"),
                ("Rehabilitation & Resettlement:", "The PPO team are working in conjunction with the SCDC ASB PSG "
                 "and the housing dept, in order to facilitate the move of 2 PPOs and their family members."),
                ("Rehabilitation & Resettlement:", "Members of the PPO team attended the YOS Risk Panel meeting for "
                 "a PPO, in order to discuss the interventions that can be put in place following their release "
                 "from custody."),
            ]),
            ("concern", "2. Areas of Concern (what has not gone well)", None, [
                "Mr. Dick Moore attended regional PPO conference and reports:",
                ("", "New PPO guidance due in September from the Home Office", 2),
                ("", "CDRP to become legally required to run PPO programs and must have PPO as a standard agenda "
                 "item", 2),
                ("", "CDRP required to ensure that programs address the problem crime types: currently SAC and "
                 "burglary", 2),
                ("", "IOM most definitely on the radar and under consideration by Gary Goose and Dick Moore", 2),
            ]),
            ("recommendation", "3. Changes to be made to address concerns", None, [
                "Presentation by CI Gary Goose / Dick Moore re: PPO Guidance to be scheduled within the forward "
                "plan for Board meeting.",
            ]),
            ("publicity", H_PUB, "1", [
                {"para": "Cambridge PPO scheme featured in CEN and BBC national news in April."},
            ]),
        ],
        "footnotes": [("1", FN_PUB)],
    },
    {
        "style": "template",
        "org": "South Cambs Crime and Disorder Reduction Partnership",
        "title": "Priority Area Quarterly Progress Report: Q1 2009/10",
        "priority_area": "Serious Acquisitive Crime", "lead_officer": "Cllr John Reynolds",
        "period": "2009/10 Q1", "label_bold": False,
        "sections": [
            ("achievement", H_ACH, "1", [
                "Burglary & Vehicle Crime Task Group amalgamated into Serious Acquisitive Crime Task Group to "
                "streamline agendas.",
                "Significant reductions to SAC levels in Great Shelford and Linton. Great Shelford reductions are "
                "result of known persistent offender being given custodial sentence.",
                "As part of Police – Trading Standards partnership work, Bobby Scheme reps are asking all burglary "
                "victims that they visit if they have had any door-step sellers or cold callers at their home "
                "prior to the offence taking place (either Burglary/ Distraction Burglary or Rogue Trading) - so "
                "that it can be determined if there are links between these incidents. Police are funding "
                "increased patrols in distraction burglary hot-spot areas.",
                "Operation Promenade 2009 - In specific hot-spot areas a Bobby Scheme rep will be working using "
                "information from Cambridgeshire Police to upgrade security for those residents who may be "
                "vulnerable or at risk of distraction burglary.",
                "A database of community contacts is being compiled for South Cambs villages to include Residents "
                "Groups, Lunch Clubs, Meals on Wheels, Neighbourhood Watch, Housing Societies, etc. This list will "
                "then be used to disseminate information and awareness messages regarding Distraction Burglary and "
                "Rogue Trading as appropriate.",
                "Police have completed purchases of Smart Water kits – and wish to thank CDRP for swift response on "
                "granting of funding for this.",
                "Change in PPO matrix guidelines has allowed three more known burglary offenders to be added to PPO "
                "scheme list.",
                "Trading Standards reported that HomeShield scheme is working well – 13 cases in South Cambs "
                "successfully referred to other partners for services required during Q1. Training sessions for "
                "partner reps very well subscribed, which bodes well for extending the scope of the scheme.",
            ]),
            ("concern", H_CON, "2", [
                "Spikes in incidences in Cottenham, Willingham, Bourn and Cambourne – Cambs Police have identified "
                "offenders believed to be responsible for this activity and are pursuing investigations.",
                "The County CSO was going to facilitate meeting between SACTG members and County Magistrates to "
                "discuss sentencing policy. This has lapsed with previous post holder leaving and group feel it "
                "would be very beneficial to schedule this ASAP.",
            ]),
            ("recommendation", H_REC, "3", [
                "Explore possibility of scheduling meeting between SACTG and Magistrates to discuss sentencing "
                "policy.",
            ]),
            ("publicity", H_PUB, "4", [
                "Home security information leaflets have been produced by the CDRP and distributed to all residents "
                "in the district with the latest edition of the SCDC magazine.",
            ]),
        ],
        "footnotes": [("1", FN_ACH), ("2", FN_CON), ("3", FN_REC), ("4", FN_PUB)],
    },
]

PLAN_FOOTNOTE_2009 = ("Please note – 2009/10 figures will be the base line to which future years figures will be "
                      "compared (where appropriate to individual milestones).")
ITEM07_PATH = r"E:\moderngov\Data\AgendaItemDocs\5\3\0\AI00032035\Item07RollingPlan2009monitoringNWJuly20090.doc"
