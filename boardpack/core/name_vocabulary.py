"""The words around people's names: titles and ranks, honours, role words, short forms.

Packs write names with council, police and fire titles before them, honours
after them and roles in brackets ("Ch Insp. Dave Sargent", "Mr R C Love, OBE",
"John Reynolds (Chairman)"). The name parser (names.py) strips these words,
the extractors test candidates against NOT_NAME_WORDS, and the person
clustering (person_clusters.py) reads short forms ("Dave" = "David"): one
vocabulary for all of them, kept apart from the code that applies it.
"""

from __future__ import annotations

import re

from boardpack.core.vocabulary import MONTH_FULL_NAMES, WEEKDAY_NAMES


# Multi-word titles first (longest match wins). Compared case-insensitively,
# with an optional full stop after each word ("Ch. Insp.", "Cllr.").
TITLE_PHRASES = [
    # council roles used as titles
    "county councillor", "district councillor", "parish councillor", "city councillor",
    "borough councillor", "town councillor", "county cllr", "district cllr", "cty cllr", "dist cllr",
    "unitary councillor", "unitary cllr", "ward councillor", "ward cllr", "parish cllr", "town cllr", "city cllr",
    "councillor", "cllr", "clr",
    # police ranks
    "chief constable", "deputy chief constable", "assistant chief constable",
    "chief superintendent", "ch supt", "ch superintendent", "det supt", "detective superintendent",
    "superintendent", "supt", "chief inspector", "ch insp", "chief insp", "det insp",
    "detective chief inspector", "detective inspector", "detective sergeant", "detective constable",
    "inspector", "insp", "sergeant", "sgt", "police constable", "constable", "pcso", "dci", "dsupt",
    "dcs", "ci", "di", "ds", "dc", "pc", "acc", "dcc", "ps",
    # fire ranks
    "group commander", "station commander", "watch commander", "crew commander", "area manager",
    "group manager", "station manager", "watch manager", "crew manager", "station officer",
    "chief fire officer", "deputy chief fire officer", "cfo", "gm", "sm", "wm",
    # honorifics
    "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "rev", "revd", "reverend",
    "the rev", "the revd", "canon", "sir", "dame", "lord", "lady", "baroness", "baron", "hon",
    "the hon", "rt hon", "the rt hon", "right honourable", "the right honourable", "his honour",
    "honorable", "honourable", "the honorable", "the honourable", "mme", "mlle", "madame", "monsieur",
    "judge", "major", "captain", "capt", "col", "colonel", "lt col", "brigadier", "commander",
    # US and Canadian elected-office titles written before a name ("Trustee Elton",
    # "Supervisor Liccar", "Commissioner Robert Sherrard", "Councilmember Diaz")
    "trustee", "supervisor", "commissioner", "councilmember", "council member", "councilwoman",
    "councilman", "councilor", "alderman", "alderwoman", "alderperson", "alder", "selectman",
    "selectwoman", "selectperson", "selectboard member", "board member", "director", "mayor",
    "vice mayor", "deputy mayor", "chairman", "chairwoman", "chairperson", "vice chair",
    "vice chairman", "chair", "president", "vice president", "delegate", "freeholder", "legislator",
    # the heads of Canadian rural municipalities and counties ("Reeve McIntosh", "Warden Smith")
    "reeve", "deputy reeve", "warden", "deputy warden",
]
# Office titles that are also ordinary role words ("Director of Finance",
# "Chair of the Board"): a title only when a capitalised name follows.
OFFICE_TITLES = frozenset({
    "trustee", "supervisor", "commissioner", "councilmember", "council member", "councilwoman",
    "councilman", "councilor", "alderman", "alderwoman", "alderperson", "alder", "selectman",
    "selectwoman", "selectperson", "selectboard member", "board member", "director", "mayor",
    "vice mayor", "deputy mayor", "chairman", "chairwoman", "chairperson", "vice chair",
    "vice chairman", "chair", "president", "vice president", "delegate", "freeholder", "legislator",
    "reeve", "deputy reeve", "warden", "deputy warden",
})
TITLE_WORDS = sorted({tuple(p.split()) for p in TITLE_PHRASES}, key=len, reverse=True)
ONE_WORD_TITLES = frozenset(t[0] for t in TITLE_WORDS if len(t) == 1)

# Honours and post-nominals written after a name.
HONOURS = frozenset(
    {
        "obe", "mbe", "cbe", "kbe", "dbe", "gbe", "bem", "qpm", "kpm", "qfsm", "kfsm", "jp", "dl", "mp",
        "mep", "qc", "kc", "cvo", "lvo", "mvo", "frics", "frsa", "fca", "aca", "cpfa", "mba", "msc", "ba",
        "bsc", "phd", "ma", "llb", "rgn", "rmn", "ceng", "dl.", "hon", "fcipd", "frs", "rd", "td",
    }
)

# Role words that appear in brackets or after a dash: "(Chairman)", "- Vice Chair".
ROLE_WORDS = re.compile(
    r"\b(chair(?:man|woman|person)?|vice[- ]chair(?:man|woman)?|deputy|leader|member|officer|manager|"
    r"director|head|lead|co-?ordinator|clerk|secretary|treasurer|mayor|portfolio|cabinet|inspector|"
    r"commander|advisor|adviser|analyst|representative|rep|substitute|observer|minute[- ]taker|"
    r"chief executive|executive|consultant|specialist|worker|team|partnership|service|council|"
    r"police|probation|nhs|trust)\b",
    re.I,
)

