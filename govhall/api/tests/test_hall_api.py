"""The hall through HTTP: kiosks, windows, the board, appointments, ratings; errors as codes, never 500."""

import datetime

import pytest
from django.utils import timezone

from govhall.api.tests.conftest import ApiClient
from govhall.cases.models import Case, Status
from govhall.evaluations.models import Evaluation
from govhall.queueing import services
from govhall.queueing.models import Appointment, DeviceKind, Ticket, TicketStatus
from govhall.queueing.tests.builders import MORNING, YOUNG_ID

pytestmark = pytest.mark.django_db


class Clock:
    def __init__(self) -> None:
        self.now = MORNING

    def advance(self, minutes: float) -> None:
        self.now += datetime.timedelta(minutes=minutes)


@pytest.fixture
def clock(monkeypatch):
    holder = Clock()
    monkeypatch.setattr(timezone, "now", lambda: holder.now)
    return holder


@pytest.fixture
def kiosk_token(hall):
    return services.issue_device(center=hall.center, kind=DeviceKind.KIOSK, name="1号自助机", actor=hall.manager_actor)[
        1
    ]


@pytest.fixture
def evaluator_token(hall):
    return services.issue_device(
        center=hall.center, kind=DeviceKind.EVALUATOR, name="01评价器", actor=hall.manager_actor, window=hall.window
    )[1]


@pytest.fixture
def kiosk(client, kiosk_token):
    return lambda path, body=None: ApiClient(client, None).post(path, body, **{"X-Govhall-Device": kiosk_token})


@pytest.fixture
def as_clerk(client, hall):
    return ApiClient(client, hall.clerk)


@pytest.fixture
def anonymous(client):
    return ApiClient(client, None)


def _take(kiosk, hall, **body):
    response = kiosk(f"/hall/categories/{hall.a.pk}/tickets", body)
    assert response.status_code == 201, response.content
    return response.json()


def test_a_visit_goes_from_the_kiosk_through_the_window_to_the_rating(
    hall, clock, kiosk, as_clerk, client, evaluator_token
):
    taken = _take(kiosk, hall, id_number=YOUNG_ID, phone="13912345678")
    assert taken["number"] == "A001" and taken["ahead"] == 0 and taken["estimate"]["minutes"] >= 0
    assert taken["id_number"] == "1101**********1239" and taken["phone"] == "139****5678"
    clock.advance(2)
    called = as_clerk.post(f"/hall/windows/{hall.window.pk}/call-next")
    assert called.status_code == 200 and called.json()["status"] == "called"
    base = f"/hall/windows/{hall.window.pk}/tickets/{taken['id']}"
    assert as_clerk.post(f"{base}/recall").json()["call_count"] == 2
    assert as_clerk.post(f"{base}/start").json()["status"] == "serving"
    misspelt = as_clerk.post(f"{base}/hold", {"reson": "复印"})  # refused, not held without its reason
    assert (misspelt.status_code, misspelt.json()["code"], misspelt.json()["field"]) == (
        400,
        "unknown_parameter",
        "reson",
    )
    assert as_clerk.post(f"{base}/hold", {"reason": "复印"}).json()["status"] == "held"
    assert as_clerk.post(f"{base}/resume").json()["status"] == "serving"
    clock.advance(5)
    assert as_clerk.post(f"{base}/finish", {"receipt_numbers": []}).json()["status"] == "finished"

    device = ApiClient(client, None)
    pending = device.get("/hall/device/pending", **{"X-Govhall-Device": evaluator_token})
    assert pending.json()["ticket_id"] == taken["id"]
    rated = device.post(
        "/hall/device/ratings", {"ticket_id": taken["id"], "level": 5}, **{"X-Govhall-Device": evaluator_token}
    )
    assert rated.status_code == 201, rated.content
    again = device.post(
        "/hall/device/ratings",
        {"ticket_id": taken["id"], "level": 1, "reasons": ["slow"]},
        **{"X-Govhall-Device": evaluator_token},
    )
    assert again.status_code == 409 and again.json()["code"] == "evaluation.already_rated"


