import datetime as dt
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from govhall.cases import services
from govhall.cases.countersign import open_countersign
from govhall.cases.models import Case, CaseEvent, CaseMaterial, Status, Task
from govhall.cases.services import Applicant, Intake, MaterialReceipt
from govhall.core.actors import Actor
from govhall.core.models import AuditEntry
from govhall.org.models import Role, Stationing
from govhall.testing.factories import DepartmentFactory, make_item, make_staff

pytestmark = pytest.mark.django_db
ID_NUMBER = "11010519491231002X"
CREDIT_CODE = "91110000600037341L"  # a valid code
TODAY = services.today()


@pytest.fixture
def center(clerk):
    return clerk.staff.center


@pytest.fixture
def food(market_department):
    return make_item(
        "11519901FOOD000001",
        department=market_department,
        materials=[
            _material("食品经营许可申请书", "required"),
            _material("营业执照复印件", "required", form="copy", commitment_allowed=True),
            _material("授权委托书", "conditional", condition="委托代理人办理的"),
        ],
    )


@pytest.fixture
def immediate(market_department):
    return make_item(
        "11519901GTGSH00001",
        department=market_department,
        name="个体工商户设立登记",
        case_type="即办件",
        legal_limit=3,
        promised_limit=0,
        steps=[],
        special_procedures=[],
        materials=[_material("个体工商户设立登记申请书", "required")],
    )


@pytest.fixture
def housing_item(housing_department):
    return make_item("11519901HOUSE00001", department=housing_department, name="商品房预售许可")


def _material(name, necessity, *, form="original", commitment_allowed=False, condition=""):
    return {
        "name": name,
        "necessity": necessity,
        "condition": condition,
        "form": form,
        "copies": 1,
        "paper_size": "A4",
        "source": "applicant",
        "filling_notes": "",
        "acceptance_standard": "",
        "legal_basis": "",
        "commitment_allowed": commitment_allowed,
    }


def _actor(user, role):
    return Actor(user=user, role=role, client_ip="10.0.0.8")


def make_case(item, center, clerk, *, accepted_on=None, name="张三", id_number=ID_NUMBER, phone="13912345678"):
    intake = Intake(
        item=item,
        center=center,
        applicant=Applicant(
            kind="person",
            name=name,
            id_kind="resident_id",
            id_number=id_number,
            phone=phone,
            address="四川省清川县城关镇滨江路12号",
        ),
        materials=[MaterialReceipt(m.pk) for m in item.current_version.materials.all()],
    )
    case = services.submit_case(intake=intake, actor=_actor(clerk, Role.WINDOW_CLERK))
    if accepted_on is not None:
        case = services.accept_case(case=case, actor=_actor(clerk, Role.WINDOW_CLERK), on=accepted_on)
    return case


def _intake_post(item, **overrides):
    materials = list(item.current_version.materials.all())
    data = {
        "key": "k-" + item.code,
        "applicant_kind": "person",
        "applicant_name": "王芳",
        "applicant_id_kind": "resident_id",
        "applicant_id_number": ID_NUMBER,
        "applicant_phone": "13812345678",
        "applicant_address": "四川省清川县城关镇人民路8号",
        "item": item.pk,
        "decision": "accept",
        **{f"material-{m.pk}": "received" for m in materials},
    }
    data.update(overrides)
    return data


def _get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content.decode()[:800]
    return response.content.decode()


def _results(client, url):
    return _get(client, url).split('id="results"')[1]


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# 收件受理


def test_the_intake_page_shows_the_three_steps_to_a_clerk(client, clerk):
    client.force_login(clerk)
    html = _get(client, reverse("backoffice:intake"))
    assert "申请人" in html and "办理事项" in html and "申请材料与受理决定" in html
    assert 'hx-post="/manage/intake/identity/"' in html


def test_an_approver_and_a_supervisor_are_refused_the_intake_page(client, approver, supervisor):
    for user in (approver, supervisor):
        client.force_login(user)
        assert "需要以下角色之一" in _get(client, reverse("backoffice:intake"), status=403)


def test_the_identity_check_accepts_a_valid_id_and_shows_earlier_applicants_masked(client, clerk, food, center):
    make_case(food, center, clerk, name="张三丰", phone="13912345678")
    client.force_login(clerk)
    response = client.post(
        reverse("backoffice:intake_identity"),
        {"applicant_id_kind": "resident_id", "applicant_id_number": ID_NUMBER.lower()},
    )
    html = response.content.decode()
    assert "身份证号码校验通过" in html
    assert "张**" in html and "1101**********002X" in html and "139****5678" in html
    assert "张三丰" not in html and ID_NUMBER not in html


def test_the_identity_check_shows_a_bad_resident_id_in_chinese(client, clerk):
    client.force_login(clerk)
    response = client.post(
        reverse("backoffice:intake_identity"),
        {"applicant_id_kind": "resident_id", "applicant_id_number": "110105194912310021"},
    )
    assert "身份证号码校验位不正确" in response.content.decode()


def test_a_credit_code_checksum_failure_is_a_warning_with_an_override_reason_field(client, clerk):
    client.force_login(clerk)
    bad = CREDIT_CODE[:-1] + ("M" if CREDIT_CODE[-1] != "M" else "N")
    html = client.post(
        reverse("backoffice:intake_identity"), {"applicant_id_kind": "credit_code", "applicant_id_number": bad}
    ).content.decode()
    assert "校验位不符" in html
    assert 'name="credit_code_override"' in html


def test_the_item_search_finds_by_pinyin_only_items_of_the_clerks_departments(client, clerk, food, housing_item):
    client.force_login(clerk)
    html = _get(client, reverse("backoffice:intake_items") + "?q=spjy")
    assert "食品经营许可" in html
    html = _get(client, reverse("backoffice:intake_items") + "?q=商品房")
    assert "商品房预售许可" not in html and "没有找到" in html


def test_the_checklist_offers_a_commitment_only_where_the_material_allows_it(client, clerk, food):
    client.force_login(clerk)
    html = _get(client, reverse("backoffice:intake_checklist") + f"?item={food.pk}")
    assert html.count('value="commitment"') == 1
    assert "营业执照复印件" in html and "容缺/情形必要" in html
    assert "当场办结" not in html


def test_accepting_at_the_window_creates_a_case_with_the_ticked_materials_and_opens_review(client, clerk, food):
    client.force_login(clerk)
    materials = list(food.current_version.materials.all())
    data = _intake_post(food, **{f"material-{materials[1].pk}": "commitment", f"material-{materials[2].pk}": "missing"})
    response = client.post(reverse("backoffice:intake"), data)
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "backoffice:case", args=[case.receipt_number]
    )
    assert case.status == Status.IN_REVIEW and case.applicant_name == "王芳"
    assert case.window is not None and case.window.number == "01"
    states = dict(case.materials.values_list("name", "state"))
    assert states == {
        "食品经营许可申请书": CaseMaterial.State.RECEIVED,
        "营业执照复印件": CaseMaterial.State.COMMITMENT,
        "授权委托书": CaseMaterial.State.MISSING,
    }
    assert case.tasks.get().step_name == "审查"
    assert "已受理" in _get(client, response["Location"])


