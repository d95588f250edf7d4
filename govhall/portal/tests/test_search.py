import re

import pytest

from govhall.portal.tests.conftest import Catalog
from govhall.testing.factories import make_item

pytestmark = pytest.mark.django_db


def result_names(html: str) -> list[str]:
    return re.findall(r'class="guide-row-name" href="[^"]+">([^<]+)</a>', html)


def test_searching_a_chinese_keyword_finds_the_food_business_licence(client, catalog: Catalog):
    response = client.get("/guides/search", {"q": "食品"})
    assert response.status_code == 200
    assert result_names(response.content.decode()) == ["食品经营许可（新办）"]


def test_searching_separate_chinese_words_ranks_the_item_with_both_first(client, catalog: Catalog):
    names = result_names(client.get("/guides/search", {"q": "食品 许可"}).content.decode())
    assert names[0] == "食品经营许可（新办）"
    assert "建筑工程施工许可证核发" in names


def test_searching_pinyin_initials_finds_the_business_licence_and_not_an_unrelated_item(client, catalog: Catalog):
    html = client.get("/guides/search", {"q": "yyzz"}).content.decode()
    names = result_names(html)
    assert names == ["营业执照遗失补领"]
    assert "建筑工程施工许可证核发" not in html
    assert "食品经营许可" not in html
    assert f'href="/guides/{catalog.lost_licence.code}/"' in html


def test_pinyin_initials_are_case_insensitive(client, catalog: Catalog):
    assert result_names(client.get("/guides/search", {"q": "YYZZ"}).content.decode()) == ["营业执照遗失补领"]


def test_latin_letters_in_an_item_name_are_found_as_written(client, catalog: Catalog):
    make_item("11519901QCSCJG0009", department=catalog.market, name="ICP许可证核发")
    assert result_names(client.get("/guides/search", {"q": "icp"}).content.decode()) == ["ICP许可证核发"]


def test_each_hit_shows_department_case_type_limit_visits_and_online_depth(client, catalog: Catalog):
    html = client.get("/guides/search", {"q": "食品"}).content.decode()
    for text in ["清川县市场监督管理局", "承诺件", "5个工作日", "1次", "最多跑一次", "三级：网上预审"]:
        assert text in html, text


def test_search_never_shows_drafts_or_cancelled_items(client, catalog: Catalog):
    assert result_names(client.get("/guides/search", {"q": "药品零售"}).content.decode()) == []
    assert "营业执照原件遗失登报" not in client.get("/guides/search", {"q": "营业执照"}).content.decode()


def test_an_empty_search_suggests_what_to_type(client, catalog: Catalog):
    html = client.get("/guides/search").content.decode()
    assert "请输入要办理的事项" in html
    for example in ["营业执照", "yyzz", "结婚登记"]:
        assert example in html
    assert result_names(html) == []


def test_a_search_without_results_says_so_and_offers_suggestions(client, catalog: Catalog):
    html = client.get("/guides/search", {"q": "火星移民"}).content.decode()
    assert "未找到与「火星移民」相关的事项" in html
    assert "?q=yyzz" in html
    assert "12345" in html


def test_search_can_be_narrowed_to_persons(client, catalog: Catalog):
    names = result_names(client.get("/guides/search", {"q": "登记", "for": "person"}).content.decode())
    assert set(names) == {"内地居民结婚登记", "存量房买卖转移登记"}


def test_the_search_query_is_escaped(client, catalog: Catalog):
    html = client.get("/guides/search", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_the_search_page_without_a_trailing_slash_is_the_same_page(client, catalog: Catalog):
    assert client.get("/guides/search/", {"q": "yyzz"}).status_code == 200


def test_search_results_are_read_in_one_query(client, catalog: Catalog, django_assert_max_num_queries):
    for n in range(12):
        make_item(f"11519901QCSCJG01{n:02d}", department=catalog.market, name=f"食品小作坊登记{n}")
    with django_assert_max_num_queries(1):
        html = client.get("/guides/search", {"q": "食品"}).content.decode()
    assert len(result_names(html)) == 13
