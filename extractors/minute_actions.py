"""Actions in minutes: who owns them and how action tables are laid out.

The owners that open an action line ("Paul Clarke and Mark Freeman to ...",
"NO/AS to ..."), an owner cell's names, the column labels of action tables, an
action table printed as text lines, and the owner's initials repeated in the
right margin or in brackets after the action. Read by :mod:`minutes`.
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.extractors.attendance import TITLES
from boardpack.extractors.meeting_cues import Line

#: the end of a sentence (or of a bracket or quotation closing one)
SENTENCE_END = re.compile(r"[.:;!?)\"']\s*$")


# "ACTION:", "Action -", "Action – X to ...", "ACTION 1:", "Action point 3:", "Agreed action:"
ACTION_CUE = re.compile(
    r"(?:^|(?<=\n))\s*(?:agreed\s+)?actions?(?:\s+(?:point\s+)?\(?\d{1,3}[a-z]?\)?)?\s*[:\-\u2013\u2014]\s*(?P<rest>.*)$", re.I | re.S)


# a name, initials, or a body's members as a group ("Panel members to contribute case studies")
_OWNER_NAME = (r"(?:(?:" + TITLES + r")\s+)?(?:[A-Z][a-z]+\s+members|[A-Z][A-Za-z'\-]+(?:\s+[A-Z][A-Za-z'\-]+){0,3}|[A-Z]{2,4})"
               r"(?:\s*\([A-Z][A-Za-z]{1,3}\))?")
# a short abbreviation in mixed case names a document or a thing ("ToR", "MoU"), never a person
_MIXED_ABBREVIATION = re.compile(r"^[A-Z][a-z]{1,2}[A-Z]$")
_OWNERS = re.compile(
    rf"^(?P<owners>{_OWNER_NAME}(?:\s*(?:,|/|&|\band\b)\s*{_OWNER_NAME})*)\s+"
    r"(?=(?:to|agreed\s+to|will|would|should|is\s+to|are\s+to|has\s+agreed|had\s+agreed|undertook|offered|asked|needs?\s+to)\b)"
)
_NOT_OWNER = re.compile(r"^(?:the|it|this|that|there|all|any|members?|board|group|meeting|we|they|he|she|a|an)$", re.I)


# column labels of action tables, one family per column
ACTION_HEAD_WORDS = ("action", "actions", "action required", "actions required", "action to be taken", "actions to be taken",
                      "actions agreed", "agreed action", "agreed actions", "task", "tasks", "action point", "action points")
OWNER_HEAD_WORDS = ("owner", "owners", "action by", "action owner", "who", "lead", "by whom", "responsible", "responsibility",
                     "person responsible", "responsible person", "assigned to", "actioned by")
_OTHER_HEAD_WORDS = ("item", "items", "ref", "ref.", "no", "no.", "number", "minute", "minute ref", "by when", "when", "deadline",
                     "due", "due date", "target date", "date", "status", "timescale", "notes", "comments", "update")
HEAD_LABEL = re.compile(
    r"^(?:(?:" + "|".join(re.escape(w) for w in sorted(ACTION_HEAD_WORDS + OWNER_HEAD_WORDS + _OTHER_HEAD_WORDS, key=len, reverse=True))
    + r")\s*)+$", re.I)
OWNER_IN_LINE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in OWNER_HEAD_WORDS if " " in w) + r")\b", re.I)
NO_ACTION = re.compile(r"^(?:none|n/?a|nil|no\s+action|-+|\u2013|tbc)\.?$", re.I)


_COLLECTIVE_OWNER = re.compile(r"^(?:all|everyone|clerk|chair(?:man|person)?|secretary|secretariat|treasurer|council|members|"
                               r"governors|trustees|head(?:teacher)?|officers?|staff|board|committee|panel|group|team)\b", re.I)


def owner_cell(text: str) -> list[str]:
    """Owners printed in an owner cell, a wrapped name rejoined ("Heather\nPoustie/Clerk" ->
    ["Heather Poustie", "Clerk"]; "Paul Evans/Sandra\nCart" -> ["Paul Evans", "Sandra Cart"])."""
    lines = [x.strip() for x in text.split("\n") if x.strip()]
    joined = ""
    for x in lines:
        tail = re.split(r"\s*(?:/|,|&|;|\band\b)\s*", joined)[-1] if joined else ""
        if joined and re.fullmatch(r"[A-Z][a-z'\-]+", tail) and re.match(r"^[A-Z][a-z'\-]+(?:$|\s*[/,&;])", x) \
                and not (_COLLECTIVE_OWNER.match(tail) or _COLLECTIVE_OWNER.match(x)):
            joined += " " + x
        else:
            joined = (joined + "\n" + x) if joined else x
    return [o.strip() for o in re.split(r"\s*(?:/|,|&|;|\band\b|\n)\s*", joined) if o.strip()]


def guess_action_cols(cells: list[str]) -> Optional[tuple[int, int]]:
    """(text, owner) columns of a headerless action-table row under an action heading:
    the longest cell is the action, the next short non-date cell its owner."""
    ne = [(j, c) for j, c in enumerate(cells) if c.strip()]
    if len(ne) < 2:
        return None
    # the action reads as a sentence (lower-case words), an owner's name does not, even when longer
    tj = max(ne, key=lambda x: (len(re.findall(r"\b[a-z][a-z']+\b", x[1])), len(x[1])))[0]
    for j, c in ne:
        if j > tj and len(c.split()) <= 6 and not re.search(r"\d", c) and not re.fullmatch(r"(?i)asap|on-?going|ongoing|immediately|tbc", c.strip()):
            return tj, j
    return None


OWNER_ONLY = re.compile(r"^(?:[A-Z]{2,4}|(?:Cllr\s+)?[A-Z][a-z]+\s+[A-Z][a-z]+)(?:\s*(?:/|,|&|and)\s*(?:[A-Z]{2,4}|(?:Cllr\s+)?[A-Z][a-z]+\s+[A-Z][a-z]+))*\.?$")


ACTION_TAIL = re.compile(r"^(?P<body>\S.{10,}?[.;])\s+ACTIONS?\s*[:\-]\s*(?P<own>[^:]{2,40})$", re.S)


# statuses in the last column of an action table, read after the owner's initials
_ACTION_STATUS_WORDS = ("completed", "complete", "done", "ongoing", "on-going", "on going", "outstanding", "open", "closed",
                        "pending", "in progress", "carried forward", "c/f", "deferred", "cancelled", "superseded",
                        "agenda item", "see agenda", "in hand", "tbc", "noted", "actioned")
_TEXT_ROW_REF = re.compile(r"^(?:[A-Z][a-z]{2}\d{2}\.\d{1,2}|\d{1,3}(?:\.{1,2}\d{1,2}){1,2}|\d{1,3}[a-z]?)\.?\s+")
_TEXT_ROW_OWNER = re.compile(
    r"\s+(?P<own>[A-Z]{2,4}(?:\s*/\s*[A-Z]{2,4})*)(?:\s+(?i:" + "|".join(re.escape(w) for w in _ACTION_STATUS_WORDS) + r"))?\.?$")
_OWNER_WORD = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in OWNER_HEAD_WORDS) + r")\b", re.I)
_ACTION_WORD = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ACTION_HEAD_WORDS) + r")\b", re.I)


def text_table_header(t: str) -> bool:
    """A line of action-table column labels with an action and an owner column ("NO ACTION OWNER Update")."""
    last = " ".join(t.split("\n")[-1].split())
    return bool(HEAD_LABEL.fullmatch(last) and _OWNER_WORD.search(last) and _ACTION_WORD.search(last)) and len(t.split("\n")) == 1


def read_text_action_rows(ln: Line, rows: list) -> bool:
    """Rows of an action table printed as lines: a row opens with its reference or with the
    owner ("NO to ..."), ends with the owner's initials (and a status); a line that opens
    neither continues the row above. Appends [text, owners, line] to ``rows``; False when a
    line ends the table (a minute heading, a paragraph of prose) -- the unit is then not a row."""
    for raw in (ln.raw or ln.text).split("\n"):
        x = " ".join(re.sub(r"[|_]+", " ", raw).split())
        if not x:
            continue
        ref = _TEXT_ROW_REF.match(x)
        body_text = x[ref.end():] if ref else x
        own = _TEXT_ROW_OWNER.search(body_text)
        led = action_owners(body_text)
        if ref or led:
            if not own and not led:
                return False  # "03.21.06 Updates": the next minute
            text = body_text[:own.start()] if own else body_text
            owners = re.split(r"\s*/\s*", own.group("own")) if own else led
            if len(text.split()) < 3:
                return False
            rows.append([text, owners, ln])
            continue
        if not rows or len(x.split()) > 12 or SENTENCE_END.search(rows[-1][0]) and not own or ":" in x:
            return False
        if not x[:1].islower() and rows[-1][2] is not ln:
            return False  # a new paragraph opening with a capital is no wrapped row
        if own and not rows[-1][1]:
            rows[-1][1] = re.split(r"\s*/\s*", own.group("own"))
            x = x[:own.start()]
        rows[-1][0] = rows[-1][0] + " " + x
    return True


# a sentence opening with the owner's initials ("NO to advise Mr Gray") at the end of a line
# that carries the same initials again in the right-hand margin
MARGIN_OWNER = re.compile(r"(?:^|(?<=[.;:])\s+)(?P<s>(?P<o>[A-Z]{2,4}(?:\s*/\s*[A-Z]{2,4})*)\s+(?:to|will)\s+[^.;]{5,}?)\.?\s+(?P=o)$")


MARGIN_OWNER_WRAPPED = re.compile(
    r"(?:^|(?<=[.;:])\s+)(?P<s>(?P<o>[A-Z]{2,4}(?:\s*/\s*[A-Z]{2,4})*)\s+(?:to|will)\s+[^.;]{5,}?\.)\s+(?P=o)(?=\s+[A-Z]|$)")


# "... regarding court listing data. (CS)": the owner's initials in brackets after the action
BRACKET_OWNER = re.compile(r"\(([A-Z]{2,4}(?:\s*/\s*[A-Z]{2,4})*)\)\.?\s*$")


def action_owners(text: str) -> list[str]:
    """Names that start an action line: "Paul Clarke and Mark Freeman to discuss ..." ->
    ["Paul Clarke", "Mark Freeman"]; "NO/AS to organise" -> ["NO", "AS"]."""
    m = _OWNERS.match(text.strip())
    if not m:
        return []
    parts = re.split(r"\s*(?:,|/|&|\band\b)\s*", m.group("owners"))
    out = []
    for p in parts:
        p = re.sub(r"\s*\([A-Z][A-Za-z]{1,3}\)$", "", p.strip())  # "Claire Smith (CS)": initials in brackets
        tasked = re.match(r"(?:to|will|is\s+to|are\s+to)\b", text.strip()[m.end():])
        if p and tasked and re.match(r"^The\s+", p) and _COLLECTIVE_OWNER.match(p[4:].strip()):
            out.append(p)  # "The Secretariat to ...", "The Clerk to ..."
        elif p and not _NOT_OWNER.match(p) and not re.match(r"^(?:The|It|This|There)\b", p) and not _MIXED_ABBREVIATION.match(p):
            out.append(p)
    return out


def sentence_owners(text: str) -> list[str]:
    """The owners of an action: those leading its first sentence, else those a later sentence
    tasks ("Cheese & Wine fundraiser to be arranged. NO to confirm with the pub ..."; a later
    "The Secretariat will distribute ..." tells what someone will do, it tasks nobody)."""
    first, *rest = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text.strip())
    owners = action_owners(first)
    for sentence in rest:
        m = _OWNERS.match(sentence)
        if owners or not m or not re.match(r"\s*to\b", sentence[m.end():]):
            continue
        owners = action_owners(sentence)
    return owners


def split_by_owner_lines(text: str, owner: str) -> Optional[list[tuple[str, str]]]:
    """One action cell holding several actions, one owner per line in the owner cell
    ("NO to arrange ...\nKD to chase ..." | "NO\nKD"): the actions, each with its owner."""
    owns = [o.strip() for o in owner.split("\n") if o.strip()]
    if len(owns) < 2:
        return None
    lines = [x.strip() for x in text.split("\n") if x.strip()]
    starts = [k for k, x in enumerate(lines)
              if k == 0 or re.match(r"^(?:[A-Z]{2,4}|[A-Z][a-z]+\s+[A-Z][a-z]+)(?:\s*/\s*[A-Z]{2,4})*\s+(?:to|will|is\s+to)\b", x)]
    if len(starts) != len(owns):
        return None
    out = []
    for j, k in enumerate(starts):
        part = " ".join(lines[k:starts[j + 1] if j + 1 < len(starts) else len(lines)])
        ac = ACTION_CUE.match(part)
        out.append((ac.group("rest") if ac else part, owns[j]))
    return out
