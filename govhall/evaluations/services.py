"""Ratings. On site only through the window's evaluation device, for the visit just finished there, once;
online only by the applicant of a closed case, once. Staff can never rate (State Council 2019 No. 51)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from govhall.cases.models import Case, CaseEvent, Status
from govhall.core import audit
from govhall.core.actors import Actor
from govhall.core.errors import AccessDenied, Conflict, DomainError
from govhall.evaluations.models import BAD_LEVELS, Channel, Evaluation, Level
from govhall.evaluations.reasons import BAD_REASONS
from govhall.org.models import StaffProfile
from govhall.queueing import hours
from govhall.queueing.models import Desk, Device, DeviceKind, Ticket, TicketStatus
from govhall.queueing.services import device_actor

CLOSED = (Status.CLOSED, Status.ARCHIVED)
COMMENT_MAX = 500


def _check_rating(level: int, reasons: Sequence[str], comment: str) -> tuple[list[str], str]:
    if level not in Level.values:
        raise DomainError(_("评价等级应为1至5"), code="evaluation.invalid_level", field="level")
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX:
        raise DomainError(_("意见不能超过500字"), code="invalid", field="comment")
    if level not in BAD_LEVELS:
        return [], comment
    unknown = [r for r in reasons if r not in BAD_REASONS]
    if unknown:
        raise DomainError(_("差评原因无效"), code="evaluation.invalid_reason", field="reasons")
    if not reasons and not comment:
        raise DomainError(_("差评请勾选原因或填写意见"), code="evaluation.reason_required", field="reasons")
    return sorted(set(reasons)), comment


def _save(evaluation: Evaluation, actor: Actor, target: Ticket | Case) -> Evaluation:
    try:
        with transaction.atomic():
            evaluation.save(force_insert=True)
    except IntegrityError:  # the unique one-to-one: a second rating of the same visit or case
        raise Conflict(_("已评价过，不能重复评价"), code="evaluation.already_rated") from None
    audit.record(
        actor=actor,
        action="evaluations.evaluation.rated",
        obj=evaluation,
        changes={"level": evaluation.level, "channel": evaluation.channel, "target": str(target)},
    )
    return evaluation


@transaction.atomic
def rate_visit(
    *,
    device: Device,
    ticket_id: int,
    level: int,
    reasons: Sequence[str] = (),
    comment: str = "",
    contact_consent: bool = False,
    staff_session: bool = False,
    now: datetime.datetime | None = None,
) -> Evaluation:
    """``staff_session``: the request carried a staff login; such a request never rates (the clerk's own)."""
    now = now or timezone.now()
    if staff_session:
        raise AccessDenied(_("工作人员不能代替办事群众评价"), code="evaluation.staff_session")
    if device.kind != DeviceKind.EVALUATOR or not device.active or device.window_id is None:
        raise AccessDenied(_("该终端不是评价器"), code="evaluation.device_not_evaluator")
    reasons, comment = _check_rating(level, reasons, comment)
    # The desk row lock orders a rating against the window finishing its next visit.
    desk = Desk.objects.select_for_update(of=("self",)).filter(window_id=device.window_id).order_by().first()
    if desk is None or desk.last_finished_id != ticket_id:
        raise Conflict(_("只能评价本窗口刚刚办结的业务"), code="evaluation.not_current_visit")
    ticket = Ticket.objects.select_related("clerk").get(pk=ticket_id)
    if ticket.status != TicketStatus.FINISHED or ticket.window_id != device.window_id or ticket.finished_at is None:
        raise Conflict(_("只能评价本窗口刚刚办结的业务"), code="evaluation.not_current_visit")
    validity = datetime.timedelta(minutes=hours.settings_for(ticket.center_id).rating_validity_minutes)
    if now > ticket.finished_at + validity:
        raise Conflict(_("评价已超时"), code="evaluation.expired")
    if Evaluation.objects.filter(ticket_id=ticket.pk).exists():
        raise Conflict(_("已评价过，不能重复评价"), code="evaluation.already_rated")
    case = ticket.cases.select_related("deciding_department").first()
    department_id = case.deciding_department_id if case is not None else None
    if department_id is None and ticket.clerk_id is not None:
        department_id = (
            StaffProfile.objects.filter(user_id=ticket.clerk_id).values_list("department_id", flat=True).first()
        )
    evaluation = Evaluation(
        channel=Channel.ONSITE,
        level=level,
        is_bad=level in BAD_LEVELS,
        reasons=reasons,
        comment=comment,
        ticket=ticket,
        center_id=ticket.center_id,
        window_id=ticket.window_id,
        clerk_id=ticket.clerk_id,
        department_id=department_id,
        device=device,
        rater_name=ticket.name,
        rater_id_number=ticket.id_number,
        rater_phone=ticket.phone,
        contact_consent=contact_consent,
        created_at=now,
    )
    return _save(evaluation, device_actor(device), ticket)


@transaction.atomic
def rate_case(
    *,
    case: Case,
    id_number: str,
    level: int,
    reasons: Sequence[str] = (),
    comment: str = "",
    contact_consent: bool = False,
    client_ip: str | None = None,
    now: datetime.datetime | None = None,
) -> Evaluation:
    """The applicant rates a closed case online; he proves himself with the ID number on the case."""
    now = now or timezone.now()
    if (id_number or "").strip().upper() != case.applicant_id_number.strip().upper():
        raise AccessDenied(_("证件号码与申请人不符"), code="evaluation.not_applicant", field="id_number")
    if case.status not in CLOSED:
        raise Conflict(_("办件办结后才能评价"), code="evaluation.case_not_closed")
    reasons, comment = _check_rating(level, reasons, comment)
    clerk_id = CaseEvent.objects.filter(case=case, action="accepted").values_list("actor_id", flat=True).first()
    evaluation = Evaluation(
        channel=Channel.ONLINE,
        level=level,
        is_bad=level in BAD_LEVELS,
        reasons=reasons,
        comment=comment,
        case=case,
        center_id=case.receiving_center_id,
        window_id=case.window_id,
        clerk_id=clerk_id,
        department_id=case.deciding_department_id,
        rater_name=case.applicant_name,
        rater_id_number=case.applicant_id_number,
        rater_phone=case.applicant_phone,
        contact_consent=contact_consent,
        created_at=now,
    )
    actor = Actor(user=None, role="applicant", client_ip=client_ip)
    return _save(evaluation, actor, case)
