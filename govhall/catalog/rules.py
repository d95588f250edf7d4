"""The catalog's content rules, shared by the editor, the Excel importer and the services."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from govhall.catalog.models import (
    AnywhereScope,
    Audience,
    CaseType,
    Department,
    ExerciseLevel,
    ItemType,
    Material,
    OnlineDepth,
    PowerSource,
    ResultType,
    Unit,
)
from govhall.core.errors import Problem
from govhall.org.models import Role

# Version fields that make up an item's content (in the order of the guide and the workbook).
CONTENT_FIELDS: tuple[str, ...] = (
    "name",
    "item_type",
    "exercise_level",
    "legal_basis_set",
    "legal_basis_impl",
    "department_nature",
    "power_source",
    "case_type",
    "legal_limit",
    "legal_limit_unit",
    "legal_limit_note",
    "promised_limit",
    "promised_limit_unit",
    "promised_limit_note",
    "extension_days",
    "visits_required",
    "acceptance_conditions",
    "process_description",
    "handling_form",
    "anywhere_scope",
    "online_depth",
    "stationed",
    "supports_appointment",
    "supports_delivery",
    "supports_online_payment",
    "result_type",
    "result_name",
    "address",
    "office_hours",
    "consult_phone",
    "complaint_phone",
    "audience",
)
CHILD_FIELDS: dict[str, tuple[str, ...]] = {
    "materials": (
        "name",
        "necessity",
        "condition",
        "form",
        "copies",
        "paper_size",
        "source",
        "filling_notes",
        "acceptance_standard",
        "legal_basis",
        "commitment_allowed",
    ),
    "fees": ("name", "standard", "basis", "reducible"),
    "special_procedures": ("name", "duration", "legal_basis", "stops_clock"),
    "steps": ("name", "role", "budget_days"),
    "faqs": ("question", "answer"),
}
REQUIRED_FIELDS = ("name", "item_type", "case_type", "legal_limit", "promised_limit")
CHOICES: dict[str, list[Any]] = {
    "item_type": ItemType.values,
    "exercise_level": ExerciseLevel.values,
    "department_nature": Department.Nature.values,
    "power_source": PowerSource.values,
    "case_type": CaseType.values,
    "legal_limit_unit": Unit.values,
    "promised_limit_unit": Unit.values,
    "anywhere_scope": AnywhereScope.values,
    "online_depth": OnlineDepth.values,
    "result_type": ResultType.values,
    "audience": Audience.values,
}
CHILD_CHOICES: dict[str, dict[str, list[Any]]] = {
    "materials": {
        "necessity": Material.Necessity.values,
        "form": Material.Form.values,
        "source": Material.Source.values,
    },
    "steps": {"role": Role.values},
}
CHILD_REQUIRED: dict[str, tuple[str, ...]] = {
    "materials": ("name",),
    "fees": ("name", "standard"),
    "special_procedures": ("name",),
    "steps": ("name", "role"),
    "faqs": ("question", "answer"),
}


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_content(data: Mapping[str, Any]) -> list[Problem]:
    """Every rule an item version must satisfy before it is saved or published."""
    from govhall.catalog.models import ItemVersion

    labels = {f.name: str(f.verbose_name) for f in ItemVersion._meta.get_fields() if hasattr(f, "verbose_name")}
    problems: list[Problem] = []
    for name in REQUIRED_FIELDS:
        if _blank(data.get(name)):
            problems.append(Problem(f"「{labels[name]}」为必填项", code="required", field=name))
    for name, allowed in CHOICES.items():
        value = data.get(name)
        if not _blank(value) and value not in allowed:
            problems.append(Problem(f"「{labels[name]}」的值「{value}」无效", code="invalid_choice", field=name))
    legal, promised = data.get("legal_limit"), data.get("promised_limit")
    legal_unit = data.get("legal_limit_unit") or Unit.WORKING_DAYS
    promised_unit = data.get("promised_limit_unit") or Unit.WORKING_DAYS
    for name in ("legal_limit", "promised_limit", "extension_days", "visits_required"):
        value = data.get(name)
        if not _blank(value) and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            problems.append(Problem(f"「{labels[name]}」应为不小于0的整数", code="invalid_number", field=name))
    if isinstance(legal, int) and isinstance(promised, int):
        if promised_unit == legal_unit:
            too_long: bool | None = promised > legal
        elif Unit.HOURS in (promised_unit, legal_unit):
            hours = {Unit.HOURS: 1, Unit.WORKING_DAYS: 24, Unit.NATURAL_DAYS: 24}
            too_long = promised * hours[Unit(promised_unit)] > legal * hours[Unit(legal_unit)]
        else:
            too_long = None
            problems.append(
                Problem(
                    "承诺时限与法定时限应使用相同的计量单位（工作日或自然日）",
                    code="limit_unit_mismatch",
                    field="promised_limit_unit",
                )
            )
        if too_long:
            problems.append(
                Problem(
                    f"承诺办结时限（{promised}{Unit(promised_unit).label}）不得超过法定办结时限"
                    f"（{legal}{Unit(legal_unit).label}）",
                    code="promised_exceeds_legal",
                    field="promised_limit",
                )
            )
    same_day = promised == 0 or (promised_unit == Unit.HOURS and isinstance(promised, int) and promised <= 8)
    if data.get("case_type") == CaseType.IMMEDIATE and not same_day:
        problems.append(
            Problem(
                "即办件应当场办结：承诺时限须为0个工作日（当日）",
                code="immediate_not_same_day",
                field="promised_limit",
            )
        )
    problems.extend(check_children(data))
    return problems


def _child_labels() -> dict[str, tuple[str, dict[str, str]]]:
    from govhall.catalog.models import Faq, Fee, ProcessStep, SpecialProcedure

    models = {
        "materials": Material,
        "fees": Fee,
        "special_procedures": SpecialProcedure,
        "steps": ProcessStep,
        "faqs": Faq,
    }
    return {
        kind: (str(model._meta.verbose_name), {f.name: str(f.verbose_name) for f in model._meta.fields})
        for kind, model in models.items()
    }


def check_children(data: Mapping[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    labels = _child_labels()
    for kind, required in CHILD_REQUIRED.items():
        noun, names = labels[kind]
        for index, row in enumerate(data.get(kind) or []):
            where = f"第{index + 1}项{noun}"
            for name in required:
                if _blank(row.get(name)):
                    problems.append(
                        Problem(f"{where}缺少「{names[name]}」", code="required", field=f"{kind}.{name}", index=index)
                    )
            for name, allowed in CHILD_CHOICES.get(kind, {}).items():
                value = row.get(name)
                if not _blank(value) and value not in allowed:
                    problems.append(
                        Problem(
                            f"{where}的「{names[name]}」值「{value}」无效",
                            code="invalid_choice",
                            field=f"{kind}.{name}",
                            index=index,
                        )
                    )
            if (
                kind == "materials"
                and row.get("necessity") == Material.Necessity.CONDITIONAL
                and _blank(row.get("condition"))
            ):
                problems.append(
                    Problem(
                        f"{where}为情形必要，须写明适用情形",
                        code="condition_required",
                        field="materials.condition",
                        index=index,
                    )
                )
    steps = data.get("steps") or []
    promised = data.get("promised_limit")
    if (
        steps
        and isinstance(promised, int)
        and data.get("promised_limit_unit", Unit.WORKING_DAYS) == Unit.WORKING_DAYS
        and sum(int(s.get("budget_days") or 0) for s in steps) > promised
    ):
        problems.append(
            Problem("各环节时限之和超过承诺办结时限", code="step_budget_exceeds", field="steps.budget_days")
        )
    return problems
