from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from govhall.catalog import workbook
from govhall.catalog.models import ServiceItem


class Command(BaseCommand):
    help = "把政务服务事项目录导出为 Excel 工作簿（模板见 docs/catalog-workbook.md）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="要写入的 .xlsx 文件")
        parser.add_argument("--department", action="append", default=[], help="只导出该部门（部门编码）的事项；可重复")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        items = ServiceItem.objects.all()
        if options["department"]:
            items = items.filter(department__code__in=options["department"])
        try:
            count = workbook.export_workbook(path, items=items)
        except OSError as exc:
            raise CommandError(f"无法写入文件 {path}：{exc}") from exc
        self.stdout.write(f"已导出 {count} 个事项到 {path}")
