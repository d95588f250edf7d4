from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from govhall.accounts.models import User
from govhall.accounts.tokens import issue_token
from govhall.core.errors import DomainError


class Command(BaseCommand):
    help = "Issue an API token for USERNAME; the token is printed once and cannot be shown again."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("name")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"no user {options['username']!r}")
        try:
            _, raw = issue_token(user=user, name=options["name"])
        except DomainError as exc:
            raise CommandError(exc.message) from None
        self.stdout.write(raw)
