"""API tokens: issued once, stored as a SHA-256 hash, checked on every API request."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from govhall.accounts.models import ApiToken, User
from govhall.core import audit
from govhall.core.actors import system_actor
from govhall.core.errors import DomainError

PREFIX = "gh_"
# last_used is a hint for the token list, not an audit trail: write it at most once a minute per token.
_TOUCH_EVERY = datetime.timedelta(minutes=1)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def issue_token(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for ``user``; the raw token is returned here and nowhere else."""
    name = name.strip()
    if not name or len(name) > 80:
        raise DomainError("令牌名称应为1至80个字符", code="invalid_name", field="name")
    raw = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, key_hash=hash_token(raw))
    audit.record(actor=system_actor("create_api_token"), action="accounts.api_token.issued", obj=token, changes={})
    return token, raw


def touch(token_id: int, last_used: datetime.datetime | None) -> None:
    """Note when a token was last used, at most once a minute (not a write on every request)."""
    now = timezone.now()
    if last_used is None or now - last_used > _TOUCH_EVERY:
        ApiToken.objects.filter(pk=token_id).update(last_used=now)


def user_for_token(raw: str) -> User | None:
    """The active user a live token (not revoked) names; read afresh on every call."""
    if not raw or len(raw) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(raw), revoked=False, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    touch(token.pk, token.last_used)
    return token.user
