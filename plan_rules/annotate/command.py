"""`plan-rules annotate PLAN -o REVIEWED.docx`: check the plan as `check` would (config,
exceptions and per-file ignores included), then write the comments into the Word document."""
from __future__ import annotations

from pathlib import Path

from plan_rules.annotate import ANNOTATABLE_SUFFIXES, AnnotateError, annotated_docx
from plan_rules.findings import Finding


def annotate_plan(plan: str, target: Path, config, suppressions, use_engine: bool) -> list[Finding]:
    """The plan's findings, after writing `target` unless the plan could not be read (IN001).
    AnnotateError for a plan that cannot be annotated, or a target that is the plan itself."""
    from plan_rules.batch import run_batch
    from plan_rules.reading import read_file

    suffix = Path(plan).suffix.lower()
    if suffix not in ANNOTATABLE_SUFFIXES:
        raise AnnotateError(f"只能为文档加批注（{' '.join(ANNOTATABLE_SUFFIXES)}）；结构化计划（.yaml .json）请用 check 命令检查")
    if target.resolve() == Path(plan).resolve():
        raise AnnotateError(f"{target} 是被检查的计划本身，不能覆盖；请用 -o 另指定输出文件")
    from plan_rules.output import Target, write_file

    findings = run_batch([plan], config, use_engine=use_engine, exceptions=suppressions).all_findings
    if not any(f.code == "IN001" for f in findings):
        # written whole by rename, or not at all (output.py)
        write_file(Target.of(str(target)), annotated_docx(*docx_source(read_file(Path(plan)), suffix), findings))
    return findings


def docx_source(data: bytes, suffix: str) -> tuple[bytes, str]:
    """The bytes to annotate and their format: a legacy word file converted to .docx."""
    from plan_rules.office_files import CONVERTIBLE_SUFFIXES
    from plan_rules.readers import ReadError
    from plan_rules.readers.legacy import convert_to_docx

    if suffix not in CONVERTIBLE_SUFFIXES:
        return data, suffix
    try:
        return convert_to_docx(data, suffix), ".docx"
    except ReadError as error:      # it converted for the check a moment ago; say so if not now
        raise AnnotateError(str(error)) from None
