import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from govhall.accounts.models import User
from govhall.catalog import selectors as catalog_selectors
from govhall.catalog import services as catalog_services
from govhall.catalog.models import ItemStationing
from govhall.core.actors import system_actor
from govhall.core.audit import history
from govhall.core.models import AuditEntry
from govhall.org import services
from govhall.org.models import Center, Role, StaffProfile, Stationing, Window
from govhall.testing.factories import (
    CenterFactory,
    DepartmentFactory,
    WindowFactory,
    make_item,
    make_staff,
)

pytestmark = pytest.mark.django_db
ACTOR = system_actor("test")


@pytest.fixture
def center(manager):
    return manager.staff.center


@pytest.fixture
def township():
    return CenterFactory(code="QC-CG", name="城关镇便民服务中心", level=Center.Level.TOWNSHIP)


@pytest.fixture
def food(market_department):
    return make_item("11519901FOOD000001", department=market_department, name="食品经营许可（新办）")


def _page(client, name, *args, **params):
    response = client.get(reverse(f"backoffice:{name}", args=args), params)
    assert response.status_code == 200, response.content.decode()[:500]
    return response.content.decode()


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# Who may see and change the organisation


def test_a_clerk_or_an_approver_is_refused_every_org_page_and_every_org_post(
    client, clerk, approver, manager, market_department, market_window, food
):
    profile = manager.staff
    pages = [
        reverse("backoffice:org_departments"),
        reverse("backoffice:org_department_new"),
        reverse("backoffice:org_department", args=[market_department.pk]),
        reverse("backoffice:org_windows"),
        reverse("backoffice:org_window_new"),
        reverse("backoffice:org_window", args=[market_window.pk]),
        reverse("backoffice:org_staff"),
        reverse("backoffice:org_staff_new"),
        reverse("backoffice:org_staff_member", args=[profile.pk]),
    ]
    posts = [
        (reverse("backoffice:org_department_new"), {"code": "NEW", "name": "新部门", "nature": "法定机关"}),
        (reverse("backoffice:org_department", args=[market_department.pk]), {"code": "X", "name": "改名"}),
        (reverse("backoffice:org_stationing", args=[market_department.pk]), {"moved_in": "on"}),
        (reverse("backoffice:org_window_new"), {"number": "99", "name": "新窗口", "kind": "comprehensive"}),
        (reverse("backoffice:org_window", args=[market_window.pk]), {"number": "01", "name": "改名"}),
        (reverse("backoffice:org_window_active", args=[market_window.pk]), {"active": "0"}),
        (reverse("backoffice:org_staff_new"), {"username": "x", "display_name": "某", "roles": ["center_manager"]}),
        (reverse("backoffice:org_staff_member", args=[profile.pk]), {"username": "manager", "roles": ["supervisor"]}),
        (reverse("backoffice:org_staff_phone", args=[profile.pk]), {}),
        (reverse("backoffice:item_stationing", args=[food.pk]), {"moved_in": "on"}),
    ]
    entries = AuditEntry.objects.count()
    for user in (clerk, approver):
        client.force_login(user)
        for url in pages:
            response = client.get(url)
            assert response.status_code == 403, url
            assert "需要以下角色之一" in response.content.decode(), url
        for url, data in posts:
            assert client.post(url, data).status_code == 403, url
    assert AuditEntry.objects.count() == entries
    market_window.refresh_from_db()
    assert market_window.active and market_window.name == "市场准入窗口"


def test_a_supervisor_reads_the_org_pages_but_may_not_change_them(client, supervisor, market_window, market_department):
    client.force_login(supervisor)
    for name in ["org_departments", "org_windows", "org_staff"]:
        page = _page(client, name)
        assert "编辑" not in page and "新建" not in page and "新增" not in page
    assert "市场准入窗口" in _page(client, "org_windows")
    assert client.get(reverse("backoffice:org_window_new")).status_code == 403
    refused = client.post(reverse("backoffice:org_window_active", args=[market_window.pk]), {"active": "0"})
    assert refused.status_code == 403
    assert "需要以下角色之一：中心管理人员" in refused.content.decode()


def test_the_nav_shows_the_org_pages_to_managers_only(client, manager, clerk):
    client.force_login(manager)
    home = _page(client, "home")
    for url in ["org_departments", "org_windows", "org_staff"]:
        assert reverse(f"backoffice:{url}") in home
    client.force_login(clerk)
    assert reverse("backoffice:org_staff") not in _page(client, "home")


