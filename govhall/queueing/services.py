"""Writes to the hall's queue and appointments. Every action: one transaction, the ticket (or desk) row
locked, the transition table applied, the ticket's open period closed and the next one opened, one audit
entry. See docs/hall.md for the contract and the ordering rule."""

from __future__ import annotations

import datetime
import hashlib
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F, Q, Subquery
from django.db.models.functions import Abs
from django.utils import timezone
from django.utils.translation import gettext as _

from govhall.cases.models import Case
from govhall.catalog.models import ServiceItem
from govhall.core import audit
from govhall.core.actors import Actor
from govhall.core.errors import AccessDenied, Conflict, DomainError, NotFound
from govhall.core.identity import check_resident_id
from govhall.core.workdays import get_calendar
from govhall.org.access import staff_of, window_ids
from govhall.org.models import Center, Role, Window
from govhall.queueing import estimates, hours, priority
from govhall.queueing.estimates import Estimate
from govhall.queueing.models import (
    Appointment,
    AppointmentSlot,
    AppointmentStatus,
    Category,
    Desk,
    Device,
    DeviceKind,
    HallSettings,
    Priority,
    SlotChannel,
    Source,
    Ticket,
    TicketCase,
    TicketPeriod,
    TicketStatus,
)
from govhall.queueing.numbering import format_number, next_ticket_seq
from govhall.queueing.transitions import move_for

S = TicketStatus
STAFF_ROLES = frozenset({Role.WINDOW_CLERK, Role.CENTER_MANAGER})
SERIES_LETTERS = frozenset("ABCDEFGHJKLMNPQRSTUVWXYZ")  # no I or O: they read as 1 and 0 on a board


@dataclass(frozen=True)
class TakenTicket:
    ticket: Ticket
    ahead: int
    estimate: Estimate


def _now(now: datetime.datetime | None) -> datetime.datetime:
    return now if now is not None else timezone.now()


def _is_staff(actor: Actor) -> bool:
    return actor.user is not None and actor.role in STAFF_ROLES


# --- access at a window ------------------------------------------------------------------------------------
def check_window_actor(actor: Actor, window: Window) -> None:
    """A clerk acts at his own windows, a manager at his center's; system actors (sweeps, benches) anywhere."""
    if actor.user is None:
        if actor.role.startswith(("kiosk", "evaluator", "board")):
            raise AccessDenied(_("终端不能操作窗口"), code="queue.window_not_yours")
        return
    if actor.role == Role.CENTER_MANAGER:
        profile = staff_of(actor.user)
        if profile is not None and profile.center_id == window.center_id:
            return
    elif actor.role == Role.WINDOW_CLERK and window.pk in window_ids(actor.user):
        return
    raise AccessDenied(_("您不是该窗口的工作人员"), code="queue.window_not_yours")


# --- periods and moves -------------------------------------------------------------------------------------
def _open_period(
    ticket: Ticket, state: str, now: datetime.datetime, window: Window | None, actor: Actor, *, recall: bool = False
) -> None:
    _close_period(ticket, now)
    TicketPeriod.objects.create(
        ticket_id=ticket.pk,
        center_id=ticket.center_id,
        state=state,
        window=window,
        clerk_id=actor.user_id,
        started_at=now,
        recall=recall,
    )


def _close_period(ticket: Ticket, now: datetime.datetime) -> None:
    TicketPeriod.objects.filter(ticket_id=ticket.pk, ended_at__isnull=True).update(ended_at=now)


def _lock_ticket(ticket: Ticket) -> Ticket:
    # Row lock: a recall and a skip pressed at once (or a window and a kiosk) are ordered, not interleaved.
    # of=("self",) and no ordering: a default ordering by a foreign key would join and lock the center row.
    locked = Ticket.objects.select_for_update(of=("self",)).filter(pk=ticket.pk).order_by().first()
    if locked is None:
        raise NotFound(_("排队号不存在"), code="queue.ticket_not_found")
    return locked


def _at_window(ticket: Ticket, window: Window) -> None:
    if ticket.window_id != window.pk:
        raise Conflict(_("该号不在本窗口办理"), code="queue.ticket_not_at_window")


def _ticket_at(ticket: Ticket, window: Window, actor: Actor) -> Ticket:
    """The ticket, locked, for an action at ``window`` by its clerk (or a manager)."""
    check_window_actor(actor, window)
    locked = _lock_ticket(ticket)
    _at_window(locked, window)
    return locked


def _record(actor: Actor, action: str, ticket: Ticket, before: str, **changes: Any) -> None:
    audit.record(
        actor=actor,
        action=f"queueing.ticket.{action}",
        obj=ticket,
        object_repr=f"{ticket.day:%Y-%m-%d} {ticket.number}",
        changes={"status": [before, ticket.status], **changes},
    )


