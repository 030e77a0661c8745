"""Who issued the plan, for which year, under which number, on what basis, and whether it
shows approval by the people's government (本级人民政府批准) and filing with the next level up
(报上一级备案) — 应急管理部令第9号 第十条 protects officers only under an approved, filed plan.

A title may be split over two lines ("…2024年度安全生产监督" / "检查计划", or the issuer on
one line and "2024年度安全生产监督检查计划" on the next); it is read across them. The issuer
is the name before "关于" in a notice or report title, else the name before the year in the
plan's title, else a "发布机构" field, else the first department named.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from plan_rules.extract.document import Document
from plan_rules.extract.text import Found, Text
from plan_rules.method import DEPARTMENT, SAFETY_AGENCY, issuer_level

_NAME = rf"[\u4e00-\u9fff()]{{2,30}}?(?:{SAFETY_AGENCY}|{DEPARTMENT})"
_ISSUER_BEFORE_ABOUT = re.compile(rf"^\s*(?:【[^】]*】)?(?P<name>{_NAME})关于(?:印发|报送|制定|下达)")
_ISSUER_BEFORE_YEAR = re.compile(rf"^\s*(?P<name>{_NAME})(?=\s*(?:20\d{{2}}|[(（]))")
_PUBLISHER = re.compile(rf"(?:发布机构|发文机关|发文单位)\s*[:\]]?\s*(?P<name>{_NAME})(?![\u4e00-\u9fff])")
_ANY_AGENCY = re.compile(rf"[\u4e00-\u9fff]{{2,30}}?{SAFETY_AGENCY}")
_ISSUER_PREFIX = re.compile(r"^(?:关于印发|关于|印发|根据|按照|依据|发布机构|资料来源)")
_TITLE = re.compile(r"^[^。;,]{0,48}?(?:监督检查|执法检查|监管执法|执法)(?:工作)?计划$")
_TITLE_LINE_MAX = 40
# A notice's title, whole or cut before its "的通知" ("…关于印发2023年度安全生产监督检查计划"):
# never the plan's own title.
_NOTICE = re.compile(r"^关于|关于(?:印发|下达|报送|制定|转发)")
_PLAN_YEAR = re.compile(r"(?<!\d)(20\d{2})\s*年度")
_YEAR = re.compile(r"(20\d{2})\s*(?:年度?|度)(?:[^。;,]{0,16}?)(?:监督检查|执法检查|监管执法|执法)(?:工作)?计划")
_DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[(]\s*(?:19|20)\d{2}\s*[〕\])]\s*\d{1,4}\s*号")
# The plan's own title quoted in its notice ("《新河县应急管理局2023年度安全生产监督检查计划》")
# is no basis.
_OWN_TITLE = re.compile(r"20\d{2}\s*年度?[^《》]*计划》$")
_BASIS_LINE = re.compile(r"根据|依据|按照|按《|为贯彻")
# A cited title keeps the article it names (MD004: 第五十九条 became 第六十二条 in 2021) and the
# document number in the parenthesis after it.
_CITATION = re.compile(r"《(?:[^《》]|《[^《》]*》)+》(?:第[一二三四五六七八九十百零〇]+条)?(?:\s*\((?:[^()]*(?:号|令)[^()]*)\))?"
                       r"|[\u4e00-\u9fff]{2,12}〔\s*\d{4}\s*〕\s*\d{1,4}\s*号")
# "经区人民政府同意", "业经省政府批准", "已经县政府批复", "已报县人民政府审定同意" show approval,
# and so does the government's meeting ("已经2024年3月5日县政府第12次常务会议审议通过", "经县人民
# 政府2024年第3次常务会议研究同意") or the party committee with it ("经县委、县政府同意");
# "报区政府批准" alone only announces an intention, and a bureau's own 党委会 or 局务会 is no
# government.
_APPROVAL = re.compile(r"(?:已经|业经|报经|经|已报)(?:\d{4}年\d{1,2}月\d{1,2}日)?(?:[\u4e00-\u9fff]{1,8}?委[、和及与])?"
                       r"(?P<body>[\u4e00-\u9fff]{0,12}?人民政府|[省区县市州旗]政府|[\u4e00-\u9fff]{2,10}(?:省|市|区|县)政府)"
                       r"(?:\d{4}年)?(?:第\d{1,3}次)?(?:常务会议|常务会|全体会议|办公会议)?(?:审议|研究|审定)?"
                       r"(?:审议通过|研究通过|批准同意|批准|批复|同意|审定|(?<=会议)通过|(?<=常务会)通过)")
_APPROVAL_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}〔\s*\d{4}\s*〕\s*\d{1,4}\s*号")
_FILING = re.compile(r"报(?:送)?(?P<body>[\u4e00-\u9fff]{0,20}?(?:应急管理局|应急管理厅|应急管理部|应急局|安全生产监督管理局|安全生产监督管理厅|安监局|主管部门|部门))(?:进行|予以)?备案"
                     r"|(?P<bare>已?报(?:送)?(?:上级|上一级)(?:部门|应急管理部门)?备案)")
_DATE = re.compile(r"(?P<y>20\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
_SENTENCE = re.compile(r"[。;]")


@dataclass(frozen=True)
class Issuer:
    name: str
    level: str
    found: Found


@dataclass(frozen=True)
class Title:
    value: str
    found: Found
    last_line: int           # index of the title's last line


def find_title(document: Document) -> Title | None:
    lines = document.lines
    for index, line in enumerate(lines):
        if line.is_row:
            continue
        text = line.text.text.strip()
        if text and _TITLE.match(text) and not _NOTICE.search(text) and len(text) <= _TITLE_LINE_MAX + 20:
            return Title(_original(line.text), Found(_original(line.text), line.text, _lead(line.text)), index)
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is None or following.is_row or not text or len(text) > _TITLE_LINE_MAX or _DATE.search(text):
            continue
        # A year's title on the next line stands alone, unless this line is only the issuer's
        # name ("青石县应急管理局" / "2024年度安全生产监督检查计划").
        if _TITLE.match(following.text.text.strip()) and _YEAR.search(following.text.text) \
                and not (_NAME_ONLY.match(text) and re.match(r"\s*20\d{2}", following.text.text)):
            continue
        joined = text + following.text.text.strip()
        if _TITLE.match(joined) and not _NOTICE.search(joined) and len(following.text.text.strip()) <= _TITLE_LINE_MAX:
            value = _original(line.text) + _original(following.text)
            return Title(value, Found(value, line.text, _lead(line.text)), index + 1)
    return None


def _lead(text: Text) -> int:
    return len(text.text) - len(text.text.lstrip())


def _original(text: Text) -> str:
    start = _lead(text)
    return text.original(start, len(text.text.rstrip())).strip()


def find_issuer(document: Document, title: Title | None) -> Issuer | None:
    for pattern in (_ISSUER_BEFORE_ABOUT, _ISSUER_BEFORE_YEAR):
        for line in document.lines[:(title.last_line + 1) if title else 12]:
            match = pattern.search(line.text.text) if not line.is_row else None
            if match and (pattern is _ISSUER_BEFORE_ABOUT or _TITLE_WORDS.search(line.text.text) or title and line.text is title.found.text):
                return _issuer(line.text, match.start("name"), match.end("name"))
    return _published_by(document) or _signed_by(document) or _first_agency(document)


_TITLE_WORDS = re.compile(r"计划|年度")
_NAME_ONLY = re.compile(rf"^\s*(?P<name>{_NAME})\s*$")
_PUBLISHER_CELL = re.compile(r"^(?:发布机构|发文机关|发文单位)$")


def _published_by(document: Document) -> Issuer | None:
    """A web page's "发布机构" field, in a line or in a row of cells."""
    for line in document.lines:
        for position, cell in enumerate(line.cells):
            if _PUBLISHER_CELL.match(cell.text.replace(" ", "")) and position + 1 < len(line.cells):
                match = _NAME_ONLY.match(line.cells[position + 1].text)
                if match:
                    return _issuer(line.cells[position + 1], match.start("name"), match.end("name"))
        match = _PUBLISHER.search(line.text.text) if not line.is_row else None
        if match:
            return _issuer(line.text, match.start("name"), match.end("name"))
    return None


