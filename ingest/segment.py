"""Split a document (a whole pack, or a single paper file) into its papers.

A pack is a run of papers - summons/cover letter, agenda, minutes, quarterly
progress reports, action plans, budgets, performance data, other reports -
each starting at a title block or at a strong cue. Segmentation works in
three passes:

1. **Cues.** Every block is matched against :data:`CUES` (text cues: headings,
   labels, salutations, as regular expressions over the normalised text) and
   :data:`TABLE_RULES` (what a table's header row and cells look like: an
   action plan has Action / Milestones / Lead / Progress columns, a budget has
   money columns and a TOTAL row, performance data has period columns and
   percentage changes). A cue has a paper type, a strength and, optionally,
   an *identity* key: a cue a paper carries only once (a second "PRESENT:"
   after content means a second set of minutes).
2. **Boilerplate.** Single-block boilerplate is flagged, then whole visitor
   guidance sections (see :mod:`boardpack.ingest.boilerplate`).
3. **Boundaries.** A linear scan opens a new paper at a "separator" (a
   ModernGov "Agenda Item 4b" stamp, an "Appendix C" title at the top of a
   page), at a strong cue of another type (strength 3 anywhere; strength 2
   only in the title run at the top of a page) or at a repeated identity cue.
   The new paper takes the title-like blocks just above its cue (headings,
   short lines) with it. Papers opened without a deciding cue are typed by
   the evidence accumulated inside them, else ``other``.

Strengths: 3 = a paper title or template label ("Minutes of a meeting of",
"AGENDA", "Dear Sir / Madam", "Quarterly Progress Report", "Action Plan");
2 = a heading naming the subject ("... Budget 2016/17", "Performance") or a
table whose structure decides; 1 = evidence only (RESOLVED, Apologies, £
amounts, "Lead Officer:").

The result covers every block: papers are contiguous ``[start, end]`` block
ranges in order; page breaks between papers belong to the paper before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial
from typing import Optional

from boardpack.core.dates import find_dates
from boardpack.core.model import (
    ACTION_PLAN, AGENDA, BUDGET, COVER, HEADING, LIST_ITEM, MINUTES, OTHER, PAGE_BREAK,
    PARAGRAPH, PERFORMANCE, PROGRESS_REPORT, TABLE, Block, Document, Paper,
)
from boardpack.core.settings import DEFAULT, Settings
from boardpack.core.vocabulary import MONTH_FULL_NAMES, MONTH_STEM_RE
from boardpack.ingest import boilerplate

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


def _rx(s: str) -> re.Pattern:
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
_AGENDA_NOT_TITLE = (r"\b(?:approv\w*|adopt\w*|review\w*|amend\w*|chang\w*|addition\w*|division|modif\w*|accept\w*|confirm\w*|consent|non|link\s+to|set(?:ting)?|next|future|forthcoming|following|items?\s+for)\b[\s\w-]{0,25}\b(?:agenda|ordre\s+du\s+jour|order\s+of\s+business)\b"
                     r"|\bagenda\s+(?:items?|reports?|packet|pages?|no\.?|number|available)\b|\bon\s+the\s+agenda\b|" + _PAGES_REF)
#: Titles of minutes (what the record of a meeting is called).
_MINUTES_TITLE_WORDS = (r"minutes|meeting\s+notes|notes\s+of\s+(?:the\s+|a\s+)?(?:[\w&'-]+\s+){0,6}?meeting|note\s+of\s+(?:the\s+|a\s+)?(?:[\w&'-]+\s+){0,6}?meeting"
                        r"|record\s+of\s+(?:the\s+|a\s+)?(?:[\w&'-]+\s+){0,6}?meeting|action\s+notes|summary\s+of\s+proceedings|proc[eè]s[- ]verbal|compte[- ]rendu|acta")
#: Titles of action logs / trackers.
_ACTION_LOG_WORDS = (r"\baction\s+(?:log|tracker|list|register|schedule|sheet|grid)\b|\bactions?\s+(?:report|log|tracker|update|summary)\b"
                     r"|\bstatus\s+(?:update|report)\s+on\s+actions\b|\b(?:outstanding|open|summary\s+of)\s+actions\b"
                     r"|\bactions?\s+(?:arising|from)\s+(?:the\s+)?(?:last|previous)\s+meeting\b")
#: Narrative a clerk writes only in minutes: the meeting happened.
_MINUTES_NARRATIVE = (r"\b(?:was|were)\s+called\s+to\s+order\b|\bcalled\s+the\s+meeting\s+to\s+order\b|\bmeeting\s+(?:was\s+)?(?:opened|commenced|started|began|adjourned|closed|ended)\s+at\b"
                      r"|\b(?:members|councillors|councilmembers|trustees|governors|directors)\s+present\s+(?:were|was)\b|\bwere\s+(?:also\s+)?present\b"
                      r"|\bseconded\s+by\b|\bproposed\b[^.;]{0,40}\bseconded\b|\ball\s+agreed\b|\b(?:proposed|moved)\s+by\b.{0,60}\bseconded\b|\b(?:motion|resolution)\s+(?:was\s+)?(?:carried|passed|adopted|failed|defeated)\b"
                      r"|\ball\s+(?:were\s+|members\s+)?in\s+favou?r\b|\broll\s+call\s+(?:was\s+)?taken\b|\bvoted\s+(?:unanimously|in\s+favou?r)\b|\bunanimously\s+(?:agreed|approved|resolved)\b"
                      r"|\bs[ée]ance\s+est\s+(?:ouverte|lev[ée]e)\b|\best\s+r[ée]solu\b|\b(?:chaired|clerked)\s+by\b|\bminutes\s+(?:taken|recorded)\s+by\b"
                      r"|\bthe\s+(?:chair|chairman|chairperson|chairwoman|mayor|president|clerk|secretary)\s+(?:welcomed|thanked|opened|closed|declared|announced|reported|explained|informed|updated|advised|summarised|summarized|introduced)\b"
                      r"|\b(?:minutes|actions|notes?)\s+(?:and\s+(?:minutes|actions)\s+)?(?:of|from)\s+the\s+(?:last|previous)\s+meeting\s+(?:were|was)\s+(?:approved|agreed|accepted|signed|confirmed)\b")
#: Attendance labels of minutes, beyond "Present:" (evidence only: an agenda lists expected attendees too).
_ATTENDANCE_LABELS = (r"pr[ée]sences?|attendees|attendance|those\s+present|members\s+present|present\s+were|in\s+attendance|also\s+present|absent|regrets|apologies(?:\s+for\s+absence)?|secretariat|other\s+attendees|officials")
#: Bare item headings of an agenda (US order of business), and imperative item wording.
_AGENDA_ITEM_WORDS = (r"^[^\w\n]*(?:\d{1,2}[.)]?\s+|[A-Z][.)]\s+)?(?:call\s+(?:meeting\s+)?to\s+order|roll\s+call|pledge\s+of\s+allegiance|salute\s+to\s+the\s+flag|invocation|public\s+comments?|consent\s+(?:calendar|agenda)|old\s+business|new\s+business|unfinished\s+business|adjournment|adjourn)\W*$"
                      r"|^\s*(?:\d{1,2}(?:\.\d{1,2})?[.)]?|[a-z][.)]|item\s+\d+[.:]?)\s+to\s+(?:receive|consider|approve|note|agree|discuss|confirm|resolve|review|elect|adopt|appoint|sign)\b")

CUES: tuple[Cue, ...] = (
    # -- cover letter / summons ------------------------------------------------
    Cue(COVER, "salutation", _rx(r"^\s*dear\s+(?:sir\s*(?:/|or|and)\s*madam|madam\s*(?:/|or)\s*sir|councillors?|members?|colleagues?|all|sirs?)\b"),
        3, identity="salutation", max_chars=120),
    Cue(COVER, "invitation", _rx(r"\byou\s+are\s+(?:hereby\s+)?(?:invited|summoned|requested)\s+to\s+attend\b"), 3),
    Cue(COVER, "summons_title", _rx(r"^\s*summons\b|\bsummons\s+to\s+(?:and\s+agenda|attend|a\s+meeting)|\bnotice\s+of\s+(?:a\s+)?meeting\b"),
        3, title_only=True),
    Cue(COVER, "will_be_held", _rx(r"\b(?:meeting|next\s+meeting)\s+of\b.{0,160}\bwill\s+be\s+held\b|\bwhich\s+will\s+be\s+held\s+(?:in|at|on)\b|\bwill\s+be\s+held\s+(?:in|at)\b.{0,200}\bon\s+\w+day\b"),
        2, max_chars=700),
    Cue(COVER, "addressees", _rx(r"^\s*to\s*:\s*(?:all\s+)?(?:board\s+)?(?:members|councillors|the\s+chair(?:man)?|chair(?:man)?\b|board\b)"),
        2, max_chars=900, reject=_rx(r"^\s*(?:from|subject|re|memo(?:randum)?)\s*:")),  # a memo's "TO:/FROM:/SUBJECT:" heads a report
    Cue(OTHER, "memo", _rx(r"^\W*(?:inter[- ]?office\s+)?(?:memo(?:randum)?|communication)\W*$"), 3, title_only=True, max_chars=60,
        reject=_rx(r"^\W*communication\W*$")),
    Cue(COVER, "sign_off", _rx(r"^\s*yours\s+(?:faithfully|sincerely)\b"), 1, max_chars=60),
    Cue(COVER, "democratic_services", _rx(r"\bdemocratic\s+services\b"), 1),
    Cue(COVER, "late_report", _rx(r"\bplease\s+find\s+(?:attached|enclosed)\b"), 1),
    # -- agenda ------------------------------------------------------------------
    Cue(AGENDA, "agenda_heading", _rx(r"^\s*(?:draft\s+|supplementary\s+|revised\s+)?agenda(?:\s+(?:pages?|items?))?\s*(?:\|.*)?$"),
        3, title_only=True, identity="agenda", max_chars=60),
    Cue(AGENDA, "agenda_title", _rx(r"^\s*agenda\s+(?:and|&)\s+(?:summons|notice)\b|^\s*agenda\s+for\b|\bmeeting\s+of\s+the\s+.{0,60}\bagenda\s*$"),
        3, title_only=True, identity="agenda", max_chars=200),
    # "Regular Meeting Agenda", "CITY COUNCIL AGENDA FOR OCTOBER 16, 2012", "AGENDA - April 24, 2019",
    # "NOTICE AND AGENDA", "*** AGENDA ***", "AGENDA Planning Commission", "Order of Business":
    # a title line whose head noun is one of the agenda words (not an item about the agenda).
    Cue(AGENDA, "agenda_named", _rx(r"^[^\w\n]*(?:[\w&'\u2019.,()/-]+[ \t]+){0,8}?(?:" + _AGENDA_WORDS + r")\b[^\w\n]*(?:(?:for|of)\b.{0,60}|[-\u2013:,][^\n]{0,60}|(?:[A-Z][\w&'.-]*[ \t]*){1,6})?$"),
        3, title_only=True, identity="agenda", reject=_rx(_AGENDA_NOT_TITLE), max_chars=200),
    Cue(AGENDA, "agenda_group", _rx(r"^\s*(?:un)?restricted\s+items\s*$|^\s*exempt\s+items\s*$|^\s*part\s+(?:i|ii|1|2|a|b)\b.{0,40}$"), 1, max_chars=60),
    Cue(AGENDA, "apologies_item", _rx(r"^\s*\d+\.?\s+(?:to\s+receive\s+)?apologies(?:\s+for\s+absence)?\b"), 1, numbered_ok=True, max_chars=120,
        reject=_rx(r"\bapologies\b[^:\n]{0,30}\b(?:received|were|was|had\s+been|given|noted|none)\b")),  # "2. Apologies received: ..." is minutes
    Cue(AGENDA, "declarations_item", _rx(r"^\s*\d+\.?\s+(?:to\s+receive\s+)?declarations?\s+of\s+(?:disclosable\s+)?(?:pecuniary\s+)?interests?\b"), 1, numbered_ok=True, max_chars=200),
    Cue(AGENDA, "agenda_item_words", _rx(_AGENDA_ITEM_WORDS), 1, numbered_ok=True, max_chars=200),
    Cue(AGENDA, "page_ranges", _rx(r"\(pages?\s+\d+\s*-\s*\d+\)"), 1),
    # -- minutes -----------------------------------------------------------------
    Cue(MINUTES, "minutes_title", _rx(r"^\s*(?:draft\s+|confirmed\s+|printed\s+|unconfirmed\s+)?minutes\s+of\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,8}?(?:meeting|proceedings)\b"
                                      r"|^\s*(?:draft\s+|confirmed\s+)?minutes\s*$|\bmeeting\s+minutes\s*$|^\s*minutes\s*:"
                                      r"|^[^\w\n]*(?:(?:draft|confirmed|unconfirmed|approved|final|summary)\s+)?(?:" + _MINUTES_TITLE_WORDS + r")(?:\s+(?:and|&)\s+(?:actions?|action\s+points|decisions))?[^\w\n]*(?:[-\u2013:,]?\s*\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\s+\d{4}\W*)?$"),
        3, identity="minutes_title", reject=_rx(_PAGES_REF + "|" + _PREV_MEETING + "|" + _PROSE_VERB), max_chars=320,
        names_paper=True),
    Cue(MINUTES, "present", _rx(r"^\s*present\s*(?::|-|$)|^\s*(?:members\s+)?present\s*:"), 3, identity="present", max_chars=2500),
    Cue(MINUTES, "in_attendance", _rx(r"^\s*(?:also\s+)?in\s+attendance\s*:|^\s*also\s+(?:present|in\s+attendance)\b"), 1, max_chars=2500),
    Cue(MINUTES, "apologies", _rx(r"^\s*apologies\b.{0,40}(?::|were\s+received|received\s+from|had\s+been)|\bapologies\s+(?:for\s+absence\s+)?(?:were|had\s+been)\s+(?:received|given|reported)\b"), 1),
    Cue(MINUTES, "resolved", _rx(r"\b(?:RESOLVED|AGREED|APPROVED)\b(?:\s+that|\s*:)|\bit\s+was\s+(?:resolved|agreed|noted)\s+that\b|\bthe\s+(?:board|committee|council|panel|partnership)\s+(?:resolved|agreed|approved|noted)\b"), 1),
    Cue(MINUTES, "action_line", _rx(r"^\s*action\s*(?:by)?\s*:"), 1),
    Cue(MINUTES, "meeting_closed", _rx(r"\bmeeting\s+(?:ended|closed|finished|concluded)\s+at\b"), 1),
    Cue(MINUTES, "item_ref", _rx(r"^\s*\(item\s+\d+[a-z]?\)\s*$"), 1, numbered_ok=True),
    Cue(MINUTES, "minutes_narrative", _rx(_MINUTES_NARRATIVE), 1, numbered_ok=True, max_chars=3000),
    Cue(MINUTES, "attendance_label", _rx(r"^[^\w\n]*(?:\d{1,2}[.)]?\s+)?(?:[a-z]+\s+){0,2}?(?:" + _ATTENDANCE_LABELS + r")(?:\s+(?:received|noted|given|recorded|from|were|was))?\s*(?::|-|\u2013|$)"), 1, numbered_ok=True, max_chars=3000),
    Cue(MINUTES, "correct_record", _rx(r"\b(?:true|correct|accurate)\s+record\b"), 1),
    # -- quarterly progress report ----------------------------------------------
    Cue(PROGRESS_REPORT, "progress_title", _rx(r"\bquarterly\s+(?:progress\s+)?(?:report|update)\b|\bprogress\s+report\s*[:\-]?\s*(?:q[1-4]|quarter)\b|\b(?:q[1-4]|quarter\s+[1-4])\b.{0,20}\bprogress\s+report\b"),
        3, title_only=True, numbered_ok=True, reject=_rx(r"\bperformance\s+report\b|" + _PROSE_VERB), max_chars=200),
    Cue(PROGRESS_REPORT, "priority_area_label", _rx(r"^\s*priority\s+area\s*[:\-]"), 3, identity="priority_area", max_chars=200),
    Cue(PROGRESS_REPORT, "achievements_heading", _rx(r"^\s*(?:\d+\.?\s*)?key\s+achievements\b|^\s*(?:\d+\.?\s*)?achievements\s+(?:during|this|in)\b|^\s*what\s+has\s+gone\s+well\b"),
        3, title_only=True, numbered_ok=True, identity="achievements", max_chars=120, names_paper=False),
    Cue(PROGRESS_REPORT, "concerns_heading", _rx(r"^\s*(?:\d+\.?\s*)?areas?\s+of\s+concern\b|^\s*what\s+has\s+not\s+gone\s+well\b"), 1, numbered_ok=True, max_chars=120),
    Cue(PROGRESS_REPORT, "recommendations_heading", _rx(r"^\s*(?:\d+\.?\s*)?recommendations\s+to\s+(?:the\s+)?partnership\b|^\s*(?:\d+\.?\s*)?changes\s+to\s+be\s+made\b"), 1, numbered_ok=True, max_chars=120),
    Cue(PROGRESS_REPORT, "publicity_heading", _rx(r"^\s*(?:\d+\.?\s*)?(?:any\s+)?items\s+for\s+publicity\b"), 1, numbered_ok=True, max_chars=200),
    Cue(PROGRESS_REPORT, "lead_officer", _rx(r"^\s*lead\s+officer\s*:"), 1, max_chars=200),
    # -- action plan --------------------------------------------------------------
    Cue(ACTION_PLAN, "plan_title", _rx(r"\baction\s+plan\b|\brolling\s+plan\b|\bdelivery\s+plan\b|\bimplementation\s+plan\b|\bwork\s+(?:plan|programme)\b"),
        3, title_only=True, numbered_ok=True,
        reject=_rx(r"\b(?:update|report|progress)\s+(?:on|against|towards)\b|^\s*\d+\.?\s+[a-z].{0,80}\s-\s[A-Z]|" + _PAGES_REF + "|" + _PROSE_VERB), max_chars=220),
    # Strength 2: an action list at the end of minutes is part of the minutes.
    Cue(ACTION_PLAN, "action_log_title", _rx(_ACTION_LOG_WORDS), 2, title_only=True, identity="action_log", names_paper=True,
        reject=_rx(_PAGES_REF + "|" + _PROSE_VERB), max_chars=160),
    Cue(ACTION_PLAN, "funding_allocated", _rx(r"\bfunding\s+allocated\s*:"), 1),
    Cue(ACTION_PLAN, "on_track", _rx(r"\bto\s+meet\s+target\b|\bon\s+track\s*/\s*not\s+on\s+track\b|\bstats\s+awaited\b"), 1),
    # -- budget ---------------------------------------------------------------------
    Cue(BUDGET, "budget_title", _rx(r"\bbudgets?\b|\bspending\s+plan\b|\bfunding\s+(?:plan|allocations?|summary|statement)\b|\bfinance\s+(?:monitoring\s+)?report\b"
                                    r"|\b(?:statement\s+of\s+)?accounts?\b(?!\s+payable)|\baccounting\s+statements?\b|\bexpenditure\b|\bincome\s+and\s+expenditure\b|\bbank\s+reconciliation\b|\bpooled\s+fund\b"),
        2, title_only=True, reject=_rx(r"\brisks?\b|\bregulations?\b|\bstanding\s+orders?\b|" + _PAGES_REF + "|" + _PROSE_VERB), max_chars=160),
    Cue(BUDGET, "total_funding", _rx(r"\btotal\s+(?:funding|budget|allocation|expenditure|income|spend)\b"), 1),
    Cue(BUDGET, "money", _rx(r"£\s?\d[\d,]*(?:\.\d\d)?"), 1),
    # -- performance ---------------------------------------------------------------
    Cue(PERFORMANCE, "performance_title", _rx(r"\bperformance\s+(?:report|data|update|indicators?|measures?|monitoring|summary|framework|scorecard|dashboard)\b|\bkey\s+performance\b"
                                              r"|\b(?:kpis?|indicators?|measures?)\b\s*$|\bpriorities\s+measures\b|\bhighlights\b\s*$|\bcrime\s+(?:statistics|figures|data)\b"),
        2, title_only=True, reject=_rx(_PAGES_REF + "|" + _PROSE_VERB), max_chars=160),
    Cue(PERFORMANCE, "measures_heading", _rx(r"^\s*(?:performance\s+)?measures\s+(?:within|for|of)\b|^\s*(?:key\s+)?(?:performance\s+)?indicators?\s+(?:for|of)\b"),
        2, title_only=True, max_chars=120),
    Cue(PERFORMANCE, "percent_change", _rx(r"[+-]\s?\d+(?:\.\d+)?\s?%|\bno\s+calc\b|%\s+change\b|\bmost\s+similar\s+group\b"), 1),
    # -- other papers -----------------------------------------------------------
    Cue(OTHER, "report_to", _rx(r"^\s*report\s+to\s*:|^\s*from\s*:.{0,80}$"), 2, max_chars=200),
    Cue(OTHER, "briefing", _rx(r"\bbriefing\b|\bbriefing\s+note\b|\bposition\s+statement\b"), 3, title_only=True,
        reject=_rx(_PROSE_VERB), max_chars=160),
    Cue(OTHER, "risk_register", _rx(r"\brisk\s+register\b|\brisks?\s+register\b"), 3, title_only=True, max_chars=200),
    Cue(OTHER, "rules", _rx(r"\bstanding\s+orders\b|\bfinancial\s+regulations\b|\bterms\s+of\s+reference\b|\bcode\s+of\s+conduct\b|\bsignatories\b"), 2, title_only=True, max_chars=160),
    Cue(OTHER, "councillor_report", _rx(r"^\s*(?:county|district|ward)\s+councillor'?s?\s+report\b|^\s*(?:\w+\s+)?(?:" + "|".join(MONTH_FULL_NAMES) + r")\s+report\s*$"),
        2, title_only=True, max_chars=120),
)

#: Separators: lines that mark the start of a new paper without saying which.
SEPARATORS: tuple[re.Pattern, ...] = (
    _rx(r"^\s*agenda\s+item\s*(?:no\.?\s*)?\d+\s*\(?[a-z]?\)?\s*$"),  # ModernGov stamp "Agenda Item 4b"
    _rx(r"^\s*(?:appendix|annex|enclosure)\s+(?:[a-z]|\d+|[ivx]+)\b.{0,120}$"),  # "Appendix E - 2025-26 Budget ..."
)


# Table header vocabularies: (word pattern, weight) per paper type.
_HEADER_WORDS: dict[str, tuple[tuple[re.Pattern, float], ...]] = {
    ACTION_PLAN: (
        (_rx(r"\bactions?\b|\baction\s+plan\s+item\b"), 1.0),
        (_rx(r"\bmilestones?\b"), 1.5),
        (_rx(r"\blead\b"), 1.0),
        (_rx(r"\b(?:other\s+)?partners?\b"), 0.5),
        (_rx(r"\bprogress\b|\bupdate\b|\bytd\b"), 1.0),
        (_rx(r"\brag\b|\bstatus\b"), 1.0),
        (_rx(r"\bnumber\b|\bref\b|\bno\.?$"), 0.3),
        (_rx(r"\btarget\b|\bmeasure(?:ment)?\b|\bdeadline\b|\btimescale\b"), 0.5),
        (_rx(r"\bpriority\b"), 0.3),
    ),
    BUDGET: (
        (_rx(r"\ballocation\b|\ballocated\b"), 1.5),
        (_rx(r"\bbudget\b"), 1.5),
        (_rx(r"\bfunding\b|\bfunds?\b"), 1.0),
        (_rx(r"\bamount\b|\bcost\b|\bspend\b|\bspent\b|\bpayments?\b|\breceipts?\b|\bincome\b|\bexpenditure\b"), 1.0),
        (_rx(r"£|\b£?000s\b"), 1.0),
        (_rx(r"\bforecast\b|\bvariance\b|\bunderspen[dt]\b|\boverspen[dt]\b|\bactual\b|\boutturn\b"), 1.0),
        (_rx(r"\bline\b|\bitem\b|\bdetails\b"), 0.3),
    ),
    PERFORMANCE: (
        (_rx(r"\b(?:19|20)\d\d(?:\s*[/-]\s*\d\d(?:\d\d)?)?\b"), 0.7),
        (_rx(r"\bq[1-4]\b|\bquarter\b|\b" + MONTH_STEM_RE + r"[a-z]*\b"), 0.5),
        (_rx(r"%|\bchange\b|\bper\s*cent\b"), 1.5),
        (_rx(r"\bindicator\b|\bmeasure\b|\bkpi\b|\btarget\b|\bbaseline\b|\bperformance\b"), 1.0),
        (_rx(r"\bcrime\s+type\b|\boffence\b|\bincidents?\b|\bclients?\b|\bmsg\b|\bmost\s+similar\b"), 0.7),
    ),
}
_MONEY_CELL = re.compile(r"^\s*\(?-?\s*£?\s?\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?\)?\s*$|^\s*\(?-?£?\d+\.\d\d\)?\s*$|^\s*£\s?\d[\d,]*(?:\.\d+)?\s*$")
_PCT_CELL = re.compile(r"^\s*[+-]?\s?\d+(?:\.\d+)?\s?%\s*$|^\s*no\s+calc\s*$", re.I)
_FULL_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b")
_NUM_CELL = re.compile(r"^\s*[+-]?\s?\d[\d,]*(?:\.\d+)?\s*$")
_TOTAL_ROW = re.compile(r"^\s*(?:grand\s+)?totals?\b|\btotal\s+(?:funding|budget|spend|spending|allocation|expenditure|income|savings)\b", re.I)


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

_NUMBERED = re.compile(r"^\s*(?:item\s+\d{1,3}[a-z]?\s*[:.)\-\u2013]|\(?\d{1,3}(?:\.\d{1,3})*[a-z]?[.)]?|\d{1,3}\s*\(\s*[a-z]\s*\)|[a-z][.)]|\(?[ivx]{1,4}\))\s+\S", re.I)
_SENTENCE_END = re.compile(r"(?<!\ba\.m)(?<!\bp\.m)(?<!\bpm)(?<!\bam)[.;,]\s*$", re.I)


_MEMO_LINE = re.compile(r"^\s*(?:to|from|date|report\s+to|lead\s+officer|subject|author|contact|ask\s+for)\s*:", re.I)


def is_title_like(b: Block) -> bool:
    """Heading, or a short stand-alone line that reads like a title (memo
    header lines such as "To: ..." and "From: ..." count)."""
    if b.kind == HEADING:
        return True
    if b.kind not in (PARAGRAPH,):
        return False
    t = b.norm.strip()
    if not t:
        return True
    if _MEMO_LINE.match(t) and len(t) <= 300 and t.count("\n") <= 3:
        return True
    if len(t) > 160 or t.count("\n") > 3:
        return False
    if b.bold:
        return True
    return len(t) <= 120 and not _SENTENCE_END.search(t)


def _short(text: str, n: int = 120) -> str:
    t = " ".join(text.split())
    return t if len(t) <= n else t[: n - 1] + "\u2026"


def header_signature(b: Block) -> str:
    if b.kind != TABLE or not b.rows:
        return ""
    hdr = _header_row(b)
    return "|".join(re.sub(r"[^a-z]+", " ", c.lower()).strip() for c in hdr)


def _row_header_score(cells: list[str]) -> float:
    s = 0.0
    for words in _HEADER_WORDS.values():
        for rx, w in words:
            if any(rx.search(c) for c in cells if len(c) <= 60):
                s += w
    return s


def _header_row(b: Block) -> list[str]:
    """The table's header row: a row marked as header, else the most
    header-like of the first four rows (tables often open with title rows)."""
    rows = [r for r in b.rows if any(c.norm.strip() for c in r.cells)]
    if not rows:
        return []
    best, best_s = None, -1.0
    for r in rows[:4]:
        cells = [c.norm for c in r.cells if c.norm.strip()]
        if len(cells) < 2:
            continue
        wordy = sum(1 for c in cells if re.search(r"[A-Za-z]", c) and len(c) <= 80)
        if wordy < max(2, len(cells) // 2):
            continue
        sc = _row_header_score(cells) + (0.5 if r.is_header else 0.0)
        if sc > best_s:
            best, best_s = r, sc
    r = best or rows[0]
    return [c.norm for c in r.cells]


def _title_rows(b: Block) -> list[str]:
    """Texts of the single-cell title rows at the top of a table."""
    out = []
    for r in b.rows[:3]:
        cells = [c.norm for c in r.cells if c.norm.strip()]
        if len(cells) == 1:
            out.append(cells[0])
        elif len(cells) >= 2 and all(":" in c or len(c) < 40 for c in cells) and not r.is_header:
            out.extend(cells)
    return out


def table_hits(b: Block) -> list[Hit]:
    """Cues from a table's structure."""
    if b.kind != TABLE or not b.rows:
        return []
    hdr = [_FULL_DATE.sub(" ", h) for h in _header_row(b)]
    hdr_text = " | ".join(hdr)
    # Title rows inside the table ("Action Plan: 2010-2011") decide like headings.
    for t in _title_rows(b):
        for h in text_hits(Block(kind=HEADING, text=t)):
            if h.strength >= 3 and h.paper_type != MINUTES:
                return [Hit(h.paper_type, 3, h.cue, "table-title:" + h.name, h.identity,
                            header_signature(b) if h.paper_type == ACTION_PLAN else None, title_ok=True)]
    # Lines, not cells: readers sometimes leave a whole column in one cell.
    cells = [ln.strip() for r in b.rows for c in r.cells for ln in c.norm.split("\n") if ln.strip()]
    if not cells:
        return []
    n = len(cells)
    money = sum(1 for c in cells if _MONEY_CELL.match(c) and not re.fullmatch(r"\s*(?:19|20)\d\d\s*", c))
    pct = sum(1 for c in cells if _PCT_CELL.match(c))
    nums = sum(1 for c in cells if _NUM_CELL.match(c))
    pounds = sum(1 for c in cells if "£" in c)
    totals = sum(1 for r in b.rows for c in r.cells[:3] if _TOTAL_ROW.search(c.norm))
    scores: dict[str, float] = {}
    for ptype, words in _HEADER_WORDS.items():
        s = 0.0
        for rx, w in words:
            if any(rx.search(h) for h in hdr):
                s += w
        scores[ptype] = s
    # Cell-content evidence.
    scores[BUDGET] += 2.0 * min(1.0, (money + pounds) / max(1, n) * 3) + (1.0 if totals else 0.0)
    scores[PERFORMANCE] += 2.0 * min(1.0, pct / max(1, n) * 6)
    years_in_header = len(re.findall(r"\b(?:19|20)\d\d\b", hdr_text))
    if years_in_header >= 2 and nums >= n * 0.3:
        scores[PERFORMANCE] += 1.5
    if re.search(r"\b(?:stats|figures|response)\s+awaited\b|\bon\s+track\b|\b(?:green|amber|red)\b|\bfunding\s+allocated\b", " ".join(cells), re.I):
        scores[ACTION_PLAN] += 1.0
    # Agenda laid out as a table: a header "AGENDA", or numbered rows with page ranges.
    if re.search(r"\bcontents\b", hdr_text, re.I):
        return []  # a table of contents names every kind of paper
    first = next((" | ".join(c.norm for c in r.cells) for r in b.rows if any(c.norm.strip() for c in r.cells)), "")
    first_cells = [re.sub(r"\s+", "", c).lower() for c in first.split("|") if c.strip()]
    if (first_cells and first_cells[0] == "agenda") or re.search(r"^\s*(?:\|\s*)*agenda\b", first, re.I) or re.search(r"^\s*agenda\b", hdr_text, re.I) or (re.search(r"\bpages?\b", hdr_text, re.I) and sum(1 for c in cells if re.fullmatch(r"\d+\s*-\s*\d+", c)) >= 1 and any(re.fullmatch(r"\d+\.?", c) for c in cells)):
        return [Hit(AGENDA, 3, _short(hdr_text), "table:agenda", "agenda")]
    # Attendance table at the top of minutes ("Members: | name | organisation").
    if re.search(r"^\s*(?:members|present|attendees?)\s*:?", hdr_text, re.I):
        scores[MINUTES] = 3.0
    best = max(scores, key=lambda k: scores[k])
    s = scores[best]
    if s < 2.5:
        return [Hit(best, 1, _short(hdr_text), f"table:{best}")] if s >= 1.5 else []
    sig = header_signature(b) if best == ACTION_PLAN else None
    return [Hit(best, 2, _short(hdr_text), f"table:{best}", signature=sig)]


