"""Secret recognition: known formats, value judgement, masking, secret files (SECRET003),
and the promise that no report ever prints a secret whole.

Rule behaviour line by line lives in the annotated fixtures (tests/fixtures/secrets/);
these tests cover the pieces underneath and the project-level rule, which needs real
git repositories.
"""

from __future__ import annotations

import json
import os
import random
import string
import subprocess
import sys
from pathlib import Path

import pytest

from secpat.config import load_config
from secpat.engine import ScanOptions, scan
from secpat.model.module import Module
from secpat.names import NameKind
from secpat.parsing import parse_python
from secpat.rules.secrets import (
    env_file_is_secret,
    may_bind_secrets,
    python_hits,
    secret_file_reason,
)
from secpat.secrets import FORMATS, is_placeholder, judge_literal, judge_value, mask, scan_text, shannon_entropy

FIXTURES = Path(__file__).parent / "fixtures" / "secrets"

# -- known formats ------------------------------------------------------------------------------

_RNG = random.Random(20240901)  # fixed seed: the same fake credentials on every run
ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"


def fake(length: int, alphabet: str = ALNUM) -> str:
    return "".join(_RNG.choice(alphabet) for _ in range(length))


SAMPLES: dict[str, str] = {
    "aws-access-key-id": "AKIA" + fake(16, string.ascii_uppercase + "234567"),
    "aws-secret-access-key": f'aws_secret_access_key = "{fake(40, ALNUM + "/+")}"',
    "gcp-api-key": "AIza" + fake(35, ALNUM + "_-"),
    "gcp-oauth-client-secret": "GOCSPX-" + fake(28),
    "azure-storage-key": "DefaultEndpointsProtocol=https;AccountKey=" + fake(86, ALNUM + "+/") + "==",
    "alibaba-access-key-id": "LTAI" + fake(20),
    "digitalocean-token": "dop_v1_" + fake(64, HEX),
    "heroku-api-key": f'HEROKU_API_KEY = "{fake(8, HEX)}-{fake(4, HEX)}-{fake(4, HEX)}-{fake(4, HEX)}-{fake(12, HEX)}"',
    "databricks-token": "dapi" + fake(32, HEX),
    "hashicorp-vault-token": "hvs." + fake(95),
    "terraform-cloud-token": fake(14) + ".atlasv1." + fake(64),
    "supabase-token": "sbp_" + fake(40, HEX),
    "doppler-token": "dp.pt." + fake(43),
    "github-token": "ghp_" + fake(36),
    "github-fine-grained-token": "github_pat_" + fake(82),
    "gitlab-token": "glpat-" + fake(20),
    "gitlab-pipeline-trigger-token": "glptt-" + fake(40, HEX),
    "npm-token": "npm_" + fake(36),
    "pypi-token": "pypi-AgEIcHlwaS5vcmc" + fake(60),
    "docker-hub-token": "dckr_pat_" + fake(27),
    "atlassian-token": "ATATT3" + fake(180),
    "slack-token": "xoxb-" + fake(12, string.digits) + "-" + fake(13, string.digits) + "-" + fake(24),
    "slack-app-token": "xapp-1-A"
    + fake(10, string.ascii_uppercase)
    + "-"
    + fake(13, string.digits)
    + "-"
    + fake(64, HEX),
    "slack-webhook": "https://hooks.slack.com/services/T"
    + fake(8, string.ascii_uppercase)
    + "/B"
    + fake(8, string.ascii_uppercase)
    + "/"
    + fake(24),
    "discord-webhook": "https://discord.com/api/webhooks/" + fake(18, string.digits) + "/" + fake(68),
    "discord-bot-token": f'DISCORD_TOKEN = "M{fake(23)}.{fake(6)}.{fake(27)}"',
    "telegram-bot-token": fake(9, string.digits) + ":AA" + fake(33),
    "twilio-api-key": f'TWILIO_KEY = "SK{fake(32, HEX)}"',
    "sendgrid-api-key": "SG." + fake(22) + "." + fake(43),
    "mailgun-api-key": f'MAILGUN_API_KEY = "key-{fake(32, HEX)}"',
    "mailchimp-api-key": fake(32, HEX) + "-us14",
    "stripe-secret-key": "sk_live_" + fake(24),
    "stripe-test-key": "sk_test_" + fake(24),
    "stripe-webhook-secret": "whsec_" + fake(32),
    "square-token": "sq0atp-" + fake(22),
    "paypal-braintree-token": "access_token$production$"
    + fake(16, string.ascii_lowercase + string.digits)
    + "$"
    + fake(32, HEX),
    "shopify-token": "shpat_" + fake(32, HEX),
    "openai-api-key": "sk-proj-" + fake(60),
    "anthropic-api-key": "sk-ant-api03-" + fake(93),
    "huggingface-token": "hf_" + fake(34, string.ascii_letters),
    "groq-api-key": "gsk_" + fake(52),
    "replicate-token": "r8_" + fake(37),
    "xai-api-key": "xai-" + fake(80),
    "sentry-token": "sntrys_" + fake(60),
    "new-relic-key": "NRAK-" + fake(27, string.ascii_uppercase + string.digits),
    "grafana-token": "glsa_" + fake(32) + "_" + fake(8, HEX),
    "postman-api-key": "PMAK-" + fake(24, HEX) + "-" + fake(34, HEX),
    "linear-api-key": "lin_api_" + fake(40),
    "notion-token": "ntn_" + fake(11, string.digits) + fake(35),
    "private-key": "-----BEGIN RSA PRIVATE KEY-----\n" + fake(64, ALNUM + "+/") + "\n" + fake(64, ALNUM + "+/"),
    "age-secret-key": "AGE-SECRET-KEY-1" + fake(58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"),
    "django-insecure-key": "django-insecure-" + fake(50, string.ascii_lowercase + string.digits + "!@#$%^&*(-_=+)"),
    "jwt": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiIsImV4cCI6MTcwMDAwMDAwMH0." + fake(43),
    "url-password": "postgres://app:" + fake(14) + "@db.internal:5432/app",
}


def test_every_format_has_a_sample_and_is_documented() -> None:
    assert set(SAMPLES) == {f.id for f in FORMATS}
    docs = (Path(__file__).resolve().parent.parent / "docs" / "secrets.md").read_text(encoding="utf-8")
    assert [f.id for f in FORMATS if f"| `{f.id}` |" not in docs] == []


@pytest.mark.parametrize("format_id", sorted(SAMPLES))
def test_format_is_found_and_masked(format_id: str) -> None:
    matches = scan_text(f"value = {SAMPLES[format_id]}\n")
    assert [m.format.id for m in matches] == [format_id]
    match = matches[0]
    assert match.line == 1 and match.secret in SAMPLES[format_id]
    assert match.secret not in match.masked and len(match.masked) < len(match.secret)


@pytest.mark.parametrize(
    "text",
    [
        "AKIAIOSFODNN7EXAMPLE",
        'aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"',
        "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
        "sk_live_000000000000000000000000",
        "pk_live_51HqLyjWDarjtT1zdp7dcMqLPaZXhT",
        "postgres://postgres:postgres@localhost/db",
        "postgres://user:${DB_PASSWORD}@db/app",
        "https://user:{password}@example.com",
        "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo",
        "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
        "integrity=sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC",
        "id = 123e4567-e89b-42d3-a456-426614174000",
    ],
)
def test_examples_and_public_material_are_not_formats(text: str) -> None:
    assert scan_text(text) == []


@pytest.mark.parametrize(
    "text",
    ["ghp_abcdefghijklmnopqrstuvwxyz0123456789", "sk_live_1234567890abcdefghijklmnopqrstuvwxyz"],
)
def test_well_formed_keys_that_run_through_the_keyboard_are_found(text: str) -> None:
    """Only published examples are known fakes: a well-formed key with a keyboard run in it is the key."""
    assert len(scan_text(f"value = {text}\n")) == 1


def test_one_keyword_pass_finds_every_line() -> None:
    lines = [f"x{i} = 1" for i in range(500)]
    lines[100] = f"STRIPE = '{SAMPLES['stripe-secret-key']}'"
    lines[400] = f"GH = '{SAMPLES['github-token']}'"
    found = scan_text("\n".join(lines))
    assert [(m.format.id, m.line) for m in found] == [("stripe-secret-key", 101), ("github-token", 401)]


def test_non_ascii_text_keeps_columns() -> None:
    text = f"İİİ = 'é' ; key = '{SAMPLES['stripe-secret-key']}'"
    (match,) = scan_text(text)
    assert text[match.col : match.col + len(match.secret)] == match.secret


def test_text_with_a_lone_surrogate_is_scanned() -> None:
    """Text decoded with surrogateescape keeps undecodable bytes as lone surrogates."""
    text = f"\udcff = 1\nkey = '{SAMPLES['stripe-secret-key']}' \udce9\n"
    (match,) = scan_text(text)
    assert (match.format.id, match.line) == ("stripe-secret-key", 2)
    assert text.splitlines()[1][match.col : match.col + len(match.secret)] == match.secret


# -- value judgement ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "",
        "  ",
        "changeme",
        "CHANGEME",
        "change-me",
        "<your-api-key>",
        "<...>",
        "${DB_PASSWORD}",
        "$SECRET",
        "%(password)s",
        "{{ vault_secret }}",
        "{password}",
        "xxx",
        "xxxxxxxx",
        "********",
        "your-key-here",
        "INSERT_KEY_HERE",
        "replace-me",
        "AKIAIOSFODNN7EXAMPLE",
        "dummy-token-value",
        "null",
        "ENC[AES256_GCM,data:x]",
        "#ENV_AAP_PASSWORD#",
        "%DB_PASSWORD%",
        "os.environ/LLM_SHIELD_PROXY_API_KEY",
    ],
)
def test_placeholders(value: str) -> None:
    assert is_placeholder(value)


