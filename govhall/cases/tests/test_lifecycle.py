import datetime as dt

import pytest

from govhall.cases import selectors, services
from govhall.cases.models import Case, CaseEvent, Status, Task
from govhall.cases.services import Applicant
from govhall.cases.tests.conftest import as_actor, intake_for
from govhall.cases.transitions import TRANSITIONS, move_for
from govhall.core.errors import AccessDenied, Conflict, ValidationFailed
from govhall.core.models import AuditEntry
from govhall.org.models import Role
from govhall.testing.factories import make_item

pytestmark = pytest.mark.django_db
D = dt.date


def test_a_submitted_case_gets_a_receipt_number_of_center_date_and_sequence(submitted, center):
    assert submitted.receipt_number.startswith(f"{center.code}{services.today():%Y%m%d}")
    assert submitted.receipt_number.endswith("00001")
    assert submitted.status == Status.SUBMITTED
    assert submitted.item_version == submitted.item.current_version


def test_a_retried_submit_with_the_same_idempotency_key_returns_the_first_case(food_item, center, clerk_actor):
    first = services.submit_case(intake=intake_for(food_item, center), actor=clerk_actor, idempotency_key="k-1")
    again = services.submit_case(intake=intake_for(food_item, center), actor=clerk_actor, idempotency_key="k-1")
    assert again.pk == first.pk
    assert Case.objects.count() == 1


def test_a_bad_id_number_is_refused_and_nothing_is_written(food_item, center, clerk_actor):
    intake = intake_for(food_item, center)
    intake.applicant = Applicant(kind="person", name="张三", id_kind="resident_id", id_number="110105194912310021")
    with pytest.raises(ValidationFailed) as exc:
        services.submit_case(intake=intake, actor=clerk_actor)
    assert exc.value.problems[0].code == "resident_id_checksum"
    assert not Case.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="cases.").exists()


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"kind": "enterprise", "id_kind": "resident_id"}, [("id_kind_mismatch", "applicant.id_kind")]),
        ({"id_kind": "credit_code", "id_number": "91110000600037341L"}, [("id_kind_mismatch", "applicant.id_kind")]),
        ({"id_number": ""}, [("required", "applicant.id_number")]),  # one problem, not two
        ({"name": "\u200f\u202e "}, [("required", "applicant.name")]),
        ({"phone": "abc-not-a-phone"}, [("invalid_phone", "applicant.phone")]),
        ({"agent_name": "李四"}, [("required", "applicant.agent_id_number")]),
        ({"agent_id_number": "11010519491231002X"}, [("required", "applicant.agent_name")]),
        (
            {"agent_name": "李四", "agent_id_number": "11010519491231002X", "agent_phone": "12"},
            [("invalid_phone", "applicant.agent_phone")],
        ),
    ],
)
def test_an_applicant_that_does_not_add_up_is_refused_with_the_field(food_item, center, clerk_actor, fields, expected):
    intake = intake_for(food_item, center)
    person = {"kind": "person", "name": "张三", "id_kind": "resident_id", "id_number": "11010519491231002X"}
    intake.applicant = Applicant(**{**person, **fields})
    with pytest.raises(ValidationFailed) as exc:
        services.submit_case(intake=intake, actor=clerk_actor)
    assert [(p.code, p.field) for p in exc.value.problems] == expected
    assert not Case.objects.exists()


@pytest.mark.parametrize("phone", ["13812345678", "0826-1234567", "+86 138 1234 5678", "0826-1234567转801"])
def test_phone_numbers_as_people_write_them_are_taken(food_item, center, clerk_actor, phone):
    intake = intake_for(food_item, center)
    intake.applicant = Applicant(
        kind="person", name="张三", id_kind="resident_id", id_number="11010519491231002X", phone=phone
    )
    assert services.submit_case(intake=intake, actor=clerk_actor).applicant_phone == phone


def test_acceptance_on_september_30_gives_a_deadline_of_october_13(submitted, clerk_actor):
    case = services.accept_case(case=submitted, actor=clerk_actor, on=D(2026, 9, 30))
    assert case.status == Status.IN_REVIEW
    assert case.promised_deadline == D(2026, 10, 13)  # promised 5 working days
    assert case.legal_deadline == services.workdays.add_working_days(D(2026, 9, 30), 20).date
    assert case.tasks.get().step_name == "审查"


def test_acceptance_without_required_materials_is_refused_with_the_list(food_item, center, clerk_actor):
    case = services.submit_case(intake=intake_for(food_item, center, all_materials=False), actor=clerk_actor)
    with pytest.raises(ValidationFailed) as exc:
        services.accept_case(case=case, actor=clerk_actor)
    assert "食品经营许可申请书" in exc.value.message
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED


