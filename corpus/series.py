"""The Q1–Q4 2009/10 longitudinal series of the Rolling Plan 2009–2012 pack.

Q1 is the July 2009 pack as transcribed (plan2009.py). Q2, Q3 and Q4 are
follow-ups (packs of October 2009, January 2010 and April 2010) designed so
the audits of issue 4 have exact, known answers:

* "stats awaited" runs from Q1 of exactly 2 (1.3a, 1.7c, 2.2a, 4.3c),
  exactly 3 (1.4c, 1.6e, 2.5a) and exactly 4 (1.3c, 1.9e) quarters; one run of
  2 that starts later (1.10b: Q3–Q4); one milestone awaited in Q1 and Q3 but
  not Q2 (4.5a), which is *not* a run; every other milestone awaited in Q1
  gets figures from Q2 on;
* status changes: on track -> not on track (1.1a Q2->Q3, 3.2b Q1->Q2),
  not on track -> on track (1.1c Q1->Q2, 1.1a Q3->Q4, 3.3b Q2->Q3),
  the unfilled template "on track/not on track" -> on track (2.1f, 3.2a, 5.3c
  and every awaited milestone once its figures arrive) or -> not on track
  (1.6b, 1.11a, 4.5b when their figures arrive).

:func:`updates` is the single source of every milestone's progress text and
status for a quarter; the renderer prints it and the gold writer records it.
"""

from __future__ import annotations

import hashlib
import re

from corpus import plan2009

QUARTERS = [1, 2, 3, 4]
PERIOD = {1: "2009/10 Q1", 2: "2009/10 Q2", 3: "2009/10 Q3", 4: "2009/10 Q4"}
PERIOD_START = {1: "2009-04-01", 2: "2009-07-01", 3: "2009-10-01", 4: "2010-01-01"}

#: Pack of each quarter: date of issue and meeting (the Q1 pack is seed 001's).
PACKS = {
    1: {"slug": "cdrp-2009-07-27", "issue_raw": "Friday 24 July 2009", "issue": "2009-07-24",
        "when_raw": "MONDAY, 27 JULY 2009 at 10.00 a.m.", "meeting_date": "2009-07-27", "start_time": "10:00"},
    2: {"slug": "cdrp-2009-10-26", "issue_raw": "Friday 16 October 2009", "issue": "2009-10-16",
        "when_raw": "MONDAY, 26 OCTOBER 2009 at 10.00 a.m.", "meeting_date": "2009-10-26", "start_time": "10:00"},
    3: {"slug": "cdrp-2010-01-25", "issue_raw": "Friday 15 January 2010", "issue": "2010-01-15",
        "when_raw": "MONDAY, 25 JANUARY 2010 at 2.00 p.m.", "meeting_date": "2010-01-25", "start_time": "14:00"},
    4: {"slug": "cdrp-2010-04-26", "issue_raw": "Friday 16 April 2010", "issue": "2010-04-16",
        "when_raw": "MONDAY, 26 APRIL 2010 at 10.00 a.m.", "meeting_date": "2010-04-26", "start_time": "10:00"},
}

#: Quarters (after Q1) in which a milestone is still awaited, and the wording used.
AWAITED = {
    "1.3c": ({2, 3, 4}, "Stats awaited"),
    "1.9e": ({2, 3, 4}, "Stats Awaited"),
    "1.4c": ({2, 3}, "Stats awaited – Corvu report not yet available"),
    "1.6e": ({2, 3}, "Stats Awaited"),
    "2.5a": ({2, 3}, "Stats Awaited – Probation are still clarifying numbers with Job Centre Plus colleagues"),
    "1.3a": ({2}, "Stats awaited"),
    "1.7c": ({2}, "Stats Awaited. DAAT colleagues have advised that these will be available shortly"),
    "2.2a": ({2}, "Response Awaited from SCDC Housing Needs & Options Manager"),
    "4.3c": ({2}, "Bobby Scheme reps continue to visit all burglary victims. Exact Figures Awaited"),
    "1.10b": ({3, 4}, "Stats Awaited"),
    "4.5a": ({3}, "Stats Awaited"),
}

