"""The hall: tickets, calling, the board, appointments, ratings. Every endpoint loads through an access
function (or a device token) and changes through one service of govhall.queueing / govhall.evaluations."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext
from ninja import Path, Query, Router
from ninja import Status as Reply
from ninja.security import APIKeyHeader

from govhall.accounts.models import User
from govhall.accounts.tokens import user_for_token
from govhall.api.auth import SessionAuth, TokenAuth, acting, api_auth
from govhall.api.hall_schemas import (
    AppointmentOut,
    BoardOut,
    BookIn,
    EvaluationOut,
    FinishIn,
    HoldIn,
    PendingOut,
    ProveIn,
    RateCaseIn,
    RateVisitIn,
    SlotOut,
    TakeIn,
    TakenOut,
    TicketOut,
    TransferIn,
    appointment_of,
    board_of,
    slot_of,
    taken_of,
    ticket_of,
)
from govhall.api.schemas import ErrorOut
from govhall.cases.models import Case
from govhall.core.actors import Actor, client_ip
from govhall.core.errors import AccessDenied, NotFound
from govhall.evaluations import selectors as evaluation_selectors
from govhall.evaluations import services as evaluation_services
from govhall.org.access import roles_of
from govhall.org.models import Center, Role, Window
from govhall.queueing import selectors, services
from govhall.queueing.access import access_desk, access_ticket, device_for_token
from govhall.queueing.models import AppointmentSlot, Category, Device, DeviceKind

router = Router(tags=["大厅：排队叫号、预约、评价"])

ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}
TICKET = {200: TicketOut, **ERRORS}
ID = Path(..., ge=1, le=2**31 - 1)
DEVICE_HEADER = "X-Govhall-Device"
CLERK, MANAGER = Role.WINDOW_CLERK, Role.CENTER_MANAGER


class DeviceAuth(APIKeyHeader):
    param_name = DEVICE_HEADER

    def authenticate(self, request: HttpRequest, key: str | None) -> Device | None:
        return device_for_token(key or "")


device_auth = DeviceAuth()
device_or_staff: list[Any] = [device_auth, TokenAuth(), SessionAuth()]


def _device(request: HttpRequest, *kinds: str) -> Device | None:
    auth = getattr(request, "auth", None)
    if isinstance(auth, Device):
        if auth.kind not in kinds:
            raise AccessDenied(gettext("该终端不能执行此操作"), code="device_not_allowed")
        return auth
    return None


def _staff_user(request: HttpRequest) -> User | None:
    """A staff login on the request (bearer token or session), whether or not it authenticated the call."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        user = user_for_token(header[7:].strip())
        if user is not None and roles_of(user):
            return user
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and roles_of(user):
        return user  # type: ignore[return-value]
    return None


def _center_of_actor(request: HttpRequest, device: Device | None) -> Center:
    if device is not None:
        return device.center
    from govhall.queueing.access import access_center

    return access_center(request.user, request)[0]


def _kiosk_or_staff(request: HttpRequest) -> tuple[Actor, Center]:
    device = _device(request, DeviceKind.KIOSK)
    if device is not None:
        return services.device_actor(device, client_ip(request)), device.center
    actor = acting(request, CLERK, MANAGER)
    return actor, _center_of_actor(request, None)


def _category(center: Center, category_id: int) -> Category:
    category = Category.objects.filter(pk=category_id, center=center).first()
    if category is None:
        raise NotFound(gettext("业务类别不存在"), code="queue.category_not_found")
    return category


# --- tickets ----------------------------------------------------------------------------------------
@router.post(
    "/categories/{category_id}/tickets",
    response={201: TakenOut, **ERRORS},
    auth=device_or_staff,
    summary="取号（自助终端或窗口）",
)
def take_ticket(request: HttpRequest, payload: TakeIn, category_id: int = ID) -> Reply:
    actor, center = _kiosk_or_staff(request)
    result = services.take_ticket(
        category=_category(center, category_id),
        actor=actor,
        source=payload.source,
        priority=payload.priority,
        id_number=payload.id_number,
        phone=payload.phone,
        name=payload.name,
    )
    return Reply(201, taken_of(result))


@router.post("/tickets/{ticket_id}/requeue", response=TICKET, auth=device_or_staff, summary="过号重排")
def requeue(request: HttpRequest, ticket_id: int = ID) -> dict[str, Any]:
    actor, center = _kiosk_or_staff(request)
    return ticket_of(services.requeue(ticket=access_ticket(center, ticket_id), actor=actor))


@router.post("/windows/{window_id}/call-next", response=TICKET, auth=api_auth, summary="叫号")
def call_next(request: HttpRequest, window_id: int = ID) -> dict[str, Any]:
    window, actor = access_desk(request.user, window_id, request)
    return ticket_of(services.call_next(window=window, actor=actor))


