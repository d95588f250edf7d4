"""Who may act, in which role, for which departments. Every protected object is loaded through an
``access_*`` function built on these."""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Exists, Model, OuterRef, QuerySet

from govhall.core.actors import Actor, client_ip
from govhall.core.errors import AccessDenied, NotFound
from govhall.org.models import Center, Department, Role, StaffProfile, StaffRole, Window

M = TypeVar("M", bound=Model)

ROLE_LABELS = dict(Role.choices)


def staff_of(user: Any) -> StaffProfile | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    cached = getattr(user, "_staff_profile_cache", None)
    if cached is None:
        cached = (
            StaffProfile.objects.select_related("center", "department")
            .prefetch_related("roles")
            .filter(user=user)
            .first()
        )
        if cached is not None:
            cached._role_codes = frozenset(r.role for r in cached.roles.all())
        user._staff_profile_cache = cached or False
    return cached or None


def with_staff(rows: QuerySet[M], user: str) -> QuerySet[M]:
    """``rows`` with the staff profile of their ``user`` relation (center, department, roles) read in the same
    query, for ``keep_staff``: an API request then learns who acts in one statement, not three."""
    held = {
        f"holds_{code}": Exists(StaffRole.objects.filter(profile__user=OuterRef(user), role=code))
        for code in Role.values
    }
    return rows.select_related(f"{user}__staff__center", f"{user}__staff__department").annotate(**held)


def keep_staff(user: Any, row: Model) -> None:
    """Keep the profile a ``with_staff`` row brought where ``staff_of`` looks first (the request's user)."""
    try:
        profile: StaffProfile | None = user.staff
    except ObjectDoesNotExist:
        profile = None
    if profile is not None:
        profile._role_codes = frozenset(code for code in Role.values if getattr(row, f"holds_{code}"))
    user._staff_profile_cache = profile or False


def roles_of(user: Any) -> frozenset[str]:
    profile = staff_of(user)
    return profile.role_codes if profile else frozenset()


def has_role(user: Any, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))


def require_role(user: Any, *roles: str, request: Any = None) -> Actor:
    """The actor acting in the first of ``roles`` the user holds, or AccessDenied."""
    held = roles_of(user)
    for role in roles:
        if role in held:
            return Actor(user=user, role=role, client_ip=client_ip(request) if request is not None else None)
    wanted = "、".join(str(ROLE_LABELS.get(r, r)) for r in roles)
    raise AccessDenied(f"需要以下角色之一：{wanted}", code="role_required")


def window_ids(user: Any) -> frozenset[int]:
    """The windows a staff member sits at (kept with the profile, like his roles)."""
    profile = staff_of(user)
    if profile is None:
        return frozenset()
    cached: frozenset[int] | None = getattr(profile, "_window_ids", None)
    if cached is None:
        cached = frozenset(profile.windows.values_list("pk", flat=True))
        profile._window_ids = cached  # type: ignore[attr-defined]
    return cached


def department_scope(user: Any) -> set[int] | None:
    """Department ids the user acts for; None means every department of the center (manager, supervisor).

    A clerk acts for his windows' departments, an approver or chief representative for his own department.
    """
    profile = staff_of(user)
    if profile is None:
        return set()
    roles = profile.role_codes
    if roles & {Role.CENTER_MANAGER, Role.SUPERVISOR}:
        return None
    cached: frozenset[int] | None = getattr(profile, "_scope_cache", None)
    if cached is not None:  # kept with the profile, which lives as long as the request's user object
        return set(cached)
    scope: set[int] = set()
    if Role.WINDOW_CLERK in roles:
        scope |= set(profile.windows.values_list("departments", flat=True).exclude(departments=None))
    if roles & {Role.APPROVER, Role.CHIEF_REPRESENTATIVE} and profile.department_id:
        scope.add(profile.department_id)
    profile._scope_cache = frozenset(scope)  # type: ignore[attr-defined]
    return scope


def in_scope(user: Any, department_id: int) -> bool:
    scope = department_scope(user)
    return scope is None or department_id in scope


# The organisation pages: a center manager keeps his own center's windows and staff and the departments'
# stationing there; a supervisor reads them. Objects of another center are "not found", not "refused".


def _center_of(user: Any) -> Center:
    profile = staff_of(user)
    assert profile is not None  # require_role refuses users without a profile
    return profile.center


def require_org_reader(user: Any, request: Any = None) -> tuple[Center, Actor]:
    actor = require_role(user, Role.CENTER_MANAGER, Role.SUPERVISOR, request=request)
    return _center_of(user), actor


def require_org_manager(user: Any, request: Any = None) -> tuple[Center, Actor]:
    actor = require_role(user, Role.CENTER_MANAGER, request=request)
    return _center_of(user), actor


def access_department_for_edit(user: Any, department_id: int, request: Any = None) -> tuple[Department, Center, Actor]:
    """Departments are shared by every center; their stationing is recorded per center (the manager's)."""
    center, actor = require_org_manager(user, request)
    department = Department.objects.filter(pk=department_id).first()
    if department is None:
        raise NotFound("部门不存在", code="department_not_found")
    return department, center, actor


def access_window_for_edit(user: Any, window_id: int, request: Any = None) -> tuple[Window, Actor]:
    center, actor = require_org_manager(user, request)
    window = Window.objects.select_related("center").filter(pk=window_id, center=center).first()
    if window is None:
        raise NotFound("窗口不存在", code="window_not_found")
    return window, actor


def _staff_at(center: Center, profile_id: int) -> StaffProfile:
    profile = (
        StaffProfile.objects.select_related("user", "center", "department").filter(pk=profile_id, center=center).first()
    )
    if profile is None:
        raise NotFound("工作人员不存在", code="staff_not_found")
    return profile


def access_staff_for_edit(user: Any, profile_id: int, request: Any = None) -> tuple[StaffProfile, Actor]:
    center, actor = require_org_manager(user, request)
    return _staff_at(center, profile_id), actor


def access_staff_for_reveal(user: Any, profile_id: int, request: Any = None) -> tuple[StaffProfile, Actor]:
    """Whoever may read the staff list may read a full phone number; the caller logs it (``masking.reveal``)."""
    center, actor = require_org_reader(user, request)
    return _staff_at(center, profile_id), actor
