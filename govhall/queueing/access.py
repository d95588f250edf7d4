"""The only way the interfaces load a window's desk, a ticket or a center for the hall."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from govhall.core.actors import Actor
from govhall.core.errors import NotFound
from govhall.org.access import require_role, staff_of
from govhall.org.models import Center, Role, Window
from govhall.queueing.models import Device, Ticket
from govhall.queueing.services import check_window_actor, hash_device_token


def access_center(user: Any, request: Any = None) -> tuple[Center, Actor]:
    actor = require_role(user, Role.WINDOW_CLERK, Role.CENTER_MANAGER, request=request)
    profile = staff_of(user)
    assert profile is not None  # require_role refuses users without a profile
    return profile.center, actor


def access_desk(user: Any, window_id: int, request: Any = None) -> tuple[Window, Actor]:
    """A clerk's own window, or any window of a manager's center; other centers' windows are not found."""
    center, actor = access_center(user, request)
    window = Window.objects.select_related("center").filter(pk=window_id, center=center).first()
    if window is None:
        raise NotFound(_("窗口不存在"), code="queue.window_not_found")
    check_window_actor(actor, window)
    return window, actor


def access_ticket(center: Center, ticket_id: int) -> Ticket:
    ticket = Ticket.objects.select_related("category", "window").filter(pk=ticket_id, center=center).first()
    if ticket is None:
        raise NotFound(_("排队号不存在"), code="queue.ticket_not_found")
    return ticket


def device_for_token(raw: str) -> Device | None:
    if not raw or len(raw) > 200:
        return None
    return (
        Device.objects.select_related("center", "window").filter(token_hash=hash_device_token(raw), active=True).first()
    )