def _signed_by(document: Document) -> Issuer | None:
    """The department's name on a line of its own above the date it signed."""
    lines = document.lines
    for index, line in enumerate(lines[:-1]):
        match = _NAME_ONLY.match(line.text.text) if not line.is_row else None
        if match and _DATE.fullmatch(lines[index + 1].text.text.strip()):
            return _issuer(line.text, match.start("name"), match.end("name"))
    return None


def _first_agency(document: Document) -> Issuer | None:
    for line in document.lines:
        for text in (line.cells or [line.text]):
            match = _ANY_AGENCY.search(text.text)
            if match:
                prefix = _ISSUER_PREFIX.match(match.group())
                return _issuer(text, match.start() + (prefix.end() if prefix else 0), match.end())
    return None


def _issuer(text: Text, start: int, end: int) -> Issuer | None:
    name = text.original(start, end).strip()
    if len(name) <= 3:
        return None
    return Issuer(name, issuer_level(name), Found(name, text, start))


def find_year(document: Document, title: Title | None) -> Found | None:
    texts = ([title.found.text] if title else []) + [line.text for line in document.lines if not line.is_row]
    if title:
        match = _YEAR.search(re.sub(r"\s", "", title.value.translate(_FULL_WIDTH_DIGITS)))
        if match:
            return Found(int(match.group(1)), title.found.text, title.found.offset)
    for pattern in (_YEAR, _PLAN_YEAR):        # a title without its year: "2024年度" in the text
        for text in texts:
            match = pattern.search(text.text)
            if match:
                return Found(int(match.group(1)), text, match.start(1))
    return None


