"""The window's work list (窗口待办) and the delivery clock (Art. 44) on the case page."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from govhall.cases import services
from govhall.cases.services import Applicant, Intake, MaterialReceipt
from govhall.core.actors import Actor
from govhall.org.models import Role
from govhall.testing.factories import make_item

pytestmark = pytest.mark.django_db
TODAY = services.today()


def _actor(user, role):
    return Actor(user=user, role=role, client_ip="10.0.0.8")


@pytest.fixture
def food(market_department):
    return make_item("11519901FOOD000001", department=market_department)


def _submitted(item, clerk, *, on=None):
    version = item.current_version
    intake = Intake(
        item=item,
        center=clerk.staff.center,
        applicant=Applicant(kind="person", name="张三", id_kind="resident_id", id_number="11010519491231002X"),
        materials=[MaterialReceipt(m.pk) for m in version.materials.all()],
    )
    return services.submit_case(intake=intake, actor=_actor(clerk, Role.WINDOW_CLERK), received_on=on)


def _approved(item, clerk, approver, chief, *, on):
    case = services.accept_case(case=_submitted(item, clerk, on=on), actor=_actor(clerk, Role.WINDOW_CLERK), on=on)
    services.complete_task(task=case.tasks.get(), opinion="同意", actor=_actor(approver, Role.APPROVER))
    return services.decide_case(
        case=case, approve=True, reason="", actor=_actor(chief, Role.CHIEF_REPRESENTATIVE), on=on
    )


def _get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content.decode()[:800]
    return response.content.decode()


def _row(page, case):
    return page.split(f'id="case-{case.pk}"')[1].split("</tr>")[0]


def test_the_clerk_sees_what_waits_at_his_windows_with_the_legal_deadlines(client, clerk, approver, chief, food):
    approved = _approved(food, clerk, approver, chief, on=TODAY)
    waiting = _submitted(food, clerk)
    client.force_login(clerk)
    page = _get(client, reverse("backoffice:window_work") + "?tab=result")
    row = _row(page, approved)
    assert approved.receipt_number in row and approved.delivery_deadline.isoformat() in row
    assert "剩 10 个工作日" in row and "bo-light-green" in row and "制证" in row
    assert waiting.receipt_number not in page
    assert "第四十四条" in page
    for label, n in (("待受理", 1), ("待补正", 0), ("待制证送达", 1), ("待办结", 0)):
        assert f'{label} <span class="badge">{n}</span>' in page
    intake = _get(client, reverse("backoffice:window_work"))  # the first tab
    row = _row(intake, waiting)
    assert "受理审查" in row and "剩 5 个工作日" in row and "第三十二条" in intake
    # An unknown tab is the first one, not an error.
    assert waiting.receipt_number in _get(client, reverse("backoffice:window_work") + "?tab=nonsense")
    tiles = _get(client, reverse("backoffice:home"))
    assert "待受理 1 件，待补正 0 件，待制证送达 1 件，待办结 0 件" in tiles


def test_an_approver_without_a_window_is_refused_the_work_list(client, approver):
    client.force_login(approver)
    assert client.get(reverse("backoffice:window_work")).status_code == 403


def test_the_work_list_makes_the_same_number_of_queries_for_3_or_13_cases(client, clerk, approver, chief, food):
    for _ in range(3):
        _approved(food, clerk, approver, chief, on=TODAY)
    client.force_login(clerk)
    url = reverse("backoffice:window_work") + "?tab=result"

    def queries():
        with CaptureQueriesContext(connection) as captured:
            _get(client, url)
        return len(captured)

    few = queries()
    for _ in range(10):
        _approved(food, clerk, approver, chief, on=TODAY)
    assert queries() == few


def test_the_case_page_shows_the_delivery_deadline_then_whether_it_was_met(client, clerk, approver, chief, food):
    decided = TODAY - dt.timedelta(days=30)
    case = _approved(food, clerk, approver, chief, on=decided)
    client.force_login(clerk)
    page = _get(client, reverse("backoffice:case", args=[case.receipt_number]))
    row = page.split('id="delivery-clock"')[1].split("</tr>")[0]
    assert case.delivery_deadline.isoformat() in row and "bo-light-red" in row and "超期" in row
    case = services.certify_case(case=case, actor=_actor(clerk, Role.WINDOW_CLERK))
    services.deliver_case(case=case, actor=_actor(clerk, Role.WINDOW_CLERK))
    page = _get(client, reverse("backoffice:case", args=[case.receipt_number]))
    row = page.split('id="delivery-clock"')[1].split("</tr>")[0]
    assert "逾期送达" in row and "bo-light" not in row
    assert f"<th>送达日期</th><td>{TODAY.isoformat()}</td>" in page


def test_the_work_list_reads_in_english(client, clerk, approver, chief, food):
    approved = _approved(food, clerk, approver, chief, on=TODAY)
    client.force_login(clerk)
    client.post(reverse("set_language"), {"language": "en", "next": "/manage/"})
    page = _get(client, reverse("backoffice:window_work") + "?tab=result")
    assert "<h1>Window work</h1>" in page and "To certify and deliver" in page and "Deliver by" in page
    assert "10 working days of the decision (Administrative Licensing Law, Art. 44)" in page
    assert approved.receipt_number in page and "窗口待办" not in page


def test_the_search_filters_by_delivery_and_the_export_has_the_delivery_dates(client, clerk, approver, chief, food):
    import io

    from openpyxl import load_workbook

    overdue = _approved(food, clerk, approver, chief, on=TODAY - dt.timedelta(days=30))
    fresh = _approved(food, clerk, approver, chief, on=TODAY)
    client.force_login(clerk)
    page = _get(client, reverse("backoffice:cases") + "?delivery=late")
    results = page.split('id="results"')[1]
    assert overdue.receipt_number in results and fresh.receipt_number not in results
    assert 'value="late" selected' in page
    bad = _get(client, reverse("backoffice:cases") + "?delivery=soon", status=400)
    assert "查询条件有误" in bad and overdue.receipt_number not in bad.split('id="results"')[1]

    response = client.get(reverse("backoffice:cases_export") + "?delivery=pending")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    header = rows[0]
    assert header[-4:] == ("决定日期", "送达期限", "送达日期", "办结日期")
    by_number = {r[0]: r for r in rows[1:]}
    assert set(by_number) == {overdue.receipt_number, fresh.receipt_number}
    assert by_number[overdue.receipt_number][-3].date() == overdue.delivery_deadline
    assert by_number[overdue.receipt_number][-2:] == (None, None)


def _delivered(item, clerk, approver, chief):
    case = _approved(item, clerk, approver, chief, on=TODAY)
    case = services.certify_case(case=case, actor=_actor(clerk, Role.WINDOW_CLERK))
    return services.deliver_case(case=case, actor=_actor(clerk, Role.WINDOW_CLERK))


def test_the_clerk_closes_the_delivered_cases_he_ticks_in_one_go(client, clerk, approver, chief, food, supervisor):
    from govhall.cases.models import Case, CaseEvent, Status
    from govhall.core.models import AuditEntry

    one, two, three = (_delivered(food, clerk, approver, chief) for _ in range(3))
    waiting = _approved(food, clerk, approver, chief, on=TODAY)  # not delivered: may not be closed
    client.force_login(clerk)
    page = _get(client, reverse("backoffice:window_work") + "?tab=close")
    assert 'id="batch-close"' in page and f'value="{one.receipt_number}"' in page
    url = reverse("backoffice:window_close")
    response = client.post(
        url, {"case": [one.receipt_number, two.receipt_number, waiting.receipt_number, "QC2099010100001"]}, follow=True
    )
    html = response.content.decode()
    assert "已办结 2 件" in html
    assert f"{waiting.receipt_number}：办件当前状态为「准予许可」，不能执行该操作" in html
    assert "QC2099010100001：办件不存在" in html
    statuses = dict(Case.objects.values_list("receipt_number", "status"))
    assert statuses[one.receipt_number] == statuses[two.receipt_number] == Status.CLOSED
    assert statuses[three.receipt_number] == Status.DELIVERED and statuses[waiting.receipt_number] == Status.APPROVED
    assert CaseEvent.objects.filter(action="closed").count() == 2
    assert AuditEntry.objects.filter(action="cases.case.closed").count() == 2
    # Sent again (a double click): nothing closed twice.
    html = client.post(url, {"case": [one.receipt_number]}, follow=True).content.decode()
    assert "1 件此前已办结" in html and CaseEvent.objects.filter(action="closed").count() == 2
    assert "请勾选要办结的办件" in client.post(url, {}, follow=True).content.decode()

    client.force_login(supervisor)  # oversees, does not work the window
    assert 'id="batch-close"' not in _get(client, reverse("backoffice:window_work") + "?tab=close")
    assert client.post(url, {"case": [three.receipt_number]}).status_code == 403
    assert Case.objects.get(pk=three.pk).status == Status.DELIVERED


def test_each_row_offers_the_next_step_only_to_whoever_may_take_it(client, clerk, approver, chief, food, supervisor):
    from govhall.cases import selectors

    filing = make_item("11519901FILING", department=food.department, result_type="其他", result_name="备案回执")
    licence = _approved(food, clerk, approver, chief, on=TODAY)  # to certify: a clerk or the chief
    receipt = _approved(filing, clerk, approver, chief, on=TODAY)  # to deliver: a clerk only
    for user, expected in ((clerk, ("certify", "deliver")), (chief, ("certify", None)), (supervisor, (None, None))):
        rows = {r.case.pk: r.doable for r in selectors.window_work(user, tab="result", today=TODAY)}
        assert (rows[licence.pk], rows[receipt.pk]) == expected, user
    client.force_login(chief)
    page = _get(client, reverse("backoffice:window_work") + "?tab=result")
    assert 'btn btn-blue" href="/manage/cases/' + licence.receipt_number in page
    assert _row(page, receipt).count("btn-blue") == 0 and "查看" in _row(page, receipt)


def test_resubmitted_cases_come_after_those_with_an_article_32_day(client, clerk, food):
    from govhall.cases import selectors

    actor = _actor(clerk, Role.WINDOW_CLERK)
    early = _submitted(food, clerk, on=TODAY - dt.timedelta(days=3))
    early = services.request_supplement(case=early, missing=["营业执照复印件"], note="", actor=actor)
    early = services.resubmit_case(case=early, received=[], actor=actor)
    fresh = _submitted(food, clerk, on=TODAY)
    rows = selectors.window_work(clerk, tab="intake", today=TODAY)
    assert [r.case.pk for r in rows] == [fresh.pk, early.pk]


def test_the_list_reads_as_english_actions_and_counts(client, clerk, approver, chief, food):
    _approved(food, clerk, approver, chief, on=TODAY - dt.timedelta(days=15))  # past the deadline: red
    client.force_login(clerk)
    client.post(reverse("set_language"), {"language": "en", "next": "/manage/"})
    page = _get(client, reverse("backoffice:window_work") + "?tab=result")
    assert "<th>Item</th>" in page and ">Certify</a>" in page and "Certificate issued" not in page
    assert re.search(r"\d+ working days? overdue", page) and "day(s)" not in page
    long = "QC" + "9" * 3000
    html = client.post(reverse("backoffice:window_close"), {"case": [long]}, follow=True).content.decode()
    assert f"{long[:40]}…: " in html and long[:41] not in html


def test_the_case_page_delivers_by_post_with_the_tracking_number(client, clerk, approver, chief, food):
    from govhall.cases.models import Case, Status

    case = _approved(food, clerk, approver, chief, on=TODAY)
    case = services.certify_case(case=case, actor=_actor(clerk, Role.WINDOW_CLERK))
    client.force_login(clerk)
    url = reverse("backoffice:case_action", args=[case.receipt_number, "deliver"])
    page = _get(client, reverse("backoffice:case", args=[case.receipt_number]))
    assert 'name="method" value="post"' in page and 'name="tracking_number"' in page
    refused = client.post(url, {"method": "post", "address": "四川省清川县城关镇人民路8号"})
    assert refused.status_code == 400 and "邮寄送达须填写邮件号码" in refused.content.decode()
    assert Case.objects.get(pk=case.pk).status == Status.CERTIFIED
    done = client.post(
        url, {"method": "post", "address": "四川省清川县城关镇人民路8号", "tracking_number": "1151234567890"}
    )
    assert done.status_code == 302
    page = _get(client, reverse("backoffice:case", args=[case.receipt_number]))
    timeline = page.split('class="bo-timeline')[1]
    assert "邮寄送达" in timeline and "1151234567890" in timeline
    assert "四川省清川县城关镇****" in timeline and "人民路8号" not in timeline
