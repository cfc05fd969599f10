"""The EntityRuler's base patterns, and the gazetteer of agencies and given names they come from.

What the spaCy pipeline (nlp.py) knows before it sees a pack: partner agencies
with their spellings and abbreviations, organisation shapes ("<Capitalised
words> Council"), titles and ranks before a name, and common given names. Kept
apart from the pipeline because it is data and pattern building, compiled
once per process, while nlp.py runs the pipeline and seeds it per pack.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from boardpack.core.names import TITLE_PHRASES
from boardpack.extractors.spacy_import import load_spacy


# -- gazetteer ----------------------------------------------------------------

#: canonical agency name -> spellings and abbreviations seen in packs
AGENCIES: dict[str, list[str]] = {
    "South Cambridgeshire District Council": ["SCDC", "South Cambs DC", "South Cambridgeshire DC", "South Cambs District Council", "South Cambridgeshire District Council"],
    "Cambridgeshire County Council": ["CCC", "Cambs CC", "Cambridgeshire CC", "County Council", "Cambridgeshire County Council"],
    "Cambridge City Council": ["Cambridge City Council", "City Council"],
    "East Cambridgeshire District Council": ["ECDC", "East Cambs DC", "East Cambridgeshire District Council"],
    "Huntingdonshire District Council": ["HDC", "Huntingdonshire District Council"],
    "Fenland District Council": ["FDC", "Fenland District Council"],
    "Cambridgeshire Fire and Rescue Service": ["CFRS", "CF&RS", "CFR&S", "Cambs Fire", "Fire & Rescue Service", "Fire and Rescue Service", "Fire & Rescue", "Fire and Rescue", "Cambridgeshire Fire and Rescue Service", "Cambridgeshire Fire & Rescue Service", "Fire Service"],
    "Cambridgeshire Constabulary": ["Cambridgeshire Constabulary", "Cambs Police", "Cambridgeshire Police", "Constabulary", "Police"],
    "Probation Service": ["Probation", "Probation Service", "Probation Trust", "National Probation Service", "NPS", "CRC", "Community Rehabilitation Company"],
    "Drug and Alcohol Action Team": ["DAAT", "Drug and Alcohol Action Team", "Drug & Alcohol Action Team", "DAT"],
    "Youth Offending Service": ["YOS", "YOT", "Youth Offending Service", "Youth Offending Team", "Youth Offending"],
    "Police and Crime Commissioner": ["PCC", "Police & Crime Commissioner", "Police and Crime Commissioner"],
    "Office of the Police and Crime Commissioner": ["OPCC", "Office of the Police & Crime Commissioner", "Office of the Police and Crime Commissioner", "Office of Police & Crime Commissioner"],
    "Crime and Disorder Reduction Partnership": ["CDRP", "Crime and Disorder Reduction Partnership", "Crime & Disorder Reduction Partnership"],
    "Community Safety Partnership": ["CSP", "Community Safety Partnership"],
    "Domestic Abuse Partnership": ["DAP", "Domestic Abuse Partnership", "Domestic Violence Partnership"],
    "Tasking and Co-ordination Group": ["T&CG", "TCG", "Tasking & Co-ordination Group", "Tasking and Co-ordination Group", "Tasking and Coordination Group"],
    "Primary Care Trust": ["PCT", "Primary Care Trust"],
    "Clinical Commissioning Group": ["CCG", "Clinical Commissioning Group"],
    "National Health Service": ["NHS"],
    "Trading Standards": ["Trading Standards"],
    "Victim Support": ["Victim Support"],
    "Neighbourhood Watch": ["Neighbourhood Watch"],
    "Home Office": ["Home Office"],
    "Ministry of Justice": ["Ministry of Justice", "MoJ"],
    "Crown Prosecution Service": ["CPS", "Crown Prosecution Service"],
    "Registered Social Landlords": ["RSL", "RSLs", "Registered Social Landlord", "Registered Social Landlords"],
    "Kent County Council": ["KCC", "Kent County Council"],
    "Cherwell District Council": ["CDC", "Cherwell District Council"],
    "Oxfordshire County Council": ["OCC", "Oxfordshire County Council"],
    "Integrated Care Board": ["ICB", "Integrated Care Board"],
    "Environment Agency": ["Environment Agency"],
    "Highways Agency": ["Highways Agency", "National Highways"],
    "Cambridgeshire Mediation Service": ["Cambridgeshire Mediation Service", "Mediation Service"],
    "County Youth Services": ["County Youth Services", "Youth Service", "Youth Services"],
    "Drug Intervention Programme": ["DIP", "Drug Intervention Programme"],
    "Multi-Agency Referral Unit": ["MARU", "Multi-Agency Referral Unit"],
}

# Words that end an organisation's name: "<Capitalised ...> Council".
ORG_HEADS = [
    "Council", "Service", "Services", "Partnership", "Trust", "Team", "Group", "Constabulary", "Police",
    "Agency", "Commissioner", "Board", "Association", "Authority", "Department", "Directorate", "Unit",
    "Office", "Forum", "Network", "Alliance", "Society", "Charity", "Foundation", "College", "University",
    "School", "Academy", "Hospital", "Panel", "Committee", "Federation", "Company", "Ltd", "Limited",
]

_ABBREV_TO_CANON = {}
for canon, spellings in AGENCIES.items():
    for s in spellings:
        _ABBREV_TO_CANON.setdefault(s.lower(), canon)


def canonical_org(name: str) -> tuple[str, Optional[str]]:
    """(canonical name, abbreviation) for an agency as written: "CF&RS" ->
    ("Cambridgeshire Fire and Rescue Service", "CF&RS"); unknown names come back as written."""
    t = " ".join((name or "").split()).strip(" .,;:()")
    canon = _ABBREV_TO_CANON.get(t.lower())
    abbrev = t if re.fullmatch(r"[A-Z][A-Z&]{1,7}s?", t) else None
    if canon:
        return canon, abbrev
    # "SCDC Housing" -> "South Cambridgeshire District Council Housing"? keep as written,
    # but tell the caller which agency it belongs to through its abbreviation.
    first = t.split(" ", 1)[0]
    if first.lower() in _ABBREV_TO_CANON and re.fullmatch(r"[A-Z][A-Z&]{1,7}", first):
        return t, first
    return t, abbrev


# -- given names: a person is "<given name> <Capitalised>" even without a title ----

GIVEN_NAMES = frozenset(
    """
    aaron adam adrian aidan alan alex alexander alice alison amanda amy andrew andy angela anita ann anna
    anne annette anthony antony barbara barry ben benjamin beth bob brian bridget bruce carl carol caroline
    carolyn catherine cathy charles charlotte chris christine christopher claire clare colin craig dan daniel
    darren dave david dawn dean debbie deborah denise derek diane donna doug douglas duncan eddie edward eileen
    elaine eleanor elizabeth ellie emily emma eric fiona frances francis frank gail gareth gary gavin geoff
    geoffrey george georgina gerald gill gillian glen gordon graham greg guy hannah harry heather helen
    howard ian jack jackie james jamie jan jane janet janice jason jayne jean jeff jennifer jenny jeremy jill
    jim jo joan joanne joe john jon jonathan joseph josephine julia julian julie justin karen kate katherine
    kathryn katie keith kelly ken kenneth kerry kevin kim kirsty laura lee leigh lesley leslie linda lisa liz
    lorraine louise lucy lynn lynne malcolm marc margaret maria marie mark martin mary matt matthew maureen
    melanie michael michelle mick mike mohammed myles natalie neil nicholas nick nicky nicola nigel norman
    pam pamela pat patricia patrick paul paula pauline penny pete peter phil philip phillip rachel ray raymond
    rebecca richard rob robert robin roger ron ronald rosemary ross roy russell ruth ryan sally sam samantha
    sandra sarah scott sean sharon sheila shirley simon sonia sophie stephanie stephen steve steven stuart sue
    susan suzanne tanya teresa terry tim timothy tina toby tom tony tracey tracy trevor val valerie vanessa
    vicky victoria vince wendy william yinka yvonne zoe brendan bernard keith declan niall hazel iain
    fergus rhys gwen dilys owen ellis callum connor kieran liam jade kayleigh gemma jodie stacey leanne
    abigail abraham adele agnes aileen alastair alistair albert alfred alison amelia andrea angus anjan
    annabel anthea april arthur audrey barney belinda bernadette beverley billie bradley brenda bryan
    caitlin cameron carla carmel carole cecilia charlie cheryl chloe christina christian ciaran clive
    colette conrad corinne daisy dale damian daphne darcy darren deirdre delia derrick desmond diana dominic
    dorothy edith edwin elena eliza ellen elliot esther eve evelyn faye felicity florence freddie freya gabriel
    gareth geraldine gerry gina gloria grace grant hamish harriet hayley henry hilary holly hugh hugo imogen
    ingrid irene isabel isabella ivan jack jacqueline jake jasmine jeanette jennie jenni jess jessica joanna
    jodie jordan josh joshua joy judith judy jude june karl kathleen kay kelvin kirsten lara laurence leah
    leon lewis lily lindsay lindsey lionel lottie louisa lucas luke lydia lyn lynda madeleine maggie mandy
    margot marian marianne marilyn marion martyn maurice max megan melissa mia miles millie miriam molly
    monica morag muriel nadia naomi nathan nathaniel ned neville nina noel norma olive olivia oliver oscar
    patsy pauline percy philippa phoebe polly priscilla quentin rachael ralph rebekah reg reginald rhiannon
    rita roberta rod rodney rory rosa rose rosie rowena ruby rupert sadie sally-anne sasha selina seth shane
    shaun sheena shelley sian sid sidney silvia simone siobhan stan stanley stella steph susie suzy sylvia
    tamsin tara ted teresa terence theresa thomas tilly tobias tom tommy tracy trudy una ursula vera vernon
    veronica vicki vickie vivian vivienne walter warren wayne wilfred will winifred yasmin yvette zachary
    zara ahmed ali amir anil arjun asif bilal deepak farah hassan imran jasvir kamal manjit mohammad
    muhammad nasreen priya rajesh ravi reza sanjay sunil tariq usman yusuf jas gurpreet harjit
    """.split()
)

# Given names that are as often ordinary words at the start of a phrase ("Grant
# Funding", "April Meeting", "Will Members") are only names after a title.
GIVEN_NAMES = GIVEN_NAMES - {"grant", "rose", "april", "june", "will", "joy", "ned", "reg", "stan", "miles", "sid", "pat", "jack", "dale", "guy"}

# Words that open a title or rank before a name ("Cllr", "Ch Insp.", "County Councillor");
# "Police" or "District" alone never do.
_TITLE_START = sorted(
    {p for p in TITLE_PHRASES if " " not in p and len(p) > 2 and p not in {"judge", "major", "commander", "canon", "hon", "col", "lord", "lady", "baron"}}
)
# ... and words that open one only when another title word follows ("County Councillor").
_TITLE_PREFIX = sorted({"ch", "chief", "det", "detective", "county", "district", "parish", "city", "borough", "town", "deputy", "assistant", "cty", "dist", "the", "rt", "police", "station", "watch", "group", "crew", "area"})
_TITLE_SECOND = sorted({w for p in TITLE_PHRASES for w in p.split()[1:]} | {"mr", "mrs", "ms", "miss", "dr", "cllr", "councillor", "insp", "inspector", "supt", "constable", "sergeant", "hon", "rev", "revd"})
_NAMEISH = r"^[A-Z][a-z\u00e0-\u00ff]+(?:[-'][A-Z]?[a-z\u00e0-\u00ff]+)*$|^(?:Mc|Mac|O')[A-Z][a-z]+$"
_INITIAL = r"^[A-Z]\.?$"


def base_patterns() -> list[dict]:
    return _org_patterns() + _person_patterns()


def _org_patterns() -> list[dict]:
    """Agencies by their known spellings, organisation-shaped names, an agency's departments."""
    pats: list[dict] = []
    for canon, spellings in AGENCIES.items():
        for s in spellings:
            toks = _tokens(s)
            if len(toks) == 1 and toks[0].isalpha() and not toks[0].isupper() and toks[0].lower() in ("police", "probation"):
                pats.append({"label": "ORG", "pattern": [{"ORTH": toks[0]}], "id": "gazetteer"})
            elif len(toks) == 1 and toks[0].isupper():
                pats.append({"label": "ORG", "pattern": [{"ORTH": toks[0]}], "id": "gazetteer"})
            else:
                pats.append({"label": "ORG", "pattern": [{"LOWER": t.lower()} for t in toks], "id": "gazetteer"})
    # "<Capitalised words> Council" etc.: 1-5 capitalised (or & / and / of) tokens then a head word
    pats.append(
        {
            "label": "ORG",
            "pattern": [
                {"TEXT": {"REGEX": r"^[A-Z][a-z][A-Za-z'\-]*$"}},
                {"TEXT": {"REGEX": r"^(?:[A-Z][A-Za-z'\-]*|&|and|of|for|the)$"}, "OP": "{0,5}"},
                {"ORTH": {"IN": ORG_HEADS}},
            ],
            "id": "org_shape",
        }
    )
    # an agency abbreviation + its department: "SCDC Housing", "SCDC Environmental Services"
    abbrevs = sorted({sp for spellings in AGENCIES.values() for sp in spellings if re.fullmatch(r"[A-Z][A-Z&]{1,7}", sp)})
    pats.append(
        {
            "label": "ORG",
            "pattern": [
                {"ORTH": {"IN": abbrevs}},
                {"TEXT": {"REGEX": r"^(?:[A-Z][a-z]+|&)$"}, "OP": "{0,3}"},
                {"TEXT": {"REGEX": r"^(?:Housing|Licensing|Services?|Team|Health|Environmental|Planning|Communities|Community|Safety|Youth|Children|Adult|Social|Care|Education|Highways|Policy|Performance|Affordable|Homes)$"}},
            ],
            "id": "gazetteer",
        }
    )
    return pats


