"""Engine benchmark (issue §8.2): one process run by govhall's services, SpiffWorkflow 3, django-viewflow 2, a floor.

The process: create → accept → countersign by 3 departments in parallel → decide → deliver → close, every
step its own transaction. govhall's item here has a result that is the decision itself (result type 其他), so
delivery follows the decision with no 制证 step between, as in the issue's process. Completed cases per second
with 1 and 2 worker processes and SQL statements per case (counted with connection.execute_wrapper, BEGIN/COMMIT
not included).
PostgreSQL only, in a separate database (bench/benchdb.py).

django-viewflow needs its apps installed, which govhall's settings never do: its contender runs in a subprocess
(``python -m bench.bench_cases_engine viewflow``) with bench/viewflow_settings.py, migrating viewflow's tables
into the same bench database, and is measured there by the same code (bench/viewflow_app/).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

from bench.tables import Table

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = int(os.environ.get("BENCH_ENGINE_CASES", "300"))
# The in-process engines run in turns, a slice of the cases each per round, so that a minute in which the machine
# runs slower (a shared VM) weighs on every engine alike; each figure is the median of its rounds, and the ratios
# are the medians of the ratios within a round.
ROUNDS = int(os.environ.get("BENCH_ENGINE_ROUNDS", "3"))
WORKERS = (1, 2)


# --- counting statements -----------------------------------------------------------------------------------
class _Counter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        self.count += 1
        return execute(sql, params, many, context)


# --- the floor: one row per case, a conditional UPDATE and one audit INSERT per step ---------------------
FLOOR_SCHEMA = [
    "CREATE TABLE IF NOT EXISTS bench_floor_case (id bigserial PRIMARY KEY, status varchar(16) NOT NULL, "
    "signs smallint NOT NULL DEFAULT 0, updated_at timestamptz NOT NULL DEFAULT now())",
    "CREATE TABLE IF NOT EXISTS bench_floor_audit (id bigserial PRIMARY KEY, case_id bigint NOT NULL, "
    "action varchar(20) NOT NULL, actor varchar(20) NOT NULL, at timestamptz NOT NULL DEFAULT now())",
    "CREATE TABLE IF NOT EXISTS bench_spiff_case (id bigserial PRIMARY KEY, status varchar(16) NOT NULL, "
    "state jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())",
]
AUDIT_SQL = "INSERT INTO bench_floor_audit (case_id, action, actor) VALUES (%s, %s, 'staff')"
FLOOR_STEPS = [
    ("accepted", "submitted", "countersign"),
    ("signed_a", "countersign", None),
    ("signed_b", "countersign", None),
    ("signed_c", "countersign", None),
    ("decided", "signed", "decided"),
    ("delivered", "decided", "delivered"),
    ("closed", "delivered", "closed"),
]


def floor_case() -> None:
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cur:
        cur.execute("INSERT INTO bench_floor_case (status) VALUES ('submitted') RETURNING id")
        (case_id,) = cur.fetchone()
        cur.execute(
            "INSERT INTO bench_floor_audit (case_id, action, actor) VALUES (%s, 'submitted', 'clerk')", [case_id]
        )
    for action, before, after in FLOOR_STEPS:
        with transaction.atomic(), connection.cursor() as cur:
            if after is None:  # a countersign: the third signature moves the case on
                cur.execute(
                    "UPDATE bench_floor_case SET signs = signs + 1, updated_at = now(), "
                    "status = CASE WHEN signs + 1 = 3 THEN 'signed' ELSE status END WHERE id = %s AND status = %s",
                    [case_id, before],
                )
            else:
                cur.execute(
                    "UPDATE bench_floor_case SET status = %s, updated_at = now() WHERE id = %s AND status = %s",
                    [after, case_id, before],
                )
            assert cur.rowcount == 1
            cur.execute(
                "INSERT INTO bench_floor_audit (case_id, action, actor) VALUES (%s, %s, 'staff')", [case_id, action]
            )


# --- govhall's services ------------------------------------------------------------------------------------
_cast: dict[str, Any] = {}


def govhall_setup() -> None:
    from govhall.catalog.models import ServiceItem
    from govhall.org.models import Role
    from govhall.testing.factories import CenterFactory, DepartmentFactory, WindowFactory, make_item, make_staff

    existing = ServiceItem.objects.filter(code="11519901ENGINE0001").first()
    if existing is not None:
        # A bench database set up before the item's result was the decision itself (it was a licence then).
        existing.versions.exclude(result_type="其他").update(result_type="其他", result_name="联合审查意见书")
        return
    a, b, c = (DepartmentFactory(code=f"ENG{x}", name=f"基准测试局{x}") for x in "ABC")
    window = WindowFactory(number="E1", name="基准窗口")
    window.departments.add(a)
    make_staff("eng_clerk", Role.WINDOW_CLERK, windows=[window])
    make_staff("eng_chief", Role.CHIEF_REPRESENTATIVE, Role.APPROVER, department=a)
    for dept, name in ((a, "eng_a"), (b, "eng_b"), (c, "eng_c")):
        make_staff(name, Role.APPROVER, department=dept)
    make_item(
        "11519901ENGINE0001",
        department=a,
        # The process: decide → deliver. The item's result is the decision itself (no 制证 step between).
        result_type="其他",
        result_name="联合审查意见书",
        special_procedures=[],
        steps=[
            {"name": "受理", "role": Role.WINDOW_CLERK, "budget_days": 0},
            {"name": "会签", "role": Role.APPROVER, "budget_days": 3},
            {"name": "决定", "role": Role.CHIEF_REPRESENTATIVE, "budget_days": 1},
        ],
    )
    CenterFactory()


def _load_cast() -> dict[str, Any]:
    if not _cast:
        from govhall.accounts.models import User
        from govhall.cases.services import Applicant, Intake, MaterialReceipt
        from govhall.catalog.models import ServiceItem
        from govhall.core.actors import Actor
        from govhall.org.models import Center, Department, Role

        item = ServiceItem.objects.select_related("current_version").get(code="11519901ENGINE0001")
        users = {u.username: u for u in User.objects.filter(username__startswith="eng_")}
        version = item.current_version
        _cast.update(
            item=item,
            departments=list(Department.objects.filter(code__in=["ENGB", "ENGC"])),
            clerk=Actor(users["eng_clerk"], Role.WINDOW_CLERK, "10.0.0.8"),
            chief=Actor(users["eng_chief"], Role.CHIEF_REPRESENTATIVE, "10.0.0.9"),
            signers={
                Department.objects.get(code=dept).pk: Actor(users[f"eng_{x}"], Role.APPROVER, "10.0.0.10")
                for dept, x in zip(["ENGA", "ENGB", "ENGC"], "abc", strict=True)
            },
            intake=Intake(
                item=item,
                center=Center.objects.get(code="QC"),
                applicant=Applicant(kind="person", name="张三", id_kind="resident_id", id_number="11010519491231002X"),
                materials=[MaterialReceipt(m.pk) for m in version.materials.all()],
            ),
        )
    return _cast


def govhall_case() -> None:

    from govhall.cases import selectors, services
    from govhall.cases.access import access_case
    from govhall.core import sqlbatch

    cast = _load_cast()
    case = services.submit_case(intake=cast["intake"], actor=cast["clerk"])
    # 并联审批: acceptance sends the 会签 step to the three departments at once (one clerk action, one transaction).
    case = services.accept_case(case=case, actor=cast["clerk"], parallel=cast["departments"])
    # Which tasks there are to sign (the harness's question, as SpiffWorkflow's asks its workflow for ready tasks).
    tasks = sqlbatch.fetch_all(
        'SELECT "id", "department_id" FROM "cases_task" WHERE "case_id" = %s AND "state" = %s ORDER BY "id"',
        [case.pk, "open"],
    )
    for task_id, department_id in tasks:
        # Each signer reads the task afresh, as the API does for every request, then completes it.
        signer = cast["signers"][department_id]
        services.complete_task(task=selectors.task_by_id(task_id), opinion="同意", actor=signer)
    # The chief opens the case (as the API does for every request) and decides.
    chief = cast["chief"]
    case = services.decide_case(case=access_case(chief.user, case.receipt_number), approve=True, reason="", actor=chief)
    case = services.deliver_case(case=case, actor=cast["clerk"])
    services.close_case(case=case, actor=cast["clerk"])


# --- SpiffWorkflow 3 (BPMN), its state saved as JSON after every step --------------------------------------
BPMN = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://bench">
  <bpmn:process id="countersign" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:userTask id="accept"/>
    <bpmn:parallelGateway id="split"/>
    <bpmn:userTask id="sign_a"/><bpmn:userTask id="sign_b"/><bpmn:userTask id="sign_c"/>
    <bpmn:parallelGateway id="join"/>
    <bpmn:userTask id="decide"/><bpmn:userTask id="deliver"/><bpmn:userTask id="close"/>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="accept"/>
    <bpmn:sequenceFlow id="f2" sourceRef="accept" targetRef="split"/>
    <bpmn:sequenceFlow id="f3" sourceRef="split" targetRef="sign_a"/>
    <bpmn:sequenceFlow id="f4" sourceRef="split" targetRef="sign_b"/>
    <bpmn:sequenceFlow id="f5" sourceRef="split" targetRef="sign_c"/>
    <bpmn:sequenceFlow id="f6" sourceRef="sign_a" targetRef="join"/>
    <bpmn:sequenceFlow id="f7" sourceRef="sign_b" targetRef="join"/>
    <bpmn:sequenceFlow id="f8" sourceRef="sign_c" targetRef="join"/>
    <bpmn:sequenceFlow id="f9" sourceRef="join" targetRef="decide"/>
    <bpmn:sequenceFlow id="f10" sourceRef="decide" targetRef="deliver"/>
    <bpmn:sequenceFlow id="f11" sourceRef="deliver" targetRef="close"/>
    <bpmn:sequenceFlow id="f12" sourceRef="close" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>"""
