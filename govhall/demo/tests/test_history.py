import datetime as dt
import itertools
from collections import Counter

import pytest
from django.core.management import call_command

from govhall.cases import lights
from govhall.cases.clock import light
from govhall.cases.models import Case, CaseEvent, Extension, ReceiptCounter, Status, Suspension, Task
from govhall.core import workdays
from govhall.core.models import AuditEntry
from govhall.demo import history, showcase
from govhall.demo.loader import load_demo

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def demo_history():
    load_demo(history=False)
    history.load_history(count=500, today=TODAY)


def test_a_small_history_has_the_realistic_mix(demo_history):
    assert Case.objects.count() == 500 + len(showcase.showcase_cases())  # load_demo also made today's showcase
    statuses = Counter(Case.objects.values_list("status", flat=True))
    for status in (Status.CLOSED, Status.ARCHIVED, Status.REFUSED, Status.WITHDRAWN, Status.IN_REVIEW):
        assert statuses[status] > 0, status
    assert Suspension.objects.exists()
    assert Extension.objects.exists()
    finished = Case.objects.filter(status__in=[Status.CLOSED, Status.ARCHIVED], decided_on__isnull=False)
    late = sum(1 for c in finished if c.decided_on > c.promised_deadline)
    assert 0 < late < finished.count() // 4
    early = sum(1 for c in finished if c.decided_on < c.promised_deadline)
    assert early > finished.count() // 4
    assert {c for c in Case.objects.values_list("channel", flat=True)} >= {"window", "online"}
    assert Case.objects.values("item").distinct().count() > 20
    assert Case.objects.values("deciding_department").distinct().count() > 5
    assert Case.objects.filter(received_on__lt=TODAY - dt.timedelta(days=300)).exists()


def test_todays_open_cases_show_every_light(demo_history):
    counts = lights.light_counts(today=TODAY)
    assert counts.green > 0 and counts.yellow > 0 and counts.red > 0


def test_history_is_what_the_services_would_have_written(demo_history):
    cal = workdays.get_calendar()
    for case in Case.objects.filter(accepted_on__isnull=False).prefetch_related("events", "suspensions")[:200]:
        events = list(case.events.all())
        assert events[0].action == "submitted" and events[0].from_status == ""
        assert events[-1].to_status == case.status
        for before, after in itertools.pairwise(events):
            assert after.from_status == before.to_status
            assert after.at >= before.at or after.at.date() == before.at.date()
        unit = workdays.LimitUnit(case.limit_unit)
        if unit is workdays.LimitUnit.WORKING_DAYS and not case.suspensions.all() and not case.extension_days:
            assert case.promised_deadline == cal.add_working_days(case.accepted_on, case.promised_limit).date
    # Tasks of finished cases are closed; an in-review case has its current step open.
    assert not Task.objects.filter(case__status__in=[Status.CLOSED, Status.ARCHIVED], state=Task.State.OPEN).exists()
    assert Task.objects.filter(case__status=Status.IN_REVIEW, state=Task.State.OPEN).exists()
    # Receipt numbers continue the daily counters.
    for counter in ReceiptCounter.objects.all()[:50]:
        numbers = Case.objects.filter(receiving_center=counter.center, received_on=counter.day)
        assert numbers.count() == counter.last
        assert max(numbers.values_list("receipt_number", flat=True)).endswith(f"{counter.last:05d}")


def test_stored_lights_agree_with_clock(demo_history):
    cal = workdays.get_calendar()
    for case in lights.with_lights(today=TODAY):
        assert case.light == light(cal, due=case.promised_deadline, today=TODAY, limit=case.promised_limit)


def test_a_second_load_adds_nothing(demo_history):
    before = (Case.objects.count(), CaseEvent.objects.count(), AuditEntry.objects.count())
    assert history.load_history(count=500, today=TODAY) == 0
    call_command("load_demo", history_cases=500)
    assert (Case.objects.count(), CaseEvent.objects.count(), AuditEntry.objects.count()) == before
    assert AuditEntry.objects.filter(action=history.MARKER).count() == 1
