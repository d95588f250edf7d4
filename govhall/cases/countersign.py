"""会签 across departments: one review step handled in parallel by several departments.

The services open one task per step for the deciding department; a countersign adds the other
departments' tasks at the same step position (mode ``all``). ``services.complete_task`` already waits
for every open task of a step before opening the next one, so nothing else changes.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from govhall.cases import services
from govhall.cases.models import Case, Status, Task
from govhall.catalog.selectors import version_steps
from govhall.core import sqlbatch, workdays
from govhall.core.actors import Actor
from govhall.core.errors import AccessDenied, Conflict, Problem, ValidationFailed
from govhall.org.access import in_scope, roles_of, staff_of
from govhall.org.models import Department, Role

SIGN_OPENERS = (Role.APPROVER, Role.CHIEF_REPRESENTATIVE, services.SYSTEM)


@transaction.atomic
def open_countersign(
    *,
    case: Case,
    departments: Sequence[Department],
    step_name: str,
    actor: Actor,
    on: datetime.date | None = None,
    mode: str = Task.Mode.ALL,
    approvers: Sequence[Any] = (),
) -> list[Task]:
    """Have ``departments`` (their pools) and ``approvers`` (by name) sign the current step ``step_name`` in parallel:
    every one of them (会签, ``mode="all"``) or the first of them (或签, ``mode="any"``). Returns the step's open tasks.

    Asked by a reviewer of the case's deciding department (an approver or its chief representative); at acceptance
    the clerk sends the case to several departments through ``accept_case(parallel=…)`` instead."""
    if actor.role not in SIGN_OPENERS:
        raise AccessDenied(gettext("发起会签 / 或签须由审批人员或首席代表办理"), code="role_not_allowed")
    if mode not in (Task.Mode.ALL, Task.Mode.ANY):
        raise ValidationFailed([Problem(gettext("会签方式无效"), code="invalid_choice", field="mode")])
    if not departments and not approvers:
        raise ValidationFailed([Problem(gettext("请选择会签的部门或人员"), code="required", field="departments")])
    # Row lock: a countersign and a completion of the same step must not interleave.
    case = services._lock(case)
    if actor.user is not None and not in_scope(actor.user, case.deciding_department_id):
        raise AccessDenied(gettext("该办件不属于您办理的部门"), code="out_of_scope")
    if case.status != Status.IN_REVIEW:
        raise Conflict(gettext("只有审查中的办件可以发起会签"), code="invalid_transition")
    step = next((s for s in version_steps(case.item_version) if s.name == step_name), None)
    if step is None:
        raise ValidationFailed(
            [
                Problem(
                    gettext("本事项没有「%(step)s」环节") % {"step": step_name},
                    code="unknown_step",
                    field="step_name",
                )
            ]
        )
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
    if not open_tasks:
        raise Conflict(
            gettext("「%(step)s」不是正在办理的环节，不能发起会签") % {"step": step_name}, code="step_not_current"
        )
    mode_changes = any(t.mode != mode for t in open_tasks)
    for task in open_tasks:
        task.mode = mode  # written below, with the case and its event
    have = {t.department_id for t in open_tasks}
    named = {t.assignee_id for t in open_tasks if t.assignee_id is not None}
    due = workdays.get_calendar().add_working_days(day, step.budget_days).date
    wanted: list[tuple[int, Any]] = [(d.pk, None) for d in departments if d.pk not in have]
    for user in approvers:
        profile = staff_of(user)
        held = roles_of(user)
        allowed = step.role in held or (step.role == Role.APPROVER and Role.CHIEF_REPRESENTATIVE in held)
        if profile is None or profile.department_id is None or not allowed:
            raise ValidationFailed(
                [
                    Problem(
                        gettext("%(user)s不能办理「%(step)s」环节") % {"user": user, "step": step_name},
                        code="role_not_allowed",
                        field="approvers",
                    )
                ]
            )
        if user.pk not in named:
            wanted.append((profile.department_id, user))
    if not wanted and not mode_changes:
        raise Conflict(gettext("所选部门和人员已在办理本环节，无需再次发起"), code="already_signing")
    added = Task.objects.bulk_create(
        Task(
            case=case,
            step_position=step.position,
            step_name=step.name,
            role=step.role,
            department_id=department_id,
            assignee=user,
            mode=mode,
            started_on=day,
            due_on=due,
            budget_days=step.budget_days,
            sent_by_id=open_tasks[0].sent_by_id,  # whoever sent the step on (撤回 is his), not who asked to sign
        )
        for department_id, user in wanted
    )
    names = [d.name for d in departments] + [str(u) for u in approvers]
    case.revision += 1
    action = "countersign_opened" if mode == Task.Mode.ALL else "anysign_opened"
    event = services._event_row(case, action, actor, data={"step": step.name, "departments": names, "mode": mode})
    services._audit_locked(
        case,
        actor,
        f"cases.case.{action}",
        {"departments": names, "mode": mode},
        along=[
            *(sqlbatch.update(task, ("mode",)) for task in open_tasks),
            sqlbatch.update(case, ("revision", "updated_at")),
            sqlbatch.insert(event),
        ],
    )
    return [*open_tasks, *added]
