"""The kiosk over HTTP: taking a ticket (with the 70+ and disabled claims), checking in an appointment, and
the progress lookup that reveals nothing without the right phone digits."""

import datetime
import re

import pytest
from django.utils import timezone

from govhall.cases import services as case_services
from govhall.cases.models import Case
from govhall.core.actors import Actor
from govhall.core.models import AuditEntry
from govhall.devices import progress
from govhall.org.models import Role
from govhall.queueing import services
from govhall.queueing.models import Priority, Ticket
from govhall.queueing.tests.builders import ELDER_ID, YOUNG_ID
from govhall.testing.factories import make_staff

pytestmark = pytest.mark.django_db


def test_the_kiosk_home_offers_the_four_services(kiosk_client):
    text = kiosk_client.get("/hall/kiosk/").content.decode()
    for words in ("取号", "预约签到", "办件进度查询", "办事指南"):
        assert words in text


def test_taking_a_ticket_leads_to_its_print_view(kiosk_client, open_hall):
    response = kiosk_client.post("/hall/kiosk/take/", {"category": open_hall.a.pk, "claim": "none"})
    assert response.status_code == 302 and response["Location"].endswith("?print=1")
    page = kiosk_client.get(response["Location"]).content.decode()
    assert "A001" in page and "企业开办" in page and "data-autoprint" in page
    assert Ticket.objects.get().priority == Priority.NONE


def test_an_elderly_visitor_gets_the_priority_from_the_id_number(kiosk_client, open_hall):
    kiosk_client.post("/hall/kiosk/take/", {"category": open_hall.a.pk, "claim": "elderly", "id_number": ELDER_ID})
    assert Ticket.objects.get().priority == Priority.ELDERLY


def test_a_younger_visitor_claiming_70_plus_is_told_and_gets_no_ticket(kiosk_client, open_hall):
    response = kiosk_client.post(
        "/hall/kiosk/take/", {"category": open_hall.a.pk, "claim": "elderly", "id_number": YOUNG_ID}
    )
    assert response.status_code == 400
    assert "未满70周岁" in response.content.decode()
    assert not Ticket.objects.exists()


def test_a_disabled_visitor_claims_the_priority(kiosk_client, open_hall):
    kiosk_client.post("/hall/kiosk/take/", {"category": open_hall.a.pk, "claim": "disabled"})
    assert Ticket.objects.get().priority == Priority.DISABLED


@pytest.mark.parametrize(
    "data, message",
    [
        ({"category": "abc"}, "请选择业务类别"),
        ({"category": "999999"}, "请选择业务类别"),
        ({"category": "{a}", "claim": "green"}, "优先类型无效"),
        ({"category": "{a}", "claim": "elderly", "id_number": "12345"}, "身份证"),
        ({"category": "{a}", "claim": "elderly"}, "请输入本人身份证号码"),
    ],
)
def test_bad_input_at_the_kiosk_is_answered_in_chinese_not_with_an_error_page(kiosk_client, open_hall, data, message):
    data = {k: (str(open_hall.a.pk) if v == "{a}" else v) for k, v in data.items()}
    response = kiosk_client.post("/hall/kiosk/take/", data)
    assert response.status_code in (400, 403)
    assert message in response.content.decode()


def test_a_closed_hall_refuses_tickets_with_the_services_message(kiosk_client, open_hall):
    services.save_category(
        center=open_hall.center,
        actor=open_hall.manager_actor,
        series="A",
        name="企业开办",
        windows=[open_hall.window],
        active=False,
        category=open_hall.a,
    )
    response = kiosk_client.post("/hall/kiosk/take/", {"category": open_hall.a.pk})
    assert response.status_code == 409 and "该业务类别暂停取号" in response.content.decode()


def test_a_ticket_link_from_another_center_or_forged_is_not_found(kiosk_client):
    assert kiosk_client.get("/hall/kiosk/tickets/forged/").status_code == 404


# --- appointments -------------------------------------------------------------------------------------------
def _book(hall, minutes_from_now):
    start = timezone.localtime() + datetime.timedelta(minutes=minutes_from_now)
    if start.date() != timezone.localdate():
        pytest.skip("too close to midnight for a same-day slot")
    slot = services.open_slots(
        category=hall.a,
        days=[start.date()],
        times=[start.time().replace(second=0, microsecond=0)],
        capacity=5,
        actor=hall.manager_actor,
    )[0]
    return services.book(
        slot=slot, name="李四", id_number=YOUNG_ID, phone="13800001111", channel="online", actor=hall.manager_actor
    )


def test_an_appointment_checks_in_by_code_within_its_window(kiosk_client, open_hall):
    appointment = _book(open_hall, 10)
    response = kiosk_client.post("/hall/kiosk/check-in/", {"code": appointment.code})
    assert response.status_code == 302
    assert Ticket.objects.get().priority == Priority.APPOINTMENT


def test_an_appointment_checks_in_by_id_number(kiosk_client, open_hall):
    _book(open_hall, 10)
    response = kiosk_client.post("/hall/kiosk/check-in/", {"code": YOUNG_ID})
    assert response.status_code == 302


