"""Template helpers of the staff pages."""

from __future__ import annotations

from typing import Any

from django import template

from govhall.org.access import has_role as _has_role

register = template.Library()


@register.filter
def has_role(user: Any, role: str) -> bool:
    """``{% if user|has_role:"center_manager" %}``: only to show or hide links; views check access."""
    return _has_role(user, role)