def test_a_supplement_notice_is_given_once_with_the_complete_list(submitted, clerk_actor):
    case = services.request_supplement(case=submitted, missing=["营业场所证明"], note="", actor=clerk_actor)
    assert case.status == Status.SUPPLEMENT
    case = services.resubmit_case(case=case, received=[], actor=clerk_actor)
    with pytest.raises(Conflict) as exc:
        services.request_supplement(case=case, missing=["又一份材料"], note="", actor=clerk_actor)
    assert exc.value.code == "supplement_already_requested"


def test_without_a_timely_supplement_notice_the_case_is_deemed_accepted_on_its_receipt_day(
    food_item, center, clerk_actor
):
    case = services.submit_case(intake=intake_for(food_item, center), actor=clerk_actor, received_on=D(2026, 9, 28))
    assert services.sweep_deemed_acceptance(on=D(2026, 10, 10)) == 0  # the 5th working day: still in time
    assert services.sweep_deemed_acceptance(on=D(2026, 10, 12)) == 1
    case.refresh_from_db()
    assert (case.status, case.accepted_on, case.deemed_accepted) == (Status.IN_REVIEW, D(2026, 9, 28), True)
    assert case.promised_deadline == services.workdays.add_working_days(D(2026, 9, 28), 5).date


def test_a_case_back_from_supplement_is_not_deemed_accepted_and_takes_only_its_missing_materials(
    food_item, center, clerk_actor, approver_actor
):
    case = services.submit_case(
        intake=intake_for(food_item, center, all_materials=False), actor=clerk_actor, received_on=D(2026, 9, 28)
    )
    case = services.request_supplement(case=case, missing=["食品经营许可申请书"], note="", actor=clerk_actor)
    with pytest.raises(AccessDenied):
        services.resubmit_case(case=case, received=[], actor=approver_actor)
    received = food_item.current_version.materials.order_by("pk")
    with pytest.raises(ValidationFailed) as unknown:
        services.resubmit_case(case=case, received=[2**31 - 1], actor=clerk_actor)
    assert unknown.value.problems[0].code == "unknown_material"
    case = services.resubmit_case(case=case, received=[m.pk for m in received], actor=clerk_actor)
    assert case.status == Status.SUBMITTED
    assert not case.materials.filter(state="missing").exists()
    # The notice was given in time: weeks later the sweep leaves it to the clerk (受理 or 不予受理).
    assert services.sweep_deemed_acceptance(on=D(2026, 11, 2)) == 0
    assert Case.objects.get(pk=case.pk).status == Status.SUBMITTED
    assert services.accept_case(case=case, actor=clerk_actor).status == Status.IN_REVIEW


def test_the_case_pages_buttons_read_as_the_transition_table_in_chinese():
    from govhall.backoffice.case_display import ACTION_LABELS
    from govhall.cases.selectors import CASE_ACTIONS

    assert set(ACTION_LABELS) == set(CASE_ACTIONS)
    for (_status, action), move in TRANSITIONS.items():
        if action in ACTION_LABELS:
            assert str(ACTION_LABELS[action]) == move.label, action


def test_a_special_procedure_moves_the_deadline_by_the_working_days_it_lasted(submitted, clerk_actor, approver_actor):
    case = services.accept_case(case=submitted, actor=clerk_actor, on=D(2026, 11, 2))
    assert case.promised_deadline == D(2026, 11, 9)
    case = services.suspend_case(
        case=case, procedure="现场核查", reason="需现场核查", actor=approver_actor, on=D(2026, 11, 4)
    )
    assert case.status == Status.SUSPENDED
    case = services.resume_case(case=case, actor=approver_actor, on=D(2026, 11, 9))
    assert case.paused_days == 3
    assert case.promised_deadline == D(2026, 11, 12)


def test_an_extension_adds_the_items_ten_days_once_with_a_reason(submitted, clerk_actor, chief_actor):
    case = services.accept_case(case=submitted, actor=clerk_actor, on=D(2026, 11, 2))
    with pytest.raises(ValidationFailed):
        services.extend_case(case=case, days=None, reason="", actor=chief_actor)
    case = services.extend_case(case=case, days=None, reason="情况复杂", actor=chief_actor, on=D(2026, 11, 5))
    assert case.extension_days == 10
    assert case.promised_deadline == services.workdays.add_working_days(D(2026, 11, 2), 15).date
    with pytest.raises(Conflict):
        services.extend_case(case=case, days=5, reason="再延", actor=chief_actor)


