import pytest

from govhall.catalog import selectors, services
from govhall.catalog.models import ItemVersion, ServiceItem
from govhall.core.actors import system_actor
from govhall.core.errors import Conflict, ValidationFailed
from govhall.core.models import AuditEntry
from govhall.testing.factories import DepartmentFactory, item_data, make_item

pytestmark = pytest.mark.django_db
ACTOR = system_actor("test")


def test_publishing_an_edit_creates_a_new_version_and_keeps_the_old_one_unchanged():
    item = make_item(name="食品经营许可（新办）")
    first = item.current_version
    services.save_draft(item=item, data=item_data(name="食品经营许可（新办）", promised_limit=4), actor=ACTOR)
    services.publish_draft(item=item, actor=ACTOR)
    item.refresh_from_db()
    first.refresh_from_db()
    assert item.current_version.number == 2
    assert item.current_version.promised_limit == 4
    assert first.state == ItemVersion.State.SUPERSEDED
    assert first.promised_limit == 5
    assert [m.name for m in first.materials.all()] == ["食品经营许可申请书", "授权委托书"]
    assert selectors.guide_version(item.code, 1).promised_limit == 5


def test_it_refuses_a_promised_limit_longer_than_the_legal_limit():
    with pytest.raises(ValidationFailed) as exc:
        make_item(promised_limit=25)
    assert exc.value.code == "promised_exceeds_legal"
    assert "不得超过法定办结时限" in exc.value.message
    assert not ServiceItem.objects.exists()


def test_an_immediate_case_must_be_promised_for_the_same_day():
    with pytest.raises(ValidationFailed) as exc:
        make_item(case_type="即办件", promised_limit=2, steps=[])
    assert exc.value.code == "immediate_not_same_day"
    item = make_item(case_type="即办件", promised_limit=0, steps=[])
    assert item.current_version.case_type == "即办件"


def test_it_refuses_a_duplicate_implementation_code_and_missing_name():
    dept = DepartmentFactory()
    make_item("11519901DUP", department=dept)
    with pytest.raises(ValidationFailed) as exc:
        make_item("11519901DUP", department=dept, name="")
    codes = {p.code for p in exc.value.problems}
    assert codes == {"duplicate_code", "required"}


def test_publish_without_a_draft_is_a_conflict_and_every_change_is_audited():
    item = make_item()
    with pytest.raises(Conflict):
        services.publish_draft(item=item, actor=ACTOR)
    actions = list(AuditEntry.objects.filter(object_id=str(item.pk)).values_list("action", flat=True))
    assert actions == ["catalog.item.created", "catalog.item.published"]


def test_suspend_resume_and_cancel_follow_the_status_rules():
    item = make_item()
    services.change_status(item=item, move="suspend", reason="法规修订", actor=ACTOR)
    with pytest.raises(Conflict):
        services.change_status(item=item, move="suspend", reason="再次", actor=ACTOR)
    services.change_status(item=item, move="resume", reason="恢复", actor=ACTOR)
    services.change_status(item=item, move="cancel", reason="取消", actor=ACTOR)
    item.refresh_from_db()
    assert item.status == ServiceItem.Status.CANCELLED
    with pytest.raises(ValidationFailed):
        services.change_status(item=item, move="cancel", reason=" ", actor=ACTOR)


def test_an_editor_working_on_an_old_revision_gets_a_conflict_not_a_silent_overwrite():
    item = make_item()
    loaded = item.revision
    services.save_draft(item=item, data=item_data(promised_limit=4), actor=ACTOR, expected_revision=loaded)
    with pytest.raises(Conflict) as exc:
        services.save_draft(item=item, data=item_data(promised_limit=5), actor=ACTOR, expected_revision=loaded)
    assert exc.value.code == "stale_edit"
    draft = item.versions.get(state=ItemVersion.State.DRAFT)
    assert draft.promised_limit == 4


def test_a_cancelled_item_cannot_be_edited():
    item = make_item()
    services.change_status(item=item, move="cancel", reason="事项取消", actor=ACTOR)
    with pytest.raises(Conflict) as exc:
        services.save_draft(item=item, data=item_data(), actor=ACTOR)
    assert exc.value.code == "item_cancelled"
    assert item.versions.count() == 1
