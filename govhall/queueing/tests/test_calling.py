"""Calling, recall, skip → 过号 → re-queue, transfer, hold and resume, finish, and their periods."""

import pytest

from govhall.core.errors import DomainError
from govhall.core.models import AuditEntry
from govhall.queueing import services
from govhall.queueing.models import Desk, Ticket, TicketPeriod, TicketStatus
from govhall.queueing.tests.builders import KIOSK

pytestmark = pytest.mark.django_db
S = TicketStatus


def _code(fn, *args, **kwargs) -> str:
    with pytest.raises(DomainError) as info:
        fn(*args, **kwargs)
    return info.value.code


def test_a_window_calls_the_longest_waiting_ticket_of_the_categories_it_serves(hall):
    hall.take(hall.b, minutes=0)
    first_a = hall.take(hall.a, minutes=1)
    hall.take(hall.a, minutes=2)
    called = hall.call(hall.window, minutes=3)
    assert called.pk == first_a.pk and called.number == "A001"
    assert called.status == S.CALLED and called.window_id == hall.window.pk and called.clerk_id == hall.clerk.pk
    # Window 02 serves B too, whose ticket has waited longest.
    assert hall.call(hall.window2, minutes=3).number == "B001"


def test_a_window_with_a_called_visitor_cannot_call_another(hall):
    hall.take(minutes=0)
    hall.take(minutes=1)
    hall.call(minutes=2)
    assert _code(hall.call, minutes=3) == "queue.window_busy"


def test_calling_with_nobody_waiting_says_so(hall):
    assert _code(hall.call, minutes=1) == "queue.no_ticket_waiting"


def test_a_clerk_cannot_call_at_another_clerks_window(hall):
    hall.take(minutes=0)
    code = _code(services.call_next, window=hall.window2, actor=hall.actor, now=hall.at(1))
    assert code == "queue.window_not_yours"
    assert Ticket.objects.get().status == S.WAITING


def test_a_kiosk_cannot_act_at_a_window(hall):
    hall.take(minutes=0)
    assert _code(services.call_next, window=hall.window, actor=KIOSK, now=hall.at(1)) == "queue.window_not_yours"


def test_yesterdays_waiting_tickets_are_not_called_today(hall):
    hall.take(minutes=0)
    assert _code(hall.call, minutes=24 * 60) == "queue.no_ticket_waiting"


def test_recall_counts_calls_and_stops_at_the_limit(hall):
    ticket = hall.take(minutes=0)
    ticket = hall.call(minutes=1)
    ticket = services.recall(ticket=ticket, window=hall.window, actor=hall.actor, now=hall.at(2))
    ticket = services.recall(ticket=ticket, window=hall.window, actor=hall.actor, now=hall.at(3))
    assert ticket.call_count == 3
    code = _code(services.recall, ticket=ticket, window=hall.window, actor=hall.actor, now=hall.at(4))
    assert code == "queue.call_limit_reached"
    calls = TicketPeriod.objects.filter(ticket=ticket, state=S.CALLED).order_by("pk")
    assert [p.recall for p in calls] == [False, True, True]


def test_skip_returns_the_ticket_to_its_place_until_the_nth_call_then_it_is_missed(hall):
    first = hall.take(minutes=0)
    hall.take(minutes=1)
    for call in range(1, 3):
        ticket = hall.call(minutes=10 * call)
        assert ticket.pk == first.pk and ticket.call_count == call  # back at its old place: first again
        ticket = services.skip(ticket=ticket, window=hall.window, actor=hall.actor, now=hall.at(10 * call + 1))
        assert ticket.status == S.WAITING
    ticket = hall.call(minutes=30)
    assert ticket.call_count == 3
    ticket = services.skip(ticket=ticket, window=hall.window, actor=hall.actor, now=hall.at(31))
    assert ticket.status == S.MISSED
    assert Desk.objects.get(window=hall.window).current_id is None
    assert hall.call(minutes=32).number == "A002"


def test_the_number_of_calls_before_missed_is_set_per_center(hall):
    services.save_settings(center=hall.center, actor=hall.manager_actor, max_calls=1)
    ticket = hall.take(minutes=0)
    ticket = hall.call(minutes=1)
    assert services.skip(ticket=ticket, window=hall.window, actor=hall.actor, now=hall.at(2)).status == S.MISSED


def _missed(hall, minutes: float) -> Ticket:
    services.save_settings(center=hall.center, actor=hall.manager_actor, max_calls=1)
    hall.take(minutes=minutes)
    ticket = hall.call(minutes=minutes + 1)
    return services.skip(ticket=ticket, window=hall.window, actor=hall.actor, now=hall.at(minutes + 2))


