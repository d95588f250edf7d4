"""Who may act, in which role, for which departments. Every protected object is loaded through an
``access_*`` function built on these."""

from __future__ import annotations

import functools
from typing import Any

from django.db import connection
from django.utils.translation import gettext

from govhall.core import sqlbatch
from govhall.core.actors import Actor, client_ip
from govhall.core.errors import AccessDenied, NotFound
from govhall.org.models import Center, Department, Role, StaffProfile, StaffRole, Window

ROLE_LABELS = dict(Role.choices)
_ROLE_CODES = tuple(Role.values)  # Role.values builds a new list on every access


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


@functools.cache
def _token_sql() -> str:
    from govhall.accounts.models import ApiToken, User

    held = ", ".join(
        f'EXISTS (SELECT 1 FROM "{StaffRole._meta.db_table}" r WHERE r."profile_id" = p."id" AND r."role" = %s)'
        for _code in _ROLE_CODES
    )
    return (
        f'SELECT t."id", t."last_used", {sqlbatch.columns(User, "u")}, {sqlbatch.columns(StaffProfile, "p")}, '
        f"{sqlbatch.columns(Center, 'c')}, {sqlbatch.columns(Department, 'd')}, {held}, "
        f"({_window_departments_sql(listed=True)}) "
        f'FROM "{ApiToken._meta.db_table}" t JOIN "{User._meta.db_table}" u ON u."id" = t."user_id" '
        f'LEFT JOIN "{StaffProfile._meta.db_table}" p ON p."user_id" = u."id" '
        f'LEFT JOIN "{Center._meta.db_table}" c ON c."id" = p."center_id" '
        f'LEFT JOIN "{Department._meta.db_table}" d ON d."id" = p."department_id" '
        'WHERE t."key_hash" = %s AND t."revoked" = %s AND u."is_active" = %s'
    )


def staff_by_token(key_hash: str) -> tuple[int, Any, Any] | None:
    """(token id, last used, user) for a live token (not revoked, its user active), the user's staff profile
    with center, department, roles and his windows' departments kept where ``staff_of`` and ``department_scope``
    look: who acts, learned in one statement, read afresh on every request (a revocation or a role taken away
    applies to the very next one). Hand-written: it runs for every API request."""
    from govhall.accounts.models import User

    row = sqlbatch.fetch_one(_token_sql(), [*_ROLE_CODES, key_hash, False, True])
    if row is None:
        return None
    token_id, last_used = row[0], sqlbatch.to_datetime(row[1])
    (user, profile, center, department), rest = sqlbatch.split(row[2:], User, StaffProfile, Center, Department)
    if profile is not None:
        StaffProfile.center.field.set_cached_value(profile, center)
        StaffProfile.department.field.set_cached_value(profile, department)
        *holds, departments = rest
        profile._role_codes = frozenset(code for code, held in zip(_ROLE_CODES, holds, strict=True) if held)
        profile._window_departments = frozenset(int(d) for d in str(departments or "").split(",") if d)
    user._staff_profile_cache = profile or False
    return token_id, last_used, user


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
    wanted = gettext("、").join(str(ROLE_LABELS.get(r, r)) for r in roles)
    raise AccessDenied(gettext("需要以下角色之一：%(roles)s") % {"roles": wanted}, code="role_required")


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


@functools.cache
def _window_departments_sql(*, listed: bool = False) -> str:
    """The departments of a staff member's windows: one row each, or (``listed``) one comma-separated list of the
    ids of profile ``p``, a column of the token statement."""
    sits = StaffProfile.windows.through._meta  # the staff member's windows
    serves = Window.departments.through._meta  # the departments a window takes applications for
    department, window = serves.get_field("department").column, serves.get_field("window").column
    if not listed:
        chosen, profile = f'DISTINCT wd."{department}"', "%s"
    elif connection.vendor == "postgresql":
        chosen, profile = f"string_agg(DISTINCT wd.\"{department}\"::text, ',')", 'p."id"'
    else:
        chosen, profile = f'group_concat(DISTINCT wd."{department}")', 'p."id"'
    return (
        f'SELECT {chosen} FROM "{sits.db_table}" sw '
        f'JOIN "{serves.db_table}" wd ON wd."{window}" = sw."{sits.get_field("window").column}" '
        f'WHERE sw."{sits.get_field("staffprofile").column}" = {profile}'
    )


def _window_departments(profile_id: int) -> set[int]:
    """The departments of the windows a clerk sits at (one hand-written read: every clerk's API call asks)."""
    return {department for (department,) in sqlbatch.fetch_all(_window_departments_sql(), [profile_id])}


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
        known: frozenset[int] | None = getattr(profile, "_window_departments", None)  # read with a token
        scope |= known if known is not None else _window_departments(profile.pk)
    if roles & {Role.APPROVER, Role.CHIEF_REPRESENTATIVE} and profile.department_id:
        scope.add(profile.department_id)
    profile._scope_cache = frozenset(scope)  # type: ignore[attr-defined]
    return scope


def center_scope(user: Any) -> set[int] | None:
    """The centers whose cases a center manager or supervisor oversees: his own and those below it (a county center
    its township centers and village points); None (no limit by center) for everyone else, who acts by department.
    """
    profile = staff_of(user)
    if profile is None or not profile.role_codes & {Role.CENTER_MANAGER, Role.SUPERVISOR}:
        return None
    cached: frozenset[int] | None = getattr(profile, "_center_scope_cache", None)
    if cached is None:
        children: dict[int | None, list[int]] = {}
        for center_id, parent_id in Center.objects.values_list("id", "parent_id"):
            children.setdefault(parent_id, []).append(center_id)
        found, todo = set(), [profile.center_id]
        while todo:
            center_id = todo.pop()
            if center_id not in found:
                found.add(center_id)
                todo.extend(children.get(center_id, []))
        cached = frozenset(found)
        profile._center_scope_cache = cached  # type: ignore[attr-defined]
    return set(cached)


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
        raise NotFound(gettext("部门不存在"), code="department_not_found")
    return department, center, actor


def access_window_for_edit(user: Any, window_id: int, request: Any = None) -> tuple[Window, Actor]:
    center, actor = require_org_manager(user, request)
    window = Window.objects.select_related("center").filter(pk=window_id, center=center).first()
    if window is None:
        raise NotFound(gettext("窗口不存在"), code="window_not_found")
    return window, actor


def _staff_at(center: Center, profile_id: int) -> StaffProfile:
    profile = (
        StaffProfile.objects.select_related("user", "center", "department").filter(pk=profile_id, center=center).first()
    )
    if profile is None:
        raise NotFound(gettext("工作人员不存在"), code="staff_not_found")
    return profile


def access_staff_for_edit(user: Any, profile_id: int, request: Any = None) -> tuple[StaffProfile, Actor]:
    center, actor = require_org_manager(user, request)
    return _staff_at(center, profile_id), actor


def access_staff_for_reveal(user: Any, profile_id: int, request: Any = None) -> tuple[StaffProfile, Actor]:
    """Whoever may read the staff list may read a full phone number; the caller logs it (``masking.reveal``)."""
    center, actor = require_org_reader(user, request)
    return _staff_at(center, profile_id), actor