def test_too_early_a_check_in_says_from_when(kiosk_client, open_hall):
    appointment = _book(open_hall, 120)
    response = kiosk_client.post("/hall/kiosk/check-in/", {"code": appointment.code})
    text = response.content.decode()
    assert response.status_code == 409 and re.search(r"请于 \d\d:\d\d 后签到", text)


@pytest.mark.parametrize(
    "code, message", [("", "请输入预约码"), ("00000000", "预约不存在"), (ELDER_ID, "未找到您今天")]
)
def test_a_check_in_without_a_booking_is_told_why(kiosk_client, open_hall, code, message):
    response = kiosk_client.post("/hall/kiosk/check-in/", {"code": code})
    assert message in response.content.decode()


# --- progress -----------------------------------------------------------------------------------------------
SECRETS = ("张三丰", "张**", "13912345678", "139****5678", "已收件", "审查中", "食品经营许可")


def _plain(page, receipt):
    """The page without what differs by request anyway: the typed receipt and the CSRF token."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page.replace(receipt, "R"))


def _lookup(client, receipt, digits):
    return client.post("/hall/kiosk/progress/", {"receipt": receipt, "digits": digits}).content.decode()


def test_the_progress_lookup_reveals_nothing_without_the_right_phone_digits(kiosk_client, applicant_case):
    receipt = applicant_case.receipt_number
    wrong = _lookup(kiosk_client, receipt, "0000")
    missing = _lookup(kiosk_client, receipt, "")
    unknown = _lookup(kiosk_client, "QC2099010100001", "5678")
    for page in (wrong, missing, unknown):
        assert "未查询到匹配的办件" in page
        assert not any(secret in page for secret in SECRETS)
        assert "data-progress" not in page
    # The answer for a real receipt with wrong digits is the answer for a receipt that does not exist.
    assert _plain(wrong, receipt) == _plain(unknown, "QC2099010100001")


def test_the_progress_lookup_shows_masked_progress_with_the_right_digits(kiosk_client, applicant_case):
    page = _lookup(kiosk_client, applicant_case.receipt_number, "5678")
    assert "data-progress" in page
    assert "张**" in page and "139****5678" in page and applicant_case.get_status_display() in page
    assert "张三丰" not in page and "13912345678" not in page and applicant_case.applicant_id_number not in page


def test_the_progress_of_a_licence_granted_says_by_when_it_is_delivered(
    kiosk_client, applicant_case, clerk, market_department
):
    chief = make_staff("kiosk_chief", Role.CHIEF_REPRESENTATIVE, Role.APPROVER, department=market_department)
    case = case_services.accept_case(case=applicant_case, actor=Actor(user=clerk, role=Role.WINDOW_CLERK))
    for task in case.tasks.exclude(role=Role.CHIEF_REPRESENTATIVE):
        case_services.complete_task(task=task, opinion="同意", actor=Actor(user=chief, role=Role.APPROVER))
    case = case_services.decide_case(
        case=case, approve=True, reason="", actor=Actor(user=chief, role=Role.CHIEF_REPRESENTATIVE)
    )
    page = _lookup(kiosk_client, case.receipt_number, "5678")
    assert f"<dt>证件送达期限</dt><dd>{case.delivery_deadline.isoformat()}</dd>" in page  # in time: no mark
    Case.objects.filter(pk=case.pk).update(delivery_deadline=case_services.today() - datetime.timedelta(days=1))
    page = _lookup(kiosk_client, case.receipt_number, "5678")
    assert "证件送达期限" in page and '<span class="tag-bad">已超期</span></dd>' in page
    case.refresh_from_db()
    case = case_services.certify_case(case=case, actor=Actor(user=clerk, role=Role.WINDOW_CLERK))
    case_services.deliver_case(case=case, actor=Actor(user=clerk, role=Role.WINDOW_CLERK))
    page = _lookup(kiosk_client, case.receipt_number, "5678")
    assert "证件送达期限" not in page and f"<dt>送达日期</dt><dd>{case_services.today().isoformat()}</dd>" in page


def test_every_lookup_is_audited_and_guessing_is_cut_short(kiosk_client, applicant_case):
    receipt = applicant_case.receipt_number
    for digits in ("0000", "1111", "2222", "3333", "4444")[: progress.RECEIPT_FAILURES]:
        _lookup(kiosk_client, receipt, digits)
    assert AuditEntry.objects.filter(action="devices.kiosk.progress_lookup").count() == progress.RECEIPT_FAILURES
    response = kiosk_client.post("/hall/kiosk/progress/", {"receipt": receipt, "digits": "5678"})
    assert response.status_code == 429 and "查询次数过多" in response.content.decode()
    assert "data-progress" not in response.content.decode()


def test_the_guides_opened_on_a_kiosk_lead_back_to_it(kiosk_client, client):
    page = kiosk_client.get("/guides/search", {"q": "营业执照"}).content.decode()
    assert "返回自助终端首页" in page and "portal/kiosk_mode" in page


def test_the_guides_elsewhere_have_no_kiosk_bar(client, db):
    assert "返回自助终端首页" not in client.get("/guides/search", {"q": "营业执照"}).content.decode()
