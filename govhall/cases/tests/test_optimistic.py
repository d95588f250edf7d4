"""Optimistic writes (PostgreSQL, outside a transaction): an action in one statement from the state its caller read.

Most tests run inside a test transaction, where actions always take the row lock; these run as the server does,
in autocommit, so the one-statement path is the one taken, and its fall-backs are forced by stale copies."""

import copy

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from govhall.cases import selectors, services
from govhall.cases.countersign import open_countersign
from govhall.cases.models import Case, CaseEvent, Status, Task
from govhall.cases.tests.conftest import as_actor
from govhall.core import audit
from govhall.core.errors import Conflict
from govhall.core.models import AuditEntry
from govhall.org.models import Role
from govhall.testing.concurrency import run_parallel
from govhall.testing.factories import DepartmentFactory, make_staff

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the one-statement path is PostgreSQL's"),
    pytest.mark.django_db(transaction=True),
]


def _chain_is_sound(obj) -> None:
    entries = list(audit.history(obj))
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    assert audit.verify(entries) == []


@pytest.fixture
def approved(submitted, clerk_actor, approver_actor, chief_actor):
    case = services.accept_case(case=submitted, actor=clerk_actor)
    task = selectors.task_by_id(Task.objects.get(case=case, state=Task.State.OPEN).pk)
    services.complete_task(task=task, opinion="同意", actor=approver_actor)
    return services.decide_case(case=case, approve=True, reason="", actor=chief_actor)


def test_a_step_from_a_fresh_copy_is_one_statement_and_audited(approved, clerk_actor):
    assert not connection.in_atomic_block
    with CaptureQueriesContext(connection) as queries:
        certified = services.certify_case(case=approved, actor=clerk_actor)
    assert len(queries) == 1 and queries[0]["sql"].startswith('WITH w0 AS (UPDATE "cases_case"')
    assert approved.status == Status.APPROVED  # the caller's copy is left as it was
    stored = Case.objects.get(pk=approved.pk)
    assert (stored.status, stored.revision) == (Status.CERTIFIED, approved.revision + 1)
    assert certified.status == Status.CERTIFIED and certified.revision == stored.revision
    assert CaseEvent.objects.filter(case=stored, action="certified", from_status=Status.APPROVED).count() == 1
    assert audit.history(stored).last().action == "cases.case.certified"
    _chain_is_sound(stored)

    closed = services.deliver_case(case=certified, actor=clerk_actor)  # a notice: a transaction with the lock
    with CaptureQueriesContext(connection) as queries:
        services.close_case(case=closed, actor=clerk_actor)
    assert len(queries) == 1
    stored = Case.objects.get(pk=approved.pk)
    assert stored.status == Status.CLOSED and stored.closed_on is not None
    _chain_is_sound(stored)


def test_a_stale_copy_writes_nothing_and_is_judged_on_the_locked_row(approved, clerk_actor):
    stale = copy.copy(approved)
    services.certify_case(case=approved, actor=clerk_actor)
    revision = Case.objects.get(pk=approved.pk).revision
    with pytest.raises(Conflict) as refused:
        services.certify_case(case=stale, actor=clerk_actor)
    assert refused.value.code == "invalid_transition"
    assert Case.objects.get(pk=approved.pk).revision == revision
    assert CaseEvent.objects.filter(case_id=approved.pk, action="certified").count() == 1
    assert AuditEntry.objects.filter(action="cases.case.certified").count() == 1
    _chain_is_sound(approved)


def test_a_stale_copy_of_a_case_that_moved_on_still_acts_on_its_current_state(approved, clerk_actor):
    stale = copy.copy(approved)  # read when approved; another clerk certifies and delivers meanwhile
    delivered = services.deliver_case(case=services.certify_case(case=approved, actor=clerk_actor), actor=clerk_actor)
    closed = services.close_case(case=stale, actor=clerk_actor)  # its guard fails; the locked row allows closing
    assert closed.status == Status.CLOSED and closed.revision == delivered.revision + 1
    assert list(CaseEvent.objects.filter(case_id=approved.pk).values_list("action", flat=True))[-3:] == [
        "certified",
        "delivered",
        "closed",
    ]
    _chain_is_sound(approved)


def test_an_audit_chain_that_moved_without_a_new_revision_sends_the_step_to_the_locked_path(approved, clerk_actor):
    # Something appends to the case's chain without touching the case row: the copy's head is stale.
    audit.record(actor=clerk_actor, action="cases.case.read_in_full", obj=approved, changes={})
    certified = services.certify_case(case=approved, actor=clerk_actor)
    assert certified.status == Status.CERTIFIED
    actions = [e.action for e in audit.history(approved)]
    assert actions[-2:] == ["cases.case.read_in_full", "cases.case.certified"]
    assert CaseEvent.objects.filter(case_id=approved.pk, action="certified").count() == 1
    _chain_is_sound(approved)


