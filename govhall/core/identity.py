"""Identity numbers: resident ID (GB 11643) and unified social credit code (GB 32100), via python-stdnum.

The messages are Chinese (the API is); a page in English shows them in English."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from stdnum.cn import ric, uscc
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength, ValidationError

from govhall.core.errors import DomainError


class InvalidIdentity(DomainError):
    code = "invalid_identity"


def check_resident_id(value: str, *, field: str = "id_number") -> str:
    """The normalised 18-character ID, or InvalidIdentity with the reason in Chinese."""
    number = ric.compact(value or "").upper()
    if not number:
        raise InvalidIdentity(_("请填写身份证号码"), code="resident_id_required", field=field)
    try:
        return str(ric.validate(number))
    except InvalidLength:
        message, code = _("身份证号码应为18位"), "resident_id_length"
    except InvalidChecksum:
        message, code = _("身份证号码校验位不正确，请核对"), "resident_id_checksum"
    except (InvalidComponent, KeyError):  # stdnum 2.2 raises KeyError for an area code known only to its province
        message, code = _("身份证号码中的出生日期或地区码无效"), "resident_id_component"
    except (InvalidFormat, ValidationError):
        message, code = _("身份证号码格式不正确（前17位应为数字，末位为数字或X）"), "resident_id_format"
    raise InvalidIdentity(message, code=code, field=field)


@dataclass(frozen=True)
class CreditCodeCheck:
    number: str
    warning: str | None = None

    @property
    def ok(self) -> bool:
        return self.warning is None


def check_credit_code(value: str, *, field: str = "credit_code") -> CreditCodeCheck:
    """Format errors are refused; a failed check digit is only a warning (some real codes fail it)."""
    number = uscc.compact(value or "").upper()
    if not number:
        raise InvalidIdentity(_("请填写统一社会信用代码"), code="credit_code_required", field=field)
    try:
        return CreditCodeCheck(str(uscc.validate(number)))
    except InvalidLength:
        raise InvalidIdentity(_("统一社会信用代码应为18位"), code="credit_code_length", field=field) from None
    except InvalidChecksum:
        return CreditCodeCheck(number, _("统一社会信用代码校验位不符，请核对营业执照原件；确认无误可填写理由后继续"))
    except (InvalidFormat, InvalidComponent, ValidationError):
        raise InvalidIdentity(
            _("统一社会信用代码格式不正确（由数字和除 I、O、Z、S、V 外的大写字母组成）"),
            code="credit_code_format",
            field=field,
        ) from None


def accept_credit_code(value: str, *, override_reason: str = "", field: str = "credit_code") -> CreditCodeCheck:
    """What a service calls: a checksum warning passes only with the clerk's written reason."""
    result = check_credit_code(value, field=field)
    if result.warning and not override_reason.strip():
        raise InvalidIdentity(result.warning, code="credit_code_checksum", field=field)
    return result
