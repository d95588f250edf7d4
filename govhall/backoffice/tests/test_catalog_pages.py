import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from govhall.catalog import services
from govhall.catalog.models import ServiceItem
from govhall.core.actors import system_actor
from govhall.core.models import AuditEntry
from govhall.testing.factories import item_data, make_item

pytestmark = pytest.mark.django_db
ACTOR = system_actor("test")


@pytest.fixture
def food(market_department):
    return make_item("11519901FOOD000001", department=market_department, name="食品经营许可（新办）")


@pytest.fixture
def building(housing_department):
    return make_item(
        "11519901BUILD00001", department=housing_department, name="建筑工程施工许可证核发", result_name="施工许可证"
    )


def _list(client, **params):
    return client.get(reverse("backoffice:catalog"), params).content.decode()


def test_the_list_shows_every_column_and_the_draft_marker(client, manager, food):
    services.save_draft(item=food, data=item_data(promised_limit=4), actor=ACTOR)
    client.force_login(manager)
    page = _list(client)
    columns = ["11519901FOOD000001", "食品经营许可（新办）", "市场监管局", "承诺件", "20 / 5 工作日", "已发布", "第1版"]
    assert all(text in page for text in columns)
    assert "有草稿（第2版）" in page


def test_an_unpublished_item_is_listed_by_its_draft(client, manager, market_department):
    make_item("11519901NEW0000001", department=market_department, publish=False, name="小餐饮登记")
    client.force_login(manager)
    page = _list(client)
    assert "小餐饮登记" in page
    assert "未发布" in page
    assert "有草稿（第1版）" in page


def test_the_list_finds_items_by_keyword_and_by_pinyin_initials(client, manager, food, building):
    client.force_login(manager)
    by_word = _list(client, q="建筑施工")
    assert "建筑工程施工许可证核发" in by_word and "食品经营许可" not in by_word
    by_initials = _list(client, q="spjy")
    assert "食品经营许可" in by_initials and "建筑工程施工许可证核发" not in by_initials
    by_code = _list(client, q="BUILD")
    assert "建筑工程施工许可证核发" in by_code and "食品经营许可" not in by_code


def test_the_list_filters_by_status_and_department(client, manager, food, building, housing_department):
    services.change_status(item=building, move="suspend", reason="系统升级", actor=ACTOR)
    client.force_login(manager)
    suspended = _list(client, status="suspended")
    assert "建筑工程施工许可证核发" in suspended and "食品经营许可" not in suspended
    housing = _list(client, department=housing_department.pk)
    assert "建筑工程施工许可证核发" in housing and "食品经营许可" not in housing
    assert "没有符合条件的事项" in _list(client, status="cancelled")


def test_the_list_shows_fifty_items_a_page(client, manager, market_department):
    for n in range(52):
        make_item(f"11519901PAGE{n:06d}", department=market_department, publish=False)
    client.force_login(manager)
    first = client.get(reverse("backoffice:catalog"))
    assert len(first.context["page"].object_list) == 50
    assert "共 52 个事项" in first.content.decode()
    second = client.get(reverse("backoffice:catalog"), {"page": 2})
    assert [i.code for i in second.context["page"].object_list] == ["11519901PAGE000050", "11519901PAGE000051"]


def _count_list_queries(client, **params):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("backoffice:catalog"), params).status_code == 200
    return len(queries)


def test_the_list_costs_the_same_queries_for_three_items_or_thirty(client, manager, market_department):
    client.force_login(manager)
    for n in range(3):
        make_item(f"11519901NPLUS{n:05d}", department=market_department)
    few = _count_list_queries(client)
    for n in range(3, 30):
        item = make_item(f"11519901NPLUS{n:05d}", department=market_department)
        if n % 2:
            services.save_draft(item=item, data=item_data(promised_limit=4), actor=ACTOR)
    assert _count_list_queries(client) == few
    assert _count_list_queries(client, q="spjy") == few
    assert few <= 10


def test_the_item_page_shows_versions_the_open_draft_and_the_audit_history(client, manager, food):
    services.save_draft(item=food, data=item_data(promised_limit=4), actor=ACTOR, change_note="压缩承诺时限")
    client.force_login(manager)
    page = client.get(reverse("backoffice:item", args=[food.pk])).content.decode()
    assert "待发布的草稿（第2版）" in page
    assert "压缩承诺时限" in page
    assert reverse("backoffice:version", args=[food.pk, 1]) in page
    assert reverse("backoffice:version", args=[food.pk, 2]) in page
    for button in ["编辑草稿", "发布草稿", "放弃草稿", "暂停", "取消事项"]:
        assert button in page
    assert ">恢复<" not in page
    for action in ["创建事项", "发布", "保存草稿"]:
        assert action in page
    assert "承诺办结时限" in page and "<del>5</del> → <ins>4</ins>" in page