def _at_desk(request: HttpRequest, window_id: int, ticket_id: int) -> tuple[Window, Actor, Any]:
    window, actor = access_desk(request.user, window_id, request)
    actor = acting(request, CLERK, MANAGER)
    return window, actor, access_ticket(window.center, ticket_id)


@router.post("/windows/{window_id}/tickets/{ticket_id}/recall", response=TICKET, auth=api_auth, summary="重呼")
def recall(request: HttpRequest, window_id: int = ID, ticket_id: int = ID) -> dict[str, Any]:
    window, actor, ticket = _at_desk(request, window_id, ticket_id)
    return ticket_of(services.recall(ticket=ticket, window=window, actor=actor))


@router.post("/windows/{window_id}/tickets/{ticket_id}/skip", response=TICKET, auth=api_auth, summary="过号")
def skip(request: HttpRequest, window_id: int = ID, ticket_id: int = ID) -> dict[str, Any]:
    window, actor, ticket = _at_desk(request, window_id, ticket_id)
    return ticket_of(services.skip(ticket=ticket, window=window, actor=actor))


@router.post("/windows/{window_id}/tickets/{ticket_id}/start", response=TICKET, auth=api_auth, summary="开始办理")
def start(request: HttpRequest, window_id: int = ID, ticket_id: int = ID) -> dict[str, Any]:
    window, actor, ticket = _at_desk(request, window_id, ticket_id)
    return ticket_of(services.start_serving(ticket=ticket, window=window, actor=actor))


@router.post("/windows/{window_id}/tickets/{ticket_id}/hold", response=TICKET, auth=api_auth, summary="暂停")
def hold(request: HttpRequest, payload: HoldIn, window_id: int = ID, ticket_id: int = ID) -> dict[str, Any]:
    window, actor, ticket = _at_desk(request, window_id, ticket_id)
    return ticket_of(services.hold(ticket=ticket, window=window, actor=actor, reason=payload.reason))


@router.post("/windows/{window_id}/tickets/{ticket_id}/resume", response=TICKET, auth=api_auth, summary="恢复办理")
def resume(request: HttpRequest, window_id: int = ID, ticket_id: int = ID) -> dict[str, Any]:
    window, actor, ticket = _at_desk(request, window_id, ticket_id)
    return ticket_of(services.resume(ticket=ticket, window=window, actor=actor))


@router.post("/windows/{window_id}/tickets/{ticket_id}/transfer", response=TICKET, auth=api_auth, summary="转移")
def transfer(request: HttpRequest, payload: TransferIn, window_id: int = ID, ticket_id: int = ID) -> dict[str, Any]:
    window, actor, ticket = _at_desk(request, window_id, ticket_id)
    to_category = _category(window.center, payload.to_category_id) if payload.to_category_id else None
    to_window = None
    if payload.to_window_id:
        to_window = Window.objects.filter(pk=payload.to_window_id, center=window.center).first()
        if to_window is None:
            raise NotFound(gettext("窗口不存在"), code="queue.window_not_found", field="to_window_id")
    return ticket_of(
        services.transfer(
            ticket=ticket,
            window=window,
            actor=actor,
            to_category=to_category,
            to_window=to_window,
            reason=payload.reason,
        )
    )


@router.post("/windows/{window_id}/tickets/{ticket_id}/finish", response=TICKET, auth=api_auth, summary="办结")
def finish(request: HttpRequest, payload: FinishIn, window_id: int = ID, ticket_id: int = ID) -> dict[str, Any]:
    window, actor, ticket = _at_desk(request, window_id, ticket_id)
    cases = list(Case.objects.filter(receipt_number__in=payload.receipt_numbers))
    if len(cases) != len(set(payload.receipt_numbers)):
        raise NotFound(gettext("办件不存在"), code="queue.case_not_found", field="receipt_numbers")
    return ticket_of(services.finish(ticket=ticket, window=window, actor=actor, cases=cases))


# --- the board --------------------------------------------------------------------------------------
@router.get(
    "/centers/{center_code}/board",
    response={200: BoardOut, **ERRORS},
    auth=None,
    summary="大屏状态",
    description="No personal data: numbers, windows, counts. Poll with `?since=<version>`; `changed=false` "
    "means nothing happened since.",
)
def board(
    request: HttpRequest, center_code: str = Path(..., max_length=20), since: int = Query(0, ge=0, le=2**62)
) -> dict[str, Any]:
    center = Center.objects.filter(code=center_code).first()
    if center is None:
        raise NotFound(gettext("服务中心不存在"), code="queue.center_not_found")
    return board_of(selectors.board_state(center=center, since=since))


