"""The batch summary written to stderr: files, files with errors, unreadable files, counts per
severity and suppressed findings; with --statistics, a count per rule. All from the batch's
Tally, counted as the files came (batch.py): a streamed batch keeps no findings."""
from __future__ import annotations

from ..findings import Severity


def severity_counts(batch) -> dict[Severity, int]:
    return batch.tally.severity_counts()


def unreadable_count(batch) -> int:
    return batch.tally.unreadable


def files_with_errors(batch) -> int:
    return batch.tally.files_with_errors


def summary_line(batch) -> str:
    counts = severity_counts(batch)
    line = (f"共检查 {batch.tally.files} 个文件，{files_with_errors(batch)} 个有错误，"
            f"{unreadable_count(batch)} 个无法读取；"
            f"错误 {counts[Severity.error]} 条，警告 {counts[Severity.warning]} 条，提示 {counts[Severity.info]} 条")
    if batch.suppressed:
        line += f"；已抑制 {batch.suppressed} 条"
    return line


def statistics_lines(batch, rulebook) -> list[str]:
    """One line per rule that fired, most frequent first: count, code, severity, title."""
    counts = batch.tally.by_rule
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0], -item[0][1]))
    width = max((len(str(n)) for n in counts.values()), default=1)
    return [f"{n:>{width}}  {code}  {severity.zh}  {rule.title if (rule := rulebook.get(code)) else ''}"
            for (code, severity), n in rows]


def suppression_notices(batch) -> list[str]:
    """Warnings about the suppressions themselves: expired entries, and unused ones."""
    lines = [f"警告：例外 {s.describe()}已于 {s.expires} 过期，不再生效（当时的理由：{s.reason}）"
             for s in batch.expired_suppressions]
    lines += [f"警告：抑制 {s.describe()}没有抑制任何发现，可以删除" for s in batch.unused_suppressions]
    return lines


def notices(batch) -> list[str]:
    """What stderr says whatever --quiet: files passed over, checks not run, suppressions."""
    return (skipped_reports_notice(batch) + cross_plan_notice(batch) + suppression_notices(batch)
            + unchecked_notices(batch))


def cross_plan_notice(batch) -> list[str]:
    if batch.cross_plan_checked:
        return []
    return ["未作跨计划检查（XP001 同一单位被不同机关重复列为重点、XP002 同一文件重复提交）：--no-cross-plan；"
            "pre-commit 可能把文件分几批传入，跨计划检查请用钩子 plan-rules-cross-plan 或对整个目录运行 plan-rules check"]


UNCHECKED_LISTED = 10


def unchecked_notices(batch) -> list[str]:
    """The files in the folders that were not checked, since they are no plan format."""
    if not batch.unchecked:
        return []
    listed = "、".join(batch.unchecked[:UNCHECKED_LISTED])
    more = f" 等 {len(batch.unchecked)} 个" if len(batch.unchecked) > UNCHECKED_LISTED else ""
    return [f"目录中有 {len(batch.unchecked)} 个文件不是计划格式，未检查：{listed}{more}"]


def skipped_reports_notice(batch) -> list[str]:
    """Reports plan-rules wrote, found among the files to check and passed over (signature.py)."""
    if not batch.skipped_reports:
        return []
    return [f"跳过 {len(batch.skipped_reports)} 个 plan-rules 写出的检查报告（不是计划）："
            + "、".join(batch.skipped_reports)]
