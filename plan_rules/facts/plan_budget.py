"""The plan fact's workday budget (WD002, WD006–WD011, WD015, WD016): T O X S K G R as the
plan prints them, the sums of their items and splits, and what the law holds them to. The
arithmetic of the method (T = N × d, S = T − O − X, S = K + G + R) is the rules'.

`workday_budget` is the one reading of these figures: the facts carry it to the engine and
the budget chart draws it (docs/architecture.md, "One arithmetic").
"""
from __future__ import annotations

from decimal import Decimal
from typing import Optional

from ..method import G, K, O, R, S, T, X
from ..method.standard_items import classify
from ..method.legal_days import ANNUAL_LEAVE_DAYS
from .fixed_point import decimal_of, show, units
from .vocabulary import INTEGER, Fact, count, figure, reference, words

def category_declarations(prefix: str, category) -> tuple:
    """The fields of 其他执法工作日 (O) or 非执法工作日 (X), named after the category's figure."""
    path = category.path.rsplit(".", 1)[0]          # workdays.other_enforcement
    return (
        figure(f"{prefix}_total", f"{category.name}所写合计", category.path),
        figure(f"{prefix}_items_sum", f"{category.name}各分项之和", f"{path}.items",
               note="only the items that print days; absent where none does"),
        figure(f"{prefix}_days", category.title, path, note="the stated total, or the items' sum where no total is stated"),
        count(f"{prefix}_missing_count", f"{category.name}未写天数的分项数", f"{path}.items", "项"),
        words(f"{prefix}_missing_text", f"{category.name}未写天数的分项"),
    )


FIELDS = (
    figure("total", T.title, T.path),
    figure("total_splits_sum", f"{T.name}按单位分列之和", "workdays.total_splits"),
    words("total_splits_text", f"{T.name}按单位分列的各数"),
    *category_declarations("other", O),
    *category_declarations("non", X),
    figure("supervision", S.title, S.path),
    figure("supervision_x100", "S × 100", S.path,
           note="a share compared cross-multiplied, S × 100 < T × floor: a comparison's left side is one field"),
    figure("key", K.title, K.path),
    figure("general", G.title, G.path),
    figure("reserve", R.title, R.path),
    figure("reserve_or_zero", f"{R.name}（未列为 0）", R.path,
           note="given where K and G are: a plan without a reserve splits S into K and G alone"),
    words("key_general_text", "重点、一般（、机动）检查工作日"),
    reference("supervision_share_floor", f"{S.name}占{T.name}的下限", INTEGER, "%",
              threshold="supervision_share_floor"),
    figure("annual_leave_days", "法定年休假等假期天数", "workdays.non_enforcement.items",
           note="the items that mean 法定年休假、探亲假、婚（丧）假 (X6), wherever the plan lists them"),
    reference("annual_leave_per_person", "每人每年法定年休假最低天数",
              note="《职工带薪年休假条例》第三条: 5 days"),
)


def workday_budget(plan) -> dict[str, Optional[Decimal]]:
    """N d T O X S K G R as exact decimals, None where the plan does not say. O and X are the
    stated totals, or the items' sums where a plan states none."""
    w = plan.workdays
    return {"N": decimal_of(plan.officers.counted), "d": decimal_of(w.per_person), "T": decimal_of(w.total),
            "O": category_days(w.other_enforcement)[1], "X": category_days(w.non_enforcement)[1],
            "S": decimal_of(w.supervision), "K": decimal_of(w.key), "G": decimal_of(w.general),
            "R": decimal_of(w.reserve)}


def supervision_as_base(budget: dict) -> Optional[Decimal]:
    """S as printed, or where it is not, T − O − X as the method defines it: the base of a
    printed share (WD010), which is rounding the engine cannot do. Whether a printed S is
    T − O − X is WD008's to say."""
    if budget["S"] is not None:
        return budget["S"]
    return budget["T"] - budget["O"] - budget["X"] if None not in (budget["T"], budget["O"], budget["X"]) else None


def category_days(category) -> tuple[Optional[Decimal], Optional[Decimal]]:
    """(sum of the items that have days, the figure the plan uses for the category): the stated
    total, or the items' sum when the plan states no total. The sum is None where no item has
    days: a plan that gives only category totals (WD015)."""
    with_days = [decimal_of(i.days) for i in category.items if i.days is not None]
    items_sum = sum(with_days, Decimal(0)) if with_days else None
    stated = decimal_of(category.stated_total)
    return items_sum, stated if stated is not None else items_sum


def budget_fields(plan, thresholds) -> Fact:
    w = plan.workdays
    budget = workday_budget(plan)
    fact: Fact = {}
    for name, value in (("total", budget["T"]), ("supervision", budget["S"]), ("key", budget["K"]),
                        ("general", budget["G"]), ("reserve", budget["R"]), ("other_days", budget["O"]),
                        ("non_days", budget["X"])):
        if value is not None:
            fact[name] = units(value)
    for prefix, category in (("other", w.other_enforcement), ("non", w.non_enforcement)):
        fact.update(category_fields(prefix, category))
    if w.total_splits:
        fact["total_splits_sum"] = units(sum(decimal_of(s.days) for s in w.total_splits))
        fact["total_splits_text"] = splits_text(w.total_splits)
    if w.supervision is not None:
        fact["supervision_x100"] = units(budget["S"]) * 100
    if w.key is not None and w.general is not None:
        fact["reserve_or_zero"] = units(w.reserve or 0)
        fact["key_general_text"] = f"重点检查 {show(w.key)} 日 + 一般检查 {show(w.general)} 日" + (
            f" + 机动 {show(w.reserve)} 日" if w.reserve is not None else "")
    fact["supervision_share_floor"] = thresholds.supervision_share_floor
    fact.update(annual_leave_fields(plan))
    return fact


def category_fields(prefix: str, category) -> Fact:
    """The stated total, the items' sum, and the items printed without days (WD006, WD007, WD015)."""
    items_sum, _ = category_days(category)
    missing = [i for i in category.items if i.days is None]
    fact: Fact = {f"{prefix}_missing_count": len(missing)}
    if category.stated_total is not None:
        fact[f"{prefix}_total"] = units(category.stated_total)
    if items_sum is not None:
        fact[f"{prefix}_items_sum"] = units(items_sum)
    if missing:
        fact[f"{prefix}_missing_text"] = "、".join(f"“{i.label}”" for i in missing)
    return fact


def annual_leave_fields(plan) -> Fact:
    """X6 (法定年休假…) days, wherever the plan filed them (WD016)."""
    w = plan.workdays
    leave = [decimal_of(i.days) for c in (w.other_enforcement, w.non_enforcement) for i in c.items
             if i.days is not None and (s := classify(i.label)) is not None and s.code == "X6"]
    if not leave:
        return {}
    return {"annual_leave_days": units(sum(leave)), "annual_leave_per_person": units(ANNUAL_LEAVE_DAYS)}


def splits_text(splits) -> str:
    return "、".join(f"{s.unit} {show(s.days)}" for s in splits)
