"""Text inside action-plan cells: milestone codes and their parts.

A milestone cell mixes the milestone's own text with "Measurement = ...",
"Source: ...", "Q1 Progress - ...", "To meet target - ..." and notes ("For
more information ..."); an action cell may carry "To meet target - ..." and
"FUNDING ALLOCATED: £500". These functions take that text apart; they know
nothing of tables (see :mod:`extractors.action_plans`).
"""

from __future__ import annotations

import re
from typing import Any, Optional

from boardpack.core.numbers import find_money
from boardpack.extractors.report_context import join_lines, one_line


ACTION_NUM = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})+)\.?(?=\s|$)\s*")
NUM_CELL = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})*)\.?\s*$")
CODE_CELL = re.compile(r"^\s*(\d{1,2}\.\d{1,2})\s*\(?([a-z])\)?\s*$")
# "1.3a", also "1.3(a)" / "1.3 (a)"
CODE = re.compile(r"(?<![\w./£])(\d{1,2}\.\d{1,2})(?:([a-z])(?![\w])|\s?\(([a-z])\))")
_TARGET_CLAUSE = re.compile(r"\bto\s+meet\s+target\b\s*[-:=\u2013\u2014]?\s*(?:(?:not\s+)?on\s*track(?:\s*/\s*not\s+on\s*track)?)?", re.I)
_FUNDING = re.compile(r"\bfunding\s+allocated\b\s*[:=\-\u2013\u2014]?\s*(.*)", re.I)

# Labelled parts of a milestone's text.
_MARKERS = re.compile(
    r"(?P<measurement>\bmeasurement\s*[=:\-\u2013\u2014])"
    r"|(?P<source>\bsource\s*[:=\-\u2013\u2014])"
    r"|(?P<progress>\b(?:q[1-4]\s+progress|progress\s+q[1-4]|q[1-4]\s+update|update\s+q[1-4])\b\s*[:\-\u2013\u2014]?"
    r"|(?:(?<=\n)|^)\s*q[1-4]\s*[:\-\u2013\u2014](?!\s*\d))"
    r"|(?P<target>\bto\s+meet\s+target\b\s*[:=\-\u2013\u2014]?)",
    re.I,
)
_NOTE = re.compile(r"^\s*(?:for\s+more\s+information|please\s+note|see\s+(?:action|priority)\b|\*)", re.I)


TITLE_ROW = re.compile(r"(?i)^(?:(?:action\s+)?plan(?:\s+lead|\s+period)?|strategic\s+aim|plan\s+owner)\s*:")


def money_in(text: str) -> tuple[Optional[float], Optional[str]]:
    """First pound amount in ``text`` (e.g. after "FUNDING ALLOCATED:")."""
    found = find_money(text)
    if found:
        return found[0][0], found[0][1]
    return None, None


def strip_clauses(text: str) -> tuple[str, Optional[str], Optional[str]]:
    """Remove "To meet target - ..." and "FUNDING ALLOCATED: ..." from an action
    cell; return (text, status clause, funding clause)."""
    status_raw = funding_raw = None
    m = _TARGET_CLAUSE.search(text)
    if m:
        status_raw = m.group(0).strip()
        text = text[: m.start()] + " " + text[m.end():]
    m = _FUNDING.search(text)
    if m:
        funding_raw = m.group(0).split("\n")[0].strip()
        text = text[: m.start()] + text[m.start() + len(m.group(0).split("\n")[0]):]
    return join_lines(text), status_raw, funding_raw