#: Column headings of minutes laid out as a table ("Item | Notes | Action").
_MINUTES_COLUMNS = _rx(r"^\W*(?:notes?|discussion|minutes?|decisions?|summary|outcomes?|points?\s+raised|comments?)\W*$")
_MINUTES_TEXT = (_rx(_MINUTES_NARRATIVE), _rx(r"^[^\w\n]*(?:[a-z]+\s+){0,2}?(?:" + _ATTENDANCE_LABELS + r")\s*(?::|-|\u2013|$)"))


def minutes_table_hits(b: Block) -> list[Hit]:
    """Evidence (never a deciding cue) that a table is part of minutes: a
    notes/discussion column beside the item, or cells that record the
    meeting happening ("Chaired by", "The meeting commenced at 1835")."""
    if b.kind != TABLE or not b.rows:
        return []
    out = []
    hdr = [c for c in _header_row(b) if c.strip()]
    if 2 <= len(hdr) <= 4 and any(_MINUTES_COLUMNS.match(c) for c in hdr):
        out.append(Hit(MINUTES, 1, _short(" | ".join(hdr)), "table:minutes_columns"))
    lines = [ln for r in b.rows for c in r.cells for ln in c.norm.split("\n") if ln.strip()]
    n = sum(1 for ln in lines if len(ln) <= 400 and any(rx.search(ln) for rx in _MINUTES_TEXT))
    if n:
        out.append(Hit(MINUTES, 1, f"{n} minutes lines in table", "table:minutes_text"))
    return out


