"""Writes to cases. Every action: one transaction, the case row locked, the transition table applied,
one timeline event and one audit entry."""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import IntegrityError, connections, router, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop

from govhall.cases import clock, notices
from govhall.cases.access import OTHERS_OPEN, as_read
from govhall.cases.models import (
    ApplicantKind,
    Case,
    CaseEvent,
    CaseMaterial,
    Channel,
    DeliveryMethod,
    Extension,
    IdKind,
    Status,
    Suspension,
    Task,
)
from govhall.cases.numbering import next_receipt_number, number_receipt
from govhall.cases.transitions import SYSTEM, Move, move_for
from govhall.catalog.models import CaseType, ItemType, Material, ResultType, ServiceItem
from govhall.catalog.selectors import published_version, version_materials, version_steps
from govhall.core import audit, sqlbatch, workdays
from govhall.core.actors import Actor
from govhall.core.errors import AccessDenied, Conflict, DomainError, NotFound, Problem, ValidationFailed
from govhall.core.identity import accept_credit_code, check_resident_id
from govhall.core.models import AuditEntry
from govhall.org.access import center_scope, in_scope, roles_of, staff_of
from govhall.org.models import Center, Department, Role, Window

T = TypeVar("T")


def today() -> datetime.date:
    return timezone.localdate()


@dataclass(frozen=True)
class Applicant:
    kind: str
    name: str
    id_kind: str
    id_number: str
    phone: str = ""
    address: str = ""
    credit_code_override: str = ""
    agent_name: str = ""
    agent_id_number: str = ""
    agent_phone: str = ""


@dataclass(frozen=True)
class MaterialReceipt:
    material_id: int
    state: str = CaseMaterial.State.RECEIVED
    form: str = Material.Form.ORIGINAL


@dataclass
class Intake:
    item: ServiceItem
    applicant: Applicant
    channel: str = Channel.WINDOW
    center: Center | None = None
    window: Window | None = None
    materials: list[MaterialReceipt] = field(default_factory=list)
    form_data: Mapping[str, Any] = field(default_factory=dict)


# --- helpers -----------------------------------------------------------------------------------
# A landline or mobile number as people write it: digits, an optional leading +, hyphens, spaces, an extension.
PHONE = re.compile(r"\+?[0-9][0-9 \-]{5,18}[0-9](?:[#,转][0-9]{1,6})?")
# An ID kind a kind of applicant cannot hold: a person has no credit code, an organisation no identity card.
_WRONG_ID_KIND: dict[str, dict[str, str]] = {
    ApplicantKind.PERSON: {IdKind.CREDIT_CODE: gettext_noop("自然人应使用居民身份证、护照或其他个人证件")},
    ApplicantKind.ENTERPRISE: {
        IdKind.RESIDENT_ID: gettext_noop("法人或其他组织应使用统一社会信用代码"),
        IdKind.PASSPORT: gettext_noop("法人或其他组织应使用统一社会信用代码"),
    },
}


def _visible(text: str) -> str:
    """``text`` without spaces and invisible characters (controls, zero-width and direction marks)."""
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf"))


def _check_applicant(applicant: Applicant) -> tuple[str, list[Problem]]:
    problems: list[Problem] = []
    number = applicant.id_number.strip().upper()
    if applicant.kind not in ApplicantKind.values:
        problems.append(Problem(gettext("申请人类型无效"), code="invalid_choice", field="applicant.kind"))
    if not _visible(applicant.name):
        problems.append(Problem(gettext("请填写申请人名称"), code="required", field="applicant.name"))
    if applicant.id_kind not in IdKind.values:
        problems.append(Problem(gettext("证件类型无效"), code="invalid_choice", field="applicant.id_kind"))
    elif wrong := _WRONG_ID_KIND.get(applicant.kind, {}).get(applicant.id_kind):
        problems.append(Problem(gettext(wrong), code="id_kind_mismatch", field="applicant.id_kind"))
    elif not _visible(number):
        problems.append(Problem(gettext("请填写证件号码"), code="required", field="applicant.id_number"))
    else:
        try:
            if applicant.id_kind == IdKind.RESIDENT_ID:
                number = check_resident_id(number, field="applicant.id_number")
            elif applicant.id_kind == IdKind.CREDIT_CODE:
                override = applicant.credit_code_override
                number = accept_credit_code(number, override_reason=override, field="applicant.id_number").number
        except DomainError as exc:
            problems.append(Problem(exc.message, code=exc.code, field=exc.field))
    for phone, name in ((applicant.phone, "applicant.phone"), (applicant.agent_phone, "applicant.agent_phone")):
        if phone.strip() and not PHONE.fullmatch(phone.strip()):
            problems.append(Problem(gettext("电话号码格式不正确"), code="invalid_phone", field=name))
    agent = (applicant.agent_name, applicant.agent_id_number, applicant.agent_phone)
    if any(a.strip() for a in agent):
        if not _visible(applicant.agent_name):
            problems.append(Problem(gettext("请填写代理人姓名"), code="required", field="applicant.agent_name"))
        if not applicant.agent_id_number.strip():
            problems.append(
                Problem(gettext("请填写代理人身份证号码"), code="required", field="applicant.agent_id_number")
            )
        else:
            try:
                check_resident_id(applicant.agent_id_number, field="applicant.agent_id_number")
            except DomainError as exc:
                problems.append(Problem(exc.message, code=exc.code, field=exc.field))
    return number, problems


# The case fields an action may change: written together with the action's event and audit entry.
_STATE_FIELDS = (
    "status",
    "revision",
    "accepted_on",
    "deemed_accepted",
    "extension_days",
    "paused_days",
    "legal_deadline",
    "promised_deadline",
    "deadline_provisional",
    "decided_on",
    "delivery_deadline",
    "delivered_on",
    "closed_on",
    "updated_at",
)


@dataclass(frozen=True)
class Guard:
    """What an optimistic write is guarded by: the case still at the revision its caller read, and ``condition`` (an
    SQL condition on the case row, with its parameters) still true."""

    revision: int
    condition: sqlbatch.Statement | None = None


def _event(
    case: Case,
    move_label: str,
    action: str,
    actor: Actor,
    before: str,
    note: str = "",
    data: Mapping[str, Any] | None = None,
    *,
    save: bool = True,
    also: Sequence[sqlbatch.Statement] = (),
    guard: Guard | None = None,
) -> None:
    """Write the case's new state (``save``), its timeline event and its audit entry in one round trip, with
    ``also``: other writes of the same action (its tasks, its materials).

    ``guard``: an optimistic write (see ``_optimistic``) from the caller's copy, not from the locked row; it raises
    ``sqlbatch.Stale`` and writes nothing if the copy was stale."""
    event = _event_row(case, action, actor, before=before, note=note, data=data)
    # The written notice the action owes the applicant (Art. 32, 38, 42, 45): numbered now, written with the rest.
    issued = notices.writes_for_event(case=case, action=action, actor=actor, note=note, data=data or {})
    changes = {"status": [before, case.status], "note": note, **(data or {})}
    if owed := notices.kind_for_event(action):
        changes["notice"] = owed.value  # numbered now, or by the worker that renders it (its own chain says which)
    if guard is not None:
        state = sqlbatch.update(case, _STATE_FIELDS, expect={"revision": guard.revision}, condition=guard.condition)
        entry = audit.entry_after(
            case.__dict__["_audit_head"], actor=actor, action=f"cases.case.{action}", obj=case, changes=changes
        )
        sqlbatch.run_guarded([state, *also, sqlbatch.insert(event), *issued, audit.insert_strict(entry)])
        case.__dict__["_audit_head"] = (entry.seq, entry.hash)
        return
    writes = [*also, sqlbatch.update(case, _STATE_FIELDS)] if save else [*also]
    writes += [sqlbatch.insert(event), *issued]
    _audit_locked(case, actor, f"cases.case.{action}", changes, along=writes)


