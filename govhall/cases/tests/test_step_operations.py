"""或签, 委托 and 撤回: the step operations beside claim, transfer, return and 会签."""

import pytest

from govhall.cases import services
from govhall.cases.countersign import open_countersign
from govhall.cases.models import CaseEvent, Status, Task
from govhall.cases.tests.conftest import as_actor
from govhall.core import audit
from govhall.core.errors import AccessDenied, Conflict, ValidationFailed
from govhall.org.models import Role
from govhall.testing.factories import make_staff

pytestmark = pytest.mark.django_db


def _review(case) -> Task:
    return Task.objects.get(case=case, state=Task.State.OPEN)


@pytest.fixture
def in_review(submitted, clerk_actor):
    return services.accept_case(case=submitted, actor=clerk_actor)


@pytest.fixture
def housing_approver(housing_department):
    user = make_staff("housing_approver", Role.APPROVER, department=housing_department)
    return as_actor(user, Role.APPROVER)


@pytest.fixture
def colleague(market_department):
    return as_actor(make_staff("colleague", Role.APPROVER, department=market_department), Role.APPROVER)


# --- 或签 ----------------------------------------------------------------------------------------------------
def test_an_any_sign_step_is_settled_by_the_first_signature(
    in_review, approver_actor, housing_approver, housing_department
):
    tasks = open_countersign(
        case=in_review,
        departments=[housing_department],
        step_name="审查",
        actor=approver_actor,
        mode="any",
    )
    assert {t.mode for t in Task.objects.filter(case=in_review, step_name="审查")} == {Task.Mode.ANY}
    housing_task = next(t for t in tasks if t.department_id != in_review.deciding_department_id)
    following = services.complete_task(task=housing_task, opinion="同意", actor=housing_approver)
    assert following is not None and following.step_name == "决定"
    market_task = next(t for t in tasks if t.department_id == in_review.deciding_department_id)
    market_task.refresh_from_db()
    assert market_task.state == Task.State.CANCELLED and "或签" in market_task.opinion
    with pytest.raises(Conflict) as late:
        services.complete_task(task=market_task, opinion="同意", actor=approver_actor)
    assert late.value.code == "task_closed"
    assert CaseEvent.objects.filter(case=in_review, action="anysign_opened").count() == 1


def test_a_countersign_can_name_approvers_and_needs_the_current_step(in_review, approver_actor, colleague):
    tasks = open_countersign(
        case=in_review, departments=[], approvers=[colleague.user], step_name="审查", actor=approver_actor
    )
    named = [t for t in tasks if t.assignee_id == colleague.user_id]
    assert len(named) == 1 and named[0].mode == Task.Mode.ALL
    with pytest.raises(Conflict) as later_step:
        open_countersign(
            case=in_review, departments=[], approvers=[colleague.user], step_name="决定", actor=approver_actor
        )
    assert later_step.value.code == "step_not_current"
    with pytest.raises(ValidationFailed):
        open_countersign(case=in_review, departments=[], step_name="审查", actor=approver_actor)


def test_a_countersign_is_asked_only_for_the_deciding_department(in_review, housing_department, housing_approver):
    with pytest.raises(AccessDenied) as refused:
        open_countersign(case=in_review, departments=[housing_department], step_name="审查", actor=housing_approver)
    assert refused.value.code == "out_of_scope"


# --- 委托 ----------------------------------------------------------------------------------------------------
def test_a_delegate_acts_for_the_assignee_who_stays_responsible(in_review, approver_actor, colleague):
    task = services.claim_task(task=_review(in_review), actor=approver_actor)
    claimed = CaseEvent.objects.get(case=in_review, action="task_claimed")  # the timeline shows who took it
    assert (claimed.actor_id, claimed.data["step"]) == (approver_actor.user_id, task.step_name)
    delegated = services.delegate_task(task=task, to_user=colleague.user, reason="出差", actor=approver_actor)
    assert (delegated.assignee_id, delegated.delegate_id) == (approver_actor.user_id, colleague.user_id)
    services.complete_task(task=delegated, opinion="同意", actor=colleague)
    done = Task.objects.get(pk=task.pk)
    assert done.state == Task.State.DONE and done.finished_by_id == colleague.user_id
    assert done.assignee_id == approver_actor.user_id
    event = CaseEvent.objects.get(case=in_review, action="task_completed")
    assert event.data["on_behalf_of"] == approver_actor.user_id
    assert [e.action for e in audit.history(done)] == [
        "cases.task.claimed",
        "cases.task.delegated",
        "cases.task.completed",
    ]


