"""Document extraction: .txt/.md/.docx/.pdf plans → the Plan model, a SourceMap to lines,
paragraphs and table cells, and findings for what could not be read (IN001) or found (IN003).

The stages, one module each: readers (plan_rules/readers) → layout (logical lines) → text
(normalisation with a map back to the original) → document (headings and sections) →
mentions, formulas, percentages, categories, tables (what the text states) → reconcile
(each figure from its mentions, operands bound by the method's equations) → builder (the
Plan, its SourceMap and the evidence of how sure each figure is).

    extraction = extract_document("2026年度监督检查计划.docx")
    print(to_yaml(extraction))
"""
from __future__ import annotations

from plan_rules.extract.extraction import Extraction, extract_bytes, extract_document, extract_text
from plan_rules.extract.yaml_out import to_yaml

__all__ = ["Extraction", "extract_bytes", "extract_document", "extract_text", "to_yaml"]
