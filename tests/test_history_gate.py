"""The history scan parses a Python blob only when the model may find something there: whatever the
syntax, it finds exactly what a full parse finds."""

from __future__ import annotations

import pytest

from secpat import history
from secpat.model.module import Module
from secpat.parsing import parse_python
from secpat.rules.secrets import python_hits, text_hits

TOKEN = "Xk29fLq0ZpR7mN3vW8b3Lq9ZmX2vN7kPq8Fz"
PASSWORD = "Tr0ub4dor&3-horse"

SOURCES = [
    f'API_TOKEN = "{TOKEN}"\n',
    f'password = "{PASSWORD}"\n',
    f'DB_PASSWORD: str = "{PASSWORD}"\n',
    f'connect(host="db", password="{PASSWORD}")\n',
    f'connect(\n    host="db",\n    password="{PASSWORD}",\n)\n',
    f'CONFIG = {{"api_token": "{TOKEN}", "name": "x"}}\n',
    f'CONFIG = {{\n    "api_token": "{TOKEN}",\n    "name": "x",\n}}\n',
    f'settings["SECRET_KEY"] = "{TOKEN}"\n',
    f'user, password = "admin", "{PASSWORD}"\n',  # unpacked: each literal is bound to its own name
    f'S3_CREDENTIALS = ("backup-user", "{TOKEN}")\n',  # a pair named for credentials: both are bound
    f'passwords = ("{PASSWORD}", "", None)\n',  # a tuple: no password is bound
    f'passwords = (\n    "{PASSWORD}"  # the first\n    "x",\n)\n',
    f'check(password=("{PASSWORD}", "x"), api_token=("{TOKEN}"))\n',
    # One value written in pieces, the first of which alone is no password.
    'password = ("" "Tr0ub4dor&3-horse")\n',
    'password = (\n    "x"\n    "Tr0ub4dor&3-horse"\n)\n',
    'password = (\n    "x"  # the prefix\n    "Tr0ub4dor&3-horse"\n)\n',
    'password = "x" \\\n    "Tr0ub4dor&3-horse"\n',
    'api_token = "Xk29fLq0ZpR7\\x6dN3vW8b3Lq9ZmX2vN7kPq8Fz"\n',  # an escape
    f'api_token = r"{TOKEN}"\n',
    f'api_token = b"{TOKEN}"\n',
    # Keys written with escapes: pasted `os.urandom` output, a str with a line break inside.
    'app.secret_key = b"\\x9c\\x11r\\xfa=Tq\\x08\\xd4\\x8b\\x02\\xee7\\x91\\xc0^"\n',
    "SECRET_KEY = 'p7#Rk2\"Wz9\\n\\xb4]+'\n",
    'signing_key = (b"\\x9c\\x11r\\xfa"\n    b"=Tq\\x08\\xd4\\x8b\\x02\\xee7\\x91\\xc0^")\n',
    'signing_key = b"\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00"\n',
    f'api_token = """{TOKEN}"""\n',
    f'api_token = "{TOKEN}" if PROD else ""\n',
    f'api_token = "{TOKEN}".strip()\n',
    f'api_token = "{TOKEN}"  # rotated yearly\n',
    f'api_token = "{TOKEN}" % suffix\n',  # not a constant: bound to nothing
    f'api_token = ("{TOKEN}"\n    % suffix)\n',
    f'api_token = "{TOKEN}"[:12]\n',
    'api_token = "x" f"Xk29fLq0ZpR7mN3vW8b3{TOKEN}"\n',
    'api_token = r"Xk29fLq0ZpR7\\mN3vW8b3Lq9ZmX2vN7kPq8Fz"\n',
    f'api_token = """\n{TOKEN}\n"""\n',
    'password = "" "Tr0ub4" \'dor&3-horse\'\n',
    'class Settings:\n    api_token: str = (\n        "Xk29fLq0ZpR7mN3v"  # first half\n'
    '        "W8b3Lq9ZmX2vN7kPq8Fz"\n    )\n',
    f'class Kind(Enum):\n    API_TOKEN = "{TOKEN}"\n',  # an enum member is a label
    f'API_TOKEN = "{TOKEN}"\n\ndef check(value):\n    return value == API_TOKEN\n',
    f'import os\nAPI_TOKEN = os.getenv("API_TOKEN", "{TOKEN}")\n',
    f'import os\nAPI_TOKEN = os.environ.get(\n    "SERVICE_CREDENTIAL",\n    "{TOKEN}",\n)\n',
    f'import os\nDB_PASSWORD = os.getenv("DB_PW") or "{PASSWORD}"\n',
    f'import environ\nenv = environ.Env()\nSECRET_KEY = env("SECRET_KEY", default="{TOKEN}")\n',
    # Credentials with no secret's name before the literal.
    f'smtp.login("alerts@example.org", "{PASSWORD}")\n',
    f'ftp.login(\n    user,\n    "{PASSWORD}",\n)\n',
    f'requests.get(url, auth=("shop", "{PASSWORD}"))\n',
    f'requests.get(url, auth=HTTPBasicAuth("shop", "{PASSWORD}"))\n',
    f'def check(user, pw):\n    return user == "admin" and pw == "{PASSWORD}"\n',
    f'def check(user, pw):\n    return pw == "{PASSWORD}"\n',  # no user name beside it: nothing
    f'from decouple import config\nSECRET_KEY = config("SECRET_KEY", default="{TOKEN}")\n',
    'import os\nDEBUG = os.getenv("DEBUG", "false")\n',  # a fallback, not a secret's
    'password = "changeme"\n',  # a placeholder
    'api_token = ""\n',
    'label = "Password"\nurl = "https://example.com/reset"\n',
    f'TOKEN_CHOICES = [("a", "{TOKEN}")]\n',
    f'AUTH = {{"Authorization": "Bearer {TOKEN}"}}\n',
    f'def f(request, api_token="{TOKEN}"):\n    return api_token\n',
    'JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"\n',
    'schema = {"example": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.'
    'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"'
    f', "password": "{PASSWORD}"}}\n',
]