@pytest.fixture
def countersigned(submitted, clerk_actor, approver_actor, housing_department):
    land = DepartmentFactory(code="QCZRZY", name="清川县自然资源局", short_name="自然资源局")
    case = services.accept_case(case=submitted, actor=clerk_actor)
    tasks = open_countersign(case=case, departments=[housing_department, land], step_name="审查", actor=approver_actor)
    departments = {d.pk: d for d in (case.deciding_department, housing_department, land)}
    actors = {
        pk: as_actor(make_staff(f"signer{pk}", Role.APPROVER, department=d), Role.APPROVER)
        for pk, d in departments.items()
    }
    return case, tasks, actors


def test_sibling_completions_read_before_any_finished_open_the_next_step_exactly_once(countersigned):
    case, tasks, actors = countersigned
    reads = [selectors.task_by_id(t.pk) for t in tasks]  # every read says the others are still open
    assert all(r.__dict__["_others_open"] for r in reads)
    results = [services.complete_task(task=r, opinion="同意", actor=actors[r.department_id]) for r in reads]
    assert results[:2] == [None, None]
    assert results[2] is not None and results[2].step_name == "决定"
    assert Task.objects.filter(case=case, step_name="决定", state=Task.State.OPEN).count() == 1
    assert set(Task.objects.filter(case=case, step_name="审查").values_list("state", flat=True)) == {"done"}
    assert CaseEvent.objects.filter(case=case, action="task_completed").count() == 3
    for task in Task.objects.filter(case=case, step_name="审查"):
        _chain_is_sound(task)


def test_a_completion_from_fresh_reads_is_one_statement_and_returns_the_next_task(countersigned):
    case, tasks, actors = countersigned
    for task in tasks:
        read = selectors.task_by_id(task.pk)
        with CaptureQueriesContext(connection) as queries:
            following = services.complete_task(task=read, opinion="同意", actor=actors[read.department_id])
        # One statement for the completion (the signer's roles are read once, on first use, as auth does).
        assert [q["sql"][:31] for q in queries if "cases_" in q["sql"]] == ['WITH w0 AS (UPDATE "cases_case"']
    assert following is not None and following.pk is not None
    assert Task.objects.get(pk=following.pk).step_name == "决定"
    assert Case.objects.get(pk=case.pk).revision == case.revision + 4  # countersign, then three completions


def test_a_task_claimed_after_it_was_read_is_completed_on_the_locked_row(countersigned):
    _case, tasks, actors = countersigned
    task = tasks[0]
    actor = actors[task.department_id]
    read = selectors.task_by_id(task.pk)
    services.claim_task(task=read, actor=actor)  # the task's chain moves; the case's revision does not
    services.complete_task(task=read, opinion="同意", actor=actor)
    stored = Task.objects.get(pk=task.pk)
    assert stored.state == Task.State.DONE and stored.assignee_id == actor.user_id
    assert [e.action for e in audit.history(stored)] == ["cases.task.claimed", "cases.task.completed"]
    _chain_is_sound(stored)


def test_the_last_two_signers_at_once_open_the_next_step_once(countersigned):
    case, tasks, actors = countersigned
    first = selectors.task_by_id(tasks[0].pk)
    services.complete_task(task=first, opinion="同意", actor=actors[first.department_id])
    last_two = tasks[1:]

    def sign(i: int) -> object:
        read = selectors.task_by_id(last_two[i].pk)
        return services.complete_task(task=read, opinion="同意", actor=actors[read.department_id])

    results = run_parallel(2, sign)
    assert sum(isinstance(r, Task) for r in results) == 1 and sum(r is None for r in results) == 1
    assert Task.objects.filter(case=case, step_name="决定").count() == 1
    assert not Task.objects.filter(case=case, step_name="审查", state=Task.State.OPEN).exists()


# --- actions that owe a notice: the counter and the guarded write in one short transaction ---------------------
def _no_lock_and_one_write(queries) -> None:
    sql = [q["sql"] for q in queries if q["sql"] not in ("BEGIN", "COMMIT")]
    assert queries[-1]["sql"] == "COMMIT"  # one short transaction of its own
    assert not [q for q in sql if "FOR UPDATE" in q], "no lock read"
    assert len([q for q in sql if q.startswith('WITH w0 AS (UPDATE "cases_case"')]) == 1, sql
    assert sql[-1].startswith('WITH w0 AS (UPDATE "cases_case"'), "the write comes last"


