from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from govhall.accounts.models import User
from govhall.catalog import workbook
from govhall.core.actors import Actor, system_actor
from govhall.core.errors import DomainError, ValidationFailed
from govhall.org.models import Role


class Command(BaseCommand):
    help = "从 Excel 工作簿导入政务服务事项目录：先校验整个工作簿，有任何问题则不导入（见 docs/catalog-workbook.md）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="要导入的 .xlsx 文件")
        parser.add_argument("--dry-run", action="store_true", help="只校验并报告将发生的变化，不写入")
        parser.add_argument(
            "--publish",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="--publish：状态为草稿的行也发布；--no-publish：只保存草稿，不发布、不改状态；默认按「状态」列",
        )
        parser.add_argument("--user", help="记入审计日志的用户名（默认记为系统进程 import_catalog）")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"文件不存在：{path}")
        actor = self._actor(options["user"])
        try:
            report = workbook.import_workbook(path, actor=actor, dry_run=options["dry_run"], publish=options["publish"])
        except ValidationFailed as failed:
            for problem in failed.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"工作簿 {path} 有 {len(failed.problems)} 处问题，未导入任何数据") from failed
        except DomainError as error:
            raise CommandError(error.message) from error
        done = "校验通过（试运行，未写入任何数据）" if options["dry_run"] else "导入完成"
        self.stdout.write(f"{done}：{report.summary()}")

    def _actor(self, username: str | None) -> Actor:
        if not username:
            return system_actor("import_catalog")
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"用户不存在：{username}")
        return Actor(user=user, role=Role.CENTER_MANAGER)
