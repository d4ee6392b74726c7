"""What a project was seen to use: the evidence that a checklist box had something to judge.

Each file of the scan yields a few words ("jwt", "database", "web"...) from its imports,
the calls it makes, the facts the framework extractors found in it and its kind. A
checklist box whose rules found nothing says "passed" only when one of the words its
pattern needs was seen; otherwise it says "nothing to check" and why (docs/rules.md).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

__all__ = ["APPLIES_WHEN", "of_module", "of_text_file"]

#: Qualified-name prefixes (imported modules or called functions) and the word each one gives.
_BY_NAME: dict[str, tuple[str, ...]] = {
    "random": ("random", "secrets", "uuid", "numpy.random", "os.urandom", "Crypto.Random", "Cryptodome.Random"),
    "hashing": (
        "hashlib",
        "hmac",
        "bcrypt",
        "argon2",
        "passlib",
        "pwdlib",
        "werkzeug.security",
        "flask_bcrypt",
        "django.contrib.auth",
        "crypt",
        "scrypt",
        "cryptography.hazmat.primitives.kdf",
    ),
    "jwt": (
        "jwt",
        "jose",
        "authlib.jose",
        "joserfc",
        "jwcrypto",
        "python_jwt",
        "flask_jwt_extended",
        "rest_framework_simplejwt",
    ),
    "database": (
        "sqlite3",
        "psycopg2",
        "psycopg",
        "pymysql",
        "MySQLdb",
        "mysql.connector",
        "sqlalchemy",
        "sqlmodel",
        "django.db",
        "asyncpg",
        "aiosqlite",
        "aiomysql",
        "aiopg",
        "peewee",
        "pony",
        "tortoise",
        "databases",
        "records",
        "cx_Oracle",
        "oracledb",
        "pyodbc",
        "duckdb",
        "pandas.read_sql",
        "pandas.read_sql_query",
        "flask_sqlalchemy",
    ),
    "html": (
        "jinja2",
        "markupsafe",
        "mako",
        "django.template",
        "django.shortcuts",
        "django.utils.html",
        "django.utils.safestring",
        "flask.render_template",
        "flask.render_template_string",
        "fastapi.templating",
        "starlette.templating",
        "fastapi.responses.HTMLResponse",
        "starlette.responses.HTMLResponse",
        "django.http",
    ),
    "web": (
        "flask",
        "quart",
        "django",
        "rest_framework",
        "fastapi",
        "starlette",
        "litestar",
        "aiohttp.web",
        "tornado.web",
        "bottle",
        "pyramid",
        "falcon",
        "sanic",
        "http.server",
        "aws_lambda_powertools",
    ),
    "logging": ("logging", "loguru", "structlog"),
    "settings": ("pydantic_settings", "decouple", "environ", "environs", "dotenv", "dynaconf", "django.conf"),
}


@functools.cache
def _by_fact() -> dict[str, str]:
    """Fact kinds of the framework extractors and the word each one gives (read when analysing files
    only: the checklist, which reads `APPLIES_WHEN`, does not load the frameworks)."""
    from secpat.frameworks.facts import ROUTE, SETTINGS, SETTINGS_MODULE, VIEW

    return {ROUTE: "web", VIEW: "web", SETTINGS: "settings", SETTINGS_MODULE: "settings"}


#: File kinds (discovery.classify) and the words a file of that kind gives.
_BY_KIND = {
    "template": ("html", "files"),
    "static": ("files",),  # HTML served as it is: secrets are looked for, nothing is rendered
    # Secrets are looked for in these; the CONF rules read Python settings only.
    "env": ("files",),
    "config": ("files",),
    "secret-file": ("files",),
    "python": ("files",),
}

#: Per pattern: the words of which at least one must be seen, and what to say when none was.
APPLIES_WHEN: dict[int, tuple[frozenset[str], str]] = {
    1: (frozenset({"random"}), "no random-number API (random, secrets, uuid, os.urandom) in use"),
    2: (frozenset({"hashing", "database"}), "no hashing library and no database API in use"),
    3: (frozenset({"jwt"}), "no JWT library in use"),
    4: (frozenset({"database"}), "no database API in use"),
    5: (frozenset({"html", "web"}), "no web framework, HTML response or template found"),
    6: (frozenset({"web"}), "no web framework or route table found"),
    7: (frozenset({"web"}), "no web framework or route table found"),
    8: (frozenset({"logging", "web"}), "no logging library or web framework in use"),
    9: (frozenset({"files"}), "no Python, template, environment, config or key file was read"),
    10: (frozenset({"settings", "web"}), "no settings module, settings library or web app found"),
}


def _matches(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def of_names(names: Iterable[str]) -> set[str]:
    """The words that qualified names (imports, callees) give."""
    found: set[str] = set()
    names = set(names)
    for word, prefixes in _BY_NAME.items():
        if any(_matches(name, prefix) for name in names for prefix in prefixes):
            found.add(word)
    return found


def of_module(imports: Iterable[str], callees: Iterable[str], fact_kinds: Iterable[str]) -> list[str]:
    """The words one Python file gives: from what it imports and calls and what the extractors found."""
    found = of_names([*imports, *callees]) | set(_BY_KIND["python"])
    by_fact = _by_fact()
    found |= {by_fact[kind] for kind in fact_kinds if kind in by_fact}
    return sorted(found)


def of_text_file(kind: str) -> list[str]:
    """The words a template, .env, config or key file gives by its kind alone."""
    return sorted(_BY_KIND.get(kind, ()))
