"""The hall as the devices meet it: open all day today (the browser tests run against the real clock), a kiosk
and an evaluation tablet with their tokens, and a case to look up."""

from __future__ import annotations

import datetime
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import timezone

from govhall.cases import services as case_services
from govhall.cases.services import Applicant, Intake, MaterialReceipt
from govhall.core.actors import Actor, system_actor
from govhall.core.calendar_services import set_calendar_day
from govhall.core.models import CalendarDay
from govhall.devices.access import COOKIE
from govhall.org.models import Role
from govhall.queueing import services
from govhall.queueing.models import Device, DeviceKind
from govhall.testing.factories import make_item

APPLICANT_PHONE = "13912345678"


@pytest.fixture
def open_hall(hall):
    """Service time all day, and today (and tomorrow, for a run across midnight) a working day."""
    services.save_settings(
        center=hall.center,
        actor=hall.manager_actor,
        opens_at=datetime.time(0, 0),
        closes_at=datetime.time(23, 59, 59),
        lunch_starts=None,
        lunch_ends=None,
    )
    today = timezone.localdate()
    for day in (today, today + datetime.timedelta(days=1)):
        set_calendar_day(
            day=day, kind=CalendarDay.Kind.WORKDAY, note="测试", source="tests", actor=system_actor("test")
        )
    return hall


@dataclass
class Issued:
    device: Device
    token: str


def _issue(hall: Any, kind: str, name: str, window: Any = None) -> Issued:
    device, raw = services.issue_device(
        center=hall.center, kind=kind, name=name, actor=hall.manager_actor, window=window
    )
    return Issued(device, raw)


@pytest.fixture
def kiosk(open_hall):
    return _issue(open_hall, DeviceKind.KIOSK, "一楼自助终端1")


@pytest.fixture
def evaluator(open_hall):
    return _issue(open_hall, DeviceKind.EVALUATOR, "01号窗口评价器", window=open_hall.window)


@pytest.fixture
def kiosk_client(client, kiosk):
    client.cookies[COOKIE] = kiosk.token
    return client


@pytest.fixture
def evaluator_client(client, evaluator):
    client.cookies[COOKIE] = evaluator.token
    return client


def take(hall: Any, category: Any = None, **kw: Any) -> Any:
    return services.take_ticket(category=category or hall.a, actor=system_actor("test"), **kw).ticket


def finish_visit(hall: Any) -> Any:
    """A visit at window 01 from taking to finish, now."""
    take(hall, name="王五", phone="13912345678")
    ticket = services.call_next(window=hall.window, actor=hall.actor)
    ticket = services.start_serving(ticket=ticket, window=hall.window, actor=hall.actor)
    return services.finish(ticket=ticket, window=hall.window, actor=hall.actor)


@pytest.fixture
def applicant_case(open_hall, market_department, clerk):
    item = make_item("11519901FOOD", department=market_department)
    intake = Intake(
        item=item,
        center=open_hall.center,
        window=open_hall.window,
        applicant=Applicant(
            kind="person",
            name="张三丰",
            id_kind="resident_id",
            id_number="11010519491231002X",
            phone=APPLICANT_PHONE,
        ),
        materials=[MaterialReceipt(m.pk) for m in item.current_version.materials.all()],
    )
    return case_services.submit_case(intake=intake, actor=Actor(user=clerk, role=Role.WINDOW_CLERK))


def api_post(base_url: str, path: str, token: str, body: Any = None) -> tuple[int, Any]:
    """A real HTTP call to the live server, as a window's calling software makes it."""
    request = urllib.request.Request(
        base_url + path,
        data=json.dumps(body or {}).encode(),
        method="POST",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The lookup limits live in the cache, which outlives a test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