def _event_row(
    case: Case,
    action: str,
    actor: Actor,
    *,
    before: str | None = None,
    note: str = "",
    data: Mapping[str, Any] | None = None,
) -> CaseEvent:
    """A timeline event (not yet written); ``before`` defaults to the status, for actions that keep it."""
    return sqlbatch.build(
        CaseEvent,
        case_id=case.pk,
        action=action,
        from_status=case.status if before is None else before,
        to_status=case.status,
        actor_id=actor.user_id,
        actor_role=actor.role,
        at=timezone.now(),
        note=note,
        data=audit.jsonable(dict(data or {})),
    )


def _audit_locked(
    obj: Case | Task, actor: Actor, action: str, changes: Mapping[str, Any], along: list[sqlbatch.Statement]
) -> None:
    """One entry on the chain of a case or task, from the head read with its lock (``_lock``, ``_lock_task``; a new
    case's is empty); ``along``: the action's other writes, sent in the same round trip."""
    entry = audit.record(
        actor=actor, action=action, obj=obj, changes=changes, head=obj.__dict__.get("_audit_head"), along=along
    )
    obj.__dict__["_audit_head"] = (entry.seq, entry.hash)


def _optimistic(obj: Case | Task, case: Case, expected_revision: int | None) -> bool:
    """Whether an action may write optimistically, from the state the caller read (its revision and the head of the
    audit chain it appends to), instead of locking the row and reading it again: outside a transaction, as one
    statement (with a notice numbered now, ``notices.numbered_at_issue``: counter, write, commit).

    The write's guard is the case at that revision: every change to a case bumps its revision, so a guard that
    still matches means nothing the action was judged on has changed. A chain head that moved without one (a task
    claimed or transferred) fails the audit insert's unique key. Either way nothing is written and the action runs
    again on the locked row (``_lock``), where it is judged afresh. PostgreSQL only; SQLite takes the lock."""
    connection = connections[router.db_for_write(Case)]
    return (
        connection.vendor == "postgresql"
        and not connection.in_atomic_block
        and "_audit_head" in obj.__dict__
        and (expected_revision is None or expected_revision == case.revision)
    )


def _attempt(write: Callable[[], T], *, transactional: bool) -> T | None:
    """Run an optimistic write (in its own transaction if ``transactional``); None if the caller's copy proved stale
    (``Stale``) or the action was refused on it (it is judged again on the locked row)."""
    try:
        if transactional:
            with transaction.atomic():
                return write()
        return write()
    except (sqlbatch.Stale, DomainError):
        return None


def _optimistic_or_locked(
    case: Case,
    expected_revision: int | None,
    act: Callable[[Case, Guard | None], Case],
    *,
    notice: bool = True,
    optimistic: bool = True,
) -> Case:
    """A case action: first ``act`` on a copy of the caller's case, guarded; if that copy proves stale, ``act`` on the
    locked row. ``notice``: the action owes a notice; if it is numbered now (``notices.numbered_at_issue``), counter
    and write go in a short transaction of their own, else the write is one statement."""
    transactional = notice and notices.numbered_at_issue()
    if optimistic and _optimistic(case, case, expected_revision):
        done = _attempt(lambda: act(sqlbatch.clone(case), Guard(case.revision)), transactional=transactional)
        if done is not None:
            return done
    with transaction.atomic():
        return act(_lock(case, expected_revision), None)


@functools.cache
def _lock_sql(lock: str) -> str:
    return (
        f"SELECT {sqlbatch.columns(Case, 'c')}, {sqlbatch.columns(Department, 'd')}, "
        f'v."created_at" AS version_created_at, {audit.head_sql()} AS audit_head '
        'FROM "cases_case" c JOIN "catalog_itemversion" v ON v."id" = c."item_version_id" '
        'JOIN "org_department" d ON d."id" = c."deciding_department_id" '
        f'WHERE c."id" = %s{lock}'
    )


def _lock(case: Case, expected_revision: int | None = None) -> Case:
    """The case, its row locked: two clerks acting on one case at once are ordered; the second then finds the new
    status. Only the case row is locked, never the catalog rows joined in (every case of an item would queue).
    The head of the case's audit chain comes along, so the action's entry follows it without another read.
    One hand-written statement, read without the query compiler: it runs for every action, and PostgreSQL keeps
    it prepared."""
    sql = _lock_sql(sqlbatch.select_for_update(of="c"))
    row = sqlbatch.fetch_one(sql, [audit.chain_name(("cases.case", case.pk))[0], case.pk])
    if row is None:
        raise NotFound(gettext("办件不存在"), code="case_not_found")
    (locked, department), (version_created_at, head) = sqlbatch.split(row, Case, Department)
    # The deciding department came along (its notices name it and carry its seal).
    Case.deciding_department.field.set_cached_value(locked, department)
    # The version a case was filed under never changes: take it from memory, not from another join.
    locked.item_version = published_version(locked.item_version_id, sqlbatch.to_datetime(version_created_at))
    locked.__dict__["_audit_head"] = audit.parse_head(head)
    if expected_revision is not None and locked.revision != expected_revision:
        raise Conflict(gettext("该办件已被他人处理，请刷新后再操作"), code="stale_case")
    return locked


def _allowed(case: Case, action: str, actor: Actor) -> Move:
    """The move ``action`` makes, if the case's status allows it and the actor's role and scope may make it; checked
    before anything else about the request, so that whoever may not act hears that, not what else was wrong."""
    move = move_for(case.status, action, actor.role)
    scoped = actor.user is not None and actor.role not in (SYSTEM, Role.CENTER_MANAGER)
    if scoped and not in_scope(actor.user, case.deciding_department_id):
        raise AccessDenied(gettext("该办件不属于您办理的部门"), code="out_of_scope")
    if actor.role == Role.WINDOW_CLERK and actor.user is not None:
        # Window work (受理, 送达, 办结 …) is the receiving center's: a department's cases reach several centers.
        profile = staff_of(actor.user)
        if profile is None or profile.center_id != case.receiving_center_id:
            raise AccessDenied(gettext("该办件由其他中心收件，须由收件中心的窗口办理"), code="other_center")
    if actor.role == Role.CENTER_MANAGER and actor.user is not None:
        centers = center_scope(actor.user)
        if centers is not None and case.receiving_center_id not in centers:
            raise AccessDenied(gettext("该办件不是本中心收件的办件"), code="out_of_scope")
    return move


def _apply(case: Case, action: str, actor: Actor) -> tuple[Move, str]:
    move = _allowed(case, action, actor)
    before = case.status
    case.status = move.to
    case.revision += 1
    return move, before


def recompute_clock(case: Case, *, on: datetime.date | None = None, pauses: list[clock.Pause] | None = None) -> None:
    """Derive the stored deadlines from acceptance, pauses and extensions (govhall.cases.clock).

    ``pauses``: the case's clock-stopping procedures when the caller knows them (none yet at acceptance)."""
    if case.accepted_on is None:
        return
    cal = workdays.get_calendar()
    if pauses is None:
        pauses = [clock.Pause(s.started_on, s.resumed_on) for s in case.suspensions.filter(stops_clock=True)]
    now = on or today()
    unit = workdays.LimitUnit(case.limit_unit)
    promised = clock.deadline(
        cal,
        start=case.accepted_on,
        limit=case.promised_limit,
        unit=unit,
        pauses=pauses,
        extension_days=case.extension_days,
        today=now,
    )
    legal = clock.deadline(
        cal,
        start=case.accepted_on,
        limit=case.legal_limit,
        unit=unit,
        pauses=pauses,
        extension_days=case.extension_days,
        today=now,
    )
    case.paused_days = clock.paused_days(
        cal, pauses, unit if unit is not workdays.LimitUnit.HOURS else workdays.LimitUnit.NATURAL_DAYS, now
    )
    case.promised_deadline, case.legal_deadline = promised.date, legal.date
    case.deadline_provisional = promised.provisional or legal.provisional
    if case.delivery_deadline is not None and case.decided_on is not None:  # a licence granted: Art. 44
        delivery = clock.delivery_due(cal, case.decided_on)
        case.delivery_deadline = delivery.date
        case.deadline_provisional = case.deadline_provisional or delivery.provisional


