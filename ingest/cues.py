"""Text cues: the words and lines that say which kind of paper a block belongs to.

This is the segmenter's vocabulary, as data: :data:`CUES` (headings, labels,
salutations, as regular expressions over the normalised text, each with a
paper type, a strength and optionally an identity), :data:`SEPARATORS`
(stamps that start a paper without saying which), and the block features the
cues depend on (:func:`is_title_like`, :func:`despace`). It lives apart from
the boundary scan (:mod:`boardpack.ingest.spans`) so the vocabulary can be
read, and grown, without reading the algorithm.

Strengths: 3 = a paper title or template label; 2 = a heading naming the
subject; 1 = evidence only (see :mod:`boardpack.ingest.segment`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

from boardpack.core.model import (
    ACTION_PLAN, AGENDA, BUDGET, COVER, HEADING, LIST_ITEM, MINUTES, OTHER, PAGE_BREAK,
    PARAGRAPH, PERFORMANCE, PROGRESS_REPORT, TABLE, Block,
)
from boardpack.core.vocabulary import MONTH_FULL_NAMES

# ---------------------------------------------------------------------------
# Cue registry (data)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """A text cue for a paper type.

    ``title_only``: only matches a title-like block (heading, bold or short
    line), so the same words inside running prose do not count.
    ``numbered_ok``: may match a numbered heading ("1.1 Quarterly Progress
    Report"); other strong cues on numbered lines are item titles inside
    agendas/minutes and are demoted to evidence.
    ``identity``: key of a cue a paper has at most once.
    ``reject``: a pattern that, when it also matches, cancels the cue
    ("Minutes of the previous meeting (Pages 1 - 6)" is an agenda line).
    """

    paper_type: str
    name: str
    pattern: re.Pattern
    strength: int
    title_only: bool = False
    numbered_ok: bool = False
    identity: Optional[str] = None
    reject: Optional[re.Pattern] = None
    max_chars: int = 400
    #: the matched line can name the paper (default: title-only cues)
    names_paper: Optional[bool] = None


def rx(s: str) -> re.Pattern:
    return re.compile(s, re.I | re.M)


_PAGES_REF = r"\(?\bpages?\s+\d+\s*(?:-|to)\s*\d+\)?|\bpages?\s+\d+\s*$|\s\d{1,3}\s*-\s*\d{1,3}\s*$"
_PROSE_VERB = r"\b(?:was|were|is|are|has|have|had|will|would|should|can|agreed|approved|received|noted)\b"
_PREV_MEETING = r"\b(?:previous|last|prior)\s+meeting\b|\bmeetings?\s+held\s+on\b.*\band\b"

# ---------------------------------------------------------------------------
# Label families (data): the words clerks use for each kind of paper and for
# the parts that give a paper away. Regular-expression alternatives.
# ---------------------------------------------------------------------------

#: Head nouns of an agenda's title.
_AGENDA_WORDS = (r"agenda|order\s+of\s+business|ordre\s+du\s+jour|orden\s+del\s+d[ií]a|tagesordnung|business\s+to\s+be\s+transacted")
#: Lines that mention the agenda but are not its title (items about it, page furniture).
_AGENDA_NOT_TITLE = (r"\b(?:approv\w*|adopt\w*|review\w*|amend\w*|alter\w*|vary\w*|variation\w*|reorder\w*|chang\w*|addition\w*|division|modif\w*|accept\w*|confirm\w*|consent|non|link\s+to|set(?:ting)?|next|future|forthcoming|following|items?\s+for)\b[\s\w-]{0,25}\b(?:agenda|ordre\s+du\s+jour|order\s+of\s+business)\b"
                     r"|\bagenda\s+(?:items?|reports?|packet|pages?|no\.?|number|available|approval|adoption|amendments?|additions?|changes?|review)\b|\bon\s+(?:the|this|today[’']?s|tonight[’']?s|this\s+evening[’']?s)\s+agenda\b|" + _PAGES_REF)
#: Titles of minutes (what the record of a meeting is called).
_MINUTES_TITLE_WORDS = (r"minutes|meeting\s+notes|notes\s+of\s+(?:the\s+|a\s+)?(?:[\w&'-]+\s+){0,6}?meeting|note\s+of\s+(?:the\s+|a\s+)?(?:[\w&'-]+\s+){0,6}?meeting"
                        r"|record\s+of\s+(?:the\s+|a\s+)?(?:[\w&'-]+\s+){0,6}?meeting|action\s+notes|summary\s+of\s+proceedings|proc[eè]s[- ]verbal|compte[- ]rendu|acta")
#: "Selectmen's Minutes, September 13, 2018", "Board of Health Minutes - 3/4/2008": the body's
#: name, the word minutes and the meeting's date make a title line (never an item about minutes)
_BODY_MINUTES = (r"^[^\w\n]*(?!.*\b(?:approv|adopt|confirm|review|previous|last|prior|accept|correct|read|sign)\w*)"
                 r"(?:[A-Z][\w&'\u2019.-]*\s+(?:(?:of|and|&|the|for)\s+)?){1,6}minutes\s*[-\u2013:,]?\s*"
                 r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+,?\s+\d{4}|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d\d))\W*$")
#: Titles of action logs / trackers.
_ACTION_LOG_WORDS = (r"\baction\s+(?:log|tracker|list|register|schedule|sheet|grid)\b|\bactions?\s+(?:report|log|tracker|update|summary)\b"
                     r"|\bstatus\s+(?:update|report)\s+on\s+actions\b|\b(?:outstanding|open|summary\s+of)\s+actions\b"
                     r"|\bactions?\s+(?:arising|from)\s+(?:the\s+)?(?:last|previous)\s+meeting\b")
#: Narrative a clerk writes only in minutes: the meeting happened.
MINUTES_NARRATIVE = (r"\b(?:was|were)\s+called\s+to\s+order\b|\bcalled\s+the\s+meeting\s+to\s+order\b|\bmeeting\s+(?:was\s+)?(?:opened|commenced|started|began|adjourned|closed|ended)\s+at\b"
                      r"|\b(?:members|councillors|councilmembers|trustees|governors|directors)\s+present\s+(?:were|was)\b|\bwere\s+(?:also\s+)?present\b"
                      r"|\bseconded\s+by\b|\bproposed\b[^.;]{0,40}\bseconded\b|\ball\s+agreed\b|\b(?:proposed|moved)\s+by\b.{0,60}\bseconded\b|\b(?:motion|resolution)\s+(?:was\s+)?(?:carried|passed|adopted|failed|defeated)\b"
                      r"|\ball\s+(?:were\s+|members\s+)?in\s+favou?r\b|\broll\s+call\s+(?:was\s+)?taken\b|\bvoted\s+(?:unanimously|in\s+favou?r)\b|\bunanimously\s+(?:agreed|approved|resolved)\b"
                      r"|\bs[ée]ance\s+est\s+(?:ouverte|lev[ée]e)\b|\best\s+r[ée]solu\b|\b(?:chaired|clerked)\s+by\b|\bminutes\s+(?:taken|recorded)\s+by\b"
                      r"|\bthe\s+(?:chair|chairman|chairperson|chairwoman|mayor|president|clerk|secretary)\s+(?:welcomed|thanked|opened|closed|declared|announced|reported|explained|informed|updated|advised|summarised|summarized|introduced)\b"
                      r"|\b(?:minutes|actions|notes?)\s+(?:and\s+(?:minutes|actions)\s+)?(?:of|from)\s+the\s+(?:last|previous)\s+meeting\s+(?:were|was)\s+(?:approved|agreed|accepted|signed|confirmed)\b"
                      # "A Meeting of the Full Governing Board / was held in the boardroom on ...": the record's opening
                      r"|^\s*(?:a|the)\s+(?:[\w'\u2019-]+\s+){0,3}meeting\s+of\s+[^\n]{3,160}?\s+was\s+held\b|^\s*was\s+held\s+(?:in|at|on|via)\b")
#: Attendance labels of minutes, beyond "Present:" (evidence only: an agenda lists expected attendees too).
ATTENDANCE_LABELS = (r"pr[ée]sences?|attendees|attendance|those\s+present|members\s+present|present\s+were|in\s+attendance|also\s+present|absent|regrets|apologies(?:\s+for\s+absence)?|secretariat|other\s+attendees|officials")
#: Bare item headings of an agenda (US order of business), and imperative item wording.
#: A stage heading may run on with a short label ("Roll call - Clerk Kimberley Rau", "Pledge of
#: Allegiance to the Flag", "Call Meeting to Order - Roll Call"), never with a sentence saying
#: what happened ("Call to order: the meeting was called to order at 7.02 pm by ...").
_AGENDA_STAGE = (r"call\s+(?:meeting\s+)?to\s+order|roll\s+call|pledge\s+of\s+allegiance|salute\s+to\s+the\s+flag|invocation|public\s+comments?|consent\s+(?:calendar|agenda)"
                 r"|old\s+business|new\s+business|unfinished\s+business|adjournment|adjourn|approval\s+of\s+(?:the\s+)?(?:minutes|agenda)|comments\s+from\s+(?:the\s+)?(?:citizens|public|audience)"
                 r"|citizens?[\u2019']?s?\s+comments?|public\s+hearings?")
_AGENDA_ITEM_WORDS = (r"^[^\w\n]*(?:\d{1,2}[.)]?\s+|[A-Z][.)]\s+|[IVX]{1,5}[.)]\s+)?(?:" + _AGENDA_STAGE + r")"
                      r"(?:\W*$|\s*[-\u2013:]?\s+(?![^\n]*\b(?:was|were|is|are|by|at|moved|seconded|led)\b)[^.\n\d]{1,70}$)"
                      r"|^\s*(?:\d{1,2}(?:\.\d{1,2})?[.)]?|[a-z][.)]|item\s+\d+[.:]?)\s+to\s+(?:receive|consider|approve|note|agree|discuss|confirm|resolve|review|elect|adopt|appoint|sign)\b")

CUES: tuple[Cue, ...] = (
    # -- cover letter / summons ------------------------------------------------
    Cue(COVER, "salutation", rx(r"^\s*dear\s+(?:sir\s*(?:/|or|and)\s*madam|madam\s*(?:/|or)\s*sir|councillors?|members?|colleagues?|all|sirs?)\b"),
        3, identity="salutation", max_chars=120),
    Cue(COVER, "invitation", rx(r"\byou\s+are\s+(?:hereby\s+)?(?:invited|summoned|requested)\s+to\s+attend\b"), 3),
    Cue(COVER, "summons_title", rx(r"^\s*summons\b|\bsummons\s+to\s+(?:and\s+agenda|attend|a\s+meeting)|\bnotice\s+of\s+(?:a\s+)?meeting\b"),
        3, title_only=True),
    Cue(COVER, "will_be_held", rx(r"\b(?:meeting|next\s+meeting)\s+of\b.{0,160}\bwill\s+be\s+held\b|\bwhich\s+will\s+be\s+held\s+(?:in|at|on)\b|\bwill\s+be\s+held\s+(?:in|at)\b.{0,200}\bon\s+\w+day\b"),
        2, max_chars=700),
    Cue(COVER, "addressees", rx(r"^\s*to\s*:\s*(?:all\s+)?(?:board\s+)?(?:members|councillors|the\s+chair(?:man)?|chair(?:man)?\b|board\b)"),
        2, max_chars=900, reject=rx(r"^\s*(?:from|subject|re|memo(?:randum)?)\s*:")),  # a memo's "TO:/FROM:/SUBJECT:" heads a report
    Cue(OTHER, "memo", rx(r"^\W*(?:inter[- ]?office\s+)?(?:memo(?:randum)?|communication)\W*$"), 3, title_only=True, max_chars=60,
        reject=rx(r"^\W*communication\W*$")),
    Cue(COVER, "sign_off", rx(r"^\s*yours\s+(?:faithfully|sincerely)\b"), 1, max_chars=60),
    Cue(COVER, "democratic_services", rx(r"\bdemocratic\s+services\b"), 1),
    Cue(COVER, "late_report", rx(r"\bplease\s+find\s+(?:attached|enclosed)\b"), 1),
    # -- agenda ------------------------------------------------------------------
    Cue(AGENDA, "agenda_heading", rx(r"^\s*(?:draft\s+|supplementary\s+|revised\s+)?agenda(?:\s+(?:pages?|items?))?\s*(?:\|.*)?$"),
        3, title_only=True, identity="agenda", max_chars=60),
    Cue(AGENDA, "agenda_title", rx(r"^\s*agenda\s+(?:and|&)\s+(?:summons|notice)\b|^\s*agenda\s+for\b|\bmeeting\s+of\s+the\s+.{0,60}\bagenda\s*$"),
        3, title_only=True, identity="agenda", max_chars=200),
    # "Regular Meeting Agenda", "CITY COUNCIL AGENDA FOR OCTOBER 16, 2012", "AGENDA - April 24, 2019",
    # "NOTICE AND AGENDA", "*** AGENDA ***", "AGENDA Planning Commission", "Order of Business",
    # "Public board meeting agenda and papers: September 2021":
    # a title line whose head noun is one of the agenda words (not an item about the agenda).
    Cue(AGENDA, "agenda_named", rx(r"^[^\w\n]*(?:[\w&'\u2019.,()/-]+[ \t]+){0,8}?(?:" + _AGENDA_WORDS + r")\b[^\w\n]*(?:(?:for|of)\b.{0,60}|(?:and|&)\s+(?:supporting\s+)?(?:papers|reports|documents)\b[^\n]{0,60}|[-\u2013:,][^\n]{0,60}|(?:[A-Z][\w&'.-]*[ \t]*){1,6})?$"),
        3, title_only=True, identity="agenda", reject=rx(_AGENDA_NOT_TITLE), max_chars=200),
    Cue(AGENDA, "agenda_group", rx(r"^\s*(?:un)?restricted\s+items\s*$|^\s*exempt\s+items\s*$|^\s*part\s+(?:i|ii|1|2|a|b)\b.{0,40}$"), 1, max_chars=60),
    Cue(AGENDA, "apologies_item", rx(r"^\s*\d+\.?\s+(?:to\s+receive\s+)?apologies(?:\s+for\s+absence)?\b"), 1, numbered_ok=True, max_chars=120,
        reject=rx(r"\bapologies\b[^:\n]{0,30}\b(?:received|were|was|had\s+been|given|noted|none)\b")),  # "2. Apologies received: ..." is minutes
    Cue(AGENDA, "declarations_item", rx(r"^\s*\d+\.?\s+(?:to\s+receive\s+)?declarations?\s+of\s+(?:disclosable\s+)?(?:pecuniary\s+)?interests?\b"), 1, numbered_ok=True, max_chars=200),
    Cue(AGENDA, "agenda_item_words", rx(_AGENDA_ITEM_WORDS), 1, numbered_ok=True, max_chars=200),
    Cue(AGENDA, "page_ranges", rx(r"\(pages?\s+\d+\s*-\s*\d+\)"), 1),
    # -- minutes -----------------------------------------------------------------
    Cue(MINUTES, "minutes_title", rx(r"^\s*(?:draft\s+|confirmed\s+|printed\s+|unconfirmed\s+)?minutes\s+(?:of|from)\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,8}?(?:meeting|proceedings)\b"
                                      r"|^\s*(?:draft\s+|confirmed\s+)?minutes(?:\s+of(?:\s+the|\s+a|\s+an)?)?\s*$|\bmeeting\s+minutes\s*$|^\s*minutes\s*:"
                                      r"|" + _BODY_MINUTES +
                                      r"|^[^\w\n]*(?:(?:draft|confirmed|unconfirmed|approved|final|summary)\s+)?(?:" + _MINUTES_TITLE_WORDS + r")(?:\s+(?:and|&)\s+(?:actions?|action\s+points|decisions))?[^\w\n]*(?:[-\u2013:,]?\s*(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d\d))\W*)?$"),
        3, identity="minutes_title", reject=rx(_PAGES_REF + "|" + _PREV_MEETING + "|" + _PROSE_VERB), max_chars=320,
        names_paper=True),
    Cue(MINUTES, "present", rx(r"^\s*present\s*(?::|-|$)|^\s*(?:members\s+)?present\s*:"), 3, identity="present", max_chars=2500),
    Cue(MINUTES, "in_attendance", rx(r"^\s*(?:also\s+)?in\s+attendance\s*:|^\s*also\s+(?:present|in\s+attendance)\b"), 1, max_chars=2500),
    Cue(MINUTES, "apologies", rx(r"^\s*apologies\b.{0,40}(?::|were\s+received|received\s+from|had\s+been)|\bapologies\s+(?:for\s+absence\s+)?(?:were|had\s+been)\s+(?:received|given|reported)\b"), 1),
    Cue(MINUTES, "resolved", rx(r"\b(?:RESOLVED|AGREED|APPROVED)\b(?:\s+that|\s*:)|\bit\s+was\s+(?:resolved|agreed|noted)\s+that\b|\bthe\s+(?:board|committee|council|panel|partnership)\s+(?:resolved|agreed|approved|noted)\b"), 1),
    Cue(MINUTES, "action_line", rx(r"^\s*action\s*(?:by)?\s*:"), 1),
    Cue(MINUTES, "meeting_closed", rx(r"\bmeeting\s+(?:ended|closed|finished|concluded)\s+at\b"), 1),
    Cue(MINUTES, "item_ref", rx(r"^\s*\(item\s+\d+[a-z]?\)\s*$"), 1, numbered_ok=True),
    Cue(MINUTES, "minutes_narrative", rx(MINUTES_NARRATIVE), 1, numbered_ok=True, max_chars=3000),
    # not "To receive apologies for absence": an agenda's purpose line (minutes may repeat it, as a heading)
    Cue(MINUTES, "attendance_label", rx(r"^[^\w\n]*(?:\d{1,2}[.)]?\s+)?(?:[a-z]+\s+){0,2}?(?:" + ATTENDANCE_LABELS + r")(?:\s+(?:received|noted|given|recorded|from|were|was))?\s*(?::|-|\u2013|$)"), 1, numbered_ok=True, max_chars=3000,
        reject=rx(r"^\W*(?:\d{1,2}[.)]?\s+)?to\s+(?:receive|note|accept|record|consider)\b")),
    Cue(MINUTES, "correct_record", rx(r"\b(?:true|correct|accurate)\s+record\b"), 1),
    # -- quarterly progress report ----------------------------------------------
    Cue(PROGRESS_REPORT, "progress_title", rx(r"\bquarterly\s+(?:progress\s+)?(?:report|update)\b|\bprogress\s+report\s*[:\-]?\s*(?:q[1-4]|quarter)\b|\b(?:q[1-4]|quarter\s+[1-4])\b.{0,20}\bprogress\s+report\b"),
        3, title_only=True, numbered_ok=True, reject=rx(r"\bperformance\s+report\b|" + _PROSE_VERB), max_chars=200),
    Cue(PROGRESS_REPORT, "priority_area_label", rx(r"^\s*priority\s+area\s*[:\-]"), 3, identity="priority_area", max_chars=200),
    Cue(PROGRESS_REPORT, "achievements_heading", rx(r"^\s*(?:\d+\.?\s*)?key\s+achievements\b|^\s*(?:\d+\.?\s*)?achievements\s+(?:during|this|in)\b|^\s*what\s+has\s+gone\s+well\b"),
        3, title_only=True, numbered_ok=True, identity="achievements", max_chars=120, names_paper=False),
    Cue(PROGRESS_REPORT, "concerns_heading", rx(r"^\s*(?:\d+\.?\s*)?areas?\s+of\s+concern\b|^\s*what\s+has\s+not\s+gone\s+well\b"), 1, numbered_ok=True, max_chars=120),
    Cue(PROGRESS_REPORT, "recommendations_heading", rx(r"^\s*(?:\d+\.?\s*)?recommendations\s+to\s+(?:the\s+)?partnership\b|^\s*(?:\d+\.?\s*)?changes\s+to\s+be\s+made\b"), 1, numbered_ok=True, max_chars=120),
    Cue(PROGRESS_REPORT, "publicity_heading", rx(r"^\s*(?:\d+\.?\s*)?(?:any\s+)?items\s+for\s+publicity\b"), 1, numbered_ok=True, max_chars=200),
    Cue(PROGRESS_REPORT, "lead_officer", rx(r"^\s*lead\s+officer\s*:"), 1, max_chars=200),
    # -- action plan --------------------------------------------------------------
    Cue(ACTION_PLAN, "plan_title", rx(r"\baction\s+plan\b|\brolling\s+plan\b|\bdelivery\s+plan\b|\bimplementation\s+plan\b|\bwork\s+(?:plan|programme)\b"),
        3, title_only=True, numbered_ok=True,
        reject=rx(r"\b(?:update|report|progress)\s+(?:on|against|towards)\b|^\s*\d+\.?\s+[a-z].{0,80}\s-\s[A-Z]|" + _PAGES_REF + "|" + _PROSE_VERB), max_chars=220),
    # Strength 2: an action list at the end of minutes is part of the minutes.
    Cue(ACTION_PLAN, "action_log_title", rx(_ACTION_LOG_WORDS), 2, title_only=True, identity="action_log", names_paper=True,
        reject=rx(_PAGES_REF + "|" + _PROSE_VERB), max_chars=160),
    Cue(ACTION_PLAN, "funding_allocated", rx(r"\bfunding\s+allocated\s*:"), 1),
    Cue(ACTION_PLAN, "on_track", rx(r"\bto\s+meet\s+target\b|\bon\s+track\s*/\s*not\s+on\s+track\b|\bstats\s+awaited\b"), 1),
    # -- budget ---------------------------------------------------------------------
    Cue(BUDGET, "budget_title", rx(r"\bbudgets?\b|\bspending\s+plan\b|\bfunding\s+(?:plan|allocations?|summary|statement)\b|\bfinance\s+(?:monitoring\s+)?report\b"
                                    r"|\b(?:statement\s+of\s+)?accounts?\b(?!\s+payable)|\baccounting\s+statements?\b|\bexpenditure\b|\bincome\s+and\s+expenditure\b|\bbank\s+reconciliation\b|\bpooled\s+fund\b"),
        2, title_only=True, reject=rx(r"\brisks?\b|\bregulations?\b|\bstanding\s+orders?\b|" + _PAGES_REF + "|" + _PROSE_VERB), max_chars=160),
    Cue(BUDGET, "total_funding", rx(r"\btotal\s+(?:funding|budget|allocation|expenditure|income|spend)\b"), 1),
    Cue(BUDGET, "money", rx(r"£\s?\d[\d,]*(?:\.\d\d)?"), 1),
    # -- performance ---------------------------------------------------------------
    Cue(PERFORMANCE, "performance_title", rx(r"\bperformance\s+(?:report|data|update|indicators?|measures?|monitoring|summary|framework|scorecard|dashboard)\b|\bkey\s+performance\b"
                                              r"|\b(?:kpis?|indicators?|measures?)\b\s*$|\bpriorities\s+measures\b|\bhighlights\b\s*$|\bcrime\s+(?:statistics|figures|data)\b"),
        2, title_only=True, reject=rx(_PAGES_REF + "|" + _PROSE_VERB), max_chars=160),
    Cue(PERFORMANCE, "measures_heading", rx(r"^\s*(?:performance\s+)?measures\s+(?:within|for|of)\b|^\s*(?:key\s+)?(?:performance\s+)?indicators?\s+(?:for|of)\b"),
        2, title_only=True, max_chars=120),
    Cue(PERFORMANCE, "percent_change", rx(r"[+-]\s?\d+(?:\.\d+)?\s?%|\bno\s+calc\b|%\s+change\b|\bmost\s+similar\s+group\b"), 1),
    # -- other papers -----------------------------------------------------------
    Cue(OTHER, "report_to", rx(r"^\s*report\s+to\s*:|^\s*from\s*:.{0,80}$"), 2, max_chars=200),
    Cue(OTHER, "briefing", rx(r"\bbriefing\b|\bbriefing\s+note\b|\bposition\s+statement\b"), 3, title_only=True,
        reject=rx(_PROSE_VERB), max_chars=160),
    Cue(OTHER, "risk_register", rx(r"\brisk\s+register\b|\brisks?\s+register\b"), 3, title_only=True, max_chars=200),
    Cue(OTHER, "rules", rx(r"\bstanding\s+orders\b|\bfinancial\s+regulations\b|\bterms\s+of\s+reference\b|\bcode\s+of\s+conduct\b|\bsignatories\b"), 2, title_only=True, max_chars=160),
    Cue(OTHER, "councillor_report", rx(r"^\s*(?:county|district|ward)\s+councillor'?s?\s+report\b|^\s*(?:\w+\s+)?(?:" + "|".join(MONTH_FULL_NAMES) + r")\s+report\s*$"),
        2, title_only=True, max_chars=120),
)

#: Separators: lines that mark the start of a new paper without saying which.
SEPARATORS: tuple[re.Pattern, ...] = (
    rx(r"^\s*agenda\s+item\s*(?:no\.?\s*)?\d+\s*\(?[a-z]?\)?\s*$"),  # ModernGov stamp "Agenda Item 4b"
    rx(r"^\s*(?:appendix|annex|enclosure)\s+(?:[a-z]|\d+|[ivx]+)\b.{0,120}$"),  # "Appendix E - 2025-26 Budget ..."
)


@dataclass
class Hit:
    paper_type: str
    strength: int
    cue: str  # the text that decided
    name: str
    identity: Optional[str] = None
    signature: Optional[str] = None  # action-plan table header signature
    upgraded: bool = False  # raised to 3 because a table of its type follows
    title_ok: bool = False  # the cue is a title line, fit to name the paper


# ---------------------------------------------------------------------------
# Block features
# ---------------------------------------------------------------------------

# "IV. AGENDA APPROVAL" too (not "I. Jones": a lone I with a stop is an initial)
NUMBERED = re.compile(r"^\s*(?:item\s+\d{1,3}[a-z]?\s*[:.)\-\u2013]|\(?\d{1,3}(?:\.\d{1,3})*[a-z]?[.)]?|\d{1,3}\s*\(\s*[a-z]\s*\)|[a-z][.)]|\(?[ivx]{1,4}\)"
                      r"|(?:i{2,3}|iv|vi{0,3}|ix|xi{0,3})\.)\s+\S", re.I)
_SENTENCE_END = re.compile(r"(?<!\ba\.m)(?<!\bp\.m)(?<!\bpm)(?<!\bam)[.;,]\s*$", re.I)


_MEMO_LINE = re.compile(r"^\s*(?:to|from|date|report\s+to|lead\s+officer|subject|author|contact|ask\s+for)\s*:", re.I)


def is_title_like(b: Block) -> bool:
    """Heading, or a short stand-alone line that reads like a title (memo
    header lines such as "To: ..." and "From: ..." count)."""
    return _title_like(b.kind, b.norm, b.bold)


def _title_like(kind: str, norm: str, bold: bool) -> bool:
    if kind == HEADING:
        return True
    if kind not in (PARAGRAPH,):
        return False
    t = norm.strip()
    if not t:
        return True
    if _MEMO_LINE.match(t) and len(t) <= 300 and t.count("\n") <= 3:
        return True
    if len(t) > 160 or t.count("\n") > 3:
        return False
    if bold:
        return True
    return len(t) <= 120 and not _SENTENCE_END.search(t)


def short(text: str, n: int = 120) -> str:
    t = " ".join(text.split())
    return t if len(t) <= n else t[: n - 1] + "\u2026"


_LETTER_SPACED = re.compile(r"(?<!\w)(?:\w ){2,}\w(?!\w)")


def despace(text: str) -> str:
    """Undo letter-spaced display type ("A G E N D A" -> "AGENDA")."""
    return _LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)


def text_hits(b: Block) -> list[Hit]:
    """The text cues of one block. They depend on its kind, text and weight
    only, and the mark and segment stages both ask (and raise hits in place):
    each gets fresh copies of one reading."""
    if b.kind in (PAGE_BREAK, TABLE):
        return []
    return [replace(h) for h in _text_hits(b.kind, b.norm, b.bold)]


@lru_cache(maxsize=4096)
def _text_hits(kind: str, norm: str, bold: bool) -> tuple[Hit, ...]:
    text = despace(norm)
    if not text.strip():
        return ()
    title = _title_like(kind, norm, bold)
    numbered = bool(NUMBERED.match(text))
    out = []
    for cue in CUES:
        if len(text) > cue.max_chars:
            continue
        if cue.title_only and not title:
            continue
        m = cue.pattern.search(text)
        if not m:
            continue
        if cue.reject is not None and cue.reject.search(text):
            continue
        strength = cue.strength
        if numbered and not cue.numbered_ok and strength > 1:
            strength = 1
        if kind == LIST_ITEM and strength > 1:
            strength = 1
        names = cue.title_only if cue.names_paper is None else cue.names_paper
        out.append(Hit(cue.paper_type, strength, short(text), cue.name, cue.identity, title_ok=names))
    return tuple(out)
