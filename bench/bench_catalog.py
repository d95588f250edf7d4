"""The catalog as its users meet it: guide search, the guide page, the Excel workbook (demo county)."""

from __future__ import annotations

import io
import statistics
import time
from collections.abc import Callable

from bench.tables import Table


def _timed(fn: Callable[[], object], repeat: int) -> list[float]:
    fn()  # warm up (jieba's dictionary, template loading)
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def _row(name: str, samples: list[float]) -> list[object]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return [name, len(samples), statistics.median(samples), p95, 1000 / statistics.mean(samples)]


def run() -> list[Table]:
    from django.test import Client

    from govhall.catalog import selectors, workbook
    from govhall.catalog.models import ServiceItem
    from govhall.core.actors import system_actor
    from govhall.demo.loader import load_demo

    load_demo(history=False)
    items = ServiceItem.objects.count()
    code = ServiceItem.objects.filter(current_version__name__contains="食品经营许可").values_list("code", flat=True)[0]
    client = Client()
    buffer = io.BytesIO()

    def export() -> None:
        buffer.seek(0)
        buffer.truncate()
        workbook.export_workbook(buffer)

    export()
    data = buffer.getvalue()
    rows = [
        _row("search 'yyzz' (pinyin initials)", _timed(lambda: selectors.search_versions("yyzz"), 200)),
        _row("search '食品 许可' (jieba)", _timed(lambda: selectors.search_versions("食品 许可"), 200)),
        _row("GET /guides/search?q=营业执照", _timed(lambda: client.get("/guides/search", {"q": "营业执照"}), 100)),
        _row("GET /guides/<code>/ (full guide)", _timed(lambda: client.get(f"/guides/{code}/"), 100)),
        _row("GET / (home)", _timed(lambda: client.get("/"), 100)),
        _row(f"export workbook ({items} items)", _timed(export, 5)),
        _row(
            f"import workbook, dry run ({items} items)",
            _timed(lambda: workbook.import_workbook(io.BytesIO(data), actor=system_actor("bench"), dry_run=True), 5),
        ),
    ]
    return [
        Table(
            f"Catalog operations on the demo county ({items} items)",
            ["operation", "runs", "p50 ms", "p95 ms", "per second"],
            rows,
            note="In-process (Django test client, no network); database as configured by DATABASE_URL.",
        )
    ]
