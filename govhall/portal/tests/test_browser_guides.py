"""Applicants' paths through the guides in a real Chromium; the screenshots land in var/screenshots/."""

from govhall.catalog import services
from govhall.core.actors import system_actor
from govhall.portal.tests.conftest import Catalog, publish_new_version
from govhall.testing.browser import screenshot


def test_an_applicant_finds_a_guide_by_pinyin_initials_and_reads_its_materials(
    page, live_server, live_catalog: Catalog
):
    page.goto(live_server.url + "/")
    assert "办事指南" in page.text_content("h1")
    screenshot(page, "portal-home")

    page.fill(".portal-hero input[name=q]", "yyzz")
    page.click(".portal-hero button[type=submit]")
    page.wait_for_url("**/guides/search?q=yyzz")
    assert page.locator(".guide-row-name").all_text_contents() == ["营业执照遗失补领"]
    screenshot(page, "portal-search")

    page.click("text=营业执照遗失补领")
    page.wait_for_url(f"**/guides/{live_catalog.lost_licence.code}/")
    assert page.text_content("h1") == "营业执照遗失补领"
    materials = page.locator("table.materials tbody tr")
    assert materials.count() == 4
    assert "营业执照遗失补领申请书" in materials.first.text_content()
    assert page.locator("button", has_text="打印").is_visible()
    screenshot(page, "portal-guide")

    page.emulate_media(media="print")
    page.set_viewport_size({"width": 700, "height": 990})  # about an A4 page's printable width
    assert not page.locator(".topbar").is_visible()
    assert not page.locator(".guide-toc").is_visible()
    assert page.locator(".print-title").is_visible()
    screenshot(page, "portal-guide-print")


def test_live_search_shows_results_while_typing(page, live_server, live_catalog: Catalog):
    page.goto(live_server.url + "/guides/search")
    assert "请输入要办理的事项" in page.text_content("#results")
    page.locator(".search-panel input[name=q]").press_sequentially("食品", delay=50)
    page.wait_for_selector(".guide-row-name")
    assert page.locator(".guide-row-name").all_text_contents() == ["食品经营许可（新办）"]
    page.wait_for_url("**/guides/search?q=*")
    page.fill(".search-panel input[name=q]", "火星移民")
    page.wait_for_selector(".no-result")
    screenshot(page, "portal-search-none")


def test_the_browse_pages_render(page, live_server, live_catalog: Catalog):
    page.goto(live_server.url + "/guides/enterprise/")
    assert page.locator(".group-title").first.is_visible()
    screenshot(page, "portal-enterprise")
    page.click("text=按部门")
    page.wait_for_url("**/guides/enterprise/?by=department")
    page.goto(live_server.url + "/guides/departments/")
    page.click("text=清川县市场监督管理局")
    page.wait_for_url("**/guides/departments/QCSCJG/")
    screenshot(page, "portal-department")


def test_suspended_and_earlier_versions_are_marked(page, live_server, live_catalog: Catalog):
    food = live_catalog.food
    publish_new_version(food, promised_limit=3, steps=[])
    services.change_status(item=food, move="suspend", reason="法规修订", actor=system_actor("test"))
    page.goto(f"{live_server.url}/guides/{food.code}/v1/")
    assert page.locator(".alert-suspended").is_visible()
    assert "此为历史版本（第1版）" in page.text_content(".alert-history")
    screenshot(page, "portal-guide-history")
    page.click(".alert-history a")
    page.wait_for_url(f"**/guides/{food.code}/")
    assert page.locator(".alert-history").count() == 0


def test_the_guide_and_home_read_on_a_phone(page, live_server, live_catalog: Catalog):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/")
    screenshot(page, "portal-home-phone")
    page.goto(f"{live_server.url}/guides/{live_catalog.property_transfer.code}/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the guide scrolls sideways on a phone ({width}px)"
    screenshot(page, "portal-guide-phone")
