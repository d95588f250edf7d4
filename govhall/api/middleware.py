"""Every error the API returns is JSON ``{code, message, field}``, also those no endpoint produced: an address with no
endpoint (404), a method an endpoint does not take (405), a request body over the size limit, an unexpected
failure (500, after Django has logged it). Outermost middleware, so it sees the response Django made of any of them.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext, gettext_noop

API_PREFIX = "/api/"
FALLBACK = {
    400: ("bad_request", gettext_noop("请求无效（请求体过大或格式不正确）")),
    404: ("not_found", gettext_noop("接口不存在，请核对地址")),
    413: ("payload_too_large", gettext_noop("请求体过大")),
    500: ("server_error", gettext_noop("系统繁忙，请稍后重试；如仍失败请联系管理员")),
}


class JsonErrorsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code < 400
            or not request.path.startswith(API_PREFIX)
            or response.get("Content-Type", "").startswith("application/json")
        ):
            return response
        status = response.status_code
        if status == 405:
            code, message = "method_not_allowed", gettext("该接口不支持 %(method)s 请求") % {"method": request.method}
        else:
            code, message = FALLBACK.get(status, FALLBACK[500] if status >= 500 else FALLBACK[400])
            message = gettext(message)
        body = json.dumps({"code": code, "message": message, "field": None}, ensure_ascii=False)
        replaced = HttpResponse(body, status=status, content_type="application/json; charset=utf-8")
        if allow := response.get("Allow"):
            replaced["Allow"] = allow
        return replaced
