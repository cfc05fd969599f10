"""Descriptions of the query contract's views and columns.

One source for Datasette's metadata (``boardpack serve``) and for the test
that checks every view column is documented here and in the README.
"""

from __future__ import annotations

SOURCE = {"source_file": "base name of the file the row was read from (first path if ingested under several)",
          "page": "page of that file the row was read from (null for Word files without page markers)"}

# Appended after every view's own columns (migration 0010), so existing
# column positions do not move.
LINK = {"source_path": "the file's path as given to `ingest`: relative to the folder given when it was found in "
                       "one ('2009-q1/Agenda.pdf'), else as typed; two folders' Agenda.pdf are two paths",
        "source_url": "file:// URL that opens the original: a PDF at the row's page (#page=N, the page column); "
                      "a Word file (.docx/.doc) without an anchor, as Word has no page model a URL can name"}
FIRST = " (of the first source: the earliest file that said it)"

VIEWS: dict[str, tuple[str, dict[str, str]]] = {
    "v_meetings": ("One row per meeting found on a summons, agenda front sheet or minutes header.", {
        "meeting_id": "stable id of the meeting (committee + date), shared by every paper about it",
        "committee": "committee or body name as printed",
        "meeting_date": "ISO date of the meeting",
        "start_time": "start time, HH:MM 24-hour",
        "venue": "venue as printed",
        **SOURCE, **LINK}),
    "v_agenda_items": ("Numbered agenda items of a meeting.", {
        "meeting_id": "the meeting the agenda is for",
        "item_number": "normalised number: '4 (a)' -> '4a', '6. a)' -> '6a'",
        "title": "item title without presenter",
        "presenter": "presenter named after a dash, if any",
        "pages": "page range printed on the agenda, e.g. '7 - 14'",
        **SOURCE, **LINK}),
    "v_attendance": ("Who attended, was in attendance or sent apologies, per meeting the minutes record.", {
        "meeting_id": "the meeting the minutes record (not the pack's meeting)",
        "meeting_date": "ISO date of that meeting",
        "person": "name as written (titles kept)",
        "role": "role or organisation given beside the name",
        "attendance": "present | in attendance | apologies | chair",
        **SOURCE, **LINK,
        "person_id": "the person (v_people.person_id), whatever spelling or title this paper used; "
                     "NULL when the name is not recognised as a person"}),
    "v_minute_actions": ("ACTION lines (and Action columns) in minutes.", {
        "meeting_id": "the meeting the minutes record",
        "meeting_date": "ISO date of that meeting",
        "owners": "people or bodies named as owners, '; '-separated",
        "action_text": "the action as written",
        **SOURCE, **LINK,
        "person_id": "the owners' person ids (v_people.person_id), '; '-separated in the owners' order; "
                     "owners not recognised as people (initials, bodies) are left out"}),
    "v_decisions": ("Decisions recorded in minutes (RESOLVED / APPROVED / AGREED ...).", {
        "meeting_id": "the meeting the minutes record",
        "meeting_date": "ISO date of that meeting",
        "item_number": "minute item number the decision sits under",
        "decision_text": "the decision as written",
        **SOURCE, **LINK}),
    "v_report_items": ("Items of quarterly progress reports, one per bullet or paragraph.", {
        "priority_area": "the report's priority area",
        "lead_officer": "the report's lead officer",
        "period": "reporting period, e.g. '2009/10 Q1'",
        "section": "achievement | concern | recommendation | publicity",
        "item_text": "the bullet or paragraph as written",
        **SOURCE, **LINK,
        "person_id": "the lead officer's person (v_people.person_id), whatever title or spelling the report used; "
                     "NULL when the lead is not recognised as a person"}),
    "v_action_updates": ("Action-plan milestones with their update for one reporting period.", {
        "plan_title": "the plan's title as printed",
        "action_ref": "action number, e.g. '1.3'",
        "ref": "milestone code ('1.3a') or, for an action without milestones, the action number",
        "description": "milestone (or action) text",
        "lead_agency": "lead agency of the action",
        "period": "financial-year quarter of the update, e.g. '2009/10 Q1'",
        "period_start": "ISO start date of that period",
        "progress": "progress text as written",
        "status": "on track | not on track | not reported | green | amber | red | closed | complete",
        "stats_awaited": "1 when the progress says statistics/figures/response are awaited",
        "funding_allocated": "funding allocated in pounds, if stated",
        **SOURCE, **LINK}),
    "v_budget_amounts": ("Budget and spending-plan amounts in long format.", {
        "table_title": "title of the budget table",
        "item": "line item",
        "measure": "column the amount came from (Amount, Original Allocation, Revised allocation ...)",
        "amount": "amount in pounds (negative for bracketed amounts)",
        "is_total": "1 for total lines",
        **SOURCE,
        "line_number": "the 'Line'/'No.' column (or list letter) as written",
        "related_actions": "action numbers the row relates to, ';'-separated",
        "notes": "the row's other text columns, '; '-joined",
        "amount_raw": "the cell as written", **LINK,
        "total_kind": "total | subtotal | balance for a total line (the same rows as is_total = 1); NULL for an item",
        "scale": "the multiplier applied to the figure as printed: 1, 1000 under a '£000'/'$000'/'(in thousands)' "
                 "header or caption, 1000000 under '£m' (amount = amount_raw x scale)",
        "unit": "the unit the amount is printed in: '£m', '$000', '£', '%'; 'thousands'/'millions' when no currency "
                "sign is printed; NULL when neither is",
        "financial_year": "the financial year of the amount ('2016/17': a year from April; '2017' for a year ending "
                          "in December), read from the column, the table's title, the paper's heading, else the meeting (or the file name)",
        "year_source": "where financial_year was read: column | title | paper | meeting date | file name"}),
    "v_budget_checks": ("Every budget total checked against the items it covers, per amount column.", {
        "table_title": "title of the budget table", "total_item": "label of the total row",
        "measure": "amount column", "stated_total": "the total as printed, in pounds",
        "computed": "what its items add up to (by method)", "difference": "stated_total - computed",
        "n_items": "how many items were added",
        "status": "ok (within rounding) | mismatch (at least two items, off by more than rounding) "
                  "| unchecked (fewer than two items, or an amount unreadable)",
        "method": "sum | sum_all | sum_last_items | sum_subtotals | signed_sum | balance",
        **SOURCE, **LINK,
        "financial_year": "the financial year of the total's column (as v_budget_amounts.financial_year)",
        "year_source": "where financial_year was read: column | title | paper | meeting date | file name"}),
    "v_indicator_values": ("Performance indicator values in long format.", {
        "table_title": "title of the indicator table",
        "indicator": "row label (crime type, measure ...)",
        "measure": "column header the value came from",
        "period_label": "period the column refers to, when it names one",
        "value": "the number (percentages as numbers; null for 'No Calc', '-', blanks)",
        **SOURCE,
        "value_raw": "the cell as written",
        "unit": "number | percent | money | null", **LINK}),
    "v_people": ("People named across all packs, spelling variants merged.", {
        "person_id": "stable id of the person: from the first initial and surname, not the most frequent "
                     "spelling, so new packs do not move it; an id a merge retired resolves through "
                     "table person_aliases (merges made on context: table person_merges)",
        "name": "canonical name (titles, ranks and honours removed)",
        "variants": "every spelling seen, '; '-separated",
        "roles": "roles seen, '; '-separated",
        "organisations": "organisations seen, '; '-separated"}),
    "v_timeline": ("Linked timeline: one update per milestone and period across all packs.", {
        "plan_title": "plan title as first seen", "plan_key": "normalised plan identity",
        "milestone_id": "stable milestone identity across packs", "ref": "milestone code as first seen",
        "action_ref": "action number", "description": "milestone text as first seen",
        "lead_agency": "lead agency", "period": "reporting period", "period_start": "ISO start of period",
        "status": "normalised status", "stats_awaited": "0/1", "progress": "progress text",
        "funding_allocated": "pounds", "sources": "JSON list of {file, page, path, url} of every file that reported this update",
        **{k: v + FIRST for k, v in {**SOURCE, **LINK}.items()}}),
    "v_milestone_periods": ("v_timeline with each period's position among the plan's reported periods.", {
        "plan_title": "plan title as first seen", "plan_key": "normalised plan identity",
        "milestone_id": "stable milestone identity across packs", "ref": "milestone code as first seen",
        "action_ref": "action number", "description": "milestone text as first seen",
        "lead_agency": "lead agency", "period": "reporting period", "period_start": "ISO start of period",
        "ordinal": "the period's position among the plan's reported periods (1 = first)",
        "status": "normalised status", "stats_awaited": "0/1", "progress": "progress text",
        "funding_allocated": "pounds", "sources": "JSON list of {file, page, path, url} of every file that reported this update",
        **{k: v + FIRST for k, v in {**SOURCE, **LINK}.items()}}),
    "v_stats_awaited_runs": ("Runs of consecutive periods in which a milestone's progress was 'stats awaited'.",
                             {
        "plan_title": "plan title as first seen", "milestone_id": "stable milestone identity across packs",
        "ref": "milestone code as first seen", "description": "milestone text as first seen",
        "lead_agency": "lead agency", "n_periods": "consecutive reported periods in the run",
        "first_ordinal": "position of the run's first period among the plan's reported periods",
        "last_ordinal": "position of its last period",
        "first_period_start": "ISO start of the first period", "last_period_start": "ISO start of the last period",
        **{k: v + " (of the run's first period)" for k, v in {**SOURCE, **LINK}.items()}}),
    "v_not_reported_runs": ("Runs of consecutive periods in which a milestone's status was not reported.",
                            {
        "plan_title": "plan title as first seen", "milestone_id": "stable milestone identity across packs",
        "ref": "milestone code as first seen", "description": "milestone text as first seen",
        "lead_agency": "lead agency", "n_periods": "consecutive reported periods in the run",
        "first_ordinal": "position of the run's first period among the plan's reported periods",
        "last_ordinal": "position of its last period",
        "first_period_start": "ISO start of the first period", "last_period_start": "ISO start of the last period",
        **{k: v + " (of the run's first period)" for k, v in {**SOURCE, **LINK}.items()}}),
    "v_status_changes": ("Every change of a milestone's status between consecutive reported periods.", {
        "plan_title": "plan title as first seen", "milestone_id": "stable milestone identity across packs",
        "ref": "milestone code as first seen", "description": "milestone text as first seen",
        "lead_agency": "lead agency", "from_period": "the earlier period", "to_period": "the later period",
        "from_status": "status in the earlier period", "to_status": "status in the later period",
        "change": "reopened (after closed or complete) | changed",
        "sources": "JSON list of {file, page, path, url} of the later update",
        **{k: v + " (of the later update's first source)" for k, v in {**SOURCE, **LINK}.items()}}),
    "v_action_updates_all": ("v_action_updates including copies of a paper published twice (not deduplicated).", {
        "plan_title": "plan title as printed", "action_ref": "action number", "ref": "milestone code",
        "description": "milestone text", "lead_agency": "lead agency", "period": "reporting period",
        "period_start": "ISO start of period", "progress": "progress text as written",
        "status": "normalised status", "stats_awaited": "0/1",
        "funding_allocated": "funding allocated in pounds, if stated", **SOURCE,
        "doc_sha256": "hash of the file's bytes (the document's identity)",
        "block_index": "position of the source block in the document", **LINK}),
    "v_people_mentions": ("Every mention of a person, with the person it was clustered into.", {
        "person_id": "the person (v_people.person_id)", "canonical": "canonical form of this spelling",
        "raw": "the name as written", "title": "title or rank written with it (Cllr, Insp ...)",
        "role": "role given beside it", "organisation": "organisation given beside it",
        "context_kind": "attendance | action | lead | report | presenter | addressee | author | text",
        "context": "the text around the mention", **SOURCE, **LINK}),
    "v_organisations": ("Organisations named across all packs, spellings merged.", {
        "organisation": "canonical name", "spellings": "every spelling seen, '; '-separated",
        "n_mentions": "mentions in all documents", "n_documents": "documents that mention it"}),
}


