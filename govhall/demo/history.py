"""A year of demo history: closed cases with a realistic mix, and today's open cases in every light.

Written with bulk_create, not case by case through the services (50,000 cases would take minutes), but
with what the services would have left: receipt numbers continuing the ReceiptCounter rows, the clock
fields from govhall.cases.clock, a CaseEvent for every status change, the review tasks, materials,
suspensions and extensions. One audit entry (``demo.history.loaded``) records the load and makes it
idempotent. Deterministic for a given seed and day.
"""

from __future__ import annotations

import datetime
import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from stdnum.cn import ric

from govhall.accounts.models import User
from govhall.cases import clock
from govhall.cases.models import (
    Case,
    CaseEvent,
    CaseMaterial,
    Channel,
    DeliveryMethod,
    Extension,
    ReceiptCounter,
    Status,
    Suspension,
    Task,
)
from govhall.cases.services import delivery_record
from govhall.catalog.models import CaseType, ItemType, ItemVersion, ProcessStep, ServiceItem, SpecialProcedure
from govhall.core import audit, workdays
from govhall.core.actors import system_actor
from govhall.core.models import AuditEntry
from govhall.org.models import Center, Role, StaffRole, Window

HISTORY_CASES = 50_000
SEED = 2026
MARKER = "demo.history.loaded"
ONE_DAY = datetime.timedelta(days=1)

# Outcome mix of finished cases (weights); suspension, extension and supplement are drawn on top.
OUTCOMES = {"early": 40, "on_time": 42, "overdue": 6, "denied": 3, "refused": 4, "withdrawn": 5}
CHANNELS = {Channel.WINDOW: 50, Channel.ONLINE: 35, Channel.KIOSK: 5, Channel.AGENT: 4, Channel.VILLAGE: 6}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂"
TRADES = ["餐饮", "商贸", "建筑", "农业", "运输", "科技", "文化", "药房", "超市", "茶叶"]


@dataclass
class _Version:
    item: ServiceItem
    version: ItemVersion
    steps: list[ProcessStep]
    procedures: list[SpecialProcedure]
    material_ids: list[tuple[int, str, str]]


@dataclass
class _Plan:
    case: Case
    events: list[CaseEvent] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    suspensions: list[Suspension] = field(default_factory=list)
    extensions: list[Extension] = field(default_factory=list)
    outcome: str = ""


class _Staff:
    """Demo users by role, preferring the case's own department."""

    def __init__(self) -> None:
        self.by_role: dict[str, dict[int | None, list[User]]] = {}
        users = {u.pk: u for u in User.objects.all()}
        for role, user_id, dept_id in StaffRole.objects.values_list("role", "profile__user_id", "profile__department"):
            self.by_role.setdefault(role, {}).setdefault(dept_id, []).append(users[user_id])

    def pick(self, rng: random.Random, role: str, department_id: int) -> User | None:
        pools = self.by_role.get(role, {})
        pool = pools.get(department_id) or [u for users in pools.values() for u in users]
        return rng.choice(pool) if pool else None


def _versions() -> list[_Version]:
    out = []
    items = ServiceItem.objects.filter(status=ServiceItem.Status.PUBLISHED, current_version__isnull=False)
    for item in items.select_related("current_version", "department").order_by("code"):
        version = item.current_version
        assert version is not None
        out.append(
            _Version(
                item=item,
                version=version,
                steps=[s for s in version.steps.all() if s.role != Role.WINDOW_CLERK],
                procedures=list(version.special_procedures.all()),
                material_ids=[(m.pk, m.name, m.form) for m in version.materials.all()],
            )
        )
    return out


# Applicants' resident IDs: the demo county's own code (519901) is fictitious and python-stdnum refuses it, so a real
# county code that is valid for every birth year drawn (python-stdnum checks the code against the birth date).
ID_AREA = "510122"


def resident_id(born: datetime.date, sequence: int) -> str:
    """A valid resident ID (GB 11643) born on ``born``; ``sequence`` odd for a man, even for a woman."""
    body = f"{ID_AREA}{born:%Y%m%d}{sequence:03d}"
    return body + ric.calc_check_digit(body + "0")  # stdnum computes it over an 18-character number, the last ignored


def _resident_id(rng: random.Random) -> str:
    born = datetime.date(1950, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 55))
    return resident_id(born, rng.randrange(1000))