@pytest.mark.parametrize(
    "value", ["#x9Fk2_aa#", "%ENV_DB_PASSWORD#", "#Q7PASSWORD#", "%q7_Zp2%", "os.environ/x9Fk2aa", "environ-Kq7"]
)
def test_marked_look_alikes_are_not_references(value: str) -> None:
    assert not is_placeholder(value)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("token_type", "Bearer"),
        ("RESOURCE_PASSWORD", "Passwords"),
        ("auth_token", "Bearer"),
        ("token", "NextToken"),
        ("TOKEN_HEADER", "X-Auth-Token"),
        ("token", "X-Auth-Token"),
        ("ACCESS_TOKEN", "access_token"),
        ("password", "password"),
        ("password", "user_password"),
        ("password", "Enter a valid password."),
        ("token", "Token has expired"),
        ("password", "/accounts/password/reset/"),
        ("api_key", "https://example.com/keys"),
        ("api_key", "AUTH_API_KEY"),
        ("secret_key", "abcdefghijklmnop"),
        ("secret", "12345678901234"),
        ("api_key", "sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC"),
        ("signing_key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk8Lq9ZmX2vN7kP"),
        ("password", "admin"),
        ("POSTGRES_PASSWORD", "postgres"),
        ("secret_key", "dev"),
        ("sms_ovh_application_secret", "sms_provider=ovh"),
        ("ldap_bind_password", "auth_mode=ldap&ldap_tls=true"),
    ],
)
def test_values_that_are_not_secrets(name: str, value: str) -> None:
    kind = NameKind.PASSWORD if "pass" in name.lower() else NameKind.SECRET
    assert judge_value(value, kind, name) is None


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SECRET_KEY", "abc123superSecret"),
        ("DB_PASSWORD", "production_password"),
        ("password", "Tr0ub4dor&3"),
        ("password", "correct horse battery staple"),
        ("api_key", "9f3c0c6d61c3c2e7b2c5a2b41a6f9d88"),
        ("Authorization", "Bearer 3fQ9zKx7LmP2vN8rT4wB"),
        ("Authorization", "Basic YWRtaW46czNjcjN0LVBhNTU="),
        ("client_secret", "m4Kx9Qz2Lp7Vr8Nt"),
        ("api_key", "key=Qm7xZ2kL9vR4pT8n"),
    ],
)
def test_values_that_are_secrets(name: str, value: str) -> None:
    kind = NameKind.PASSWORD if "pass" in name.lower() else NameKind.SECRET
    judgement = judge_value(value, kind, name)
    assert judgement is not None and judgement.secret in value


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (b"\x9c\x11r\xfa=Tq\x08\xd4\x8b\x02\xee7\x91\xc0^", r"\x9c\x11r\xfa=Tq\x08\xd4\x8b\x02\xee7\x91\xc0^"),
        ('p7#Rk2"Wz9\n\xb4]+', r'p7#Rk2"Wz9\n\xb4]+'),
        ("Hv3\t\x07pL0\x1b!qW8", r"Hv3\t\x07pL0\x1b!qW8"),
        (b"Zq3VbN8mK1xR5tY7", "Zq3VbN8mK1xR5tY7"),  # printable bytes: judged as their text
    ],
)
def test_keys_written_with_escapes_are_secrets_in_their_written_form(value: str | bytes, written: str) -> None:
    judgement = judge_literal(value, NameKind.SECRET, "SECRET_KEY")
    assert judgement is not None and judgement.secret == written
    assert judgement.secret.isprintable()  # what is shown (masked) never carries a raw control character


