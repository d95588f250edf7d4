"""The case page's 会签 / 或签, 委托 and 撤回 forms in a real browser."""

import pytest

from govhall.accounts.models import User
from govhall.backoffice.tests.test_browser_cases import _case
from govhall.cases.models import Case, Task
from govhall.org.models import Role
from govhall.testing.browser import login, screenshot
from govhall.testing.factories import PASSWORD, DepartmentFactory, make_item, make_staff

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def case(market_department, housing_department, clerk, approver, chief):
    for code, name, short in [
        ("QCZRJ", "清川县自然资源和规划局", "自然资源规划局"),
        ("QCSTHJ", "川东市生态环境局清川分局", "生态环境分局"),
        ("QCXFJY", "清川县消防救援大队", "消防救援大队"),
    ]:
        DepartmentFactory(code=code, name=name, short_name=short)
    make_staff("colleague", Role.APPROVER, department=market_department)
    for username, name in [("approver", "王建国"), ("chief", "陈志强"), ("colleague", "刘敏")]:
        User.objects.filter(username=username).update(display_name=name)
    item = make_item("11519901FOOD000001", department=market_department, name="食品经营许可（新办）")
    return _case(item, clerk, accepted_on=None, name="赵一")


def test_an_approver_asks_for_an_any_signature_and_delegates_his_step(page, live_server, case, housing_department):
    login(page, live_server.url, "approver", PASSWORD)
    page.goto(f"{live_server.url}/manage/cases/{case.receipt_number}/")
    task = case.tasks.get()
    card = f"#task-{task.pk}"
    page.click(f"#countersign-{task.pk} summary")
    page.check(f"{card} label:has-text('住建局') input")
    page.check(f"{card} label:has-text('自然资源规划局') input")
    page.check(f"{card} input[name=mode][value=any]")
    page.click(f"#delegate-{task.pk} summary")
    screenshot(page, "case-countersign-forms")

    page.click(f"#countersign-{task.pk} button[type=submit]")
    page.wait_for_selector("text=已发起或签")
    assert set(Task.objects.filter(case=case, state=Task.State.OPEN).values_list("mode", flat=True)) == {"any"}
    assert "或签部门" in page.text_content(".bo-timeline")
    assert "或签：任一方同意即转下一环节" in page.text_content(card)

    page.click(f"#delegate-{task.pk} summary")
    page.select_option(f"#delegate-{task.pk} select[name=to_user]", label="刘敏")
    page.fill(f"#delegate-{task.pk} input[name=reason]", "出差三天")
    page.click(f"#delegate-{task.pk} button:has-text('委托')")
    page.wait_for_selector("text=已委托刘敏代为办理")
    assert Case.objects.get(pk=case.pk).tasks.get(pk=task.pk).delegate.username == "colleague"
    assert "收回委托" in page.text_content(card)
    screenshot(page, "case-countersign-delegated")


def test_the_sender_retracts_the_next_step_from_the_case_page(page, live_server, case):
    login(page, live_server.url, "approver", PASSWORD)
    page.goto(f"{live_server.url}/manage/cases/{case.receipt_number}/")
    page.fill("textarea[name=opinion]", "同意")
    page.click("text=办理完毕，转下一环节")
    page.wait_for_selector("#retract")
    decision = case.tasks.get(state=Task.State.OPEN)
    page.click(f"#retract-{decision.pk} summary")
    page.fill(f"#retract-{decision.pk} input[name=reason]", "意见需补充现场核查情况")
    screenshot(page, "case-retract")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click(f"#retract-{decision.pk} button[type=submit]")
    page.wait_for_selector("text=已撤回")
    reopened = case.tasks.get(state=Task.State.OPEN)
    assert reopened.step_name == "审查" and reopened.assignee.username == "approver"
    assert "撤回自：决定" in page.text_content(".bo-timeline")
