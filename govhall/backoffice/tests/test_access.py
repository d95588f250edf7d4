import pytest
from django.urls import reverse

from govhall.org.models import Role
from govhall.testing.factories import PASSWORD, UserFactory, make_item, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(market_department):
    return make_item(department=market_department)


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, item):
    for url in [
        reverse("backoffice:home"),
        reverse("backoffice:catalog"),
        reverse("backoffice:item", args=[item.pk]),
        reverse("backoffice:item_edit", args=[item.pk]),
        reverse("backoffice:excel"),
        reverse("backoffice:calendar"),
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("backoffice:login") + "?next="), url


def test_a_manager_logs_in_on_the_styled_login_page(client, manager):
    page = client.get(reverse("backoffice:login"))
    assert "工作人员登录" in page.content.decode()
    response = client.post(reverse("backoffice:login"), {"username": "manager", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("backoffice:home")


def test_a_wrong_password_is_told_in_chinese(client, manager):
    response = client.post(reverse("backoffice:login"), {"username": "manager", "password": "nope"})
    assert "用户名或密码不正确" in response.content.decode()


def test_a_clerk_is_refused_when_editing_the_catalog(client, clerk, item):
    client.force_login(clerk)
    refused = [
        client.get(reverse("backoffice:item_edit", args=[item.pk])),
        client.get(reverse("backoffice:item_new")),
        client.post(reverse("backoffice:item_publish", args=[item.pk])),
        client.post(reverse("backoffice:item_discard", args=[item.pk])),
        client.post(reverse("backoffice:item_status", args=[item.pk]), {"move": "suspend", "reason": "x"}),
    ]
    for response in refused:
        assert response.status_code == 403
        assert "需要以下角色之一" in response.content.decode()
    item.refresh_from_db()
    assert item.status == "published"


def test_a_clerk_is_refused_the_excel_and_calendar_pages(client, clerk):
    client.force_login(clerk)
    for url in [reverse("backoffice:excel"), reverse("backoffice:excel_download"), reverse("backoffice:calendar")]:
        response = client.get(url)
        assert response.status_code == 403, url
        assert "需要以下角色之一：中心管理人员" in response.content.decode()
    response = client.post(reverse("backoffice:calendar_day"), {"day": "2027-05-06", "kind": "holiday"})
    assert response.status_code == 403


def test_a_clerk_may_read_the_catalog_but_sees_no_editing_buttons(client, clerk, item):
    client.force_login(clerk)
    listing = client.get(reverse("backoffice:catalog")).content.decode()
    assert item.code in listing
    assert "新建事项" not in listing
    page = client.get(reverse("backoffice:item", args=[item.pk])).content.decode()
    assert "食品经营许可（新办）" in page
    assert reverse("backoffice:item_edit", args=[item.pk]) not in page
    assert "暂停" not in page


def test_a_chief_representative_edits_only_his_own_departments_items(client, chief, item, housing_department):
    other = make_item("11519901OTHER00001", department=housing_department)
    client.force_login(chief)
    assert client.get(reverse("backoffice:item_edit", args=[item.pk])).status_code == 200
    refused = client.get(reverse("backoffice:item_edit", args=[other.pk]))
    assert refused.status_code == 403
    assert "首席代表只能编辑本部门的事项" in refused.content.decode()
    assert client.post(reverse("backoffice:item_publish", args=[item.pk])).status_code == 403


def test_an_account_without_a_staff_profile_is_refused_the_catalog(client, item):
    client.force_login(UserFactory(username="visitor"))
    home = client.get(reverse("backoffice:home"))
    assert "尚未登记为工作人员" in home.content.decode()
    assert client.get(reverse("backoffice:catalog")).status_code == 403
    assert client.get(reverse("backoffice:item", args=[item.pk])).status_code == 403


def test_a_missing_item_is_a_404_page_in_chinese(client, manager):
    client.force_login(manager)
    response = client.get(reverse("backoffice:item", args=[999999]))
    assert response.status_code == 404
    assert "事项不存在" in response.content.decode()


def test_the_home_greets_a_manager_with_center_roles_and_manager_tiles(client, manager):
    client.force_login(manager)
    page = client.get(reverse("backoffice:home")).content.decode()
    assert "manager，您好" in page
    assert "清川县政务服务中心" in page
    assert "中心管理人员" in page
    for tile in ["事项管理", "Excel导入导出", "节假日管理"]:
        assert tile in page


def test_the_home_shows_a_clerk_his_department_and_only_the_read_only_catalog(client, market_department):
    user = make_staff("approver2", Role.APPROVER, department=market_department)
    client.force_login(user)
    page = client.get(reverse("backoffice:home")).content.decode()
    assert "清川县市场监督管理局" in page
    assert "审批人员" in page
    assert "事项目录（只读）" in page
    assert reverse("backoffice:excel") not in page


def test_the_staff_pages_are_chinese_even_for_an_english_browser(client, manager, item):
    client.force_login(manager)
    home = client.get(reverse("backoffice:home"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Hello, manager" not in home and "节假日" in home


def test_the_staff_pages_are_available_in_english(client, manager, item):
    client.force_login(manager)
    client.post(reverse("set_language"), {"language": "en", "next": "/manage/"})
    home = client.get(reverse("backoffice:home")).content.decode()
    assert "Hello, manager" in home and "Holidays" in home
    listing = client.get(reverse("backoffice:catalog")).content.decode()
    assert "1 item" in listing and "Legal / promised limit" in listing
