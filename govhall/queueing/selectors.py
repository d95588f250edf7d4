"""Reads for the hall's pages: the board, the window console, the kiosk, appointment lists, the numbers.
Personal data (ID numbers, phones, names) leaves here masked."""

from __future__ import annotations

import datetime
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from govhall.core.errors import DomainError, NotFound
from govhall.core.masking import mask_id_number, mask_name, mask_phone
from govhall.core.workdays import get_calendar
from govhall.org.models import Center, Window
from govhall.queueing import estimates, hours
from govhall.queueing.estimates import Estimate
from govhall.queueing.models import (
    Appointment,
    AppointmentSlot,
    AppointmentStatus,
    Category,
    Desk,
    HallSettings,
    Ticket,
    TicketPeriod,
    TicketStatus,
)

S = TicketStatus


# --- estimates --------------------------------------------------------------------------------------------
def _count(qs: QuerySet[Any], key: str) -> Coalesce:
    return Coalesce(
        Subquery(qs.order_by().values(key).annotate(c=Count("*")).values("c")[:1], output_field=IntegerField()),
        Value(0),
    )


def _category_lines(center: Center, day: datetime.date, *, with_version: bool) -> list[dict[str, Any]]:
    through = Category.windows.through
    serving = through.objects.filter(category_id=OuterRef("pk"), window__active=True)
    qs = Category.objects.filter(center=center, active=True).annotate(
        waiting=_count(Ticket.objects.filter(category_id=OuterRef("pk"), day=day, status=S.WAITING), "category_id"),
        open_windows=_count(serving.filter(window__desk__is_open=True), "category_id"),
        all_windows=_count(serving, "category_id"),
    )
    names = ["id", "series", "name", "waiting", "open_windows", "all_windows"]
    names += ["service_avg_seconds", "service_dev_seconds", "default_service_minutes"]
    if with_version:
        last = TicketPeriod.objects.filter(center_id=center.pk).order_by("-id").values("id")[:1]
        notice = HallSettings.objects.filter(center_id=center.pk).values("notice")[:1]
        qs = qs.annotate(version=Subquery(last), notice=Subquery(notice))
        names += ["version", "notice"]
    return list(qs.order_by("position", "series").values(*names))


def _estimate(row: dict[str, Any], ahead: int) -> Estimate:
    avg, dev = row["service_avg_seconds"], row["service_dev_seconds"]
    if avg is None:
        avg, dev = estimates.defaults(row["default_service_minutes"])
    windows = row["open_windows"] or row["all_windows"] or 1
    return estimates.estimate(ahead=ahead, avg_seconds=avg, dev_seconds=dev or 0.0, windows=windows)


@dataclass(frozen=True)
class CategoryLine:
    id: int
    series: str
    name: str
    waiting: int
    windows: int
    estimate: Estimate


def _line(row: dict[str, Any]) -> CategoryLine:
    return CategoryLine(
        id=row["id"],
        series=row["series"],
        name=row["name"],
        waiting=row["waiting"],
        windows=row["open_windows"] or row["all_windows"],
        estimate=_estimate(row, row["waiting"]),
    )


def category_estimates(*, center: Center, now: datetime.datetime | None = None) -> dict[int, CategoryLine]:
    day = timezone.localdate(now or timezone.now())
    return {row["id"]: _line(row) for row in _category_lines(center, day, with_version=False)}


def estimate_for(*, category: Category, ahead: int) -> Estimate:
    """The wait for someone with ``ahead`` visitors before him (himself included) in ``category``."""
    through = Category.windows.through.objects.filter(category_id=category.pk, window__active=True)
    open_windows = through.filter(window__desk__is_open=True).count()
    all_windows = open_windows if open_windows else through.count()
    row = {
        "service_avg_seconds": category.service_avg_seconds,
        "service_dev_seconds": category.service_dev_seconds,
        "default_service_minutes": category.default_service_minutes,
        "open_windows": open_windows,
        "all_windows": all_windows,
    }
    return _estimate(row, ahead)


# --- the board --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class BoardCall:
    id: int
    number: str
    window_number: str
    window_name: str
    at: datetime.datetime
    recall: bool


@dataclass(frozen=True)
class BoardState:
    version: int
    changed: bool
    calls: list[BoardCall] = field(default_factory=list)
    latest_by_window: list[BoardCall] = field(default_factory=list)
    categories: list[CategoryLine] = field(default_factory=list)
    notice: str = ""


