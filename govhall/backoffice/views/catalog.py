"""The catalog manager: list, item page, versions, comparison, editor and the publishing actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from govhall.backoffice import display
from govhall.backoffice.decorators import require_staff, staff_page
from govhall.backoffice.forms import (
    CHILD_TITLES,
    SECTIONS,
    IdentityForm,
    ItemStationingForm,
    StatusForm,
    VersionForm,
    child_formsets,
    children_content,
    show_problems,
)
from govhall.catalog import selectors, services
from govhall.catalog.access import (
    access_item,
    access_item_for_edit,
    access_item_for_publish,
    access_item_for_stationing,
    require_catalog_manager,
)
from govhall.catalog.models import ItemVersion, ServiceItem, Theme
from govhall.core import audit
from govhall.core.errors import AccessDenied, DomainError, NotFound, ValidationFailed
from govhall.org.access import require_org_manager
from govhall.org.models import Center

PAGE_SIZE = 50


def _permitted(check: Callable[[], object]) -> bool:
    try:
        check()
    except AccessDenied:
        return False
    return True


def _int(text: str | None) -> int | None:
    # Ids and version numbers from the query string; a 30-digit number would overflow the database.
    return int(text) if text and text.isascii() and text.isdigit() and len(text) <= 9 else None


def _error_text(error: DomainError) -> str:
    if isinstance(error, ValidationFailed) and len(error.problems) > 1:
        return "；".join(str(p) for p in error.problems)
    return error.message


@staff_page
def catalog_list(request: HttpRequest) -> HttpResponse:
    require_staff(request.user)
    query = request.GET.get("q", "").strip()[:100]
    status = request.GET.get("status", "")
    status = status if status in ServiceItem.Status.values else ""
    department_id = _int(request.GET.get("department"))
    items = selectors.manager_items(query=query, status=status, department_id=department_id)
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    filters = request.GET.copy()
    filters.pop("page", None)
    return render(
        request,
        "backoffice/catalog_list.html",
        {
            "page": page,
            "query": query,
            "status": status,
            "department_id": department_id,
            "statuses": ServiceItem.Status.choices,
            "departments": selectors.catalog_departments(),
            "filters": filters.urlencode(),
            "can_create": _permitted(lambda: require_catalog_manager(request.user)),
        },
    )


def _item_stationing_form(item: ServiceItem, center: Center) -> ItemStationingForm:
    current = selectors.item_stationing_at(item, center)
    initial = (
        {
            "moved_in": current.moved_in,
            "authorised": current.authorised,
            "windows": list(current.windows.all()),
            "note": current.note,
        }
        if current
        else {}
    )
    return ItemStationingForm(initial=initial, windows=selectors.stationing_window_choices(item, center))


def _render_item(
    request: HttpRequest,
    item: ServiceItem,
    status_form: StatusForm,
    stationing_form: ItemStationingForm | None = None,
) -> HttpResponse:
    """The item page; a manager also gets the form for his center's stationing of the item."""
    center: Center | None = None
    try:
        center, _actor = require_org_manager(request.user)
    except AccessDenied:
        stationing_form = None
    else:
        stationing_form = stationing_form or _item_stationing_form(item, center)
    versions = list(selectors.item_versions(item))
    draft = next((v for v in versions if v.state == ItemVersion.State.DRAFT), None)
    current = item.current_version
    shown = current or draft
    return render(
        request,
        "backoffice/item_detail.html",
        {
            "item": item,
            "current": current,
            "draft": draft,
            "shown": shown,
            "summary": display.summary_rows(shown) if shown else [],
            "versions": versions,
            "history": display.history_rows(list(audit.history(item))),
            "status_form": status_form,
            "can_edit": _permitted(lambda: access_item_for_edit(request.user, item.pk)),
            "can_publish": _permitted(lambda: access_item_for_publish(request.user, item.pk)),
            "stationings": selectors.item_stationings(item),
            "stationing_center": center,
            "stationing_form": stationing_form,
        },
    )


@staff_page
def item_detail(request: HttpRequest, item_id: int) -> HttpResponse:
    return _render_item(request, access_item(request.user, item_id), StatusForm())


@staff_page
def version_detail(request: HttpRequest, item_id: int, number: int) -> HttpResponse:
    item = access_item(request.user, item_id)
    version = selectors.item_version(item, number)
    if version is None:
        raise NotFound(_("该事项没有第%(n)s版") % {"n": number}, code="version_not_found")
    content = services.version_content(version)
    return render(
        request,
        "backoffice/version_detail.html",
        {
            "item": item,
            "version": version,
            "rows": display.content_rows(content),
            "themes": [t.name for t in version.themes.all()],
            "children": [(CHILD_TITLES[kind], *display.child_table(kind, content[kind])) for kind in CHILD_TITLES],
        },
    )


@staff_page
def compare(request: HttpRequest, item_id: int) -> HttpResponse:
    """Two versions side by side; by default the newest (the draft, if open) against the one before it."""
    item = access_item(request.user, item_id)
    numbers = list(selectors.item_versions(item).values_list("number", flat=True))
    new_number = _int(request.GET.get("new")) or (numbers[0] if numbers else None)
    old_number = _int(request.GET.get("old"))
    if old_number is None and new_number is not None:
        old_number = max((n for n in numbers if n < new_number), default=None)
    old = selectors.item_version(item, old_number) if old_number else None
    new = selectors.item_version(item, new_number) if new_number else None
    if old is None or new is None:
        raise NotFound(_("没有可对比的两个版本"), code="nothing_to_compare")
    names = dict(Theme.objects.values_list("code", "name"))
    diff = display.version_diff(services.version_content(old), services.version_content(new), names)
    return render(
        request,
        "backoffice/compare.html",
        {"item": item, "old": old, "new": new, "diff": diff, "numbers": numbers},
    )


