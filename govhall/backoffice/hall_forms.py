"""Forms of the hall pages (settings, categories, devices, slots, phone booking, numbers). They only shape input:
the queueing services judge it and answer in Chinese."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govhall.catalog.models import ServiceItem
from govhall.org.models import Window
from govhall.queueing.models import AppointmentSlot, Category, DeviceKind
from govhall.queueing.selectors import GROUPINGS


# Text, not type=time: the browser's time control follows the OS locale and may show 05:30 PM; the hall works
# in 24-hour time, and Django reads "9:00" and "09:00" alike.
def _time(placeholder: object = "09:00") -> forms.TimeInput:
    return forms.TimeInput(format="%H:%M", attrs={"placeholder": placeholder, "inputmode": "numeric", "maxlength": 5})


TIME = _time()
OPTIONAL_TIME = _time(_("留空表示无"))
DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
MAX_SLOT_DAYS = 62  # the range ``bookable_slots`` accepts; opening more at once is a typing mistake


class HallSettingsForm(forms.Form):
    opens_at = forms.TimeField(label=_("上班时间"), widget=TIME)
    closes_at = forms.TimeField(label=_("下班时间"), widget=TIME)
    lunch_starts = forms.TimeField(label=_("午休开始"), required=False, widget=OPTIONAL_TIME)
    lunch_ends = forms.TimeField(label=_("午休结束"), required=False, widget=OPTIONAL_TIME)
    lunch_service = forms.BooleanField(label=_("午间不打烊（午休时段照常服务）"), required=False)
    extended_until = forms.TimeField(
        label=_("延时服务至"), required=False, widget=OPTIONAL_TIME, help_text=_("留空表示不提供延时服务")
    )
    max_calls = forms.IntegerField(label=_("过号前呼叫次数"), min_value=1, max_value=10)
    priority_streak = forms.IntegerField(
        label=_("连续优先呼叫上限"), min_value=1, max_value=20, help_text=_("连续叫这么多个优先号后，下一个叫普通号")
    )
    checkin_before_minutes = forms.IntegerField(label=_("预约可提前签到（分钟）"), min_value=0, max_value=240)
    checkin_after_minutes = forms.IntegerField(label=_("预约可迟到签到（分钟）"), min_value=0, max_value=240)
    rating_validity_minutes = forms.IntegerField(label=_("现场评价有效时间（分钟）"), min_value=1, max_value=60)
    notice = forms.CharField(label=_("大屏滚动通知"), max_length=200, required=False)


class ItemChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        version = obj.current_version
        return f"{version.name if version else obj.code}（{obj.department.short_name or obj.department.name}）"


class CategoryForm(forms.Form):
    series = forms.CharField(
        label=_("号段字母"), max_length=1, help_text=_("一个大写字母，不用I和O（大屏上易与1、0混淆）")
    )
    name = forms.CharField(label=_("类别名称"), max_length=60)
    default_service_minutes = forms.IntegerField(
        label=_("预计办理分钟"), min_value=1, max_value=240, initial=5, help_text=_("新类别估算等候时间的起点")
    )
    position = forms.IntegerField(label=_("排序"), min_value=0, max_value=999, initial=0)
    active = forms.BooleanField(label=_("启用（可取号）"), required=False, initial=True)
    windows = forms.ModelMultipleChoiceField(
        label=_("办理窗口"), queryset=Window.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    items = ItemChoices(
        label=_("涵盖事项"),
        queryset=ServiceItem.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8, "class": "bo-block"}),
        help_text=_("按住Ctrl可多选"),
    )

    def __init__(self, *args: Any, windows: QuerySet[Window], items: QuerySet[ServiceItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["windows"].queryset = windows  # type: ignore[attr-defined]
        self.fields["items"].queryset = items  # type: ignore[attr-defined]
        self.fields["windows"].label_from_instance = lambda w: f"{w.number}号 {w.name}"  # type: ignore[attr-defined]


class DeviceForm(forms.Form):
    kind = forms.ChoiceField(label=_("终端类型"), choices=DeviceKind.choices)
    name = forms.CharField(
        label=_("名称"), max_length=60, widget=forms.TextInput(attrs={"placeholder": _("如 一楼大厅1号自助机")})
    )
    window = forms.ModelChoiceField(
        label=_("绑定窗口（评价器必填）"), queryset=Window.objects.none(), required=False, empty_label=_("（不绑定）")
    )

    def __init__(self, *args: Any, windows: QuerySet[Window], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["window"].queryset = windows  # type: ignore[attr-defined]
        self.fields["window"].label_from_instance = lambda w: f"{w.number}号 {w.name}"  # type: ignore[attr-defined]


def parse_times(text: str) -> list[datetime.time]:
    """``09:00 09:30，10:00`` → times; any separator a clerk might type."""
    times = []
    for part in re.split(r"[\s,，、;；]+", text.strip()):
        if not part:
            continue
        match = re.fullmatch(r"(\d{1,2})[:：](\d{2})", part)
        if match is None or int(match[1]) > 23 or int(match[2]) > 59:
            raise forms.ValidationError(_("时间“%(value)s”格式不对，应为 09:30 这样的时:分"), params={"value": part})
        times.append(datetime.time(int(match[1]), int(match[2])))
    if not times:
        raise forms.ValidationError(_("请至少填写一个开始时间"))
    return sorted(set(times))


class SlotsForm(forms.Form):
    category = forms.ModelChoiceField(label=_("业务类别"), queryset=Category.objects.none(), empty_label=_("请选择"))
    date_from = forms.DateField(label=_("起始日期"), widget=DATE)
    date_to = forms.DateField(label=_("截止日期"), widget=DATE)
    times = forms.CharField(
        label=_("每天的开始时间"),
        max_length=400,
        initial="09:00 09:30 10:00 10:30 11:00 14:00 14:30 15:00 15:30 16:00",
        help_text=_("用空格或逗号分隔，如 09:00 09:30 14:00"),
    )
    minutes = forms.IntegerField(label=_("每个时段（分钟）"), min_value=5, max_value=240, initial=30)
    capacity = forms.IntegerField(label=_("每个时段可约人数"), min_value=1, max_value=1000, initial=5)

    def __init__(self, *args: Any, categories: QuerySet[Category], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = categories  # type: ignore[attr-defined]

    def clean_times(self) -> list[datetime.time]:
        return parse_times(self.cleaned_data["times"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end:
            if end < start:
                self.add_error("date_to", _("截止日期不能早于起始日期"))
            elif (end - start).days > MAX_SLOT_DAYS:
                self.add_error("date_to", _("一次最多开放%(n)s天") % {"n": MAX_SLOT_DAYS})
            elif start < timezone.localdate():
                self.add_error("date_from", _("不能为过去的日期开放预约"))
        return data

    def days(self) -> list[datetime.date]:
        start, end = self.cleaned_data["date_from"], self.cleaned_data["date_to"]
        return [start + datetime.timedelta(days=n) for n in range((end - start).days + 1)]


def slot_label(slot: AppointmentSlot) -> str:
    return f"{slot.starts_at:%H:%M}–{slot.ends_at:%H:%M}（余{slot.capacity - slot.booked}）"


class PhoneBookingForm(forms.Form):
    """A booking taken on the phone: the slot, and who is coming (the service checks the ID number)."""

    slot = forms.TypedChoiceField(label=_("预约时段"), coerce=int, empty_value=None)
    name = forms.CharField(label=_("姓名"), max_length=60)
    id_number = forms.CharField(label=_("身份证号码"), max_length=40)
    phone = forms.CharField(label=_("联系电话"), max_length=20)

    def __init__(self, *args: Any, slots: Iterable[AppointmentSlot], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        groups: dict[str, list[tuple[int, str]]] = {}
        for slot in slots:
            groups.setdefault(str(slot.category), []).append((slot.pk, slot_label(slot)))
        choices: list[Any] = [("", _("请选择"))]
        choices += [(name, options) for name, options in groups.items()]
        self.fields["slot"].choices = choices  # type: ignore[attr-defined]


BY_LABELS = {
    "day": _("按日"),
    "window": _("按窗口"),
    "clerk": _("按人员"),
    "category": _("按类别"),
    "hour": _("按时段"),
}


class NumbersForm(forms.Form):
    by = forms.ChoiceField(label=_("分组"), choices=[(g, BY_LABELS[g]) for g in GROUPINGS], required=False)
    date_from = forms.DateField(label=_("起始日期"), widget=DATE)
    date_to = forms.DateField(label=_("截止日期"), widget=DATE)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("截止日期不能早于起始日期"))
        data["by"] = data.get("by") or "day"
        return data
