"""Action-plan status: one vocabulary for what plans write or colour in.

Vocabulary (``STATUSES``): ``on track``, ``not on track``, ``not reported``
(the unfilled template "on track/not on track", or nothing given), ``green``,
``amber``, ``red``, ``closed`` ("ACTION CLOSED"), ``complete``; and from action
logs the words of the settings' status table (``boardpack.core.settings.STATUS_WORDS``,
extendable with ``Settings(status_words=...)``): ``ongoing``, ``open``, ``in
progress``, ``new``, ``carried forward``, ``cancelled``, ``overdue``,
``deferred``, ``on hold`` (with synonyms such as Done/Achieved = complete). A
status cell in words outside the table is kept as printed, lower-cased
(:func:`status_cell`).

Where an action log puts its status: the whole of a status cell ("On track for
due date" starts with "on track"), a combined cell ("March 2012 - Complete"),
the first words of a prose progress cell ("Ongoing. Cabinet Office leads ..."),
or a word alone on the last line of a cell (:func:`status_word_in`).

Status comes from, in order: explicit words in the text (RAG words, "ACTION
CLOSED", "To meet target - on track"), then the cell's fill colour (nearest
colour in the document's own colour key when one was found, otherwise by hue),
else ``not reported``. Separately, ``stats_awaited`` says the update only
promised figures later ("Stats awaited", "Exact figures awaited", "Response
Awaited").
"""

from __future__ import annotations

import colorsys
import re
from typing import Mapping, Optional

from boardpack.core.settings import DEFAULT, Settings

ON_TRACK = "on track"
NOT_ON_TRACK = "not on track"
NOT_REPORTED = "not reported"
GREEN, AMBER, RED = "green", "amber", "red"
CLOSED = "closed"
COMPLETE = "complete"
STATUSES = (ON_TRACK, NOT_ON_TRACK, NOT_REPORTED, GREEN, AMBER, RED, CLOSED, COMPLETE)


# "To meet target - on track", "To meet target: Not on track", "on track/not on track"
_TARGET = re.compile(r"to\s+meet\s+target\s*[-:=]?\s*(.*)", re.I)
_TEMPLATE = re.compile(r"\bon\s*track\s*/\s*not\s+on\s*track\b|\bnot\s+on\s*track\s*/\s*on\s*track\b", re.I)
_NOT_ON_TRACK = re.compile(r"\b(?:not|off)\s+(?:on\s+)?track\b", re.I)
_ON_TRACK = re.compile(r"\bon\s*track\b", re.I)

_RAG_WORD = r"(green|amber|red|yellow|orange)"
# A RAG word that *is* the status: the whole text, its first word, after "RAG"/"Status",
# or written in capitals anywhere ("... GREEN ...").
_RAG_LEAD = re.compile(rf"^\W*(?:(?:rag|status|rating)\s*(?:status|rating)?\s*[:=-]?\s*)?{_RAG_WORD}\b", re.I)
_RAG_LABELLED = re.compile(rf"\b(?:rag|status|rating)\s*(?:status|rating)?\s*[:=-]\s*{_RAG_WORD}\b", re.I)
_RAG_CAPS = re.compile(r"(?<![A-Za-z])(GREEN|AMBER|RED)(?![A-Za-z])")
_CLOSED_CS = re.compile(r"\bACTION\s+CLOSED\b|(?<![A-Za-z])CLOSED(?![A-Za-z])")
_COMPLETE = re.compile(r"^\W*(?:action\s+)?complete(?:d)?\b|(?<![A-Za-z])COMPLETE(?:D)?(?![A-Za-z])|\bstatus\s*[:=-]\s*complete", re.M)
_COMPLETE_I = re.compile(r"^\W*(?:action\s+)?complete(?:d)?\W*$", re.I)

_WORD_TO_RAG = {"green": GREEN, "amber": AMBER, "orange": AMBER, "yellow": AMBER, "red": RED}


# -- the status table (settings) ---------------------------------------------

_TABLE_CACHE: dict[int, tuple[Settings, dict[str, str], re.Pattern]] = {}


def _table(settings: Optional[Settings] = None) -> tuple[dict[str, str], re.Pattern]:
    """The settings' status table and one regex of its phrases, longest first."""
    st = settings or DEFAULT
    hit = _TABLE_CACHE.get(id(st))
    if hit is None or hit[0] is not st:
        table = st.status_table()
        phrases = sorted(table, key=len, reverse=True)
        alt = "|".join(r"\s*".join(re.escape(w) for w in p.split()) for p in phrases)
        pat = re.compile(rf"(?<![\w/])(?:{alt})(?![\w/])", re.I)
        hit = _TABLE_CACHE[id(st)] = (st, table, pat)
    return hit[1], hit[2]


