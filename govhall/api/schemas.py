from ninja import Schema
from pydantic import ConfigDict


class ErrorOut(Schema):
    code: str
    message: str
    field: str | None = None


class InputSchema(Schema):
    """A request body: a field the endpoint does not know is refused (400 ``unknown_parameter``), so that a misspelt
    one (``expected_revison``) is not silently ignored along with the check it asked for."""

    model_config = ConfigDict(extra="forbid")
