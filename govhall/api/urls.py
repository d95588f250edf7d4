"""The REST API, version 1 (OpenAPI 3 at /api/v1/openapi.json, docs served offline at /api/v1/docs)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError

from govhall.api import catalog, workdays
from govhall.core.errors import DomainError, ValidationFailed

api = NinjaAPI(
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
    loc = [str(x) for x in first.get("loc", []) if x not in ("query", "body", "path")]
    field = ".".join(loc) or None
    message = f"参数「{field}」缺失或格式不正确" if field else "请求参数不正确"
    return api.create_response(request, {"code": "invalid_parameter", "message": message, "field": field}, status=400)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return api.create_response(
        request, {"code": "http_error", "message": str(exc), "field": None}, status=exc.status_code
    )


api.add_router("/workdays", workdays.router)
api.add_router("/catalog", catalog.router)