@pytest.mark.parametrize(
    "value",
    [
        b"\x00" * 16,
        b"\x01\x02",
        b"\x89PNG\r\n\x1a\n",
        b"changeme",
        b"secret_key",
        "Enter the admin password:\n",
        "Paste the token\nthen press enter",
        "\t",
        "\n<your-secret>\n",
    ],
)
def test_escaped_values_that_are_not_keys(value: str | bytes) -> None:
    assert judge_literal(value, NameKind.SECRET, "SECRET_KEY") is None


def test_entropy() -> None:
    assert shannon_entropy("") == 0 and shannon_entropy("aaaa") == 0
    assert shannon_entropy("ab") == pytest.approx(1.0)
    assert shannon_entropy(SAMPLES["github-token"][4:]) > 4.5


# -- masking --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("secret", "masked"),
    [
        ("dev", "…"),
        ("hunter2!", "h…!"),
        ("abc123superSecret", "ab…et"),
        ("9f3c0c6d61c3c2e7b2c5a2b41a6f9d88", "9f3c…9d88"),
    ],
)
def test_mask(secret: str, masked: str) -> None:
    assert mask(secret) == masked


def test_mask_shows_a_public_prefix_only_when_the_rest_stays_hidden() -> None:
    assert mask("sk_live_a1B2c3D4e5F6g7H8i9J0k1L2", public_prefix=8) == "sk_live_…1L2"
    assert mask("ghp_ab", public_prefix=4) == "…"