def _desk(window: Window, *, lock: bool, with_settings: bool = False) -> Desk:
    desks = Desk.objects.select_for_update(of=("self",)) if lock else Desk.objects.all()
    if with_settings:  # the center's hall settings in the same query (of=self: only the desk row is locked)
        desks = desks.select_related("window__center__hall_settings")
    desk = desks.filter(window_id=window.pk).first()
    if desk is None:
        try:
            with transaction.atomic():
                Desk.objects.create(window_id=window.pk)
        except IntegrityError:  # created by a concurrent first call at this window
            pass
        desk = desks.get(window_id=window.pk)
    return desk


# --- settings, categories, devices --------------------------------------------------------------------------
SETTINGS_FIELDS = (
    "opens_at",
    "lunch_starts",
    "lunch_ends",
    "closes_at",
    "extended_until",
    "lunch_service",
    "max_calls",
    "priority_streak",
    "checkin_before_minutes",
    "checkin_after_minutes",
    "rating_validity_minutes",
    "notice",
)


@transaction.atomic
def save_settings(*, center: Center, actor: Actor, **fields: Any) -> HallSettings:
    unknown = set(fields) - set(SETTINGS_FIELDS)
    if unknown:
        raise DomainError(_("未知设置项：%(names)s") % {"names": ", ".join(sorted(unknown))}, code="invalid")
    hall, _created = HallSettings.objects.select_for_update().get_or_create(center=center)
    before = {k: getattr(hall, k) for k in SETTINGS_FIELDS}
    for key, value in fields.items():
        setattr(hall, key, value)
    if not hall.opens_at < hall.closes_at:
        raise DomainError(_("下班时间应晚于上班时间"), code="queue.invalid_hours", field="closes_at")
    if (hall.lunch_starts is None) != (hall.lunch_ends is None) or (
        hall.lunch_starts is not None and hall.lunch_ends is not None and not hall.lunch_starts < hall.lunch_ends
    ):
        raise DomainError(_("午休时间不完整或结束早于开始"), code="queue.invalid_hours", field="lunch_ends")
    if hall.extended_until is not None and hall.extended_until <= hall.closes_at:
        raise DomainError(_("延时服务应晚于下班时间"), code="queue.invalid_hours", field="extended_until")
    if hall.max_calls < 1 or hall.priority_streak < 1:
        raise DomainError(_("呼叫次数和连续优先上限至少为1"), code="invalid", field="max_calls")
    hall.save()
    audit.record(
        actor=actor,
        action="queueing.settings.saved",
        obj=hall,
        changes=audit.diff(before, {k: getattr(hall, k) for k in SETTINGS_FIELDS}),
    )
    return hall


@transaction.atomic
def save_category(
    *,
    center: Center,
    actor: Actor,
    series: str,
    name: str,
    windows: Iterable[Window],
    items: Iterable[ServiceItem] = (),
    default_service_minutes: int = 5,
    active: bool = True,
    position: int = 0,
    category: Category | None = None,
) -> Category:
    series = series.strip().upper()
    if len(series) != 1 or series not in SERIES_LETTERS:
        raise DomainError(_("号段应为一个大写字母（不含I、O）"), code="queue.invalid_series", field="series")
    if not name.strip():
        raise DomainError(_("请填写类别名称"), code="required", field="name")
    window_list = list(windows)
    if any(w.center_id != center.pk for w in window_list):
        raise DomainError(_("窗口不属于本中心"), code="queue.other_center", field="windows")
    taken = Category.objects.filter(center=center, series=series)
    if category is not None:
        taken = taken.exclude(pk=category.pk)
    if taken.exists():
        raise Conflict(_("号段 %(series)s 已被使用") % {"series": series}, code="queue.series_taken", field="series")
    creating = category is None
    target = category or Category(center=center)
    target.series, target.name, target.active = series, name.strip(), active
    target.default_service_minutes, target.position = max(default_service_minutes, 1), position
    target.save()
    target.windows.set(window_list)
    target.items.set(list(items))
    audit.record(
        actor=actor,
        action="queueing.category.created" if creating else "queueing.category.changed",
        obj=target,
        changes={"series": series, "name": target.name, "windows": sorted(w.pk for w in window_list)},
    )
    return target


def hash_device_token(raw: str) -> str:
    return hashlib.sha256(("govhall-device:" + raw).encode()).hexdigest()


