"""Hall benchmark (issue 4 §8): 236 windows calling and 20 kiosks issuing at once, a simulated morning.

The server side is a number of worker processes, each with its own connection, as app workers would be:
WINDOW_WORKERS processes drive the 236 windows (each cycling through its share: call next → start → finish,
as a clerk would) and half as many drive the 20 kiosks (each kiosk on its own rhythm), with the morning
compressed (a simulated clock runs SPEEDUP times faster from 09:00 so the services' opening-hours checks see
a real morning). Run with 8 and with 40 window connections. Reports call-next and take-ticket p50/p99
latency and operations per second, and checks that no ticket was called twice (by the workers' own lists
and by the database's periods). PostgreSQL only, in its own database (bench/benchdb.py).
"""

from __future__ import annotations

import datetime
import gc
import multiprocessing
import os
import random
import time
from typing import Any

from bench.tables import Table

WINDOWS = 236
KIOSKS = int(os.environ.get("BENCH_HALL_KIOSKS", "20"))
# Window connections per run: 8 (what a 2-core server's app workers would hold) and 40 (far more than it
# should; the latency then includes the processes' wait for a CPU).
WINDOW_WORKERS = tuple(int(n) for n in os.environ.get("BENCH_HALL_WINDOW_WORKERS", "8,40").split(","))
SECONDS = float(os.environ.get("BENCH_HALL_SECONDS", "25"))
SPEEDUP = 360  # 25 s of bench ≈ 2.5 hours of morning
SERIES = "ABCDEFGHJKLM"
CENTER_CODE = "BENCH-HALL"
DAY = datetime.date(2026, 3, 10)  # a working day
KIOSK_PAUSE = 1.0  # seconds between two tickets at one kiosk (≈ 20 tickets/s from 20 kiosks)
WINDOW_PAUSE = 0.02  # seconds between two served tickets of one worker
IDLE_PAUSE = 0.5  # a console with nobody waiting polls again after this


def _sim_now(started: float) -> datetime.datetime:
    from django.utils import timezone

    opening = timezone.make_aware(datetime.datetime.combine(DAY, datetime.time(9, 0)))
    return opening + datetime.timedelta(seconds=(time.perf_counter() - started) * SPEEDUP)


def setup() -> dict[str, Any]:
    """A center with 236 windows, 12 categories, a clerk per window; today's queue emptied."""
    from django.contrib.auth.hashers import make_password

    from govhall.accounts.models import User
    from govhall.core.actors import system_actor
    from govhall.org.models import Center, Region, Role, StaffProfile, StaffRole, Window
    from govhall.queueing import services
    from govhall.queueing.models import Category, Desk, Ticket, TicketCounter, TicketPeriod

    region, _ = Region.objects.get_or_create(code="519999000000", defaults={"name": "基准县", "level": "county"})
    center, _ = Center.objects.get_or_create(
        code=CENTER_CODE, defaults={"name": "基准政务服务中心", "level": "county", "region": region}
    )
    TicketPeriod.objects.filter(center=center).delete()
    Desk.objects.filter(window__center=center).delete()
    Ticket.objects.filter(center=center).delete()
    TicketCounter.objects.filter(center=center).delete()
    existing = {w.number: w for w in Window.objects.filter(center=center)}
    Window.objects.bulk_create(
        [
            Window(center=center, number=f"{n:03d}", name=f"窗口{n}", kind="comprehensive")
            for n in range(1, WINDOWS + 1)
            if f"{n:03d}" not in existing
        ]
    )
    windows = list(Window.objects.filter(center=center).order_by("number"))
    password = make_password("bench")
    usernames = [f"bench-hall-{w.number}" for w in windows]
    have = set(User.objects.filter(username__in=usernames).values_list("username", flat=True))
    User.objects.bulk_create([User(username=u, display_name=u, password=password) for u in usernames if u not in have])
    users = {u.username: u for u in User.objects.filter(username__in=usernames)}
    with_profile = set(StaffProfile.objects.filter(user__in=users.values()).values_list("user__username", flat=True))
    for window, name in zip(windows, usernames, strict=True):
        if name in with_profile:
            continue
        profile = StaffProfile.objects.create(user=users[name], center=center, employment="contract")
        StaffRole.objects.create(profile=profile, role=Role.WINDOW_CLERK)
        profile.windows.set([window])
    actor = system_actor("bench")
    rng = random.Random(4)
    for i, series in enumerate(SERIES):
        # Each category is served by about 1/12 of the windows plus some comprehensive windows.
        served = [w for j, w in enumerate(windows) if j % len(SERIES) == i or rng.random() < 0.08]
        category = Category.objects.filter(center=center, series=series).first()
        services.save_category(
            center=center, actor=actor, series=series, name=f"类别{series}", windows=served, category=category
        )
    return {
        "center_id": center.pk,
        "windows": [(w.pk, users[f"bench-hall-{w.number}"].pk) for w in windows],
        "categories": list(Category.objects.filter(center=center).values_list("pk", flat=True)),
    }