def _norm_phrase(text: str) -> str:
    return " ".join(text.lower().split())


def status_word(text: Optional[str], settings: Optional[Settings] = None) -> Optional[str]:
    """The normalised status a short status cell starts with ("Completed",
    "On track for due date", "Carried\nforward", "DONE."), or None."""
    if not text:
        return None
    table, pat = _table(settings)
    t = " ".join(text.split()).strip(" .:;,-\u2013\u2014*()[]")
    if not t:
        return None
    m = pat.match(t)
    if m:
        return table.get(_norm_phrase(m.group(0)))
    return None


# words between a leading status and what follows: "Ongoing. ...", "Completed - ...",
# "Ongoing and see attached report.", "Done:"
_AFTER_LEADING = re.compile(r"\s*(?:$|[.:;,\-\u2013\u2014(]|\s+and\b|\s+but\b|\n)", re.I)


def status_word_in(text: Optional[str], settings: Optional[Settings] = None) -> Optional[str]:
    """A status stated by position in a longer cell: the whole cell, its first
    words closed by punctuation ("Ongoing. DCLG has ..."), or a status alone on
    the cell's last line (a word at the right margin: "... by March\nCompleted")."""
    if not text or not text.strip():
        return None
    table, pat = _table(settings)
    t = text.strip()
    m = pat.match(t.lstrip(" *-\u2022"))
    if m:
        rest = t.lstrip(" *-\u2022")[m.end():]
        if not rest.strip() or _AFTER_LEADING.match(rest):
            return table.get(_norm_phrase(m.group(0)))
    lines = [ln for ln in t.split("\n") if ln.strip()]
    if len(lines) > 1:
        last = lines[-1].strip(" .:;,-\u2013\u2014*")
        m = pat.fullmatch(last)
        if m:
            return table.get(_norm_phrase(m.group(0)))
    return None


def status_cell(text: Optional[str], settings: Optional[Settings] = None, max_words: int = 5) -> Optional[str]:
    """The status a status cell states: a word of the table (anywhere in a short
    combined cell such as "31/03/12 Complete"), else the cell as printed,
    lower-cased, when it is a short phrase without figures ("Plan in place")."""
    if not text or not text.strip():
        return None
    st = status_word(text, settings) or status_word_in(text, settings)
    if st:
        return st
    one = " ".join(text.split()).strip(" .:;,-\u2013\u2014*")
    table, pat = _table(settings)
    if len(one.split()) <= 8:
        m = pat.search(one)
        if m:
            return table.get(_norm_phrase(m.group(0)))
    if one and len(one.split()) <= max_words and not re.search(r"\d", one) and re.match(r"[A-Za-z]", one):
        return one.lower()
    return None


_AWAITED_CACHE: dict[int, tuple[object, re.Pattern]] = {}


def _awaited(settings: Optional[Settings] = None) -> re.Pattern:
    """One regex of the vocabulary's "<subject> [are|is|still] awaited" and
    "awaiting [the] <subject>" (settings.vocabulary.awaited_subjects, awaiting_subjects)."""
    voc = (settings or DEFAULT).vocabulary
    hit = _AWAITED_CACHE.get(id(voc))
    if hit is None or hit[0] is not voc:
        def alt(phrases: tuple[str, ...]) -> str:  # (?!) matches nothing: a list a user emptied
            return "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True)) or "(?!)"
        pat = re.compile(rf"\b(?:{alt(voc.awaited_subjects)})\s+(?:are\s+|is\s+|still\s+)?awaited\b"
                         rf"|\bawaiting\s+(?:the\s+)?(?:{alt(voc.awaiting_subjects)})\b", re.I)
        hit = _AWAITED_CACHE[id(voc)] = (voc, pat)
    return hit[1]


def stats_awaited(text: Optional[str], settings: Optional[Settings] = None) -> bool:
    """Does the update only promise figures later ("Stats awaited", "Awaiting data")?"""
    return bool(text and _awaited(settings).search(text))


def _target_status(text: str) -> Optional[str]:
    """Status from a "To meet target - ..." clause (the last one wins)."""
    found = None
    text = " ".join(text.split())  # a wrapped "on track/not on\ntrack"
    for m in _TARGET.finditer(text):
        tail = m.group(1)[:40]
        if _TEMPLATE.search(tail):
            found = NOT_REPORTED
        elif _NOT_ON_TRACK.search(tail):
            found = NOT_ON_TRACK
        elif _ON_TRACK.search(tail):
            found = ON_TRACK
        elif not tail.strip():
            found = NOT_REPORTED
    return found