# --- appointments -----------------------------------------------------------------------------------
@router.get("/categories/{category_id}/slots", response={200: list[SlotOut], **ERRORS}, auth=None, summary="可预约时段")
def slots(
    request: HttpRequest,
    category_id: int = ID,
    day_from: datetime.date | None = None,
    day_to: datetime.date | None = None,
) -> list[dict[str, Any]]:
    category = Category.objects.filter(pk=category_id, active=True).first()
    if category is None:
        raise NotFound(gettext("业务类别不存在"), code="queue.category_not_found")
    first = day_from or timezone.localdate()
    last = day_to or first + datetime.timedelta(days=14)
    return [slot_of(s) for s in selectors.bookable_slots(category=category, day_from=first, day_to=last)]


def _optional_staff_actor(request: HttpRequest) -> Actor | None:
    user = _staff_user(request)
    if user is None:
        return None
    request.user = user
    return acting(request, CLERK, MANAGER)


@router.post("/slots/{slot_id}/appointments", response={201: AppointmentOut, **ERRORS}, auth=None, summary="预约")
def book(request: HttpRequest, payload: BookIn, slot_id: int = ID) -> Reply:
    slot = AppointmentSlot.objects.select_related("category").filter(pk=slot_id).first()
    if slot is None:
        raise NotFound(gettext("预约时段不存在"), code="appointment.slot_not_found")
    actor = _optional_staff_actor(request) or Actor(user=None, role="applicant", client_ip=client_ip(request))
    appointment = services.book(
        slot=slot,
        name=payload.name,
        id_number=payload.id_number,
        id_kind=payload.id_kind,
        phone=payload.phone,
        channel=payload.channel,
        actor=actor,
    )
    return Reply(201, appointment_of(appointment))


@router.post("/appointments/{code}/cancel", response={200: AppointmentOut, **ERRORS}, auth=None, summary="取消预约")
def cancel_appointment(request: HttpRequest, payload: ProveIn, code: str = Path(..., max_length=12)) -> dict[str, Any]:
    appointment = selectors.appointment_by_code(center=None, code=code)
    actor = _optional_staff_actor(request)
    if actor is None:
        if payload.id_number.strip().upper() != appointment.id_number:
            raise AccessDenied(gettext("证件号码与预约人不符"), code="appointment.not_booker", field="id_number")
        actor = Actor(user=None, role="applicant", client_ip=client_ip(request))
    return appointment_of(services.cancel_appointment(appointment=appointment, actor=actor))


@router.post(
    "/appointments/{code}/check-in", response={200: TakenOut, **ERRORS}, auth=device_or_staff, summary="预约签到"
)
def check_in(request: HttpRequest, code: str = Path(..., max_length=12)) -> dict[str, Any]:
    actor, center = _kiosk_or_staff(request)
    appointment = selectors.appointment_by_code(center=center, code=code)
    return taken_of(services.check_in(appointment=appointment, actor=actor))


# --- ratings ----------------------------------------------------------------------------------------
@router.get(
    "/device/pending", response={200: PendingOut | None, **ERRORS}, auth=[device_auth], summary="评价器待评业务"
)
def pending(request: HttpRequest) -> Any:
    device = _device(request, DeviceKind.EVALUATOR)
    assert device is not None
    found = evaluation_selectors.pending_visit(device=device)
    return found.__dict__ if found is not None else None


@router.post(
    "/device/ratings", response={201: EvaluationOut, **ERRORS}, auth=[device_auth], summary="现场评价（一次一评）"
)
def rate_visit(request: HttpRequest, payload: RateVisitIn) -> Reply:
    device = request.auth  # type: ignore[attr-defined]
    if not isinstance(device, Device):
        raise AccessDenied(gettext("仅限评价器"), code="evaluation.device_not_evaluator")
    evaluation = evaluation_services.rate_visit(
        device=device,
        ticket_id=payload.ticket_id,
        level=payload.level,
        reasons=payload.reasons,
        comment=payload.comment,
        contact_consent=payload.contact_consent,
        staff_session=_staff_user(request) is not None,
    )
    return Reply(201, evaluation)


@router.post(
    "/cases/{receipt_number}/rating", response={201: EvaluationOut, **ERRORS}, auth=None, summary="网上评价（一事一评）"
)
def rate_case(request: HttpRequest, payload: RateCaseIn, receipt_number: str = Path(..., max_length=40)) -> Reply:
    if _staff_user(request) is not None:
        raise AccessDenied(gettext("工作人员不能代替办事群众评价"), code="evaluation.staff_session")
    case = Case.objects.filter(receipt_number=receipt_number).first()
    if case is None:
        raise NotFound(gettext("办件不存在"), code="case_not_found")
    try:
        evaluation = evaluation_services.rate_case(
            case=case,
            id_number=payload.id_number,
            level=payload.level,
            reasons=payload.reasons,
            comment=payload.comment,
            contact_consent=payload.contact_consent,
            client_ip=client_ip(request),
        )
    except AccessDenied as exc:  # do not tell a guesser whether the case exists
        raise NotFound(gettext("办件不存在或证件号码不符"), code=exc.code, field=exc.field) from None
    return Reply(201, evaluation)
