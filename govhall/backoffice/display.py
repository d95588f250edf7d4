"""How catalog content and its audit history read on the staff pages: labels, values, differences."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from govhall.catalog.models import ItemVersion, ServiceItem
from govhall.catalog.rules import CHILD_FIELDS, CONTENT_FIELDS
from govhall.catalog.services import CHILD_MODELS
from govhall.core.models import AuditEntry
from govhall.org.access import ROLE_LABELS

ACTION_LABELS = {
    "catalog.item.created": gettext_lazy("创建事项"),
    "catalog.item.draft_saved": gettext_lazy("保存草稿"),
    "catalog.item.published": gettext_lazy("发布"),
    "catalog.item.draft_discarded": gettext_lazy("放弃草稿"),
    "catalog.item.suspended": gettext_lazy("暂停"),
    "catalog.item.resumed": gettext_lazy("恢复"),
    "catalog.item.cancelled": gettext_lazy("取消"),
    "catalog.item.stationing_set": gettext_lazy("登记进驻情况"),
}
# Keys of audit changes that are not fields of the version.
_EXTRA_LABELS = {
    "version": gettext_lazy("版本"),
    "status": gettext_lazy("状态"),
    "reason": gettext_lazy("原因"),
    "code": gettext_lazy("实施编码"),
    "basic_code": gettext_lazy("基本编码"),
    "department": gettext_lazy("实施部门"),
    "center": gettext_lazy("服务中心"),
    "moved_in": gettext_lazy("已进驻大厅"),
    "authorised": gettext_lazy("已授权到位"),
    "windows": gettext_lazy("受理窗口"),
    "note": gettext_lazy("说明"),
}
_TEXT_LIMIT = 80


def _field(model: type[models.Model], name: str) -> models.Field[Any, Any] | None:
    try:
        found = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return found if isinstance(found, models.Field) else None


def label(name: str, model: type[models.Model] = ItemVersion) -> str:
    if model is ItemVersion and name in CHILD_MODELS:
        return str(CHILD_MODELS[name]._meta.verbose_name)
    found = _field(model, name)
    if found is not None:
        return str(found.verbose_name)
    return str(_EXTRA_LABELS.get(name, name))


def value(name: str, raw: Any, model: type[models.Model] = ItemVersion) -> str:
    """A stored value as a person reads it: choice labels, 是/否, lists joined."""
    if raw is None or raw == "":
        return "—"
    if isinstance(raw, bool):
        return _("是") if raw else _("否")
    if isinstance(raw, list | tuple):
        return "、".join(str(v) for v in raw) or "—"
    found = _field(model, name)
    if found is not None and found.choices:
        return str(dict(found.flatchoices).get(raw, raw))
    return str(raw)


def content_rows(content: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(label, value) for every content field of a version, in the order of the guide."""
    return [(label(name), value(name, content.get(name))) for name in CONTENT_FIELDS]


def summary_rows(version: ItemVersion) -> list[tuple[str, str]]:
    """The few facts a manager checks first (the item page); the version page shows everything."""
    return [
        (label("name"), version.name),
        (label("item_type"), version.get_item_type_display()),
        (label("case_type"), version.get_case_type_display()),
        (label("legal_limit"), f"{version.legal_limit} {version.get_legal_limit_unit_display()}"),
        (label("promised_limit"), f"{version.promised_limit} {version.get_promised_limit_unit_display()}"),
        (label("visits_required"), str(version.visits_required)),
        (label("online_depth"), version.get_online_depth_display()),
        (label("anywhere_scope"), version.get_anywhere_scope_display()),
        (label("audience"), version.get_audience_display()),
        (label("result_name"), version.result_name or "—"),
    ]


def child_table(kind: str, rows: Sequence[Mapping[str, Any]]) -> tuple[list[str], list[list[str]]]:
    model = CHILD_MODELS[kind]
    names = CHILD_FIELDS[kind]
    return (
        [label(n, model) for n in names],
        [[value(n, row.get(n), model) for n in names] for row in rows],
    )


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str


@dataclass
class RowChange:
    kind: str  # added / removed / changed
    title: str
    changes: list[Change] = field(default_factory=list)


@dataclass
class ChildChanges:
    label: str
    rows: list[RowChange]


@dataclass
class VersionDiff:
    fields: list[Change]
    children: list[ChildChanges]

    @property
    def empty(self) -> bool:
        return not self.fields and not self.children


