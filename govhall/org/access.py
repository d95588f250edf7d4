"""Who may act, in which role, for which departments. Every protected object is loaded through an
``access_*`` function built on these."""

from __future__ import annotations

from typing import Any

from govhall.core.actors import Actor, client_ip
from govhall.core.errors import AccessDenied
from govhall.org.models import Role, StaffProfile

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
    scope: set[int] = set()
    if Role.WINDOW_CLERK in roles:
        scope |= set(profile.windows.values_list("departments", flat=True).exclude(departments=None))
    if roles & {Role.APPROVER, Role.CHIEF_REPRESENTATIVE} and profile.department_id:
        scope.add(profile.department_id)
    return scope


def in_scope(user: Any, department_id: int) -> bool:
    scope = department_scope(user)
    return scope is None or department_id in scope