def test_only_the_assignee_delegates_and_only_to_a_colleague_with_the_role(
    in_review, approver_actor, colleague, housing_approver, clerk
):
    task = services.claim_task(task=_review(in_review), actor=approver_actor)
    with pytest.raises(AccessDenied) as not_his:
        services.delegate_task(task=task, to_user=approver_actor.user, reason="", actor=colleague)
    assert not_his.value.code == "not_assignee"
    for stranger in (housing_approver.user, clerk):
        with pytest.raises(ValidationFailed) as bad:
            services.delegate_task(task=task, to_user=stranger, reason="", actor=approver_actor)
        assert bad.value.problems[0].code == "out_of_scope"
    with pytest.raises(ValidationFailed) as nothing:
        services.delegate_task(task=task, to_user=None, reason="", actor=approver_actor)  # nothing to take back
    assert nothing.value.problems[0].code == "not_delegated"
    assert nothing.value.problems[0].message == "该环节没有委托，无需收回"
    with pytest.raises(ValidationFailed) as himself:
        services.delegate_task(task=task, to_user=approver_actor.user, reason="", actor=approver_actor)
    assert (himself.value.problems[0].code, himself.value.problems[0].message) == ("bad_delegate", "不能委托给自己")
    assert Task.objects.get(pk=task.pk).delegate_id is None


def test_a_repeated_claim_delegation_or_transfer_writes_nothing(in_review, approver_actor, colleague):
    task = services.claim_task(task=_review(in_review), actor=approver_actor)
    with pytest.raises(Conflict) as claimed:
        services.claim_task(task=task, actor=approver_actor)
    assert (claimed.value.code, claimed.value.message) == ("already_claimed", "您已签收该任务")
    task = services.delegate_task(task=task, to_user=colleague.user, reason="出差", actor=approver_actor)
    with pytest.raises(ValidationFailed) as delegated:
        services.delegate_task(task=task, to_user=colleague.user, reason="出差", actor=approver_actor)
    assert (delegated.value.code, delegated.value.message) == ("already_delegated", "该环节已委托给此人")
    with pytest.raises(ValidationFailed) as moved:
        services.transfer_task(task=task, to_user=approver_actor.user, reason="", actor=approver_actor)
    assert (moved.value.code, moved.value.message) == ("bad_transfer", "该任务已由此人办理，无需转办")
    assert CaseEvent.objects.filter(case=in_review, action="task_claimed").count() == 1
    assert CaseEvent.objects.filter(case=in_review, action="task_delegated").count() == 1
    assert not CaseEvent.objects.filter(case=in_review, action="task_transferred").exists()


def test_the_assignee_takes_a_delegation_back(in_review, approver_actor, colleague):
    task = services.delegate_task(task=_review(in_review), to_user=colleague.user, reason="休假", actor=approver_actor)
    assert task.assignee_id == approver_actor.user_id  # an unclaimed task is claimed by whoever delegates it
    back = services.delegate_task(task=task, to_user=None, reason="已返岗", actor=approver_actor)
    assert Task.objects.get(pk=back.pk).delegate_id is None
    assert list(CaseEvent.objects.filter(action="task_delegated").values_list("data__to", flat=True)) == [
        colleague.user_id,
        None,
    ]


# --- 撤回 ----------------------------------------------------------------------------------------------------
def test_the_sender_retracts_before_the_next_step_acts_and_gets_his_step_back(in_review, approver_actor):
    sent = services.complete_task(task=_review(in_review), opinion="同意", actor=approver_actor)
    assert sent is not None and sent.sent_by_id == approver_actor.user_id
    reopened = services.retract_task(task=sent, reason="意见需补充", actor=approver_actor)
    assert reopened.step_name == "审查" and reopened.assignee_id == approver_actor.user_id
    assert Task.objects.get(pk=sent.pk).state == Task.State.CANCELLED
    assert list(Task.objects.filter(case=in_review, state=Task.State.OPEN)) == [reopened]
    case = in_review.__class__.objects.get(pk=in_review.pk)
    assert case.status == Status.IN_REVIEW and case.revision > in_review.revision
    assert CaseEvent.objects.filter(case=case, action="task_retracted").count() == 1
    assert audit.history(case).last().action == "cases.case.task_retracted"