def _person_patterns() -> list[dict]:
    """A title or rank before a name; a common given name before a surname."""
    pats: list[dict] = []
    # title or rank + name: "Cllr John Reynolds", "Ch Insp. Dave Sargent", "Mr R C Love"
    pats.append(
        {
            "label": "PERSON",
            "pattern": [
                {"LOWER": {"IN": _TITLE_START}, "IS_TITLE": True},
                {"LOWER": {"IN": _TITLE_SECOND}, "OP": "?"},
                {"ORTH": ".", "OP": "?"},
                {"TEXT": {"REGEX": _INITIAL + "|" + _NAMEISH}, "OP": "{0,3}"},
                {"TEXT": {"REGEX": _NAMEISH}},
            ],
            "id": "title",
        }
    )
    pats.append(
        {
            "label": "PERSON",
            "pattern": [
                {"LOWER": {"IN": _TITLE_PREFIX}, "IS_TITLE": True},
                {"LOWER": {"IN": _TITLE_SECOND}},
                {"ORTH": ".", "OP": "?"},
                {"LOWER": {"IN": ["mr", "mrs", "ms", "miss", "dr"]}, "OP": "?"},
                {"ORTH": ".", "OP": "?"},
                {"TEXT": {"REGEX": _INITIAL + "|" + _NAMEISH}, "OP": "{0,3}"},
                {"TEXT": {"REGEX": _NAMEISH}},
            ],
            "id": "title",
        }
    )
    pats.append(
        {
            "label": "PERSON",
            "pattern": [
                {"TEXT": {"REGEX": r"^(?:CI|DI|DCI|PC|PCSO|DS|DC|Sgt|Insp|Supt|Cllr|Mr|Mrs|Ms|Dr|Sir)$"}},
                {"ORTH": ".", "OP": "?"},
                {"TEXT": {"REGEX": _INITIAL + "|" + _NAMEISH}, "OP": "{0,3}"},
                {"TEXT": {"REGEX": _NAMEISH}},
            ],
            "id": "title",
        }
    )
    # common given name + capitalised surname, also double-barrelled ("Jenny
    # Dixon-Sherreard": the tokenizer splits the hyphen off, so a second pattern
    # with the hyphen required; the ruler keeps the longest match)
    given = [
        {"LOWER": {"IN": sorted(GIVEN_NAMES)}, "IS_TITLE": True},
        {"TEXT": {"REGEX": _INITIAL}, "OP": "?"},
        {"TEXT": {"REGEX": _NAMEISH}},
    ]
    pats.append({"label": "PERSON", "pattern": given, "id": "given"})
    pats.append({"label": "PERSON", "pattern": [given[0], {"ORTH": "-"}] + given, "id": "given"})  # "Mary-Jane Smith"
    pats.append({"label": "PERSON", "pattern": given + [{"ORTH": "-"}, {"TEXT": {"REGEX": _NAMEISH}}], "id": "given"})
    for p in [p for p in pats if p.get("id") == "title" and isinstance(p["pattern"], list)]:
        pats.append({"label": "PERSON", "pattern": p["pattern"] + [{"ORTH": "-"}, {"TEXT": {"REGEX": _NAMEISH}}], "id": "title"})
    return pats


def _tokens(s: str) -> list[str]:
    """Tokens as spaCy's English tokenizer splits a name, for token patterns."""
    return [t.text for t in _blank()(s)]


@lru_cache(maxsize=1)
def _blank():
    return load_spacy().blank("en")
