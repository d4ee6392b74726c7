"""Recall on small projects written against the rule catalogue, each with an answer key.

Every corpus under `corpora/` is a project (`src/`) and a key (`KEY.jsonl`): one line per planted
vulnerability (`"kind": "vuln"`) or look-alike that must stay silent (`"kind": "safe"`), with the path, the
line a reviewer would point at and the rule. A finding answers a key entry of the same rule family (JWT004's
hard-coded key counts as a secret) whose line is within 12 lines of the finding or of a step of its data path:
a planted vulnerability of its own rule if there is one, else the nearest. Printed per corpus and in total,
for the default mode and for `--audit`:

* recall: planted vulnerabilities with a finding;
* look-alikes flagged: safe entries with a finding (false findings the key predicts);
* other findings: findings that answer no key entry (read them: the key may lack a real problem).

    .venv/bin/python bench/recall/score.py            # both modes, every corpus
    .venv/bin/python bench/recall/score.py -v         # also list each miss, flagged look-alike and other finding
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

CORPORA = Path(__file__).resolve().parent / "corpora"
NEAR = 12  # lines between a finding (or a step of its path) and the key entry it answers


@dataclass
class Score:
    corpus: str
    vulns: int = 0
    found: int = 0
    safe: int = 0
    flagged: int = 0
    other: int = 0
    findings: int = 0


def family(rule: str) -> str:
    return "SECRET" if rule == "JWT004" else rule.rstrip("0123456789")


def run_secpat(secpat: str, src: Path, audit: bool) -> dict:
    command = [secpat, "check", str(src), "-f", "json", "--no-cache", "-q", "--exit-zero"]
    done = subprocess.run([*command, *(["--audit"] if audit else [])], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"secpat failed on {src}: {done.stderr.strip()}")
    return json.loads(done.stdout)


def score(secpat: str, corpus: Path, audit: bool, verbose: bool) -> Score:
    src = (corpus / "src").resolve()
    report = run_secpat(secpat, src, audit)
    root = Path(report["root"])

    def relative(path: str) -> str:
        return os.path.relpath((root / path).resolve(), src)

    key = [json.loads(line) for line in (corpus / "KEY.jsonl").read_text().splitlines() if line.strip()]
    findings = report["findings"]
    places = [
        [(relative(f["path"]), f["line"]), *((relative(s["path"]), s["line"]) for s in f.get("flow") or [])]
        for f in findings
    ]

    def distance(entry: dict, index: int) -> int:
        lines = [line for path, line in places[index] if path == entry["path"]]
        return min((abs(entry["line"] - line) for line in lines), default=NEAR + 1)

    answered: dict[int, list[int]] = {}
    for index, finding in enumerate(findings):
        # A planted vulnerability of the finding's own rule comes first, then the nearest entry of its family.
        near = [
            (not (entry["rule"] == finding["rule_id"] and entry["kind"] == "vuln"), distance(entry, index), number)
            for number, entry in enumerate(key)
            if family(entry["rule"]) == family(finding["rule_id"]) and distance(entry, index) <= NEAR
        ]
        if near:
            answered.setdefault(min(near)[2], []).append(index)
    result = Score(corpus.name, findings=len(findings))
    for number, entry in enumerate(key):
        hit = number in answered
        if entry["kind"] == "vuln":
            result.vulns += 1
            result.found += hit
            if verbose and not hit:
                print(f"  miss     {entry['rule']:<9} {entry['path']}:{entry['line']}  {entry['why']}")
        else:
            result.safe += 1
            result.flagged += hit
            if verbose and hit:
                print(f"  flagged  {entry['rule']:<9} {entry['path']}:{entry['line']}  {entry['why']}")
    used = {index for indexes in answered.values() for index in indexes}
    for index, finding in enumerate(findings):
        if index not in used:
            result.other += 1
            if verbose:
                print(
                    f"  other    {finding['rule_id']:<9} {places[index][0][0]}:{finding['line']}  {finding['message']}"
                )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--secpat", default=shutil.which("secpat") or "secpat", help="the secpat to measure")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("corpus", nargs="*", help="corpus names (default: all)")
    args = parser.parse_args()
    corpora = [CORPORA / name for name in args.corpus] or sorted(p for p in CORPORA.iterdir() if p.is_dir())
    for audit in (False, True):
        print(f"\n{'audit' if audit else 'default'} mode")
        print(f"{'corpus':<18}{'vulns':>7}{'found':>7}{'recall':>8}{'safe':>7}{'flagged':>9}{'other':>7}")
        total = Score("TOTAL")
        for corpus in corpora:
            if args.verbose:
                print(f"{corpus.name}:")
            row = score(args.secpat, corpus, audit, args.verbose)
            for field in ("vulns", "found", "safe", "flagged", "other", "findings"):
                setattr(total, field, getattr(total, field) + getattr(row, field))
            print(_row(row))
        print(_row(total))


def _row(row: Score) -> str:
    recall = f"{row.found / row.vulns:.1%}" if row.vulns else "-"
    return f"{row.corpus:<18}{row.vulns:>7}{row.found:>7}{recall:>8}{row.safe:>7}{row.flagged:>9}{row.other:>7}"


if __name__ == "__main__":
    main()
