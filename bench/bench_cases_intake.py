"""Intake through HTTP (issue §8.1): submit + accept via the API, served by gunicorn on PostgreSQL, with
concurrent clients; beside it pgbench's single-row insert rate on the same server, as a ratio."""

from __future__ import annotations

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
CASES = 400
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


def _client(port: int, token: str, body: bytes, count: int, latencies: list[float], errors: list[str]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json", "X-Govhall-Role": "window_clerk"}
    for _ in range(count):
        started = time.perf_counter()
        conn.request("POST", "/api/v1/cases", body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        if response.status not in (200, 201):
            errors.append(f"submit {response.status} {data[:120]!r}")
            continue
        receipt = json.loads(data)["receipt_number"]
        conn.request("POST", f"/api/v1/cases/{receipt}/accept", body=b"{}", headers=headers)
        response = conn.getresponse()
        data = response.read()
        if response.status != 200:
            errors.append(f"accept {response.status} {data[:120]!r}")
            continue
        latencies.append((time.perf_counter() - started) * 1000)
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


def run() -> list[Table]:
    from bench.bench_cases_engine import govhall_setup
    from bench.benchdb import is_postgresql, use_bench_database

    if not is_postgresql():
        print("bench_cases_intake: skipped — needs PostgreSQL (DATABASE_URL=postgres://…).")
        return []
    database = use_bench_database()
    govhall_setup()
    from django.conf import settings

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
    rows: list[list[object]] = []
    for mode in ("worker", "inline"):
        port = _free_port()
        env = {**os.environ, "DATABASE_URL": url, "GOVHALL_NOTICE_RENDERING": mode, "GOVHALL_ALLOWED_HOSTS": "*"}
        server = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "config.wsgi",
                "-w",
                "2",
                "-b",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        try:
            _wait_until_up(port)
            latencies: list[float] = []
            errors: list[str] = []
            threads = [
                threading.Thread(target=_client, args=(port, token, body, CASES // CLIENTS, latencies, errors))
                for _ in range(CLIENTS)
            ]
            started = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(10)
        ordered = sorted(latencies) or [0.0]
        rows.append(
            [
                f"govhall submit + accept (PDFs {mode})",
                len(latencies),
                len(latencies) / elapsed,
                statistics.median(ordered),
                ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))],
                len(errors),
            ]
        )
        if errors:
            print("first error:", errors[0])
    tps = _pgbench({**os.environ, "PGPASSWORD": ""}, database)
    note = (
        f"{CLIENTS} concurrent HTTP clients, gunicorn with 2 workers, PostgreSQL database {database}, one 2-core "
        "machine for all. Aim: ≥ 200 accepted cases/s."
    )
    if tps:
        best = max(float(r[2]) for r in rows)  # type: ignore[arg-type]
        note += f" pgbench single-row INSERT: {tps:,.0f}/s with {CLIENTS} clients; govhall/pgbench = {best / tps:.4f}."
    return [
        Table(
            "Intake over HTTP: submit + accept",
            ["run", "accepted", "cases/s", "p50 ms", "p99 ms", "errors"],
            rows,
            note=note,
        )
    ]