def full_parse(source: str) -> set[tuple[str, int]]:
    module = Module(parse_python(source, "app.py").tree, path="app.py", module_name="", source=source)
    return {(h.secret, h.line) for h in python_hits(module) if h.real}


@pytest.mark.parametrize("source", SOURCES)
def test_the_history_scan_finds_what_a_full_parse_finds(source: str) -> None:
    assert {(h.secret, h.line) for h in history._hits("app.py", source.encode()) if h.real} == full_parse(source)


@pytest.mark.parametrize("source", SOURCES)
def test_a_blob_that_may_hold_a_named_secret_is_parsed(source: str) -> None:
    """Whenever the parse finds more than the formats do, the text check asks for the parse."""
    formats = {(h.secret, h.line) for h in text_hits("other", source) if h.real}
    if full_parse(source) - formats:
        assert history._needs_model(source, frozenset())


def test_a_known_secret_in_a_later_blob_is_not_parsed_for_again() -> None:
    source = f'password = "{PASSWORD}"\n'
    assert history._needs_model(source, frozenset())
    assert not history._needs_model(source, frozenset({PASSWORD}))
    assert history._needs_model(source + f'api_token = "{TOKEN}"\n', frozenset({PASSWORD}))


def test_a_tuple_of_literals_is_not_parsed_for() -> None:
    """The model binds a name to a string constant only: an item of a tuple is bound to nothing."""
    for source in (f'passwords = ("{PASSWORD}", "", None)\n', f'check(password=("{PASSWORD}",\n "x"))\n'):
        assert not full_parse(source)
        assert not history._needs_model(source, frozenset())
    assert history._needs_model(f'check(password=("{PASSWORD}"), other=("x", 1))\n', frozenset())


# -- later blobs of a path: only what is new is looked at, and nothing is missed -------------------

STRIPE = "sk_live_xMqLPaZXhTmpRa5TvpHV0eTr"
GITHUB = "ghp_hHTRJzwYDhrWwNb9SnkSrkpUjwaBEmZiBwIp"
KEY_BODY = (
    "MIIEowIBAAKCAQEAvZq0L6Yb2Hc7Xp1RkQ9sT3uVw8yZaB4cD5eF6gH7iJ8kL9mN0oP1qR2sT3uV4wX5yZ6aB7cD8eF9gH0iJ1kL2",
    "MIIEpAIBAAKCAQEA1zYxWvUtSrQpOnMlKjIhGfEdCbAa9Z8Y7X6W5V4U3T2S1R0Q9P8O7N6M5L4K3J2I1H0G9F8E7D6C5B4A3z2",
)


