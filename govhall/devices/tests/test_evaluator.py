"""The evaluation tablet: it asks about the visit just finished at its window, takes one rating, thanks the
visitor and goes back to idle; a second rating and a rating under a staff login are refused in Chinese."""

import pytest
from playwright.sync_api import expect

from govhall.devices.access import COOKIE
from govhall.devices.evaluator import initials
from govhall.devices.tests.conftest import finish_visit
from govhall.evaluations.models import Evaluation
from govhall.org.models import StaffProfile
from govhall.testing.browser import screenshot


@pytest.fixture
def numbered_clerk(open_hall):
    StaffProfile.objects.filter(user=open_hall.clerk).update(staff_number="QC0101")
    open_hall.clerk.display_name = "王小明"
    open_hall.clerk.save()
    return open_hall.clerk


def test_the_tablet_rates_the_just_finished_visit_once(page, live_server, evaluator, numbered_clerk, open_hall):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.context.add_cookies([{"name": COOKIE, "value": evaluator.token, "url": live_server.url}])
    page.goto(f"{live_server.url}/hall/evaluator/")
    expect(page.locator("[data-idle]")).to_be_visible()
    expect(page.locator("[data-clerk-name]")).to_have_text("王小明")
    expect(page.locator(".clerk-number")).to_have_text("工号：QC0101")
    expect(page.locator(".avatar text")).to_have_text("小明")

    ticket = finish_visit(open_hall)
    expect(page.locator(".rating h1")).to_contain_text(f"{ticket.number}号业务已办结", timeout=5000)
    expect(page.locator(".level-label")).to_have_text(["非常满意", "满意", "基本满意", "不满意", "非常不满意"])
    for level in page.locator(".level").all():
        assert level.bounding_box()["height"] >= 64
    expect(page.locator(".reasons")).to_be_hidden()
    page.click("text=不满意 >> nth=0")
    expect(page.locator(".reasons")).to_be_visible()
    screenshot(page, "evaluator-rating")

    page.click("text=提交评价")  # a bad rating without a reason: the service's message
    expect(page.locator("[data-error]")).to_have_text("差评请勾选原因或填写意见")
    page.click("text=办事效率低、等候时间长")
    page.click("text=提交评价")
    expect(page.locator("[data-thanks]")).to_be_visible()
    evaluation = Evaluation.objects.get()
    assert (evaluation.ticket_id, evaluation.level, evaluation.reasons) == (ticket.pk, 2, ["slow"])
    expect(page.locator("[data-idle]")).to_be_visible(timeout=10000)  # back to idle by itself
    page.wait_for_timeout(2500)
    expect(page.locator(".rating")).to_have_count(0)  # the rated visit is not asked about again


def test_a_second_rating_of_the_visit_is_refused(evaluator_client, evaluator, open_hall):
    ticket = finish_visit(open_hall)
    first = evaluator_client.post("/hall/evaluator/rate", {"ticket": ticket.pk, "level": 5}, HTTP_HX_REQUEST="true")
    assert "data-thanks" in first.content.decode()
    second = evaluator_client.post("/hall/evaluator/rate", {"ticket": ticket.pk, "level": 1, "comment": "再评一次"})
    assert "已评价过，不能重复评价" in second.content.decode()
    assert Evaluation.objects.get().level == 5


def test_a_browser_with_a_staff_login_cannot_rate(evaluator_client, evaluator, open_hall):
    ticket = finish_visit(open_hall)
    evaluator_client.force_login(open_hall.clerk)
    page = evaluator_client.get("/hall/evaluator/").content.decode()
    assert "本设备登录了工作人员账号" in page
    response = evaluator_client.post("/hall/evaluator/rate", {"ticket": ticket.pk, "level": 5})
    assert "工作人员不能代替办事群众评价" in response.content.decode()
    assert not Evaluation.objects.exists()


@pytest.mark.parametrize(
    "data, message",
    [
        ({"level": "x"}, "请选择评价等级"),
        ({"level": "9"}, "评价等级应为1至5"),
        ({"level": "5", "ticket": "abc"}, "只能评价本窗口刚刚办结的业务"),
        ({"level": "5", "ticket": "99999"}, "只能评价本窗口刚刚办结的业务"),
        ({"level": "1", "reasons": "bogus"}, "差评原因无效"),
    ],
)
def test_bad_ratings_are_answered_in_chinese(evaluator_client, evaluator, open_hall, data, message):
    ticket = finish_visit(open_hall)
    data = {"ticket": ticket.pk, **data}
    response = evaluator_client.post("/hall/evaluator/rate", data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and message in response.content.decode()


def test_the_panel_poll_is_empty_while_nothing_changed(evaluator_client, evaluator, open_hall):
    first = evaluator_client.get("/hall/evaluator/panel", {"showing": "none"})
    key = first.content.decode().split('"showing": "')[1].split('"')[0]
    assert evaluator_client.get("/hall/evaluator/panel", {"showing": key}).status_code == 204
    finish_visit(open_hall)
    assert evaluator_client.get("/hall/evaluator/panel", {"showing": key}).status_code == 200


def test_initials_for_the_avatar():
    assert (initials("王小明"), initials("张三"), initials("Li Ming"), initials("")) == ("小明", "张三", "LM", "?")
