#!/usr/bin/env python3
"""Precision of secpat on real web applications, measured against a triage ledger.

    python bench/realworld/run.py                       # all projects in projects.toml
    python bench/realworld/run.py --projects pretix,wagtail --stale
    python bench/realworld/run.py --json out.json --untriaged-jsonl new.jsonl
    python bench/realworld/run.py -- --min-confidence low   # arguments after -- go to `secpat check`

See bench/realworld/README.md.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request
import zipfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # secpat depends on tomli below 3.11
    import tomli as tomllib

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import ledger  # noqa: E402  (bench/realworld/ledger.py, shared with the tests)

PROJECTS_FILE = HERE / "projects.toml"
LEDGER_FILE = HERE / "ledger.jsonl"
DEFAULT_CACHE = Path("~/.cache/secpat-realworld")
DEFAULT_INDEX = "https://pypi.org/simple"
PARALLEL_SCANS = 2
# A rule with more findings than this must reach RULE_MIN_PRECISION when --min-precision is given.
RULE_GATE_FINDINGS = 5
RULE_MIN_PRECISION = 0.80


class Failure(Exception):
    """A problem that ends the run with a message and exit code 2."""


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- #
# Projects
# --------------------------------------------------------------------------- #


@dataclass
class Project:
    name: str
    version: str
    scan: str  # directory to check, relative to the unpacked sdist root
    root: Path | None = None
    origin: str = ""
    fetch_s: float = 0.0
    scan_s: float = 0.0
    files_scanned: int = 0
    findings: list[dict[str, Any]] = field(default_factory=list)


def load_projects(path: Path) -> list[Project]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise Failure(f"cannot read {path}: {exc}") from None
    projects = []
    for i, item in enumerate(data.get("project", []), start=1):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) and item[k] for k in ("name", "version")):
            raise Failure(f"{path}: project #{i} needs a name and a version")
        scan = item.get("scan", ".")
        if not isinstance(scan, str) or PurePosixPath(scan).is_absolute() or ".." in PurePosixPath(scan).parts:
            raise Failure(f"{path}: project {item['name']}: scan must be a relative path inside the sdist")
        projects.append(Project(item["name"], item["version"], str(PurePosixPath(scan))))
    if not projects:
        raise Failure(f"{path}: no [[project]] entries")
    return projects


# --------------------------------------------------------------------------- #
# Download and unpack
# --------------------------------------------------------------------------- #


def _pip(*args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "pip", "--disable-pip-version-check", *args]
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _index_sdist(name: str, version: str) -> dict[str, Any] | None:
    """The sdist file the index lists for name==version (simple JSON API), or None if there is none."""
    base = os.environ.get("PIP_INDEX_URL", DEFAULT_INDEX).rstrip("/")
    request = urllib.request.Request(f"{base}/{name}/", headers={"Accept": "application/vnd.pypi.simple.v1+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        files = json.load(response).get("files", [])
    prefix = f"{name.replace('-', '_').lower()}-{version}."
    alt_prefix = f"{name.lower()}-{version}."
    for entry in files:
        filename = entry.get("filename", "")
        lowered = filename.lower()
        if (lowered.startswith(prefix) or lowered.startswith(alt_prefix)) and lowered.endswith((".tar.gz", ".zip")):
            return entry
    return None


def _download_file(url: str, dest: Path, sha256: str | None) -> None:
    tmp = dest.with_suffix(dest.suffix + ".part")
    digest = hashlib.sha256()
    with urllib.request.urlopen(url, timeout=300) as response, tmp.open("wb") as out:
        while chunk := response.read(1 << 20):
            digest.update(chunk)
            out.write(chunk)
    if sha256 and digest.hexdigest() != sha256:
        tmp.unlink()
        raise Failure(f"{dest.name}: sha256 does not match the index")
    tmp.rename(dest)


def download(project: Project, cache: Path) -> Path:
    """The project's archive in the cache, downloaded the first time only."""
    dl_dir = cache / "downloads" / f"{project.name}-{project.version}"
    dl_dir.mkdir(parents=True, exist_ok=True)
    archives = sorted(p for p in dl_dir.iterdir() if p.is_file() and not p.name.endswith(".part"))
    if archives:
        return archives[0]
    spec = f"{project.name}=={project.version}"
    log(f"{project.name}: downloading {spec} (sdist)")
    res = _pip("download", "--no-deps", "--no-binary", ":all:", "-d", str(dl_dir), spec)
    archives = sorted(p for p in dl_dir.iterdir() if p.is_file())
    if res.returncode == 0 and archives:
        return archives[0]
    # pip prepares an sdist's metadata after downloading it, which runs the project's build backend;
    # when that fails the sdist is still on the index and is fetched directly.
    try:
        entry = _index_sdist(project.name, project.version)
    except (OSError, ValueError) as exc:
        raise Failure(f"could not download {spec}:\n{res.stdout[-2000:]}\n(index lookup failed: {exc})") from None
    if entry is not None:
        log(f"{project.name}: pip could not prepare the sdist; fetching {entry['filename']} from the index directly")
        dest = dl_dir / Path(entry["filename"]).name
        try:
            _download_file(entry["url"], dest, entry.get("hashes", {}).get("sha256"))
        except OSError as exc:
            raise Failure(f"could not download {entry['url']}: {exc}") from None
        return dest
    log(f"{project.name}: NOTE no sdist for {spec} on the index; using the wheel instead")
    res = _pip("download", "--no-deps", "--only-binary", ":all:", "-d", str(dl_dir), spec)
    archives = sorted(p for p in dl_dir.iterdir() if p.is_file())
    if res.returncode != 0 or not archives:
        raise Failure(f"could not download {spec}:\n{res.stdout[-2000:]}")
    return archives[0]


