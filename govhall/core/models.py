from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from govhall.core.errors import DomainError


class AuditEntry(models.Model):
    """One append-only entry in the hash chain of one audited object (see docs/audit.md)."""

    chain = models.CharField(max_length=120)
    seq = models.PositiveIntegerField()
    action = models.CharField(max_length=80)  # indexed in Meta (db_index would add a pattern index on PostgreSQL)
    object_type = models.CharField(max_length=80)
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=200, blank=True)
    actor_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    actor_name = models.CharField(max_length=150, blank=True)
    actor_role = models.CharField(max_length=40, blank=True)
    client_ip = models.GenericIPAddressField(null=True, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField()
    prev_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("审计日志")
        verbose_name_plural = _("审计日志")
        constraints: ClassVar = [models.UniqueConstraint(fields=["chain", "seq"], name="audit_chain_seq_unique")]
        # No index on (object_type, object_id): an object's entries are its chain ("type:id"), found by the unique
        # (chain, seq) index; another index would only be paid for by every audited write.
        indexes: ClassVar = [models.Index(fields=["action"], name="audit_action_idx")]

    def __str__(self) -> str:
        return f"{self.chain}#{self.seq} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise DomainError("审计日志只能追加，不能修改", code="audit_append_only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise DomainError("审计日志只能追加，不能删除", code="audit_append_only")


class AuditDigest(models.Model):
    """A periodic seal over the heads of all chains, itself chained (catches removed histories)."""

    created_at = models.DateTimeField()
    heads = models.JSONField(default=dict)
    chain_count = models.PositiveIntegerField(default=0)
    entry_count = models.PositiveBigIntegerField(default=0)
    prev_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("审计摘要")
        verbose_name_plural = _("审计摘要")

    def __str__(self) -> str:
        return f"digest {self.pk} {self.hash[:12]}"


class CalendarDay(models.Model):
    """An administrator's entry on top of chinesecalendar: a holiday or a (调休) working day."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("休息日")
        WORKDAY = "workday", _("工作日")

    day = models.DateField(unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    note = models.CharField(max_length=100, blank=True)
    source = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["day"]
        verbose_name = _("节假日调整")
        verbose_name_plural = _("节假日调整")

    def __str__(self) -> str:
        return f"{self.day} {self.get_kind_display()}"


class CalendarYear(models.Model):
    """A year whose official State Council schedule an administrator has loaded."""

    year = models.PositiveSmallIntegerField(unique=True)
    source = models.CharField(max_length=200)
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering: ClassVar = ["year"]
        verbose_name = _("年度节假日安排")
        verbose_name_plural = _("年度节假日安排")

    def __str__(self) -> str:
        return f"{self.year}"


class CalendarRevision(models.Model):
    """Singleton counter bumped on each calendar change so every process reloads its cache."""

    revision = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"revision {self.revision}"


class WorkdayOrdinal(models.Model):
    """date → running count of working days, so SQL computes deadlines without loops."""

    day = models.DateField(primary_key=True)
    is_workday = models.BooleanField()
    ordinal = models.IntegerField(db_index=True)
    provisional = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("工作日序号")
        verbose_name_plural = _("工作日序号")

    def __str__(self) -> str:
        return f"{self.day} #{self.ordinal}"
