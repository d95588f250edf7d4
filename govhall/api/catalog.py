from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Router, Schema

from govhall.api.schemas import ErrorOut
from govhall.catalog import selectors
from govhall.catalog.models import ItemVersion
from govhall.core.errors import NotFound

router = Router(tags=["事项目录"])


class ItemSummaryOut(Schema):
    code: str
    basic_code: str
    name: str
    department: str
    item_type: str
    case_type: str
    legal_limit: int
    legal_limit_unit: str
    promised_limit: int
    promised_limit_unit: str
    version: int
    status: str


class MaterialOut(Schema):
    name: str
    necessity: str
    condition: str
    form: str
    copies: int
    source: str
    commitment_allowed: bool


class ItemOut(ItemSummaryOut):
    legal_basis_set: str
    legal_basis_impl: str
    acceptance_conditions: str
    visits_required: int
    online_depth: int
    materials: list[MaterialOut]


def _summary(v: ItemVersion) -> dict[str, object]:
    return {
        "code": v.item.code,
        "basic_code": v.item.basic_code,
        "name": v.name,
        "department": v.item.department.name,
        "item_type": v.item_type,
        "case_type": v.case_type,
        "legal_limit": v.legal_limit,
        "legal_limit_unit": v.legal_limit_unit,
        "promised_limit": v.promised_limit,
        "promised_limit_unit": v.promised_limit_unit,
        "version": v.number,
        "status": v.item.status,
    }


@router.get("/items", response=list[ItemSummaryOut], summary="查询已发布事项")
def items(request: HttpRequest, q: str = "", limit: int = 50) -> list[dict[str, object]]:
    limit = max(1, min(limit, 200))
    if q.strip():
        return [_summary(h.version) for h in selectors.search_versions(q, limit=limit)]
    return [_summary(v) for v in selectors.public_versions()[:limit]]


@router.get("/items/{code}", response={200: ItemOut, 404: ErrorOut}, summary="事项详情（现行版本）")
def item(request: HttpRequest, code: str) -> dict[str, object]:
    v = selectors.guide_version(code)
    if v is None:
        raise NotFound(gettext("事项不存在或未发布"), code="item_not_found", field="code")
    return {
        **_summary(v),
        "legal_basis_set": v.legal_basis_set,
        "legal_basis_impl": v.legal_basis_impl,
        "acceptance_conditions": v.acceptance_conditions,
        "visits_required": v.visits_required,
        "online_depth": v.online_depth,
        "materials": [
            {
                "name": m.name,
                "necessity": m.necessity,
                "condition": m.condition,
                "form": m.form,
                "copies": m.copies,
                "source": m.source,
                "commitment_allowed": m.commitment_allowed,
            }
            for m in v.materials.all()
        ],
    }
