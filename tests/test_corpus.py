"""The shared corpora (../shared/corpus, beside a checkout in CI, absent from a plain clone):
the development corpus scored by its own tool against its truth files, and each real
published fragment checked for what a careful reader finds in it (corpus/real/README.md)
and nothing false at error or warning level.

The thresholds are those of issue 8: figures read right ≥ 98 %, planted defects found
≥ 95 %, false errors and warnings ≤ 3 in all and none on the clean plans, no crash.
"""
from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from plan_rules.findings import Severity

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CORPUS = SHARED / "corpus"
SCORE = SHARED / "tools" / "corpus-score"
PLAN_RULES = Path(sys.executable).parent / "plan-rules"

needs_corpus = pytest.mark.skipif(not (CORPUS / "dev").is_dir() or not SCORE.exists(),
                                  reason="../shared/corpus 不在本仓库旁（只在 CI 与开发机上有），跳过语料评分")
_SUMMARY = re.compile(r"figures (\d+)/(\d+) .*planted found (\d+)/(\d+) .*false errors\+warnings (\d+) "
                      r"\(on clean plans (\d+)\); crashes (\d+)")


@needs_corpus
def test_the_development_corpus_scores_above_the_thresholds():
    run = subprocess.run([sys.executable, str(SCORE), str(PLAN_RULES), str(CORPUS / "dev")],
                         capture_output=True, text=True, timeout=600)
    summary = _SUMMARY.search(run.stdout)
    assert summary, run.stdout + run.stderr
    figures, all_figures, found, planted, false, false_clean, crashes = map(int, summary.groups())
    assert figures / all_figures >= 0.98, run.stdout
    assert found / planted >= 0.95, run.stdout
    assert (false, false_clean, crashes) <= (3, 0, 0) and false_clean == 0 and crashes == 0, run.stdout


# What a careful reader finds in each fragment (corpus/real/README.md), as the findings at
# error or warning level (exactly these) and the notes that must be among the rest.
REAL = {
    # d = 365−104−14 = 247; the S formula's O operand 2649 where the section says 2469;
    # two items without a figure; a fragment.
    "002_weizhi-shiji_2019.txt": ({("WD001", "error"): 1, ("WD013", "error"): 1}, {"WD015": 2, "DC005": 1}),
    # d, N and T in "250天×4人=1000个工作日"; "每人约100天" is no item total; no defect.
    "003_changchun-xingzhengshenpi_2021.txt": ({}, {"DC005": 1}),
    # 12 of 14 counted, printed as 85 % (85.7 %, truncated).
    "004_tianjin-hedong_2022.txt": ({("WD010", "warning"): 1}, {"DC005": 1}),
    # a civil-affairs department planning under the municipality's implementing rule.
    "006_chongqing-changshou-minzheng_2026.txt": ({}, {"DC005": 1}),
    # mine counts without workday figures.
    "008_zhengzhou-meikuang_2026.txt": ({}, {"DC005": 1}),
    # "业经省政府批准" is approval; "结案率达 。" is a blank.
    "009_liaoning-yjt_2019.txt": ({("DC004", "warning"): 1}, {"DC005": 1}),
    # "已经县政府批复" is approval; "按照《安全生产法》……有关规定" cites the basis.
    "011_wushan_2022.txt": ({}, {"DC005": 1}),
    # issued by the 执法大队, not by the bureau it reports to.
    "013_dongsheng-zhifadadui_2025.txt": ({}, {"DC005": 1}),
    # "附件1" labels this very document.
    "015_jizhou_2025.txt": ({}, {"DC005": 1}),
    # a transport department's plan, outside the method's scope.
    "017_jiangyan-jiaotong_2026.txt": ({("MD002", "warning"): 1}, {"DC005": 1}),
}


@needs_corpus
@pytest.mark.parametrize("name", sorted(REAL))
def test_a_real_fragment_yields_what_a_careful_reader_finds(name, python_checker):
    result = python_checker.check_path(CORPUS / "real" / name)
    serious = Counter((f.code, f.severity.name) for f in result.findings if f.severity >= Severity.warning)
    notes = Counter(f.code for f in result.findings if f.severity == Severity.info)
    expected_serious, expected_notes = REAL[name]
    assert dict(serious) == expected_serious, [f.message for f in result.findings]
    assert {code: notes[code] for code in expected_notes} == expected_notes


@needs_corpus
def test_every_real_fragment_has_its_expectation():
    assert sorted(path.name for path in (CORPUS / "real").glob("*.txt")) == sorted(REAL)


@needs_corpus
def test_real_fragments_are_read_as_a_careful_reader_reads_them(python_checker):
    """The figures and names behind the findings above."""
    read = {name: python_checker.check_path(CORPUS / "real" / name).plan for name in REAL}
    weizhi = read["002_weizhi-shiji_2019.txt"]
    assert (weizhi.workdays.per_person, weizhi.officers.counted, weizhi.workdays.total) == (247, 22, 5434)
    assert weizhi.workdays.other_enforcement.stated_total == 2469
    assert [i.days for i in weizhi.workdays.other_enforcement.items] == [170, 482, 390, 310, 276, None, 15, 106, 72, 648]
    changchun = read["003_changchun-xingzhengshenpi_2021.txt"]
    assert (changchun.workdays.per_person, changchun.officers.counted, changchun.workdays.total) == (250, 4, 1000)
    tianjin = read["004_tianjin-hedong_2022.txt"]
    assert (tianjin.officers.counted, tianjin.officers.registered, str(tianjin.officers.share)) == (12, 14, "85")
    assert read["009_liaoning-yjt_2019.txt"].approval.body == "省政府"
    assert read["011_wushan_2022.txt"].approval.body == "县政府"
    assert any("安全生产年度监督检查计划编制实施细则" in basis for basis in read["011_wushan_2022.txt"].basis)
    assert read["013_dongsheng-zhifadadui_2025.txt"].issuer.name == "鄂尔多斯市东胜区应急管理综合行政执法大队"
    assert read["015_jizhou_2025.txt"].annexes == []
    assert read["017_jiangyan-jiaotong_2026.txt"].issuer.name == "泰州市姜堰区交通运输局"


@needs_corpus
def test_the_seed_fixture_is_a_byte_identical_copy_of_the_corpus_document():
    """fixtures/documents/lishan-2023.txt is the seed plan as the corpus holds it (moved here
    from test_extract_seed.py and test_seed_plan.py: only this module needs ../shared)."""
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "documents" / "lishan-2023.txt"
    assert fixture.read_bytes() == (CORPUS / "lishan-2023.txt").read_bytes()