_LETTER_SPACED = re.compile(r"(?<!\w)(?:\w ){2,}\w(?!\w)")


def despace(text: str) -> str:
    """Undo letter-spaced display type ("A G E N D A" -> "AGENDA")."""
    return _LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)


def text_hits(b: Block) -> list[Hit]:
    if b.kind in (PAGE_BREAK, TABLE):
        return []
    text = despace(b.norm)
    if not text.strip():
        return []
    title = is_title_like(b)
    numbered = bool(_NUMBERED.match(text))
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
        if b.kind == LIST_ITEM and strength > 1:
            strength = 1
        names = cue.title_only if cue.names_paper is None else cue.names_paper
        out.append(Hit(cue.paper_type, strength, _short(text), cue.name, cue.identity, title_ok=names))
    return out


def is_separator(b: Block) -> bool:
    """A stamp or appendix title line (where it stands is checked by :func:`_first_on_page`)."""
    if b.kind not in (HEADING, PARAGRAPH):
        return False
    t = b.norm.strip()
    if len(t) > 160 or not t[:1].isupper() or not is_title_like(b):
        return False
    return any(rx.match(t) for rx in SEPARATORS)


def _first_on_page(blocks: list[Block], i: int) -> bool:
    """True when ``i`` is the first non-boilerplate block of its page."""
    j = i - 1
    while j >= 0:
        b = blocks[j]
        if b.kind == PAGE_BREAK:
            return True
        if blocks[i].page is not None and b.page_end is not None and b.page_end < blocks[i].page:
            return True
        if not boilerplate.is_boilerplate(b):
            return False
        j -= 1
    return True


