"""Who issued the plan, for which year, under which number, on what basis, and whether it
shows approval by the people's government (本级人民政府批准) and filing with the next level up
(报上一级备案) — 应急管理部令第9号 第十条 protects officers only under an approved, filed plan.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from plan_rules.extract.figures import Found
from plan_rules.extract.lines import LogicalLine

_AGENCY = r"(?:应急管理局|应急管理厅|应急管理委员会|应急局|安全生产监督管理局|安全生产监督管理厅|安监局|应急管理办公室|安全生产委员会办公室)"
_ISSUER = re.compile(rf"[\u4e00-\u9fff]{{2,30}}?{_AGENCY}")
_ISSUER_PREFIX = re.compile(r"^(?:关于印发|关于|印发|根据|按照|依据)")
# The last administrative division named before the agency decides the level (150号 第二条
# covers county level and above). Development zones and streets are outside its scope.
_LEVELS = (
    (re.compile(r"(?:开发区|园区|高新区|工业区|产业园|示范区|试验区)(?:管理委员会|管委会)?$"), "zone"),
    (re.compile(r"街道(?:办事处)?$"), "street"),
    (re.compile(r"(?:乡|镇)(?:人民政府)?$"), "township"),
    (re.compile(r"(?:北京|天津|上海|重庆)市$"), "province"),
    (re.compile(r"(?:区|县|旗|自治县|自治旗|特区|林区)$"), "county"),
    (re.compile(r"(?:市|自治州|地区|盟)$"), "city"),
    (re.compile(r"(?:省|自治区)$"), "province"),
)
_TITLE = re.compile(r"^[^。；;,，]{0,40}?(?:监督检查|执法检查)(?:工作)?计划\s*$")
_YEAR = re.compile(r"(20\d{2})\s*年度?(?:[^。；;,，]{0,12}?)(?:监督检查|执法检查|执法)(?:工作)?计划")
_DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[(]\s*(?:19|20)\d{2}\s*[〕\])]\s*\d{1,4}\s*号")
_BASIS_LINE = re.compile(r"根据|依据|按照")
# A cited title keeps the article it names (MD004: 第五十九条 became 第六十二条 in 2021) and the
# document number in the parenthesis after it.
_CITATION = re.compile(r"《(?:[^《》]|《[^《》]*》)+》(?:第[一二三四五六七八九十百零〇]+条)?(?:\s*\((?:[^()]*(?:号|令)[^()]*)\))?|[\u4e00-\u9fff]{2,12}〔\s*\d{4}\s*〕\s*\d{1,4}\s*号")
# "经区人民政府同意" shows approval; "报区政府批准" alone only announces an intention.
_APPROVAL = re.compile(r"(?:已经|业经|报经|经)(?P<body>[\u4e00-\u9fff]{0,12}?人民政府|[区县市]政府)(?:常务会议|审议|同意)?"
                       r"(?:审议通过|批准|批复|同意|审定)")
_APPROVAL_DOCUMENT = re.compile(r"[\u4e00-\u9fff]{1,10}(?:政复|政函|政办函|政批|府复|府函)〔\s*\d{4}\s*〕\s*\d{1,4}\s*号")
_FILING = re.compile(r"报(?:送)?(?P<body>[\u4e00-\u9fff]{1,20}?(?:应急管理局|应急管理厅|应急局|安全生产监督管理局|安监局|部门))(?:进行|予以)?备案"
                     r"|(?P<bare>已?报(?:送)?(?:上级|上一级)(?:部门|应急管理部门)?备案)")
_DATE = re.compile(r"(?P<y>20\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")


@dataclass(frozen=True)
class Issuer:
    name: str
    level: str
    found: Found


def find_issuer(lines: list[LogicalLine], title: Found | None) -> Issuer | None:
    candidates = ([title.line] if title else []) + lines
    for line in candidates:
        for match in _ISSUER.finditer(line.text):
            name = _ISSUER_PREFIX.sub("", line.raw[match.start():match.end()].strip())
            offset = match.end() - len(name)
            if len(name) > 4:
                return Issuer(name, issuer_level(name), Found(name, line, offset))
    return None


def issuer_level(name: str) -> str:
    if name.endswith(("厅", "应急管理部")):
        return "province" if name.endswith("厅") else "national"
    divisions = re.sub(rf"{_AGENCY}$", "", name)
    for pattern, level in _LEVELS:
        if pattern.search(divisions):
            return level
    return "unknown"


def find_title(lines: list[LogicalLine]) -> Found | None:
    for line in lines:
        text = line.text.strip()
        if text and not line.cells and _TITLE.match(text) and not text.startswith("关于"):
            return _raw_of_stripped(line)
    return None


def find_year(lines: list[LogicalLine], title: Found | None) -> Found | None:
    for line in ([title.line] if title else []) + lines:
        match = _YEAR.search(line.text)
        if match:
            return Found(int(match.group(1)), line, match.start(1))
    return None


def find_document_number(lines: list[LogicalLine]) -> Found | None:
    """The number on a line of its own, as the 发文字号 is printed above the title."""
    for line in lines:
        match = _DOCUMENT_NUMBER.fullmatch(line.text.strip())
        if match:
            return _raw_of_stripped(line)
    return None


def _raw_of_stripped(line: LogicalLine) -> Found:
    """The original text of a line without what normalization blanked ("# ", "**")."""
    start = len(line.text) - len(line.text.lstrip())
    end = len(line.text.rstrip())
    return Found(line.raw[start:end], line, start)


def find_basis(lines: list[LogicalLine], title: Found | None) -> list[Found]:
    """The documents cited in the first 根据…/依据… paragraph of the plan itself."""
    start = lines.index(title.line) + 1 if title and title.line in lines else 0
    for line in lines[start:]:
        if line.cells or not _BASIS_LINE.search(line.text):
            continue
        citations = [Found(line.raw[m.start():m.end()], line, m.start()) for m in _CITATION.finditer(line.text)]
        if citations:
            return citations
    return []


def find_approval(lines: list[LogicalLine]) -> tuple[Found, dict] | None:
    for line in lines:
        match = _APPROVAL.search(line.text)
        if match:
            document = _APPROVAL_DOCUMENT.search(line.text)
            return Found(True, line, match.start()), {
                "body": line.raw[match.start("body"):match.end("body")],
                "date": _first_date(line.text),
                "document_number": line.raw[document.start():document.end()] if document else None}
    return None


def find_filing(lines: list[LogicalLine]) -> tuple[Found, dict] | None:
    for line in lines:
        match = _FILING.search(line.text)
        if match:
            body = line.raw[match.start("body"):match.end("body")] if match.group("body") else None
            # A date on the line is the approval's or the issue's, not the filing's.
            return Found(True, line, match.start()), {"body": body, "date": None, "document_number": None}
    return None


def _first_date(text: str) -> dt.date | None:
    for match in _DATE.finditer(text):
        try:
            return dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
        except ValueError:
            continue
    return None
