import datetime as dt
import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from govhall.accounts.models import ApiToken
from govhall.accounts.tokens import hash_token, issue_token
from govhall.api.auth import TokenAuth
from govhall.api.tests.conftest import ID_NUMBER, ApiClient, submit_body
from govhall.cases.models import Case, CaseEvent, Status, Task
from govhall.core import workdays
from govhall.core.models import AuditEntry
from govhall.org.access import roles_of, staff_of
from govhall.org.models import Role
from govhall.testing.factories import CenterFactory, make_staff

pytestmark = pytest.mark.django_db


def _accepted(as_clerk, receipt):
    response = as_clerk.post(f"/cases/{receipt}/accept")
    assert response.status_code == 200, response.content
    return response.json()


def _open_task(as_user, receipt):
    return next(t for t in as_user.get(f"/cases/{receipt}").json()["tasks"] if t["state"] == "open")


# --- the whole way ------------------------------------------------------------------------------------
def test_a_case_goes_from_submission_to_closing_through_the_api(as_clerk, as_approver, as_chief, receipt):
    case = _accepted(as_clerk, receipt)
    assert case["status"] == "in_review" and case["promised_deadline"]

    review = _open_task(as_approver, receipt)
    assert as_approver.post(f"/tasks/{review['id']}/claim").status_code == 200
    done = as_approver.post(f"/tasks/{review['id']}/complete", {"opinion": "材料齐全，符合条件"}).json()
    assert done["task"]["step_name"] == "决定"

    for path, user, body in [
        ("decide", as_chief, {"approve": True}),
        ("certify", as_clerk, {}),
        ("deliver", as_clerk, {"note": "窗口领取"}),
        ("close", as_clerk, {}),
    ]:
        response = user.post(f"/cases/{receipt}/{path}", body)
        assert response.status_code == 200, (path, response.content)
        if path == "decide":  # Art. 44: the licence is delivered within 10 working days of the decision
            decided = response.json()
            due = workdays.add_working_days(dt.date.fromisoformat(decided["decided_on"]), 10).date
            assert (decided["delivery_deadline"], decided["delivered_on"]) == (due.isoformat(), None)
    assert response.json()["status"] == "closed"
    assert response.json()["delivered_on"] == response.json()["closed_on"]
    assert as_clerk.get("/cases?delivery=pending").json()["count"] == 0
    assert as_clerk.get("/cases?delivery=late").json()["count"] == 0  # delivered on the day of the decision
    refused = as_clerk.get("/cases?delivery=soon")
    assert refused.status_code == 400 and refused.json()["field"] == "delivery"

    detail = as_clerk.get(f"/cases/{receipt}").json()
    assert [e["action"] for e in detail["timeline"]] == [
        "submitted",
        "accepted",
        "task_claimed",
        "task_completed",
        "approved",
        "certified",
        "delivered",
        "closed",
    ]
    assert detail["timeline"][1]["actor_role"] == Role.WINDOW_CLERK
    assert {t["step_name"] for t in detail["tasks"]} == {"审查", "决定"}
    assert len(detail["materials"]) == 2


def test_a_special_procedure_and_an_extension_are_recorded_on_the_case(as_clerk, as_approver, as_chief, receipt):
    _accepted(as_clerk, receipt)
    suspended = as_approver.post(f"/cases/{receipt}/suspend", {"procedure": "现场核查", "reason": "需现场核查"})
    assert suspended.json()["status"] == "suspended"
    assert as_approver.post(f"/cases/{receipt}/resume").json()["status"] == "in_review"
    extended = as_chief.post(f"/cases/{receipt}/extend", {"reason": "情况复杂"})
    assert extended.status_code == 200
    detail = as_clerk.get(f"/cases/{receipt}").json()
    assert detail["extension_days"] == 10
    assert [s["name"] for s in detail["suspensions"]] == ["现场核查"]
    assert detail["suspensions"][0]["resumed_on"] is not None
    assert detail["extensions"][0]["reason"] == "情况复杂"


