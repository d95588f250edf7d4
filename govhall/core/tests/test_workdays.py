import datetime as dt

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govhall.core.workdays import LimitUnit, OutOfRange, WorkCalendar

CAL = WorkCalendar()
D = dt.date


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (D(2026, 9, 30), 5, D(2026, 10, 13)),  # National Day: off Oct 1-7, Oct 10 (Sat) is a 调休 working day
        (D(2026, 9, 24), 1, D(2026, 9, 28)),  # Sep 25 is a Friday... Sep 26-27 weekend
        (D(2026, 2, 13), 3, D(2026, 2, 25)),  # Spring Festival 2026
        (D(2026, 9, 18), 1, D(2026, 9, 20)),  # Sunday Sep 20 is a 调休 working day
        (D(2026, 4, 30), 1, D(2026, 5, 6)),  # Labour Day
        (D(2026, 3, 2), 20, D(2026, 3, 30)),
        (D(2026, 10, 9), 1, D(2026, 10, 10)),
    ],
)
def test_add_working_days_follows_the_2026_state_council_schedule(start, n, expected):
    result = CAL.add_working_days(start, n)
    assert result.date == expected
    assert result.provisional is False


def test_zero_working_days_is_the_same_day_even_on_a_holiday():
    assert CAL.add_working_days(D(2026, 10, 3), 0).date == D(2026, 10, 3)


def test_the_start_day_is_not_counted_when_it_is_a_holiday():
    # Accepted on a holiday (e.g. online): the first working day after it is day 1.
    assert CAL.add_working_days(D(2026, 10, 3), 1).date == D(2026, 10, 8)


def test_a_year_without_an_official_schedule_is_provisional_not_guessed():
    result = CAL.add_working_days(D(2026, 12, 28), 5)
    assert result.provisional is True
    # ordinary weekday rule: Dec 29, 30, 31, Jan 1 (Fri), Jan 4 (Mon)
    assert result.date == D(2027, 1, 4)
    assert CAL.add_working_days(D(2027, 3, 1), 1).provisional is True
    assert CAL.add_working_days(D(2026, 12, 1), 5).provisional is False


def test_loading_a_schedule_makes_the_year_official_and_changes_the_answer():
    loaded = WorkCalendar({D(2027, 1, 1): False}, official_years=[2027])
    result = loaded.add_working_days(D(2026, 12, 28), 5)
    assert result == type(result)(D(2027, 1, 5), False)


def test_working_days_between_counts_days_after_start_up_to_end():
    assert CAL.working_days_between(D(2026, 9, 30), D(2026, 10, 13)) == 5
    assert CAL.working_days_between(D(2026, 10, 13), D(2026, 9, 30)) == -5
    assert CAL.working_days_between(D(2026, 10, 1), D(2026, 10, 7)) == 0


def test_natural_days_and_hours_units():
    assert CAL.deadline(D(2026, 9, 30), 5, LimitUnit.NATURAL_DAYS).date == D(2026, 10, 5)
    start = dt.datetime(2026, 9, 30, 10, 0)
    assert CAL.add_hours(start, 4) == dt.datetime(2026, 9, 30, 14, 0)
    assert CAL.deadline(D(2026, 9, 30), 48, "hours").date == D(2026, 10, 2)


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError):
        CAL.add_working_days(D(2026, 1, 1), -1)
    with pytest.raises(OutOfRange):
        CAL.add_working_days(D(1999, 1, 1), 1)


def _naive_add(start: dt.date, n: int) -> dt.date:
    day, left = start, n
    while left:
        day += dt.timedelta(days=1)
        if chinese_calendar.is_workday(day):
            left -= 1
    return day


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=D(2004, 1, 1), max_value=D(2025, 12, 1)), st.integers(min_value=0, max_value=60))
def test_the_ordinal_table_agrees_with_chinesecalendar_day_by_day(start, n):
    assert CAL.add_working_days(start, n).date == _naive_add(start, n)
