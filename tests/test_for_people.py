"""The human formats: errors before warnings before notes, places in numeric order, a swap of
the two workday lists shown once with its items beneath; machine formats keep one WD003 per
item and the file's own order."""
from __future__ import annotations

from pathlib import Path

from plan_rules.batch import run_batch
from plan_rules.report import render
from plan_rules.ruleset import load_rulebook

DOCUMENTS = Path(__file__).resolve().parent.parent / "fixtures" / "documents"
SEED = DOCUMENTS / "lishan-2023.txt"
TAOYUAN = DOCUMENTS / "taoyuan-2026.docx"
RULEBOOK = load_rulebook()
SWAP = ("其他执法工作日与非执法工作日两类事项放反了：其他执法工作日下有 6 项属于非执法工作日，"
        "非执法工作日下有 8 项属于其他执法工作日（共 14 项，逐项如下）。")


LEVELS = ("错误", "警告", "提示")


def heads(text: str) -> list[tuple[str, str, str]]:
    """(place, level, code) of each finding's first line in the text report; a document's
    place is two words ("12:1 段落 12") or more ("42:1 表格 1 第 7 行第 3 列")."""
    rows = []
    for line in text.splitlines()[1:]:
        parts = line.split()
        level = next((i for i, part in enumerate(parts) if part in LEVELS), None)
        if level and len(parts) > level + 1 and parts[level + 1][:2].isupper():
            rows.append((" ".join(parts[:level]), parts[level], parts[level + 1]))
    return rows


def test_the_text_report_lists_errors_first_and_the_swap_once():
    text = render("text", run_batch([str(SEED)]), RULEBOOK)
    assert heads(text) == [
        ("46:12", "错误", "WD006"), ("47:3", "错误", "WD003"),
        ("32:11", "警告", "WD011"), ("36:18", "警告", "KI002"), ("39:3", "警告", "DC003"), ("42:3", "警告", "DC003"),
        ("45:96", "警告", "WD010"), ("45:117", "警告", "WD010"), ("64:1", "警告", "DC003"),
        ("全文", "警告", "AP001"), ("全文", "警告", "AP002"),
        ("44:11", "提示", "WD001"), ("全文", "提示", "DC002")]
    assert text.count(SWAP) == 1 and text.count("WD003") == 1
    assert text.count("应列入非执法工作日。") == 6 and text.count("应列入其他执法工作日。") == 8


def test_document_places_read_in_number_order_with_the_paragraph_or_cell_beside():
    text = render("text", run_batch([str(TAOYUAN)]), RULEBOOK)
    assert heads(text)[:5] == [("12:1 段落 12", "错误", "WD003"), ("42:1 表格 1 第 7 行第 3 列", "错误", "WD005"),
                               ("1:1 段落 1", "警告", "MD002"), ("54:1 段落 18", "警告", "DC003"),
                               ("54:1 段落 18", "警告", "KI002")]


def test_the_table_report_shows_the_swap_once_with_its_items():
    table = render("table", run_batch([str(SEED)]), RULEBOOK)
    assert table.count("WD003") == 1 and "两类事项放反了" in table


def test_machine_formats_keep_one_wd003_per_item_in_the_file_s_order():
    concise = render("concise", run_batch([str(SEED)]), RULEBOOK).splitlines()
    wd003 = [line for line in concise if " WD003 " in line]
    assert len(wd003) == 14 and [line.split(":")[1] for line in wd003] == [
        *map(str, range(47, 53)), *map(str, range(54, 62))]
    assert concise[0].startswith(f"{SEED}:32:11: WD011 [警告]")