def _inside(dest: Path, name: str) -> bool:
    posix = PurePosixPath(name.replace("\\", "/"))
    return not posix.is_absolute() and ".." not in posix.parts and (dest / posix).resolve().is_relative_to(dest)


def safe_extract(archive: Path, dest: Path) -> int:
    """Unpack regular files and directories into dest; return how many links and special files were skipped.

    A member whose name points outside dest makes the whole archive refused.
    """
    dest = dest.resolve()
    skipped = 0
    if archive.suffix in (".zip", ".whl"):
        with zipfile.ZipFile(archive) as zf:
            members = []
            for info in zf.infolist():
                if not _inside(dest, info.filename):
                    raise Failure(f"{archive.name}: refusing member outside the target: {info.filename!r}")
                if (info.external_attr >> 16) & 0o170000 == 0o120000:  # a symlink
                    skipped += 1
                    continue
                members.append(info)
            zf.extractall(dest, members=members)
        return skipped
    with tarfile.open(archive) as tf:
        members = []
        for member in tf.getmembers():
            if not _inside(dest, member.name):
                raise Failure(f"{archive.name}: refusing member outside the target: {member.name!r}")
            if not (member.isfile() or member.isdir()):
                skipped += 1
                continue
            members.append(member)
        if hasattr(tarfile, "data_filter"):
            tf.extractall(dest, members=members, filter="data")
        else:
            tf.extractall(dest, members=members)
    return skipped


