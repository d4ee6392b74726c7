"""Sources, sinks and sanitisers a project declares in its config (`secpat.knowledge`), through the real CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.test_cli import secpat

DECLARED = Path(__file__).parent / "data" / "declared"


def _project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(DECLARED, target)
    return target


def _found(result) -> set[tuple[str, int]]:
    assert result.returncode in (0, 1), result.stderr
    return {(f["rule_id"], f["line"]) for f in json.loads(result.stdout)["findings"]}


def test_declared_sources_sinks_and_sanitisers_join_the_data_flow(tmp_path: Path) -> None:
    project = _project(tmp_path)
    result = secpat("check", str(project), "--no-cache", "--audit", "--format", "json")
    # search(): the declared source reaches a declared SQL function, a method sink by keyword, an HTML page.
    # safe_search(): bound parameters, a declared SQL sanitiser, a declared HTML sanitiser, the title argument
    # (not the declared one) and a method that is not a sink stay silent.
    assert _found(result) == {("SQL002", 9), ("SQL002", 10), ("XSS001", 12)}
    messages = [f["message"] for f in json.loads(result.stdout)["findings"]]
    assert all("the config declares" in m for m in messages)


def test_without_the_declarations_nothing_is_known(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "pyproject.toml").unlink()
    result = secpat("check", str(project), "--no-cache", "--audit", "--format", "json")
    assert _found(result) == set()


def test_a_changed_declaration_is_seen_by_a_warm_run(tmp_path: Path) -> None:
    project = _project(tmp_path)
    cache = tmp_path / "cache"
    first = secpat("check", str(project), "--cache-dir", str(cache), "--audit", "--format", "json")
    config = project / "pyproject.toml"
    config.write_text(config.read_text().replace('"shop.db.run" = "sql"\n', ""))
    second = secpat("check", str(project), "--cache-dir", str(cache), "--audit", "--format", "json")
    assert ("SQL002", 9) in _found(first)
    assert ("SQL002", 9) not in _found(second)


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        ('[tool.secpat.sinks]\n"shop.db.run" = "shell"\n', "kind must be 'sql' or 'html', got 'shell'"),
        ('[tool.secpat.sources]\n"shop http" = "request"\n', "not a qualified name"),
        ('[tool.secpat.sinks]\n"shop.db.run" = { kind = "sql", argument = -1 }\n', "argument must be a position"),
        ('[tool.secpat.sinks]\n"shop.db.run" = { kind = "sql", arg = 1 }\n', "unknown key 'arg'"),
        ('[tool.secpat.sanitizers]\n"shop.x" = { kind = "html", argument = 1 }\n', "unknown key 'argument'"),
        ('[tool.secpat]\nsinks = ["shop.db.run"]\n', "expected a table of name = kind"),
    ],
)
def test_a_wrong_declaration_is_a_clear_error(tmp_path: Path, table: str, problem: str) -> None:
    (tmp_path / "pyproject.toml").write_text(table)
    (tmp_path / "app.py").write_text("x = 1\n")
    result = secpat("check", str(tmp_path), "--no-cache")
    assert result.returncode == 2
    assert problem in result.stderr and "pyproject.toml:" in result.stderr
    assert "Traceback" not in result.stderr


def test_show_config_prints_the_declarations_as_toml_that_reads_back(tmp_path: Path) -> None:
    from secpat.config import load_config

    project = _project(tmp_path)
    shown = secpat("check", "--show-config", cwd=project)
    assert shown.returncode == 0, shown.stderr
    again = tmp_path / "again"
    again.mkdir()
    # Unset values (`baseline`) are shown as "" and marked; the rest is TOML that reads back.
    (again / "secpat.toml").write_text(
        "".join(line for line in shown.stdout.splitlines(keepends=True) if "(not set)" not in line)
    )
    original, reread = load_config(project), load_config(again, explicit=again / "secpat.toml")
    assert (reread.sources, reread.sinks, reread.sanitizers) == (original.sources, original.sinks, original.sanitizers)
    assert original.sinks and original.sanitizers and original.sources
