"""A separate PostgreSQL database for the case benchmarks, so the developer's own database is never touched."""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.db import connections

BENCH_DATABASE = "govhall_bench_cases"


def is_postgresql() -> bool:
    return bool(connections["default"].vendor == "postgresql")


def use_bench_database(name: str = BENCH_DATABASE) -> str:
    """Create ``name`` on the configured server if missing, point the default connection at it, migrate."""
    conn = connections["default"]
    if conn.settings_dict["NAME"] != name:
        with conn.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                cursor.execute(f'CREATE DATABASE "{name}"')
        conn.close()
        # The same dict backs settings.DATABASES and the connection handler; set both to be sure.
        settings.DATABASES["default"]["NAME"] = name
        conn.settings_dict["NAME"] = name
    call_command("migrate", interactive=False, verbosity=0)
    return name


def tidy() -> None:
    """What autovacuum does in a running database (and is off on some machines, e.g. this one's PostgreSQL): clear
    the dead rows earlier runs left and give the planner fresh statistics, so runs start alike."""
    with connections["default"].cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
