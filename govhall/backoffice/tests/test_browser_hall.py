"""The hall pages in a real browser: the clerk works the console with the function keys; the manager reads the
numbers and the settings."""

import datetime

import pytest
from django.utils import timezone

from govhall.accounts.models import User
from govhall.core.workdays import get_calendar
from govhall.queueing import hours, services
from govhall.queueing.models import Ticket, TicketStatus
from govhall.queueing.tests.builders import ELDER_ID, KIOSK, YOUNG_ID
from govhall.testing.browser import login, screenshot
from govhall.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _hall_open(monkeypatch):
    """The live server acts at the real 'now': let the hall be open whenever the tests run."""
    monkeypatch.setattr(hours, "is_service_time", lambda hall, at: True)


def _wait_status(page, text: str) -> None:
    page.wait_for_function("text => document.querySelector('#current-status')?.textContent.includes(text)", arg=text)


def test_the_clerk_calls_holds_resumes_and_finishes_with_the_function_keys(page, live_server, hall):
    User.objects.filter(username="clerk").update(display_name="李晓梅")
    elder = services.take_ticket(
        category=hall.a, actor=KIOSK, name="张三", id_number=ELDER_ID, phone="13912345678"
    ).ticket
    services.take_ticket(category=hall.a, actor=KIOSK)

    login(page, live_server.url, "clerk", PASSWORD)
    page.click("nav >> text=叫号")
    page.wait_for_selector("#console-panel")
    page.wait_for_load_state("load")  # the keys are bound by a deferred script: a key pressed before it is lost
    assert "窗口尚未开始服务" in page.text_content("#current")
    assert page.text_content("#key-call").strip().endswith("F1")

    page.keyboard.press("F1")
    _wait_status(page, "已呼叫")
    assert page.text_content("#current-number") == elder.number  # the elderly visitor goes first
    assert page.text_content("#current-id") == "1101**********002X"
    assert page.text_content("#current-phone") == "139****5678"
    assert ELDER_ID not in page.content()

    page.keyboard.press("F4")
    _wait_status(page, "办理中")
    assert Ticket.objects.get(pk=elder.pk).status == TicketStatus.SERVING

    # F6 opens the hold box with the cursor in the reason; while typing, the keys are the field's.
    page.keyboard.press("F6")
    page.wait_for_selector("#hold-box[open] input[name=reason]:focus")
    page.keyboard.type("回去复印身份证")
    page.keyboard.press("F9")
    assert page.input_value("#hold-box input[name=reason]") == "回去复印身份证"
    assert Ticket.objects.get(pk=elder.pk).status == TicketStatus.SERVING
    page.keyboard.press("Enter")
    page.wait_for_selector("#held >> text=" + elder.number)
    assert Ticket.objects.get(pk=elder.pk).status == TicketStatus.HELD
    assert "当前没有正在办理的号" in page.text_content("#current")

    page.keyboard.press("F6")  # no visitor at the window: F6 resumes the first held ticket
    _wait_status(page, "办理中")
    page.wait_for_selector("#start-intake")
    screenshot(page, "hall-console")

    page.keyboard.press("F9")
    page.wait_for_selector(f"#console-notice >> text={elder.number} 已办结")
    assert Ticket.objects.get(pk=elder.pk).status == TicketStatus.FINISHED
    assert page.text_content("#count-served").strip() == "1"
    assert "上一位" in page.text_content("#last-finished")

    page.keyboard.press("F1")
    _wait_status(page, "已呼叫")
    page.keyboard.press("F3")
    page.wait_for_selector("#console-notice >> text=未到，已回到队列原位")
    assert page.text_content("#count-waiting").strip() == "1"


def test_the_start_intake_link_opens_the_intake_filled_in(page, live_server, hall):
    ticket = services.take_ticket(category=hall.a, actor=KIOSK, name="张三", id_number=ELDER_ID).ticket
    called = services.call_next(window=hall.window, actor=hall.actor)
    services.start_serving(ticket=called, window=hall.window, actor=hall.actor)
    login(page, live_server.url, "clerk", PASSWORD)
    page.goto(f"{live_server.url}/manage/hall/console/")
    page.click("#start-intake")
    page.wait_for_selector("#intake-form")
    assert page.input_value("#id_applicant_name") == "张三"
    assert page.input_value("#id_applicant_id_number") == ELDER_ID
    assert ticket.number in page.text_content(".messages")


