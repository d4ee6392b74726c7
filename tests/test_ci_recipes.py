"""Every CI recipe in the docs, run: the commands of action.yml, of the GitHub workflow in
docs/sarif.md and of the GitLab job in docs/ci.md, in a copy of the vulnerable example app, with
the environment their CI system gives them. Everything runs but the upload itself, whose step is
checked to run after a failed check and to point at the report the check wrote.

The recipes install secpat from its repository (`OWNER/secpat@v0.1.0`); here that one requirement
is replaced by this checkout, and nothing else in a command is changed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import venv
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml
from test_ci_formats import gitlab_errors, junit_errors

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
VULNERABLE = ROOT / "examples" / "vulnerable_app"
SOURCE = "git+https://github.com/OWNER/secpat@v0.1.0"  # what the docs install, replaced by this checkout
INPUT = re.compile(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}")
STEP_OUTPUT = re.compile(r"\$\{\{\s*steps\.(\w+)\.outputs\.([\w-]+)\s*\}\}")
FENCE = re.compile(r"^```yaml\n(.*?)^```", re.MULTILINE | re.DOTALL)


def yaml_blocks(doc: Path) -> list[dict]:
    return [yaml.safe_load(block) for block in FENCE.findall(doc.read_text(encoding="utf-8"))]


def project(tmp_path: Path) -> Path:
    """A repository to check: a copy of the vulnerable example app, as actions/checkout leaves it."""
    workspace = tmp_path / "workspace"
    shutil.copytree(VULNERABLE, workspace, ignore=shutil.ignore_patterns("__pycache__", "*.db"))
    return workspace


def from_this_checkout(command: str) -> str:
    """The command with the documented requirement on secpat's repository pointed at this checkout."""
    requirement = f'"secpat @ {SOURCE}"'
    assert requirement in command, command
    return command.replace(requirement, f'"{ROOT}"')


def bash(
    script: str,
    *,
    cwd: Path,
    env: dict[str, str],
    options: tuple[str, ...] = ("-e",),
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "--noprofile", "--norc", *options, "-c", script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def base_env(path_first: Path, home: Path) -> dict[str, str]:
    """A CI job's environment: its Python first on PATH, a home of its own (secpat's cache goes there)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SECPAT_", "PYTHON", "VIRTUAL_ENV", "PIP_REQUIRE"))
    }
    env.update(PATH=f"{path_first}{os.pathsep}{os.environ['PATH']}", HOME=str(home), CI="true")
    env.pop("XDG_CACHE_HOME", None)
    return env


@pytest.fixture(scope="module")
def job_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `bin` directory of a fresh Python, as actions/setup-python or the `python` image give a job."""
    directory = tmp_path_factory.mktemp("job-python")
    venv.EnvBuilder(with_pip=True).create(directory)
    return directory / "bin"


@pytest.fixture(scope="module")
def sarif_schema() -> dict:
    return json.loads((Path(__file__).parent / "data" / "sarif-2.1.0.json").read_text(encoding="utf-8"))


def assert_sarif(path: Path, schema: dict) -> dict:
    log = json.loads(path.read_text(encoding="utf-8"))
    assert list(jsonschema.Draft7Validator(schema).iter_errors(log)) == []
    assert len(log["runs"][0]["results"]) > 20  # the vulnerable app's findings
    return log


# -- the secpat action -----------------------------------------------------------------------------


class Action:
    """action.yml's steps, run as the runner runs a composite action's `run:` steps."""

    def __init__(self, inputs: dict[str, str], workspace: Path, runner_temp: Path, home: Path) -> None:
        self.doc = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
        declared = self.doc["inputs"]
        assert set(inputs) <= set(declared), set(inputs) - set(declared)
        self.inputs = {name: str(spec.get("default", "")) for name, spec in declared.items()} | inputs
        self.workspace = workspace
        self.runner_temp = runner_temp
        # The runner's python3 (3.10 or newer): the one running these tests.
        self.env = base_env(Path(sys.executable).parent, home) | {
            "GITHUB_ACTION_PATH": str(ROOT),
            "RUNNER_TEMP": str(runner_temp),
            "GITHUB_WORKSPACE": str(workspace),
        }
        self.outputs: dict[str, dict[str, str]] = {}

    @property
    def steps(self) -> list[dict]:
        return self.doc["runs"]["steps"]

    def expand(self, text: str) -> str:
        text = INPUT.sub(lambda m: self.inputs[m.group(1)], text)
        return STEP_OUTPUT.sub(lambda m: self.outputs.get(m.group(1), {}).get(m.group(2), ""), text)

    def run(self, step: dict) -> subprocess.CompletedProcess[str]:
        assert step["shell"] == "bash" and "if" not in step, step
        output = self.runner_temp / f"output-{len(self.outputs)}"
        output.write_text("")
        env = self.env | {key: self.expand(str(value)) for key, value in step.get("env", {}).items()}
        env["GITHUB_OUTPUT"] = str(output)
        # `shell: bash` is `bash --noprofile --norc -eo pipefail {0}` on GitHub's runners.
        done = bash(step["run"], cwd=self.workspace, env=env, options=("-eo", "pipefail"))
        if "id" in step:
            self.outputs[step["id"]] = dict(line.split("=", 1) for line in output.read_text().splitlines())
        return done


@pytest.fixture(scope="module")
def installed_action(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """RUNNER_TEMP after the action's install step: that step run once for every scenario."""
    runner_temp = tmp_path_factory.mktemp("runner-temp")
    home = tmp_path_factory.mktemp("home")
    action = Action({}, runner_temp, runner_temp, home)
    install = action.steps[0]
    assert install["name"] == "Install secpat" and '"$GITHUB_ACTION_PATH"' in install["run"]
    done = action.run(install)
    assert done.returncode == 0, done.stderr
    return runner_temp, home


def test_the_documented_workflow_uses_the_action_with_its_inputs() -> None:
    (workflow,) = [
        block
        for block in yaml_blocks(DOCS / "ci.md")
        if "jobs" in block and any("OWNER/secpat@" in step.get("uses", "") for step in block["jobs"]["secpat"]["steps"])
    ]
    assert workflow["permissions"]["security-events"] == "write"
    (step,) = [step for step in workflow["jobs"]["secpat"]["steps"] if "OWNER/secpat@" in step.get("uses", "")]
    declared = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))["inputs"]
    assert set(step["with"]) <= set(declared)
    # Every input in the docs' table, and only those.
    table = re.findall(r"^\| `([\w-]+)` \|", (DOCS / "ci.md").read_text(encoding="utf-8"), re.MULTILINE)
    assert table == list(declared)


