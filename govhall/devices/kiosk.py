"""The kiosk (自助终端): take a ticket and print it, check in an appointment, look up a case's progress,
browse the guides. Touch-first; every page returns home after a minute without a touch."""

from __future__ import annotations

from typing import Any

from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from govhall.core.errors import DomainError
from govhall.core.identity import check_resident_id
from govhall.devices import progress
from govhall.devices.access import actor_for, device_page
from govhall.queueing import priority, selectors, services
from govhall.queueing.access import access_ticket
from govhall.queueing.models import Appointment, AppointmentStatus, Category, Device, DeviceKind, Priority
from govhall.queueing.services import TakenTicket

TICKET_SALT = "govhall.devices.kiosk.ticket"
TICKET_LINK_SECONDS = 15 * 60
PRIORITY_CLAIMS = (Priority.NONE, Priority.ELDERLY, Priority.DISABLED)


def _ticket_page(taken: TakenTicket) -> HttpResponse:
    token = signing.dumps(taken.ticket.pk, salt=TICKET_SALT)
    return redirect(reverse("devices:kiosk_ticket", args=[token]) + "?print=1")


@device_page(DeviceKind.KIOSK)
def home(request: HttpRequest, device: Device) -> HttpResponse:
    return render(request, "devices/kiosk/home.html", {"device": device, "center": device.center})


def _take_context(device: Device, **extra: Any) -> dict[str, Any]:
    lines = selectors.category_estimates(center=device.center)
    return {"device": device, "center": device.center, "lines": list(lines.values()), **extra}


@device_page(DeviceKind.KIOSK)
@require_http_methods(["GET", "POST"])
def take(request: HttpRequest, device: Device) -> HttpResponse:
    if request.method != "POST":
        return render(request, "devices/kiosk/take.html", _take_context(device, claim=Priority.NONE))
    claim = request.POST.get("claim", Priority.NONE)
    id_number = request.POST.get("id_number", "").strip().upper()
    try:
        category = _category(device, request.POST.get("category", ""))
        if claim not in PRIORITY_CLAIMS:
            raise DomainError(_("优先类型无效"), code="invalid_choice", field="claim")
        if claim == Priority.ELDERLY:
            # 70+ is read from the resident ID (the service derives it); check first so nobody is handed an
            # ordinary ticket he did not ask for.
            if not id_number:
                raise DomainError(_("老年人优先请输入本人身份证号码"), code="required", field="id_number")
            check_resident_id(id_number, field="id_number")
            age = priority.age_on(id_number, timezone.localdate())
            if age is None or age < priority.ELDERLY_AGE:
                message = _("根据身份证号码，您未满70周岁，请选择普通取号")
                raise DomainError(message, code="queue.not_elderly", field="id_number")
        taken = services.take_ticket(
            category=category,
            actor=actor_for(request, device),
            priority=Priority.DISABLED if claim == Priority.DISABLED else Priority.NONE,
            id_number=id_number if claim == Priority.ELDERLY else "",
        )
    except DomainError as error:
        context = _take_context(device, error=error.message, claim=claim, id_number=id_number)
        return render(request, "devices/kiosk/take.html", context, status=error.status)
    return _ticket_page(taken)


def _category(device: Device, raw: str) -> Category:
    found = (
        Category.objects.filter(pk=int(raw), center_id=device.center_id).select_related("center").first()
        if raw.isdigit()
        else None
    )
    if found is None:
        raise DomainError(_("请选择业务类别"), code="required", field="category")
    return found


@device_page(DeviceKind.KIOSK)
def ticket(request: HttpRequest, device: Device, token: str) -> HttpResponse:
    try:
        ticket_id = signing.loads(token, salt=TICKET_SALT, max_age=TICKET_LINK_SECONDS)
        found = access_ticket(device.center, int(ticket_id))
    except (signing.BadSignature, DomainError, TypeError, ValueError):
        raise Http404(_("号票已失效")) from None
    taken = services.taken(found)
    return render(
        request,
        "devices/kiosk/ticket.html",
        {
            "device": device,
            "center": device.center,
            "ticket": found,
            "ahead": taken.ahead,
            "estimate": taken.estimate,
            "autoprint": request.GET.get("print") == "1",
            "idle_seconds": 30,  # the next visitor is already waiting behind
        },
    )


# --- appointment check-in ----------------------------------------------------------------------------------
def _todays_bookings(device: Device, id_number: str) -> list[Appointment]:
    # No selector finds a person's bookings by ID number (appointments() masks them): a thin read here.
    return list(
        Appointment.objects.filter(
            center_id=device.center_id,
            id_number=id_number,
            status=AppointmentStatus.BOOKED,
            slot__day=timezone.localdate(),
        )
        .select_related("slot", "category")
        .order_by("slot__starts_at")
    )


@device_page(DeviceKind.KIOSK)
@require_http_methods(["GET", "POST"])
def check_in(request: HttpRequest, device: Device) -> HttpResponse:
    context: dict[str, Any] = {"device": device, "center": device.center}
    if request.method != "POST":
        return render(request, "devices/kiosk/checkin.html", context)
    entered = request.POST.get("code", "").strip().upper()[:40]
    context["entered"] = entered
    try:
        if not entered:
            raise DomainError(_("请输入预约码或身份证号码"), code="required", field="code")
        if len(entered) == 18:
            check_resident_id(entered, field="code")
            bookings = _todays_bookings(device, entered)
            if not bookings:
                raise DomainError(_("未找到您今天的有效预约"), code="appointment.not_found", field="code")
            if len(bookings) > 1:
                context["choices"] = bookings
                return render(request, "devices/kiosk/checkin.html", context)
            appointment = bookings[0]
        else:
            appointment = selectors.appointment_by_code(center=device.center, code=entered)
        taken = services.check_in(appointment=appointment, actor=actor_for(request, device))
    except DomainError as error:
        context["error"] = error.message
        return render(request, "devices/kiosk/checkin.html", context, status=error.status)
    return _ticket_page(taken)


# --- progress -----------------------------------------------------------------------------------------------
@device_page(DeviceKind.KIOSK)
@require_http_methods(["GET", "POST"])
def progress_lookup(request: HttpRequest, device: Device) -> HttpResponse:
    context: dict[str, Any] = {"device": device, "center": device.center}
    if request.method != "POST":
        return render(request, "devices/kiosk/progress.html", context)
    receipt = request.POST.get("receipt", "").strip()[:40]
    digits = request.POST.get("digits", "").strip()[:8]
    context["receipt"] = receipt
    if progress.locked_out(device, receipt):
        context["error"] = _("查询次数过多，请稍后再试或到咨询台询问")
        return render(request, "devices/kiosk/progress.html", context, status=429)
    found = progress.look_up(device=device, actor=actor_for(request, device), receipt=receipt, digits=digits)
    if found is None:
        context["error"] = _("未查询到匹配的办件，请核对受理编号和手机号后四位")
        return render(request, "devices/kiosk/progress.html", context, status=200)
    context["progress"] = found
    return render(request, "devices/kiosk/progress.html", context)