@transaction.atomic
def issue_device(
    *, center: Center, kind: str, name: str, actor: Actor, window: Window | None = None, token: str | None = None
) -> tuple[Device, str]:
    """A new device and its raw token (returned here only; stored as a hash). ``token`` fixes the token
    instead of drawing one: only for the demo county, whose setup links must survive a second `make demo`."""
    if kind not in DeviceKind.values:
        raise DomainError(_("终端类型无效"), code="invalid_choice", field="kind")
    if kind == DeviceKind.EVALUATOR and window is None:
        raise DomainError(_("评价器必须绑定窗口"), code="queue.window_required", field="window")
    if window is not None and window.center_id != center.pk:
        raise DomainError(_("窗口不属于本中心"), code="queue.other_center", field="window")
    raw = token or "dev_" + secrets.token_urlsafe(32)
    device = Device.objects.create(
        center=center, window=window, kind=kind, name=name.strip()[:60] or kind, token_hash=hash_device_token(raw)
    )
    audit.record(actor=actor, action="queueing.device.issued", obj=device, changes={"kind": kind, "window": window})
    return device, raw


@transaction.atomic
def deactivate_device(*, device: Device, actor: Actor) -> Device:
    """停用: a lost, replaced or compromised device; its token (and any copy of its setup link) stops working."""
    # Row lock: two managers pressing at once write one audit entry, not two.
    device = Device.objects.select_for_update(of=("self",)).get(pk=device.pk)
    if not device.active:
        raise Conflict(_("该终端已停用"), code="queue.device_inactive")
    device.active = False
    device.save(update_fields=["active"])
    audit.record(actor=actor, action="queueing.device.deactivated", obj=device, changes={"active": [True, False]})
    return device


def device_actor(device: Device, client_ip: str | None = None) -> Actor:
    return Actor(user=None, role=f"{device.kind}:{device.pk}", client_ip=client_ip)


# --- taking a ticket --------------------------------------------------------------------------------------
def _clean_id_number(id_number: str) -> str:
    text = (id_number or "").strip().upper()
    if len(text) == 18:
        return check_resident_id(text, field="id_number")
    if len(text) > 40:
        raise DomainError(_("证件号码过长"), code="invalid", field="id_number")
    return text


def _issue(
    *,
    category: Category,
    actor: Actor,
    source: str,
    priority_kind: str,
    id_number: str,
    phone: str,
    name: str,
    now: datetime.datetime,
) -> Ticket:
    day = timezone.localdate(now)
    seq = next_ticket_seq(center_id=category.center_id, series=category.series, day=day)
    ticket = Ticket.objects.create(
        center_id=category.center_id,
        category=category,
        day=day,
        seq=seq,
        number=format_number(category.series, seq),
        source=source,
        priority=priority_kind,
        is_priority=priority_kind != Priority.NONE,
        name=name.strip()[:60],
        id_number=id_number,
        phone=phone.strip()[:20],
        taken_at=now,
        queued_at=now,
    )
    TicketPeriod.objects.create(ticket=ticket, center_id=ticket.center_id, state=S.WAITING, started_at=now)
    audit.record(
        actor=actor,
        action="queueing.ticket.taken",
        obj=ticket,
        object_repr=f"{day:%Y-%m-%d} {ticket.number}",
        changes={"status": [None, S.WAITING], "source": source, "priority": priority_kind},
    )
    return ticket


def taken(ticket: Ticket) -> TakenTicket:
    from govhall.queueing.selectors import estimate_for

    ahead = Ticket.objects.filter(
        category_id=ticket.category_id, day=ticket.day, status=S.WAITING, queued_at__lt=ticket.queued_at
    ).count()
    return TakenTicket(ticket=ticket, ahead=ahead, estimate=estimate_for(category=ticket.category, ahead=ahead + 1))


def take_ticket(
    *,
    category: Category,
    actor: Actor,
    source: str = Source.KIOSK,
    priority: str = Priority.NONE,
    id_number: str = "",
    phone: str = "",
    name: str = "",
    now: datetime.datetime | None = None,
) -> TakenTicket:
    """A ticket at a kiosk or by ID number at a window (appointments come through ``check_in``)."""
    now = _now(now)
    if source not in (Source.KIOSK, Source.WINDOW):
        raise DomainError(_("取号来源无效"), code="invalid_choice", field="source")
    if source == Source.WINDOW and not _is_staff(actor):
        raise AccessDenied(_("窗口取号须由工作人员办理"), code="role_required")
    if not category.active:
        raise Conflict(_("该业务类别暂停取号"), code="queue.category_inactive", field="category")
    if not hours.is_service_time(hours.settings_for(category.center_id), now):
        raise Conflict(_("当前不在办公时间，暂停取号"), code="queue.center_closed")
    number = _clean_id_number(id_number)
    priority_kind = _priority_for(priority, number, now, actor)
    with transaction.atomic():
        ticket = _issue(
            category=category,
            actor=actor,
            source=source,
            priority_kind=priority_kind,
            id_number=number,
            phone=phone,
            name=name,
            now=now,
        )
    return taken(ticket)


