"""Loading catalog objects for staff: editing is for center managers, and for a department's chief
representative on that department's items; publishing and status changes for center managers."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext

from govhall.catalog.models import ServiceItem
from govhall.core.actors import Actor
from govhall.core.errors import AccessDenied, NotFound
from govhall.org.access import require_org_manager, require_role, staff_of
from govhall.org.models import Center, Role


def access_item(user: Any, item_id: int) -> ServiceItem:
    """Any staff member may read any item (the catalog is public anyway)."""
    if staff_of(user) is None:
        raise AccessDenied(gettext("仅限工作人员"), code="staff_only")
    item = ServiceItem.objects.select_related("department", "current_version").filter(pk=item_id).first()
    if item is None:
        raise NotFound(gettext("事项不存在"), code="item_not_found")
    return item


def access_item_for_edit(user: Any, item_id: int, request: Any = None) -> tuple[ServiceItem, Actor]:
    item = access_item(user, item_id)
    actor = require_role(user, Role.CENTER_MANAGER, Role.CHIEF_REPRESENTATIVE, request=request)
    profile = staff_of(user)
    if actor.role == Role.CHIEF_REPRESENTATIVE and (profile is None or profile.department_id != item.department_id):
        raise AccessDenied(gettext("首席代表只能编辑本部门的事项"), code="out_of_scope")
    return item, actor


def access_item_for_publish(user: Any, item_id: int, request: Any = None) -> tuple[ServiceItem, Actor]:
    item = access_item(user, item_id)
    actor = require_role(user, Role.CENTER_MANAGER, request=request)
    return item, actor


def require_catalog_manager(user: Any, request: Any = None) -> Actor:
    return require_role(user, Role.CENTER_MANAGER, request=request)


def access_item_for_stationing(user: Any, item_id: int, request: Any = None) -> tuple[ServiceItem, Center, Actor]:
    """A center manager records how his own center handles an item (进驻, windows, 授权到位)."""
    item = access_item(user, item_id)
    center, actor = require_org_manager(user, request)
    return item, center, actor
