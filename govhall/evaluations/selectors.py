"""Reads for the evaluation tablet and the ratings list (rater data masked)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from govhall.core.masking import mask_name, mask_phone
from govhall.evaluations.models import Evaluation
from govhall.org.models import Center, StaffProfile
from govhall.queueing import hours
from govhall.queueing.models import Desk, Device, DeviceKind, TicketStatus


@dataclass(frozen=True)
class PendingVisit:
    ticket_id: int
    number: str
    window_number: str
    clerk_name: str
    clerk_number: str
    rate_until: datetime.datetime


def pending_visit(*, device: Device, now: datetime.datetime | None = None) -> PendingVisit | None:
    """The visit the tablet should ask about: the last finished at its window, unrated, still valid."""
    now = now or timezone.now()
    if device.kind != DeviceKind.EVALUATOR or device.window_id is None:
        return None
    desk = Desk.objects.select_related("last_finished__clerk", "window").filter(window_id=device.window_id).first()
    ticket = desk.last_finished if desk is not None else None
    if ticket is None or ticket.status != TicketStatus.FINISHED or ticket.finished_at is None:
        return None
    until = ticket.finished_at + datetime.timedelta(
        minutes=hours.settings_for(ticket.center_id).rating_validity_minutes
    )
    if now > until or Evaluation.objects.filter(ticket_id=ticket.pk).exists():
        return None
    clerk = ticket.clerk
    staff_number = (
        StaffProfile.objects.filter(user=clerk).values_list("staff_number", flat=True).first() if clerk else ""
    )
    return PendingVisit(
        ticket_id=ticket.pk,
        number=ticket.number,
        window_number=desk.window.number if desk is not None else "",
        clerk_name=(clerk.display_name or clerk.get_username()) if clerk is not None else "",
        clerk_number=staff_number or "",
        rate_until=until,
    )


@dataclass(frozen=True)
class EvaluationRow:
    id: int
    channel: str
    level: int
    is_bad: bool
    reasons: list[str]
    comment: str
    window: str | None
    clerk: str | None
    department: str | None
    rater_name: str
    rater_phone: str
    contact_consent: bool
    created_at: datetime.datetime


def evaluations_for(*, center: Center, date_from: datetime.date, date_to: datetime.date) -> list[EvaluationRow]:
    start = hours.start_of_day(date_from)
    end = hours.start_of_day(date_to + datetime.timedelta(days=1))
    qs = Evaluation.objects.filter(center=center, created_at__gte=start, created_at__lt=end).select_related(
        "window", "clerk", "department"
    )
    return [
        EvaluationRow(
            id=e.pk,
            channel=e.channel,
            level=e.level,
            is_bad=e.is_bad,
            reasons=list(e.reasons),
            comment=e.comment,
            window=e.window.number if e.window else None,
            clerk=(e.clerk.display_name or e.clerk.get_username()) if e.clerk else None,
            department=e.department.name if e.department else None,
            rater_name=mask_name(e.rater_name),
            rater_phone=mask_phone(e.rater_phone),
            contact_consent=e.contact_consent,
            created_at=e.created_at,
        )
        for e in qs
    ]
