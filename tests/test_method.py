"""The method's vocabulary decides alike wherever it is used: one identity of unit names for
KI007, GI003 and XP001, one scope of issuers for documents and structured plans."""
import pytest

from plan_rules.method import scope_level
from plan_rules.method.names import unit_identity


@pytest.mark.parametrize("written", ["甲公司（一厂）", "甲公司(一厂)", "甲公司一厂", "甲公司 一厂", "甲公司【一厂】"])
def test_a_unit_name_with_or_without_brackets_or_spaces_names_one_unit(written):
    assert unit_identity(written) == unit_identity("甲公司一厂")


def test_full_width_letters_and_case_do_not_make_another_unit():
    assert unit_identity("ＡＢＣ化工有限公司") == unit_identity("abc化工有限公司")


@pytest.mark.parametrize("name,level", [("清河经济开发区管理委员会安全生产监督管理局", "zone"), ("清河县城关镇应急管理办公室", "township"),
                                        ("清河县应急管理局", "county"), ("某街道办事处应急管理办公室", "street")])
def test_an_issuer_without_a_stated_level_is_placed_by_its_name(name, level):
    assert scope_level(name) == level


def test_a_stated_level_is_taken_as_stated():
    assert scope_level("清河县应急管理局", "city") == "city"
