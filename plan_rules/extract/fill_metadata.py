"""The plan's title, issuer, year, document number, basis, approval and filing, as the
document prints them."""
from __future__ import annotations

from plan_rules.extract import metadata
from plan_rules.extract.document import Document
from plan_rules.extract.recording import Recorder
from plan_rules.model import Approval, Filing, Issuer, Plan


def fill_metadata(plan: Plan, document: Document, record: Recorder) -> metadata.Title | None:
    title = metadata.find_title(document)
    if title:
        plan.title = title.value
        record.found("title", title.found)
    issuer = metadata.find_issuer(document, title)
    if issuer:
        plan.issuer = Issuer(name=issuer.name, level=issuer.level)
        record.found("issuer", issuer.found)
    year = metadata.find_year(document, title)
    if year:
        plan.year = year.value
        record.found("year", year)
    number = metadata.find_document_number(document)
    if number:
        plan.document_number = number.value
        record.found("document_number", number)
    for index, citation in enumerate(metadata.find_basis(document, title)):
        plan.basis.append(citation.value)
        record.found(f"basis[{index}]", citation)
        record.found("basis", citation)
    approval = metadata.find_approval(document)
    if approval:
        plan.approval = Approval(**approval[1])
        record.found("approval", approval[0])
    filing = metadata.find_filing(document)
    if filing:
        plan.filing = Filing(**filing[1])
        record.found("filing", filing[0])
    return title
