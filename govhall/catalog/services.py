"""Writes to the catalog: drafts, publication, status. Every write is audited in its transaction."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from govhall.catalog import search
from govhall.catalog.models import (
    Faq,
    Fee,
    ItemStationing,
    ItemVersion,
    Material,
    ProcessStep,
    ServiceItem,
    SpecialProcedure,
    Theme,
)
from govhall.catalog.rules import CHILD_FIELDS, CONTENT_FIELDS, check_content
from govhall.core import audit
from govhall.core.actors import Actor
from govhall.core.errors import Conflict, Problem, ValidationFailed
from govhall.org.models import Center, Department, Window

CHILD_MODELS: dict[str, type[Any]] = {
    "materials": Material,
    "fees": Fee,
    "special_procedures": SpecialProcedure,
    "steps": ProcessStep,
    "faqs": Faq,
}


def version_content(version: ItemVersion) -> dict[str, Any]:
    """A version's content as plain data (for copying, diffs, the editor and the workbook)."""
    data: dict[str, Any] = {name: getattr(version, name) for name in CONTENT_FIELDS}
    for kind, fields in CHILD_FIELDS.items():
        data[kind] = [{f: getattr(row, f) for f in fields} for row in getattr(version, kind).all()]
    data["themes"] = sorted(t.code for t in version.themes.all())
    return data


def _check_identity(
    *, code: str, basic_code: str, department: Department | None, item: ServiceItem | None
) -> list[Problem]:
    problems = []
    if not code.strip():
        problems.append(Problem("「实施编码」为必填项", code="required", field="code"))
    elif ServiceItem.objects.filter(code=code).exclude(pk=item.pk if item else -1).exists():
        problems.append(Problem(f"实施编码「{code}」已被其他事项使用", code="duplicate_code", field="code"))
    if not basic_code.strip():
        problems.append(Problem("「基本编码」为必填项", code="required", field="basic_code"))
    if department is None:
        problems.append(Problem("请选择实施部门", code="required", field="department"))
    return problems


def _themes(codes: list[str]) -> tuple[list[Theme], list[Problem]]:
    found = {t.code: t for t in Theme.objects.filter(code__in=codes)}
    missing = [c for c in codes if c not in found]
    problems = [Problem(f"主题「{c}」不存在", code="unknown_theme", field="themes") for c in missing]
    return [found[c] for c in codes if c in found], problems


def _write_content(version: ItemVersion, data: Mapping[str, Any], themes: list[Theme]) -> None:
    for name in CONTENT_FIELDS:
        if name in data:
            setattr(version, name, data[name])
    department_name = version.item.department.name
    theme_names = " ".join(t.name for t in themes)
    version.search_text = " ".join(
        search.tokens(" ".join([version.name, version.result_name, department_name, theme_names]))
    )
    version.pinyin_initials = search.pinyin_initials(version.name)[:200]
    version.pinyin_full = search.pinyin_full(version.name)[:600]
    version.save()
    version.themes.set(themes)
    for kind, model in CHILD_MODELS.items():
        model.objects.filter(version=version).delete()
        fields = CHILD_FIELDS[kind]
        model.objects.bulk_create(
            model(version=version, position=i, **{f: row[f] for f in fields if f in row})
            for i, row in enumerate(data.get(kind) or [])
        )


def _validate(data: Mapping[str, Any], extra: list[Problem]) -> list[Theme]:
    themes, theme_problems = _themes(list(data.get("themes") or []))
    problems = extra + check_content(data) + theme_problems
    if problems:
        raise ValidationFailed(problems)
    return themes


@transaction.atomic
def create_item(
    *, code: str, basic_code: str, department: Department | None, data: Mapping[str, Any], actor: Actor
) -> ServiceItem:
    """A new item with its first (draft) version."""
    themes = _validate(data, _check_identity(code=code, basic_code=basic_code, department=department, item=None))
    assert department is not None
    item = ServiceItem.objects.create(code=code.strip(), basic_code=basic_code.strip(), department=department)
    version = ItemVersion(item=item, number=1, created_by=actor.user)
    _write_content(version, data, themes)
    audit.record(
        actor=actor,
        action="catalog.item.created",
        obj=item,
        changes={"code": item.code, "department": department.code, "name": version.name},
    )
    return item