def test_acceptance_from_the_intake_read_is_a_counter_read_and_one_write(submitted, clerk_actor):
    with CaptureQueriesContext(connection) as queries:
        accepted = services.accept_case(case=submitted, actor=clerk_actor)
    _no_lock_and_one_write(queries)
    stored = Case.objects.get(pk=submitted.pk)
    assert stored.status == Status.IN_REVIEW and stored.revision == accepted.revision
    assert stored.notices.get().number.endswith("第00001号")
    assert Task.objects.filter(case=stored, state=Task.State.OPEN).count() == 1
    _chain_is_sound(stored)


def test_a_missing_required_material_fails_the_guard_and_the_lock_path_says_so(food_item, center, clerk_actor):
    from govhall.cases.tests.conftest import intake_for

    missing = services.submit_case(intake=intake_for(food_item, center, all_materials=False), actor=clerk_actor)
    with pytest.raises(services.ValidationFailed) as refused:
        services.accept_case(case=missing, actor=clerk_actor)
    assert refused.value.problems[0].code == "materials_missing"
    assert Case.objects.get(pk=missing.pk).status == Status.SUBMITTED
    # The counter bumped by the failed attempt was rolled back with it: the next notice still takes number 1.
    complete = services.submit_case(intake=intake_for(food_item, center), actor=clerk_actor)
    services.accept_case(case=complete, actor=clerk_actor)
    assert Case.objects.get(pk=complete.pk).notices.get().number.endswith("第00001号")


def test_a_decision_with_a_review_step_still_open_is_refused_and_numbers_nothing(
    submitted, clerk_actor, approver_actor, chief_actor
):
    case = services.accept_case(case=submitted, actor=clerk_actor)
    with pytest.raises(Conflict) as refused:
        services.decide_case(case=case, approve=True, reason="", actor=chief_actor)
    assert refused.value.code == "steps_open"
    assert not Case.objects.get(pk=case.pk).notices.filter(kind="approval").exists()
    services.complete_task(
        task=selectors.task_by_id(Task.objects.get(case=case).pk), opinion="同意", actor=approver_actor
    )
    from govhall.cases.access import _read_case  # the chief decides from a fresh read, as the API does

    read = _read_case(case.receipt_number)
    with CaptureQueriesContext(connection) as queries:
        decided = services.decide_case(case=read, approve=True, reason="", actor=chief_actor)
    _no_lock_and_one_write(queries)
    stored = Case.objects.get(pk=case.pk)
    assert stored.status == Status.APPROVED and decided.revision == stored.revision
    assert stored.notices.get(kind="approval").number.endswith("第00001号")
    assert not Task.objects.filter(case=stored, state=Task.State.OPEN).exists()  # the chief's own step closed
    _chain_is_sound(stored)


# --- with the notices numbered by the render worker: no counter, so one statement even with a notice ----------------
def test_with_the_worker_numbering_notices_acceptance_decision_and_delivery_are_one_statement_each(
    settings, submitted, clerk_actor, approver_actor, chief_actor
):
    from govhall.cases import notices
    from govhall.cases.access import _read_case

    settings.GOVHALL_NOTICE_RENDERING = "worker"

    def one_statement(act):
        with CaptureQueriesContext(connection) as queries:
            done = act()
        sql = [q["sql"] for q in queries]
        # Reads the process caches (the actor's scope, the item's steps) may come first, once; then one write.
        assert not [q for q in sql if q in ("BEGIN", "COMMIT") or "FOR UPDATE" in q or "counter" in q], sql
        assert [q for q in sql if not q.startswith("SELECT")] == sql[-1:], sql
        assert sql[-1].startswith('WITH w0 AS (UPDATE "cases_case"')
        return done

    case = one_statement(lambda: services.accept_case(case=submitted, actor=clerk_actor))
    services.complete_task(
        task=selectors.task_by_id(Task.objects.get(case=case).pk), opinion="同意", actor=approver_actor
    )
    read = _read_case(case.receipt_number)
    case = one_statement(lambda: services.decide_case(case=read, approve=True, reason="", actor=chief_actor))
    case = one_statement(lambda: services.certify_case(case=case, actor=clerk_actor))
    case = one_statement(lambda: services.deliver_case(case=case, actor=clerk_actor))
    stored = Case.objects.get(pk=case.pk)
    assert stored.status == Status.DELIVERED and stored.revision == case.revision
    kinds = list(stored.notices.order_by("pk").values_list("kind", "number"))
    assert kinds == [("acceptance", None), ("approval", None), ("service_receipt", None)]
    _chain_is_sound(stored)
    owed = {e.action: e.changes.get("notice") for e in audit.history(stored)}
    assert owed["cases.case.accepted"] == "acceptance" and owed["cases.case.approved"] == "approval"
    assert owed["cases.case.delivered"] == "service_receipt" and owed["cases.case.certified"] is None
    assert notices.render_pending() == 3
    assert sorted(n[-6:] for n in stored.notices.values_list("number", flat=True)) == ["00001号"] * 3
