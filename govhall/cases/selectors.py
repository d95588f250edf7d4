"""Reads of cases that feed the staff pages: the intake, the approver's inbox, the case page, the search."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils.translation import gettext

from govhall.cases import clock, lights
from govhall.cases.access import OTHERS_OPEN, TASK_CHAIN, Reach, as_read, case_reach
from govhall.cases.models import OPEN_STATUSES, WINDOW_STATUSES, Case, CaseEvent, Notice, Status, Task
from govhall.cases.transitions import TRANSITIONS
from govhall.catalog.models import CaseType, ItemVersion, ServiceItem
from govhall.catalog.search import looks_like_pinyin
from govhall.catalog.selectors import SearchHit, public_versions, published_version, search_versions
from govhall.core import audit, sqlbatch, workdays
from govhall.core.errors import NotFound, Problem, ValidationFailed
from govhall.core.workdays import OutOfRange, WorkCalendar
from govhall.org.access import roles_of, staff_of
from govhall.org.models import Center, Department, Role, StaffProfile, Window

INBOX_ROLES = (Role.APPROVER, Role.CHIEF_REPRESENTATIVE)


# --- the clock as a page shows it -------------------------------------------------------------------
@dataclass(frozen=True)
class CaseClock:
    """The light and the working days left on a deadline; None when no clock runs. ``kind``: which deadline —
    "decision" (the promised one), "delivery" (Art. 44: a licence granted, not yet delivered) or "notice" (Art. 32:
    the last day to ask for 补正, else the case is deemed accepted)."""

    light: clock.Light | None
    remaining: int | None
    kind: str = "decision"

    @property
    def overdue(self) -> bool:
        return self.light is clock.Light.RED

    @property
    def overdue_days(self) -> int:
        """Working days past the deadline (0 while in time)."""
        return max(-(self.remaining or 0), 0)


NO_CLOCK = CaseClock(None, None)


def case_clock(
    case: Case,
    *,
    today: datetime.date,
    cal: WorkCalendar | None = None,
    rule: clock.LightRule | None = None,
) -> CaseClock:
    if case.status not in OPEN_STATUSES or case.promised_deadline is None:
        return NO_CLOCK
    return _clock_to(case.promised_deadline, case.promised_limit, "decision", today, cal, rule)


def _clock_to(
    due: datetime.date, limit: int, kind: str, today: datetime.date, cal: WorkCalendar | None, rule: Any
) -> CaseClock:
    cal = cal or workdays.get_calendar()
    try:
        light = clock.light(cal, due=due, today=today, limit=limit, rule=rule or clock.LightRule.default())
        return CaseClock(light, clock.remaining_working_days(cal, due, today), kind)
    except OutOfRange:
        return NO_CLOCK


def delivery_clock(
    case: Case, *, today: datetime.date, cal: WorkCalendar | None = None, rule: clock.LightRule | None = None
) -> CaseClock:
    """The Art. 44 clock of a licence granted and not yet delivered (10 working days from the decision)."""
    if case.status not in (Status.APPROVED, Status.CERTIFIED) or case.delivery_deadline is None:
        return NO_CLOCK
    return _clock_to(case.delivery_deadline, clock.DELIVERY_DAYS, "delivery", today, cal, rule)


# --- the window's work list ----------------------------------------------------------------------------
@dataclass(frozen=True)
class WindowTab:
    key: str
    statuses: tuple[Status, ...]


WINDOW_TABS = (
    WindowTab("intake", (Status.SUBMITTED,)),  # accept, ask for 补正 or refuse (Art. 32: within 5 working days)
    WindowTab("supplement", (Status.SUPPLEMENT,)),  # waiting for the applicant's 补正
    WindowTab("result", (Status.APPROVED, Status.CERTIFIED, Status.DENIED)),  # make the certificate, deliver
    WindowTab("close", (Status.DELIVERED,)),  # delivered: close
)
WINDOW_LIMIT = 200


@dataclass(frozen=True)
class WindowRow:
    case: Case
    due: datetime.date | None  # the day the law gives the window until (Art. 32 or Art. 44), if any
    clock: CaseClock
    doable: str | None = None  # the next action if the viewer's roles may take it (a supervisor only looks)

    @property
    def next_action(self) -> str:
        """What the window does next: accept, wait for 补正, certify, deliver or close."""
        if self.case.status == Status.APPROVED and self.case.item_version.issues_certificate:
            return "certify"
        return {
            Status.SUBMITTED: "accept",
            Status.SUPPLEMENT: "await",
            Status.DELIVERED: "close",
        }.get(Status(self.case.status), "deliver")


def _window_cases(user: Any, statuses: Sequence[Status]) -> QuerySet[Case]:
    """The cases the user reads (``case_reach``) received at the centers whose windows he works or oversees: his
    own, or a manager's or supervisor's (his and those below). An approver reads his department's cases anywhere,
    but only his own center's wait at his windows."""
    reach = case_reach(user)
    centers = reach.centers if reach.centers is not None else {reach.center}
    return Case.objects.filter(reach.q(), status__in=statuses, receiving_center_id__in=centers)


