#!/usr/bin/env python3
"""Speed benchmark for secpat, measured in one run against Bandit, Ruff and the
``ast.parse`` floor on real source trees from the package index.

    python bench/bench.py                      # all trees, 5 measured runs each
    python bench/bench.py --trees django --runs 7
    python bench/bench.py --quick              # smoke: 1 run, small trees, no scaling
    python bench/bench.py --tree-dir ~/src/app --skip-tools bandit,ruff

See bench/README.md for what is measured and how.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
CACHE_DIR = BENCH_DIR / ".cache"
RESULTS_DIR = BENCH_DIR / "results"
AST_FLOOR = BENCH_DIR / "ast_floor.py"

# Source trees: pinned versions, fetched as sdists (wheel if no sdist exists).
PACKAGES: dict[str, str] = {
    "django": "5.2.19",
    "flask": "3.1.3",
    "werkzeug": "3.1.9",
    "fastapi": "0.165.0",
    "starlette": "1.10.0",
    "sqlalchemy": "2.1.9",
    "jinja2": "3.1.6",
    "requests": "2.34.2",
}
QUICK_TREES = ("requests", "flask")
REFERENCE_TREE = "django"  # the targets are defined on this tree

# Comparison tools, installed into their own venv under bench/.cache/.
TOOL_PINS: dict[str, str] = {"bandit": "1.9.4", "ruff": "0.17.6"}

# Targets (see README). Ratios are secpat / other.
TARGET_VS_BANDIT = 1 / 5
TARGET_VS_FLOOR = 3.0
TARGET_WARM = 0.10
TARGET_WARM_AIM_S = 1.0
TARGET_TOUCHED = 0.15
TARGET_RSS_MIB = 400.0
TARGET_SCALING = 4.4
TARGET_STRESS_S = 2.0

STRESS_LINES = 20_000
STRESS_DEPTH = 1_000

# Exit codes that are a normal outcome for each tool.
SECPAT_OK = {0, 1, 2}  # 1: findings, 2: some files could not be analysed
BANDIT_OK = {0, 1}  # 1: issues found
RUFF_OK = {0}
FLOOR_OK = {0}
# secpat also exits 2 on a usage or configuration error, and an uncaught
# exception exits 1; stderr tells those apart from a normal outcome.
CRASH_MARKER = "Traceback (most recent call last)"
SECPAT_FAILURE_MARKERS = (CRASH_MARKER, "secpat: error:", "Usage: ", "Error: ")

# Order of the cases in a round (rotated by one each round).
CASE_ORDER = (
    "secpat_cold",
    "secpat_warm",
    "secpat_touched",
    "bandit",
    "ruff",
    "floor_1proc",
    "floor_2proc",
)
CASE_LABELS = {
    "secpat_cold": "secpat cold",
    "secpat_warm": "secpat warm",
    "secpat_touched": "secpat 1 touched",
    "bandit": "bandit",
    "ruff": "ruff --select S",
    "floor_1proc": "ast.parse x1",
    "floor_2proc": "ast.parse pool x2",
}


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def now_iso() -> str:
    return _dt.datetime.now(_dt.timezone.utc).astimezone().isoformat(timespec="seconds")


# --------------------------------------------------------------------------- #
# Measuring one child process
# --------------------------------------------------------------------------- #


@dataclass
class Run:
    wall_s: float
    user_s: float
    sys_s: float
    maxrss_mib: float
    exit_code: int
    timed_out: bool = False
    stdout: str = ""
    stderr_tail: str = ""

    @property
    def cpu_s(self) -> float:
        return self.user_s + self.sys_s

    def as_json(self) -> dict:
        return {
            "wall_s": round(self.wall_s, 4),
            "cpu_s": round(self.cpu_s, 4),
            "user_s": round(self.user_s, 4),
            "sys_s": round(self.sys_s, 4),
            "maxrss_mib": round(self.maxrss_mib, 1),
            "exit_code": self.exit_code,
            "timed_out": self.timed_out,
        }


def run_problem(run: Run, ok_codes: set[int], markers: tuple[str, ...] = (CRASH_MARKER,)) -> str | None:
    """Why *run* is not a normal outcome, or None if it is."""
    if run.timed_out:
        return f"timed out after {run.wall_s:.0f}s"
    if run.exit_code not in ok_codes:
        return f"exit {run.exit_code}: {run.stderr_tail.strip()[-600:]}"
    for line in run.stderr_tail.splitlines():
        for marker in markers:
            if line.lstrip().startswith(marker):
                return f"exit {run.exit_code} with {line.strip()[:200]!r} on stderr: {run.stderr_tail.strip()[-600:]}"
    return None


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


# Working directory for every measured run (a scratch folder, so that no tool
# picks up configuration from wherever the benchmark was started).
RUN_CWD: str | None = None

# GNU time, when present, reports the peak RSS of the measured process tree
# without the benchmark driver's own memory (see README: "Peak RSS").
TIME_BIN: str | None = None


def detect_gnu_time() -> str | None:
    path = "/usr/bin/time"
    if not os.access(path, os.X_OK):
        return None
    with tempfile.NamedTemporaryFile("r") as out:
        try:
            res = subprocess.run(
                [path, "-f", "%M", "-o", out.name, "true"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=30,
            )
        except (OSError, subprocess.TimeoutExpired):
            return None
        text = out.read().strip()
    return path if res.returncode == 0 and text.isdigit() else None


def measure(
    cmd: list[str],
    *,
    timeout: float,
    capture_stdout: bool = False,
) -> Run:
    """Run *cmd* to completion and return its wall time, CPU time and peak RSS.

    The child is reaped with ``os.wait4``. On Linux the rusage it returns
    covers the child plus every descendant that was waited for (for example a
    pool's workers once they are joined): ``ru_utime``/``ru_stime`` are the
    sum over those processes, ``ru_maxrss`` is the largest single one of them.
    The kernel also folds the parent's peak RSS at fork time into the child's
    ``ru_maxrss``, so when GNU time is available the command runs under it and
    the peak RSS is the one GNU time reports (it forks from a ~2 MiB process).
    """
    with (
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryFile() as out,
        tempfile.NamedTemporaryFile("r", prefix="rss-") as rss_file,
    ):
        argv = [TIME_BIN, "-f", "%M", "-o", rss_file.name, *cmd] if TIME_BIN else cmd
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=out if capture_stdout else subprocess.DEVNULL,
            stderr=err,
            cwd=RUN_CWD,
            start_new_session=True,  # own process group: a timeout kills the whole tree
        )
        timed_out = threading.Event()

        def on_timeout() -> None:
            timed_out.set()
            _kill_group(proc.pid)

        timer = threading.Timer(timeout, on_timeout)
        timer.daemon = True
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        proc.returncode = code  # reaped here, not by Popen
        maxrss_kib = float(usage.ru_maxrss)  # KiB on Linux
        if TIME_BIN:
            # Last line is %M; a line before it may say how the command ended.
            lines = rss_file.read().strip().splitlines()
            if lines and lines[-1].strip().isdigit():
                maxrss_kib = float(lines[-1].strip())
            if any("terminated by signal" in ln for ln in lines) and code > 128:
                code = -(code - 128)  # same convention as an unwrapped child
        err.seek(0)
        tail = err.read()[-4000:].decode("utf-8", "replace")
        text = ""
        if capture_stdout:
            out.seek(0)
            text = out.read().decode("utf-8", "replace")
    return Run(
        wall_s=wall,
        user_s=usage.ru_utime,
        sys_s=usage.ru_stime,
        maxrss_mib=maxrss_kib / 1024.0,
        exit_code=code,
        timed_out=timed_out.is_set(),
        stdout=text,
        stderr_tail=tail,
    )


def own_maxrss_mib() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


# --------------------------------------------------------------------------- #
# Source trees
# --------------------------------------------------------------------------- #


@dataclass
class Tree:
    name: str
    path: Path
    version: str | None = None
    origin: str = "local"  # "sdist", "wheel" or "local"
    files: int = 0
    py_files: int = 0
    py_lines: int = 0
    touch_file: str | None = None  # relative to path

    def as_json(self) -> dict:
        return {
            "name": self.name,
            "version": self.version,
            "origin": self.origin,
            "path": str(self.path),
            "files": self.files,
            "py_files": self.py_files,
            "py_lines": self.py_lines,
            "touched_file": self.touch_file,
        }


def walk_files(root: Path) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            found.append(Path(dirpath) / name)
    return found


def count_tree(tree: Tree) -> None:
    files = walk_files(tree.path)
    tree.files = len(files)
    py = [f for f in files if f.suffix == ".py"]
    tree.py_files = len(py)
    lines = 0
    for f in py:
        data = f.read_bytes()
        lines += data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)
    tree.py_lines = lines


def pick_touch_file(tree: Tree, override: str | None) -> str | None:
    """The file appended to in the 'one file touched' case.

    Deterministic: the middle one, by sorted path, of the tree's non-test,
    non-``__init__`` modules (any ``.py`` file if there are none).
    """
    if override:
        if not (tree.path / override).is_file():
            raise SystemExit(f"--touch-file {override}: not a file in {tree.path}")
        return override
    rel = [f.relative_to(tree.path) for f in walk_files(tree.path) if f.suffix == ".py"]
    if not rel:
        return None
    skip = {"tests", "test", "testing", "docs", "doc", "examples", "scripts"}
    preferred = [
        r for r in rel if r.name != "__init__.py" and not (set(r.parts[:-1]) & skip) and not r.name.startswith("test")
    ]
    pool = preferred or rel
    return str(pool[len(pool) // 2])


def _pip(*args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "pip", "--disable-pip-version-check", *args]
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _safe_extract_tar(archive: Path, dest: Path) -> None:
    with tarfile.open(archive) as tf:
        if hasattr(tarfile, "data_filter"):
            tf.extractall(dest, filter="data")
        else:  # pragma: no cover - older Pythons
            for member in tf.getmembers():
                target = (dest / member.name).resolve()
                if not str(target).startswith(str(dest.resolve())) or member.issym() or member.islnk():
                    continue
                tf.extract(member, dest)


def fetch_tree(name: str, version: str) -> Tree:
    """Download (once) and unpack (once) a pinned package into bench/.cache/src/."""
    src_root = CACHE_DIR / "src"
    dest = src_root / f"{name}-{version}"
    done_marker = src_root / f".{name}-{version}.unpacked"
    origin_file = src_root / f".{name}-{version}.origin"
    if dest.is_dir() and done_marker.exists():
        origin = origin_file.read_text().strip() if origin_file.exists() else "sdist"
        return Tree(name=name, path=dest, version=version, origin=origin)

    dl_dir = CACHE_DIR / "downloads" / f"{name}-{version}"
    dl_dir.mkdir(parents=True, exist_ok=True)
    archives = [p for p in dl_dir.iterdir() if p.is_file()]
    if not archives:
        log(f"fetching {name}=={version} (sdist) ...")
        res = _pip("download", "--no-deps", "--no-binary", ":all:", "-d", str(dl_dir), f"{name}=={version}")
        archives = [p for p in dl_dir.iterdir() if p.is_file()]
        if res.returncode != 0 or not archives:
            log(f"  no sdist for {name}=={version}; falling back to a wheel")
            res = _pip("download", "--no-deps", "--only-binary", ":all:", "-d", str(dl_dir), f"{name}=={version}")
            archives = [p for p in dl_dir.iterdir() if p.is_file()]
            if res.returncode != 0 or not archives:
                raise SystemExit(f"could not download {name}=={version}:\n{res.stdout[-2000:]}")
    archive = min(archives)
    origin = "wheel" if archive.suffix == ".whl" else "sdist"

    if dest.exists():
        shutil.rmtree(dest)
    src_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".unpack-{name}-", dir=src_root))
    try:
        if archive.suffix in (".whl", ".zip"):
            with zipfile.ZipFile(archive) as zf:
                zf.extractall(staging)
        else:
            _safe_extract_tar(archive, staging)
        entries = list(staging.iterdir())
        if origin == "sdist" and len(entries) == 1 and entries[0].is_dir():
            entries[0].rename(dest)  # the sdist's own top-level folder
        else:
            staging.rename(dest)
            staging = None  # type: ignore[assignment]
    finally:
        if staging is not None and staging.exists():
            shutil.rmtree(staging)
    origin_file.write_text(origin + "\n")
    done_marker.write_text(archive.name + "\n")
    return Tree(name=name, path=dest, version=version, origin=origin)


# --------------------------------------------------------------------------- #
# Tools
# --------------------------------------------------------------------------- #


def first_line(cmd: list[str]) -> str | None:
    try:
        res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if res.returncode != 0:
        return None
    lines = res.stdout.strip().splitlines()
    return lines[0].strip() if lines else None


def ensure_tools(wanted: list[str]) -> dict[str, Path]:
    """Make sure the pinned comparison tools exist in bench/.cache/tools-venv."""
    if not wanted:
        return {}
    venv = CACHE_DIR / "tools-venv"
    bindir = venv / "bin"

    def installed_ok(tool: str) -> bool:
        line = first_line([str(bindir / tool), "--version"])
        return bool(line) and line.split()[-1] == TOOL_PINS[tool]

    missing = [t for t in wanted if not installed_ok(t)]
    if missing:
        if not (bindir / "python").exists():
            log(f"creating {venv} ...")
            res = subprocess.run(
                [sys.executable, "-m", "venv", str(venv)],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            if res.returncode != 0:
                log(f"  could not create the tools venv:\n{res.stdout[-2000:]}")
                return {}
        specs = [f"{t}=={TOOL_PINS[t]}" for t in missing]
        log(f"installing {' '.join(specs)} into {venv} ...")
        res = subprocess.run(
            [str(bindir / "python"), "-m", "pip", "--disable-pip-version-check", "install", "-q", *specs],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        if res.returncode != 0:
            log(f"  install failed:\n{res.stdout[-2000:]}")
    found: dict[str, Path] = {}
    for tool in wanted:
        if installed_ok(tool):
            found[tool] = bindir / tool
        else:
            log(f"WARNING: {tool}=={TOOL_PINS[tool]} is not available; it is left out of this run")
    return found


def secpat_version(secpat: Path) -> str | None:
    line = first_line([str(secpat), "--version"])
    if line:
        return line
    py = secpat.parent / "python"
    if py.exists():
        return first_line([str(py), "-c", "import importlib.metadata as m; print('secpat', m.version('secpat'))"])
    return None


def secpat_code_fingerprint(secpat: Path) -> dict | None:
    """Where the measured secpat's code lives and a digest of its files.

    Taken at the start and the end of a run: if the code changed in between
    (an editable install being worked on), the runs mix two versions.
    """
    py = secpat.parent / "python"
    if not py.exists():
        return None
    line = first_line([str(py), "-c", "import os, secpat; print(os.path.dirname(os.path.abspath(secpat.__file__)))"])
    if not line or not os.path.isdir(line):
        return None
    digest = hashlib.blake2b(digest_size=12)
    for f in walk_files(Path(line)):
        if f.suffix == ".py":
            digest.update(str(f.relative_to(line)).encode() + b"\0" + f.read_bytes() + b"\0")
    return {"package_dir": line, "digest": digest.hexdigest()}


def git_revision() -> str | None:
    try:
        res = subprocess.run(
            ["git", "-C", str(REPO_DIR), "rev-parse", "--short", "HEAD"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return res.stdout.strip() or None


# --------------------------------------------------------------------------- #
# Cases
# --------------------------------------------------------------------------- #


@dataclass
class Case:
    name: str
    cmd: list[str]
    ok_codes: set[int]
    markers: tuple[str, ...] = (CRASH_MARKER,)
    capture_stdout: bool = False
    before: Callable[[], None] | None = None  # prepare the tree (not timed)
    after: Callable[[], None] | None = None  # undo `before`; runs even if the run is interrupted
    settle: Callable[[], None] | None = None  # unmeasured follow-up after a completed run
    runs: list[Run] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)

    def record(self, run: Run) -> None:
        self.runs.append(run)
        problem = self.problem(run)
        if problem:
            self.unexpected.append(problem)

    def problem(self, run: Run) -> str | None:
        return run_problem(run, self.ok_codes, self.markers)

    def summary(self) -> dict:
        walls = [r.wall_s for r in self.runs]
        cpus = [r.cpu_s for r in self.runs]
        return {
            "label": CASE_LABELS.get(self.name, self.name),
            "command": self.cmd,
            "runs": [r.as_json() for r in self.runs],
            "median_wall_s": round(statistics.median(walls), 4) if walls else None,
            "min_wall_s": round(min(walls), 4) if walls else None,
            "max_wall_s": round(max(walls), 4) if walls else None,
            "median_cpu_s": round(statistics.median(cpus), 4) if cpus else None,
            "peak_rss_mib": round(max(r.maxrss_mib for r in self.runs), 1) if self.runs else None,
            "exit_codes": sorted({r.exit_code for r in self.runs}),
            "ok": not self.unexpected and bool(self.runs),
            "errors": self.unexpected[:3],
        }


def secpat_cmd(
    secpat: Path, tree: Path, extra: list[str], *, cache_dir: Path | None, output: str = os.devnull
) -> list[str]:
    cmd = [str(secpat), "check", str(tree)]
    if cache_dir is None:
        cmd.append("--no-cache")
    cmd += ["--format", "json", "--output", output]
    if cache_dir is not None:
        cmd += ["--cache-dir", str(cache_dir)]
    return cmd + extra


def read_secpat_report(path: Path) -> dict | None:
    """The summary and a few notices of a JSON report written by an unmeasured run."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict):
        return None
    notices = doc.get("notices") if isinstance(doc.get("notices"), list) else []
    return {"summary": doc.get("summary"), "notices_sample": notices[:5]}


class Toucher:
    """Appends a comment line to one file and puts it back exactly as it was."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.original: bytes | None = None
        self.stat: os.stat_result | None = None

    def touch(self) -> None:
        self.stat = self.path.stat()
        self.original = self.path.read_bytes()
        sep = b"" if self.original.endswith(b"\n") or not self.original else b"\n"
        stamp = f"# bench edit {time.time_ns()}\n".encode()
        self.path.write_bytes(self.original + sep + stamp)

    def restore(self) -> None:
        if self.original is None or self.stat is None:
            return
        self.path.write_bytes(self.original)
        os.utime(self.path, ns=(self.stat.st_atime_ns, self.stat.st_mtime_ns))
        self.original = None


def run_interleaved(cases: list[Case], rounds: int, warmup: int, timeout: float, tag: str) -> None:
    """Run every case once per round, rotating the order each round.

    The first *warmup* rounds are run but not recorded.
    """
    for rnd in range(rounds):
        shift = rnd % len(cases)
        order = cases[shift:] + cases[:shift]
        label = "warm-up" if rnd < warmup else f"run {rnd - warmup + 1}/{rounds - warmup}"
        for case in order:
            if case.before:
                case.before()
            try:
                run = measure(case.cmd, timeout=timeout, capture_stdout=case.capture_stdout)
            finally:
                if case.after:
                    case.after()
            if case.settle:
                case.settle()
            flag = "" if case.problem(run) is None else f"  [exit {run.exit_code}: unexpected]"
            log(
                f"  [{tag}] {label:>9} {CASE_LABELS.get(case.name, case.name):<18}"
                f" {run.wall_s:8.2f}s  cpu {run.cpu_s:7.2f}s  rss {run.maxrss_mib:7.1f} MiB{flag}"
            )
            if rnd >= warmup:
                case.record(run)


def bench_tree(
    tree: Tree,
    *,
    secpat: Path,
    secpat_extra: list[str],
    tools: dict[str, Path],
    runs: int,
    warmup: int,
    timeout: float,
    workdir: Path,
) -> dict:
    cache_dir = workdir / f"secpat-cache-{tree.name}"
    warm_cmd = secpat_cmd(secpat, tree.path, secpat_extra, cache_dir=cache_dir)
    report_path = workdir / f"secpat-report-{tree.name}.json"
    # Same as warm_cmd, but keeps the report so the summary can be shown.
    prime_cmd = secpat_cmd(secpat, tree.path, secpat_extra, cache_dir=cache_dir, output=str(report_path))

    def prime() -> None:
        run = measure(prime_cmd, timeout=timeout)
        problem = run_problem(run, SECPAT_OK, SECPAT_FAILURE_MARKERS)
        if problem:
            log(f"  [{tree.name}] WARNING: filling the cache: {problem}")

    def settled_prime() -> None:
        # secpat keeps a whole run (and its walk of the tree) only when nothing changed in the last two
        # seconds: the restored file's change time is now, so wait that out before filling the cache.
        time.sleep(2.2)
        prime()

    cases = [
        Case(
            "secpat_cold",
            secpat_cmd(secpat, tree.path, secpat_extra, cache_dir=None),
            SECPAT_OK,
            SECPAT_FAILURE_MARKERS,
        ),
        Case("secpat_warm", warm_cmd, SECPAT_OK, SECPAT_FAILURE_MARKERS),
    ]
    if tree.touch_file:
        toucher = Toucher(tree.path / tree.touch_file)
        cases.append(
            Case(
                "secpat_touched",
                warm_cmd,
                SECPAT_OK,
                SECPAT_FAILURE_MARKERS,
                before=toucher.touch,
                after=toucher.restore,
                settle=settled_prime,  # bring the cache back in line with the restored tree
            )
        )
    if "bandit" in tools:
        cases.append(
            Case(
                "bandit", [str(tools["bandit"]), "-r", "-q", "-f", "json", "-o", os.devnull, str(tree.path)], BANDIT_OK
            )
        )
    if "ruff" in tools:
        cases.append(
            Case(
                "ruff",
                [
                    str(tools["ruff"]),
                    "check",
                    "--no-cache",
                    "--select",
                    "S",
                    "--exit-zero",
                    "--output-format",
                    "json",
                    str(tree.path),
                ],
                RUFF_OK,
            )
        )
    for jobs, name in ((1, "floor_1proc"), (2, "floor_2proc")):
        cases.append(
            Case(
                name,
                [sys.executable, str(AST_FLOOR), str(tree.path), "--jobs", str(jobs)],
                FLOOR_OK,
                capture_stdout=True,
            )
        )

    log(f"[{tree.name}] {tree.py_files} .py files, {tree.py_lines} lines; filling the secpat cache ...")
    prime()
    run_interleaved(cases, warmup + runs, warmup, timeout, tree.name)
    shutil.rmtree(cache_dir, ignore_errors=True)

    results = {c.name: c.summary() for c in cases}
    floor_info = None
    for c in cases:
        if c.name == "floor_1proc" and c.runs:
            try:
                floor_info = json.loads(c.runs[-1].stdout)
            except ValueError:
                floor_info = None
    bandit_wall = results.get("bandit", {}).get("median_wall_s")
    floor_wall = results.get("floor_1proc", {}).get("median_wall_s")
    for res in results.values():
        wall = res["median_wall_s"]
        res["files_per_s"] = round(tree.py_files / wall, 1) if wall else None
        res["ratio_bandit"] = round(wall / bandit_wall, 4) if wall and bandit_wall else None
        res["ratio_floor"] = round(wall / floor_wall, 4) if wall and floor_wall else None
    out = tree.as_json()
    out["secpat_report"] = read_secpat_report(report_path)
    out["floor_parse"] = floor_info
    out["results"] = results
    return out


# --------------------------------------------------------------------------- #
# Scaling and stress
# --------------------------------------------------------------------------- #


def bench_scaling(
    tree: Tree,
    *,
    secpat: Path,
    secpat_extra: list[str],
    runs: int,
    warmup: int,
    timeout: float,
    workdir: Path,
) -> dict:
    base = workdir / "scaling"
    factors = (1, 2, 4)
    cases = []
    log(f"[scaling] copying {tree.name} x1, x2, x4 ...")
    for k in factors:
        root = base / f"{tree.name}-x{k}"
        for i in range(k):
            shutil.copytree(tree.path, root / f"copy{i}", symlinks=True)
        cases.append(
            Case(f"x{k}", secpat_cmd(secpat, root, secpat_extra, cache_dir=None), SECPAT_OK, SECPAT_FAILURE_MARKERS)
        )
    run_interleaved(cases, warmup + runs, warmup, timeout, "scaling")
    shutil.rmtree(base, ignore_errors=True)
    out: dict = {"tree": tree.name, "factors": {}}
    for k, case in zip(factors, cases, strict=True):
        s = case.summary()
        s["py_files"] = tree.py_files * k
        s["py_lines"] = tree.py_lines * k
        out["factors"][f"x{k}"] = s
    w1 = out["factors"]["x1"]["median_wall_s"]
    w4 = out["factors"]["x4"]["median_wall_s"]
    out["ratio_x4_x1"] = round(w4 / w1, 3) if w1 and w4 else None
    return out


def generate_large_module(path: Path, n_lines: int = STRESS_LINES) -> None:
    """A long, plausible web module: request handlers, helpers, some sinks."""
    head = [
        '"""Generated module for the secpat benchmark."""',
        "import os",
        "import sqlite3",
        "import subprocess",
        "",
        "",
        "def render(data):",
        "    return str(data)",
        "",
        "",
    ]
    body: list[str] = []
    i = 0
    block = 10
    while len(head) + len(body) + block <= n_lines:
        kind = i % 5
        body.append(f"def handler_{i}(request, db):")
        body.append(f'    value = request.args.get("field_{i}", "")')
        body.append(f"    cleaned = value.strip().lower() + '_{i}'")
        if kind == 0:
            body.append(f"    query = \"SELECT * FROM t{i} WHERE name = '%s'\" % cleaned")
            body.append("    rows = db.execute(query).fetchall()")
        elif kind == 1:
            body.append(f'    cmd = "echo " + cleaned + " {i}"')
            body.append("    rows = subprocess.run(cmd, shell=True, capture_output=True)")
        elif kind == 2:
            body.append('    path = os.path.join("/srv/data", cleaned)')
            body.append("    rows = open(path).read()")
        else:
            body.append(f"    total = len(cleaned) * {i} + handler_{max(i - 1, 0)}.__code__.co_argcount")
            body.append("    rows = [c for c in cleaned if c.isalnum()][:total]")
        body.append("    if rows:")
        body.append(f'        data = {{"rows": rows, "n": {i}}}')
        body.append("    else:")
        body.append("        data = None")
        body.append("    return render(data)")
        i += 1
    lines = head + body
    while len(lines) < n_lines:
        lines.append(f"# filler {len(lines)}")
    path.write_text("\n".join(lines) + "\n")


def generate_nested_module(path: Path, depth: int = STRESS_DEPTH) -> None:
    """Expressions nested *depth* levels deep, in the forms CPython accepts."""
    concat = " + ".join(["part"] * (depth + 1))  # BinOp chain, `depth` levels
    lines = [
        '"""Generated module for the secpat benchmark: deeply nested expressions."""',
        "import os",
        "",
        "",
        "def run(request):",
        '    part = request.args.get("p", "")',
        f"    cmd = {concat}",
        "    os.system(cmd)",
        "",
        "",
        "def others(a, c, f):",
        "    unary = " + "-" * depth + "1",
        "    attrs = a" + ".b" * depth,
        "    calls = f" + "()" * depth,
        "    cond = " + "a if c else " * depth + "None",
        "    return unary, attrs, calls, cond",
        "",
    ]
    path.write_text("\n".join(lines))


def bench_stress(*, secpat: Path, secpat_extra: list[str], runs: int, timeout: float, workdir: Path) -> dict:
    base = workdir / "stress"
    out: dict = {}
    specs = (
        ("large_module", f"{STRESS_LINES}-line generated module", generate_large_module),
        ("nested_expression", f"{STRESS_DEPTH}-level nested expressions", generate_nested_module),
    )
    cases = []
    for key, desc, gen in specs:
        d = base / key
        d.mkdir(parents=True, exist_ok=True)
        target = d / f"{key}.py"
        gen(target)
        # The folder holds just this one file.
        case = Case(key, secpat_cmd(secpat, d, secpat_extra, cache_dir=None), SECPAT_OK, SECPAT_FAILURE_MARKERS)
        cases.append((case, desc, target))
    run_interleaved([c for c, _, _ in cases], runs, 0, timeout, "stress")
    for case, desc, target in cases:
        # One more, unmeasured run that keeps the report, to show any notice.
        report_path = base / f"{case.name}-report.json"
        diag = measure(
            secpat_cmd(secpat, target.parent, secpat_extra, cache_dir=None, output=str(report_path)), timeout=timeout
        )
        problem = case.problem(diag)
        if problem:
            case.unexpected.append(problem)
        s = case.summary()
        s["secpat_report"] = read_secpat_report(report_path)
        tracebacks = [r for r in [*case.runs, diag] if run_problem(r, SECPAT_OK) is not None]
        s["description"] = desc
        s["file_lines"] = target.read_text().count("\n")
        s["crashed"] = bool(tracebacks) or not s["ok"]
        s["stderr_sample"] = case.runs[-1].stderr_tail.strip()[-800:] if case.runs else ""
        out[case.name] = s
    shutil.rmtree(base, ignore_errors=True)
    return out


# --------------------------------------------------------------------------- #
# Targets and report
# --------------------------------------------------------------------------- #


def evaluate_targets(trees: list[dict], scaling: dict | None, stress: dict | None) -> list[dict]:
    targets: list[dict] = []

    def add(name: str, goal: str, measured: str, passed: bool | None, note: str = "") -> None:
        status = "SKIP" if passed is None else ("PASS" if passed else "FAIL")
        targets.append({"target": name, "goal": goal, "measured": measured, "status": status, "note": note})

    ref = next((t for t in trees if t["name"] == REFERENCE_TREE), None)
    note = ""
    if ref is None and trees:
        ref = max(trees, key=lambda t: t["py_lines"])
        note = f"measured on {ref['name']}; the target is set for {REFERENCE_TREE}"
    res = ref["results"] if ref else {}
    tree_name = ref["name"] if ref else REFERENCE_TREE

    def wall(key: str) -> float | None:
        r = res.get(key)
        return r["median_wall_s"] if r and r["ok"] else None

    cold, warm, touched = wall("secpat_cold"), wall("secpat_warm"), wall("secpat_touched")
    bandit, floor = wall("bandit"), wall("floor_1proc")

    if cold and bandit:
        add(
            f"{tree_name} cold vs Bandit",
            "<= 1/5 of Bandit",
            f"{cold:.2f}s vs {bandit:.2f}s = {cold / bandit:.3f}x",
            cold / bandit <= TARGET_VS_BANDIT,
            note,
        )
    else:
        add(f"{tree_name} cold vs Bandit", "<= 1/5 of Bandit", "n/a", None, "no Bandit or secpat measurement")
    if cold and floor:
        add(
            f"{tree_name} cold vs ast.parse floor",
            "<= 3x floor",
            f"{cold:.2f}s vs {floor:.2f}s = {cold / floor:.2f}x",
            cold / floor <= TARGET_VS_FLOOR,
            note,
        )
    else:
        add(f"{tree_name} cold vs ast.parse floor", "<= 3x floor", "n/a", None)
    if cold and warm:
        add(
            f"{tree_name} warm re-scan",
            "<= 10% of cold (aim < 1 s)",
            f"{warm:.2f}s = {100 * warm / cold:.1f}% of cold"
            + ("" if warm < TARGET_WARM_AIM_S else "; above the 1 s aim"),
            warm / cold <= TARGET_WARM,
            note,
        )
    else:
        add(f"{tree_name} warm re-scan", "<= 10% of cold", "n/a", None)
    if cold and touched:
        add(
            f"{tree_name} one file touched",
            "<= 15% of cold",
            f"{touched:.2f}s = {100 * touched / cold:.1f}% of cold",
            touched / cold <= TARGET_TOUCHED,
            note,
        )
    else:
        add(f"{tree_name} one file touched", "<= 15% of cold", "n/a", None)
    rss = [
        res[k]["peak_rss_mib"] for k in ("secpat_cold", "secpat_warm", "secpat_touched") if k in res and res[k]["runs"]
    ]
    if rss:
        add(
            f"{tree_name} peak RSS (largest process)",
            f"<= {TARGET_RSS_MIB:.0f} MiB",
            f"{max(rss):.0f} MiB",
            max(rss) <= TARGET_RSS_MIB,
            note,
        )
    else:
        add(f"{tree_name} peak RSS", f"<= {TARGET_RSS_MIB:.0f} MiB", "n/a", None)
    if scaling and scaling.get("ratio_x4_x1"):
        ok = all(f["ok"] for f in scaling["factors"].values())
        r = scaling["ratio_x4_x1"]
        add(
            f"scaling {scaling['tree']} x1 -> x4",
            f"wall grows <= {TARGET_SCALING}x",
            f"{r:.2f}x",
            (r <= TARGET_SCALING) if ok else False,
            "" if scaling["tree"] == REFERENCE_TREE else f"measured on {scaling['tree']}",
        )
    else:
        add("scaling x1 -> x4", f"wall grows <= {TARGET_SCALING}x", "n/a", None, "not run")
    for key in ("large_module", "nested_expression"):
        s = (stress or {}).get(key)
        label = f"{STRESS_LINES}-line module" if key == "large_module" else f"{STRESS_DEPTH}-level nesting"
        if not s or s["median_wall_s"] is None:
            add(label, f"<= {TARGET_STRESS_S:.0f} s, no crash", "n/a", None, "not run")
            continue
        codes = ",".join(str(c) for c in s["exit_codes"])
        passed = (s["median_wall_s"] <= TARGET_STRESS_S) and not s["crashed"]
        add(
            label,
            f"<= {TARGET_STRESS_S:.0f} s, no crash",
            f"{s['median_wall_s']:.2f}s (slowest {s['max_wall_s']:.2f}s), exit {codes}"
            + ("; CRASH" if s["crashed"] else ""),
            passed,
        )
    return targets


def fmt(v: float | None, spec: str, dash: str = "-") -> str:
    return dash if v is None else format(v, spec)


def render_report(report: dict) -> str:
    lines: list[str] = []
    m = report["machine"]
    v = report["versions"]
    lines.append(f"secpat benchmark  {report['started']}")
    lines.append(
        f"Python {m['python']} on {m['platform']}, {m['cpus']} CPUs; "
        f"load average at start {fmt_load(m['loadavg_start'])}, at end {fmt_load(m['loadavg_end'])}"
    )
    code = v.get("secpat_code") or {}
    tools = [v.get(k) for k in ("secpat", *TOOL_PINS) if v.get(k)]
    lines.append(f"versions: {', '.join(tools)}; python {m['python']}")
    lines.append(
        f"secpat: {report['config']['secpat']}"
        + (f" (code in {code['package_dir']}, digest {code['digest']})" if code else "")
        + (f", git {v['secpat_git']}" if v.get("secpat_git") else "")
    )
    lines.append(
        f"runs: median of {report['config']['runs']} after {report['config']['warmup']} warm-up, interleaved; "
        f"peak RSS from {report['config'].get('rss_source', 'n/a')}"
    )
    if report.get("secpat_code_changed"):
        lines.append(
            "WARNING: secpat's code changed while the benchmark ran; the runs mix two versions and the "
            "warm and touched figures may include cache invalidation"
        )
    lines.append("")
    header = (
        f"{'tree':<20} {'tool':<18} {'files':>6} {'lines':>8} {'wall s':>8} {'cpu s':>8} "
        f"{'RSS MiB':>8} {'files/s':>8} {'xBandit':>8} {'xfloor':>7} {'exit':>5}"
    )
    lines.append(header)
    lines.append("-" * len(header))
    for t in report["trees"]:
        tname = f"{t['name']} {t['version'] or ''}".strip()
        for key in CASE_ORDER:
            r = t["results"].get(key)
            if not r:
                continue
            mark = "" if r["ok"] else " !"
            lines.append(
                f"{tname:<20} {r['label']:<18} {t['py_files']:>6} {t['py_lines']:>8} "
                f"{fmt(r['median_wall_s'], '.2f'):>8} {fmt(r['median_cpu_s'], '.2f'):>8} "
                f"{fmt(r['peak_rss_mib'], '.0f'):>8} {fmt(r['files_per_s'], '.0f'):>8} "
                f"{fmt(r['ratio_bandit'], '.3f'):>8} {fmt(r['ratio_floor'], '.2f'):>7} "
                f"{','.join(map(str, r['exit_codes'])):>5}{mark}"
            )
            tname = ""
        lines.append(f"{'':<20} ({t['files']} files in all; touched: {t['touched_file']})")
        summary = (t.get("secpat_report") or {}).get("summary")
        if isinstance(summary, dict):
            lines.append(
                f"{'':<20} (secpat report: {summary.get('files_scanned')} files scanned, "
                f"{summary.get('findings')} findings, {summary.get('notices')} notices, "
                f"{summary.get('blocking_notices')} blocking)"
            )
    problems = [(t["name"], r["label"], e) for t in report["trees"] for r in t["results"].values() for e in r["errors"]]
    if report.get("scaling"):
        s = report["scaling"]
        lines.append("")
        lines.append(f"scaling, secpat cold on {s['tree']} copied side by side:")
        for k, f in s["factors"].items():
            lines.append(
                f"  {k}: {f['py_files']:>6} .py files  wall {fmt(f['median_wall_s'], '.2f')}s  "
                f"cpu {fmt(f['median_cpu_s'], '.2f')}s  RSS {fmt(f['peak_rss_mib'], '.0f')} MiB  "
                f"exit {','.join(map(str, f['exit_codes']))}"
            )
            problems += [(s["tree"], f"scaling {k}", e) for e in f["errors"]]
        lines.append(f"  x4 / x1 wall: {fmt(s['ratio_x4_x1'], '.2f')}")
    if report.get("stress"):
        lines.append("")
        lines.append("stress cases (secpat check on one generated file):")
        for s in report["stress"].values():
            lines.append(
                f"  {s['description']:<36} wall {fmt(s['median_wall_s'], '.2f')}s "
                f"(max {fmt(s['max_wall_s'], '.2f')}s)  "
                f"RSS {fmt(s['peak_rss_mib'], '.0f')} MiB  exit {','.join(map(str, s['exit_codes']))}"
                + ("  CRASH" if s["crashed"] else "")
            )
            for notice in (s.get("secpat_report") or {}).get("notices_sample") or []:
                if isinstance(notice, dict):
                    text = " ".join(f"{k}={notice[k]}" for k in ("kind", "line", "message") if k in notice)
                    lines.append(f"      notice: {text}"[:300])
            if s["crashed"] and s["stderr_sample"]:
                lines.append("      stderr: " + s["stderr_sample"].replace("\n", "\n      ")[-400:])
    lines.append("")
    lines.append("targets:")
    for tg in report["targets"]:
        note = f"  ({tg['note']})" if tg["note"] else ""
        lines.append(f"  [{tg['status']}] {tg['target']:<42} {tg['goal']:<28} {tg['measured']}{note}")
    if problems:
        lines.append("")
        lines.append("unexpected outcomes (runs still counted):")
        for tree, label, err in problems:
            lines.append(f"  {tree} / {label}: {err.splitlines()[0] if err else ''}"[:300])
    return "\n".join(lines)


def fmt_load(load: list[float] | None) -> str:
    return "n/a" if not load else " ".join(f"{x:.2f}" for x in load)


def loadavg() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


# --------------------------------------------------------------------------- #
# main
# --------------------------------------------------------------------------- #


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description="Benchmark secpat against Bandit, Ruff and the ast.parse floor.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    p.add_argument("--trees", help=f"comma-separated trees to fetch and measure (default: all of {','.join(PACKAGES)})")
    p.add_argument(
        "--tree-dir",
        action="append",
        type=Path,
        metavar="PATH",
        help="measure this local tree instead of fetched ones (repeatable); nothing is downloaded",
    )
    p.add_argument(
        "--runs",
        type=int,
        default=None,
        help="measured runs per case; the median is reported (default 5, 1 with --quick)",
    )
    p.add_argument("--warmup", type=int, default=1, help="unrecorded warm-up rounds before the measured ones")
    p.add_argument(
        "--quick",
        action="store_true",
        help=f"smoke mode: 1 run, small trees only ({','.join(QUICK_TREES)}), no scaling",
    )
    p.add_argument("--skip-tools", default="", help="comma-separated comparison tools to leave out (bandit,ruff)")
    p.add_argument("--skip-scaling", action="store_true", help="leave out the x1/x2/x4 scaling run")
    p.add_argument("--skip-stress", action="store_true", help="leave out the generated stress modules")
    p.add_argument("--secpat", type=Path, help="secpat executable (default: the one next to this interpreter)")
    p.add_argument("--jobs", type=int, help="pass --jobs N to secpat (default: secpat's own choice)")
    p.add_argument("--touch-file", help="file (relative to the tree) to edit for the one-file-touched case")
    p.add_argument("--timeout", type=float, default=1800.0, help="seconds before a single run is killed")
    p.add_argument("--json", type=Path, help="write results here (default: bench/results/<timestamp>.json)")
    p.add_argument("--check-targets", action="store_true", help="exit 1 if any target fails")
    p.add_argument(
        "--fetch-only", action="store_true", help="download and unpack the trees and install the tools, then stop"
    )
    args = p.parse_args(argv)
    if args.runs is None:
        args.runs = 1 if args.quick else 5
    if args.runs < 1 or args.warmup < 0:
        p.error("--runs must be >= 1 and --warmup >= 0")
    return args


def resolve_secpat(arg: Path | None) -> Path:
    if arg is not None:
        found = shutil.which(str(arg)) if not arg.exists() else str(arg)
        if not found:
            raise SystemExit(f"--secpat {arg}: not found")
        return Path(found).absolute()
    candidate = Path(sys.executable).parent / "secpat"
    if candidate.exists():
        return candidate
    found = shutil.which("secpat")
    if found:
        return Path(found)
    raise SystemExit(f"no secpat executable next to {sys.executable}; pass --secpat PATH")


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # A terminated run still puts the touched file back and removes its scratch folder.
    signal.signal(signal.SIGTERM, _interrupt)
    started_wall = time.perf_counter()
    report: dict = {
        "schema": 1,
        "started": now_iso(),
        "machine": {
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "loadavg_start": loadavg(),
        },
    }
    secpat = resolve_secpat(args.secpat) if not args.fetch_only else Path("secpat")
    skip = {s.strip() for s in args.skip_tools.split(",") if s.strip()}
    unknown = skip - set(TOOL_PINS)
    if unknown:
        raise SystemExit(f"--skip-tools: unknown tool(s) {', '.join(sorted(unknown))}")

    # Trees
    trees: list[Tree] = []
    if args.tree_dir:
        for d in args.tree_dir:
            if not d.is_dir():
                raise SystemExit(f"--tree-dir {d}: not a directory")
            trees.append(Tree(name=d.resolve().name, path=d.resolve()))
    else:
        if args.trees:
            names = [n.strip().lower() for n in args.trees.split(",") if n.strip()]
        else:
            names = list(QUICK_TREES) if args.quick else list(PACKAGES)
        bad = [n for n in names if n not in PACKAGES]
        if bad:
            raise SystemExit(f"--trees: unknown tree(s) {', '.join(bad)}; known: {', '.join(PACKAGES)}")
        for n in names:
            trees.append(fetch_tree(n, PACKAGES[n]))
    for t in trees:
        count_tree(t)
        t.touch_file = pick_touch_file(t, args.touch_file)

    tools = ensure_tools([t for t in TOOL_PINS if t not in skip])
    if args.fetch_only:
        for t in trees:
            log(f"{t.name} {t.version or ''}: {t.path} ({t.files} files, {t.py_files} .py, {t.py_lines} lines)")
        log("tools: " + (", ".join(f"{k} {v}" for k, v in tools.items()) or "none"))
        return 0
    secpat_extra = ["--jobs", str(args.jobs)] if args.jobs else []
    code_at_start = secpat_code_fingerprint(secpat)
    report["versions"] = {
        "secpat": secpat_version(secpat),
        "secpat_code": code_at_start,
        "secpat_git": git_revision(),
        **{t: first_line([str(p), "--version"]) for t, p in tools.items()},
    }
    report["config"] = {
        "runs": args.runs,
        "warmup": args.warmup,
        "quick": args.quick,
        "secpat": str(secpat),
        "secpat_extra_args": secpat_extra,
        "tools": {t: str(p) for t, p in tools.items()},
        "skipped_tools": sorted(skip | (set(TOOL_PINS) - set(tools))),
        "timeout_s": args.timeout,
    }

    (CACHE_DIR / "tmp").mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="run-", dir=CACHE_DIR / "tmp"))
    global RUN_CWD, TIME_BIN
    RUN_CWD = str(workdir)
    TIME_BIN = detect_gnu_time()
    report["config"]["rss_source"] = "GNU time %M" if TIME_BIN else "os.wait4 ru_maxrss"
    try:
        report["trees"] = [
            bench_tree(
                t,
                secpat=secpat,
                secpat_extra=secpat_extra,
                tools=tools,
                runs=args.runs,
                warmup=args.warmup,
                timeout=args.timeout,
                workdir=workdir,
            )
            for t in trees
        ]
        report["scaling"] = None
        if not args.quick and not args.skip_scaling and trees:
            scale_tree = next((t for t in trees if t.name == REFERENCE_TREE), None) or max(
                trees, key=lambda t: t.py_lines
            )
            report["scaling"] = bench_scaling(
                scale_tree,
                secpat=secpat,
                secpat_extra=secpat_extra,
                runs=args.runs,
                warmup=args.warmup,
                timeout=args.timeout,
                workdir=workdir,
            )
        report["stress"] = None
        if not args.skip_stress:
            report["stress"] = bench_stress(
                secpat=secpat,
                secpat_extra=secpat_extra,
                runs=max(args.runs, 3),
                timeout=args.timeout,
                workdir=workdir,
            )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    code_at_end = secpat_code_fingerprint(secpat)
    report["secpat_code_changed"] = bool(code_at_start and code_at_end and code_at_start != code_at_end)
    report["targets"] = evaluate_targets(report["trees"], report["scaling"], report["stress"])
    report["machine"]["loadavg_end"] = loadavg()
    report["machine"]["driver_maxrss_mib"] = round(own_maxrss_mib(), 1)
    report["finished"] = now_iso()
    report["duration_s"] = round(time.perf_counter() - started_wall, 1)

    text = render_report(report)
    print(text, flush=True)
    report["table"] = text
    json_path = args.json
    if json_path is None:
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        json_path = RESULTS_DIR / f"{stamp}.json"
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps(report, indent=2) + "\n")
    log(f"results written to {json_path}")

    secpat_broken = any(not r["ok"] for t in report["trees"] for k, r in t["results"].items() if k.startswith("secpat"))
    if secpat_broken:
        log("ERROR: some secpat runs crashed, timed out or exited with an unexpected code; see above")
        return 3
    if args.check_targets and any(tg["status"] == "FAIL" for tg in report["targets"]):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