def test_the_whole_way_from_acceptance_to_archive(submitted, clerk_actor, approver_actor, chief_actor):
    case = services.accept_case(case=submitted, actor=clerk_actor)
    review = case.tasks.get(state=Task.State.OPEN)
    with pytest.raises(Conflict) as early:
        services.decide_case(case=case, approve=True, reason="", actor=chief_actor)
    assert early.value.code == "steps_open"
    services.claim_task(task=review, actor=approver_actor)
    decision = services.complete_task(task=review, opinion="材料齐全，符合条件", actor=approver_actor)
    assert decision.step_name == "决定"
    case = services.decide_case(case=case, approve=True, reason="", actor=chief_actor)
    decision.refresh_from_db()  # the decision closes the chief's step as his: done, by him, with him as assignee
    assert (decision.state, decision.finished_by, decision.assignee) == (
        Task.State.DONE,
        chief_actor.user,
        chief_actor.user,
    )
    case = services.certify_case(case=case, actor=clerk_actor)
    case = services.deliver_case(case=case, actor=clerk_actor)
    case = services.close_case(case=case, actor=clerk_actor)
    case = services.archive_case(case=case, actor=clerk_actor)
    assert case.status == Status.ARCHIVED
    actions = list(CaseEvent.objects.filter(case=case).values_list("action", flat=True))
    assert actions == [
        "submitted",
        "accepted",
        "task_claimed",
        "task_completed",
        "approved",
        "certified",
        "delivered",
        "closed",
        "archived",
    ]
    assert AuditEntry.objects.filter(object_type="cases.case", object_id=str(case.pk)).count() == 7


def _approved(item, center, clerk_actor, approver_actor, chief_actor) -> Case:
    case = services.submit_case(intake=intake_for(item, center), actor=clerk_actor)
    case = services.accept_case(case=case, actor=clerk_actor)
    services.complete_task(task=case.tasks.get(), opinion="同意", actor=approver_actor)
    return services.decide_case(case=case, approve=True, reason="", actor=chief_actor)


def test_a_licence_is_made_before_it_is_delivered(food_item, center, clerk_actor, approver_actor, chief_actor):
    case = _approved(food_item, center, clerk_actor, approver_actor, chief_actor)  # its result: 食品经营许可证
    assert selectors.allowed_case_actions(selectors.case_record(case), frozenset({Role.WINDOW_CLERK})) == ["certify"]
    with pytest.raises(Conflict) as exc:
        services.deliver_case(case=case, actor=clerk_actor)
    assert exc.value.code == "certificate_required"
    assert "证照" in exc.value.message
    case.refresh_from_db()
    assert case.status == Status.APPROVED
    assert not CaseEvent.objects.filter(case=case, action="delivered").exists()
    case = services.certify_case(case=case, actor=clerk_actor)
    assert services.deliver_case(case=case, actor=clerk_actor).status == Status.DELIVERED


def test_a_decision_that_is_itself_the_result_is_delivered_without_a_certify_step(
    market_department, center, clerk_actor, approver_actor, chief_actor
):
    item = make_item("11519901FILING", department=market_department, result_type="其他", result_name="备案回执")
    case = _approved(item, center, clerk_actor, approver_actor, chief_actor)
    assert selectors.allowed_case_actions(selectors.case_record(case), frozenset({Role.WINDOW_CLERK})) == ["deliver"]
    with pytest.raises(Conflict) as nothing_to_make:
        services.certify_case(case=case, actor=clerk_actor)
    assert nothing_to_make.value.code == "no_certificate" and "备案回执" in nothing_to_make.value.message
    assert Case.objects.get(pk=case.pk).status == Status.APPROVED
    case = services.deliver_case(case=case, actor=clerk_actor)
    case = services.close_case(case=case, actor=clerk_actor)
    actions = list(CaseEvent.objects.filter(case=case).values_list("action", flat=True))
    assert actions[-3:] == ["approved", "delivered", "closed"]


def test_an_immediate_case_whose_result_is_no_certificate_skips_the_certify_step(
    market_department, center, clerk_actor
):
    item = make_item(
        "11519901IMMNOTE",
        department=market_department,
        case_type="即办件",
        legal_limit=3,
        promised_limit=0,
        steps=[],
        special_procedures=[],
        result_type="其他",
        result_name="准予注销登记通知书",
    )
    case = services.handle_immediately(
        case=services.submit_case(intake=intake_for(item, center), actor=clerk_actor), actor=clerk_actor
    )
    assert case.status == Status.CLOSED
    assert not CaseEvent.objects.filter(case=case, action="certified").exists()


def test_a_denial_needs_a_reason(submitted, clerk_actor, approver_actor, chief_actor):
    case = services.accept_case(case=submitted, actor=clerk_actor)
    services.complete_task(task=case.tasks.get(), opinion="不符合", actor=approver_actor)
    with pytest.raises(ValidationFailed):
        services.decide_case(case=case, approve=False, reason=" ", actor=chief_actor)
    case = services.decide_case(case=case, approve=False, reason="经营场所不符合要求", actor=chief_actor)
    assert case.status == Status.DENIED