def test_a_window_or_staff_member_of_another_center_is_not_found(client, manager, township):
    window = WindowFactory(center=township, number="01", name="综合受理窗口")
    other = make_staff("yangfan", Role.CENTER_MANAGER, center=township)
    client.force_login(manager)
    missing = client.get(reverse("backoffice:org_window", args=[window.pk]))
    assert missing.status_code == 404
    assert "窗口不存在" in missing.content.decode()
    assert client.get(reverse("backoffice:org_staff_member", args=[other.staff.pk])).status_code == 404
    assert client.post(reverse("backoffice:org_staff_phone", args=[other.staff.pk])).status_code == 404
    assert "综合受理窗口" not in _page(client, "org_windows")
    assert "yangfan" not in _page(client, "org_staff")


# 部门与进驻


def test_the_department_page_lists_departments_with_their_stationing_and_item_counts(
    client, manager, center, market_department, housing_department, food
):
    services.set_stationing(
        center=center,
        department=market_department,
        moved_in=True,
        authorised=False,
        section_name="行政审批股",
        actor=ACTOR,
    )
    catalog_services.set_item_stationing(
        item=food, center=center, moved_in=True, authorised=False, windows=[], actor=ACTOR
    )
    client.force_login(manager)
    response = client.get(reverse("backoffice:org_departments"))
    page = response.content.decode()
    for text in ["QCSCJG", "清川县市场监督管理局", "法定机关", "行政审批股", "QCZJJ", "未登记"]:
        assert text in page
    rows = {row.department.code: row for row in response.context["rows"]}
    assert (rows["QCSCJG"].items, rows["QCSCJG"].moved_in, rows["QCSCJG"].authorised) == (1, 1, 0)
    assert rows["QCSCJG"].stationing.authorised is False
    assert rows["QCZJJ"].stationing is None and rows["QCZJJ"].items == 0


def test_the_moved_in_and_authorised_rates_are_computed_for_a_small_known_setup(
    client, manager, center, township, market_department, housing_department
):
    def item(code, department=market_department, **kwargs):
        return make_item(f"11519901RATE{code}", department=department, **kwargs)

    def station(it, at=center, *, moved_in, authorised):
        catalog_services.set_item_stationing(
            item=it, center=at, moved_in=moved_in, authorised=authorised, windows=[], actor=ACTOR
        )

    station(item("A"), moved_in=True, authorised=True)
    station(item("B"), moved_in=True, authorised=False)
    station(item("C"), moved_in=False, authorised=True)  # authorised but not in the hall: decided elsewhere
    item("D", department=housing_department)  # nothing recorded
    station(item("G"), at=township, moved_in=True, authorised=True)  # another center's hall
    station(item("E", publish=False), moved_in=True, authorised=True)  # a draft is not in force
    cancelled = item("F")
    station(cancelled, moved_in=True, authorised=True)
    catalog_services.change_status(item=cancelled, move="cancel", reason="并入其他事项", actor=ACTOR)

    assert catalog_selectors.moved_in_rate(center) == catalog_selectors.Rate(2, 5)
    assert catalog_selectors.authorised_rate(center) == catalog_selectors.Rate(1, 5)
    assert catalog_selectors.moved_in_rate(center).percent == 40.0
    assert catalog_selectors.moved_in_rate(township) == catalog_selectors.Rate(1, 5)
    client.force_login(manager)
    response = client.get(reverse("backoffice:org_departments"))
    page = response.content.decode()
    assert '<span class="stat" data-figure="moved_in">40%</span>' in page
    assert '<span class="stat" data-figure="authorised">20%</span>' in page
    assert "2 / 5 个事项进驻大厅办理" in page and "1 / 5 个事项在大厅审批决定" in page
    rows = {row.department.code: row for row in response.context["rows"]}
    assert (rows["QCSCJG"].items, rows["QCSCJG"].moved_in, rows["QCSCJG"].authorised) == (4, 2, 1)
    assert (rows["QCZJJ"].items, rows["QCZJJ"].moved_in, rows["QCZJJ"].authorised) == (1, 0, 0)


def test_the_rates_show_a_dash_when_there_are_no_items(client, manager):
    client.force_login(manager)
    assert '<span class="stat" data-figure="moved_in">—</span>' in _page(client, "org_departments")