def _first_step(
    case: Case, actor: Actor, on: datetime.date, parallel: Sequence[Department] = (), mode: str = "all"
) -> list[sqlbatch.Statement]:
    """The first review step's task, as a write to send with the acceptance (nothing if the item has none).

    ``parallel`` (并联审批): the departments that review beside the deciding one, each with a task of that step in
    its pool; ``mode`` "all" (会签: every one signs) or "any" (或签: the first signature settles the step)."""
    steps = [s for s in version_steps(case.item_version) if s.role != Role.WINDOW_CLERK]
    others = [d for d in dict.fromkeys(parallel) if d.pk != case.deciding_department_id]
    if others and not steps:
        raise ValidationFailed(
            [Problem(gettext("本事项没有审查环节，不能并联审批"), code="no_review_step", field="parallel")]
        )
    if mode not in (Task.Mode.ALL, Task.Mode.ANY):
        raise ValidationFailed([Problem(gettext("会签方式无效"), code="invalid_choice", field="parallel_mode")])
    task = _step_task(case, steps[0].position, on, actor) if steps else None
    if task is None:
        return []
    tasks = [task, *(sqlbatch.clone(task) for _ in others)]
    for extra, department in zip(tasks[1:], others, strict=True):
        extra.department = department
    if others:
        for t in tasks:
            t.mode = mode
    return [sqlbatch.insert(t) for t in tasks]


def _open_step(case: Case, position: int, on: datetime.date, actor: Actor) -> Task | None:
    task = _step_task(case, position, on, actor)
    if task is not None:
        sqlbatch.insert_returning_pk(task)
    return task


def _step_task(case: Case, position: int, on: datetime.date, actor: Actor) -> Task | None:
    step = next((s for s in version_steps(case.item_version) if s.position == position), None)
    if step is None:
        return None
    cal = workdays.get_calendar()
    return Task(
        case=case,
        step_position=step.position,
        step_name=step.name,
        role=step.role,
        department_id=case.deciding_department_id,
        started_on=on,
        due_on=cal.add_working_days(on, step.budget_days).date,
        budget_days=step.budget_days,
        sent_by=actor.user,
    )


# --- intake -------------------------------------------------------------------------------------
@transaction.atomic
def submit_case(
    *,
    intake: Intake,
    actor: Actor,
    idempotency_key: str | None = None,
    received_on: datetime.date | None = None,
    fingerprint: str | None = None,
) -> Case:
    """Receive an application (收件): the receipt number is given now; a retried submit returns the first.

    ``fingerprint`` (a hash of the request) is kept with the key: a retry with another request is refused. Who may
    receive it is checked first, also before a retry is answered (a key never shows a case to someone else)."""
    _may_receive(actor, intake)
    if idempotency_key:
        existing = Case.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return _replayed(existing, fingerprint)
    item = intake.item
    version = item.current_version
    problems: list[Problem] = []
    if version is None or item.status != ServiceItem.Status.PUBLISHED:
        problems.append(Problem(gettext("该事项未发布或已暂停，不能受理"), code="item_not_available", field="item"))
    if intake.channel not in Channel.values:
        problems.append(Problem(gettext("受理渠道无效"), code="invalid_choice", field="channel"))
    number, applicant_problems = _check_applicant(intake.applicant)
    problems += applicant_problems
    center = intake.center
    if center is None:
        problems.append(Problem(gettext("请指定收件中心"), code="required", field="center"))
    if problems:
        raise ValidationFailed(problems)
    assert version is not None and center is not None
    materials = {m.pk: m for m in version_materials(version)}
    unknown = [r.material_id for r in intake.materials if r.material_id not in materials]
    if unknown:
        raise ValidationFailed([Problem(gettext("材料清单与事项不符"), code="unknown_material", field="materials")])
    if len({r.material_id for r in intake.materials}) != len(intake.materials):
        raise ValidationFailed([Problem(gettext("同一材料只能登记一次"), code="duplicate_material", field="materials")])
    day = received_on or today()
    a = intake.applicant
    # With a key drawn beforehand (PostgreSQL), the case row goes with its checklist, event and audit entry.
    receipt, key = (next_receipt_number(center, day), None) if idempotency_key else number_receipt(center, day)
    case = Case(
        pk=key,
        receipt_number=receipt,
        idempotency_key=idempotency_key or None,
        item=item,
        item_version=version,
        channel=intake.channel,
        receiving_center=center,
        deciding_department=item.department,
        window=intake.window,
        applicant_kind=a.kind,
        applicant_name=a.name.strip(),
        applicant_id_kind=a.id_kind,
        applicant_id_number=number,
        applicant_phone=a.phone,
        applicant_address=a.address,
        credit_code_override=a.credit_code_override,
        agent_name=a.agent_name,
        agent_id_number=a.agent_id_number,
        agent_phone=a.agent_phone,
        form_data=dict(intake.form_data),
        received_on=day,
        limit_unit=version.promised_limit_unit,
        legal_limit=version.legal_limit,
        promised_limit=version.promised_limit,
    )
    first: list[sqlbatch.Statement] = []
    if key is not None:
        case._state.adding = False
        first.append(sqlbatch.insert(case, with_key=True))
    elif not idempotency_key:
        sqlbatch.insert_returning_pk(case)
    else:
        try:
            with transaction.atomic():  # a savepoint only where a concurrent retry can collide
                sqlbatch.insert_returning_pk(case)
        except IntegrityError:
            if earlier := Case.objects.filter(idempotency_key=idempotency_key).first():
                return _replayed(earlier, fingerprint)
            raise
    received = {r.material_id: r for r in intake.materials}
    checklist = [
        sqlbatch.insert(
            CaseMaterial(
                case=case,
                material=m,
                name=m.name,
                state=received[m.pk].state if m.pk in received else CaseMaterial.State.MISSING,
                form=received[m.pk].form if m.pk in received else m.form,
            )
        )
        for m in materials.values()
    ]
    data = {"receipt_number": case.receipt_number, "channel": case.channel}
    if fingerprint:
        data["fingerprint"] = fingerprint
    case.__dict__["_audit_head"] = audit.NEW
    _event(case, "收件", "submitted", actor, "", data=data, save=False, also=[*first, *checklist])
    return case


RECEIVING_ROLES = (Role.WINDOW_CLERK, Role.CHIEF_REPRESENTATIVE, SYSTEM)


def _may_receive(actor: Actor, intake: Intake) -> None:
    """收件 is a window's work: a clerk or chief representative, for an item of a department he receives for, at his
    own center (as the intake page, which takes his center); or the system (an integration)."""
    if actor.role not in RECEIVING_ROLES:
        raise AccessDenied(gettext("「收件」须由窗口人员、首席代表办理"), code="role_not_allowed")
    if actor.role == SYSTEM or actor.user is None:
        return
    if not in_scope(actor.user, intake.item.department_id):
        raise AccessDenied(gettext("该事项不属于您受理的部门"), code="out_of_scope", field="item")
    profile = staff_of(actor.user)
    if intake.center is not None and (profile is None or profile.center_id != intake.center.pk):
        raise AccessDenied(gettext("只能在本人所在的政务服务中心收件"), code="out_of_scope", field="center")