def separator_at(blocks: list[Block], i: int) -> bool:
    return is_separator(blocks[i]) and _first_on_page(blocks, i)


# ---------------------------------------------------------------------------
# Segmentation
# ---------------------------------------------------------------------------


@dataclass
class _Open:
    start: int
    paper_type: Optional[str] = None
    strength: int = 0
    cue: str = ""
    identities: set = field(default_factory=set)
    content_since_identity: bool = False
    evidence: dict = field(default_factory=dict)
    signature: Optional[str] = None
    table_cols: int = 0  # columns of the last table in the paper
    decided_at: Optional[int] = None  # block whose cue decided the type


#: Types that hold their ground: inside them only a strength-3 cue (or a
#: separator) starts another paper, since minutes and agendas name every
#: other kind of paper in their item titles.
STICKY = (MINUTES, AGENDA)


def _page_top(blocks: list[Block], i: int, lo: int) -> bool:
    """True when every content block before ``i`` on its page is title-like
    (``i`` is in the title run at the top of its page)."""
    page = blocks[i].page
    n = 0
    j = i - 1
    while j >= lo:
        b = blocks[j]
        if b.kind == PAGE_BREAK:
            return True
        if page is not None and b.page is not None and b.page_end is not None and b.page_end < page:
            return True
        if boilerplate.is_boilerplate(b):
            j -= 1
            continue
        if not is_title_like(b) or n >= 6:
            return False
        n += 1
        j -= 1
    # Reached the start of the open paper without a page break: its own
    # title run is above ``i`` on this page, so ``i`` is not at the top.
    return lo == 0 and n == 0