def _priority_for(requested: str, id_number: str, now: datetime.datetime, actor: Actor) -> str:
    return priority.effective_priority(
        requested=requested, id_number=id_number, day=timezone.localdate(now), staff=_is_staff(actor)
    )


@transaction.atomic
def cancel_ticket(*, ticket: Ticket, actor: Actor, now: datetime.datetime | None = None) -> Ticket:
    now = _now(now)
    ticket = _lock_ticket(ticket)
    before = ticket.status
    ticket.status = move_for(before, "cancel")
    ticket.save(update_fields=["status"])
    _close_period(ticket, now)
    _record(actor, "cancelled", ticket, before)
    return ticket


# --- the window's desk -------------------------------------------------------------------------------------
@transaction.atomic
def open_desk(*, window: Window, actor: Actor, now: datetime.datetime | None = None) -> Desk:
    check_window_actor(actor, window)
    desk = _desk(window, lock=True)
    desk.is_open, desk.updated_at = True, _now(now)
    desk.save(update_fields=["is_open", "updated_at"])
    audit.record(actor=actor, action="queueing.desk.opened", obj=desk, changes={"window": window.number})
    return desk


@transaction.atomic
def close_desk(*, window: Window, actor: Actor, now: datetime.datetime | None = None) -> Desk:
    check_window_actor(actor, window)
    desk = _desk(window, lock=True)
    if desk.current_id is not None:
        raise Conflict(_("窗口还有正在办理的号，请先办结或转移"), code="queue.window_busy")
    desk.is_open, desk.updated_at = False, _now(now)
    desk.save(update_fields=["is_open", "updated_at"])
    audit.record(actor=actor, action="queueing.desk.closed", obj=desk, changes={"window": window.number})
    return desk


# --- calling ----------------------------------------------------------------------------------------------
def call_next(*, window: Window, actor: Actor, now: datetime.datetime | None = None) -> Ticket:
    """The next ticket for ``window`` by the ordering rule (govhall.queueing.priority), called."""
    now = _now(now)
    check_window_actor(actor, window)
    with transaction.atomic():
        # The desk row lock orders two presses at one window; other windows never wait on it.
        desk = _desk(window, lock=True, with_settings=True)
        if desk.current_id is not None:
            raise Conflict(_("本窗口还有已呼叫或办理中的号"), code="queue.window_busy")
        hall = hours.settings_of(desk.window.center)
        served = Category.windows.through.objects.filter(window_id=window.pk).values("category_id")
        candidates = Ticket.objects.filter(
            Q(category_id__in=Subquery(served), target_window__isnull=True) | Q(target_window_id=window.pk),
            day=timezone.localdate(now),
            status=S.WAITING,
        )
        order = priority.call_order(streak=desk.priority_streak, limit=hall.priority_streak)
        # SKIP LOCKED: a ticket another window is taking right now is passed over, never handed out twice.
        ticket = candidates.select_for_update(skip_locked=True, of=("self",)).order_by(*order).first()
        if ticket is None:
            raise NotFound(_("当前没有等候的号"), code="queue.no_ticket_waiting")
        before = ticket.status
        ticket.status = move_for(before, "call")
        ticket.window_id, ticket.clerk_id = window.pk, actor.user_id
        ticket.call_count += 1
        ticket.called_at = now
        ticket.save(update_fields=["status", "window", "clerk", "call_count", "called_at"])
        _open_period(ticket, S.CALLED, now, window, actor)
        Desk.objects.filter(pk=desk.pk).update(
            current_id=ticket.pk,
            is_open=True,
            priority_streak=priority.next_streak(streak=desk.priority_streak, called_priority=ticket.is_priority),
            updated_at=now,
        )
        _record(actor, "called", ticket, before, window=window.number, call=ticket.call_count)
    return ticket


@transaction.atomic
def recall(*, ticket: Ticket, window: Window, actor: Actor, now: datetime.datetime | None = None) -> Ticket:
    now = _now(now)
    ticket = _ticket_at(ticket, window, actor)
    before = ticket.status
    ticket.status = move_for(before, "recall")
    limit = hours.settings_for(ticket.center_id).max_calls
    if ticket.call_count >= limit:
        raise Conflict(_("已呼叫%(n)s次，请按过号处理") % {"n": ticket.call_count}, code="queue.call_limit_reached")
    ticket.call_count += 1
    ticket.save(update_fields=["status", "call_count"])
    _open_period(ticket, S.CALLED, now, window, actor, recall=True)
    _record(actor, "recalled", ticket, before, window=window.number, call=ticket.call_count)
    return ticket


