"""Intake through HTTP (issue §8.1): submit + accept via the API, served by gunicorn on PostgreSQL, with
concurrent clients; beside it pgbench's single-row insert rate on the same server, as a ratio."""

from __future__ import annotations

import datetime
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench.tables import Table

CLIENTS = 8
CASES = int(os.environ.get("BENCH_INTAKE_CASES", "1200"))  # per run; 400 (2 s) measured mostly noise
WARMUP = 3  # submit + accept pairs per client before the clock starts
# A 2-core deployment: 4 sync workers, as docs/operations.md runs it (`gunicorn -w 4`). A request waits on
# PostgreSQL for part of its time; with 2 workers those waits left the cores idle (or to the renderer): 2 workers
# against 4, alternated on 2026-11-24, gave 159 and 216 against 223 and 271 cases/s. BENCH_GUNICORN="--workers 2"
# (say) measures another choice.
GUNICORN = ["--workers", "4", "--worker-class", "sync"]
DRAIN_SECONDS = 600  # how long the notice renderer may take after the last response before notices count as lost
ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_until_up(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def _client(
    port: int,
    token: str,
    body: bytes,
    count: int,
    start: threading.Barrier,
    latencies: list[float],
    errors: list[str],
) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json", "X-Govhall-Role": "window_clerk"}

    def submit_and_accept() -> float | None:
        started = time.perf_counter()
        conn.request("POST", "/api/v1/cases", body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        if response.status not in (200, 201):
            errors.append(f"submit {response.status} {data[:120]!r}")
            return None
        receipt = json.loads(data)["receipt_number"]
        conn.request("POST", f"/api/v1/cases/{receipt}/accept", body=b"{}", headers=headers)
        response = conn.getresponse()
        data = response.read()
        if response.status != 200:
            errors.append(f"accept {response.status} {data[:120]!r}")
            return None
        return (time.perf_counter() - started) * 1000

    # Unmeasured warm-up: the workers import and build their URLconf, API schemas and connections on their
    # first requests; timing them measured gunicorn's start, not intake (it made most of the p99).
    for _ in range(WARMUP):
        submit_and_accept()
    start.wait()
    for _ in range(count):
        took = submit_and_accept()
        if took is not None:
            latencies.append(took)
    conn.close()


def _pgbench(dsn_env: dict[str, str], database: str) -> float | None:
    if shutil.which("pgbench") is None:
        return None
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("CREATE TABLE IF NOT EXISTS bench_single_row (id bigserial PRIMARY KEY, v integer)")
    script = ROOT / "var" / "pgbench_insert.sql"
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text("INSERT INTO bench_single_row (v) VALUES (1);\n")
    out = subprocess.run(
        [
            "pgbench",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-n",
            "-c",
            str(CLIENTS),
            "-T",
            "5",
            "-f",
            str(script),
            database,
        ],
        capture_output=True,
        text=True,
        env=dsn_env,
        check=False,
    )
    for line in out.stdout.splitlines():
        if line.startswith("tps ="):
            return float(line.split()[2])
    return None


def _drain_notices() -> int:
    """Render notices earlier runs left pending, so the renderer's rate below is this run's alone."""
    from govhall.cases.notices import render_pending

    total = 0
    while done := render_pending(limit=200):
        total += done
    return total


def _render_rate(since: datetime.datetime, started: float) -> tuple[float, int]:
    """Wait for the renderer to catch up with the notices issued since ``since``: their rate and those still pending."""
    from govhall.cases.models import Notice

    issued = Notice.objects.filter(created_at__gte=since)
    deadline = time.monotonic() + DRAIN_SECONDS
    while issued.filter(rendered_at=None).exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    elapsed = time.perf_counter() - started
    return issued.exclude(rendered_at=None).count() / elapsed, issued.filter(rendered_at=None).count()


def run() -> list[Table]:
    from bench.bench_cases_engine import govhall_setup
    from bench.benchdb import is_postgresql, tidy, use_bench_database

    if not is_postgresql():
        print("bench_cases_intake: skipped — needs PostgreSQL (DATABASE_URL=postgres://…).")
        return []
    database = use_bench_database()
    govhall_setup()
    from django.conf import settings
    from django.utils import timezone

    from govhall.accounts.models import User
    from govhall.accounts.tokens import issue_token
    from govhall.catalog.models import ServiceItem

    _, token = issue_token(user=User.objects.get(username="eng_clerk"), name=f"bench {time.time()}")
    item = ServiceItem.objects.select_related("current_version").get(code="11519901ENGINE0001")
    body = json.dumps(
        {
            "item_code": item.code,
            "center_code": "QC",
            "applicant": {
                "kind": "person",
                "name": "张三",
                "id_kind": "resident_id",
                "id_number": "11010519491231002X",
            },
            "materials": [{"material_id": m.pk} for m in item.current_version.materials.all()],
        }
    ).encode()
    db = settings.DATABASES["default"]
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{database}"
    gunicorn = os.environ.get("BENCH_GUNICORN", "").split() or GUNICORN
    if backlog := _drain_notices():
        print(f"bench_cases_intake: rendered {backlog} notices earlier runs left pending")
    tidy()
    rows: list[list[object]] = []
    for mode in ("worker", "inline"):
        port = _free_port()
        env = {**os.environ, "DATABASE_URL": url, "GOVHALL_NOTICE_RENDERING": mode, "GOVHALL_ALLOWED_HOSTS": "*"}
        server = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "config.wsgi",
                *gunicorn,
                "-b",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        renderer: subprocess.Popen[bytes] | None = None
        try:
            _wait_until_up(port)
            latencies: list[float] = []
            errors: list[str] = []
            start = threading.Barrier(CLIENTS + 1)
            threads = [
                threading.Thread(target=_client, args=(port, token, body, CASES // CLIENTS, start, latencies, errors))
                for _ in range(CLIENTS)
            ]
            since, rendering_from = timezone.now(), time.perf_counter()
            for t in threads:
                t.start()
            if mode == "worker":
                # The deployment's renderer, beside the web workers on the same 2 cores; at idle priority, so that
                # answers come first and PDFs are made in the gaps ("just after the response").
                renderer = subprocess.Popen(
                    [sys.executable, "manage.py", "render_notices", "--loop", "--idle", "--interval", "0.2"],
                    cwd=ROOT,
                    env=env,
                    stdout=subprocess.DEVNULL,
                )
            start.wait()
            started = time.perf_counter()
            for t in threads:
                t.join()
            elapsed = time.perf_counter() - started
            if renderer is not None:
                notices_per_s, pending = _render_rate(since, rendering_from)
            else:
                notices_per_s, pending = len(latencies) / elapsed, 0
        finally:
            for process in (renderer, server):
                if process is not None:
                    process.terminate()
                    process.wait(10)
        ordered = sorted(latencies) or [0.0]
        rows.append(
            [
                f"govhall submit + accept (PDFs {mode})",
                len(latencies),
                len(latencies) / elapsed,
                statistics.median(ordered),
                ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))],
                len(errors),
                notices_per_s,
                pending,
            ]
        )
        if errors:
            print("first error:", errors[0])
    tps = _pgbench({**os.environ, "PGPASSWORD": ""}, database)
    note = (
        f"{CLIENTS} concurrent HTTP clients (each first {WARMUP} unmeasured pairs), gunicorn {' '.join(gunicorn)}, "
        f"PostgreSQL database {database}, one 2-core machine for all. Notices/s: PDFs rendered per second from the "
        "start of the measured run until the last of its notices is rendered (worker: one `render_notices --loop "
        "--idle` process beside gunicorn, at idle priority; inline: in the accept request); pending: notices not "
        "rendered within "
        f"{DRAIN_SECONDS} s. Aim: ≥ 200 accepted cases/s."
    )
    if tps:
        best = max(float(r[2]) for r in rows)  # type: ignore[arg-type]
        note += f" pgbench single-row INSERT: {tps:,.0f}/s with {CLIENTS} clients; govhall/pgbench = {best / tps:.4f}."
    return [
        Table(
            "Intake over HTTP: submit + accept",
            ["run", "accepted", "cases/s", "p50 ms", "p99 ms", "errors", "notices/s", "pending"],
            rows,
            note=note,
        )
    ]
