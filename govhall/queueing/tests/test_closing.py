"""The closing sweep: once the day is over, tickets still waiting, or called and never started, end at the end of
service time; until midnight the clerks may still drain the queue."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from govhall.core import jobs
from govhall.core.errors import DomainError
from govhall.core.models import AuditEntry
from govhall.queueing import selectors, services
from govhall.queueing.models import Desk, Ticket, TicketPeriod, TicketStatus
from govhall.queueing.tests.builders import MORNING

pytestmark = pytest.mark.django_db
S = TicketStatus
CLOSING = timezone.make_aware(datetime.datetime(2026, 3, 10, 17, 30))  # the default closes_at on MORNING's day


NEXT_DAY = CLOSING + datetime.timedelta(hours=7)  # 00:30 the next morning


def _minutes_after_closing(minutes: float) -> datetime.datetime:
    return CLOSING + datetime.timedelta(minutes=minutes)


def _end_of_day(hall):
    """A001 finished, A002 serving, A003 held, A004 called at window 02, A005 waiting."""
    for minute in range(5):
        hall.take(minutes=minute)
    done = hall.serve(hall.call(minutes=5), minutes=6)
    hall.finish(done, minutes=10)
    serving = hall.serve(hall.call(minutes=11), minutes=12)
    held = services.hold(ticket=serving, window=hall.window, actor=hall.actor, now=hall.at(20))
    serving = hall.serve(hall.call(minutes=21), minutes=22)
    called = hall.call(hall.window2, minutes=30)
    waiting = Ticket.objects.get(number="A005")
    return serving, held, called, waiting


def test_waiting_and_called_tickets_end_at_closing_time_and_visits_in_service_are_left_alone(hall):
    serving, _held, called, waiting = _end_of_day(hall)
    assert services.close_unserved_tickets(now=NEXT_DAY) == 2
    statuses = dict(Ticket.objects.values_list("number", "status"))
    assert statuses == {"A001": S.FINISHED, "A002": S.HELD, "A003": S.SERVING, "A004": S.CLOSED, "A005": S.CLOSED}
    for ticket in (called, waiting):
        assert not TicketPeriod.objects.filter(ticket=ticket, ended_at__isnull=True).exists()
        assert TicketPeriod.objects.filter(ticket=ticket).latest("pk").ended_at == CLOSING
    assert TicketPeriod.objects.filter(ticket=waiting).get().seconds() == (CLOSING - hall.at(4)).total_seconds()
    assert Desk.objects.get(window=hall.window2).current_id is None
    assert Desk.objects.get(window=hall.window).current_id == serving.pk
    assert TicketPeriod.objects.filter(ticket=serving, ended_at__isnull=True).get().state == S.SERVING
    entries = AuditEntry.objects.filter(action="queueing.ticket.closed_unserved").order_by("pk")
    assert [(e.changes["status"], e.actor_role) for e in entries] == [
        ([S.CALLED, S.CLOSED], "system"),
        ([S.WAITING, S.CLOSED], "system"),
    ]


def test_the_queue_drains_until_the_day_is_over_then_the_sweep_changes_nothing_a_second_time(hall):
    hall.take(minutes=0)
    hall.take(minutes=1)
    # After closing, the clerks still call whoever took a ticket in time: nothing is swept that evening.
    assert services.close_unserved_tickets(now=_minutes_after_closing(60)) == 0
    late = services.call_next(window=hall.window, actor=hall.actor, now=_minutes_after_closing(61))
    services.start_serving(ticket=late, window=hall.window, actor=hall.actor, now=_minutes_after_closing(62))
    assert services.close_unserved_tickets(now=_minutes_after_closing(6 * 60)) == 0
    assert services.close_unserved_tickets(now=NEXT_DAY) == 1
    audited = AuditEntry.objects.count()
    assert services.close_unserved_tickets(now=NEXT_DAY + datetime.timedelta(minutes=5)) == 0
    assert AuditEntry.objects.count() == audited
    swept = Ticket.objects.exclude(pk=late.pk).get()
    assert swept.status == S.CLOSED and Ticket.objects.get(pk=late.pk).status == S.SERVING
    assert TicketPeriod.objects.get(ticket=swept).ended_at == CLOSING


def test_with_extended_service_the_day_closes_at_its_end(hall):
    services.save_settings(center=hall.center, actor=hall.manager_actor, extended_until=datetime.time(19, 0))
    hall.take(minutes=0)
    assert services.close_unserved_tickets(now=NEXT_DAY) == 1
    assert TicketPeriod.objects.get().ended_at == _minutes_after_closing(90)  # the end of 延时服务


def test_a_visitor_called_after_closing_gets_no_negative_period(hall):
    hall.take(minutes=0)
    late_call = services.call_next(window=hall.window, actor=hall.actor, now=_minutes_after_closing(10))
    assert services.close_unserved_tickets(now=NEXT_DAY) == 1
    called = TicketPeriod.objects.filter(ticket=late_call).latest("pk")
    assert called.state == S.CALLED and called.seconds() == 0.0


def test_a_closed_ticket_cannot_be_started_requeued_or_called(hall):
    hall.take(minutes=0)
    ticket = hall.call(minutes=1)
    services.close_unserved_tickets(now=NEXT_DAY)
    with pytest.raises(DomainError) as info:
        services.start_serving(ticket=ticket, window=hall.window, actor=hall.actor, now=_minutes_after_closing(1))
    assert info.value.code == "queue.ticket_not_called"
    with pytest.raises(DomainError) as info:
        services.requeue(ticket=ticket, actor=hall.actor, now=_minutes_after_closing(1))
    assert info.value.code == "queue.ticket_not_missed"
    with pytest.raises(DomainError) as info:
        hall.call(minutes=481)
    assert info.value.code == "queue.no_ticket_waiting"


def test_tickets_left_from_an_earlier_day_are_swept_at_that_days_closing_time(hall):
    hall.take(minutes=0)
    next_morning = MORNING + datetime.timedelta(days=1)
    assert services.close_unserved_tickets(center=hall.center, now=next_morning) == 1
    assert TicketPeriod.objects.get().ended_at == CLOSING


def test_the_numbers_count_tickets_ended_at_closing_time(hall):
    _end_of_day(hall)
    services.close_unserved_tickets(now=NEXT_DAY)
    day = MORNING.date()
    (total,) = selectors.hall_numbers(center=hall.center, date_from=day, date_to=day, by="day")
    assert (total.tickets, total.served, total.missed, total.unserved) == (5, 1, 0, 2)


def test_the_sweep_is_a_scheduler_job(hall, monkeypatch):
    assert jobs.JOBS["queueing.closing_sweep"].every == datetime.timedelta(minutes=5)
    hall.take(minutes=0)
    monkeypatch.setattr(timezone, "now", lambda: NEXT_DAY)
    call_command("run_scheduler", "--once", "--job", "queueing.closing_sweep")
    assert Ticket.objects.get().status == S.CLOSED