# Human titles for the browser's home page and each view's page: a reader who
# does not write SQL picks "Attendance", not "v_attendance".
TITLES = {
    "v_meetings": "Meetings", "v_agenda_items": "Agenda items", "v_attendance": "Attendance",
    "v_minute_actions": "Actions in minutes", "v_decisions": "Decisions", "v_report_items": "Progress report items",
    "v_action_updates": "Action-plan updates", "v_budget_amounts": "Budget amounts",
    "v_budget_checks": "Budget totals checked", "v_indicator_values": "Performance indicators",
    "v_people": "People", "v_timeline": "Milestone timeline", "v_milestone_periods": "Milestones by period",
    "v_stats_awaited_runs": "Stats awaited, period after period", "v_not_reported_runs": "Not reported, period after period",
    "v_status_changes": "Status changes", "v_action_updates_all": "Action-plan updates (with duplicate copies)",
    "v_people_mentions": "Mentions of people", "v_organisations": "Organisations",
}


def metadata(db_name: str, table_names=()) -> dict:
    """Datasette metadata: title, descriptions, column docs and canned audit queries.

    ``table_names`` are the store's tables: every one that is not a ``v_*``
    view is marked hidden, so the home page leads with the documented views
    (a hidden table still answers at its URL for those who know it).
    """
    tables = {name: {"title": TITLES.get(name, name), "description": desc, "columns": cols}
              for name, (desc, cols) in VIEWS.items()}
    for name in table_names:
        if not name.startswith("v_"):
            tables.setdefault(name, {})["hidden"] = True
    return {
        "title": "boardpack: council board packs",
        "description": "Meetings, agendas, attendance, decisions, actions, progress reports, action-plan "
                       "milestones, budgets and indicators extracted from council board packs, with the "
                       "file and page of every row. Read-only.",
        "databases": {db_name: {"tables": tables, "queries": CANNED_QUERIES}},
    }


