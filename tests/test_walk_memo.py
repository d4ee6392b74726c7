"""The walk memo: a tree whose directories and ignore files did not change is answered from the last
walk with one `stat` per directory and file; any change there means a fresh walk."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from secpat import discovery, engine
from secpat.config import load_config
from secpat.discovery import WalkMemo, discover, discover_remembered
from secpat.engine import ScanOptions, scan

# File timestamps advance in ticks of a few milliseconds: changes made in the tests wait one out.
TICK_S = 0.05


@pytest.fixture
def settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Trust what was written a moment ago (the tests wait a tick before each change instead)."""
    monkeypatch.setattr(discovery, "SETTLE_NS", 0)
    monkeypatch.setattr(engine, "SETTLE_NS", 0)


def _tree(root: Path) -> None:
    (root / "pkg").mkdir(parents=True)
    (root / "pkg" / "__init__.py").write_text("")
    (root / "pkg" / "views.py").write_text("x = 1\n")
    (root / "settings.toml").write_text("[app]\n")
    (root / "ignored").mkdir()
    (root / "ignored" / "skip.py").write_text("y = 2\n")
    (root / ".gitignore").write_text("ignored/\n")


def _walk(root: Path, previous: WalkMemo | None = None):
    files, notices, memo = discover_remembered([root], root, previous=previous)
    # What the cache keeps is JSON: the memo must come back from it whole.
    kept = WalkMemo.from_data(json.loads(json.dumps(memo.to_data()))) if memo is not None else None
    return files, notices, kept


def _rels(files) -> list[str]:
    return [f.rel for f in files]


def test_an_unchanged_tree_is_answered_from_the_memo(tmp_path: Path, settled_at_once: None) -> None:
    _tree(tmp_path)
    walked, _, memo = _walk(tmp_path)
    assert memo is not None
    assert _rels(walked) == ["pkg/__init__.py", "pkg/views.py", "settings.toml"]
    replayed, _, again = _walk(tmp_path, memo)
    assert again is None  # answered from the memo: nothing new to keep
    assert replayed == walked
    assert [(f.module_name, f.is_package, f.kind) for f in replayed] == [
        (f.module_name, f.is_package, f.kind) for f in discover([tmp_path], tmp_path)[0]
    ]


def test_an_edited_file_keeps_the_memo_and_shows_its_new_status(tmp_path: Path, settled_at_once: None) -> None:
    _tree(tmp_path)
    _, _, memo = _walk(tmp_path)
    time.sleep(TICK_S)
    views = tmp_path / "pkg" / "views.py"
    with views.open("a") as handle:  # edited in place: its directory does not change
        handle.write("y = 2\n")
    replayed, _, again = _walk(tmp_path, memo)
    assert again is None
    entry = next(f for f in replayed if f.rel == "pkg/views.py")
    assert (entry.size, entry.mtime_ns, entry.ctime_ns) == (
        views.stat().st_size,
        views.stat().st_mtime_ns,
        views.stat().st_ctime_ns,
    )


@pytest.mark.parametrize("change", ["add", "remove", "rename", "new-package", "gitignore", "nested-gitignore"])
def test_a_changed_tree_is_walked_again(tmp_path: Path, settled_at_once: None, change: str) -> None:
    _tree(tmp_path)
    _, _, memo = _walk(tmp_path)
    time.sleep(TICK_S)
    if change == "add":
        (tmp_path / "pkg" / "forms.py").write_text("z = 3\n")
    elif change == "remove":
        (tmp_path / "settings.toml").unlink()
    elif change == "rename":
        (tmp_path / "pkg" / "views.py").rename(tmp_path / "pkg" / "pages.py")
    elif change == "new-package":
        (tmp_path / "ignored" / "__init__.py").write_text("")
        (tmp_path / ".gitignore").write_text("")  # in place: only the ignore file's own status changes
    elif change == "gitignore":
        (tmp_path / ".gitignore").write_text("pkg/views.py\n")
    else:
        (tmp_path / "pkg" / ".gitignore").write_text("views.py\n")
    walked, _, _ = _walk(tmp_path, memo)
    assert walked == discover([tmp_path], tmp_path)[0]
    expected = {
        "add": "pkg/forms.py" in _rels(walked),
        "remove": "settings.toml" not in _rels(walked),
        "rename": "pkg/pages.py" in _rels(walked) and "pkg/views.py" not in _rels(walked),
        "new-package": "ignored/__init__.py" in _rels(walked),
        "gitignore": "pkg/views.py" not in _rels(walked),
        "nested-gitignore": "pkg/views.py" not in _rels(walked),
    }
    assert expected[change]


def test_a_fresh_or_incomplete_walk_is_not_remembered(tmp_path: Path) -> None:
    _tree(tmp_path)
    # Just written: a change in the same timestamp tick would go unseen.
    assert discover_remembered([tmp_path], tmp_path)[2] is None
    old = time.time() - 60
    for path in [tmp_path, *tmp_path.rglob("*")]:
        os.utime(path, (old, old))
    # Change times cannot be set back: the tree stays fresh for SETTLE_NS after it was written.
    assert discover_remembered([tmp_path], tmp_path)[2] is None


def test_a_broken_link_keeps_the_walk_from_being_remembered(tmp_path: Path, settled_at_once: None) -> None:
    _tree(tmp_path)
    (tmp_path / "pkg" / "later.py").symlink_to(tmp_path / "not-yet.py")
    files, notices, memo = discover_remembered([tmp_path], tmp_path)
    assert memo is None  # the link's target may appear without any directory here changing
    assert any(n.kind.value == "symlink" for n in notices)


@pytest.mark.parametrize(
    "data",
    [
        None,
        [],
        {"dirs": "x"},
        {"dirs": [], "ignore_files": [], "files": [[1]], "notices": []},
        {"dirs": [], "ignore_files": [], "files": [], "notices": [["a", "nope", "m", None]]},
    ],
)
def test_a_damaged_memo_is_not_used(data: object) -> None:
    assert WalkMemo.from_data(data) is None


def test_scans_see_files_added_after_a_remembered_walk(tmp_path: Path, settled_at_once: None) -> None:
    project = tmp_path / "project"
    _tree(project)
    cache_dir = tmp_path / "cache"
    config = load_config(project)

    def findings() -> list[tuple[str, str]]:
        result = scan([project], config, ScanOptions(cache_dir=cache_dir, jobs=1))
        return sorted((f.location.path, f.rule_id) for f in result.findings)

    assert findings() == []
    assert len(list(cache_dir.glob("*.walk.json"))) == 1
    assert findings() == []
    time.sleep(TICK_S)
    (project / "pkg" / "tokens.py").write_text("import random\nreset_token = random.getrandbits(64)\n")
    assert ("pkg/tokens.py", "RND001") in findings()
    # A walk file that secpat did not write is never read.
    for walk in cache_dir.glob("*.walk.json"):
        walk.write_text('secpat-cache 2 0000\n{"dirs": [], "ignore_files": [], "files": [], "notices": []}')
    assert ("pkg/tokens.py", "RND001") in findings()
