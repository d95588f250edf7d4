"""Forms of the staff pages. They only shape input: every rule lives in the services they feed."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

from django import forms
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from govhall.catalog.models import ItemVersion, Theme
from govhall.catalog.rules import CHILD_FIELDS, CONTENT_FIELDS
from govhall.catalog.services import CHILD_MODELS
from govhall.core import workdays
from govhall.core.errors import Problem
from govhall.core.models import CalendarDay
from govhall.org.models import Department, Role, StaffProfile, Window

# The editor's sections, in the order of the printed guide; together they hold every content field.
SECTIONS: tuple[tuple[Any, tuple[str, ...]], ...] = (
    (_("基本信息"), ("name", "item_type", "exercise_level", "department_nature", "power_source", "audience")),
    (_("设定和实施依据"), ("legal_basis_set", "legal_basis_impl")),
    (
        _("办理时限"),
        (
            "case_type",
            "legal_limit",
            "legal_limit_unit",
            "legal_limit_note",
            "promised_limit",
            "promised_limit_unit",
            "promised_limit_note",
            "extension_days",
            "visits_required",
        ),
    ),
    (
        _("受理条件与办理流程"),
        ("acceptance_conditions", "process_description", "handling_form", "anywhere_scope", "online_depth"),
    ),
    (_("服务方式"), ("stationed", "supports_appointment", "supports_delivery", "supports_online_payment")),
    (_("审批结果"), ("result_type", "result_name")),
    (_("办理地点与咨询"), ("address", "office_hours", "consult_phone", "complaint_phone")),
)
CHILD_TITLES: dict[str, Any] = {
    "materials": _("申请材料"),
    "fees": _("收费"),
    "special_procedures": _("特别程序"),
    "steps": _("办理环节"),
    "faqs": _("常见问题"),
}
SCHEDULE_EXAMPLE = "\n".join(
    [
        "# year: 2027",
        "# source: 国办发明电〔2026〕X号",
        "date,kind,note",
        "2027-01-01,休,元旦",
        "2027-02-14,班,春节调休上班",
    ]
)


class VersionForm(forms.ModelForm):  # type: ignore[type-arg]
    """The content of one version; never saved directly (``services.save_draft`` writes it)."""

    themes = forms.MultipleChoiceField(label=_("主题"), required=False, widget=forms.CheckboxSelectMultiple)
    change_note = forms.CharField(label=_("修订说明"), max_length=200, required=False)
    revision = forms.IntegerField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = ItemVersion
        fields = CONTENT_FIELDS
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in ("legal_basis_set", "legal_basis_impl", "acceptance_conditions", "process_description")
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        themes = self.fields["themes"]
        assert isinstance(themes, forms.MultipleChoiceField)
        themes.choices = list(Theme.objects.order_by("position", "code").values_list("code", "name"))

    def content(self) -> dict[str, Any]:
        data = {name: self.cleaned_data[name] for name in CONTENT_FIELDS}
        data["themes"] = list(self.cleaned_data["themes"])
        return data


class IdentityForm(forms.Form):
    """A new item's identity; uniqueness is the service's to judge."""

    code = forms.CharField(label=_("实施编码"), max_length=40)
    basic_code = forms.CharField(label=_("基本编码"), max_length=40)
    department = forms.ModelChoiceField(label=_("实施部门"), queryset=Department.objects.order_by("code"))


def _child_formset(kind: str) -> type[forms.BaseFormSet[Any]]:
    model = CHILD_MODELS[kind]
    textareas = [f.name for f in model._meta.get_fields() if isinstance(f, models.TextField)]
    form = forms.modelform_factory(
        model,
        fields=CHILD_FIELDS[kind],
        widgets={name: forms.Textarea(attrs={"rows": 2}) for name in textareas},
    )
    return forms.formset_factory(form, extra=0, can_delete=True)


CHILD_FORMSETS: dict[str, type[forms.BaseFormSet[Any]]] = {kind: _child_formset(kind) for kind in CHILD_FIELDS}


def child_formsets(data: Any = None, content: Mapping[str, Any] | None = None) -> dict[str, forms.BaseFormSet[Any]]:
    """One formset per kind of child row, bound to ``data`` or filled from a version's content."""
    if data is not None:
        return {kind: formset(data, prefix=kind) for kind, formset in CHILD_FORMSETS.items()}
    content = content or {}
    return {kind: formset(initial=content.get(kind) or [], prefix=kind) for kind, formset in CHILD_FORMSETS.items()}


