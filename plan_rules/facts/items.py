"""Item facts: each item a plan lists under 其他执法工作日 or 非执法工作日, with the standard
item its label means (WD003–WD005, WD014, WD015)."""
from __future__ import annotations

from ..method.standard_items import CATEGORY_ZH, NON, OTHER, classify
from ..method.names import unit_identity
from .fixed_point import decimal_of, units
from .plan_budget import splits_text
from .vocabulary import CHOICE, PLAN, TEXT, Fact, Field, count, derived, figure, kind, words

ITEM = kind(
    "item", "工作日事项",
    words("label", "事项名称"),
    Field("category", CHOICE, "所列类别（other_enforcement 或 non_enforcement）", PLAN, source="{path}"),
    words("category_zh", "所列类别"),
    count("position", "序号", "{path}"),
    figure("days", "事项天数", "{path}.days"),
    count("days_in_category", "同类中写了天数的事项数", "workdays", "项"),
    derived("standard_code", "对应的标准事项编号", "the label matched to the 17 standard items by meaning "
            "(method/standard_items.py); none where it matches no item", CHOICE),
    derived("standard_category", "应属类别（other_enforcement 或 non_enforcement）", "the category of the standard item the label means", CHOICE),
    words("standard_category_zh", "应属类别"),
    words("standard_describe", "编制办法所列的对应事项"),
    derived("duplicate_of", "先列出的同一标准事项", "the fact of an earlier item that means the same standard item",
            TEXT),
    words("duplicate_text", "与先列出的同一事项的关系"),
    figure("splits_sum", "按单位分解之和", "{path}.splits"),
    words("splits_text", "按单位分解的各数"),
)


def item_facts(plan) -> list[Fact]:
    facts, first_seen = [], {}
    for category, prefix in ((OTHER, "o"), (NON, "x")):
        items = getattr(plan.workdays, category).items
        with_days = sum(1 for item in items if item.days is not None)
        for index, item in enumerate(items):
            fact: Fact = {"kind": "item", "id": f"item-{prefix}{index + 1:02d}",
                          "path": f"workdays.{category}.items[{index}]", "label": item.label, "category": category,
                          "category_zh": CATEGORY_ZH[category], "position": index + 1, "days_in_category": with_days}
            if item.days is not None:
                fact["days"] = units(item.days)
            standard = classify(item.label)
            if standard is None:
                fact["standard_code"] = "none"
            else:
                fact.update(standard_code=standard.code, standard_category=standard.category,
                            standard_category_zh=CATEGORY_ZH[standard.category], standard_describe=standard.describe)
                if standard.code in first_seen:
                    fact.update(duplicate_of=first_seen[standard.code][0],
                                duplicate_text=duplicate_text(first_seen[standard.code][1:], standard))
                else:
                    place = f"{CATEGORY_ZH[category]}第 {index + 1} 项“{item.label}”"
                    first_seen[standard.code] = (fact["id"], place, item.label)
            if item.splits:
                fact["splits_sum"] = units(sum(decimal_of(s.days) for s in item.splits))
                fact["splits_text"] = splits_text(item.splits)
            facts.append(fact)
    return facts


def duplicate_text(first: tuple[str, str], standard) -> str:
    """WD005: the item first listed, and the standard item both are, unless that is the same
    wording (“机关值班” twice would say nothing new)."""
    place, label = first
    if unit_identity(label) == unit_identity(standard.title):
        return f"与{place}是同一事项"
    return f"与{place}同属{standard.describe}"
