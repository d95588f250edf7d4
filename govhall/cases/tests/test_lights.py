import datetime as dt
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govhall.cases import lights
from govhall.cases.clock import Light, LightRule, light
from govhall.cases.models import Case, Status
from govhall.core.workdays import WorkCalendar

pytestmark = pytest.mark.django_db

CAL = WorkCalendar()
D = dt.date
LIMITS = (0, 1, 2, 5, 10, 20, 60)
RULES = (LightRule(days=1, percent=20), LightRule(days=0, percent=0), LightRule(days=3, percent=50))
# An ordinary Monday, the Saturday in the National Day holiday and a 调休 working Saturday.
TODAYS = (D(2026, 11, 23), D(2026, 10, 3), D(2026, 10, 10))


def _cases(item, center, rows, status=Status.IN_REVIEW):
    version = item.current_version
    Case.objects.bulk_create(
        Case(
            receipt_number=f"T{n:06d}",
            item=item,
            item_version=version,
            channel="window",
            receiving_center=center,
            deciding_department=item.department,
            status=status,
            applicant_kind="person",
            applicant_name="张三",
            applicant_id_kind="resident_id",
            applicant_id_number="11010519491231002X",
            received_on=due - dt.timedelta(days=limit),
            accepted_on=due - dt.timedelta(days=limit),
            promised_limit=limit,
            promised_deadline=due,
        )
        for n, (due, limit) in enumerate(rows)
    )


def _python_light(case, today, rule):
    return light(CAL, due=case.promised_deadline, today=today, limit=case.promised_limit, rule=rule)


@pytest.fixture
def boundary_cases(food_item, center):
    base = D(2026, 9, 20)
    rows = [(base + dt.timedelta(days=k), limit) for k in range(0, 80) for limit in LIMITS]
    _cases(food_item, center, rows)
    return rows


@pytest.mark.parametrize("today", TODAYS)
@pytest.mark.parametrize("rule", RULES)
def test_the_database_gives_every_case_the_light_clock_gives_it(boundary_cases, today, rule):
    rows = list(lights.with_lights(today=today, rule=rule, rules={}))
    assert len(rows) == len(boundary_cases)
    for case in rows:
        assert case.remaining_days == CAL.working_days_between(today, case.promised_deadline)
        assert case.light == _python_light(case, today, rule), (case.promised_deadline, case.promised_limit)
    assert {c.light for c in rows} == {"green", "yellow", "red"}


@pytest.mark.parametrize("today", TODAYS)
@pytest.mark.parametrize("rule", RULES)
def test_light_counts_add_up_the_same_lights(boundary_cases, today, rule):
    expected = Counter(c.light for c in lights.with_lights(today=today, rule=rule, rules={}))
    counts = lights.light_counts(today=today, rule=rule, rules={})
    assert (counts.green, counts.yellow, counts.red) == (expected["green"], expected["yellow"], expected["red"])
    assert counts.total == len(boundary_cases)


def test_only_open_cases_with_a_deadline_get_a_light(food_item, center):
    due = D(2026, 11, 30)
    _cases(food_item, center, [(due, 5)], status=Status.CLOSED)
    Case.objects.update(receipt_number="closed-1")
    _cases(food_item, center, [(due, 5)], status=Status.SUSPENDED)
    Case.objects.filter(status=Status.SUSPENDED).update(receipt_number="suspended-1")
    _cases(food_item, center, [(due, 5)], status=Status.SUBMITTED)
    Case.objects.filter(status=Status.SUBMITTED).update(promised_deadline=None)
    rows = list(lights.with_lights(today=D(2026, 11, 23), rule=LightRule(), rules={}))
    assert [c.receipt_number for c in rows] == ["suspended-1"]
    assert lights.light_counts(today=D(2026, 11, 23), rule=LightRule(), rules={}).total == 1


def test_an_item_can_turn_yellow_earlier_than_the_rest(food_item, center, settings):
    _cases(food_item, center, [(D(2026, 11, 30), 10)])  # 5 working days left of 10 on Nov 23
    today = D(2026, 11, 23)
    settings.GOVHALL_LIGHTS = {"yellow_days": 1, "yellow_percent": 20, "items": {food_item.code: {"yellow_days": 5}}}
    rules = lights.item_rules()
    assert rules == {food_item.pk: LightRule(days=5, percent=20)}
    [case] = lights.with_lights(today=today)
    assert case.light == Light.YELLOW == _python_light(case, today, lights.rule_for(food_item.pk))
    assert lights.light_counts(today=today).yellow == 1
    settings.GOVHALL_LIGHTS = {}
    [case] = lights.with_lights(today=today)
    assert case.light == Light.GREEN
    assert lights.light_counts(today=today).green == 1


def test_the_most_urgent_come_first(boundary_cases):
    page = lights.most_urgent(today=D(2026, 11, 23), limit=10)
    assert [c.promised_deadline for c in page] == sorted(c.promised_deadline for c in page)
    assert page[0].promised_deadline == min(d for d, _ in boundary_cases)
    assert page[0].light == Light.RED


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    today=st.dates(D(2024, 1, 1), D(2027, 12, 31)),
    cases=st.lists(st.tuples(st.integers(-40, 120), st.integers(0, 90)), min_size=1, max_size=20),
    days=st.integers(0, 5),
    percent=st.integers(0, 100),
)
def test_any_day_any_deadline_any_rule_agree_with_clock(food_item, center, today, cases, days, percent):
    Case.objects.all().delete()
    _cases(food_item, center, [(today + dt.timedelta(days=k), limit) for k, limit in cases])
    rule = LightRule(days=days, percent=percent)
    rows = list(lights.with_lights(today=today, rule=rule, rules={}))
    assert len(rows) == len(cases)
    tally = Counter()
    for case in rows:
        assert case.light == _python_light(case, today, rule)
        tally[case.light] += 1
    counts = lights.light_counts(today=today, rule=rule, rules={})
    assert (counts.green, counts.yellow, counts.red) == (tally["green"], tally["yellow"], tally["red"])