def _lock(item: ServiceItem, expected_revision: int | None = None) -> ServiceItem:
    # Two managers editing one item: the row lock orders them, the revision tells the later one.
    locked = ServiceItem.objects.select_for_update().select_related("department").get(pk=item.pk)
    if expected_revision is not None and locked.revision != expected_revision:
        raise Conflict("该事项在您编辑期间已被他人修改，请刷新页面查看最新内容后重新编辑", code="stale_edit")
    ServiceItem.objects.filter(pk=locked.pk).update(revision=F("revision") + 1)
    locked.revision += 1
    return locked


@transaction.atomic
def save_draft(
    *,
    item: ServiceItem,
    data: Mapping[str, Any],
    actor: Actor,
    change_note: str = "",
    code: str | None = None,
    basic_code: str | None = None,
    department: Department | None = None,
    expected_revision: int | None = None,
) -> ItemVersion:
    """Write the item's draft (creating version n+1 if none is open). Published versions stay untouched."""
    item = _lock(item, expected_revision)
    if item.status == ServiceItem.Status.CANCELLED:
        raise Conflict("事项已取消，不能再修改", code="item_cancelled")
    new_code = item.code if code is None else code
    new_basic = item.basic_code if basic_code is None else basic_code
    new_department = department or item.department
    themes = _validate(data, _check_identity(code=new_code, basic_code=new_basic, department=new_department, item=item))
    draft = item.versions.filter(state=ItemVersion.State.DRAFT).first()
    base = draft or item.current_version
    before = version_content(base) if base else {}
    identity_before = {"code": item.code, "basic_code": item.basic_code, "department": item.department.code}
    if draft is None:
        last = item.versions.order_by("-number").values_list("number", flat=True).first() or 0
        draft = ItemVersion(item=item, number=last + 1, created_by=actor.user)
    draft.change_note = change_note
    identity_after = {"code": new_code, "basic_code": new_basic, "department": new_department.code}
    if identity_after != identity_before:
        if item.current_version_id is not None and (new_code != item.code or new_department != item.department):
            raise ValidationFailed(
                [
                    Problem(
                        "已发布事项的实施编码和实施部门不可修改；请新建事项",
                        code="identity_frozen",
                        field="code",
                    )
                ]
            )
        item.code, item.basic_code, item.department = new_code, new_basic, new_department
        item.save()
    _write_content(draft, data, themes)
    audit.record(
        actor=actor,
        action="catalog.item.draft_saved",
        obj=item,
        changes={
            "version": draft.number,
            **audit.diff(identity_before, identity_after),
            **audit.diff(before, version_content(draft)),
        },
    )
    return draft


@transaction.atomic
def publish_draft(*, item: ServiceItem, actor: Actor) -> ItemVersion:
    item = _lock(item)
    if item.status == ServiceItem.Status.CANCELLED:
        raise Conflict("事项已取消，不能发布", code="item_cancelled")
    draft = item.versions.filter(state=ItemVersion.State.DRAFT).first()
    if draft is None:
        raise Conflict("没有待发布的草稿版本", code="no_draft")
    themes = _validate(version_content(draft), [])
    del themes
    previous = item.current_version
    if previous is not None:
        ItemVersion.objects.filter(pk=previous.pk).update(state=ItemVersion.State.SUPERSEDED)
    draft.state = ItemVersion.State.PUBLISHED
    draft.published_at = timezone.now()
    draft.published_by = actor.user
    draft.save(update_fields=["state", "published_at", "published_by"])
    old_status = item.status
    item.current_version = draft
    if item.status == ServiceItem.Status.DRAFT:
        item.status = ServiceItem.Status.PUBLISHED
    item.save(update_fields=["current_version", "status", "updated_at"])
    audit.record(
        actor=actor,
        action="catalog.item.published",
        obj=item,
        changes={
            "version": [previous.number if previous else None, draft.number],
            "status": [old_status, item.status],
            "change_note": draft.change_note,
        },
    )
    return draft