def test_a_repeated_intake_post_with_the_same_key_makes_one_case(client, clerk, food):
    client.force_login(clerk)
    client.post(reverse("backoffice:intake"), _intake_post(food))
    response = client.post(reverse("backoffice:intake"), _intake_post(food))
    assert response.status_code == 302
    assert Case.objects.count() == 1


def test_a_bad_id_number_is_shown_next_to_its_field_and_nothing_is_written(client, clerk, food):
    client.force_login(clerk)
    response = client.post(reverse("backoffice:intake"), _intake_post(food, applicant_id_number="110105194912310021"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "身份证号码校验位不正确" in html and "bo-invalid" in html
    assert 'value="王芳"' in html  # what was typed stays
    assert not Case.objects.exists()


def test_a_credit_code_checksum_failure_needs_the_override_reason_then_passes(client, clerk, food):
    client.force_login(clerk)
    bad = CREDIT_CODE[:-1] + ("M" if CREDIT_CODE[-1] != "M" else "N")
    data = _intake_post(food, applicant_kind="enterprise", applicant_name="清川县某餐饮有限公司")
    data.update(applicant_id_kind="credit_code", applicant_id_number=bad)
    response = client.post(reverse("backoffice:intake"), data)
    assert response.status_code == 400 and "校验位不符" in response.content.decode()
    assert not Case.objects.exists()
    data["credit_code_override"] = "已核对营业执照原件"
    data["key"] = "k-second"
    assert client.post(reverse("backoffice:intake"), data).status_code == 302
    assert Case.objects.get().credit_code_override == "已核对营业执照原件"


def test_a_supplement_notice_lists_the_unticked_required_materials(client, clerk, food):
    client.force_login(clerk)
    materials = list(food.current_version.materials.all())
    data = _intake_post(
        food,
        decision="supplement",
        **{f"material-{materials[0].pk}": "missing", f"material-{materials[2].pk}": "missing"},
    )
    client.post(reverse("backoffice:intake"), data)
    case = Case.objects.get()
    assert case.status == Status.SUPPLEMENT
    event = case.events.get(action="supplement_requested")
    assert event.data["missing"] == ["食品经营许可申请书"]


def test_a_refusal_without_a_reason_is_shown_in_chinese_and_nothing_is_written(client, clerk, food):
    client.force_login(clerk)
    response = client.post(reverse("backoffice:intake"), _intake_post(food, decision="refuse"))
    assert response.status_code == 400 and "不予受理须说明理由" in response.content.decode()
    assert not Case.objects.exists()
    client.post(reverse("backoffice:intake"), _intake_post(food, decision="refuse", refuse_reason="不属于本部门职权"))
    assert Case.objects.get().status == Status.REFUSED


def test_acceptance_with_a_missing_required_material_writes_nothing_and_keeps_the_ticks(client, clerk, food):
    client.force_login(clerk)
    first, second, _agent = food.current_version.materials.all()
    for decision in ("accept", "immediate"):
        data = _intake_post(food, decision=decision, **{f"material-{first.pk}": "missing"})
        response = client.post(reverse("backoffice:intake"), data)
        html = response.content.decode()
        assert response.status_code == 400, decision
        if decision == "accept":
            assert "缺少必要材料：食品经营许可申请书。请收齐后受理，或选择「一次性告知补正」。" in html
            assert f'name="material-{second.pk}" value="received" checked' in html
            assert f'name="material-{first.pk}" value="missing" checked' in html
    assert not Case.objects.exists() and not AuditEntry.objects.filter(action__startswith="cases.").exists()


def test_a_received_material_keeps_the_form_the_catalog_gives_it(client, clerk, food):
    client.force_login(clerk)
    client.post(reverse("backoffice:intake"), _intake_post(food))
    forms = dict(Case.objects.get().materials.values_list("name", "form"))
    assert forms["营业执照复印件"] == "copy" and forms["食品经营许可申请书"] == "original"


def test_a_case_back_from_supplement_is_received_again_with_the_handed_in_materials_then_accepted(client, clerk, food):
    client.force_login(clerk)
    first = food.current_version.materials.first()
    agent_letter = food.current_version.materials.get(name="授权委托书")  # conditional: ticked only if handed in
    missing = {f"material-{first.pk}": "missing", f"material-{agent_letter.pk}": "missing"}
    client.post(reverse("backoffice:intake"), _intake_post(food, decision="supplement", **missing))
    case = Case.objects.get()
    page = _get(client, reverse("backoffice:case", args=[case.receipt_number]))
    assert 'id="action-resubmit"' in page and f'name="received" value="{first.pk}" checked' in page
    assert f'name="received" value="{agent_letter.pk}">' in page
    assert 'id="action-accept"' not in page
    url = reverse("backoffice:case_action", args=[case.receipt_number, "resubmit"])
    response = client.post(url, {"received": [str(first.pk)], "revision": case.revision})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED
    assert case.materials.get(material=first).state == CaseMaterial.State.RECEIVED
    assert case.events.get(action="resubmitted").data == {"materials": [first.pk]}
    page = _get(client, reverse("backoffice:case", args=[case.receipt_number]))
    assert 'id="action-accept"' in page and 'id="action-request_supplement"' not in page
    client.post(reverse("backoffice:case_action", args=[case.receipt_number, "accept"]), {"revision": case.revision})
    case.refresh_from_db()
    assert case.status == Status.IN_REVIEW


def test_the_case_actions_read_as_verbs_in_english(client, clerk, food):
    client.force_login(clerk)
    client.post(reverse("backoffice:intake"), _intake_post(food, decision="supplement", supplement_list="营业场所证明"))
    case = Case.objects.get()
    client.cookies["django_language"] = "en"
    page = _get(client, reverse("backoffice:case", args=[case.receipt_number]))
    assert "Record the supplemented materials" in page and "Withdraw the application" in page
    assert "撤回申请" not in page
    timeline = page.split('class="bo-timeline')[1]
    assert "bo-event-detail" in timeline and not re.search(r"[A-Za-z]：", timeline)  # "Receipt number: …"


def test_an_immediate_case_is_closed_in_one_sitting_from_the_intake(client, clerk, immediate):
    client.force_login(clerk)
    html = _get(client, reverse("backoffice:intake_checklist") + f"?item={immediate.pk}")
    assert "当场办结" in html
    client.post(reverse("backoffice:intake"), _intake_post(immediate, decision="immediate"))
    case = Case.objects.get()
    assert case.status == Status.CLOSED and case.closed_on == TODAY
    assert list(case.events.values_list("action", flat=True)) == [
        "submitted",
        "accepted",
        "approved",
        "certified",
        "delivered",
        "closed",
    ]


def test_an_item_of_another_department_cannot_be_posted_to_the_intake(client, clerk, housing_item):
    client.force_login(clerk)
    response = client.post(reverse("backoffice:intake"), _intake_post(housing_item))
    assert response.status_code == 400 and "不由您的窗口受理" in response.content.decode()
    assert not Case.objects.exists()


# 待办


def _working_days_ago(n):
    cal = services.workdays.get_calendar()
    day = TODAY
    while cal.working_days_between(day, TODAY) < n or not cal.is_workday(day):
        day -= dt.timedelta(days=1)
    return day


@pytest.fixture
def review_cases(food, center, clerk):
    """Three cases in review: accepted today, 4 working days ago (yellow) and long ago (red)."""
    return {
        "fresh": make_case(food, center, clerk, accepted_on=TODAY, name="赵一"),
        "near": make_case(food, center, clerk, accepted_on=_working_days_ago(4), name="钱二"),
        "late": make_case(food, center, clerk, accepted_on=TODAY - dt.timedelta(days=40), name="孙三"),
    }


def test_the_pool_lists_my_departments_open_tasks_most_urgent_first_with_lights(client, approver, review_cases):
    client.force_login(approver)
    html = _get(client, reverse("backoffice:inbox") + "?tab=pool")
    late, fresh = review_cases["late"].receipt_number, review_cases["fresh"].receipt_number
    assert html.index(late) < html.index(fresh)
    assert "bo-light-red" in html and "bo-light-green" in html
    assert "超期" in html and "环节超时" in html
    assert "孙*" in html and "孙三" not in html


def test_claiming_a_task_moves_it_from_the_pool_to_my_tasks(client, approver, review_cases):
    client.force_login(approver)
    task = review_cases["fresh"].tasks.get()
    url = reverse("backoffice:task_claim", args=[review_cases["fresh"].receipt_number, task.pk])
    assert client.post(url, {"next": "inbox"}).status_code == 302
    task.refresh_from_db()
    assert task.assignee == approver
    assert review_cases["fresh"].receipt_number in _get(client, reverse("backoffice:inbox"))
    assert review_cases["fresh"].receipt_number not in _get(client, reverse("backoffice:inbox") + "?tab=pool")


def test_the_inbox_makes_the_same_number_of_queries_for_3_or_13_tasks(client, approver, food, center, clerk):
    for _ in range(3):
        make_case(food, center, clerk, accepted_on=TODAY)
    client.force_login(approver)
    url = reverse("backoffice:inbox") + "?tab=pool"
    few = _queries(client, url)
    for _ in range(10):
        make_case(food, center, clerk, accepted_on=TODAY)
    assert _queries(client, url) == few
    assert few <= 8, few


def _case_tiles(client, user) -> str:
    client.force_login(user)
    page = _get(client, reverse("backoffice:home"))
    return page.split('id="case-tiles"')[1].split("</div>")[0]


def test_the_workbench_offers_each_role_its_case_work_and_says_how_much_waits(
    client, approver, clerk, manager, review_cases
):
    tiles = _case_tiles(client, approver)
    assert "我的待办 0 件，部门待签收 3 件" in tiles and reverse("backoffice:inbox") in tiles
    assert reverse("backoffice:intake") not in tiles  # an approver does not take applications
    task = review_cases["fresh"].tasks.get()
    client.post(reverse("backoffice:task_claim", args=[review_cases["fresh"].receipt_number, task.pk]))
    assert "我的待办 1 件，部门待签收 2 件" in _case_tiles(client, approver)
    client.post(reverse("set_language"), {"language": "en", "next": "/manage/"})
    assert "1 mine, 2 waiting in my department&#x27;s pool" in _case_tiles(client, approver)

    tiles = _case_tiles(client, clerk)
    assert reverse("backoffice:intake") in tiles and reverse("backoffice:inbox") not in tiles
    tiles = _case_tiles(client, manager)
    assert reverse("backoffice:cases") in tiles
    assert reverse("backoffice:intake") not in tiles and reverse("backoffice:inbox") not in tiles


def test_a_window_clerk_is_refused_the_inbox(client, clerk):
    client.force_login(clerk)
    assert client.get(reverse("backoffice:inbox")).status_code == 403


# 办件页


def test_the_case_page_shows_the_clock_the_materials_and_every_event(client, approver, review_cases):
    case = review_cases["fresh"]
    client.force_login(approver)
    html = _get(client, reverse("backoffice:case", args=[case.receipt_number]))
    assert case.receipt_number in html and "审查中" in html
    assert f"{case.promised_deadline:%Y-%m-%d}" in html and f"{case.legal_deadline:%Y-%m-%d}" in html
    assert "收件" in html and "受理" in html and "已收取" in html
    assert "张*" not in html and "赵*" in html and "1101**********002X" in html
    assert "办理完毕，转下一环节" in html


def test_a_clerk_of_another_department_gets_the_403_page_for_a_case(client, other_department_clerk, review_cases):
    client.force_login(other_department_clerk)
    url = reverse("backoffice:case", args=[review_cases["fresh"].receipt_number])
    assert "该办件不属于您办理的部门" in _get(client, url, status=403)
    action = reverse("backoffice:case_action", args=[review_cases["fresh"].receipt_number, "withdraw"])
    assert client.post(action).status_code == 403
    assert review_cases["fresh"].events.count() == 2


def test_an_unknown_receipt_number_gets_the_404_page(client, manager):
    client.force_login(manager)
    assert client.get(reverse("backoffice:case", args=["QC20260101000099"])).status_code == 404


def test_revealing_the_applicant_shows_the_full_data_and_is_logged(client, approver, review_cases):
    case = review_cases["fresh"]
    client.force_login(approver)
    html = client.post(reverse("backoffice:case_reveal", args=[case.receipt_number])).content.decode()
    assert "赵一" in html and ID_NUMBER in html and "13912345678" in html
    entry = AuditEntry.objects.get(action="core.personal_data.revealed")
    assert entry.changes["field"] == "applicant"


def test_an_approver_completes_his_step_and_the_decision_step_opens_for_the_chief(
    client, approver, chief, review_cases
):
    case = review_cases["fresh"]
    task = case.tasks.get()
    client.force_login(approver)
    url = reverse("backoffice:task_action", args=[case.receipt_number, task.pk, "complete"])
    assert client.post(url, {"opinion": "材料齐全，符合条件"}).status_code == 302
    task.refresh_from_db()
    assert task.state == Task.State.DONE and task.finished_by == approver
    decision = case.tasks.get(state=Task.State.OPEN)
    assert decision.step_name == "决定"
    client.force_login(chief)
    html = _get(client, reverse("backoffice:case", args=[case.receipt_number]))
    assert "材料齐全，符合条件" in html and "准予许可" in html


def test_the_case_page_offers_only_the_actions_the_role_may_take(client, approver, clerk, chief, review_cases):
    url = reverse("backoffice:case", args=[review_cases["fresh"].receipt_number])
    client.force_login(approver)
    html = _get(client, url)
    assert "启动特别程序" in html and "准予许可" not in html and "延长办理期限" not in html
    client.force_login(clerk)
    html = _get(client, url)
    assert "撤回申请" in html and "启动特别程序" not in html and "办理完毕" not in html
    client.force_login(chief)
    assert "延长办理期限" in _get(client, url)


def test_an_action_the_role_may_not_take_is_refused(client, approver, review_cases):
    case = review_cases["fresh"]
    client.force_login(approver)
    assert client.post(reverse("backoffice:case_action", args=[case.receipt_number, "approve"])).status_code == 403
    assert client.post(reverse("backoffice:case_action", args=[case.receipt_number, "nonsense"])).status_code == 403
    case.refresh_from_db()
    assert case.status == Status.IN_REVIEW


def test_returning_without_a_reason_is_shown_next_to_the_form(client, approver, chief, review_cases):
    case = review_cases["fresh"]
    services.complete_task(task=case.tasks.get(), opinion="同意", actor=_actor(approver, Role.APPROVER))
    decision = case.tasks.get(state=Task.State.OPEN)
    client.force_login(chief)
    url = reverse("backoffice:task_action", args=[case.receipt_number, decision.pk, "return"])
    response = client.post(url, {"to_position": 1, "reason": ""})
    assert response.status_code == 400 and "回退须说明理由" in response.content.decode()
    assert client.post(url, {"to_position": 1, "reason": "请补充现场照片"}).status_code == 302
    assert case.tasks.get(state=Task.State.OPEN).assignee == approver


def test_a_special_procedure_is_started_and_ended_from_the_case_page(client, approver, review_cases):
    case = review_cases["fresh"]
    client.force_login(approver)
    act = lambda name, data=None: client.post(  # noqa: E731
        reverse("backoffice:case_action", args=[case.receipt_number, name]), data or {}
    )
    assert act("suspend", {"procedure": "现场核查", "reason": "需核查经营场所"}).status_code == 302
    case.refresh_from_db()
    assert case.status == Status.SUSPENDED
    html = _get(client, reverse("backoffice:case", args=[case.receipt_number]))
    assert "现场核查" in html and "进行中" in html and "特别程序结束，恢复计时" in html
    assert act("resume").status_code == 302
    case.refresh_from_db()
    assert case.status == Status.IN_REVIEW


def test_the_chief_extends_decides_and_the_clerk_certifies_delivers_and_closes(
    client, approver, chief, clerk, review_cases
):
    case = review_cases["fresh"]
    services.complete_task(task=case.tasks.get(), opinion="同意", actor=_actor(approver, Role.APPROVER))

    def act(user, name, data=None):
        client.force_login(user)
        response = client.post(reverse("backoffice:case_action", args=[case.receipt_number, name]), data or {})
        assert response.status_code == 302, response.content.decode()[:600]

    client.force_login(chief)
    response = client.post(reverse("backoffice:case_action", args=[case.receipt_number, "extend"]), {"reason": ""})
    assert response.status_code == 400 and "延期须说明理由" in response.content.decode()
    act(chief, "extend", {"days": "10", "reason": "需专家评审"})
    act(chief, "approve", {"reason": "符合条件"})
    act(clerk, "certify")
    act(clerk, "deliver", {"note": "窗口领取"})
    act(clerk, "close")
    case.refresh_from_db()
    assert case.status == Status.CLOSED and case.extension_days == 10
    actions = list(CaseEvent.objects.filter(case=case).values_list("action", flat=True))
    assert actions[-5:] == ["extended", "approved", "certified", "delivered", "closed"]


# 办件查询


def test_the_search_finds_by_receipt_number_applicant_id_status_and_light(client, manager, review_cases):
    client.force_login(manager)
    url = reverse("backoffice:cases")
    late, fresh = review_cases["late"].receipt_number, review_cases["fresh"].receipt_number
    html = _results(client, f"{url}?receipt_number={late}")
    assert late in html and fresh not in html
    html = _results(client, f"{url}?applicant=赵一")
    assert fresh in html and late not in html and "赵一" not in html
    html = _results(client, f"{url}?applicant=赵")  # a partial name matches nothing
    assert fresh not in html
    html = _results(client, f"{url}?light=red")
    assert late in html and fresh not in html
    html = _results(client, f"{url}?light=green")
    assert fresh in html and late not in html
    html = _results(client, f"{url}?status=in_review&item=食品")
    assert late in html and fresh in html
    html = _results(client, f"{url}?item=spjy")  # pinyin initials, as at the intake
    assert late in html and fresh in html
    assert fresh not in _results(client, f"{url}?item=zfbz")
    html = _results(client, f"{url}?received_from=2000-01-01&received_to=2000-01-02")
    assert "没有符合条件的办件" in html


def test_a_mistyped_filter_shows_its_error_and_no_cases_and_exports_nothing(client, manager, review_cases):
    client.force_login(manager)
    fresh = review_cases["fresh"].receipt_number
    for query, error in (
        ("light=purple", "purple"),
        ("received_from=2026-13-45", "输入一个有效的日期"),
        ("received_from=2026-09-30&received_to=2026-09-01", "截止日期不能早于起始日期"),
    ):
        response = client.get(reverse("backoffice:cases") + "?" + query)
        html = response.content.decode()
        assert response.status_code == 400 and error in html, query
        assert "查询条件有误" in html and fresh not in html and 'id="export"' not in html, query
        export = client.get(reverse("backoffice:cases_export") + "?" + query)
        assert export.status_code == 400 and export["Content-Type"].startswith("text/html"), query
        assert error in export.content.decode(), query
    # The same dates the right way round find the cases again.
    html = _results(client, reverse("backoffice:cases") + "?received_from=2000-01-01&received_to=2100-01-01")
    assert fresh in html


def test_a_clerk_searches_only_the_cases_of_his_departments(
    client, other_department_clerk, clerk, review_cases, housing_item, center
):
    other = make_case(housing_item, center, other_department_clerk)
    client.force_login(clerk)
    html = _get(client, reverse("backoffice:cases"))
    assert review_cases["fresh"].receipt_number in html and other.receipt_number not in html


def test_the_search_makes_the_same_number_of_queries_for_3_or_13_cases(client, manager, food, center, clerk):
    for _ in range(3):
        make_case(food, center, clerk, accepted_on=TODAY)
    client.force_login(manager)
    url = reverse("backoffice:cases") + "?light=green"
    few = _queries(client, url)
    for _ in range(10):
        make_case(food, center, clerk, accepted_on=TODAY)
    assert _queries(client, url) == few
    assert few <= 9, few


def test_the_excel_export_opens_and_has_the_rows_with_masked_applicants(client, supervisor, review_cases):
    client.force_login(supervisor)
    response = client.get(reverse("backoffice:cases_export") + "?status=in_review")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "受理编号" and len(rows) == 4
    numbers = {r[0] for r in rows[1:]}
    assert numbers == {c.receipt_number for c in review_cases.values()}
    assert all(r[4] == "1101**********002X" for r in rows[1:])
    assert not any("赵一" in str(v) or "13912345678" in str(v) for r in rows for v in r)


def test_a_person_without_a_staff_profile_is_refused_the_search(client, django_user_model):
    user = django_user_model.objects.create_user(username="visitor", password="x")
    client.force_login(user)
    assert client.get(reverse("backoffice:cases")).status_code == 403


def test_a_chief_representative_may_also_accept_at_the_window(client, chief, food, market_window):
    chief.staff.windows.add(market_window)
    client.force_login(chief)
    assert client.post(reverse("backoffice:intake"), _intake_post(food)).status_code == 302
    assert Case.objects.get().events.get(action="accepted").actor_role == Role.CHIEF_REPRESENTATIVE


def test_the_case_page_lists_the_issued_notices_and_staff_in_scope_download_them(
    client, clerk, other_department_clerk, food
):
    client.force_login(clerk)
    client.post(reverse("backoffice:intake"), _intake_post(food))
    case = Case.objects.get()
    notice = case.notices.get()
    html = _get(client, reverse("backoffice:case", args=[case.receipt_number]))
    assert "受理通知书" in html and notice.number in html
    url = reverse("backoffice:case_notice", args=[case.receipt_number, notice.pk])
    response = client.get(url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    client.force_login(other_department_clerk)
    assert client.get(url).status_code == 403


def test_a_notice_the_worker_has_not_rendered_shows_as_pending_with_no_download(client, clerk, food, settings):
    settings.GOVHALL_NOTICE_RENDERING = "worker"
    client.force_login(clerk)
    client.post(reverse("backoffice:intake"), _intake_post(food))
    case = Case.objects.get()
    notice = case.notices.get()
    url = reverse("backoffice:case_notice", args=[case.receipt_number, notice.pk])
    html = _get(client, reverse("backoffice:case", args=[case.receipt_number]))
    assert "受理通知书" in html and "待编号" in html and "正在生成" in html and url not in html
    missing = client.get(url)
    assert missing.status_code == 404 and "文书不存在" in missing.content.decode()
    from govhall.cases.notices import render_pending

    assert render_pending() == 1
    notice.refresh_from_db()
    html = _get(client, reverse("backoffice:case", args=[case.receipt_number]))
    assert notice.number in html and url in html and "待编号" not in html
    assert client.get(url).content.startswith(b"%PDF")


def test_an_approver_transfers_his_step_to_a_colleague_of_his_department(client, approver, chief, review_cases):
    case = review_cases["fresh"]
    task = case.tasks.get()
    client.force_login(approver)
    html = _get(client, reverse("backoffice:case", args=[case.receipt_number]))
    assert f'<option value="{chief.pk}">' in html
    url = reverse("backoffice:task_action", args=[case.receipt_number, task.pk, "transfer"])
    assert client.post(url, {"to_user": chief.pk, "reason": "休假"}).status_code == 302
    task.refresh_from_db()
    assert task.assignee == chief
    assert case.events.filter(action="task_transferred", note="休假").exists()
    html = _get(client, reverse("backoffice:case", args=[case.receipt_number]))
    assert "转办" in html and "办理完毕，转下一环节" not in html  # now the chief's
    assert "转给：chief" in html and "退回至" not in html  # the colleague by name, not his id as a step


def test_a_clerk_withdraws_a_case_at_the_applicants_request(client, clerk, review_cases):
    case = review_cases["fresh"]
    client.force_login(clerk)
    url = reverse("backoffice:case_action", args=[case.receipt_number, "withdraw"])
    assert client.post(url, {"note": "申请人书面申请撤回"}).status_code == 302
    case.refresh_from_db()
    assert case.status == Status.WITHDRAWN and not case.tasks.filter(state=Task.State.OPEN).exists()


def test_the_message_after_an_action_is_in_the_clerks_language(client, clerk, review_cases):
    case = review_cases["fresh"]
    client.force_login(clerk)
    client.post(reverse("set_language"), {"language": "en", "next": "/manage/"})
    url = reverse("backoffice:case_action", args=[case.receipt_number, "withdraw"])
    page = client.post(url, {"note": "申请人书面申请撤回"}, follow=True).content.decode()
    assert "Application withdrawn" in page and "申请已撤回" not in page


# 会签 / 或签, 委托, 撤回


@pytest.fixture
def housing_approver(housing_department):
    return make_staff("housing_approver", Role.APPROVER, department=housing_department)


@pytest.fixture
def colleague(market_department):
    return make_staff("colleague", Role.APPROVER, department=market_department)


def _task_url(case, task, action):
    return reverse("backoffice:task_action", args=[case.receipt_number, task.pk, action])


def _case_url(case):
    return reverse("backoffice:case", args=[case.receipt_number])


@pytest.mark.parametrize(
    ("mode", "action", "label"), [("all", "countersign_opened", "发起会签"), ("any", "anysign_opened", "发起或签")]
)
def test_a_countersign_opened_from_the_case_page_adds_a_task_per_department_in_the_chosen_mode(
    client, approver, review_cases, housing_department, mode, action, label
):
    case = review_cases["fresh"]
    task = case.tasks.get()
    client.force_login(approver)
    html = _get(client, _case_url(case))
    assert "发起会签 / 或签" in html
    assert f'name="departments" value="{housing_department.pk}"' in html
    assert f'name="departments" value="{case.deciding_department_id}"' not in html  # it signs already
    response = client.post(_task_url(case, task, "countersign"), {"departments": [housing_department.pk], "mode": mode})
    assert response.status_code == 302
    open_tasks = case.tasks.filter(state=Task.State.OPEN, step_name="审查")
    assert sorted(open_tasks.values_list("department_id", flat=True)) == sorted(
        [case.deciding_department_id, housing_department.pk]
    )
    assert set(open_tasks.values_list("mode", flat=True)) == {mode}
    assert case.events.filter(action=action).count() == 1
    html = _get(client, _case_url(case))
    assert label in html and "清川县住房和城乡建设局" in html
    assert f'name="departments" value="{housing_department.pk}"' not in html  # no second invitation


def test_a_countersign_without_a_department_is_shown_in_the_card_and_nothing_is_written(client, approver, review_cases):
    case = review_cases["fresh"]
    task = case.tasks.get()
    client.force_login(approver)
    response = client.post(_task_url(case, task, "countersign"), {"mode": "all"})
    html = response.content.decode()
    assert response.status_code == 400 and "请选择会签的部门或人员" in html
    assert f'id="countersign-{task.pk}" open' in html
    assert case.tasks.count() == 1 and not case.events.filter(action="countersign_opened").exists()


def test_a_countersigning_departments_approver_sees_only_his_own_step(
    client, approver, housing_approver, review_cases, housing_department
):
    case = review_cases["fresh"]
    market_task = case.tasks.get()
    open_countersign(
        case=case, departments=[housing_department], step_name="审查", actor=_actor(approver, Role.APPROVER)
    )
    housing_task = case.tasks.get(department=housing_department)
    client.force_login(housing_approver)
    html = _get(client, _case_url(case))
    assert f'id="task-{housing_task.pk}"' in html and f'id="task-{market_task.pk}"' not in html
    assert "办件操作" not in html and "启动特别程序" not in html
    assert "发起会签 / 或签" not in html  # only the deciding department invites
    assert "会签：各方均同意后转下一环节" in html
    # Nor may he post them.
    assert client.post(reverse("backoffice:case_action", args=[case.receipt_number, "suspend"])).status_code == 403
    assert client.post(_task_url(case, housing_task, "countersign"), {"mode": "all"}).status_code == 403
    assert client.post(_task_url(case, market_task, "complete"), {"opinion": "同意"}).status_code == 403
    market_task.refresh_from_db()
    assert market_task.state == Task.State.OPEN
    # His own step he signs; the case waits for the market department's.
    assert client.post(_task_url(case, housing_task, "complete"), {"opinion": "符合规划"}).status_code == 302
    housing_task.refresh_from_db()
    assert housing_task.state == Task.State.DONE and housing_task.finished_by == housing_approver
    assert list(case.tasks.filter(state=Task.State.OPEN)) == [market_task]


def test_a_delegate_completes_the_step_on_behalf_of_the_assignee(client, approver, colleague, review_cases):
    case = review_cases["fresh"]
    task = case.tasks.get()
    client.force_login(approver)
    html = _get(client, _case_url(case))
    assert f'id="delegate-{task.pk}"' in html and f'<option value="{colleague.pk}">' in html
    response = client.post(_task_url(case, task, "delegate"), {"to_user": colleague.pk, "reason": "出差"})
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.assignee == approver and task.delegate == colleague  # an unclaimed task is his once delegated
    event = case.events.get(action="task_delegated")
    assert event.data["to"] == colleague.pk and event.note == "出差"
    html = _get(client, _case_url(case))
    assert "收回委托" in html and "委托给：colleague" in html
    assert "委托 colleague 代办" in html  # the steps table names the delegate while the step is open

    client.force_login(colleague)
    html = _get(client, _case_url(case))
    assert "受approver委托办理" in html and "办理完毕，转下一环节" in html
    assert f'id="delegate-{task.pk}"' not in html  # the delegate may not pass it on
    assert client.post(_task_url(case, task, "complete"), {"opinion": "同意"}).status_code == 302
    task.refresh_from_db()
    assert task.state == Task.State.DONE and task.finished_by == colleague
    done = case.events.get(action="task_completed")
    assert done.data["on_behalf_of"] == approver.pk
    html = _get(client, _case_url(case))
    assert "受托代办，委托人：approver" in html
    assert "委托 colleague 代办" not in html  # done: the steps table names who finished it


def test_the_assignee_takes_a_delegation_back(client, approver, colleague, review_cases):
    case = review_cases["fresh"]
    task = case.tasks.get()
    services.claim_task(task=task, actor=_actor(approver, Role.APPROVER))
    client.force_login(approver)
    client.post(_task_url(case, task, "delegate"), {"to_user": colleague.pk})
    assert client.post(_task_url(case, task, "delegate"), {"revoke": "1"}).status_code == 302
    task.refresh_from_db()
    assert task.assignee == approver and task.delegate is None
    assert "收回委托" in _get(client, _case_url(case))  # the timeline's label
    client.force_login(colleague)
    html = _get(client, _case_url(case))
    assert f'id="task-{task.pk}"' not in html and "办理完毕，转下一环节" not in html
    # Taking back what is not delegated is shown, and changes nothing.
    client.force_login(approver)
    response = client.post(_task_url(case, task, "delegate"), {"revoke": "1"})
    assert response.status_code == 400 and "该环节没有委托，无需收回" in response.content.decode()
    assert case.events.filter(action="task_delegated").count() == 2


def test_the_sender_retracts_the_next_step_and_his_own_step_reopens(client, approver, review_cases):
    case = review_cases["fresh"]
    review = case.tasks.get()
    client.force_login(approver)
    client.post(_task_url(case, review, "complete"), {"opinion": "同意"})
    decision = case.tasks.get(state=Task.State.OPEN)
    html = _get(client, _case_url(case))
    assert "撤回「决定」" in html and f'id="retract-{decision.pk}"' in html
    response = client.post(_task_url(case, decision, "retract"), {"reason": "意见写错了"})
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.state == Task.State.CANCELLED
    reopened = case.tasks.get(state=Task.State.OPEN)
    assert reopened.step_name == "审查" and reopened.assignee == approver
    assert case.events.get(action="task_retracted").note == "意见写错了"
    html = _get(client, _case_url(case))
    assert "撤回自：决定" in html and "回到：审查" in html
    assert f'id="task-{reopened.pk}"' in html and 'id="retract"' not in html


def test_a_retract_after_the_next_step_was_claimed_is_refused_and_changes_nothing(
    client, approver, chief, review_cases
):
    case = review_cases["fresh"]
    services.complete_task(task=case.tasks.get(), opinion="同意", actor=_actor(approver, Role.APPROVER))
    decision = case.tasks.get(state=Task.State.OPEN)
    services.claim_task(task=decision, actor=_actor(chief, Role.CHIEF_REPRESENTATIVE))
    client.force_login(approver)
    response = client.post(_task_url(case, decision, "retract"), {"reason": "补充意见"})
    html = response.content.decode()
    assert response.status_code == 400 and "下一环节已有人办理，不能撤回" in html
    assert f'id="retract-{decision.pk}" open' in html
    decision.refresh_from_db()
    assert decision.state == Task.State.OPEN and decision.assignee == chief
    assert case.tasks.count() == 2 and not case.events.filter(action="task_retracted").exists()


def test_only_the_sender_may_retract(client, approver, chief, colleague, review_cases):
    case = review_cases["fresh"]
    services.complete_task(task=case.tasks.get(), opinion="同意", actor=_actor(approver, Role.APPROVER))
    decision = case.tasks.get(state=Task.State.OPEN)
    for user in (chief, colleague):
        client.force_login(user)
        assert 'id="retract"' not in _get(client, _case_url(case))
        assert client.post(_task_url(case, decision, "retract")).status_code == 403
    decision.refresh_from_db()
    assert decision.state == Task.State.OPEN and not case.events.filter(action="task_retracted").exists()


def test_the_new_forms_and_timeline_labels_are_translated(
    client, approver, colleague, review_cases, housing_department
):
    case = review_cases["fresh"]
    task = case.tasks.get()
    open_countersign(
        case=case, departments=[housing_department], step_name="审查", actor=_actor(approver, Role.APPROVER)
    )
    services.delegate_task(task=task, to_user=colleague, reason="", actor=_actor(approver, Role.APPROVER))
    client.force_login(approver)
    client.post(reverse("set_language"), {"language": "en", "next": "/manage/"})
    html = _get(client, _case_url(case))
    for chinese in ("发起会签", "收回委托", "委托给", "会签：", "会签部门", "委托办理", "您仍是办理人"):
        assert chinese not in html, chinese


def test_my_inbox_marks_a_task_i_delegated(client, approver, colleague, review_cases):
    task = review_cases["fresh"].tasks.get()
    services.delegate_task(task=task, to_user=colleague, reason="", actor=_actor(approver, Role.APPROVER))
    client.force_login(approver)
    row = _get(client, reverse("backoffice:inbox")).split(f'id="task-{task.pk}"')[1].split("</tr>")[0]
    assert "已委托" in row


def test_a_step_claimed_by_a_colleague_is_not_his_to_complete_or_delegate(client, approver, colleague, review_cases):
    case = review_cases["fresh"]
    task = case.tasks.get()
    services.claim_task(task=task, actor=_actor(approver, Role.APPROVER))
    client.force_login(colleague)
    assert f'id="task-{task.pk}"' not in _get(client, _case_url(case))
    for action, data in (("complete", {"opinion": "同意"}), ("delegate", {"to_user": colleague.pk})):
        response = client.post(_task_url(case, task, action), data)
        assert response.status_code == 403 and "该环节已由他人签收" in response.content.decode()
    task.refresh_from_db()
    assert task.state == Task.State.OPEN and task.delegate is None


# 并联审批 at acceptance


@pytest.fixture
def health_department(db):
    return DepartmentFactory(code="QCWJJ", name="清川县卫生健康局", short_name="卫健局")


def _accept_url(case):
    return reverse("backoffice:case_action", args=[case.receipt_number, "accept"])


def _fieldset(html):
    return html.split('<fieldset class="bo-parallel')[1].split("</fieldset>")[0]


def test_the_case_pages_accept_form_offers_the_other_departments_for_parallel_review(
    client, clerk, food, center, housing_department, health_department
):
    case = make_case(food, center, clerk)
    client.force_login(clerk)
    fieldset = _fieldset(_get(client, _case_url(case)))
    assert "并联审批" in fieldset and "会签（全部同意）" in fieldset and "或签（任一同意）" in fieldset
    assert f'name="parallel" value="{housing_department.pk}"' in fieldset
    assert f'name="parallel" value="{health_department.pk}"' in fieldset
    assert f'name="parallel" value="{case.deciding_department_id}"' not in fieldset  # it reviews anyway
    assert 'name="parallel_mode" value="all" checked' in fieldset


def test_a_center_with_stationed_departments_offers_only_those(
    client, clerk, food, center, market_department, housing_department, health_department
):
    Stationing.objects.create(center=center, department=market_department)
    Stationing.objects.create(center=center, department=housing_department)
    case = make_case(food, center, clerk)
    client.force_login(clerk)
    fieldset = _fieldset(_get(client, _case_url(case)))
    assert f'value="{housing_department.pk}"' in fieldset and f'value="{health_department.pk}"' not in fieldset


def test_accepting_from_the_case_page_with_two_departments_in_anysign_opens_three_review_tasks(
    client, clerk, food, center, housing_department, health_department
):
    case = make_case(food, center, clerk)
    client.force_login(clerk)
    data = {
        "revision": case.revision,
        "parallel": [housing_department.pk, health_department.pk],
        "parallel_mode": "any",
    }
    response = client.post(_accept_url(case), data)
    assert response.status_code == 302, response.content.decode()[:600]
    case.refresh_from_db()
    assert case.status == Status.IN_REVIEW
    tasks = case.tasks.filter(step_name="审查", state=Task.State.OPEN)
    assert sorted(tasks.values_list("department_id", flat=True)) == sorted(
        [case.deciding_department_id, housing_department.pk, health_department.pk]
    )
    assert set(tasks.values_list("mode", flat=True)) == {Task.Mode.ANY}
    event = case.events.get(action="accepted")
    assert event.data["parallel"] == ["清川县住房和城乡建设局", "清川县卫生健康局"] and event.data["mode"] == "any"
    html = _get(client, response["Location"])
    assert "已受理，并联审批：住建局、卫健局（或签）" in html
    assert "并联审批：清川县住房和城乡建设局、清川县卫生健康局（或签）" in html  # the timeline


def test_an_unknown_parallel_department_is_shown_on_the_accept_form_and_nothing_is_written(
    client, clerk, food, center, housing_department
):
    case = make_case(food, center, clerk)
    client.force_login(clerk)
    data = {"revision": case.revision, "parallel": [housing_department.pk, 999999], "parallel_mode": "all"}
    response = client.post(_accept_url(case), data)
    html = response.content.decode()
    assert response.status_code == 400 and "所选的并联审批部门不存在或不在本中心，请重新选择" in html
    assert 'id="action-accept" open' in html
    assert f'name="parallel" value="{housing_department.pk}" checked' in html  # what was ticked stays
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED and not case.tasks.exists()
    assert not case.events.filter(action="accepted").exists()
    # Nor may the deciding department be named, or a mode that is neither.
    for data in (
        {"parallel": [case.deciding_department_id]},
        {"parallel": [housing_department.pk], "parallel_mode": "x"},
    ):
        assert client.post(_accept_url(case), data).status_code == 400
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED


def test_accepting_at_the_intake_with_parallel_departments_in_countersign(
    client, clerk, food, housing_department, health_department
):
    client.force_login(clerk)
    html = _get(client, reverse("backoffice:intake_checklist") + f"?item={food.pk}")
    fieldset = _fieldset(html)
    assert f'name="parallel" value="{housing_department.pk}"' in fieldset
    assert f'name="parallel" value="{food.department_id}"' not in fieldset
    data = _intake_post(food, parallel=[housing_department.pk, health_department.pk], parallel_mode="all")
    response = client.post(reverse("backoffice:intake"), data)
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.status == Status.IN_REVIEW
    tasks = case.tasks.filter(step_name="审查")
    assert tasks.count() == 3 and set(tasks.values_list("mode", flat=True)) == {Task.Mode.ALL}
    assert "并联审批：住建局、卫健局（会签）" in _get(client, response["Location"])


def test_an_unknown_parallel_department_at_the_intake_is_shown_and_nothing_is_written(
    client, clerk, food, housing_department
):
    client.force_login(clerk)
    response = client.post(reverse("backoffice:intake"), _intake_post(food, parallel=[housing_department.pk, "x1"]))
    html = response.content.decode()
    assert response.status_code == 400 and "所选的并联审批部门不存在或不在本中心，请重新选择" in html
    assert 'class="bo-parallel bo-invalid"' in html
    assert not Case.objects.exists()


def test_an_immediate_item_has_no_parallel_fieldset(client, clerk, immediate, center, housing_department):
    client.force_login(clerk)
    assert "bo-parallel" not in _get(client, reverse("backoffice:intake_checklist") + f"?item={immediate.pk}")
    case = make_case(immediate, center, clerk)
    html = _get(client, _case_url(case))
    assert 'id="action-accept"' in html and "bo-parallel" not in html
    response = client.post(reverse("backoffice:intake"), _intake_post(immediate, parallel=[housing_department.pk]))
    assert response.status_code == 400 and "本事项没有审查环节，不能并联审批" in response.content.decode()
    assert Case.objects.count() == 1


def test_the_parallel_fieldset_and_timeline_are_translated(
    client, clerk, food, center, housing_department, health_department
):
    accepted = make_case(food, center, clerk)
    services.accept_case(
        case=accepted,
        actor=_actor(clerk, Role.WINDOW_CLERK),
        parallel=[housing_department],
        parallel_mode="any",
    )
    case = make_case(food, center, clerk, name="李四")
    client.force_login(clerk)
    client.post(reverse("set_language"), {"language": "en", "next": "/manage/"})
    for html in (_get(client, _case_url(case)), _get(client, _case_url(accepted))):
        for chinese in ("并联审批", "会签", "或签", "可选", "办理部门同时审查"):
            assert chinese not in html, chinese


def test_a_conditional_material_not_included_is_not_shown_as_missing(client, clerk, food):
    client.force_login(clerk)
    agent_letter = food.current_version.materials.get(name="授权委托书")
    client.post(reverse("backoffice:intake"), _intake_post(food, **{f"material-{agent_letter.pk}": "missing"}))
    page = _get(client, reverse("backoffice:case", args=[Case.objects.get().receipt_number]))
    row = page.split("授权委托书")[1].split("</tr>")[0]
    assert "bo-material-absent" in row and "未提交" in row and "缺少" not in row


def test_the_id_check_speaks_the_pages_language(client, clerk):
    client.force_login(clerk)
    posted = {"applicant_id_kind": "resident_id", "applicant_id_number": "110105194912310021"}
    assert "校验位不正确" in client.post(reverse("backoffice:intake_identity"), posted).content.decode()
    client.cookies["django_language"] = "en"
    english = client.post(reverse("backoffice:intake_identity"), posted).content.decode()
    assert "check digit is wrong" in english and "校验位" not in english


def test_an_export_cut_at_its_limit_says_so_in_the_file_and_on_the_page(client, supervisor, review_cases, monkeypatch):
    from govhall.backoffice.views import cases as case_views

    monkeypatch.setattr(case_views, "EXPORT_LIMIT", 2)
    client.force_login(supervisor)
    assert "导出Excel仅含前 2 件" in _get(client, reverse("backoffice:cases"))
    response = client.get(reverse("backoffice:cases_export"))
    rows = [r for r in load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True) if any(r)]
    assert len(rows) == 1 + 2 + 1 and rows[-1][0] == "仅导出前 2 件（共 3 件），请缩小查询条件后分批导出"


def test_an_intake_error_of_a_field_without_a_message_beside_it_is_shown_on_top(client, clerk, food):
    client.force_login(clerk)
    response = client.post(
        reverse("backoffice:intake"), _intake_post(food, decision="supplement", supplement_note="说" * 501)
    )
    html = response.content.decode()
    assert response.status_code == 400 and "补正说明：" in html.split('class="bo-alert"')[1].split("</div>")[0]
    assert not Case.objects.exists()


# Bad posts: each is refused with a message, writes nothing, and never becomes a 500.


def test_garbage_numbers_are_refused_not_read_as_not_given(client, clerk, chief, approver, review_cases):
    case = review_cases["fresh"]
    services.complete_task(task=case.tasks.get(), opinion="同意", actor=Actor(approver, Role.APPROVER, "10.0.0.1"))
    client.force_login(chief)
    url = reverse("backoffice:case_action", args=[case.receipt_number, "extend"])
    for days in ("abc", "-1", "99999999999999999999"):
        response = client.post(url, {"days": days, "reason": "需专家评审"})
        assert response.status_code == 400 and "请填写有效的数字" in response.content.decode(), days
    assert not case.extensions.exists()
    client.force_login(clerk)
    pending = make_case(review_cases["fresh"].item, case.receiving_center, clerk, accepted_on=None)
    accept = reverse("backoffice:case_action", args=[pending.receipt_number, "accept"])
    assert client.post(accept, {"revision": "abc"}).status_code == 400
    pending.refresh_from_db()
    assert pending.status == Status.SUBMITTED


def test_huge_ids_in_addresses_and_fields_are_not_found_not_a_crash(client, clerk, approver, review_cases, food):
    case = review_cases["fresh"]
    huge = "99999999999999999999999"
    client.force_login(approver)
    assert client.post(f"/manage/cases/{case.receipt_number}/tasks/{huge}/claim/").status_code == 404
    client.force_login(clerk)
    assert client.get(reverse("backoffice:intake_checklist") + f"?item={huge}").status_code == 200
    forged = _intake_post(food)
    forged["item"] = huge
    response = client.post(reverse("backoffice:intake"), forged)
    assert response.status_code == 400 and "所选事项不存在" in response.content.decode()
    assert not Case.objects.filter(item=food).exclude(pk__in=[c.pk for c in review_cases.values()]).exists()


def test_a_nul_character_in_a_posted_field_is_refused_before_any_view(client, approver, review_cases):
    case = review_cases["fresh"]
    task = case.tasks.get()
    client.force_login(approver)
    url = reverse("backoffice:task_action", args=[case.receipt_number, task.pk, "complete"])
    response = client.post(url, {"opinion": "同意\x00"})
    assert response.status_code == 400 and "空字符" in response.content.decode()
    task.refresh_from_db()
    assert task.state == Task.State.OPEN


def test_an_intake_key_posted_with_another_application_is_refused_and_decides_nothing(client, clerk, food):
    client.force_login(clerk)
    supplement = {"decision": "supplement", "supplement_list": "营业场所证明", "key": "k-shared"}
    client.post(reverse("backoffice:intake"), _intake_post(food, **supplement))
    first = Case.objects.get()
    other = _intake_post(food, decision="refuse", refuse_reason="不属于本部门", key="k-shared", applicant_name="李四")
    response = client.post(reverse("backoffice:intake"), other)
    assert response.status_code == 409 and "此表单已提交过另一份申请" in response.content.decode()
    first.refresh_from_db()
    assert first.status == Status.SUPPLEMENT and Case.objects.count() == 1
    again = client.post(reverse("backoffice:intake"), _intake_post(food, **supplement))
    assert again.status_code == 302 and Case.objects.count() == 1  # the same form twice: the first case


def test_a_second_claim_and_an_action_the_page_no_longer_offers_say_why(client, approver, chief, review_cases):
    case = review_cases["fresh"]
    task = case.tasks.get()
    client.force_login(approver)
    claim = reverse("backoffice:task_claim", args=[case.receipt_number, task.pk])
    assert client.post(claim).status_code == 302
    assert client.post(claim).status_code in (302, 400)
    assert case.events.filter(action="task_claimed").count() == 1
    assert "您已签收该任务" in client.post(claim, follow=True).content.decode()  # said, not silently redone
    assert case.events.filter(action="task_claimed").count() == 1
    client.force_login(chief)  # steps still open: the decision form is not on the page, its error is on top
    response = client.post(reverse("backoffice:case_action", args=[case.receipt_number, "deny"]), {"reason": ""})
    assert response.status_code == 400
    alert = response.content.decode().split('class="bo-alert"')[1].split("</div>")[0]
    assert "不予许可须说明理由" in alert or "还有审查环节未办理完毕" in alert


def test_a_township_manager_oversees_his_center_and_a_clerk_works_only_his_centers_cases(
    client, clerk, manager, food, center, market_window
):
    from govhall.org.models import Center

    township = Center.objects.create(
        code="QCCG", name="城关镇便民服务中心", level=Center.Level.TOWNSHIP, region=center.region, parent=center
    )
    town_clerk = make_staff("townclerk", Role.WINDOW_CLERK, windows=[market_window], center=township)
    town_manager = make_staff("townmanager", Role.CENTER_MANAGER, center=township)
    county_case = make_case(food, center, clerk)
    town_case = make_case(food, township, town_clerk)

    client.force_login(town_manager)
    html = _results(client, reverse("backoffice:cases"))
    assert town_case.receipt_number in html and county_case.receipt_number not in html
    assert client.get(reverse("backoffice:case", args=[county_case.receipt_number])).status_code == 403
    reveal = client.post(reverse("backoffice:case_reveal", args=[county_case.receipt_number]), {"purpose": "核对"})
    assert reveal.status_code == 403
    client.force_login(manager)  # the county center oversees the township's too
    html = _results(client, reverse("backoffice:cases"))
    assert town_case.receipt_number in html and county_case.receipt_number in html

    # His department's case, received at the township, is the township's window work: the county clerk neither
    # reads nor accepts it (nor finds it), and the township clerk does not find the county's.
    client.force_login(clerk)
    assert client.get(reverse("backoffice:case", args=[town_case.receipt_number])).status_code == 403
    response = client.post(reverse("backoffice:case_action", args=[town_case.receipt_number, "accept"]))
    assert response.status_code == 403 and "该办件不是本中心收件的办件" in response.content.decode()
    html = _results(client, reverse("backoffice:cases"))
    assert county_case.receipt_number in html and town_case.receipt_number not in html
    town_case.refresh_from_db()
    assert town_case.status == Status.SUBMITTED
    client.force_login(town_clerk)
    html = _results(client, reverse("backoffice:cases"))
    assert town_case.receipt_number in html and county_case.receipt_number not in html
