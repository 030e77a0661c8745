"""Issue 11: the engine's fact ids cannot collide for a valid plan (docs/architecture.md, "The engine")."""
from __future__ import annotations

from plan_rules.engine import fnv1a_32


def plan_with_units(visits: dict[int, int], units: int) -> str:
    """A plan of `units` key units, unit n (1-based) with visits[n] monthly visits."""
    def unit(n: int) -> str:
        planned = "".join("\n        - {month: %d}" % (1 + v % 12) for v in range(visits.get(n, 0)))
        return f"    - name: 第{n}化工有限公司\n      visits:{planned or ' []'}\n"
    return "year: 2024\nissuer: {name: 甲市应急管理局}\nkey_inspections:\n  units:\n" + "".join(unit(n) for n in range(1, units + 1))


def test_a_valid_plan_whose_structured_ids_hash_alike_is_checked_by_the_engine(engine_checker, python_checker):
    """1,010 key units; the 106th visit of unit 12 and the 20th of unit 1010 have ids of equal
    hash, and the engine refused the plan."""
    assert fnv1a_32("ku-0012-v106") == fnv1a_32("ku-1010-v20")
    text = plan_with_units({12: 106, 1010: 20}, 1010).encode("utf-8")
    found = [[(f.code, f.message, f.line) for f in checker.check_bytes(text, "plan.yaml", ".yaml").findings]
             for checker in (engine_checker, python_checker)]
    assert found[0] == found[1] and not any(code.startswith("IN") for code, _, _ in found[0])
    assert sum(code == "KI004" for code, _, _ in found[0]) == 1008      # every unit without a visit, the two included not
