"""The only way the interfaces load a case or a task: staff in scope of the deciding department."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext

from govhall.cases.models import Case, Task
from govhall.catalog.models import ItemVersion, ServiceItem
from govhall.catalog.selectors import published_version
from govhall.core import audit, sqlbatch
from govhall.core.errors import AccessDenied, NotFound
from govhall.org.access import center_scope, department_scope, in_scope, staff_of
from govhall.org.models import Center, Department, Role, Window

CASE_CHAIN = "cases.case:"  # audit chains are named "<app>.<model>:<key>" (``audit.chain_name``)
TASK_CHAIN = "cases.task:"
_K_ID, _T_ID = 'k."id"', 't."id"'


def case_scope(user: Any) -> set[int] | None:
    """Departments whose cases the user may read; None means all (managers, supervisors)."""
    if staff_of(user) is None:
        raise AccessDenied(gettext("仅限工作人员"), code="staff_only")
    return department_scope(user)


@dataclass(frozen=True)
class Reach:
    """The cases a staff member may read, by deciding department and receiving center.

    ``anywhere``: the departments whose cases he reads wherever they were received (an approver's or chief
    representative's own department; None: every department). ``windows``: the departments he reads only where
    received at ``center`` (a window clerk's: window work is the receiving center's, and a township clerk has no
    business with the county's applicants). ``centers``: the receiving centers a manager or supervisor oversees
    (``center_scope``); None: no limit by center."""

    anywhere: frozenset[int] | None
    windows: frozenset[int] = frozenset()
    center: int | None = None
    centers: frozenset[int] | None = None

    def allows(self, department_id: int, center_id: int) -> bool:
        if self.centers is not None and center_id not in self.centers:
            return False
        if self.anywhere is None or department_id in self.anywhere:
            return True
        return department_id in self.windows and center_id == self.center

    def q(self) -> Q:
        """The same rule as a filter on cases."""
        where = Q()
        if self.centers is not None:
            where &= Q(receiving_center_id__in=self.centers)
        if self.anywhere is not None:
            where &= Q(deciding_department_id__in=self.anywhere) | Q(
                deciding_department_id__in=self.windows, receiving_center_id=self.center
            )
        return where

    @property
    def departments(self) -> set[int] | None:
        """Every department he reads some cases of (None: all), e.g. for the choices of a search form."""
        return None if self.anywhere is None else set(self.anywhere | self.windows)


def case_reach(user: Any) -> Reach:
    profile = staff_of(user)
    if profile is None:
        raise AccessDenied(gettext("仅限工作人员"), code="staff_only")
    centers = center_scope(user)
    if centers is not None:  # a manager or supervisor: every department of the centers he oversees
        return Reach(anywhere=None, centers=frozenset(centers))
    roles = profile.role_codes
    anywhere = (
        frozenset({profile.department_id})
        if roles & {Role.APPROVER, Role.CHIEF_REPRESENTATIVE} and profile.department_id
        else frozenset()
    )
    windows = frozenset(department_scope(user) or ()) - anywhere
    return Reach(anywhere=anywhere, windows=windows, center=profile.center_id)


@functools.cache
def _case_sql() -> str:
    return (
        f"SELECT {sqlbatch.columns(Case, 'k')}, {sqlbatch.columns(ServiceItem, 'i')}, "
        f"{sqlbatch.columns(Department, 'd')}, {sqlbatch.columns(Center, 'c')}, {sqlbatch.columns(Window, 'w')}, "
        f'v."created_at", {audit.head_sql(column=_K_ID)} '
        f'FROM "{Case._meta.db_table}" k '
        f'JOIN "{ServiceItem._meta.db_table}" i ON i."id" = k."item_id" '
        f'JOIN "{Department._meta.db_table}" d ON d."id" = k."deciding_department_id" '
        f'JOIN "{Center._meta.db_table}" c ON c."id" = k."receiving_center_id" '
        f'LEFT JOIN "{Window._meta.db_table}" w ON w."id" = k."window_id" '
        f'JOIN "{ItemVersion._meta.db_table}" v ON v."id" = k."item_version_id" '
        'WHERE k."receipt_number" = %s'
    )


def _read_case(receipt_number: str) -> Case | None:
    """The case with its item, department, center and window in one hand-written statement (every case page
    and API call starts here); its published version comes from memory (it never changes). The head of its audit
    chain comes along: an action on the case can then write optimistically (``services``), in one round trip."""
    row = sqlbatch.fetch_one(_case_sql(), [CASE_CHAIN, receipt_number])
    if row is None:
        return None
    (case, item, department, center, window), rest = sqlbatch.split(row, Case, ServiceItem, Department, Center, Window)
    Case.item.field.set_cached_value(case, item)
    Case.deciding_department.field.set_cached_value(case, department)
    Case.receiving_center.field.set_cached_value(case, center)
    Case.window.field.set_cached_value(case, window)
    case.item_version = published_version(case.item_version_id, sqlbatch.to_datetime(rest[0]))
    case.__dict__["_audit_head"] = audit.parse_head(rest[1])
    return case  # type: ignore[no-any-return]


def access_case(user: Any, receipt_number: str) -> Case:
    reach = case_reach(user)
    case = _read_case(receipt_number)
    if case is None:
        raise NotFound(gettext("办件不存在"), code="case_not_found")
    department, center = case.deciding_department_id, case.receiving_center_id
    if reach.allows(department, center) or _signs_for(reach, case):
        return case
    if (reach.centers is not None and center not in reach.centers) or department in reach.windows:
        raise AccessDenied(gettext("该办件不是本中心收件的办件"), code="out_of_scope")
    raise AccessDenied(gettext("该办件不属于您办理的部门"), code="out_of_scope")


def _signs_for(reach: Reach, case: Case) -> bool:
    """Whether the department the user reviews for has (or had) a task on the case: a department asked to
    countersign reads the case it signs for (its approvers; not the clerks of windows that serve it)."""
    if not reach.anywhere:
        return False
    return Task.objects.filter(case_id=case.pk, department_id__in=reach.anywhere).exists()


def decides(user: Any, case: Case) -> bool:
    """Whether the user acts for the case's deciding department (its case actions), not only for a step of it."""
    return in_scope(user, case.deciding_department_id)


# Whether other tasks of task ``t``'s step are still open (a 会签 step ends with its last task); its parameter: the
# open state. Read with every task an action may complete (``access_task``, ``selectors.task_by_id``, the task lock).
OTHERS_OPEN = (
    'EXISTS (SELECT 1 FROM "cases_task" o WHERE o."case_id" = t."case_id" '
    'AND o."step_position" = t."step_position" AND o."state" = %s AND o."id" <> t."id")'
)


def as_read(task: Task, case: Case, head: str | None, others_open: Any) -> Task:
    """``task`` with its case, the head of its audit chain and whether its step's other tasks are open, as read."""
    task.case = case
    task.__dict__["_audit_head"] = audit.parse_head(head)
    task.__dict__["_others_open"] = bool(others_open)
    return task


@functools.cache
def _task_sql() -> str:
    return (
        f"SELECT {sqlbatch.columns(Task, 't')}, {audit.head_sql(column=_T_ID)}, {OTHERS_OPEN} "
        f'FROM "{Task._meta.db_table}" t WHERE t."id" = %s AND t."case_id" = %s'
    )


def access_task(user: Any, case: Case, task_id: int) -> Task:
    """A task of a case already loaded through ``access_case``, with the head of its audit chain and whether other
    tasks of its step are still open (a completion can then write optimistically, see ``services``)."""
    row = sqlbatch.fetch_one(_task_sql(), [TASK_CHAIN, Task.State.OPEN.value, task_id, case.pk])
    if row is None:
        raise NotFound(gettext("办理环节不存在"), code="task_not_found")
    (task,), (head, others_open) = sqlbatch.split(row, Task)
    return as_read(task, case, head, others_open)
