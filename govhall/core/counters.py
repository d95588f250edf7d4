"""Gapless counters (receipt numbers, document numbers, queue tickets): one row per series, bumped in place."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, connections, models, router, transaction


def increment(model: type[models.Model], **key: Any) -> int:
    """Add one to the ``last`` column of the counter row named by ``key`` (created at 1 on first use).

    Must run inside the transaction that uses the number: the UPDATE holds the row lock until commit, so
    concurrent callers queue here, and a rollback returns the number (no gaps, no duplicates)."""
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    columns: dict[str, Any] = {}
    for name, value in key.items():
        field = model._meta.get_field(name)
        assert isinstance(field, models.Field) and field.column
        columns[field.column] = value.pk if isinstance(value, models.Model) else value
    where = " AND ".join(f"{quote(column)} = %s" for column in columns)
    # UPDATE … RETURNING: the increment and the read in one round trip.
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {quote(model._meta.db_table)} SET last = last + 1 WHERE {where} RETURNING last",
            list(columns.values()),
        )
        row = cursor.fetchone()
    if row is not None:
        return int(row[0])
    try:
        with transaction.atomic():
            model._default_manager.create(**key, last=1)
        return 1
    except IntegrityError:  # a concurrent first use created the row
        return increment(model, **key)