#: Figures reported once stats arrive ({n} filled deterministically per quarter).
FIGURES = {
    "1.3a": "{n} graffiti sites cleaned by the Community Service Team",
    "1.3b": "{n} graffiti reports referred; {m} in the previous quarter",
    "1.3c": "Capacity increased by {n} hours per month",
    "1.3d": "{n} removal kits issued to Parish Councils",
    "1.4a": "{n} Community Clean up events held to date",
    "1.4b": "Appearance improved in {n} of the larger villages",
    "1.4c": "{n}% of fly tipping reports investigated within 24 hours",
    "1.4d": "{n} enforcement interventions in fly tipping hotspots, including covert CCTV at {m} sites",
    "1.4e": "{n} joint actions agreed with the County Council",
    "1.5c": "{n} intelligence reports shared with the task group",
    "1.5d": "{n} cases actioned by police off-road motorcycles",
    "1.5e": "{n} locations signed up to Speedwatch",
    "1.5f": "{n} Young Drivers events held with {m} attendees",
    "1.6a": "{n} spot check visits carried out",
    "1.6b": "{n} multi-agency inspections carried out",
    "1.6c": "{n} applications referred to CDRP partners",
    "1.6d": "{n} taxi licence applications checked",
    "1.6e": "Attended {n} county licensing group meetings",
    "1.6f": "{n} applications referred to the Licensing Committee",
    "1.7c": "{n} young people referred to alcohol services",
    "1.7e": "{n} conditional cautions issued",
    "1.7f": "{n} offenders referred to treatment services",
    "1.9a": "{n}% of young people aged 13–19 involved",
    "1.9b": "{n} young people engaged by detached youth workers",
    "1.9c": "{n} grants awarded",
    "1.9d": "{n} facilities planned in growth areas",
    "1.9e": "{n} young people on the Mentoring Programme",
    "1.10a": "Working group set up with {n} Parish Councils",
    "1.10b": "{n} visual audits carried out",
    "1.11a": "{n}% of complaints responded to within 3 working days",
    "1.11b": "{n} out of hours calls received",
    "2.1e": "Funding agreed for {n} months",
    "2.2a": "Rent Deposit Scheme feasibility report drafted; {n} enquiries",
    "2.2b": "Forum has met {n} times",
    "2.5a": "{n} offenders on Pathway to Work scheme",
    "3.3e": "{n} Jackpot alarms provided",
    "3.4b": "{n} MAPPA meetings attended",
    "4.3b": "Info distributed at {n} events",
    "4.3c": "{n} homes included on the Bobby Scheme",
    "4.5a": "{n} applications consulted on",
    "4.5b": "Crime reduction references included in {n} LDF documents",
    "5.3a": "Messages distributed at {n} meetings",
    "5.3b": "Information distributed at {n} Neighbourhood Panel meetings",
}

#: Milestones whose status is "not on track" once their figures arrive.
NOT_ON_TRACK_WITH_FIGURES = {"1.6b", "1.11a", "4.5b"}

#: Explicit (quarter, ref) -> (progress, raw status); raw status None = keep the default.
OVERRIDES = {
    (2, "1.1c"): ("Draft strategy circulated to partners for comment", "on track"),
    (3, "1.1a"): ("Only two multi-agency meetings held in the quarter; the December meeting was cancelled",
                  "not on track"),
    (4, "1.1a"): ("Multi-Agency Meetings held in January, February, March", "on track"),
    (2, "3.2b"): ("Print run delayed; cards not yet reprinted", "not on track"),
    (3, "3.2b"): ("Reprint still awaiting budget approval", "not on track"),
    (4, "3.2b"): ("Budget agreed; reprint ordered", "not on track"),
    (2, "3.3b"): ("None held in Q2. A programme at Cambourne is being re-planned", "not on track"),
    (3, "3.3b"): ("Young Peoples Freedom Programme started at Cambourne with 8 attendees", "on track"),
    (2, "2.1f"): ("Force Executive Board has agreed the IOM model in principle", "on track"),
    (3, "3.2a"): ("Directory reviewed and updated in November", "on track"),
    (3, "5.3c"): ("Two roadshows held, at Cambourne and Sawston", "on track"),
}

