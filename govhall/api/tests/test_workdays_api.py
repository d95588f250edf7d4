import pytest

pytestmark = pytest.mark.django_db


def test_the_deadline_endpoint_answers_the_national_day_vector(client):
    response = client.get("/api/v1/workdays/deadline", {"start": "2026-09-30", "days": "5"})
    assert response.status_code == 200
    body = response.json()
    assert body["deadline"] == "2026-10-13"
    assert body["provisional"] is False


def test_a_deadline_in_2027_is_marked_provisional(client):
    body = client.get("/api/v1/workdays/deadline", {"start": "2026-12-28", "days": "5"}).json()
    assert body == {
        "start": "2026-12-28",
        "days": 5,
        "unit": "working_days",
        "deadline": "2027-01-04",
        "provisional": True,
    }


def test_natural_days_are_available_as_a_unit(client):
    body = client.get("/api/v1/workdays/deadline", {"start": "2026-09-30", "days": "5", "unit": "natural_days"}).json()
    assert body["deadline"] == "2026-10-05"


@pytest.mark.parametrize(
    ("params", "code", "field"),
    [
        ({"start": "2026-13-01", "days": "5"}, "invalid_date", "start"),
        ({"start": "2026-09-30", "days": "abc"}, "invalid_number", "days"),
        ({"start": "2026-09-30", "days": "-1"}, "out_of_range", "days"),
        ({"start": "2026-09-30"}, "invalid_parameter", "days"),
        ({"start": "1990-01-01", "days": "3"}, "out_of_range", "start"),
        ({"start": "2026-09-30", "days": "3", "unit": "weeks"}, "invalid_unit", "unit"),
    ],
)
def test_bad_parameters_get_a_400_with_a_code_and_a_chinese_message(client, params, code, field):
    response = client.get("/api/v1/workdays/deadline", params)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == code
    assert body["field"] == field
    assert any("\u4e00" <= ch <= "\u9fff" for ch in body["message"])


def test_the_openapi_document_and_offline_docs_are_served(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert "/api/v1/workdays/deadline" in spec["paths"]
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    assert b"cdn" not in docs.content.lower()
