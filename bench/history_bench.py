#!/usr/bin/env python3
"""Benchmark `secpat history` against trufflehog 2.2.1 on a generated git repository.

The repository (5,000 commits by default) is written in one `git fast-import`
stream: a small Python package edited commit after commit, a feature branch
merged back, and secrets planted at fixed points of the history (most of them
deleted again later, as they are in real repositories). Both tools scan it in
the same run; the table gives wall time, peak memory (`ru_maxrss` from
`os.wait4`) and how many planted secrets each one found. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import venv
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

import history_releases

BENCH = Path(__file__).resolve().parent
CACHE = BENCH / ".cache"
RESULTS = BENCH / "results"
TRUFFLEHOG_VERSION = "2.2.1"
TRUFFLEHOG_VENV = CACHE / "trufflehog-venv"
EPOCH = 1_672_531_200  # 2023-01-01T00:00:00Z: commit dates start here, one hour apart
MODULES = 40


@dataclass(frozen=True)
class Planted:
    """A secret written into the history at a fraction of the way through it."""

    name: str
    path: str
    content: str  # the whole file as first committed
    at: float  # position in the history, 0..1
    removed_at: float | None  # when a later commit deletes the file again (None: still at HEAD)


# Random-looking values in the formats each provider issues; none of them is a live credential.
PLANTED: tuple[Planted, ...] = (
    Planted(
        "aws-access-key",
        "app/aws_config.py",
        'AWS_ACCESS_KEY_ID = "AKIA3IAUXI2KWPJJPPYM"\nAWS_REGION = "eu-west-1"\n',
        0.06,
        0.10,
    ),
    Planted(
        "private-key-file",
        "deploy/id_deploy.pem",
        "-----BEGIN RSA PRIVATE KEY-----\n"
        "AVz+nIDDYRHTwo3r/1DTkYEpu821B4ztD0JpY5IiERWQNPDISCZuUx9TLlWZyfOU\n"
        "NIOO1X2YgPkzGFPxhyje0OwtgeDzhi5Z1u8UFicBaGBV3avJiffYOj7y1LrOICgp\n"
        "-----END RSA PRIVATE KEY-----\n",
        0.15,
        0.16,
    ),
    Planted(
        "slack-webhook",
        "ops/alerts.yaml",
        "alerts:\n  channel: ops\n"
        "  webhook: https://hooks.slack.com/services/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\n",
        0.25,
        0.40,
    ),
    Planted(
        "url-password", "app/db.py", 'DATABASE_URL = "postgres://app:Vq8zLk29xRm@db.internal:5432/app"\n', 0.33, 0.34
    ),
    Planted("generic-api-key", "app/client.py", 'API_KEY = "Xk29fLq0ZpR7mN3vW8b3Lq9ZmX2vN7kPq8Fz"\n', 0.42, 0.58),
    Planted("twilio-api-key", "app/sms.py", 'TWILIO_API_KEY = "SKedf2b6ddf0647c00a8d3831b623846ff"\n', 0.51, 0.52),
    Planted(
        "stripe-live-key",
        "payments/stripe_client.py",
        'import stripe\n\nstripe.api_key = "sk_live_xMqLPaZXhTmpRa5TvpHV0eTr"\n',
        0.60,
        0.75,
    ),
    Planted(
        "github-token",
        ".github/workflows/deploy.yml",
        "jobs:\n  deploy:\n    env:\n      GH_TOKEN: ghp_hHTRJzwYDhrWwNb9SnkSrkpUjwaBEmZiBwIp\n",
        0.68,
        0.69,
    ),
    Planted("env-file", ".env", "SECRET_KEY=9f3c0c6d61c3c2e7b2c5a2b41a6f9d88\nDEBUG=false\n", 0.77, 0.78),
    Planted(
        "django-secret-key",
        "mysite/settings.py",
        'SECRET_KEY = "django-insecure-4dvr6ga5o2q6mb5_2uk!3!o*s$wch3@u)581v815!j2#4vs#rw"\nDEBUG = False\n',
        0.86,
        None,
    ),
)

#: Look-alikes committed once and left in place: a tool that reports them is noisy.
DECOYS = {
    "docs/aws.md": "Use your own key, e.g. `AKIAIOSFODNN7EXAMPLE`, never a real one.\n",
    "app/constants.py": 'TOKEN_HEADER = "X-Auth-Token"\ntoken_type = "Bearer"\nSECRET_KEY = os.environ["SECRET_KEY"]\n',
    "config/example.env": "SECRET_KEY=changeme\nAPI_TOKEN=<your-token>\n",
}


# -- the repository ---------------------------------------------------------------------------


def _data(text: str) -> bytes:
    raw = text.encode()
    return b"data %d\n" % len(raw) + raw + b"\n"


def _commit(ref: str, index: int, message: str, changes: list[tuple[str, str | None]]) -> bytes:
    stamp = EPOCH + index * 3600
    out = [
        f"commit {ref}\n".encode(),
        f"author Dev <dev@example.com> {stamp} +0000\n".encode(),
        f"committer Dev <dev@example.com> {stamp} +0000\n".encode(),
        _data(message),
    ]
    for path, content in changes:
        out.append(f"D {path}\n".encode() if content is None else f"M 100644 inline {path}\n".encode() + _data(content))
    return b"".join(out)


def _module_text(number: int, functions: int) -> str:
    body = [f'"""Module {number} of the generated package."""\n', "import os\n\n"]
    for f in range(functions):
        body.append(
            f"\ndef handler_{number}_{f}(request, limit={f}):\n"
            f"    value = request.args.get('q{f}', '')\n"
            f"    return {{'module': {number}, 'n': {f}, 'value': value[:limit]}}\n"
        )
    return "".join(body)


def generate(repo: Path, commits: int) -> dict:
    """Write the repository with `git fast-import`; return what was planted where."""
    if repo.exists():
        shutil.rmtree(repo)
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    plant_at = {max(1, int(p.at * commits)): p for p in PLANTED}
    remove_at = {max(2, int(p.removed_at * commits)): p for p in PLANTED if p.removed_at is not None}
    feature_from, feature_len = commits // 2, max(2, commits // 100)
    sizes = [0] * MODULES
    # Streamed into fast-import as it is made: the driver stays small, and the child processes it
    # forks later do not inherit (and report) a large resident set.
    importer = subprocess.Popen(
        ["git", "fast-import", "--quiet"], cwd=repo, stdin=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert importer.stdin is not None
    stream = importer.stdin
    index = 0
    for number in range(commits):
        index += 1
        changes: list[tuple[str, str | None]] = []
        if number == 0:
            changes += [(path, text) for path, text in DECOYS.items()]
        if number in plant_at:
            planted = plant_at[number]
            changes.append((planted.path, planted.content))
            message = f"Add {planted.path}"
        elif number in remove_at:
            changes.append((remove_at[number].path, None))
            message = f"Remove {remove_at[number].path}"
        else:
            module = number % MODULES
            sizes[module] += 1
            changes.append((f"app/module_{module}.py", _module_text(module, sizes[module] % 60 + 1)))
            message = f"Update module {module}"
        stream.write(_commit("refs/heads/main", index, message, changes))
        if number == feature_from:
            # A feature branch with its own commits, merged back later.
            stream.write(b"reset refs/heads/feature\nfrom refs/heads/main\n\n")
            for step in range(feature_len):
                index += 1
                stream.write(
                    _commit(
                        "refs/heads/feature",
                        index,
                        f"Feature step {step}",
                        [(f"feature/step_{step % 5}.py", f"STEP = {step}\n")],
                    )
                )
            index += 1
            stream.write(_commit("refs/heads/main", index, "Merge feature", []) + b"merge refs/heads/feature\n")
    stream.close()
    errors = importer.stderr.read() if importer.stderr else b""
    if importer.wait() != 0:
        raise SystemExit(f"git fast-import failed: {errors.decode(errors='replace')}")
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=repo, check=True)
    count = subprocess.run(
        ["git", "rev-list", "--all", "--count"], cwd=repo, capture_output=True, text=True, check=True
    ).stdout.strip()
    return {
        "path": str(repo),
        "commits": int(count),
        "planted": [asdict(p) | {"content": None} for p in PLANTED],
        "decoys": sorted(DECOYS),
    }


# -- running a tool -------------------------------------------------------------------------------


def run_measured(command: list[str], cwd: Path | None = None, timeout: float = 3600) -> dict:
    """Wall time and the child's peak RSS (`ru_maxrss` of the reaped process tree, in MiB)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.01)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    return {
        "command": command,
        "wall_s": round(wall, 3),
        "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),
        "exit_code": process.returncode,
        "stdout": stdout,
        "stderr_tail": stderr[-2000:],
    }