def test_the_department_page_costs_the_same_queries_for_two_departments_or_twenty(
    client, manager, center, django_assert_max_num_queries
):
    def department(n):
        dept = DepartmentFactory(code=f"D{n:03d}", name=f"清川县测试局{n:03d}")
        services.set_stationing(center=center, department=dept, moved_in=True, authorised=n % 2 == 0, actor=ACTOR)
        catalog_services.set_item_stationing(
            item=make_item(f"11519901DEPT{n:06d}", department=dept),
            center=center,
            moved_in=True,
            authorised=True,
            windows=[],
            actor=ACTOR,
        )

    client.force_login(manager)
    url = reverse("backoffice:org_departments")
    for n in range(2):
        department(n)
    few = _queries(client, url)
    assert few <= 10
    for n in range(2, 20):
        department(n)
    with django_assert_max_num_queries(few):
        assert client.get(url).status_code == 200


def test_a_manager_creates_a_department_and_is_sent_to_record_its_stationing(client, manager):
    client.force_login(manager)
    response = client.post(
        reverse("backoffice:org_department_new"),
        {"code": "QCSWJ", "name": "国家税务总局清川县税务局", "short_name": "税务局", "nature": "法定机关"},
        follow=True,
    )
    page = response.content.decode()
    assert "部门已创建" in page and "清川县政务服务中心的进驻情况" in page
    entry = AuditEntry.objects.get(action="org.department.created")
    assert entry.changes["code"] == [None, "QCSWJ"]
    assert entry.actor_id == manager.pk


