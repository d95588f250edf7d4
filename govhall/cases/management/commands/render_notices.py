from __future__ import annotations

import os
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from govhall.cases.notices import render_pending


class Command(BaseCommand):
    help = "渲染待生成的文书 PDF（GOVHALL_NOTICE_RENDERING=worker 时由工作进程运行；--loop 持续运行）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loop", action="store_true", help="持续运行，每隔 --interval 秒检查一次")
        parser.add_argument("--interval", type=float, default=0.5)
        parser.add_argument("--batch", type=int, default=100)
        parser.add_argument(
            "--idle",
            action="store_true",
            help="以空闲优先级运行（Linux SCHED_IDLE）：只用受理请求不用的 CPU，文书随后补齐，不会丢失",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["idle"]:
            # Below every nice level: the kernel runs this process only when no normal process wants the CPU, so
            # the answers to the window and the API come first and the PDFs follow in the gaps.
            if not hasattr(os, "SCHED_IDLE"):
                raise CommandError("--idle 需要 Linux 的 SCHED_IDLE 调度策略")
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
        while True:
            done = render_pending(limit=options["batch"])
            if done:
                self.stdout.write(f"已生成文书 {done} 份")
            if not options["loop"]:
                return
            if done < options["batch"]:
                time.sleep(options["interval"])
