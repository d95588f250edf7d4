from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from govhall.core import audit


class Command(BaseCommand):
    help = "为所有审计链生成一份摘要（建议每日定时运行，并将摘要哈希抄送至库外保存）"

    def handle(self, *args: Any, **options: Any) -> None:
        digest = audit.seal_digest()
        self.stdout.write(
            f"审计摘要 #{digest.pk}：{digest.chain_count} 条链，{digest.entry_count} 条记录，哈希 {digest.hash}"
        )