def test_a_supplement_notice_a_refusal_and_a_withdrawal_through_the_api(as_clerk, food_item, center, receipt):
    notice = as_clerk.post(f"/cases/{receipt}/request-supplement", {"missing": ["营业场所证明"], "note": "一次告知"})
    assert notice.json()["status"] == "supplement"
    assert as_clerk.post(f"/cases/{receipt}/withdraw", {"note": "申请人撤回"}).json()["status"] == "withdrawn"

    other = as_clerk.post("/cases", submit_body(food_item, center)).json()["receipt_number"]
    refused = as_clerk.post(f"/cases/{other}/refuse", {"reason": "不属于本机关职权范围"})
    assert refused.json()["status"] == "refused"


def test_a_step_is_returned_and_transferred_through_the_api(
    as_clerk, as_approver, as_chief, approver, chief, receipt, client
):
    _accepted(as_clerk, receipt)
    review = _open_task(as_approver, receipt)
    as_approver.post(f"/tasks/{review['id']}/complete", {"opinion": "同意"})
    decision = _open_task(as_chief, receipt)
    back = as_chief.post(
        f"/tasks/{decision['id']}/return", {"to_position": review["step_position"], "reason": "意见不完整"}
    )
    assert back.status_code == 200 and back.json()["task"]["step_name"] == "审查"
    reopened = back.json()["task"]
    assert reopened["assignee"] == approver.username  # back to who did it
    again = as_chief.post(f"/tasks/{reopened['id']}/transfer", {"username": approver.username, "reason": "原经办人"})
    assert (again.status_code, again.json()["code"], again.json()["field"]) == (400, "bad_transfer", "username")
    taken = as_chief.post(f"/tasks/{reopened['id']}/transfer", {"username": chief.username, "reason": "首席代表复核"})
    assert taken.status_code == 200 and taken.json()["task"]["assignee"] == chief.username
    moved = as_chief.post(
        f"/tasks/{reopened['id']}/transfer", {"username": approver.username, "reason": "由原经办人办理"}
    )
    assert moved.status_code == 200, moved.content
    assert moved.json()["task"]["assignee"] == approver.username
    mine = as_approver.get("/tasks", {"mine": "1"}).json()
    assert [t["id"] for t in mine] == [reopened["id"]]


def test_the_department_pool_lists_unclaimed_tasks_of_my_roles(as_clerk, as_approver, receipt):
    _accepted(as_clerk, receipt)
    pool = as_approver.get("/tasks").json()
    assert [(t["receipt_number"], t["step_name"]) for t in pool] == [(receipt, "审查")]
    assert as_approver.get("/tasks", {"mine": "1"}).json() == []


# --- idempotent submit ------------------------------------------------------------------------------------
def test_a_retried_submit_with_the_same_key_returns_the_same_case_with_200(as_clerk, body):
    first = as_clerk.post("/cases", body, **{"Idempotency-Key": "pos-7-0001"})
    again = as_clerk.post("/cases", body, **{"Idempotency-Key": "pos-7-0001"})
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["receipt_number"] == again.json()["receipt_number"]
    assert Case.objects.count() == 1
    assert CaseEvent.objects.filter(action="submitted").count() == 1


def test_only_a_window_clerk_or_chief_of_the_items_department_at_his_center_receives(
    client, body, approver, supervisor, manager, other_department_clerk, food_item, market_window
):
    for user in (approver, supervisor, manager):
        response = ApiClient(client, user).post("/cases", body)
        assert (response.status_code, response.json()["code"]) == (403, "role_not_allowed"), user.username
    response = ApiClient(client, other_department_clerk).post("/cases", body)
    refused = (response.status_code, response.json()["code"], response.json()["field"])
    assert refused == (403, "out_of_scope", "item_code")
    elsewhere = CenterFactory(code="QCXZ", name="青林镇便民服务中心")
    far_clerk = make_staff("farclerk", Role.WINDOW_CLERK, windows=[market_window], center=elsewhere)
    response = ApiClient(client, far_clerk).post("/cases", body)
    assert (response.status_code, response.json()["field"]) == (403, "center_code")
    assert not Case.objects.exists() and not AuditEntry.objects.filter(action__startswith="cases.").exists()


def test_a_key_never_shows_the_case_to_someone_who_may_not_receive_it(client, as_clerk, body, other_department_clerk):
    first = as_clerk.post("/cases", body, **{"Idempotency-Key": "pos-7-0009"})
    assert first.status_code == 201
    stranger = ApiClient(client, other_department_clerk).post("/cases", body, **{"Idempotency-Key": "pos-7-0009"})
    assert stranger.status_code == 403 and first.json()["receipt_number"] not in stranger.content.decode()


