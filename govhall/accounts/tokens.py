"""API tokens: issued once, stored as a SHA-256 hash, checked on every API request."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.db import transaction
from django.db.models import QuerySet
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


def token_for(raw: str, tokens: QuerySet[ApiToken] | None = None) -> ApiToken | None:
    """The live token ``raw`` names (not revoked, its user active), its user loaded; read afresh on every call,
    so a revocation takes effect on the next request. ``tokens`` lets a caller join more in the same query."""
    if not raw or len(raw) > 200:
        return None
    base = ApiToken.objects.all() if tokens is None else tokens
    token = base.select_related("user").filter(key_hash=hash_token(raw), revoked=False, user__is_active=True).first()
    if token is None:
        return None
    now = timezone.now()
    if token.last_used is None or now - token.last_used > _TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
    return token


def user_for_token(raw: str) -> User | None:
    token = token_for(raw)
    return token.user if token is not None else None