@pytest.mark.parametrize("length", range(1, 80))
def test_mask_never_shows_more_than_a_third(length: int) -> None:
    secret = fake(length)
    shown = len(mask(secret).replace("…", ""))
    assert shown * 3 <= length or shown == 0


# -- secret files ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        (".env", True),
        (".env.local", True),
        (".env.production", True),
        ("prod.env", True),
        (".env.example", False),
        (".env.sample", False),
        (".env.template", False),
        ("example.env", False),
        (".env.test", False),
        (".envrc", False),
        ("environment.py", False),
    ],
)
def test_env_file_names(name: str, secret: bool) -> None:
    assert env_file_is_secret(name) is secret


def test_secret_file_reasons() -> None:
    key = b"-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n"
    cert = b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
    account = json.dumps({"type": "service_account", "private_key": "..."}).encode()
    assert secret_file_reason("keys/server.pem", key) == "a private key"
    assert secret_file_reason("certs/ca.pem", cert) is None
    assert secret_file_reason("deploy/id_ed25519", None) == "an SSH private key"
    assert secret_file_reason("id_ed25519.pub", None) is None
    assert secret_file_reason("android/release.jks", None) == "a keystore"
    assert secret_file_reason("gcp.json", account) == "a cloud service-account key"
    assert secret_file_reason("package.json", b'{"name": "x"}') is None


# -- SECRET003 in real repositories ---------------------------------------------------------------

ENV = "SECRET_KEY=9f3c0c6d61c3c2e7b2c5a2b41a6f9d88\n"
PEM = "-----BEGIN RSA PRIVATE KEY-----\n" + fake(64, ALNUM + "+/") + "\n-----END RSA PRIVATE KEY-----\n"
GIT_ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "Dev",
    "GIT_AUTHOR_EMAIL": "dev@example.com",
    "GIT_COMMITTER_NAME": "Dev",
    "GIT_COMMITTER_EMAIL": "dev@example.com",
}


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=GIT_ENV)