def window_counts(user: Any) -> dict[str, int]:
    """How many cases wait in each tab of the window's work list (one query)."""
    per_status = dict(
        _window_cases(user, WINDOW_STATUSES).values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    return {t.key: sum(per_status.get(s.value, 0) for s in t.statuses) for t in WINDOW_TABS}


def window_work(user: Any, *, tab: str, today: datetime.date) -> list[WindowRow]:
    """The center's cases waiting at its windows (in the user's departments), the nearest legal deadline first:
    a 补正 to be asked for within 5 working days of receipt (Art. 32), a licence to deliver within 10 working days
    of its decision (Art. 44)."""
    chosen = next((t for t in WINDOW_TABS if t.key == tab), WINDOW_TABS[0])
    cases = _window_cases(user, chosen.statuses).select_related("item_version", "deciding_department")
    if chosen.key == "intake":
        asked = CaseEvent.objects.filter(case=OuterRef("pk"), action="supplement_requested")
        # Resubmitted after a 补正 (asked) have no Art. 32 day: after those that do.
        cases = cases.annotate(asked=Exists(asked)).order_by("asked", "received_on", "pk")
    elif chosen.key == "result":
        cases = cases.order_by(F("delivery_deadline").asc(nulls_last=True), "decided_on", "pk")
    elif chosen.key == "close":
        cases = cases.order_by("delivered_on", "pk")
    else:
        cases = cases.order_by("received_on", "pk")
    cal = workdays.get_calendar()
    rule = clock.LightRule.default()
    held = roles_of(user)
    rows = []
    for case in cases[:WINDOW_LIMIT]:
        due, shown = None, NO_CLOCK
        if chosen.key == "intake" and not getattr(case, "asked", False):
            # Resubmitted after a 补正 (asked): the rule of Art. 32 was met by the notice; no deemed acceptance.
            due = clock.supplement_notice_due(cal, case.received_on).date
            shown = _clock_to(due, clock.SUPPLEMENT_NOTICE_DAYS, "notice", today, cal, rule)
        elif chosen.key == "result" and case.delivery_deadline is not None:
            due, shown = case.delivery_deadline, delivery_clock(case, today=today, cal=cal, rule=rule)
        row = WindowRow(case, due, shown)
        move = TRANSITIONS.get((Status(case.status), row.next_action))
        rows.append(replace(row, doable=row.next_action if move and acting_role(move.roles, held) else None))
    return rows


# --- intake -----------------------------------------------------------------------------------------
def _scoped(qs: QuerySet[Any], scope: set[int] | None, field: str) -> QuerySet[Any]:
    return qs if scope is None else qs.filter(**{f"{field}__in": scope})


def intake_versions(scope: set[int] | None) -> QuerySet[ItemVersion]:
    """Current versions of published items of the departments a clerk accepts for."""
    return _scoped(public_versions().filter(item__status=ServiceItem.Status.PUBLISHED), scope, "item__department_id")


def intake_search(query: str, scope: set[int] | None, limit: int = 12) -> list[SearchHit]:
    """Keyword or pinyin search over the items a clerk may accept."""
    return search_versions(query, base=intake_versions(scope), limit=limit)


def intake_item(item_id: int, scope: set[int] | None) -> ItemVersion | None:
    """The current version of an item the clerk may accept, with its checklist."""
    return (
        intake_versions(scope)
        .filter(item_id=item_id)
        .prefetch_related("materials", "special_procedures", "steps")
        .first()
    )


def previous_applicants(id_number: str, reach: Reach, limit: int = 5) -> list[Case]:
    """Earlier cases of the same ID number (matched exactly) that the clerk may read, newest first, one per
    applicant name."""
    number = (id_number or "").strip().upper()
    if not number:
        return []
    cases = Case.objects.filter(reach.q(), applicant_id_number=number)
    seen: set[str] = set()
    found: list[Case] = []
    for case in cases.select_related("item_version").order_by("-received_on", "-pk")[: limit * 4]:
        if case.applicant_name not in seen:
            seen.add(case.applicant_name)
            found.append(case)
    return found[:limit]


# --- the approver's inbox -------------------------------------------------------------------------------
@dataclass(frozen=True)
class InboxRow:
    task: Task
    clock: CaseClock
    step_overrun: bool

    @property
    def case(self) -> Case:
        return self.task.case


def _inbox_tasks(user: Any, tab: str) -> QuerySet[Task]:
    open_tasks = Task.objects.filter(state=Task.State.OPEN)
    if tab == "pool":
        profile = staff_of(user)
        held = roles_of(user)
        roles = {r for r in INBOX_ROLES if r in held}
        if Role.CHIEF_REPRESENTATIVE in roles:
            roles.add(Role.APPROVER)  # a chief representative may do an approver's step
        if profile is None or profile.department_id is None or not roles:
            return open_tasks.none()
        tasks = open_tasks.filter(assignee__isnull=True, department_id=profile.department_id, role__in=roles)
    else:
        tasks = open_tasks.filter(Q(assignee=user) | Q(delegate=user))  # 委托: a delegate works on it too
    return tasks.select_related("case", "case__item_version", "case__deciding_department").order_by(
        "case__promised_deadline", "due_on", "pk"
    )


def inbox(user: Any, *, tab: str, today: datetime.date) -> list[InboxRow]:
    """My tasks (``mine``) or my department's unclaimed tasks for my roles (``pool``), most urgent first."""
    cal = workdays.get_calendar()
    rule = clock.LightRule.default()
    return [
        InboxRow(task, case_clock(task.case, today=today, cal=cal, rule=rule), today > task.due_on)
        for task in _inbox_tasks(user, tab)
    ]


def inbox_counts(user: Any) -> dict[str, int]:
    return {tab: _inbox_tasks(user, tab).count() for tab in ("mine", "pool")}


# --- the case page ------------------------------------------------------------------------------------
@dataclass
class CaseRecord:
    """Everything the case page shows, loaded in a fixed number of queries."""

    case: Case
    materials: list[Any]
    tasks: list[Task]
    suspensions: list[Any]
    extensions: list[Any]
    events: list[CaseEvent]
    special_procedures: list[Any]
    steps: list[Any]
    notices: list[Any]

    @property
    def open_tasks(self) -> list[Task]:
        return [t for t in self.tasks if t.state == Task.State.OPEN]


def _notices(case: Case) -> list[Any]:
    return list(case.notices.order_by("issued_on", "pk"))


def case_notice(case: Case, notice_id: int) -> Notice | None:
    return case.notices.filter(pk=notice_id).first()


def case_record(case: Case) -> CaseRecord:
    version = case.item_version
    return CaseRecord(
        case=case,
        materials=list(case.materials.select_related("material").all()),
        tasks=list(
            case.tasks.select_related("assignee", "delegate", "finished_by", "department").order_by(
                "step_position", "pk"
            )
        ),
        suspensions=list(case.suspensions.order_by("started_on", "pk")),
        extensions=list(case.extensions.select_related("approved_by").order_by("pk")),
        events=list(case.events.select_related("actor").order_by("at", "pk")),
        special_procedures=list(version.special_procedures.all()),
        steps=list(version.steps.all()),
        notices=_notices(case),
    )


CASE_ACTIONS = (
    "resubmit",
    "accept",
    "request_supplement",
    "refuse",
    "suspend",
    "resume",
    "extend",
    "approve",
    "deny",
    "certify",
    "deliver",
    "close",
    "archive",
    "withdraw",
)
# When a user holds several roles, the one he acts in: the most authorised first.
ROLE_PREFERENCE = (Role.CHIEF_REPRESENTATIVE, Role.WINDOW_CLERK, Role.APPROVER, Role.CENTER_MANAGER)


def acting_role(allowed: Iterable[str], held: frozenset[str]) -> str | None:
    allowed = set(allowed)
    return next((r for r in ROLE_PREFERENCE if r in allowed and r in held), None)


def allowed_case_actions(record: CaseRecord, held: frozenset[str]) -> list[str]:
    """Actions the transition table allows from the case's status for one of ``held`` roles (the page shows these)."""
    case = record.case
    steps_open = any(t.role != Role.CHIEF_REPRESENTATIVE for t in record.open_tasks)
    found = []
    for action in CASE_ACTIONS:
        move = TRANSITIONS.get((Status(case.status), action))
        role = acting_role(move.roles, held) if move is not None else None
        if role is None:
            continue
        if action in ("approve", "deny") and role != Role.CHIEF_REPRESENTATIVE:
            # A clerk decides only a 即办件 on the spot (decide_case).
            if action == "deny" or case.item_version.case_type != CaseType.IMMEDIATE:
                continue
        elif action in ("approve", "deny") and steps_open:
            continue
        if action == "suspend" and not record.special_procedures:
            continue
        # 补正 is told once, with the complete list (Art. 32): a case back from it is accepted or refused.
        if action == "request_supplement" and any(e.action == "supplement_requested" for e in record.events):
            continue
        # 制证 where the result is a licence or an approval document; otherwise the decision is delivered as it is.
        if action == "certify" and not case.item_version.issues_certificate:
            continue
        if action == "deliver" and case.status == Status.APPROVED and case.item_version.issues_certificate:
            continue
        if action == "extend" and record.extensions:
            continue
        found.append(action)
    return found


def task_role(task: Task, held: frozenset[str]) -> str | None:
    """The role in which a user may work on ``task`` (a chief representative may do an approver's step)."""
    if task.role in held:
        return str(task.role)
    if task.role == Role.APPROVER and Role.CHIEF_REPRESENTATIVE in held:
        return str(Role.CHIEF_REPRESENTATIVE)
    return None


def transfer_candidates(task: Task) -> QuerySet[StaffProfile]:
    """Active colleagues of the task's department holding its role (or a chief representative for an approver's
    step)."""
    roles = [task.role] + ([Role.CHIEF_REPRESENTATIVE] if task.role == Role.APPROVER else [])
    return (
        StaffProfile.objects.filter(department_id=task.department_id, roles__role__in=roles, user__is_active=True)
        .select_related("user")
        .distinct()
        .order_by("user__username")
    )


# --- the manager's search ------------------------------------------------------------------------------
DELIVERY_FILTERS = ("pending", "late")


@dataclass(frozen=True)
class CaseFilters:
    receipt_number: str = ""
    applicant: str = ""
    item: str = ""
    department_id: int | None = None
    status: str = ""
    light: str = ""
    delivery: str = ""  # "pending": a licence granted awaiting delivery; "late": past its Art. 44 deadline
    received_from: datetime.date | None = None
    received_to: datetime.date | None = None


def search_cases(reach: Reach | None, filters: CaseFilters, *, today: datetime.date) -> QuerySet[Case]:
    """Cases the user reaches (``access.case_reach``; None: all) matching every given filter, newest first.
    Applicant name or ID matched exactly."""
    cases = Case.objects.all() if reach is None else Case.objects.filter(reach.q())
    f = filters
    if f.receipt_number.strip():
        cases = cases.filter(receipt_number__icontains=f.receipt_number.strip())
    if f.applicant.strip():
        who = f.applicant.strip()
        cases = cases.filter(Q(applicant_name=who) | Q(applicant_id_number=who.upper()))
    if f.item.strip():
        word = f.item.strip()
        named = Q(item_version__name__icontains=word) | Q(item__code__iexact=word)
        if looks_like_pinyin(word):  # spjy, shipin: as the intake's item search takes them
            q = word.lower()
            named |= Q(item_version__pinyin_initials__contains=q) | Q(item_version__pinyin_full__contains=q)
        cases = cases.filter(named)
    if f.department_id is not None:
        cases = cases.filter(deciding_department_id=f.department_id)
    if f.status:
        cases = cases.filter(status=f.status)
    if f.received_from is not None:
        cases = cases.filter(received_on__gte=f.received_from)
    if f.received_to is not None:
        cases = cases.filter(received_on__lte=f.received_to)
    if f.delivery in DELIVERY_FILTERS:
        awaiting = Q(status__in=[Status.APPROVED, Status.CERTIFIED], delivery_deadline__isnull=False)
        if f.delivery == "pending":
            cases = cases.filter(awaiting)
        else:  # not delivered by the deadline: still waiting past it, or delivered after it
            cases = cases.filter(
                (awaiting & Q(delivery_deadline__lt=today)) | Q(delivered_on__gt=F("delivery_deadline"))
            )
    if f.light in clock.Light.__members__.values():
        # The one SQL form of the lights (with per-item thresholds), the same answer as clock.light.
        cases = lights.with_lights(cases, today=today).filter(**{"light": f.light})
    return cases.select_related("item_version", "deciding_department").order_by("-received_on", "-pk")


@dataclass(frozen=True)
class CaseRow:
    case: Case
    clock: CaseClock


def case_rows(cases: Sequence[Case] | Iterable[Case], *, today: datetime.date) -> list[CaseRow]:
    cal = workdays.get_calendar()
    rule = clock.LightRule.default()
    return [CaseRow(c, case_clock(c, today=today, cal=cal, rule=rule)) for c in cases]


def search_departments(scope: set[int] | None) -> QuerySet[Department]:
    return _scoped(Department.objects.all(), scope, "pk").order_by("code")


# --- the API ---------------------------------------------------------------------------------------
def query_cases(
    reach: Reach | None, filters: CaseFilters, *, department_code: str = "", today: datetime.date
) -> QuerySet[Case]:
    """``search_cases`` for API clients, who name departments by code; rows carry what a summary shows."""
    cases = search_cases(reach, filters, today=today)
    if department_code:
        cases = cases.filter(deciding_department__code=department_code)
    return cases.select_related("item", "receiving_center")


@functools.cache
def _task_sql() -> str:
    return (
        f'SELECT {sqlbatch.columns(Task, "t")}, {sqlbatch.columns(Case, "k")}, v."created_at", '
        f"{audit.head_sql(column=_T_ID)}, {OTHERS_OPEN} "
        f'FROM "{Task._meta.db_table}" t JOIN "{Case._meta.db_table}" k ON k."id" = t."case_id" '
        f'JOIN "{ItemVersion._meta.db_table}" v ON v."id" = k."item_version_id" WHERE t."id" = %s'
    )


_T_ID = 't."id"'


def task_by_id(task_id: int) -> Task:
    """A task by id with its case, read together by one hand-written statement; who may act on it is the service's
    question (role and department scope). The head of the task's audit chain and whether other tasks of its step
    are still open come along, so a completion can write optimistically, in one round trip (``services``)."""
    row = sqlbatch.fetch_one(_task_sql(), [TASK_CHAIN, Task.State.OPEN.value, task_id])
    if row is None:
        raise NotFound(gettext("办理环节不存在"), code="task_not_found")
    (task, case), (version_created_at, head, others_open) = sqlbatch.split(row, Task, Case)
    case.item_version = published_version(case.item_version_id, sqlbatch.to_datetime(version_created_at))
    return as_read(task, case, head, others_open)


@functools.cache
def _intake_sql() -> str:
    return (
        f"SELECT {sqlbatch.columns(ServiceItem, 'i')}, {sqlbatch.columns(ItemVersion, 'v')}, "
        f"{sqlbatch.columns(Department, 'd')}, {sqlbatch.columns(Center, 'c')} "
        f'FROM (SELECT 1 AS "one") x '
        f'LEFT JOIN "{ServiceItem._meta.db_table}" i ON i."code" = %s '
        f'LEFT JOIN "{ItemVersion._meta.db_table}" v ON v."id" = i."current_version_id" '
        f'LEFT JOIN "{Department._meta.db_table}" d ON d."id" = i."department_id" '
        f'LEFT JOIN "{Center._meta.db_table}" c ON c."code" = %s'
    )


def intake_targets(
    *, item_code: str, center_code: str, window_number: str | None
) -> tuple[ServiceItem, Center, Window | None]:
    """The item (with its current version and department) and the center an application names, read afresh (an
    item may be suspended at any time) by one hand-written statement: every intake asks. Then the window, if it
    names one. Unknown ones are the caller's input error."""
    problems: list[Problem] = []
    row = sqlbatch.fetch_one(_intake_sql(), [item_code, center_code])
    assert row is not None  # the one-row FROM always gives a row
    (item, version, department, center), _rest = sqlbatch.split(row, ServiceItem, ItemVersion, Department, Center)
    if item is None:
        problems.append(
            Problem(gettext("事项「%(code)s」不存在") % {"code": item_code}, code="unknown_item", field="item_code")
        )
    else:
        ServiceItem.current_version.field.set_cached_value(item, version)
        ServiceItem.department.field.set_cached_value(item, department)
    if center is None:
        problems.append(
            Problem(
                gettext("中心「%(code)s」不存在") % {"code": center_code}, code="unknown_center", field="center_code"
            )
        )
    window = None
    if center is not None and window_number:
        window = Window.objects.filter(center=center, number=window_number).first()
        if window is None:
            problems.append(
                Problem(
                    gettext("窗口「%(number)s」不存在") % {"number": window_number},
                    code="unknown_window",
                    field="window_number",
                )
            )
    if problems:
        raise ValidationFailed(problems)
    assert item is not None and center is not None
    return item, center, window
