"""HTTP helpers for the API tests: a token per cast member, JSON in and out."""

from __future__ import annotations

import json
from typing import Any

import pytest

from govhall.accounts.tokens import issue_token
from govhall.testing.factories import CenterFactory, make_item

ID_NUMBER = "11010519491231002X"


class ApiClient:
    """The Django test client speaking to /api/v1 as one user, with a bearer token."""

    def __init__(self, client: Any, user: Any, role: str | None = None) -> None:
        self.client = client
        self.role = role
        self.token = issue_token(user=user, name="tests")[1] if user is not None else None

    def headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        headers = dict(extra or {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if self.role:
            headers["X-Govhall-Role"] = self.role
        return headers

    def get(self, path: str, params: dict[str, Any] | None = None, **headers: str) -> Any:
        return self.client.get("/api/v1" + path, params or {}, headers=self.headers(headers))

    def post(self, path: str, body: Any = None, *, raw: str | None = None, **headers: str) -> Any:
        data = raw if raw is not None else json.dumps({} if body is None else body)
        return self.client.post(
            "/api/v1" + path, data=data, content_type="application/json", headers=self.headers(headers)
        )


@pytest.fixture
def center(db):
    return CenterFactory()


@pytest.fixture
def food_item(market_department):
    return make_item("11519901FOOD", department=market_department)


def submit_body(item: Any, center: Any, **overrides: Any) -> dict[str, Any]:
    body = {
        "item_code": item.code,
        "center_code": center.code,
        "channel": "window",
        "applicant": {
            "kind": "person",
            "name": "张三",
            "id_kind": "resident_id",
            "id_number": ID_NUMBER,
            "phone": "13912345678",
            "address": "四川省清川县城关镇滨江路12号",
        },
        "materials": [{"material_id": m.pk} for m in item.current_version.materials.all()],
        "form_data": {"经营场所": "滨江路12号"},
    }
    body.update(overrides)
    return body


@pytest.fixture
def as_clerk(client, clerk):
    return ApiClient(client, clerk)


@pytest.fixture
def as_approver(client, approver):
    return ApiClient(client, approver)


@pytest.fixture
def as_chief(client, chief):
    return ApiClient(client, chief)


@pytest.fixture
def body(food_item, center):
    return submit_body(food_item, center)


@pytest.fixture
def receipt(as_clerk, body):
    response = as_clerk.post("/cases", body)
    assert response.status_code == 201, response.content
    return response.json()["receipt_number"]