# Words that never occur in a person's name (orgs, places, document words).
NOT_NAME_WORDS = frozenset(
    w.lower()
    for w in """
    Council Councils District County City Borough Parish Town Partnership Partnerships Service Services
    Team Teams Group Groups Board Committee Unit Office Officer Officers Police Constabulary Probation
    Fire Rescue Authority Trust NHS Health Housing Community Communities Safety Crime Disorder
    Reduction Youth Offending Agency Association Department Directorate Centre Center Hall Room Road
    Street Lane House Court School College University Library Limited Ltd Plc Company Project
    Scheme Programme Program Strategy Plan Plans Action Actions Report Reports Minutes Agenda Item
    Items Meeting Quarter Update Progress Budget Funding Total Source Measurement Lead Leads Partners
    Other Task Finish Panel Forum Network Alliance Commissioner Commission Government Home Ministry Participation Aye Ayes Nay Nays Abstain Abstains Abstention Abstentions
    Justice Court Courts Prison Prisons Cambridgeshire Cambridge Kent Huntingdonshire Fenland South
    East West North Hall Ground Floor Swansley Appendix Annex Page Chair Chairman Vice Apologies Present Attendance Notes Note Yes No None Nil
    Environmental Environment Licensing Planning Trading Standards Victim Victims Support Care Social
    Adult Adults Children Young People Education Public Private Voluntary Sector Local National Regional
    Strategic Operational Multi Agency Agencies Domestic Abuse Violence Drug Drugs Alcohol Action
    Team Cabinet Member Members Executive Chief Director Head Manager Corporate Finance Financial
    Resources Affairs Regeneration Economic Development Integrated Care System Partnership Grant
    Highways Transport Waste Parks Leisure Customer Democratic Legal Audit Risk Risks Annual General
    Priority Priorities Area Areas Aim Aims Objective Objectives Target Targets Indicator Indicators
    Performance Key Achievements Concerns Recommendations Publicity Quarterly Monthly Weekly Daily
    The And Of For To In On At By With From Our Their This That These Those All Any Some Each
    Training Event Events Awareness Prevention Protection Neighbourhood Watch Victim Witness
    Magistrates Crown Prosecution Ambulance Hospital Hospitals Clinical Commissioning Surgery
    Borough Village Villages Pooled Fund Allocation Allocations Original Revised Balance Available
    Seconded Proposed Moved Said Asked Replied Thanked Welcomed Noted Agreed Resolved Reported Explained
    Confirmed Stated Introduced Presented Responded Commented Advised Informed Suggested Queried Added
    Declared Opened Closed Raised Spoke Joined Left Gave Updated Highlighted Summarised Undertook Requested
    Declaration Declarations Interest Interests Pecuniary Documents Distributed Audience Involvement
    Engagement Delivery Administrative Administrator Assistant Reeve Deputy Secretary Treasurer Clerk
    Works Operations Building Buildings Inspections Bylaw Communications Recorder Conservation Watershed List
    Others Contents Infrastructure Ratepayer Ratepayers Appointed Elected Co-opted
    """.split()
) | frozenset(MONTH_FULL_NAMES) | frozenset(WEEKDAY_NAMES)

# Common first-name forms for matching "Dave Sargent" with "David Sargent".
NICKNAMES = {
    "dave": "david", "davey": "david", "mike": "michael", "mick": "michael", "mickey": "michael",
    "chris": "christopher", "jim": "james", "jimmy": "james", "jamie": "james", "bob": "robert",
    "rob": "robert", "robbie": "robert", "bobby": "robert", "nick": "nicholas", "nicky": "nicola",
    "nikki": "nicola", "steve": "stephen", "steven": "stephen", "tony": "anthony", "andy": "andrew",
    "drew": "andrew", "sue": "susan", "susie": "susan", "liz": "elizabeth", "beth": "elizabeth",
    "lizzie": "elizabeth", "pete": "peter", "tom": "thomas", "tommy": "thomas", "phil": "philip",
    "phillip": "philip", "jenny": "jennifer", "jen": "jennifer", "kate": "katherine", "katie": "katherine",
    "cathy": "catherine", "kath": "katherine", "matt": "matthew", "ben": "benjamin", "sam": "samuel",
    "will": "william", "bill": "william", "billy": "william", "alex": "alexander", "dan": "daniel",
    "danny": "daniel", "jo": "joanne", "jon": "jonathan", "johnny": "john", "jack": "john",
    "ted": "edward", "ed": "edward", "eddie": "edward", "fred": "frederick", "harry": "henry",
    "jeff": "jeffrey", "geoff": "geoffrey", "greg": "gregory", "ken": "kenneth", "len": "leonard",
    "les": "leslie", "nat": "nathan", "pat": "patricia", "ray": "raymond", "rick": "richard",
    "rich": "richard", "dick": "richard", "ron": "ronald", "sandy": "sandra", "tim": "timothy",
    "val": "valerie", "vicky": "victoria", "vicki": "victoria", "di": "diana", "debbie": "deborah",
    "deb": "deborah", "gill": "gillian", "jill": "gillian", "mandy": "amanda", "maggie": "margaret",
    "meg": "margaret", "peggy": "margaret", "penny": "penelope", "becky": "rebecca", "bex": "rebecca",
    "charlie": "charles", "chas": "charles", "stu": "stuart", "al": "alan", "bert": "albert",
    "tori": "victoria", "lou": "louise", "nicki": "nicola",
}
