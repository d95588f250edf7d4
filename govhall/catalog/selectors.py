"""Reads of the catalog for the guides, the manager pages and the API."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from govhall.catalog import search
from govhall.catalog.models import Audience, ItemVersion, ServiceItem, Theme
from govhall.org.models import Department

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
    return qs.filter(item__code=item_code, number=number).exclude(state=ItemVersion.State.DRAFT).first()


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
        hits = versions.filter(Q(pinyin_initials__contains=q) | Q(pinyin_full__contains=q) | Q(item__code__icontains=q))
        return sorted(
            (SearchHit(v, (3 if v.pinyin_initials.startswith(q) else 2)) for v in hits[: limit * 4]),
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