@transaction.atomic
def skip(*, ticket: Ticket, window: Window, actor: Actor, now: datetime.datetime | None = None) -> Ticket:
    """The called visitor did not come: back to the queue at the old place, or 过号 after N calls."""
    now = _now(now)
    ticket = _ticket_at(ticket, window, actor)
    before = ticket.status
    limit = hours.settings_for(ticket.center_id).max_calls
    action = "miss" if ticket.call_count >= limit else "skip"
    ticket.status = move_for(before, "skip" if before != S.CALLED else action)
    ticket.save(update_fields=["status"])
    if ticket.status == S.WAITING:
        _open_period(ticket, S.WAITING, now, None, actor)
    else:
        _close_period(ticket, now)
    Desk.objects.filter(window_id=window.pk, current_id=ticket.pk).update(current=None, updated_at=now)
    _record(actor, "missed" if ticket.status == S.MISSED else "skipped", ticket, before, call=ticket.call_count)
    return ticket


@transaction.atomic
def requeue(*, ticket: Ticket, actor: Actor, now: datetime.datetime | None = None) -> Ticket:
    """A missed (过号) ticket back in the queue once, at the back."""
    now = _now(now)
    ticket = _lock_ticket(ticket)
    before = ticket.status
    ticket.status = move_for(before, "requeue")
    if ticket.requeued:
        raise Conflict(_("该号已重排过一次，请重新取号"), code="queue.requeue_used")
    if ticket.day != timezone.localdate(now):
        raise Conflict(_("过号只能当天重排"), code="queue.requeue_used")
    ticket.requeued, ticket.queued_at, ticket.call_count = True, now, 0
    ticket.window_id = ticket.clerk_id = ticket.target_window_id = None
    ticket.save(update_fields=["status", "requeued", "queued_at", "call_count", "window", "clerk", "target_window"])
    _open_period(ticket, S.WAITING, now, None, actor)
    _record(actor, "requeued", ticket, before)
    return ticket


@transaction.atomic
def start_serving(*, ticket: Ticket, window: Window, actor: Actor, now: datetime.datetime | None = None) -> Ticket:
    now = _now(now)
    ticket = _ticket_at(ticket, window, actor)
    before = ticket.status
    ticket.status = move_for(before, "start")
    ticket.clerk_id = actor.user_id or ticket.clerk_id
    ticket.save(update_fields=["status", "clerk"])
    _open_period(ticket, S.SERVING, now, window, actor)
    _record(actor, "started", ticket, before, window=window.number)
    return ticket


@transaction.atomic
def hold(
    *, ticket: Ticket, window: Window, actor: Actor, reason: str = "", now: datetime.datetime | None = None
) -> Ticket:
    """The visitor steps away (a missing copy, a signature): the window may call the next one meanwhile."""
    now = _now(now)
    ticket = _ticket_at(ticket, window, actor)
    before = ticket.status
    ticket.status = move_for(before, "hold")
    ticket.save(update_fields=["status"])
    _open_period(ticket, S.HELD, now, window, actor)
    Desk.objects.filter(window_id=window.pk, current_id=ticket.pk).update(current=None, updated_at=now)
    _record(actor, "held", ticket, before, reason=reason[:200])
    return ticket


@transaction.atomic
def resume(*, ticket: Ticket, window: Window, actor: Actor, now: datetime.datetime | None = None) -> Ticket:
    now = _now(now)
    check_window_actor(actor, window)
    desk = _desk(window, lock=True)
    ticket = _lock_ticket(ticket)
    _at_window(ticket, window)
    before = ticket.status
    ticket.status = move_for(before, "resume")
    if desk.current_id is not None:
        raise Conflict(_("本窗口还有已呼叫或办理中的号"), code="queue.window_busy")
    ticket.save(update_fields=["status"])
    _open_period(ticket, S.SERVING, now, window, actor)
    Desk.objects.filter(pk=desk.pk).update(current_id=ticket.pk, updated_at=now)
    _record(actor, "resumed", ticket, before)
    return ticket


@transaction.atomic
def transfer(
    *,
    ticket: Ticket,
    window: Window,
    actor: Actor,
    to_category: Category | None = None,
    to_window: Window | None = None,
    reason: str = "",
    now: datetime.datetime | None = None,
) -> Ticket:
    """To another category (any of its windows) or to one window; the ticket keeps its place in time."""
    now = _now(now)
    check_window_actor(actor, window)
    if to_category is None and to_window is None:
        raise DomainError(_("请选择转入的类别或窗口"), code="queue.transfer_target_required", field="to_category")
    ticket = _lock_ticket(ticket)
    _at_window(ticket, window)
    if to_category is not None and to_category.center_id != ticket.center_id:
        raise DomainError(_("类别不属于本中心"), code="queue.other_center", field="to_category")
    if to_window is not None:
        if to_window.center_id != ticket.center_id:
            raise DomainError(_("窗口不属于本中心"), code="queue.other_center", field="to_window")
        if to_window.pk == window.pk:
            raise DomainError(_("不能转给本窗口"), code="queue.transfer_target_required", field="to_window")
        if to_category is not None and not to_category.windows.filter(pk=to_window.pk).exists():
            raise DomainError(_("该窗口不办理所选类别"), code="queue.window_not_serving_category", field="to_window")
    before = ticket.status
    ticket.status = move_for(before, "transfer")
    from_category = ticket.category_id
    if to_category is not None:
        ticket.category = to_category
    ticket.target_window = to_window
    ticket.transferred = True
    ticket.window_id, ticket.call_count = None, 0
    ticket.save(update_fields=["status", "category", "target_window", "transferred", "window", "call_count"])
    _open_period(ticket, S.WAITING, now, None, actor)
    Desk.objects.filter(window_id=window.pk, current_id=ticket.pk).update(current=None, updated_at=now)
    _record(
        actor,
        "transferred",
        ticket,
        before,
        category=[from_category, ticket.category_id],
        to_window=to_window.number if to_window else None,
        reason=reason[:200],
    )
    return ticket