_spiff: dict[str, Any] = {}


def _spiff_parts() -> dict[str, Any]:
    if not _spiff:
        from SpiffWorkflow.bpmn.parser import BpmnParser
        from SpiffWorkflow.bpmn.serializer import BpmnWorkflowSerializer

        parser = BpmnParser()
        parser.add_bpmn_str(BPMN.encode())
        _spiff["spec"] = parser.get_spec("countersign")
        _spiff["serializer"] = BpmnWorkflowSerializer()
    return _spiff


def spiff_case() -> None:
    from django.db import connection, transaction
    from SpiffWorkflow import TaskState
    from SpiffWorkflow.bpmn import BpmnWorkflow

    parts = _spiff_parts()
    serializer = parts["serializer"]
    workflow = BpmnWorkflow(parts["spec"])
    workflow.do_engine_steps()
    with transaction.atomic(), connection.cursor() as cur:
        cur.execute(
            "INSERT INTO bench_spiff_case (status, state) VALUES ('submitted', %s) RETURNING id",
            [serializer.serialize_json(workflow)],
        )
        (case_id,) = cur.fetchone()
        cur.execute(
            "INSERT INTO bench_floor_audit (case_id, action, actor) VALUES (%s, 'submitted', 'clerk')", [case_id]
        )
    for name in ("accept", "sign_a", "sign_b", "sign_c", "decide", "deliver", "close"):
        with transaction.atomic(), connection.cursor() as cur:
            cur.execute("SELECT state::text FROM bench_spiff_case WHERE id = %s FOR UPDATE", [case_id])
            workflow = serializer.deserialize_json(cur.fetchone()[0])
            [task] = [t for t in workflow.get_tasks(state=TaskState.READY, manual=True) if t.task_spec.name == name]
            task.run()
            workflow.do_engine_steps()
            status = "closed" if workflow.is_completed() else name
            cur.execute(
                "UPDATE bench_spiff_case SET state = %s, status = %s, updated_at = now() WHERE id = %s",
                [serializer.serialize_json(workflow), status, case_id],
            )
            cur.execute(
                "INSERT INTO bench_floor_audit (case_id, action, actor) VALUES (%s, %s, 'staff')", [case_id, name]
            )
    assert workflow.is_completed()