_FULL_WIDTH_DIGITS = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}


def find_document_number(document: Document) -> Found | None:
    """The number on a line of its own, as the 发文字号 is printed above the title."""
    for line in document.lines:
        text = line.text.text.strip()
        if not line.is_row and _DOCUMENT_NUMBER.fullmatch(text):
            return Found(_original(line.text), line.text, _lead(line.text))
    return None


def find_basis(document: Document, title: Title | None) -> list[Found]:
    """The documents cited in the first 根据…/依据…/按照… paragraph of the plan, or of the
    notice that issues it when the plan's own opening is not in the text."""
    start = title.last_line + 1 if title else 0
    for lines in (document.lines[start:], document.lines[:start]):
        for line in lines:
            basis = _BASIS_LINE.search(line.text.text) if not line.is_row else None
            if basis is None:
                continue
            text = line.text
            start = max((m.end() for m in _SENTENCE.finditer(text.text, 0, basis.start())), default=0)
            end = _SENTENCE.search(text.text, basis.end())         # the sentence that names the basis
            citations = [Found(text.original(m.start(), m.end()), text, m.start())
                         for m in _CITATION.finditer(text.text, start, end.start() if end else len(text.text))
                         if not _OWN_TITLE.search(m.group())]
            if citations:
                return citations
    return []


def find_approval(document: Document) -> tuple[Found, dict] | None:
    for line in document.lines:
        text = line.text
        match = _APPROVAL.search(text.text) if not line.is_row else None
        if match:
            sentence_end = _SENTENCE.search(text.text, match.end())
            end = sentence_end.start() if sentence_end else len(text.text)
            start = max((m.end() for m in _SENTENCE.finditer(text.text, 0, match.start())), default=0)
            number = _APPROVAL_NUMBER.search(text.text, match.start(), end)
            return Found(True, text, match.start()), {
                "body": text.original(match.start("body"), match.end("body")),
                "date": _first_date(text.text[start:end]),
                "document_number": text.original(*number.span()).strip() if number else None}
    return None


def find_filing(document: Document) -> tuple[Found, dict] | None:
    for line in document.lines:
        text = line.text
        match = _FILING.search(text.text) if not line.is_row else None
        if match:
            body = text.original(match.start("body"), match.end("body")) if match.group("body") else None
            # A date on the line is the approval's or the issue's, not the filing's.
            return Found(True, text, match.start()), {"body": body, "date": None, "document_number": None}
    return None


def _first_date(text: str) -> dt.date | None:
    for match in _DATE.finditer(text):
        try:
            return dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
        except ValueError:
            continue
    return None