def test_the_same_key_with_another_body_is_refused_with_409(as_clerk, body):
    assert as_clerk.post("/cases", body, **{"Idempotency-Key": "pos-7-0002"}).status_code == 201
    changed = {**body, "form_data": {"经营场所": "另一个地址"}}
    response = as_clerk.post("/cases", changed, **{"Idempotency-Key": "pos-7-0002"})
    assert response.status_code == 409
    assert response.json()["code"] == "idempotency_key_reused"
    assert Case.objects.count() == 1


def test_without_a_key_two_submits_are_two_cases(as_clerk, body):
    numbers = {as_clerk.post("/cases", body).json()["receipt_number"] for _ in range(2)}
    assert len(numbers) == 2


# --- refusals with their own codes ----------------------------------------------------------------------
def test_an_approver_may_not_accept_and_gets_role_not_allowed(as_approver, receipt):
    response = as_approver.post(f"/cases/{receipt}/accept")
    assert response.status_code == 403
    assert response.json()["code"] == "role_not_allowed"
    assert Case.objects.get().status == Status.SUBMITTED


def test_a_role_the_user_does_not_hold_is_refused(client, clerk, receipt):
    as_chief_pretender = ApiClient(client, clerk, role=Role.CHIEF_REPRESENTATIVE)
    response = as_chief_pretender.post(f"/cases/{receipt}/accept")
    assert response.status_code == 403
    assert response.json() == {
        "code": "role_not_held",
        "message": response.json()["message"],
        "field": "X-Govhall-Role",
    }


def test_a_clerk_of_another_department_gets_out_of_scope(client, other_department_clerk, receipt):
    response = ApiClient(client, other_department_clerk).post(f"/cases/{receipt}/accept")
    assert response.status_code == 403
    assert response.json()["code"] == "out_of_scope"


def test_an_action_in_the_wrong_status_gets_409_invalid_transition(as_clerk, receipt):
    response = as_clerk.post(f"/cases/{receipt}/deliver")
    assert response.status_code == 409
    assert response.json()["code"] == "invalid_transition"


def test_delivering_a_licence_before_it_is_made_gets_409_certificate_required(as_clerk, as_approver, as_chief, receipt):
    _accepted(as_clerk, receipt)
    review = _open_task(as_approver, receipt)
    as_approver.post(f"/tasks/{review['id']}/complete", {"opinion": "同意"})
    assert as_chief.post(f"/cases/{receipt}/decide", {"approve": True}).status_code == 200
    response = as_clerk.post(f"/cases/{receipt}/deliver")
    assert response.status_code == 409
    assert response.json()["code"] == "certificate_required"
    assert "须先制证" in response.json()["message"]
    assert Case.objects.get().status == Status.APPROVED


def test_a_result_is_posted_with_its_tracking_number_and_the_address_is_masked_in_the_timeline(
    as_clerk, as_approver, as_chief, receipt
):
    _accepted(as_clerk, receipt)
    review = _open_task(as_approver, receipt)
    as_approver.post(f"/tasks/{review['id']}/complete", {"opinion": "同意"})
    as_chief.post(f"/cases/{receipt}/decide", {"approve": True})
    as_clerk.post(f"/cases/{receipt}/certify")
    refused = as_clerk.post(f"/cases/{receipt}/deliver", {"method": "post"})
    assert refused.status_code == 400 and refused.json()["field"] == "tracking_number"
    refused = as_clerk.post(f"/cases/{receipt}/deliver", {"method": "carrier pigeon"})
    assert refused.status_code == 400 and refused.json()["field"] == "method"
    body = {"method": "post", "address": "四川省清川县城关镇人民路8号2单元", "tracking_number": "1151234567890"}
    assert as_clerk.post(f"/cases/{receipt}/deliver", body).status_code == 200
    [delivered] = [e for e in as_clerk.get(f"/cases/{receipt}").json()["timeline"] if e["action"] == "delivered"]
    assert delivered["data"]["method_code"] == "post" and delivered["data"]["tracking_number"] == "1151234567890"
    assert delivered["data"]["address"] == "四川省清川县城关镇****"
    revealed = as_clerk.get(f"/cases/{receipt}?reveal=1").json()["timeline"]
    assert next(e for e in revealed if e["action"] == "delivered")["data"]["address"] == body["address"]


