"""Every staff page: anonymous visitors go to the login page, refusals and missing objects get a page."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext

from govhall.core.errors import AccessDenied, NotFound
from govhall.org.access import staff_of
from govhall.org.models import StaffProfile

P = ParamSpec("P")
View = Callable[Concatenate[HttpRequest, P], HttpResponse]


def staff_page(view: View[P]) -> View[P]:
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            return view(request, *args, **kwargs)
        except AccessDenied as refused:
            return render(request, "backoffice/403.html", {"message": refused.message}, status=403)
        except NotFound as missing:
            return render(request, "backoffice/404.html", {"message": missing.message}, status=404)

    return wrapper


def require_staff(user: Any) -> StaffProfile:
    """Pages without a protected object (lists) are for staff only, like ``catalog.access.access_item``."""
    profile = staff_of(user)
    if profile is None:
        raise AccessDenied(gettext("仅限工作人员"), code="staff_only")
    return profile
