"""The questions every step asks are answered from the case's own index entries (PostgreSQL plans).

Asked as the planner sees a busy day between two VACUUM and ANALYZE runs: thousands of tasks opened and closed since
(their entries still in the open-pool index), statistics from before. With only an index on the case, it used to
AND that with the open-pool index, reading every one of those entries on every step (0.1–0.2 ms each on the engine
bench, growing through the day). On the engine bench's database, analyzed while empty, acceptance's check for
missing materials went in by the material's index and read the materials of every earlier case (1,870 rows)."""

from typing import Any

import pytest
from django.db import connection

from govhall.cases import selectors, services
from govhall.cases.access import TASK_CHAIN
from govhall.cases.models import Task
from govhall.cases.tests.conftest import intake_for

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's query plans"),
    pytest.mark.django_db,
]


def _indexes_used(sql: str, params: list[Any]) -> set[str]:
    """The indexes the planner would read for ``sql``, table scans ruled out (tiny test tables would take them)."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        (plan,) = cursor.fetchone()
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "Index Name" in node:
                found.add(node["Index Name"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(plan)
    return found


def _a_busy_day(case_id: int, tasks: int = 3000) -> None:
    """``tasks`` tasks of another case opened and closed, as steps do, without a VACUUM or ANALYZE after."""
    with connection.cursor() as cursor:
        cursor.execute(
            'INSERT INTO "cases_task" ("case_id", "step_position", "step_name", "role", "department_id", "mode", '
            '"state", "budget_days", "started_on", "due_on", "opinion") '
            'SELECT t."case_id", t."step_position", t."step_name", t."role", t."department_id", t."mode", '
            't."state", t."budget_days", t."started_on", t."due_on", \'\' '
            'FROM "cases_task" t CROSS JOIN generate_series(1, %s) WHERE t."case_id" = %s',
            [tasks, case_id],
        )
        cursor.execute('UPDATE "cases_task" SET "state" = %s WHERE "case_id" = %s', [Task.State.DONE.value, case_id])


def test_a_tasks_open_siblings_are_found_by_its_case(submitted, clerk_actor, food_item, center):
    other = services.accept_case(
        case=services.submit_case(intake=intake_for(food_item, center), actor=clerk_actor), actor=clerk_actor
    )
    _a_busy_day(other.pk)
    case = services.accept_case(case=submitted, actor=clerk_actor)
    task = Task.objects.get(case=case, state=Task.State.OPEN)
    used = _indexes_used(selectors._task_sql(), [TASK_CHAIN, Task.State.OPEN.value, task.pk])
    assert "task_case_state_idx" in used
    assert "task_open_pool_idx" not in used


def test_acceptance_asks_for_missing_materials_by_case(submitted, clerk_actor, food_item, center):
    other = services.submit_case(intake=intake_for(food_item, center), actor=clerk_actor)
    with connection.cursor() as cursor:  # the same materials, received for thousands of cases since ANALYZE
        cursor.execute('ANALYZE "cases_casematerial"')
        cursor.execute(
            'INSERT INTO "cases_casematerial" ("case_id", "material_id", "name", "state", "form", "file", "sha256") '
            'SELECT m."case_id", m."material_id", m."name", m."state", m."form", \'\', \'\' '
            'FROM "cases_casematerial" m CROSS JOIN generate_series(1, 3000) WHERE m."case_id" = %s',
            [other.pk],
        )
    required = list(submitted.materials.exclude(material=None).values_list("material_id", flat=True))
    assert required
    guard = services._none_missing(submitted, required)
    used = _indexes_used(f'SELECT 1 FROM "cases_case" WHERE "id" = %s AND {guard.sql}', [submitted.pk, *guard.params])
    assert "casematerial_case_material_idx" in used
    assert not any(name.startswith("cases_casematerial_material_id") for name in used)
