"""Deadlines per second: govhall's ordinal table against calling chinesecalendar day by day."""

from __future__ import annotations

import datetime as dt
import random
import time

import chinese_calendar

from bench.tables import Table
from govhall.core.workdays import WorkCalendar

N = 1_000_000
NAIVE_N = 20_000


def _naive(start: dt.date, n: int) -> dt.date:
    day, left = start, n
    while left:
        day += dt.timedelta(days=1)
        if chinese_calendar.is_workday(day):
            left -= 1
    return day


def _inputs(count: int, seed: int = 7) -> list[tuple[dt.date, int]]:
    rng = random.Random(seed)
    base = dt.date(2020, 1, 1).toordinal()
    span = dt.date(2026, 6, 30).toordinal() - base
    return [
        (dt.date.fromordinal(base + rng.randrange(span)), rng.choice((0, 1, 3, 5, 7, 10, 15, 20, 30, 45, 60)))
        for _ in range(count)
    ]


def _sql(inputs: list[tuple[dt.date, int]]) -> tuple[float, int, str]:
    """All deadlines in one SQL statement joining the ordinal table twice."""
    from django.db import connection, transaction

    from govhall.core.calendar_services import ensure_workday_table

    ensure_workday_table()
    with transaction.atomic(), connection.cursor() as cur:
        cur.execute("CREATE TEMPORARY TABLE bench_starts (start date, n integer)")
        if connection.vendor == "postgresql":
            with cur.copy("COPY bench_starts (start, n) FROM STDIN") as copy:  # type: ignore[attr-defined]
                for row in inputs:
                    copy.write_row(row)
            cur.execute("ANALYZE bench_starts")
        else:
            cur.executemany("INSERT INTO bench_starts VALUES (%s, %s)", [(s.isoformat(), n) for s, n in inputs])
        started = time.perf_counter()
        cur.execute(
            "SELECT count(*), max(t.day) FROM bench_starts b "
            "JOIN core_workdayordinal s ON s.day = b.start "
            "JOIN core_workdayordinal t ON t.ordinal = s.ordinal + b.n AND t.is_workday"
        )
        count, _ = cur.fetchone()
        elapsed = time.perf_counter() - started
        cur.execute("DROP TABLE bench_starts")
    return elapsed, count, connection.vendor


def run() -> list[Table]:
    started = time.perf_counter()
    cal = WorkCalendar()
    build = time.perf_counter() - started
    inputs = _inputs(N)

    add = cal.add_working_days
    started = time.perf_counter()
    results = [add(s, n) for s, n in inputs]
    ours = time.perf_counter() - started

    sample = inputs[:NAIVE_N]
    started = time.perf_counter()
    naive = [_naive(s, n) for s, n in sample]
    naive_time = time.perf_counter() - started
    mismatches = sum(1 for r, d in zip(results[:NAIVE_N], naive, strict=True) if r.date != d)

    sql_time, sql_count, vendor = _sql(inputs)
    ours_rate = N / ours
    naive_rate = NAIVE_N / naive_time
    return [
        Table(
            "Working-day deadlines (Python)",
            ["method", "deadlines", "seconds", "deadlines/s", "ratio"],
            [
                ["govhall ordinal table", N, ours, ours_rate, f"{ours_rate / naive_rate:,.0f}x"],
                ["chinesecalendar day by day", NAIVE_N, naive_time, naive_rate, "1x"],
                [
                    f"one SQL query ({vendor})",
                    sql_count,
                    sql_time,
                    sql_count / sql_time,
                    f"{sql_count / sql_time / naive_rate:,.0f}x",
                ],
            ],
            note=f"Calendar snapshot built in {build:.2f} s; {mismatches} mismatches on {NAIVE_N:,} compared "
            f"deadlines; aim: {N:,} deadlines in under 2 s.",
        )
    ]