def test_a_stale_expected_revision_gets_409_and_changes_nothing(as_clerk, receipt):
    _accepted(as_clerk, receipt)  # revision 0 → 1
    response = as_clerk.post(f"/cases/{receipt}/withdraw", {"expected_revision": 0, "note": "旧页面"})
    assert response.status_code == 409
    assert response.json()["code"] == "stale_case"
    case = Case.objects.get()
    assert (case.status, case.revision) == (Status.IN_REVIEW, 1)
    assert not CaseEvent.objects.filter(action="withdrawn").exists()
    ok = as_clerk.post(f"/cases/{receipt}/withdraw", {"expected_revision": 1})
    assert ok.status_code == 200


def test_a_stale_revision_on_a_step_gets_409(as_clerk, as_approver, receipt):
    _accepted(as_clerk, receipt)
    review = _open_task(as_approver, receipt)
    response = as_approver.post(f"/tasks/{review['id']}/complete", {"opinion": "同意", "expected_revision": 0})
    assert (response.status_code, response.json()["code"]) == (409, "stale_case")
    assert Task.objects.get(pk=review["id"]).state == Task.State.OPEN


def test_an_unknown_case_or_task_is_404(as_clerk):
    assert as_clerk.get("/cases/NOSUCH").json()["code"] == "case_not_found"
    response = as_clerk.post("/tasks/999999/claim")
    assert (response.status_code, response.json()["code"]) == (404, "task_not_found")


# --- authentication ---------------------------------------------------------------------------------------
def test_without_a_token_the_api_answers_401(client, receipt):
    for response in (client.get("/api/v1/cases"), client.post(f"/api/v1/cases/{receipt}/accept")):
        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"


def test_a_revoked_or_wrong_token_is_401(client, as_clerk):
    ApiToken.objects.update(revoked=True)
    assert as_clerk.get("/cases").status_code == 401
    assert client.get("/api/v1/cases", headers={"Authorization": "Bearer gh_nonsense"}).status_code == 401


def test_a_token_revoked_between_two_requests_is_refused_at_the_second(as_clerk, receipt):
    assert as_clerk.get(f"/cases/{receipt}").status_code == 200
    token = ApiToken.objects.get()
    token.revoked = True
    token.save()
    response = as_clerk.get(f"/cases/{receipt}")
    assert (response.status_code, response.json()["code"]) == (401, "not_authenticated")


def test_a_role_taken_away_between_two_requests_no_longer_acts(as_clerk, clerk, receipt):
    assert as_clerk.get(f"/cases/{receipt}").status_code == 200
    clerk.staff.roles.filter(role=Role.WINDOW_CLERK).delete()
    response = as_clerk.post(f"/cases/{receipt}/accept")
    assert response.status_code == 403
    assert Case.objects.get(receipt_number=receipt).status == Status.SUBMITTED


def test_a_token_request_learns_its_user_and_every_role_in_one_statement(rf, chief, django_assert_num_queries):
    raw = issue_token(user=chief, name="tests")[1]
    TokenAuth().authenticate(rf.get("/"), raw)  # the first use also notes last_used
    request = rf.get("/")
    with django_assert_num_queries(1):
        user = TokenAuth().authenticate(request, raw)
        assert roles_of(user) == {Role.CHIEF_REPRESENTATIVE, Role.APPROVER}
        assert staff_of(user).department.code == chief.staff.department.code
    assert request.user == chief


def test_a_token_of_a_user_without_staff_profile_authenticates_but_may_not_act(client, django_user_model):
    someone = django_user_model.objects.create_user(username="someone", password="x")
    as_someone = ApiClient(client, someone)
    response = as_someone.get("/cases")
    assert (response.status_code, response.json()["code"]) == (403, "staff_only")


def test_an_action_answers_the_case_it_made_with_its_item_and_center_without_reading_them_again(
    as_clerk, receipt, food_item, center, django_assert_max_num_queries
):
    with CaptureQueriesContext(connection) as queries:
        answer = _accepted(as_clerk, receipt)
    assert (answer["item_code"], answer["center_code"]) == (food_item.code, center.code)
    assert answer["department_code"] == food_item.department.code and answer["status"] == Status.IN_REVIEW
    # The access read joined them; the service's locked row takes them from there.
    reads = [q["sql"] for q in queries.captured_queries]
    assert not [sql for sql in reads if 'FROM "catalog_serviceitem"' in sql or 'FROM "org_center"' in sql]


