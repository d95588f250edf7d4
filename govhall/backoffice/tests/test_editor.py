import pytest
from django.urls import reverse

from govhall.backoffice.forms import SECTIONS
from govhall.backoffice.tests.builders import editor_post
from govhall.catalog import services
from govhall.catalog.models import ItemVersion, ServiceItem
from govhall.catalog.rules import CONTENT_FIELDS
from govhall.core.actors import system_actor
from govhall.core.models import AuditEntry
from govhall.testing.factories import item_data, make_item, make_theme

pytestmark = pytest.mark.django_db
ACTOR = system_actor("test")


@pytest.fixture
def food(market_department):
    return make_item("11519901FOOD000001", department=market_department)


def _edit(client, item, data):
    return client.post(reverse("backoffice:item_edit", args=[item.pk]), data)


def test_the_editor_sections_hold_every_content_field_once():
    placed = [name for _title, names in SECTIONS for name in names]
    assert sorted(placed) == sorted(CONTENT_FIELDS)


def test_the_editor_starts_from_the_current_version(client, manager, food):
    client.force_login(manager)
    response = client.get(reverse("backoffice:item_edit", args=[food.pk]))
    form = response.context["form"]
    assert form["promised_limit"].value() == 5
    assert form["online_depth"].value() == 3
    page = response.content.decode()
    assert 'name="materials-TOTAL_FORMS" value="2"' in page
    assert "食品经营许可申请书" in page
    assert '<select name="case_type"' in page
    assert '<textarea name="acceptance_conditions"' in page
    assert 'type="checkbox" name="supports_delivery"' in page
    assert "materials-__prefix__-name" in page


def test_the_editor_starts_from_the_open_draft(client, manager, food):
    services.save_draft(item=food, data=item_data(promised_limit=4), actor=ACTOR, change_note="压缩时限")
    client.force_login(manager)
    form = client.get(reverse("backoffice:item_edit", args=[food.pk])).context["form"]
    assert form["promised_limit"].value() == 4
    assert form["change_note"].value() == "压缩时限"


def test_saving_the_editor_makes_a_draft_and_publishing_makes_it_version_2(client, manager, food):
    client.force_login(manager)
    content = item_data(promised_limit=3)
    content["steps"] = [{**row, "budget_days": min(row["budget_days"], 1)} for row in content["steps"]]
    content["materials"].append({**content["materials"][0], "name": "营业执照", "form": "copy"})
    response = _edit(client, food, editor_post(content, initial_rows={"materials": 2}, change_note="压缩承诺时限"))
    assert response.status_code == 302
    draft = food.versions.get(state=ItemVersion.State.DRAFT)
    assert (draft.number, draft.promised_limit, draft.change_note) == (2, 3, "压缩承诺时限")
    assert [m.name for m in draft.materials.all()] == ["食品经营许可申请书", "授权委托书", "营业执照"]

    published = client.post(reverse("backoffice:item_publish", args=[food.pk]), follow=True)
    assert "已发布第2版" in published.content.decode()
    food.refresh_from_db()
    first = food.versions.get(number=1)
    assert food.current_version.number == 2
    assert first.state == ItemVersion.State.SUPERSEDED
    assert first.promised_limit == 5
    assert first.materials.count() == 2
    assert AuditEntry.objects.filter(action="catalog.item.published", actor_role="center_manager").exists()


def test_a_promised_limit_longer_than_the_legal_limit_is_refused_in_chinese_and_nothing_is_saved(client, manager, food):
    client.force_login(manager)
    response = _edit(client, food, editor_post(item_data(promised_limit=25)))
    assert response.status_code == 200
    errors = response.context["form"].errors["promised_limit"]
    assert errors == ["承诺办结时限（25工作日）不得超过法定办结时限（20工作日）"]
    page = response.content.decode()
    assert "未保存：" in page and "不得超过法定办结时限" in page
    assert 'value="25"' in page
    assert list(food.versions.values_list("number", flat=True)) == [1]
    assert not AuditEntry.objects.filter(action="catalog.item.draft_saved").exists()


def test_a_conditional_material_without_its_condition_is_marked_on_its_row(client, manager, food):
    client.force_login(manager)
    content = item_data()
    content["materials"][1]["condition"] = ""
    response = _edit(client, food, editor_post(content))
    rows = response.context["formsets"][0][2].forms
    assert rows[1].errors["condition"] == ["第2项申请材料为情形必要，须写明适用情形"]
    assert not rows[0].errors
    assert not food.versions.filter(state=ItemVersion.State.DRAFT).exists()