@transaction.atomic
def discard_draft(*, item: ServiceItem, actor: Actor) -> None:
    item = _lock(item)
    draft = item.versions.filter(state=ItemVersion.State.DRAFT).first()
    if draft is None:
        raise Conflict("没有草稿可放弃", code="no_draft")
    if item.current_version_id is None:
        raise Conflict("事项尚未发布过，不能放弃唯一的草稿；如不再需要请取消事项", code="only_draft")
    number = draft.number
    draft.delete()
    audit.record(actor=actor, action="catalog.item.draft_discarded", obj=item, changes={"version": number})


_STATUS_MOVES: dict[str, tuple[set[str], str, str]] = {
    # action: (allowed from, to, audit action)
    "suspend": ({ServiceItem.Status.PUBLISHED}, ServiceItem.Status.SUSPENDED, "catalog.item.suspended"),
    "resume": ({ServiceItem.Status.SUSPENDED}, ServiceItem.Status.PUBLISHED, "catalog.item.resumed"),
    "cancel": (
        {ServiceItem.Status.DRAFT, ServiceItem.Status.PUBLISHED, ServiceItem.Status.SUSPENDED},
        ServiceItem.Status.CANCELLED,
        "catalog.item.cancelled",
    ),
}


@transaction.atomic
def change_status(*, item: ServiceItem, move: str, reason: str, actor: Actor) -> ServiceItem:
    """Suspend, resume or cancel an item (with a reason kept in the audit log)."""
    if move not in _STATUS_MOVES:
        raise ValidationFailed([Problem(f"未知操作「{move}」", code="unknown_action", field="move")])
    if not reason.strip():
        raise ValidationFailed([Problem("请填写原因", code="reason_required", field="reason")])
    allowed, target, action = _STATUS_MOVES[move]
    item = _lock(item)
    if item.status not in allowed:
        raise Conflict(f"事项当前状态为「{item.get_status_display()}」，不能执行该操作", code="bad_status")
    old = item.status
    item.status = target
    item.save(update_fields=["status", "updated_at"])
    audit.record(actor=actor, action=action, obj=item, changes={"status": [old, target], "reason": reason})
    return item


@transaction.atomic
def set_item_stationing(
    *,
    item: ServiceItem,
    center: Center,
    moved_in: bool,
    authorised: bool,
    windows: list[Window],
    note: str = "",
    actor: Actor,
) -> ItemStationing:
    """Record whether a center handles the item in its hall (进驻), at which windows, and whether the
    item is decided there (授权到位). The windows must be the center's and serve the item's department."""
    windows = list(windows)
    problems = []
    foreign = [w for w in windows if w.center_id != center.pk]
    if foreign:
        names = "、".join(str(w) for w in foreign)
        problems.append(Problem(f"{names}不属于{center}", code="window_of_other_center", field="windows"))
    serving = set(
        Window.objects.filter(pk__in=[w.pk for w in windows], departments=item.department_id).values_list(
            "pk", flat=True
        )
    )
    strangers = [w for w in windows if w.center_id == center.pk and w.pk not in serving]
    if strangers:
        names = "、".join(str(w) for w in strangers)
        problems.append(
            Problem(
                f"{names}不受理{item.department}的事项；请先在窗口管理中为该窗口添加此部门",
                code="window_of_other_department",
                field="windows",
            )
        )
    if len(note) > 200:
        problems.append(Problem("「说明」不能超过200字", code="too_long", field="note"))
    if problems:
        raise ValidationFailed(problems)
    # Locked so that two managers saving at once each diff against what the other wrote.
    stationing = ItemStationing.objects.select_for_update().filter(item=item, center=center).first()
    before = _stationing_snapshot(stationing) if stationing else {}
    stationing = stationing or ItemStationing(item=item, center=center)
    stationing.moved_in, stationing.authorised, stationing.note = moved_in, authorised, note
    stationing.save()
    stationing.windows.set(windows)
    audit.record(
        actor=actor,
        action="catalog.item.stationing_set",
        obj=item,
        changes={"center": center.code, **audit.diff(before, _stationing_snapshot(stationing))},
    )
    return stationing


def _stationing_snapshot(stationing: ItemStationing) -> dict[str, Any]:
    return {
        "moved_in": stationing.moved_in,
        "authorised": stationing.authorised,
        "note": stationing.note,
        "windows": sorted(stationing.windows.values_list("number", flat=True)),
    }