def _pull_back(blocks: list[Block], i: int, lo: int, new_type: str, cur_type: Optional[str], hits) -> int:
    """Start of a new paper whose deciding cue is at ``i``: include the
    title-like blocks just above it (not crossing a page break or ``lo``)."""
    s = i
    steps = 0
    while s - 1 > lo and steps < 6:
        b = blocks[s - 1]
        if b.kind in (PAGE_BREAK, TABLE, LIST_ITEM) or boilerplate.is_boilerplate(b):
            break
        if not is_title_like(b):
            break
        if any(h.paper_type == cur_type and h.strength >= 2 for h in hits[s - 1]) and cur_type != new_type:
            break
        if blocks[s - 1].page is not None and blocks[i].page is not None and blocks[s - 1].page_end is not None \
                and blocks[s - 1].page_end < blocks[i].page:
            break
        s -= 1
        steps += 1
    # Boilerplate between a page break and the title (a template instruction
    # at the top of the page) goes with the new paper.
    k = s - 1
    while k > lo and blocks[k].kind != PAGE_BREAK and boilerplate.is_boilerplate(blocks[k]):
        k -= 1
    if k < s - 1 and blocks[k].kind == PAGE_BREAK:
        s = k + 1
    return s


_SIGNATURE_LINE = re.compile(r"^[A-Z][A-Z.' -]{1,40}$")