def test_a_token_is_stored_as_its_hash_and_records_its_last_use(as_clerk):
    token = ApiToken.objects.get()
    assert token.key_hash == hash_token(as_clerk.token) and as_clerk.token not in token.key_hash
    as_clerk.get("/cases")
    token.refresh_from_db()
    assert token.last_used is not None


def test_the_create_api_token_command_prints_the_token_once(clerk):
    out = StringIO()
    call_command("create_api_token", "clerk", "叫号机", stdout=out)
    raw = out.getvalue().strip()
    assert raw.startswith("gh_")
    assert ApiToken.objects.get(user=clerk, name="叫号机").key_hash == hash_token(raw)


def test_a_page_session_may_call_the_api_and_unsafe_calls_need_the_csrf_token(clerk, receipt):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(clerk)
    assert browser.get("/api/v1/cases").status_code == 200
    refused = browser.post(f"/api/v1/cases/{receipt}/accept", "{}", content_type="application/json")
    assert (refused.status_code, refused.json()["code"]) == (403, "csrf_failed")
    csrf = "k" * 32  # a page has it from the csrftoken cookie
    browser.cookies["csrftoken"] = csrf
    accepted = browser.post(
        f"/api/v1/cases/{receipt}/accept", "{}", content_type="application/json", headers={"X-CSRFToken": csrf}
    )
    assert accepted.status_code == 200, accepted.content


# --- bad input: always a 400 with a code, never a 500 ---------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "code", "field"),
    [
        ("{not json", "invalid_parameter", None),
        ("[1, 2]", "invalid_parameter", None),
        ("{}", "invalid_parameter", "item_code"),
        ('{"item_code": 5}', "invalid_parameter", "item_code"),
    ],
)
def test_garbage_and_missing_fields_get_400_invalid_parameter(as_clerk, raw, code, field):
    response = as_clerk.post("/cases", raw=raw)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == code
    if field:
        assert body["field"] == field
    assert any("\u4e00" <= ch <= "\u9fff" for ch in body["message"])


@pytest.mark.parametrize(
    ("change", "status", "code"),
    [
        ({"item_code": "NOSUCHITEM"}, 400, "unknown_item"),
        ({"center_code": "NOWHERE"}, 400, "unknown_center"),
        ({"window_number": "99"}, 400, "unknown_window"),
        ({"channel": "carrier_pigeon"}, 400, "invalid_parameter"),
        ({"materials": [{"material_id": 2**40}]}, 400, "invalid_parameter"),
        ({"materials": [{"material_id": 999999}]}, 400, "unknown_material"),
        ({"materials": "all of them"}, 400, "invalid_parameter"),
        ({"form_data": [1, 2, 3]}, 400, "invalid_parameter"),
        ({"item_code": "x" * 10_000}, 400, "invalid_parameter"),
        (
            {"applicant": {"kind": "person", "name": "张" * 5000, "id_kind": "resident_id", "id_number": ID_NUMBER}},
            400,
            "invalid_parameter",
        ),
        (
            {"applicant": {"kind": "alien", "name": "张三", "id_kind": "resident_id", "id_number": ID_NUMBER}},
            400,
            "invalid_choice",
        ),
        (
            {
                "applicant": {
                    "kind": "person",
                    "name": "张三",
                    "id_kind": "resident_id",
                    "id_number": "110105194912310021",
                }
            },
            400,
            "resident_id_checksum",
        ),
    ],
)
def test_bad_submissions_get_a_4xx_with_a_code(as_clerk, body, change, status, code):
    response = as_clerk.post("/cases", {**body, **change})
    assert response.status_code == status, response.content
    assert response.json()["code"] == code
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    ("path", "raw"),
    [
        ("refuse", '{"reason": 5}'),
        ("refuse", "{}"),
        ("refuse", '{"reason": "' + "x" * 5000 + '"}'),
        ("accept", '{"expected_revision": "one"}'),
        ("accept", '{"expected_revision": 99999999999999}'),
        ("extend", '{"reason": "r", "days": 100000}'),
        ("decide", '{"approve": "perhaps"}'),
        ("request-supplement", '{"missing": []}'),
    ],
)
def test_bad_action_bodies_get_400_invalid_parameter(as_clerk, receipt, path, raw):
    response = as_clerk.post(f"/cases/{receipt}/{path}", raw=raw)
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "invalid_parameter"


