"""Search text for items: jieba word segmentation for Chinese keywords, pinyin for `yyzz` → 营业执照."""

from __future__ import annotations

import functools
import logging
import re

from pypinyin import Style, lazy_pinyin

_WORD = re.compile(r"[\w\u4e00-\u9fff]+")


@functools.cache
def _jieba():  # type: ignore[no-untyped-def]
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def tokens(text: str) -> list[str]:
    """Search-engine style segmentation: 食品经营许可 → 食品, 经营, 许可, 食品经营许可 …"""
    out: list[str] = []
    for token in _jieba().cut_for_search(text or ""):
        token = token.strip().lower()
        if token and _WORD.fullmatch(token) and token not in out:
            out.append(token)
    return out


def query_tokens(query: str) -> list[str]:
    """Tokens of a user's query; single characters are kept only if the query is one character."""
    words = [t for t in tokens(query) if len(t) > 1]
    return words or [t for t in tokens(query) if t]


def pinyin_initials(text: str) -> str:
    return "".join(p[0] for p in lazy_pinyin(text, style=Style.FIRST_LETTER, errors="ignore") if p).lower()


def pinyin_full(text: str) -> str:
    return "".join(lazy_pinyin(text, errors="ignore")).lower()


def looks_like_pinyin(query: str) -> bool:
    return bool(re.fullmatch(r"[a-zA-Z]{2,40}", query.strip()))