CANNED_QUERIES = {
    "stats_awaited": {
        "title": "Audit: stats awaited for N or more consecutive periods",
        "description": "Milestones whose progress was 'stats awaited' in N or more consecutive "
                       "reported periods of the same plan (N: the min_periods box).",
        "sql": "SELECT r.plan_title, r.ref, r.description, r.lead_agency, r.n_periods, r.milestone_id, "
               "f.period AS first_period, l.period AS last_period, r.source_file, r.page, r.source_url "
               "FROM v_stats_awaited_runs r "
               "JOIN v_milestone_periods f ON f.milestone_id = r.milestone_id AND f.ordinal = r.first_ordinal "
               "JOIN v_milestone_periods l ON l.milestone_id = r.milestone_id AND l.ordinal = r.last_ordinal "
               "WHERE r.n_periods >= CAST(:min_periods AS INTEGER) ORDER BY r.plan_title, r.ref",
        "params": ["min_periods"],
    },
    "not_reported": {
        "title": "Audit: status not reported for N or more consecutive periods",
        "description": "Milestones whose status was left blank (or the unfilled template) in N or more "
                       "consecutive reported periods of the same plan (N: the min_periods box).",
        "sql": "SELECT r.plan_title, r.ref, r.description, r.lead_agency, r.n_periods, r.milestone_id, "
               "f.period AS first_period, l.period AS last_period, r.source_file, r.page, r.source_url "
               "FROM v_not_reported_runs r "
               "JOIN v_milestone_periods f ON f.milestone_id = r.milestone_id AND f.ordinal = r.first_ordinal "
               "JOIN v_milestone_periods l ON l.milestone_id = r.milestone_id AND l.ordinal = r.last_ordinal "
               "WHERE r.n_periods >= CAST(:min_periods AS INTEGER) ORDER BY r.plan_title, r.ref",
        "params": ["min_periods"],
    },
    "status_changes": {
        "title": "Audit: status changes between consecutive periods",
        "description": "Every change of a milestone's status from one reported period to the next.",
        "sql": "SELECT plan_title, ref, description, from_period, to_period, from_status, to_status, change, "
               "milestone_id, source_file, page, source_url FROM v_status_changes ORDER BY plan_title, ref, to_period",
    },
    "funding_mismatches": {
        "title": "Audit: budget totals that do not add up",
        "description": "Budget totals that differ from the sum of their items by more than rounding.",
        "sql": "SELECT table_title, total_item, measure, stated_total, computed, difference, source_file, page, source_url "
               "FROM v_budget_checks WHERE status = 'mismatch' ORDER BY source_file, page",
    },
    "timeline": {
        "title": "Timeline of one milestone or action",
        "description": "Status and progress of one milestone in every reported period "
                       "(the ref box: a milestone code such as 1.3a, or an action number such as 1.3).",
        "sql": "SELECT plan_title, ref, period, status, stats_awaited, progress, sources, source_file, page, source_url "
               "FROM v_milestone_periods "
               "WHERE lower(ref) = lower(:ref) OR lower(action_ref) = lower(:ref) ORDER BY plan_title, ordinal",
        "params": ["ref"],
    },
    "meeting": {
        "title": "One meeting: agenda, attendance, decisions and actions",
        "description": "Everything the papers say of the meetings held on one date (the meeting_date box, "
                       "YYYY-MM-DD): the meeting, its agenda items, who attended, what was decided and "
                       "who was given an action, each with its source page.",
        "sql": "SELECT 'meeting' AS part, m.committee AS what, m.venue AS detail, NULL AS who, "
               "m.source_file, m.page, m.source_url FROM v_meetings m WHERE m.meeting_date = :meeting_date "
               "UNION ALL SELECT 'agenda ' || coalesce(a.item_number, ''), a.title, a.presenter, NULL, "
               "a.source_file, a.page, a.source_url FROM v_agenda_items a "
               "JOIN v_meetings m ON m.meeting_id = a.meeting_id WHERE m.meeting_date = :meeting_date "
               "UNION ALL SELECT 'attendance', t.attendance, t.role, t.person, t.source_file, t.page, t.source_url "
               "FROM v_attendance t WHERE t.meeting_date = :meeting_date "
               "UNION ALL SELECT 'decision ' || coalesce(d.item_number, ''), d.decision_text, NULL, NULL, "
               "d.source_file, d.page, d.source_url FROM v_decisions d WHERE d.meeting_date = :meeting_date "
               "UNION ALL SELECT 'action', x.action_text, NULL, x.owners, x.source_file, x.page, x.source_url "
               "FROM v_minute_actions x WHERE x.meeting_date = :meeting_date",
        "params": ["meeting_date"],
    },
}
