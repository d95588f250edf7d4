"""Run every benchmark under bench/ (files named bench_*.py, each with a ``run() -> list[Table]``)."""

from __future__ import annotations

import importlib
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def main(selected: list[str]) -> int:
    import django

    django.setup()
    from bench.tables import print_table

    names = sorted(p.stem for p in (ROOT / "bench").glob("bench_*.py"))
    if selected:
        names = [n for n in names if any(s in n for s in selected)]
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        started = time.perf_counter()
        for table in module.run():
            print_table(table)
        print(f"({name}: {time.perf_counter() - started:.1f} s)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
