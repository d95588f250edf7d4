from collections import defaultdict

import pytest
from django.core.management import call_command
from django.utils import timezone

from govhall.accounts.models import User
from govhall.cases import selectors
from govhall.cases.models import ApplicantKind, Case, CaseEvent, Status, Task
from govhall.core.identity import accept_credit_code, check_resident_id
from govhall.core.models import AuditEntry
from govhall.demo import showcase
from govhall.demo.loader import load_demo
from govhall.org.access import staff_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(capsys) -> str:
    """The demo county without its history (as test_load_demo loads it); what load_demo printed."""
    call_command("load_demo", history=False)
    return capsys.readouterr().out


def _cases() -> list[Case]:
    receipts = [receipt for receipt, _ in showcase.showcase_cases()]
    return list(Case.objects.filter(receipt_number__in=receipts).prefetch_related("tasks", "events"))


def _by_step(case: Case) -> dict[int, list[Task]]:
    steps: dict[int, list[Task]] = defaultdict(list)
    for task in case.tasks.all():
        steps[task.step_position].append(task)
    return steps


def _actions(case: Case) -> set[str]:
    return {e.action for e in case.events.all()}


def test_the_showcase_holds_real_parallel_approvals(demo):
    cases = _cases()
    assert len(cases) == len(showcase.SHOWCASE)
    today = timezone.localdate()
    for case in cases:  # real cases: received today through the services, with valid applicants and materials
        assert case.received_on == today and case.accepted_on == today
        assert _actions(case) >= {"submitted", "accepted"}
        assert not case.materials.filter(state="missing").exists()
        if case.applicant_kind == ApplicantKind.PERSON:
            assert check_resident_id(case.applicant_id_number) == case.applicant_id_number
        else:
            assert accept_credit_code(case.applicant_id_number).ok
            check_resident_id(case.agent_id_number)

    def half_signed(case: Case) -> bool:  # 会签: one department signed, at least two still to sign
        return any(
            {t.mode for t in tasks} == {Task.Mode.ALL}
            and len({t.department_id for t in tasks if t.state == Task.State.OPEN}) >= 2
            and any(t.state == Task.State.DONE for t in tasks)
            for tasks in _by_step(case).values()
        )

    assert any(half_signed(c) and c.status == Status.IN_REVIEW for c in cases)
    anysign = [
        c
        for c in cases
        for tasks in _by_step(c).values()
        if len({t.department_id for t in tasks if t.state == Task.State.OPEN and t.mode == Task.Mode.ANY}) >= 2
    ]
    assert anysign and anysign[0].status == Status.IN_REVIEW
    # 并联审批 at acceptance: the first step's tasks went to the other departments at once.
    accepted_in_parallel = [c for c in cases if c.events.get(action="accepted").data.get("parallel")]
    assert {c.events.get(action="accepted").data["mode"] for c in accepted_in_parallel} == {"all", "any"}
    # One parallel case was signed by every department and went on to the decision.
    decided = [c for c in cases if c.decided_on is not None]
    assert (
        decided
        and decided[0].status == Status.APPROVED
        and all(not c.tasks.filter(state=Task.State.OPEN).exists() for c in decided)
    )
    first = _by_step(decided[0])[min(_by_step(decided[0]))]
    assert len({t.department_id for t in first}) >= 3 and {t.state for t in first} == {Task.State.DONE}
    # A 会签 opened on the current step by the deciding department's chief representative.
    opened = CaseEvent.objects.get(case__in=cases, action="countersign_opened")
    later = opened.case.tasks.filter(state=Task.State.OPEN, step_name=opened.data["step"])
    assert later.exclude(department=opened.case.deciding_department_id).exists()
    assert opened.case.tasks.filter(step_position__lt=later[0].step_position, state=Task.State.DONE).exists()
    # Everything else stays open, so the operations are there to see.
    assert all(c.status == Status.IN_REVIEW for c in cases if c not in decided)


def test_the_showcase_shows_delegation_retraction_transfer_and_return(demo):
    cases = _cases()
    delegated = Task.objects.get(case__in=cases, state=Task.State.OPEN, delegate__isnull=False)
    assert delegated.assignee_id not in (None, delegated.delegate_id)
    assert delegated in [
        row.task for row in selectors.inbox(delegated.delegate, tab="mine", today=delegated.started_on)
    ]

    retraction = CaseEvent.objects.get(case__in=cases, action="task_retracted")
    reopened = retraction.case.tasks.get(state=Task.State.OPEN)
    assert reopened.step_name == retraction.data["to"] and reopened.assignee_id == retraction.actor_id
    assert retraction.case.tasks.filter(step_name=retraction.data["from"], state=Task.State.CANCELLED).exists()

    transfer = CaseEvent.objects.get(case__in=cases, action="task_transferred")
    moved = Task.objects.get(pk=transfer.data["task"])
    assert moved.state == Task.State.OPEN and moved.assignee_id == transfer.data["to"] != transfer.actor_id
    assert transfer.note

    returned = CaseEvent.objects.get(case__in=cases, action="task_returned")
    again = returned.case.tasks.get(state=Task.State.OPEN)
    assert again.step_name == returned.data["to"] and returned.note
    assert returned.case.tasks.filter(step_name=returned.data["from"], state=Task.State.RETURNED).exists()
    earlier = returned.case.tasks.filter(step_name=returned.data["to"], state=Task.State.DONE).get()
    assert again.assignee_id == earlier.assignee_id is not None

    # The demo logins find them: the approver has work of his own and his department's 会签 to claim.
    approver = User.objects.get(username=showcase.APPROVER)
    assert selectors.inbox_counts(approver)["mine"] >= 3
    pool = Task.objects.filter(case__in=cases, state=Task.State.OPEN, assignee__isnull=True, mode=Task.Mode.ALL)
    profile = staff_of(approver)
    assert profile is not None and pool.filter(department_id=profile.department_id).exists()


def test_a_showcase_case_page_shows_its_countersign_to_the_chief(demo, client):
    case = next(
        c
        for c in _cases()
        if c.tasks.filter(state=Task.State.OPEN, mode=Task.Mode.ALL).values("department").count() > 1
    )
    client.force_login(User.objects.get(username=showcase.CHIEF))
    page = client.get(f"/manage/cases/{case.receipt_number}/")
    assert page.status_code == 200
    text = page.content.decode()
    for task in case.tasks.select_related("department"):  # each department's row in the steps table
        assert f"{task.department.short_name or task.department.name} · 会签" in text
        assert task.opinion in text


def test_a_second_load_adds_nothing_and_the_summary_names_the_cases(demo, capsys):
    receipts = [c.receipt_number for c in _cases()]
    assert receipts and all(receipt in demo for receipt in receipts)
    before = (Case.objects.count(), Task.objects.count(), CaseEvent.objects.count(), AuditEntry.objects.count())
    report = load_demo(history=False)
    assert "showcase cases" not in report.created
    assert showcase.load_showcase() == []
    after = (Case.objects.count(), Task.objects.count(), CaseEvent.objects.count(), AuditEntry.objects.count())
    assert after == before
    assert AuditEntry.objects.filter(action=showcase.MARKER).count() == 1
    call_command("load_demo", history=False)
    again = capsys.readouterr().out
    assert "未重复写入" in again and all(receipt in again for receipt in receipts)  # printed on every run
