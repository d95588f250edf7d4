"""The only way the interfaces load a case or a task: staff in scope of the deciding department."""

from __future__ import annotations

from typing import Any

from govhall.cases.models import Case, Task
from govhall.core.errors import AccessDenied, NotFound
from govhall.org.access import department_scope, in_scope, staff_of


def case_scope(user: Any) -> set[int] | None:
    """Departments whose cases the user may read; None means all (managers, supervisors)."""
    if staff_of(user) is None:
        raise AccessDenied("仅限工作人员", code="staff_only")
    return department_scope(user)


def access_case(user: Any, receipt_number: str) -> Case:
    case_scope(user)
    case = (
        Case.objects.select_related("item", "item_version", "deciding_department", "receiving_center", "window")
        .filter(receipt_number=receipt_number)
        .first()
    )
    if case is None:
        raise NotFound("办件不存在", code="case_not_found")
    if not in_scope(user, case.deciding_department_id):
        raise AccessDenied("该办件不属于您办理的部门", code="out_of_scope")
    return case


def access_task(user: Any, case: Case, task_id: int) -> Task:
    """A task of a case already loaded through ``access_case``."""
    task = Task.objects.select_related("case").filter(pk=task_id, case=case).first()
    if task is None:
        raise NotFound("办理环节不存在", code="task_not_found")
    return task