GENERIC = [
    "Activity continued during the quarter as planned",
    "Ongoing; reported to the task group at its last meeting",
    "Work continuing with partners; no issues to report",
    "Progress maintained; details in the task group's quarterly report",
]

STATS_AWAITED_RE = re.compile(r"\b(?:stats|statistics|figures|response)\s+awaited\b", re.I)


def stats_awaited(progress: str | None) -> int:
    """1 when the progress text says the figures are awaited (any wording of issue 3)."""
    return 1 if progress and STATS_AWAITED_RE.search(progress) else 0


def norm_status(raw: str | None) -> str:
    """Issue 3's vocabulary for the 2009 plan's "To meet target – ..." lines."""
    s = (raw or "").strip().lower()
    if not s or ("/" in s and "on track" in s):
        return "not reported"
    if s.startswith("not on track"):
        return "not on track"
    if s.startswith("on track"):
        return "on track"
    raise ValueError(f"unknown status {raw!r}")


def _num(ref: str, q: int, lo: int = 2, hi: int = 40) -> int:
    h = int(hashlib.sha256(f"{ref}|{q}".encode()).hexdigest()[:8], 16)
    return lo + h % (hi - lo)


def _pct(ref: str, q: int) -> int:
    return 88 + _num(ref, q, 0, 12)


def milestone_update(m: dict, q: int) -> tuple[str | None, str | None]:
    """(progress text without its "Qn Progress –" prefix, raw status text) for quarter ``q``."""
    ref = m["code"]
    if q == 1:
        return m.get("progress"), m.get("status")
    if (q, ref) in OVERRIDES:
        prog, st = OVERRIDES[(q, ref)]
        return prog, st
    q1_awaited = stats_awaited(m.get("progress"))
    if ref in AWAITED and q in AWAITED[ref][0]:
        return AWAITED[ref][1], "on track/not on track"
    if q1_awaited or ref in AWAITED:
        tpl = FIGURES[ref]
        n = _pct(ref, q) if "{n}%" in tpl else _num(ref, q)
        prog = tpl.format(n=n, m=_num(ref, q - 1))
        return prog, ("not on track" if ref in NOT_ON_TRACK_WITH_FIGURES else "on track")
    # Not awaited at all: a short statement, status as in the previous quarter.
    _, prev_st = milestone_update(m, q - 1)
    prog = GENERIC[_num(ref, q, 0, len(GENERIC))]
    return prog, prev_st


def all_milestones():
    """(action, milestone) pairs in plan order."""
    for a in plan2009.ACTIONS:
        for m in a["milestones"]:
            yield a, m


def updates(q: int) -> list[dict]:
    """Every v_action_updates row of the plan for quarter ``q`` (gold form, without page/source)."""
    rows = []
    for a in plan2009.ACTIONS:
        lead_above = a["lead"]
        if not a["milestones"]:
            raw = a.get("target")
            rows.append({
                "plan_title": plan2009.PLAN_TITLE, "action_ref": a["number"], "ref": a["number"],
                "description": a["text"], "lead_agency": a["lead"] or None,
                "period": PERIOD[q], "period_start": PERIOD_START[q],
                "progress": a["see"], "status": norm_status(raw), "stats_awaited": 0,
                "funding_allocated": None, "_status_raw": raw,
            })
            continue
        for m in a["milestones"]:
            lead = m.get("lead") or m.get("lead_row") or lead_above
            lead_above = lead
            prog, raw = milestone_update(m, q)
            rows.append({
                "plan_title": plan2009.PLAN_TITLE, "action_ref": a["number"], "ref": m["code"],
                "description": m["text"], "lead_agency": lead,
                "period": PERIOD[q], "period_start": PERIOD_START[q],
                "progress": prog, "status": norm_status(raw), "stats_awaited": stats_awaited(prog),
                "funding_allocated": None, "_status_raw": raw,
            })
    return rows