def _cue_title(blocks: list[Block], p: Paper, hits: list[list[Hit]]) -> Optional[str]:
    """The title line whose cue decided the paper's type, with its priority area when one is named."""
    title = None
    area = None
    for j in range(p.start, min(p.end, p.start + 15) + 1):
        for h in hits[j]:
            if h.paper_type != p.paper_type:
                continue
            if title is None and h.title_ok:
                title = h.cue if blocks[j].kind == TABLE else " ".join(blocks[j].norm.split())
            elif title is None and h.name == "table:agenda":
                title = "Agenda"
            if h.name == "priority_area_label" and area is None:
                area = " ".join(blocks[j].norm.split())
    if title and area and area.lower() not in title.lower():
        title = f"{title} - {area}"
    return title


def _title_for(blocks: list[Block], p: Paper, hits: Optional[list[list[Hit]]] = None) -> str:
    """The paper's title: the title line that decided its type when there is
    one, else its first heading-like line (not a signature or an item line)."""
    title = _cue_title(blocks, p, hits) if hits is not None else None
    if title:
        return _short(title, 200)
    cands = [b for b in blocks[p.start : p.end + 1] if b.kind in (HEADING, PARAGRAPH) and b.norm.strip()
             and not boilerplate.is_boilerplate(b) and not is_separator(b)]
    cands = [b for b in cands[:8] if is_title_like(b) and len(re.findall(r"[A-Za-z]{2,}", despace(b.norm))) >= 2
             and not (_SIGNATURE_LINE.match(b.norm.strip()) and len(b.norm.split()) <= 3)
             and not (p.paper_type in STICKY and _NUMBERED.match(b.norm))
             and not re.match(r"^\s*(?:present|apologies|in\s+attendance|dear)\b", b.norm, re.I)]
    for b in cands:
        if b.kind == HEADING:
            return _short(b.norm, 200)
    if cands:
        return _short(cands[0].norm, 200)
    for b in blocks[p.start : p.end + 1][:8]:
        if b.kind == TABLE:
            rows = [t for t in _title_rows(b) if len(t) > 3]
            if rows:
                return _short(rows[0], 200)
            break
    return _short(p.cue, 200)


def block_hits(doc: Document) -> list[list[Hit]]:
    """Cues of every block (empty for boilerplate and page breaks).

    A subject heading (strength 2) directly above a table of the same type
    ("CDRP Budget 2016/17" over a money table) is a title: raised to 3.
    """
    blocks = doc.blocks
    out: list[list[Hit]] = []
    for b in blocks:
        if b.kind == PAGE_BREAK or boilerplate.is_boilerplate(b):
            out.append([])
        elif b.kind == TABLE:
            out.append(table_hits(b) + minutes_table_hits(b))
        else:
            out.append(text_hits(b))
    for i, hs in enumerate(out):
        for h in hs:
            if h.strength != 2 or blocks[i].kind == TABLE:
                continue
            j, seen = i + 1, 0
            while j < len(blocks) and seen < 2:
                nb = blocks[j]
                if nb.kind == PAGE_BREAK or boilerplate.is_boilerplate(nb):
                    j += 1
                    continue
                if nb.kind == TABLE:
                    if any(t.paper_type == h.paper_type and t.strength >= 2 for t in out[j]):
                        h.strength, h.upgraded = 3, True
                    break
                seen += 1
                j += 1
    return out


def _strong_start(blocks: list[Block], hits: list[list[Hit]], j: int) -> bool:
    """A block that certainly opens a paper: a separator, a title cue, or a subject cue at the top of a page."""
    if separator_at(blocks, j):
        return True
    return any(h.strength >= 3 or (h.strength >= 2 and _page_top(blocks, j, 0)) for h in hits[j]
               if h.paper_type != OTHER or h.strength >= 2)


def segment(doc: Document, settings: Settings = DEFAULT) -> list[Paper]:
    """Split ``doc`` into papers and flag its boilerplate blocks.

    Returns papers in document order; their ``[start, end]`` ranges are
    contiguous and cover every block.
    """
    blocks = doc.blocks
    if not blocks:
        return []
    doc.renumber()
    boilerplate.flag_blocks(doc)
    hits = block_hits(doc)
    sections = boilerplate.flag_sections(doc, partial(_strong_start, blocks, hits))
    if sections:
        hits = block_hits(doc)
    spanner = _Spanner(blocks, hits, sections)
    spans = spanner.spans()
    papers = _papers(blocks, hits, spans, settings)
    _merge_trailing(papers, blocks, spanner.keep)
    _furniture_title(doc, papers, _confidence(settings, 3))
    for k, p in enumerate(papers):
        p.ordinal = k
    return papers


