#!/usr/bin/env python3
"""Hostile repositories: what `secpat check` does on each, with wall time and peak memory.

    python bench/hostile.py [--secpat PATH]

Each case is built for real in a temporary directory (the same cases tests/test_untrusted.py
asserts on); the table shows the exit code, the findings, the notices secpat gave and the cost.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

VULNERABLE = (
    "import random\n\n\ndef new_reset_code():\n    reset_code = random.randint(100000, 999999)\n    return reset_code\n"
)
SAFE = VULNERABLE.replace("random.randint(100000, 999999)", "secrets.randbelow(10**6)").replace("random", "secrets", 1)


class _Payload:
    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def run(secpat: str, cwd: Path, *args: str, cache: Path) -> tuple[int, dict | None, str, float, float]:
    """Exit code, JSON report, stderr, wall seconds, peak RSS of the child in MiB."""
    env = {**os.environ, "SECPAT_CACHE_DIR": str(cache)}
    # Each case runs in a fresh child of a fresh helper so ru_maxrss is that run's alone.
    code = (
        "import resource,subprocess,sys,time,json;t=time.perf_counter();"
        "p=subprocess.run(sys.argv[1:],capture_output=True,text=True);"
        "w=time.perf_counter()-t;r=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss;"
        "print(json.dumps([p.returncode,p.stdout,p.stderr,w,r]))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, secpat, "check", ".", "-f", "json", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    rc, out, err, wall, rss_kb = json.loads(proc.stdout)
    try:
        report = json.loads(out)
    except ValueError:
        report = None
    return rc, report, err, wall, rss_kb / 1024


def case_planted_cache(root: Path) -> list[str]:
    (root / "reset.py").write_text(VULNERABLE)
    cache_dir = root / ".secpat_cache"
    cache_dir.mkdir()
    for name in ("results.pickle", "results.json"):
        (cache_dir / name).write_bytes(pickle.dumps(_Payload(str(root.parent / "payload-ran"))))
    return []


def case_symlinked_output(root: Path) -> list[str]:
    (root / "reset.py").write_text(VULNERABLE)
    (root.parent / "victim.txt").write_text("precious\n")
    (root / "secpat.sarif").symlink_to(root.parent / "victim.txt")
    return ["-o", "secpat.sarif"]


def case_dev_zero_gitignore(root: Path) -> list[str]:
    (root / "reset.py").write_text(VULNERABLE)
    (root / ".gitignore").symlink_to("/dev/zero")
    return ["--keep-going"]


def case_dev_zero_baseline(root: Path) -> list[str]:
    (root / "reset.py").write_text(VULNERABLE)
    (root / "pyproject.toml").write_text('[tool.secpat]\nbaseline = "/dev/zero"\n')
    return []


def case_fifo_baseline(root: Path) -> list[str]:
    (root / "reset.py").write_text(VULNERABLE)
    os.mkfifo(root / "baseline.json")
    (root / "pyproject.toml").write_text('[tool.secpat]\nbaseline = "baseline.json"\n')
    return []


def case_pathological_pattern(root: Path) -> list[str]:
    deep = root / ("a" * 200) / ("a" * 200)
    deep.mkdir(parents=True)
    for index in range(50):
        (deep / ("a" * 200 + f"{index}.py")).write_text(VULNERABLE)
    (root / ".gitignore").write_text("*a*a*a*a*a*a*a*a*x\n**/a/**/a/**/a/**/a/**/x\n")
    return ["--keep-going"]


def case_huge_file(root: Path) -> list[str]:
    (root / "reset.py").write_text(VULNERABLE)
    with open(root / "huge.py", "wb") as handle:
        handle.truncate(3 * 1024**3)
    return ["--keep-going"]


def case_huge_line(root: Path) -> list[str]:
    key = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc"
    line = ";".join(f"token_{i}=random.random()" for i in range(2000))
    (root / "one_line.py").write_text(f"import random;K='{key}';" + line + "\n")
    return ["--keep-going"]


def case_nul_byte_env(root: Path) -> list[str]:
    (root / ".env.production").write_bytes(b"\0\nSTRIPE_SECRET_KEY=sk_live_" + b"4eC39HqLyjWDarjtT1zdp7dc\n")
    return []


def case_edit_during_scan(root: Path) -> list[str]:
    for index in range(40):
        (root / f"module_{index}.py").write_text(SAFE + "\nX = 1\n" * 200)
    (root / "reset.py").write_text(SAFE)
    return []


CASES: dict[str, Callable[[Path], list[str]]] = {
    "planted pickle cache": case_planted_cache,
    "report path is a committed symlink": case_symlinked_output,
    ".gitignore -> /dev/zero": case_dev_zero_gitignore,
    "config baseline = /dev/zero": case_dev_zero_baseline,
    "config baseline is a FIFO": case_fifo_baseline,
    "pathological .gitignore patterns": case_pathological_pattern,
    "3 GB file": case_huge_file,
    "one line, 2,000 findings": case_huge_line,
    "NUL byte in .env": case_nul_byte_env,
    "file edited during scans": case_edit_during_scan,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--secpat", default=shutil.which("secpat") or str(Path(sys.executable).parent / "secpat"))
    args = parser.parse_args()
    print(f"{'case':38} {'exit':>4} {'findings':>8} {'wall s':>7} {'peak MiB':>8}  what secpat said")
    for name, build in CASES.items():
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "repo"
            root.mkdir()
            extra = build(root)
            cache = Path(tmp) / "cache"
            if build is case_edit_during_scan:
                rc, report, err, wall, rss = _edit_during_scans(args.secpat, root, cache)
            else:
                rc, report, err, wall, rss = run(args.secpat, root, *extra, cache=cache)
            said = err.strip().splitlines()[-1] if err.strip() else ""
            if report:
                notes = [f"{n['kind']}: {n['message']}" for n in report.get("notices", [])]
                said = said or (notes[0] if notes else "")
                if report.get("findings") and len(json.dumps(report)) > 1_000_000:
                    said += f" (report {len(json.dumps(report)) / 1e6:.1f} MB)"
            if build is case_planted_cache:
                said = "payload ran!" if (Path(tmp) / "payload-ran").exists() else "payload did not run; " + said
            if build is case_symlinked_output:
                said += "; victim " + (
                    "unchanged" if (Path(tmp) / "victim.txt").read_text() == "precious\n" else "OVERWRITTEN"
                )
            count = len(report["findings"]) if report else "-"
            print(f"{name:38} {rc:>4} {count!s:>8} {wall:>7.2f} {rss:>8.0f}  {said[:110]}")
    return 0


def _edit_during_scans(secpat: str, root: Path, cache: Path):
    target = root / "reset.py"
    stop = threading.Event()

    def edit() -> None:
        while not stop.is_set():
            target.write_text(VULNERABLE)
            time.sleep(0.001)
            target.write_text(SAFE)
            time.sleep(0.001)

    editor = threading.Thread(target=edit)
    editor.start()
    try:
        for _ in range(3):
            run(secpat, root, "--exit-zero", cache=cache)
    finally:
        stop.set()
        editor.join()
    target.write_text(VULNERABLE)
    rc, report, err, wall, rss = run(secpat, root, cache=cache)
    verdict = (
        "final content judged: RND001 reported"
        if report and any(f["rule_id"] == "RND001" for f in report["findings"])
        else "STALE: finding missing"
    )
    return rc, report, verdict, wall, rss


if __name__ == "__main__":
    sys.exit(main())
