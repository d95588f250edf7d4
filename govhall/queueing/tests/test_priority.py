"""The ordering rule: priority first, but an ordinary ticket is never starved (docs/hall.md)."""

import datetime

import pytest

from govhall.core.errors import DomainError
from govhall.queueing import priority, services
from govhall.queueing.models import Priority, Source
from govhall.queueing.tests.builders import ELDER_ID, TURNS_70_TODAY, TURNS_70_TOMORROW, YOUNG_ID

pytestmark = pytest.mark.django_db


def _serve_and_finish(hall, ticket, minutes):
    hall.finish(hall.serve(ticket, minutes=minutes), minutes=minutes)


def test_a_priority_ticket_is_called_before_ordinary_ones_that_waited_longer(hall):
    hall.take(minutes=0)
    hall.take(minutes=1)
    disabled = hall.take(minutes=2, priority=Priority.DISABLED)
    assert hall.call(minutes=3).pk == disabled.pk


def test_among_priority_tickets_the_longest_waiting_goes_first(hall):
    first = hall.take(minutes=0, priority=Priority.DISABLED)
    hall.take(minutes=1, priority=Priority.DISABLED)
    assert hall.call(minutes=2).pk == first.pk


def test_after_k_priority_calls_in_a_row_the_window_takes_the_longest_waiting_ordinary_ticket(hall):
    ordinary = [hall.take(minutes=i) for i in range(2)]
    for i in range(6):
        hall.take(minutes=2 + i / 10, priority=Priority.DISABLED)
    called = []
    for i in range(5):
        ticket = hall.call(minutes=10 + i)
        called.append(ticket.is_priority)
        _serve_and_finish(hall, ticket, 10 + i)
        if not ticket.is_priority:
            assert ticket.pk == ordinary[0].pk
    # K = 3 (the default): three priority calls, then the oldest ordinary ticket, then priority again.
    assert called == [True, True, True, False, True]


def test_an_ordinary_ticket_is_reached_however_many_priority_visitors_keep_coming(hall):
    services.save_settings(center=hall.center, actor=hall.manager_actor, priority_streak=2)
    ordinary = hall.take(minutes=0)
    for i in range(30):
        hall.take(minutes=0.1 + i / 100, priority=Priority.DISABLED)
    for i in range(3):
        ticket = hall.call(minutes=5 + i)
        _serve_and_finish(hall, ticket, 5 + i)
        if ticket.pk == ordinary.pk:
            break
    assert ticket.pk == ordinary.pk and i == 2


def test_the_streak_is_reset_by_an_ordinary_call():
    assert priority.next_streak(streak=2, called_priority=False) == 0
    assert priority.next_streak(streak=2, called_priority=True) == 3
    assert priority.call_order(streak=2, limit=3)[0] == "-is_priority"
    assert priority.call_order(streak=3, limit=3)[0] == "is_priority"


def test_with_no_ordinary_ticket_waiting_a_window_over_its_streak_still_calls_priority(hall):
    for i in range(5):
        hall.take(minutes=i / 10, priority=Priority.DISABLED)
    for i in range(5):
        ticket = hall.call(minutes=5 + i)
        assert ticket.is_priority
        _serve_and_finish(hall, ticket, 5 + i)


def test_a_visitor_of_seventy_or_more_gets_the_elderly_priority_from_the_resident_id(hall):
    elder = hall.take(minutes=0, id_number=ELDER_ID)
    birthday = hall.take(minutes=0, id_number=TURNS_70_TODAY)
    young = hall.take(minutes=0, id_number=YOUNG_ID)
    almost = hall.take(minutes=0, id_number=TURNS_70_TOMORROW)
    assert (elder.priority, birthday.priority) == (Priority.ELDERLY, Priority.ELDERLY)
    assert (young.priority, almost.priority) == (Priority.NONE, Priority.NONE)
    assert elder.is_priority and not young.is_priority


def test_age_is_counted_on_the_birthday():
    day = datetime.date(2026, 3, 10)
    assert priority.age_on(TURNS_70_TODAY, day) == 70
    assert priority.age_on(TURNS_70_TOMORROW, day) == 69
    assert priority.age_on("E12345678", day) is None


def test_the_green_channel_is_granted_only_by_staff(hall):
    with pytest.raises(DomainError) as info:
        hall.take(minutes=0, priority=Priority.GREEN)
    assert info.value.code == "queue.green_channel_staff_only"
    green = services.take_ticket(
        category=hall.a, actor=hall.actor, source=Source.WINDOW, priority=Priority.GREEN, now=hall.at(1)
    ).ticket
    assert green.priority == Priority.GREEN and green.source == Source.WINDOW


def test_a_bad_resident_id_is_refused_at_the_kiosk(hall):
    with pytest.raises(DomainError) as info:
        hall.take(minutes=0, id_number="110105199003071230")
    assert info.value.code == "resident_id_checksum"
