"""Who acts: every service call names the actor, the role it acts in and where from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.http import HttpRequest

    from govhall.accounts.models import User


@dataclass(frozen=True)
class Actor:
    user: User | None
    role: str
    client_ip: str | None = None

    @property
    def user_id(self) -> int | None:
        return self.user.pk if self.user is not None else None

    @property
    def name(self) -> str:
        if self.user is None:
            return f"system:{self.role}"
        return self.user.display_name or self.user.get_username()


def system_actor(process: str = "system") -> Actor:
    return Actor(user=None, role=process, client_ip=None)


def client_ip(request: HttpRequest) -> str | None:
    forwarded: Any = request.META.get("HTTP_X_FORWARDED_FOR")
    if forwarded:
        return str(forwarded).split(",")[0].strip() or None
    addr = request.META.get("REMOTE_ADDR")
    return str(addr) if addr else None


def actor_from_request(request: HttpRequest, role: str) -> Actor:
    user = request.user if request.user.is_authenticated else None
    return Actor(user=user, role=role, client_ip=client_ip(request))  # type: ignore[arg-type]
