"""Report defects seen on real projects: messages that name the wrong module, findings listed twice."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def check(root: Path, *args: str) -> list[dict]:
    result = subprocess.run(
        [sys.executable, "-m", "secpat", "check", str(root), "--format", "json", "--no-cache", "--exit-zero", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["findings"]


def test_settings_kept_with_test_helpers_do_not_hide_the_module_they_import(tmp_path: Path) -> None:
    package = tmp_path / "shopsite"
    (package / "testutils").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "testutils" / "__init__.py").write_text("")
    (package / "settings.py").write_text(
        "INSTALLED_APPS = ['django.contrib.auth']\nALLOWED_HOSTS = ['*']\nDEBUG = False\n"
    )
    (package / "testutils" / "settings.py").write_text("from shopsite.settings import *\nDEBUG = True\n")
    findings = check(tmp_path, "--select", "CONF001,CONF002")
    assert [(f["rule_id"], f["path"]) for f in findings] == [("CONF002", "shopsite/settings.py")]
    assert findings[0]["message"].endswith("in shopsite.settings")


def test_one_log_call_gives_one_finding_when_the_secret_comes_from_another_module() -> None:
    root = Path(__file__).parent / "fixtures" / "logs" / "twice"
    findings = check(root, "--select", "LOG001")
    assert [(f["rule_id"], f["line"]) for f in findings] == [("LOG001", 11)]


def test_a_data_path_through_project_functions_ends_at_the_sql_it_reaches() -> None:
    """Route → service → repository: the path shows each call and ends where the SQL runs."""
    root = Path(__file__).parent / "fixtures" / "sql" / "layered_calls"
    source = (root / "shop" / "repository.py").read_text().splitlines()
    expected = [n for n, text in enumerate(source, 1) if "# expect: SQL002" in text]
    findings = check(root, "--select", "SQL002")
    by_line = {f["line"]: f for f in findings}
    assert sorted(by_line) == expected
    notes = [step["note"] for step in by_line[expected[0]]["flow"]]
    assert notes[0].startswith("URL variable")
    assert notes[1:] == [
        "passed to `shop.services.catalogue.find()`",
        "passed to `shop.repository.by_name()`",
        "executed by `.execute()`",
    ]