def test_a_missed_ticket_is_requeued_once_at_the_back(hall):
    missed = _missed(hall, 0)
    hall.take(minutes=3)  # A002, taken after A001 but before the re-queue
    back = services.requeue(ticket=missed, actor=KIOSK, now=hall.at(4))
    assert back.status == S.WAITING and back.requeued and back.call_count == 0
    assert hall.call(minutes=5).number == "A002"
    services.skip(ticket=Ticket.objects.get(number="A002"), window=hall.window, actor=hall.actor, now=hall.at(6))
    again = hall.call(minutes=7)
    assert again.pk == missed.pk
    again = services.skip(ticket=again, window=hall.window, actor=hall.actor, now=hall.at(8))
    assert again.status == S.MISSED
    assert _code(services.requeue, ticket=again, actor=KIOSK, now=hall.at(9)) == "queue.requeue_used"


def test_only_a_missed_ticket_can_be_requeued(hall):
    ticket = hall.take(minutes=0)
    assert _code(services.requeue, ticket=ticket, actor=KIOSK, now=hall.at(1)) == "queue.ticket_not_missed"


def test_hold_and_resume_leave_exact_periods_and_free_the_window_meanwhile(hall):
    held = hall.take(minutes=0)
    hall.take(minutes=1)
    held = hall.call(minutes=2)
    held = hall.serve(held, minutes=3)
    held = services.hold(ticket=held, window=hall.window, actor=hall.actor, reason="复印身份证", now=hall.at(5))
    assert held.status == S.HELD
    other = hall.call(minutes=6)
    assert other.number == "A002"
    code = _code(services.resume, ticket=held, window=hall.window, actor=hall.actor, now=hall.at(7))
    assert code == "queue.window_busy"
    hall.serve(other, minutes=7)
    hall.finish(other, minutes=9)
    held = services.resume(ticket=held, window=hall.window, actor=hall.actor, now=hall.at(10))
    hall.finish(held, minutes=14)
    periods = [(p.state, p.seconds()) for p in TicketPeriod.objects.filter(ticket=held).order_by("pk")]
    assert periods == [
        (S.WAITING, 120.0),
        (S.CALLED, 60.0),
        (S.SERVING, 120.0),
        (S.HELD, 300.0),
        (S.SERVING, 240.0),
    ]
    assert not TicketPeriod.objects.filter(ticket=held, ended_at__isnull=True).exists()


def test_a_transfer_to_another_category_keeps_the_place_in_time(hall):
    moved = hall.take(hall.a, minutes=0)
    hall.take(hall.b, minutes=1)
    moved = hall.call(hall.window, minutes=2)
    moved = hall.serve(moved, minutes=3)
    moved = services.transfer(ticket=moved, window=hall.window, actor=hall.actor, to_category=hall.b, now=hall.at(4))
    assert moved.status == S.WAITING and moved.category_id == hall.b.pk and moved.transferred
    assert Desk.objects.get(window=hall.window).current_id is None
    # Window 02 serves B: the transferred ticket (queued at minute 0) goes before B001 (minute 1).
    assert hall.call(hall.window2, minutes=5).pk == moved.pk


def test_a_transfer_to_one_window_binds_the_ticket_to_it(hall):
    hall.take(hall.a, minutes=0)
    hall.take(hall.a, minutes=1)
    moved = hall.serve(hall.call(hall.window2, minutes=2), minutes=3)
    moved = services.transfer(
        ticket=moved, window=hall.window2, actor=hall.actor2, to_window=hall.window, now=hall.at(4)
    )
    assert moved.target_window_id == hall.window.pk
    assert hall.call(hall.window2, minutes=5).number == "A002"  # window 02 may not take it back
    assert hall.call(hall.window, minutes=5).pk == moved.pk


def test_a_called_ticket_is_transferred_before_service_starts_and_keeps_its_place(hall):
    moved = hall.take(hall.a, minutes=0)
    hall.take(hall.b, minutes=1)
    moved = hall.call(hall.window, minutes=2)
    moved = services.recall(ticket=moved, window=hall.window, actor=hall.actor, now=hall.at(3))
    moved = services.transfer(
        ticket=moved, window=hall.window, actor=hall.actor, to_category=hall.b, reason="社保业务", now=hall.at(4)
    )
    assert (moved.status, moved.category_id, moved.window_id, moved.call_count) == (S.WAITING, hall.b.pk, None, 0)
    assert Desk.objects.get(window=hall.window).current_id is None
    periods = [(p.state, p.seconds(), p.ended_at is None) for p in TicketPeriod.objects.filter(ticket=moved)]
    assert periods == [
        (S.WAITING, 120.0, False),
        (S.CALLED, 60.0, False),
        (S.CALLED, 60.0, False),
        (S.WAITING, 0.0, True),
    ]
    entry = AuditEntry.objects.get(action="queueing.ticket.transferred")
    assert entry.changes["status"] == [S.CALLED, S.WAITING] and entry.changes["reason"] == "社保业务"
    # Queued at minute 0, it goes before B001 (minute 1) at window 02, and window 01 is free to call again.
    assert hall.call(hall.window2, minutes=5).pk == moved.pk


