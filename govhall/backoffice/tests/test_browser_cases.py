import datetime as dt

import pytest

from govhall.accounts.models import User
from govhall.cases import services
from govhall.cases.models import Case, CaseMaterial, Status, Task
from govhall.cases.services import Applicant, Intake, MaterialReceipt
from govhall.core.actors import Actor
from govhall.org.models import Role
from govhall.testing.browser import login, screenshot
from govhall.testing.factories import PASSWORD, item_data, make_item

pytestmark = pytest.mark.django_db(transaction=True)
ID_NUMBER = "11010519491231002X"
CREDIT_CODE = "91110000600037341L"  # a valid code


@pytest.fixture
def food(market_department):
    return make_item("11519901FOOD000001", department=market_department, name="食品经营许可（新办）")


@pytest.fixture
def hall(food, market_department, housing_department, clerk, approver, chief):
    make_item(
        "11519901GTGSH00001",
        department=market_department,
        name="个体工商户设立登记",
        case_type="即办件",
        legal_limit=3,
        promised_limit=0,
        steps=[],
        special_procedures=[],
    )
    make_item("11519901HOUSE00001", department=housing_department, name="商品房预售许可")
    User.objects.filter(username="clerk").update(display_name="李晓梅")
    User.objects.filter(username="approver").update(display_name="王建国")
    User.objects.filter(username="chief").update(display_name="陈志强")
    return food


def _case(item, clerk, *, accepted_on, name, id_number=ID_NUMBER, enterprise=False):
    actor = Actor(user=clerk, role=Role.WINDOW_CLERK)
    case = services.submit_case(
        intake=Intake(
            item=item,
            center=clerk.staff.center,
            applicant=Applicant(
                kind="enterprise" if enterprise else "person",
                name=name,
                id_kind="credit_code" if enterprise else "resident_id",
                id_number=id_number,
                phone="13912345678",
                address="四川省清川县城关镇滨江路12号",
            ),
            materials=[MaterialReceipt(m.pk) for m in item.current_version.materials.all()],
        ),
        actor=actor,
    )
    return services.accept_case(case=case, actor=actor, on=accepted_on)


def _intake_for(page, live_server, applicant: str, query: str, item: str) -> None:
    """The clerk opens the intake page for an applicant with a valid ID and picks the item found by ``query``."""
    login(page, live_server.url, "clerk", PASSWORD)
    page.goto(f"{live_server.url}/manage/intake/")
    page.fill("#id_applicant_name", applicant)
    page.fill("#id_applicant_id_number", ID_NUMBER)
    page.fill("#item-q", query)
    page.click(f".bo-item-hit:has-text('{item}')")


def test_a_clerk_takes_an_application_at_the_window_end_to_end(page, live_server, hall, clerk):
    login(page, live_server.url, "clerk", PASSWORD)
    page.click("nav >> text=收件受理")
    page.wait_for_selector("#intake-form")

    page.fill("#id_applicant_name", "王芳")
    page.fill("#id_applicant_id_number", "110105194912310021")
    page.wait_for_selector(".bo-check-error")
    assert "校验位不正确" in page.text_content("#identity")
    page.fill("#id_applicant_id_number", ID_NUMBER)
    page.wait_for_selector(".bo-check-ok")
    page.fill("#id_applicant_phone", "13812345678")
    page.fill("#id_applicant_address", "四川省清川县城关镇人民路8号")

    page.fill("#item-q", "spjy")
    page.wait_for_selector(".bo-item-hit")
    assert "商品房" not in page.text_content("#item-results")
    page.click(".bo-item-hit:has-text('食品经营许可')")
    page.wait_for_selector("[data-checklist]")
    page.check("tr:has-text('食品经营许可申请书') input[value=missing]")
    assert page.input_value("[data-supplement-list]") == "食品经营许可申请书"
    page.check("tr:has-text('授权委托书') input[value=missing]")
    page.click("text=必要材料全部收取")  # the required one is received; the conditional one is left as ticked
    assert page.is_checked("tr:has-text('食品经营许可申请书') input[value=received]")
    assert page.is_checked("tr:has-text('授权委托书') input[value=missing]")
    assert page.input_value("[data-supplement-list]") == ""
    screenshot(page, "case-intake")

    page.click("button[value=accept]")
    page.wait_for_selector(".bo-case-head")
    assert "已受理" in page.text_content(".messages")
    case = Case.objects.get()
    assert case.status == Status.IN_REVIEW
    assert dict(case.materials.values_list("name", "state")) == {
        "食品经营许可申请书": CaseMaterial.State.RECEIVED,
        "授权委托书": CaseMaterial.State.MISSING,
    }
    assert "受理通知书" in page.text_content("#notices")
    assert "王*" in page.text_content("#applicant")