def fetch(project: Project, cache: Path) -> None:
    """Set project.root to the unpacked sdist (or wheel), unpacking it once."""
    start = time.monotonic()
    archive = download(project, cache)
    project.origin = "wheel" if archive.suffix == ".whl" else "sdist"
    src = cache / "src"
    dest = src / f"{project.name}-{project.version}"
    marker = src / f".{project.name}-{project.version}.unpacked"
    if not (dest.is_dir() and marker.is_file() and marker.read_text().strip() == archive.name):
        log(f"{project.name}: unpacking {archive.name}")
        if dest.exists():
            shutil.rmtree(dest)
        src.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".unpack-{project.name}-", dir=src))
        try:
            skipped = safe_extract(archive, staging)
            if skipped:
                log(f"{project.name}: skipped {skipped} links or special files")
            entries = list(staging.iterdir())
            # An sdist holds one top-level folder NAME-VERSION/; ledger paths are relative to it.
            top = entries[0] if project.origin == "sdist" and len(entries) == 1 and entries[0].is_dir() else staging
            top.rename(dest)
        except (OSError, tarfile.TarError, zipfile.BadZipFile) as exc:
            raise Failure(f"{project.name}: cannot unpack {archive}: {exc}") from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        marker.write_text(archive.name + "\n")
    project.root = dest
    project.fetch_s = time.monotonic() - start


# --------------------------------------------------------------------------- #
# Scan
# --------------------------------------------------------------------------- #