def _warm_up(center_id: int) -> None:
    """Connect and load what a first request loads (translations, the calendar check) before the clock starts.

    Then freeze what is loaded out of the cyclic garbage collector, as a long-running app worker should
    (config/gunicorn.py): a full collection over Django's ~10⁵ startup objects is a pause of tens of ms."""
    from django.utils.translation import gettext

    from govhall.queueing.hours import is_service_time, settings_for
    from govhall.queueing.models import Ticket, TicketPeriod

    gettext("当前没有等候的号")
    is_service_time(settings_for(center_id), _sim_now(time.perf_counter()))
    Ticket.objects.filter(center_id=center_id).order_by().first()
    TicketPeriod.objects.filter(center_id=center_id).order_by().first()
    gc.collect()
    gc.freeze()


def _kiosk(index: int, cast: dict[str, Any], start_at: float, out: Any) -> None:
    """One server connection taking the tickets of its share of the kiosks, each kiosk on its own rhythm."""
    from django.db import connections

    connections.close_all()  # a forked child opens its own connection
    _warm_up(cast["center_id"])
    from govhall.core.actors import Actor
    from govhall.queueing import services
    from govhall.queueing.models import Category

    categories = list(Category.objects.filter(pk__in=cast["categories"]))
    kiosks = list(range(KIOSKS))[index :: cast["kiosk_workers"]]
    rng = random.Random(index)
    actors = {k: Actor(user=None, role=f"kiosk:{k}") for k in kiosks}
    due = {k: start_at + rng.uniform(0, KIOSK_PAUSE) for k in kiosks}  # kiosks do not all start at once
    latencies: list[float] = []
    while time.perf_counter() - start_at < SECONDS:
        kiosk = min(due, key=due.__getitem__)
        wait = due[kiosk] - time.perf_counter()
        if wait > 0:
            time.sleep(wait)
        began = time.perf_counter()
        services.take_ticket(category=rng.choice(categories), actor=actors[kiosk], now=_sim_now(start_at))
        latencies.append(time.perf_counter() - began)
        due[kiosk] = time.perf_counter() + rng.uniform(0.5, 1.5) * KIOSK_PAUSE
    connections.close_all()
    out.put(("kiosk", latencies, [], 0))


def _windows(index: int, cast: dict[str, Any], start_at: float, out: Any) -> None:
    from django.db import connections

    connections.close_all()
    _warm_up(cast["center_id"])
    from govhall.accounts.models import User
    from govhall.core.actors import Actor
    from govhall.core.errors import DomainError
    from govhall.org.access import window_ids
    from govhall.org.models import Role, Window
    from govhall.queueing import services

    mine = cast["windows"][index :: cast["window_workers"]]
    windows = {w.pk: w for w in Window.objects.filter(pk__in=[w for w, _ in mine])}
    users = {u.pk: u for u in User.objects.filter(pk__in=[u for _, u in mine])}
    desks = [(windows[w], Actor(user=users[u], role=Role.WINDOW_CLERK)) for w, u in mine]
    for user in users.values():  # the clerks are signed in: their profiles and windows are loaded
        window_ids(user)
    rng = random.Random(1000 + index)
    latencies: list[float] = []
    called: list[int] = []
    empty = 0
    while time.perf_counter() < start_at + rng.uniform(0, IDLE_PAUSE):  # nor do the clerks
        time.sleep(0.001)
    while time.perf_counter() - start_at < SECONDS:
        window, actor = rng.choice(desks)
        began = time.perf_counter()
        try:
            ticket = services.call_next(window=window, actor=actor, now=_sim_now(start_at))
        except DomainError:
            empty += 1  # nobody waiting for this window's categories right now
            time.sleep(IDLE_PAUSE)
            continue
        latencies.append(time.perf_counter() - began)
        called.append(ticket.pk)
        ticket = services.start_serving(ticket=ticket, window=window, actor=actor, now=_sim_now(start_at))
        services.finish(ticket=ticket, window=window, actor=actor, now=_sim_now(start_at))
        time.sleep(rng.uniform(0.5, 1.5) * WINDOW_PAUSE)
    connections.close_all()
    out.put(("window", latencies, called, empty))


def _open_counters(cast: dict[str, Any]) -> None:
    """The first ticket of each series (made at opening, before the kiosks start) creates the day's counters."""
    from govhall.core.actors import Actor
    from govhall.queueing import services
    from govhall.queueing.models import Category

    for category in Category.objects.filter(pk__in=cast["categories"]):
        services.take_ticket(
            category=category, actor=Actor(user=None, role="kiosk:0"), now=_sim_now(time.perf_counter())
        )


