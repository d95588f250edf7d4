"""好差评: one rating per visit on site (一次一评), one per case online (一事一评)."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from govhall.cases.models import Case
from govhall.org.models import Center, Department, Window
from govhall.queueing.models import Device, Ticket


class Level(models.IntegerChoices):
    VERY_SATISFIED = 5, _("非常满意")
    SATISFIED = 4, _("满意")
    BASICALLY_SATISFIED = 3, _("基本满意")
    DISSATISFIED = 2, _("不满意")
    VERY_DISSATISFIED = 1, _("非常不满意")


BAD_LEVELS = (Level.DISSATISFIED, Level.VERY_DISSATISFIED)


class Channel(models.TextChoices):
    ONSITE = "onsite", _("现场评价")
    ONLINE = "online", _("网上评价")


class Evaluation(models.Model):
    channel = models.CharField(_("评价渠道"), max_length=8, choices=Channel.choices)
    level = models.PositiveSmallIntegerField(_("评价等级"), choices=Level.choices)
    is_bad = models.BooleanField(_("差评"), default=False)
    reasons = models.JSONField(_("差评原因"), default=list, blank=True)
    comment = models.TextField(_("意见"), blank=True)
    ticket = models.OneToOneField(Ticket, null=True, blank=True, on_delete=models.PROTECT, related_name="evaluation")
    case = models.OneToOneField(Case, null=True, blank=True, on_delete=models.PROTECT, related_name="evaluation")
    center = models.ForeignKey(Center, on_delete=models.PROTECT, related_name="evaluations")
    window = models.ForeignKey(Window, null=True, blank=True, on_delete=models.SET_NULL, related_name="evaluations")
    clerk = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="evaluations"
    )
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.SET_NULL, related_name="evaluations"
    )
    device = models.ForeignKey(Device, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # Who rated, for the bad-rating call-back (100 % of real-name bad ratings); consent to be contacted.
    rater_name = models.CharField(_("评价人"), max_length=120, blank=True)
    rater_id_number = models.CharField(_("评价人证件号码"), max_length=40, blank=True)
    rater_phone = models.CharField(_("评价人电话"), max_length=20, blank=True)
    contact_consent = models.BooleanField(_("同意回访"), default=False)
    created_at = models.DateTimeField(_("评价时间"))

    class Meta:
        ordering: ClassVar = ["-created_at", "-pk"]
        verbose_name = _("评价")
        verbose_name_plural = _("评价")
        constraints: ClassVar = [
            # 一次一评 / 一事一评: the one-to-one columns are unique; exactly one of them names the rated thing.
            models.CheckConstraint(
                condition=(Q(channel="onsite", ticket__isnull=False, case__isnull=True))
                | Q(channel="online", case__isnull=False, ticket__isnull=True),
                name="evaluation_rates_visit_or_case",
            ),
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=5), name="evaluation_level_range"),
        ]
        indexes: ClassVar = [
            models.Index(fields=["center", "created_at"], name="evaluation_center_idx"),
            models.Index(fields=["created_at"], name="evaluation_bad_idx", condition=Q(is_bad=True)),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.get_level_display()}"