class _Spanner:
    """One pass over the blocks, opening a span (a paper to be) where a cue,
    a separator or a boilerplate section says one starts."""

    def __init__(self, blocks: list[Block], hits: list[list[Hit]], sections: list[tuple[int, int, str]]):
        self.blocks, self.hits = blocks, hits
        self.section_at = {s: (e, kind) for s, e, kind in sections}
        self.force_new: set[int] = {e + 1 for s, e, _ in sections}
        self.keep: set[int] = set()  # span starts that stay papers even if all boilerplate
        self.done: list[_Open] = []
        self.cur = _Open(start=0)

    def spans(self) -> list[_Open]:
        for i, b in enumerate(self.blocks):
            self._block(i, b)
        self.done.append(self.cur)
        return self.done

    def _open(self, new_start: int) -> _Open:
        self.done.append(self.cur)
        self.cur = _Open(start=new_start)
        return self.cur

    def _block(self, i: int, b: Block) -> None:
        blocks, cur = self.blocks, self.cur
        if i in self.section_at:
            # A boilerplate section (visitor guidance notes) is a paper of its own.
            if _has_content(blocks, cur.start, i) or cur.paper_type is not None:
                cur = self._open(i)
            cur.paper_type, cur.strength = OTHER, 3
            cur.cue = _short(b.norm)
            self.keep.add(i)
            return
        if i in self.force_new and i > cur.start:
            self._open(i)
        if b.kind == PAGE_BREAK or boilerplate.is_boilerplate(b):
            return
        if separator_at(blocks, i) and i > self.cur.start and _has_content(blocks, self.cur.start, i):
            self._open(i)
            return
        before, before_state = self.cur, (self.cur.paper_type, self.cur.cue)
        decided = self._decide(i, b, _page_top(blocks, i, self.cur.start))
        cur = self.cur
        if decided and (cur is not before or (cur.paper_type, cur.cue) != before_state):
            cur.decided_at = i
        if b.kind == TABLE:
            cur.table_cols = b.n_cols
        for h in self.hits[i]:
            weight = 2 if b.kind == TABLE else 1  # a table's structure says more than a word
            cur.evidence[h.paper_type] = cur.evidence.get(h.paper_type, 0) + h.strength * weight
        if not decided and not is_title_like(b):
            cur.content_since_identity = True

    def _decide(self, i: int, b: Block, top: bool) -> bool:
        """Act on the strongest cue of block ``i`` that counts here; True when one did."""
        for h in sorted(self.hits[i], key=lambda h: -h.strength):
            if h.strength < 2 or (h.strength == 2 and not (top or self.cur.paper_type is None)):
                continue
            if self.cur.paper_type is None:
                self._first_type(i, h)
            elif h.paper_type != self.cur.paper_type:
                if self._holds(b, h, top):
                    continue
                self._other_type(i, h)
            else:
                self._same_type(i, h, top)
            return True
        return False

    def _first_type(self, i: int, h: Hit) -> None:
        """The open span has no type yet: this cue gives it one."""
        start = _pull_back(self.blocks, i, self.cur.start, h.paper_type, None, self.hits)
        if _preamble_pages_before(self.blocks, self.cur.start, start):
            # Undecided pages before this paper (a pack's front page, a
            # contents list) stay a paper of their own.
            self._open(start)
        self._take(h)
        if h.signature:
            self.cur.signature = h.signature

    def _take(self, h: Hit) -> None:
        """The open paper takes the cue's type, strength and identity."""
        cur = self.cur
        cur.paper_type, cur.strength, cur.cue = h.paper_type, h.strength, h.cue
        if h.identity:
            cur.identities.add(h.identity)
            cur.content_since_identity = False

    def _holds(self, b: Block, h: Hit, top: bool) -> bool:
        """The open paper holds its ground against a cue of another type."""
        cur = self.cur
        # A table with the same columns as the paper's last table, at the
        # top of the next page, is that table continued, not a new paper.
        if b.kind == TABLE and h.strength < 3 and cur.table_cols and b.n_cols == cur.table_cols:
            return True
        if cur.paper_type in STICKY:
            # Leaving minutes or an agenda takes a strong cue at the top of a
            # page, or mid-page only the title of another meeting paper.
            if h.strength < 3:
                return True
            # Inside minutes or an agenda a numbered line is an item title,
            # whatever paper it names ("3. ... Quarterly Report").
            if b.kind != TABLE and _NUMBERED.match(despace(b.norm)):
                return True
            if not top and not (h.paper_type in (COVER, *STICKY) and h.identity):
                return True
        # OTHER only interrupts at the top of a page.
        return h.paper_type == OTHER and not top

    def _other_type(self, i: int, h: Hit) -> None:
        """A cue of another type starts the next paper (or retypes one that is only title lines so far)."""
        start = _pull_back(self.blocks, i, self.cur.start, h.paper_type, self.cur.paper_type, self.hits)
        if _has_content(self.blocks, self.cur.start, start):
            self._open(start)
        self._take(h)
        self.cur.signature = h.signature

    def _same_type(self, i: int, h: Hit, top: bool) -> None:
        """A cue of the open paper's type: another plan (a new signature), the same
        paper's title again after content (the next paper of its kind), or more of it."""
        cur = self.cur
        if h.paper_type == ACTION_PLAN and h.signature and cur.signature and h.signature != cur.signature and top:
            start = _pull_back(self.blocks, i, cur.start, h.paper_type, cur.paper_type, self.hits)
            cur = self._open(start)
            cur.paper_type, cur.strength, cur.cue, cur.signature = h.paper_type, h.strength, h.cue, h.signature
            return
        if h.signature and not cur.signature:
            cur.signature = h.signature
        if h.identity and h.identity in cur.identities and cur.content_since_identity \
                and not (h.identity in _TITLE_IDENTITIES and _same_meeting_title(self.blocks, cur.start, i, top)):
            start = _pull_back(self.blocks, i, cur.start, h.paper_type, cur.paper_type, self.hits)
            self._open(start)
            self._take(h)
            return
        if h.identity:
            cur.identities.add(h.identity)
        if h.strength > cur.strength:
            cur.strength, cur.cue = h.strength, h.cue


def _papers(blocks: list[Block], hits: list[list[Hit]], spans: list[_Open], settings: Settings) -> list[Paper]:
    """The spans as papers: typed (by their cue, else their evidence, then the whole-paper
    vote) and titled; a span voted into the type of the paper before it joins that paper."""
    papers: list[Paper] = []
    for k, sp in enumerate(spans):
        end = (spans[k + 1].start - 1) if k + 1 < len(spans) else len(blocks) - 1
        if end < sp.start:
            continue
        typed = _span_type(hits, sp, end, settings)
        ptype, strength, cue, evidence, retyped = _whole_paper_vote(blocks, hits, sp, end, typed)
        pages = _pages(blocks[sp.start : end + 1])
        paper = Paper(
            paper_type=ptype,
            title="",
            start=sp.start,
            end=end,
            page_start=min(pages) if pages else None,
            page_end=max(pages) if pages else None,
            ordinal=len(papers),
            confidence=_confidence(settings, strength),
            cue=cue,
            evidence=evidence,
        )
        paper.title = _title_for(blocks, paper, hits)
        if retyped and papers and papers[-1].paper_type == ptype:
            # A paper overruled by its own content into the type of the paper
            # before it is that paper continued (the agenda a set of minutes
            # lists, under its own "Agenda" heading).
            _absorb(papers[-1], paper)
            continue
        papers.append(paper)
    return papers


def _span_type(hits: list[list[Hit]], sp: _Open, end: int, settings: Settings) -> tuple[str, int, str]:
    """(type, strength, cue) of a span: its deciding cue's, else the type with the most
    evidence (when enough), else OTHER."""
    if sp.paper_type is not None:
        return sp.paper_type, sp.strength, sp.cue
    ev = {t: s for t, s in sp.evidence.items() if t != OTHER}
    if ev and max(ev.values()) >= settings.segment.min_evidence:
        ptype = max(ev, key=lambda t: ev[t])
        cue = next((h.cue for j in range(sp.start, end + 1) for h in hits[j] if h.paper_type == ptype), "")
        return ptype, 1, cue
    return OTHER, 0, sp.cue


#: Types the whole-paper vote may move a paper to: their evidence (attendance
#: labels, narrative of a meeting held, numbered business, action columns) is
#: structural, so it outweighs one title line that names something else.
_VOTE_TYPES = (MINUTES, AGENDA, ACTION_PLAN)


def _in_opening(blocks: list[Block], lo: int, i: int) -> bool:
    """True when only title lines (and furniture) stand between ``lo`` and ``i``."""
    return all(b.kind == PAGE_BREAK or boilerplate.is_boilerplate(b) or is_title_like(b) for b in blocks[lo:i])


