"""Cases and their review steps: submit, act, read. Every endpoint loads through an access function and
changes through one service, the same ones the back office uses."""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any, Literal

from django.db import transaction
from django.db.models import ForeignKey
from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Header, Path, Query, Router
from ninja import Status as Reply

from govhall.accounts.models import User
from govhall.api.auth import acting, api_auth
from govhall.api.case_schemas import (
    AcceptIn,
    CaseOut,
    CasePageOut,
    CaseSummaryOut,
    CountersignIn,
    CountersignOut,
    DecideIn,
    DelegateIn,
    DeliverIn,
    ExtendIn,
    NoteIn,
    OpinionIn,
    ReasonIn,
    ResubmitIn,
    ReturnIn,
    RevisionIn,
    SubmitIn,
    SupplementIn,
    SuspendIn,
    TaskActionOut,
    TaskRowOut,
    TransferIn,
    detail_of,
    masked_applicant,
    summary_of,
    task_of,
)
from govhall.api.schemas import ErrorOut
from govhall.cases import selectors, services
from govhall.cases.access import access_case, case_reach, case_scope
from govhall.cases.clock import Light
from govhall.cases.countersign import open_countersign
from govhall.cases.models import Case, Status, Task
from govhall.core import masking
from govhall.core.actors import Actor
from govhall.core.errors import Conflict, DomainError, Problem, ValidationFailed
from govhall.org.models import Department, Role

router = Router(tags=["办件"], auth=api_auth)

ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}
CASE = {200: CaseSummaryOut, **ERRORS}
TASK = {200: TaskActionOut, **ERRORS}
RECEIPT = Path(..., max_length=40)
TASK_ID = Path(..., ge=1, le=2**31 - 1)
CLERK, APPROVER, CHIEF, MANAGER = Role.WINDOW_CLERK, Role.APPROVER, Role.CHIEF_REPRESENTATIVE, Role.CENTER_MANAGER
# Actions without required fields accept an empty body.
NO_BODY = RevisionIn.model_validate({})
NO_ACCEPT = AcceptIn.model_validate({})
NO_NOTE = NoteIn.model_validate({})
NO_DELIVERY = DeliverIn.model_validate({})
NO_OPINION = OpinionIn.model_validate({})
NO_RESUBMIT = ResubmitIn.model_validate({})
REVEALED = ("name", "id_number", "phone", "address", "agent_name", "agent_id_number", "agent_phone")