def _key_file(body: str) -> str:
    return f"-----BEGIN RSA PRIVATE KEY-----\n{body}\n-----END RSA PRIVATE KEY-----\n"


def prose(lines: int, tag: str = "") -> list[str]:
    return [f"Line {n} of the release notes{tag}: nothing secret here." for n in range(lines)]


def finding_keys(result) -> list[tuple]:
    return sorted(
        (
            f.location.path,
            f.location.line,
            f.location.col,
            f.snippet,
            dict(f.extra)["commit"],
            dict(f.extra)["present_at_head"],
            dict(f.extra)["head_paths"],
        )
        for f in result.findings
    )


def scan_both_ways(repo_path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[tuple], list[tuple]]:
    """Findings as scanned, and with every blob read whole and parsed whenever the model may help."""
    from secpat.config import load_config
    from secpat.history import HistoryOptions, scan_history

    config = load_config(repo_path)
    fast = finding_keys(scan_history(repo_path, config, HistoryOptions()))
    real_scan_blob = history._scan_blob
    monkeypatch.setattr(
        history,
        "_scan_blob",
        lambda path, data, earlier, every_secret: real_scan_blob(
            path, data, history._NOTHING_EARLIER, every_secret=True
        ),
    )
    return fast, finding_keys(scan_history(repo_path, config, HistoryOptions()))


