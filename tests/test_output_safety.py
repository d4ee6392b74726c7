"""What reports show: never a secret whole, never a megabyte of one line, never a raw control
character or an undecodable file name, whatever rule, format or command produced it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from secpat.findings import Confidence, Finding, FlowStep, Location, Notice, NoticeKind, Severity
from secpat.secrets.redact import SNIPPET_WIDTH, clip, redact

# Fake secrets, put together at run time so this file holds none in a real format.
STRIPE = "sk_" + "live_" + "4eC39HqLyjWDarjtT1zdp7dcQx"
GITHUB = "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A"
JWT_KEY = "hardcoded-" + "secret-value-1234567890"
PASSWORD = "Tr0ub4dor" + "&3horse"
DB_PASSWORD = "pX9" + "vL2qR7tZ"
KEY_BODY = "MIIEow" + "IBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi" + "Z1BjP5CE/Wm/Rr500PRK+Lh9x5eJPo5CAZ3/ANBE0sTK0ZsDGMak2m1g7"
ALL = (STRIPE, GITHUB, JWT_KEY, PASSWORD, DB_PASSWORD, KEY_BODY[:40])


def secpat(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    return subprocess.run(
        [sys.executable, "-m", "secpat", *args], cwd=cwd, capture_output=True, text=True, timeout=180, env=env
    )


def leaked(text: str) -> list[str]:
    return [secret for secret in ALL if secret in text]


# -- secrets -------------------------------------------------------------------------


LEAKY_APP = f'''\
import logging

import jwt
from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


def issue(user):
    return jwt.encode({{"sub": user}}, "{JWT_KEY}", algorithm="HS256")


def login():
    logger.info("token {GITHUB} for %s", request.args["password"])
    return "ok"


@app.route("/greet/<name>")
def greet(name):
    return f"<h1>Hello {{name}}</h1><!-- password='{PASSWORD}' -->"


def connect(password):
    logging.info("connecting to postgres://admin:{DB_PASSWORD}@db.internal/app with %s", password)


if __name__ == "__main__":
    app.run(debug=True, secret_key="{STRIPE}")
'''


@pytest.fixture(scope="module")
def leaky_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("leaky")
    (root / "app.py").write_text(LEAKY_APP, encoding="utf-8")
    return root


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_no_report_format_shows_a_secret(leaky_project: Path, fmt: str) -> None:
    result = secpat("check", str(leaky_project), "--no-cache", "-q", "-f", fmt)
    assert result.returncode == 1, result.stderr
    for rule in ("CONF001", "JWT001", "LOG001", "XSS001", "SECRET001"):
        assert rule in result.stdout  # the findings whose snippets hold the secrets are there
    assert leaked(result.stdout) == []
    assert "sk_live_…" in result.stdout or "sk_live_\\u2026" in result.stdout


def test_every_finding_on_a_line_with_a_secret_shows_it_masked(leaky_project: Path) -> None:
    result = secpat("check", str(leaky_project), "--no-cache", "-q", "-f", "json")
    snippets: dict[str, list[str]] = {}
    for finding in json.loads(result.stdout)["findings"]:
        snippets.setdefault(finding["rule_id"], []).append(finding["snippet"])
    assert snippets["CONF001"] == ['app.run(debug=True, secret_key="sk_live_…cQx")']
    assert snippets["JWT001"] == ['return jwt.encode({"sub": user}, "hard…7890", algorithm="HS256")']
    assert sorted(snippets["LOG001"]) == [
        'logger.info("token ghp_…3z5A for %s", request.args["password"])',
        'logging.info("connecting to postgres://admin:p…Z@db.internal/app with %s", password)',
    ]
    assert snippets["XSS001"] == ["return f\"<h1>Hello {name}</h1><!-- password='Tr…se' -->\""]


def test_secrets_are_masked_when_only_another_rule_is_selected(tmp_path: Path) -> None:
    (tmp_path / "tokens.py").write_text(
        "import os\n\nimport jwt\n\n\n"
        "def issue(user):\n"
        f'    return jwt.encode({{"sub": user, "exp": 60}}, os.getenv("JWT_SECRET", "{JWT_KEY}"))\n'
        "\n\n"
        "def issue_other(user):\n"
        f'    return jwt.encode({{"sub": user, "exp": 60}}, "{STRIPE}")\n',
        encoding="utf-8",
    )
    result = secpat("check", str(tmp_path), "--no-cache", "-q", "-f", "json", "--select", "JWT004")
    findings = json.loads(result.stdout)["findings"]
    assert [f["rule_id"] for f in findings] == ["JWT004", "JWT004"]
    assert leaked(result.stdout) == []


def test_the_baseline_file_holds_no_secret(leaky_project: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    result = secpat("baseline", str(leaky_project), "--no-cache", "-q", "-o", str(baseline))
    assert result.returncode == 0, result.stderr
    text = baseline.read_text(encoding="utf-8")
    assert "JWT001" in text and "CONF001" in text
    assert leaked(text) == []
    # Fingerprints are taken from the masked text, so the baseline matches the next run.
    again = secpat("check", str(leaky_project), "--no-cache", "-q", "-f", "json", "--baseline", str(baseline))
    assert again.returncode == 0, again.stdout
    assert json.loads(again.stdout)["summary"]["baselined"] >= 5


def test_findings_and_notices_are_masked_whoever_makes_them() -> None:
    where = Location("a.py", 3, 4)
    finding = Finding(
        "LOG001",
        where,
        f"logs {STRIPE}",
        Severity.HIGH,
        Confidence.HIGH,
        snippet=f'log(api_key="{STRIPE}")',
        flow=(FlowStep(where, f"`{GITHUB}`"),),
        extra=(("value", f"password={PASSWORD!r}"),),
    )
    shown = f"{finding.message} {finding.snippet} {finding.flow[0].note} {finding.extra}"
    assert leaked(shown) == []
    assert finding.with_confidence(Confidence.LOW).fingerprint == finding.fingerprint
    notice = Notice("a.py", NoticeKind.SYNTAX_ERROR, f'invalid syntax near SECRET_KEY = "{STRIPE}"')
    assert leaked(notice.message) == []


@pytest.mark.parametrize(
    "text",
    [
        f'SECRET_KEY = "{STRIPE}"',
        f"password='{PASSWORD}'",
        f'{{"api_key": "{JWT_KEY}"}}',
        f'if password == "{PASSWORD}":',
        f"DATABASE_URL = 'postgres://admin:{DB_PASSWORD}@db.internal:5432/app'",
        f"AUTH_TOKEN={JWT_KEY}",
        f'key = os.getenv("JWT_SECRET", "{JWT_KEY}")',
        f'KEY = """-----BEGIN RSA PRIVATE KEY-----\n{KEY_BODY}\n{KEY_BODY}\n-----END RSA PRIVATE KEY-----"""',
        f"# {GITHUB}",
    ],
)
def test_every_kind_of_secret_is_masked_and_masking_is_stable(text: str) -> None:
    once = redact(text)
    assert leaked(once) == []
    assert "…" in once
    assert redact(once) == once  # a masked form is never masked again: fingerprints stay put


@pytest.mark.parametrize(
    "text",
    [
        'password = request.form["password"]',
        'SECRET_KEY = os.environ["SECRET_KEY"]',
        'app.config["SECRET_KEY"] = settings.SECRET_KEY',
        'token = jwt.encode(payload, key, algorithm="HS256")',
        "PASSWORD_RESET_TIMEOUT = 3600",
        'logger.info("password reset for %s", user.email)',
        "password: SecretStr",
        '"-----BEGIN RSA PRIVATE KEY-----"',
    ],
)
def test_code_without_a_secret_is_left_alone(text: str) -> None:
    assert redact(text) == text


# -- snippet windows -------------------------------------------------------------------


def test_short_snippets_are_not_changed() -> None:
    line = "x = 1; " * 28  # 196 characters
    assert clip(line, 100) is line
    assert clip("a\nb\nc\nd\ne\nf\ng\nh") == "a\nb\nc\nd\ne\nf\ng\nh"


def test_a_long_line_is_cut_to_a_window_around_the_finding() -> None:
    line = ";".join(f"v{i} = {i}" for i in range(5000))
    at = line.index("v2500 = 2500")
    shown = clip(line, at, at + len("v2500 = 2500"))
    assert "v2500 = 2500" in shown
    assert shown.startswith("…") and shown.endswith("…")
    assert len(shown) <= SNIPPET_WIDTH + 2


def test_a_cut_never_shows_part_of_a_secret() -> None:
    for pad in range(150, 260, 7):  # the secret starts before, at and after the window's end
        line = "x" * pad + f' + "{STRIPE}" + ' + "y" * 5000
        shown = clip(line, 0)
        assert STRIPE[8:20] not in shown, pad
        assert not any(STRIPE[:n] in shown for n in range(12, len(STRIPE) + 1)), pad


def test_a_one_line_file_with_thousands_of_findings_gives_a_bounded_report(tmp_path: Path) -> None:
    statements = ["import random", *(f"token{i} = random.random()" for i in range(2000))]
    padding = f'NOTE = "{"m" * 500_000}"'  # half a megabyte on the same line
    (tmp_path / "bundle.py").write_text(";".join([*statements, padding]) + "\n", encoding="utf-8")
    result = secpat("check", str(tmp_path), "--no-cache", "-q", "-f", "json")
    assert result.returncode == 1, result.stderr
    document = json.loads(result.stdout)
    assert document["summary"]["findings"] == 2000
    assert len(result.stdout) < 3_000_000  # was one whole line per finding: over a gigabyte
    for finding in document["findings"]:
        assert len(finding["snippet"]) <= SNIPPET_WIDTH + 2
        assert finding["message"].split("`")[3] in finding["snippet"]  # `tokenN`, the finding's own code
    text = secpat("check", str(tmp_path), "--no-cache", "-q")
    assert len(text.stdout) < 3_000_000


# -- control characters and file names that are not UTF-8 ---------------------------------

INJECTING_NAME = "evil\n::error file=x::pwned\x1b[31m\x9b.py"
RANDOM_TOKEN = "import random\ntoken = random.random()\n"


def _make(root: Path, name: str | bytes, content: str) -> None:
    try:
        with open(os.path.join(os.fsencode(root), os.fsencode(name)), "w", encoding="utf-8") as handle:
            handle.write(content)
    except (OSError, UnicodeError) as exc:
        pytest.skip(f"the file system refuses the name {name!r}: {exc}")


def test_control_characters_in_a_file_name_cannot_forge_report_lines(tmp_path: Path) -> None:
    _make(tmp_path, INJECTING_NAME, RANDOM_TOKEN)
    text = secpat("check", str(tmp_path), "--no-cache", "-q")
    assert text.returncode == 1, text.stderr
    lines = text.stdout.splitlines()
    assert not any(line.startswith("::error") for line in lines)
    assert "\x1b" not in text.stdout and "\x9b" not in text.stdout
    assert "evil\\n::error file=x::pwned\\x1b[31m\\x9b.py:2:1  RND001" in text.stdout
    report = json.loads(secpat("check", str(tmp_path), "--no-cache", "-q", "-f", "json").stdout)
    assert report["findings"][0]["path"] == INJECTING_NAME  # JSON escapes it and gives it back whole
    sarif = json.loads(secpat("check", str(tmp_path), "--no-cache", "-q", "-f", "sarif").stdout)
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == "evil%0A%3A%3Aerror%20file%3Dx%3A%3Apwned%1B%5B31m%C2%9B.py"


def test_control_characters_in_code_and_routes_are_escaped(tmp_path: Path) -> None:
    _make(
        tmp_path,
        "views\n::warning::x.py",
        'from flask import Flask\napp = Flask(__name__)\n\n\n@app.route("/a\\n::error::b")\ndef a():\n    return "x"\n',
    )
    routes = secpat("routes", str(tmp_path))
    assert routes.returncode == 0, routes.stderr
    assert not any(line.startswith("::") for line in routes.stdout.splitlines())
    assert "views\\n::warning::x.py:" in routes.stdout
    as_json = json.loads(secpat("routes", str(tmp_path), "-f", "json").stdout)
    assert as_json["routes"][0]["location"].startswith("views\n::warning::x.py:")


BAD_NAME = b"bad\xff.py"


@pytest.fixture
def undecodable(tmp_path: Path) -> Path:
    _make(tmp_path, BAD_NAME, RANDOM_TOKEN)
    return tmp_path


def test_a_file_name_that_is_not_utf8_is_reported_in_every_format(undecodable: Path) -> None:
    text = secpat("check", str(undecodable), "--no-cache", "-q")
    assert text.returncode == 1, text.stderr
    assert "bad\\xff.py:2:1  RND001" in text.stdout
    report = json.loads(secpat("check", str(undecodable), "--no-cache", "-q", "-f", "json").stdout)
    assert report["findings"][0]["path"] == "bad\\xff.py"
    sarif = secpat("check", str(undecodable), "--no-cache", "-q", "-f", "sarif")
    assert sarif.returncode == 1, sarif.stderr
    result = json.loads(sarif.stdout)["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "bad%FF.py"


def test_a_file_name_that_is_not_utf8_round_trips_through_the_baseline(undecodable: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "accepted.json"
    written = secpat("baseline", str(undecodable), "--no-cache", "-q", "-o", str(baseline))
    assert written.returncode == 0, written.stderr
    entries = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert [e["path"] for e in entries] == ["bad\\xff.py"]
    again = secpat("check", str(undecodable), "--no-cache", "-q", "-f", "json", "--baseline", str(baseline))
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["summary"]["baselined"] == 1


def test_history_reports_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    _make(repo, BAD_NAME, f'TOKEN = "{GITHUB}"\n')

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.email=dev@example.com", "-c", "user.name=dev", *args],
            cwd=repo,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "add client")
    for fmt in ("text", "json", "sarif"):
        result = secpat("history", str(repo), "-f", fmt)
        assert result.returncode == 1, result.stderr
        assert "SECRET004" in result.stdout and leaked(result.stdout) == []
    sarif = json.loads(secpat("history", str(repo), "-f", "sarif").stdout)
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "bad%FF.py"