def kept_forms(formset: forms.BaseFormSet[Any]) -> list[forms.BaseForm]:
    """The rows that will be saved, in order: neither deleted nor left empty."""
    return [f for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]


def children_content(formsets: Mapping[str, forms.BaseFormSet[Any]]) -> dict[str, list[dict[str, Any]]]:
    return {
        kind: [{name: f.cleaned_data[name] for name in CHILD_FIELDS[kind]} for f in kept_forms(formset)]
        for kind, formset in formsets.items()
    }


def show_problems(
    problems: Sequence[Problem],
    *,
    form: forms.BaseForm,
    identity: forms.BaseForm | None = None,
    formsets: Mapping[str, forms.BaseFormSet[Any]] | None = None,
) -> None:
    """Put each service problem next to its field: ``name`` on a form, ``materials.name`` on a row."""
    formsets = formsets or {}
    for problem in problems:
        name = problem.field or ""
        kind, _dot, child_field = name.partition(".")
        if child_field and kind in formsets:
            _show_row_problem(problem, formsets[kind], child_field)
        elif identity is not None and name in identity.fields:
            identity.add_error(name, problem.message)
        elif name in form.fields:
            form.add_error(name, problem.message)
        else:
            form.add_error(None, problem.message)


def _show_row_problem(problem: Problem, formset: forms.BaseFormSet[Any], field: str) -> None:
    # Problem.index counts the rows that were saved, i.e. the kept forms.
    rows = kept_forms(formset)
    index = problem.index if problem.index is not None else -1
    if 0 <= index < len(rows) and field in rows[index].fields:
        rows[index].add_error(field, problem.message)
    else:
        formset.non_form_errors().append(problem.message)


class StatusForm(forms.Form):
    MOVES = (("suspend", _("暂停")), ("resume", _("恢复")), ("cancel", _("取消")))

    move = forms.ChoiceField(choices=MOVES)
    # Not required here: the service refuses an empty reason with its own message.
    reason = forms.CharField(label=_("原因"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2}))


class WorkbookImportForm(forms.Form):
    PUBLISH = {"": None, "all": True, "none": False}

    workbook = forms.FileField(
        label=_("Excel 文件（.xlsx）"), widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"})
    )
    publish = forms.ChoiceField(
        label=_("发布方式"),
        required=False,
        choices=[
            ("", _("按表格“状态”列处理")),
            ("all", _("全部发布（含标为草稿的行）")),
            ("none", _("只保存为草稿，不发布、不改状态")),
        ],
    )
    dry_run = forms.BooleanField(label=_("仅校验不导入"), required=False, initial=True)

    def publish_choice(self) -> bool | None:
        return self.PUBLISH[self.cleaned_data["publish"]]


def _decode(raw: bytes) -> str:
    # Files saved by Excel or Notepad on Chinese Windows are often GB18030, not UTF-8.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise forms.ValidationError(_("无法识别文件编码，请保存为 UTF-8 文本"))