def _replayed(case: Case, fingerprint: str | None) -> Case:
    if fingerprint is not None:
        first = case.events.filter(action="submitted").values_list("data", flat=True).first() or {}
        if first.get("fingerprint") != fingerprint:
            raise Conflict(gettext("该幂等键已用于另一份申请"), code="idempotency_key_reused", field="Idempotency-Key")
    case.__dict__["_replayed"] = True
    return case


def replayed(case: Case) -> bool:
    """Whether ``submit_case`` answered with the case an earlier submit of the same key made."""
    return bool(case.__dict__.get("_replayed"))


def _missing_required(case: Case) -> list[str]:
    required = {m.pk for m in version_materials(case.item_version) if m.necessity == Material.Necessity.REQUIRED}
    if not required:
        return []
    rows = sqlbatch.fetch_all(
        'SELECT "material_id", "name" FROM "cases_casematerial" WHERE "case_id" = %s AND "state" = %s ORDER BY "id"',
        [case.pk, CaseMaterial.State.MISSING.value],
    )
    return [name for material_id, name in rows if material_id in required]


def accept_case(
    *,
    case: Case,
    actor: Actor,
    expected_revision: int | None = None,
    on: datetime.date | None = None,
    parallel: Sequence[Department] = (),
    parallel_mode: str = "all",
) -> Case:
    """受理. ``parallel``: 并联审批, the other departments that review the case beside the deciding one, from the
    first review step on (see ``_first_step``); later parallel signatures are asked with ``countersign``."""
    return _optimistic_or_locked(
        case, expected_revision, lambda c, guard: _accept(c, actor, on, parallel, parallel_mode, guard=guard)
    )


def _accept(
    case: Case,
    actor: Actor,
    on: datetime.date | None,
    parallel: Sequence[Department],
    parallel_mode: str,
    guard: Guard | None = None,
) -> Case:
    """Accept ``case``: the locked row, or (``guard``) the caller's copy, written only if still current and with no
    required material missing."""
    required = sorted(m.pk for m in version_materials(case.item_version) if m.necessity == Material.Necessity.REQUIRED)
    if guard is not None and required:
        guard = Guard(guard.revision, _none_missing(case, required))
    elif guard is None and (missing := _missing_required(case)):
        raise ValidationFailed(
            [
                Problem(
                    gettext("缺少必要材料：%(names)s；请一次性告知补正") % {"names": gettext("、").join(missing)},
                    code="materials_missing",
                    field="materials",
                )
            ]
        )
    move, before = _apply(case, "accept", actor)
    case.accepted_on = on or today()
    recompute_clock(case, on=case.accepted_on, pauses=[])  # a special procedure starts only after acceptance
    others = [d for d in dict.fromkeys(parallel) if d.pk != case.deciding_department_id]  # as _first_step sends
    _event(
        case,
        move.label,
        "accepted",
        actor,
        before,
        data={
            "promised_deadline": case.promised_deadline,
            "legal_deadline": case.legal_deadline,
            "provisional": case.deadline_provisional,
            **({"parallel": [d.name for d in others], "mode": parallel_mode} if others else {}),
        },
        also=_first_step(case, actor, case.accepted_on, parallel, parallel_mode),
        guard=guard,
    )
    return case


def _none_missing(case: Case, required: list[int]) -> sqlbatch.Statement:
    """The guard's condition that none of the required materials is missing (a copy can't tell: checked as written)."""
    marks = ", ".join(["%s"] * len(required))
    return sqlbatch.Statement(
        'NOT EXISTS (SELECT 1 FROM "cases_casematerial" m WHERE m."case_id" = "cases_case"."id" '
        f'AND m."state" = %s AND m."material_id" IN ({marks}))',
        [CaseMaterial.State.MISSING.value, *required],
    )


@transaction.atomic
def request_supplement(
    *, case: Case, missing: Iterable[str], note: str, actor: Actor, expected_revision: int | None = None
) -> Case:
    """The one-time notice (一次性告知): the complete list of what is missing, given once."""
    items = [m.strip() for m in missing if m.strip()]
    if not items:
        raise ValidationFailed([Problem(gettext("请列出需要补正的全部材料"), code="required", field="missing")])
    case = _lock(case, expected_revision)
    if case.events.filter(action="supplement_requested").exists():
        raise Conflict(gettext("补正只能一次性告知，本件已告知过补正"), code="supplement_already_requested")
    move, before = _apply(case, "request_supplement", actor)
    _event(case, move.label, "supplement_requested", actor, before, note=note, data={"missing": items})
    return case


@transaction.atomic
def resubmit_case(*, case: Case, received: Iterable[int], actor: Actor, expected_revision: int | None = None) -> Case:
    """The applicant brought what the 补正 notice asked for: ``received``, the checklist's missing materials now
    handed in (none where the notice asked only for corrections). The case is received again and waits for 受理."""
    case = _lock(case, expected_revision)
    move, before = _apply(case, "resubmit", actor)
    ids = set(received)
    missing = {row.material_id: row for row in case.materials.filter(state=CaseMaterial.State.MISSING)}
    if ids - missing.keys():
        raise ValidationFailed(
            [Problem(gettext("所选材料不在本件缺少的材料中"), code="unknown_material", field="received")]
        )
    rows = [missing[material_id] for material_id in sorted(ids)]
    for row in rows:
        row.state = CaseMaterial.State.RECEIVED
    also = [sqlbatch.update(row, ("state",)) for row in rows]
    _event(case, move.label, "resubmitted", actor, before, data={"materials": sorted(ids)}, also=also)
    return case


@transaction.atomic
def refuse_case(*, case: Case, reason: str, actor: Actor, expected_revision: int | None = None) -> Case:
    if not reason.strip():
        raise ValidationFailed([Problem(gettext("不予受理须说明理由"), code="reason_required", field="reason")])
    case = _lock(case, expected_revision)
    move, before = _apply(case, "refuse", actor)
    case.closed_on = today()
    _event(case, move.label, "refused", actor, before, note=reason)
    return case


def sweep_deemed_acceptance(*, on: datetime.date | None = None) -> int:
    """Cases received more than 5 working days ago with no 补正 notice are deemed accepted on receipt (Art. 32)."""
    now = on or today()
    cal = workdays.get_calendar()
    actor = Actor(user=None, role=SYSTEM)
    count = 0
    # A case whose 补正 notice was given in time (and that came back with the materials) is not deemed accepted.
    waiting = Case.objects.filter(status=Status.SUBMITTED).exclude(events__action="supplement_requested")
    for case in waiting.only("pk", "received_on"):
        if clock.supplement_notice_due(cal, case.received_on).date >= now:
            continue
        with transaction.atomic():
            locked = _lock(case)
            if locked.status != Status.SUBMITTED:
                continue
            move, before = _apply(locked, "deem_accept", actor)
            locked.accepted_on, locked.deemed_accepted = locked.received_on, True
            recompute_clock(locked, on=now)
            _event(locked, move.label, "deemed_accepted", actor, before, also=_first_step(locked, actor, now))
            count += 1
    return count


# --- review steps ------------------------------------------------------------------------------
@functools.cache
def _task_lock_sql(lock: str) -> str:
    return (
        f"SELECT {sqlbatch.columns(Task, 't')}, {audit.head_sql()} AS audit_head, {OTHERS_OPEN} AS others_open "
        f'FROM "cases_task" t WHERE t."id" = %s{lock}'
    )


