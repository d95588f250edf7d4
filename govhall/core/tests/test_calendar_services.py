import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from govhall.core import calendar_services, workdays
from govhall.core.actors import system_actor
from govhall.core.errors import ValidationFailed
from govhall.core.models import AuditEntry, CalendarDay, CalendarYear

pytestmark = pytest.mark.django_db

SCHEDULE_2027 = """# year: 2027
# source: 国办发明电〔2026〕99号（测试用）
date,kind,note
2027-01-01,休,元旦
2027-02-06~2027-02-12,休,春节
2027-02-14,班,春节调休
"""


def _sql_deadline(start: dt.date, n: int) -> tuple[dt.date, bool]:
    with connection.cursor() as cur:
        cur.execute(
            "SELECT t.day, t.provisional OR s.provisional FROM core_workdayordinal s "
            "JOIN core_workdayordinal t ON t.ordinal = s.ordinal + %s AND t.is_workday "
            "WHERE s.day = %s",
            [n, start],
        )
        day, provisional = cur.fetchone()
    return (dt.date.fromisoformat(day) if isinstance(day, str) else day), bool(provisional)


def test_sql_and_python_give_the_same_deadline():
    for start, n in [(dt.date(2026, 9, 30), 5), (dt.date(2026, 2, 13), 3), (dt.date(2026, 12, 28), 5)]:
        py = workdays.add_working_days(start, n)
        assert _sql_deadline(start, n) == (py.date, py.provisional)


def test_loading_the_2027_schedule_recomputes_what_was_provisional(tmp_path):
    before = workdays.add_working_days(dt.date(2026, 12, 28), 5)
    assert before.provisional is True
    assert before.date == dt.date(2027, 1, 4)
    path = tmp_path / "2027.csv"
    path.write_text(SCHEDULE_2027, encoding="utf-8")
    call_command("load_holidays", str(path))
    after = workdays.add_working_days(dt.date(2026, 12, 28), 5)
    assert after == workdays.Deadline(dt.date(2027, 1, 5), False)
    assert _sql_deadline(dt.date(2026, 12, 28), 5) == (dt.date(2027, 1, 5), False)
    assert workdays.get_calendar().is_workday(dt.date(2027, 2, 14)) is True
    assert CalendarYear.objects.get(year=2027).source.startswith("国办发明电")
    entry = AuditEntry.objects.get(action="core.calendar.schedule_loaded")
    assert entry.object_id == "2027"


def test_a_recompute_hook_runs_when_the_calendar_changes(monkeypatch):
    calls = []
    monkeypatch.setattr(calendar_services, "RECOMPUTE_HOOKS", [lambda actor: calls.append(actor.role) or 0])
    calendar_services.set_calendar_day(
        day=dt.date(2026, 11, 27), kind="holiday", note="防汛停工", source="县政府通知", actor=system_actor("admin")
    )
    assert calls == ["admin"]
    assert workdays.get_calendar().is_workday(dt.date(2026, 11, 27)) is False


def test_a_bad_schedule_file_is_refused_whole_with_line_numbers(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("# year: 2027\n# source: 测试\n2027-13-01,休,x\n2027-01-01,放假,元旦\n2027-01-04,班,周一\n")
    with pytest.raises(CommandError):
        call_command("load_holidays", str(path))
    year, source, entries, problems = calendar_services.parse_schedule(path.read_text())
    assert [(p.row, p.code) for p in problems] == [(3, "bad_date"), (4, "bad_kind")]
    with pytest.raises(ValidationFailed) as exc:
        calendar_services.load_holiday_schedule(year=year, entries=entries, source=source, actor=system_actor())
    assert exc.value.problems[0].code == "redundant_entry"
    assert not CalendarDay.objects.exists()
    assert not CalendarYear.objects.exists()


def test_a_schedule_without_source_or_with_dates_of_another_year_is_refused():
    _, _, entries, _ = calendar_services.parse_schedule("2027-01-01,休,元旦\n2028-01-01,休,元旦\n")
    with pytest.raises(ValidationFailed) as exc:
        calendar_services.load_holiday_schedule(year=2027, entries=entries, source="", actor=system_actor())
    assert {p.code for p in exc.value.problems} == {"wrong_year", "missing_source"}
