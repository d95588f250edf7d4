"""Slots, booking, the check-in window, no-shows."""

import datetime

import pytest
from django.utils import timezone

from govhall.core.actors import Actor
from govhall.core.errors import DomainError
from govhall.queueing import selectors, services
from govhall.queueing.models import Appointment, AppointmentSlot, AppointmentStatus, Priority, SlotChannel, Source
from govhall.queueing.tests.builders import ELDER_ID, KIOSK, YOUNG_ID

pytestmark = pytest.mark.django_db
ONLINE = Actor(user=None, role="applicant")
DAY = datetime.date(2026, 3, 11)  # Wednesday, a working day
NINE = datetime.time(9, 0)


def _code(fn, **kwargs) -> str:
    with pytest.raises(DomainError) as info:
        fn(**kwargs)
    return info.value.code


@pytest.fixture
def slot(hall):
    return services.open_slots(category=hall.a, days=[DAY], times=[NINE], capacity=2, actor=hall.manager_actor)[0]


def _book(slot, id_number=YOUNG_ID, **kw):
    kw.setdefault("now", timezone.make_aware(datetime.datetime(2026, 3, 10, 15, 0)))
    return services.book(
        slot=slot, name="王五", id_number=id_number, phone="13912345678", channel=SlotChannel.ONLINE, actor=ONLINE, **kw
    )


def _at(hh: int, mm: int, ss: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(DAY, datetime.time(hh, mm, ss)))


def test_holidays_get_no_slots(hall):
    labour_day, saturday, adjusted_workday = (
        datetime.date(2026, 5, 1),
        datetime.date(2026, 3, 14),
        datetime.date(2026, 9, 20),  # 调休: a Sunday that is a working day (National Day 2026)
    )
    made = services.open_slots(
        category=hall.a,
        days=[labour_day, saturday, adjusted_workday, DAY],
        times=[NINE],
        capacity=3,
        actor=hall.manager_actor,
    )
    assert sorted(s.day for s in made) == [DAY, adjusted_workday]


def test_a_slot_takes_no_more_bookings_than_its_capacity(hall, slot):
    _book(slot, id_number=YOUNG_ID)
    _book(slot, id_number=ELDER_ID)
    assert _code(_book, slot=slot, id_number="110105195603100015") == "appointment.slot_full"
    slot.refresh_from_db()
    assert slot.booked == 2 and Appointment.objects.count() == 2


def test_one_live_appointment_per_person_and_category(hall, slot):
    second = services.open_slots(
        category=hall.a, days=[DAY], times=[datetime.time(10, 0)], capacity=5, actor=hall.manager_actor
    )[0]
    first = _book(slot)
    assert _code(_book, slot=second) == "appointment.already_booked"
    second.refresh_from_db()
    assert second.booked == 0  # the refused booking returned its place
    other_category = services.open_slots(
        category=hall.b, days=[DAY], times=[NINE], capacity=5, actor=hall.manager_actor
    )[0]
    assert _book(other_category).status == AppointmentStatus.BOOKED
    services.cancel_appointment(appointment=first, actor=ONLINE)
    assert _book(second).status == AppointmentStatus.BOOKED
    slot.refresh_from_db()
    assert slot.booked == 0


def test_phone_bookings_are_entered_by_staff(hall, slot):
    code = _code(
        services.book,
        slot=slot,
        name="王五",
        id_number=YOUNG_ID,
        phone="13912345678",
        channel=SlotChannel.PHONE,
        actor=ONLINE,
    )
    assert code == "role_required"
    booked = services.book(
        slot=slot,
        name="王五",
        id_number=YOUNG_ID,
        phone="13912345678",
        channel=SlotChannel.PHONE,
        actor=hall.actor,
        now=_at(7, 0),
    )
    assert booked.booked_by == hall.clerk


def test_a_past_slot_cannot_be_booked(hall, slot):
    assert _code(_book, slot=slot, now=_at(9, 0)) == "appointment.slot_past"


@pytest.mark.parametrize(
    ("at", "code"),
    [
        (_at(8, 29, 59), "appointment.too_early"),
        (_at(8, 30), None),
        (_at(9, 15), None),
        (_at(9, 15, 1), "appointment.too_late"),
    ],
)
def test_check_in_is_open_from_thirty_minutes_before_to_fifteen_after_the_slot(hall, slot, at, code):
    appointment = _book(slot)
    if code:
        assert _code(services.check_in, appointment=appointment, actor=KIOSK, now=at) == code
        assert Appointment.objects.get().status == AppointmentStatus.BOOKED
    else:
        result = services.check_in(appointment=appointment, actor=KIOSK, now=at)
        assert result.ticket.source == Source.APPOINTMENT and result.ticket.priority == Priority.APPOINTMENT
        assert Appointment.objects.get().ticket == result.ticket


def test_the_check_in_window_is_set_per_center(hall, slot):
    services.save_settings(
        center=hall.center, actor=hall.manager_actor, checkin_before_minutes=10, checkin_after_minutes=5
    )
    appointment = _book(slot)
    assert _code(services.check_in, appointment=appointment, actor=KIOSK, now=_at(8, 45)) == "appointment.too_early"
    assert _code(services.check_in, appointment=appointment, actor=KIOSK, now=_at(9, 6)) == "appointment.too_late"


def test_a_checked_in_appointment_is_called_before_ordinary_tickets(hall, slot):
    appointment = _book(slot)
    hall_morning = _at(8, 50)
    services.take_ticket(category=hall.a, actor=KIOSK, now=_at(9, 0))
    ticket = services.check_in(appointment=appointment, actor=KIOSK, now=_at(9, 1)).ticket
    assert services.call_next(window=hall.window, actor=hall.actor, now=_at(9, 2)).pk == ticket.pk
    assert _code(services.check_in, appointment=appointment, actor=KIOSK, now=hall_morning) == "appointment.not_booked"


def test_no_shows_are_marked_once_the_check_in_window_has_passed(hall, slot):
    kept, missed = _book(slot, id_number=YOUNG_ID), _book(slot, id_number=ELDER_ID)
    services.check_in(appointment=kept, actor=KIOSK, now=_at(9, 0))
    assert services.mark_no_shows(center=hall.center, now=_at(9, 15)) == 0
    assert services.mark_no_shows(center=hall.center, now=_at(9, 16)) == 1
    assert services.mark_no_shows(center=hall.center, now=_at(9, 17)) == 0
    missed.refresh_from_db()
    assert missed.status == AppointmentStatus.NO_SHOW


def test_bookable_slots_leave_out_full_and_past_slots(hall, slot):
    later = services.open_slots(
        category=hall.a, days=[DAY], times=[datetime.time(14, 0)], capacity=1, actor=hall.manager_actor
    )[0]
    found = selectors.bookable_slots(category=hall.a, day_from=DAY, day_to=DAY, now=_at(10, 0))
    assert found == [later]
    _book(later, now=_at(10, 0))
    assert selectors.bookable_slots(category=hall.a, day_from=DAY, day_to=DAY, now=_at(8, 0)) == [slot]


def test_appointment_lists_mask_personal_data(hall, slot):
    _book(slot)
    row = selectors.appointments(center=hall.center, day=DAY)[0]
    assert row.id_number == "1101**********1239" and row.phone == "139****5678" and row.name == "王*"
    assert AppointmentSlot.objects.get().booked == 1
