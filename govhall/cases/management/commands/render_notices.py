from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from govhall.cases.notices import render_pending


class Command(BaseCommand):
    help = "渲染待生成的文书 PDF（GOVHALL_NOTICE_RENDERING=worker 时由工作进程运行；--loop 持续运行）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loop", action="store_true", help="持续运行，每隔 --interval 秒检查一次")
        parser.add_argument("--interval", type=float, default=0.5)
        parser.add_argument("--batch", type=int, default=100)

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            done = render_pending(limit=options["batch"])
            if done:
                self.stdout.write(f"已生成文书 {done} 份")
            if not options["loop"]:
                return
            if done < options["batch"]:
                time.sleep(options["interval"])
