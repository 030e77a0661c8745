"""Who may issue a plan under the method (150号 第二条: county-level and higher work-safety
departments), decided from the issuer's name alone, so that a plan read from a document and
the same plan written as YAML are judged alike (MD002).
"""
from __future__ import annotations

import re

# Departments whose plans the method governs: emergency management (formerly work safety)
# bureaus and their enforcement brigades.
SAFETY_AGENCY = (r"(?:应急管理局(?:综合(?:行政)?执法(?:大队|支队|总队))?|应急管理厅|应急管理部|应急管理委员会|应急局"
                 r"|安全生产监督管理局|安全生产监督管理厅|安监局|应急管理办公室|安全生产委员会办公室"
                 r"|应急管理(?:综合)?(?:行政)?执法(?:大队|支队|总队))")
# Any department name's ending, for issuers outside emergency management (交通运输局, 民政局).
DEPARTMENT = r"(?:局|厅|委员会|办公室|中心|执法大队|执法支队|执法总队)"
_SAFETY = re.compile(SAFETY_AGENCY + "$")
# The last administrative division named before the department decides the level (150号
# 第二条 covers county level and above). Development zones and streets are outside its scope.
_LEVELS = (
    (re.compile(r"(?:开发区|园区|高新区|工业区|产业园|示范区|试验区)(?:管理委员会|管委会)?$"), "zone"),
    (re.compile(r"街道(?:办事处)?$"), "street"),
    (re.compile(r"(?:乡|镇)(?:人民政府)?$"), "township"),
    (re.compile(r"(?:北京|天津|上海|重庆)市$"), "province"),
    (re.compile(r"(?:区|县|旗|自治县|自治旗|特区|林区)$"), "county"),
    (re.compile(r"(?:市|自治州|地区|盟)$"), "city"),
    (re.compile(r"(?:省|自治区)$"), "province"),
)
OUT_OF_SCOPE_LEVELS = ("township", "street", "zone")
_DIVISION = re.compile(r"(?:开发区|园区|高新区|街道|自治区|自治州|自治县|省|市|地区|盟|区|县|旗|乡|镇)")


def issuer_level(name: str) -> str:
    """national, province, city, county, township, street, zone or unknown."""
    if name.endswith("应急管理部"):
        return "national"
    if name.endswith("厅"):
        return "province"
    safety = _SAFETY.search(name)
    if safety:
        divisions = name[:safety.start()]
    else:                                   # "泰州市姜堰区" + "交通运输局"
        last = list(_DIVISION.finditer(name))
        divisions = name[:last[-1].end()] if last else name
    for pattern, level in _LEVELS:
        if pattern.search(divisions):
            return level
    return "unknown"


def is_safety_department(name: str) -> bool:
    """Whether the issuer is an emergency management (work safety) department or its brigade,
    rather than a sector department that plans its own safety inspections (交通运输局, 民政局)."""
    return bool(_SAFETY.search(name))


def scope_level(name: str, declared: str = "unknown") -> str:
    """The issuer's level as a plan states it, or, where it does not ("unknown"), as its name
    says: one decision for documents (the extractor names no level) and structured plans."""
    return declared if declared != "unknown" else issuer_level(name)
