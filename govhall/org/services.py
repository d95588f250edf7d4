"""Writes to the organisation: departments, stationing, windows, staff. Every write is audited."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from govhall.accounts.models import User
from govhall.core import audit
from govhall.core.actors import Actor
from govhall.core.errors import Problem, ValidationFailed
from govhall.core.masking import mask_phone
from govhall.org.models import Center, Department, Role, StaffProfile, StaffRole, Stationing, Window


def _snapshot(obj: Any, fields: Iterable[str]) -> dict[str, Any]:
    return {f: getattr(obj, f) for f in fields}


@transaction.atomic
def save_department(
    *,
    department: Department | None,
    code: str,
    name: str,
    short_name: str = "",
    nature: str = Department.Nature.STATUTORY,
    actor: Actor,
) -> Department:
    problems = []
    if not code.strip():
        problems.append(Problem(gettext("「部门编码」为必填项"), code="required", field="code"))
    elif Department.objects.filter(code=code).exclude(pk=department.pk if department else -1).exists():
        problems.append(
            Problem(gettext("部门编码「%(code)s」已存在") % {"code": code}, code="duplicate_code", field="code")
        )
    if not name.strip():
        problems.append(Problem(gettext("「部门名称」为必填项"), code="required", field="name"))
    elif Department.objects.filter(name=name).exclude(pk=department.pk if department else -1).exists():
        problems.append(
            Problem(gettext("部门「%(name)s」已存在") % {"name": name}, code="duplicate_name", field="name")
        )
    if nature not in Department.Nature.values:
        problems.append(Problem(gettext("实施主体性质无效"), code="invalid_choice", field="nature"))
    if problems:
        raise ValidationFailed(problems)
    fields = ("code", "name", "short_name", "nature")
    created = department is None
    department = department or Department()
    before = {} if created else _snapshot(department, fields)
    department.code, department.name, department.short_name, department.nature = code, name, short_name, nature
    department.save()
    audit.record(
        actor=actor,
        action="org.department.created" if created else "org.department.changed",
        obj=department,
        changes=audit.diff(before, _snapshot(department, fields)),
    )
    return department


@transaction.atomic
def set_stationing(
    *,
    center: Center,
    department: Department,
    moved_in: bool,
    authorised: bool,
    section_name: str = "",
    note: str = "",
    actor: Actor,
) -> Stationing:
    """Record how far 两集中、两到位 went for a department at a center."""
    fields = ("moved_in", "authorised", "section_name", "note")
    stationing = Stationing.objects.select_for_update().filter(center=center, department=department).first()
    before = _snapshot(stationing, fields) if stationing else {}
    stationing = stationing or Stationing(center=center, department=department)
    stationing.moved_in, stationing.authorised = moved_in, authorised
    stationing.section_name, stationing.note = section_name, note
    stationing.save()
    audit.record(
        actor=actor,
        action="org.stationing.set",
        obj=stationing,
        changes=audit.diff(before, _snapshot(stationing, fields)),
    )
    return stationing


@transaction.atomic
def save_window(
    *,
    window: Window | None,
    center: Center,
    number: str,
    name: str,
    kind: str,
    location: str = "",
    departments: Iterable[Department] = (),
    active: bool = True,
    actor: Actor,
) -> Window:
    problems = []
    if not number.strip():
        problems.append(Problem(gettext("「窗口号」为必填项"), code="required", field="number"))
    elif Window.objects.filter(center=center, number=number).exclude(pk=window.pk if window else -1).exists():
        problems.append(
            Problem(
                gettext("%(center)s已有%(number)s号窗口") % {"center": center, "number": number},
                code="duplicate_number",
                field="number",
            )
        )
    if not name.strip():
        problems.append(Problem(gettext("「窗口名称」为必填项"), code="required", field="name"))
    if kind not in Window.Kind.values:
        problems.append(Problem(gettext("窗口类型无效"), code="invalid_choice", field="kind"))
    departments = list(departments)
    if kind == Window.Kind.PROFESSIONAL and not departments:
        problems.append(
            Problem(gettext("专业窗口须指定服务部门"), code="professional_without_department", field="departments")
        )
    if problems:
        raise ValidationFailed(problems)
    fields = ("center_id", "number", "name", "kind", "location", "active")
    created = window is None
    window = window or Window(center=center)
    before = (
        {}
        if created
        else {**_snapshot(window, fields), "departments": sorted(window.departments.values_list("code", flat=True))}
    )
    window.center, window.number, window.name, window.kind = center, number, name, kind
    window.location, window.active = location, active
    window.save()
    window.departments.set(departments)
    after = {**_snapshot(window, fields), "departments": sorted(d.code for d in departments)}
    audit.record(
        actor=actor,
        action="org.window.created" if created else "org.window.changed",
        obj=window,
        changes=audit.diff(before, after),
    )
    return window


@transaction.atomic
def set_window_active(*, window: Window, active: bool, actor: Actor) -> Window:
    """Close a window (it keeps its number, history and staff) or open it again."""
    # Locked so that two managers toggling at once leave one entry each with the true before-value.
    window = Window.objects.select_for_update().get(pk=window.pk)
    before = window.active
    window.active = active
    window.save(update_fields=["active"])
    audit.record(
        actor=actor,
        action="org.window.changed",
        obj=window,
        changes=audit.diff({"active": before}, {"active": active}),
    )
    return window


@transaction.atomic
def save_staff(
    *,
    profile: StaffProfile | None,
    username: str,
    display_name: str,
    center: Center,
    employment: str,
    roles: Iterable[str],
    department: Department | None = None,
    windows: Iterable[Window] = (),
    phone: str | None = None,
    title: str = "",
    staff_number: str = "",
    password: str | None = None,
    actor: Actor,
) -> StaffProfile:
    """Create or change a staff member with his roles; the scope rules are checked here.

    ``phone=None`` keeps the number on file (the edit page never shows it in full); ``password=None`` keeps
    the password, and a new staff member without one cannot log in until a password is set.
    """
    roles = sorted(set(roles))
    windows = list(windows)
    problems = []
    if not username.strip():
        problems.append(Problem(gettext("「用户名」为必填项"), code="required", field="username"))
    elif User.objects.filter(username=username).exclude(pk=profile.user_id if profile else -1).exists():
        problems.append(
            Problem(
                gettext("用户名「%(username)s」已被使用") % {"username": username},
                code="duplicate_username",
                field="username",
            )
        )
    if not display_name.strip():
        problems.append(Problem(gettext("「姓名」为必填项"), code="required", field="display_name"))
    if employment not in StaffProfile.Employment.values:
        problems.append(Problem(gettext("用工性质无效"), code="invalid_choice", field="employment"))
    unknown = [r for r in roles if r not in Role.values]
    if unknown or not roles:
        problems.append(Problem(gettext("请至少选择一个有效角色"), code="invalid_role", field="roles"))
    if Role.WINDOW_CLERK in roles and not windows:
        problems.append(Problem(gettext("窗口人员须至少分配一个窗口"), code="clerk_without_window", field="windows"))
    if set(roles) & {Role.APPROVER, Role.CHIEF_REPRESENTATIVE} and department is None:
        problems.append(
            Problem(gettext("审批人员和首席代表须指定所属部门"), code="approver_without_department", field="department")
        )
    if any(w.center_id != center.pk for w in windows):
        problems.append(Problem(gettext("所选窗口不属于该服务中心"), code="window_of_other_center", field="windows"))
    if password:
        problems += _password_problems(password, profile.user if profile else User(username=username))
    if problems:
        raise ValidationFailed(problems)

    created = profile is None
    if profile is None:
        user = User(username=username, kind=User.Kind.STAFF)
        profile = StaffProfile(user=user)
        before: dict[str, Any] = {}
    else:
        user = profile.user
        before = _staff_snapshot(profile)
    user.username, user.display_name = username, display_name
    if phone is not None:
        user.phone = phone
    if password:
        user.password = make_password(password)
    elif created:
        user.set_unusable_password()
    user.save()
    profile.user = user
    profile.center, profile.department, profile.employment = center, department, employment
    profile.title, profile.staff_number = title, staff_number
    profile.save()
    profile.windows.set(windows)
    StaffRole.objects.filter(profile=profile).exclude(role__in=roles).delete()
    existing = set(StaffRole.objects.filter(profile=profile).values_list("role", flat=True))
    StaffRole.objects.bulk_create(StaffRole(profile=profile, role=r) for r in roles if r not in existing)
    changes = audit.diff(before, _staff_snapshot(profile))
    if password:
        changes["password"] = ["***", "***"]
    audit.record(
        actor=actor, action="org.staff.created" if created else "org.staff.changed", obj=profile, changes=changes
    )
    return profile


# Django 5.2's own zh_Hans catalog misses the too-short message (its msgid changed), so we say it ourselves.
_PASSWORD_MESSAGES = {
    "password_too_short": "密码太短，至少需要{min_length}个字符",
    "password_too_common": "密码过于常见，请换一个",
    "password_entirely_numeric": "密码不能全是数字",
    "password_too_similar": "密码与用户名或姓名过于相似",
}


def _password_problems(password: str, user: User) -> list[Problem]:
    try:
        validate_password(password, user)
    except ValidationError as invalid:
        problems = []
        for error in invalid.error_list:
            template = _PASSWORD_MESSAGES.get(error.code or "")
            text = template.format(**(error.params or {})) if template else " ".join(error.messages)
            problems.append(Problem(text, code="weak_password", field="password"))
        return problems
    return []


def _staff_snapshot(profile: StaffProfile) -> dict[str, Any]:
    return {
        "username": profile.user.username,
        "display_name": profile.user.display_name,
        "phone": mask_phone(profile.user.phone),
        "center": profile.center.code,
        "department": profile.department.code if profile.department else None,
        "employment": profile.employment,
        "title": profile.title,
        "staff_number": profile.staff_number,
        "windows": sorted(f"{w.center_id}:{w.number}" for w in profile.windows.all()),
        "roles": sorted(profile.roles.values_list("role", flat=True)),
    }