def test_no_retraction_once_the_next_step_has_acted_or_by_anyone_else(in_review, approver_actor, chief_actor):
    sent = services.complete_task(task=_review(in_review), opinion="同意", actor=approver_actor)
    with pytest.raises(AccessDenied) as other:
        services.retract_task(task=sent, reason="", actor=chief_actor)
    assert other.value.code == "not_sender"
    services.claim_task(task=sent, actor=chief_actor)
    with pytest.raises(Conflict) as acted:
        services.retract_task(task=sent, reason="", actor=approver_actor)
    assert acted.value.code == "already_acted"
    assert Task.objects.get(pk=sent.pk).state == Task.State.OPEN


@pytest.mark.parametrize("mode", ["all", "any"])
def test_no_retraction_once_a_countersign_was_asked_on_the_next_step(
    in_review, approver_actor, chief_actor, housing_department, mode
):
    from govhall.cases.countersign import open_countersign

    sent = services.complete_task(task=_review(in_review), opinion="同意", actor=approver_actor)
    open_countersign(
        case=in_review, departments=[housing_department], step_name=sent.step_name, actor=chief_actor, mode=mode
    )
    with pytest.raises(Conflict) as acted:
        services.retract_task(task=sent, reason="", actor=approver_actor)
    assert acted.value.code == "already_acted"
    assert Task.objects.filter(case=in_review, step_name=sent.step_name, state=Task.State.OPEN).count() == 2


def test_a_step_opened_at_acceptance_cannot_be_retracted_by_the_clerk(in_review, clerk_actor):
    with pytest.raises(Conflict) as refused:
        services.retract_task(task=_review(in_review), reason="", actor=clerk_actor)
    assert refused.value.code == "nothing_to_retract"


# --- 并联审批 at acceptance ------------------------------------------------------------------------------------
def test_acceptance_sends_the_first_step_to_the_parallel_departments_at_once(
    submitted, clerk_actor, approver_actor, housing_department, housing_approver
):
    case = services.accept_case(case=submitted, actor=clerk_actor, parallel=[housing_department])
    tasks = sorted(
        Task.objects.filter(case=case, state=Task.State.OPEN),
        key=lambda t: t.department_id != case.deciding_department_id,
    )
    assert [(t.step_name, t.department_id, t.mode) for t in tasks] == [
        ("审查", case.deciding_department_id, Task.Mode.ALL),
        ("审查", housing_department.pk, Task.Mode.ALL),
    ]
    assert CaseEvent.objects.get(case=case, action="accepted").data["parallel"] == [housing_department.name]
    assert services.complete_task(task=tasks[1], opinion="同意", actor=housing_approver) is None
    following = services.complete_task(task=tasks[0], opinion="同意", actor=approver_actor)
    assert following is not None and following.step_name == "决定"


def test_parallel_acceptance_without_a_review_step_is_refused(immediate_item, center, clerk_actor, housing_department):
    from govhall.cases.tests.conftest import intake_for

    case = services.submit_case(intake=intake_for(immediate_item, center), actor=clerk_actor)
    with pytest.raises(ValidationFailed) as refused:
        services.accept_case(case=case, actor=clerk_actor, parallel=[housing_department])
    assert refused.value.problems[0].code == "no_review_step"
    assert case.__class__.objects.get(pk=case.pk).status == Status.SUBMITTED


# --- who works on a claimed task --------------------------------------------------------------------------------
def test_a_claimed_task_is_worked_on_by_its_holder_and_reassigned_by_the_chief(
    in_review, approver_actor, colleague, chief_actor
):
    task = services.claim_task(task=_review(in_review), actor=approver_actor)
    with pytest.raises(Conflict) as taken:
        services.complete_task(task=task, opinion="同意", actor=colleague)
    assert taken.value.code == "task_claimed"
    with pytest.raises(Conflict):
        services.transfer_task(task=task, to_user=colleague.user, reason="", actor=colleague)
    delegated = services.delegate_task(task=task, to_user=colleague.user, reason="出差", actor=approver_actor)
    # 改派: the chief representative moves it to himself; the delegation ends with the transfer.
    moved = services.transfer_task(task=delegated, to_user=chief_actor.user, reason="改派", actor=chief_actor)
    assert (moved.assignee_id, moved.delegate_id) == (chief_actor.user_id, None)
    with pytest.raises(Conflict):
        services.complete_task(task=moved, opinion="同意", actor=colleague)  # no longer his delegate
    assert services.complete_task(task=moved, opinion="同意", actor=chief_actor) is not None
