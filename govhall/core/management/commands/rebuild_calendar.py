from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from govhall.core import calendar_services, workdays


class Command(BaseCommand):
    help = "重建工作日序号表（升级 chinesecalendar 后运行）"

    def handle(self, *args: Any, **options: Any) -> None:
        workdays.invalidate()
        cal = workdays.get_calendar()
        calendar_services.rebuild_workday_table(cal)
        years = sorted(cal.official_years)
        self.stdout.write(f"工作日序号表已重建；正式日历年份：{years[0]}–{years[-1]}（共 {len(years)} 年）")