def _lock_task(task: Task, expected_revision: int | None = None) -> tuple[Task, Case]:
    """The case locked first (every writer of a case's tasks takes that lock), then the task, with its audit head
    and whether other tasks of its step are still open (a 会签 step ends with its last task)."""
    case = _lock(Case(pk=task.case_id), expected_revision)
    sql = _task_lock_sql(sqlbatch.select_for_update(of="t"))
    chain = audit.chain_name(("cases.task", task.pk))[0]
    row = sqlbatch.fetch_one(sql, [chain, Task.State.OPEN.value, task.pk])
    if row is None:
        raise NotFound(gettext("环节不存在"), code="task_not_found")
    (locked,), (head, others_open) = sqlbatch.split(row, Task)
    return as_read(locked, case, head, others_open), case


def _require_task_actor(task: Task, actor: Actor) -> None:
    if actor.role != task.role and not (task.role == Role.APPROVER and actor.role == Role.CHIEF_REPRESENTATIVE):
        raise AccessDenied(gettext("您的角色不能办理该环节"), code="role_not_allowed")
    if actor.user is None or not in_scope(actor.user, task.department_id):
        raise AccessDenied(gettext("该环节不属于您所在部门"), code="out_of_scope")


def _require_holder(task: Task, actor: Actor, *, reassign: bool = False) -> None:
    """A claimed task is worked on by its assignee or his delegate (委托); a colleague has it transferred first.
    ``reassign``: a transfer, which the department's chief representative may also make (改派)."""
    if task.assignee_id in (None, actor.user_id) or task.delegate_id == actor.user_id:
        return
    if reassign and Role.CHIEF_REPRESENTATIVE in roles_of(actor.user):
        return
    raise Conflict(gettext("该任务已被他人签收"), code="task_claimed")


@transaction.atomic
def claim_task(*, task: Task, actor: Actor, expected_revision: int | None = None) -> Task:
    """Take a task from the department's pool."""
    task, case = _lock_task(task, expected_revision)
    _require_task_actor(task, actor)
    if task.state != Task.State.OPEN:
        raise Conflict(gettext("该环节已办理"), code="task_closed")
    if task.assignee_id is not None and task.assignee_id != actor.user_id:
        raise Conflict(gettext("该任务已被他人签收"), code="task_claimed")
    if task.assignee_id is not None:  # a second click: already his, nothing to write
        raise Conflict(gettext("您已签收该任务"), code="already_claimed")
    task.assignee = actor.user
    event = _event_row(case, "task_claimed", actor, data={"task": task.pk, "step": task.step_name})
    _audit_locked(
        task,
        actor,
        "cases.task.claimed",
        {"case": case.receipt_number},
        [sqlbatch.update(task, ("assignee",)), sqlbatch.insert(event)],
    )
    return task


@transaction.atomic
def transfer_task(*, task: Task, to_user: Any, reason: str, actor: Actor, expected_revision: int | None = None) -> Task:
    """转办: hand a task to a colleague of the same department."""
    task, case = _lock_task(task, expected_revision)
    _require_task_actor(task, actor)
    _require_holder(task, actor, reassign=True)
    if task.state != Task.State.OPEN:
        raise Conflict(gettext("该环节已办理"), code="task_closed")
    if not in_scope(to_user, task.department_id):
        raise ValidationFailed([Problem(gettext("只能转给本部门的工作人员"), code="out_of_scope", field="to_user")])
    if to_user.pk == (task.assignee_id or actor.user_id):
        raise ValidationFailed([Problem(gettext("该任务已由此人办理，无需转办"), code="bad_transfer", field="to_user")])
    previous = task.assignee_id
    task.assignee, task.delegate = to_user, None  # a delegation was the previous assignee's: it ends with the transfer
    event = _event_row(case, "task_transferred", actor, note=reason, data={"task": task.pk, "to": to_user.pk})
    _audit_locked(
        task,
        actor,
        "cases.task.transferred",
        {"assignee": [previous, to_user.pk], "reason": reason},
        [sqlbatch.update(task, ("assignee", "delegate")), sqlbatch.insert(event)],
    )
    return task


def complete_task(
    *,
    task: Task,
    opinion: str,
    actor: Actor,
    on: datetime.date | None = None,
    expected_revision: int | None = None,
) -> Task | None:
    """Finish a review step with an opinion; the next step opens. Returns the next task, if any."""
    read = "_others_open" in task.__dict__ and Task.case.is_cached(task)  # as access_task reads it
    if read and task.mode != Task.Mode.ANY and _optimistic(task, task.case, expected_revision):
        # (an any-sign also closes its siblings: judged on the locked row)
        done = _attempt(lambda: _complete_optimistic(task, opinion, actor, on), transactional=False)
        if done is not None:
            return done[0]
    with transaction.atomic():
        return _complete_locked(task, opinion, actor, on, expected_revision)


def _complete_optimistic(task: Task, opinion: str, actor: Actor, on: datetime.date | None) -> tuple[Task | None]:
    """The completion as one statement, from the task and case as the caller read them (``access_task``); the next
    step's task. Sibling completions of a 会签 step each bump the case's revision, so the guard also keeps "the last
    one opens the next step" true."""
    case = task.case
    _require_task_actor(task, actor)
    _require_holder(task, actor)
    if task.state != Task.State.OPEN or case.status != Status.IN_REVIEW:
        # or so the copy says: judged again on the locked row
        raise Conflict(gettext("该环节已办理"), code="task_closed")
    done, draft = sqlbatch.clone(task), sqlbatch.clone(case)
    now = on or today()
    done.state, done.finished_at, done.finished_by, done.opinion = Task.State.DONE, timezone.now(), actor.user, opinion
    if done.assignee_id is None:
        done.assignee = actor.user
    overran = now > done.due_on
    data = _completion_data(done, actor, overran)
    draft.revision += 1
    writes = [
        sqlbatch.update(draft, ("revision", "updated_at"), expect={"revision": case.revision}),
        sqlbatch.update(done, ("state", "finished_at", "finished_by", "opinion", "assignee")),
        sqlbatch.insert(_event_row(draft, "task_completed", actor, note=opinion, data=data)),
    ]
    following = None
    if not task.__dict__["_others_open"]:
        steps = version_steps(case.item_version)
        later = [s for s in steps if s.position > done.step_position and s.role != Role.WINDOW_CLERK]
        following = _step_task(draft, later[0].position, now, actor) if later else None
        if following is not None:
            writes.append(sqlbatch.insert(following, returning=True))
    entry = audit.entry_after(
        task.__dict__["_audit_head"],
        actor=actor,
        action="cases.task.completed",
        obj=done,
        changes={**data, "opinion": opinion},
    )
    written = sqlbatch.run_guarded([*writes, audit.insert_strict(entry)], fetch=(3,) if following else ())
    if following is not None:
        following.pk = written[0]
        following._state.adding, following._state.db = False, router.db_for_write(Task)
    done.__dict__["_audit_head"] = (entry.seq, entry.hash)
    return (following,)


