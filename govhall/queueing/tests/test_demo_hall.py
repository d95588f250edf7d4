import datetime

import pytest
from django.utils import timezone

from govhall.core.actors import system_actor
from govhall.demo import loader
from govhall.demo.hall import load_hall
from govhall.queueing.access import device_for_token
from govhall.queueing.models import AppointmentSlot, Category, DeviceKind, Ticket, TicketStatus

pytestmark = pytest.mark.django_db


def test_the_demo_hall_loads_categories_slots_and_a_morning_of_tickets_once():
    report, actor = loader.LoadReport(), system_actor("test")
    center = loader.load_regions(report)
    departments = loader.load_departments(center, actor, report)
    windows = loader.load_windows(departments, actor, report)
    loader.load_staff(departments, windows, actor, report)
    now = timezone.make_aware(datetime.datetime(2026, 3, 10, 11, 0))
    made = load_hall(now=now)
    assert made["categories"] == 7 and made["slots"] == 7 * 5 * 5 and made["tickets"] > 10 and made["devices"] == 2
    states = set(Ticket.objects.values_list("status", flat=True))
    assert {TicketStatus.FINISHED, TicketStatus.WAITING, TicketStatus.SERVING} <= states
    assert not AppointmentSlot.objects.filter(day=datetime.date(2026, 3, 10)).exists()
    again = load_hall(now=now)
    assert again == {"categories": 0, "slots": 0, "tickets": 0, "devices": 0}
    assert Category.objects.count() == 7
    # The demo's kiosk and evaluation tablet answer to the fixed tokens load_demo prints.
    kiosk = device_for_token("demo-kiosk-qingchuan")
    tablet = device_for_token("demo-evaluator-qingchuan-01")
    assert kiosk is not None and kiosk.kind == DeviceKind.KIOSK
    assert tablet is not None and tablet.kind == DeviceKind.EVALUATOR and tablet.window.number == "01"
