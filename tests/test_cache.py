"""The result cache: warm and partly warm runs report exactly what a cold run does, and the codec
rebuilds nothing but secpat's own data."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from secpat.cache.codec import CodecError, decode, encode
from secpat.config import load_config
from secpat.engine import FileResult, ScanOptions, scan

PROJECTS = Path(__file__).parent / "projects"


def _findings(root: Path, cache_dir: Path | None) -> list[tuple]:
    config = load_config(root, overrides={"min-confidence": "low", "audit": True})
    result = scan([root], config, ScanOptions(use_cache=cache_dir is not None, cache_dir=cache_dir, jobs=1))
    return [
        (f.location.path, f.location.line, f.rule_id, f.message, f.flow, f.fingerprint, f.audit)
        for f in result.findings
    ]


@pytest.mark.parametrize("name", ["django_vulnerable", "flask_vulnerable", "fastapi_vulnerable"])
def test_warm_and_touched_runs_equal_a_cold_run(tmp_path: Path, name: str) -> None:
    project = tmp_path / name
    shutil.copytree(PROJECTS / name, project)
    cold = _findings(project, None)
    assert cold
    cache_dir = tmp_path / "cache"
    assert _findings(project, cache_dir) == cold  # fills the cache
    assert _findings(project, cache_dir) == cold  # every file and the project stage from the cache
    first_python = sorted(project.rglob("*.py"))[0]
    first_python.write_text(first_python.read_text() + "\n# touched\n")
    assert _findings(project, cache_dir) == cold  # one file analysed again, the project stage rerun


def test_file_result_round_trips_through_the_cache_form() -> None:
    project = PROJECTS / "flask_vulnerable"
    config = load_config(project)
    from secpat.discovery import discover
    from secpat.engine import FileTask, analyse_file

    files, _ = discover([project], project)
    for source in files:
        result = analyse_file(FileTask(source, config, frozenset({"app"})))
        again = FileResult.from_cache(source.rel, encode_json(result.to_cache()))
        again.load_deferred()
        assert again == result, source.rel


def encode_json(value: object) -> object:
    import json

    return json.loads(json.dumps(value))


@pytest.mark.parametrize(
    "hostile",
    [
        {"c": ["os:system", ["id"]]},
        {"c": ["subprocess:Popen", [["id"]]]},
        {"e": ["builtins:object", 1]},
        {"c": ["secpat.engine:scan", []]},  # a function, not a data class
        {"c": ["secpat.engine:_OverBudget", []]},  # private names are refused too
        {"c": ["secpat..engine:FileResult", []]},
        {"c": ["secpat.findings:Location", ["a.py"]]},  # wrong number of fields
        {"x": 1},
        {"t": [1], "d": []},
        {"f": [[]]},  # an unhashable member, found by the property tests
        {"d": [[{"d": []}, 1]]},
    ],
)
def test_codec_refuses_what_secpat_did_not_write(hostile: object) -> None:
    with pytest.raises(CodecError):
        decode(hostile)


def test_cache_key_file_is_private(tmp_path: Path) -> None:
    root = tmp_path / "project"
    root.mkdir()
    (root / "a.py").write_text("import random\ntoken = random.random()\n")
    cache_root = Path(os.environ["SECPAT_CACHE_DIR"])
    scan([root], load_config(root), ScanOptions(jobs=1))
    key = cache_root / "key"
    assert key.stat().st_mode & 0o777 == 0o600
    assert encode(decode(encode(("x", 1)))) == encode(("x", 1))


def test_unchanged_tree_is_answered_whole_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    from secpat import engine
    from secpat.rules import registry

    # Files written a moment ago are not trusted to stay put; these were just copied.
    monkeypatch.setattr(engine, "SETTLE_NS", 0)
    project = tmp_path / "flask_vulnerable"
    shutil.copytree(PROJECTS / "flask_vulnerable", project)
    config = load_config(project, overrides={"min-confidence": "low", "audit": True})

    def run(cache_dir: Path | None) -> engine.ScanResult:
        return scan([project], config, ScanOptions(use_cache=cache_dir is not None, cache_dir=cache_dir, jobs=1))

    cold = run(None)
    cache_dir = tmp_path / "cache"
    run(cache_dir)
    assert len(list(cache_dir.glob("*.run.json"))) == 1

    def no_analysis(*args: object, **kwargs: object) -> None:
        raise AssertionError("a file was analysed")

    with monkeypatch.context() as patch:
        patch.setattr(engine, "_run", no_analysis)
        patch.setattr(engine, "_project_stage", no_analysis)
        warm = run(cache_dir)
    same = ("findings", "notices", "files_scanned", "suppressed", "patterns_checked", "uses", "hidden")
    assert {name: getattr(warm, name) for name in same} == {name: getattr(cold, name) for name in same}
    assert warm.rules == {rule.id: rule for rule in registry.all_rules()}
    assert [dataclasses.astuple(f) for f in warm.findings] == [dataclasses.astuple(f) for f in cold.findings]

    # One file changes: the run is worked out again, and sees the change.
    views = sorted(project.rglob("*.py"))[0]
    views.write_text(views.read_text() + "\nimport random\nreset_token = random.getrandbits(64)\n")
    changed = run(cache_dir)
    assert changed.rules is None
    assert {f.rule_id for f in changed.findings if f.location.path == views.relative_to(project).as_posix()} >= {
        "RND001"
    }


def test_run_is_not_kept_while_files_are_fresh(tmp_path: Path) -> None:
    project = tmp_path / "flask_vulnerable"
    shutil.copytree(PROJECTS / "flask_vulnerable", project)
    config = load_config(project)
    scan([project], config, ScanOptions(cache_dir=tmp_path / "cache", jobs=1))
    assert list((tmp_path / "cache").glob("*.json"))
    assert not list((tmp_path / "cache").glob("*.run.json"))


def test_a_directory_tagged_as_a_cache_is_not_scanned(tmp_path: Path) -> None:
    """A cache inside the tree (secpat's own `--cache-dir cache`, or another tool's) holds results, not
    source; a file named CACHEDIR.TAG without the standard signature does not hide its directory."""
    from secpat.discovery import discover

    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55\n# a cache\n")
    (tmp_path / "cache" / "entries.json").write_text('{"password": "x"}\n')
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "CACHEDIR.TAG").write_text("not a tag\n")
    (tmp_path / "notes" / "settings.json").write_text("{}\n")
    (tmp_path / "app.py").write_text("x = 1\n")
    files, _ = discover([tmp_path], tmp_path)
    assert sorted(f.rel for f in files) == ["app.py", "notes/settings.json"]
