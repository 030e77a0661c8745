"""The durable_rules adapter: the only module that imports `durable` (docs/architecture.md, "The engine").

Guards, each against a reproduced defect of durable-rules 2.0.28:
- actions run synchronously on the caller's thread (`Host._run` disabled, the C
  `assert_facts` then `do_actions` called directly): the public API runs them later on timer
  threads when any fact matches no rule (§3.1);
- one sid per plan, one `assert_facts` per plan (§3.2), `delete_state` after every plan so
  memory stays flat and the 1,024-sid limit is never reached (§2.5, §3.16);
- a sentinel rule that fires once per plan, so `delete_state` never frees uninitialised
  pointers (§3.7);
- explicit unique fact ids, given to the engine so that their 32-bit FNV-1a hashes differ
  too: the engine compares ids by hash only and silently drops the second fact (§3.4–3.6),
  and structured ids do collide in valid plans (`ku-0012-v106`, the 106th visit of the 12th
  key unit, and `ku-1010-v20` both hash to 0x2df085f1). An id whose hash is taken goes to
  the engine with a suffix (`~1`) and comes back as it was;
- exceptions in actions caught and re-raised after the batch instead of swallowed (§3.11);
- the ruleset definition deep-copied before registering, which mutates it (§3.14);
- the `DeprecationWarning` of `durable.engine` on Python 3.12 filtered (§3.18);
- one match per rule and subjects: the engine compiles `$or` into alternative paths and
  fires once for every branch that holds (seen here: WD001's three accepted values, two of
  them equal), where a rule means one violation;
- the conditions as conditions.py guards them, with an `$ex` test for every field read on
  a right-hand side: the engine fires a comparison whose right-hand operand is missing,
  depending on the other value (seen here: `supervision_x100 < total × floor` fired for a
  plan without a total), and fails a whole `$or` one of whose branches reads a missing
  field; the plain evaluator runs the same guarded conditions.
"""
from __future__ import annotations

import copy
import itertools
import json
import warnings
from functools import lru_cache
from typing import Optional

from .conditions import Match
from .facts.vocabulary import Fact
from .ruleset import Check

RULESET = "plan_rules"
SENTINEL = "__sentinel__"
MESSAGE_NOT_HANDLED = 1   # some fact matched no rule: normal (§3.3)



class EngineError(RuntimeError):
    """The engine refused a plan's facts or an action failed."""


@lru_cache(maxsize=65536)   # plans share most ids ("plan", "item-o01", …)
def fnv1a_32(text: str) -> int:
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def check_numbers(facts: list[Fact]) -> None:
    """§2.7: floats written in exponent notation break the engine's batch assert silently, and
    ints beyond 64 bits saturate; facts.number() never makes them, this makes sure."""
    for fact in facts:
        for key, value in fact.items():
            kind = type(value)
            if kind is int and not -2 ** 63 < value < 2 ** 63 or kind is float and "e" in repr(value):
                raise EngineError(f"事实 {fact.get('id')} 的 {key} = {value!r} 超出引擎可靠表示的范围")


def condition_fields(condition: dict, fields: set[str]) -> None:
    """Collect every field a condition reads, on its own fact or on a bound one."""
    (op, body), = condition.items()
    if op in ("$and", "$or"):
        for part in body:
            condition_fields(part, fields)
    elif op in ("$ex", "$nex"):
        fields.update(body)
    else:
        (field, rhs), = body.items() if op.startswith("$") else ((op, body),)
        fields.add(field)
        operand_fields(rhs, fields)


def operand_fields(rhs, fields: set[str]) -> None:
    if isinstance(rhs, dict):
        (op, body), = rhs.items()
        if op in ("$add", "$sub", "$mul"):
            operand_fields(body["$l"], fields)
            operand_fields(body["$r"], fields)
        else:
            fields.add(body)      # `$m` or a bound pattern's name: a field either way


def check_identities(facts: list[Fact]) -> None:
    ids = [f["id"] for f in facts]
    if len(set(ids)) != len(ids):
        raise EngineError(f"事实编号重复：{sorted({i for i in ids if ids.count(i) > 1})}")


