"""How a case's timeline and clock read on the staff pages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from govhall.cases.models import CaseEvent, Status
from govhall.org.access import ROLE_LABELS

EVENT_LABELS: dict[str, Any] = {
    "submitted": _("收件"),
    "accepted": _("受理"),
    "deemed_accepted": _("视为受理"),
    "supplement_requested": _("一次性告知补正"),
    "resubmitted": _("补正材料已提交"),
    "refused": _("不予受理"),
    "task_completed": _("环节办理完毕"),
    "task_transferred": _("转办"),
    "task_returned": _("退回"),
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
}
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


def timeline(events: Sequence[CaseEvent]) -> list[TimelineRow]:
    return [
        TimelineRow(
            event=e,
            label=str(EVENT_LABELS.get(e.action, e.action)),
            role=str(ROLE_LABELS.get(e.actor_role, e.actor_role or "")),
            from_status=str(STATUS_LABELS.get(e.from_status, e.from_status)),
            to_status=str(STATUS_LABELS.get(e.to_status, e.to_status)),
            details=[
                (str(label), _value(e.data[key]))
                for key, label in _DATA_LABELS.items()
                if key in (e.data or {}) and e.data[key] not in (None, "", [])
            ],
        )
        for e in events
    ]
