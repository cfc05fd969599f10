"""People the body of the minutes shows at the meeting, after the attendance head ends.

Split from minutes_body.py: apologies written as a sentence anywhere ("Apologies
had been received from ..."), and in the first minute items (the one that records
who is present and welcomes visitors) "X was also in attendance" and a line
"In attendance: X". The body reader calls these on its paragraphs and cells; the
people go into the meeting's :class:`~.attendance_record.Attendance`.
"""

from __future__ import annotations

import re

from boardpack.extractors.attendance import APOLOGIES, ATTEND_PROSE, IN_ATTENDANCE, PRESENT, PROSE_APOLOGIES, Attendance
from boardpack.extractors.attendance_labels import AttendanceLabels
from boardpack.extractors.meeting_cues import Line


def apologies_in(att: Attendance, text: str, ln: Line) -> None:
    """"Apologies were received from A and B" anywhere in the body."""
    pm = PROSE_APOLOGIES.search(text)
    if pm and not re.search(r"\bno apologies\b", text, re.I):
        att.add_entries(pm.group("names"), APOLOGIES, ln)


def attending_in(att: Attendance, text: str, ln: Line, first_items: bool) -> None:
    """"X was also in attendance" inside the first items."""
    am = ATTEND_PROSE.match(text)
    if am and first_items:
        att.add_entries(am.group("names"), IN_ATTENDANCE, ln)


def visitors_in(att: Attendance, labels: AttendanceLabels, text: str, ln: Line, first_items: bool, items_read: bool) -> None:
    """"In attendance: Simon Barnes" written in the first minute item: those named attended.
    With no minute item read yet, only beside another attendance record ("Apologies: ...")."""
    cues = [labels.cue(x.strip()) for x in text.split("\n")]
    if not first_items and (items_read or not any(c in (APOLOGIES, PRESENT) for c, _ in cues)):
        return
    for cat, rest in cues:
        if cat == IN_ATTENDANCE and rest.strip(" :.-"):
            att.add_entries(rest.strip(" :.-"), IN_ATTENDANCE, ln)
