import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from govhall.core import workdays
from govhall.core.models import AuditEntry, CalendarDay, CalendarYear

pytestmark = pytest.mark.django_db

SCHEDULE_2027 = """# year: 2027
# source: 国办发明电〔2026〕99号（测试用）
date,kind,note
2027-01-01,休,元旦
2027-02-06~2027-02-12,休,春节
2027-02-14,班,春节调休
"""


@pytest.fixture(autouse=True)
def fresh_calendar():
    # The calendar snapshot is process-wide; other tests' loaded years must not leak in or out.
    workdays.invalidate()
    yield
    workdays.invalidate()


def _cells(response):
    return {d.day: d for month in response.context["grid"].months for week in month.weeks for d in week if d}


def test_the_calendar_marks_holidays_and_adjusted_working_weekends(client, manager):
    client.force_login(manager)
    response = client.get(reverse("backoffice:calendar"), {"year": 2026})
    cells = _cells(response)
    assert cells[dt.date(2026, 10, 1)].kind == "holiday"
    assert cells[dt.date(2026, 10, 1)].note == "国庆节"
    assert cells[dt.date(2026, 9, 20)].kind == "adjusted"
    assert cells[dt.date(2026, 9, 19)].kind == "weekend"
    assert cells[dt.date(2026, 9, 21)].kind == "workday"
    page = response.content.decode()
    assert "2004–2026 年：内置国务院办公厅公布的安排" in page
    assert "bo-day-adjusted" in page
    assert "尚无官方节假日安排" not in page


def test_a_year_without_an_official_schedule_is_shown_as_provisional(client, manager):
    client.force_login(manager)
    response = client.get(reverse("backoffice:calendar"), {"year": 2027})
    assert response.context["grid"].official is False
    assert "2027 年尚无官方节假日安排" in response.content.decode()


def test_a_schedule_with_a_bad_line_shows_its_problem_and_loads_nothing(client, manager):
    client.force_login(manager)
    text = SCHEDULE_2027 + "2027-02-30,休,春节\n2027-05-01,放假,劳动节\n"
    response = client.post(reverse("backoffice:calendar_load"), {"text": text})
    assert response.status_code == 200
    problems = response.context["problems"]
    assert [(p.row, p.code) for p in problems] == [(7, "bad_date"), (8, "bad_kind")]
    page = response.content.decode()
    assert "发现 2 处问题，未导入" in page
    assert "日期「2027-02-30」格式错误，应为 YYYY-MM-DD" in page
    assert not CalendarYear.objects.exists()
    assert not CalendarDay.objects.exists()


def test_a_schedule_without_a_source_is_refused(client, manager):
    client.force_login(manager)
    text = "\n".join(line for line in SCHEDULE_2027.splitlines() if "source" not in line)
    response = client.post(reverse("backoffice:calendar_load"), {"text": text})
    assert "请注明来源（国务院办公厅通知文号）" in response.content.decode()
    accepted = client.post(reverse("backoffice:calendar_load"), {"text": text, "source": "国办发明电〔2026〕99号"})
    assert accepted.status_code == 302
    assert CalendarYear.objects.get(year=2027).source == "国办发明电〔2026〕99号"


def test_uploading_the_2027_schedule_makes_its_deadlines_official(client, manager):
    assert workdays.add_working_days(dt.date(2027, 1, 4), 5).provisional is True
    client.force_login(manager)
    upload = SimpleUploadedFile("2027.csv", SCHEDULE_2027.encode("gb18030"), content_type="text/csv")
    response = client.post(reverse("backoffice:calendar_load"), {"schedule_file": upload}, follow=True)
    assert "已导入2027年节假日安排（9条）" in response.content.decode()
    assert response.context["grid"].official is True
    assert workdays.add_working_days(dt.date(2027, 1, 4), 5).provisional is False
    assert CalendarDay.objects.filter(day__year=2027).count() == 9
    entry = AuditEntry.objects.get(action="core.calendar.schedule_loaded")
    assert entry.actor_role == "center_manager"


def test_an_empty_upload_form_asks_for_a_file_or_text(client, manager):
    client.force_login(manager)
    response = client.post(reverse("backoffice:calendar_load"), {"text": "  "})
    assert "请上传文件或粘贴节假日安排" in response.content.decode()


def test_a_manager_sets_one_day_off(client, manager):
    client.force_login(manager)
    response = client.post(
        reverse("backoffice:calendar_day"),
        {"day": "2026-11-27", "kind": "holiday", "note": "防汛停止办公", "source": "县政府通知"},
        follow=True,
    )
    assert "已登记 2026-11-27" in response.content.decode()
    assert workdays.get_calendar().is_workday(dt.date(2026, 11, 27)) is False
    cell = _cells(response)[dt.date(2026, 11, 27)]
    assert (cell.kind, cell.entry, cell.note) == ("holiday", True, "防汛停止办公")


def test_a_day_outside_the_calendar_is_refused_by_the_form(client, manager):
    client.force_login(manager)
    response = client.post(reverse("backoffice:calendar_day"), {"day": "2050-01-03", "kind": "holiday"})
    assert response.context["day_form"].errors["day"] == ["日期超出日历范围"]
