"""Lights of 1,000,000 open cases: light counts and the most urgent page, each one SQL query (PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import statistics
import time

from bench.tables import Table

N = 1_000_000
RUNS = 7
LIMITS = (1, 3, 5, 10, 10, 15, 20, 20, 30, 60)


def _items() -> list[tuple[int, int, int]]:
    from govhall.catalog.models import ServiceItem
    from govhall.testing.factories import DepartmentFactory, make_item

    if not ServiceItem.objects.exists():
        for n in range(5):
            make_item(f"11519901BENCH{n:05d}", department=DepartmentFactory(), name=f"基准测试事项{n}")
    return list(
        ServiceItem.objects.filter(current_version__isnull=False).values_list(
            "pk", "current_version_id", "department_id"
        )[:50]
    )


def _fill(today: dt.date) -> tuple[int, float]:
    """Bulk-insert N open cases server-side (INSERT … SELECT generate_series); reuse them when present."""
    from django.db import connection

    from govhall.cases.models import Case
    from govhall.core.calendar_services import ensure_workday_table
    from govhall.testing.factories import CenterFactory

    ensure_workday_table()
    existing = Case.objects.filter(receipt_number__startswith="BENCH").count()
    if existing == N:
        return 0, 0.0
    started = time.perf_counter()
    center = CenterFactory()
    items = _items()
    with connection.cursor() as cur:
        cur.execute("DELETE FROM cases_case WHERE receipt_number LIKE 'BENCH%%'")
        cur.execute("CREATE TEMPORARY TABLE bench_items (k int, item int, version int, dept int)")
        cur.executemany("INSERT INTO bench_items VALUES (%s, %s, %s, %s)", [(k, *row) for k, row in enumerate(items)])
        # Accepted over the last ~9 weeks with typical promised limits: mostly green, some yellow, some red.
        cur.execute(
            f"""
            INSERT INTO cases_case (
                receipt_number, item_id, item_version_id, channel, receiving_center_id, deciding_department_id,
                status, revision, applicant_kind, applicant_name, applicant_id_kind, applicant_id_number,
                applicant_phone, applicant_address, credit_code_override, agent_name, agent_id_number, agent_phone,
                form_data, received_on, accepted_on, deemed_accepted, limit_unit, legal_limit, promised_limit,
                extension_days, paused_days, legal_deadline, promised_deadline, deadline_provisional,
                created_at, updated_at)
            SELECT 'BENCH' || lpad(src.g::text, 9, '0'), i.item, i.version,
                   (ARRAY['window','online','online','kiosk','village'])[1 + src.g %% 5], %s, i.dept,
                   CASE WHEN src.g %% 20 = 0 THEN 'suspended' WHEN src.g %% 50 = 1 THEN 'supplement'
                        ELSE 'in_review' END,
                   1, 'person', '张三', 'resident_id', '11010519491231002X', '13912345678', '', '', '', '', '',
                   '{{}}', src.acc, src.acc, false, 'working_days', src.lim * 2, src.lim,
                   0, 0, l.day, t.day, false, now(), now()
            FROM (
                SELECT g, %s::date - ((g::bigint * 7919) %% 25)::int AS acc,
                       (ARRAY{list(LIMITS)})[1 + ((g::bigint * 104729) %% {len(LIMITS)})::int] AS lim
                FROM generate_series(1, {N}) g
            ) src
            JOIN bench_items i ON i.k = src.g %% {len(items)}
            JOIN core_workdayordinal s ON s.day = src.acc
            JOIN core_workdayordinal t ON t.ordinal = s.ordinal + src.lim AND t.is_workday
            JOIN core_workdayordinal l ON l.ordinal = s.ordinal + src.lim * 2 AND l.is_workday
            """,
            [center.pk, today],
        )
        cur.execute("DROP TABLE bench_items")
        cur.execute("VACUUM ANALYZE cases_case")
    return N, time.perf_counter() - started


def _timed(fn: object, runs: int = RUNS) -> list[float]:
    assert callable(fn)
    fn()  # warm the cache
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def run() -> list[Table]:
    from django.db.models import Count
    from django.utils import timezone

    from bench.benchdb import is_postgresql, use_bench_database

    if not is_postgresql():
        print("bench_cases_lights: skipped — needs PostgreSQL (DATABASE_URL=postgres://…); SQLite is not measured.")
        return []
    from govhall.cases import lights
    from govhall.cases.models import Case

    database = use_bench_database()
    today = timezone.localdate()
    inserted, fill_seconds = _fill(today)
    open_cases = lights.with_lights(today=today).count()
    counts = lights.light_counts(today=today)

    def both() -> None:
        lights.light_counts(today=today)
        lights.most_urgent(today=today, limit=20)

    rows: list[list[object]] = []
    for name, fn, runs in [
        ("light_counts() — one grouped query", lambda: lights.light_counts(today=today), RUNS),
        ("most_urgent(limit=20) — one query", lambda: lights.most_urgent(today=today, limit=20), RUNS),
        ("dashboard: counts + urgent page", both, RUNS),
        (
            "ORM with_lights().values('light').annotate(Count)",
            lambda: list(lights.with_lights(today=today).values("light").annotate(n=Count("pk"))),
            3,
        ),
    ]:
        samples = _timed(fn, runs)
        rows.append([name, runs, statistics.median(samples), max(samples)])
    fill = f"inserted {inserted:,} rows in {fill_seconds:.1f} s" if inserted else "reused the rows already loaded"
    return [
        Table(
            f"Lights of {open_cases:,} open cases (PostgreSQL, database {database})",
            ["query", "runs", "p50 ms", "max ms"],
            rows,
            note=f"{fill}; today {today}: green {counts.green:,}, yellow {counts.yellow:,}, red {counts.red:,} "
            f"(total {Case.objects.count():,} cases). Aim: under 1 s.",
        )
    ]