def _whole_paper_vote(blocks: list[Block], hits: list[list[Hit]], sp: "_Open", end: int,
                      typed: tuple[str, int, str]) -> tuple[str, int, str, dict[str, float], bool]:
    """Type a paper from all its evidence, not only the first cue that matched.

    Every cue of every block votes for its type (strength, doubled for a
    table). A type decided in the paper's opening title run by a title cue
    stands unless another meeting-paper type has at least twice its weight;
    a type decided further down (an agenda item titled "Action Plan", an
    "Agenda" heading below the attendance grid of minutes) or by a weak cue
    gives way to one with half as much again. ``typed`` is the span's
    ``(type, strength, cue)`` so far. Returns ``(type, strength, cue,
    evidence, retyped)``; ``evidence`` maps each type to its weight.
    """
    ptype, strength, cue = typed
    ev: dict[str, float] = {}
    first_cue: dict[str, str] = {}
    for j in range(sp.start, end + 1):
        w = 2 if blocks[j].kind == TABLE else 1
        # one vote per type per block: a line two cues of one type match ("Agenda" is both
        # an agenda heading and an agenda title) counts once, at its strongest
        best_here: dict[str, int] = {}
        for h in hits[j]:
            best_here[h.paper_type] = max(best_here.get(h.paper_type, 0), h.strength)
            first_cue.setdefault(h.paper_type, h.cue)
        for t, st in best_here.items():
            ev[t] = ev.get(t, 0) + st * w
    evidence = {t: round(v, 1) for t, v in sorted(ev.items(), key=lambda kv: -kv[1])}
    rivals = [t for t in _VOTE_TYPES if t != ptype and ev.get(t, 0) > 0]
    if not rivals or ptype == OTHER:  # a paper that names itself a report, rules, a register stays so
        return ptype, strength, cue, evidence, False
    best = max(rivals, key=lambda t: ev[t])
    mine = ev.get(ptype, 0)
    opening = sp.decided_at is not None and _in_opening(blocks, sp.start, sp.decided_at)
    if strength >= 3 and opening:
        wins = ev[best] >= 6 and ev[best] >= 2 * mine
    else:
        wins = ev[best] >= 4 and ev[best] > 1.5 * mine
    if not wins:
        return ptype, strength, cue, evidence, False
    new_strength = 2 if ev[best] >= 2 * max(mine, 3) else 1
    return best, new_strength, f"whole paper: {first_cue[best]}", evidence, True


def _absorb(prev: Paper, p: Paper) -> None:
    prev.end = p.end
    if p.page_end is not None:
        prev.page_end = max(prev.page_end or p.page_end, p.page_end)
        if prev.page_start is None:
            prev.page_start = p.page_start
    for t, v in p.evidence.items():
        prev.evidence[t] = round(prev.evidence.get(t, 0) + v, 1)


def _confidence(settings: Settings, strength: int) -> float:
    """A paper's confidence from the strength (0-3) of the cue that typed it."""
    table = settings.segment.confidence
    return table[strength] if isinstance(strength, int) and 0 <= strength < len(table) else table[0]


def _furniture_title(doc: Document, papers: list[Paper], strong: float) -> None:
    """A running title removed as page furniture ("Appendix I: Budget Risks
    Register 2025-26" at the top of every page) names the document: it
    decides the first paper's type when nothing in the body did strongly."""
    if not papers or papers[0].confidence >= strong:
        return
    seen = []
    for line in doc.headers:
        t = " ".join(str(line).split())
        if t and t not in seen:
            seen.append(t)
    for t in seen[:3]:
        hs = [h for h in text_hits(Block(kind=HEADING, text=t)) if h.strength >= 3]
        if hs:
            h = hs[0]
            papers[0].paper_type, papers[0].cue, papers[0].confidence = h.paper_type, h.cue, strong
            papers[0].title = _short(t, 200)
            return


#: Identities of a paper's title (not of its attendance list or salutation).
_TITLE_IDENTITIES = ("agenda", "minutes_title")


def _title_run_dates(blocks: list[Block], lo: int, n: int = 3) -> set[str]:
    """ISO dates printed in the title run that starts at ``lo`` (up to ``n`` title lines)."""
    out: set[str] = set()
    seen = 0
    for b in blocks[lo:]:
        if b.kind == PAGE_BREAK or boilerplate.is_boilerplate(b):
            continue
        if not is_title_like(b) or seen >= n:
            break
        seen += 1
        out.update(d.iso for d in find_dates(b.norm) if d.iso and len(d.iso) == 10)
    return out


def _same_meeting_title(blocks: list[Block], open_start: int, i: int, top: bool) -> bool:
    """A paper title repeated inside an open paper of its own type is that paper's running
    title or a section heading, not a new paper, when it names the same meeting date as the
    open paper's title run, or names no date and stands mid-page (a heading of the paper's
    own notes: "The Order of Business"). A repeated title dated for another meeting, or an
    undated one opening a page, starts a new paper."""
    mine = _title_run_dates(blocks, i)
    if not mine:
        return not top
    first = next((j for j in range(open_start, i) if blocks[j].kind != PAGE_BREAK
                  and not boilerplate.is_boilerplate(blocks[j])), None)
    if first is None:
        return False
    # the open paper's title run may sit a few lines down (a masthead above the title)
    opened: set[str] = set()
    for j in range(first, min(i, first + 6)):
        if blocks[j].kind != PAGE_BREAK and is_title_like(blocks[j]):
            opened.update(d.iso for d in find_dates(blocks[j].norm) if d.iso and len(d.iso) == 10)
    return bool(opened) and mine <= opened


def _preamble_pages_before(blocks: list[Block], lo: int, hi: int) -> bool:
    """True when ``[lo, hi)`` holds body content (not just title lines) and a
    page break separates it from ``hi``."""
    last = None
    for j in range(lo, hi):
        b = blocks[j]
        if b.kind != PAGE_BREAK and not boilerplate.is_boilerplate(b) and not is_title_like(b):
            last = j
    if last is None:
        return False
    return any(blocks[j].kind == PAGE_BREAK for j in range(last + 1, hi))


def _pages(blocks: list[Block]) -> list[int]:
    """Pages of a paper's content blocks (boilerplate only when there is nothing else)."""
    content = [p for b in blocks if b.kind != PAGE_BREAK and not boilerplate.is_boilerplate(b)
               for p in (b.page, b.page_end) if p is not None]
    if content:
        return content
    return [p for b in blocks if b.kind != PAGE_BREAK for p in (b.page, b.page_end) if p is not None]


def _has_content(blocks: list[Block], lo: int, hi: int) -> bool:
    """Any non-boilerplate, non-page-break block in ``[lo, hi)``."""
    return any(b.kind != PAGE_BREAK and not boilerplate.is_boilerplate(b) for b in blocks[lo:hi])


def _merge_trailing(papers: list[Paper], blocks: list[Block], keep: set[int]) -> None:
    """Papers holding nothing but boilerplate or page breaks join the paper before them."""
    k = 1
    while k < len(papers):
        p = papers[k]
        if not _has_content(blocks, p.start, p.end + 1) and p.paper_type == OTHER and p.start not in keep:
            prev = papers[k - 1]
            prev.end = p.end
            if p.page_end is not None:
                prev.page_end = max(prev.page_end or p.page_end, p.page_end)
                if prev.page_start is None:
                    prev.page_start = p.page_start
            del papers[k]
        else:
            k += 1

