"""Machine-readable: every finding with its file, field path and place."""
from __future__ import annotations

import json

from .. import __version__
from .summary import files_with_errors, severity_counts, unreadable_count


def render(batch, rulebook) -> str:
    counts = severity_counts(batch)
    document = {
        "tool": "plan-rules", "version": __version__,
        "files": [{"path": r.path, "findings": [f.to_dict() for f in r.findings]} for r in batch.results],
        "cross_plan": [f.to_dict() for f in batch.cross_findings],
        "summary": {"files": len(batch.results), "files_with_errors": files_with_errors(batch),
                    "unreadable": unreadable_count(batch), "suppressed": batch.suppressed,
                    **{s.name: n for s, n in counts.items()}},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