# ---------------------------------------------------------------------------
# Expected audit answers, computed from the same rows
# ---------------------------------------------------------------------------
def _timelines(rows_by_q: dict[int, list[dict]]):
    tl: dict[tuple, list[dict]] = {}
    for q in sorted(rows_by_q):
        for r in rows_by_q[q]:
            tl.setdefault((r["plan_title"], r["ref"]), []).append(r)
    return tl


def audit_stats_awaited(rows_by_q: dict[int, list[dict]], min_periods: int) -> list[dict]:
    """Milestones "stats awaited" in >= min_periods consecutive periods (one row per run)."""
    out = []
    periods = [PERIOD[q] for q in sorted(rows_by_q)]
    for (plan, ref), tl in _timelines(rows_by_q).items():
        run: list[dict] = []
        for r in tl + [None]:
            if r is not None and r["stats_awaited"] and (
                    not run or periods.index(r["period"]) == periods.index(run[-1]["period"]) + 1):
                run.append(r)
                continue
            if len(run) >= min_periods:
                out.append({"plan_title": plan, "ref": ref, "description": run[0]["description"],
                            "lead_agency": run[0]["lead_agency"], "periods": [x["period"] for x in run],
                            "first_period": run[0]["period"], "last_period": run[-1]["period"]})
            run = [r] if (r is not None and r["stats_awaited"]) else []
    return sorted(out, key=lambda d: (d["plan_title"], _refkey(d["ref"]), d["first_period"]))


def audit_status_changes(rows_by_q: dict[int, list[dict]]) -> list[dict]:
    out = []
    for (plan, ref), tl in _timelines(rows_by_q).items():
        for a, b in zip(tl, tl[1:]):
            if a["status"] != b["status"]:
                out.append({"plan_title": plan, "ref": ref, "from_period": a["period"], "to_period": b["period"],
                            "from_status": a["status"], "to_status": b["status"]})
    return sorted(out, key=lambda d: (d["plan_title"], _refkey(d["ref"]), d["from_period"]))


def _refkey(ref: str):
    m = re.match(r"(\d+)\.(\d+)([a-z]*)", ref)
    return (int(m.group(1)), int(m.group(2)), m.group(3)) if m else (999, 0, ref)


def audit_not_reported(rows_by_q: dict[int, list[dict]], min_periods: int = 2) -> list[dict]:
    """Milestones left "not reported" (template or blank status) in >= min_periods consecutive periods."""
    flagged = {q: [dict(r, stats_awaited=1 if r["status"] == "not reported" else 0) for r in rows]
               for q, rows in rows_by_q.items()}
    return audit_stats_awaited(flagged, min_periods)


#: The format sets tests ingest (paths relative to corpus/): each quarter once.
def format_sets() -> dict[str, list[str]]:
    slugs = [PACKS[q]["slug"] for q in QUARTERS]
    return {
        "pdf": [f"series/pdf/{s}.pdf" for s in slugs],
        "docx": [f"series/docx/{s}.docx" for s in slugs],
        "mixed": [f"series/pdf/{slugs[0]}.pdf", f"series/docx/{slugs[1]}.docx", f"series/pdf/{slugs[2]}.pdf",
                  f"series/doc/{slugs[3]}.doc"],
    }


def expected_audits() -> dict:
    rows = {q: updates(q) for q in QUARTERS}
    return {
        "plan_title": plan2009.PLAN_TITLE,
        "periods": [PERIOD[q] for q in QUARTERS],
        "sets": format_sets(),
        "note": ("Exact answers for any one of the sets (each quarter ingested once, in any format). "
                 "stats_awaited[N] = `audit stats-awaited --min-periods N` without the format-dependent "
                 "'sources'; status_changes = `audit status-changes`; not_reported = milestones whose status "
                 "was the unfilled template or blank in 2+ consecutive periods."),
        "stats_awaited": {str(n): audit_stats_awaited(rows, n) for n in (2, 3, 4)},
        "status_changes": audit_status_changes(rows),
        "not_reported": audit_not_reported(rows, 2),
    }
