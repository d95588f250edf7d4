import pytest

from govhall.cases import services
from govhall.cases.countersign import open_countersign
from govhall.cases.models import Task
from govhall.cases.tests.conftest import as_actor
from govhall.core.errors import AccessDenied, Conflict
from govhall.org.models import Role
from govhall.testing.factories import make_staff

pytestmark = pytest.mark.django_db


def test_a_countersigned_step_waits_for_every_department(submitted, clerk_actor, approver_actor, housing_department):
    case = services.accept_case(case=submitted, actor=clerk_actor)
    tasks = open_countersign(case=case, departments=[housing_department], step_name="审查", actor=approver_actor)
    assert len(tasks) == 2
    assert {t.mode for t in Task.objects.filter(case=case)} == {Task.Mode.ALL}
    market_task = next(t for t in tasks if t.department_id == case.deciding_department_id)
    housing_task = next(t for t in tasks if t.department_id == housing_department.pk)

    assert services.complete_task(task=market_task, opinion="同意", actor=approver_actor) is None
    housing = as_actor(make_staff("housing_approver", Role.APPROVER, department=housing_department), Role.APPROVER)
    nxt = services.complete_task(task=housing_task, opinion="同意", actor=housing)
    assert nxt is not None and nxt.step_name == "决定"
    assert case.events.filter(action="countersign_opened").count() == 1


def test_a_countersign_needs_a_case_in_review(submitted, approver_actor, housing_department):
    with pytest.raises(Conflict):
        open_countersign(case=submitted, departments=[housing_department], step_name="审查", actor=approver_actor)


def test_only_a_reviewer_opens_a_countersign_and_not_twice_for_the_same_departments(
    submitted, clerk_actor, approver_actor, housing_department, supervisor, manager
):
    case = services.accept_case(case=submitted, actor=clerk_actor)
    for actor in (clerk_actor, as_actor(supervisor, Role.SUPERVISOR), as_actor(manager, Role.CENTER_MANAGER)):
        with pytest.raises(AccessDenied) as refused:
            open_countersign(case=case, departments=[housing_department], step_name="审查", actor=actor)
        assert refused.value.code == "role_not_allowed"
    assert not case.events.filter(action="countersign_opened").exists()
    open_countersign(case=case, departments=[housing_department], step_name="审查", actor=approver_actor)
    with pytest.raises(Conflict) as again:
        open_countersign(case=case, departments=[housing_department], step_name="审查", actor=approver_actor)
    assert again.value.code == "already_signing"
    assert case.events.filter(action="countersign_opened").count() == 1
    # Switching the same departments to 或签 is a change, not a repeat.
    open_countersign(case=case, departments=[housing_department], step_name="审查", actor=approver_actor, mode="any")
    assert {t.mode for t in Task.objects.filter(case=case, state=Task.State.OPEN)} == {Task.Mode.ANY}