def secpat_command(args: argparse.Namespace, repo: Path, report: Path) -> list[str]:
    exe = args.secpat or str(Path(sys.executable).with_name("secpat"))
    return [exe, "history", str(repo), "--format", "json", "--output", str(report), "--min-confidence", "low"]


def run_secpat(args: argparse.Namespace, repo: Path, work: Path) -> dict:
    report = work / "secpat-history.json"
    result = run_measured(secpat_command(args, repo, report))
    findings = json.loads(report.read_text())["findings"] if report.exists() else []
    paths = {f["path"] for f in findings}
    result.pop("stdout")
    result.update(_score(paths, [f["path"] for f in findings]))
    result["ok"] = result["exit_code"] in (0, 1)
    return result


def ensure_trufflehog() -> Path:
    exe = TRUFFLEHOG_VENV / "bin" / "trufflehog"
    if not exe.exists():
        print(f"installing trufflehog {TRUFFLEHOG_VERSION} into {TRUFFLEHOG_VENV}", file=sys.stderr)
        venv.create(TRUFFLEHOG_VENV, with_pip=True)
        subprocess.run(
            [str(TRUFFLEHOG_VENV / "bin" / "pip"), "install", "-q", f"trufflehog=={TRUFFLEHOG_VERSION}"], check=True
        )
    return exe