def test_a_duplicate_department_code_is_refused_next_to_the_code_field(client, manager, market_department):
    client.force_login(manager)
    response = client.post(
        reverse("backoffice:org_department_new"), {"code": "QCSCJG", "name": "另一个局", "nature": "法定机关"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["code"] == ["部门编码「QCSCJG」已存在"]
    assert not AuditEntry.objects.filter(action="org.department.created").exists()


def test_editing_a_departments_stationing_writes_an_audit_entry_with_the_changed_fields(
    client, manager, center, market_department
):
    services.set_stationing(
        center=center,
        department=market_department,
        moved_in=True,
        authorised=False,
        section_name="行政审批股",
        actor=ACTOR,
    )
    client.force_login(manager)
    form = _page(client, "org_department", market_department.pk)
    assert 'value="行政审批股"' in form
    response = client.post(
        reverse("backoffice:org_stationing", args=[market_department.pk]),
        {"moved_in": "on", "authorised": "on", "section_name": "行政审批科", "note": ""},
        follow=True,
    )
    assert "清川县市场监督管理局的进驻情况已保存" in response.content.decode()
    stationing = Stationing.objects.get(center=center, department=market_department)
    assert stationing.authorised and stationing.section_name == "行政审批科"
    entry = history(stationing).last()
    assert entry.action == "org.stationing.set"
    assert entry.changes == {"authorised": [False, True], "section_name": ["行政审批股", "行政审批科"]}
    assert (entry.actor_id, entry.actor_role, entry.client_ip) == (manager.pk, "center_manager", "127.0.0.1")


def test_renaming_a_department_keeps_its_stationing(client, manager, market_department):
    client.force_login(manager)
    response = client.post(
        reverse("backoffice:org_department", args=[market_department.pk]),
        {"code": "QCSCJG", "name": "清川县市场监管局", "short_name": "市场监管局", "nature": "法定机关"},
        follow=True,
    )
    assert "部门信息已保存" in response.content.decode()
    market_department.refresh_from_db()
    assert market_department.name == "清川县市场监管局"
    assert history(market_department).last().changes == {"name": ["清川县市场监督管理局", "清川县市场监管局"]}


# 窗口


def test_the_windows_page_groups_windows_by_floor_and_area_with_departments_and_staff(
    client, manager, clerk, market_window, market_department, housing_department, center
):
    upstairs = WindowFactory(center=center, number="14", name="住房和城乡建设窗口", location="二楼A区14号")
    upstairs.departments.add(housing_department)
    services.set_window_active(window=upstairs, active=False, actor=ACTOR)
    WindowFactory(center=center, number="30", name="临时窗口", location="")
    client.force_login(manager)
    response = client.get(reverse("backoffice:org_windows"))
    groups = [(g.area, [w.number for w in g.windows]) for g in response.context["groups"]]
    assert groups == [("一楼A区", ["01"]), ("二楼A区", ["14"]), ("", ["30"])]
    page = response.content.decode()
    shown = ["市场准入窗口", "综合窗口", "一楼A区", "市场监管局", "clerk", "住建局", "已停用", "未填写位置", "未配备"]
    assert all(text in page for text in shown)


def test_the_windows_page_costs_the_same_queries_for_two_windows_or_twenty(
    client, manager, center, market_department, django_assert_max_num_queries
):
    def window(n):
        made = WindowFactory(center=center, number=f"{n + 10:02d}", location=f"{'一二'[n % 2]}楼A区")
        made.departments.add(market_department, DepartmentFactory())
        make_staff(f"w{n}", Role.WINDOW_CLERK, windows=[made])

    client.force_login(manager)
    url = reverse("backoffice:org_windows")
    for n in range(2):
        window(n)
    few = _queries(client, url)
    assert few <= 8
    for n in range(2, 20):
        window(n)
    with django_assert_max_num_queries(few):
        assert client.get(url).status_code == 200


def test_a_manager_creates_a_window_serving_two_departments(
    client, manager, center, market_department, housing_department
):
    client.force_login(manager)
    response = client.post(
        reverse("backoffice:org_window_new"),
        {
            "number": "11",
            "name": "工程建设项目综合受理窗口",
            "kind": "comprehensive",
            "location": "二楼A区11号",
            "departments": [market_department.pk, housing_department.pk],
            "active": "on",
        },
        follow=True,
    )
    assert "11号 工程建设项目综合受理窗口已保存" in response.content.decode()
    window = Window.objects.get(center=center, number="11")
    assert set(window.departments.all()) == {market_department, housing_department}
    entry = history(window).get()
    assert entry.action == "org.window.created"
    assert entry.changes["departments"] == [None, ["QCSCJG", "QCZJJ"]]
    assert entry.actor_id == manager.pk
    assert [g.area for g in response.context["groups"]] == ["二楼A区"]


def test_a_professional_window_without_departments_is_refused_next_to_the_departments(client, manager):
    client.force_login(manager)
    response = client.post(
        reverse("backoffice:org_window_new"), {"number": "16", "name": "不动产窗口", "kind": "professional"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["departments"] == ["专业窗口须指定服务部门"]
    assert "专业窗口须指定服务部门" in response.content.decode()
    assert not Window.objects.filter(number="16").exists()


def test_editing_a_window_shows_its_departments_ticked_and_saves_the_change(
    client, manager, market_window, housing_department
):
    client.force_login(manager)
    form = _page(client, "org_window", market_window.pk)
    assert 'value="01"' in form and "checked" in form
    client.post(
        reverse("backoffice:org_window", args=[market_window.pk]),
        {
            "number": "01",
            "name": "市场准入窗口",
            "kind": "comprehensive",
            "location": "一楼A区",
            "departments": [housing_department.pk],
            "active": "on",
        },
    )
    assert list(market_window.departments.all()) == [housing_department]
    assert history(market_window).last().changes == {"departments": [["QCSCJG"], ["QCZJJ"]]}


def test_a_manager_closes_and_reopens_a_window(client, manager, market_window):
    client.force_login(manager)
    url = reverse("backoffice:org_window_active", args=[market_window.pk])
    response = client.post(url, {"active": "0"}, follow=True)
    assert "01号 市场准入窗口已停用" in response.content.decode()
    market_window.refresh_from_db()
    assert not market_window.active
    client.post(url, {"active": "1"})
    market_window.refresh_from_db()
    assert market_window.active
    assert [e.changes for e in history(market_window)] == [{"active": [True, False]}, {"active": [False, True]}]


# 工作人员


def test_the_staff_list_shows_roles_departments_windows_employment_and_a_masked_phone(client, manager, chief, clerk):
    User.objects.filter(username="clerk").update(phone="13912345678", display_name="李晓梅")
    client.force_login(manager)
    page = _page(client, "org_staff")
    assert "139****5678" in page and "13912345678" not in page
    for text in ["李晓梅", "clerk", "窗口人员", "首席代表", "审批人员", "市场监管局", "01号", "行政编", "显示完整号码"]:
        assert text in page


def test_the_staff_list_filters_by_role_department_and_window(
    client, manager, clerk, approver, other_department_clerk, market_department, market_window
):
    client.force_login(manager)

    def listed(**params):
        return {p.user.username for p in client.get(reverse("backoffice:org_staff"), params).context["page"]}

    assert listed() == {"manager", "clerk", "approver", "otherclerk"}
    assert listed(role="window_clerk") == {"clerk", "otherclerk"}
    assert listed(department=market_department.pk) == {"approver"}
    assert listed(window=market_window.pk) == {"clerk"}
    assert listed(role="approver", window=market_window.pk) == set()
    for nonsense in [{"department": "9" * 30}, {"window": "²"}, {"role": "boss"}, {"page": "abc"}]:
        assert client.get(reverse("backoffice:org_staff"), nonsense).status_code == 200


def test_the_staff_list_costs_the_same_queries_for_two_staff_or_twenty(
    client, manager, market_department, market_window, django_assert_max_num_queries
):
    def person(n):
        make_staff(f"s{n:02d}", Role.WINDOW_CLERK, Role.APPROVER, department=market_department, windows=[market_window])
        User.objects.filter(username=f"s{n:02d}").update(phone=f"139{n:08d}")

    client.force_login(manager)
    url = reverse("backoffice:org_staff") + f"?role=window_clerk&department={market_department.pk}"
    for n in range(2):
        person(n)
    few = _queries(client, url)
    assert few <= 12
    for n in range(2, 20):
        person(n)
    with django_assert_max_num_queries(few):
        assert client.get(url).status_code == 200


def test_revealing_a_phone_returns_the_full_number_and_logs_who_read_it(client, manager, clerk):
    User.objects.filter(username="clerk").update(phone="13912345678")
    profile = StaffProfile.objects.get(user__username="clerk")
    client.force_login(manager)
    response = client.post(reverse("backoffice:org_staff_phone", args=[profile.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "13912345678" in response.content.decode()
    assert "<html" not in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    entry = AuditEntry.objects.get(action="core.personal_data.revealed")
    assert (entry.object_type, entry.object_id) == ("org.staffprofile", str(profile.pk))
    assert (entry.actor_id, entry.actor_name, entry.actor_role) == (manager.pk, "manager", "center_manager")
    assert entry.changes == {"field": "phone", "purpose": "工作联系"}
    assert "13912345678" not in str(entry.changes)


def test_revealing_a_phone_without_javascript_shows_a_page_and_a_get_is_not_allowed(client, supervisor, clerk):
    User.objects.filter(username="clerk").update(phone="13912345678")
    profile = StaffProfile.objects.get(user__username="clerk")
    client.force_login(supervisor)
    url = reverse("backoffice:org_staff_phone", args=[profile.pk])
    assert client.get(url).status_code == 405
    page = client.post(url).content.decode()
    assert "13912345678" in page and "返回工作人员列表" in page
    assert AuditEntry.objects.get(action="core.personal_data.revealed").actor_role == "supervisor"


def test_creating_a_clerk_without_a_window_shows_the_chinese_error_and_writes_nothing(client, manager):
    client.force_login(manager)
    users, entries = User.objects.count(), AuditEntry.objects.count()
    response = client.post(
        reverse("backoffice:org_staff_new"),
        {
            "username": "zhangsan",
            "display_name": "张三",
            "employment": "contract",
            "roles": ["window_clerk"],
            "phone": "13800000000",
            "password": "chuangkou-2026",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["windows"] == ["窗口人员须至少分配一个窗口"]
    page = response.content.decode()
    assert "窗口人员须至少分配一个窗口" in page and "未保存" in page
    assert (User.objects.count(), AuditEntry.objects.count()) == (users, entries)


def test_a_manager_creates_a_clerk_who_can_log_in_with_the_initial_password(client, manager, center, market_window):
    client.force_login(manager)
    response = client.post(
        reverse("backoffice:org_staff_new"),
        {
            "username": "zhangsan",
            "display_name": "张三",
            "employment": "contract",
            "roles": ["window_clerk"],
            "windows": [market_window.pk],
            "phone": "13800001111",
            "password": "chuangkou-2026",
        },
        follow=True,
    )
    assert "已保存工作人员张三" in response.content.decode()
    profile = StaffProfile.objects.get(user__username="zhangsan")
    assert profile.center == center and list(profile.windows.all()) == [market_window]
    entry = history(profile).get()
    assert entry.action == "org.staff.created" and entry.changes["phone"] == [None, "138****1111"]
    client.logout()
    assert client.login(username="zhangsan", password="chuangkou-2026")


def test_a_too_short_password_is_refused_next_to_the_password_field(client, manager):
    client.force_login(manager)
    response = client.post(
        reverse("backoffice:org_staff_new"),
        {"username": "zhouhong", "display_name": "周虹", "employment": "administrative", "roles": ["supervisor"],
         "password": "123"},
    )  # fmt: skip
    assert response.context["form"].errors["password"] == ["密码太短，至少需要8个字符"]
    assert not User.objects.filter(username="zhouhong").exists()


def test_the_edit_page_never_shows_the_full_phone_and_an_empty_field_keeps_it(client, manager, clerk, market_window):
    User.objects.filter(username="clerk").update(phone="13912345678")
    profile = StaffProfile.objects.get(user__username="clerk")
    client.force_login(manager)
    form = _page(client, "org_staff_member", profile.pk)
    assert "13912345678" not in form and "139****5678（留空则不修改）" in form
    response = client.post(
        reverse("backoffice:org_staff_member", args=[profile.pk]),
        {
            "username": "clerk",
            "display_name": "李晓梅",
            "employment": "institutional",
            "roles": ["window_clerk"],
            "windows": [market_window.pk],
            "phone": "",
        },
        follow=True,
    )
    assert "已保存工作人员李晓梅" in response.content.decode()
    profile.refresh_from_db()
    assert profile.user.phone == "13912345678" and profile.employment == "institutional"
    assert "phone" not in history(profile).last().changes


# 事项进驻 on the item page


def test_a_manager_records_the_items_stationing_on_the_item_page(client, manager, center, food, market_window):
    client.force_login(manager)
    page = _page(client, "item", food.pk)
    assert "尚未登记进驻情况" in page and "登记清川县政务服务中心的进驻情况" in page
    assert "01号 市场准入窗口" in page
    response = client.post(
        reverse("backoffice:item_stationing", args=[food.pk]),
        {"moved_in": "on", "authorised": "on", "windows": [market_window.pk], "note": "食品类事项"},
    )
    assert response.status_code == 302 and response["Location"].endswith("#stationing")
    stationing = ItemStationing.objects.get(item=food, center=center)
    assert stationing.moved_in and stationing.authorised and list(stationing.windows.all()) == [market_window]
    entry = history(food).last()
    assert entry.action == "catalog.item.stationing_set"
    assert entry.changes["center"] == "QC" and entry.changes["windows"] == [None, ["01"]]
    page = _page(client, "item", food.pk)
    assert "事项进驻情况已保存" in page and "登记进驻情况" in page and "食品类事项" in page


def test_a_window_that_no_longer_serves_the_department_is_refused_with_the_reason(
    client, manager, center, food, market_window, other_department_clerk
):
    housing_window = Window.objects.get(number="12")
    # Recorded before the window stopped serving the market department: it is listed, so it can be removed.
    stale = ItemStationing.objects.create(item=food, center=center)
    stale.windows.set([housing_window])
    client.force_login(manager)
    response = client.post(
        reverse("backoffice:item_stationing", args=[food.pk]),
        {"moved_in": "on", "windows": [market_window.pk, housing_window.pk]},
    )
    assert response.status_code == 200
    message = "12号 建设窗口不受理清川县市场监督管理局的事项；请先在窗口管理中为该窗口添加此部门"
    assert response.context["stationing_form"].errors["windows"] == [message]
    assert list(stale.windows.all()) == [housing_window]


def test_a_clerk_sees_the_items_stationing_but_no_form(client, clerk, center, food, market_window):
    catalog_services.set_item_stationing(
        item=food, center=center, moved_in=True, authorised=False, windows=[market_window], actor=ACTOR
    )
    client.force_login(clerk)
    page = _page(client, "item", food.pk)
    assert "事项进驻情况" in page and "01号 市场准入窗口" in page
    assert reverse("backoffice:item_stationing", args=[food.pk]) not in page


@pytest.fixture
def english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/manage/"})
    yield
    # The last request's language stays active on this thread; later tests outside a request expect Chinese.
    translation.activate(settings.LANGUAGE_CODE)


def test_the_org_pages_are_available_in_english(client, manager, clerk, market_window, english):
    User.objects.filter(username="clerk").update(phone="13912345678")
    client.force_login(manager)
    departments = _page(client, "org_departments")
    assert "Stationing rate" in departments and "Delegation rate" in departments
    assert "Departments & stationing" in departments
    windows = _page(client, "org_windows")
    assert "<h1>Windows</h1>" in windows and "1 window" in windows
    staff = _page(client, "org_staff")
    assert "Show full number" in staff and "4 staff members" not in staff and "2 staff members" in staff
