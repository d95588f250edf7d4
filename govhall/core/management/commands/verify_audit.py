from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from govhall.core import audit
from govhall.core.models import AuditDigest, AuditEntry


class Command(BaseCommand):
    help = "校验审计日志哈希链与审计摘要；发现篡改或删除时以非零状态退出"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--all", action="store_true", help="列出全部问题（默认只列第一处）")

    def handle(self, *args: Any, **options: Any) -> None:
        problems = audit.verify()
        entries = AuditEntry.objects.count()
        digests = AuditDigest.objects.count()
        if not problems:
            self.stdout.write(f"审计日志完整：{entries} 条记录，{digests} 份摘要，未发现篡改或删除。")
            return
        self.stderr.write(f"审计日志校验失败：共 {len(problems)} 处问题。第一处：{problems[0]}")
        if options["all"]:
            for problem in problems[1:]:
                self.stderr.write(f"  {problem}")
        raise SystemExit(1)
