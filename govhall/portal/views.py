"""The public guides (办事指南): home, search, browsing and one page per item. Reads only, no login."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from govhall.cases import notices
from govhall.catalog import selectors
from govhall.catalog.models import Audience
from govhall.core.masking import mask_name

SEARCH_EXAMPLES = ("营业执照", "yyzz", "结婚登记", "食品 许可", "不动产登记")
BROWSE_ORDERS = ("theme", "department")


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/home.html",
        {
            "person_themes": selectors.theme_tiles(Audience.PERSON),
            "enterprise_themes": selectors.theme_tiles(Audience.ENTERPRISE),
            "departments": selectors.departments_with_items(),
            "frequent": selectors.frequent_versions(),
            "center": selectors.guide_center(),
            "examples": SEARCH_EXAMPLES,
        },
    )


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    audience = request.GET.get("for", "")
    base = selectors.versions_for_audience(audience) if audience in (Audience.PERSON, Audience.ENTERPRISE) else None
    return render(
        request,
        "portal/search.html",
        {
            "query": query,
            "audience": audience if base is not None else "",
            "hits": selectors.search_versions(query, base=base),
            "examples": SEARCH_EXAMPLES,
        },
    )


def departments(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/departments.html", {"departments": selectors.departments_with_items()})


def department(request: HttpRequest, code: str) -> HttpResponse:
    found = selectors.public_department(code)
    if found is None:
        raise Http404("部门不存在或暂无公开事项")
    return render(
        request, "portal/department.html", {"department": found, "versions": selectors.department_versions(found)}
    )


def theme(request: HttpRequest, code: str) -> HttpResponse:
    found = selectors.public_theme(code)
    if found is None:
        raise Http404("主题不存在")
    return render(request, "portal/theme.html", {"theme": found, "versions": selectors.theme_versions(found)})


def audience_guides(request: HttpRequest, audience: str) -> HttpResponse:
    by = request.GET.get("by", "theme")
    if by not in BROWSE_ORDERS:
        by = "theme"
    return render(
        request,
        "portal/audience.html",
        {
            "audience": audience,
            "audience_label": Audience(audience).label,
            "by": by,
            "groups": selectors.audience_groups(audience, by=by),
        },
    )


def guide(request: HttpRequest, code: str, number: int | None = None) -> HttpResponse:
    found = selectors.public_guide(code, number)
    if found is None:
        raise Http404("事项不存在或未公开")
    if number is not None and not found.is_earlier_version:
        return redirect("portal:guide", code=code)
    return render(request, "portal/guide.html", {"guide": found, "v": found.version, "item": found.item})


def verify_notice(request: HttpRequest, token: str) -> HttpResponse:
    """What a printed QR code opens: is this document genuine and unaltered? Personal data stays masked."""
    notice = notices.find_by_token(token)
    if notice is None:
        raise Http404("文书不存在")
    case = notice.case
    return render(
        request,
        "portal/verify.html",
        {
            "notice": notice,
            "case": case,
            "applicant": mask_name(case.applicant_name),
            "intact": notices.file_matches(notice),
        },
    )