def _complete_locked(
    task: Task, opinion: str, actor: Actor, on: datetime.date | None, expected_revision: int | None
) -> Task | None:
    task, case = _lock_task(task, expected_revision)
    _require_task_actor(task, actor)
    _require_holder(task, actor)
    if task.state != Task.State.OPEN:
        raise Conflict(gettext("该环节已办理"), code="task_closed")
    if case.status != Status.IN_REVIEW:
        raise Conflict(
            gettext("办件当前状态为「%(status)s」，不能办理审查环节") % {"status": Status(case.status).label},
            code="invalid_transition",
        )
    now = on or today()
    task.state, task.finished_at, task.finished_by, task.opinion = Task.State.DONE, timezone.now(), actor.user, opinion
    if task.assignee_id is None:
        task.assignee = actor.user
    overran = now > task.due_on
    case.revision += 1
    data = _completion_data(task, actor, overran)
    event = _event_row(case, "task_completed", actor, note=opinion, data=data)
    writes = [
        sqlbatch.update(task, ("state", "finished_at", "finished_by", "opinion", "assignee")),
        sqlbatch.update(case, ("revision", "updated_at")),
        sqlbatch.insert(event),
    ]
    if task.mode == Task.Mode.ANY:
        # 或签: the first signature settles the step; the others' tasks close with it.
        writes.append(
            sqlbatch.Statement(
                'UPDATE "cases_task" SET "state" = %s, "finished_at" = %s, "opinion" = %s '
                'WHERE "case_id" = %s AND "step_position" = %s AND "state" = %s AND "id" <> %s',
                [
                    Task.State.CANCELLED.value,
                    sqlbatch.value(Task, "finished_at", task.finished_at),
                    f"或签：已由{actor.name}办理",
                    case.pk,
                    task.step_position,
                    Task.State.OPEN.value,
                    task.pk,
                ],
            )
        )
    # The task, the case's revision, the event and the task's audit entry: one round trip.
    _audit_locked(task, actor, "cases.task.completed", {**data, "opinion": opinion}, writes)
    if task.__dict__["_others_open"] and task.mode != Task.Mode.ANY:
        return None  # 会签: the step is done when every parallel task is
    later = [
        s for s in version_steps(case.item_version) if s.position > task.step_position and s.role != Role.WINDOW_CLERK
    ]
    return _open_step(case, later[0].position, now, actor) if later else None


def _completion_data(task: Task, actor: Actor, overran: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"step": task.step_name, "overran": overran}
    if task.delegate_id is not None and actor.user_id == task.delegate_id and task.assignee_id != actor.user_id:
        data["on_behalf_of"] = task.assignee_id  # 委托: done by the delegate for the assignee
    return data


def _holds_task_role(user: Any, task: Task) -> bool:
    held = roles_of(user)
    return task.role in held or (task.role == Role.APPROVER and Role.CHIEF_REPRESENTATIVE in held)


@transaction.atomic
def delegate_task(
    *, task: Task, to_user: Any | None, reason: str, actor: Actor, expected_revision: int | None = None
) -> Task:
    """委托: the assignee has a colleague of the same department act on the task for him; he stays responsible and
    may take it back (``to_user=None``). An unclaimed task is claimed by the one who delegates it."""
    task, case = _lock_task(task, expected_revision)
    _require_task_actor(task, actor)
    if task.state != Task.State.OPEN:
        raise Conflict(gettext("该环节已办理"), code="task_closed")
    if task.assignee_id not in (None, actor.user_id):
        raise AccessDenied(gettext("只有该环节的办理人可以委托"), code="not_assignee")
    if to_user is not None:
        if to_user.pk == actor.user_id:
            raise ValidationFailed([Problem(gettext("不能委托给自己"), code="bad_delegate", field="to_user")])
        if not (in_scope(to_user, task.department_id) and _holds_task_role(to_user, task)):
            raise ValidationFailed(
                [Problem(gettext("只能委托给本部门具有相应角色的工作人员"), code="out_of_scope", field="to_user")]
            )
    elif task.delegate_id is None:
        raise ValidationFailed([Problem(gettext("该环节没有委托，无需收回"), code="not_delegated", field="to_user")])
    if to_user is not None and task.delegate_id == to_user.pk:
        raise ValidationFailed([Problem(gettext("该环节已委托给此人"), code="already_delegated", field="to_user")])
    previous = task.delegate_id
    task.assignee = task.assignee or actor.user
    task.delegate = to_user
    to = to_user.pk if to_user is not None else None
    event = _event_row(case, "task_delegated", actor, note=reason, data={"task": task.pk, "to": to})
    _audit_locked(
        task,
        actor,
        "cases.task.delegated",
        {"delegate": [previous, to], "reason": reason},
        [sqlbatch.update(task, ("assignee", "delegate")), sqlbatch.insert(event)],
    )
    return task


@transaction.atomic
def retract_task(*, task: Task, reason: str, actor: Actor, expected_revision: int | None = None) -> Task:
    """撤回: whoever finished a step and sent the case on takes it back before anyone at the next step has acted
    (claimed, delegated, transferred, signed or returned it); the next step's tasks close and his own step reopens
    to him. Returns the reopened task."""
    task, case = _lock_task(task, expected_revision)
    if actor.user is None or task.sent_by_id != actor.user_id:
        raise AccessDenied(gettext("只能撤回由您转出的环节"), code="not_sender")
    if task.state != Task.State.OPEN or case.status != Status.IN_REVIEW:
        raise Conflict(gettext("该环节已办理，不能撤回"), code="task_closed")
    sent = (
        case.tasks.filter(finished_by=actor.user, state=Task.State.DONE, step_position__lt=task.step_position)
        .order_by("-finished_at", "-pk")
        .first()
    )
    if sent is None:
        raise Conflict(gettext("只能撤回您办理完毕后转出的环节"), code="nothing_to_retract")
    step = case.tasks.filter(step_position=task.step_position)
    open_chains = [
        audit.chain_name(("cases.task", pk))[0]
        for pk in step.filter(state=Task.State.OPEN).values_list("pk", flat=True)
    ]
    acted_on = (
        step.exclude(state=Task.State.OPEN).filter(finished_at__gte=sent.finished_at).exists()
        or AuditEntry.objects.filter(chain__in=open_chains).exists()  # claimed, delegated or transferred
        # a 会签 asked on the step (the tasks it added are the step's too, sent by the same sender)
        or case.events.filter(action__in=("countersign_opened", "anysign_opened"), at__gte=sent.finished_at).exists()
    )
    if acted_on:
        raise Conflict(gettext("下一环节已有人办理，不能撤回"), code="already_acted")
    now = timezone.now()
    step.filter(state=Task.State.OPEN).update(
        state=Task.State.CANCELLED, finished_at=now, finished_by=actor.user, opinion=f"撤回：{reason}".rstrip("：")
    )
    reopened = _open_step(case, sent.step_position, today(), actor)
    assert reopened is not None
    reopened.assignee, reopened.sent_by_id = actor.user, sent.sent_by_id
    reopened.save(update_fields=["assignee", "sent_by"])
    case.revision += 1
    event = _event_row(
        case, "task_retracted", actor, note=reason, data={"from": task.step_name, "to": reopened.step_name}
    )
    _audit_locked(
        case,
        actor,
        "cases.case.task_retracted",
        {"from_step": task.step_name, "to_step": reopened.step_name, "reason": reason},
        [sqlbatch.update(case, ("revision", "updated_at")), sqlbatch.insert(event)],
    )
    return reopened


@transaction.atomic
def return_task(
    *,
    task: Task,
    to_position: int,
    reason: str,
    actor: Actor,
    on: datetime.date | None = None,
    expected_revision: int | None = None,
) -> Task:
    """回退: send the case back to an earlier review step with a reason."""
    if not reason.strip():
        raise ValidationFailed([Problem(gettext("回退须说明理由"), code="reason_required", field="reason")])
    task, case = _lock_task(task, expected_revision)
    _require_task_actor(task, actor)
    _require_holder(task, actor)
    if task.state != Task.State.OPEN:
        raise Conflict(gettext("该环节已办理"), code="task_closed")
    if to_position >= task.step_position or not case.tasks.filter(step_position=to_position).exists():
        raise ValidationFailed(
            [Problem(gettext("只能退回到已经办理过的前序环节"), code="bad_return_target", field="to_position")]
        )
    case.tasks.filter(step_position=task.step_position, state=Task.State.OPEN).update(
        state=Task.State.RETURNED, finished_at=timezone.now(), finished_by=actor.user, opinion=reason
    )
    new = _open_step(case, to_position, on or today(), actor)
    assert new is not None
    earlier = case.tasks.filter(step_position=to_position, state=Task.State.DONE).order_by("-pk").first()
    if earlier is not None:
        new.assignee = earlier.assignee
        new.save(update_fields=["assignee"])
    case.revision += 1  # the step's tasks changed: a copy of the case read before is stale (see ``_optimistic``)
    event = _event_row(case, "task_returned", actor, note=reason, data={"from": task.step_name, "to": new.step_name})
    _audit_locked(
        task,
        actor,
        "cases.task.returned",
        {"to_step": new.step_name, "reason": reason},
        [sqlbatch.update(case, ("revision", "updated_at")), sqlbatch.insert(event)],
    )
    return new