def test_the_clerks_login_cannot_rate_even_with_the_device_token(hall, clock, kiosk, as_clerk, evaluator_token):
    taken = _take(kiosk, hall)
    as_clerk.post(f"/hall/windows/{hall.window.pk}/call-next")
    base = f"/hall/windows/{hall.window.pk}/tickets/{taken['id']}"
    as_clerk.post(f"{base}/start")
    as_clerk.post(f"{base}/finish", {})
    response = as_clerk.post(
        "/hall/device/ratings", {"ticket_id": taken["id"], "level": 5}, **{"X-Govhall-Device": evaluator_token}
    )
    assert response.status_code == 403 and response.json()["code"] == "evaluation.staff_session"
    without_device = as_clerk.post("/hall/device/ratings", {"ticket_id": taken["id"], "level": 5})
    assert without_device.status_code == 401
    assert not Evaluation.objects.exists()


def test_the_board_is_polled_with_its_version(hall, clock, kiosk, as_clerk, anonymous):
    _take(kiosk, hall)
    first = anonymous.get(f"/hall/centers/{hall.center.code}/board").json()
    assert first["changed"] and first["categories"][0]["waiting"] == 1
    same = anonymous.get(f"/hall/centers/{hall.center.code}/board", {"since": first["version"]}).json()
    assert same["changed"] is False
    as_clerk.post(f"/hall/windows/{hall.window.pk}/call-next")
    after = anonymous.get(f"/hall/centers/{hall.center.code}/board", {"since": first["version"]}).json()
    assert [c["number"] for c in after["calls"]] == ["A001"]
    assert after["latest_by_window"][0]["window_number"] == "01"


def test_an_appointment_is_booked_online_and_checked_in_at_the_kiosk(hall, clock, kiosk, anonymous):
    day = datetime.date(2026, 3, 10)
    services.open_slots(
        category=hall.a, days=[day], times=[datetime.time(10, 30)], capacity=1, actor=hall.manager_actor
    )
    slots = anonymous.get(f"/hall/categories/{hall.a.pk}/slots", {"day_from": "2026-03-10", "day_to": "2026-03-10"})
    (slot,) = slots.json()
    body = {"name": "王五", "id_number": YOUNG_ID, "phone": "13912345678"}
    booked = anonymous.post(f"/hall/slots/{slot['id']}/appointments", body)
    assert booked.status_code == 201 and booked.json()["id_number"] == "1101**********1239"
    full = anonymous.post(f"/hall/slots/{slot['id']}/appointments", {**body, "id_number": "11010519491231002X"})
    assert full.status_code == 409 and full.json()["code"] == "appointment.slot_full"
    code = booked.json()["code"]
    early = kiosk(f"/hall/appointments/{code}/check-in")
    assert early.status_code == 409 and early.json()["code"] == "appointment.too_early"
    clock.advance(40)  # 10:10, within 30 minutes before 10:30
    checked = kiosk(f"/hall/appointments/{code}/check-in")
    assert checked.status_code == 200 and checked.json()["priority"] == "appointment"
    assert Appointment.objects.get().status == "checked_in"


def test_an_appointment_is_cancelled_only_with_the_bookers_id_number(hall, clock, anonymous):
    slot = services.open_slots(
        category=hall.a,
        days=[datetime.date(2026, 3, 11)],
        times=[datetime.time(10, 0)],
        capacity=1,
        actor=hall.manager_actor,
    )[0]
    code = anonymous.post(
        f"/hall/slots/{slot.pk}/appointments", {"name": "王五", "id_number": YOUNG_ID, "phone": "13912345678"}
    ).json()["code"]
    wrong = anonymous.post(f"/hall/appointments/{code}/cancel", {"id_number": "11010519491231002X"})
    assert wrong.status_code == 403 and wrong.json()["code"] == "appointment.not_booker"
    ok = anonymous.post(f"/hall/appointments/{code}/cancel", {"id_number": YOUNG_ID})
    assert ok.status_code == 200 and ok.json()["status"] == "cancelled"


def test_a_closed_case_is_rated_online_once(hall, clock, anonymous, hall_case):
    body = {"id_number": hall_case.applicant_id_number, "level": 2, "reasons": ["slow"], "contact_consent": True}
    early = anonymous.post(f"/hall/cases/{hall_case.receipt_number}/rating", body)
    assert early.status_code == 409 and early.json()["code"] == "evaluation.case_not_closed"
    Case.objects.filter(pk=hall_case.pk).update(status=Status.CLOSED)
    assert anonymous.post(f"/hall/cases/{hall_case.receipt_number}/rating", body).status_code == 201
    again = anonymous.post(f"/hall/cases/{hall_case.receipt_number}/rating", body)
    assert again.json()["code"] == "evaluation.already_rated"
    stranger = anonymous.post(f"/hall/cases/{hall_case.receipt_number}/rating", {**body, "id_number": YOUNG_ID})
    assert stranger.status_code == 404


