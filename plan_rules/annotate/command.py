"""`plan-rules annotate PLAN -o REVIEWED.docx`: check the plan as `check` would (config,
exceptions and per-file ignores included), then write the comments into the Word document."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, NoReturn

from plan_rules.annotate import ANNOTATABLE_SUFFIXES, AnnotateError, annotated_docx
from plan_rules.findings import Finding


def annotate_plan(plan: str, target: Path, config, suppressions, fail: Callable[[str], NoReturn]) -> list[Finding]:
    """The plan's findings, after writing `target`; `fail` for what cannot be annotated."""
    from plan_rules.batch import run_batch
    from plan_rules.check import read_file
    from plan_rules.cli import write_err

    suffix = Path(plan).suffix.lower()
    if suffix not in ANNOTATABLE_SUFFIXES:
        fail(f"只能为文档加批注（{' '.join(ANNOTATABLE_SUFFIXES)}）；结构化计划（.yaml .json）请用 check 命令检查")
    if target.resolve() == Path(plan).resolve():
        fail(f"{target} 是被检查的计划本身，不能覆盖；请用 -o 另指定输出文件")
    batch = run_batch([plan], config, exceptions=suppressions)
    findings = batch.all_findings
    unreadable = [f for f in findings if f.code == "IN001"]
    if unreadable:
        write_err("".join(f"{f.file}: IN001 [错误] {f.message}\n" for f in unreadable))
        return findings
    try:
        target.write_bytes(annotated_docx(*docx_source(read_file(Path(plan)), suffix), findings))
    except AnnotateError as error:
        fail(f"{plan}：{error}")
    write_err(f"plan-rules: 已写出 {target}：汇总批注 1 条，发现批注 {len(findings)} 条\n")
    return findings


def docx_source(data: bytes, suffix: str) -> tuple[bytes, str]:
    """The bytes to annotate and their format: a legacy word file converted to .docx."""
    from plan_rules.office_files import CONVERTIBLE_SUFFIXES
    from plan_rules.readers.legacy import convert_to_docx

    if suffix in CONVERTIBLE_SUFFIXES:
        return convert_to_docx(data, suffix), ".docx"
    return data, suffix