def status_from_text(text: Optional[str]) -> Optional[str]:
    """Status stated in words, or None when the text states none."""
    if not text:
        return None
    t = " ".join(text.split()) if "\n" not in text else text.strip()
    first_line = t.split("\n")[0]
    if _CLOSED_CS.search(t) or re.match(r"^\W*(?:action\s+)?closed\b", t, re.I):
        return CLOSED
    m = _RAG_LEAD.match(first_line) or _RAG_LABELLED.search(t)
    if m:
        return _WORD_TO_RAG[m.group(1).lower()]
    m = _RAG_CAPS.search(t)
    if m:
        return _WORD_TO_RAG[m.group(1).lower()]
    ts = _target_status(t)
    if ts:
        return ts
    if _COMPLETE.search(t) or _COMPLETE_I.match(t):
        return COMPLETE
    # A bare status cell ("On track", "Not on track", "on track/not on track").
    short = t.strip(" .:-")
    if len(short) <= 40:
        if _TEMPLATE.search(short):
            return NOT_REPORTED
        if _NOT_ON_TRACK.fullmatch(short) or re.fullmatch(r"(?i)not\s+on\s*track", short):
            return NOT_ON_TRACK
        if re.fullmatch(r"(?i)on\s*track", short):
            return ON_TRACK
    return None


# -- colours ---------------------------------------------------------------

def _rgb(hexcol: str) -> Optional[tuple[float, float, float]]:
    h = hexcol.strip().lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    if not re.fullmatch(r"[0-9a-fA-F]{6}", h):
        return None
    return tuple(int(h[i : i + 2], 16) / 255.0 for i in (0, 2, 4))  # type: ignore[return-value]


def rag_from_fill(fill: Optional[str]) -> Optional[str]:
    """Green / amber / red from a cell fill by hue; None for white, grey, blue, etc."""
    if not fill:
        return None
    rgb = _rgb(fill)
    if rgb is None:
        return None
    h, s, v = colorsys.rgb_to_hsv(*rgb)
    if s < 0.25 or v < 0.3:
        return None
    return rag_of_hue(h * 360)


def rag_of_hue(deg: float) -> Optional[str]:
    """RED, AMBER (yellow to orange) or GREEN for a hue in degrees, else None
    (blues and purples name no RAG rating)."""
    if deg < 18 or deg >= 335:
        return RED
    if deg < 70:
        return AMBER
    if deg < 170:
        return GREEN
    return None


def _colour_distance(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    return sum((x - y) ** 2 for x, y in zip(a, b)) ** 0.5


def status_from_fill(fill: Optional[str], colour_key: Optional[Mapping[str, str]] = None) -> Optional[str]:
    """Status a fill colour stands for: the nearest colour of the document's key
    (when close enough), else the RAG colour its hue is nearest to."""
    if not fill:
        return None
    rgb = _rgb(fill)
    if rgb is None:
        return None
    if colour_key:
        best = None
        for kfill, kstatus in colour_key.items():
            krgb = _rgb(kfill)
            if krgb is None:
                continue
            d = _colour_distance(rgb, krgb)
            if best is None or d < best[0]:
                best = (d, kstatus)
        if best is not None and best[0] <= 0.35:
            return best[1]
    return rag_from_fill(fill)


def normalise_status(text: Optional[str], fill: Optional[str] = None,
                     colour_key: Optional[Mapping[str, str]] = None) -> tuple[str, bool]:
    """Return (status, stats_awaited) for an update's text and its cell fill."""
    st = status_from_text(text)
    if st is None:
        st = status_from_fill(fill, colour_key)
    return (st or NOT_REPORTED), stats_awaited(text)


def colour_key_entry(text: Optional[str]) -> Optional[str]:
    """The status a colour-key label names ("Green - on track", "Completed",
    "Red"), or None when the label is not a status."""
    if not text:
        return None
    t = " ".join(text.split())
    if len(t) > 60:
        return None
    m = re.match(rf"^\W*{_RAG_WORD}\b", t, re.I)
    if m:
        return _WORD_TO_RAG[m.group(1).lower()]
    if re.match(r"(?i)^\W*(action\s+)?closed\b", t):
        return CLOSED
    if re.match(r"(?i)^\W*complete", t):
        return COMPLETE
    if re.match(r"(?i)^\W*(not|off)\s+(on\s+)?track", t):
        return NOT_ON_TRACK
    if re.match(r"(?i)^\W*on\s*track", t):
        return ON_TRACK
    return None  # "Not started", "Behind", "At risk", ... are not in the vocabulary