def make_tree(root: Path, files: dict[str, str], *, repo: bool = True, add: tuple[str, ...] = ()) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    if repo:
        git(root, "init", "-q")
        for name in add:
            git(root, "add", "-f", name)
        git(root, "commit", "-q", "--allow-empty", "-m", "init")
    return root


def exposed(root: Path) -> dict[str, str]:
    config = load_config(root, overrides={"select": ["SECRET003"]})
    result = scan([root], config, ScanOptions(use_cache=False, jobs=1))
    return {f.location.path: f.message for f in result.findings if f.rule_id == "SECRET003"}


def test_env_not_ignored_is_reported(tmp_path: Path) -> None:
    found = exposed(make_tree(tmp_path, {".env": ENV, "app.py": "import os\n"}))
    assert list(found) == [".env"] and ".gitignore does not cover it" in found[".env"]


def test_env_ignored_and_untracked_is_fine(tmp_path: Path) -> None:
    assert exposed(make_tree(tmp_path, {".env": ENV, ".gitignore": ".env\n*.pem\n", "k.pem": PEM})) == {}


def test_tracked_env_is_reported_even_when_gitignore_lists_it(tmp_path: Path) -> None:
    root = make_tree(tmp_path, {".env": ENV, ".gitignore": ".env\n"}, add=(".env", ".gitignore"))
    found = exposed(root)
    assert list(found) == [".env"] and "git tracks it" in found[".env"]


def test_templates_certificates_and_public_keys_are_fine(tmp_path: Path) -> None:
    files = {
        ".env.example": "SECRET_KEY=\n",
        "certs/ca.pem": "-----BEGIN CERTIFICATE-----\nMIIB\n",
        "keys/id_rsa.pub": "ssh-rsa AAAA dev@host\n",
    }
    assert exposed(make_tree(tmp_path, files, add=tuple(files))) == {}


def test_private_keys_and_credentials_are_reported(tmp_path: Path) -> None:
    files = {
        "keys/server.pem": PEM,
        "deploy/id_rsa": PEM,
        "gcp.json": json.dumps({"type": "service_account", "private_key": "x"}),
    }
    found = exposed(make_tree(tmp_path, files, add=("keys/server.pem",)))
    assert sorted(found) == ["deploy/id_rsa", "gcp.json", "keys/server.pem"]
    assert "git tracks it" in found["keys/server.pem"] and "does not cover" in found["deploy/id_rsa"]


def test_settings_files_kept_for_secrets_are_reported(tmp_path: Path) -> None:
    """Dynaconf's `.secrets.toml` and Streamlit's `secrets.toml` hold the secrets their settings leave out;
    the settings file beside them and a `secrets.toml` elsewhere are ordinary files."""
    files = {
        "settings.toml": "[default]\ndebug = false\n",
        ".secrets.toml": '[production]\nsecret_key = "x"\n',
        "dashboard/.streamlit/secrets.toml": 'api_key = "x"\n',
        "docs/secrets.toml": "# how to write one\n",
    }
    found = exposed(make_tree(tmp_path, files, add=(".secrets.toml",)))
    assert sorted(found) == [".secrets.toml", "dashboard/.streamlit/secrets.toml"]
    assert "git tracks it" in found[".secrets.toml"] and "does not cover" in found["dashboard/.streamlit/secrets.toml"]


def test_checking_one_directory_says_nothing_about_secret_files_elsewhere(tmp_path: Path) -> None:
    files = {"app/views.py": "x = 1\n", "ops/.env": ENV, "app/local/.env": ENV}
    make_tree(tmp_path, files, add=tuple(files))
    config = load_config(tmp_path, overrides={"select": ["SECRET003"]})
    result = scan([tmp_path / "app"], config, ScanOptions(use_cache=False, jobs=1))
    assert [f.location.path for f in result.findings] == ["app/local/.env"]


def test_nested_gitignore_covers_its_directory(tmp_path: Path) -> None:
    files = {"deploy/.gitignore": "id_rsa\n", "deploy/id_rsa": PEM, "svc/.env.local": ENV, ".gitignore": "svc/\n"}
    config = load_config(tmp_path, overrides={"select": ["SECRET003"], "respect-gitignore": False})
    make_tree(tmp_path, files)
    result = scan([tmp_path], config, ScanOptions(use_cache=False, jobs=1))
    assert [f for f in result.findings if f.rule_id == "SECRET003"] == []