def test_f7_transfers_a_called_visitor_before_service_starts(page, live_server, hall):
    ticket = services.take_ticket(category=hall.a, actor=KIOSK).ticket
    login(page, live_server.url, "clerk", PASSWORD)
    page.goto(f"{live_server.url}/manage/hall/console/")
    page.wait_for_selector("#console-panel")
    page.wait_for_load_state("load")
    page.keyboard.press("F1")
    _wait_status(page, "已呼叫")
    page.keyboard.press("F7")  # opens the transfer box with the cursor in its first field
    page.wait_for_function("() => document.querySelector('#transfer-box').open")
    assert page.evaluate("document.activeElement.name") == "to_category"
    page.select_option("#transfer-box select[name=to_window]", str(hall.window2.pk))
    page.fill("#transfer-box input[name=reason]", "需到社保窗口")
    page.click("#confirm-transfer")
    page.wait_for_selector(f"#console-notice >> text={ticket.number} 已转至 02号窗口")
    ticket.refresh_from_db()
    assert (ticket.status, ticket.target_window_id, ticket.window_id) == (TicketStatus.WAITING, hall.window2.pk, None)


def test_the_manager_reads_the_numbers_and_the_settings(page, live_server, hall, manager):
    t1, t2 = hall.take(minutes=0), hall.take(minutes=1)
    for ticket, called_at in ((t1, 5), (t2, 16)):
        called = hall.call(minutes=called_at)
        assert called == ticket
        hall.serve(called, minutes=called_at + 1)
        hall.finish(called, minutes=called_at + 8)
    day = timezone.localdate() + datetime.timedelta(days=1)
    while not get_calendar().is_workday(day):
        day += datetime.timedelta(days=1)
    services.open_slots(
        category=hall.a,
        days=[day],
        times=[datetime.time(9, 0), datetime.time(9, 30)],
        capacity=4,
        actor=hall.manager_actor,
    )
    services.take_ticket(category=hall.b, actor=KIOSK, id_number=ELDER_ID, phone="13912345678")

    login(page, live_server.url, "manager", PASSWORD)
    page.click("nav >> text=大厅")
    page.wait_for_selector("#hours")
    assert "A 企业开办" in page.text_content("#slots")
    screenshot(page, "hall-settings")

    page.click(".hall-tabs >> text=排队情况")
    page.wait_for_selector("#waiting >> text=1101**********002X")
    screenshot(page, "hall-queue")
    page.click("#waiting a.bo-code")
    page.wait_for_selector("#periods")
    assert "等候中" in page.text_content("#periods")
    screenshot(page, "hall-ticket")

    page.goto(f"{live_server.url}/manage/hall/appointments/?day={day:%Y-%m-%d}")
    page.select_option("#id_slot", label="09:30–10:00（余4）")
    page.fill("#id_name", "王五")
    page.fill("#id_id_number", YOUNG_ID)
    page.fill("#id_phone", "13812345678")
    page.click("button:has-text('登记预约')")
    page.wait_for_selector("text=已为来电人预约")
    assert "1101**********1239" in page.text_content("#appointments")
    screenshot(page, "hall-appointments")

    page.click(".hall-tabs >> text=统计")
    page.fill("#id_date_from", "2026-03-10")
    page.fill("#id_date_to", "2026-03-10")
    page.click("button:has-text('查询')")
    page.wait_for_selector("#numbers >> text=2026-03-10")
    cells = page.locator("#numbers tbody tr").first.locator("td").all_text_contents()
    assert cells[:4] == ["2026-03-10", "2", "2", "0"]
    page.click("#groupings >> text=按窗口")
    page.wait_for_selector("#numbers >> text=01号 市场准入窗口")
    screenshot(page, "hall-numbers")
    with page.expect_download() as download:
        page.click("#export")
    assert download.value.suggested_filename.endswith(".xlsx")