def board_state(*, center: Center, since: int = 0, now: datetime.datetime | None = None, calls: int = 10) -> BoardState:
    """Two queries: the categories (with the version), then the latest calls when something changed.

    ``version`` is the id of the center's newest ticket period: every take, call, recall and finish adds one,
    so a board polling with ``since=version`` learns of any change. Ids are given at insert and transactions
    commit in any order, so ``calls`` (those with id > since) is for announcing; the board's picture is
    always the whole state.
    """
    day = timezone.localdate(now or timezone.now())
    rows = _category_lines(center, day, with_version=True)
    version = max((r["version"] or 0 for r in rows), default=0)
    if version <= since and since > 0:
        return BoardState(version=version, changed=False)
    recent = list(
        TicketPeriod.objects.filter(center_id=center.pk, state=S.CALLED, started_at__gte=hours.start_of_day(day))
        .order_by("-id")
        .values("id", "ticket__number", "window__number", "window__name", "started_at", "recall")[:200]
    )
    made = [
        BoardCall(
            id=r["id"],
            number=r["ticket__number"],
            window_number=r["window__number"] or "",
            window_name=r["window__name"] or "",
            at=r["started_at"],
            recall=r["recall"],
        )
        for r in recent
    ]
    seen: set[str] = set()
    latest = []
    for call in made:
        if call.window_number not in seen:
            seen.add(call.window_number)
            latest.append(call)
    notice = next((r["notice"] for r in rows if r["notice"]), "")
    return BoardState(
        version=version,
        changed=True,
        calls=[c for c in made if c.id > since][:calls] if since else made[:calls],
        latest_by_window=sorted(latest, key=lambda c: c.window_number),
        categories=[_line(r) for r in rows],
        notice=notice,
    )


# --- the window console -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class TicketRow:
    id: int
    number: str
    category: str
    status: str
    priority: str
    source: str
    name: str
    id_number: str
    phone: str
    taken_at: datetime.datetime
    call_count: int
    window: str | None


def ticket_row(ticket: Ticket) -> TicketRow:
    return TicketRow(
        id=ticket.pk,
        number=ticket.number,
        category=ticket.category.name,
        status=ticket.status,
        priority=ticket.priority,
        source=ticket.source,
        name=mask_name(ticket.name),
        id_number=mask_id_number(ticket.id_number),
        phone=mask_phone(ticket.phone),
        taken_at=ticket.taken_at,
        call_count=ticket.call_count,
        window=ticket.window.number if ticket.window_id and ticket.window else None,
    )


def waiting_tickets(
    *, center: Center, category: Category | None = None, now: datetime.datetime | None = None
) -> list[TicketRow]:
    qs = Ticket.objects.filter(center=center, day=timezone.localdate(now or timezone.now()), status=S.WAITING)
    if category is not None:
        qs = qs.filter(category=category)
    qs = qs.select_related("category", "window").order_by("-is_priority", "queued_at", "id")
    return [ticket_row(t) for t in qs]


@dataclass(frozen=True)
class DeskState:
    desk: Desk
    current: Ticket | None
    held: list[Ticket]
    waiting: int
    served_today: int
    avg_wait_seconds: float | None
    avg_service_seconds: float | None


def desk_state(*, window: Window, now: datetime.datetime | None = None) -> DeskState:
    now = now or timezone.now()
    day = timezone.localdate(now)
    desk = Desk.objects.filter(window=window).select_related("current__category").first() or Desk(window=window)
    held = list(Ticket.objects.filter(window=window, day=day, status=S.HELD).select_related("category"))
    served = Category.windows.through.objects.filter(window_id=window.pk).values("category_id")
    waiting = Ticket.objects.filter(
        Q(category_id__in=Subquery(served), target_window__isnull=True) | Q(target_window=window),
        day=day,
        status=S.WAITING,
    ).count()
    finished = Ticket.objects.filter(window=window, day=day, status=S.FINISHED).values_list("pk", flat=True)
    waits, services = _durations(list(finished), now)
    return DeskState(
        desk=desk,
        current=desk.current if desk.current_id else None,
        held=held,
        waiting=waiting,
        served_today=len(finished),
        avg_wait_seconds=_mean(list(waits.values())),
        avg_service_seconds=_mean(list(services.values())),
    )