def test_a_clerk_cannot_call_at_another_window_through_the_api(hall, clock, kiosk, as_clerk):
    _take(kiosk, hall)
    response = as_clerk.post(f"/hall/windows/{hall.window2.pk}/call-next")
    assert response.status_code == 403 and response.json()["code"] == "queue.window_not_yours"
    assert Ticket.objects.get().status == TicketStatus.WAITING


def test_a_called_ticket_is_transferred_through_the_api(hall, clock, kiosk, as_clerk):
    taken = _take(kiosk, hall)
    clock.advance(1)
    as_clerk.post(f"/hall/windows/{hall.window.pk}/call-next")
    clock.advance(1)
    response = as_clerk.post(
        f"/hall/windows/{hall.window.pk}/tickets/{taken['id']}/transfer", {"to_category_id": hall.b.pk}
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "waiting"
    ticket = Ticket.objects.get(pk=taken["id"])
    assert (ticket.category_id, ticket.window_id) == (hall.b.pk, None)
    assert [p.state for p in ticket.periods.all()] == ["waiting", "called", "waiting"]


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "code"),
    [
        ("post", "/hall/categories/999999/tickets", {}, 404, "queue.category_not_found"),
        ("post", "/hall/categories/99999999999/tickets", {}, 400, "invalid_parameter"),
        ("post", "/hall/categories/{a}/tickets", {"priority": "vip"}, 400, "invalid_parameter"),
        ("post", "/hall/categories/{a}/tickets", {"priority": "green"}, 403, "queue.green_channel_staff_only"),
        ("post", "/hall/categories/{a}/tickets", {"id_number": "123456789012345678"}, 400, "resident_id_checksum"),
        ("post", "/hall/categories/{a}/tickets", None, 400, "invalid_parameter"),
        ("post", "/hall/tickets/424242/requeue", None, 404, "queue.ticket_not_found"),
        ("post", "/hall/appointments/nope/check-in", None, 404, "appointment.not_found"),
    ],
)
def test_bad_kiosk_input_gives_a_code_not_a_500(hall, clock, client, kiosk_token, method, path, body, status, code):
    path = path.format(a=hall.a.pk)
    device = ApiClient(client, None)
    if body is None and "tickets" in path and "requeue" not in path:
        response = device.post(path, raw="{not json", **{"X-Govhall-Device": kiosk_token})
    else:
        response = device.post(path, body, **{"X-Govhall-Device": kiosk_token})
    assert response.status_code == status, response.content
    assert response.json()["code"] == code


def test_bad_window_and_board_input_gives_codes_not_500s(hall, clock, as_clerk, anonymous, kiosk):
    assert as_clerk.post(f"/hall/windows/{hall.window.pk}/call-next").json()["code"] == "queue.no_ticket_waiting"
    taken = _take(kiosk, hall)
    base = f"/hall/windows/{hall.window.pk}/tickets/{taken['id']}"
    assert as_clerk.post(f"{base}/finish", {}).json()["code"] == "queue.ticket_not_at_window"
    as_clerk.post(f"/hall/windows/{hall.window.pk}/call-next")
    assert as_clerk.post(f"{base}/finish", {}).json()["code"] == "queue.ticket_not_serving"
    as_clerk.post(f"{base}/start")
    assert as_clerk.post(f"{base}/transfer", {}).json()["code"] == "queue.transfer_target_required"
    assert as_clerk.post(f"{base}/transfer", {"to_window_id": 99999}).json()["code"] == "queue.window_not_found"
    assert as_clerk.post(f"{base}/finish", {"receipt_numbers": ["NOPE"]}).json()["code"] == "queue.case_not_found"
    assert as_clerk.post("/hall/windows/0/call-next").status_code == 400
    assert anonymous.get("/hall/centers/NOPE/board").json()["code"] == "queue.center_not_found"
    assert (
        anonymous.get(f"/hall/centers/{hall.center.code}/board", {"since": "x"}).json()["code"] == "invalid_parameter"
    )
    assert anonymous.post(f"/hall/windows/{hall.window.pk}/call-next").status_code == 401
    rating = anonymous.post("/hall/device/ratings", {"ticket_id": 1, "level": 9})
    assert rating.status_code == 401
    assert anonymous.post("/hall/slots/1/appointments", {"name": "x"}).json()["code"] == "invalid_parameter"