def test_an_overlong_idempotency_key_is_400(as_clerk, body):
    response = as_clerk.post("/cases", body, **{"Idempotency-Key": "k" * 81})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_parameter"
    assert not Case.objects.exists()


def test_bad_paths_and_queries_are_4xx(as_clerk, receipt):
    assert as_clerk.post("/tasks/99999999999999/claim").status_code == 400
    assert as_clerk.get("/cases", {"received_from": "yesterday"}).json()["code"] == "invalid_parameter"
    assert as_clerk.get("/cases", {"status": "lost"}).status_code == 400
    assert as_clerk.get("/cases", {"page_size": "100000"}).status_code == 400
    assert as_clerk.get("/cases/" + "x" * 500).status_code in (400, 404)


# --- reading: masked lists, logged reveals, bounded queries ----------------------------------------------
def test_the_case_list_masks_the_applicant(as_clerk, receipt):
    row = as_clerk.get("/cases").json()["results"][0]
    assert row["applicant_name"] == "张*"
    assert row["applicant_id_number"] == "1101**********002X"
    detail = as_clerk.get(f"/cases/{receipt}").json()
    assert detail["applicant"]["masked"] is True
    assert detail["applicant"]["phone"] == "139****5678"


def test_reveal_shows_the_applicant_and_logs_who_read_it(as_clerk, clerk, receipt):
    applicant = as_clerk.get(f"/cases/{receipt}", {"reveal": "1"}).json()["applicant"]
    assert applicant["masked"] is False
    assert (applicant["name"], applicant["id_number"], applicant["phone"]) == ("张三", ID_NUMBER, "13912345678")
    logged = AuditEntry.objects.filter(action="core.personal_data.revealed")
    assert logged.count() == 4  # name, ID number, phone, address: the empty agent fields reveal nothing
    assert set(logged.values_list("actor_id", flat=True)) == {clerk.pk}


def test_a_clerk_of_another_department_cannot_read_or_list_the_case(client, other_department_clerk, receipt):
    stranger = ApiClient(client, other_department_clerk)
    assert stranger.get(f"/cases/{receipt}", {"reveal": "1"}).json()["code"] == "out_of_scope"
    assert stranger.get("/cases").json()["count"] == 0
    assert not AuditEntry.objects.filter(action="core.personal_data.revealed").exists()


def test_the_case_list_filters(as_clerk, food_item, center, receipt):
    second = as_clerk.post("/cases", submit_body(food_item, center)).json()["receipt_number"]
    _accepted(as_clerk, second)
    by_status = as_clerk.get("/cases", {"status": "in_review"}).json()
    assert [r["receipt_number"] for r in by_status["results"]] == [second]
    assert as_clerk.get("/cases", {"receipt_number": receipt}).json()["count"] == 1
    assert as_clerk.get("/cases", {"item_code": food_item.code}).json()["count"] == 2
    assert as_clerk.get("/cases", {"department_code": "QCSCJG"}).json()["count"] == 2
    assert as_clerk.get("/cases", {"department_code": "QCZJJ"}).json()["count"] == 0
    assert as_clerk.get("/cases", {"received_to": "2000-01-01"}).json()["count"] == 0
    assert as_clerk.get("/cases", {"light": "green"}).json()["count"] in (0, 1)
    page = as_clerk.get("/cases", {"page_size": 1, "page": 2}).json()
    assert (page["count"], len(page["results"])) == (2, 1)


def test_the_case_list_refuses_bad_filters_with_a_code_and_a_field(as_clerk, receipt):
    reversed_range = as_clerk.get("/cases", {"received_from": "2026-09-30", "received_to": "2026-09-01"})
    assert reversed_range.status_code == 400
    body = reversed_range.json()
    assert (body["code"], body["field"]) == ("invalid_range", "received_to")
    assert body["message"] == "截止日期不能早于起始日期"
    bad_light = as_clerk.get("/cases", {"light": "purple"})
    assert bad_light.status_code == 400 and bad_light.json()["field"] == "light"


