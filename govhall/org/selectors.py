"""Reads of the organisation for the center manager's pages: stationing, windows by area, staff."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from govhall.org.models import Center, Department, StaffProfile, StaffRole, Stationing, Window


def stationings_at(center: Center) -> dict[int, Stationing]:
    """The center's stationing records (两集中、两到位) by department id; a department without one is not recorded."""
    return {s.department_id: s for s in Stationing.objects.filter(center=center)}


def stationing_of(center: Center, department: Department) -> Stationing | None:
    return Stationing.objects.filter(center=center, department=department).first()


def windows_at(center: Center) -> QuerySet[Window]:
    return Window.objects.filter(center=center).order_by("number")


@dataclass(frozen=True)
class WindowGroup:
    """The windows of one floor and area of the hall (一楼A区), in number order."""

    area: str
    windows: list[Window]


def window_groups(center: Center) -> list[WindowGroup]:
    """Every window of the center with its departments and staff, grouped by ``Window.area``.

    Groups come in the order of their lowest window number, which follows the hall's floors.
    """
    windows = windows_at(center).prefetch_related(
        Prefetch("departments", queryset=Department.objects.order_by("code")),
        Prefetch("staff", queryset=StaffProfile.objects.select_related("user").order_by("user__username")),
    )
    groups: dict[str, list[Window]] = {}
    for window in windows:
        groups.setdefault(window.area, []).append(window)
    return [WindowGroup(area=area, windows=members) for area, members in groups.items()]


def staff_at(
    center: Center, *, role: str = "", department_id: int | None = None, window_id: int | None = None
) -> QuerySet[StaffProfile]:
    """The center's staff with their account, roles, department and windows; optionally filtered."""
    qs = (
        StaffProfile.objects.filter(center=center)
        .select_related("user", "department")
        .prefetch_related(
            Prefetch("roles", queryset=StaffRole.objects.order_by("pk")),
            Prefetch("windows", queryset=Window.objects.order_by("number")),
        )
    )
    if role:
        qs = qs.filter(roles__role=role)
    if department_id:
        qs = qs.filter(department_id=department_id)
    if window_id:
        qs = qs.filter(windows__pk=window_id)
    return qs.order_by("user__username")


def staff_departments(center: Center) -> QuerySet[Department]:
    """Departments the center's staff belong to (the staff page's filter)."""
    return Department.objects.filter(staff__center=center).distinct().order_by("code")


def center_departments(center: Center) -> QuerySet[Department]:
    """The departments stationed at ``center`` (进驻部门), by code; every department when it records none."""
    if Stationing.objects.filter(center=center).exists():
        return Department.objects.filter(stationings__center=center).order_by("code")
    return Department.objects.order_by("code")