def ticket_detail(*, ticket: Ticket) -> tuple[TicketRow, list[TicketPeriod]]:
    return ticket_row(ticket), list(ticket.periods.select_related("window").order_by("pk"))


def is_service_time(*, center: Center, at: datetime.datetime) -> bool:
    return hours.is_service_time(hours.settings_for(center.pk), at)


# --- appointments ------------------------------------------------------------------------------------------
def bookable_slots(
    *, category: Category, day_from: datetime.date, day_to: datetime.date, now: datetime.datetime | None = None
) -> list[AppointmentSlot]:
    now = now or timezone.now()
    if (day_to - day_from).days > 62:
        raise DomainError(_("查询范围不能超过62天"), code="invalid", field="day_to")
    calendar = get_calendar()
    slots = AppointmentSlot.objects.filter(
        category=category, day__gte=day_from, day__lte=day_to, booked__lt=F("capacity")
    ).order_by("day", "starts_at")
    return [s for s in slots if calendar.is_workday(s.day) and hours.local_datetime(s.day, s.starts_at) > now]


def appointment_by_code(*, center: Center | None, code: str) -> Appointment:
    qs = Appointment.objects.select_related("slot", "category", "ticket")
    if center is not None:
        qs = qs.filter(center=center)
    found = qs.filter(code=(code or "").strip()).first()
    if found is None:
        raise NotFound(_("预约不存在"), code="appointment.not_found", field="code")
    return found


@dataclass(frozen=True)
class AppointmentRow:
    code: str
    category: str
    day: datetime.date
    starts_at: datetime.time
    status: str
    channel: str
    name: str
    id_number: str
    phone: str
    ticket: str | None


def appointments(*, center: Center, day: datetime.date) -> list[AppointmentRow]:
    qs = (
        Appointment.objects.filter(center=center, slot__day=day)
        .select_related("slot", "category", "ticket")
        .order_by("slot__starts_at", "pk")
    )
    return [
        AppointmentRow(
            code=a.code,
            category=a.category.name,
            day=a.slot.day,
            starts_at=a.slot.starts_at,
            status=a.status,
            channel=a.channel,
            name=mask_name(a.name),
            id_number=mask_id_number(a.id_number),
            phone=mask_phone(a.phone),
            ticket=a.ticket.number if a.ticket else None,
        )
        for a in qs
    ]


# --- the numbers ------------------------------------------------------------------------------------------
GROUPINGS = ("day", "window", "clerk", "category", "hour")