def test_a_version_is_shown_read_only_with_its_materials(client, clerk, food):
    client.force_login(clerk)
    page = client.get(reverse("backoffice:version", args=[food.pk, 1])).content.decode()
    assert "已发布的版本不可修改" in page
    assert "食品经营许可申请书" in page and "委托代理人办理的" in page
    assert "全市通办" in page and "三级：网上预审" in page
    assert client.get(reverse("backoffice:version", args=[food.pk, 7])).status_code == 404


def test_compare_shows_what_the_draft_changed_field_by_field(client, manager, food):
    data = item_data(promised_limit=4, supports_online_payment=True)
    data["materials"] = [*data["materials"], {**data["materials"][0], "name": "营业执照", "form": "copy"}]
    data["faqs"] = []
    services.save_draft(item=food, data=data, actor=ACTOR)
    client.force_login(manager)
    page = client.get(reverse("backoffice:compare", args=[food.pk])).content.decode()
    assert "第1版（现行） → 第2版（草稿）" in page
    assert "<del>5</del>" in page and "<ins>4</ins>" in page
    assert "支持网上支付" in page and "<del>否</del>" in page
    assert "第3项「营业执照」" in page and "新增" in page
    assert "需要现场核查吗？" in page and "删除" in page
    assert "食品经营许可申请书" not in page


def test_a_manager_suspends_and_resumes_an_item_with_a_reason(client, manager, food):
    client.force_login(manager)
    url = reverse("backoffice:item_status", args=[food.pk])
    response = client.post(url, {"move": "suspend", "reason": "办理系统迁移"}, follow=True)
    assert "事项状态已更新" in response.content.decode()
    food.refresh_from_db()
    assert food.status == ServiceItem.Status.SUSPENDED
    entry = AuditEntry.objects.get(action="catalog.item.suspended")
    assert entry.changes["reason"] == "办理系统迁移"
    assert entry.actor_role == "center_manager"
    assert entry.client_ip == "127.0.0.1"
    client.post(url, {"move": "resume", "reason": "迁移完成"})
    food.refresh_from_db()
    assert food.status == ServiceItem.Status.PUBLISHED
    assert "迁移完成" in client.get(reverse("backoffice:item", args=[food.pk])).content.decode()


def test_a_status_move_without_a_reason_is_refused_next_to_the_reason_field(client, manager, food):
    client.force_login(manager)
    response = client.post(reverse("backoffice:item_status", args=[food.pk]), {"move": "cancel", "reason": " "})
    assert response.status_code == 200
    assert response.context["status_form"].errors["reason"] == ["请填写原因"]
    food.refresh_from_db()
    assert food.status == ServiceItem.Status.PUBLISHED


def test_resuming_a_published_item_is_refused_with_its_status(client, manager, food):
    client.force_login(manager)
    response = client.post(reverse("backoffice:item_status", args=[food.pk]), {"move": "resume", "reason": "误操作"})
    assert "事项当前状态为「已发布」，不能执行该操作" in response.content.decode()


def test_publishing_without_a_draft_is_told_as_a_message(client, manager, food):
    client.force_login(manager)
    response = client.post(reverse("backoffice:item_publish", args=[food.pk]), follow=True)
    assert "没有待发布的草稿版本" in response.content.decode()


def test_discarding_a_draft_keeps_the_current_version(client, manager, food):
    services.save_draft(item=food, data=item_data(promised_limit=4), actor=ACTOR)
    client.force_login(manager)
    response = client.post(reverse("backoffice:item_discard", args=[food.pk]), follow=True)
    assert "草稿已放弃" in response.content.decode()
    assert list(food.versions.values_list("number", flat=True)) == [1]


def test_nonsense_in_the_query_string_is_ignored_not_a_server_error(client, manager, food):
    client.force_login(manager)
    huge = "9" * 30
    for params in [{"department": huge}, {"department": "²"}, {"page": "abc"}, {"status": "deleted"}]:
        assert client.get(reverse("backoffice:catalog"), params).status_code == 200
    assert client.get(reverse("backoffice:compare", args=[food.pk]), {"new": huge}).status_code == 404
    assert client.get(f"/manage/catalog/{food.pk}/versions/{huge}/").status_code == 404
