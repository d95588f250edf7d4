"""Reads of the catalog for the guides, the manager pages and the API."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, Count, IntegerField, Prefetch, Q, QuerySet, Value, When

from govhall.catalog import search
from govhall.catalog.models import (
    Audience,
    CaseType,
    ItemStationing,
    ItemVersion,
    Material,
    ProcessStep,
    ServiceItem,
    Theme,
)
from govhall.core import sqlbatch
from govhall.org.models import Center, Department, Stationing, Window
from govhall.org.selectors import stationings_at

PUBLIC_STATUSES = (ServiceItem.Status.PUBLISHED, ServiceItem.Status.SUSPENDED)


def public_versions() -> QuerySet[ItemVersion]:
    """Current versions of items the public may see (a suspended item's guide stays readable, marked)."""
    return (
        ItemVersion.objects.filter(state=ItemVersion.State.PUBLISHED, item__status__in=PUBLIC_STATUSES)
        .select_related("item", "item__department")
        .order_by("item__department__code", "item__code")
    )


def guide_version(item_code: str, number: int | None = None) -> ItemVersion | None:
    """The current published version of an item, or an earlier published one by number."""
    qs = ItemVersion.objects.select_related("item", "item__department").prefetch_related(
        "materials", "fees", "special_procedures", "steps", "faqs", "themes"
    )
    if number is None:
        return qs.filter(
            item__code=item_code, state=ItemVersion.State.PUBLISHED, item__status__in=PUBLIC_STATUSES
        ).first()
    return (
        qs.filter(item__code=item_code, number=number, item__status__in=PUBLIC_STATUSES)
        .exclude(state=ItemVersion.State.DRAFT)
        .first()
    )


@dataclass(frozen=True)
class SearchHit:
    version: ItemVersion
    score: int


def search_versions(query: str, base: QuerySet[ItemVersion] | None = None, limit: int = 50) -> list[SearchHit]:
    """Chinese keywords (jieba) or pinyin initials / full pinyin; best matches first."""
    versions = base if base is not None else public_versions()
    query = (query or "").strip()
    if not query:
        return []
    if search.looks_like_pinyin(query):
        q = query.lower()
        # Latin letters are also part of some names (ICP备案, CA证书): match those as written too.
        hits = versions.filter(
            Q(pinyin_initials__contains=q)
            | Q(pinyin_full__contains=q)
            | Q(item__code__icontains=q)
            | Q(name__icontains=query)
        )
        return sorted(
            (SearchHit(v, _pinyin_score(v, q)) for v in hits[: limit * 4]),
            key=lambda h: (-h.score, len(h.version.name)),
        )[:limit]
    words = search.query_tokens(query)
    cond = Q(name__icontains=query) | Q(item__code__iexact=query)
    for w in words:
        cond |= Q(name__icontains=w) | Q(search_text__icontains=w)
    scored = []
    for v in versions.filter(cond)[: limit * 10]:
        score = 10 if query in v.name else 0
        for w in words:
            if w in v.name:
                score += 3
            elif w in v.search_text:
                score += 1
        scored.append(SearchHit(v, score))
    scored.sort(key=lambda h: (-h.score, len(h.version.name)))
    return scored[:limit]


def _pinyin_score(version: ItemVersion, q: str) -> int:
    if q in version.name.lower():
        return 4
    return 3 if version.pinyin_initials.startswith(q) else 2


def departments_with_items() -> QuerySet[Department]:
    return (
        Department.objects.annotate(
            item_count=Count("items", filter=Q(items__status__in=PUBLIC_STATUSES), distinct=True)
        )
        .filter(item_count__gt=0)
        .order_by("code")
    )


def themes_for(audience: str | None = None) -> QuerySet[Theme]:
    qs = Theme.objects.annotate(
        item_count=Count(
            "versions",
            filter=Q(versions__state=ItemVersion.State.PUBLISHED, versions__item__status__in=PUBLIC_STATUSES),
            distinct=True,
        )
    )
    if audience in (Audience.PERSON, Audience.ENTERPRISE):
        qs = qs.filter(audience=audience)
    return qs.order_by("position", "code")


def versions_for_audience(audience: str) -> QuerySet[ItemVersion]:
    return public_versions().filter(audience__in=[audience, Audience.BOTH])


def manager_items(*, query: str = "", status: str = "", department_id: int | None = None) -> QuerySet[ServiceItem]:
    """Items for the catalog manager: every status, with the current and draft version numbers."""
    qs = ServiceItem.objects.select_related("department", "current_version").prefetch_related(
        Prefetch("versions", queryset=ItemVersion.objects.filter(state=ItemVersion.State.DRAFT), to_attr="drafts")
    )
    if status:
        qs = qs.filter(status=status)
    if department_id:
        qs = qs.filter(department_id=department_id)
    query = query.strip()
    if query:
        if search.looks_like_pinyin(query):
            q = query.lower()
            qs = qs.filter(
                Q(versions__pinyin_initials__contains=q) | Q(versions__pinyin_full__contains=q) | Q(code__icontains=q)
            )
        else:
            cond = Q(code__icontains=query) | Q(basic_code__icontains=query) | Q(versions__name__icontains=query)
            for w in search.query_tokens(query):
                cond |= Q(versions__name__icontains=w)
            qs = qs.filter(cond)
        qs = qs.distinct()
    return qs.order_by("department__code", "code")


# The public guides (办事指南) of the portal.


@dataclass(frozen=True)
class Guide:
    """Everything a guide page shows: the version read, the item's other published versions, where to go."""

    version: ItemVersion
    history: list[ItemVersion]
    windows: list[Window]
    center: Center | None

    @property
    def item(self) -> ServiceItem:
        return self.version.item

    @property
    def current(self) -> ItemVersion | None:
        return self.version.item.current_version

    # Where the item gives no place, hours or phone, the center's apply; "12345" is the national hotline.
    @property
    def address(self) -> str:
        return self.version.address or (self.center.address if self.center else "")

    @property
    def office_hours(self) -> str:
        return self.version.office_hours or (self.center.hours if self.center else "")

    @property
    def consult_phone(self) -> str:
        return self.version.consult_phone or (self.center.phone if self.center else "") or "12345"

    @property
    def is_earlier_version(self) -> bool:
        return self.version.state == ItemVersion.State.SUPERSEDED

    @property
    def is_suspended(self) -> bool:
        return self.version.item.status == ServiceItem.Status.SUSPENDED

    @property
    def step_days(self) -> int:
        return sum(step.budget_days for step in self.version.steps.all())


@dataclass(frozen=True)
class GuideGroup:
    """A heading on a browse page (a theme, a department, or neither: 其他事项) and its guides."""

    versions: list[ItemVersion]
    theme: Theme | None = None
    department: Department | None = None


def guide_center() -> Center | None:
    """The county center whose address, hours and phone the guides show when an item gives none."""
    return Center.objects.filter(level=Center.Level.COUNTY).order_by("code").first()


def public_guide(item_code: str, number: int | None = None) -> Guide | None:
    """The current guide of a public item, or an earlier published version of it by number.

    Drafts and cancelled items are never public; a suspended item's guides stay readable (marked).
    """
    qs = (
        ItemVersion.objects.filter(item__code=item_code, item__status__in=PUBLIC_STATUSES)
        .select_related("item", "item__department", "item__current_version")
        .prefetch_related("materials", "fees", "special_procedures", "steps", "faqs", "themes")
    )
    if number is None:
        version = qs.filter(state=ItemVersion.State.PUBLISHED).first()
    else:
        version = qs.filter(
            number=number, state__in=[ItemVersion.State.PUBLISHED, ItemVersion.State.SUPERSEDED]
        ).first()
    if version is None:
        return None
    history = list(
        ItemVersion.objects.filter(
            item_id=version.item_id, state__in=[ItemVersion.State.PUBLISHED, ItemVersion.State.SUPERSEDED]
        )
        .only("pk", "item_id", "number", "state", "published_at", "change_note")
        .order_by("-number")
    )
    windows = list(
        Window.objects.filter(item_stationings__item_id=version.item_id, item_stationings__moved_in=True, active=True)
        .select_related("center")
        .order_by("center__code", "number")
        .distinct()
    )
    return Guide(version=version, history=history, windows=windows, center=guide_center())


def _public_version_count() -> Count:
    return Count(
        "versions",
        filter=Q(versions__state=ItemVersion.State.PUBLISHED, versions__item__status__in=PUBLIC_STATUSES),
        distinct=True,
    )


def theme_tiles(audience: str) -> QuerySet[Theme]:
    """Themes for persons or for enterprises (with those for both) that have public guides, with counts."""
    return (
        Theme.objects.annotate(item_count=_public_version_count())
        .filter(audience__in=[audience, Audience.BOTH], item_count__gt=0)
        .order_by("position", "code")
    )


def frequent_versions(limit: int = 8) -> QuerySet[ItemVersion]:
    """高频事项 until usage figures exist: immediate items (done on the spot) first, then the newest."""
    return (
        public_versions()
        .filter(item__status=ServiceItem.Status.PUBLISHED)
        .annotate(
            immediate_first=Case(
                When(case_type=CaseType.IMMEDIATE, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("immediate_first", "-published_at", "item__code")[:limit]
    )


def public_department(code: str) -> Department | None:
    return departments_with_items().filter(code=code).first()


def department_versions(department: Department) -> QuerySet[ItemVersion]:
    return public_versions().filter(item__department=department)


def public_theme(code: str) -> Theme | None:
    return themes_for().filter(code=code).first()


def theme_versions(theme: Theme) -> QuerySet[ItemVersion]:
    return public_versions().filter(themes=theme)


def audience_groups(audience: str, *, by: str = "theme") -> list[GuideGroup]:
    """Guides for persons or enterprises (items for both included), under their themes or departments.

    An item under several themes appears under each; one under none of the audience's themes goes last.
    """
    versions = versions_for_audience(audience)
    if by == "department":
        groups: dict[int, GuideGroup] = {}
        for version in versions:
            department = version.item.department
            groups.setdefault(department.pk, GuideGroup(versions=[], department=department)).versions.append(version)
        return list(groups.values())
    themes = list(Theme.objects.filter(audience__in=[audience, Audience.BOTH]).order_by("position", "code"))
    by_theme: dict[int, list[ItemVersion]] = {theme.pk: [] for theme in themes}
    others: list[ItemVersion] = []
    for version in versions.prefetch_related("themes"):
        placed = [theme.pk for theme in version.themes.all() if theme.pk in by_theme]
        for pk in placed:
            by_theme[pk].append(version)
        if not placed:
            others.append(version)
    result = [GuideGroup(versions=by_theme[theme.pk], theme=theme) for theme in themes if by_theme[theme.pk]]
    if others:
        result.append(GuideGroup(versions=others))
    return result


# The catalog manager's item page (staff only; access is checked by catalog/access.py before these run).


def item_versions(item: ServiceItem) -> QuerySet[ItemVersion]:
    """Every version of an item, newest first, with who published it."""
    return ItemVersion.objects.filter(item=item).select_related("published_by", "created_by").order_by("-number")


def item_version(item: ServiceItem, number: int) -> ItemVersion | None:
    """One version of an item (any state) with everything it carries."""
    return (
        ItemVersion.objects.filter(item=item, number=number)
        .select_related("item", "item__department", "published_by")
        .prefetch_related("materials", "fees", "special_procedures", "steps", "faqs", "themes")
        .first()
    )


def item_draft(item: ServiceItem) -> ItemVersion | None:
    """The item's open draft, if any, with everything it carries."""
    return (
        ItemVersion.objects.filter(item=item, state=ItemVersion.State.DRAFT)
        .prefetch_related("materials", "fees", "special_procedures", "steps", "faqs", "themes")
        .first()
    )


def catalog_departments() -> QuerySet[Department]:
    """Departments that implement at least one item, in any status (the manager's filter)."""
    return Department.objects.filter(items__isnull=False).distinct().order_by("code")


# 两集中、两到位: how many items a center handles in its hall and decides there (DOMAIN.md §4).

IN_FORCE_STATUSES = PUBLIC_STATUSES  # a suspended item is still on the list the hall should handle


@dataclass(frozen=True)
class Rate:
    """A reported figure: ``numerator`` of ``denominator``; no percentage when there is nothing to count."""

    numerator: int
    denominator: int

    @property
    def percent(self) -> float | None:
        return round(100 * self.numerator / self.denominator, 1) if self.denominator else None


def _moved_in_at(center: Center) -> Q:
    return Q(stationings__center=center, stationings__moved_in=True)


def _authorised_at(center: Center) -> Q:
    # Deciding "at the hall" presupposes handling there: an authorisation without moving in counts for nothing.
    return _moved_in_at(center) & Q(stationings__authorised=True)


def _in_force_items() -> QuerySet[ServiceItem]:
    return ServiceItem.objects.filter(status__in=IN_FORCE_STATUSES)


def moved_in_rate(center: Center) -> Rate:
    """进驻率: items in force (published or suspended) that ``center`` handles in its hall — an
    ``ItemStationing`` there with ``moved_in`` — over all items in force. Drafts and cancelled items do not count."""
    figures = _in_force_items().aggregate(
        moved_in=Count("pk", filter=_moved_in_at(center), distinct=True), total=Count("pk", distinct=True)
    )
    return Rate(figures["moved_in"], figures["total"])


def authorised_rate(center: Center) -> Rate:
    """授权到位率: items in force that ``center`` both handles in its hall and decides there — ``moved_in`` and
    ``authorised`` — over all items in force (the same denominator as 进驻率)."""
    figures = _in_force_items().aggregate(
        authorised=Count("pk", filter=_authorised_at(center), distinct=True), total=Count("pk", distinct=True)
    )
    return Rate(figures["authorised"], figures["total"])


@dataclass(frozen=True)
class DepartmentStationing:
    """One row of the 部门与进驻 page: the department, its stationing at the center, its items' figures."""

    department: Department
    stationing: Stationing | None
    items: int = 0
    moved_in: int = 0
    authorised: int = 0


def department_stationings(center: Center) -> list[DepartmentStationing]:
    """Every department with its stationing at ``center`` and its items in force, moved in and authorised
    there (counted as ``moved_in_rate`` and ``authorised_rate`` count them)."""
    counts: dict[int, tuple[int, int, int]] = {
        row["department_id"]: (row["items"], row["moved_in"], row["authorised"])
        for row in _in_force_items()
        .values("department_id")
        .annotate(
            items=Count("pk", distinct=True),
            moved_in=Count("pk", filter=_moved_in_at(center), distinct=True),
            authorised=Count("pk", filter=_authorised_at(center), distinct=True),
        )
        .order_by()
    }
    stationings = stationings_at(center)
    rows = []
    for department in Department.objects.order_by("code"):
        items, moved_in, authorised = counts.get(department.pk, (0, 0, 0))
        rows.append(
            DepartmentStationing(
                department=department,
                stationing=stationings.get(department.pk),
                items=items,
                moved_in=moved_in,
                authorised=authorised,
            )
        )
    return rows


def item_stationings(item: ServiceItem) -> list[ItemStationing]:
    """Where the item is stationed, per center, with its windows."""
    return list(
        ItemStationing.objects.filter(item=item)
        .select_related("center")
        .prefetch_related(Prefetch("windows", queryset=Window.objects.order_by("number")))
        .order_by("center__code")
    )


def item_stationing_at(item: ServiceItem, center: Center) -> ItemStationing | None:
    return ItemStationing.objects.filter(item=item, center=center).prefetch_related("windows").first()


def stationing_window_choices(item: ServiceItem, center: Center) -> QuerySet[Window]:
    """The windows a manager may pick for the item: the center's open windows serving its department, and
    whichever are already recorded (so that a stale one can be seen and removed)."""
    return (
        Window.objects.filter(center=center)
        .filter(
            Q(departments=item.department_id, active=True)
            | Q(item_stationings__item=item, item_stationings__center=center)
        )
        .distinct()
        .order_by("number")
    )


# --- the parts of a published version, cached per process -----------------------------------------------
# A published version never changes (a change is a new version), so the cases engine may keep its steps and
# materials in memory instead of reading them again for every action. Keyed by pk *and* creation time so a
# reused primary key (SQLite after a rollback) can never return another version's parts.
_VERSION_PARTS: dict[tuple[int, Any], tuple[tuple[ProcessStep, ...], tuple[Material, ...]]] = {}
_VERSIONS: dict[tuple[int, Any], ItemVersion] = {}


def _version_parts(version: ItemVersion) -> tuple[tuple[ProcessStep, ...], tuple[Material, ...]]:
    key = (version.pk, version.created_at)
    parts = _VERSION_PARTS.get(key)
    if parts is None:
        parts = (tuple(version.steps.all()), tuple(version.materials.all()))
        if version.state != ItemVersion.State.DRAFT:
            if len(_VERSION_PARTS) > 4096:
                _VERSION_PARTS.clear()
            _VERSION_PARTS[key] = parts
    return parts


def published_version(pk: int, created_at: datetime.datetime) -> ItemVersion:
    """A published (or superseded) version by pk, from memory after the first read: it never changes.

    A copy is returned so that related objects a caller loads through it are never shared."""
    key = (pk, created_at)
    version = _VERSIONS.get(key)
    if version is None:
        version = ItemVersion.objects.get(pk=pk)
        if version.state == ItemVersion.State.DRAFT or version.created_at != created_at:
            return version
        if len(_VERSIONS) > 4096:
            _VERSIONS.clear()
        _VERSIONS[key] = version
    return sqlbatch.clone(version)


def version_steps(version: ItemVersion) -> tuple[ProcessStep, ...]:
    """The version's process steps in order (cached once the version is published)."""
    return _version_parts(version)[0]


def version_materials(version: ItemVersion) -> tuple[Material, ...]:
    """The version's materials in order (cached once the version is published)."""
    return _version_parts(version)[1]


def forget_version_parts() -> None:
    _VERSION_PARTS.clear()
    _VERSIONS.clear()