def engine_ids(ids: list[str], sid: str) -> dict[str, str]:
    """Each fact id as the engine is given it: itself, or, when its hash is taken already (by
    another fact or the session's own state fact, §2.5), itself with the first suffix `~n`
    whose hash is free. The same plan always gets the same ids."""
    taken = {fnv1a_32.__wrapped__(f"sid-{sid}")}     # a new sid each plan: not worth a cache entry
    chosen = {}
    for fact_id in ids:
        candidate, suffix = fact_id, 0
        while fnv1a_32(candidate) in taken:
            suffix += 1
            candidate = f"{fact_id}~{suffix}"
        taken.add(fnv1a_32(candidate))
        chosen[fact_id] = candidate
    return chosen


def unique_matches(matches: list[Match]) -> list[Match]:
    seen, unique = set(), []
    for name, bound in matches:
        key = (name, tuple(fact["id"] for _, fact in bound))
        if key not in seen:
            seen.add(key)
            unique.append((name, bound))
    return unique


class DurableEngine:
    """One Host and one compiled ruleset per process (docs/architecture.md, "The engine")."""

    def __init__(self, checks: list[Check]):
        warnings.filterwarnings("ignore", category=DeprecationWarning, module="durable.engine")
        from durable import engine as durable_engine
        import durable_rules_engine

        class SyncHost(durable_engine.Host):
            def _run(self):   # no timer threads (§3.1): run_actions below fires every match
                pass

            def get_action(self, name):   # registration wants a callable; matches are read in run_actions
                return lambda c: None

        self._native = durable_rules_engine
        self._sids = itertools.count(1)
        self._host = SyncHost()
        definition = {c.name: {**c.guarded, "run": c.name} for c in checks}
        definition[SENTINEL] = {"all": [{"m": {"kind": "plan"}}], "run": SENTINEL}
        self._host.register_rulesets(copy.deepcopy({RULESET: definition}))
        self._handle = self._host.get_ruleset(RULESET)._handle
        # The engine is given only the fields some condition reads (and the id): the words and
        # paths that messages use stay here, and each activation is read back as ids only.
        # Half the adapter's time was serialising facts to JSON and parsing them back.
        self._read = {"kind"}
        for check in checks:
            for pattern in check.guarded["all"]:
                condition_fields(next(iter(pattern.values())), self._read)

    def evaluate(self, facts: list[Fact]) -> list[Match]:
        check_identities(facts)
        sid = str(next(self._sids))
        given = engine_ids([f["id"] for f in facts], sid)
        read = self._read
        sent = [{**{k: v for k, v in f.items() if k in read}, "id": given[f["id"]], "sid": sid} for f in facts]
        check_numbers(sent)
        payload = json.dumps(sent, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        code, state = self._native.assert_facts(self._handle, payload)
        if code not in (0, MESSAGE_NOT_HANDLED):
            self._host.delete_state(RULESET, sid)
            raise EngineError(f"引擎拒绝了事实（代码 {code}）")
        # Deleted only once every activation has completed: deleting a session whose sentinel
        # action never ran frees uninitialised pointers and aborts the process (§3.7, seen here
        # when taking the matches failed). After such a failure the session is left to leak.
        matches = self.run_actions(state, {given[f["id"]]: f for f in facts})
        self._host.delete_state(RULESET, sid)
        return unique_matches(matches)

    def run_actions(self, state: int, facts: dict[str, Fact]) -> list[Match]:
        """Take every pending activation of the session, in the engine's order, on this thread;
        each bound fact as the plan's own fact (`facts`: the engine's id → the fact), of which
        the engine holds only what the conditions read.

        This is `Ruleset.do_actions` without its per-action overhead: no Closure, no Promise that
        swallows exceptions (§3.11), and no `update_state` of a state no action changes. Each
        activation must still be completed, or the session's action state is left half-set
        (the sentinel rule exists for that, §3.7)."""
        matches: list[Match] = []
        started = self._native.start_action_for_state(self._handle, state)
        message = json.loads(started[1]) if started else None
        while message:
            name, bound = next(iter(message.items()))   # one activation per message, as do_actions reads it
            if name != SENTINEL:
                matches.append((name, tuple((key, facts[fact["id"]]) for key, fact in bound.items())))
            following = self._native.complete_and_start_action(self._handle, state)
            message = json.loads(following) if following else None
        return matches


def why_unavailable() -> Optional[ImportError]:
    """Why durable_rules cannot be imported in this interpreter (on Python 3.13 it does not,
    §3.19, and is not installed), or None where it can."""
    try:
        from durable import engine  # noqa: F401
        import durable_rules_engine  # noqa: F401
    except ImportError as error:
        return error
    return None
