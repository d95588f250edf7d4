import pytest

from govhall.accounts.models import User
from govhall.catalog import services as catalog_services
from govhall.core.actors import system_actor
from govhall.core.models import AuditEntry
from govhall.org import services
from govhall.org.models import Role, StaffProfile, Window
from govhall.testing.browser import login, screenshot
from govhall.testing.factories import PASSWORD, DepartmentFactory, make_item, make_staff

pytestmark = pytest.mark.django_db(transaction=True)
ACTOR = system_actor("test")


@pytest.fixture
def hall(manager, clerk, chief, supervisor, market_department, housing_department, market_window):
    """A small county hall: two floors of windows, three departments, a few stationed items, staff with phones."""
    center = manager.staff.center
    tax = DepartmentFactory(code="QCSWJ", name="国家税务总局清川县税务局", short_name="税务局")
    stationing = [
        (market_department, True, True, "行政审批股"),
        (housing_department, True, False, "行政审批股"),
        (tax, False, False, ""),
    ]
    for department, moved_in, authorised, section in stationing:
        services.set_stationing(
            center=center,
            department=department,
            moved_in=moved_in,
            authorised=authorised,
            section_name=section,
            actor=ACTOR,
        )
    windows = [
        ("02", "企业开办专窗", "comprehensive", "一楼B区02号", [market_department, tax]),
        ("07", "市场监管窗口", "professional", "一楼B区07号", [market_department]),
        ("14", "住房和城乡建设窗口", "professional", "二楼A区14号", [housing_department]),
        ("19", "不动产交易登记税务综合窗口", "comprehensive", "二楼B区19号", [housing_department, tax]),
    ]
    made = {}
    for number, name, kind, location, departments in windows:
        made[number] = services.save_window(
            window=None,
            center=center,
            number=number,
            name=name,
            kind=kind,
            location=location,
            departments=departments,
            actor=ACTOR,
        )
    services.set_window_active(window=made["19"], active=False, actor=ACTOR)
    make_staff("zengping", Role.WINDOW_CLERK, department=housing_department, windows=[made["14"]])
    phones = {"manager": "15826371459", "clerk": "18156076194", "chief": "18869973061", "zengping": "13525265125"}
    for username, phone in phones.items():
        User.objects.filter(username=username).update(phone=phone)
    User.objects.filter(username="clerk").update(display_name="李晓梅")
    User.objects.filter(username="zengping").update(display_name="曾萍")
    food = make_item("11519901FOOD000001", department=market_department, name="食品经营许可（新办）")
    catalog_services.set_item_stationing(
        item=food, center=center, moved_in=True, authorised=True, windows=[market_window, made["07"]], actor=ACTOR
    )
    building = make_item("11519901BUILD00001", department=housing_department, name="建筑工程施工许可证核发")
    catalog_services.set_item_stationing(
        item=building, center=center, moved_in=True, authorised=False, windows=[made["14"]], actor=ACTOR
    )
    make_item("11519901TAX0000001", department=tax, name="税务登记")
    return food


def test_a_manager_reveals_a_phone_on_the_staff_page_and_keeps_the_organisation(page, live_server, manager, hall):
    login(page, live_server.url, "manager", PASSWORD)
    page.click(".mainnav >> text=部门与进驻")
    page.wait_for_selector("table.bo-departments")
    assert page.text_content("[data-figure=moved_in]") == "66.7%"
    assert page.text_content("[data-figure=authorised]") == "33.3%"
    screenshot(page, "backoffice-org-departments")

    page.click(".mainnav a[href='/manage/org/windows/']")
    page.wait_for_selector("table.bo-windows")
    assert page.locator("section.bo-area h2").count() == 4
    screenshot(page, "backoffice-org-windows")

    page.click(".mainnav >> text=工作人员")
    page.wait_for_selector("table.bo-staff")
    clerk = StaffProfile.objects.get(user__username="clerk")
    cell = f"#phone-{clerk.pk}"
    assert page.text_content(cell).split()[0] == "181****6194"
    screenshot(page, "backoffice-org-staff")
    page.click(f"{cell} >> text=显示完整号码")
    page.wait_for_selector(f"{cell}.bo-revealed")
    assert "18156076194" in page.text_content(cell)
    screenshot(page, "backoffice-org-staff-revealed")
    entry = AuditEntry.objects.get(action="core.personal_data.revealed")
    assert (entry.object_id, entry.actor_id) == (str(clerk.pk), manager.pk)

    page.click("text=新增工作人员")
    page.fill("#id_username", "zhangsan")
    page.fill("#id_display_name", "张三")
    page.check("#id_roles input[value=window_clerk]")
    page.click("button:has-text('保存')")
    page.wait_for_selector(".bo-invalid #id_windows")
    assert "窗口人员须至少分配一个窗口" in page.text_content(".bo-invalid:has(#id_windows)")
    screenshot(page, "backoffice-org-staff-error")
    assert not User.objects.filter(username="zhangsan").exists()

    page.goto(f"{live_server.url}/manage/catalog/{hall.pk}/#stationing")
    page.wait_for_selector("form.bo-stationing-form")
    screenshot(page, "backoffice-org-item-stationing")
    assert Window.objects.filter(item_stationings__item=hall).count() == 2
