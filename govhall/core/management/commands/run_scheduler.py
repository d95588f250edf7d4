from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from govhall.core import jobs


class Command(BaseCommand):
    help = "定时任务进程：视为受理清扫、文书渲染、审计摘要等（--once 运行一次全部任务后退出，便于 cron）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="每个任务运行一次后退出")
        parser.add_argument("--job", action="append", default=[], help="只运行指定任务（可重复）")
        parser.add_argument("--list", action="store_true", help="列出已登记的任务")
        parser.add_argument("--tick", type=float, default=1.0, help="检查间隔（秒）")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["list"]:
            for job in jobs.JOBS.values():
                self.stdout.write(f"{job.name}\t每 {int(job.every.total_seconds())} 秒\t{job.description}")
            return
        unknown = [name for name in options["job"] if name not in jobs.JOBS]
        if unknown:
            raise CommandError(f"没有这个任务：{'、'.join(unknown)}（用 --list 查看）")
        chosen = [jobs.JOBS[name] for name in options["job"]] or list(jobs.JOBS.values())
        if options["once"]:
            failed = [outcome for outcome in map(jobs.run_job, chosen) if self._report(outcome)]
            if failed:
                raise CommandError(f"{len(failed)} 个任务失败")
            return
        last: dict[str, float] = {}
        self.stdout.write(f"定时任务进程已启动：{'、'.join(job.name for job in chosen)}")
        while True:
            now = time.monotonic()
            for job in jobs.due(last, now):
                if job in chosen:
                    last[job.name] = now
                    self._report(jobs.run_job(job))
            time.sleep(options["tick"])

    def _report(self, outcome: jobs.Outcome) -> bool:
        """Print one outcome; True when the job failed."""
        if outcome.error:
            self.stderr.write(f"任务 {outcome.job} 失败：{outcome.error}")
            return True
        if outcome.done:
            self.stdout.write(f"任务 {outcome.job}：处理 {outcome.done} 项")
        return False