def test_steps_longer_than_the_promise_are_told_on_the_steps_section(client, manager, food):
    client.force_login(manager)
    response = _edit(client, food, editor_post(item_data(promised_limit=2)))
    steps = dict((kind, formset) for kind, _title, formset in response.context["formsets"])["steps"]
    assert steps.non_form_errors() == ["各环节时限之和超过承诺办结时限"]


def test_a_blank_required_field_is_told_by_the_form_in_chinese(client, manager, food):
    client.force_login(manager)
    response = _edit(client, food, editor_post(item_data(name="")))
    assert response.context["form"].errors["name"] == ["这个字段是必填项。"]


def test_a_removed_row_and_an_added_row_are_saved_in_order(client, manager, food):
    client.force_login(manager)
    content = item_data()
    content["faqs"][0]["DELETE"] = True
    content["fees"] = [{"name": "工本费", "standard": "免费", "basis": "", "reducible": True}]
    theme = make_theme()
    content["themes"] = [theme.code]
    assert _edit(client, food, editor_post(content, initial_rows={"fees": 0})).status_code == 302
    draft = food.versions.get(state=ItemVersion.State.DRAFT)
    assert not draft.faqs.exists()
    assert [(f.name, f.reducible) for f in draft.fees.all()] == [("工本费", True)]
    assert [t.code for t in draft.themes.all()] == [theme.code]


def test_an_added_row_left_empty_is_ignored(client, manager, food):
    client.force_login(manager)
    data = editor_post(item_data())
    data.update({"fees-TOTAL_FORMS": "1", "fees-0-name": "", "fees-0-standard": ""})
    data["fees-INITIAL_FORMS"] = "0"
    assert _edit(client, food, data).status_code == 302
    assert not food.versions.get(state=ItemVersion.State.DRAFT).fees.exists()


def test_a_new_item_is_created_with_its_identity(client, manager, market_department):
    client.force_login(manager)
    assert "事项标识" in client.get(reverse("backoffice:item_new")).content.decode()
    data = editor_post(item_data(name="小餐饮经营许可"))
    data.update({"code": "11519901NEW0000001", "basic_code": "000201234000", "department": market_department.pk})
    response = client.post(reverse("backoffice:item_new"), data)
    item = ServiceItem.objects.get(code="11519901NEW0000001")
    assert response["Location"] == reverse("backoffice:item", args=[item.pk])
    assert item.status == ServiceItem.Status.DRAFT
    assert item.versions.get().name == "小餐饮经营许可"
    assert AuditEntry.objects.get(action="catalog.item.created").actor_name == "manager"


def test_a_duplicate_code_is_told_next_to_the_code_field_and_nothing_is_created(client, manager, food):
    client.force_login(manager)
    data = editor_post(item_data(promised_limit=30))
    data.update({"code": food.code, "basic_code": "000201234000", "department": food.department_id})
    response = client.post(reverse("backoffice:item_new"), data)
    assert response.context["identity"].errors["code"] == [f"实施编码「{food.code}」已被其他事项使用"]
    assert "不得超过法定办结时限" in response.context["form"].errors["promised_limit"][0]
    assert ServiceItem.objects.count() == 1


def test_a_cancelled_item_cannot_be_published(client, manager, food):
    services.save_draft(item=food, data=item_data(promised_limit=4), actor=ACTOR)
    services.change_status(item=food, move="cancel", reason="事项取消", actor=ACTOR)
    client.force_login(manager)
    response = client.post(reverse("backoffice:item_publish", args=[food.pk]), follow=True)
    assert "事项已取消，不能发布" in response.content.decode()


def test_a_second_editor_on_a_stale_page_is_told_and_does_not_overwrite(client, manager, food):
    client.force_login(manager)
    stale = editor_post(item_data(promised_limit=4))
    stale["revision"] = str(food.revision)
    first = _edit(client, food, stale)
    assert first.status_code == 302
    again = editor_post(item_data(promised_limit=3))
    again["revision"] = str(food.revision)
    response = _edit(client, food, again)
    assert response.status_code == 200
    assert "已被他人修改" in response.content.decode()
    assert food.versions.get(state=ItemVersion.State.DRAFT).promised_limit == 4
