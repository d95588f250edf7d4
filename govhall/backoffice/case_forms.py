"""Forms of the case pages (intake, actions, search). They only shape input; the case services judge it."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from govhall.cases.clock import Light
from govhall.cases.models import ApplicantKind, CaseMaterial, IdKind, Status
from govhall.cases.selectors import CaseFilters
from govhall.cases.services import Applicant
from govhall.catalog.models import Material

DECISIONS = ("accept", "supplement", "refuse", "immediate")
LIGHT_LABELS = {Light.GREEN: _("绿灯（正常）"), Light.YELLOW: _("黄灯（临近期限）"), Light.RED: _("红灯（已超期）")}


class IntakeForm(forms.Form):
    """Step 1 (applicant), the chosen item and the decision; the checklist rows are read by ``material_states``."""

    applicant_kind = forms.ChoiceField(label=_("申请人类型"), choices=ApplicantKind.choices, widget=forms.RadioSelect)
    applicant_name = forms.CharField(label=_("申请人名称"), max_length=120)
    applicant_id_kind = forms.ChoiceField(label=_("证件类型"), choices=IdKind.choices)
    applicant_id_number = forms.CharField(label=_("证件号码"), max_length=40)
    credit_code_override = forms.CharField(label=_("信用代码校验不符的说明"), max_length=200, required=False)
    applicant_phone = forms.CharField(label=_("联系电话"), max_length=20, required=False)
    applicant_address = forms.CharField(label=_("联系地址"), max_length=200, required=False)
    agent_name = forms.CharField(label=_("代理人姓名"), max_length=60, required=False)
    agent_id_number = forms.CharField(label=_("代理人身份证号码"), max_length=40, required=False)
    agent_phone = forms.CharField(label=_("代理人电话"), max_length=20, required=False)
    item = forms.IntegerField(required=False, widget=forms.HiddenInput)
    key = forms.CharField(max_length=80, widget=forms.HiddenInput)
    decision = forms.ChoiceField(choices=[(d, d) for d in DECISIONS], required=False)
    supplement_list = forms.CharField(label=_("需补正的全部材料（每行一项）"), required=False, widget=forms.Textarea)
    supplement_note = forms.CharField(label=_("补正说明"), required=False, max_length=500)
    refuse_reason = forms.CharField(label=_("不予受理理由"), required=False, widget=forms.Textarea)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["key"].initial = uuid.uuid4().hex
        self.fields["applicant_kind"].initial = ApplicantKind.PERSON
        self.fields["applicant_id_kind"].initial = IdKind.RESIDENT_ID
        live = {
            "hx-post": reverse("backoffice:intake_identity"),
            "hx-target": "#identity",
            "hx-include": "#id_applicant_id_kind, #id_applicant_id_number, #id_credit_code_override",
        }
        self.fields["applicant_id_number"].widget.attrs.update(
            live, **{"hx-trigger": "input changed delay:400ms, change", "autocomplete": "off"}
        )
        self.fields["applicant_id_kind"].widget.attrs.update(live, **{"hx-trigger": "change"})

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("item"):
            self.add_error(None, _("请先在第二步选择办理事项"))
        if data.get("decision") == "refuse" and not (data.get("refuse_reason") or "").strip():
            self.add_error("refuse_reason", _("不予受理须说明理由"))
        if not data.get("decision"):
            self.add_error(None, _("请选择受理、补正、不予受理或当场办结"))
        return data

    def applicant(self) -> Applicant:
        d = self.cleaned_data
        return Applicant(
            kind=d["applicant_kind"],
            name=d["applicant_name"],
            id_kind=d["applicant_id_kind"],
            id_number=d["applicant_id_number"],
            phone=d["applicant_phone"],
            address=d["applicant_address"],
            credit_code_override=d["credit_code_override"],
            agent_name=d["agent_name"],
            agent_id_number=d["agent_id_number"],
            agent_phone=d["agent_phone"],
        )


def material_states(data: Any, materials: list[Material]) -> dict[int, str]:
    """The checklist as ticked: ``material-<pk>`` = received / missing / commitment (only where allowed)."""
    states: dict[int, str] = {}
    for m in materials:
        value = data.get(f"material-{m.pk}", CaseMaterial.State.MISSING)
        if value == CaseMaterial.State.COMMITMENT and not m.commitment_allowed:
            value = CaseMaterial.State.MISSING
        if value not in CaseMaterial.State.values:
            value = CaseMaterial.State.MISSING
        states[m.pk] = value
    return states


class SearchForm(forms.Form):
    receipt_number = forms.CharField(label=_("受理编号"), required=False, max_length=40)
    applicant = forms.CharField(
        label=_("申请人"),
        required=False,
        max_length=120,
        widget=forms.TextInput(attrs={"placeholder": _("姓名或证件号码")}),
    )
    item = forms.CharField(
        label=_("事项"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": _("名称、编码或拼音首字母")}),
    )
    department = forms.TypedChoiceField(label=_("部门"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部状态")), *Status.choices])
    light = forms.ChoiceField(
        label=_("亮灯"), required=False, choices=[("", _("全部")), *((k.value, v) for k, v in LIGHT_LABELS.items())]
    )
    delivery = forms.ChoiceField(
        label=_("送达情况"),
        required=False,
        choices=[("", _("全部")), ("pending", _("待送达")), ("late", _("超过送达期限"))],
    )
    received_from = forms.DateField(
        label=_("收件日期从"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    received_to = forms.DateField(label=_("至"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, departments: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["department"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", _("全部部门")), *((d.pk, d.short_name or d.name) for d in departments)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("received_from"), data.get("received_to")
        if start and end and start > end:
            self.add_error("received_to", _("截止日期不能早于起始日期"))
        return data

    def filters(self) -> CaseFilters:
        """The filters of a valid form; call only after ``is_valid()`` (an invalid search shows its errors and no
        cases, never every case)."""
        d = self.cleaned_data
        return CaseFilters(
            receipt_number=d["receipt_number"],
            applicant=d["applicant"],
            item=d["item"],
            department_id=d["department"],
            status=d["status"],
            light=d["light"],
            delivery=d["delivery"],
            received_from=d["received_from"],
            received_to=d["received_to"],
        )
