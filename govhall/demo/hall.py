"""The demo county center's hall: categories, hours, appointment slots and a morning of today's tickets.

Idempotent: categories are matched by series, slots by (category, day, time), and today's tickets are made
only when the center has none today. Runs through the same services as real use."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from govhall.core.actors import Actor, system_actor
from govhall.core.workdays import get_calendar
from govhall.org.models import Center, Role, StaffProfile, Window
from govhall.queueing import services
from govhall.queueing.models import Category, Device, DeviceKind, HallSettings, Priority, Source, Ticket
from govhall.queueing.services import hash_device_token

# series, name, window numbers of the county center (govhall/demo/data/people.py), minutes per visit
CATEGORIES = [
    ("A", "企业开办与准营", ["01", "02", "06", "07"], 12),
    ("B", "社会事务", ["03", "04", "25", "26", "28", "33"], 8),
    ("C", "工程建设项目", ["11", "12", "13", "14", "15"], 20),
    ("D", "不动产登记与交易", ["19", "20", "21"], 15),
    ("E", "税务", ["08", "09"], 10),
    ("F", "公安户政与交管", ["23", "24"], 6),
    ("G", "综合出件", ["05"], 3),
]
SLOT_TIMES = [
    datetime.time(9, 0),
    datetime.time(10, 0),
    datetime.time(11, 0),
    datetime.time(14, 0),
    datetime.time(15, 30),
]


def _clerk_actor(window: Window) -> Actor | None:
    profile = StaffProfile.objects.filter(windows=window, roles__role=Role.WINDOW_CLERK).select_related("user").first()
    return Actor(user=profile.user, role=Role.WINDOW_CLERK) if profile else None


def _today_morning(now: datetime.datetime) -> list[datetime.datetime]:
    start = timezone.localtime(now).replace(hour=9, minute=0, second=0, microsecond=0)
    return [start + datetime.timedelta(minutes=4 * i) for i in range(24)]


def load_hall(*, center_code: str = "QC", days: int = 5, now: datetime.datetime | None = None) -> dict[str, int]:
    """Categories, settings, slots for the next ``days`` working days and, on a working day, today's tickets."""
    now = now or timezone.now()
    actor = system_actor("load_demo")
    center = Center.objects.filter(code=center_code).first()
    if center is None:
        return {}
    made = {"categories": 0, "slots": 0, "tickets": 0, "devices": 0}
    windows = {w.number: w for w in Window.objects.filter(center=center)}
    with transaction.atomic():
        if not HallSettings.objects.filter(center=center).exists():  # a second load changes nothing
            services.save_settings(
                center=center,
                actor=actor,
                extended_until=datetime.time(19, 0),
                notice="请取号后留意叫号，过号请到取号机重排。",
            )
        categories = []
        for position, (series, name, numbers, minutes) in enumerate(CATEGORIES):
            existing = Category.objects.filter(center=center, series=series).first()
            if existing is not None:
                categories.append(existing)
                continue
            categories.append(
                services.save_category(
                    center=center,
                    actor=actor,
                    series=series,
                    name=name,
                    windows=[windows[n] for n in numbers if n in windows],
                    default_service_minutes=minutes,
                    position=position,
                    category=existing,
                )
            )
            made["categories"] += existing is None
        calendar = get_calendar()
        today = timezone.localdate(now)
        day, upcoming = today, list[datetime.date]()
        while len(upcoming) < days:
            day += datetime.timedelta(days=1)
            if calendar.is_workday(day):
                upcoming.append(day)
        for category in categories:
            made["slots"] += len(
                services.open_slots(category=category, days=upcoming, times=SLOT_TIMES, capacity=4, actor=actor)
            )
        made["devices"] = _devices(center, windows, actor)
    if calendar.is_workday(today) and not Ticket.objects.filter(center=center, day=today).exists():
        made["tickets"] = _morning(center, categories, windows, now)
    return made


# Fixed, public tokens: a demo's kiosk and tablet must be set up again after a second `make demo`. A real
# center issues its devices at /manage/hall/, where each token is random and shown once.
DEMO_DEVICES = [
    (DeviceKind.KIOSK, "演示自助终端", None, "demo-kiosk-qingchuan"),
    (DeviceKind.EVALUATOR, "01号窗口评价器", "01", "demo-evaluator-qingchuan-01"),
]


def _devices(center: Center, windows: dict[str, Window], actor: Actor) -> int:
    made = 0
    for kind, name, window_number, token in DEMO_DEVICES:
        if not Device.objects.filter(token_hash=hash_device_token(token)).exists():
            window = windows.get(window_number) if window_number else None
            services.issue_device(center=center, kind=kind, name=name, actor=actor, window=window, token=token)
            made += 1
    return made


def _morning(center: Center, categories: list[Category], windows: dict[str, Window], now: datetime.datetime) -> int:
    """Today's tickets in several states: finished, serving, called, held, missed and waiting."""
    kiosk = Actor(user=None, role="kiosk:demo")
    moments = [m for m in _today_morning(now) if m <= now] or _today_morning(now)[:1]
    priorities = [Priority.NONE, Priority.NONE, Priority.NONE, Priority.DISABLED]
    tickets = []
    for i, at in enumerate(moments):
        category = categories[i % len(categories)]
        # Issued inside service time only; the demo writes the morning as it would have happened.
        if not services.hours.is_service_time(services.hours.settings_for(center.pk), at):
            continue
        tickets.append(
            services.take_ticket(
                category=category, actor=kiosk, source=Source.KIOSK, priority=priorities[i % 4], now=at
            ).ticket
        )
    step = datetime.timedelta(minutes=1)
    for i, ticket in enumerate(tickets[: len(tickets) // 2]):
        window = next((w for w in ticket.category.windows.all() if _clerk_actor(w)), None)
        actor = _clerk_actor(window) if window else None
        if window is None or actor is None:
            continue
        at = ticket.taken_at + 5 * step
        try:
            called = services.call_next(window=window, actor=actor, now=at)
        except services.DomainError:
            continue
        if i % 5 == 4:
            continue  # left called
        serving = services.start_serving(ticket=called, window=window, actor=actor, now=at + step)
        if i % 5 == 3:
            services.hold(ticket=serving, window=window, actor=actor, reason="复印材料", now=at + 2 * step)
        elif i % 5 == 2:
            continue  # left serving
        else:
            services.finish(ticket=serving, window=window, actor=actor, now=at + 8 * step)
    return len(tickets)