def govhall_worker_case() -> None:
    """The same, with the notice PDFs left to the render_notices worker (measured separately below)."""
    from django.test import override_settings

    with override_settings(GOVHALL_NOTICE_RENDERING="worker"):
        govhall_case()


def _render_rate() -> tuple[int, float]:
    from govhall.cases.models import Notice
    from govhall.cases.notices import render_pending

    pending = Notice.objects.filter(rendered_at=None).count()
    count = min(pending, 200)
    started = time.perf_counter()
    done = render_pending(limit=count)
    return done, (done / (time.perf_counter() - started)) if done else 0.0


ENGINES: dict[str, Callable[[], None]] = {
    "floor": floor_case,
    "govhall": govhall_case,
    "govhall, PDFs by worker": govhall_worker_case,
    "SpiffWorkflow 3": spiff_case,
}


# --- running -------------------------------------------------------------------------------------------------
def _worker(engine: str, cases: int, start: Any, out: Any) -> None:
    from django.db import connections

    connections.close_all()  # a forked child opens its own connection
    run = ENGINES[engine]
    run()  # warm up: imports, caches
    start.wait()
    started = time.perf_counter()
    for _ in range(cases):
        run()
    out.put(time.perf_counter() - started)
    connections.close_all()


def _throughput(engine: str, workers: int, cases: int) -> float:
    from django.db import connections

    connections.close_all()
    ctx = multiprocessing.get_context("fork")
    start, out = ctx.Barrier(workers + 1), ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(engine, cases, start, out)) for _ in range(workers)]
    for p in procs:
        p.start()
    start.wait()
    started = time.perf_counter()
    for _ in procs:
        out.get()
    elapsed = time.perf_counter() - started
    for p in procs:
        p.join()
    return workers * cases / elapsed


