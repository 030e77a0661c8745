"""The reviewer's comments (批注): one per finding, anchored on the finding's paragraphs, and a
summary at the top. Word's comment is a `w:comment` in the comments part (python-docx writes
the part, its relationship and its content type) and, in the text, a `w:commentRangeStart`
at the start of the first paragraph, a `w:commentRangeEnd` at the end of the last, followed by
a run holding the `w:commentReference`: Word and LibreOffice both show such a comment beside
the whole paragraph or cell."""
from __future__ import annotations

from collections import Counter

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from plan_rules.findings import Severity

AUTHOR = "plan-rules"
INITIALS = "PR"


def attach(document, paragraphs: list, text: str) -> None:
    comment = document.comments.add_comment(text, author=AUTHOR, initials=INITIALS)
    comment_id = {qn("w:id"): str(comment.comment_id)}
    first, last = paragraphs[0], paragraphs[-1]
    start = OxmlElement("w:commentRangeStart", comment_id)
    properties = first.find(qn("w:pPr"))
    if properties is not None:
        properties.addnext(start)
    else:
        first.insert(0, start)
    last.append(OxmlElement("w:commentRangeEnd", comment_id))
    reference = OxmlElement("w:r")
    reference.append(OxmlElement("w:commentReference", comment_id))
    last.append(reference)


def finding_text(finding) -> str:
    """Code, level and rule title; the message; the basis."""
    lines = [f"{finding.code}【{finding.severity.zh}】{finding.title}".rstrip(), finding.message]
    if finding.basis:
        lines.append(f"依据：{finding.basis}")
    return "\n".join(lines)


def summary_text(findings) -> str:
    """Counts by level and the rules that fired, most frequent first."""
    if not findings:
        return "plan-rules 检查结果：没有发现问题。"
    levels = Counter(f.severity for f in findings)
    counts = "，".join(f"{s.zh} {levels[s]} 条" for s in sorted(Severity, reverse=True))
    rules = Counter((f.code, f.title) for f in findings)
    fired = "；".join(f"{code} {title} {n} 条" for (code, title), n in
                     sorted(rules.items(), key=lambda item: (-item[1], item[0][0])))
    return (f"plan-rules 检查结果：{counts}。\n触发的规则：{fired}。\n"
            "每条发现另有一条批注，标在它所指的段落或表格单元格上；关于全文的发现标在此处。")
