"""The service-item catalog (政务服务事项实施清单): items, their versions and what a version carries.

A ``ServiceItem`` is the stable identity (implementation code, basic code, department, status). Its content
lives in ``ItemVersion`` rows: editing works on the one draft version; publishing freezes it and makes it
current. Published versions are never changed (cases point to the version they were accepted under).
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from govhall.core.workdays import LimitUnit
from govhall.org.models import Center, Department, Role, Window


class ItemType(models.TextChoices):
    LICENSING = "行政许可", _("行政许可")
    CONFIRMATION = "行政确认", _("行政确认")
    ADJUDICATION = "行政裁决", _("行政裁决")
    BENEFIT = "行政给付", _("行政给付")
    REWARD = "行政奖励", _("行政奖励")
    OTHER_POWER = "其他行政权力", _("其他行政权力")
    PUBLIC_SERVICE = "公共服务", _("公共服务")


class ExerciseLevel(models.TextChoices):
    NATIONAL = "国家级", _("国家级")
    PROVINCIAL = "省级", _("省级")
    CITY = "市级", _("市级")
    COUNTY = "县级", _("县级")
    TOWNSHIP = "镇级", _("镇（乡、街道）级")
    VILLAGE = "村级", _("村（社区）级")


class PowerSource(models.TextChoices):
    STATUTORY = "法定本级行使", _("法定本级行使")
    DELEGATED_DOWN = "上级下放", _("上级下放")
    AUTHORISED_UP = "上级授权", _("上级授权")
    AUTHORISED_PEER = "同级授权", _("同级授权")
    ENTRUSTED_UP = "上级委托", _("上级委托")
    ENTRUSTED_PEER = "同级委托", _("同级委托")


class CaseType(models.TextChoices):
    IMMEDIATE = "即办件", _("即办件")
    PROMISED = "承诺件", _("承诺件")
    JOINT = "联办件", _("联办件")
    REFERRED = "上报件", _("上报件")


class Unit(models.TextChoices):
    WORKING_DAYS = LimitUnit.WORKING_DAYS.value, _("工作日")
    NATURAL_DAYS = LimitUnit.NATURAL_DAYS.value, _("自然日")
    HOURS = LimitUnit.HOURS.value, _("小时")


class AnywhereScope(models.TextChoices):
    NONE = "无", _("无")
    COUNTY = "全县通办", _("全县通办")
    CITY = "全市通办", _("全市通办")
    PROVINCE = "全省通办", _("全省通办")
    NATION = "跨省通办", _("跨省通办")


class OnlineDepth(models.IntegerChoices):
    INFORMATION = 1, _("一级：信息公开")
    FORMS = 2, _("二级：表格下载")
    PRE_REVIEW = 3, _("三级：网上预审")
    FULLY_ONLINE = 4, _("四级：全程网办")


class ResultType(models.TextChoices):
    LICENCE = "证照", _("证照")
    DOCUMENT = "批文", _("批文")
    OTHER = "其他", _("其他")


class Audience(models.TextChoices):
    PERSON = "person", _("个人")
    ENTERPRISE = "enterprise", _("法人")
    BOTH = "both", _("个人和法人")


class Theme(models.Model):
    """A life event or enterprise theme (出生, 结婚, 开办企业, 开饭店 …) for browsing the guides."""

    code = models.CharField(_("编码"), max_length=20, unique=True)
    name = models.CharField(_("名称"), max_length=30, unique=True)
    audience = models.CharField(_("服务对象"), max_length=12, choices=Audience.choices)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering: ClassVar = ["position", "code"]
        verbose_name = _("主题")
        verbose_name_plural = _("主题")

    def __str__(self) -> str:
        return self.name


class ServiceItem(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        PUBLISHED = "published", _("已发布")
        SUSPENDED = "suspended", _("已暂停")
        CANCELLED = "cancelled", _("已取消")

    code = models.CharField(_("实施编码"), max_length=40, unique=True)
    basic_code = models.CharField(_("基本编码"), max_length=40, db_index=True)
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="items", verbose_name=_("实施部门")
    )
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    current_version = models.ForeignKey(
        "ItemVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Bumped by every write; an editor that loaded an older revision gets a conflict, not a silent overwrite.
    revision = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering: ClassVar = ["department__code", "code"]
        verbose_name = _("政务服务事项")
        verbose_name_plural = _("政务服务事项")

    def __str__(self) -> str:
        version = self.current_version
        return f"{self.code} {version.name if version else ''}".strip()


class ItemVersion(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("草稿")
        PUBLISHED = "published", _("现行")
        SUPERSEDED = "superseded", _("历史")

    item = models.ForeignKey(ServiceItem, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("版本号"))
    state = models.CharField(_("版本状态"), max_length=12, choices=State.choices, default=State.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    change_note = models.CharField(_("修订说明"), max_length=200, blank=True)

    name = models.CharField(_("事项名称"), max_length=120)
    item_type = models.CharField(_("事项类型"), max_length=10, choices=ItemType.choices)
    exercise_level = models.CharField(
        _("行使层级"), max_length=6, choices=ExerciseLevel.choices, default=ExerciseLevel.COUNTY
    )
    legal_basis_set = models.TextField(_("设定依据"), blank=True)
    legal_basis_impl = models.TextField(_("实施依据"), blank=True)
    department_nature = models.CharField(
        _("实施主体性质"),
        max_length=10,
        choices=Department.Nature.choices,
        default=Department.Nature.STATUTORY,
    )
    power_source = models.CharField(
        _("权力来源"), max_length=10, choices=PowerSource.choices, default=PowerSource.STATUTORY
    )
    case_type = models.CharField(_("办件类型"), max_length=4, choices=CaseType.choices)
    legal_limit = models.PositiveIntegerField(_("法定办结时限"))
    legal_limit_unit = models.CharField(
        _("法定时限单位"), max_length=14, choices=Unit.choices, default=Unit.WORKING_DAYS
    )
    legal_limit_note = models.CharField(_("法定时限说明"), max_length=300, blank=True)
    promised_limit = models.PositiveIntegerField(_("承诺办结时限"))
    promised_limit_unit = models.CharField(
        _("承诺时限单位"), max_length=14, choices=Unit.choices, default=Unit.WORKING_DAYS
    )
    promised_limit_note = models.CharField(_("承诺时限说明"), max_length=300, blank=True)
    extension_days = models.PositiveIntegerField(_("可延长工作日"), default=10)
    visits_required = models.PositiveSmallIntegerField(_("到办事现场次数"), default=1)
    acceptance_conditions = models.TextField(_("受理条件"), blank=True)
    process_description = models.TextField(_("办理流程"), blank=True)
    handling_form = models.CharField(_("办理形式"), max_length=100, blank=True)
    anywhere_scope = models.CharField(
        _("通办范围"), max_length=6, choices=AnywhereScope.choices, default=AnywhereScope.NONE
    )
    online_depth = models.PositiveSmallIntegerField(
        _("网办深度"), choices=OnlineDepth.choices, default=OnlineDepth.INFORMATION
    )
    stationed = models.BooleanField(_("进驻大厅"), default=True)
    supports_appointment = models.BooleanField(_("支持预约办理"), default=False)
    supports_delivery = models.BooleanField(_("支持物流快递"), default=False)
    supports_online_payment = models.BooleanField(_("支持网上支付"), default=False)
    result_type = models.CharField(
        _("审批结果类型"), max_length=4, choices=ResultType.choices, default=ResultType.OTHER
    )
    result_name = models.CharField(_("审批结果名称"), max_length=120, blank=True)
    result_sample = models.FileField(_("审批结果样本"), upload_to="catalog/results/", blank=True)
    address = models.CharField(_("办理地点"), max_length=200, blank=True)
    office_hours = models.CharField(_("办理时间"), max_length=200, blank=True)
    consult_phone = models.CharField(_("咨询电话"), max_length=60, blank=True)
    complaint_phone = models.CharField(_("监督投诉电话"), max_length=60, blank=True)
    audience = models.CharField(_("服务对象"), max_length=12, choices=Audience.choices, default=Audience.BOTH)
    themes = models.ManyToManyField(Theme, blank=True, related_name="versions", verbose_name=_("主题"))

    # Derived at save by the catalog services, for search (jieba tokens, pinyin).
    search_text = models.TextField(blank=True, editable=False)
    pinyin_initials = models.CharField(max_length=200, blank=True, editable=False, db_index=True)
    pinyin_full = models.CharField(max_length=600, blank=True, editable=False)

    class Meta:
        ordering: ClassVar = ["item", "-number"]
        verbose_name = _("事项版本")
        verbose_name_plural = _("事项版本")
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["item", "number"], name="item_version_number_unique"),
            models.UniqueConstraint(fields=["item"], condition=Q(state="draft"), name="item_single_draft"),
        ]

    def __str__(self) -> str:
        return f"{self.name}（第{self.number}版）"

    @property
    def is_editable(self) -> bool:
        return self.state == self.State.DRAFT

    @property
    def issues_certificate(self) -> bool:
        """Whether an approval's result is made after the decision (制证: a licence, an approval document) before it
        is delivered. A result of another kind (a filing receipt, a notice of deregistration) is the decision itself:
        the case goes from the decision straight to delivery."""
        return self.result_type in (ResultType.LICENCE, ResultType.DOCUMENT)


class Material(models.Model):
    class Necessity(models.TextChoices):
        REQUIRED = "required", _("必要")
        CONDITIONAL = "conditional", _("容缺/情形必要")
        OPTIONAL = "optional", _("非必要")

    class Form(models.TextChoices):
        ORIGINAL = "original", _("原件")
        COPY = "copy", _("复印件")
        ELECTRONIC = "electronic", _("电子材料")

    class Source(models.TextChoices):
        APPLICANT = "applicant", _("申请人自备")
        ISSUING_DEPARTMENT = "issuing_department", _("发证部门出具")
        GOVERNMENT = "government", _("政府部门核发（共享获取）")

    version = models.ForeignKey(ItemVersion, on_delete=models.CASCADE, related_name="materials")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("材料名称"), max_length=200)
    necessity = models.CharField(_("必要性"), max_length=12, choices=Necessity.choices, default=Necessity.REQUIRED)
    condition = models.CharField(_("适用情形"), max_length=200, blank=True)
    form = models.CharField(_("材料形式"), max_length=12, choices=Form.choices, default=Form.ORIGINAL)
    copies = models.PositiveSmallIntegerField(_("份数"), default=1)
    paper_size = models.CharField(_("纸张规格"), max_length=10, blank=True, default="A4")
    source = models.CharField(_("来源渠道"), max_length=20, choices=Source.choices, default=Source.APPLICANT)
    blank_form = models.FileField(_("空白表格"), upload_to="catalog/forms/", blank=True)
    sample = models.FileField(_("示例样表"), upload_to="catalog/samples/", blank=True)
    filling_notes = models.TextField(_("填报须知"), blank=True)
    acceptance_standard = models.TextField(_("受理标准"), blank=True)
    legal_basis = models.TextField(_("依据"), blank=True)
    commitment_allowed = models.BooleanField(_("可告知承诺替代"), default=False)

    class Meta:
        ordering: ClassVar = ["version", "position", "pk"]
        verbose_name = _("申请材料")
        verbose_name_plural = _("申请材料")

    def __str__(self) -> str:
        return self.name


class Fee(models.Model):
    version = models.ForeignKey(ItemVersion, on_delete=models.CASCADE, related_name="fees")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("收费项目"), max_length=120)
    standard = models.CharField(_("收费标准"), max_length=200)
    basis = models.TextField(_("收费依据"), blank=True)
    reducible = models.BooleanField(_("可减免"), default=False)

    class Meta:
        ordering: ClassVar = ["version", "position", "pk"]
        verbose_name = _("收费")
        verbose_name_plural = _("收费")

    def __str__(self) -> str:
        return self.name


class SpecialProcedure(models.Model):
    version = models.ForeignKey(ItemVersion, on_delete=models.CASCADE, related_name="special_procedures")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("特别程序"), max_length=60)
    duration = models.CharField(_("一般时限"), max_length=60, blank=True)
    legal_basis = models.TextField(_("依据"), blank=True)
    stops_clock = models.BooleanField(_("不计入办理时限"), default=True)

    class Meta:
        ordering: ClassVar = ["version", "position", "pk"]
        verbose_name = _("特别程序")
        verbose_name_plural = _("特别程序")

    def __str__(self) -> str:
        return self.name


class ProcessStep(models.Model):
    version = models.ForeignKey(ItemVersion, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("环节名称"), max_length=40)
    role = models.CharField(_("办理角色"), max_length=24, choices=Role.choices)
    budget_days = models.PositiveSmallIntegerField(_("环节时限（工作日）"), default=0)

    class Meta:
        ordering: ClassVar = ["version", "position", "pk"]
        verbose_name = _("办理环节")
        verbose_name_plural = _("办理环节")

    def __str__(self) -> str:
        return self.name


class Faq(models.Model):
    version = models.ForeignKey(ItemVersion, on_delete=models.CASCADE, related_name="faqs")
    position = models.PositiveSmallIntegerField(default=0)
    question = models.CharField(_("问题"), max_length=200)
    answer = models.TextField(_("解答"))

    class Meta:
        ordering: ClassVar = ["version", "position", "pk"]
        verbose_name = _("常见问题")
        verbose_name_plural = _("常见问题")

    def __str__(self) -> str:
        return self.question


class ItemStationing(models.Model):
    """Per item and center: 两集中、两到位 — handled in the hall (进驻) and decided there (授权到位)."""

    item = models.ForeignKey(ServiceItem, on_delete=models.CASCADE, related_name="stationings")
    center = models.ForeignKey(Center, on_delete=models.CASCADE, related_name="item_stationings")
    moved_in = models.BooleanField(_("已进驻大厅"), default=True)
    authorised = models.BooleanField(_("已授权到位"), default=True)
    windows = models.ManyToManyField(Window, blank=True, related_name="item_stationings", verbose_name=_("受理窗口"))
    note = models.CharField(_("说明"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("事项进驻情况")
        verbose_name_plural = _("事项进驻情况")
        constraints: ClassVar = [models.UniqueConstraint(fields=["item", "center"], name="item_stationing_unique")]

    def __str__(self) -> str:
        return f"{self.item.code} @ {self.center}"
