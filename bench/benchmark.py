"""Measure plan-rules against every budget of DESIGN.md and docs/architecture.md ("Budgets"),
through the command line, as a user runs it.

    .venv/bin/python bench/benchmark.py [--quick] [--only cold|plans|evaluators|documents|memory|linearity …]

Every figure is printed next to its budget, with the minimum and median over several runs
and, for times, the bare interpreter (`python -c pass`) measured in the same run: these
machines are noisy, and a figure without its baseline says little. It never fails: it
measures, the note interprets. `--quick` takes fewer runs and smaller batches, for a look
while working; its figures are rougher.
"""
from __future__ import annotations

import argparse
import os
import re
import runpy
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "fixtures" / "plans"
DOCUMENTS = ROOT / "fixtures" / "documents"
ONE_PLAN = PLANS / "clean-2021.yaml"
# The repository's batch generator: the clean plan issued by a different county each time.
MAKE_BATCH = runpy.run_path(str(ROOT / "fixtures" / "batch" / "make_batch.py"))
# Peak RSS is read from a wrapper so that each figure is this one run's (RUSAGE_CHILDREN keeps
# the largest child ever waited for, the CLI or one of its workers).
PEAK_RSS = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def program() -> list[str]:
    """The installed plan-rules script, or the package as a module: what follows `python`."""
    script = Path(sys.executable).parent / "plan-rules"
    return [str(script)] if script.exists() else ["-m", "plan_rules"]


def cli() -> list[str]:
    return [sys.executable, *program()]


def timed(command: list[str]) -> float:
    """Wall time of the command; it must have checked (exit 0 or 1), or the figure means nothing."""
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"benchmark: {' '.join(command)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return seconds


def spread(values: list[float], unit: str = "ms", scale: float = 1000) -> str:
    digits = 0 if unit == "ms" else 2
    return f"min {min(values) * scale:.{digits}f} {unit}, median {statistics.median(values) * scale:.{digits}f} {unit}"


def report(what: str, figure: str, budget: str, met, note: str = "") -> None:
    verdict = {True: "met", False: "NOT MET", None: "-"}[met]
    print(f"{what:<44} {figure:>18}   budget {budget:<22} {verdict:<8} {note}", flush=True)


def bare_interpreter(runs: int) -> list[float]:
    return [timed([sys.executable, "-c", "pass"]) for _ in range(runs)]


# ---- cold start ----------------------------------------------------------------------------

def cold_start(runs: int) -> None:
    """Paired runs: each check right after a bare interpreter, so that both see the same load."""
    command = cli() + ["check", str(ONE_PLAN)]
    timed(command)      # warm the OS file cache, not the interpreter
    bare, cold = [], []
    for _ in range(runs):
        bare += bare_interpreter(1)
        cold.append(timed(command))
    over = [c - b for c, b in zip(cold, bare)]
    report(f"cold start over bare python ({runs} pairs)", f"{statistics.median(over) * 1000:.0f} ms", "<= 200 ms over",
           statistics.median(over) <= 0.2, f"check {spread(cold)}; bare python {spread(bare)}")
    import_times()


