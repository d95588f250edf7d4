"""Who calls the API: a bearer token (clients) or the page session (with CSRF), and in which role."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext
from ninja.security import HttpBearer
from ninja.security import SessionAuth as NinjaSessionAuth

from govhall.accounts.models import User
from govhall.accounts.tokens import hash_token, touch
from govhall.core.actors import Actor, client_ip
from govhall.core.errors import AccessDenied
from govhall.org.access import ROLE_LABELS, roles_of, staff_by_token
from govhall.org.models import Role

ROLE_HEADER = "X-Govhall-Role"
# Without the header, a user holding several roles acts in the first of these he holds.
ROLE_ORDER = (
    Role.WINDOW_CLERK,
    Role.APPROVER,
    Role.CHIEF_REPRESENTATIVE,
    Role.CENTER_MANAGER,
    Role.SUPERVISOR,
)


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        # The token, its user and his staff roles in one statement, read afresh: a revocation or a role taken
        # away applies to the very next request, in every worker.
        if not token or len(token) > 200:
            return None
        found = staff_by_token(hash_token(token))
        if found is None:
            return None
        token_id, last_used, user = found
        touch(token_id, last_used)
        request.user = user
        return user  # type: ignore[no-any-return]


class SessionAuth(NinjaSessionAuth):
    """The page's session (with its CSRF check), unless the request names a token: a client whose token is wrong
    or revoked is told so (401 ``not_authenticated``), not asked for a page's CSRF token."""

    def __call__(self, request: HttpRequest) -> Any:
        if request.headers.get("Authorization"):
            return None
        return super().__call__(request)


api_auth: list[Any] = [TokenAuth(), SessionAuth()]


def acting(request: HttpRequest, *preferred: str) -> Actor:
    """The actor for this request: the role named in ``X-Govhall-Role`` (one the user holds) or else the
    first of ``preferred`` he holds, or else his first role (the service then says which roles may act)."""
    user = request.user
    held = roles_of(user)
    if not held:
        raise AccessDenied(gettext("仅限工作人员使用"), code="staff_only")
    asked = request.headers.get(ROLE_HEADER, "").strip()
    if asked:
        if asked not in held:
            label = ROLE_LABELS.get(asked, asked)
            raise AccessDenied(
                gettext("您不具有「%(role)s」角色") % {"role": label}, code="role_not_held", field=ROLE_HEADER
            )
        role = asked
    else:
        role = next((r for r in (*preferred, *ROLE_ORDER) if r in held), sorted(held)[0])
    return Actor(user=user, role=role, client_ip=client_ip(request))  # type: ignore[arg-type]