def _render_editor(
    request: HttpRequest,
    item: ServiceItem | None,
    form: VersionForm,
    formsets: dict[str, forms.BaseFormSet[Any]],
    identity: IdentityForm | None = None,
) -> HttpResponse:
    error_count = 0
    if form.is_bound:
        error_count = len(form.errors) + (len(identity.errors) if identity else 0)
        error_count += sum(len(fs.non_form_errors()) + sum(len(f.errors) for f in fs.forms) for fs in formsets.values())
    return render(
        request,
        "backoffice/editor.html",
        {
            "item": item,
            "form": form,
            "identity": identity,
            "sections": [(title, [form[name] for name in names]) for title, names in SECTIONS],
            "formsets": [(kind, CHILD_TITLES[kind], fs) for kind, fs in formsets.items()],
            "error_count": error_count,
        },
    )


@staff_page
def item_edit(request: HttpRequest, item_id: int) -> HttpResponse:
    item, actor = access_item_for_edit(request.user, item_id, request)
    if request.method != "POST":
        draft = selectors.item_draft(item)
        base = draft
        if base is None and item.current_version is not None:
            base = selectors.item_version(item, item.current_version.number)
        content = services.version_content(base) if base else {}
        initial = {**content, "change_note": draft.change_note if draft else "", "revision": item.revision}
        return _render_editor(request, item, VersionForm(initial=initial), child_formsets(content=content))
    form = VersionForm(request.POST)
    formsets = child_formsets(request.POST)
    if form.is_valid() and all(fs.is_valid() for fs in formsets.values()):
        try:
            saved = services.save_draft(
                item=item,
                data={**form.content(), **children_content(formsets)},
                actor=actor,
                change_note=form.cleaned_data["change_note"],
                expected_revision=form.cleaned_data.get("revision"),
            )
        except ValidationFailed as failed:
            show_problems(failed.problems, form=form, formsets=formsets)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("草稿已保存（第%(n)s版），发布后生效") % {"n": saved.number})
            return redirect("backoffice:item", item_id=item.pk)
    return _render_editor(request, item, form, formsets)


@staff_page
def item_new(request: HttpRequest) -> HttpResponse:
    actor = require_catalog_manager(request.user, request)
    if request.method != "POST":
        return _render_editor(request, None, VersionForm(), child_formsets(), IdentityForm())
    identity = IdentityForm(request.POST)
    form = VersionForm(request.POST)
    formsets = child_formsets(request.POST)
    if all([identity.is_valid(), form.is_valid(), *(fs.is_valid() for fs in formsets.values())]):
        try:
            item = services.create_item(
                code=identity.cleaned_data["code"],
                basic_code=identity.cleaned_data["basic_code"],
                department=identity.cleaned_data["department"],
                data={**form.content(), **children_content(formsets)},
                actor=actor,
            )
        except ValidationFailed as failed:
            show_problems(failed.problems, form=form, identity=identity, formsets=formsets)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("事项已创建（第1版草稿），发布后对外公开"))
            return redirect("backoffice:item", item_id=item.pk)
    return _render_editor(request, None, form, formsets, identity)


@require_POST
@staff_page
def item_publish(request: HttpRequest, item_id: int) -> HttpResponse:
    item, actor = access_item_for_publish(request.user, item_id, request)
    try:
        version = services.publish_draft(item=item, actor=actor)
    except DomainError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("已发布第%(n)s版") % {"n": version.number})
    return redirect("backoffice:item", item_id=item.pk)


@require_POST
@staff_page
def item_discard(request: HttpRequest, item_id: int) -> HttpResponse:
    item, actor = access_item_for_edit(request.user, item_id, request)
    try:
        services.discard_draft(item=item, actor=actor)
    except DomainError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("草稿已放弃"))
    return redirect("backoffice:item", item_id=item.pk)


@require_POST
@staff_page
def item_status(request: HttpRequest, item_id: int) -> HttpResponse:
    item, actor = access_item_for_publish(request.user, item_id, request)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.change_status(
                item=item, move=form.cleaned_data["move"], reason=form.cleaned_data["reason"], actor=actor
            )
        except ValidationFailed as failed:
            show_problems(failed.problems, form=form)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("事项状态已更新"))
            return redirect("backoffice:item", item_id=item.pk)
    return _render_item(request, item, form)


@require_POST
@staff_page
def item_stationing(request: HttpRequest, item_id: int) -> HttpResponse:
    item, center, actor = access_item_for_stationing(request.user, item_id, request)
    form = ItemStationingForm(request.POST, windows=selectors.stationing_window_choices(item, center))
    if form.is_valid():
        try:
            services.set_item_stationing(
                item=item,
                center=center,
                moved_in=form.cleaned_data["moved_in"],
                authorised=form.cleaned_data["authorised"],
                windows=list(form.cleaned_data["windows"]),
                note=form.cleaned_data["note"],
                actor=actor,
            )
        except ValidationFailed as failed:
            show_problems(failed.problems, form=form)
        else:
            messages.success(request, _("事项进驻情况已保存"))
            return redirect(reverse("backoffice:item", args=[item.pk]) + "#stationing")
    return _render_item(request, item, StatusForm(), form)