def test_outside_a_repository_nothing_is_exposed(tmp_path: Path) -> None:
    # An unpacked release is not a repository: there is nothing to commit a file to or ignore it from.
    assert exposed(make_tree(tmp_path, {".env": ENV}, repo=False)) == {}
    assert exposed(make_tree(tmp_path / "b", {".env": ENV, ".gitignore": ".env\n"}, repo=False)) == {}
    # The same tree once it is a repository.
    assert list(exposed(make_tree(tmp_path / "c", {".env": ENV}))) == [".env"]


# -- the prefilter history relies on ------------------------------------------------------------------


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("*.py")), ids=lambda p: p.name)
def test_prefilter_never_hides_a_named_or_fallback_secret(fixture: Path) -> None:
    source = fixture.read_text()
    module = Module(parse_python(source, fixture.name).tree, path=fixture.name, module_name="", source=source)
    if any(h.source in ("named", "fallback") for h in python_hits(module)):
        assert may_bind_secrets(source)


def test_prefilter_skips_code_without_secret_names() -> None:
    assert not may_bind_secrets('name = "bob"\ntoken_type = "Bearer"\ndef f(x=1):\n    return {"a": "b"}\n')


# -- nothing prints a secret whole -------------------------------------------------------------------

LEAKY = {
    "settings.py": (
        f'SECRET_KEY = "{SAMPLES["django-insecure-key"]}"\n'
        f'STRIPE = "{SAMPLES["stripe-secret-key"]}"\n'
        'DB_PASSWORD = "Tr0ub4dor&3-horse"\n'
        'SIGNING_KEY = b"\\xd2\\x1fK\\x8a\\x07\\xc3\\x9e\\x11\\xb6\\x04\\xf8\\xaa]\\x92>q"\n'
        'import os\nAPI_TOKEN = os.getenv("API_TOKEN", "q8Fz2LmX0pR7vN4kT9wB")\n'
    ),
    "config.yaml": f"slack: {SAMPLES['slack-token']}\npassword: 'Zx8v!Qm2#Lp9w'\n",
    ".env": f"GITHUB_TOKEN={SAMPLES['github-token']}\n",
    "creds.json": json.dumps({"api_key": "Vb7Kq2Lm9Zx4Np8RtW3y"}),
}
SECRETS_IN_LEAKY = [
    SAMPLES["django-insecure-key"],
    SAMPLES["stripe-secret-key"],
    "Tr0ub4dor&3-horse",
    r"\xd2\x1fK\x8a\x07\xc3\x9e\x11\xb6\x04\xf8\xaa]\x92>q",
    "q8Fz2LmX0pR7vN4kT9wB",
    SAMPLES["slack-token"],
    "Zx8v!Qm2#Lp9w",
    SAMPLES["github-token"],
    "Vb7Kq2Lm9Zx4Np8RtW3y",
]


def _secpat(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "secpat", *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=env
    )


def _assert_masked(text: str) -> None:
    for secret in SECRETS_IN_LEAKY:
        # Not whole, and not even the part after a public prefix.
        assert secret not in text and secret[8:] not in text, secret


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_reports_never_contain_a_secret(tmp_path: Path, fmt: str) -> None:
    make_tree(tmp_path, LEAKY)
    result = _secpat("check", ".", "--no-cache", "--format", fmt, "--min-confidence", "low", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    _assert_masked(result.stdout + result.stderr)
    if fmt == "json":
        rules = {f["rule_id"] for f in json.loads(result.stdout)["findings"]}
        assert rules == {"SECRET001", "SECRET002", "SECRET003"}


def test_baseline_never_contains_a_secret(tmp_path: Path) -> None:
    make_tree(tmp_path, LEAKY, repo=False)
    result = _secpat("baseline", ".", "--no-cache", "--output", "base.json", "--min-confidence", "low", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    _assert_masked((tmp_path / "base.json").read_text())
    again = _secpat("check", ".", "--no-cache", "--baseline", "base.json", "--min-confidence", "low", cwd=tmp_path)
    assert again.returncode == 0, again.stdout