def _check_cases(ticket: Ticket, cases: Sequence[Case]) -> None:
    for case in cases:
        if case.pk is None:
            raise NotFound(_("办件不存在"), code="queue.case_not_found", field="cases")
        if case.receiving_center_id != ticket.center_id:
            raise DomainError(_("办件不是本中心受理的"), code="queue.other_center", field="cases")


@transaction.atomic
def finish(
    *,
    ticket: Ticket,
    window: Window,
    actor: Actor,
    cases: Sequence[Case] = (),
    now: datetime.datetime | None = None,
) -> Ticket:
    """The visit ends; it is linked to the case(s) it produced and feeds the category's service estimate."""
    now = _now(now)
    ticket = _ticket_at(ticket, window, actor)
    _check_cases(ticket, cases)
    before = ticket.status
    ticket.status = move_for(before, "finish")
    ticket.finished_at = now
    ticket.save(update_fields=["status", "finished_at"])
    _close_period(ticket, now)
    TicketCase.objects.bulk_create(
        [TicketCase(ticket=ticket, case=c, linked_at=now) for c in cases], ignore_conflicts=True
    )
    Desk.objects.filter(window_id=window.pk).update(
        current=None, last_finished_id=ticket.pk, is_open=True, updated_at=now
    )
    served = sum(p.seconds() for p in TicketPeriod.objects.filter(ticket_id=ticket.pk, state=S.SERVING))
    _learn_service_time(ticket.category_id, served)
    _record(actor, "finished", ticket, before, cases=[c.receipt_number for c in cases], service_seconds=round(served))
    return ticket


def _learn_service_time(category_id: int, seconds: float) -> None:
    # One UPDATE: SQL evaluates every right-hand side with the old values, as RFC 6298 wants.
    rows = Category.objects.filter(pk=category_id, service_avg_seconds__isnull=False)
    updated = rows.update(
        service_avg_seconds=F("service_avg_seconds") * (1 - estimates.AVG_WEIGHT) + seconds * estimates.AVG_WEIGHT,
        service_dev_seconds=F("service_dev_seconds") * (1 - estimates.DEV_WEIGHT)
        + Abs(F("service_avg_seconds") - seconds) * estimates.DEV_WEIGHT,
    )
    if not updated:
        Category.objects.filter(pk=category_id, service_avg_seconds__isnull=True).update(
            service_avg_seconds=seconds, service_dev_seconds=seconds / 2
        )


@transaction.atomic
def link_cases(*, ticket: Ticket, cases: Sequence[Case], actor: Actor) -> list[TicketCase]:
    """Cases a finished visit produced, recorded after the finish (e.g. an intake completed a moment later)."""
    ticket = _lock_ticket(ticket)
    if ticket.status != S.FINISHED:
        raise Conflict(_("只能为已办结的号关联办件"), code="queue.ticket_not_finished")
    _check_cases(ticket, cases)
    now = timezone.now()
    TicketCase.objects.bulk_create(
        [TicketCase(ticket=ticket, case=c, linked_at=now) for c in cases], ignore_conflicts=True
    )
    audit.record(
        actor=actor,
        action="queueing.ticket.cases_linked",
        obj=ticket,
        changes={"cases": [c.receipt_number for c in cases]},
    )
    return list(TicketCase.objects.filter(ticket=ticket))