# --- the clock: special procedures and extensions --------------------------------------------------
@transaction.atomic
def suspend_case(
    *,
    case: Case,
    procedure: str,
    reason: str,
    actor: Actor,
    on: datetime.date | None = None,
    expected_revision: int | None = None,
) -> Case:
    """Start a special procedure of the item (特别程序); the applicant is told in writing."""
    case = _lock(case, expected_revision)
    _allowed(case, "suspend", actor)
    definition = case.item_version.special_procedures.filter(name=procedure).first()
    if definition is None:
        raise ValidationFailed(
            [
                Problem(
                    gettext("本事项没有「%(procedure)s」特别程序") % {"procedure": procedure},
                    code="unknown_procedure",
                    field="procedure",
                )
            ]
        )
    move, before = _apply(case, "suspend", actor)
    Suspension.objects.create(
        case=case,
        name=definition.name,
        stops_clock=definition.stops_clock,
        expected_duration=definition.duration,
        legal_basis=definition.legal_basis,
        started_on=on or today(),
        reason=reason,
    )
    _event(
        case,
        move.label,
        "suspended",
        actor,
        before,
        note=reason,
        data={"procedure": definition.name, "stops_clock": definition.stops_clock, "expected": definition.duration},
    )
    return case


@transaction.atomic
def resume_case(
    *, case: Case, actor: Actor, on: datetime.date | None = None, expected_revision: int | None = None
) -> Case:
    case = _lock(case, expected_revision)
    move, before = _apply(case, "resume", actor)
    now = on or today()
    open_one = case.suspensions.filter(resumed_on__isnull=True).first()
    if open_one is None:
        raise Conflict(gettext("没有进行中的特别程序"), code="not_suspended")
    if now < open_one.started_on:
        raise ValidationFailed([Problem(gettext("恢复日期不能早于特别程序开始日期"), code="bad_date", field="on")])
    open_one.resumed_on = now
    open_one.save(update_fields=["resumed_on"])
    recompute_clock(case, on=now)
    _event(
        case,
        move.label,
        "resumed",
        actor,
        before,
        data={"procedure": open_one.name, "paused_days": case.paused_days, "promised_deadline": case.promised_deadline},
    )
    return case


@transaction.atomic
def extend_case(
    *,
    case: Case,
    days: int | None,
    reason: str,
    actor: Actor,
    on: datetime.date | None = None,
    expected_revision: int | None = None,
) -> Case:
    """Extension with the head's approval (Art. 42): + the item's extension days (10 by default), once."""
    case = _lock(case, expected_revision)
    _allowed(case, "extend", actor)
    if not reason.strip():
        raise ValidationFailed([Problem(gettext("延期须说明理由"), code="reason_required", field="reason")])
    if case.extensions.exists():
        raise Conflict(gettext("本件已延期过一次"), code="already_extended")
    allowed = case.item_version.extension_days
    days = allowed if days is None else days
    if not 0 < days <= allowed:
        raise ValidationFailed(
            [
                Problem(
                    gettext("延长期限应为1至%(days)s个工作日") % {"days": allowed}, code="bad_extension", field="days"
                )
            ]
        )
    move, before = _apply(case, "extend", actor)
    assert actor.user is not None
    Extension.objects.create(case=case, days=days, reason=reason, approved_by=actor.user, approved_on=on or today())
    case.extension_days = days
    recompute_clock(case, on=on)
    _event(
        case,
        move.label,
        "extended",
        actor,
        before,
        note=reason,
        data={"days": days, "promised_deadline": case.promised_deadline, "legal_deadline": case.legal_deadline},
    )
    return case


# --- decision and after ---------------------------------------------------------------------------
def decide_case(
    *,
    case: Case,
    approve: bool,
    reason: str,
    actor: Actor,
    on: datetime.date | None = None,
    expected_revision: int | None = None,
) -> Case:
    """准予 / 不予许可. A denial states its reason (the notice adds the applicant's rights)."""
    return _optimistic_or_locked(
        case, expected_revision, lambda c, guard: _decide(c, approve, reason, actor, on, guard=guard)
    )


def _decide(
    case: Case, approve: bool, reason: str, actor: Actor, on: datetime.date | None, guard: Guard | None = None
) -> Case:
    """Decide ``case``: the locked row, or (``guard``) the caller's copy, written only if still current and, for the
    chief representative, with no review step other than his own still open."""
    _allowed(case, "approve" if approve else "deny", actor)
    if not approve and not reason.strip():
        raise ValidationFailed([Problem(gettext("不予许可须说明理由"), code="reason_required", field="reason")])
    if actor.role == Role.WINDOW_CLERK:
        # A clerk decides only a 即办件, on the spot, where the department delegated that authority.
        if case.item_version.case_type != CaseType.IMMEDIATE:
            raise AccessDenied(gettext("只有即办件可由窗口人员当场决定"), code="role_not_allowed")
    elif guard is not None:
        guard = Guard(
            guard.revision,
            sqlbatch.Statement(
                'NOT EXISTS (SELECT 1 FROM "cases_task" t WHERE t."case_id" = "cases_case"."id" AND t."state" = %s '
                'AND t."role" <> %s)',
                [Task.State.OPEN.value, Role.CHIEF_REPRESENTATIVE.value],
            ),
        )
    else:
        open_roles = sqlbatch.fetch_all(
            'SELECT "role" FROM "cases_task" WHERE "case_id" = %s AND "state" = %s', [case.pk, Task.State.OPEN.value]
        )
        if any(role != Role.CHIEF_REPRESENTATIVE for (role,) in open_roles):
            raise Conflict(gettext("还有审查环节未办理完毕"), code="steps_open")
    move, before = _apply(case, "approve" if approve else "deny", actor)
    now = on or today()
    # The decision closes the steps still open (the chief's own): written with the case and its event.
    close_open = sqlbatch.Statement(
        'UPDATE "cases_task" SET "state" = %s, "finished_at" = %s, "finished_by_id" = %s, "opinion" = %s, '
        '"assignee_id" = COALESCE("assignee_id", %s) WHERE "case_id" = %s AND "state" = %s',
        [
            Task.State.DONE.value,
            sqlbatch.value(Task, "finished_at", timezone.now()),
            actor.user_id,
            reason,
            actor.user_id,
            case.pk,
            Task.State.OPEN.value,
        ],
    )
    case.decided_on = now
    data: dict[str, Any] = {"in_time": case.promised_deadline is None or now <= case.promised_deadline}
    if approve and case.item_version.item_type == ItemType.LICENSING:
        # A licence granted is issued and delivered within 10 working days of the decision (Art. 44).
        delivery = clock.delivery_due(workdays.get_calendar(), now)
        case.delivery_deadline = data["delivery_deadline"] = delivery.date
        case.deadline_provisional = case.deadline_provisional or delivery.provisional
    _event(
        case,
        move.label,
        "approved" if approve else "denied",
        actor,
        before,
        note=reason,
        data=data,
        also=[close_open],
        guard=guard,
    )
    return case


def _result_kind(value: str) -> str:
    """An item's result type as the reader's language names it (the stored value is its Chinese label)."""
    return str(dict(ResultType.choices).get(value, value))