def _fingerprint(payload: SubmitIn) -> str:
    canonical = json.dumps(payload.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


@contextmanager
def _named(**names: str) -> Iterator[None]:
    """Errors name the fields as this endpoint's body calls them (the services say ``to_user``, the body
    ``username``)."""
    try:
        yield
    except ValidationFailed as failed:
        renamed = [replace(p, field=names.get(p.field or "", p.field)) for p in failed.problems]
        raise ValidationFailed(renamed, message=failed.message) from failed
    except DomainError as error:
        error.field = names.get(error.field or "", error.field)
        raise


def _case_and_actor(request: HttpRequest, receipt_number: str, *roles: str) -> tuple[Case, Actor]:
    return access_case(request.user, receipt_number), acting(request, *roles)


# A case's item, version, department and center, as its access read loaded them, answer for the row the service
# locked and returned (it joins only what it needs); the ids are compared, so nothing stale can be shown.
_KEPT: list[ForeignKey[Any, Any]] = [
    Case.item.field,
    Case.item_version.field,
    Case.deciding_department.field,
    Case.receiving_center.field,
]


def _summary(case: Case, loaded: Case | None = None) -> dict[str, Any]:
    if loaded is not None and loaded.pk == case.pk:
        for field in _KEPT:
            same = getattr(case, field.attname) == getattr(loaded, field.attname)
            if same and not field.is_cached(case) and field.is_cached(loaded):
                field.set_cached_value(case, field.get_cached_value(loaded))
    return summary_of(case)


# --- submit and read ---------------------------------------------------------------------------------
@router.post(
    "/cases",
    response={201: CaseSummaryOut, 200: CaseSummaryOut, **ERRORS},
    summary="收件（提交申请）",
    description="With an `Idempotency-Key`, a retry returns the first case (200, not 201); the same key with "
    "another request body is refused with 409 `idempotency_key_reused`.",
)
def submit(
    request: HttpRequest,
    payload: SubmitIn,
    idempotency_key: str | None = Header(None, alias="Idempotency-Key", max_length=80),
) -> Reply:
    actor = acting(request, CLERK)
    item, center, window = selectors.intake_targets(
        item_code=payload.item_code, center_code=payload.center_code, window_number=payload.window_number
    )
    intake = services.Intake(
        item=item,
        applicant=services.Applicant(**payload.applicant.model_dump()),
        channel=payload.channel,
        center=center,
        window=window,
        materials=[services.MaterialReceipt(m.material_id, m.state, m.form) for m in payload.materials],
        form_data=payload.form_data,
    )
    key = (idempotency_key or "").strip() or None
    with _named(item="item_code", center="center_code"):
        case = services.submit_case(
            intake=intake, actor=actor, idempotency_key=key, fingerprint=_fingerprint(payload) if key else None
        )
    return Reply(200 if services.replayed(case) else 201, _summary(case))


@router.get("/cases", response={200: CasePageOut, **ERRORS}, summary="查询办件（申请人信息脱敏）")
def query_cases(
    request: HttpRequest,
    receipt_number: str = Query("", max_length=40),
    status: Status | None = None,
    item_code: str = Query("", max_length=40),
    department_code: str = Query("", max_length=40),
    received_from: datetime.date | None = None,
    received_to: datetime.date | None = None,
    light: Light | None = None,
    delivery: Literal["pending", "late"] | None = Query(
        None, description="pending: a licence granted awaiting delivery; late: not delivered by its Art. 44 deadline"
    ),
    page: int = Query(1, ge=1, le=100_000),
    page_size: int = Query(20, ge=1, le=100),
) -> dict[str, Any]:
    if received_from and received_to and received_from > received_to:
        raise ValidationFailed(
            [Problem(gettext("截止日期不能早于起始日期"), code="invalid_range", field="received_to")]
        )
    where = selectors.CaseFilters(
        receipt_number=receipt_number,
        item=item_code,
        status=status or "",
        light=light or "",
        delivery=delivery or "",
        received_from=received_from,
        received_to=received_to,
    )
    qs = selectors.query_cases(case_reach(request.user), where, department_code=department_code, today=services.today())
    start = (page - 1) * page_size
    rows = [summary_of(c) for c in qs[start : start + page_size]]
    return {"count": qs.count(), "page": page, "page_size": page_size, "results": rows}


@router.get(
    "/cases/{receipt_number}",
    response={200: CaseOut, **ERRORS},
    summary="办件详情与办理过程",
    description="The applicant is masked; `?reveal=1` shows the full data and logs who read it (PIPL).",
)
def get_case(request: HttpRequest, receipt_number: str = RECEIPT, reveal: bool = False) -> dict[str, Any]:
    record = selectors.case_record(access_case(request.user, receipt_number))
    applicant = masked_applicant(record.case)
    if reveal:
        applicant = _revealed_applicant(record.case, acting(request))
    return detail_of(record, applicant)


@transaction.atomic
def _revealed_applicant(case: Case, actor: Actor) -> dict[str, Any]:
    applicant = {**masked_applicant(case), "masked": False}
    for name in REVEALED:
        column = name if name.startswith("agent_") else f"applicant_{name}"
        value = getattr(case, column)
        applicant[name] = value and masking.reveal(
            actor=actor, obj_type="cases.case", obj_id=case.pk, field=column, value=value, purpose="api.case_detail"
        )
    return applicant


# --- acceptance --------------------------------------------------------------------------------------
@router.post("/cases/{receipt_number}/accept", response=CASE, summary="受理")
def accept(request: HttpRequest, payload: AcceptIn = NO_ACCEPT, receipt_number: str = RECEIPT) -> dict[str, Any]:
    case, actor = _case_and_actor(request, receipt_number, CLERK, CHIEF)
    parallel = _departments(payload.parallel_departments, "parallel_departments")
    with _named(parallel="parallel_departments"):
        accepted = services.accept_case(
            case=case,
            actor=actor,
            expected_revision=payload.expected_revision,
            parallel=parallel,
            parallel_mode=payload.parallel_mode,
        )
    return _summary(accepted, case)


def _departments(codes: list[str], field: str) -> list[Department]:
    if not codes:
        return []
    departments = list(Department.objects.filter(code__in=codes))
    unknown = sorted(set(codes) - {d.code for d in departments})
    if unknown:
        message = gettext("部门不存在：%(codes)s") % {"codes": gettext("、").join(unknown)}
        raise ValidationFailed([Problem(message, code="unknown_department", field=field)])
    return departments


@router.post(
    "/cases/{receipt_number}/resubmit",
    response=CASE,
    summary="补正材料已提交",
    description="The applicant handed in what the 补正 notice asked for; the case is received again and waits for "
    "受理. `received`: the checklist's missing materials now handed in (empty where only content was corrected).",
)
def resubmit(request: HttpRequest, payload: ResubmitIn = NO_RESUBMIT, receipt_number: str = RECEIPT) -> dict[str, Any]:
    case, actor = _case_and_actor(request, receipt_number, CLERK, CHIEF)
    return _summary(
        services.resubmit_case(
            case=case, received=payload.received, actor=actor, expected_revision=payload.expected_revision
        ),
        case,
    )


@router.post("/cases/{receipt_number}/request-supplement", response=CASE, summary="一次性告知补正")
def request_supplement(request: HttpRequest, payload: SupplementIn, receipt_number: str = RECEIPT) -> dict[str, Any]:
    case, actor = _case_and_actor(request, receipt_number, CLERK, CHIEF)
    return _summary(
        services.request_supplement(
            case=case,
            missing=payload.missing,
            note=payload.note,
            actor=actor,
            expected_revision=payload.expected_revision,
        ),
        case,
    )


@router.post("/cases/{receipt_number}/refuse", response=CASE, summary="不予受理")
def refuse(request: HttpRequest, payload: ReasonIn, receipt_number: str = RECEIPT) -> dict[str, Any]:
    case, actor = _case_and_actor(request, receipt_number, CLERK, CHIEF)
    return _summary(
        services.refuse_case(
            case=case, reason=payload.reason, actor=actor, expected_revision=payload.expected_revision
        ),
        case,
    )


# --- the clock ---------------------------------------------------------------------------------------
@router.post("/cases/{receipt_number}/suspend", response=CASE, summary="启动特别程序（中止计时）")
def suspend(request: HttpRequest, payload: SuspendIn, receipt_number: str = RECEIPT) -> dict[str, Any]:
    case, actor = _case_and_actor(request, receipt_number, APPROVER, CHIEF)
    return _summary(
        services.suspend_case(
            case=case,
            procedure=payload.procedure,
            reason=payload.reason,
            actor=actor,
            expected_revision=payload.expected_revision,
        ),
        case,
    )


@router.post("/cases/{receipt_number}/resume", response=CASE, summary="特别程序结束，恢复计时")
def resume(request: HttpRequest, payload: RevisionIn = NO_BODY, receipt_number: str = RECEIPT) -> dict[str, Any]:
    case, actor = _case_and_actor(request, receipt_number, APPROVER, CHIEF)
    return _summary(services.resume_case(case=case, actor=actor, expected_revision=payload.expected_revision), case)


@router.post("/cases/{receipt_number}/extend", response=CASE, summary="延长办理期限")
def extend(request: HttpRequest, payload: ExtendIn, receipt_number: str = RECEIPT) -> dict[str, Any]:
    case, actor = _case_and_actor(request, receipt_number, CHIEF)
    return _summary(
        services.extend_case(
            case=case,
            days=payload.days,
            reason=payload.reason,
            actor=actor,
            expected_revision=payload.expected_revision,
        ),
        case,
    )


# --- decision and after ------------------------------------------------------------------------------
@router.post("/cases/{receipt_number}/decide", response=CASE, summary="作出决定（准予 / 不予许可）")
def decide(request: HttpRequest, payload: DecideIn, receipt_number: str = RECEIPT) -> dict[str, Any]:
    case, actor = _case_and_actor(request, receipt_number, CHIEF, CLERK)
    return _summary(
        services.decide_case(
            case=case,
            approve=payload.approve,
            reason=payload.reason,
            actor=actor,
            expected_revision=payload.expected_revision,
        ),
        case,
    )


@router.post("/cases/{receipt_number}/certify", response=CASE, summary="制证")
def certify(request: HttpRequest, payload: NoteIn = NO_NOTE, receipt_number: str = RECEIPT) -> dict[str, Any]:
    case, actor = _case_and_actor(request, receipt_number, CLERK, CHIEF)
    return _summary(
        services.certify_case(case=case, actor=actor, note=payload.note, expected_revision=payload.expected_revision),
        case,
    )


@router.post(
    "/cases/{receipt_number}/deliver",
    response=CASE,
    summary="送达",
    description="After 制证, or straight after the decision where the item's result is no licence or approval "
    "document (otherwise 409 certificate_required).",
)
def deliver(request: HttpRequest, payload: DeliverIn = NO_DELIVERY, receipt_number: str = RECEIPT) -> dict[str, Any]:
    case, actor = _case_and_actor(request, receipt_number, CLERK)
    delivered = services.deliver_case(
        case=case,
        actor=actor,
        note=payload.note,
        method=payload.method,
        address=payload.address,
        tracking_number=payload.tracking_number,
        expected_revision=payload.expected_revision,
    )
    return _summary(delivered, case)


@router.post("/cases/{receipt_number}/close", response=CASE, summary="办结")
def close(request: HttpRequest, payload: NoteIn = NO_NOTE, receipt_number: str = RECEIPT) -> dict[str, Any]:
    case, actor = _case_and_actor(request, receipt_number, CLERK, CHIEF)
    return _summary(
        services.close_case(case=case, actor=actor, note=payload.note, expected_revision=payload.expected_revision),
        case,
    )


@router.post("/cases/{receipt_number}/archive", response=CASE, summary="归档")
def archive(request: HttpRequest, payload: NoteIn = NO_NOTE, receipt_number: str = RECEIPT) -> dict[str, Any]:
    case, actor = _case_and_actor(request, receipt_number, CLERK, MANAGER)
    return _summary(
        services.archive_case(case=case, actor=actor, note=payload.note, expected_revision=payload.expected_revision),
        case,
    )


@router.post("/cases/{receipt_number}/withdraw", response=CASE, summary="申请人撤回申请")
def withdraw(request: HttpRequest, payload: NoteIn = NO_NOTE, receipt_number: str = RECEIPT) -> dict[str, Any]:
    case, actor = _case_and_actor(request, receipt_number, CLERK)
    return _summary(
        services.withdraw_case(case=case, actor=actor, note=payload.note, expected_revision=payload.expected_revision),
        case,
    )


# --- review steps ------------------------------------------------------------------------------------
def _task_result(task: Task, result: Task | None) -> dict[str, Any]:
    case = task.case
    case.refresh_from_db(fields=["status", "revision"])
    return {
        "receipt_number": case.receipt_number,
        "case_status": case.status,
        "case_revision": case.revision,
        "task": task_of(result) if result is not None else None,
    }


@router.get("/tasks", response={200: list[TaskRowOut], **ERRORS}, summary="待办环节（mine=1：我的；否则：部门待签收）")
def tasks(request: HttpRequest, mine: bool = False) -> list[dict[str, Any]]:
    case_scope(request.user)
    rows = selectors.inbox(request.user, tab="mine" if mine else "pool", today=services.today())
    return [{**task_of(r.task), "receipt_number": r.case.receipt_number, "case_status": r.case.status} for r in rows]


@router.post("/tasks/{task_id}/claim", response=TASK, summary="签收环节")
def claim(request: HttpRequest, payload: RevisionIn = NO_BODY, task_id: int = TASK_ID) -> dict[str, Any]:
    task, actor = selectors.task_by_id(task_id), acting(request, APPROVER, CHIEF)
    claimed = services.claim_task(task=task, actor=actor, expected_revision=payload.expected_revision)
    return _task_result(task, claimed)


@router.post("/tasks/{task_id}/complete", response=TASK, summary="办理环节（签署意见）")
def complete(request: HttpRequest, payload: OpinionIn = NO_OPINION, task_id: int = TASK_ID) -> dict[str, Any]:
    task, actor = selectors.task_by_id(task_id), acting(request, APPROVER, CHIEF)
    following = services.complete_task(
        task=task, opinion=payload.opinion, actor=actor, expected_revision=payload.expected_revision
    )
    return _task_result(task, following)


@router.post("/tasks/{task_id}/return", response=TASK, summary="回退到前序环节")
def return_task(request: HttpRequest, payload: ReturnIn, task_id: int = TASK_ID) -> dict[str, Any]:
    task, actor = selectors.task_by_id(task_id), acting(request, CHIEF, APPROVER)
    reopened = services.return_task(
        task=task,
        to_position=payload.to_position,
        reason=payload.reason,
        actor=actor,
        expected_revision=payload.expected_revision,
    )
    return _task_result(task, reopened)


def _active_user(username: str, field: str) -> User:
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise ValidationFailed([Problem(gettext("用户不存在"), code="unknown_user", field=field)])
    return user


@router.post("/tasks/{task_id}/transfer", response=TASK, summary="转办给本部门同事")
def transfer(request: HttpRequest, payload: TransferIn, task_id: int = TASK_ID) -> dict[str, Any]:
    task, actor = selectors.task_by_id(task_id), acting(request, APPROVER, CHIEF)
    to_user = _active_user(payload.username, "username")
    with _named(to_user="username"):
        moved = services.transfer_task(
            task=task, to_user=to_user, reason=payload.reason, actor=actor, expected_revision=payload.expected_revision
        )
    return _task_result(task, moved)


@router.post("/tasks/{task_id}/delegate", response=TASK, summary="委托本部门同事代为办理（username 为空：收回委托）")
def delegate(request: HttpRequest, payload: DelegateIn, task_id: int = TASK_ID) -> dict[str, Any]:
    task, actor = selectors.task_by_id(task_id), acting(request, APPROVER, CHIEF)
    to_user = _active_user(payload.username, "username") if payload.username is not None else None
    with _named(to_user="username"):
        delegated = services.delegate_task(
            task=task, to_user=to_user, reason=payload.reason, actor=actor, expected_revision=payload.expected_revision
        )
    return _task_result(task, delegated)


@router.post("/tasks/{task_id}/retract", response=TASK, summary="撤回（下一环节尚未办理时，由转出人收回）")
def retract(request: HttpRequest, payload: ReasonIn, task_id: int = TASK_ID) -> dict[str, Any]:
    task, actor = selectors.task_by_id(task_id), acting(request, APPROVER, CHIEF, CLERK)
    reopened = services.retract_task(
        task=task, reason=payload.reason, actor=actor, expected_revision=payload.expected_revision
    )
    return _task_result(task, reopened)


@router.post(
    "/cases/{receipt_number}/countersign",
    response={200: CountersignOut, **ERRORS},
    summary="对当前环节发起会签（all）或或签（any）",
)
def countersign(request: HttpRequest, payload: CountersignIn, receipt_number: str = RECEIPT) -> dict[str, Any]:
    case, actor = _case_and_actor(request, receipt_number, APPROVER, CHIEF)
    departments = _departments(payload.departments, "departments")
    approvers = list(User.objects.filter(username__in=payload.approvers, is_active=True))
    missing = sorted(set(payload.approvers) - {u.get_username() for u in approvers})
    if missing:
        message = gettext("用户不存在：%(names)s") % {"names": gettext("、").join(missing)}
        raise ValidationFailed([Problem(message, code="unknown_user", field="approvers")])
    if payload.expected_revision is not None and payload.expected_revision != case.revision:
        raise Conflict(gettext("该办件已被他人处理，请刷新后再操作"), code="stale_case")
    tasks = open_countersign(
        case=case,
        departments=departments,
        step_name=payload.step_name,
        actor=actor,
        mode=payload.mode,
        approvers=approvers,
    )
    fresh = Case.objects.only("status", "revision").get(pk=case.pk)
    return {
        "receipt_number": case.receipt_number,
        "case_status": fresh.status,
        "case_revision": fresh.revision,
        "tasks": [task_of(t) for t in tasks],
    }
