from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """Everyone who logs in: staff now, applicants (persons, enterprises) with the online hall."""

    class Kind(models.TextChoices):
        STAFF = "staff", _("工作人员")
        PERSON = "person", _("自然人")
        ENTERPRISE = "enterprise", _("法人")

    kind = models.CharField(_("账户类型"), max_length=12, choices=Kind.choices, default=Kind.STAFF)
    display_name = models.CharField(_("姓名"), max_length=60, blank=True)
    phone = models.CharField(_("手机号"), max_length=20, blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = "用户"
        verbose_name_plural = "用户"

    def __str__(self) -> str:
        return self.display_name or self.username


class ApiToken(models.Model):
    """A bearer token for an API client. Only the SHA-256 of the token is kept; the token is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("名称"), max_length=80)
    key_hash = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(_("已吊销"), default=False)

    class Meta:
        verbose_name = "接口令牌"
        verbose_name_plural = "接口令牌"

    def __str__(self) -> str:
        return f"{self.user_id}:{self.name}"