def test_a_called_ticket_is_transferred_to_one_window(hall):
    hall.take(hall.a, minutes=0)
    hall.take(hall.a, minutes=1)
    moved = services.transfer(
        ticket=hall.call(hall.window, minutes=2),
        window=hall.window,
        actor=hall.actor,
        to_window=hall.window2,
        now=hall.at(3),
    )
    assert moved.target_window_id == hall.window2.pk
    assert hall.call(hall.window, minutes=4).number == "A002"
    assert hall.call(hall.window2, minutes=4).pk == moved.pk


def test_a_waiting_or_missed_ticket_cannot_be_transferred(hall):
    waiting = hall.take(hall.a, minutes=0)
    kw = {"window": hall.window, "actor": hall.actor, "to_category": hall.b, "now": hall.at(1)}
    assert _code(services.transfer, ticket=waiting, **kw) == "queue.ticket_not_at_window"
    called = hall.call(hall.window, minutes=1)
    for minute in (2, 3):
        services.recall(ticket=called, window=hall.window, actor=hall.actor, now=hall.at(minute))
    missed = services.skip(ticket=called, window=hall.window, actor=hall.actor, now=hall.at(4))
    assert missed.status == S.MISSED
    assert _code(services.transfer, ticket=missed, **kw) == "queue.invalid_transition"


def test_a_transfer_needs_a_target_and_a_window_that_serves_the_category(hall):
    hall.take(minutes=0)
    ticket = hall.serve(hall.call(minutes=1), minutes=2)
    assert (
        _code(services.transfer, ticket=ticket, window=hall.window, actor=hall.actor, now=hall.at(3))
        == "queue.transfer_target_required"
    )
    code = _code(
        services.transfer,
        ticket=ticket,
        window=hall.window,
        actor=hall.actor,
        to_category=hall.b,
        to_window=hall.window,
        now=hall.at(3),
    )
    assert code in ("queue.transfer_target_required", "queue.window_not_serving_category")
    assert Ticket.objects.get(pk=ticket.pk).status == S.SERVING


def test_actions_on_a_ticket_in_the_wrong_state_give_a_specific_code(hall):
    hall.take(minutes=0)
    ticket = hall.call(minutes=1)
    kw = {"ticket": ticket, "window": hall.window, "actor": hall.actor, "now": hall.at(2)}
    assert _code(services.finish, **kw) == "queue.ticket_not_serving"
    assert _code(services.hold, **kw) == "queue.ticket_not_serving"
    assert _code(services.resume, **kw) == "queue.ticket_not_held"
    ticket = hall.serve(ticket, minutes=2)
    assert _code(services.skip, **{**kw, "ticket": ticket}) == "queue.ticket_not_called"


def test_another_window_cannot_act_on_a_ticket_it_did_not_call(hall):
    hall.take(minutes=0)
    ticket = hall.call(hall.window, minutes=1)
    code = _code(services.start_serving, ticket=ticket, window=hall.window2, actor=hall.actor2, now=hall.at(2))
    assert code == "queue.ticket_not_at_window"


def test_finish_links_the_cases_learns_the_service_time_and_frees_the_window(hall, hall_case):
    hall.take(minutes=0)
    ticket = hall.serve(hall.call(minutes=1), minutes=2)
    ticket = hall.finish(ticket, minutes=12, cases=[hall_case])
    assert ticket.status == S.FINISHED
    assert list(ticket.cases.all()) == [hall_case]
    desk = Desk.objects.get(window=hall.window)
    assert desk.current_id is None and desk.last_finished_id == ticket.pk
    hall.a.refresh_from_db()
    assert hall.a.service_avg_seconds == 600.0
    actions = list(AuditEntry.objects.filter(object_type="queueing.ticket").values_list("action", flat=True))
    assert actions == [
        "queueing.ticket.taken",
        "queueing.ticket.called",
        "queueing.ticket.started",
        "queueing.ticket.finished",
    ]


def test_the_service_estimate_follows_recent_visits(hall):
    for i, minutes in enumerate([10, 2, 2]):
        hall.take(minutes=20 * i)
        ticket = hall.serve(hall.call(minutes=20 * i + 1), minutes=20 * i + 2)
        hall.finish(ticket, minutes=20 * i + 2 + minutes)
    hall.a.refresh_from_db()
    # 600 → 7/8·600 + 1/8·120 = 540 → 7/8·540 + 1/8·120 = 487.5
    assert hall.a.service_avg_seconds == pytest.approx(487.5)
    assert hall.a.service_dev_seconds == pytest.approx(0.75 * (0.75 * 300 + 0.25 * 480) + 0.25 * 420)


def test_a_waiting_ticket_can_be_cancelled_and_is_then_not_called(hall):
    ticket = hall.take(minutes=0)
    services.cancel_ticket(ticket=ticket, actor=KIOSK, now=hall.at(1))
    assert _code(hall.call, minutes=2) == "queue.no_ticket_waiting"
