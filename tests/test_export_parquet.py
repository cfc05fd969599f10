"""Parquet exports say what each value is: dates as dates, start times as
times, flags as booleans, JSON lists as lists (issue 12), over the corpus store."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pyarrow as pa
import pyarrow.parquet as pq

from boardpack.export import export_views, typed_frame


def test_parquet_columns_are_typed(corpus_ingest, tmp_path):
    db, _ = corpus_ingest
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        export_views(conn, tmp_path, "parquet")
    meetings = pq.read_table(tmp_path / "v_meetings.parquet")
    assert meetings.schema.field("meeting_date").type == pa.date32()
    assert meetings.schema.field("start_time").type == pa.time64("us")
    dates = meetings.column("meeting_date").to_pylist()
    assert dt.date(2009, 7, 27) in dates
    updates = pq.read_table(tmp_path / "v_action_updates.parquet")
    assert updates.schema.field("stats_awaited").type == pa.bool_()
    assert True in updates.column("stats_awaited").to_pylist()
    timeline = pq.read_table(tmp_path / "v_timeline.parquet")
    assert pa.types.is_list(timeline.schema.field("sources").type)
    first = timeline.column("sources").to_pylist()[0][0]
    assert set(first) >= {"file", "page", "path", "url"}
    assert pq.read_table(tmp_path / "v_budget_amounts.parquet").schema.field("is_total").type == pa.bool_()


def test_a_partial_or_missing_date_stays_unknown_not_invented():
    import pandas as pd

    df = typed_frame(pd.DataFrame({"meeting_date": ["2010-01-25", "2010", None],
                                   "stats_awaited": [1, 0, None]}), parquet=True)
    assert list(df["meeting_date"]) == [dt.date(2010, 1, 25), None, None]
    assert list(df["stats_awaited"].astype(object).where(df["stats_awaited"].notna(), None)) == [True, False, None]