def test_the_case_list_query_count_does_not_grow_with_the_cases(
    as_clerk, food_item, center, django_assert_max_num_queries
):
    def list_queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert as_clerk.get("/cases", {"page_size": 100}).status_code == 200
        return len(ctx.captured_queries)

    as_clerk.post("/cases", submit_body(food_item, center))
    as_clerk.get("/cases")  # the token's last_used is written at most once a minute: not part of the count
    few = list_queries()
    for _ in range(6):
        as_clerk.post("/cases", submit_body(food_item, center))
    with django_assert_max_num_queries(10):
        body = as_clerk.get("/cases", {"page_size": 100}).json()
    assert body["count"] == 7
    assert list_queries() == few


# --- the OpenAPI document -----------------------------------------------------------------------------------
def test_every_case_endpoint_is_documented_with_its_error_schema(client):
    spec = client.get("/api/v1/openapi.json").json()
    case_paths = {p: ops for p, ops in spec["paths"].items() if p.startswith(("/api/v1/cases", "/api/v1/tasks"))}
    assert len(case_paths) >= 17
    for path, operations in case_paths.items():
        for method, op in operations.items():
            assert op.get("summary"), (path, method)
            for status in ("400", "401", "403", "404", "409"):
                assert status in op["responses"], (path, method, status)
    submit = spec["paths"]["/api/v1/cases"]["post"]
    assert {"200", "201"} <= set(submit["responses"])
    assert any(p["name"] == "Idempotency-Key" for p in submit["parameters"])
    schemes = spec["components"]["securitySchemes"]
    assert schemes["TokenAuth"] == {"type": "http", "scheme": "bearer"}
    assert schemes["SessionAuth"]["in"] == "cookie"
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200 and b"cdn" not in docs.content.lower()


# --- two clerks at once (PostgreSQL) -------------------------------------------------------------------------
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs real concurrent transactions")
@pytest.mark.django_db(transaction=True)
def test_two_clerks_accepting_at_once_one_wins_and_the_other_gets_409(clerk, food_item, center):
    setup = ApiClient(Client(), clerk)
    receipt = setup.post("/cases", submit_body(food_item, center)).json()["receipt_number"]
    barrier = threading.Barrier(2)
    statuses: list[int] = []

    def accept() -> None:
        try:
            own = ApiClient.__new__(ApiClient)
            own.client, own.role, own.token = Client(), None, setup.token
            barrier.wait()
            statuses.append(own.post(f"/cases/{receipt}/accept").status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=accept) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(statuses) == [200, 409]
    assert CaseEvent.objects.filter(action="accepted").count() == 1
    assert Case.objects.get().tasks.count() == 1


# --- errors no endpoint made are JSON too ---------------------------------------------------------------------
def test_a_wrong_or_revoked_token_on_a_write_is_401_not_a_csrf_failure(client, receipt):
    response = client.post(
        f"/api/v1/cases/{receipt}/accept", "{}", content_type="application/json", headers={"Authorization": "Bearer x"}
    )
    assert (response.status_code, response.json()["code"]) == (401, "not_authenticated")
    assert Case.objects.get(receipt_number=receipt).status == Status.SUBMITTED


def test_unknown_addresses_wrong_methods_and_oversized_bodies_get_json_errors(as_clerk, receipt, settings, body):
    missing = as_clerk.get("/nothing-here")
    assert (missing.status_code, missing.json()["code"]) == (404, "not_found")
    assert as_clerk.get(f"/cases/{receipt}/bogus").json()["code"] == "not_found"
    wrong = as_clerk.get(f"/cases/{receipt}/accept")
    assert (wrong.status_code, wrong.json()["code"]) == (405, "method_not_allowed")
    assert "POST" in wrong["Allow"] and "GET" in wrong.json()["message"]
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    big = as_clerk.post("/cases", {**body, "form_data": {"备注": "x" * 20_000}})
    assert (big.status_code, big.json()["code"]) == (413, "payload_too_large")
    assert Case.objects.count() == 1  # the receipt fixture's