def parse_milestone(chunk: str, with_progress: bool) -> dict[str, Any]:
    """Split one milestone's text into text, measurement, source, progress, status."""
    parts: dict[str, list[str]] = {"text": [], "measurement": [], "source": [], "progress": [], "target": [], "note": []}
    pos, cur = 0, "text"
    kept, seen_progress = _field_markers(chunk, with_progress)
    label = None
    for m in kept:
        parts[cur].append(chunk[pos : m.start()])
        cur, pos = m.lastgroup, m.end()
        if cur == "progress" and label is None:
            label = m.group(0)
    parts[cur].append(chunk[pos:])
    _unwrap_line_fields(parts, seen_progress, with_progress)
    text_lines = []
    for seg in parts["text"]:
        for ln in seg.split("\n"):
            if _NOTE.match(ln):
                parts["note"].append(ln)
            else:
                text_lines.append(ln)

    def j(key, lines=None):
        s = join_lines("\n".join(lines if lines is not None else parts[key]))
        return s.strip() or None

    progress = j("progress")
    target = j("target")
    return {
        "text": j("text", text_lines),
        "measurement": j("measurement"),
        "source": j("source"),
        "progress": progress,
        "target": ("To meet target - " + target) if target else ("To meet target" if parts["target"] else None),
        "note": j("note"),
        "_label": label,
    }


def _field_markers(chunk: str, with_progress: bool) -> tuple[list[re.Match], bool]:
    """The field labels that split a milestone cell ("Measurement:", "Source:", a first
    "Progress" at a line start or with a separator); and whether a progress label is among them."""
    matches = list(_MARKERS.finditer(chunk)) if with_progress else [
        m for m in _MARKERS.finditer(chunk) if m.lastgroup in ("measurement", "source", "target")
    ]
    seen_progress = False
    kept = []
    for m in matches:
        if m.lastgroup == "progress":
            at_line_start = not chunk[: m.start()].rstrip(" \t").endswith(tuple("abcdefghijklmnopqrstuvwxyz,;")) and \
                (m.start() == 0 or chunk[: m.start()].rstrip(" \t").endswith(("\n", ".", ")")) or chunk[m.start() - 1] == "\n")
            has_sep = bool(re.search(r"[:\-\u2013\u2014]\s*$", m.group(0)))
            if seen_progress or not (has_sep or at_line_start):
                continue
            seen_progress = True
        kept.append(m)
    return kept, seen_progress


def _unwrap_line_fields(parts: dict[str, list[str]], seen_progress: bool, with_progress: bool) -> None:
    """A "Source:" or "To meet target" runs to the end of its line, plus lines that
    only wrap it (PDF cells break lines anywhere); a later full line is
    unlabelled progress ("Discussions are on-going ...") or a note."""
    for key in ("source", "target", "measurement"):
        fixed = []
        for seg in parts[key]:
            lines = seg.split("\n")
            fixed.append(lines[0])
            mode = key
            for ln in lines[1:]:
                if not ln.strip():
                    continue
                if mode == key and (key == "measurement" or _is_wrap(ln) or (seen_progress and not _NOTE.match(ln))):
                    fixed[-1] = fixed[-1] + "\n" + ln
                elif mode != key and _is_wrap(ln):
                    parts[mode].append(ln)
                else:
                    mode = "note" if (_NOTE.match(ln) or not with_progress) else "progress"
                    parts[mode].append(ln)
        parts[key] = fixed


def _is_wrap(line: str) -> bool:
    """A line that only continues the one above: starts in lower case or with
    punctuation, or is a short fragment ("Caseworker", "Corvu)")."""
    t = line.strip()
    if not t:
        return True
    if not t[0].isupper():
        return True
    return len(t.split()) <= 3 and not t.endswith(".") and not _MARKERS.match(t)


def parse_progress_cell(text: str) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """(progress, "To meet target ..." clause, "Q3 Progress" label) of a Progress-column cell."""
    label = target = None
    out: list[str] = []
    pos, cur = 0, "progress"
    for m in _MARKERS.finditer(text):
        if m.lastgroup not in ("progress", "target"):
            continue
        if m.lastgroup == "progress" and (label is not None or text[: m.start()].strip()):
            continue  # only a label at the very start is a label
        if cur == "progress":
            out.append(text[pos : m.start()])
        else:
            target = (target or "") + text[pos : m.start()]
        cur, pos = m.lastgroup, m.end()
        if cur == "progress":
            label = m.group(0)
        else:
            target = m.group(0)
    if cur == "progress":
        out.append(text[pos:])
    else:
        first, rest = _target_and_wraps(text[pos:])
        target = (target or "") + first
        out.append(rest)
    prog = join_lines("\n".join(out)) or None
    return prog, (one_line(target) if target else None), label


