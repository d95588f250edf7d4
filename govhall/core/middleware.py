"""Chinese unless the user chose otherwise; no NUL characters in addresses and query strings."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.utils.translation import gettext_noop

# Translated where the language is known (the API's parser); this middleware runs before the language is chosen.
NUL_MESSAGE = gettext_noop("请求中含有空字符（NUL），请删除后重试")


class ChineseByDefaultMiddleware:
    """Ignore the browser's Accept-Language: a hall terminal or an intranet PC with an English browser still
    gets the Chinese UI; English is chosen explicitly with the language switcher (the language cookie)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class RejectNulMiddleware:
    """A NUL character in the path, the query string or a posted form field is refused (400) before any view runs:
    PostgreSQL cannot store or compare one in text, and the statement would fail with an error instead of a message.
    The API's JSON bodies are checked by its parser."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or _nul_in(request.GET) or (request.method == "POST" and _nul_in(request.POST)):
            if request.path.startswith("/api/"):
                body = {"code": "invalid_characters", "message": NUL_MESSAGE, "field": None}
                return JsonResponse(body, status=400, json_dumps_params={"ensure_ascii": False})
            return HttpResponse(NUL_MESSAGE, status=400, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


def _nul_in(data: QueryDict) -> bool:
    return any("\x00" in key or any("\x00" in v for v in values) for key, values in data.lists())
