"""会签 across departments: one review step handled in parallel by several departments.

The services open one task per step for the deciding department; a countersign adds the other
departments' tasks at the same step position (mode ``all``). ``services.complete_task`` already waits
for every open task of a step before opening the next one, so nothing else changes.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.db import transaction

from govhall.cases import services
from govhall.cases.models import Case, Status, Task
from govhall.catalog.selectors import version_steps
from govhall.core import sqlbatch, workdays
from govhall.core.actors import Actor
from govhall.core.errors import Conflict, Problem, ValidationFailed
from govhall.org.models import Department


@transaction.atomic
def open_countersign(
    *, case: Case, departments: Sequence[Department], step_name: str, actor: Actor, on: datetime.date | None = None
) -> list[Task]:
    """Have ``departments`` countersign the step ``step_name``; returns the step's open tasks."""
    # Row lock: a countersign and a completion of the same step must not interleave.
    case = services._lock(case)
    if case.status != Status.IN_REVIEW:
        raise Conflict("只有审查中的办件可以发起会签", code="invalid_transition")
    step = next((s for s in version_steps(case.item_version) if s.name == step_name), None)
    if step is None:
        raise ValidationFailed([Problem(f"本事项没有「{step_name}」环节", code="unknown_step", field="step_name")])
    day = on or services.today()
    open_tasks = [
        sqlbatch.from_row(Task, row)
        for row in sqlbatch.fetch_all(
            f'SELECT {sqlbatch.columns(Task, "t")} FROM "cases_task" t '
            'WHERE t."case_id" = %s AND t."step_position" = %s AND t."state" = %s '
            'ORDER BY t."id"',
            [case.pk, step.position, Task.State.OPEN.value],
        )
    ]
    for task in open_tasks:
        task.mode = Task.Mode.ALL  # written below, with the case and its event
    have = {t.department_id for t in open_tasks}
    due = workdays.get_calendar().add_working_days(day, step.budget_days).date
    added = Task.objects.bulk_create(
        Task(
            case=case,
            step_position=step.position,
            step_name=step.name,
            role=step.role,
            department=department,
            mode=Task.Mode.ALL,
            started_on=day,
            due_on=due,
            budget_days=step.budget_days,
            sent_by=actor.user,
        )
        for department in departments
        if department.pk not in have
    )
    names = [d.name for d in departments]
    case.revision += 1
    event = services._event_row(case, "countersign_opened", actor, data={"step": step.name, "departments": names})
    services._audit_locked(
        case,
        actor,
        "cases.case.countersign_opened",
        {"departments": names},
        along=[
            *(sqlbatch.update(task, ("mode",)) for task in open_tasks),
            sqlbatch.update(case, ("revision", "updated_at")),
            sqlbatch.insert(event),
        ],
    )
    return [*open_tasks, *added]