def run_trufflehog(repo: Path) -> dict:
    exe = ensure_trufflehog()
    # trufflehog 2.x clones the URL and walks every branch of the clone, diffing commit after commit.
    result = run_measured([str(exe), "--regex", "--entropy=False", "--json", f"file://{repo}"])
    reported = []
    for line in result.pop("stdout").splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                reported.append(json.loads(line)["path"])
            except (json.JSONDecodeError, KeyError):
                continue
    result.update(_score(set(reported), reported))
    result["ok"] = result["exit_code"] in (0, 1)
    return result


def _score(paths: set[str], reported: list[str]) -> dict:
    found = sorted(p.name for p in PLANTED if p.path in paths)
    planted_paths = {p.path for p in PLANTED}
    return {
        "planted": len(PLANTED),
        "found": len(found),
        "found_names": found,
        "missed_names": sorted(p.name for p in PLANTED if p.path not in paths),
        "reports": len(reported),
        "decoy_reports": sum(1 for p in reported if p in DECOYS),
        "other_reports": sum(1 for p in reported if p not in planted_paths and p not in DECOYS),
    }


# -- main ------------------------------------------------------------------------------------------


def table(results: dict, commits: int) -> str:
    rows = [("tool", "wall s", "peak MiB", "planted found", "reports", "on decoys", "exit")]
    for name, res in results.items():
        if res is None:
            rows.append((name, "skipped", "", "", "", "", ""))
            continue
        rows.append(
            (
                name,
                f"{res['wall_s']:.2f}",
                f"{res['peak_rss_mib']:.0f}",
                f"{res['found']}/{res['planted']}",
                str(res["reports"]),
                str(res["decoy_reports"]),
                str(res["exit_code"]),
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [f"git history scan, {commits} commits"]
    for number, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    for name, res in results.items():
        if res and res["missed_names"]:
            lines.append(f"{name} missed: {', '.join(res['missed_names'])}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--real",
        nargs="*",
        metavar="PROJECT",
        help="real histories built from release series instead of a generated one"
        f" (default projects: {', '.join(history_releases.PROJECTS)})",
    )
    parser.add_argument("--runs", type=int, default=5, help="--real: timed runs of each tool (default 5)")
    parser.add_argument("--peer-runs", type=int, default=1, help="--real: timed runs of trufflehog (default 1)")
    parser.add_argument("--before", help="--real: another secpat executable to time and compare findings with")
    parser.add_argument("--before-runs", type=int, default=1, help="--real: timed runs of --before (default 1)")
    parser.add_argument(
        "--peer-timeout", type=float, default=900, help="--real: stop trufflehog after this many seconds (default 900)"
    )
    parser.add_argument("--timeout", type=float, default=3600, help="--real: kill a run after this many seconds")
    parser.add_argument("--commits", type=int, default=5000, help="commits on main (default 5000)")
    parser.add_argument("--skip-trufflehog", action="store_true", help="measure secpat only")
    parser.add_argument("--secpat", help="the secpat executable (default: next to this Python)")
    parser.add_argument("--work-dir", type=Path, help="where to generate the repository (default: a temp dir)")
    parser.add_argument("--json", type=Path, help="write results here (default: bench/results/history-<time>.json)")
    args = parser.parse_args(argv)
    if args.real is not None:
        return real_main(args)

    started = datetime.now(timezone.utc)
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="secpat-history-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"generating {args.commits} commits in {work / 'repo'}", file=sys.stderr)
    t0 = time.perf_counter()
    repo_info = generate(work / "repo", args.commits)
    repo_info["generate_s"] = round(time.perf_counter() - t0, 2)

    results: dict[str, dict | None] = {"secpat": run_secpat(args, work / "repo", work)}
    results["trufflehog"] = None if args.skip_trufflehog else run_trufflehog(work / "repo")
    versions = {
        "python": platform.python_version(),
        "git": _version(["git", "--version"]),
        "secpat": _version([secpat_command(args, work, work)[0], "--version"]),
        "trufflehog": None if args.skip_trufflehog else TRUFFLEHOG_VERSION,
    }
    text = table(results, repo_info["commits"])
    print(text)
    document = {
        "schema": 1,
        "started": started.isoformat(),
        "finished": datetime.now(timezone.utc).isoformat(),
        "machine": {
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            # ru_maxrss of a forked child starts from the driver's size: below this, figures are bounds.
            "driver_maxrss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        },
        "versions": versions,
        "config": {"commits": args.commits, "skip_trufflehog": args.skip_trufflehog},
        "repo": repo_info,
        "results": results,
        "table": text,
    }
    out = args.json or RESULTS / f"history-{started.strftime('%Y%m%dT%H%M%SZ')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(document, indent=2) + "\n")
    print(f"results written to {out}", file=sys.stderr)
    return 0 if results["secpat"] and results["secpat"]["ok"] else 3


# -- real histories -------------------------------------------------------------------------------

#: The floor: what a one-line scanner does, every added and removed line of every commit through
#: one compiled pattern of secret formats and secret-named assignments.
FLOOR_PATTERN = (
    r"AKIA[0-9A-Z]{16}|sk_live_[0-9A-Za-z]{20,}|gh[pousr]_[0-9A-Za-z]{36}|xox[abprs]-|"
    r"-----BEGIN [A-Z ]*PRIVATE KEY|hooks\.slack\.com/services/|://[^/:@ ]+:[^/@ ]+@|"
    r"(secret|password|passwd|token|api_?key)[a-z_]*[\"']?[ \t]*[:=]"
)


def loadavg() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def repo_stats(repo: Path) -> dict:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout

    objects = subprocess.run(
        "git rev-list --all --objects | git cat-file --batch-check='%(objecttype) %(objectsize) %(rest)'",
        shell=True,
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    sizes = [int(line.split()[1]) for line in objects if line.startswith("blob ")]
    patch = subprocess.run(
        "git log -p --all | wc -c", shell=True, cwd=repo, capture_output=True, text=True, check=True
    ).stdout
    return {
        "path": str(repo),
        "commits": int(git("rev-list", "--all", "--count")),
        "branches": len(git("branch", "--list").splitlines()),
        "tags": len(git("tag", "--list").splitlines()),
        "blobs": len(sizes),
        "blob_mib": round(sum(sizes) / 2**20, 1),
        "log_patch_mib": round(int(patch) / 2**20, 1),
    }


def secpat_findings(report: Path) -> dict[tuple, dict]:
    """A report's findings by identity: (path, line, masked secret, commit that introduced it)."""
    if not report.exists():
        return {}
    found = json.loads(report.read_text())["findings"]
    return {(f["path"], f["line"], f["extra"].get("secret", ""), f["extra"].get("commit", "")): f for f in found}


def real_tools(args: argparse.Namespace, repo: Path, work: Path) -> dict[str, list[str]]:
    after = args.secpat or str(Path(sys.executable).with_name("secpat"))
    tools = {
        "floor: git log -p --all | grep -E": [
            "bash",
            "-c",
            f"git -C {shlex.quote(str(repo))} log -p --all | grep -Eci -e {shlex.quote(FLOOR_PATTERN)}",
        ],
        "secpat": [
            after,
            "history",
            str(repo),
            "-q",
            "--format",
            "json",
            "--output",
            str(work / "after.json"),
            "--min-confidence",
            "low",
        ],
    }
    if args.before:
        tools["secpat before"] = [
            args.before,
            "history",
            str(repo),
            "-q",
            "--format",
            "json",
            "--output",
            str(work / "before.json"),
            "--min-confidence",
            "low",
        ]
    return tools


def real_main(args: argparse.Namespace) -> int:
    started = datetime.now(timezone.utc)
    projects = args.real or list(history_releases.PROJECTS)
    document: dict = {
        "schema": 1,
        "mode": "real",
        "started": started.isoformat(),
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count()},
        "versions": {
            "python": platform.python_version(),
            "git": _version(["git", "--version"]),
            "trufflehog": None if args.skip_trufflehog else TRUFFLEHOG_VERSION,
        },
        "config": {
            "runs": args.runs,
            "peer_runs": args.peer_runs,
            "before": args.before,
            "before_runs": args.before_runs,
            "peer_timeout": args.peer_timeout,
        },
        "histories": {},
    }
    ok = True
    for project in projects:
        repo = history_releases.build(project)
        work = Path(tempfile.mkdtemp(prefix=f"secpat-history-{project}-"))
        stats = repo_stats(repo)
        tools = real_tools(args, repo, work)
        runs: dict[str, list[dict]] = {name: [] for name in tools}
        # Interleaved: round after round of every tool, so a change in machine load hits them alike.
        for round_number in range(args.runs):
            for name, command in tools.items():
                if name == "secpat before" and round_number >= args.before_runs:
                    continue
                load = loadavg()
                result = run_measured(command, timeout=args.timeout)
                result.pop("stdout")
                result["load_before"] = load
                runs[name].append(result)
        if not args.skip_trufflehog:
            runs["trufflehog 2 (--regex)"] = []
            exe = ensure_trufflehog()
            for _ in range(args.peer_runs):
                load = loadavg()
                result = run_measured(
                    [str(exe), "--regex", "--entropy=False", "--json", f"file://{repo}"], timeout=args.peer_timeout
                )
                result["timed_out"] = result["wall_s"] >= args.peer_timeout
                result["reports"] = sum(1 for line in result.pop("stdout").splitlines() if line.startswith("{"))
                result["load_before"] = load
                runs["trufflehog 2 (--regex)"].append(result)
        after = secpat_findings(work / "after.json")
        entry = {"repo": stats, "runs": runs, "findings": len(after)}
        if args.before:
            before = secpat_findings(work / "before.json")
            entry["comparison"] = compare_findings(before, after)
            ok = ok and not entry["comparison"]["lost_unexplained"]
        ok = ok and all(r["exit_code"] in (0, 1) for name, rs in runs.items() if name.startswith("secpat") for r in rs)
        document["histories"][project] = entry
        print(real_table(project, entry), flush=True)
        shutil.rmtree(work, ignore_errors=True)
    document["finished"] = datetime.now(timezone.utc).isoformat()
    out = args.json or RESULTS / f"history-real-{started.strftime('%Y%m%dT%H%M%SZ')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(document, indent=2) + "\n")
    print(f"results written to {out}", file=sys.stderr)
    return 0 if ok else 3


def compare_findings(before: dict[tuple, dict], after: dict[tuple, dict]) -> dict:
    """What the new run lost and gained; a loss is explained only when the scan now skips its blob."""
    from secpat.history import skip_reason

    lost = [before[key] for key in sorted(before.keys() - after.keys())]
    explained = [f for f in lost if skip_reason(f["path"])]
    return {
        "before": len(before),
        "after": len(after),
        "gained": len(after.keys() - before.keys()),
        "lost_skipped": [
            f"{f['path']}:{f['line']} {f['extra'].get('secret', '')} ({skip_reason(f['path'])})" for f in explained
        ],
        "lost_unexplained": [
            f"{f['path']}:{f['line']} {f['extra'].get('secret', '')}" for f in lost if not skip_reason(f["path"])
        ],
    }


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def real_table(project: str, entry: dict) -> str:
    stats, runs = entry["repo"], entry["runs"]
    floor = _median([r["wall_s"] for r in runs["floor: git log -p --all | grep -E"]])
    lines = [
        f"{project}: {stats['commits']} commits, {stats['branches']} branches, {stats['tags']} tags, "
        f"{stats['blobs']} distinct blobs ({stats['blob_mib']} MiB), `git log -p --all` "
        f"{stats['log_patch_mib']} MiB"
    ]
    rows = [("tool", "runs", "median s", "min s", "max s", "x floor", "peak MiB", "load 1m", "findings")]
    for name, results in runs.items():
        if not results:
            continue
        walls = [r["wall_s"] for r in results]
        findings = {
            "secpat": str(entry["findings"]),
            "secpat before": str(entry.get("comparison", {}).get("before", "")),
        }.get(name, str(results[-1].get("reports", "")))
        if any(r.get("timed_out") for r in results):
            rows.append(
                (
                    name,
                    str(len(results)),
                    f">{max(walls):.0f} (stopped)",
                    "",
                    "",
                    f">{max(walls) / floor:.0f}",
                    f"{max(r['peak_rss_mib'] for r in results):.0f}",
                    f"{_median([r['load_before'] for r in results]):.2f}",
                    "-",
                )
            )
            continue
        rows.append(
            (
                name,
                str(len(results)),
                f"{_median(walls):.2f}",
                f"{min(walls):.2f}",
                f"{max(walls):.2f}",
                f"{_median(walls) / floor:.1f}",
                f"{max(r['peak_rss_mib'] for r in results):.0f}",
                f"{_median([r['load_before'] for r in results]):.2f}",
                findings,
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for number, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    comparison = entry.get("comparison")
    if comparison:
        lines.append(
            f"findings before/after: {comparison['before']}/{comparison['after']}, "
            f"{comparison['gained']} gained, {len(comparison['lost_skipped'])} lost in skipped blobs, "
            f"{len(comparison['lost_unexplained'])} lost otherwise"
        )
        lines += [f"  skipped: {item}" for item in comparison["lost_skipped"]]
        lines += [f"  LOST: {item}" for item in comparison["lost_unexplained"]]
    return "\n".join(lines) + "\n"


def _version(command: list[str]) -> str | None:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=60).stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        return None


if __name__ == "__main__":
    sys.exit(main())
