"""Benchmarks of SPEC § 10: each figure printed next to its target. Run: `.venv/bin/python bench/run.py`.

Measures command start-up, `tnld list` on an empty store, adding 100,000 accidents from JSON Lines (time, peak
memory of the process), the database size, one save, search as you type over the 100,000 (accent-free, per
keystroke), the first page of the list and the full id list, bundles and login; then the desktop program
(`bench/gui.py`: start to login, the main window on the 100,000, saving from the form, the picker, the keys of
a two-victim accident, the print preview, UI stalls during long work, closing during long work). `--only gui`
measures the desktop part alone. Not a test: nothing here fails the build; it prints the figures to quote.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.pop("TNLD_TEST_FAST_KDF", None)  # the test suite's cheap key derivation: never in a measurement

PASSWORD = "bench-password"
PEAK_RSS = (
    "import resource, subprocess, sys; "
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)"
)
ROWS: list[tuple[str, str, str, str]] = []
RESULTS: list[dict] = []  # the same figures for machines: written as JSON beside the table


def report(name: str, value: float, unit: str, target: float | None = None) -> None:
    shown = f"{value:,.0f} {unit}" if value >= 100 else f"{value:.3g} {unit}"
    if target is None:
        ROWS.append((name, shown, "—", ""))
    else:
        ROWS.append((name, shown, f"≤ {target:g} {unit}", "ok" if value <= target else "OVER"))
    RESULTS.append({"figure": name, "measured": round(value, 4), "unit": unit, "target": target,
                    "pass": None if target is None else value <= target})
    print(f"  {name}: {shown}", flush=True)


def tnld(*args: str, data_dir: Path | None = None) -> list[str]:
    command = [sys.executable, "-m", "app"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return command + list(args)


def timed_runs(command: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run_with_peak(command: list[str]) -> tuple[float, float]:
    """Wall time and peak resident memory (MB) of *command*."""
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", PEAK_RSS, *command], capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - started
    peak_kb, code = out.stdout.split()
    if code != "0":
        raise SystemExit(f"command failed: {' '.join(command)}")
    return elapsed, int(peak_kb) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000, help="accidents to add (default 100,000)")
    parser.add_argument("--keep", metavar="DIR", help="keep the data folder here instead of a temp folder")
    parser.add_argument("--reuse", action="store_true", help="with --keep: reuse the filled store, skip the add")
    parser.add_argument("--only", choices=("records", "bundles", "login", "gui"), help="run one part only (gui: the "
                        "desktop program's figures, on the store filled by an earlier run with --keep DIR --reuse)")
    parser.add_argument("--bundles", type=int, default=100, help="bundles to import (default 100)")
    parser.add_argument("--per-bundle", type=int, default=500, help="accidents per bundle (default 500)")
    parser.add_argument("--frozen", nargs="?", const=str(ROOT / "dist" / "TNLD"), metavar="BUILD",
                        help="measure the built program (default dist/TNLD, made by ./dev.sh build): its size, "
                        "start to the login window, tnld --version")
    parser.add_argument("--json", metavar="FILE", help="write the results here (default: results.json beside the "
                        "data folder)")
    args = parser.parse_args()
    os.environ["TNLD_PASSWORD"] = PASSWORD
    os.environ.setdefault("LANG", "C.UTF-8")
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="tnld-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    data = work / "data"
    if data.exists() and not args.reuse:
        shutil.rmtree(data)

    results = Path(args.json) if args.json else work / "results.json"
    if args.frozen:
        bench_frozen(Path(args.frozen), work)
        print_table(work, results)
        return
    if args.only == "login":
        bench_login(work)
        print_table(work, results)
        return
    if args.only == "gui":
        if not (data / "keys.json").exists():
            init_and_add(work, data, args.count)
        bench_gui(work, data)
        print_table(work, results)
        return
    if args.only != "records":
        bench_bundles(work, args.bundles, args.per_bundle)
    if args.only == "bundles":
        print_table(work, results)
        return
    print("Start-up")
    report("tnld --version", timed_runs(tnld("--version")), "s", 0.5)
    if not (data / "keys.json").exists():
        subprocess.run(tnld("init", "--role", "commune", "--unit", "06040", "--admin", "admin", data_dir=data),
                       stdout=subprocess.DEVNULL, check=True)
        report("tnld list, empty store (login included)", timed_runs(tnld("list", data_dir=data)), "s", 0.5)
    if args.reuse and (data / "tnld.db").exists():
        print("Reusing the filled store")
    else:
        add_accidents(work, data, args.count)
    in_process(data, args.count)
    bench_gui(work, data)
    print_table(work, results)


def init_and_add(work: Path, data: Path, count: int) -> None:
    subprocess.run(tnld("init", "--role", "commune", "--unit", "06040", "--admin", "admin", data_dir=data),
                   stdout=subprocess.DEVNULL, check=True)
    add_accidents(work, data, count)


def bench_gui(work: Path, data: Path) -> None:
    """The desktop program (bench/gui.py): on the filled store, and on a demo commune of 120 accidents for the
    forms, the export and the reports (their stalls and times do not grow with the store's size)."""
    from bench import gui

    small = work / "demo"
    if not (small / "keys.json").exists():
        # The password explicitly: importing tests.conftest (in_process) clears TNLD_PASSWORD from the environment.
        subprocess.run(tnld("demo", "--role", "commune", "--count", "120", data_dir=small),
                       stdout=subprocess.DEVNULL, check=True, env=dict(os.environ, TNLD_PASSWORD=PASSWORD))
    gui.run(report, data, small, PASSWORD, work)


def print_table(work: Path, results: Path | None = None) -> None:
    print()
    width = max(len(r[0]) for r in ROWS)
    print(f"{'figure'.ljust(width)}  {'measured':>14}  {'target':>12}")
    for name, shown, target, verdict in ROWS:
        print(f"{name.ljust(width)}  {shown:>14}  {target:>12}  {verdict}")
    print(f"\n(data in {work}; {os.cpu_count()} cores)")
    if results is not None:
        results.parent.mkdir(parents=True, exist_ok=True)
        results.write_text(json.dumps({"when": dt.datetime.now().isoformat(timespec="seconds"),
                                       "cores": os.cpu_count(), "results": RESULTS}, ensure_ascii=False, indent=1)
                           + "\n", encoding="utf-8")
        print(f"(results as JSON: {results})")


def bench_frozen(build: Path, work: Path) -> None:
    """The built program (SPEC § 10): its size on disk, start to the login window, `tnld --version`, and `tnld list`
    on an empty store, each the median of 5 runs of the executables in *build*."""
    windows = sys.platform == "win32"
    suffix = ".exe" if windows else ""
    gui, cli = build / f"TNLD{suffix}", build / f"{'tnld-cli' if windows else 'tnld'}{suffix}"
    if not cli.is_file():
        raise SystemExit(f"no build in {build}: run ./dev.sh build (or python packaging/build.py) first")
    print(f"The built program in {build}")
    files = [p for p in build.rglob("*") if p.is_file() and not p.is_symlink()]
    report("build folder on disk", sum(p.stat().st_size for p in files) / 1e6, "MB", 150)
    data = work / "frozen-data"
    shutil.rmtree(data, ignore_errors=True)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), TNLD_PASSWORD=PASSWORD)
    subprocess.run([str(cli), "--data-dir", str(data), "init", "--role", "commune", "--unit", "06040", "--admin",
                    "admin"], stdout=subprocess.DEVNULL, check=True, env=env)
    times = []
    for _ in range(5):
        started = time.perf_counter()
        process = subprocess.Popen([str(gui), "--data-dir", str(data)], env=dict(env, TNLD_STARTUP_PROBE="1"),
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = process.stdout.readline()
        times.append(time.perf_counter() - started)
        process.wait(timeout=30)
        if not line.startswith("TNLD_STARTUP_PROBE "):
            raise SystemExit(f"the built program showed no login window: {line!r}")
    report("built program: start to login window", statistics.median(times), "s", 0.5)
    report("built tnld --version", timed_runs([str(cli), "--version"]), "s", 0.5)
    report("built tnld list, empty store (login included)", timed_runs([str(cli), "--data-dir", str(data), "list"]),
           "s", 0.5)


def bench_login(work: Path) -> None:
    """Login (SPEC § 10: ≤ 1.0 s, key derivation included): the scrypt derivation alone, a login of a new data
    folder (median of 5), and the first login of a version 0.1.0 folder (its key file is upgraded then)."""
    import statistics

    from app.db import keyfile
    from app.services.workspace import initialise, login

    print("Login")
    root = work / "login"
    shutil.rmtree(root, ignore_errors=True)
    times = []
    for _ in range(5):
        started = time.perf_counter()
        keyfile._derive(PASSWORD, b"salt" * 4, keyfile.SCRYPT_N, keyfile.SCRYPT_R, keyfile.SCRYPT_P)
        times.append(time.perf_counter() - started)
    report(f"scrypt N=2^{keyfile.SCRYPT_N.bit_length() - 1}, r={keyfile.SCRYPT_R} (median of 5)",
           statistics.median(times), "s")
    initialise(root / "new", role="commune", unit="06040", admin="admin", password=PASSWORD)
    times = []
    for _ in range(5):
        started = time.perf_counter()
        login(root / "new", "admin", PASSWORD).close()
        times.append(time.perf_counter() - started)
    report("login of a new data folder (median of 5)", statistics.median(times), "s", 1.0)
    old = shutil.copytree(ROOT / "tests" / "fixtures" / "datadir-v0.1.0", root / "old")
    started = time.perf_counter()
    login(old, "admin", "fixture-password").close()
    report("first login of a 0.1.0 folder (migrations, key file upgraded)", time.perf_counter() - started, "s")
    started = time.perf_counter()
    login(old, "admin", "fixture-password").close()
    report("next login of that folder", time.perf_counter() - started, "s", 1.0)


def bench_bundles(work: Path, bundles: int, per_bundle: int) -> None:
    """An office of a province with more than 100 communes imports one bundle from each of *bundles* communes."""
    import json

    from app.core.codelists import CodeLists
    from app.core.interchange import dumps
    from app.exchange.bundle import INCIDENTS, RECORDS, Part, build
    from app.exchange.identity import card_bytes, new_identity
    from app.services.demo import generate, write_demo_file
    from app.services.keys import own_identity, trust_card
    from app.services.workspace import initialise, login

    print(f"Bundles: {bundles} communes, {per_bundle} accidents each")
    root = work / "bundles"
    shutil.rmtree(root, ignore_errors=True)
    (root / "cards").mkdir(parents=True)
    (root / "stick").mkdir()
    office = root / "office"
    initialise(office, role="office", unit="79", admin="admin", password=PASSWORD, office_name="Sở Nội vụ TP. Hồ Chí Minh")
    today = dt.date.today()
    communes = [code.code for code in CodeLists().communes_of("79") if code.valid_on(today)][:bundles]
    now = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    with login(office, "admin", PASSWORD) as session:
        office_card = own_identity(session).public
        (root / "cards" / "office.card").write_bytes(card_bytes(office_card))
        for number, unit in enumerate(communes):
            identity = new_identity("commune", unit, session.codelists.unit_name(unit))
            card = root / "cards" / f"{unit}.card"
            card.write_bytes(card_bytes(identity.public))
            trust_card(session, card)
            lines = []
            for accident in generate(per_bundle, [unit], today, seed=number, years=1):
                accident.update(version=1, created_at=now, updated_at=now, author="bench")
                lines.append(dumps(accident) + "\n")
            victims = sum(len(json.loads(line)["victims"]) for line in lines)
            manifest = {"kind": "report", "period": str(today.year), "created_at": now, "sequence": 1,
                        "previous_hash": None, "nil": False, "counts": {"accidents": per_bundle, "victims": victims,
                                                                         "void": 0, "incidents": 0},
                        "contains": [], "codelists_version": session.codelists.versions()}
            build(root / "stick" / f"{unit}.tnld", identity, manifest,
                  [Part(RECORDS, "".join(lines).encode(), "application/x-ndjson"),
                   Part(INCIDENTS, b"", "application/x-ndjson")], office_card)
        # The office of SPEC § 10 has 100 communes: expect those (the province has more, which would each get a
        # column group of zeros).
        from app.services.settings import set_setting

        set_setting(session, "expected_units", communes)
        # Today's automatic backup is made by the first change of the day; measured on its own below.
        from app.services.backup import auto_backup

        auto_backup(session)
    size = sum(p.stat().st_size for p in (root / "stick").glob("*.tnld"))
    report(f"{bundles} bundles on the stick", size / 1e6, "MB")
    elapsed, peak = run_with_peak(tnld("import", str(root / "stick"), "--receipts", str(root / "receipts"),
                                       data_dir=office))
    report(f"tnld import {bundles} bundles, {bundles * per_bundle:,} accidents (verification included)", elapsed, "s", 10)
    report("peak memory of tnld import", peak, "MB", 300)
    elapsed, _ = run_with_peak(tnld("import", str(root / "stick"), data_dir=office))
    report(f"tnld import the same {bundles} bundles again (all 'already imported')", elapsed, "s")
    for fmt in ("xlsx", "pdf"):
        elapsed, peak = run_with_peak(tnld("report", "--period", str(today.year), "--format", fmt, "--out",
                                           str(root / f"office-report.{fmt}"), data_dir=office))
        report(f"periodic report of the office, {bundles} communes, {bundles * per_bundle:,} accidents, {fmt}"
               " (login included)", elapsed, "s", 5)
        report(f"  peak memory ({fmt})", peak, "MB", 300)
    with login(office, "admin", PASSWORD) as session:
        from app.services.backup import write_backup

        started = time.perf_counter()
        write_backup(session, root / "daily.tnldbak", kind="auto")
        report(f"the daily automatic backup after it ({bundles * per_bundle:,} accidents)", time.perf_counter() - started,
               "s")

    commune = root / "commune"
    initialise(commune, role="commune", unit="06040", admin="admin", password=PASSWORD)
    source = root / "commune-year.jsonl"
    write_demo_file(source, 1000, ["06040"], today, seed=5, years=1)
    subprocess.run(tnld("add", str(source), data_dir=commune), stdout=subprocess.DEVNULL, check=True)
    subprocess.run(tnld("keys", "trust", str(root / "cards" / "office.card"), data_dir=commune),
                   stdout=subprocess.DEVNULL, check=False)
    times = []
    for run in range(3):
        started = time.perf_counter()
        subprocess.run(tnld("export", "--period", str(today.year), "--out", str(root / f"year-{run}.tnld"),
                            data_dir=commune), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - started)
    report("tnld export of a commune year (1,000 accidents, login included, median of 3)", statistics.median(times), "s")


def add_accidents(work: Path, data: Path, count: int) -> None:
    from app.services.demo import write_demo_file

    print(f"Adding {count:,} accidents")

    source = work / f"accidents-{count}-1y.jsonl"
    if not source.exists():
        # Within one year, so that the year's line list holds every victim (about 115,000 for 100,000 accidents).
        write_demo_file(source, count, ["06040"], dt.date.today(), seed=42, years=1)
    report("input file", source.stat().st_size / 1e6, "MB")
    elapsed, peak = run_with_peak(tnld("add", str(source), data_dir=data))
    report(f"tnld add {count:,} (JSONL, validation included)", elapsed, "s")
    report("  = per accident", elapsed / count * 1000, "ms")
    report("peak memory of tnld add", peak, "MB", 300)
    size = sum(p.stat().st_size for p in data.glob("tnld.db*"))
    report("database size", size / 1e6, "MB")



def in_process(data: Path, count: int) -> None:
    report(f"tnld list (first 50 of {count:,}, login included, median of 5)",
           timed_runs(tnld("list", "--limit", "50", data_dir=data)), "s", 0.5)
    _elapsed, peak = run_with_peak(tnld("list", "--limit", "50", data_dir=data))
    report("peak memory of tnld list", peak, "MB", 300)
    year = str(dt.date.today().year)
    elapsed, peak = run_with_peak(tnld("report", "--period", year, "--kind", "linelist", "--format", "xlsx", "--out",
                                       str(data.parent / "linelist.xlsx"), "--force", data_dir=data))
    # The line list checks its row count against the store; the year's periodic JSON says how many that is.
    subprocess.run(tnld("report", "--period", year, "--format", "json", "--out", str(data.parent / "year.json"),
                        "--force", data_dir=data), stdout=subprocess.DEVNULL, check=True)
    rows = json.loads((data.parent / "year.json").read_text(encoding="utf-8"))["total"]["victims"]
    report(f"line list of {year}: {rows:,} victims (Excel, login included)", elapsed, "s")
    report("  peak memory (line list)", peak, "MB", 300)

    print("In process, on the same store")
    from app.db.accident_store import Filters
    from app.services import records
    from app.services.workspace import login

    started = time.perf_counter()
    session = login(data, "admin", PASSWORD)
    report("login (key derivation, open, migrate check)", time.perf_counter() - started, "s", 1.0)
    from app.services.search import SearchIndex

    started = time.perf_counter()
    records.warm_up(session)
    report("warm-up after login (code lists)", time.perf_counter() - started, "s")
    started = time.perf_counter()
    index = SearchIndex.load(session.store)
    report(f"list index loaded in the background ({len(index):,} records)", time.perf_counter() - started, "s")
    saves = timed_saves(session, index)
    report("save one accident, list updated (median of 20)", statistics.median(saves) * 1000, "ms", 50)
    report("save one accident, list updated (slowest of 20)", max(saves) * 1000, "ms", 50)
    saves = save_while_another_reads(session, data, index)
    report("save one accident while another process reads the folder (median of 20)",
           statistics.median(saves) * 1000, "ms", 50)
    report("save one accident while another process reads the folder (slowest of 20)", max(saves) * 1000, "ms")
    keystrokes = ["h", "ho", "hoa", "hoan", "hoang", "hoang ", "hoang v", "hoang va", "hoang van",
                  "n", "ng", "nga", "nga ", "nga c", "nga ca", "nga cao", "dien", "dien giat", "na pan", "khuoi ken"]
    for label, search in (("in memory (desktop list)", lambda q: index.find(Filters(search=q))),
                          ("in the database (command line)", lambda q: session.store.ids(Filters(search=q)))):
        timings = {}
        for query in keystrokes:
            started = time.perf_counter()
            hits = search(query)
            timings[query] = (time.perf_counter() - started, len(hits))
        worst = max(timings, key=lambda q: timings[q][0])
        target = 50 if label.startswith("in memory") else None
        report(f"search as you type {label}, median keystroke",
               statistics.median(t for t, _ in timings.values()) * 1000, "ms", target)
        report(f"search as you type {label}, slowest ({worst!r}, {timings[worst][1]:,} hits)",
               timings[worst][0] * 1000, "ms", target)
    started = time.perf_counter()
    first_page = session.store.summaries(Filters(search="nga cao"), limit=50)
    report("database search 'nga cao', first 50 rows", (time.perf_counter() - started) * 1000, "ms", 50)
    assert first_page
    started = time.perf_counter()
    all_ids = session.store.ids(Filters())
    report(f"list opens: all {len(all_ids):,} ids in date order (database)", (time.perf_counter() - started) * 1000,
           "ms", 500)
    session.close()


READER = """
import sys, time
sys.path.insert(0, sys.argv[2])
from app.db.accident_store import Filters
from app.services.workspace import login
session = login(sys.argv[1], "admin", sys.argv[3], audit=False)
print("ready", flush=True)
deadline = time.monotonic() + 120
while time.monotonic() < deadline:
    session.store.summaries(Filters(search="nga cao"), limit=50)
    session.store.count(Filters())
"""


def timed_saves(session, index, count: int = 20) -> list[float]:
    """Seconds each of *count* saves of one accident took, the in-memory list refreshed as the desktop does."""
    from app.services import records
    from tests.conftest import make_accident

    saves = []
    for _ in range(count):
        started = time.perf_counter()
        result = records.save_accident(session, make_accident(occurred_on="2026-03-14"))
        index.refresh(result.id)
        saves.append(time.perf_counter() - started)
    return saves


def save_while_another_reads(session, data: Path, index) -> list[float]:
    """Saves timed while a second process (another window, a `tnld list`) reads the same folder non-stop."""
    reader = subprocess.Popen([sys.executable, "-c", READER, str(data), str(ROOT), PASSWORD],
                              stdout=subprocess.PIPE, text=True)
    try:
        reader.stdout.readline()
        time.sleep(0.5)
        return timed_saves(session, index)
    finally:
        reader.kill()
        reader.wait()


if __name__ == "__main__":
    main()
