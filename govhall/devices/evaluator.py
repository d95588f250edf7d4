"""The evaluation tablet (评价器) facing the visitor at one window: the clerk's name, picture and staff number;
after a visit finishes there, a rating on five levels (一次一评). It polls its own view every two seconds;
the answer is empty (204) while nothing changed, so a half-filled rating is never wiped."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from govhall.core.errors import DomainError
from govhall.devices.access import device_page, staff_signed_in
from govhall.evaluations.models import BAD_LEVELS, Level
from govhall.evaluations.reasons import BAD_REASONS
from govhall.evaluations.selectors import PendingVisit, pending_visit
from govhall.evaluations.services import rate_visit
from govhall.org.models import StaffProfile, Window
from govhall.queueing.models import Device, DeviceKind
from govhall.queueing.selectors import desk_state

AVATAR_COLOURS = ("#1d4e89", "#b3261e", "#1a7f37", "#8e44ad", "#b26a00", "#00796b")
LEVEL_STYLES = {5: "level-5", 4: "level-4", 3: "level-3", 2: "level-2", 1: "level-1"}


@dataclass(frozen=True)
class Clerk:
    name: str
    number: str
    initials: str
    colour: str


def initials(name: str) -> str:
    """王小明 → 小明 (how a hall addresses its staff); Li Ming → LM."""
    name = name.strip()
    if not name:
        return "?"
    if name.isascii():
        return "".join(part[0] for part in name.split()[:2]).upper()
    return name[-2:]


def clerk_card(name: str, number: str) -> Clerk:
    colour = AVATAR_COLOURS[int(hashlib.sha256(name.encode()).hexdigest(), 16) % len(AVATAR_COLOURS)]
    return Clerk(name=name, number=number, initials=initials(name), colour=colour)


def _clerk_at(window: Window, pending: PendingVisit | None) -> Clerk | None:
    """The clerk of the visit to rate; else the one serving now; else one staffing the window."""
    if pending is not None and pending.clerk_name:
        return clerk_card(pending.clerk_name, pending.clerk_number)
    desk = desk_state(window=window).desk
    ticket = desk.current if desk.current_id else desk.last_finished if desk.last_finished_id else None
    user = ticket.clerk if ticket is not None and ticket.clerk_id else None
    profile = (
        StaffProfile.objects.filter(user=user).select_related("user").first()
        if user is not None
        else window.staff.select_related("user").order_by("pk").first()
    )
    if profile is None:
        return None
    return clerk_card(profile.user.display_name or profile.user.get_username(), profile.staff_number)


def _panel_key(pending: PendingVisit | None, clerk: Clerk | None) -> str:
    return f"{pending.ticket_id if pending else 0}:{clerk.name if clerk else ''}"


def _panel(request: HttpRequest, device: Device, **extra: Any) -> dict[str, Any]:
    assert device.window is not None  # an evaluator is bound to a window (a check constraint)
    pending = pending_visit(device=device)
    clerk = _clerk_at(device.window, pending)
    return {
        "device": device,
        "window": device.window,
        "pending": pending,
        "clerk": clerk,
        "key": _panel_key(pending, clerk),
        "levels": [(value, label, LEVEL_STYLES[value]) for value, label in Level.choices],
        "bad_levels": [int(level) for level in BAD_LEVELS],
        "reasons": list(BAD_REASONS.items()),
        "staff_signed_in": staff_signed_in(request),
        **extra,
    }


@device_page(DeviceKind.EVALUATOR)
@require_GET
def page(request: HttpRequest, device: Device) -> HttpResponse:
    return render(request, "devices/evaluator/page.html", _panel(request, device))


@device_page(DeviceKind.EVALUATOR)
@require_GET
def panel(request: HttpRequest, device: Device) -> HttpResponse:
    context = _panel(request, device)
    if request.GET.get("showing") == context["key"]:
        return HttpResponse(status=204)
    return render(request, "devices/evaluator/_panel.html", context)


@device_page(DeviceKind.EVALUATOR)
@require_POST
def rate(request: HttpRequest, device: Device) -> HttpResponse:
    raw_level = request.POST.get("level", "")
    raw_ticket = request.POST.get("ticket", "")
    level = int(raw_level) if raw_level.isdigit() else None
    reasons = request.POST.getlist("reasons")
    comment = request.POST.get("comment", "")
    consent = request.POST.get("contact_consent") == "on"
    chosen = {"level": level, "reasons": reasons, "comment": comment, "consent": consent}
    try:
        if level is None:
            raise DomainError(_("请选择评价等级"), code="evaluation.invalid_level", field="level")
        if not raw_ticket.isdigit():
            raise DomainError(_("只能评价本窗口刚刚办结的业务"), code="evaluation.not_current_visit")
        rate_visit(
            device=device,
            ticket_id=int(raw_ticket),
            level=level,
            reasons=reasons,
            comment=comment,
            contact_consent=consent,
            staff_session=staff_signed_in(request),
        )
    except DomainError as error:
        # 200, not the error's 4xx: htmx swaps only successful answers, and the message is the answer here.
        return render(request, _template(request), _panel(request, device, error=error.message, chosen=chosen))
    return render(request, _template(request), _panel(request, device, thanks=True))


def _template(request: HttpRequest) -> str:
    return "devices/evaluator/_panel.html" if request.headers.get("HX-Request") else "devices/evaluator/page.html"
