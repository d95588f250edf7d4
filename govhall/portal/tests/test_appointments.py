"""Online appointments: choose a category, a working day and a slot, book, get a code, cancel with the code and
the ID number. Holidays have no slots; one live appointment per person and category."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from govhall.core.actors import system_actor
from govhall.core.calendar_services import set_calendar_day
from govhall.core.models import CalendarDay
from govhall.core.workdays import get_calendar
from govhall.queueing import services
from govhall.queueing.models import Appointment, AppointmentStatus
from govhall.queueing.tests.builders import ELDER_ID, YOUNG_ID
from govhall.testing.browser import screenshot

TIMES = [datetime.time(9, 0), datetime.time(10, 0)]


def _working_days(n):
    calendar, day, found = get_calendar(), timezone.localdate(), []
    while len(found) < n:
        day += datetime.timedelta(days=1)
        if calendar.is_workday(day):
            found.append(day)
    return found


@pytest.fixture
def slots(hall):
    days = _working_days(3)
    created = services.open_slots(category=hall.a, days=days, times=TIMES, capacity=2, actor=hall.manager_actor)
    return days, created


def _book(client, hall, slot, **overrides):
    data = {"name": "李四", "id_number": YOUNG_ID, "phone": "13800001111", **overrides}
    return client.post(f"/appointments/{hall.a.pk}/slots/{slot.pk}/", data)


@pytest.mark.django_db
def test_the_categories_page_lists_the_centers_categories(client, hall):
    text = client.get("/appointments/").content.decode()
    assert "企业开办" in text and "社会事务" in text and hall.center.name in text


@pytest.mark.django_db
def test_a_booking_gives_a_code_and_the_code_cancels_it(client, hall, slots):
    _days, created = slots
    response = _book(client, hall, created[0])
    assert response.status_code == 302
    confirmation = client.get(response["Location"]).content.decode()
    appointment = Appointment.objects.get()
    assert appointment.code in confirmation and "李*" in confirmation and YOUNG_ID not in confirmation

    wrong = client.post("/appointments/cancel/", {"code": appointment.code, "id_number": ELDER_ID})
    assert wrong.status_code == 400 and "预约码或证件号码不正确" in wrong.content.decode()
    unknown = client.post("/appointments/cancel/", {"code": "12345678", "id_number": YOUNG_ID})
    assert "预约码或证件号码不正确" in unknown.content.decode()
    assert Appointment.objects.get().status == AppointmentStatus.BOOKED

    done = client.post("/appointments/cancel/", {"code": appointment.code, "id_number": YOUNG_ID.lower()})
    assert done.status_code == 200 and "预约已取消" in done.content.decode()
    assert Appointment.objects.get().status == AppointmentStatus.CANCELLED
    again = client.post("/appointments/cancel/", {"code": appointment.code, "id_number": YOUNG_ID})
    assert "该预约不是有效预约" in again.content.decode()


@pytest.mark.django_db
def test_one_live_appointment_per_person_and_category(client, hall, slots):
    _days, created = slots
    assert _book(client, hall, created[0]).status_code == 302
    second = _book(client, hall, created[1])
    assert second.status_code == 409
    assert "您在该类别已有一个有效预约" in second.content.decode()
    assert Appointment.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field, value, message",
    [
        ("id_number", "123", "身份证"),
        ("id_number", "110105199003071238", "校验"),
        ("name", "", "请填写姓名"),
        ("phone", "12", "请填写有效的联系电话"),
    ],
)
def test_bad_booking_input_is_answered_in_chinese(client, hall, slots, field, value, message):
    response = _book(client, hall, slots[1][0], **{field: value})
    assert 400 <= response.status_code < 500
    assert message in response.content.decode() or re.search(message, response.content.decode())
    assert not Appointment.objects.exists()


@pytest.mark.django_db
def test_a_holiday_shows_no_slots(client, hall, slots):
    days, created = slots
    holiday = days[1]
    set_calendar_day(day=holiday, kind=CalendarDay.Kind.HOLIDAY, note="临时闭厅", source="tests", actor=system_actor())
    page = client.get(f"/appointments/{hall.a.pk}/?day={holiday:%Y-%m-%d}").content.decode()
    assert "该日为休息日（节假日），不提供预约" in page
    assert f'<span class="hall-day closed" data-day="{holiday:%Y-%m-%d}">' in page
    holiday_slot = next(s for s in created if s.day == holiday)
    assert f"/slots/{holiday_slot.pk}/" not in client.get(f"/appointments/{hall.a.pk}/").content.decode()
    response = _book(client, hall, holiday_slot)
    assert response.status_code == 302 and response["Location"] == f"/appointments/{hall.a.pk}/"
    assert not Appointment.objects.exists()


@pytest.mark.django_db
def test_a_full_slot_is_not_offered(client, hall, slots):
    _days, created = slots
    _book(client, hall, created[0])
    _book(client, hall, created[0], id_number=ELDER_ID, name="王五")
    page = client.get(f"/appointments/{hall.a.pk}/?day={created[0].day:%Y-%m-%d}").content.decode()
    assert f"/slots/{created[0].pk}/" not in page and f"/slots/{created[1].pk}/" in page


@pytest.mark.django_db
def test_odd_urls_do_not_fail(client, hall, slots):
    assert client.get(f"/appointments/{hall.a.pk}/?day=nonsense").status_code == 200
    assert client.get("/appointments/999999/").status_code == 404
    assert client.get("/appointments/booked/forged/").status_code == 404
    assert client.post("/appointments/cancel/", {}).status_code == 400


def test_booking_in_the_browser(page, live_server, hall, slots):
    days, _created = slots
    page.goto(f"{live_server.url}/appointments/")
    page.click("text=企业开办")
    page.click(f'a[data-day="{days[0]:%Y-%m-%d}"]')
    page.click(".hall-slot >> nth=0")
    page.fill("#id_name", "李四")
    page.fill("#id_id_number", YOUNG_ID)
    page.fill("#id_phone", "13800001111")
    screenshot(page, "portal-appointment-form")
    page.click("text=提交预约")
    expect(page.locator("[data-code]")).to_have_text(re.compile(r"^\d{8}$"))
    screenshot(page, "portal-appointment-booked")
    page.goto(f"{live_server.url}/appointments/{hall.a.pk}/?day={days[0]:%Y-%m-%d}")
    screenshot(page, "portal-appointment-days")
