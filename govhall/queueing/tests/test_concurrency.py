"""Races on PostgreSQL (SQLite serialises every writer, so there is nothing to race there)."""

import pytest
from django.db import connection

from govhall.core.actors import Actor
from govhall.core.errors import DomainError
from govhall.org.models import Role
from govhall.queueing import services
from govhall.queueing.models import Ticket, TicketStatus
from govhall.queueing.tests.builders import KIOSK
from govhall.testing.concurrency import run_parallel
from govhall.testing.factories import WindowFactory, make_staff

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs real concurrent transactions"),
    pytest.mark.django_db(transaction=True),
]


def test_forty_kiosks_taking_tickets_at_once_get_distinct_gapless_numbers(hall):
    results = run_parallel(40, lambda i: services.take_ticket(category=hall.a, actor=KIOSK, now=hall.at(1)).ticket)
    assert all(isinstance(r, Ticket) for r in results), results
    numbers = sorted(Ticket.objects.values_list("seq", flat=True))
    assert numbers == list(range(1, 41))
    assert len(set(Ticket.objects.values_list("number", flat=True))) == 40


def test_windows_calling_at_the_same_moment_never_get_the_same_ticket(hall):
    windows = [hall.window, hall.window2]
    actors = [hall.actor, hall.actor2]
    for n in range(3, 21):
        window = WindowFactory(center=hall.center, number=f"{n:02d}")
        hall.a.windows.add(window)
        windows.append(window)
        actors.append(
            Actor(
                user=make_staff(f"clerk{n}", Role.WINDOW_CLERK, windows=[window], center=hall.center),
                role=Role.WINDOW_CLERK,
            )
        )
    for i in range(15):
        hall.take(minutes=i / 60)
    results = run_parallel(20, lambda i: services.call_next(window=windows[i], actor=actors[i], now=hall.at(5)))
    called = [r for r in results if isinstance(r, Ticket)]
    refused = [r for r in results if isinstance(r, DomainError)]
    assert len(called) == 15 and len({t.pk for t in called}) == 15
    assert {e.code for e in refused} == {"queue.no_ticket_waiting"} and len(refused) == 5
    assert Ticket.objects.filter(status=TicketStatus.CALLED).count() == 15
    assert len({t.window_id for t in called}) == 15