class ScheduleForm(forms.Form):
    schedule_file = forms.FileField(label=_("上传文件（.txt / .csv）"), required=False)
    text = forms.CharField(
        label=_("或直接粘贴内容"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "placeholder": SCHEDULE_EXAMPLE}),
    )
    source = forms.CharField(label=_("来源（文件未注明时使用）"), max_length=200, required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        upload = cleaned.get("schedule_file")
        if upload is not None:
            cleaned["text"] = _decode(upload.read())
        if not (cleaned.get("text") or "").strip():
            raise forms.ValidationError(_("请上传文件或粘贴节假日安排"))
        return cleaned


class CalendarDayForm(forms.Form):
    day = forms.DateField(
        label=_("日期"),
        widget=forms.DateInput(
            format="%Y-%m-%d",
            attrs={"type": "date", "min": workdays.FIRST_DAY.isoformat(), "max": workdays.LAST_DAY.isoformat()},
        ),
    )
    kind = forms.ChoiceField(label=_("类型"), choices=CalendarDay.Kind.choices)
    note = forms.CharField(label=_("说明"), max_length=100, required=False)
    source = forms.CharField(label=_("依据"), max_length=200, required=False)

    def clean_day(self) -> datetime.date:
        day: datetime.date = self.cleaned_data["day"]
        if not workdays.FIRST_DAY <= day <= workdays.LAST_DAY:
            raise forms.ValidationError(_("日期超出日历范围"))
        return day


# The organisation pages. Plain forms, not model forms: uniqueness and the scope rules are the services'.


class DepartmentChoices(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.short_name or obj.name)


class WindowChoices(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj) if obj.active else f"{obj}（{_('已停用')}）"


class DepartmentForm(forms.Form):
    code = forms.CharField(label=_("部门编码"), max_length=20)
    name = forms.CharField(label=_("部门名称"), max_length=80)
    short_name = forms.CharField(label=_("简称"), max_length=30, required=False)
    nature = forms.ChoiceField(label=_("实施主体性质"), choices=Department.Nature.choices)


class StationingForm(forms.Form):
    moved_in = forms.BooleanField(label=_("审批科室已进驻大厅"), required=False)
    authorised = forms.BooleanField(label=_("审批权限已授权到位"), required=False)
    section_name = forms.CharField(label=_("行政审批科室"), max_length=60, required=False)
    note = forms.CharField(label=_("备注"), max_length=200, required=False)


class WindowForm(forms.Form):
    number = forms.CharField(label=_("窗口号"), max_length=10)
    name = forms.CharField(label=_("窗口名称"), max_length=60)
    kind = forms.ChoiceField(label=_("窗口类型"), choices=Window.Kind.choices)
    location = forms.CharField(
        label=_("位置"),
        max_length=60,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("如 一楼A区01号")}),
    )
    departments = DepartmentChoices(
        label=_("服务部门"),
        queryset=Department.objects.order_by("code"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    active = forms.BooleanField(label=_("启用"), required=False, initial=True)


class StaffForm(forms.Form):
    username = forms.CharField(label=_("用户名"), max_length=150)
    display_name = forms.CharField(label=_("姓名"), max_length=60)
    phone = forms.CharField(label=_("手机号"), max_length=20, required=False)
    employment = forms.ChoiceField(label=_("用工性质"), choices=StaffProfile.Employment.choices)
    title = forms.CharField(label=_("职务"), max_length=40, required=False)
    staff_number = forms.CharField(label=_("工号"), max_length=20, required=False)
    roles = forms.MultipleChoiceField(
        label=_("角色"), choices=Role.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    department = forms.ModelChoiceField(
        label=_("所属部门"), queryset=Department.objects.order_by("code"), required=False, empty_label=_("（无）")
    )
    windows = WindowChoices(
        label=_("窗口"), queryset=Window.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    password = forms.CharField(
        label=_("初始密码"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(
        self, *args: Any, windows: QuerySet[Window], editing: bool = False, masked_phone: str = "", **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = self.fields["windows"]
        assert isinstance(choices, forms.ModelMultipleChoiceField)
        choices.queryset = windows
        # The edit page never shows a number in full: the field starts empty and an empty field keeps it.
        self.keeps_phone = bool(masked_phone)
        if masked_phone:
            placeholder = _("%(masked)s（留空则不修改）") % {"masked": masked_phone}
            self.fields["phone"].widget.attrs["placeholder"] = placeholder
        if editing:
            self.fields["password"].label = _("新密码（留空则不修改）")

    def phone_to_save(self) -> str | None:
        """The number to save, or None to keep the one on file (``services.save_staff``)."""
        value: str = self.cleaned_data["phone"]
        return None if not value and self.keeps_phone else value


class StaffFilterForm(forms.Form):
    role = forms.ChoiceField(label=_("角色"), required=False, choices=[("", _("全部角色")), *Role.choices])
    department = forms.ModelChoiceField(
        label=_("所属部门"), queryset=Department.objects.none(), required=False, empty_label=_("全部部门")
    )
    window = forms.ModelChoiceField(
        label=_("窗口"), queryset=Window.objects.none(), required=False, empty_label=_("全部窗口")
    )

    def __init__(self, *args: Any, departments: QuerySet[Department], windows: QuerySet[Window], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, queryset in (("department", departments), ("window", windows)):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = queryset

    def filters(self) -> dict[str, Any]:
        """The valid filters only: nonsense in the query string is ignored, not an error page."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        department, window = data.get("department"), data.get("window")
        return {
            "role": data.get("role") or "",
            "department_id": department.pk if department else None,
            "window_id": window.pk if window else None,
        }


class ItemStationingForm(forms.Form):
    moved_in = forms.BooleanField(label=_("已进驻大厅"), required=False)
    authorised = forms.BooleanField(label=_("已授权到位"), required=False)
    windows = WindowChoices(
        label=_("受理窗口"), queryset=Window.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    note = forms.CharField(label=_("说明"), max_length=200, required=False)

    def __init__(self, *args: Any, windows: QuerySet[Window], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = self.fields["windows"]
        assert isinstance(choices, forms.ModelMultipleChoiceField)
        choices.queryset = windows