class _History:
    def __init__(self, rng: random.Random, today: datetime.date) -> None:
        self.rng = rng
        self.today = today
        self.cal = workdays.get_calendar()
        self.staff = _Staff()
        self.tz = timezone.get_current_timezone()
        self.centers = list(Center.objects.order_by("code"))
        self.county = next((c for c in self.centers if c.level == Center.Level.COUNTY), self.centers[0])
        self.villages = [c for c in self.centers if c.level != Center.Level.COUNTY] or [self.county]
        self.windows: dict[int, list[Window]] = {}
        for window in Window.objects.filter(center=self.county).prefetch_related("departments"):
            for dept in window.departments.all():
                self.windows.setdefault(dept.pk, []).append(window)

    # --- small helpers ------------------------------------------------------------------------
    def at(self, day: datetime.date) -> datetime.datetime:
        minute = self.rng.randrange(9 * 60, 17 * 60)
        return datetime.datetime.combine(day, datetime.time(minute // 60, minute % 60), tzinfo=self.tz)

    def later(self, day: datetime.date, n: int) -> datetime.date:
        return self.cal.add_working_days(day, max(n, 0)).date

    def before(self, day: datetime.date, n: int) -> datetime.date:
        """The working day ``n`` working days before ``day``."""
        target = self.cal.ordinal(day) - n
        probe = day
        while not (self.cal.ordinal(probe) == target and self.cal.is_workday(probe)):
            probe -= ONE_DAY
        return probe

    def move(self, plan: _Plan, day: datetime.date, action: str, to: str, role: str, **extra: Any) -> bool:
        """Record one status change, unless it lies after today (then the case stays where it is)."""
        if day > self.today:
            return False
        case = plan.case
        at = self.at(day)
        if plan.events and at <= plan.events[-1].at:  # same-day steps keep their order on the timeline
            at = plan.events[-1].at + datetime.timedelta(minutes=self.rng.randint(1, 20))
        actor = None if role == "applicant" else self.staff.pick(self.rng, role, case.deciding_department_id)
        plan.events.append(
            CaseEvent(
                case=case,
                action=action,
                from_status=case.status if plan.events else "",
                to_status=to,
                actor=actor,
                actor_role=role,
                at=at,
                note=extra.pop("note", ""),
                data=audit.jsonable(extra),
            )
        )
        case.status = to
        case.revision += 1
        return True

    def clock_fields(self, case: Case, pauses: list[clock.Pause], on: datetime.date) -> None:
        assert case.accepted_on is not None
        unit = workdays.LimitUnit(case.limit_unit)
        promised, legal = (
            clock.deadline(
                self.cal,
                start=case.accepted_on,
                limit=limit,
                unit=unit,
                pauses=pauses,
                extension_days=case.extension_days,
                today=on,
            )
            for limit in (case.promised_limit, case.legal_limit)
        )
        natural = unit if unit is not workdays.LimitUnit.HOURS else workdays.LimitUnit.NATURAL_DAYS
        case.paused_days = clock.paused_days(self.cal, pauses, natural, on)
        case.promised_deadline, case.legal_deadline = promised.date, legal.date
        case.deadline_provisional = promised.provisional or legal.provisional

    # --- one case -------------------------------------------------------------------------------
    def new_case(self, v: _Version, received: datetime.date) -> Case:
        rng = self.rng
        channel = rng.choices(list(CHANNELS), weights=list(CHANNELS.values()))[0]
        center = rng.choice(self.villages) if channel == Channel.VILLAGE else self.county
        window = None
        if channel == Channel.WINDOW and self.windows.get(v.item.department_id):
            window = rng.choice(self.windows[v.item.department_id])
        person = rng.random() < 0.6
        name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))
        return Case(
            item=v.item,
            item_version=v.version,
            channel=channel,
            receiving_center=center,
            deciding_department_id=v.item.department_id,
            window=window,
            status="",
            applicant_kind="person" if person else "enterprise",
            applicant_name=name if person else f"清川县{name}{rng.choice(TRADES)}有限公司",
            applicant_id_kind="resident_id",
            applicant_id_number=_resident_id(rng),
            applicant_phone=f"1{rng.choice('3589')}{rng.randrange(10**9):09d}",
            received_on=received,
            limit_unit=v.version.promised_limit_unit,
            legal_limit=v.version.legal_limit,
            promised_limit=v.version.promised_limit,
        )

    def plan(self, v: _Version, received: datetime.date, outcome: str, stay_open: bool = False) -> _Plan:
        rng, case = self.rng, self.new_case(v, received)
        plan = _Plan(case=case, outcome=outcome)
        intake_role = "applicant" if case.channel == Channel.ONLINE else Role.WINDOW_CLERK
        self.move(plan, received, "submitted", Status.SUBMITTED, intake_role, channel=case.channel)
        day = received
        if outcome == "refused":
            day = self.later(received, rng.choice((0, 0, 1)))
            if self.move(plan, day, "refused", Status.REFUSED, Role.WINDOW_CLERK, note="不符合受理条件"):
                case.closed_on = day
            return plan
        extras = not stay_open  # today's open cases keep the light they were made for
        if extras and rng.random() < 0.08:  # 一次性告知补正, then the applicant comes back
            self.move(plan, day, "supplement_requested", Status.SUPPLEMENT, Role.WINDOW_CLERK, missing=["身份证明"])
            day = self.later(day, rng.randint(1, 5))
            if not self.move(plan, day, "resubmitted", Status.SUBMITTED, Role.WINDOW_CLERK):
                return plan
        if not self.move(plan, day, "accepted", Status.IN_REVIEW, Role.WINDOW_CLERK):
            return plan
        case.accepted_on = day
        self.clock_fields(case, [], day)
        immediate = v.version.case_type == CaseType.IMMEDIATE or case.promised_limit == 0
        assert case.promised_deadline is not None
        limit = max(self.cal.working_days_between(day, case.promised_deadline), 0)
        pauses: list[clock.Pause] = []

        if outcome == "withdrawn":
            day = self.later(day, rng.randint(0, max(limit // 2, 1)))
            self.open_task(plan, v, 0, case.accepted_on)
            if self.move(plan, day, "withdrawn", Status.WITHDRAWN, Role.WINDOW_CLERK, note="申请人撤回申请"):
                case.closed_on = day
                for task in plan.tasks:
                    task.state, task.finished_at = Task.State.CANCELLED, self.at(day)
            return plan

        if extras and not immediate and v.procedures and rng.random() < 0.08:
            procedure = v.procedures[0]
            start = self.later(day, rng.randint(1, max(limit // 2, 1)))
            end = self.later(start, rng.randint(2, 10))
            if self.move(plan, start, "suspended", Status.SUSPENDED, Role.APPROVER, procedure=procedure.name):
                resumed = end if end <= self.today else None
                plan.suspensions.append(
                    Suspension(
                        case=case,
                        name=procedure.name,
                        stops_clock=procedure.stops_clock,
                        expected_duration=procedure.duration,
                        legal_basis=procedure.legal_basis,
                        started_on=start,
                        resumed_on=resumed,
                        reason="需要现场核查",
                    )
                )
                if procedure.stops_clock:
                    pauses.append(clock.Pause(start, resumed))
                self.clock_fields(case, pauses, min(end, self.today))
                if resumed is None:
                    self.open_task(plan, v, 0, case.accepted_on)
                    return plan
                self.move(plan, end, "resumed", Status.IN_REVIEW, Role.APPROVER, procedure=procedure.name)

        extension_allowed = v.version.extension_days
        if extras and not immediate and extension_allowed and rng.random() < 0.05:
            on = self.later(case.accepted_on, max(limit - 2, 1))
            days = min(10, extension_allowed)
            approver = self.staff.pick(rng, Role.CHIEF_REPRESENTATIVE, case.deciding_department_id)
            if approver is not None and self.move(plan, on, "extended", Status.IN_REVIEW, Role.CHIEF_REPRESENTATIVE):
                case.extension_days = days
                plan.extensions.append(
                    Extension(case=case, days=days, reason="情况复杂", approved_by=approver, approved_on=on)
                )
                self.clock_fields(case, pauses, on)
                plan.events[-1].data = audit.jsonable({"days": days, "promised_deadline": case.promised_deadline})

        assert case.promised_deadline is not None
        due = case.promised_deadline
        span = max(self.cal.working_days_between(case.accepted_on, due), 0)
        if stay_open:
            decided = self.today + datetime.timedelta(days=400)
        elif immediate:
            decided = case.accepted_on
        elif outcome == "overdue":
            decided = self.later(due, rng.randint(1, 5))
        elif outcome == "early":
            decided = self.later(case.accepted_on, int(span * rng.uniform(0.2, 0.65)))
        else:
            decided = self.later(case.accepted_on, max(int(span * rng.uniform(0.7, 1.0)), min(span, 1)))
        decided = max(decided, case.accepted_on)

        # Review steps share the days up to the decision; the last (the chief's) is closed by the decision.
        if not self.review(plan, v, case.accepted_on, decided):
            return plan
        approve = outcome != "denied"
        action = "approved" if approve else "denied"
        decision: dict[str, Any] = {"in_time": decided <= due}
        if approve and v.version.item_type == ItemType.LICENSING:  # Art. 44: delivered within 10 working days
            decision["delivery_deadline"] = self.later(decided, clock.DELIVERY_DAYS)
        status = Status.APPROVED if approve else Status.DENIED
        if not self.move(plan, decided, action, status, Role.CHIEF_REPRESENTATIVE, **decision):
            return plan
        case.decided_on = decided
        case.delivery_deadline = decision.get("delivery_deadline")
        for task in plan.tasks:
            if task.state == Task.State.OPEN:
                task.state, task.finished_at, task.finished_by = Task.State.DONE, self.at(decided), task.assignee
        day = decided
        certify = approve and v.version.issues_certificate
        if certify and not self.move(plan, day, "certified", Status.CERTIFIED, Role.WINDOW_CLERK):
            return plan
        # Most results are collected at once or mailed within days; a few wait for the applicant, a rare one too long.
        waits = (0, 1, 2, rng.randint(3, 9), rng.randint(11, 14))
        wait = 0 if immediate else rng.choices(waits, (30, 30, 20, 15, 5))[0]
        day = self.later(day, wait)
        how = DeliveryMethod.DIRECT if immediate else rng.choices(list(DeliveryMethod), (60, 30, 8, 2))[0]
        number = f"11{rng.randrange(10**10, 10**11)}" if how is DeliveryMethod.POST else ""
        delivery: dict[str, Any] = delivery_record(how, tracking_number=number)
        if case.delivery_deadline is not None:
            delivery["in_time"] = day <= case.delivery_deadline
        if not self.move(plan, day, "delivered", Status.DELIVERED, Role.WINDOW_CLERK, **delivery):
            return plan
        case.delivered_on = day
        # Closed when the proof of service is back: at once at the window, a day or two later by post.
        day = self.later(day, 0 if immediate else rng.choice((0, 0, 0, 1, 2)))
        if not self.move(plan, day, "closed", Status.CLOSED, Role.WINDOW_CLERK):
            return plan
        case.closed_on = day
        archive_on = self.later(day, 40)
        if rng.random() < 0.7:
            self.move(plan, archive_on, "archived", Status.ARCHIVED, Role.WINDOW_CLERK)
        return plan

    def open_task(self, plan: _Plan, v: _Version, index: int, on: datetime.date) -> Task | None:
        if index >= len(v.steps):
            return None
        step, case = v.steps[index], plan.case
        assignee = self.staff.pick(self.rng, step.role, case.deciding_department_id)
        task = Task(
            case=case,
            step_position=step.position,
            step_name=step.name,
            role=step.role,
            department_id=case.deciding_department_id,
            assignee=assignee,
            budget_days=step.budget_days,
            started_on=on,
            due_on=self.later(on, step.budget_days),
        )
        plan.tasks.append(task)
        return task

    def review(self, plan: _Plan, v: _Version, start: datetime.date, decided: datetime.date) -> bool:
        """Complete the review steps before the decision; False when today falls inside them."""
        steps = len(v.steps)
        span = max(self.cal.working_days_between(start, decided), 0)
        day = start
        for index in range(steps):
            task = self.open_task(plan, v, index, day)
            assert task is not None
            if index == steps - 1:
                break  # closed by the decision
            finish = self.later(start, span * (index + 1) // steps)
            if finish > self.today:
                return False
            task.state, task.finished_at, task.finished_by = Task.State.DONE, self.at(finish), task.assignee
            task.opinion = "同意"
            self.move(plan, finish, "task_completed", Status.IN_REVIEW, task.role, note="同意", step=task.step_name)
            plan.events[-1].data["overran"] = finish > task.due_on
            day = finish
        return decided <= self.today


def _received_days(
    rng: random.Random, cal: workdays.WorkCalendar, today: datetime.date, count: int
) -> list[datetime.date]:
    first = today - datetime.timedelta(days=365)
    days = [first + datetime.timedelta(days=k) for k in range(366)]
    # Counters open on working days; online applications also arrive on rest days, fewer of them.
    weights = [10 if cal.is_workday(d) else 1 for d in days]
    return sorted(rng.choices(days, weights=weights, k=count))


@transaction.atomic
def load_history(*, count: int = HISTORY_CASES, seed: int = SEED, today: datetime.date | None = None) -> int:
    """Add a year of cases once; returns how many were added (0 when history is already there)."""
    if count <= 0 or AuditEntry.objects.filter(action=MARKER).exists():
        return 0
    rng = random.Random(seed)
    today = today or timezone.localdate()
    versions = _versions()
    if not versions:
        return 0
    history = _History(rng, today)
    dated = [v for v in versions if v.version.case_type != CaseType.IMMEDIATE and v.version.promised_limit >= 3]
    dated = [v for v in dated if v.version.promised_limit_unit == workdays.LimitUnit.WORKING_DAYS] or versions
    weights = [rng.choice((1, 2, 3, 5, 8, 20)) for _ in versions]  # a few items carry most of the volume

    # Today's open cases, a known share in each light (rule: LightRule.default()).
    rule = clock.LightRule.default()
    opened = max(30, count // 25)
    plans: list[_Plan] = []
    for n in range(opened):
        v = rng.choice(dated)
        limit = v.version.promised_limit
        target = ("green", "green", "green", "yellow", "red")[n % 5]
        if target == "red":
            back = limit + rng.randint(1, 6)
        elif target == "yellow":
            back = limit - rng.randint(0, min(rule.days, limit))
        else:
            back = rng.randint(0, max(limit - rule.days - (rule.percent * limit) // 100 - 1, 0))
        accepted = history.before(today, back)
        plans.append(history.plan(v, accepted, "on_time", stay_open=True))

    for received in _received_days(rng, history.cal, today, count - opened):
        v = rng.choices(versions, weights=weights)[0]
        outcome = rng.choices(list(OUTCOMES), weights=list(OUTCOMES.values()))[0]
        plans.append(history.plan(v, received, outcome))

    _number(plans)
    Case.objects.bulk_create([p.case for p in plans], batch_size=500)
    CaseEvent.objects.bulk_create([e for p in plans for e in p.events], batch_size=2000)
    Task.objects.bulk_create([t for p in plans for t in p.tasks], batch_size=2000)
    Suspension.objects.bulk_create([s for p in plans for s in p.suspensions], batch_size=2000)
    Extension.objects.bulk_create([x for p in plans for x in p.extensions], batch_size=2000)
    by_version = {v.version.pk: v for v in versions}
    CaseMaterial.objects.bulk_create(
        (
            CaseMaterial(case=p.case, material_id=pk, name=name, state=CaseMaterial.State.RECEIVED, form=form)
            for p in plans
            for pk, name, form in by_version[p.case.item_version_id].material_ids
        ),
        batch_size=2000,
    )
    statuses = Counter(p.case.status for p in plans)
    audit.record(
        actor=system_actor("load_demo"),
        action=MARKER,
        obj=("demo.history", seed),
        changes={"cases": len(plans), "today": today, "statuses": dict(sorted(statuses.items()))},
        object_repr=f"演示历史办件 {len(plans)} 件",
    )
    return len(plans)


def _number(plans: list[_Plan]) -> None:
    """Receipt numbers continue each center's daily counter, in receipt order (numbering.py's format)."""
    plans.sort(key=lambda p: (p.case.received_on, p.events[0].at))
    counters = {(c.center_id, c.day): c for c in ReceiptCounter.objects.all()}
    touched: dict[tuple[int, datetime.date], ReceiptCounter] = {}
    for plan in plans:
        case = plan.case
        key = (case.receiving_center.pk, case.received_on)
        counter = counters.get(key) or ReceiptCounter(center_id=key[0], day=key[1], last=0)
        counters[key] = touched[key] = counter
        counter.last += 1
        case.receipt_number = f"{case.receiving_center.code}{case.received_on:%Y%m%d}{counter.last:05d}"
    ReceiptCounter.objects.bulk_create(
        touched.values(),
        update_conflicts=True,
        unique_fields=["center", "day"],
        update_fields=["last"],
        batch_size=1000,
    )
