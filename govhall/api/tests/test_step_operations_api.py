"""会签 / 或签, 委托 and 撤回 through the API."""

import pytest

from govhall.api.tests.conftest import ApiClient
from govhall.cases.models import Case, CaseEvent, Task
from govhall.org.models import Role
from govhall.testing.factories import make_staff

pytestmark = pytest.mark.django_db


def _open_tasks(as_user, receipt):
    return [t for t in as_user.get(f"/cases/{receipt}").json()["tasks"] if t["state"] == "open"]


@pytest.fixture
def accepted(as_clerk, receipt):
    assert as_clerk.post(f"/cases/{receipt}/accept").status_code == 200
    return receipt


@pytest.fixture
def as_housing(client, housing_department):
    return ApiClient(client, make_staff("housing_approver", Role.APPROVER, department=housing_department))


def test_a_countersign_asked_by_the_deciding_department_is_signed_by_the_other(
    as_approver, as_housing, accepted, housing_department
):
    asked = as_approver.post(
        f"/cases/{accepted}/countersign", {"step_name": "审查", "departments": [housing_department.code]}
    )
    assert asked.status_code == 200, asked.content
    tasks = asked.json()["tasks"]
    assert len(tasks) == 2 and {t["mode"] for t in tasks} == {"all"}
    # The housing department reads the case it signs for, and finds its task in its pool.
    assert as_housing.get(f"/cases/{accepted}").status_code == 200
    [pooled] = as_housing.get("/tasks").json()
    assert pooled["receipt_number"] == accepted
    signed = as_housing.post(f"/tasks/{pooled['id']}/complete", {"opinion": "无异议"})
    assert signed.status_code == 200 and signed.json()["task"] is None  # the market department has yet to sign
    # A signing department acts on its own task only, not on the case.
    refused = as_housing.post(
        f"/cases/{accepted}/countersign", {"step_name": "审查", "departments": [housing_department.code]}
    )
    assert refused.status_code == 403 and refused.json()["code"] == "out_of_scope"
    market = next(t for t in _open_tasks(as_approver, accepted) if t["step_name"] == "审查")
    last = as_approver.post(f"/tasks/{market['id']}/complete", {"opinion": "同意"})
    assert last.json()["task"]["step_name"] == "决定"


def test_an_any_sign_is_settled_by_the_first_and_bad_requests_say_why(as_approver, as_housing, accepted):
    assert as_housing.get("/tasks").json() == []  # nothing in the housing pool before the request
    bad = as_approver.post(f"/cases/{accepted}/countersign", {"step_name": "审查", "departments": ["NOPE"]})
    assert bad.status_code == 400 and bad.json()["code"] == "unknown_department"
    wrong_mode = as_approver.post(f"/cases/{accepted}/countersign", {"step_name": "审查", "mode": "some"})
    assert wrong_mode.status_code == 400
    later = as_approver.post(f"/cases/{accepted}/countersign", {"step_name": "决定", "departments": ["QCZJJ"]})
    assert later.status_code == 409 and later.json()["code"] == "step_not_current"
    asked = as_approver.post(
        f"/cases/{accepted}/countersign", {"step_name": "审查", "departments": ["QCZJJ"], "mode": "any"}
    )
    assert asked.status_code == 200, asked.content
    [pooled] = as_housing.get("/tasks").json()
    done = as_housing.post(f"/tasks/{pooled['id']}/complete", {"opinion": "同意"})
    assert done.json()["task"]["step_name"] == "决定"
    assert not Task.objects.filter(step_name="审查", state=Task.State.OPEN).exists()


def test_delegate_then_the_delegate_signs(client, as_approver, accepted, market_department):
    colleague = make_staff("colleague", Role.APPROVER, department=market_department)
    review = _open_tasks(as_approver, accepted)[0]
    delegated = as_approver.post(f"/tasks/{review['id']}/delegate", {"username": "colleague", "reason": "出差"})
    assert delegated.status_code == 200, delegated.content
    assert delegated.json()["task"]["delegate"] == "colleague"
    as_colleague = ApiClient(client, colleague)
    assert [t["id"] for t in as_colleague.get("/tasks", {"mine": "1"}).json()] == [review["id"]]
    done = as_colleague.post(f"/tasks/{review['id']}/complete", {"opinion": "同意"})
    assert done.status_code == 200
    event = CaseEvent.objects.get(action="task_completed")
    assert event.data["on_behalf_of"] == as_approver_user_id(accepted)
    unknown = as_approver.post(f"/tasks/{review['id']}/delegate", {"username": "nobody"})
    assert unknown.status_code == 400 and unknown.json()["code"] == "unknown_user"


def as_approver_user_id(receipt) -> int:
    return Task.objects.get(case__receipt_number=receipt, step_name="审查").assignee_id


def test_retract_before_the_next_step_acts(as_approver, as_chief, accepted):
    review = _open_tasks(as_approver, accepted)[0]
    sent = as_approver.post(f"/tasks/{review['id']}/complete", {"opinion": "同意"}).json()["task"]
    assert sent["sent_by"] == "approver"
    other = as_chief.post(f"/tasks/{sent['id']}/retract", {"reason": "x"})
    assert other.status_code == 403 and other.json()["code"] == "not_sender"
    back = as_approver.post(f"/tasks/{sent['id']}/retract", {"reason": "意见需补充"})
    assert back.status_code == 200, back.content
    assert back.json()["task"]["step_name"] == "审查" and back.json()["task"]["assignee"] == "approver"
    again = as_approver.post(f"/tasks/{sent['id']}/retract", {"reason": "再撤"})
    assert again.status_code == 409
    assert Case.objects.get(receipt_number=accepted).tasks.filter(state=Task.State.OPEN).count() == 1


def test_parallel_acceptance_through_the_api(as_clerk, as_housing, receipt, housing_department):
    bad = as_clerk.post(f"/cases/{receipt}/accept", {"parallel_departments": ["NOPE"]})
    assert bad.status_code == 400 and bad.json()["code"] == "unknown_department"
    assert Case.objects.get(receipt_number=receipt).status == "submitted"
    done = as_clerk.post(
        f"/cases/{receipt}/accept", {"parallel_departments": [housing_department.code], "parallel_mode": "any"}
    )
    assert done.status_code == 200, done.content
    [pooled] = as_housing.get("/tasks").json()
    settled = as_housing.post(f"/tasks/{pooled['id']}/complete", {"opinion": "同意"})
    assert settled.json()["task"]["step_name"] == "决定"  # 或签: the first signature settles the step
