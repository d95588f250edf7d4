from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from govhall.cases.models import Case
from govhall.catalog.models import ServiceItem
from govhall.demo.hall import DEMO_DEVICES
from govhall.demo.history import HISTORY_CASES
from govhall.demo.loader import DEMO_PASSWORD, LOGIN_ROLES, load_demo
from govhall.demo.showcase import showcase_cases
from govhall.org.models import Department, Window
from govhall.queueing.models import DeviceKind


class Command(BaseCommand):
    help = "载入演示县（清川县）：三级中心、部门、窗口、人员、事项目录。可重复运行，不会重复写入。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-history", dest="history", action="store_false", help="不载入一年的历史办件 (skip the case history)"
        )
        parser.add_argument(
            "--history-cases", type=int, default=HISTORY_CASES, help=f"历史办件数量（默认 {HISTORY_CASES}）"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        database = settings.DATABASES["default"]
        self.stdout.write(f"数据库：{database['ENGINE'].rsplit('.', 1)[-1]} {database.get('NAME')}")
        started = time.perf_counter()
        report = load_demo(history=options["history"], history_cases=options["history_cases"])
        if report.created:
            added = "，".join(f"{k} {v}" for k, v in sorted(report.created.items()))
            self.stdout.write(f"新增：{added}（{time.perf_counter() - started:.1f} 秒）")
        else:
            self.stdout.write("演示数据已存在，未重复写入。")
        self.stdout.write(
            f"现有：部门 {Department.objects.count()}，窗口 {Window.objects.count()}，"
            f"事项 {ServiceItem.objects.count()}，办件 {Case.objects.count()}"
        )
        self.stdout.write("")
        self.stdout.write("演示账号 Demo logins  (http://127.0.0.1:8000/manage/login/)")
        for username, role in LOGIN_ROLES:
            self.stdout.write(f"  {username:<11} / {DEMO_PASSWORD}   {role}")
        self.stdout.write("  办事指南 Public guides: http://127.0.0.1:8000/   网上预约 appointments: /appointments/")
        showcase = showcase_cases()
        if showcase:
            self.stdout.write("")
            self.stdout.write(
                "并联审批 / 委托 / 撤回 示例办件 Step operations (approver / chief: 待办 http://127.0.0.1:8000/manage/inbox/,"
                " 办件 /manage/cases/<受理编号>/)"
            )
            for receipt, shows in showcase:
                self.stdout.write(f"  {receipt}  {shows}")
        self.stdout.write("")
        self.stdout.write("大厅设备 Hall devices (open each in its own browser window)")
        self.stdout.write("  大屏 display board:       http://127.0.0.1:8000/hall/board/QC/")
        for kind, name, _window, token in DEMO_DEVICES:
            label = "自助终端 kiosk:          " if kind == DeviceKind.KIOSK else "评价器 evaluation tablet:"
            self.stdout.write(f"  {label} http://127.0.0.1:8000/hall/setup/#{token}   ({name})")
        self.stdout.write("  叫号 window console:      http://127.0.0.1:8000/manage/hall/console/  (clerk, window 01)")