# --- appointments -----------------------------------------------------------------------------------------
@transaction.atomic
def open_slots(
    *,
    category: Category,
    days: Iterable[datetime.date],
    times: Iterable[datetime.time],
    capacity: int,
    actor: Actor,
    minutes: int = 30,
) -> list[AppointmentSlot]:
    """Slots on the working days among ``days`` (holidays get none); slots already there are kept."""
    if capacity < 1 or capacity > 1000:
        raise DomainError(_("可约人数应为1至1000"), code="queue.invalid_capacity", field="capacity")
    calendar = get_calendar()
    created = []
    time_list = sorted(set(times))
    for day in sorted(set(days)):
        if not calendar.is_workday(day):
            continue
        for start in time_list:
            end = (datetime.datetime.combine(day, start) + datetime.timedelta(minutes=minutes)).time()
            slot, made = AppointmentSlot.objects.get_or_create(
                category=category, day=day, starts_at=start, defaults={"ends_at": end, "capacity": capacity}
            )
            if made:
                created.append(slot)
    if created:
        audit.record(
            actor=actor,
            action="queueing.slots.opened",
            obj=category,
            changes={"slots": len(created), "days": sorted({s.day for s in created})},
        )
    return created


def _new_code() -> str:
    return f"{secrets.randbelow(10**8):08d}"


def book(
    *,
    slot: AppointmentSlot,
    name: str,
    id_number: str,
    phone: str,
    channel: str,
    actor: Actor,
    id_kind: str = "resident_id",
    now: datetime.datetime | None = None,
) -> Appointment:
    now = _now(now)
    if channel not in SlotChannel.values:
        raise DomainError(_("预约渠道无效"), code="invalid_choice", field="channel")
    if channel != SlotChannel.ONLINE and not _is_staff(actor):
        raise AccessDenied(_("电话和窗口预约须由工作人员录入"), code="role_required")
    if not name.strip():
        raise DomainError(_("请填写姓名"), code="required", field="name")
    phone = phone.strip()
    if not 7 <= len(phone) <= 20:
        raise DomainError(_("请填写有效的联系电话"), code="required", field="phone")
    number = (id_number or "").strip().upper()
    if id_kind == "resident_id":
        number = check_resident_id(number, field="id_number")
    elif not number or len(number) > 40:
        raise DomainError(_("请填写证件号码"), code="required", field="id_number")
    if not get_calendar().is_workday(slot.day):
        raise Conflict(_("该日为节假日，不提供预约"), code="appointment.day_closed")
    if hours.local_datetime(slot.day, slot.starts_at) <= now:
        raise Conflict(_("该时段已开始，不能预约"), code="appointment.slot_past")
    with transaction.atomic():
        if Appointment.objects.filter(
            category_id=slot.category_id, id_number=number, status=AppointmentStatus.BOOKED
        ).exists():
            raise Conflict(_("您在该类别已有一个有效预约"), code="appointment.already_booked")
        # A conditional UPDATE takes capacity: never more bookings than places, without a lock-then-check.
        if not AppointmentSlot.objects.filter(pk=slot.pk, booked__lt=F("capacity")).update(booked=F("booked") + 1):
            raise Conflict(_("该时段已约满"), code="appointment.slot_full")
        try:
            with transaction.atomic():
                appointment = Appointment.objects.create(
                    slot=slot,
                    category_id=slot.category_id,
                    center_id=slot.category.center_id,
                    code=_new_code(),
                    channel=channel,
                    name=name.strip()[:60],
                    id_kind=id_kind,
                    id_number=number,
                    phone=phone,
                    booked_at=now,
                    booked_by=actor.user if _is_staff(actor) else None,
                )
        except IntegrityError:  # the same person booking twice at the same moment (or a code collision)
            raise Conflict(_("您在该类别已有一个有效预约"), code="appointment.already_booked") from None
        audit.record(
            actor=actor,
            action="queueing.appointment.booked",
            obj=appointment,
            changes={"slot": slot.pk, "channel": channel},
        )
    return appointment


@transaction.atomic
def cancel_appointment(*, appointment: Appointment, actor: Actor, now: datetime.datetime | None = None) -> Appointment:
    now = _now(now)
    appointment = Appointment.objects.select_for_update(of=("self",)).get(pk=appointment.pk)
    if appointment.status != AppointmentStatus.BOOKED:
        raise Conflict(_("该预约不是有效预约"), code="appointment.not_booked")
    appointment.status, appointment.cancelled_at = AppointmentStatus.CANCELLED, now
    appointment.save(update_fields=["status", "cancelled_at"])
    AppointmentSlot.objects.filter(pk=appointment.slot_id, booked__gt=0).update(booked=F("booked") - 1)
    audit.record(
        actor=actor,
        action="queueing.appointment.cancelled",
        obj=appointment,
        changes={"status": [AppointmentStatus.BOOKED, AppointmentStatus.CANCELLED]},
    )
    return appointment


def check_in_window(appointment: Appointment, hall: HallSettings) -> tuple[datetime.datetime, datetime.datetime]:
    start = hours.local_datetime(appointment.slot.day, appointment.slot.starts_at)
    return (
        start - datetime.timedelta(minutes=hall.checkin_before_minutes),
        start + datetime.timedelta(minutes=hall.checkin_after_minutes),
    )


