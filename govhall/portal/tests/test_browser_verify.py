"""Someone scans a notice's QR code and checks it in a real Chromium; the screenshot lands in var/screenshots/."""

from govhall.cases import services
from govhall.cases.models import NoticeKind
from govhall.cases.services import Applicant, Intake, MaterialReceipt
from govhall.core.actors import Actor
from govhall.org.models import Role
from govhall.testing.browser import screenshot
from govhall.testing.factories import CenterFactory, make_item


def test_a_scanned_acceptance_notice_shows_as_genuine_with_the_applicant_masked(
    page, live_server, market_department, clerk
):
    item = make_item("11519901FOOD", department=market_department)
    version = item.current_version
    intake = Intake(
        item=item,
        center=CenterFactory(),
        applicant=Applicant(kind="person", name="张三", id_kind="resident_id", id_number="11010519491231002X"),
        materials=[MaterialReceipt(m.pk) for m in version.materials.all()],
    )
    actor = Actor(user=clerk, role=Role.WINDOW_CLERK)
    case = services.accept_case(case=services.submit_case(intake=intake, actor=actor), actor=actor)
    notice = case.notices.get(kind=NoticeKind.ACCEPTANCE)

    page.goto(f"{live_server.url}/verify/{notice.token}/")
    assert page.text_content("h1") == "文书核验"
    assert "未被篡改" in page.text_content(".verify-result")
    facts = page.text_content(".verify-facts")
    assert notice.number in facts
    assert "张*" in facts
    assert "张三" not in facts
    screenshot(page, "portal-verify")


def test_a_notice_the_worker_has_not_rendered_yet_says_so_and_then_verifies_with_its_number(
    page, live_server, market_department, clerk, settings
):
    from govhall.cases.notices import render_pending

    settings.GOVHALL_NOTICE_RENDERING = "worker"
    item = make_item("11519901FOOD", department=market_department)
    intake = Intake(
        item=item,
        center=CenterFactory(),
        applicant=Applicant(kind="person", name="张三", id_kind="resident_id", id_number="11010519491231002X"),
        materials=[MaterialReceipt(m.pk) for m in item.current_version.materials.all()],
    )
    actor = Actor(user=clerk, role=Role.WINDOW_CLERK)
    case = services.accept_case(case=services.submit_case(intake=intake, actor=actor), actor=actor)
    notice = case.notices.get(kind=NoticeKind.ACCEPTANCE)

    page.goto(f"{live_server.url}/verify/{notice.token}/")
    assert "正在生成" in page.text_content(".verify-result")
    assert "生成文件时编号" in page.text_content(".verify-facts")
    screenshot(page, "portal-verify-pending")
    assert render_pending() == 1
    notice.refresh_from_db()
    page.reload()
    assert "未被篡改" in page.text_content(".verify-result")
    assert notice.number and notice.number in page.text_content(".verify-facts")