def test_an_enterprise_gets_its_credit_code_checked_and_a_missing_material_stops_acceptance(
    page, live_server, hall, clerk
):
    login(page, live_server.url, "clerk", PASSWORD)
    page.goto(f"{live_server.url}/manage/intake/")
    page.check("input[name=applicant_kind][value=enterprise]")
    assert page.input_value("#id_applicant_id_kind") == "credit_code"
    page.fill("#id_applicant_name", "清川县禾丰餐饮管理有限公司")
    page.fill("#id_applicant_id_number", CREDIT_CODE)
    page.wait_for_selector(".bo-check-ok")
    page.check("input[name=applicant_kind][value=person]")
    assert page.input_value("#id_applicant_id_kind") == "resident_id"
    page.check("input[name=applicant_kind][value=enterprise]")
    page.fill("#item-q", "食品")
    page.click(".bo-item-hit:has-text('食品经营许可')")
    page.wait_for_selector("[data-checklist]")
    page.check("tr:has-text('食品经营许可申请书') input[value=missing]")
    page.click("button[value=accept]")
    page.wait_for_selector("text=请收齐后受理")
    assert page.is_checked("tr:has-text('食品经营许可申请书') input[value=missing]")
    assert not Case.objects.exists()


def test_receiving_all_required_materials_keeps_a_commitment(page, live_server, hall, market_department):
    def material(name, *, commitment_allowed=False):
        return {**item_data()["materials"][0], "name": name, "commitment_allowed": commitment_allowed}

    make_item(
        "11519901LIQUOR0001",
        department=market_department,
        name="酒类商品零售许可",
        materials=[material("酒类零售许可申请表"), material("经营场所证明", commitment_allowed=True)],
    )
    _intake_for(page, live_server, "刘洋", "酒类", "酒类商品零售许可")
    page.wait_for_selector("[data-checklist]")
    page.check("tr:has-text('经营场所证明') input[value=commitment]")
    page.click("text=必要材料全部收取")
    assert page.is_checked("tr:has-text('酒类零售许可申请表') input[value=received]")
    assert page.is_checked("tr:has-text('经营场所证明') input[value=commitment]")


def test_a_clerk_closes_an_immediate_case_in_one_sitting(page, live_server, hall, clerk):
    _intake_for(page, live_server, "刘洋", "个体工商户", "个体工商户设立登记")
    page.wait_for_selector("button[value=immediate]")
    page.check("[data-checklist] input[value=received]")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button[value=immediate]")
    page.wait_for_selector("text=即办件已当场办结")
    assert Case.objects.get().status == Status.CLOSED


def test_an_approver_claims_and_completes_a_step_from_the_inbox(page, live_server, hall, clerk, approver, manager):
    today = services.today()
    late = _case(hall, clerk, accepted_on=today - dt.timedelta(days=30), name="孙三")
    fresh = _case(hall, clerk, accepted_on=today, name="赵一")
    _case(hall, clerk, accepted_on=today - dt.timedelta(days=6), name="钱二")
    # An enterprise's name is shown in full, and is long.
    _case(hall, clerk, accepted_on=today, name="清川县金桥物业服务有限公司", id_number=CREDIT_CODE, enterprise=True)

    login(page, live_server.url, "approver", PASSWORD)
    # The workbench says how much waits, and its tile opens the inbox.
    tile = page.locator("#case-tiles a", has_text="待办")
    assert "我的待办 0 件，部门待签收 4 件" in tile.text_content()
    tile.click()
    page.click("text=部门待签收")
    page.wait_for_selector("table.bo-inbox .bo-light-red")
    rows = page.locator("table.bo-inbox tbody tr")
    assert rows.count() == 4 and late.receipt_number in rows.nth(0).text_content()
    screenshot(page, "case-inbox")

    page.click(f"#task-{fresh.tasks.get().pk} >> text=签收")
    page.wait_for_selector(".bo-case-head")
    page.fill("textarea[name=opinion]", "材料齐全，经营场所符合要求，同意")
    screenshot(page, "case-page")
    page.click("text=办理完毕，转下一环节")
    page.wait_for_selector("text=已办理，已转下一环节")
    task = fresh.tasks.get(step_name="审查")
    assert task.state == Task.State.DONE and task.finished_by == approver
    assert fresh.tasks.get(state=Task.State.OPEN).step_name == "决定"
    assert "环节办理完毕" in page.text_content(".bo-timeline")

    page.click("text=退出")
    login(page, live_server.url, "manager", PASSWORD)
    page.goto(f"{live_server.url}/manage/cases/")
    page.select_option("#id_light", "red")
    page.click("button:has-text('查询')")
    page.wait_for_selector("table.bo-cases")
    assert late.receipt_number in page.text_content("table.bo-cases")
    assert fresh.receipt_number not in page.text_content("table.bo-cases")
    page.goto(f"{live_server.url}/manage/cases/")
    # Nine columns fit the page (no sideways scrolling to reach the light), and the item's name is not squeezed
    # to a few characters a line by the columns that never wrap.
    assert page.evaluate("(el) => el.scrollWidth <= el.clientWidth", page.locator(".bo-scroll").element_handle())
    item = page.locator("table.bo-cases tbody tr td:nth-child(2)").first
    em = page.evaluate("(el) => parseFloat(getComputedStyle(el).fontSize)", item.element_handle())
    assert item.bounding_box()["width"] >= 8 * em  # room for 8 characters a line, padding aside
    screenshot(page, "case-search")


