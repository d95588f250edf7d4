"""Daily numbers per center and series: A001 …, restarting each day."""

import datetime

import pytest

from govhall.queueing.numbering import format_number

pytestmark = pytest.mark.django_db


def test_numbers_run_per_series_and_restart_the_next_day(hall):
    numbers = [hall.take(hall.a, minutes=0).number, hall.take(hall.b, minutes=1).number]
    numbers += [hall.take(hall.a, minutes=2).number, hall.take(hall.b, minutes=3).number]
    assert numbers == ["A001", "B001", "A002", "B002"]
    tomorrow = hall.take(hall.a, minutes=24 * 60)
    assert tomorrow.number == "A001" and tomorrow.day == datetime.date(2026, 3, 11)


def test_a_busy_day_runs_past_three_digits():
    assert format_number("A", 7) == "A007"
    assert format_number("A", 1234) == "A1234"
