"""The portal in English: chosen with the language switcher, Chinese otherwise; data (names, laws) stays Chinese."""

from django.test import Client

from govhall.portal.tests.conftest import Catalog
from govhall.testing.browser import screenshot
from govhall.testing.factories import CenterFactory, make_item

# Interface labels that must not survive in the English pages (none of them occurs in the test data).
CHINESE_LABELS = [
    "办事指南",
    "个人办事",
    "法人办事",
    "事项搜索",
    "法定办结时限",
    "承诺办结时限",
    "办件类型",
    "即办件",
    "承诺件",
    "到现场次数",
    "最多跑一次",
    "收费标准",
    "窗口人员",
    "工作人员登录",
]


def english(client: Client) -> Client:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


def fetch(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def assert_no_chinese_labels(html: str) -> None:
    left = [label for label in CHINESE_LABELS if label in html]
    assert not left, f"untranslated: {left}"


def test_chinese_is_the_default_even_for_an_english_browser(client, catalog: Catalog):
    for headers in ({}, {"HTTP_ACCEPT_LANGUAGE": "en"}):
        home = client.get("/", **headers).content.decode()
        assert '<html lang="zh-hans">' in home
        assert "办事指南" in home and "个人办事" in home
        assert "Service guides" not in home and "Individual services" not in home
    guide = fetch(client, f"/guides/{catalog.lost_licence.code}/")
    assert "法定办结时限" in guide and "Legal time limit" not in guide
    # Each language is offered in its own name, whatever the page's language.
    assert '<option value="en" lang="en">English</option>' in home and "英语" not in home


def test_the_home_page_in_english(client, catalog: Catalog):
    home = fetch(english(client), "/")
    assert '<html lang="en">' in home
    for text in [
        "Service guides",
        "Individual services",
        "Legal entity services",
        "Departments",
        "Most requested",
        "Complaints and reports",
        "Completed on the spot",
        "Immediate case",
        "5 working days",
        "Staff login",
    ]:
        assert text in home, text
    assert "营业执照遗失补领" in home  # item names are data
    assert_no_chinese_labels(home)


def test_the_search_page_in_english(client, catalog: Catalog):
    results = fetch(english(client), "/guides/search?q=yyzz")
    for text in [
        "Search",
        "Found 1 item related to “yyzz”",
        "营业执照遗失补领",
        "Applicable to: Legal entity",
        "Case type",
        "Promised time limit",
        "Online service level",
        "Level 4 (fully online)",
    ]:
        assert text in results, text
    assert_no_chinese_labels(results)
    none = fetch(client, "/guides/search?q=火星移民")
    assert "No items found for “火星移民”" in none
    assert "Still can't find it? Call the 12345 government service hotline." in none


def test_a_guide_page_in_english(client, market_department):
    CenterFactory()  # the guide falls back on the center's address, hours and phone
    item = make_item(
        "11519901QCSCJG0009",
        department=market_department,
        name="营业执照遗失补领",
        item_type="行政确认",
        legal_basis_set="《中华人民共和国市场主体登记管理条例》第二十二条",
        case_type="即办件",
        legal_limit=15,
        promised_limit=0,
        steps=[{"name": "受理", "role": "window_clerk", "budget_days": 0}],
        special_procedures=[],
        extension_days=0,
    )
    guide = fetch(english(client), f"/guides/{item.code}/")
    for text in [
        "Service guides",
        "Basic information",
        "Implementation code",
        "Administrative confirmation",
        "Immediate case",
        "Legal time limit",
        "15 working days",
        "Promised time limit",
        "Completed on the spot",
        "Acceptance conditions",
        "Application materials",
        "Window clerk",
        "At most one visit",
        "Inquiries and complaints",
        "Print",
    ]:
        assert text in guide, text
    assert "《中华人民共和国市场主体登记管理条例》第二十二条" in guide  # law titles are not translated
    assert "年" not in guide.split('class="guide-version">')[1].split("</p>")[0]  # the date is English too
    assert_no_chinese_labels(guide)


def test_the_staff_login_page_in_english(client, catalog: Catalog):
    login = fetch(english(client), "/manage/login/")
    assert "Staff login" in login and "Password" in login
    assert_no_chinese_labels(login)


def test_the_english_guide_page_in_a_browser(page, live_server, live_catalog: Catalog):
    page.goto(live_server.url + "/")
    with page.expect_navigation():
        page.select_option("select[name=language]", "en")
    assert page.text_content("h1") == "Service guides"
    screenshot(page, "portal-home-en")
    page.goto(f"{live_server.url}/guides/{live_catalog.lost_licence.code}/")
    assert page.text_content("h1") == "营业执照遗失补领"
    assert page.locator("button", has_text="Print").is_visible()
    assert "Legal time limit" in page.text_content(".guide-facts")
    screenshot(page, "portal-guide-en")
