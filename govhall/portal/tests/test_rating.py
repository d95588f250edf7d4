"""Online rating of a closed case (一事一评): receipt number + the applicant's ID number, once, after close."""

import datetime

import pytest

from govhall.cases import services as case_services
from govhall.cases.models import Case, Status
from govhall.cases.services import Applicant, Intake, MaterialReceipt
from govhall.core.actors import Actor
from govhall.evaluations.models import Evaluation
from govhall.org.models import Role
from govhall.testing.factories import CenterFactory, make_item

pytestmark = pytest.mark.django_db
APPLICANT_ID = "11010519491231002X"


@pytest.fixture
def case(market_department, clerk):
    item = make_item("11519901FOOD", department=market_department)
    intake = Intake(
        item=item,
        center=CenterFactory(),
        applicant=Applicant(kind="person", name="张三", id_kind="resident_id", id_number=APPLICANT_ID),
        materials=[MaterialReceipt(m.pk) for m in item.current_version.materials.all()],
    )
    return case_services.submit_case(intake=intake, actor=Actor(user=clerk, role=Role.WINDOW_CLERK))


def _close(case):
    # The case's own workflow is tested in govhall/cases; here only "closed" matters.
    Case.objects.filter(pk=case.pk).update(status=Status.CLOSED, closed_on=datetime.date.today())


def _prove(client, case, id_number=APPLICANT_ID):
    return client.post("/rate/", {"receipt": case.receipt_number, "id_number": id_number})


def _rate(client, case, **data):
    body = {"receipt": case.receipt_number, "id_number": APPLICANT_ID, **data}
    return client.post("/rate/", body)


def test_a_closed_case_is_rated_once(client, case):
    _close(case)
    step = _prove(client, case)
    assert step.status_code == 200 and "非常满意" in step.content.decode() and 'name="level"' in step.content.decode()
    done = _rate(client, case, level="4")
    assert "感谢您的评价" in done.content.decode()
    evaluation = Evaluation.objects.get()
    assert (evaluation.case_id, evaluation.level, evaluation.channel) == (case.pk, 4, "online")

    again = _prove(client, case)
    assert "已评价过" in again.content.decode() and 'name="level"' not in again.content.decode()
    twice = _rate(client, case, level="5")
    assert twice.status_code == 409 and "已评价过，不能重复评价" in twice.content.decode()
    assert Evaluation.objects.count() == 1


def test_an_open_case_cannot_be_rated_yet(client, case):
    response = _prove(client, case)
    assert response.status_code == 409 and "办件办结后才能评价" in response.content.decode()
    assert "办件办结后才能评价" in _rate(client, case, level="5").content.decode()
    assert not Evaluation.objects.exists()


def test_a_wrong_id_number_or_receipt_reveals_nothing(client, case):
    _close(case)
    wrong = _prove(client, case, id_number="110105199003071239").content.decode()
    unknown = client.post("/rate/", {"receipt": "QC2099010100001", "id_number": APPLICANT_ID}).content.decode()
    for page in (wrong, unknown):
        assert "受理编号或证件号码不正确" in page and "食品经营许可" not in page and 'name="level"' not in page


def test_a_bad_rating_needs_a_reason_or_a_comment(client, case):
    _close(case)
    response = _rate(client, case, level="1")
    assert response.status_code == 400 and "差评请勾选原因或填写意见" in response.content.decode()
    assert 'name="level"' in response.content.decode()  # still on the rating step
    assert "感谢您的评价" in _rate(client, case, level="1", reasons=["slow", "attitude"]).content.decode()
    assert sorted(Evaluation.objects.get().reasons) == ["attitude", "slow"]


@pytest.mark.parametrize("level, message", [("x", "请选择评价等级"), ("7", "评价等级应为1至5"), ("", "请选择评价等级")])
def test_bad_levels_are_answered_in_chinese(client, case, level, message):
    _close(case)
    response = _rate(client, case, level=level)
    assert response.status_code == 400 and message in response.content.decode()
