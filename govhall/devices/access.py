"""Which hall device a browser is: its token lives in a long-lived HttpOnly cookie set once at setup.

The cookie is HttpOnly so that the pages' scripts (and anything injected into them) never see the token;
the pages therefore talk to their own views, which read the cookie, rather than to the device API.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from govhall.core.actors import Actor, client_ip
from govhall.core.errors import AccessDenied
from govhall.queueing.access import device_for_token
from govhall.queueing.models import Device
from govhall.queueing.services import device_actor

P = ParamSpec("P")
COOKIE = "govhall_device"
COOKIE_AGE = 10 * 365 * 24 * 3600  # a kiosk is set up once and runs for years


class DeviceRequired(AccessDenied):
    code = "device.required"


def device_of(request: HttpRequest) -> Device | None:
    return device_for_token(request.COOKIES.get(COOKIE, ""))


def access_device(request: HttpRequest, kind: str) -> Device:
    """The active device of ``kind`` this browser was set up as; refused (in Chinese) otherwise."""
    device = device_of(request)
    if device is None:
        raise DeviceRequired(_("本终端尚未登记或已停用，请联系大厅管理员完成终端设置。"))
    if device.kind != kind:
        raise DeviceRequired(_("本终端登记为“%(kind)s”，不能打开此页面。") % {"kind": device.get_kind_display()})
    return device


def actor_for(request: HttpRequest, device: Device) -> Actor:
    return device_actor(device, client_ip(request))


def remember_device(response: HttpResponse, request: HttpRequest, raw_token: str) -> None:
    response.set_cookie(
        COOKIE,
        raw_token,
        max_age=COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


def staff_signed_in(request: HttpRequest) -> bool:
    """A staff login in this browser (session) or a bearer token: such a request never rates a visit."""
    authorization = request.headers.get("Authorization", "")
    return bool(request.user.is_authenticated or authorization.lower().startswith("bearer "))


DeviceView = Callable[Concatenate[HttpRequest, Device, P], HttpResponse]
PageView = Callable[Concatenate[HttpRequest, P], HttpResponse]


def device_page(kind: str) -> Callable[[DeviceView[P]], PageView[P]]:
    """A page of one kind of device: the view gets the device; other browsers get a Chinese refusal (403)."""

    def wrap(view: DeviceView[P]) -> PageView[P]:
        @functools.wraps(view)
        def inner(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
            try:
                device = access_device(request, kind)
            except DeviceRequired as error:
                return render(request, "devices/refused.html", {"message": error.message}, status=403)
            return view(request, device, *args, **kwargs)

        return inner

    return wrap
