"""Cases (办件): one application for one item version, from receipt to archive."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from govhall.catalog.models import ItemVersion, Material, ServiceItem, Unit
from govhall.core.errors import DomainError
from govhall.org.models import Center, Department, Role, Window


class Channel(models.TextChoices):
    WINDOW = "window", _("窗口")
    ONLINE = "online", _("网上办事大厅")
    KIOSK = "kiosk", _("自助终端")
    AGENT = "agent", _("代办")
    VILLAGE = "village", _("村（社区）代办点")


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("已收件")
    SUPPLEMENT = "supplement", _("待补正")
    REFUSED = "refused", _("不予受理")
    IN_REVIEW = "in_review", _("审查中")
    SUSPENDED = "suspended", _("特别程序中")
    APPROVED = "approved", _("准予许可")
    DENIED = "denied", _("不予许可")
    CERTIFIED = "certified", _("已制证")
    DELIVERED = "delivered", _("已送达")
    CLOSED = "closed", _("已办结")
    ARCHIVED = "archived", _("已归档")
    WITHDRAWN = "withdrawn", _("已撤回")


OPEN_STATUSES = (Status.SUBMITTED, Status.SUPPLEMENT, Status.IN_REVIEW, Status.SUSPENDED)
# Where the next move is the window's: accept or ask for 补正, wait for the 补正, make the certificate, deliver, close.
WINDOW_STATUSES = (
    Status.SUBMITTED,
    Status.SUPPLEMENT,
    Status.APPROVED,
    Status.DENIED,
    Status.CERTIFIED,
    Status.DELIVERED,
)


class DeliveryMethod(models.TextChoices):
    """How a result reaches the applicant, as a 送达回证 records it."""

    DIRECT = "direct", _("直接送达")  # collected at the window
    POST = "post", _("邮寄送达")  # by post (EMS): the address and the tracking number
    ELECTRONIC = "electronic", _("电子送达")  # to the applicant's account in the online hall
    ENTRUSTED = "entrusted", _("委托送达")  # through another office, e.g. the applicant's village point


class ApplicantKind(models.TextChoices):
    PERSON = "person", _("自然人")
    ENTERPRISE = "enterprise", _("法人或其他组织")


class IdKind(models.TextChoices):
    RESIDENT_ID = "resident_id", _("居民身份证")
    CREDIT_CODE = "credit_code", _("统一社会信用代码")
    PASSPORT = "passport", _("护照")
    OTHER = "other", _("其他证件")


class ReceiptCounter(models.Model):
    """Last receipt sequence per center and day; incremented under a row lock so numbers are gapless."""

    center = models.ForeignKey(Center, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints: ClassVar = [models.UniqueConstraint(fields=["center", "day"], name="receipt_counter_unique")]

    def __str__(self) -> str:
        return f"{self.center_id} {self.day} #{self.last}"


class Case(models.Model):
    # Unique by constraints, not ``unique=True``: on PostgreSQL that also builds a pattern index per column (for LIKE
    # 'x%'), which no query uses and every write pays for (see Meta).
    receipt_number = models.CharField(_("受理编号"), max_length=40)
    idempotency_key = models.CharField(max_length=80, null=True, blank=True)
    item = models.ForeignKey(ServiceItem, on_delete=models.PROTECT, related_name="cases")
    # No index of their own on item version, receiving center and window: no query looks cases up by them (a case's
    # version, center and window are read from the case), and a status change, which never updates in place (HOT)
    # because status is indexed, writes an entry into every index of the table. Deleting one of those rows scans the
    # cases instead: a version or a center is refused while cases name it; a window is switched off (Window.active),
    # not deleted, by the pages, and if deleted all the same it is cleared from its cases (SET_NULL).
    item_version = models.ForeignKey(ItemVersion, on_delete=models.PROTECT, related_name="cases", db_index=False)
    channel = models.CharField(_("受理渠道"), max_length=10, choices=Channel.choices)
    receiving_center = models.ForeignKey(
        Center, on_delete=models.PROTECT, related_name="received_cases", db_index=False
    )
    # Indexed first in case_department_status_idx (see Meta), not on its own.
    deciding_department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="cases", db_index=False)
    window = models.ForeignKey(
        Window, null=True, blank=True, on_delete=models.SET_NULL, related_name="cases", db_index=False
    )
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.SUBMITTED)
    # Bumped by every write: two clerks acting at once, the second gets a conflict (409), not a half state.
    revision = models.PositiveIntegerField(default=0)

    applicant_kind = models.CharField(_("申请人类型"), max_length=12, choices=ApplicantKind.choices)
    applicant_name = models.CharField(_("申请人"), max_length=120)
    applicant_id_kind = models.CharField(_("证件类型"), max_length=12, choices=IdKind.choices)
    applicant_id_number = models.CharField(_("证件号码"), max_length=40)
    applicant_phone = models.CharField(_("联系电话"), max_length=20, blank=True)
    applicant_address = models.CharField(_("联系地址"), max_length=200, blank=True)
    credit_code_override = models.CharField(_("信用代码校验说明"), max_length=200, blank=True)
    agent_name = models.CharField(_("代理人"), max_length=60, blank=True)
    agent_id_number = models.CharField(_("代理人证件号码"), max_length=40, blank=True)
    agent_phone = models.CharField(_("代理人电话"), max_length=20, blank=True)
    form_data = models.JSONField(_("申请表数据"), default=dict, blank=True)

    received_on = models.DateField(_("收件日期"))
    accepted_on = models.DateField(_("受理日期"), null=True, blank=True)
    deemed_accepted = models.BooleanField(_("视为受理"), default=False)
    # The clock, as derived by govhall.cases.clock (stored so lists and SQL need not recompute).
    limit_unit = models.CharField(max_length=14, choices=Unit.choices, default=Unit.WORKING_DAYS)
    legal_limit = models.PositiveIntegerField(default=0)
    promised_limit = models.PositiveIntegerField(default=0)
    extension_days = models.PositiveIntegerField(default=0)
    paused_days = models.PositiveIntegerField(default=0)
    legal_deadline = models.DateField(_("法定期限"), null=True, blank=True)
    promised_deadline = models.DateField(_("承诺期限"), null=True, blank=True, db_index=True)
    deadline_provisional = models.BooleanField(_("期限为暂定"), default=False)
    decided_on = models.DateField(_("决定日期"), null=True, blank=True)
    # Art. 44: a licence granted is issued and delivered within 10 working days of the decision (set on approval).
    delivery_deadline = models.DateField(_("送达期限"), null=True, blank=True)
    delivered_on = models.DateField(_("送达日期"), null=True, blank=True)
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering: ClassVar = ["-received_on", "-pk"]
        verbose_name = _("办件")
        verbose_name_plural = _("办件")
        indexes: ClassVar = [
            models.Index(
                fields=["status", "promised_deadline"],
                name="case_open_deadline_idx",
                condition=Q(status__in=[s.value for s in OPEN_STATUSES]),
            ),
            models.Index(fields=["deciding_department", "status"], name="case_department_status_idx"),
            # The window's work list (``selectors.window_work``): a center's cases waiting at its windows.
            models.Index(
                fields=["receiving_center", "status"],
                name="case_window_work_idx",
                condition=Q(status__in=[s.value for s in WINDOW_STATUSES]),
            ),
        ]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["receipt_number"], name="case_receipt_number_unique"),
            # Only API submits carry a key: the cases without one are not in the index (nor is their every write).
            models.UniqueConstraint(
                fields=["idempotency_key"],
                name="case_idempotency_key_unique",
                condition=Q(idempotency_key__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.receipt_number


class CaseMaterial(models.Model):
    class State(models.TextChoices):
        RECEIVED = "received", _("已收取")
        MISSING = "missing", _("缺少")
        COMMITMENT = "commitment", _("告知承诺替代")

    # Indexed first in casematerial_case_material_idx (see Meta), not on its own.
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="materials", db_index=False)
    material = models.ForeignKey(Material, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("材料名称"), max_length=200)
    state = models.CharField(_("收取情况"), max_length=12, choices=State.choices)
    form = models.CharField(_("形式"), max_length=12, choices=Material.Form.choices, default=Material.Form.ORIGINAL)
    file = models.FileField(upload_to="cases/materials/%Y/%m/", blank=True)
    sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering: ClassVar = ["case", "pk"]
        # A case's materials are read by case, and acceptance asks whether some of them are missing: one index on
        # both gives the planner a path better than the material's side (every case that used that material), which
        # it took on a database analyzed while empty. material_id keeps its own index for PROTECT.
        indexes: ClassVar = [models.Index(fields=["case", "material"], name="casematerial_case_material_idx")]

    def __str__(self) -> str:
        return self.name


class Task(models.Model):
    """One approver's work on one review step; several tasks of one step run in parallel (会签 / 或签)."""

    class State(models.TextChoices):
        OPEN = "open", _("待办")
        DONE = "done", _("已办")
        CANCELLED = "cancelled", _("已取消")
        RETURNED = "returned", _("已退回")

    class Mode(models.TextChoices):
        SINGLE = "single", _("单人办理")
        ALL = "all", _("会签")
        ANY = "any", _("或签")

    # Indexed first in task_case_state_idx (see Meta), not on its own.
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks", db_index=False)
    step_position = models.PositiveSmallIntegerField()
    step_name = models.CharField(_("环节"), max_length=40)
    role = models.CharField(_("办理角色"), max_length=24, choices=Role.choices)
    # Tasks are read by case, or while open by pool, assignee and delegate (the partial indexes in Meta); the users
    # and departments they name are not indexed on their own, so a step's writes maintain fewer indexes.
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="tasks", db_index=False)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="tasks", db_index=False
    )
    mode = models.CharField(max_length=8, choices=Mode.choices, default=Mode.SINGLE)
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    budget_days = models.PositiveSmallIntegerField(default=0)
    started_on = models.DateField()
    due_on = models.DateField()
    finished_at = models.DateTimeField(null=True, blank=True)
    finished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    opinion = models.TextField(_("意见"), blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    # 委托: a colleague acting for the assignee, who stays responsible; the assignee may take it back.
    delegate = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="delegated_tasks",
        db_index=False,
    )

    class Meta:
        ordering: ClassVar = ["case", "step_position", "pk"]
        indexes: ClassVar = [
            # Every step asks for a case's open tasks. On (case, state), that is one index range of a few entries;
            # on the case alone the planner may AND it with the open-pool index, which also holds the entries of
            # every task closed since the last VACUUM (thousands on a busy day). A state change rewrites the
            # index entries anyway (the partial indexes below name state), so the second column costs nothing.
            models.Index(fields=["case", "state"], name="task_case_state_idx"),
            models.Index(fields=["department", "role"], name="task_open_pool_idx", condition=Q(state="open")),
            models.Index(fields=["assignee"], name="task_open_assignee_idx", condition=Q(state="open")),
            models.Index(fields=["delegate"], name="task_open_delegate_idx", condition=Q(state="open")),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.step_name}"


