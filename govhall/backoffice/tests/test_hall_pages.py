"""The hall's staff pages through HTTP: the window console, settings, appointments, queue and numbers."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from govhall.cases import services as case_services
from govhall.cases.models import Case
from govhall.cases.services import Applicant, Intake, MaterialReceipt
from govhall.core.actors import Actor
from govhall.core.models import AuditEntry
from govhall.core.workdays import get_calendar
from govhall.org.models import Role
from govhall.queueing import hours, services
from govhall.queueing.access import device_for_token
from govhall.queueing.models import (
    Appointment,
    AppointmentSlot,
    AppointmentStatus,
    Category,
    Device,
    HallSettings,
    Priority,
    SlotChannel,
    Source,
    Ticket,
    TicketCase,
    TicketStatus,
)
from govhall.queueing.tests.builders import ELDER_ID, KIOSK, YOUNG_ID
from govhall.testing.factories import CenterFactory, WindowFactory, make_item, make_staff

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def _hall_open(monkeypatch):
    """The pages act at the real 'now' (no clock injection over HTTP): let the hall be open whenever tests run."""
    monkeypatch.setattr(hours, "is_service_time", lambda hall, at: True)


@pytest.fixture
def food_case(hall, market_department, clerk):
    """A case the clerk received at window 01 for the elderly visitor (ELDER_ID)."""
    item = make_item("11519901FOOD", department=market_department)
    intake = Intake(
        item=item,
        center=hall.center,
        window=hall.window,
        applicant=Applicant(kind="person", name="张三", id_kind="resident_id", id_number=ELDER_ID),
        materials=[MaterialReceipt(m.pk) for m in item.current_version.materials.all()],
    )
    return case_services.submit_case(intake=intake, actor=Actor(user=clerk, role=Role.WINDOW_CLERK))


def _take(category, **kw) -> Ticket:
    return services.take_ticket(category=category, actor=KIOSK, **kw).ticket


def _act(client, window, action, htmx=False, **data):
    url = reverse("backoffice:hall_console_action", args=[window.pk, action])
    return client.post(url, data, **(HTMX if htmx else {}))


def _next_workday(after: datetime.date) -> datetime.date:
    calendar = get_calendar()
    day = after + datetime.timedelta(days=1)
    while not calendar.is_workday(day):
        day += datetime.timedelta(days=1)
    return day


def _audits(action: str) -> int:
    return AuditEntry.objects.filter(action=action).count()


# access


def test_a_clerk_cannot_act_at_another_clerks_window(client, hall):
    ticket = _take(hall.a)
    client.force_login(hall.clerk)
    response = _act(client, hall.window2, "call")
    assert response.status_code == 403
    assert "您不是该窗口的工作人员" in response.content.decode()
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.WAITING
    assert client.get(reverse("backoffice:hall_console_window", args=[hall.window2.pk])).status_code == 403


def test_a_clerk_with_one_window_goes_straight_to_its_console(client, hall):
    client.force_login(hall.clerk)
    response = client.get(reverse("backoffice:hall_console"))
    assert response.status_code == 302
    assert response["Location"] == reverse("backoffice:hall_console_window", args=[hall.window.pk])


def test_a_manager_picks_any_window_of_his_center_and_acts_there(client, hall, manager):
    ticket = _take(hall.b)
    client.force_login(manager)
    page = client.get(reverse("backoffice:hall_console")).content.decode()
    assert "01号窗口" in page and "02号窗口" in page
    assert _act(client, hall.window2, "call").status_code == 302
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.CALLED and ticket.window == hall.window2


def test_a_window_of_another_center_is_not_found(client, hall, manager):
    elsewhere = WindowFactory(center=CenterFactory(code="QC-CG", name="城关镇便民服务中心"), number="01")
    client.force_login(manager)
    response = client.get(reverse("backoffice:hall_console_window", args=[elsewhere.pk]))
    assert response.status_code == 404
    assert "窗口不存在" in response.content.decode()


def test_a_supervisor_reads_the_settings_but_may_not_change_them(client, hall, supervisor):
    client.force_login(supervisor)
    page = client.get(reverse("backoffice:hall_settings"))
    assert page.status_code == 200
    assert "只读" in page.content.decode() and "保存设置" not in page.content.decode()
    refused = client.post(
        reverse("backoffice:hall_settings_save"), {"opens_at": "08:00", "closes_at": "18:00", "max_calls": 3}
    )
    assert refused.status_code == 403
    assert "需要以下角色之一" in refused.content.decode()
    assert not HallSettings.objects.filter(center=hall.center).exists()
    for name in ("hall_category_new", "hall_device_issue", "hall_slots_open"):
        assert client.post(reverse(f"backoffice:{name}"), {}).status_code == 403


def test_a_supervisor_reads_queue_appointments_and_numbers_but_cannot_call_or_book(client, hall, supervisor):
    _take(hall.a)
    client.force_login(supervisor)
    for name in ("hall_queue", "hall_appointments", "hall_numbers"):
        assert client.get(reverse(f"backoffice:{name}")).status_code == 200
    assert "登记预约" not in client.get(reverse("backoffice:hall_appointments")).content.decode()
    assert _act(client, hall.window, "call").status_code == 403
    assert client.get(reverse("backoffice:hall_console")).status_code == 403
    assert client.post(reverse("backoffice:hall_appointment_book"), {}).status_code == 403


def test_a_clerk_is_refused_the_settings_and_the_numbers(client, hall):
    client.force_login(hall.clerk)
    for name in ("hall_settings", "hall_numbers", "hall_numbers_export"):
        response = client.get(reverse(f"backoffice:{name}"))
        assert response.status_code == 403
        assert "无权访问" in response.content.decode()


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, hall):
    response = client.get(reverse("backoffice:hall_console"))
    assert response.status_code == 302 and "/manage/login/" in response["Location"]


def test_the_nav_and_home_show_the_hall_pages_by_role(client, hall, manager):
    client.force_login(hall.clerk)
    home = client.get(reverse("backoffice:home")).content.decode()
    assert reverse("backoffice:hall_console") in home and reverse("backoffice:hall_numbers") not in home
    client.force_login(manager)
    home = client.get(reverse("backoffice:home")).content.decode()
    assert reverse("backoffice:hall_settings") in home and reverse("backoffice:hall_numbers") in home


# the console


def test_the_clerk_calls_starts_and_finishes_a_visit_linking_the_case(client, hall, food_case):
    ticket = _take(hall.a, name="张三", id_number="11010519491231002X", phone="13912345678")
    client.force_login(hall.clerk)

    called = _act(client, hall.window, "call", htmx=True)
    assert called.status_code == 200 and f"已呼叫 {ticket.number}" in called.content.decode()
    ticket.refresh_from_db()
    assert (ticket.status, ticket.window, ticket.call_count) == (TicketStatus.CALLED, hall.window, 1)

    started = _act(client, hall.window, "start", htmx=True, ticket=ticket.pk)
    assert "办理中" in started.content.decode()
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.SERVING

    Case.objects.filter(pk=food_case.pk).update(created_at=timezone.now())  # received during this visit
    panel = client.get(reverse("backoffice:hall_console_window", args=[hall.window.pk]), **HTMX).content.decode()
    assert food_case.receipt_number in panel

    finished = _act(client, hall.window, "finish", ticket=ticket.pk, case=[food_case.pk])
    assert finished.status_code == 302
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.FINISHED
    assert list(TicketCase.objects.filter(ticket=ticket).values_list("case_id", flat=True)) == [food_case.pk]
    page = client.get(finished["Location"]).content.decode()
    assert f"{ticket.number} 已办结，关联办件 1 件" in page
    assert "上一位" in page


def test_recall_counts_each_call_and_skip_after_the_limit_makes_the_ticket_missed(client, hall):
    services.save_settings(center=hall.center, actor=hall.manager_actor, max_calls=2)
    ticket = _take(hall.a)
    client.force_login(hall.clerk)
    _act(client, hall.window, "call")
    _act(client, hall.window, "recall", ticket=ticket.pk)
    ticket.refresh_from_db()
    assert ticket.call_count == 2
    refused = _act(client, hall.window, "recall", htmx=True, ticket=ticket.pk)
    assert refused.status_code == 200 and "已呼叫2次，请按过号处理" in refused.content.decode()
    missed = _act(client, hall.window, "skip", htmx=True, ticket=ticket.pk)
    assert f"{ticket.number} 已过号" in missed.content.decode()
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.MISSED
    assert "本窗口过号" in missed.content.decode()


def test_a_skip_before_the_limit_puts_the_visitor_back_in_the_queue(client, hall):
    ticket = _take(hall.a)
    client.force_login(hall.clerk)
    _act(client, hall.window, "call")
    response = _act(client, hall.window, "skip", htmx=True, ticket=ticket.pk)
    assert "未到，已回到队列原位" in response.content.decode()
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.WAITING


def test_hold_with_a_reason_and_resume(client, hall):
    ticket = _take(hall.a)
    client.force_login(hall.clerk)
    _act(client, hall.window, "call")
    _act(client, hall.window, "start", ticket=ticket.pk)
    held = _act(client, hall.window, "hold", htmx=True, ticket=ticket.pk, reason="回去复印身份证")
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.HELD
    assert AuditEntry.objects.get(action="queueing.ticket.held").changes["reason"] == "回去复印身份证"
    assert 'id="held"' in held.content.decode() and "继续 " + ticket.number in held.content.decode()
    _act(client, hall.window, "resume", ticket=ticket.pk)
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.SERVING


def test_transfer_moves_the_ticket_with_its_reason(client, hall):
    ticket = _take(hall.a)
    client.force_login(hall.clerk)
    _act(client, hall.window, "call")
    _act(client, hall.window, "start", ticket=ticket.pk)
    response = _act(
        client, hall.window, "transfer", htmx=True, ticket=ticket.pk, to_category=hall.b.pk, reason="社保业务"
    )
    assert f"{ticket.number} 已转至 B 社会事务" in response.content.decode()
    ticket.refresh_from_db()
    assert (ticket.status, ticket.category, ticket.window) == (TicketStatus.WAITING, hall.b, None)
    assert AuditEntry.objects.get(action="queueing.ticket.transferred").changes["reason"] == "社保业务"

    other = _take(hall.a)
    _act(client, hall.window, "call")
    _act(client, hall.window, "start", ticket=other.pk)
    _act(client, hall.window, "transfer", ticket=other.pk, to_window=hall.window2.pk)
    other.refresh_from_db()
    assert (other.status, other.target_window) == (TicketStatus.WAITING, hall.window2)


def test_a_called_visitor_is_transferred_with_f7_before_service_starts(client, hall):
    ticket = _take(hall.a)
    client.force_login(hall.clerk)
    called = _act(client, hall.window, "call", htmx=True).content.decode()
    assert 'id="key-transfer">' in called and 'id="transfer-box"' in called  # F7 enabled, its box there
    response = _act(client, hall.window, "transfer", htmx=True, ticket=ticket.pk, to_window=hall.window2.pk)
    assert f"{ticket.number} 已转至 02号窗口" in response.content.decode()
    ticket.refresh_from_db()
    assert (ticket.status, ticket.target_window, ticket.window) == (TicketStatus.WAITING, hall.window2, None)
    assert 'id="key-transfer" disabled>' in response.content.decode()


def test_open_and_close_the_desk(client, hall):
    client.force_login(hall.clerk)
    opened = _act(client, hall.window, "open", htmx=True)
    assert "服务中" in opened.content.decode()
    assert hall.window.desk.is_open
    _act(client, hall.window, "close")
    hall.window.desk.refresh_from_db()
    assert not hall.window.desk.is_open


def test_a_window_with_a_visitor_cannot_close(client, hall):
    _take(hall.a)
    client.force_login(hall.clerk)
    _act(client, hall.window, "call")
    response = _act(client, hall.window, "close")
    assert response.status_code == 409
    assert "窗口还有正在办理的号" in response.content.decode()


def test_cases_are_linked_after_the_finish(client, hall, food_case):
    ticket = _take(hall.a)
    client.force_login(hall.clerk)
    _act(client, hall.window, "call")
    _act(client, hall.window, "start", ticket=ticket.pk)
    _act(client, hall.window, "finish", ticket=ticket.pk)
    response = _act(client, hall.window, "link", htmx=True, ticket=ticket.pk, receipts=food_case.receipt_number)
    assert f"已为 {ticket.number} 关联办件 1 件" in response.content.decode()
    assert TicketCase.objects.filter(ticket=ticket, case=food_case).exists()
    unknown = _act(client, hall.window, "link", htmx=True, ticket=ticket.pk, receipts="NOPE-1")
    assert "办件 NOPE-1 不存在" in unknown.content.decode()


@pytest.mark.parametrize(
    ("action", "data", "message", "status"),
    [
        ("call", {}, "当前没有等候的号", 404),
        ("start", {}, "本窗口当前没有正在呼叫或办理的号", 400),
        ("start", {"ticket": "999999"}, "排队号不存在", 404),
        ("transfer", {"ticket": "abc"}, "本窗口当前没有正在呼叫或办理的号", 400),
        ("transfer", {"to_category": "x"}, "所选业务类别不存在", 400),
        ("finish", {"receipts": "NOPE-1"}, "办件 NOPE-1 不存在", 404),
    ],
)
def test_bad_input_at_the_console_gets_a_chinese_message_not_a_500(client, hall, action, data, message, status):
    client.force_login(hall.clerk)
    if action in ("transfer", "finish") and "ticket" not in data:
        ticket = _take(hall.a)
        _act(client, hall.window, "call")
        _act(client, hall.window, "start", ticket=ticket.pk)
    response = _act(client, hall.window, action, **data)
    assert response.status_code == status
    assert message in response.content.decode()
    in_panel = _act(client, hall.window, action, htmx=True, **data)
    assert in_panel.status_code == 200 and message in in_panel.content.decode()


def test_transfer_without_a_target_and_start_in_the_wrong_state_are_explained(client, hall):
    ticket = _take(hall.a)
    client.force_login(hall.clerk)
    _act(client, hall.window, "call")
    _act(client, hall.window, "start", ticket=ticket.pk)
    no_target = _act(client, hall.window, "transfer", htmx=True, ticket=ticket.pk)
    assert "请选择转入的类别或窗口" in no_target.content.decode()
    twice = _act(client, hall.window, "start", ticket=ticket.pk)
    assert twice.status_code == 409 and "该号当前状态为「办理中」" in twice.content.decode()


def test_an_unknown_action_is_not_found(client, hall):
    client.force_login(hall.clerk)
    assert _act(client, hall.window, "explode").status_code == 404


def test_the_console_shows_the_visitor_masked_and_the_shortcuts(client, hall):
    ticket = _take(hall.a, id_number=ELDER_ID, phone="13912345678", name="张三")
    client.force_login(hall.clerk)
    _act(client, hall.window, "call")
    page = client.get(reverse("backoffice:hall_console_window", args=[hall.window.pk])).content.decode()
    assert ticket.number in page and "老年人" in page and "自助取号" in page
    assert "1101**********002X" in page and "139****5678" in page and "张*" in page
    assert ELDER_ID not in page and "13912345678" not in page
    for key in ("F1", "F2", "F3", "F4", "F6", "F7", "F9"):
        assert f'data-key="{key}"' in page
    assert "hall_console.js" in page


def test_start_intake_fills_the_intake_page_with_the_visitor(client, hall):
    ticket = _take(hall.a, id_number=ELDER_ID, name="张三", phone="13912345678")
    client.force_login(hall.clerk)
    _act(client, hall.window, "call")
    _act(client, hall.window, "start", ticket=ticket.pk)
    panel = client.get(reverse("backoffice:hall_console_window", args=[hall.window.pk])).content.decode()
    link = reverse("backoffice:hall_console_intake", args=[hall.window.pk, ticket.pk])
    assert link in panel
    page = client.get(link).content.decode()
    assert 'id="intake-form"' in page and f'action="{reverse("backoffice:intake")}"' in page
    assert f'value="{ELDER_ID}"' in page and 'value="张三"' in page
    assert "身份证号码校验通过" in page and ticket.number in page


def test_a_manager_cannot_start_an_intake(client, hall, manager):
    ticket = _take(hall.a)
    client.force_login(manager)
    response = client.get(reverse("backoffice:hall_console_intake", args=[hall.window.pk, ticket.pk]))
    assert response.status_code == 403


# settings, categories, devices, slots


def _settings(**changes):
    data = {
        "opens_at": "08:30",
        "closes_at": "17:30",
        "lunch_starts": "12:00",
        "lunch_ends": "13:30",
        "extended_until": "19:00",
        "lunch_service": "on",
        "max_calls": "2",
        "priority_streak": "4",
        "checkin_before_minutes": "20",
        "checkin_after_minutes": "10",
        "rating_validity_minutes": "5",
        "notice": "请取号后留意大屏叫号",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_the_manager_saves_the_hall_settings_and_it_is_audited(client, hall, manager):
    client.force_login(manager)
    response = client.post(reverse("backoffice:hall_settings_save"), _settings())
    assert response.status_code == 302
    saved = HallSettings.objects.get(center=hall.center)
    assert (saved.opens_at, saved.extended_until, saved.max_calls, saved.priority_streak) == (
        datetime.time(8, 30),
        datetime.time(19, 0),
        2,
        4,
    )
    assert saved.lunch_service and saved.notice == "请取号后留意大屏叫号"
    assert _audits("queueing.settings.saved") == 1
    page = client.get(reverse("backoffice:hall_settings")).content.decode()
    assert 'value="08:30"' in page and "大厅设置已保存" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"lunch_ends": "11:00"}, "午休时间不完整或结束早于开始"),
        ({"extended_until": "17:00"}, "延时服务应晚于下班时间"),
        ({"closes_at": "08:00"}, "下班时间应晚于上班时间"),
        ({"max_calls": "0"}, "确保该值大于或等于1"),
        ({"opens_at": "九点"}, "输入一个有效的时间"),
    ],
)
def test_bad_settings_are_explained_in_chinese(client, hall, manager, changes, message):
    client.force_login(manager)
    response = client.post(reverse("backoffice:hall_settings_save"), _settings(**changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert _audits("queueing.settings.saved") == 0


def _category(**changes):
    data = {"series": "C", "name": "不动产登记", "default_service_minutes": "12", "position": "3", "active": "on"}
    data.update(changes)
    return data


def test_the_manager_creates_and_edits_a_category(client, hall, manager):
    before = _audits("queueing.category.created")
    client.force_login(manager)
    response = client.post(reverse("backoffice:hall_category_new"), _category(windows=[hall.window2.pk]))
    assert response.status_code == 302
    made = Category.objects.get(center=hall.center, series="C")
    assert (made.name, made.default_service_minutes, list(made.windows.all())) == ("不动产登记", 12, [hall.window2])
    assert _audits("queueing.category.created") == before + 1

    edit = reverse("backoffice:hall_category", args=[made.pk])
    assert 'value="不动产登记"' in client.get(edit).content.decode()
    client.post(edit, _category(name="不动产登记（二手房）", windows=[hall.window.pk, hall.window2.pk], active=""))
    made.refresh_from_db()
    assert made.name == "不动产登记（二手房）" and not made.active and made.windows.count() == 2
    assert _audits("queueing.category.changed") == 1
    assert "不动产登记（二手房）" in client.get(reverse("backoffice:hall_settings")).content.decode()


@pytest.mark.parametrize(
    ("series", "message"),
    [("A", "号段 A 已被使用"), ("I", "号段应为一个大写字母（不含I、O）"), ("", "这个字段是必填项")],
)
def test_a_bad_series_is_explained(client, hall, manager, series, message):
    client.force_login(manager)
    response = client.post(reverse("backoffice:hall_category_new"), _category(series=series))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Category.objects.filter(name="不动产登记").exists()


def test_a_device_token_is_shown_once(client, hall, manager):
    client.force_login(manager)
    response = client.post(
        reverse("backoffice:hall_device_issue"), {"kind": "evaluator", "name": "01号评价器", "window": hall.window.pk}
    )
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    device = Device.objects.get(name="01号评价器")
    page = response.content.decode()
    token = page.split('id="device-token">')[1].split("<")[0]
    assert token.startswith("dev_") and services.hash_device_token(token) == device.token_hash
    # The setup link carries the token in the fragment, which the device page reads (never the query string).
    assert f"/hall/setup/#{token}</code>" in page
    assert token not in client.get(reverse("backoffice:hall_settings")).content.decode()
    assert _audits("queueing.device.issued") == 1


def test_an_evaluator_needs_a_window(client, hall, manager):
    client.force_login(manager)
    response = client.post(reverse("backoffice:hall_device_issue"), {"kind": "evaluator", "name": "评价器"})
    assert response.status_code == 400 and "评价器必须绑定窗口" in response.content.decode()
    assert not Device.objects.exists()


def test_slots_open_on_working_days_only_and_the_page_says_so(client, hall, manager):
    start = _next_workday(timezone.localdate())
    days = [start + datetime.timedelta(days=n) for n in range(10)]
    workdays = [d for d in days if get_calendar().is_workday(d)]
    client.force_login(manager)
    response = client.post(
        reverse("backoffice:hall_slots_open"),
        {
            "category": hall.a.pk,
            "date_from": f"{days[0]:%Y-%m-%d}",
            "date_to": f"{days[-1]:%Y-%m-%d}",
            "times": "09:00, 09:30 14:00",
            "minutes": "30",
            "capacity": "4",
        },
        follow=True,
    )
    assert AppointmentSlot.objects.filter(category=hall.a).count() == 3 * len(workdays)
    assert set(AppointmentSlot.objects.values_list("day", flat=True)) == set(workdays)
    page = response.content.decode()
    assert f"开放 {3 * len(workdays)} 个预约时段" in page
    assert f"跳过 {10 - len(workdays)} 个节假日和休息日" in page
    assert "法定节假日和周末自动跳过" in page
    assert _audits("queueing.slots.opened") == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"times": "9点"}, "时间“9点”格式不对"),
        ({"capacity": "0"}, "确保该值大于或等于1"),
        ({"date_to": "2020-01-01"}, "截止日期不能早于起始日期"),
    ],
)
def test_bad_slot_input_is_explained(client, hall, manager, changes, message):
    day = _next_workday(timezone.localdate())
    data = {"category": hall.a.pk, "date_from": f"{day:%Y-%m-%d}", "date_to": f"{day:%Y-%m-%d}"}
    data |= {"times": "09:00", "minutes": "30", "capacity": "2"} | changes
    client.force_login(manager)
    response = client.post(reverse("backoffice:hall_slots_open"), data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not AppointmentSlot.objects.exists()


# appointments


@pytest.fixture
def booking_day(hall):
    day = _next_workday(timezone.localdate())
    services.open_slots(category=hall.a, days=[day], times=[datetime.time(9, 0)], capacity=2, actor=hall.manager_actor)
    return day


def test_the_clerk_books_by_phone_and_cancels(client, hall, booking_day):
    slot = AppointmentSlot.objects.get()
    client.force_login(hall.clerk)
    url = f"{reverse('backoffice:hall_appointments')}?day={booking_day:%Y-%m-%d}"
    assert "09:00–09:30（余2）" in client.get(url).content.decode()
    response = client.post(
        reverse("backoffice:hall_appointment_book"),
        {
            "day": f"{booking_day:%Y-%m-%d}",
            "slot": slot.pk,
            "name": "王五",
            "id_number": YOUNG_ID,
            "phone": "13812345678",
        },
        follow=True,
    )
    appointment = Appointment.objects.get()
    assert (appointment.channel, appointment.booked_by, appointment.status) == (
        SlotChannel.PHONE,
        hall.clerk,
        AppointmentStatus.BOOKED,
    )
    page = response.content.decode()
    assert f"预约码 {appointment.code}" in page
    assert "1101**********1239" in page and "138****5678" in page and "王*" in page and YOUNG_ID not in page

    cancelled = client.post(reverse("backoffice:hall_appointment_cancel", args=[appointment.code]), follow=True)
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED
    assert f"预约 {appointment.code} 已取消" in cancelled.content.decode()
    again = client.post(reverse("backoffice:hall_appointment_cancel", args=[appointment.code]), follow=True)
    assert "该预约不是有效预约" in again.content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"id_number": "110105199003071238"}, "校验"),
        ({"phone": "123"}, "请填写有效的联系电话"),
        ({"slot": ""}, "这个字段是必填项"),
    ],
)
def test_a_bad_phone_booking_is_explained(client, hall, booking_day, changes, message):
    slot = AppointmentSlot.objects.get()
    data = {"day": f"{booking_day:%Y-%m-%d}", "slot": slot.pk, "name": "王五", "id_number": YOUNG_ID}
    data |= {"phone": "13812345678"} | changes
    client.force_login(hall.clerk)
    response = client.post(reverse("backoffice:hall_appointment_book"), data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Appointment.objects.exists()


def _appointment(hall, *, starts: datetime.datetime, status=AppointmentStatus.BOOKED) -> Appointment:
    """A booking made earlier, for a slot starting at ``starts`` (built directly: booking refuses the past)."""
    local = timezone.localtime(starts)
    slot = AppointmentSlot.objects.create(
        category=hall.a,
        day=local.date(),
        starts_at=local.time().replace(second=0, microsecond=0),
        ends_at=(local + datetime.timedelta(minutes=30)).time(),
        capacity=3,
        booked=1,
    )
    return Appointment.objects.create(
        slot=slot,
        category=hall.a,
        center=hall.center,
        code=f"{slot.pk:08d}",
        channel=SlotChannel.ONLINE,
        name="赵六",
        id_kind="passport",
        id_number=f"E{slot.pk:08d}",
        phone="13712345678",
        booked_at=starts - datetime.timedelta(days=1),
        status=status,
    )


def test_the_clerk_checks_an_appointment_in_and_it_becomes_a_priority_ticket(client, hall):
    appointment = _appointment(hall, starts=timezone.now() + datetime.timedelta(minutes=10))
    client.force_login(hall.clerk)
    response = client.post(reverse("backoffice:hall_appointment_check_in", args=[appointment.code]), follow=True)
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CHECKED_IN
    ticket = appointment.ticket
    assert (ticket.source, ticket.priority) == (Source.APPOINTMENT, Priority.APPOINTMENT)
    assert f"排队号 {ticket.number}" in response.content.decode()


def test_marking_no_shows_flips_only_appointments_past_their_check_in_window(client, hall):
    late = _appointment(hall, starts=timezone.now() - datetime.timedelta(days=1))
    coming = _appointment(hall, starts=timezone.now() + datetime.timedelta(days=1))
    client.force_login(hall.clerk)
    response = client.post(reverse("backoffice:hall_no_shows"), follow=True)
    late.refresh_from_db()
    coming.refresh_from_db()
    assert (late.status, coming.status) == (AppointmentStatus.NO_SHOW, AppointmentStatus.BOOKED)
    assert "已将 1 个超过签到时间的预约标记为爽约" in response.content.decode()


def test_an_appointment_of_another_center_is_not_found(client, hall):
    other = make_staff("farclerk", Role.WINDOW_CLERK, center=CenterFactory(code="QC-CG", name="城关镇便民服务中心"))
    appointment = _appointment(hall, starts=timezone.now() + datetime.timedelta(minutes=10))
    client.force_login(other)
    response = client.post(reverse("backoffice:hall_appointment_cancel", args=[appointment.code]))
    assert response.status_code == 404 and "预约不存在" in response.content.decode()


def test_the_appointments_page_costs_the_same_queries_for_two_rows_or_ten(client, hall):
    client.force_login(hall.clerk)
    url = reverse("backoffice:hall_appointments")
    client.get(url)  # the working-day calendar is loaded once per process

    def queries(n):
        for i in range(n):
            _appointment(hall, starts=timezone.now() + datetime.timedelta(minutes=20 + 10 * n + i))
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    assert queries(2) == queries(8)


# queue


def test_the_queue_lists_waiting_tickets_masked_and_a_ticket_shows_its_periods(client, hall, supervisor):
    ordinary = _take(hall.a, phone="13912345678")
    elder = _take(hall.a, id_number=ELDER_ID)
    client.force_login(supervisor)
    page = client.get(reverse("backoffice:hall_queue")).content.decode()
    assert page.index(elder.number) < page.index(ordinary.number)  # priority first
    assert "1101**********002X" in page and "139****5678" in page and ELDER_ID not in page

    services.call_next(window=hall.window, actor=hall.actor)
    services.start_serving(ticket=elder, window=hall.window, actor=hall.actor)
    detail = client.get(reverse("backoffice:hall_ticket", args=[elder.pk])).content.decode()
    assert detail.count('class="badge hall-status-') >= 4  # the header and waiting, called, serving periods
    assert "等候中" in detail and "已呼叫" in detail and "办理中" in detail and "进行中" in detail
    assert "1101**********002X" in detail and ELDER_ID not in detail


def test_the_queue_looks_a_number_up_and_filters_by_category(client, hall):
    a = _take(hall.a)
    b = _take(hall.b)
    client.force_login(hall.clerk)
    found = client.get(reverse("backoffice:hall_queue"), {"number": a.number.lower()})
    assert found.status_code == 302 and found["Location"] == reverse("backoffice:hall_ticket", args=[a.pk])
    missing = client.get(reverse("backoffice:hall_queue"), {"number": "Z999"})
    assert "今天没有 Z999 号" in missing.content.decode()
    only_b = client.get(reverse("backoffice:hall_queue"), {"category": hall.b.pk}).content.decode()
    table = only_b.split('id="waiting"')[1]
    assert b.number in table and a.number not in table


def test_the_queue_page_costs_the_same_queries_for_two_tickets_or_ten(client, hall):
    client.force_login(hall.clerk)
    client.get(reverse("backoffice:hall_queue"))

    def queries(n):
        for _ in range(n):
            _take(hall.a)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("backoffice:hall_queue")).status_code == 200
        return len(ctx)

    assert queries(2) == queries(8)


def test_a_ticket_of_another_center_is_not_found(client, hall):
    ticket = _take(hall.a)
    other = make_staff("farclerk", Role.WINDOW_CLERK, center=CenterFactory(code="QC-CG", name="城关镇便民服务中心"))
    client.force_login(other)
    response = client.get(reverse("backoffice:hall_ticket", args=[ticket.pk]))
    assert response.status_code == 404 and "排队号不存在" in response.content.decode()


# numbers


@pytest.fixture
def morning(hall):
    """One morning at window 01 (minutes after 9:30 on 2026-03-10).

    t1: taken 0, called 5, started 6, finished 16 → wait 5, service 10
    t2: taken 1, called 16, started 17, finished 20 → wait 15, service 3
    t3: taken 2, called 20 and recalled twice, skipped at 23 → missed after waiting 18
    Average wait (5 + 15 + 18) / 3 = 12.7 min, 90th percentile 18.0; service (10 + 3) / 2 = 6.5, p90 10.0.
    """
    t1, t2, t3 = (hall.take(minutes=m) for m in (0, 1, 2))
    for ticket, called_at, started, finished in ((t1, 5, 6, 16), (t2, 16, 17, 20)):
        called = hall.call(minutes=called_at)
        assert called == ticket
        hall.serve(called, minutes=started)
        hall.finish(called, minutes=finished)
    hall.call(minutes=20)
    services.recall(ticket=t3, window=hall.window, actor=hall.actor, now=hall.at(21))
    services.recall(ticket=t3, window=hall.window, actor=hall.actor, now=hall.at(22))
    services.skip(ticket=t3, window=hall.window, actor=hall.actor, now=hall.at(23))
    t3.refresh_from_db()
    assert t3.status == TicketStatus.MISSED
    return hall


RANGE = {"date_from": "2026-03-10", "date_to": "2026-03-10"}


def test_the_numbers_page_shows_the_morning_by_day_and_by_window(client, morning, manager):
    client.force_login(manager)
    page = client.get(reverse("backoffice:hall_numbers"), RANGE).content.decode()
    row = page.split("<tbody>")[1].split("</tr>")[0]
    cells = [c.split(">")[-1] for c in row.split("</td>")[:-1]]
    assert cells == ["2026-03-10", "3", "2", "1", "0", "12.7", "18.0", "6.5", "10.0", "0", "0"]
    by_window = client.get(reverse("backoffice:hall_numbers"), {**RANGE, "by": "window"}).content.decode()
    assert "01号 市场准入窗口" in by_window
    by_hour = client.get(reverse("backoffice:hall_numbers"), {**RANGE, "by": "hour"}).content.decode()
    assert "09:00" in by_hour


def test_the_numbers_page_shows_tickets_ended_at_closing_time(client, morning, manager):
    morning.take(minutes=30)
    services.close_unserved_tickets(now=morning.at(16 * 60))  # 00:30 the next morning: the day is over
    client.force_login(manager)
    page = client.get(reverse("backoffice:hall_numbers"), RANGE).content.decode()
    assert "下班未办理" in page and '<b id="total-unserved">1</b>' in page
    row = page.split("<tbody>")[1].split("</tr>")[0]
    assert [c.split(">")[-1] for c in row.split("</td>")[:-1]][:5] == ["2026-03-10", "4", "2", "1", "1"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"date_from": "2026-03-10", "date_to": "2026-03-01"}, "截止日期不能早于起始日期"),
        ({"date_from": "2024-01-01", "date_to": "2026-03-01"}, "日期范围无效（最长一年）"),
        ({"date_from": "昨天", "date_to": "2026-03-01"}, "输入一个有效的日期"),
        ({**RANGE, "by": "weather"}, "选择一个有效的选项"),
    ],
)
def test_a_bad_numbers_range_is_explained(client, hall, manager, query, message):
    client.force_login(manager)
    response = client.get(reverse("backoffice:hall_numbers"), query)
    assert response.status_code == 400 and message in response.content.decode()


def test_the_numbers_download_as_a_workbook(client, morning, supervisor):
    client.force_login(supervisor)
    response = client.get(reverse("backoffice:hall_numbers_export"), RANGE)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "hall-numbers-20260310-20260310.xlsx" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["按日", "按窗口", "按人员", "按类别", "按时段"]
    sheet = book["按日"]
    headers = [c.value for c in sheet[2]]
    assert headers[:6] == ["分组", "取号数", "办结数", "过号数", "下班未办理数", "平均等候（分钟）"]
    assert [c.value for c in sheet[3]] == ["2026-03-10", 3, 2, 1, 0, 12.7, 18.0, 6.5, 10.0, 0, 0]
    assert [c.value for c in book["按人员"][3]][:3] == ["clerk", 3, 2]


def _english(client) -> None:
    client.post(reverse("set_language"), {"language": "en", "next": "/manage/"})


def test_the_numbers_workbook_and_the_window_labels_speak_english(client, morning, supervisor):
    client.force_login(supervisor)
    _english(client)
    response = client.get(reverse("backoffice:hall_numbers_export"), RANGE)
    assert "hall-numbers-20260310-20260310.xlsx" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["By day", "By window", "By clerk", "By category", "By hour"]
    sheet = book["By day"]
    assert sheet["A1"].value.endswith("queue statistics 2026-03-10 to 2026-03-10")
    assert [c.value for c in sheet[2]] == [
        "Group",
        "Tickets",
        "Served",
        "Missed",
        "Unserved at closing",
        "Average wait (min)",
        "90% wait (min)",
        "Average service (min)",
        "90% service (min)",
        "Appointments kept",
        "Appointment no-shows",
    ]
    assert book["By window"]["A3"].value == f"Window 01 {morning.window.name}"
    page = client.get(reverse("backoffice:hall_numbers"), {**RANGE, "by": "window"})
    assert f"Window 01 {morning.window.name}" in page.content.decode()


def test_console_messages_name_the_window_in_english(client, hall):
    ticket = _take(hall.a)
    client.force_login(hall.clerk)
    _english(client)
    opened = _act(client, hall.window, "open", htmx=True)
    assert f"Window 01 {hall.window.name}" in opened.content.decode()
    _act(client, hall.window, "call")
    moved = _act(client, hall.window, "transfer", htmx=True, ticket=ticket.pk, to_window=hall.window2.pk)
    notice = moved.content.decode().split('id="console-notice">')[1].split("<")[0]
    assert "Window 02" in notice and "号" not in notice


def test_a_bad_export_range_goes_back_with_a_message(client, hall, manager):
    client.force_login(manager)
    response = client.get(
        reverse("backoffice:hall_numbers_export"), {"date_from": "2026-03-10", "date_to": "2026-03-01"}, follow=True
    )
    assert "日期范围无效，未导出" in response.content.decode()


def test_a_manager_deactivates_a_device_and_its_token_stops_working(client, hall, manager, supervisor):
    device, raw = services.issue_device(
        center=hall.center, kind="kiosk", name="东门取号机", actor=Actor(user=manager, role=Role.CENTER_MANAGER)
    )
    url = reverse("backoffice:hall_device_deactivate", args=[device.pk])
    client.force_login(supervisor)
    assert client.post(url).status_code == 403  # a supervisor reads the hall pages, he does not change them
    client.force_login(manager)
    response = client.post(url, follow=True)
    assert "已停用终端：东门取号机" in response.content.decode()
    device.refresh_from_db()
    assert not device.active and _audits("queueing.device.deactivated") == 1
    assert device_for_token(raw) is None
    client.logout()
    client.cookies["govhall_device"] = raw
    assert client.get(reverse("devices:kiosk")).status_code == 403
    client.force_login(manager)
    again = client.post(url, follow=True).content.decode()
    assert "该终端已停用" in again and _audits("queueing.device.deactivated") == 1
