"""How a case's timeline and clock read on the staff pages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from govhall.cases.models import CaseEvent, DeliveryMethod, Status, Task
from govhall.core import masking
from govhall.org.access import ROLE_LABELS

# The buttons of the case page: in Chinese the transition table's own labels (a test keeps them equal), in English
# verbs ("Deliver"), where the timeline's event names read as done ("Delivered").
ACTION_LABELS: dict[str, Any] = {
    "resubmit": pgettext_lazy("case action", "补正材料已提交"),
    "accept": pgettext_lazy("case action", "受理"),
    "request_supplement": pgettext_lazy("case action", "一次性告知补正"),
    "refuse": pgettext_lazy("case action", "不予受理"),
    "suspend": pgettext_lazy("case action", "启动特别程序"),
    "resume": pgettext_lazy("case action", "特别程序结束，恢复计时"),
    "extend": pgettext_lazy("case action", "延长办理期限"),
    "approve": pgettext_lazy("case action", "准予许可"),
    "deny": pgettext_lazy("case action", "不予许可"),
    "certify": pgettext_lazy("case action", "制证"),
    "deliver": pgettext_lazy("case action", "送达"),
    "close": pgettext_lazy("case action", "办结"),
    "archive": pgettext_lazy("case action", "归档"),
    "withdraw": pgettext_lazy("case action", "撤回申请"),
}

EVENT_LABELS: dict[str, Any] = {
    "submitted": _("收件"),
    "accepted": _("受理"),
    "deemed_accepted": _("视为受理"),
    "supplement_requested": _("一次性告知补正"),
    "resubmitted": _("补正材料已提交"),
    "refused": _("不予受理"),
    "task_claimed": _("签收"),
    "task_completed": _("环节办理完毕"),
    "task_transferred": _("转办"),
    "task_returned": _("退回"),
    "task_delegated": _("委托办理"),
    "task_retracted": _("撤回"),
    "countersign_opened": _("发起会签"),
    "anysign_opened": _("发起或签"),
    "suspended": _("启动特别程序"),
    "resumed": _("恢复计时"),
    "extended": _("延长期限"),
    "approved": _("准予许可"),
    "denied": _("不予许可"),
    "certified": _("制证"),
    "delivered": _("送达"),
    "closed": _("办结"),
    "archived": _("归档"),
    "withdrawn": _("撤回申请"),
}
_DATA_LABELS: dict[str, Any] = {
    "receipt_number": _("受理编号"),
    "missing": _("需补正材料"),
    "procedure": _("特别程序"),
    "expected": _("预计时长"),
    "promised_deadline": _("承诺期限"),
    "legal_deadline": _("法定期限"),
    "paused_days": _("暂停工作日"),
    "days": _("延长工作日"),
    "step": _("环节"),
    "from": _("退回自"),
    "to": _("退回至"),
    "overran": _("环节超时"),
    "in_time": _("按时"),
    "delivery_deadline": _("送达期限"),
    "tracking_number": _("邮件号码"),
}
# Keys that read differently for one action ("to" is a step for a return, a colleague for a transfer).
_ACTION_DATA_LABELS: dict[str, dict[str, Any]] = {
    "task_transferred": {"to": _("转给")},
    "task_delegated": {"to": _("委托给")},
    "task_retracted": {"from": _("撤回自"), "to": _("回到")},
    "task_completed": {"on_behalf_of": _("受托代办，委托人")},
    "countersign_opened": {"departments": _("会签部门")},
    "anysign_opened": {"departments": _("或签部门")},
}
# Values that are a user's id, shown by name.
_USER_VALUES = {("task_transferred", "to"), ("task_delegated", "to"), ("task_completed", "on_behalf_of")}
STATUS_LABELS = dict(Status.choices)


@dataclass(frozen=True)
class TimelineRow:
    event: CaseEvent
    label: str
    role: str
    from_status: str
    to_status: str
    details: list[tuple[str, str]]


def _value(raw: Any) -> str:
    if isinstance(raw, bool):
        return str(_("是") if raw else _("否"))
    if isinstance(raw, list):
        return "、".join(str(v) for v in raw)
    return str(raw)


def _label(event: CaseEvent) -> str:
    if event.action == "task_delegated" and (event.data or {}).get("to") is None:
        return str(_("收回委托"))
    return str(EVENT_LABELS.get(event.action, event.action))


def _user_names(events: Sequence[CaseEvent]) -> dict[Any, str]:
    """Names of the users the events' data refer to by id, read in one query (none when there are none)."""
    ids: set[int] = set()
    for e in events:
        for action, key in _USER_VALUES:
            value = (e.data or {}).get(key)
            if e.action == action and isinstance(value, int):
                ids.add(value)
    if not ids:
        return {}
    return {u.pk: str(u) for u in get_user_model().objects.filter(pk__in=ids)}


def _details(event: CaseEvent, names: dict[Any, str]) -> list[tuple[str, str]]:
    data = event.data or {}
    labels = {**_DATA_LABELS, **_ACTION_DATA_LABELS.get(event.action, {})}
    details = []
    for key, label in labels.items():
        if key not in data or data[key] in (None, "", []):
            continue
        raw = data[key]
        value = names.get(raw, str(raw)) if (event.action, key) in _USER_VALUES else _value(raw)
        details.append((str(label), value))
    if event.action == "accepted" and data.get("parallel"):
        details.append((str(_("并联审批")), _parallel(data)))
    if event.action == "delivered" and data.get("method_code") in DeliveryMethod.values:
        details.insert(0, (str(_("送达方式")), str(DeliveryMethod(data["method_code"]).label)))
        if data.get("address"):  # personal data (PIPL): masked on the timeline; the 送达回证 has it in full
            details.insert(1, (str(_("送达地点")), masking.mask_address(str(data["address"]))))
    return details


# 并联审批 (parallel review at acceptance): the departments and the mode, as one phrase.
_PARALLEL: dict[str, Any] = {
    Task.Mode.ALL: _("%(departments)s（会签）"),
    Task.Mode.ANY: _("%(departments)s（或签）"),
}


def parallel_text(departments: Sequence[str], mode: str) -> str:
    """``A、B（会签）``: the departments reviewing beside the deciding one and how their signatures count."""
    return str(_PARALLEL.get(mode, _PARALLEL[Task.Mode.ALL]) % {"departments": "、".join(departments)})


def _parallel(data: dict[str, Any]) -> str:
    return parallel_text([str(d) for d in data["parallel"]], data.get("mode") or Task.Mode.ALL)


def timeline(events: Sequence[CaseEvent]) -> list[TimelineRow]:
    names = _user_names(events)
    return [
        TimelineRow(
            event=e,
            label=_label(e),
            role=str(ROLE_LABELS.get(e.actor_role, e.actor_role or "")),
            from_status=str(STATUS_LABELS.get(e.from_status, e.from_status)),
            to_status=str(STATUS_LABELS.get(e.to_status, e.to_status)),
            details=_details(e, names),
        )
        for e in events
    ]