def _row_title(kind: str, row: Mapping[str, Any], index: int) -> str:
    name = row.get("question") if kind == "faqs" else row.get("name")
    return _("第%(n)s项「%(name)s」") % {"n": index, "name": name or ""}


def _child_changes(kind: str, old: Sequence[Mapping[str, Any]], new: Sequence[Mapping[str, Any]]) -> list[RowChange]:
    model = CHILD_MODELS[kind]
    names = CHILD_FIELDS[kind]
    # Align rows as a sequence so inserting a material in the middle reads as one addition,
    # not as every following row changed.
    keys_old = [tuple(str(r.get(n)) for n in names) for r in old]
    keys_new = [tuple(str(r.get(n)) for n in names) for r in new]
    result: list[RowChange] = []
    matcher = difflib.SequenceMatcher(a=keys_old, b=keys_new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(pairs):
            a, b = old[i1 + k], new[j1 + k]
            changes = [
                Change(label(n, model), value(n, a.get(n), model), value(n, b.get(n), model))
                for n in names
                if a.get(n) != b.get(n)
            ]
            result.append(RowChange("changed", _row_title(kind, b, j1 + k + 1), changes))
        for k in range(i1 + pairs, i2):
            result.append(RowChange("removed", _row_title(kind, old[k], k + 1)))
        for k in range(j1 + pairs, j2):
            filled = [Change(label(n, model), "", value(n, new[k].get(n), model)) for n in names if new[k].get(n)]
            result.append(RowChange("added", _row_title(kind, new[k], k + 1), filled))
    return result


def version_diff(
    old: Mapping[str, Any], new: Mapping[str, Any], theme_names: Mapping[str, str] | None = None
) -> VersionDiff:
    """Field-by-field differences between two ``services.version_content`` results."""
    fields = [
        Change(label(n), value(n, old.get(n)), value(n, new.get(n))) for n in CONTENT_FIELDS if old.get(n) != new.get(n)
    ]
    if old.get("themes") != new.get("themes"):
        names = theme_names or {}
        fields.append(
            Change(
                label("themes"),
                value("themes", [names.get(c, c) for c in old.get("themes") or []]),
                value("themes", [names.get(c, c) for c in new.get("themes") or []]),
            )
        )
    children = []
    for kind in CHILD_FIELDS:
        rows = _child_changes(kind, old.get(kind) or [], new.get(kind) or [])
        if rows:
            children.append(ChildChanges(label(kind), rows))
    return VersionDiff(fields, children)


@dataclass(frozen=True)
class HistoryRow:
    entry: AuditEntry
    action: str
    role: str
    changes: list[Change]


def _short(text: str) -> str:
    return text if len(text) <= _TEXT_LIMIT else text[: _TEXT_LIMIT - 1] + "…"


def _nested(raw: Any) -> bool:
    return isinstance(raw, dict) or (isinstance(raw, list) and any(_nested(v) for v in raw))


def _meaningful(raw: Any) -> bool:
    """Leave out what did not change (a status published → published) and empty notes."""
    if isinstance(raw, list) and len(raw) == 2 and (raw[0] == raw[1] or all(v in (None, "") for v in raw)):
        return False
    return raw not in (None, "")


def _audit_change(name: str, raw: Any) -> Change:
    if name == "status" and isinstance(raw, list) and len(raw) == 2:
        statuses = dict(ServiceItem.Status.choices)
        return Change(label(name), str(statuses.get(raw[0], raw[0] or "—")), str(statuses.get(raw[1], raw[1])))
    if name in CHILD_MODELS or _nested(raw):
        return Change(label(name), "", _("已修改"))
    if isinstance(raw, list) and len(raw) == 2:
        return Change(label(name), _short(value(name, raw[0])), _short(value(name, raw[1])))
    return Change(label(name), "", _short(value(name, raw)))


def history_rows(entries: Sequence[AuditEntry]) -> list[HistoryRow]:
    """An item's audit entries, newest first, with the changed fields named in Chinese."""
    return [
        HistoryRow(
            entry=e,
            action=str(ACTION_LABELS.get(e.action, e.action)),
            role=str(ROLE_LABELS.get(e.actor_role, e.actor_role)),
            changes=[_audit_change(k, v) for k, v in (e.changes or {}).items() if _meaningful(v)],
        )
        for e in reversed(list(entries))
    ]
