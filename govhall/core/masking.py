"""Masking of personal information for display and export (PIPL, GB/T 35273): the one place."""

from __future__ import annotations

import re

from django.db import transaction

from govhall.core import audit
from govhall.core.actors import Actor


def mask_id_number(value: str | None) -> str:
    """110101199003074514 → 1101**********4514 (region prefix and last four kept)."""
    if not value:
        return ""
    text = value.strip()
    if len(text) <= 8:
        return "*" * len(text)
    return text[:4] + "*" * (len(text) - 8) + text[-4:]


def mask_phone(value: str | None) -> str:
    """13912345678 → 139****5678; 0826-1234567 → 0826-***4567."""
    if not value:
        return ""
    text = value.strip()
    digits = re.sub(r"\D", "", text)
    if len(digits) == 11 and digits.startswith("1"):
        return digits[:3] + "****" + digits[-4:]
    if "-" in text:
        area, _, local = text.partition("-")
        return area + "-" + "*" * max(len(local) - 4, 0) + local[-4:]
    if len(text) <= 4:
        return "*" * len(text)
    return "*" * (len(text) - 4) + text[-4:]


def mask_address(value: str | None) -> str:
    """Keep the administrative part (down to township / street office), hide the rest."""
    if not value:
        return ""
    text = value.strip()
    head = ""
    for m in re.finditer(r"(?:省|自治区|市|州|盟|区|县|旗|镇|乡|街道)", text):
        if m.end() > 20:
            break
        head = text[: m.end()]
    if not head:
        head = text[:3]
    return head + "****" if len(head) < len(text) else head


def mask_name(value: str | None) -> str:
    """张三 → 张*；欧阳娜娜 → 欧***."""
    if not value:
        return ""
    text = value.strip()
    return text[0] + "*" * (len(text) - 1) if len(text) > 1 else "*"


@transaction.atomic
def reveal(*, actor: Actor, obj_type: str, obj_id: object, field: str, value: str, purpose: str) -> str:
    """Return the full value and log who read it, for what (PIPL: access to full personal data is logged)."""
    audit.record(
        actor=actor,
        action="core.personal_data.revealed",
        obj=(obj_type, obj_id),
        changes={"field": field, "purpose": purpose},
    )
    return value
