import datetime as dt

import pytest

from govhall.cases import services
from govhall.cases.models import Case
from govhall.core import calendar_services
from govhall.core.actors import system_actor
from govhall.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_loading_the_2027_schedule_recomputes_the_provisional_deadlines_of_open_cases(submitted, clerk_actor):
    case = services.accept_case(case=submitted, actor=clerk_actor, on=dt.date(2026, 12, 28))
    assert case.deadline_provisional is True
    assert case.promised_deadline == dt.date(2027, 1, 4)  # weekday rule: Jan 1 counted as a working day
    _, _, entries, _ = calendar_services.parse_schedule("2027-01-01,休,元旦\n")
    calendar_services.load_holiday_schedule(
        year=2027, entries=entries, source="国办发明电（测试）", actor=system_actor("admin")
    )
    case = Case.objects.get(pk=case.pk)
    assert case.deadline_provisional is False
    assert case.promised_deadline == dt.date(2027, 1, 5)
    assert AuditEntry.objects.filter(action="cases.case.deadline_recomputed", object_id=str(case.pk)).exists()
