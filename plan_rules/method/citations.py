"""How plans cite their basis (MD003–MD005) and the method's own number: 《安全生产法》
第六十二条 (第五十九条 before the 2021 revision), and the method, 安监总政法〔2017〕150号, or
a province's rule implementing it.
"""
from __future__ import annotations

import re
from typing import Optional

# The method dates from 2017; its first plans are for 2018 (MD001).
FIRST_PLAN_YEAR = 2018
METHOD_NUMBER = ("安监总政法", 2017, 150)

_SAFETY_LAW = re.compile(r"安全生产法")
# The method, or a province's rule implementing it (渝安委〔2018〕3号 "…监督检查计划编制实施细则").
_METHOD = re.compile(r"150\s*号|安全生产年度监督检查计划编制|监督检查计划编制(?:办法|方法|实施细则|实施办法)")
_ARTICLE_59 = re.compile(r"第五十九条|第59条")
_METHOD_TITLE = re.compile(r"监督检查计划编制(?:办法|方法)")
_PROVINCIAL_RULE = re.compile(r"实施细则|实施办法|规定")
_DOCUMENT_NUMBER = re.compile(r"(?P<org>[\u4e00-\u9fff]{2,10})\s*[〔\[(（]\s*(?P<year>\d{4})\s*[〕\])）]\s*(?P<n>\d{1,4})\s*号")


def cites_safety_law(basis: list[str]) -> bool:
    return any(_SAFETY_LAW.search(citation) for citation in basis)


def cites_method(basis: list[str]) -> bool:
    return any(_METHOD.search(citation) for citation in basis)


def cites_article_59(basis: list[str]) -> bool:
    return any(_ARTICLE_59.search(citation) for citation in basis)


def wrong_method_number(basis: list[str]) -> Optional[str]:
    """The number a citation of the 150号 method gives it, when it is not 安监总政法〔2017〕150号
    (MD005): "安监总政法函〔2017〕150号", "安监总政法〔2016〕150号"."""
    for citation in basis:
        if not _METHOD_TITLE.search(citation) or _PROVINCIAL_RULE.search(citation):
            continue
        for match in _DOCUMENT_NUMBER.finditer(citation):
            printed = (match.group("org"), int(match.group("year")), int(match.group("n")))
            if printed != METHOD_NUMBER:
                return re.sub(r"\s", "", match.group())
    return None
