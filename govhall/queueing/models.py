"""The hall's queue: categories, tickets and their timed periods, window desks, appointments, devices."""

from __future__ import annotations

import datetime
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from govhall.catalog.models import ServiceItem
from govhall.org.models import Center, Window


class HallSettings(models.Model):
    """Per center: hours, 延时服务, how many calls before 过号, the fairness streak, check-in and rating windows."""

    center = models.OneToOneField(Center, on_delete=models.CASCADE, related_name="hall_settings")
    opens_at = models.TimeField(_("上班时间"), default=datetime.time(9, 0))
    lunch_starts = models.TimeField(_("午休开始"), null=True, blank=True, default=datetime.time(12, 0))
    lunch_ends = models.TimeField(_("午休结束"), null=True, blank=True, default=datetime.time(13, 30))
    closes_at = models.TimeField(_("下班时间"), default=datetime.time(17, 30))
    extended_until = models.TimeField(_("延时服务至"), null=True, blank=True)
    lunch_service = models.BooleanField(_("午间不打烊"), default=False)
    max_calls = models.PositiveSmallIntegerField(_("过号前呼叫次数"), default=3)
    priority_streak = models.PositiveSmallIntegerField(_("连续优先呼叫上限"), default=3)
    checkin_before_minutes = models.PositiveSmallIntegerField(_("提前签到分钟"), default=30)
    checkin_after_minutes = models.PositiveSmallIntegerField(_("迟到签到分钟"), default=15)
    rating_validity_minutes = models.PositiveSmallIntegerField(_("评价有效分钟"), default=5)
    notice = models.CharField(_("大屏滚动通知"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("大厅设置")
        verbose_name_plural = _("大厅设置")
        constraints: ClassVar = [
            models.CheckConstraint(condition=Q(max_calls__gte=1), name="hall_settings_max_calls_positive"),
            models.CheckConstraint(condition=Q(priority_streak__gte=1), name="hall_settings_streak_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.center_id} hall settings"


class Category(models.Model):
    """A queue of one center (业务类别): a series letter, the windows that serve it, the items it covers."""

    center = models.ForeignKey(Center, on_delete=models.PROTECT, related_name="ticket_categories")
    series = models.CharField(_("号段字母"), max_length=2)
    name = models.CharField(_("类别名称"), max_length=60)
    windows = models.ManyToManyField(Window, blank=True, related_name="ticket_categories", verbose_name=_("窗口"))
    items = models.ManyToManyField(ServiceItem, blank=True, related_name="ticket_categories", verbose_name=_("事项"))
    active = models.BooleanField(_("启用"), default=True)
    position = models.PositiveSmallIntegerField(_("排序"), default=0)
    default_service_minutes = models.PositiveSmallIntegerField(_("预计办理分钟"), default=5)
    # Exponentially weighted service time and deviation in seconds, updated at each finish (docs/hall.md).
    service_avg_seconds = models.FloatField(null=True, blank=True)
    service_dev_seconds = models.FloatField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["center", "position", "series"]
        verbose_name = _("业务类别")
        verbose_name_plural = _("业务类别")
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["center", "series"], name="category_series_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.series} {self.name}"


class TicketCounter(models.Model):
    """Last number per center, series and day; incremented under a row lock so numbers are gapless."""

    center = models.ForeignKey(Center, on_delete=models.CASCADE, related_name="+")
    series = models.CharField(max_length=2)
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["center", "series", "day"], name="ticket_counter_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.center_id} {self.series} {self.day} #{self.last}"


class Source(models.TextChoices):
    KIOSK = "kiosk", _("自助取号")
    APPOINTMENT = "appointment", _("预约签到")
    WINDOW = "window", _("窗口取号")


class Priority(models.TextChoices):
    NONE = "none", _("普通")
    GREEN = "green", _("绿色通道")
    ELDERLY = "elderly", _("老年人（70岁以上）")
    DISABLED = "disabled", _("残疾人")
    APPOINTMENT = "appointment", _("预约按时到达")


class TicketStatus(models.TextChoices):
    WAITING = "waiting", _("等候中")
    CALLED = "called", _("已呼叫")
    SERVING = "serving", _("办理中")
    HELD = "held", pgettext_lazy("ticket status", "暂停")
    MISSED = "missed", _("过号")
    FINISHED = "finished", _("已办结")
    CANCELLED = "cancelled", _("已取消")
    # Still waiting, or called but never started, at the end of service time: ended by the closing sweep.
    CLOSED = "closed", _("下班未办理")


class Ticket(models.Model):
    center = models.ForeignKey(Center, on_delete=models.PROTECT, related_name="tickets")
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="tickets")
    day = models.DateField(_("日期"))
    seq = models.PositiveIntegerField()
    number = models.CharField(_("号码"), max_length=8)
    source = models.CharField(_("来源"), max_length=12, choices=Source.choices, default=Source.KIOSK)
    priority = models.CharField(_("优先类型"), max_length=12, choices=Priority.choices, default=Priority.NONE)
    is_priority = models.BooleanField(default=False)
    status = models.CharField(_("状态"), max_length=10, choices=TicketStatus.choices, default=TicketStatus.WAITING)
    name = models.CharField(_("姓名"), max_length=60, blank=True)
    id_number = models.CharField(_("证件号码"), max_length=40, blank=True)
    phone = models.CharField(_("联系电话"), max_length=20, blank=True)
    taken_at = models.DateTimeField(_("取号时间"))
    # The moment the ticket entered the queue: the ordering key (a re-queue after 过号 moves it to the back).
    queued_at = models.DateTimeField()
    # A transfer to one window binds the ticket to it; otherwise any window serving the category may call it.
    target_window = models.ForeignKey(Window, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    window = models.ForeignKey(Window, null=True, blank=True, on_delete=models.SET_NULL, related_name="tickets")
    clerk = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="tickets"
    )
    call_count = models.PositiveSmallIntegerField(default=0)
    requeued = models.BooleanField(_("已过号重排"), default=False)
    transferred = models.BooleanField(_("已转移"), default=False)
    called_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    cases = models.ManyToManyField("cases.Case", through="TicketCase", blank=True, related_name="visits")

    class Meta:
        ordering: ClassVar = ["day", "center_id", "number"]
        verbose_name = _("排队号")
        verbose_name_plural = _("排队号")
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["center", "day", "number"], name="ticket_number_unique_per_day"),
        ]
        indexes: ClassVar = [
            # The call-next query: waiting tickets of a day per category, priority class, then longest wait.
            models.Index(
                fields=["category", "day", "is_priority", "queued_at"],
                name="ticket_waiting_idx",
                condition=Q(status="waiting"),
            ),
            models.Index(fields=["center", "day", "status"], name="ticket_center_day_idx"),
        ]

    def __str__(self) -> str:
        return self.number


class TicketCase(models.Model):
    """A finished visit and a case it produced."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="case_links")
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="visit_links")
    linked_at = models.DateTimeField()

    class Meta:
        constraints: ClassVar = [models.UniqueConstraint(fields=["ticket", "case"], name="ticket_case_unique")]

    def __str__(self) -> str:
        return f"{self.ticket_id} → {self.case_id}"


class TicketPeriod(models.Model):
    """One timed stretch of a ticket in one state; the open one has no end. Ids order the board's calls."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="periods")
    center = models.ForeignKey(Center, on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=10, choices=TicketStatus.choices)
    window = models.ForeignKey(Window, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    clerk = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    recall = models.BooleanField(default=False)

    class Meta:
        ordering: ClassVar = ["ticket", "pk"]
        indexes: ClassVar = [
            models.Index(fields=["ticket"], name="period_open_idx", condition=Q(ended_at__isnull=True)),
            # The board: its version (a center's newest period) and the latest calls.
            models.Index(fields=["center", "-id"], name="period_center_idx"),
            models.Index(fields=["center", "-id"], name="period_calls_idx", condition=Q(state="called")),
        ]

    def __str__(self) -> str:
        return f"{self.ticket_id} {self.state}"

    def seconds(self, until: datetime.datetime | None = None) -> float:
        end = self.ended_at or until
        return (end - self.started_at).total_seconds() if end else 0.0


class Desk(models.Model):
    """The queue state of one window: open, the visitor at it, the last finished one, the priority streak."""

    window = models.OneToOneField(Window, on_delete=models.CASCADE, related_name="desk")
    is_open = models.BooleanField(default=False)
    current = models.ForeignKey(Ticket, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    last_finished = models.ForeignKey(Ticket, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    priority_streak = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("窗口状态")
        verbose_name_plural = _("窗口状态")

    def __str__(self) -> str:
        return f"desk {self.window_id}"


class SlotChannel(models.TextChoices):
    ONLINE = "online", _("网上预约")
    PHONE = "phone", _("电话预约")
    WINDOW = "window", _("窗口预约")


class AppointmentSlot(models.Model):
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="slots")
    day = models.DateField(_("日期"))
    starts_at = models.TimeField(_("开始"))
    ends_at = models.TimeField(_("结束"))
    capacity = models.PositiveSmallIntegerField(_("可约人数"))
    booked = models.PositiveSmallIntegerField(_("已约人数"), default=0)

    class Meta:
        ordering: ClassVar = ["day", "starts_at", "category"]
        verbose_name = _("预约时段")
        verbose_name_plural = _("预约时段")
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["category", "day", "starts_at"], name="slot_unique"),
            models.CheckConstraint(condition=Q(booked__lte=models.F("capacity")), name="slot_within_capacity"),
        ]

    def __str__(self) -> str:
        return f"{self.category_id} {self.day} {self.starts_at:%H:%M}"


class AppointmentStatus(models.TextChoices):
    BOOKED = "booked", _("已预约")
    CANCELLED = "cancelled", _("已取消")
    CHECKED_IN = "checked_in", _("已签到")
    NO_SHOW = "no_show", _("爽约")


class Appointment(models.Model):
    slot = models.ForeignKey(AppointmentSlot, on_delete=models.PROTECT, related_name="appointments")
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="appointments")
    center = models.ForeignKey(Center, on_delete=models.PROTECT, related_name="appointments")
    code = models.CharField(_("预约码"), max_length=12, unique=True)
    status = models.CharField(
        _("状态"), max_length=12, choices=AppointmentStatus.choices, default=AppointmentStatus.BOOKED
    )
    channel = models.CharField(_("预约渠道"), max_length=10, choices=SlotChannel.choices)
    name = models.CharField(_("姓名"), max_length=60)
    id_kind = models.CharField(_("证件类型"), max_length=12, default="resident_id")
    id_number = models.CharField(_("证件号码"), max_length=40)
    phone = models.CharField(_("联系电话"), max_length=20)
    booked_at = models.DateTimeField()
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    ticket = models.OneToOneField(Ticket, null=True, blank=True, on_delete=models.SET_NULL, related_name="appointment")

    class Meta:
        ordering: ClassVar = ["slot", "pk"]
        verbose_name = _("预约")
        verbose_name_plural = _("预约")
        constraints: ClassVar = [
            # Against hoarding: one live booking per person and category.
            models.UniqueConstraint(
                fields=["category", "id_number"], condition=Q(status="booked"), name="one_live_appointment"
            ),
        ]

    def __str__(self) -> str:
        return self.code


class DeviceKind(models.TextChoices):
    KIOSK = "kiosk", _("自助终端")
    EVALUATOR = "evaluator", _("评价器")
    BOARD = "board", _("大屏")


class Device(models.Model):
    """A hall device that authenticates by its own token (never a staff login)."""

    center = models.ForeignKey(Center, on_delete=models.CASCADE, related_name="devices")
    window = models.ForeignKey(Window, null=True, blank=True, on_delete=models.CASCADE, related_name="devices")
    kind = models.CharField(_("类型"), max_length=10, choices=DeviceKind.choices)
    name = models.CharField(_("名称"), max_length=60)
    token_hash = models.CharField(max_length=64, unique=True)
    active = models.BooleanField(_("启用"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("终端")
        verbose_name_plural = _("终端")
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=~Q(kind="evaluator") | Q(window__isnull=False), name="evaluator_has_window"
            ),
        ]

    def __str__(self) -> str:
        return self.name
