"""A scanned repository is untrusted input: each test builds a hostile repository for real and runs
the real command line on it. Nothing the repository ships may run, hide findings, overwrite files,
hang the scan, exhaust memory or crash secpat."""

from __future__ import annotations

import json
import os
import pickle
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

VULNERABLE = (
    "import random\n\n\ndef new_reset_code():\n    reset_code = random.randint(100000, 999999)\n    return reset_code\n"
)
SAFE = "import secrets\n\n\ndef new_reset_code():\n    reset_code = secrets.randbelow(1000000)\n    return reset_code\n"


def secpat(
    *args: str,
    cwd: Path | None = None,
    cache: Path | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "160"}
    if cache is not None:
        env["SECPAT_CACHE_DIR"] = str(cache)
    return subprocess.run(
        [sys.executable, "-m", "secpat", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env
    )


def rules_found(proc: subprocess.CompletedProcess[str]) -> list[tuple[str, str]]:
    assert proc.returncode in (0, 1), proc.stderr
    return [(f["path"], f["rule_id"]) for f in json.loads(proc.stdout)["findings"]]


def tree_listing(root: Path) -> dict[str, tuple[int, bytes]]:
    listing = {}
    for path in sorted(root.rglob("*")):
        st = os.lstat(path)
        content = (
            os.readlink(path).encode()
            if stat.S_ISLNK(st.st_mode)
            else (path.read_bytes() if stat.S_ISREG(st.st_mode) else b"")
        )
        listing[path.relative_to(root).as_posix()] = (st.st_mode, content)
    return listing


class _Payload:
    """Unpickling this runs a command: what a hostile repository would ship as a cache file."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=cwd, check=True, capture_output=True
    )


# -- 1 and 2: a planted cache neither runs nor hides ---------------------------------------------


def _planted_repository(tmp_path: Path, marker: Path) -> Path:
    repo = tmp_path / "origin"
    (repo / "app").mkdir(parents=True)
    (repo / "app" / "reset.py").write_text(VULNERABLE)
    payload = pickle.dumps(_Payload(marker))
    cache_dir = repo / ".secpat_cache"
    cache_dir.mkdir()
    # Every name an older or a guessing secpat could read, and a well-formed "nothing found" entry.
    for name in ("results.pickle", "results-0.pickle", "cache.pickle", "results.json"):
        (cache_dir / name).write_bytes(payload)
    (cache_dir / "results").mkdir()
    hiding = {
        "files": {"app/reset.py": [0, len(VULNERABLE), "0" * 32, {"c": ["secpat.engine:FileResult", ["app/reset.py"]]}]}
    }
    (cache_dir / "results" / "planted.json").write_text("secpat-cache 2 " + "0" * 64 + "\n" + json.dumps(hiding))
    _git(repo, "init", "-q")
    _git(repo, "add", "-A", "-f")
    _git(repo, "commit", "-q", "-m", "app")
    return repo


@pytest.mark.parametrize("own_cache", ["cold", "warm"])
def test_planted_cache_neither_runs_nor_hides_findings(tmp_path: Path, own_cache: str) -> None:
    marker = tmp_path / "payload-ran"
    origin = _planted_repository(tmp_path, marker)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(origin), str(clone)], check=True)
    cache = tmp_path / "user-cache"
    if own_cache == "warm":
        assert rules_found(secpat("check", ".", "-f", "json", cwd=clone, cache=cache)) == [("app/reset.py", "RND001")]
    # The planted directory is also named as the cache directory: entries there are still refused.
    for extra in ([], ["--cache-dir", str(clone / ".secpat_cache" / "results")]):
        proc = secpat("check", ".", "-f", "json", *extra, cwd=clone, cache=cache)
        assert rules_found(proc) == [("app/reset.py", "RND001")]
    assert not marker.exists(), "a pickle shipped in the repository was loaded"


def test_scan_writes_nothing_into_the_tree(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "reset.py").write_text(VULNERABLE)
    outside = tmp_path / "outside"
    outside.mkdir()
    (repo / "linked").symlink_to(outside, target_is_directory=True)
    before, before_outside = tree_listing(repo), tree_listing(outside)
    for _ in range(2):
        proc = secpat("check", ".", "-f", "json", cwd=repo, cache=tmp_path / "cache")
        assert rules_found(proc) == [("reset.py", "RND001")]
    # An explicit symbolic link as the argument: nothing is created where it points either.
    secpat("check", str(repo / "linked"), "-q", cwd=tmp_path, cache=tmp_path / "cache")
    assert tree_listing(repo) == before
    assert tree_listing(outside) == before_outside


# -- 3: writes never follow a link -----------------------------------------------------------------


def test_report_output_refuses_a_committed_symlink(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "reset.py").write_text(VULNERABLE)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    (repo / "secpat.sarif").symlink_to(victim)
    proc = secpat("check", ".", "-f", "sarif", "-o", "secpat.sarif", cwd=repo, cache=tmp_path / "cache")
    assert proc.returncode == 2
    assert "symbolic link" in proc.stderr and "Traceback" not in proc.stderr
    assert victim.read_text() == "precious\n"


def test_baseline_write_keeps_mode_and_refuses_links(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "reset.py").write_text(VULNERABLE)
    cache = tmp_path / "cache"
    assert secpat("baseline", ".", "-q", cwd=repo, cache=cache).returncode == 0
    baseline = repo / ".secpat-baseline.json"
    assert stat.S_IMODE(baseline.stat().st_mode) == 0o644
    baseline.chmod(0o640)
    assert secpat("baseline", ".", "-q", cwd=repo, cache=cache).returncode == 0
    assert stat.S_IMODE(baseline.stat().st_mode) == 0o640
    baseline.unlink()
    target = tmp_path / "target.json"
    baseline.symlink_to(target)  # dangling: a write through it would create the target
    proc = secpat("baseline", ".", "-q", cwd=repo, cache=cache)
    assert proc.returncode == 2 and "symbolic link" in proc.stderr
    assert not target.exists()
    assert not [p for p in repo.iterdir() if p.name.endswith(".tmp")]


# -- 4: a file edited during the scan is never cached with another file's result ------------------


def test_file_edited_during_scans_is_judged_by_its_final_content(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    for index in range(40):  # enough files for the process pool
        (repo / f"module_{index}.py").write_text(SAFE + f"\nVALUE_{index} = {index}\n" * 200)
    target = repo / "reset.py"
    target.write_text(SAFE)
    stop = threading.Event()

    def edit_repeatedly() -> None:
        while not stop.is_set():
            target.write_text(VULNERABLE)
            time.sleep(0.001)
            target.write_text(SAFE)
            time.sleep(0.001)

    cache = tmp_path / "cache"
    editor = threading.Thread(target=edit_repeatedly)
    editor.start()
    try:
        for _ in range(3):
            secpat("check", ".", "-q", "--exit-zero", cwd=repo, cache=cache)
    finally:
        stop.set()
        editor.join()
    for final, expected in ((VULNERABLE, [("reset.py", "RND001")]), (SAFE, [])):
        target.write_text(final)
        assert rules_found(secpat("check", ".", "-f", "json", cwd=repo, cache=cache)) == expected


# -- 5: bounded reads ----------------------------------------------------------------------------


def test_gitignore_linked_to_dev_zero_is_not_read(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "reset.py").write_text(VULNERABLE)
    (repo / ".gitignore").symlink_to("/dev/zero")
    proc = secpat("check", ".", "-f", "json", "--keep-going", cwd=repo, cache=tmp_path / "cache", timeout=60)
    assert rules_found(proc) == [("reset.py", "RND001")]
    notices = json.loads(proc.stdout)["notices"]
    assert any(n["path"] == ".gitignore" and "regular file" in n["message"] for n in notices)


def test_baseline_outside_the_repository_or_special_is_refused(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "reset.py").write_text(VULNERABLE)
    for value in ("/dev/zero", "../outside.json"):
        (repo / "pyproject.toml").write_text(f'[tool.secpat]\nbaseline = "{value}"\n')
        proc = secpat("check", ".", cwd=repo, cache=tmp_path / "cache", timeout=60)
        assert proc.returncode == 2, proc.stdout
        assert "outside the project" in proc.stderr and "Traceback" not in proc.stderr
    os.mkfifo(repo / "baseline.fifo")
    (repo / "pyproject.toml").write_text('[tool.secpat]\nbaseline = "baseline.fifo"\n')
    proc = secpat("check", ".", cwd=repo, cache=tmp_path / "cache", timeout=60)
    assert proc.returncode == 2 and "not a regular file" in proc.stderr


def test_pathological_ignore_pattern_is_dropped_not_matched(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    deep = repo / ("a" * 200) / ("a" * 200)
    deep.mkdir(parents=True)
    (deep / ("a" * 200 + ".py")).write_text(VULNERABLE)
    (repo / ".gitignore").write_text("******x\n*a*a*a*a*a*a*a*a*x\n**/a/**/a/**/a/**/a/**/x\n*.pyc\n")
    started = time.perf_counter()
    proc = secpat("check", ".", "-f", "json", "--keep-going", cwd=repo, cache=tmp_path / "cache", timeout=60)
    elapsed = time.perf_counter() - started
    assert [rule for _, rule in rules_found(proc)] == ["RND001"]
    dropped = [n for n in json.loads(proc.stdout)["notices"] if "wildcards" in n["message"]]
    assert {n["line"] for n in dropped} == {2, 3}  # `******x` is `*x` and kept, as is `*.pyc`
    assert elapsed < 30, f"matching took {elapsed:.1f} s"


def test_huge_file_is_not_read(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "reset.py").write_text(VULNERABLE)
    with open(repo / "huge.py", "wb") as handle:  # 3 GB, sparse: costs no disk
        handle.truncate(3 * 1024**3)
    proc = secpat("check", ".", "-f", "json", "--keep-going", cwd=repo, cache=tmp_path / "cache", timeout=60)
    assert rules_found(proc) == [("reset.py", "RND001")]
    notices = json.loads(proc.stdout)["notices"]
    assert any(n["path"] == "huge.py" and n["kind"] == "too-large" for n in notices)


def test_nul_byte_does_not_hide_an_env_file(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    key = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc"
    (repo / ".env.production").write_bytes(b"\0\nDEBUG=0\nSTRIPE_SECRET_KEY=" + key.encode() + b"\n")
    proc = secpat("check", ".", "-f", "json", cwd=repo, cache=tmp_path / "cache")
    assert "SECRET001" in [rule for _, rule in rules_found(proc)]
    assert key not in proc.stdout


# -- 8: malformed inputs give messages, internal errors exit 2, workers die with the scan ---------


def test_damaged_cache_files_are_rebuilt(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "reset.py").write_text(VULNERABLE)
    cache = tmp_path / "cache"
    assert rules_found(secpat("check", ".", "-f", "json", cwd=repo, cache=cache)) == [("reset.py", "RND001")]
    # The per-file results, and the whole run's result when the run was kept.
    result_files = sorted((cache / "results").glob("*.json"))
    assert result_files
    for result_file in result_files:
        for damage in (b"", b"secpat-cache 2 x\n{", result_file.read_bytes()[:-5], b"\xff" * 100):
            result_file.write_bytes(damage)
            assert rules_found(secpat("check", ".", "-f", "json", cwd=repo, cache=cache)) == [("reset.py", "RND001")]


def test_deeply_nested_baseline_is_a_clear_error(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "reset.py").write_text(VULNERABLE)
    (repo / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    proc = secpat("check", ".", "--baseline", "deep.json", cwd=repo, cache=tmp_path / "cache")
    assert proc.returncode == 2
    assert "nested too deeply" in proc.stderr and "Traceback" not in proc.stderr


def test_workers_end_when_the_scan_is_killed(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    body = "".join(f"def f{i}(x):\n    return x + {i}\n" for i in range(3000))
    for index in range(60):
        (repo / f"m{index}.py").write_text(body)
    env = {**os.environ, "SECPAT_CACHE_DIR": str(tmp_path / "cache")}
    main = subprocess.Popen(
        [sys.executable, "-m", "secpat", "check", ".", "-q", "--no-cache", "-j", "2"],
        cwd=repo,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    children: set[int] = set()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not children:
        children = _children(main.pid)
        time.sleep(0.05)
    assert children, "the scan started no worker processes"
    time.sleep(0.5)
    os.kill(main.pid, signal.SIGKILL)
    main.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in children):
        time.sleep(0.1)
    assert not [pid for pid in children if _alive(pid)], "worker processes outlived the killed scan"


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.update(int(p) for p in (task / "children").read_text().split())
        except OSError:
            pass
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
