"""Domain errors: a stable code, a translatable Chinese message, the field at fault.

The API turns them into a 4xx JSON body ``{code, message, field}``; pages show them as form errors.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language, gettext


class DomainError(Exception):
    code = "invalid"
    status = 400

    def __init__(self, message: str, *, code: str | None = None, field: str | None = None) -> None:
        super().__init__(message)
        self.message = str(message)
        if code is not None:
            self.code = code
        self.field = field

    def as_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "message": self.message, "field": self.field}


class NotFound(DomainError):
    code = "not_found"
    status = 404


class AccessDenied(DomainError):
    code = "permission_denied"
    status = 403


class Conflict(DomainError):
    code = "conflict"
    status = 409


@dataclass(frozen=True)
class Problem:
    """One problem of many (a bad workbook row, a bad form field)."""

    message: str
    code: str = "invalid"
    field: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    index: int | None = None  # 0-based row of a child list (materials, steps …) the problem is about

    def location(self) -> str:
        parts = []
        if self.sheet:
            parts.append(gettext("工作表「%(sheet)s」") % {"sheet": self.sheet})
        if self.row:
            parts.append(gettext("第%(row)s行") % {"row": self.row})
        if self.column:
            parts.append(gettext("「%(column)s」列") % {"column": self.column})
        # Chinese writes the parts of a place together (工作表「事项」第3行); English separates them.
        return ("" if (get_language() or "zh").startswith("zh") else ", ").join(parts)

    def __str__(self) -> str:
        where = self.location()
        return gettext("%(where)s：%(message)s") % {"where": where, "message": self.message} if where else self.message


class ValidationFailed(DomainError):
    """Several problems at once; nothing was written."""

    code = "validation_failed"

    def __init__(self, problems: list[Problem], message: str | None = None) -> None:
        self.problems = problems
        first = problems[0] if problems else None
        super().__init__(
            message or (str(first) if first else gettext("数据校验未通过")),
            field=first.field if first else None,
        )
        if first is not None and len(problems) == 1:
            self.code = first.code