@transaction.atomic
def check_in(*, appointment: Appointment, actor: Actor, now: datetime.datetime | None = None) -> TakenTicket:
    """An appointment within its check-in window becomes a ticket with the appointment priority."""
    now = _now(now)
    appointment = (
        Appointment.objects.select_for_update(of=("self",)).select_related("slot", "category").get(pk=appointment.pk)
    )
    if appointment.status != AppointmentStatus.BOOKED:
        raise Conflict(_("该预约不是有效预约"), code="appointment.not_booked")
    opens, closes = check_in_window(appointment, hours.settings_for(appointment.center_id))
    if now < opens:
        raise Conflict(
            _("请于 %(time)s 后签到") % {"time": timezone.localtime(opens).strftime("%H:%M")},
            code="appointment.too_early",
        )
    if now > closes:
        raise Conflict(_("已超过签到时间，请现场取号"), code="appointment.too_late")
    ticket = _issue(
        category=appointment.category,
        actor=actor,
        source=Source.APPOINTMENT,
        priority_kind=Priority.APPOINTMENT,
        id_number=appointment.id_number,
        phone=appointment.phone,
        name=appointment.name,
        now=now,
    )
    appointment.status, appointment.checked_in_at, appointment.ticket = AppointmentStatus.CHECKED_IN, now, ticket
    appointment.save(update_fields=["status", "checked_in_at", "ticket"])
    audit.record(
        actor=actor,
        action="queueing.appointment.checked_in",
        obj=appointment,
        changes={"status": [AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN], "ticket": ticket.number},
    )
    return taken(ticket)


def mark_no_shows(*, center: Center | None = None, now: datetime.datetime | None = None) -> int:
    """Booked appointments whose check-in window has passed become no-shows (an idempotent sweep)."""
    now = _now(now)
    rows = Appointment.objects.filter(status=AppointmentStatus.BOOKED, slot__day__lte=timezone.localdate(now))
    if center is not None:
        rows = rows.filter(center=center)
    flipped = 0
    settings_cache: dict[int, HallSettings] = {}
    actor = Actor(user=None, role="system")
    for appointment in rows.select_related("slot"):
        hall = settings_cache.setdefault(appointment.center_id, hours.settings_for(appointment.center_id))
        if now <= check_in_window(appointment, hall)[1]:
            continue
        with transaction.atomic():
            # Conditional: a check-in that won the race keeps its appointment.
            done = Appointment.objects.filter(pk=appointment.pk, status=AppointmentStatus.BOOKED).update(
                status=AppointmentStatus.NO_SHOW
            )
            if done:
                audit.record(
                    actor=actor,
                    action="queueing.appointment.no_show",
                    obj=appointment,
                    changes={"status": [AppointmentStatus.BOOKED, AppointmentStatus.NO_SHOW]},
                )
                flipped += 1
    return flipped


# --- closing time -----------------------------------------------------------------------------------------
def close_unserved_tickets(*, center: Center | None = None, now: datetime.datetime | None = None) -> int:
    """Once a day is over, its tickets still waiting, or called but never started, end as 下班未办理, their open
    periods closed at the end of service time (closing, or the end of 延时服务). Not before midnight: whoever took a
    ticket before closing is still called and served while the clerks drain the queue (不让群众白跑). Serving and
    held visits are left to their clerks. An idempotent sweep: a second run finds nothing to do."""
    now = _now(now)
    rows = Ticket.objects.filter(status__in=(S.WAITING, S.CALLED), day__lt=timezone.localdate(now))
    if center is not None:
        rows = rows.filter(center=center)
    actor = Actor(user=None, role="system")
    halls: dict[int, HallSettings] = {}
    closed = 0
    for ticket in rows.order_by("pk").only("pk", "center_id", "day", "number", "status"):
        if ticket.center_id not in halls:
            halls[ticket.center_id] = hours.settings_for(ticket.center_id)
        closing = hours.local_datetime(ticket.day, hours.end_of_service(halls[ticket.center_id]))
        with transaction.atomic():
            before = ticket.status
            # Conditional UPDATE: a clerk who started (or skipped) this visit a moment ago keeps it.
            if not Ticket.objects.filter(pk=ticket.pk, status=before).update(status=move_for(before, "close")):
                continue
            ticket.status = S.CLOSED
            for period in TicketPeriod.objects.filter(ticket_id=ticket.pk, ended_at__isnull=True):
                # Calling goes on after closing (the queue drains): a period begun later ends where it began.
                period.ended_at = max(period.started_at, closing)
                period.save(update_fields=["ended_at"])
            Desk.objects.filter(current_id=ticket.pk).update(current=None, updated_at=now)
            _record(actor, "closed_unserved", ticket, before, closing=closing.isoformat())
            closed += 1
    return closed
