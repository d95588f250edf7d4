"""Online appointments (网上预约): choose a center's category, a working day, a slot with room; give name, ID
number and phone; get an appointment code. Cancel with the code and the same ID number. The queueing services
do every check (holidays, capacity, one live booking per person and category) and audit."""

from __future__ import annotations

import datetime
import hmac
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from django.contrib import messages
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from govhall.core.actors import Actor, client_ip
from govhall.core.errors import DomainError
from govhall.core.masking import mask_id_number, mask_name, mask_phone
from govhall.core.workdays import get_calendar
from govhall.queueing import selectors, services
from govhall.queueing.models import Appointment, AppointmentSlot, Category, SlotChannel

BOOKING_DAYS = 14
CODE_SALT = "govhall.portal.appointment"
CONFIRMATION_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Opening:
    slot: AppointmentSlot
    left: int


@dataclass(frozen=True)
class Day:
    day: datetime.date
    workday: bool
    slots: list[Opening]


def _applicant(request: HttpRequest) -> Actor:
    return Actor(user=None, role="applicant", client_ip=client_ip(request))


def _category(category_id: int) -> Category:
    # No selector lists a center's categories for the public: a thin read of active ones.
    found = Category.objects.filter(pk=category_id, active=True).select_related("center").first()
    if found is None:
        raise Http404(_("业务类别不存在或暂停预约"))
    return found


def _days(category: Category) -> list[Day]:
    today = timezone.localdate()
    last = today + datetime.timedelta(days=BOOKING_DAYS - 1)
    slots = selectors.bookable_slots(category=category, day_from=today, day_to=last)
    calendar = get_calendar()
    by_day = {
        day: [Opening(s, s.capacity - s.booked) for s in group] for day, group in groupby(slots, key=lambda s: s.day)
    }
    return [
        Day(day=d, workday=calendar.is_workday(d), slots=by_day.get(d, []))
        for d in (today + datetime.timedelta(days=i) for i in range(BOOKING_DAYS))
    ]


def categories(request: HttpRequest) -> HttpResponse:
    rows = Category.objects.filter(active=True).select_related("center").order_by("center__code", "position", "series")
    centers = [(center, list(group)) for center, group in groupby(rows, key=lambda c: c.center)]
    return render(request, "portal/appointments/categories.html", {"centers": centers})


def category_days(request: HttpRequest, category_id: int) -> HttpResponse:
    category = _category(category_id)
    days = _days(category)
    try:
        chosen = datetime.date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        chosen = next((d.day for d in days if d.slots), days[0].day)
    current = next((d for d in days if d.day == chosen), None)
    return render(
        request,
        "portal/appointments/days.html",
        {"category": category, "center": category.center, "days": days, "chosen": current},
    )


@require_http_methods(["GET", "POST"])
def book(request: HttpRequest, category_id: int, slot_id: int) -> HttpResponse:
    category = _category(category_id)
    slot = next((o.slot for d in _days(category) for o in d.slots if o.slot.pk == slot_id), None)
    if slot is None:
        messages.error(request, _("该时段已约满或不可预约，请重新选择"))
        return redirect("portal:appointment_days", category_id=category.pk)
    context: dict[str, Any] = {"category": category, "center": category.center, "slot": slot, "values": {}}
    if request.method == "POST":
        values = {k: request.POST.get(k, "").strip()[:60] for k in ("name", "id_number", "phone")}
        context["values"] = values
        try:
            appointment = services.book(
                slot=slot,
                name=values["name"],
                id_number=values["id_number"],
                phone=values["phone"],
                channel=SlotChannel.ONLINE,
                actor=_applicant(request),
            )
        except DomainError as error:
            context.update(error=error.message, error_field=error.field)
            return render(request, "portal/appointments/book.html", context, status=error.status)
        token = signing.dumps(appointment.code, salt=CODE_SALT)
        return redirect(reverse("portal:appointment_booked", args=[token]))
    return render(request, "portal/appointments/book.html", context)


def booked(request: HttpRequest, token: str) -> HttpResponse:
    try:
        code = signing.loads(token, salt=CODE_SALT, max_age=CONFIRMATION_SECONDS)
        appointment = selectors.appointment_by_code(center=None, code=str(code))
    except (signing.BadSignature, DomainError):
        raise Http404(_("预约不存在")) from None
    return render(request, "portal/appointments/booked.html", _summary(appointment))


def _summary(appointment: Appointment) -> dict[str, Any]:
    return {
        "appointment": appointment,
        "center": appointment.center,
        "name": mask_name(appointment.name),
        "id_number": mask_id_number(appointment.id_number),
        "phone": mask_phone(appointment.phone),
    }


@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest) -> HttpResponse:
    context: dict[str, Any] = {"values": {}}
    if request.method == "POST":
        code = request.POST.get("code", "").strip()[:12]
        id_number = request.POST.get("id_number", "").strip().upper()[:40]
        context["values"] = {"code": code}
        try:
            appointment = selectors.appointment_by_code(center=None, code=code)
            if not hmac.compare_digest(appointment.id_number.upper(), id_number):
                raise DomainError(_("预约码或证件号码不正确"), code="appointment.not_found")
            services.cancel_appointment(appointment=appointment, actor=_applicant(request))
        except DomainError as error:
            # One answer for an unknown code and a wrong ID number: the code alone reveals nobody's booking.
            message = _("预约码或证件号码不正确") if error.code == "appointment.not_found" else error.message
            context["error"] = message
            return render(request, "portal/appointments/cancel.html", context, status=400)
        context.update(_summary(appointment), cancelled=True)
    return render(request, "portal/appointments/cancel.html", context)
