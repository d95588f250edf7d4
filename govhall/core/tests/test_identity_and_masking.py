import pytest

from govhall.core import masking
from govhall.core.actors import system_actor
from govhall.core.identity import InvalidIdentity, accept_credit_code, check_credit_code, check_resident_id
from govhall.core.models import AuditEntry

VALID_ID = "11010519491231002X"
VALID_USCC = "91110000600037341L"  # 中国石油天然气股份有限公司 (check digit valid)


def test_a_valid_resident_id_is_normalised():
    assert check_resident_id(" 11010519491231002x ") == VALID_ID


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("110105194912310021", "resident_id_checksum"),
        ("1101051949123100", "resident_id_length"),
        ("110105194913310021", "resident_id_component"),
        ("519901198004120318", "resident_id_component"),  # an area known only to its province (stdnum: KeyError)
        ("", "resident_id_required"),
    ],
)
def test_a_bad_resident_id_is_refused_with_a_reason(value, code):
    with pytest.raises(InvalidIdentity) as exc:
        check_resident_id(value)
    assert exc.value.code == code
    assert exc.value.field == "id_number"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in exc.value.message)


def test_a_valid_credit_code_passes_without_warning():
    assert check_credit_code(VALID_USCC).ok


def test_a_credit_code_with_a_bad_check_digit_is_only_a_warning_a_clerk_may_override():
    bad = VALID_USCC[:-1] + "M"
    result = check_credit_code(bad)
    assert result.warning and "校验位" in result.warning
    with pytest.raises(InvalidIdentity) as exc:
        accept_credit_code(bad)
    assert exc.value.code == "credit_code_checksum"
    assert accept_credit_code(bad, override_reason="营业执照原件核对无误").number == bad


def test_a_credit_code_of_the_wrong_shape_is_refused_even_with_a_reason():
    with pytest.raises(InvalidIdentity) as exc:
        accept_credit_code("91110000IOZSV7341L", override_reason="x")
    assert exc.value.code == "credit_code_format"
    with pytest.raises(InvalidIdentity):
        accept_credit_code("123", override_reason="x")


@pytest.mark.parametrize(
    ("func", "value", "expected"),
    [
        (masking.mask_id_number, "11010519491231002X", "1101**********002X"),
        (masking.mask_phone, "13912345678", "139****5678"),
        (masking.mask_phone, "0826-1234567", "0826-***4567"),
        (masking.mask_address, "四川省川东市清川县城关镇滨江路12号3栋501", "四川省川东市清川县城关镇****"),
        (masking.mask_address, "滨江路12号", "滨江路****"),
        (masking.mask_name, "张三", "张*"),
        (masking.mask_name, "欧阳娜娜", "欧***"),
        (masking.mask_id_number, "", ""),
    ],
)
def test_masking_hides_what_need_not_be_shown(func, value, expected):
    assert func(value) == expected


@pytest.mark.django_db
def test_revealing_a_full_number_is_logged_with_who_and_why():
    value = masking.reveal(
        actor=system_actor("window_clerk"),
        obj_type="cases.applicant",
        obj_id=7,
        field="id_number",
        value=VALID_ID,
        purpose="核验身份",
    )
    assert value == VALID_ID
    entry = AuditEntry.objects.get(action="core.personal_data.revealed")
    assert entry.changes == {"field": "id_number", "purpose": "核验身份"}
    assert VALID_ID not in str(entry.changes)
