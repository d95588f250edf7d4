"""The center manager's organisation pages: departments and their stationing, windows, staff.

Managers change them; supervisors read them. Every write goes through ``govhall.org.services``.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from govhall.backoffice.decorators import staff_page
from govhall.backoffice.forms import (
    DepartmentForm,
    StaffFilterForm,
    StaffForm,
    StationingForm,
    WindowForm,
    show_problems,
)
from govhall.catalog import selectors as catalog_selectors
from govhall.core import masking
from govhall.core.actors import Actor
from govhall.core.errors import ValidationFailed
from govhall.org import selectors, services
from govhall.org.access import (
    access_department_for_edit,
    access_staff_for_edit,
    access_staff_for_reveal,
    access_window_for_edit,
    has_role,
    require_org_manager,
    require_org_reader,
)
from govhall.org.models import Center, Department, Role, StaffProfile, Window

PAGE_SIZE = 50


def _can_manage(request: HttpRequest) -> bool:
    return has_role(request.user, Role.CENTER_MANAGER)


# 部门与进驻


@staff_page
def departments(request: HttpRequest) -> HttpResponse:
    center, _actor = require_org_reader(request.user)
    return render(
        request,
        "backoffice/org_departments.html",
        {
            "center": center,
            "rows": catalog_selectors.department_stationings(center),
            "moved_in_rate": catalog_selectors.moved_in_rate(center),
            "authorised_rate": catalog_selectors.authorised_rate(center),
            "can_manage": _can_manage(request),
        },
    )


def _department_initial(department: Department) -> dict[str, str]:
    return {
        "code": department.code,
        "name": department.name,
        "short_name": department.short_name,
        "nature": department.nature,
    }


def _stationing_form(center: Center, department: Department) -> StationingForm:
    stationing = selectors.stationing_of(center, department)
    if stationing is None:
        return StationingForm()
    return StationingForm(
        initial={
            "moved_in": stationing.moved_in,
            "authorised": stationing.authorised,
            "section_name": stationing.section_name,
            "note": stationing.note,
        }
    )


def _department_page(
    request: HttpRequest,
    center: Center,
    department: Department | None,
    form: DepartmentForm,
    stationing_form: StationingForm | None = None,
) -> HttpResponse:
    return render(
        request,
        "backoffice/org_department.html",
        {"center": center, "department": department, "form": form, "stationing_form": stationing_form},
    )


@staff_page
def department_new(request: HttpRequest) -> HttpResponse:
    center, actor = require_org_manager(request.user, request)
    if request.method != "POST":
        return _department_page(request, center, None, DepartmentForm())
    form = DepartmentForm(request.POST)
    if form.is_valid():
        try:
            department = services.save_department(department=None, **form.cleaned_data, actor=actor)
        except ValidationFailed as failed:
            show_problems(failed.problems, form=form)
        else:
            messages.success(request, _("部门已创建；请登记其在本中心的进驻情况"))
            return redirect("backoffice:org_department", department_id=department.pk)
    return _department_page(request, center, None, form)


@staff_page
def department_edit(request: HttpRequest, department_id: int) -> HttpResponse:
    department, center, actor = access_department_for_edit(request.user, department_id, request)
    if request.method != "POST":
        form = DepartmentForm(initial=_department_initial(department))
        return _department_page(request, center, department, form, _stationing_form(center, department))
    form = DepartmentForm(request.POST)
    if form.is_valid():
        try:
            services.save_department(department=department, **form.cleaned_data, actor=actor)
        except ValidationFailed as failed:
            show_problems(failed.problems, form=form)
        else:
            messages.success(request, _("部门信息已保存"))
            return redirect("backoffice:org_departments")
    return _department_page(request, center, department, form, _stationing_form(center, department))


@require_POST
@staff_page
def department_stationing(request: HttpRequest, department_id: int) -> HttpResponse:
    department, center, actor = access_department_for_edit(request.user, department_id, request)
    form = StationingForm(request.POST)
    if form.is_valid():
        services.set_stationing(center=center, department=department, **form.cleaned_data, actor=actor)
        messages.success(request, _("%(name)s的进驻情况已保存") % {"name": department.name})
        return redirect("backoffice:org_departments")
    return _department_page(request, center, department, DepartmentForm(initial=_department_initial(department)), form)


# 窗口


@staff_page
def windows(request: HttpRequest) -> HttpResponse:
    center, _actor = require_org_reader(request.user)
    groups = selectors.window_groups(center)
    return render(
        request,
        "backoffice/org_windows.html",
        {
            "center": center,
            "groups": groups,
            "count": sum(len(group.windows) for group in groups),
            "can_manage": _can_manage(request),
        },
    )


def _window_page(request: HttpRequest, center: Center, window: Window | None, actor: Actor) -> HttpResponse:
    if request.method != "POST":
        initial = (
            {
                "number": window.number,
                "name": window.name,
                "kind": window.kind,
                "location": window.location,
                "departments": list(window.departments.all()),
                "active": window.active,
            }
            if window
            else {"active": True}
        )
        form = WindowForm(initial=initial)
    else:
        form = WindowForm(request.POST)
        if form.is_valid():
            try:
                saved = services.save_window(window=window, center=center, **form.cleaned_data, actor=actor)
            except ValidationFailed as failed:
                show_problems(failed.problems, form=form)
            else:
                messages.success(request, _("%(window)s已保存") % {"window": saved})
                return redirect("backoffice:org_windows")
    return render(request, "backoffice/org_window.html", {"center": center, "window": window, "form": form})


@staff_page
def window_new(request: HttpRequest) -> HttpResponse:
    center, actor = require_org_manager(request.user, request)
    return _window_page(request, center, None, actor)


@staff_page
def window_edit(request: HttpRequest, window_id: int) -> HttpResponse:
    window, actor = access_window_for_edit(request.user, window_id, request)
    return _window_page(request, window.center, window, actor)


@require_POST
@staff_page
def window_active(request: HttpRequest, window_id: int) -> HttpResponse:
    window, actor = access_window_for_edit(request.user, window_id, request)
    active = request.POST.get("active") == "1"
    services.set_window_active(window=window, active=active, actor=actor)
    if active:
        messages.success(request, _("%(window)s已启用") % {"window": window})
    else:
        messages.success(request, _("%(window)s已停用") % {"window": window})
    return redirect("backoffice:org_windows")


# 工作人员


@staff_page
def staff(request: HttpRequest) -> HttpResponse:
    center, _actor = require_org_reader(request.user)
    filter_form = StaffFilterForm(
        request.GET, departments=selectors.staff_departments(center), windows=selectors.windows_at(center)
    )
    filters = filter_form.filters()
    page = Paginator(selectors.staff_at(center, **filters), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "backoffice/org_staff.html",
        {
            "center": center,
            "page": page,
            "filter_form": filter_form,
            "filtered": any(filters.values()),
            "query": query.urlencode(),
            "can_manage": _can_manage(request),
        },
    )


def _staff_page(request: HttpRequest, center: Center, profile: StaffProfile | None, actor: Actor) -> HttpResponse:
    windows = selectors.windows_at(center)
    editing = profile is not None
    masked = masking.mask_phone(profile.user.phone) if profile else ""
    if request.method != "POST":
        initial = (
            {
                "username": profile.user.username,
                "display_name": profile.user.display_name,
                "employment": profile.employment,
                "title": profile.title,
                "staff_number": profile.staff_number,
                "roles": sorted(profile.role_codes),
                "department": profile.department,
                "windows": list(profile.windows.all()),
            }
            if profile
            else {}
        )
        form = StaffForm(initial=initial, windows=windows, editing=editing, masked_phone=masked)
    else:
        form = StaffForm(request.POST, windows=windows, editing=editing, masked_phone=masked)
        if form.is_valid():
            data = form.cleaned_data
            try:
                saved = services.save_staff(
                    profile=profile,
                    username=data["username"],
                    display_name=data["display_name"],
                    center=center,
                    employment=data["employment"],
                    roles=data["roles"],
                    department=data["department"],
                    windows=list(data["windows"]),
                    phone=form.phone_to_save(),
                    title=data["title"],
                    staff_number=data["staff_number"],
                    password=data["password"] or None,
                    actor=actor,
                )
            except ValidationFailed as failed:
                show_problems(failed.problems, form=form)
            else:
                messages.success(request, _("已保存工作人员%(name)s") % {"name": saved.user})
                return redirect("backoffice:org_staff")
    return render(request, "backoffice/org_staff_member.html", {"center": center, "profile": profile, "form": form})


@staff_page
def staff_new(request: HttpRequest) -> HttpResponse:
    center, actor = require_org_manager(request.user, request)
    return _staff_page(request, center, None, actor)


@staff_page
def staff_edit(request: HttpRequest, profile_id: int) -> HttpResponse:
    profile, actor = access_staff_for_edit(request.user, profile_id, request)
    return _staff_page(request, profile.center, profile, actor)


@require_POST
@never_cache
@staff_page
def staff_phone(request: HttpRequest, profile_id: int) -> HttpResponse:
    """The full number, logged as read (PIPL): for the staff list's button (HTMX) or, without JavaScript, a page."""
    profile, actor = access_staff_for_reveal(request.user, profile_id, request)
    phone = profile.user.phone
    if phone:
        phone = masking.reveal(
            actor=actor, obj_type="org.staffprofile", obj_id=profile.pk, field="phone", value=phone, purpose="工作联系"
        )
    template = "backoffice/_staff_phone.html" if request.headers.get("HX-Request") else "backoffice/staff_phone.html"
    return render(request, template, {"profile": profile, "phone": phone})