def _statements(engine: str) -> int:
    from django.db import connection

    ENGINES[engine]()  # warm caches first, as the workers do
    counter = _Counter()
    with connection.execute_wrapper(counter):
        ENGINES[engine]()
    return counter.count


def _available(engine: str) -> str | None:
    import importlib.util

    module = "SpiffWorkflow" if engine.startswith("Spiff") else "viewflow" if engine == VIEWFLOW else None
    if module and importlib.util.find_spec(module) is None:
        return "pip install '.[bench]'"
    return None


# --- django-viewflow 2, in a subprocess with its own settings ----------------------------------------------
VIEWFLOW = "django-viewflow 2"


def _measure(engine: str) -> dict[str, float]:
    return {
        "statements": _statements(engine),
        "one": _throughput(engine, 1, CASES),
        "two": _throughput(engine, 2, CASES // 2),
    }


def _viewflow_child() -> None:
    """``python -m bench.bench_cases_engine viewflow``: measure viewflow, print the figures as JSON."""
    import django

    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.viewflow_settings"
    django.setup()
    from bench.benchdb import use_bench_database
    from bench.viewflow_app import cases

    database = use_bench_database()  # the same database; migrate adds viewflow's tables
    cases.setup()
    ENGINES[VIEWFLOW] = cases.run_case
    print(json.dumps({"database": database, **_measure(VIEWFLOW)}))


def _viewflow() -> dict[str, float] | str:
    """The viewflow figures, or why there are none."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.viewflow_settings", "BENCH_ENGINE_CASES": str(CASES)}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bench.bench_cases_engine", "viewflow"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
    except subprocess.TimeoutExpired:
        return "error: no result within 600 s"
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines:
        errors = done.stderr.strip().splitlines() or ["no output"]
        print(done.stderr, file=sys.stderr)
        return f"error: {errors[-1][:120]}"
    return json.loads(lines[-1])


def _rounds(engines: list[str]) -> dict[str, dict[str, list[float]]]:
    """Each engine's rates per round, with 1 and 2 workers, the engines taking turns within a round."""
    rates: dict[str, dict[str, list[float]]] = {e: {"one": [], "two": []} for e in engines}
    per_round = max(CASES // ROUNDS, 2)
    for _ in range(ROUNDS):
        for engine in engines:
            rates[engine]["one"].append(_throughput(engine, 1, per_round))
        for engine in engines:
            rates[engine]["two"].append(_throughput(engine, 2, per_round // 2))
    return rates


def _median_ratio(ours: list[float], theirs: list[float]) -> float:
    return statistics.median(a / b for a, b in zip(ours, theirs, strict=True))


def run() -> list[Table]:
    from django.db import connection

    from bench.benchdb import is_postgresql, tidy, use_bench_database

    if not is_postgresql():
        print("bench_cases_engine: skipped — needs PostgreSQL (DATABASE_URL=postgres://…); SQLite is not measured.")
        return []
    database = use_bench_database()
    with connection.cursor() as cur:
        for ddl in FLOOR_SCHEMA:
            cur.execute(ddl)
    govhall_setup()
    tidy()
    rows: list[list[object]] = []
    missing = {engine: _available(engine) for engine in [*ENGINES, VIEWFLOW]}
    here = [engine for engine in ENGINES if not missing[engine]]
    statements = {engine: _statements(engine) for engine in here}
    rounds = _rounds(here)
    for engine, figures in rounds.items():
        print(f"  {engine}: " + "; ".join(f"{k} " + ", ".join(f"{r:.0f}" for r in v) for k, v in figures.items()))
    for engine in [*ENGINES, VIEWFLOW]:
        if missing[engine]:
            rows.append([engine, "-", "-", "-", f"not installed: {missing[engine]}"])
        elif engine == VIEWFLOW:
            figures = _viewflow()
            if isinstance(figures, str):
                rows.append([engine, "-", "-", "-", figures])
            else:
                floor = statistics.median(rounds["floor"]["one"]) if "floor" in rounds else 0.0
                share = f"{figures['one'] / floor:.0%} (apart)" if floor else ""
                rows.append([engine, figures["one"], figures["two"], int(figures["statements"]), share])
        else:
            one, two = (statistics.median(rounds[engine][k]) for k in ("one", "two"))
            share = f"{_median_ratio(rounds[engine]['one'], rounds['floor']['one']):.0%}" if "floor" in rounds else ""
            rows.append([engine, one, two, statements[engine], share])
    note = (
        f"{CASES} cases per engine and worker count on PostgreSQL (database {database}), {os.cpu_count()} CPUs, client "
        f"and server on one machine; the in-process engines in {ROUNDS} interleaved rounds (medians), django-viewflow "
        "alone after them (its own settings, a subprocess). Aim: govhall ≥ 80 % of the floor and ≥ 2× SpiffWorkflow."
    )
    spiff = "SpiffWorkflow 3"
    for ours in ("govhall, PDFs by worker", "govhall"):
        if ours in rounds and spiff in rounds:
            note += (
                f" {ours} / SpiffWorkflow = {_median_ratio(rounds[ours]['one'], rounds[spiff]['one']):.2f}x (1 worker),"
                f" {_median_ratio(rounds[ours]['two'], rounds[spiff]['two']):.2f}x (2 workers)."
            )
    rendered, per_second = _render_rate()
    if rendered:
        note += f" The render_notices worker rendered {rendered} pending notice PDFs at {per_second:.1f}/s (1 process)."
    return [
        Table(
            "Engine: create → accept → countersign ×3 → decide → deliver → close",
            ["engine", "cases/s (1 worker)", "cases/s (2 workers)", "SQL statements/case", "vs floor (1 worker)"],
            rows,
            note=note,
        )
    ]


if __name__ == "__main__" and sys.argv[1:] == ["viewflow"]:
    sys.path.insert(0, ROOT)
    _viewflow_child()