@dataclass(frozen=True)
class NumbersRow:
    key: str
    label: str
    tickets: int
    served: int
    missed: int
    unserved: int  # 下班未办理: still waiting or called at the end of service time
    avg_wait_seconds: float | None
    p90_wait_seconds: float | None
    avg_service_seconds: float | None
    p90_service_seconds: float | None
    appointments_kept: int
    appointments_missed: int


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def percentile(values: Iterable[float], q: float) -> float | None:
    """Nearest-rank percentile (the value at rank ceil(q·n)): what a reader can check by hand."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = max(math.ceil(q * len(ordered)), 1)
    return round(ordered[rank - 1], 1)


def _durations(ticket_ids: list[int], now: datetime.datetime) -> tuple[dict[int, float], dict[int, float]]:
    waits: dict[int, float] = defaultdict(float)
    services: dict[int, float] = defaultdict(float)
    if not ticket_ids:
        return waits, services
    periods = TicketPeriod.objects.filter(ticket_id__in=ticket_ids, state__in=(S.WAITING, S.SERVING)).values_list(
        "ticket_id", "state", "started_at", "ended_at"
    )
    for ticket_id, state, started, ended in periods:
        seconds = ((ended or now) - started).total_seconds()
        (waits if state == S.WAITING else services)[ticket_id] += seconds
    return waits, services


def hall_numbers(
    *, center: Center, date_from: datetime.date, date_to: datetime.date, by: str, now: datetime.datetime | None = None
) -> list[NumbersRow]:
    """Tickets, served, missed, unserved at closing (下班未办理), average and 90th-percentile wait and service,
    appointments kept and missed.

    Wait = the ticket's waiting periods; service = its serving periods (finished tickets only). Window and
    clerk are those that last handled the ticket; hour is the local hour the ticket was taken (for
    appointments, the slot's hour).
    """
    if by not in GROUPINGS:
        raise DomainError(_("分组方式无效"), code="invalid_choice", field="by")
    if date_to < date_from or (date_to - date_from).days > 366:
        raise DomainError(_("日期范围无效（最长一年）"), code="invalid", field="date_to")
    now = now or timezone.now()
    tickets: list[dict[str, Any]] = [
        dict(row)
        for row in Ticket.objects.filter(center=center, day__gte=date_from, day__lte=date_to).values(
            "id",
            "day",
            "status",
            "taken_at",
            "category_id",
            "category__series",
            "category__name",
            "window_id",
            "window__number",
            "window__name",
            "clerk_id",
            "clerk__display_name",
            "clerk__username",
        )
    ]
    waits, services = _durations([t["id"] for t in tickets], now)

    def key_of(t: dict[str, Any]) -> tuple[str, str]:
        if by == "day":
            return t["day"].isoformat(), t["day"].isoformat()
        if by == "window":
            return str(t["window_id"] or ""), (
                _("%(number)s号 %(name)s") % {"number": t["window__number"], "name": t["window__name"]}
                if t["window_id"]
                else _("未叫号")
            )
        if by == "clerk":
            return str(t["clerk_id"] or ""), (t["clerk__display_name"] or t["clerk__username"] or _("未叫号"))
        if by == "category":
            return str(t["category_id"]), f"{t['category__series']} {t['category__name']}"
        hour = timezone.localtime(t["taken_at"]).hour
        return f"{hour:02d}", f"{hour:02d}:00"

    groups: dict[str, dict[str, Any]] = {}

    def group(key: str, label: str) -> dict[str, Any]:
        return groups.setdefault(
            key,
            {
                "label": label,
                "tickets": 0,
                "served": 0,
                "missed": 0,
                "unserved": 0,
                "waits": [],
                "services": [],
                "kept": 0,
                "no": 0,
            },
        )

    for t in tickets:
        g = group(*key_of(t))
        g["tickets"] += 1
        if t["status"] == S.MISSED:
            g["missed"] += 1
        elif t["status"] == S.CLOSED:
            g["unserved"] += 1
        if t["id"] in waits and t["status"] != S.WAITING:
            g["waits"].append(waits[t["id"]])
        if t["status"] == S.FINISHED:
            g["served"] += 1
            g["services"].append(services.get(t["id"], 0.0))

    for a in Appointment.objects.filter(
        center=center,
        slot__day__gte=date_from,
        slot__day__lte=date_to,
        status__in=(AppointmentStatus.CHECKED_IN, AppointmentStatus.NO_SHOW),
    ).values(
        "status",
        "slot__day",
        "slot__starts_at",
        "category_id",
        "category__series",
        "category__name",
        "ticket__window_id",
        "ticket__window__number",
        "ticket__window__name",
        "ticket__clerk_id",
        "ticket__clerk__display_name",
        "ticket__clerk__username",
    ):
        row = {
            "day": a["slot__day"],
            "taken_at": hours.local_datetime(a["slot__day"], a["slot__starts_at"]),
            "category_id": a["category_id"],
            "category__series": a["category__series"],
            "category__name": a["category__name"],
            "window_id": a["ticket__window_id"],
            "window__number": a["ticket__window__number"],
            "window__name": a["ticket__window__name"],
            "clerk_id": a["ticket__clerk_id"],
            "clerk__display_name": a["ticket__clerk__display_name"],
            "clerk__username": a["ticket__clerk__username"],
        }
        g = group(*key_of(row))
        g["kept" if a["status"] == AppointmentStatus.CHECKED_IN else "no"] += 1

    out = []
    for key in sorted(groups):
        g = groups[key]
        out.append(
            NumbersRow(
                key=key,
                label=g["label"],
                tickets=g["tickets"],
                served=g["served"],
                missed=g["missed"],
                unserved=g["unserved"],
                avg_wait_seconds=_mean(g["waits"]),
                p90_wait_seconds=percentile(g["waits"], 0.9),
                avg_service_seconds=_mean(g["services"]),
                p90_service_seconds=percentile(g["services"], 0.9),
                appointments_kept=g["kept"],
                appointments_missed=g["no"],
            )
        )
    return out