def test_a_clerk_accepts_with_parallel_review_at_the_intake_and_on_the_case_page(
    page, live_server, hall, clerk, market_department, housing_department
):
    from govhall.org.models import Stationing
    from govhall.testing.factories import DepartmentFactory

    center = clerk.staff.center
    health = DepartmentFactory(code="QCWJJ", name="清川县卫生健康局", short_name="卫健局")
    fire = DepartmentFactory(code="QCXFJY", name="清川县消防救援大队", short_name="消防救援大队")
    DepartmentFactory(code="QCZZB", name="中共清川县委组织部", short_name="县委组织部")  # not stationed: not offered
    for department in (market_department, housing_department, health, fire):
        Stationing.objects.create(center=center, department=department)
    waiting = services.submit_case(
        intake=Intake(
            item=hall,
            center=center,
            applicant=Applicant(kind="person", name="周敏", id_kind="resident_id", id_number=ID_NUMBER),
            materials=[MaterialReceipt(m.pk) for m in hall.current_version.materials.all()],
        ),
        actor=Actor(user=clerk, role=Role.WINDOW_CLERK),
    )

    _intake_for(page, live_server, "王芳", "spjy", "食品经营许可")
    page.wait_for_selector("#intake-parallel")
    for radio in page.locator("[data-checklist] input[value=received]").all():
        radio.check()
    assert "县委组织部" not in page.text_content("#intake-parallel")
    page.check("#intake-parallel label:has-text('住建局') input")
    page.check("#intake-parallel label:has-text('卫健局') input")
    page.check("#intake-parallel input[value=any]")
    screenshot(page, "case-intake-parallel")
    page.click("button[value=accept]")
    page.wait_for_selector(".bo-case-head")
    assert "并联审批：卫健局、住建局（或签）" in page.text_content(".messages")
    case = Case.objects.exclude(pk=waiting.pk).get()
    assert case.tasks.filter(step_name="审查", mode=Task.Mode.ANY).count() == 3

    page.goto(f"{live_server.url}/manage/cases/{waiting.receipt_number}/")
    page.wait_for_selector("#action-accept-parallel")
    page.check("#action-accept-parallel label:has-text('消防救援大队') input")
    screenshot(page, "case-accept-parallel")
    page.click("#action-accept button[type=submit]")
    page.wait_for_selector("text=已受理，并联审批：消防救援大队（会签）")
    assert waiting.tasks.filter(step_name="审查", mode=Task.Mode.ALL).count() == 2


def test_a_clerk_works_the_window_list_from_an_overdue_delivery_to_closing(page, live_server, hall, clerk, chief):
    today = services.today()
    chief_actor = Actor(user=chief, role=Role.CHIEF_REPRESENTATIVE)
    overdue = _case(hall, clerk, accepted_on=today - dt.timedelta(days=40), name="孙三")
    fresh = _case(hall, clerk, accepted_on=today - dt.timedelta(days=2), name="清川县金桥物业服务有限公司")
    for case, decided in ((overdue, today - dt.timedelta(days=30)), (fresh, today)):
        for task in case.tasks.filter(state=Task.State.OPEN).exclude(role=Role.CHIEF_REPRESENTATIVE):
            services.complete_task(task=task, opinion="同意", actor=Actor(user=chief, role=Role.APPROVER))
        services.decide_case(case=Case.objects.get(pk=case.pk), approve=True, reason="", actor=chief_actor, on=decided)

    login(page, live_server.url, "clerk", PASSWORD)
    page.click("nav >> text=窗口待办")
    page.click(".tabs >> text=待制证送达")
    page.wait_for_selector("table.bo-window .bo-light-red")
    rows = page.locator("table.bo-window tbody tr")
    assert rows.count() == 2 and overdue.receipt_number in rows.nth(0).text_content()
    assert "超期" in rows.nth(0).text_content() and "剩 10 个工作日" in rows.nth(1).text_content()
    screenshot(page, "case-window")

    rows.nth(0).locator("text=制证").click()
    page.wait_for_selector("#delivery-clock")
    assert "超期" in page.text_content("#delivery-clock")
    page.click("#action-certify button[type=submit]")
    page.wait_for_selector(".bo-status-certified")
    page.click("#action-deliver button[type=submit]")
    page.wait_for_selector(".bo-status-delivered")
    assert "逾期送达" in page.text_content("#delivery-clock")
    screenshot(page, "case-delivered-late")
    assert Case.objects.get(pk=overdue.pk).status == Status.DELIVERED

    page.click("nav >> text=窗口待办")
    page.click(".tabs >> text=待办结")
    assert overdue.receipt_number in page.text_content("table.bo-window")
    # Closed in one go with the others delivered: tick all, confirm, each closed by the service.
    page.check("[data-check-all]")
    assert page.locator("input[name=case]:checked").count() == 1
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#batch-close button[type=submit]")
    page.wait_for_selector("text=已办结 1 件")
    assert Case.objects.get(pk=overdue.pk).status == Status.CLOSED
    assert "本中心暂无此类办件" in page.text_content("table.bo-window")
