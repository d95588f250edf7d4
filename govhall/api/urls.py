"""The REST API, version 1 (OpenAPI 3 at /api/v1/openapi.json, docs served offline at /api/v1/docs)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.parser import Parser

from govhall.api import cases, catalog, hall, workdays
from govhall.core.errors import DomainError, ValidationFailed
from govhall.core.middleware import NUL_MESSAGE


class NulCharacter(ValueError):
    pass


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


class ObjectParser(Parser):
    """Every request body is a JSON object: ``null``, ``[]`` or ``123`` sent to an action whose fields are all
    optional must be refused (400), not read as "no fields given". No text in it holds a NUL character, which
    PostgreSQL cannot store."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        data = super().parse_body(request)
        if not isinstance(data, dict):
            raise ValueError("the request body is not a JSON object")
        if _has_nul(data):
            raise NulCharacter("a text in the request body holds a NUL character")
        return data


api = NinjaAPI(
    parser=ObjectParser(),
    title="govhall API",
    version="1",
    description="政务服务中心平台接口。错误统一返回 4xx JSON：{code, message, field}。",
    urls_namespace="api",
)


@api.exception_handler(DomainError)
def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    body: dict[str, object] = dict(exc.as_dict())
    if isinstance(exc, ValidationFailed):
        body["problems"] = [{"code": p.code, "message": str(p), "field": p.field} for p in exc.problems]
    return api.create_response(request, body, status=exc.status)


@api.exception_handler(NinjaValidationError)
def schema_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    first = exc.errors[0] if exc.errors else {}
    loc = [str(x) for x in first.get("loc", [])]
    # ("body", "payload", "reason") → "reason": the client knows its fields, not our parameter name.
    loc = loc[2:] if loc[:1] == ["body"] else [x for x in loc if x not in ("query", "path", "header")]
    field = ".".join(loc) or None
    if first.get("type") == "extra_forbidden":
        message = gettext("不支持的参数「%(field)s」，请核对参数名") % {"field": field}
        body = {"code": "unknown_parameter", "message": message, "field": field}
        return api.create_response(request, body, status=400)
    message = gettext("参数「%(field)s」缺失或格式不正确") % {"field": field} if field else gettext("请求参数不正确")
    return api.create_response(request, {"code": "invalid_parameter", "message": message, "field": field}, status=400)


@api.exception_handler(AuthenticationError)
def not_authenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    body = {"code": "not_authenticated", "message": gettext("请先登录或提供有效的接口令牌"), "field": None}
    return api.create_response(request, body, status=401)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if exc.status_code == 400 and isinstance(exc.__cause__, NulCharacter):
        body = {"code": "invalid_characters", "message": gettext(NUL_MESSAGE), "field": None}
        return api.create_response(request, body, status=400)
    if exc.status_code == 400:  # ninja's own: a body that is not JSON
        body = {"code": "invalid_parameter", "message": gettext("请求体须为有效的 JSON 对象"), "field": None}
        return api.create_response(request, body, status=400)
    if exc.status_code == 403:  # ninja's session auth: an unsafe call from a page without the CSRF token
        body = {"code": "csrf_failed", "message": gettext("CSRF 校验失败，请刷新页面后重试"), "field": None}
        return api.create_response(request, body, status=403)
    return api.create_response(
        request, {"code": "http_error", "message": str(exc), "field": None}, status=exc.status_code
    )


@api.exception_handler(RequestDataTooBig)
def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    body = {"code": "payload_too_large", "message": gettext("请求体过大，请精简表单数据或分次提交"), "field": None}
    return api.create_response(request, body, status=413)


api.add_router("/workdays", workdays.router)
api.add_router("/catalog", catalog.router)
api.add_router("", cases.router)
api.add_router("/hall", hall.router)
