import pytest

from govhall.backoffice.tests.builders import workbook_bytes
from govhall.catalog.models import ItemVersion, ServiceItem
from govhall.testing.browser import login, screenshot
from govhall.testing.factories import PASSWORD, make_item

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def items(market_department, housing_department):
    food = make_item("11519901FOOD000001", department=market_department, name="食品经营许可（新办）")
    make_item("11519901BUILD00001", department=housing_department, name="建筑工程施工许可证核发", steps=[])
    make_item("11519901SMALL00001", department=market_department, name="小餐饮登记", publish=False)
    return food


def test_a_manager_edits_an_item_and_publishes_version_2(page, live_server, manager, items):
    page.goto(f"{live_server.url}/manage/")
    screenshot(page, "backoffice-login")
    login(page, live_server.url, "manager", PASSWORD)
    assert "manager，您好" in page.text_content("h1")
    screenshot(page, "backoffice-home")

    page.click("text=事项管理 >> nth=0")
    page.wait_for_selector("table.bo-items")
    assert page.locator("table.bo-items tbody tr").count() == 3
    screenshot(page, "backoffice-catalog-list")
    page.fill("#id_q", "spjy")
    page.wait_for_function("document.querySelectorAll('table.bo-items tbody tr').length === 1")
    assert "食品经营许可（新办）" in page.text_content("table.bo-items")
    assert "spjy" in page.url

    page.click("table.bo-items >> text=食品经营许可（新办）")
    page.wait_for_selector("text=操作记录")
    screenshot(page, "backoffice-item")

    page.click("a:has-text('编辑')")
    page.wait_for_selector("form.bo-editor")
    page.fill("#id_promised_limit", "30")
    page.click("button:has-text('保存草稿')")
    page.wait_for_selector(".bo-invalid #id_promised_limit")
    assert "不得超过法定办结时限" in page.text_content(".bo-invalid:has(#id_promised_limit)")
    screenshot(page, "backoffice-editor-error")

    page.fill("#id_promised_limit", "4")
    page.click("button:has-text('添加申请材料')")
    page.fill("#id_materials-2-name", "营业执照")
    page.select_option("#id_materials-2-form", "copy")
    page.fill("#id_change_note", "承诺时限压缩为4个工作日，增加营业执照")
    screenshot(page, "backoffice-catalog-editor")
    page.click("button:has-text('保存草稿')")
    page.wait_for_selector("text=草稿已保存（第2版）")
    screenshot(page, "backoffice-item-draft")

    page.click("text=对比现行版本")
    page.wait_for_selector("table.bo-diff")
    assert "营业执照" in page.text_content("main")
    screenshot(page, "backoffice-compare")
    page.go_back()

    page.on("dialog", lambda dialog: dialog.accept())
    page.click("button:has-text('发布草稿')")
    page.wait_for_selector("text=已发布第2版")
    assert "第2版" in page.text_content("table.kv")
    screenshot(page, "backoffice-item-published")

    items.refresh_from_db()
    assert items.current_version.number == 2
    assert items.current_version.promised_limit == 4
    assert [m.name for m in items.current_version.materials.all()][-1] == "营业执照"
    assert ItemVersion.objects.get(item=items, number=1).promised_limit == 5


def test_a_manager_creates_a_new_item_in_the_browser(page, live_server, manager, market_department):
    login(page, live_server.url, "manager", PASSWORD)
    page.goto(f"{live_server.url}/manage/catalog/new/")
    page.fill("#id_code", "11519901NEW0000001")
    page.fill("#id_basic_code", "000201234000")
    page.select_option("#id_department", label="清川县市场监督管理局")
    page.fill("#id_name", "个体工商户登记")
    page.select_option("#id_item_type", "行政许可")
    page.select_option("#id_case_type", "即办件")
    page.fill("#id_legal_limit", "15")
    page.fill("#id_promised_limit", "0")
    screenshot(page, "backoffice-item-new")
    page.click("button:has-text('保存草稿')")
    page.wait_for_selector("text=事项已创建")
    assert ServiceItem.objects.get(code="11519901NEW0000001").status == ServiceItem.Status.DRAFT


def test_the_calendar_page_in_the_browser(page, live_server, manager):
    login(page, live_server.url, "manager", PASSWORD)
    page.goto(f"{live_server.url}/manage/calendar/?year=2026")
    assert page.locator(".bo-day-adjusted").count() > 0
    screenshot(page, "backoffice-calendar-2026")
    page.select_option("#id_year", "2027")
    page.wait_for_selector("text=2027 年尚无官方节假日安排")
    page.fill("#id_text", "# year: 2027\n# source: 测试\n2027-02-30,休,春节\n")
    page.click("button:has-text('校验并导入')")
    page.wait_for_selector(".bo-problems")
    screenshot(page, "backoffice-calendar-2027")


def test_the_excel_page_in_the_browser(page, live_server, manager, items):
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    login(page, live_server.url, "manager", PASSWORD)
    page.goto(f"{live_server.url}/manage/catalog/excel/")
    screenshot(page, "backoffice-excel")
    bad = workbook_bytes(承诺办结时限=99, 办件类型="加急件")
    page.set_input_files("#id_workbook", {"name": "catalog.xlsx", "mimeType": xlsx, "buffer": bad})
    page.click("button:has-text('上传')")
    page.wait_for_selector(".bo-problems")
    assert page.locator(".bo-problems tbody tr").count() == 2
    screenshot(page, "backoffice-excel-problems")
    good = workbook_bytes(事项名称="建筑工程施工许可证核发（含变更）")
    page.set_input_files("#id_workbook", {"name": "catalog.xlsx", "mimeType": xlsx, "buffer": good})
    page.click("button:has-text('上传')")
    page.wait_for_selector("text=校验通过（未导入）")
    screenshot(page, "backoffice-excel-report")


def test_a_clerk_sees_the_refusal_page(page, live_server, clerk, items):
    login(page, live_server.url, "clerk", PASSWORD)
    screenshot(page, "backoffice-home-clerk")
    page.goto(f"{live_server.url}/manage/catalog/{items.pk}/edit/")
    assert "需要以下角色之一" in page.text_content("main")
    screenshot(page, "backoffice-403")


def test_a_manager_switches_the_staff_pages_to_english(page, live_server, manager, items):
    login(page, live_server.url, "manager", PASSWORD)
    page.goto(f"{live_server.url}/manage/catalog/{items.pk}/")
    with page.expect_navigation():
        page.select_option("select[name=language]", "en")
    assert "History" in page.text_content("main")
    screenshot(page, "backoffice-item-en")
