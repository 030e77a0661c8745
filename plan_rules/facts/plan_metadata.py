"""The plan fact's metadata: year, issuer, basis, approval and filing, and whether the text
is complete enough for an absence to count (MD001–MD005, AP001–AP003)."""
from __future__ import annotations

import datetime as dt

from ..method.citations import FIRST_PLAN_YEAR, cites_article_59, cites_method, cites_safety_law, wrong_method_number
from ..method.issuers import is_safety_department, scope_level
from .vocabulary import CHOICE, DATE, INTEGER, TEXT, Fact, count, day_number, derived, figure, reference, words

FIELDS = (
    count("year", "计划年度", "year"),
    reference("year_min", "最早的计划年度（编制办法施行后的首个年度）", INTEGER, "年"),
    reference("year_max", "最晚的计划年度（当前年度的下一年）", INTEGER, "年"),
    derived("absence_verifiable", "缺少的内容可以认定",
            "the text is not truncated (DC005): what it lacks may stand in the missing part"),
    derived("year_verifiable", "缺少年度可以认定",
            "the start of the text, where plans print their title and year, is there"),
    words("issuer_name", "编制机关"),
    derived("issuer_level", "编制机关层级", "the level the plan states, or else the one its name shows "
            "(method/issuers.py)", CHOICE),
    derived("issuer_outside_method", "行业部门未按编制办法编制",
            "the issuer is no emergency management department and its basis cites neither the method nor a "
            "province's rule implementing it (text matching)"),
    derived("cites_safety_law", "编制依据引用了安全生产法", "text matching of the basis (method/citations.py)"),
    derived("cites_method", "编制依据引用了编制办法或本省实施规定", "text matching of the basis"),
    derived("cites_article_59", "编制依据引用了第五十九条", "text matching of the basis"),
    derived("method_number_printed", "所写编制办法文号", "a citation of the method with a number other than "
            "安监总政法〔2017〕150号 (text matching)", TEXT),
    derived("approval_evidence", "有本级人民政府批准的证据", "a people's government named as the approving body"),
    derived("filing_evidence", "有备案的证据", "a filing body named"),
    figure("approval_date", "批准日期", "approval.date", "", DATE),
    count("approval_year", "批准日期的年份", "approval.date", "年"),
    count("approval_month", "批准日期的月份", "approval.date", "月"),
)


def metadata_fields(plan, today: dt.date) -> Fact:
    truncation = plan.document.truncation if plan.document is not None else None
    fact: Fact = {"year_min": FIRST_PLAN_YEAR, "year_max": today.year + 1,
                  "absence_verifiable": truncation is None,
                  # A missing year counts only where the start of the text, with its title, is there.
                  "year_verifiable": truncation is None or not truncation.start_missing and bool(plan.title)}
    if plan.year is not None:
        fact["year"] = plan.year
    if plan.issuer is not None:
        fact.update(issuer_name=plan.issuer.name, issuer_level=scope_level(plan.issuer.name, plan.issuer.level),
                    # A sector department (交通运输局, 民政局) plans under the method only where it says so.
                    issuer_outside_method=not is_safety_department(plan.issuer.name) and not cites_method(plan.basis))
    fact.update(cites_safety_law=cites_safety_law(plan.basis), cites_method=cites_method(plan.basis),
                cites_article_59=cites_article_59(plan.basis))
    wrong = wrong_method_number(plan.basis)
    if wrong:
        fact["method_number_printed"] = wrong
    fact.update(approval_fields(plan))
    return fact


def approval_fields(plan) -> Fact:
    """AP001/AP002: evidence is a named body (应急管理部令第9号 第十条 protects officers who
    follow a plan that was approved and filed)."""
    a, f = plan.approval, plan.filing
    fact: Fact = {
        # A people's government's word (AP001); a bureau's own 党委会 is none.
        "approval_evidence": a is not None and bool(a.body) and "政府" in a.body,
        "filing_evidence": f is not None and bool(f.body),
    }
    if a is not None and a.date is not None:
        fact.update(approval_date=day_number(a.date), approval_year=a.date.year, approval_month=a.date.month)
    return fact
