import pytest
from django.core.files.base import ContentFile

from govhall.catalog import services
from govhall.catalog.models import ItemStationing, Material
from govhall.core.actors import system_actor
from govhall.portal.tests.conftest import Catalog, publish_new_version
from govhall.testing.factories import WindowFactory

pytestmark = pytest.mark.django_db
ACTOR = system_actor("test")


def guide_url(code: str, number: int | None = None) -> str:
    return f"/guides/{code}/" if number is None else f"/guides/{code}/v{number}/"


def test_the_guide_page_shows_everything_an_applicant_needs(client, catalog: Catalog):
    response = client.get(guide_url(catalog.food.code))
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "食品经营许可（新办）",
        "基本信息",
        catalog.food.code,
        catalog.food.basic_code,
        "行政许可",
        "清川县市场监督管理局",
        "法定机关",
        "县级",
        "法定本级行使",
        "承诺件",
        "《中华人民共和国食品安全法》第三十五条",
        "《食品经营许可和备案管理办法》",
        "具有与经营的食品品种、数量相适应的经营场所",
        "食品经营许可申请书",
        "签字齐全",
        "委托代理人办理的",
        "原件",
        "申请人自备",
        "申请→受理→审查→决定→送达",
        "审批人员",
        "首席代表",
        "20个工作日",
        "5个工作日",
        "现场核查",
        "不计入办理时限",
        "不收费",
        "清川县政务服务中心一楼A区",
        "工作日 9:00-17:30",
        "0826-1234567",
        "12345",
        "最多跑一次",
        "三级：网上预审",
        "全市通办",
        "食品经营许可证",
        "需要现场核查吗？",
        "window.print()",
    ]:
        assert text in html, text


def test_the_steps_table_gives_each_role_its_working_day_budget_and_the_total(client, catalog: Catalog):
    html = client.get(guide_url(catalog.food.code)).content.decode()
    assert '<td data-label="环节时限">3个工作日</td>' in html
    assert "4个工作日" in html  # 0 + 3 + 1


def test_an_immediate_item_is_done_on_the_spot(client, catalog: Catalog):
    html = client.get(guide_url(catalog.lost_licence.code)).content.decode()
    assert "当场办结" in html
    assert "即办件，当场办结" in html
    assert "可延长" not in html
    assert "可承诺替代" in html
    assert "政府部门核发（共享获取）" in html


def test_an_item_with_fees_lists_them_instead_of_saying_free(client, catalog: Catalog):
    html = client.get(guide_url(catalog.property_transfer.code)).content.decode()
    assert "住宅类每件80元" in html
    assert "发改价格规〔2016〕2559号" in html
    assert '<p class="free">' not in html


def test_blank_forms_and_samples_are_offered_for_download_when_they_exist(client, catalog: Catalog, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    material = Material.objects.get(version=catalog.food.current_version, name="食品经营许可申请书")
    material.blank_form.save("shenqingshu.docx", ContentFile(b"form"), save=False)
    material.sample.save("shenqingshu-sample.pdf", ContentFile(b"sample"), save=True)
    html = client.get(guide_url(catalog.food.code)).content.decode()
    assert material.blank_form.url in html
    assert material.sample.url in html
    assert "空白表格" in html and "示例样表" in html


def test_the_guide_names_the_windows_that_accept_the_item(client, catalog: Catalog):
    window = WindowFactory(center=catalog.center, number="03", name="市场准入窗口", location="一楼A区")
    closed = WindowFactory(center=catalog.center, number="09", name="旧窗口", active=False)
    stationing = ItemStationing.objects.create(item=catalog.food, center=catalog.center)
    stationing.windows.set([window, closed])
    html = client.get(guide_url(catalog.food.code)).content.decode()
    assert "03号 市场准入窗口（一楼A区）" in html
    assert "旧窗口" not in html


def test_a_suspended_item_shows_a_red_banner_and_stays_readable(client, catalog: Catalog):
    services.change_status(item=catalog.food, move="suspend", reason="法规修订", actor=ACTOR)
    response = client.get(guide_url(catalog.food.code))
    assert response.status_code == 200
    assert 'class="alert alert-suspended"' in response.content.decode()
    assert "该事项暂停办理" in response.content.decode()


def test_a_published_item_has_no_suspension_or_history_banner(client, catalog: Catalog):
    html = client.get(guide_url(catalog.food.code)).content.decode()
    assert "该事项暂停办理" not in html
    assert "此为历史版本" not in html


def test_an_earlier_version_says_so_and_links_to_the_current_one(client, catalog: Catalog):
    publish_new_version(catalog.food, promised_limit=3, steps=[])
    response = client.get(guide_url(catalog.food.code, 1))
    assert response.status_code == 200
    html = response.content.decode()
    assert "此为历史版本（第1版）" in html
    assert "现行版本见" in html
    assert f'href="/guides/{catalog.food.code}/"' in html
    assert "5个工作日" in html
    current = client.get(guide_url(catalog.food.code)).content.decode()
    assert "3个工作日" in current
    assert "此为历史版本" not in current
    assert f'href="/guides/{catalog.food.code}/v1/"' in current  # the version record


def test_the_current_version_number_redirects_to_the_guide(client, catalog: Catalog):
    response = client.get(guide_url(catalog.food.code, 1))
    assert response.status_code == 302
    assert response.url == guide_url(catalog.food.code)


@pytest.mark.parametrize(
    "url",
    [
        "/guides/11519901NOSUCHITEM/",
        "/guides/11519901QCSCJG0003/",  # draft
        "/guides/11519901QCSCJG0003/v1/",
        "/guides/11519901QCSCJG0004/",  # cancelled
        "/guides/11519901QCSCJG0004/v1/",
        "/guides/11519901QCSCJG0001/v9/",
    ],
)
def test_unknown_draft_and_cancelled_guides_are_not_found(client, catalog: Catalog, url: str):
    assert client.get(url).status_code == 404


def test_an_open_draft_of_a_published_item_is_not_public(client, catalog: Catalog):
    data = services.version_content(catalog.food.current_version)
    data["name"] = "食品经营许可（草稿修订）"
    services.save_draft(item=catalog.food, data=data, actor=ACTOR)
    assert client.get(guide_url(catalog.food.code, 2)).status_code == 404
    assert "草稿修订" not in client.get(guide_url(catalog.food.code)).content.decode()


def test_the_guide_page_reads_with_a_fixed_number_of_queries(client, catalog: Catalog, django_assert_max_num_queries):
    with django_assert_max_num_queries(11):
        assert client.get(guide_url(catalog.lost_licence.code)).status_code == 200