def _target_and_wraps(tail: str) -> tuple[str, str]:
    """The rest of a "To meet target" line and the lines that only wrap it, then what
    follows. A narrow cell wraps the clause ("on track/not on" / "track"); the wrap
    starts in lower case or with a slash, where a new sentence of progress would not."""
    lines = tail.split("\n")
    n = 1
    while n < len(lines) and _wraps_clause(lines[n]):
        n += 1
    return "\n".join(lines[:n]), "\n".join(lines[n:])


def _wraps_clause(line: str) -> bool:
    """Whether a line only continues the clause above it."""
    head = line.strip()[:1]
    return head.islower() or head == "/"


def split_milestones(lines: list[tuple[str, int]], action_number: Optional[str]) -> list[tuple[str, str, int]]:
    """Split a Milestones stream [(line, segment index)] into [(code, text, segment index)].

    A code starts a milestone at the start of a line, or inline when it is the
    next letter in sequence ("1.1a ... 1.1b ..." in one paragraph); a code
    already used ("see 1.3a to 1.3d") or of another action never splits.
    """
    out: list[list] = []
    used: set[str] = set()
    prefix = action_number
    for line, seg in lines:
        line = _comma_for_point(line, action_number)
        pos = 0
        for m in CODE.finditer(line):
            pre, letter = m.group(1), m.group(2) or m.group(3)
            code = pre + letter
            if prefix and pre != prefix and not (action_number is None):
                continue
            at_start = not line[: m.start()].strip(" \t-\u2022*")
            expected = chr(ord(max((c[-1] for c in used if c[:-1] == pre), default="`")) + 1)
            if code in used:
                continue
            if not at_start and letter != expected:
                continue
            before = line[: m.start()]
            if not at_start and (re.search(r"\b(?:actions?|milestones?|see|cf\.?)\s*$", before, re.I)
                                 or re.search(r"\d\.\d{1,2}\s?\(?[a-z]\)?\s*(?:to|and|or|-|,|&)\s*$", before, re.I)):
                continue  # a reference ("see 1.3b", "1.3a to 1.3d"), not a new milestone
            if out:
                out[-1][1] += line[pos : m.start()]
            elif line[pos : m.start()].strip():
                out.append([None, line[pos : m.start()], seg])
            out.append([code, "", seg])
            used.add(code)
            prefix = prefix or pre
            pos = m.end()
        if out:
            out[-1][1] += line[pos:] + "\n"
        elif line.strip():
            out.append([None, line + "\n", seg])
    result = [(c, t.strip(), s) for c, t, s in out]
    if action_number and not any(c for c, _, _ in result):
        lettered = _split_lettered(lines, action_number)
        if lettered:
            return lettered
    return result


def _comma_for_point(line: str, action_number: Optional[str]) -> str:
    """A line opening with its action's number and a letter, the point read as a
    comma ("1,5d" for "1.5d", as OCR reads a scanned page), opens that milestone."""
    if not action_number or "." not in action_number:
        return line
    misread = action_number.replace(".", ",", 1)
    m = re.match(r"\s*" + re.escape(misread) + r"(?=\s?\(?[a-z]\b)", line)
    return line[: m.end() - len(misread)] + action_number + line[m.end():] if m else line


_LETTER = re.compile(r"^\s*(?:[\-\u2022*]\s*)?\(?([a-z])[).]\s+(?=\S)")


def _split_lettered(lines: list[tuple[str, int]], action_number: str) -> list[tuple[str, str, int]]:
    """Milestones lettered without the action's number ("a) ...", "(b) ...") at
    line starts, in sequence from "a": coded as the action number plus the letter."""
    out: list[list] = []
    expected = "a"
    for line, seg in lines:
        m = _LETTER.match(line)
        if m and m.group(1) == expected:
            out.append([action_number + expected, line[m.end():] + "\n", seg])
            expected = chr(ord(expected) + 1)
        elif out:
            out[-1][1] += line + "\n"
        elif line.strip():
            return []  # text before the first letter: not a lettered list
    if len(out) < 2:
        return []
    return [(c, t.strip(), s) for c, t, s in out]