def _open_desks(cast: dict[str, Any]) -> None:
    """At 9:00 every clerk opens his window (as the console does at sign-in), before the first call."""
    from govhall.accounts.models import User
    from govhall.core.actors import Actor
    from govhall.org.models import Role, Window
    from govhall.queueing import services

    windows = {w.pk: w for w in Window.objects.filter(pk__in=[w for w, _ in cast["windows"]])}
    users = {u.pk: u for u in User.objects.filter(pk__in=[u for _, u in cast["windows"]])}
    for window_id, user_id in cast["windows"]:
        services.open_desk(window=windows[window_id], actor=Actor(user=users[user_id], role=Role.WINDOW_CLERK))


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(int(q * len(ordered)), len(ordered) - 1)] * 1000


def _morning(cast: dict[str, Any], window_workers: int) -> tuple[list[float], list[float], list[int], int]:
    """One simulated morning: every kiosk and window worker a process; their latencies, called ids, misses."""
    from django.db import connections

    kiosk_workers = min(KIOSKS, max(1, window_workers // 2))
    cast = {**cast, "window_workers": window_workers, "kiosk_workers": kiosk_workers}
    connections.close_all()
    ctx = multiprocessing.get_context("fork")
    out = ctx.Queue()
    start_at = time.perf_counter() + 4.0  # every process connected before the morning starts
    procs = [ctx.Process(target=_kiosk, args=(i, cast, start_at, out)) for i in range(kiosk_workers)]
    procs += [ctx.Process(target=_windows, args=(i, cast, start_at, out)) for i in range(window_workers)]
    for p in procs:
        p.start()
    results = [out.get(timeout=SECONDS + 120) for _ in procs]
    for p in procs:
        p.join(30)
    takes = [x for kind, lat, _, _ in results if kind == "kiosk" for x in lat]
    calls = [x for kind, lat, _, _ in results if kind == "window" for x in lat]
    called = [t for kind, _, ids, _ in results if kind == "window" for t in ids]
    empty = sum(e for kind, _, _, e in results if kind == "window")
    return takes, calls, called, empty


def run() -> list[Table]:
    from django.db.models import Count

    from bench.benchdb import is_postgresql, use_bench_database

    if not is_postgresql():
        return [Table("Hall: calling and issuing", ["note"], [["needs PostgreSQL (DATABASE_URL)"]])]
    database = use_bench_database("govhall_bench_hall")
    from govhall.core.workdays import get_calendar
    from govhall.queueing.models import TicketPeriod, TicketStatus

    get_calendar()  # built once here, inherited by every forked process
    rows: list[list[object]] = []
    checked = 0
    for window_workers in WINDOW_WORKERS:
        cast = setup()  # a fresh morning: today's queue emptied
        _open_counters(cast)
        _open_desks(cast)
        takes, calls, called, empty = _morning(cast, window_workers)
        twice_in_db = (
            TicketPeriod.objects.filter(center_id=cast["center_id"], state=TicketStatus.CALLED, recall=False)
            .values("ticket_id")
            .annotate(n=Count("id"))
            .filter(n__gt=1)
            .count()
        )
        twice_by_workers = len(called) - len(set(called))
        assert twice_in_db == 0 and twice_by_workers == 0, "a ticket was called twice"
        checked += len(called)
        print(
            f"hall bench ({window_workers} window connections): {len(takes)} tickets taken, {len(calls)} called, "
            f"{empty} empty calls; called twice: {twice_by_workers} (workers), {twice_in_db} (database)"
        )
        rows.append(
            [f"take ticket ({KIOSKS} kiosks)", len(takes), _pct(takes, 0.5), _pct(takes, 0.99), len(takes) / SECONDS]
        )
        rows.append(
            [
                f"call next ({WINDOWS} windows, {window_workers} connections)",
                len(calls),
                _pct(calls, 0.5),
                _pct(calls, 0.99),
                len(calls) / SECONDS,
            ]
        )
    headers = ["operation", "count", "p50 ms", "p99 ms", "ops/s"]
    note = (
        f"PostgreSQL database {database}; {SECONDS:.0f} s ≈ {SECONDS * SPEEDUP / 3600:.1f} h of morning per run; "
        f"service calls timed in the worker processes (no HTTP); each served ticket is also started and finished "
        f"(not timed here); no ticket called twice ({checked} calls checked in the workers and in ticket periods). "
        f"Aim: call-next p99 < 50 ms."
    )
    return [Table("Hall: calling and issuing concurrently", headers, rows, note)]