def test_a_step_can_be_returned_to_an_earlier_step_with_a_reason(submitted, clerk_actor, approver_actor, chief_actor):
    case = services.accept_case(case=submitted, actor=clerk_actor)
    review = services.claim_task(task=case.tasks.get(), actor=approver_actor)
    decision = services.complete_task(task=review, opinion="同意", actor=approver_actor)
    back = services.return_task(
        task=decision, to_position=review.step_position, reason="核查意见不完整", actor=chief_actor
    )
    assert back.step_name == "审查" and back.assignee == review.assignee
    assert Task.objects.get(pk=decision.pk).state == Task.State.RETURNED


def test_an_immediate_case_is_accepted_and_closed_at_the_window_in_one_sitting(immediate_item, center, clerk_actor):
    case = services.submit_case(intake=intake_for(immediate_item, center), actor=clerk_actor)
    case = services.handle_immediately(case=case, actor=clerk_actor)
    assert case.status == Status.CLOSED
    assert case.accepted_on == case.decided_on == case.closed_on == case.promised_deadline


def test_a_clerk_cannot_decide_a_promised_case(submitted, clerk_actor):
    case = services.accept_case(case=submitted, actor=clerk_actor)
    with pytest.raises(AccessDenied) as exc:
        services.decide_case(case=case, approve=True, reason="", actor=clerk_actor)
    assert exc.value.code == "role_not_allowed"


def test_the_applicant_may_withdraw_before_the_decision_but_not_after(
    submitted, clerk_actor, chief_actor, approver_actor
):
    case = services.accept_case(case=submitted, actor=clerk_actor)
    case = services.withdraw_case(case=case, actor=clerk_actor, note="申请人书面撤回")
    assert case.status == Status.WITHDRAWN
    assert not case.tasks.filter(state=Task.State.OPEN).exists()
    with pytest.raises(Conflict) as exc:
        move_for(Status.APPROVED, "withdraw", Role.WINDOW_CLERK)
    assert exc.value.code == "invalid_transition"


def test_a_clerk_of_another_department_is_refused(submitted, other_department_clerk):
    with pytest.raises(AccessDenied) as exc:
        services.accept_case(case=submitted, actor=as_actor(other_department_clerk, Role.WINDOW_CLERK))
    assert exc.value.code == "out_of_scope"


def test_an_approver_may_not_accept_at_the_window(submitted, approver_actor):
    with pytest.raises(AccessDenied) as exc:
        services.accept_case(case=submitted, actor=approver_actor)
    assert exc.value.code == "role_not_allowed"


@pytest.mark.parametrize(("status", "action"), sorted((s.value, a) for s, a in TRANSITIONS))
def test_every_transition_in_the_table_is_allowed_for_one_of_its_roles(status, action):
    move = TRANSITIONS[(Status(status), action)]
    role = sorted(move.roles)[0]
    assert move_for(status, action, role) is move


@pytest.mark.parametrize("status", [s.value for s in Status])
@pytest.mark.parametrize("action", sorted({a for _, a in TRANSITIONS}))
def test_every_transition_not_in_the_table_is_refused(status, action):
    if (Status(status), action) in TRANSITIONS:
        return
    with pytest.raises(Conflict) as exc:
        move_for(status, action, "system")
    assert exc.value.code == "invalid_transition"


def test_whoever_may_not_act_hears_that_before_what_else_is_wrong(submitted, clerk_actor, approver_actor, supervisor):
    watcher = as_actor(supervisor, Role.SUPERVISOR)
    with pytest.raises(Conflict) as early:  # a procedure on a case not yet accepted: the status speaks first
        services.suspend_case(case=submitted, procedure="没有这个程序", reason="", actor=approver_actor)
    assert early.value.code == "invalid_transition"
    case = services.accept_case(case=submitted, actor=clerk_actor)
    attempts = [
        lambda: services.decide_case(case=case, approve=True, reason="", actor=watcher),  # steps still open
        lambda: services.decide_case(case=case, approve=False, reason="", actor=watcher),  # and no reason
        lambda: services.extend_case(case=case, days=99, reason="", actor=approver_actor),
        lambda: services.suspend_case(case=case, procedure="没有这个程序", reason="", actor=watcher),
    ]
    for attempt in attempts:
        with pytest.raises(AccessDenied) as refused:
            attempt()
        assert refused.value.code == "role_not_allowed"
    assert Case.objects.get(pk=case.pk).revision == case.revision
