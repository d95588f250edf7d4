"""Template helpers of the staff pages."""

from __future__ import annotations

from typing import Any

from django import template

from govhall.core.masking import mask_address, mask_id_number, mask_name, mask_phone
from govhall.org.access import has_role as _has_role

register = template.Library()


@register.filter
def has_role(user: Any, role: str) -> bool:
    """``{% if user|has_role:"center_manager" %}``: only to show or hide links; views check access."""
    return _has_role(user, role)


@register.filter
def masked_phone(value: str | None) -> str:
    """A phone number as lists show it (PIPL); the full number only through ``masking.reveal``."""
    return mask_phone(value)


@register.filter
def percent(rate: Any) -> str:
    """A ``Rate`` as 66.7%, or — when there is nothing to count."""
    value = rate.percent
    if value is None:
        return "—"
    return f"{value:g}%"


@register.filter
def masked_applicant(case: Any) -> str:
    """A case's applicant as lists show it: a person's name masked, an enterprise's name in full."""
    return str(case.applicant_name) if case.applicant_kind == "enterprise" else mask_name(case.applicant_name)


@register.filter
def masked_id(value: str | None) -> str:
    return mask_id_number(value)


@register.filter
def masked_address(value: str | None) -> str:
    return mask_address(value)