def test_later_versions_of_files_find_what_whole_reads_find(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from test_history import Repo

    repo = Repo(tmp_path / "repo")
    notes = prose(300)
    module = [f"VALUE_{n} = {n}" for n in range(200)]
    repo.commit(
        "v1",
        {
            "NOTES.txt": "\n".join(notes),
            "app/module.py": "\n".join(module),
            "app/auth.py": 'password = "Tr0ub4dor&3-horse"\n',
            "keys/deploy.txt": _key_file(KEY_BODY[0]),
        },
    )
    # v2: a secret inserted deep in an otherwise unchanged file, one in a module, a new key body
    # under the same header, and the known password bound to a second name.
    notes2 = notes[:150] + [f"deploy with {STRIPE}"] + notes[150:]
    module2 = module[:120] + [f'HOOK = "{GITHUB}"'] + module[120:]
    repo.commit(
        "v2",
        {
            "NOTES.txt": "\n".join(notes2),
            "app/module.py": "\n".join(module2),
            "app/auth.py": 'password = "Tr0ub4dor&3-horse"\nbackup_password = "Tr0ub4dor&3-horse"\n',
            "keys/deploy.txt": _key_file(KEY_BODY[1]),
        },
    )
    # v3: only the first line changes; the secrets move nowhere. A new token joins auth.py, and the
    # key file goes (so its second version is not HEAD's, which is always read whole).
    repo.commit(
        "v3",
        {
            "keys/deploy.txt": None,
            "NOTES.txt": "\n".join(["Release notes"] + notes2[1:]),
            "app/module.py": "\n".join(["# generated"] + module2[1:]),
            "app/auth.py": 'password = "Tr0ub4dor&3-horse"\napi_token = "Xk29fLq0ZpR7mN3vW8b3Lq9ZmX2vN7kPq8Fz"\n',
        },
    )
    # v4: the notes move on; HEAD no longer holds the Stripe key there.
    repo.commit("v4", {"NOTES.txt": "\n".join(prose(300, " (4.0)"))})
    fast, whole = scan_both_ways(repo.path, monkeypatch)
    assert fast == whole
    found = {(path, line) for path, line, *_ in fast}
    assert ("NOTES.txt", 151) in found and ("app/module.py", 121) in found
    assert {line for path, line, *_ in fast if path == "keys/deploy.txt"} == {1}
    assert len([k for k in fast if k[0] == "keys/deploy.txt"]) == 2  # both key bodies
    assert ("app/auth.py", 2) in found  # the token added in v3


def test_a_secret_no_longer_suppressed_is_found_where_its_line_did_not_change(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_history import Repo

    repo = Repo(tmp_path / "repo")
    body = prose(40)
    repo.commit(
        "v1", {"NOTES.txt": "\n".join(["# secpat: ignore-file[SECRET001] sample keys"] + body + [f"key: {STRIPE}"])}
    )
    repo.commit("v2", {"NOTES.txt": "\n".join(["notes"] + body + [f"key: {STRIPE}"])})
    repo.commit("v3", {"NOTES.txt": "\n".join(["notes, again"] + body + [f"key: {STRIPE}"])})
    fast, whole = scan_both_ways(repo.path, monkeypatch)
    assert fast == whole
    assert [(path, line) for path, line, *_ in fast] == [("NOTES.txt", 42)]


def test_an_environment_read_counts_only_where_its_module_is_named() -> None:
    """`config(` reads the environment only as `decouple.config`, `env(` only on an `environ.Env()`:
    where neither module is named, the model finds no fallback, and no parse is asked for."""
    for source in (
        f'SECRET_KEY = incomplete_config("SECRET_KEY", "{TOKEN}")\n',
        f'API_TOKEN = settings_env("API_TOKEN", default="{TOKEN}")\n',
    ):
        assert not full_parse(source)
        assert not history._needs_model(source, frozenset())
    for source in (
        f'from decouple import config\nSECRET_KEY = config("SECRET_KEY", "{TOKEN}")\n',
        f'import environ\nenv = environ.Env()\nAPI_TOKEN = env("API_TOKEN", default="{TOKEN}")\n',
    ):
        assert full_parse(source)
        assert history._needs_model(source, frozenset())


def test_a_line_that_did_not_change_is_judged_again_where_the_rest_of_its_file_did(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A secret's name and value on lines a later blob keeps, whose meaning changes with other lines:
    a value continued on a changed line, a constant no longer only compared with, an environment
    read whose fallback changes a few lines below it."""
    from test_history import Repo

    repo = Repo(tmp_path / "repo")
    filler = [f"VALUE_{n} = {n}" for n in range(60)]
    pieces = ["api_token = (", '    "Xk29fLq0ZpR7mN3v"', '    "W8b3Lq9ZmX2vN7kPq8Fz"', ")"]
    compared = [f'LEGACY_TOKEN = "{TOKEN[::-1]}"', "", "def refused(value):", "    return value == LEGACY_TOKEN"]
    env = ["import os", "", "SECRET_KEY = os.environ.get(", '    "SECRET_KEY",', '    "placeholder",', ")"]
    repo.commit(
        "v1",
        {
            "app/pieces.py": "\n".join(filler + pieces),
            "app/compared.py": "\n".join(compared + filler),
            "app/env.py": "\n".join(env + filler),
        },
    )
    pieces[2] = '    "Q7vN2kLx9RmW4pZ8tY3s"'  # only the continuation changes
    env[4] = '    "Tr0ub4dor-3horse-Xk29fLq0",'
    repo.commit(
        "v2",
        {
            "app/pieces.py": "\n".join(filler + pieces),
            "app/compared.py": "\n".join(compared[:1] + filler),
            "app/env.py": "\n".join(env + filler),
        },
    )
    repo.commit(
        "v3",
        {
            "app/pieces.py": "\n".join(["# v3"] + filler + pieces),
            "app/compared.py": "\n".join(["# v3"] + compared[:1] + filler),
            "app/env.py": "\n".join(["# v3"] + env + filler),
        },
    )
    fast, whole = scan_both_ways(repo.path, monkeypatch)
    assert fast == whole
    v2 = repo.git("rev-parse", "HEAD~1")
    found = {(path, commit) for path, _, _, _, commit, _, _ in fast}
    assert {("app/pieces.py", v2), ("app/compared.py", v2), ("app/env.py", v2)} <= found


def test_a_python_blob_that_cannot_be_decoded_leaves_the_next_one_to_be_read_whole(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A NUL byte past the first 8 KiB: the blob is scanned, but not as Python, so its lines were
    never searched for names; the next blob of the path must not take them as looked at."""
    from test_history import Repo

    repo = Repo(tmp_path / "repo")
    body = [f"VALUE_{n} = {n}" for n in range(1000)] + [f'password = "{PASSWORD}"']
    repo.commit("v1", {"app/settings.py": "\n".join(body + ["# \0"])})
    repo.commit("v2", {"app/settings.py": "\n".join(body + ["# done"])})
    repo.commit("v3", {"app/settings.py": "\n".join(body + ["# done, again"])})
    fast, whole = scan_both_ways(repo.path, monkeypatch)
    assert fast == whole
    previous = repo.git("rev-parse", "HEAD~1")
    assert [(path, commit) for path, _, _, _, commit, _, _ in fast] == [("app/settings.py", previous)]
