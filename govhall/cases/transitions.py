"""The case lifecycle as data: (status, action) → (new status, roles allowed). One function applies it."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext, pgettext

from govhall.cases.models import Status
from govhall.core.errors import AccessDenied, Conflict
from govhall.org.access import ROLE_LABELS
from govhall.org.models import Role

CLERK = Role.WINDOW_CLERK
APPROVER = Role.APPROVER
CHIEF = Role.CHIEF_REPRESENTATIVE
MANAGER = Role.CENTER_MANAGER
SYSTEM = "system"  # sweeps and schedulers


@dataclass(frozen=True)
class Move:
    to: Status
    roles: frozenset[str]
    label: str


def _m(to: Status, label: str, *roles: str) -> Move:
    return Move(to, frozenset(roles), label)


_WITHDRAW = _m(Status.WITHDRAWN, "撤回申请", CLERK, SYSTEM)

TRANSITIONS: dict[tuple[Status, str], Move] = {
    (Status.SUBMITTED, "accept"): _m(Status.IN_REVIEW, "受理", CLERK, CHIEF),
    (Status.SUBMITTED, "request_supplement"): _m(Status.SUPPLEMENT, "一次性告知补正", CLERK, CHIEF),
    (Status.SUBMITTED, "refuse"): _m(Status.REFUSED, "不予受理", CLERK, CHIEF),
    (Status.SUBMITTED, "deem_accept"): _m(Status.IN_REVIEW, "逾期未告知补正，视为受理", SYSTEM),
    (Status.SUPPLEMENT, "resubmit"): _m(Status.SUBMITTED, "补正材料已提交", CLERK, CHIEF),
    (Status.IN_REVIEW, "suspend"): _m(Status.SUSPENDED, "启动特别程序", APPROVER, CHIEF),
    (Status.SUSPENDED, "resume"): _m(Status.IN_REVIEW, "特别程序结束，恢复计时", APPROVER, CHIEF),
    (Status.IN_REVIEW, "extend"): _m(Status.IN_REVIEW, "延长办理期限", CHIEF),
    # A clerk approves only a 即办件 on the spot (checked by the decide service).
    (Status.IN_REVIEW, "approve"): _m(Status.APPROVED, "准予许可", CHIEF, CLERK),
    (Status.IN_REVIEW, "deny"): _m(Status.DENIED, "不予许可", CHIEF),
    (Status.APPROVED, "certify"): _m(Status.CERTIFIED, "制证", CLERK, CHIEF),
    (Status.CERTIFIED, "deliver"): _m(Status.DELIVERED, "送达", CLERK),
    # Straight from the decision where the item's result is no certificate (checked by the deliver service).
    (Status.APPROVED, "deliver"): _m(Status.DELIVERED, "送达", CLERK),
    (Status.DENIED, "deliver"): _m(Status.DELIVERED, "送达", CLERK),
    (Status.DELIVERED, "close"): _m(Status.CLOSED, "办结", CLERK, CHIEF, SYSTEM),
    (Status.CLOSED, "archive"): _m(Status.ARCHIVED, "归档", CLERK, MANAGER, SYSTEM),
    (Status.REFUSED, "archive"): _m(Status.ARCHIVED, "归档", CLERK, MANAGER, SYSTEM),
    (Status.WITHDRAWN, "archive"): _m(Status.ARCHIVED, "归档", CLERK, MANAGER, SYSTEM),
    # The applicant may withdraw at any point before the decision.
    (Status.SUBMITTED, "withdraw"): _WITHDRAW,
    (Status.SUPPLEMENT, "withdraw"): _WITHDRAW,
    (Status.IN_REVIEW, "withdraw"): _WITHDRAW,
    (Status.SUSPENDED, "withdraw"): _WITHDRAW,
}
ACTIONS = frozenset(action for _, action in TRANSITIONS)


def move_for(status: str, action: str, role: str) -> Move:
    """The move ``action`` makes from ``status`` for an actor in ``role``, or the reason it may not."""
    if action not in ACTIONS:
        raise Conflict(gettext("未知操作「%(action)s」") % {"action": action}, code="unknown_action")
    move = TRANSITIONS.get((Status(status), action))
    if move is None:
        raise Conflict(
            gettext("办件当前状态为「%(status)s」，不能执行该操作") % {"status": Status(status).label},
            code="invalid_transition",
        )
    if role not in move.roles:
        allowed = gettext("、").join(str(ROLE_LABELS.get(r, r)) for r in sorted(move.roles) if r != SYSTEM)
        # The label stays Chinese in the timeline (it is stored); the message names the action in the reader's words.
        action_name = pgettext("case action", move.label)
        raise AccessDenied(
            gettext("「%(action)s」须由%(roles)s办理") % {"action": action_name, "roles": allowed},
            code="role_not_allowed",
        )
    return move
