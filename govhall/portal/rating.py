"""Online rating of a closed case (一事一评): the applicant proves himself with the receipt number and the ID
number on the case, then rates on five levels. The evaluations service enforces one rating per case and only
after it is closed."""

from __future__ import annotations

import hmac
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from govhall.cases.models import Case
from govhall.cases.selectors import CaseFilters, search_cases
from govhall.core.actors import client_ip
from govhall.core.errors import Conflict, DomainError
from govhall.evaluations.models import BAD_LEVELS, Evaluation, Level
from govhall.evaluations.reasons import BAD_REASONS
from govhall.evaluations.services import CLOSED, rate_case


def _case(receipt: str, id_number: str) -> Case:
    """The case, if the ID number is the applicant's; one answer for every mismatch."""
    found = None
    if receipt:
        cases = search_cases(None, CaseFilters(receipt_number=receipt), today=timezone.localdate())
        found = cases.filter(receipt_number=receipt).first()
    if found is None or not hmac.compare_digest(found.applicant_id_number.strip().upper(), id_number):
        raise DomainError(_("受理编号或证件号码不正确"), code="evaluation.not_applicant", field="receipt")
    return found


def _ready(case: Case) -> None:
    if case.status not in CLOSED:
        raise Conflict(_("办件办结后才能评价"), code="evaluation.case_not_closed")
    # evaluations.selectors has no "is this case rated" read: a thin check before asking.
    if Evaluation.objects.filter(case=case).exists():
        raise Conflict(_("该办件已评价过，不能重复评价"), code="evaluation.already_rated")


@require_http_methods(["GET", "POST"])
def rate(request: HttpRequest) -> HttpResponse:
    context: dict[str, Any] = {
        "levels": Level.choices,
        "bad_levels": [int(level) for level in BAD_LEVELS],
        "reasons": list(BAD_REASONS.items()),
    }
    if request.method != "POST":
        return render(request, "portal/rate.html", context)
    receipt = request.POST.get("receipt", "").strip()[:40]
    id_number = request.POST.get("id_number", "").strip().upper()[:40]
    raw_level = request.POST.get("level", "")
    context.update(receipt=receipt, id_number=id_number)
    try:
        case = _case(receipt, id_number)
        context["case"] = case
        if "level" not in request.POST:
            _ready(case)
            return render(request, "portal/rate.html", context)
        context["chosen"] = {
            "level": int(raw_level) if raw_level.isdigit() else None,
            "reasons": request.POST.getlist("reasons"),
            "comment": request.POST.get("comment", ""),
            "consent": request.POST.get("contact_consent") == "on",
        }
        if not raw_level.isdigit():
            raise DomainError(_("请选择评价等级"), code="evaluation.invalid_level", field="level")
        rate_case(
            case=case,
            id_number=id_number,
            level=int(raw_level),
            reasons=request.POST.getlist("reasons"),
            comment=request.POST.get("comment", ""),
            contact_consent=request.POST.get("contact_consent") == "on",
            client_ip=client_ip(request),
        )
    except DomainError as error:
        context["error"] = error.message
        if error.code in ("evaluation.case_not_closed", "evaluation.already_rated", "evaluation.not_applicant"):
            context.pop("case", None)  # back to the first step
        return render(request, "portal/rate.html", context, status=error.status)
    return render(request, "portal/rate_thanks.html", {"case": case})