def _advance(
    case: Case,
    action: str,
    event: str,
    actor: Actor,
    note: str,
    on: datetime.date | None,
    expected_revision: int | None = None,
    delivery: Mapping[str, str] | None = None,
) -> Case:
    """A step of the transition table with no more to it than a date. Written optimistically (see
    ``_optimistic_or_locked``) except a withdrawal, which also cancels the open tasks and ends a running procedure on
    the locked row."""

    def act(target: Case, guard: Guard | None) -> Case:
        _allowed(target, action, actor)
        result = target.item_version
        if action == "deliver" and target.status == Status.APPROVED and result.issues_certificate:
            raise Conflict(
                gettext("该事项的审批结果为%(kind)s，须先制证再送达") % {"kind": _result_kind(result.result_type)},
                code="certificate_required",
            )
        if action == "certify" and not result.issues_certificate:
            raise Conflict(
                gettext("该事项的审批结果为%(kind)s，无需制证，请直接送达")
                % {"kind": result.result_name or _result_kind(result.result_type)},
                code="no_certificate",
            )
        move, before = _apply(target, action, actor)
        day = on or today()
        if action in ("close", "withdraw"):
            target.closed_on = day
        data: dict[str, Any] | None = None
        if action == "deliver":
            target.delivered_on = day
            data = dict(delivery or {})  # how it was delivered: on the timeline and the 送达回证
            if target.delivery_deadline is not None:
                data["in_time"] = day <= target.delivery_deadline
        if action == "withdraw":
            target.tasks.filter(state=Task.State.OPEN).update(state=Task.State.CANCELLED, finished_at=timezone.now())
            target.suspensions.filter(resumed_on__isnull=True).update(resumed_on=day)
        _event(target, move.label, event, actor, before, note=note, data=data, guard=guard)
        return target

    return _optimistic_or_locked(
        case,
        expected_revision,
        act,
        notice=notices.kind_for_event(event) is not None,
        optimistic=action != "withdraw",
    )


def certify_case(
    *,
    case: Case,
    actor: Actor,
    note: str = "",
    on: datetime.date | None = None,
    expected_revision: int | None = None,
) -> Case:
    return _advance(case, "certify", "certified", actor, note, on, expected_revision)


TRACKING_NUMBER = re.compile(r"[A-Za-z0-9-]{6,40}")


def deliver_case(
    *,
    case: Case,
    actor: Actor,
    note: str = "",
    method: str = DeliveryMethod.DIRECT,
    address: str = "",
    tracking_number: str = "",
    on: datetime.date | None = None,
    expected_revision: int | None = None,
) -> Case:
    """送达: how (``method``), and for a posted result where to and its tracking number; the 送达回证 records them."""
    try:
        how = DeliveryMethod(method)
    except ValueError:
        raise ValidationFailed([Problem(gettext("送达方式无效"), code="invalid_choice", field="method")]) from None
    address, tracking_number = address.strip(), tracking_number.strip()
    problems = []
    if len(address) > 200:
        problems.append(Problem(gettext("送达地点不能超过200个字符"), code="too_long", field="address"))
    if how is DeliveryMethod.POST:
        address = address or case.applicant_address
        if not address:
            problems.append(Problem(gettext("邮寄送达须填写邮寄地址"), code="required", field="address"))
        if not tracking_number:
            problems.append(Problem(gettext("邮寄送达须填写邮件号码"), code="required", field="tracking_number"))
        elif not TRACKING_NUMBER.fullmatch(tracking_number):
            problems.append(
                Problem(gettext("邮件号码格式不正确"), code="invalid_tracking_number", field="tracking_number")
            )
    elif tracking_number:
        problems.append(Problem(gettext("只有邮寄送达才有邮件号码"), code="not_posted", field="tracking_number"))
    if problems:
        raise ValidationFailed(problems)
    delivery = delivery_record(how, address, tracking_number)
    return _advance(case, "deliver", "delivered", actor, note, on, expected_revision, delivery=delivery)


def delivery_record(how: DeliveryMethod, address: str = "", tracking_number: str = "") -> dict[str, str]:
    """How a result was delivered, as the delivery event keeps it: ``method`` as the 送达回证 prints it (Chinese,
    whatever the clerk's language: the receipt is a Chinese document), ``method_code``, the place, the tracking
    number."""
    with translation.override("zh-hans"):
        name = str(how.label)
    record = {"method": f"{name}（{tracking_number}）" if tracking_number else name, "method_code": how.value}
    if address or how is DeliveryMethod.ELECTRONIC:
        record["address"] = address or "网上办事大厅申请人账户"
    if tracking_number:
        record["tracking_number"] = tracking_number
    return record


def close_case(
    *,
    case: Case,
    actor: Actor,
    note: str = "",
    on: datetime.date | None = None,
    expected_revision: int | None = None,
) -> Case:
    return _advance(case, "close", "closed", actor, note, on, expected_revision)


def archive_case(
    *,
    case: Case,
    actor: Actor,
    note: str = "",
    on: datetime.date | None = None,
    expected_revision: int | None = None,
) -> Case:
    return _advance(case, "archive", "archived", actor, note, on, expected_revision)


def withdraw_case(
    *,
    case: Case,
    actor: Actor,
    note: str = "",
    on: datetime.date | None = None,
    expected_revision: int | None = None,
) -> Case:
    """The applicant withdraws before the decision; open steps are cancelled, a running procedure ends."""
    return _advance(case, "withdraw", "withdrawn", actor, note, on, expected_revision)


@transaction.atomic
def handle_immediately(*, case: Case, actor: Actor, opinion: str = "") -> Case:
    """即办件 at the window: accepted, decided, certified (where its result is a certificate), delivered and closed in
    one sitting."""
    if case.item_version.case_type != CaseType.IMMEDIATE:
        raise Conflict(gettext("只有即办件可以当场办结"), code="not_immediate")
    on = today()
    case = accept_case(case=case, actor=actor, on=on)
    case = decide_case(case=case, approve=True, reason=opinion or "当场审核通过", actor=actor, on=on)
    if case.item_version.issues_certificate:
        case = certify_case(case=case, actor=actor, on=on)
    case = deliver_case(case=case, actor=actor, on=on)
    return close_case(case=case, actor=actor, on=on)


def recompute_provisional_deadlines(actor: Actor) -> int:
    """After a year's holiday schedule is loaded: recompute every open case whose deadline was provisional."""
    count = 0
    open_ids = Case.objects.filter(deadline_provisional=True, accepted_on__isnull=False).exclude(
        status__in=[Status.CLOSED, Status.ARCHIVED, Status.REFUSED, Status.WITHDRAWN]
    )
    for pk in open_ids.values_list("pk", flat=True).iterator():
        with transaction.atomic():
            case = _lock(Case(pk=pk))
            before = (case.promised_deadline, case.legal_deadline, case.delivery_deadline)
            recompute_clock(case)
            after = (case.promised_deadline, case.legal_deadline, case.delivery_deadline)
            if after != before or not case.deadline_provisional:
                case.revision += 1
                case.save(
                    update_fields=[
                        "revision",
                        "promised_deadline",
                        "legal_deadline",
                        "deadline_provisional",
                        "delivery_deadline",
                        "paused_days",
                        "updated_at",
                    ]
                )
                audit.record(
                    actor=actor,
                    action="cases.case.deadline_recomputed",
                    obj=case,
                    changes={
                        "promised_deadline": [before[0], case.promised_deadline],
                        "legal_deadline": [before[1], case.legal_deadline],
                        **(
                            {"delivery_deadline": [before[2], case.delivery_deadline]}
                            if before[2] != case.delivery_deadline
                            else {}
                        ),
                        "provisional": case.deadline_provisional,
                    },
                )
                count += 1
    return count