def import_times(shown: int = 8) -> None:
    """Secondary: which top-level packages the cold check imports, by their own import time."""
    done = subprocess.run([sys.executable, "-X", "importtime", *program(), "check", str(ONE_PLAN)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    own = Counter()
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)", line)
        if match:
            own[match.group(2).split(".")[0]] += int(match.group(1))
    listed = ", ".join(f"{name} {us / 1000:.0f}" for name, us in own.most_common(shown))
    print(f"{'':<4}-X importtime, own ms by top-level package (one run, total {sum(own.values()) / 1000:.0f} ms): {listed}")


# ---- batches ---------------------------------------------------------------------------------

def write_plans(folder: Path, count: int) -> None:
    """`count` plans from the repository's generator, half YAML and half JSON; two in three
    with key-inspection days off by one or two, so that the batch has findings to report
    (WD009, WD010) and a report that keeps them shows in memory."""
    template = MAKE_BATCH["TEMPLATE"].read_text(encoding="utf-8")
    for index in range(count):
        text = MAKE_BATCH["plan_text"](index, template).replace("  key: 490", f"  key: {490 + index % 3}", 1)
        if index % 2:
            Path(folder, f"plan-{index:05d}.json").write_text(MAKE_BATCH["as_json"](text), encoding="utf-8")
        else:
            Path(folder, f"plan-{index:05d}.yaml").write_text(text, encoding="utf-8")


def batch_command(folder: Path, jobs: int, *options: str) -> list[str]:
    return cli() + ["check", str(folder), "--format", "json", "--output", os.devnull, "--force", "--quiet",
                    "--fail-on", "never", "--jobs", str(jobs), *options]


def throughput(label: str, folder: Path, count: int, budget: float, runs: int) -> None:
    times = [timed(batch_command(folder, 2)) for _ in range(runs)]
    bare = bare_interpreter(runs)
    best, median = count / min(times), count / statistics.median(times)
    report(label, f"{best:.0f} files/s", f">= {budget:.0f} files/s, -j 2", best >= budget,
           f"best of {runs}, median {median:.0f} files/s; {count} files in {spread(times, 's', 1)[4:]}; "
           f"bare python {spread(bare)}")


def evaluator_ratio(folder: Path, count: int, runs: int) -> None:
    """Both evaluators on the same plans in one process (-j 1), paired run by run."""
    engine, plain = [], []
    for _ in range(runs):
        engine.append(timed(batch_command(folder, 1, "--evaluator", "engine")))
        plain.append(timed(batch_command(folder, 1, "--evaluator", "python")))
    ratio = min(plain) / min(engine)
    report("plain evaluator / engine, -j 1", f"{ratio:.2f}x", "<= 1.2x", ratio <= 1.2,
           f"least times; median of paired ratios {statistics.median(p / e for p, e in zip(plain, engine)):.2f}x "
           f"over {runs} pairs; {count} plans: engine "
           f"{spread(engine, 's', 1)}, plain {spread(plain, 's', 1)}")


def peak_rss_mb(command: list[str]) -> tuple[float, float]:
    """(peak RSS in MB of the largest process, wall seconds) of one run of the command."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PEAK_RSS, *command], capture_output=True, text=True, cwd=ROOT)
    return int(done.stdout.strip()) / 1024, time.perf_counter() - start


# Streamed as files are checked, except HTML: its page ranks every plan before the first one,
# so it is rendered whole from a batch that keeps them (plan_rules/report/__init__.py).
MEMORY_FORMATS = ("text", "json", "sarif", "junit", "html")


def memory(small: int, large: int, runs: int) -> None:
    """Peak RSS of the CLI batch (the largest process: the main one or a worker) at two sizes,
    format by format; and, from the same runs, whether the time per plan stays the same (the
    checks across plans included)."""
    with tempfile.TemporaryDirectory() as tmp:
        folders = {}
        for count in (small, large):
            folders[count] = Path(tmp, str(count))
            folders[count].mkdir()
            write_plans(folders[count], count)
        for format_name in MEMORY_FORMATS:
            output = Path(tmp, f"report.{format_name}")
            peaks, seconds = {}, {}
            for count, folder in folders.items():
                command = cli() + ["check", str(folder), "--format", format_name, "--output", str(output), "--force",
                                   "--quiet", "--fail-on", "never", "--jobs", "2"]
                measured = [peak_rss_mb(command) for _ in range(runs)]
                peaks[count], seconds[count] = [m for m, _ in measured], [t for _, t in measured]
            growth = min(peaks[large]) - min(peaks[small])
            report(f"CLI peak RSS {small:,} → {large:,} plans, {format_name}", f"{growth:+.1f} MB", "<= 20 MB growth",
                   growth <= 20, f"min/median {min(peaks[small]):.0f}/{statistics.median(peaks[small]):.0f} MB → "
                   f"{min(peaks[large]):.0f}/{statistics.median(peaks[large]):.0f} MB over {runs} runs"
                   + ("; rendered whole, not streamed" if format_name == "html" else ""))
            if format_name == "text":
                per_plan = {count: min(seconds[count]) / count for count in seconds}
                ratio = per_plan[large] / per_plan[small]
                report(f"linearity: time per plan, {large:,} / {small:,}", f"{ratio:.2f}x", "about 1x (linear)",
                       ratio <= 1.25, f"{per_plan[small] * 1e3:.2f} ms → {per_plan[large] * 1e3:.2f} ms a plan through "
                       f"the CLI, -j 2, cross-plan checks included; least of {runs}")


def document_batch(suffix: str, count: int, budget: float, runs: int) -> None:
    sources = sorted(DOCUMENTS.glob(f"*{suffix}"))
    with tempfile.TemporaryDirectory() as tmp:
        for index in range(count):
            shutil.copy(sources[index % len(sources)], Path(tmp, f"doc-{index:05d}{suffix}"))
        throughput(f"{suffix} documents through the CLI", Path(tmp), count, budget, runs)


# ---- linearity -----------------------------------------------------------------------------

def big_plan(units: int) -> str:
    """The clean plan with `units` key units, each with its own name and one visit."""
    import yaml

    plan = yaml.safe_load(ONE_PLAN.read_text(encoding="utf-8"))
    template = plan["key_inspections"]["units"][0]
    plan["key_inspections"]["units"] = [{**template, "name": f"清河县第{i}化工有限公司",
                                         "visits": [{"month": 1 + i % 12, "officers": 2, "days": 1}]}
                                        for i in range(units)]
    plan["key_inspections"]["unit_count"] = units
    return yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)


def least_time(path: Path, runs: int) -> float:
    return min(timed(cli() + ["check", str(path)]) for _ in range(runs))


def marginal_costs(paths: list[Path], sizes: list[int], runs: int) -> list[float]:
    """The time each step up in size adds, per unit of size (least of `runs` checks at each
    size): start-up and the libraries a first document imports cancel out."""
    times = [least_time(path, runs) for path in paths]
    return [(times[i + 1] - times[i]) / (sizes[i + 1] - sizes[i]) for i in range(len(times) - 1)]


def linear(low: float, high: float):
    """Met when the larger step costs at most a quarter more per unit; no verdict when either
    step came out at or below zero (noise larger than the step)."""
    if low <= 0 or high <= 0:
        return None
    return high / low <= 1.25


def linearity(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        units = [1000, 2000, 4000]
        paths = []
        for count in units:
            paths.append(Path(tmp, f"units-{count}.yaml"))
            paths[-1].write_text(big_plan(count), encoding="utf-8")
        low, high = marginal_costs(paths, units, runs)
        report("linearity: time per key unit, 2k→4k / 1k→2k", f"{high / low:.2f}x", "about 1x (linear)",
               linear(low, high), f"{low * 1e6:.0f} µs → {high * 1e6:.0f} µs a unit added; least of {runs} checks each")
        source = (DOCUMENTS / "lishan-2023.txt").read_text(encoding="utf-8")
        sizes, paths = [], []
        for copies in (4, 16, 64):     # big enough that start-up noise is small beside the steps
            text = "\n".join([source] * copies)
            paths.append(Path(tmp, f"document-{copies}.txt"))
            paths[-1].write_text(text, encoding="utf-8")
            sizes.append(len(text))
        low, high = marginal_costs(paths, sizes, runs)
        report("linearity: time per character, 16x→64x / 4x→16x", f"{high / low:.2f}x", "about 1x (linear)",
               linear(low, high), f"{low * 1e6:.1f} µs → {high * 1e6:.1f} µs a character added (one .txt plan "
               f"repeated); least of {runs} checks each")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and smaller batches: a rough look")
    parser.add_argument("--only", choices=SECTIONS, action="append", help="measure only this (repeatable)")
    args = parser.parse_args()
    runs, cold_runs, plans, documents = (2, 5, 400, 60) if args.quick else (3, 15, 1000, 200)
    memory_sizes = (200, 2000) if args.quick else (1000, 10000)
    print(f"plan-rules benchmark{' (quick)' if args.quick else ''}: {os.cpu_count()} cores, "
          f"Python {sys.version.split()[0]}, {' '.join(cli())}")
    wanted = set(args.only or SECTIONS)
    if "cold" in wanted:
        cold_start(cold_runs)
    if wanted & {"plans", "evaluators"}:
        with tempfile.TemporaryDirectory() as tmp:
            write_plans(Path(tmp), plans)
            if "plans" in wanted:
                throughput("structured plans through the CLI", Path(tmp), plans, 1000, runs)
            if "evaluators" in wanted:
                evaluator_ratio(Path(tmp), plans, runs)
    if "documents" in wanted:
        document_batch(".txt", documents, 100, runs)
        document_batch(".docx", documents, 50, runs)
    if "memory" in wanted:
        memory(*memory_sizes, runs=1 if args.quick else 2)
    if "linearity" in wanted:
        linearity(runs + 2)


SECTIONS = ("cold", "plans", "evaluators", "documents", "memory", "linearity")


if __name__ == "__main__":
    main()