def test_action_uploads_the_findings_then_fails_on_them(installed_action, tmp_path: Path, sarif_schema) -> None:
    (workflow,) = [block for block in yaml_blocks(DOCS / "ci.md") if "jobs" in block]
    (uses,) = [step for step in workflow["jobs"]["secpat"]["steps"] if "OWNER/secpat@" in step.get("uses", "")]
    runner_temp, home = installed_action
    workspace = project(tmp_path)
    action = Action(uses["with"], workspace, runner_temp, home)  # fail-on: medium, as documented
    _, scan, upload, fail = action.steps

    done = action.run(scan)
    assert done.returncode == 0, done.stderr  # findings do not stop the job before the upload
    assert action.outputs["scan"] == {"exit-code": "1", "sarif-written": "true"}
    sarif_file = workspace / action.inputs["sarif-file"]
    assert_sarif(sarif_file, sarif_schema)

    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert "always()" in upload["if"]  # after a failed step too
    assert "steps.scan.outputs.sarif-written == 'true'" in upload["if"]
    assert action.expand(upload["with"]["sarif_file"]) == action.inputs["sarif-file"]

    done = action.run(fail)
    assert done.returncode == 1
    # The job's log lists the findings that failed it.
    assert re.search(r"^app/\S+:\d+:\d+: [A-Z]+\d{3} \[high\] ", done.stdout, re.MULTILINE), done.stdout


@pytest.mark.parametrize(
    ("inputs", "scan_exit", "job_exit"),
    [
        ({"fail-on": "never"}, "0", 0),
        ({"fail-on": "high", "paths": "app", "args": "--select CONF002,PWD004"}, "0", 0),
        ({"fail-on": "high", "paths": "app/auth.py app/settings.py", "args": "--select RND,CONF002"}, "1", 1),
    ],
    ids=["never", "only-medium-findings", "two-paths-with-high-findings"],
)
def test_action_inputs(
    installed_action, tmp_path: Path, inputs: dict, scan_exit: str, job_exit: int, sarif_schema
) -> None:
    runner_temp, home = installed_action
    workspace = project(tmp_path)
    action = Action(inputs | {"sarif-file": "reports/out.sarif"}, workspace, runner_temp, home)
    (workspace / "reports").mkdir()
    _, scan, _, fail = action.steps
    assert action.run(scan).returncode == 0
    assert action.outputs["scan"]["exit-code"] == scan_exit
    log = json.loads((workspace / "reports" / "out.sarif").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft7Validator(sarif_schema).iter_errors(log)) == []
    results = log["runs"][0]["results"]
    if "args" in inputs:
        selected = inputs["args"].split()[1].split(",")
        expected = {"RND001", "CONF002"} if "RND" in selected else set(selected)
        assert {r["ruleId"] for r in results} == expected
        paths = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
        assert all(path.startswith(tuple(inputs["paths"].split())) for path in paths), paths
    assert action.run(fail).returncode == job_exit


