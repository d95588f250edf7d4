import datetime as dt

import pytest

from govhall.cases.clock import Light, LightRule, Pause, deadline, light, paused_days, supplement_notice_due
from govhall.core.workdays import LimitUnit, WorkCalendar

CAL = WorkCalendar()
D = dt.date
TODAY = D(2026, 11, 23)


def test_acceptance_on_september_30_with_5_days_ends_on_october_13():
    assert deadline(CAL, start=D(2026, 9, 30), limit=5, unit="working_days", today=TODAY).date == D(2026, 10, 13)


def test_an_immediate_case_ends_the_same_day():
    assert deadline(CAL, start=D(2026, 11, 23), limit=0, unit="working_days", today=TODAY).date == D(2026, 11, 23)


def test_a_suspension_moves_the_deadline_by_the_working_days_it_covered():
    # Accepted Mon Nov 2; 10 days → Nov 16. Paused Wed Nov 4 (counted) to Mon Nov 9 (running again):
    # Nov 4, 5, 6 are paused working days (the weekend is not), so the deadline moves 3 working days.
    pauses = [Pause(D(2026, 11, 4), D(2026, 11, 9))]
    assert paused_days(CAL, pauses, LimitUnit.WORKING_DAYS, TODAY) == 3
    result = deadline(CAL, start=D(2026, 11, 2), limit=10, unit="working_days", pauses=pauses, today=TODAY)
    assert result.date == D(2026, 11, 19)


def test_a_suspension_over_national_day_counts_only_working_days():
    pauses = [Pause(D(2026, 9, 30), D(2026, 10, 9))]  # Sep 30 and Oct 8 are working days; Oct 1-7 are not
    assert paused_days(CAL, pauses, LimitUnit.WORKING_DAYS, TODAY) == 2


def test_an_open_suspension_runs_through_today():
    pauses = [Pause(D(2026, 11, 19), None)]  # Thu, Fri, Mon (today)
    assert paused_days(CAL, pauses, LimitUnit.WORKING_DAYS, TODAY) == 3


def test_an_extension_adds_working_days():
    result = deadline(CAL, start=D(2026, 9, 30), limit=20, unit="working_days", extension_days=10, today=TODAY)
    assert result.date == CAL.add_working_days(D(2026, 9, 30), 30).date


def test_natural_day_limits_count_every_day():
    result = deadline(CAL, start=D(2026, 9, 30), limit=5, unit="natural_days", today=TODAY)
    assert result.date == D(2026, 10, 5)


def test_a_2027_deadline_is_provisional():
    assert deadline(CAL, start=D(2026, 12, 20), limit=20, unit="working_days", today=TODAY).provisional is True


def test_the_supplement_notice_is_due_within_5_working_days_of_receipt():
    # Sep 29, Sep 30, Oct 8, Oct 9 and Saturday Oct 10 (a 调休 working day)
    assert supplement_notice_due(CAL, D(2026, 9, 28)).date == D(2026, 10, 10)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D(2026, 11, 2), Light.GREEN),  # 10 left of 10
        (D(2026, 11, 12), Light.YELLOW),  # 2 left: 20 % of 10
        (D(2026, 11, 13), Light.YELLOW),  # 1 left
        (D(2026, 11, 16), Light.YELLOW),  # the deadline day itself
        (D(2026, 11, 17), Light.RED),  # the day after
    ],
)
def test_lights_turn_yellow_near_the_deadline_and_red_the_day_after(today, expected):
    due = D(2026, 11, 16)
    assert light(CAL, due=due, today=today, limit=10, rule=LightRule(days=1, percent=20)) is expected
