from ninja import Schema


class ErrorOut(Schema):
    code: str
    message: str
    field: str | None = None
