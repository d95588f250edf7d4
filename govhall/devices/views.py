"""Device setup and the display board (大屏). The board is public on the hall network and shows no personal
data: numbers, windows, waiting counts and estimates only."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from govhall.api.hall_schemas import board_of
from govhall.devices.access import device_of, remember_device
from govhall.org.models import Center
from govhall.queueing.access import device_for_token
from govhall.queueing.models import DeviceKind
from govhall.queueing.selectors import board_state

HOME_OF_KIND = {DeviceKind.KIOSK: "devices:kiosk", DeviceKind.EVALUATOR: "devices:evaluator"}


@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    """Open once on the device: ``/hall/setup/#<token>``. The token travels in the URL fragment (never sent
    to the server, so never in an access log); the page posts it, and it is kept in an HttpOnly cookie."""
    error = ""
    if request.method == "POST":
        raw = request.POST.get("token", "").strip()
        device = device_for_token(raw)
        if device is None:
            error = _("终端令牌无效或终端已停用")
        else:
            if device.kind == DeviceKind.BOARD:
                target = reverse("devices:board", args=[device.center.code])
            else:
                target = reverse(HOME_OF_KIND[DeviceKind(device.kind)])
            response = redirect(target)
            remember_device(response, request, raw)
            return response
    current = device_of(request)
    return render(request, "devices/setup.html", {"error": error, "current": current}, status=400 if error else 200)


# --- the board --------------------------------------------------------------------------------------------
def board(request: HttpRequest, center_code: str) -> HttpResponse:
    center = Center.objects.filter(code=center_code).first()
    if center is None:
        raise Http404(_("服务中心不存在"))
    area = request.GET.get("area", "").strip()[:60]
    series = [s.strip().upper() for s in request.GET.get("categories", "").split(",") if s.strip()][:26]
    windows: list[str] | None = None
    if area:
        windows = [w.number for w in center.windows.filter(active=True) if w.area == area or w.location == area]
    state = board_state(center=center)
    return render(
        request,
        "devices/board.html",
        {
            "center": center,
            "area": area,
            "filters": {"windows": windows, "series": series or None},
            "initial": board_of(state),  # the API's own shape: the script draws both alike
            "poll_url": f"/api/v1/hall/centers/{center.code}/board",
        },
    )