def test_a_body_that_is_not_a_json_object_is_refused_and_changes_nothing(as_clerk, receipt):
    for raw in ("null", "123", '"x"', "true", "[1, 2]", "[]"):
        response = as_clerk.post(f"/cases/{receipt}/withdraw", raw=raw)
        assert (response.status_code, response.json()["code"]) == (400, "invalid_parameter"), raw
    assert Case.objects.get(receipt_number=receipt).status == Status.SUBMITTED
    assert as_clerk.post(f"/cases/{receipt}/withdraw", raw="").status_code == 200  # no body at all: no fields given


def test_a_case_back_from_supplement_is_resubmitted_over_the_api(as_clerk, as_approver, receipt, food_item):
    missing = food_item.current_version.materials.first()
    Case.objects.get(receipt_number=receipt).materials.filter(material=missing).update(state="missing")
    assert as_clerk.post(f"/cases/{receipt}/request-supplement", {"missing": ["食品经营许可申请书"]}).status_code == 200
    refused = as_approver.post(f"/cases/{receipt}/resubmit", {"received": [missing.pk]})
    assert (refused.status_code, refused.json()["code"]) == (403, "role_not_allowed")
    unknown = as_clerk.post(f"/cases/{receipt}/resubmit", {"received": [999999]})
    assert (unknown.status_code, unknown.json()["code"]) == (400, "unknown_material")
    done = as_clerk.post(f"/cases/{receipt}/resubmit", {"received": [missing.pk]})
    assert (done.status_code, done.json()["status"]) == (200, "submitted")
    again = as_clerk.post(f"/cases/{receipt}/request-supplement", {"missing": ["又一份"]})
    assert again.json()["code"] == "supplement_already_requested"


def test_nul_characters_are_refused_in_bodies_paths_and_queries(as_clerk, receipt, body):
    before = Case.objects.count()
    for payload in (
        {**body, "applicant": {**body["applicant"], "name": "张\u0000三"}},
        {**body, "form_data": {"\u0000": "x"}},
    ):
        response = as_clerk.post("/cases", payload)
        assert (response.status_code, response.json()["code"]) == (400, "invalid_characters")
    assert as_clerk.get("/cases", {"receipt_number": "QC\x00"}).json()["code"] == "invalid_characters"
    assert as_clerk.get("/cases/QC%00").json()["code"] == "invalid_characters"
    over = as_clerk.post(f"/cases/{receipt}/request-supplement", {"missing": ["x" * 201]})
    assert (over.status_code, over.json()["field"]) == (400, "missing.0")
    assert Case.objects.count() == before


def test_a_submit_with_a_material_twice_or_an_oversized_form_is_refused(as_clerk, body, food_item):
    material = food_item.current_version.materials.first()
    twice = as_clerk.post("/cases", {**body, "materials": [{"material_id": material.pk}] * 2})
    assert (twice.status_code, twice.json()["code"]) == (400, "duplicate_material")
    big = as_clerk.post("/cases", {**body, "form_data": {"备注": "x" * 70_000}})
    assert (big.status_code, big.json()["field"]) == (400, "form_data")
    assert not Case.objects.exists()


def test_a_misspelt_field_is_refused_not_ignored(as_clerk, receipt):
    response = as_clerk.post(f"/cases/{receipt}/accept", {"expected_revison": 0})
    assert (response.status_code, response.json()["code"]) == (400, "unknown_parameter")
    assert response.json()["field"] == "expected_revison"
    assert Case.objects.get(receipt_number=receipt).status == Status.SUBMITTED


def test_errors_name_the_fields_of_the_request_body(as_clerk, as_approver, receipt, approver):
    _accepted(as_clerk, receipt)
    task_id = Task.objects.get(case__receipt_number=receipt).pk
    to_self = as_approver.post(f"/tasks/{task_id}/claim", {})
    assert to_self.status_code == 200
    response = as_approver.post(f"/tasks/{task_id}/delegate", {"username": approver.username})
    assert (response.json()["code"], response.json()["field"]) == ("bad_delegate", "username")


def test_a_township_manager_lists_and_reads_only_his_centers_cases(client, center, receipt):
    township = CenterFactory(code="QCCG", name="城关镇便民服务中心", level="township", parent=center)
    town_manager = ApiClient(client, make_staff("townmanager", Role.CENTER_MANAGER, center=township))
    assert town_manager.get("/cases").json()["count"] == 0
    read = town_manager.get(f"/cases/{receipt}")
    assert (read.status_code, read.json()["code"]) == (403, "out_of_scope")