def test_action_without_a_report_fails_with_secpats_error(installed_action, tmp_path: Path) -> None:
    runner_temp, home = installed_action
    action = Action({"args": "--no-such-option"}, project(tmp_path), runner_temp, home)
    done = action.run(action.steps[1])
    assert done.returncode == 2 and "no such option" in done.stderr.lower()
    assert "sarif-written" not in action.outputs["scan"]  # so the upload step does not run


# -- the GitHub workflow without the action (docs/sarif.md) ---------------------------------------


def test_github_workflow_in_the_sarif_docs(job_python: Path, tmp_path: Path, sarif_schema) -> None:
    (workflow,) = [block for block in yaml_blocks(DOCS / "sarif.md") if "jobs" in block]
    assert workflow["permissions"]["security-events"] == "write"
    steps = workflow["jobs"]["secpat"]["steps"]
    assert [step.get("uses", "run").split("@")[0] for step in steps] == [
        "actions/checkout",
        "actions/setup-python",
        "run",
        "run",
        "github/codeql-action/upload-sarif",
    ]
    assert tuple(map(int, steps[1]["with"]["python-version"].split("."))) >= (3, 10)
    workspace = project(tmp_path)
    env = base_env(job_python, tmp_path / "home")
    install, check, upload = steps[2], steps[3], steps[4]
    # A `run:` step without `shell:` runs as `bash -e {0}` on GitHub's Linux runners.
    done = bash(from_this_checkout(install["run"]), cwd=workspace, env=env)
    assert done.returncode == 0, done.stderr
    done = bash(check["run"], cwd=workspace, env=env)
    assert done.returncode == 1, done.stderr  # the findings fail the job...
    written = re.search(r"--output (\S+)", check["run"]).group(1)
    assert_sarif(workspace / written, sarif_schema)
    # ...and the upload runs all the same, with the report the check wrote.
    assert upload["if"].startswith("always()")
    assert upload["with"]["sarif_file"] == written
    assert f"hashFiles('{written}')" in upload["if"]


# -- GitLab CI (docs/ci.md) ------------------------------------------------------------------------


def test_gitlab_job_in_the_ci_docs(job_python: Path, tmp_path: Path) -> None:
    (config,) = [block for block in yaml_blocks(DOCS / "ci.md") if "secpat" in block and "script" in block["secpat"]]
    job = config["secpat"]
    image_version = re.fullmatch(r"python:(\d+)\.(\d+)", job["image"]).groups()
    assert tuple(map(int, image_version)) >= (3, 10)
    assert job["artifacts"]["when"] == "always"  # the reports of a failed job too
    reports = job["artifacts"]["reports"]
    workspace = project(tmp_path)
    env = base_env(job_python, tmp_path / "home") | {key: str(value) for key, value in job["variables"].items()}
    install, *checks = job["script"]
    # GitLab runs the script's lines in one shell and stops at the first that fails.
    script = "\n".join([from_this_checkout(install), *checks])
    done = bash(script, cwd=workspace, env=env)
    assert done.returncode == 1, done.stderr  # the last line fails the job on the findings
    assert re.search(r"^app/\S+:\d+:\d+: [A-Z]+\d{3} \[(high|medium|low)\] ", done.stdout, re.MULTILINE)
    quality = (workspace / reports["codequality"]).read_text(encoding="utf-8")
    assert gitlab_errors(quality) == []
    junit = (workspace / reports["junit"]).read_text(encoding="utf-8")
    assert junit_errors(junit) == []
    issues = json.loads(quality)
    assert len(issues) == int(ET.fromstring(junit).get("failures")) > 20
    # Paths as GitLab links them: relative to the repository root.
    assert all((workspace / issue["location"]["path"]).is_file() for issue in issues)
