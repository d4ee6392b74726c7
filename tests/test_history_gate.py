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
    f'user, password = "admin", "{PASSWORD}"\n',  # the literal after the name is not the password
    # One value written in pieces, the first of which alone is no password.
    'password = ("" "Tr0ub4dor&3-horse")\n',
    'password = (\n    "x"\n    "Tr0ub4dor&3-horse"\n)\n',
    'password = (\n    "x"  # the prefix\n    "Tr0ub4dor&3-horse"\n)\n',
    'password = "x" \\\n    "Tr0ub4dor&3-horse"\n',
    f'api_token = "Xk29fLq0ZpR7\\x6dN3vW8b3Lq9ZmX2vN7kPq8Fz"\n',  # an escape
    f'api_token = r"{TOKEN}"\n',
    f'api_token = b"{TOKEN}"\n',
    f'api_token = """{TOKEN}"""\n',
    f'api_token = "{TOKEN}" if PROD else ""\n',
    f'api_token = "{TOKEN}".strip()\n',
    f'api_token = "{TOKEN}"  # rotated yearly\n',
    f'class Kind(Enum):\n    API_TOKEN = "{TOKEN}"\n',  # an enum member is a label
    f'API_TOKEN = "{TOKEN}"\n\ndef check(value):\n    return value == API_TOKEN\n',
    f'import os\nAPI_TOKEN = os.getenv("API_TOKEN", "{TOKEN}")\n',
    f'import os\nAPI_TOKEN = os.environ.get(\n    "SERVICE_CREDENTIAL",\n    "{TOKEN}",\n)\n',
    f'import os\nDB_PASSWORD = os.getenv("DB_PW") or "{PASSWORD}"\n',
    f'import environ\nenv = environ.Env()\nSECRET_KEY = env("SECRET_KEY", default="{TOKEN}")\n',
    f'from decouple import config\nSECRET_KEY = config("SECRET_KEY", default="{TOKEN}")\n',
    'import os\nDEBUG = os.getenv("DEBUG", "false")\n',  # a fallback, not a secret's
    'password = "changeme"\n',  # a placeholder
    'api_token = ""\n',
    'label = "Password"\nurl = "https://example.com/reset"\n',
    f'TOKEN_CHOICES = [("a", "{TOKEN}")]\n',
    f'AUTH = {{"Authorization": "Bearer {TOKEN}"}}\n',
    f'def f(request, api_token="{TOKEN}"):\n    return api_token\n',
    f'JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"\n',
    f'schema = {{"example": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"'
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
