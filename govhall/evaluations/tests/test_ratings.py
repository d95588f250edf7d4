"""好差评: one rating per visit through the window's device, one per closed case online."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from govhall.cases.models import Case, Status
from govhall.core.errors import DomainError
from govhall.evaluations import selectors, services
from govhall.evaluations.models import Evaluation, Level
from govhall.queueing import services as queue_services
from govhall.queueing.models import DeviceKind

pytestmark = pytest.mark.django_db


def _code(fn, **kwargs) -> str:
    with pytest.raises(DomainError) as info:
        fn(**kwargs)
    return info.value.code


def _rate(hall, evaluator, ticket, minutes=11, **kw):
    kw.setdefault("level", Level.VERY_SATISFIED)
    return services.rate_visit(device=evaluator, ticket_id=ticket.pk, now=hall.at(minutes), **kw)


def test_the_device_rates_the_visit_just_finished_at_its_window_once(hall, evaluator, finished):
    evaluation = _rate(hall, evaluator, finished)
    assert (evaluation.channel, evaluation.level, evaluation.is_bad) == ("onsite", 5, False)
    assert (evaluation.window, evaluation.clerk, evaluation.center) == (hall.window, hall.clerk, hall.center)
    assert evaluation.rater_name == "王五" and evaluation.rater_phone == "13912345678"
    assert _code(_rate, hall=hall, evaluator=evaluator, ticket=finished, minutes=12) in ("evaluation.already_rated",)
    assert Evaluation.objects.count() == 1


def test_the_database_refuses_a_second_rating_of_one_visit(hall, evaluator, finished):
    _rate(hall, evaluator, finished)
    with pytest.raises(IntegrityError), transaction.atomic():
        Evaluation.objects.create(
            channel="onsite", level=1, ticket=finished, center=hall.center, created_at=hall.at(12)
        )


def test_the_device_cannot_rate_a_visit_that_is_not_the_last_finished_at_its_window(hall, evaluator, finished):
    hall.take(minutes=11)
    later = hall.finish(hall.serve(hall.call(minutes=11), minutes=11), minutes=13)
    assert _code(_rate, hall=hall, evaluator=evaluator, ticket=finished, minutes=14) == "evaluation.not_current_visit"
    assert _rate(hall, evaluator, later, minutes=14).ticket == later


def test_the_device_of_another_window_cannot_rate_the_visit(hall, finished):
    other, _raw = queue_services.issue_device(
        center=hall.center, kind=DeviceKind.EVALUATOR, name="02", actor=hall.manager_actor, window=hall.window2
    )
    assert _code(_rate, hall=hall, evaluator=other, ticket=finished) == "evaluation.not_current_visit"


def test_a_kiosk_is_not_an_evaluation_device(hall, finished):
    kiosk, _raw = queue_services.issue_device(
        center=hall.center, kind=DeviceKind.KIOSK, name="k", actor=hall.manager_actor
    )
    assert _code(_rate, hall=hall, evaluator=kiosk, ticket=finished) == "evaluation.device_not_evaluator"


def test_a_request_with_the_clerks_login_cannot_rate(hall, evaluator, finished):
    assert (
        _code(_rate, hall=hall, evaluator=evaluator, ticket=finished, staff_session=True) == "evaluation.staff_session"
    )
    assert not Evaluation.objects.exists()


def test_the_rating_expires_a_few_minutes_after_the_finish(hall, evaluator, finished):
    assert _code(_rate, hall=hall, evaluator=evaluator, ticket=finished, minutes=15.1) == "evaluation.expired"
    assert _rate(hall, evaluator, finished, minutes=15).pk


def test_a_bad_rating_needs_a_reason_from_the_list_or_a_comment(hall, evaluator, finished):
    bad = {"hall": hall, "evaluator": evaluator, "ticket": finished, "level": Level.DISSATISFIED}
    assert _code(_rate, **bad) == "evaluation.reason_required"
    assert _code(_rate, **bad, reasons=["rude"]) == "evaluation.invalid_reason"
    evaluation = _rate(**bad, reasons=["slow", "attitude"], contact_consent=True)
    assert evaluation.is_bad and evaluation.reasons == ["attitude", "slow"] and evaluation.contact_consent


def test_an_invalid_level_is_refused(hall, evaluator, finished):
    assert _code(_rate, hall=hall, evaluator=evaluator, ticket=finished, level=6) == "evaluation.invalid_level"


def test_the_tablet_shows_the_pending_visit_until_it_is_rated(hall, evaluator, finished):
    pending = selectors.pending_visit(device=evaluator, now=hall.at(11))
    assert pending is not None and pending.ticket_id == finished.pk and pending.window_number == "01"
    _rate(hall, evaluator, finished)
    assert selectors.pending_visit(device=evaluator, now=hall.at(11)) is None


def _close(case: Case) -> Case:
    Case.objects.filter(pk=case.pk).update(status=Status.CLOSED, closed_on=datetime.date(2026, 3, 10))
    case.refresh_from_db()
    return case


def test_a_case_is_rated_online_once_and_only_after_it_closes(hall_case):
    kw = {"id_number": hall_case.applicant_id_number, "level": Level.SATISFIED}
    assert _code(services.rate_case, case=hall_case, **kw) == "evaluation.case_not_closed"
    case = _close(hall_case)
    evaluation = services.rate_case(case=case, **kw)
    assert (evaluation.channel, evaluation.case, evaluation.department) == ("online", case, case.deciding_department)
    assert _code(services.rate_case, case=case, **kw) == "evaluation.already_rated"


def test_only_the_applicant_rates_a_case(hall_case):
    case = _close(hall_case)
    assert _code(services.rate_case, case=case, id_number="110105199003071239", level=5) == "evaluation.not_applicant"


def test_the_ratings_list_masks_the_rater(hall, evaluator, finished):
    _rate(hall, evaluator, finished, level=Level.VERY_DISSATISFIED, comment="等太久")
    (row,) = selectors.evaluations_for(center=hall.center, date_from=hall.at(0).date(), date_to=hall.at(0).date())
    assert row.rater_name == "王*" and row.rater_phone == "139****5678" and row.is_bad