def scan(project: Project, secpat: str, extra: list[str]) -> None:
    """Run `secpat check .` inside the scanned directory and keep its findings, paths made sdist-relative."""
    assert project.root is not None
    target = project.root / project.scan
    if not target.is_dir():
        raise Failure(f"{project.name}: {project.scan!r} is not a directory of the unpacked sdist")
    with tempfile.TemporaryDirectory(prefix="secpat-realworld-") as tmp:
        out = Path(tmp) / "report.json"
        cmd = [
            secpat,
            "check",
            ".",
            "--format",
            "json",
            "--output",
            str(out),
            "--no-cache",
            "--exit-zero",
            "--keep-going",
            "--quiet",
            *extra,
        ]
        start = time.monotonic()
        res = subprocess.run(cmd, cwd=target, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        project.scan_s = time.monotonic() - start
        if res.returncode != 0 or not out.is_file():
            raise Failure(f"{project.name}: secpat exited {res.returncode}\n{(res.stderr or res.stdout)[-2000:]}")
        try:
            report = json.loads(out.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise Failure(f"{project.name}: secpat wrote no valid JSON: {exc}") from None
    project.files_scanned = report.get("summary", {}).get("files_scanned", 0)
    prefix = PurePosixPath(project.scan)
    for finding in report.get("findings", []):
        rel = PurePosixPath(finding["path"].replace("\\", "/"))
        finding["path"] = str(prefix / rel) if str(prefix) != "." else str(rel)
        project.findings.append(finding)


# --------------------------------------------------------------------------- #
# Tally
# --------------------------------------------------------------------------- #


def precision(tp: int, deb: int, triaged: int) -> tuple[float | None, float | None]:
    if not triaged:
        return None, None
    return tp / triaged, (tp + deb) / triaged


def row(label: str, counts: Counter) -> dict[str, Any]:
    triaged = counts["TP"] + counts["FP"] + counts["DEB"]
    strict, lenient = precision(counts["TP"], counts["DEB"], triaged)
    return {
        "name": label,
        "findings": counts["findings"],
        "triaged": triaged,
        "TP": counts["TP"],
        "FP": counts["FP"],
        "DEB": counts["DEB"],
        "untriaged": counts["findings"] - triaged,
        "precision": strict,
        "precision_deb_true": lenient,
    }


def pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def print_table(title: str, rows: list[dict[str, Any]], extra_cols: tuple[str, ...] = ()) -> None:
    cols = ("findings", "triaged", "TP", "FP", "DEB", "untriaged")
    width = max([len(title)] + [len(r["name"]) for r in rows])
    head = f"{title:<{width}}" + "".join(f"{c:>10}" for c in cols) + f"{'precision':>11}{'DEB=true':>10}"
    head += "".join(f"{c:>10}" for c in extra_cols)
    print(head)
    print("-" * len(head))
    for r in rows:
        if r["name"] == "TOTAL":
            print("-" * len(head))
        line = f"{r['name']:<{width}}" + "".join(f"{r[c]:>10}" for c in cols)
        line += f"{pct(r['precision']):>11}{pct(r['precision_deb_true']):>10}"
        line += "".join(f"{r[c]:>10}" if isinstance(r[c], str) else f"{r[c]:>10.1f}" for c in extra_cols)
        print(line)
    print()


def gate_failures(rules: list[dict[str, Any]], total: dict[str, Any], minimum: float) -> list[str]:
    """Why the run misses the precision bar. A precision that cannot be computed counts as missing it."""
    failures = []
    if total["precision"] is None or total["precision"] < minimum:
        failures.append(f"total precision {pct(total['precision'])} is below {pct(minimum)}")
    for r in rules:
        if r["findings"] > RULE_GATE_FINDINGS and (r["precision"] is None or r["precision"] < RULE_MIN_PRECISION):
            failures.append(
                f"{r['name']}: {r['findings']} findings, precision {pct(r['precision'])} "
                f"is below {pct(RULE_MIN_PRECISION)}"
            )
    return failures


# --------------------------------------------------------------------------- #
# Main
# --------------------------------------------------------------------------- #


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    extra: list[str] = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1 :]
    parser = argparse.ArgumentParser(
        description="Measure secpat's precision on real projects against the triage ledger.",
        epilog="Arguments after -- are passed to `secpat check`.",
    )
    parser.add_argument("--projects", help="comma-separated project names (default: all in projects.toml)")
    parser.add_argument(
        "--cache-dir",
        type=Path,
        help=f"where sdists are downloaded and unpacked (default: $SECPAT_REALWORLD_CACHE or {DEFAULT_CACHE})",
    )
    parser.add_argument("--secpat", help="the secpat executable (default: the one next to this Python, else on PATH)")
    parser.add_argument("--ledger", type=Path, default=LEDGER_FILE, help="triage ledger (default: %(default)s)")
    parser.add_argument("--projects-file", type=Path, default=PROJECTS_FILE, help="default: %(default)s")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the tables and the untriaged findings here")
    parser.add_argument(
        "--untriaged-jsonl",
        type=Path,
        metavar="OUT",
        help="write untriaged findings as ledger lines with empty verdict, cause and reason",
    )
    parser.add_argument("--stale", action="store_true", help="list ledger entries that matched no finding")
    parser.add_argument("--list", action="store_true", help="list every finding with its verdict and reason")
    parser.add_argument(
        "--min-precision",
        type=float,
        metavar="X",
        help=f"exit 1 if total precision is below X or a rule with more than {RULE_GATE_FINDINGS} "
        f"findings is below {RULE_MIN_PRECISION:.2f}",
    )
    parser.add_argument("--require-triaged", action="store_true", help="exit 1 if any finding is untriaged")
    parser.add_argument(
        "--require-tps",
        action="store_true",
        help="exit 1 if a true finding of the ledger is no longer reported (use with -- --audit)",
    )
    args = parser.parse_args(argv)
    if args.min_precision is not None and not 0.0 <= args.min_precision <= 1.0:
        parser.error("--min-precision must be between 0 and 1")
    return args, extra


def find_secpat(arg: str | None) -> str:
    if arg:
        found = shutil.which(arg)
        if not found:
            raise Failure(f"secpat executable not found: {arg}")
        return found
    beside = Path(sys.executable).with_name("secpat")
    if beside.is_file():
        return str(beside)
    found = shutil.which("secpat")
    if not found:
        raise Failure("secpat is not installed (no `secpat` next to this Python or on PATH); use --secpat")
    return found


def run(argv: list[str]) -> int:
    args, extra = parse_args(argv)
    started = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
    projects = all_projects = load_projects(args.projects_file)
    if args.projects:
        wanted = [p.strip() for p in args.projects.split(",") if p.strip()]
        unknown = sorted(set(wanted) - {p.name for p in projects})
        if unknown:
            raise Failure(f"unknown project(s): {', '.join(unknown)} (known: {', '.join(p.name for p in projects)})")
        projects = [p for p in projects if p.name in wanted]
    try:
        entries = ledger.load(args.ledger, [p.name for p in all_projects])
    except OSError as exc:
        raise Failure(f"cannot read {args.ledger}: {exc}") from None
    except ledger.LedgerError as exc:
        raise Failure(f"bad ledger:\n{exc}") from None
    versions = {p.name: p.version for p in projects}
    other_version = [e for e in entries if e["project"] in versions and e["version"] != versions[e["project"]]]
    entries = [e for e in entries if versions.get(e["project"]) == e["version"]]
    try:
        ledger_index = ledger.index(entries)
    except ledger.LedgerError as exc:
        raise Failure(f"bad ledger: {exc}") from None
    secpat = find_secpat(args.secpat)
    cache = (args.cache_dir or Path(os.environ.get("SECPAT_REALWORLD_CACHE") or DEFAULT_CACHE)).expanduser().resolve()
    version = subprocess.run([secpat, "--version"], stdout=subprocess.PIPE, text=True).stdout.strip()
    log(f"{version} ({secpat}); cache {cache}; extra check args: {extra or 'none'}")

    for project in projects:  # one download at a time; cached after the first run
        fetch(project, cache)

    def scan_one(project: Project) -> None:
        scan(project, secpat, extra)
        log(f"{project.name}: {len(project.findings)} findings in {project.files_scanned} files, {project.scan_s:.1f}s")

    with ThreadPoolExecutor(max_workers=PARALLEL_SCANS) as pool:
        for future in [pool.submit(scan_one, p) for p in projects]:
            future.result()

    by_rule: dict[str, Counter] = {}
    by_project: dict[str, Counter] = {}
    # Calibration: what each confidence level (and audit vs default) is worth on real code.
    by_confidence: dict[str, Counter] = {}
    total: Counter = Counter()
    untriaged: list[dict[str, Any]] = []
    matched_keys: set[tuple[str, str, str, str]] = set()
    listed: list[str] = []
    for project in projects:
        pc = by_project.setdefault(project.name, Counter())
        for finding, entry in ledger.match(project.name, project.findings, ledger_index):
            rc = by_rule.setdefault(finding["rule_id"], Counter())
            tag = entry["verdict"] if entry else "untriaged"
            level = finding["confidence"] + (" (audit)" if finding.get("audit") else "")
            cc = by_confidence.setdefault(level, Counter())
            for counts in (rc, pc, total, cc):
                counts["findings"] += 1
                counts[tag] += 1
            if args.list:
                listed.append(
                    f"  {tag:9} {project.name}  {finding['path']}:{finding['line']}  {finding['rule_id']}"
                    f"  [{finding['confidence']}]\n"
                    f"      {ledger.normalise_text(finding.get('snippet') or '')[:160]}"
                    + (f"\n      reason: {entry['reason']}" if entry else "")
                )
            if entry:
                matched_keys.add(ledger.entry_key(entry))
            else:
                untriaged.append(
                    {
                        "project": project.name,
                        "version": project.version,
                        "path": finding["path"],
                        "line": finding["line"],
                        "rule": finding["rule_id"],
                        "code": finding.get("snippet") or "",
                        "message": finding["message"],
                        "severity": finding["severity"],
                        "confidence": finding["confidence"],
                    }
                )

    rule_rows = [row(name, by_rule[name]) for name in sorted(by_rule)]
    confidence_rows = [row(name, by_confidence[name]) for name in sorted(by_confidence)]
    total_row = row("TOTAL", total)
    project_rows = []
    for p in projects:
        r = row(p.name, by_project[p.name])
        r.update(
            version=p.version,
            origin=p.origin,
            files=p.files_scanned,
            fetch_s=round(p.fetch_s, 2),
            scan_s=round(p.scan_s, 2),
        )
        project_rows.append(r)

    print()
    print_table("rule", rule_rows + [total_row])
    print_table("confidence", confidence_rows)
    print_table(
        "project",
        project_rows
        + [dict(total_row, scan_s=sum(p.scan_s for p in projects), fetch_s=sum(p.fetch_s for p in projects))],
        extra_cols=("fetch_s", "scan_s"),
    )
    print("precision = TP / triaged (DEB counted as false); DEB=true counts DEB as true.")
    print("fetch_s / scan_s: wall seconds to download+unpack (cached after the first run) and to run secpat.")
    if other_version:
        print(f"{len(other_version)} ledger entries are for another version of a project and were not used.")
    print()

    if listed:
        print(f"Every finding ({len(listed)}):")
        print("\n".join(listed))
        print()
    if untriaged:
        print(f"Untriaged findings ({len(untriaged)}):")
        for u in untriaged:
            print(f"  {u['project']}  {u['path']}:{u['line']}  {u['rule']}  [{u['confidence']}]  {u['message']}")
            print(f"      {ledger.normalise_text(u['code'])[:200]}")
        print()
    else:
        print("Every finding is triaged.\n")

    stale: list[dict[str, Any]] = []
    if args.stale:
        seen: set[tuple[str, str, str, str]] = set()
        for e in entries:
            k = ledger.entry_key(e)
            if k not in matched_keys and k not in seen:
                seen.add(k)
                stale.append(e)
        print(f"Ledger entries that matched no finding ({len(stale)}; a fixed false positive ends up here):")
        for e in stale:
            print(
                f"  {e['project']}  {e['path']}:{e.get('line', '?')}  {e['rule']}  {e['verdict']}  "
                f"{ledger.normalise_text(e['code'])[:120]}"
            )
        print()

    missed_tps = missed_true_findings(entries, matched_keys)
    if missed_tps:
        print(f"True findings of the ledger that matched no finding ({len(missed_tps)}):")
        for e in missed_tps:
            code = ledger.normalise_text(e["code"])[:120]
            print(f"  {e['project']}  {e['path']}:{e.get('line', '?')}  {e['rule']}  {code}")
        print()

    failures: list[str] = []
    if args.min_precision is not None:
        failures += gate_failures(rule_rows, total_row, args.min_precision)
    if args.require_triaged and untriaged:
        failures.append(f"{len(untriaged)} findings are untriaged")
    if args.require_tps and missed_tps:
        failures.append(f"{len(missed_tps)} true findings of the ledger are no longer reported")
    for failure in failures:
        print(f"FAIL: {failure}")

    if args.json:
        doc = {
            "started": started,
            "secpat": version,
            "check_args": extra,
            "rules": rule_rows,
            "confidence": confidence_rows,
            "total": total_row,
            "projects": project_rows,
            "untriaged": untriaged,
            "stale": stale if args.stale else None,
            "missed_tps": missed_tps,
            "failures": failures,
        }
        args.json.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        log(f"wrote {args.json}")
    if args.untriaged_jsonl:
        with args.untriaged_jsonl.open("w", encoding="utf-8") as out:
            for u in untriaged:
                line = {k: u[k] for k in ("project", "version", "path", "line", "rule", "code")}
                line.update(verdict="", cause="", reason="")
                out.write(json.dumps(line) + "\n")
        log(f"wrote {args.untriaged_jsonl} ({len(untriaged)} lines)")
    return 1 if failures else 0


def missed_true_findings(
    entries: list[dict[str, Any]], matched_keys: set[tuple[str, str, str, str]]
) -> list[dict[str, Any]]:
    """The true findings of the ledger that matched no finding: lost, if the run is in audit mode (a finding
    moved to audit mode still matches there). One per key: lines sharing a text count once."""
    missed: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str, str]] = set()
    for entry in entries:
        key = ledger.entry_key(entry)
        if entry["verdict"] == "TP" and key not in matched_keys and key not in seen:
            seen.add(key)
            missed.append(entry)
    return missed


def main(argv: list[str] | None = None) -> int:
    try:
        return run(sys.argv[1:] if argv is None else argv)
    except Failure as exc:
        log(f"error: {exc}")
        return 2
    except KeyboardInterrupt:
        log("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
