"""Races on PostgreSQL (SQLite serialises every writer, so there is nothing to race there)."""

import pytest
from django.db import connection

from govhall.cases import services
from govhall.cases.models import Case, CaseEvent, Status
from govhall.cases.tests.conftest import intake_for
from govhall.core.errors import DomainError
from govhall.testing.concurrency import run_parallel

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs real concurrent transactions"),
    pytest.mark.django_db(transaction=True),
]


def test_twenty_concurrent_accepts_of_one_case_give_exactly_one_success(submitted, clerk_actor):
    results = run_parallel(20, lambda i: services.accept_case(case=submitted, actor=clerk_actor))
    accepted = [r for r in results if isinstance(r, Case)]
    refused = [r for r in results if isinstance(r, DomainError)]
    assert len(accepted) == 1 and len(refused) == 19
    assert {r.code for r in refused} == {"invalid_transition"}
    assert Case.objects.get().status == Status.IN_REVIEW
    assert CaseEvent.objects.filter(action="accepted").count() == 1
    assert Case.objects.get().tasks.count() == 1


def test_fifty_concurrent_intakes_get_fifty_distinct_gapless_receipt_numbers(food_item, center, clerk_actor):
    results = run_parallel(50, lambda i: services.submit_case(intake=intake_for(food_item, center), actor=clerk_actor))
    assert all(isinstance(r, Case) for r in results)
    numbers = sorted(Case.objects.values_list("receipt_number", flat=True))
    assert len(set(numbers)) == 50
    assert [int(n[-5:]) for n in numbers] == list(range(1, 51))


def test_render_workers_running_at_once_render_every_pending_notice_exactly_once(
    settings, food_item, center, clerk_actor
):
    from govhall.cases import notices
    from govhall.cases.models import Notice
    from govhall.core.models import AuditEntry

    settings.GOVHALL_NOTICE_RENDERING = "worker"
    for _ in range(12):
        services.accept_case(
            case=services.submit_case(intake=intake_for(food_item, center), actor=clerk_actor), actor=clerk_actor
        )
    assert Notice.objects.filter(rendered_at=None).count() == 12
    done = run_parallel(4, lambda i: notices.render_pending())
    assert sum(d for d in done if isinstance(d, int)) == 12  # each notice by exactly one worker (SKIP LOCKED)
    assert not Notice.objects.filter(rendered_at=None).exists()
    assert AuditEntry.objects.filter(action="cases.notice.issued").count() == 12
    assert all(notices.file_matches(n) for n in Notice.objects.all())
    # Numbered by four workers at once: still twelve distinct numbers with no gap.
    numbers = sorted(int(n[-6:-1]) for n in Notice.objects.values_list("number", flat=True))
    assert numbers == list(range(1, 13))
