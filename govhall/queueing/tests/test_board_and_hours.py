"""The board's state and version, waiting estimates, opening hours, the numbers and their export."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from govhall.core.errors import DomainError
from govhall.queueing import selectors, services
from govhall.queueing.export import numbers_workbook
from govhall.queueing.tests.builders import KIOSK, MORNING, YOUNG_ID

pytestmark = pytest.mark.django_db


def test_the_board_shows_the_latest_call_per_window_and_waiting_per_category(hall):
    for i in range(3):
        hall.take(hall.a, minutes=i)
    hall.take(hall.b, minutes=3)
    hall.call(hall.window, minutes=4)
    hall.call(hall.window2, minutes=5)
    with CaptureQueriesContext(connection) as queries:
        state = selectors.board_state(center=hall.center, now=hall.at(6))
    assert len(queries) == 2
    assert [(c.window_number, c.number) for c in state.latest_by_window] == [("01", "A001"), ("02", "A002")]
    assert [(c.series, c.waiting) for c in state.categories] == [("A", 1), ("B", 1)]
    assert state.calls[0].number == "A002"  # newest first
    assert state.version > 0 and state.changed


def test_a_board_polling_with_its_version_learns_only_of_changes(hall):
    hall.take(minutes=0)
    state = selectors.board_state(center=hall.center, now=hall.at(1))
    with CaptureQueriesContext(connection) as queries:
        same = selectors.board_state(center=hall.center, since=state.version, now=hall.at(1))
    assert not same.changed and same.version == state.version and len(queries) == 1
    hall.call(minutes=2)
    after = selectors.board_state(center=hall.center, since=state.version, now=hall.at(2))
    assert after.changed and after.version > state.version
    assert [c.number for c in after.calls] == ["A001"]


def test_the_board_shows_no_personal_data(hall):
    hall.take(minutes=0, id_number=YOUNG_ID, phone="13912345678", name="王五")
    hall.call(minutes=1)
    text = repr(selectors.board_state(center=hall.center, now=hall.at(2)))
    assert YOUNG_ID not in text and "13912345678" not in text and "王五" not in text


def test_the_estimate_divides_the_recent_service_time_by_the_open_windows(hall):
    for i in range(4):
        hall.take(hall.a, minutes=i / 10)
    line = selectors.category_estimates(center=hall.center, now=hall.at(1))[hall.a.pk]
    # Nobody open yet: both windows serving A count; 4 × 5 min ÷ 2 = 10 min, range ± 2.5 min each.
    assert (line.windows, line.estimate.minutes, line.estimate.low, line.estimate.high) == (2, 10, 5, 15)
    services.open_desk(window=hall.window, actor=hall.actor, now=hall.at(1))
    line = selectors.category_estimates(center=hall.center, now=hall.at(1))[hall.a.pk]
    assert (line.windows, line.estimate.minutes) == (1, 20)


def test_a_taken_ticket_says_how_many_are_ahead_and_how_long_it_may_take(hall):
    hall.take(minutes=0)
    result = services.take_ticket(category=hall.a, actor=KIOSK, now=hall.at(1))
    assert result.ahead == 1
    assert result.estimate.minutes == 5  # two people (himself included) ÷ two windows × 5 minutes


@pytest.mark.parametrize(
    ("when", "open_"),
    [
        (datetime.datetime(2026, 3, 10, 8, 59), False),
        (datetime.datetime(2026, 3, 10, 9, 0), True),
        (datetime.datetime(2026, 3, 10, 12, 30), False),  # lunch break
        (datetime.datetime(2026, 3, 10, 17, 29), True),
        (datetime.datetime(2026, 3, 10, 17, 30), False),
        (datetime.datetime(2026, 3, 14, 10, 0), False),  # Saturday
        (datetime.datetime(2026, 10, 1, 10, 0), False),  # National Day
        (datetime.datetime(2026, 9, 20, 10, 0), True),  # 调休 Sunday
    ],
)
def test_tickets_are_issued_only_in_service_time(hall, when, open_):
    at = timezone.make_aware(when)
    assert selectors.is_service_time(center=hall.center, at=at) is open_
    if not open_:
        with pytest.raises(DomainError) as info:
            services.take_ticket(category=hall.a, actor=KIOSK, now=at)
        assert info.value.code == "queue.center_closed"


def test_extended_service_and_lunch_service_open_the_hall_longer(hall):
    services.save_settings(
        center=hall.center, actor=hall.manager_actor, extended_until=datetime.time(19, 0), lunch_service=True
    )
    for hh, mm in [(12, 30), (18, 59)]:
        assert selectors.is_service_time(
            center=hall.center, at=timezone.make_aware(datetime.datetime(2026, 3, 10, hh, mm))
        )
    assert not selectors.is_service_time(
        center=hall.center, at=timezone.make_aware(datetime.datetime(2026, 3, 10, 19, 0))
    )


def test_settings_refuse_hours_that_make_no_sense(hall):
    with pytest.raises(DomainError) as info:
        services.save_settings(center=hall.center, actor=hall.manager_actor, extended_until=datetime.time(17, 0))
    assert info.value.code == "queue.invalid_hours"


def _day_of_visits(hall):
    # A001 waits 2 min, served 10; A002 waits 11 min, served 4; A003 missed.
    hall.take(minutes=0)
    hall.take(minutes=1)
    hall.take(minutes=2)
    hall.finish(hall.serve(hall.call(minutes=2), minutes=2), minutes=12)
    hall.finish(hall.serve(hall.call(minutes=12), minutes=12), minutes=16)
    services.save_settings(center=hall.center, actor=hall.manager_actor, max_calls=1)
    third = hall.call(hall.window2, minutes=20)
    services.skip(ticket=third, window=hall.window2, actor=hall.actor2, now=hall.at(21))


def test_the_numbers_give_counts_averages_and_the_90th_percentile_per_window(hall):
    _day_of_visits(hall)
    day = MORNING.date()
    rows = {r.key: r for r in selectors.hall_numbers(center=hall.center, date_from=day, date_to=day, by="window")}
    mine = rows[str(hall.window.pk)]
    assert (mine.tickets, mine.served, mine.missed) == (2, 2, 0)
    assert mine.avg_wait_seconds == 390.0 and mine.p90_wait_seconds == 660.0
    assert mine.avg_service_seconds == 420.0 and mine.p90_service_seconds == 600.0
    other = rows[str(hall.window2.pk)]
    assert (other.tickets, other.served, other.missed) == (1, 0, 1)
    (total,) = selectors.hall_numbers(center=hall.center, date_from=day, date_to=day, by="day")
    assert (total.tickets, total.served, total.missed) == (3, 2, 1)


def test_percentiles_are_nearest_rank():
    assert selectors.percentile(range(1, 11), 0.9) == 9
    assert selectors.percentile([5.0], 0.9) == 5.0
    assert selectors.percentile([], 0.9) is None


def test_the_numbers_export_to_an_excel_workbook_with_a_sheet_per_grouping(hall):
    _day_of_visits(hall)
    day = MORNING.date()
    book = load_workbook(io.BytesIO(numbers_workbook(center=hall.center, date_from=day, date_to=day)))
    assert book.sheetnames == ["按日", "按窗口", "按人员", "按类别", "按时段"]
    sheet = book["按日"]
    assert sheet["A3"].value == "2026-03-10" and sheet["B3"].value == 3 and sheet["D3"].value == 1
    assert book["按时段"]["A3"].value == "09:00"


def test_the_numbers_refuse_an_unknown_grouping(hall):
    with pytest.raises(DomainError):
        selectors.hall_numbers(center=hall.center, date_from=MORNING.date(), date_to=MORNING.date(), by="week")