class Suspension(models.Model):
    """A special procedure (特别程序); when it stops the clock, the deadlines move (Art. 45)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="suspensions")
    name = models.CharField(_("特别程序"), max_length=60)
    stops_clock = models.BooleanField(default=True)
    expected_duration = models.CharField(_("预计时长"), max_length=60, blank=True)
    legal_basis = models.TextField(blank=True)
    started_on = models.DateField()
    resumed_on = models.DateField(null=True, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering: ClassVar = ["case", "started_on", "pk"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["case"], condition=Q(resumed_on__isnull=True), name="one_open_suspension"),
        ]

    def __str__(self) -> str:
        return self.name


class Extension(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="extensions")
    days = models.PositiveSmallIntegerField()
    reason = models.TextField()
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approved_on = models.DateField()

    def __str__(self) -> str:
        return f"+{self.days}"


class CaseEvent(models.Model):
    """The case's timeline: every action, who, when, the status before and after."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=40)
    from_status = models.CharField(max_length=12, blank=True)
    to_status = models.CharField(max_length=12, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_role = models.CharField(max_length=40, blank=True)
    at = models.DateTimeField()
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering: ClassVar = ["case", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.action}"


class NoticeKind(models.TextChoices):
    ACCEPTANCE = "acceptance", _("受理通知书")
    REFUSAL = "refusal", _("不予受理通知书")
    SUPPLEMENT = "supplement", _("补正材料通知书")
    SPECIAL_PROCEDURE = "special_procedure", _("特别程序告知书")
    EXTENSION = "extension", _("延期告知书")
    APPROVAL = "approval", _("准予行政许可决定书")
    DENIAL = "denial", _("不予行政许可决定书")
    SERVICE_RECEIPT = "service_receipt", _("送达回证")


class NoticeCounter(models.Model):
    """Last document number per department, kind and year; incremented under a row lock (gapless)."""

    department = models.ForeignKey(Department, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=NoticeKind.choices)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["department", "kind", "year"], name="notice_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.department_id} {self.kind} {self.year} #{self.last}"


class Notice(models.Model):
    """A written notice or decision as issued: the PDF is stored once and never rewritten."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="notices")
    kind = models.CharField(_("文书类型"), max_length=20, choices=NoticeKind.choices)
    # Given when the notice is issued, or (GOVHALL_NOTICE_RENDERING = "worker") when the worker renders it: the
    # number is printed on the PDF, and numbering in the worker's transaction keeps the action's write one statement.
    number = models.CharField(_("文书编号"), max_length=60, null=True, blank=True)  # unique: see Meta
    issued_on = models.DateField(_("日期"))
    file = models.FileField(upload_to="notices/%Y/", blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    token = models.CharField(max_length=40)  # unique: see Meta
    # What the notice says, fixed in the action's transaction; the PDF may be rendered later by a worker.
    content = models.JSONField(default=dict, blank=True)
    rendered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["case", "created_at", "pk"]
        indexes: ClassVar = [
            models.Index(fields=["created_at"], name="notice_pending_idx", condition=models.Q(rendered_at=None)),
        ]
        constraints: ClassVar = [  # constraints, not unique=True: no pattern index (see Case)
            models.UniqueConstraint(fields=["number"], name="notice_number_unique"),
            models.UniqueConstraint(fields=["token"], name="notice_token_unique"),
        ]
        verbose_name = _("文书")
        verbose_name_plural = _("文书")

    def __str__(self) -> str:
        return self.number or str(_("文书编号待生成"))

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise DomainError("已出具的文书不能修改", code="notice_immutable")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise DomainError("已出具的文书不能删除", code="notice_immutable")

    @property
    def is_rendered(self) -> bool:
        return self.rendered_at is not None
