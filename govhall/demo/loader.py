"""Loads the demo county (govhall/demo/data) through the same services as real use. Idempotent: rows are
matched by their codes, so a second run adds nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction

from govhall.accounts.models import User
from govhall.catalog import services as catalog_services
from govhall.catalog.models import ItemStationing, ServiceItem, Theme
from govhall.core.actors import Actor, system_actor
from govhall.demo import hall as demo_hall
from govhall.demo import history as demo_history
from govhall.demo import showcase as demo_showcase
from govhall.demo.data import departments as dept_data
from govhall.demo.data import items as item_data
from govhall.demo.data import people as people_data
from govhall.demo.data import regions as region_data
from govhall.demo.data import themes as theme_data
from govhall.org import services as org_services
from govhall.org.models import Center, Department, Region, Stationing, Window

DEMO_PASSWORD = "govhall2026"
LOGIN_ROLES = [
    ("manager", "中心管理人员 center manager"),
    ("clerk", "窗口人员 window clerk"),
    ("approver", "审批人员 approver"),
    ("chief", "首席代表 chief representative"),
    ("supervisor", "效能监督 supervisor"),
]


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, created: bool) -> None:
        if created:
            self.created[kind] = self.created.get(kind, 0) + 1


def _center(data: dict[str, Any], region: Region, level: str, parent: Center | None, report: LoadReport) -> Center:
    center, created = Center.objects.get_or_create(
        code=data["code"],
        defaults={
            "name": data["name"],
            "level": level,
            "region": region,
            "parent": parent,
            "address": data.get("address", ""),
            "phone": data.get("phone", ""),
            "hours": data.get("hours", ""),
        },
    )
    report.add("centers", created)
    return center


def load_regions(report: LoadReport) -> Center:
    county = region_data.COUNTY
    region, created = Region.objects.get_or_create(
        code=county["code"], defaults={"name": county["name"], "level": Region.Level.COUNTY}
    )
    report.add("regions", created)
    county_center = _center(county["center"], region, Center.Level.COUNTY, None, report)
    for town in region_data.TOWNSHIPS:
        town_region, created = Region.objects.get_or_create(
            code=town["code"], defaults={"name": town["name"], "level": Region.Level.TOWNSHIP, "parent": region}
        )
        report.add("regions", created)
        town_center = _center(town["center"], town_region, Center.Level.TOWNSHIP, county_center, report)
        for village in town.get("villages", []):
            village_region, created = Region.objects.get_or_create(
                code=village["code"],
                defaults={"name": village["name"], "level": Region.Level.VILLAGE, "parent": town_region},
            )
            report.add("regions", created)
            _center(village["center"], village_region, Center.Level.VILLAGE, town_center, report)
    return county_center


def load_departments(county_center: Center, actor: Actor, report: LoadReport) -> dict[str, Department]:
    existing = {d.code: d for d in Department.objects.all()}
    departments = {}
    for row in dept_data.DEPARTMENTS:
        dept = existing.get(row["code"])
        if dept is None:
            dept = org_services.save_department(
                department=None,
                code=row["code"],
                name=row["name"],
                short_name=row.get("short_name", ""),
                nature=row["nature"],
                actor=actor,
            )
            org_services.set_stationing(
                center=county_center,
                department=dept,
                moved_in=row.get("stationed", True),
                authorised=row.get("authorised", True),
                section_name="行政审批股" if row.get("stationed", True) else "",
                actor=actor,
            )
            report.add("departments", True)
        departments[dept.code] = dept
    return departments


def load_themes(report: LoadReport) -> None:
    for position, row in enumerate(theme_data.THEMES):
        _, created = Theme.objects.get_or_create(
            code=row["code"], defaults={"name": row["name"], "audience": row["audience"], "position": position}
        )
        report.add("themes", created)


def load_windows(departments: dict[str, Department], actor: Actor, report: LoadReport) -> dict[tuple[str, str], Window]:
    centers = {c.code: c for c in Center.objects.all()}
    windows = {(w.center.code, w.number): w for w in Window.objects.select_related("center")}
    for row in people_data.WINDOWS:
        key = (row["center"], row["number"])
        if key not in windows:
            windows[key] = org_services.save_window(
                window=None,
                center=centers[row["center"]],
                number=row["number"],
                name=row["name"],
                kind=row["kind"],
                location=row.get("location", ""),
                departments=[departments[c] for c in row.get("departments", [])],
                actor=actor,
            )
            report.add("windows", True)
    return windows


def load_staff(
    departments: dict[str, Department], windows: dict[tuple[str, str], Window], actor: Actor, report: LoadReport
) -> None:
    centers = {c.code: c for c in Center.objects.all()}
    existing = set(User.objects.values_list("username", flat=True))
    created = []
    for row in people_data.STAFF:
        if row["username"] in existing:
            continue
        center = centers[row["center"]]
        org_services.save_staff(
            profile=None,
            username=row["username"],
            display_name=row["name"],
            center=center,
            employment=row["employment"],
            roles=row["roles"],
            department=departments[row["department"]] if row.get("department") else None,
            windows=[windows[(center.code, n)] for n in row.get("windows", [])],
            phone=row.get("phone", ""),
            title=row.get("title", ""),
            actor=actor,
        )
        created.append(row["username"])
        report.add("staff", True)
    # One hash for every demo account: PBKDF2 takes a quarter second per call, on purpose.
    User.objects.filter(username__in=created).update(password=make_password(DEMO_PASSWORD))


def _content(row: dict[str, Any], center: Center) -> dict[str, Any]:
    data = {k: v for k, v in row.items() if k not in ("code", "basic_code", "department")}
    data.setdefault("address", center.address)
    data.setdefault("office_hours", center.hours)
    data.setdefault("consult_phone", center.phone)
    data.setdefault("complaint_phone", "12345")
    data.setdefault("department_nature", Department.objects.get(code=row["department"]).nature)
    return data


def load_items(
    county_center: Center,
    departments: dict[str, Department],
    actor: Actor,
    report: LoadReport,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    existing = set(ServiceItem.objects.values_list("code", flat=True))
    stationing = {s.department_id: s for s in Stationing.objects.filter(center=county_center)}
    windows_by_dept: dict[int, list[Window]] = {}
    for window in Window.objects.filter(center=county_center).prefetch_related("departments"):
        for dept in window.departments.all():
            windows_by_dept.setdefault(dept.pk, []).append(window)
    rows = item_data.ITEMS
    for index, row in enumerate(rows, start=1):
        if row["code"] in existing:
            continue
        department = departments[row["department"]]
        with transaction.atomic():
            item = catalog_services.create_item(
                code=row["code"],
                basic_code=row["basic_code"],
                department=department,
                data=_content(row, county_center),
                actor=actor,
            )
            catalog_services.publish_draft(item=item, actor=actor)
            dept_station = stationing.get(department.pk)
            record = ItemStationing.objects.create(
                item=item,
                center=county_center,
                moved_in=bool(row.get("stationed", True) and dept_station and dept_station.moved_in),
                authorised=bool(dept_station and dept_station.authorised),
            )
            record.windows.set(windows_by_dept.get(department.pk, []))
        report.add("items", True)
        if progress:
            progress(index, len(rows))


def load_demo(
    progress: Callable[[int, int], None] | None = None,
    *,
    history: bool = True,
    history_cases: int = demo_history.HISTORY_CASES,
) -> LoadReport:
    """The demo county; with ``history``, a year of cases and today's open ones (govhall.demo.history); always, a few
    of today's cases that show the approvers' step operations, made through the services (govhall.demo.showcase)."""
    report = LoadReport()
    actor = system_actor("load_demo")
    with transaction.atomic():
        county_center = load_regions(report)
        departments = load_departments(county_center, actor, report)
        load_themes(report)
        windows = load_windows(departments, actor, report)
        load_staff(departments, windows, actor, report)
    load_items(county_center, departments, actor, report, progress)
    for name, count in demo_hall.load_hall().items():
        if count:
            report.created[f"hall {name}"] = count
    if history:
        added = demo_history.load_history(count=history_cases)
        if added:
            report.created["history cases"] = added
    showcase = demo_showcase.load_showcase()
    if showcase:
        report.created["showcase cases"] = len(showcase)
    return report
