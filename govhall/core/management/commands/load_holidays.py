from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from govhall.core import calendar_services, workdays
from govhall.core.actors import system_actor
from govhall.core.errors import ValidationFailed


class Command(BaseCommand):
    help = "载入某年国务院办公厅节假日安排（见 docs/calendar.md 的文件格式）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--year", type=int, default=None, help="年份（文件中未写明时）")
        parser.add_argument("--source", default="", help="来源：通知文号（文件中未写明时）")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise CommandError(f"无法读取文件 {path}：{exc}") from exc
        year, source, entries, problems = calendar_services.parse_schedule(text)
        year = options["year"] or year
        source = options["source"] or source
        try:
            if problems:
                raise ValidationFailed(problems)
            calendar_services.load_holiday_schedule(
                year=year, entries=entries, source=source, actor=system_actor("load_holidays")
            )
        except ValidationFailed as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"文件 {path} 有 {len(exc.problems)} 处问题，未载入任何数据") from exc
        cal = workdays.get_calendar()
        holidays = sum(1 for e in entries if e.kind == "holiday")
        self.stdout.write(
            f"已载入 {year} 年节假日安排：休息 {holidays} 天，调休上班 {len(entries) - holidays} 天；"
            f"来源：{source}；{year} 年期限已转为正式（{cal.is_official(year) if year else False}）"
        )
