"""The ticket lifecycle as data: (status, action) → new status. ``skip`` has two outcomes (the service picks
``skip`` or ``miss`` by the call count); see docs/hall.md for the diagram."""

from __future__ import annotations

from django.utils.translation import gettext as _

from govhall.core.errors import Conflict
from govhall.queueing.models import TicketStatus as S

TRANSITIONS: dict[tuple[str, str], str] = {
    (S.WAITING, "call"): S.CALLED,
    (S.WAITING, "cancel"): S.CANCELLED,
    (S.CALLED, "recall"): S.CALLED,
    (S.CALLED, "skip"): S.WAITING,
    (S.CALLED, "miss"): S.MISSED,
    (S.CALLED, "start"): S.SERVING,
    (S.MISSED, "requeue"): S.WAITING,
    (S.SERVING, "hold"): S.HELD,
    (S.HELD, "resume"): S.SERVING,
    (S.CALLED, "transfer"): S.WAITING,
    (S.SERVING, "transfer"): S.WAITING,
    (S.HELD, "transfer"): S.WAITING,
    (S.SERVING, "finish"): S.FINISHED,
    (S.WAITING, "close"): S.CLOSED,
    (S.CALLED, "close"): S.CLOSED,
}

# The specific code a page can react to when the ticket is not in the state an action needs.
_NEEDS = {
    "recall": ("queue.ticket_not_called", S.CALLED),
    "skip": ("queue.ticket_not_called", S.CALLED),
    "start": ("queue.ticket_not_called", S.CALLED),
    "hold": ("queue.ticket_not_serving", S.SERVING),
    "finish": ("queue.ticket_not_serving", S.SERVING),
    "resume": ("queue.ticket_not_held", S.HELD),
    "requeue": ("queue.ticket_not_missed", S.MISSED),
}


def move_for(status: str, action: str) -> str:
    """The status ``action`` leads to from ``status``, or a Conflict saying why not."""
    to = TRANSITIONS.get((status, action))
    if to is None:
        code, _needed = _NEEDS.get(action, ("queue.invalid_transition", None))
        label = S(status).label if status in S.values else status
        raise Conflict(_("该号当前状态为「%(state)s」，不能执行此操作") % {"state": label}, code=code)
    return to
