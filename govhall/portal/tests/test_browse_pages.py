import re

import pytest

from govhall.catalog import services
from govhall.core.actors import system_actor
from govhall.portal.tests.conftest import Catalog
from govhall.testing.factories import DepartmentFactory, make_item, make_theme

pytestmark = pytest.mark.django_db


def result_names(html: str) -> list[str]:
    return re.findall(r'class="guide-row-name" href="[^"]+">([^<]+)</a>', html)


def test_the_home_page_has_a_search_box_themes_with_counts_departments_and_the_center(client, catalog: Catalog):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'action="/guides/search"' in html and 'name="q"' in html
    for text in ["个人办事", "法人办事", "结婚", "开办企业", "购房置业", "高频事项", "部门办事", "清川县民政局"]:
        assert text in html, text
    assert re.search(r'href="/guides/themes/kbqy/".*?1项', html, re.S)
    assert "清川县滨江大道88号" in html
    assert "0826-1234567" in html
    assert "9:00-12:00" in html


def test_the_home_page_puts_immediate_items_first_among_frequent_items(client, catalog: Catalog):
    html = client.get("/").content.decode()
    frequent = html.split('class="frequent"')[1].split("</ol>")[0]
    names = re.findall(r'href="/guides/[^"]+/">([^<]+)</a>', frequent)
    assert set(names[:2]) == {"营业执照遗失补领", "内地居民结婚登记"}
    assert "食品经营许可（新办）" in names[2:]
    assert "药品零售许可证核发" not in frequent


def test_the_home_page_opens_on_an_empty_catalog_without_a_center(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert "暂无公开的办事指南" in response.content.decode()


def test_a_theme_without_public_items_is_not_offered_on_the_home_page(client, catalog: Catalog):
    make_theme("shs", "身后事", "person")
    assert "身后事" not in client.get("/").content.decode()


def test_the_department_list_counts_public_items_only(client, catalog: Catalog):
    DepartmentFactory(code="QCEMPTY", name="清川县无事项局")
    html = client.get("/guides/departments/").content.decode()
    market = re.search(r'href="/guides/departments/QCSCJG/">.*?(\d+)项', html, re.S)
    assert market is not None and market.group(1) == "2"  # food and lost licence; not the draft or cancelled one
    assert "清川县无事项局" not in html


def test_a_department_page_lists_its_items_and_no_others(client, catalog: Catalog):
    response = client.get("/guides/departments/QCZJJ/")
    assert response.status_code == 200
    assert sorted(result_names(response.content.decode())) == sorted(["建筑工程施工许可证核发", "存量房买卖转移登记"])


def test_an_unknown_department_is_not_found(client, catalog: Catalog):
    assert client.get("/guides/departments/NOSUCH/").status_code == 404


def test_a_theme_page_lists_the_items_of_that_theme_only(client, catalog: Catalog):
    response = client.get("/guides/themes/kbqy/")
    assert response.status_code == 200
    assert result_names(response.content.decode()) == ["营业执照遗失补领"]


def test_a_theme_page_leaves_out_cancelled_items(client, catalog: Catalog):
    services.change_status(item=catalog.lost_licence, move="cancel", reason="清单调整", actor=system_actor("test"))
    assert result_names(client.get("/guides/themes/kbqy/").content.decode()) == []


def test_an_unknown_theme_is_not_found(client, catalog: Catalog):
    assert client.get("/guides/themes/nosuch/").status_code == 404


def test_the_person_page_includes_items_for_persons_and_for_both_but_not_for_enterprises(client, catalog: Catalog):
    response = client.get("/guides/person/")
    assert response.status_code == 200
    html = response.content.decode()
    assert sorted(result_names(html)) == sorted(["内地居民结婚登记", "存量房买卖转移登记"])
    assert "结婚" in html and "购房置业" in html


def test_the_enterprise_page_groups_items_by_theme_and_collects_the_rest(client, catalog: Catalog):
    make_item("11519901QCSCJG0010", department=catalog.market, name="广告发布登记")
    html = client.get("/guides/enterprise/").content.decode()
    names = result_names(html)
    assert "内地居民结婚登记" not in names
    assert {"食品经营许可（新办）", "营业执照遗失补领", "建筑工程施工许可证核发", "存量房买卖转移登记"} <= set(names)
    assert html.index("开办企业") < html.index("营业执照遗失补领")
    assert html.index("其他事项") < html.index("广告发布登记")


def test_the_enterprise_page_groups_items_by_department_when_asked(client, catalog: Catalog):
    html = client.get("/guides/enterprise/", {"by": "department"}).content.decode()
    assert 'href="/guides/departments/QCSCJG/">清川县市场监督管理局</a>' in html
    assert "清川县民政局</a>" not in html  # only the marriage registration, which is for persons


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/guides/departments/",
        "/guides/departments/QCSCJG/",
        "/guides/themes/kft/",
        "/guides/person/",
        "/guides/enterprise/",
        "/guides/enterprise/?by=department",
    ],
)
def test_list_pages_keep_their_query_count_when_the_catalog_grows(
    client, catalog: Catalog, django_assert_max_num_queries, url: str
):
    for n in range(15):
        department = DepartmentFactory()
        make_item(f"11519901GROW{n:04d}", department=department, name=f"餐饮服务许可{n}", themes=["kft", "kbqy"])
        make_item(f"11519901QCSCJG02{n:02d}", department=catalog.market, name=f"个体工商户登记{n}", audience="both")
    with django_assert_max_num_queries(5):
        assert client.get(url).status_code == 200
