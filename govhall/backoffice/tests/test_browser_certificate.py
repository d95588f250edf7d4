"""制证 before 送达 on the case page, in a real browser: a licence is made before it is delivered; a decision that is
itself the result (a filing receipt) is delivered straight away."""

import pytest

from govhall.backoffice.tests.test_browser_cases import _case
from govhall.cases import services
from govhall.cases.models import Case, CaseEvent, Status
from govhall.core.actors import Actor
from govhall.org.models import Role
from govhall.testing.browser import login, screenshot
from govhall.testing.factories import PASSWORD, make_item

pytestmark = pytest.mark.django_db(transaction=True)


def _approved(item, clerk, approver, chief) -> Case:
    """A case of ``item`` accepted by the clerk, reviewed by the approver and approved (准予许可) by the chief."""
    case = _case(item, clerk, accepted_on=None, name="赵一")
    services.complete_task(task=case.tasks.get(), opinion="同意", actor=Actor(user=approver, role=Role.APPROVER))
    case = services.decide_case(
        case=case, approve=True, reason="", actor=Actor(user=chief, role=Role.CHIEF_REPRESENTATIVE)
    )
    assert case.status == Status.APPROVED
    return case


def _open_approved(page, live_server, case: Case) -> None:
    """The clerk opens the approved case's page."""
    login(page, live_server.url, "clerk", PASSWORD)
    page.goto(f"{live_server.url}/manage/cases/{case.receipt_number}/")
    page.wait_for_selector(".bo-case-head")
    assert page.text_content(".bo-status").strip() == "准予许可"


def _button(page, label: str):
    return page.get_by_role("button", name=label, exact=True)


def _not_offered(page, action: str, label: str) -> bool:
    """No form for ``action`` anywhere on the page, not even folded away in a closed <details> (which get_by_role
    would skip as hidden)."""
    hidden_too = page.get_by_role("button", name=label, exact=True, include_hidden=True)
    return page.locator(f"#action-{action}").count() == 0 and hidden_too.count() == 0


def _events(case: Case) -> list[str]:
    return list(CaseEvent.objects.filter(case=case).values_list("action", flat=True))


def test_a_licence_is_certified_before_it_is_delivered(page, live_server, market_department, clerk, approver, chief):
    item = make_item("11519901FOOD000001", department=market_department, name="食品经营许可（新办）")
    version = item.current_version
    assert version is not None and version.result_type == "证照" and version.issues_certificate
    case = _approved(item, clerk, approver, chief)

    _open_approved(page, live_server, case)
    assert _button(page, "制证").is_visible()
    assert _not_offered(page, "deliver", "送达")
    screenshot(page, "case-approved-licence")

    _button(page, "制证").click()
    page.wait_for_selector(".bo-status-certified")
    assert page.text_content(".bo-status").strip() == "已制证"
    assert "已制证" in page.text_content(".messages")
    assert _not_offered(page, "certify", "制证")
    assert _button(page, "送达").is_visible()
    assert page.locator(".bo-timeline .bo-event-certified").count() == 1
    screenshot(page, "case-certified-licence")

    _button(page, "送达").click()
    page.wait_for_selector(".bo-status-delivered")
    assert page.text_content(".bo-status").strip() == "已送达"
    assert page.locator(".bo-timeline .bo-event-delivered").count() == 1

    case.refresh_from_db()
    assert case.status == Status.DELIVERED
    events = _events(case)
    assert events[-3:] == ["approved", "certified", "delivered"]
    assert events.count("certified") == 1 and events.count("delivered") == 1


def test_a_decision_that_is_itself_the_result_is_delivered_without_certifying(
    page, live_server, market_department, clerk, approver, chief
):
    item = make_item(
        "11519901FILING0001",
        department=market_department,
        name="食品经营备案",
        result_type="其他",
        result_name="备案回执",
    )
    case = _approved(item, clerk, approver, chief)

    _open_approved(page, live_server, case)
    assert _button(page, "送达").is_visible()
    assert _not_offered(page, "certify", "制证")
    screenshot(page, "case-approved-filing")

    _button(page, "送达").click()
    page.wait_for_selector(".bo-status-delivered")
    assert page.text_content(".bo-status").strip() == "已送达"
    assert page.locator(".bo-timeline .bo-event-certified").count() == 0

    case.refresh_from_db()
    assert case.status == Status.DELIVERED
    events = _events(case)
    assert events[-2:] == ["approved", "delivered"]
    assert "certified" not in events
