from __future__ import annotations

import re
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    """An administrative division with its 12-digit code (county → township → village)."""

    class Level(models.TextChoices):
        COUNTY = "county", _("县（区）")
        TOWNSHIP = "township", _("乡镇（街道）")
        VILLAGE = "village", _("村（社区）")

    code = models.CharField(_("区划代码"), max_length=12, unique=True)
    name = models.CharField(_("名称"), max_length=60)
    level = models.CharField(_("层级"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")

    class Meta:
        ordering: ClassVar = ["code"]
        verbose_name = _("行政区划")
        verbose_name_plural = _("行政区划")

    def __str__(self) -> str:
        return self.name


class Center(models.Model):
    """A hall at one level: 政务服务中心, 便民服务中心 or 代办点."""

    class Level(models.TextChoices):
        COUNTY = "county", _("政务服务中心")
        TOWNSHIP = "township", _("便民服务中心")
        VILLAGE = "village", _("便民服务代办点")

    code = models.CharField(_("中心编码"), max_length=20, unique=True)
    name = models.CharField(_("名称"), max_length=80)
    level = models.CharField(_("层级"), max_length=10, choices=Level.choices)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="centers")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    address = models.CharField(_("地址"), max_length=200, blank=True)
    phone = models.CharField(_("咨询电话"), max_length=40, blank=True)
    hours = models.CharField(_("办公时间"), max_length=200, blank=True)

    class Meta:
        ordering: ClassVar = ["code"]
        verbose_name = _("服务中心")
        verbose_name_plural = _("服务中心")

    def __str__(self) -> str:
        return self.name


class Department(models.Model):
    """A government department (or public utility) that implements service items."""

    class Nature(models.TextChoices):
        STATUTORY = "法定机关", _("法定机关")
        AUTHORISED = "授权组织", _("授权组织")
        ENTRUSTED = "受委托组织", _("受委托组织")
        UTILITY = "公共企事业单位", _("公共企事业单位")

    code = models.CharField(_("部门编码"), max_length=20, unique=True)
    name = models.CharField(_("部门名称"), max_length=80, unique=True)
    short_name = models.CharField(_("简称"), max_length=30, blank=True)
    nature = models.CharField(_("实施主体性质"), max_length=10, choices=Nature.choices, default=Nature.STATUTORY)
    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.PROTECT, related_name="departments")

    class Meta:
        ordering: ClassVar = ["code"]
        verbose_name = _("部门")
        verbose_name_plural = _("部门")

    def __str__(self) -> str:
        return self.name


class Stationing(models.Model):
    """A department stationed at a center (进驻部门) and how far 两集中、两到位 went."""

    center = models.ForeignKey(Center, on_delete=models.CASCADE, related_name="stationings")
    department = models.ForeignKey(Department, on_delete=models.CASCADE, related_name="stationings")
    moved_in = models.BooleanField(_("审批科室已进驻"), default=True)
    authorised = models.BooleanField(_("审批权限已授权到位"), default=True)
    section_name = models.CharField(_("行政审批科室"), max_length=60, blank=True)
    note = models.CharField(_("备注"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("进驻部门")
        verbose_name_plural = _("进驻部门")
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["center", "department"], name="stationing_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.center} / {self.department}"


# 一楼A区01号 → 一楼A区; 二楼12号 → 二楼; 东区3号 → 东区 (a hall's plan is floors, then lettered areas).
_FLOOR_AREA = re.compile(r"^\s*(.+?[楼层](?:\s*[A-Za-z0-9一二三四五六七八九十]+区)?)")
_AREA = re.compile(r"^\s*(.+?区)")


class Window(models.Model):
    class Kind(models.TextChoices):
        COMPREHENSIVE = "comprehensive", _("综合窗口")
        PROFESSIONAL = "professional", _("专业窗口")

    center = models.ForeignKey(Center, on_delete=models.PROTECT, related_name="windows")
    number = models.CharField(_("窗口号"), max_length=10)
    name = models.CharField(_("窗口名称"), max_length=60)
    kind = models.CharField(_("窗口类型"), max_length=16, choices=Kind.choices)
    location = models.CharField(_("位置"), max_length=60, blank=True)
    departments = models.ManyToManyField(Department, blank=True, related_name="windows", verbose_name=_("服务部门"))
    active = models.BooleanField(_("启用"), default=True)

    class Meta:
        ordering: ClassVar = ["center", "number"]
        verbose_name = _("窗口")
        verbose_name_plural = _("窗口")
        constraints: ClassVar = [models.UniqueConstraint(fields=["center", "number"], name="window_number_unique")]

    def __str__(self) -> str:
        return gettext("%(number)s号 %(name)s") % {"number": self.number, "name": self.name}

    @property
    def area(self) -> str:
        """The floor and area part of the location text, by which the hall's windows are grouped."""
        text = self.location.strip()
        match = _FLOOR_AREA.match(text) or _AREA.match(text)
        return match.group(1) if match else text


class Role(models.TextChoices):
    CENTER_MANAGER = "center_manager", _("中心管理人员")
    WINDOW_CLERK = "window_clerk", _("窗口人员")
    APPROVER = "approver", _("审批人员")
    CHIEF_REPRESENTATIVE = "chief_representative", _("首席代表")
    SUPERVISOR = "supervisor", _("效能监督人员")


class StaffProfile(models.Model):
    class Employment(models.TextChoices):
        ADMINISTRATIVE = "administrative", _("行政编")
        INSTITUTIONAL = "institutional", _("事业编")
        CONTRACT = "contract", _("临聘")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff")
    center = models.ForeignKey(Center, on_delete=models.PROTECT, related_name="staff")
    department = models.ForeignKey(
        Department,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
        verbose_name=_("所属部门"),
    )
    windows = models.ManyToManyField(Window, blank=True, related_name="staff", verbose_name=_("窗口"))
    employment = models.CharField(_("用工性质"), max_length=16, choices=Employment.choices)
    staff_number = models.CharField(_("工号"), max_length=20, blank=True)
    title = models.CharField(_("职务"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("工作人员")
        verbose_name_plural = _("工作人员")

    def __str__(self) -> str:
        return str(self.user)

    @property
    def role_codes(self) -> frozenset[str]:
        cached: frozenset[str] | None = getattr(self, "_role_codes", None)
        if cached is None:
            cached = frozenset(self.roles.values_list("role", flat=True))
            self._role_codes = cached
        return cached


class StaffRole(models.Model):
    profile = models.ForeignKey(StaffProfile, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("角色"), max_length=24, choices=Role.choices)

    class Meta:
        verbose_name = _("角色")
        verbose_name_plural = _("角色")
        constraints: ClassVar = [models.UniqueConstraint(fields=["profile", "role"], name="staff_role_unique")]

    def __str__(self) -> str:
        return self.get_role_display()
