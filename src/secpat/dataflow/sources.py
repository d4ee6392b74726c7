"""Known sources, propagators and sanitisers, by qualified name.

Policy for calls secpat knows nothing about: their result carries no label
(except a symbolic `ret:` label so the project stage can look the callee up
if it turns out to be a project function). Guessing that every unknown call
passes its arguments through would flood the report; missing a flow through
an unknown library is the price, and the known-propagator list below is how
that price is kept low.
"""

from __future__ import annotations

import importlib
import sys

from secpat import names
from secpat.dataflow import labels as L
from secpat.frameworks import known

# Module-level functions of `random` that draw from the shared Mersenne Twister.
RANDOM_FUNCTIONS = frozenset(
    "random.{}".format(n)
    for n in (
        "random",
        "randint",
        "randrange",
        "choice",
        "choices",
        "sample",
        "getrandbits",
        "randbytes",
        "uniform",
        "triangular",
        "gauss",
        "normalvariate",
        "betavariate",
        "expovariate",
        "shuffle",
    )
)
NUMPY_RANDOM_PREFIXES = ("numpy.random.",)
# Methods of a generator object (`random.Random()`, numpy's): what they return is drawn from it.
PRNG_OBJECT_METHODS = frozenset(
    {
        "choice", "choices", "sample", "randint", "randrange", "random", "getrandbits", "randbytes", "integers",
        "uniform", "bytes", "shuffle",
    }
)  # fmt: skip
# Picking one element is a selection, not a token, until many picks are joined into one.
PICK_METHODS = frozenset({"choice", "sample", "shuffle", "permutation"})
# Constructors returning a PRNG object whose methods produce predictable values.
PRNG_CONSTRUCTORS = frozenset(
    {"random.Random", "numpy.random.RandomState", "numpy.random.default_rng", "numpy.random.Generator"}
)
CSPRNG_CONSTRUCTORS = frozenset({"random.SystemRandom", "secrets.SystemRandom"})
SEED_FUNCTIONS = frozenset({"random.seed", "numpy.random.seed"})

TIME_FUNCTIONS = frozenset(
    {
        "time.time",
        "time.time_ns",
        "time.monotonic",
        "time.perf_counter",
        "time.ctime",
        "datetime.datetime.now",
        "datetime.datetime.utcnow",
        "datetime.datetime.today",
        "datetime.date.today",
        "django.utils.timezone.now",
    }
)
UUID1_FUNCTIONS = frozenset({"uuid.uuid1"})
UUID4_FUNCTIONS = frozenset({"uuid.uuid4"})  # 122 random bits from os.urandom

#: Words of the names a token or signed credential gives its time fields: `iat`, `exp`, `expiry_ms`.
TIME_FIELD_WORDS = frozenset(
    {
        "iat",
        "exp",
        "nbf",
        "expiry",
        "expires",
        "expire",
        "expiration",
        "issued",
        "ttl",
        "deadline",
        "until",
        "lifetime",
        "before",
        "after",
        # when a record was made or changed: `{"auth_token": ..., "created": now}`
        "created",
        "updated",
        "modified",
        "timestamp",
    }
)


def is_time_field(name: str) -> bool:
    """`expiry_ms`, `issued_at`, `"exp"`, `"created"`, `verified_at`: a name for the time a value is issued or
    expires, or a record was made or changed."""
    words = names.words(name)
    return any(word in TIME_FIELD_WORDS for word in words) or len(words) > 1 and words[-1] in ("at", "on")


# CSPRNG token functions: (qualified name, nbytes argument position, default nbytes)
TOKEN_FUNCTIONS = {
    "secrets.token_hex": 32,
    "secrets.token_bytes": 32,
    "secrets.token_urlsafe": 32,
    "os.urandom": None,
}

# Fast, general-purpose hashes: fine for checksums, wrong for passwords.
FAST_HASHES = frozenset(
    f"hashlib.{n}"
    for n in (
        "md5",
        "sha1",
        "sha224",
        "sha256",
        "sha384",
        "sha512",
        "sha3_224",
        "sha3_256",
        "sha3_384",
        "sha3_512",
        "blake2b",
        "blake2s",
        "new",
    )
) | frozenset(
    {
        "hmac.new",
        "hmac.digest",
        "Crypto.Hash.MD5.new",
        "Crypto.Hash.SHA1.new",
        "Crypto.Hash.SHA256.new",
        "Cryptodome.Hash.MD5.new",
        "Cryptodome.Hash.SHA256.new",
    }
)
WEAK_HASHES = frozenset(
    {"hashlib.md5", "hashlib.sha1", "Crypto.Hash.MD5.new", "Crypto.Hash.SHA1.new", "Cryptodome.Hash.MD5.new"}
)
WEAK_HASH_NAMES = frozenset({"md5", "sha1", "sha-1", "md4", "md5-sha1"})  # `hashlib.new(name)`

# Slow password hashes and KDFs: their output is no longer a plaintext password.
PASSWORD_HASHERS = frozenset(
    {
        "bcrypt.hashpw",
        "bcrypt.kdf",
        "hashlib.pbkdf2_hmac",
        "hashlib.scrypt",
        "django.contrib.auth.hashers.make_password",
        "werkzeug.security.generate_password_hash",
        "flask_bcrypt.generate_password_hash",
        "passlib.hash.bcrypt.hash",
        "passlib.hash.argon2.hash",
        "passlib.hash.pbkdf2_sha256.hash",
        "passlib.hash.sha512_crypt.hash",
        "passlib.hash.bcrypt_sha256.hash",
        "passlib.hash.scrypt.hash",
        "argon2.PasswordHasher.hash",
        "argon2.low_level.hash_secret",
        "argon2.low_level.hash_secret_raw",
        "crypt.crypt",
    }
)
# Methods named like this on any object hash passwords (argon2 `ph.hash`, passlib `ctx.hash`, `bcrypt.hash`).
PASSWORD_HASH_METHODS = frozenset(
    {"hash", "hashpw", "encrypt", "make_password", "generate_password_hash", "set_password", "derive", "hash_password"}
)

# Calls that return something built from their arguments (labels flow through).
PROPAGATORS = frozenset(
    {
        "str",
        "bytes",
        "bytearray",
        "hex",
        "oct",
        "bin",
        "format",
        "repr",
        "ascii",
        "list",
        "tuple",
        "set",
        "frozenset",
        "sorted",
        "reversed",
        "chr",
        "dict",
        "iter",
        "next",
        "min",
        "max",
        "base64.b64encode",
        "base64.urlsafe_b64encode",
        "base64.b32encode",
        "base64.b16encode",
        "base64.b85encode",
        "base64.b64decode",
        "base64.urlsafe_b64decode",
        "base64.encodebytes",
        "binascii.hexlify",
        "binascii.b2a_hex",
        "codecs.encode",
        "codecs.decode",
        "urllib.parse.unquote",
        "urllib.parse.unquote_plus",
        "urllib.parse.urlparse",
        "urllib.parse.urlsplit",
        "urllib.parse.parse_qs",
        "urllib.parse.parse_qsl",
        "urllib.parse.urlencode",
        "urllib.parse.urljoin",
        "os.path.join",
        "posixpath.join",
        "json.dumps",
        # Parsers: the document they return is the text they were given, field by field.
        "json.loads",
        "json.load",
        "simplejson.loads",
        "ujson.loads",
        "orjson.loads",
        "rapidjson.loads",
        "yaml.safe_load",
        "xmltodict.parse",
        "ast.literal_eval",
        "string.Template",
        "functools.reduce",
        "itertools.chain",
    }
)
#: Markdown renderers: the HTML they return is built from the text they are given, and writes the HTML that
#: text holds as it is (Python-Markdown passes raw HTML through).
MARKDOWN_RENDERERS = frozenset({"markdown.markdown", "markdown.Markdown.convert", "markdown2.markdown", "mistune.html"})
# Methods that return (part of) their receiver or arguments: str/bytes methods and digests.
PROPAGATING_METHODS = frozenset(
    {
        "join",
        "format",
        "format_map",
        "encode",
        "decode",
        "strip",
        "lstrip",
        "rstrip",
        "upper",
        "lower",
        "title",
        "capitalize",
        "casefold",
        "replace",
        "zfill",
        "ljust",
        "rjust",
        "center",
        "split",
        "rsplit",
        "splitlines",
        "partition",
        "rpartition",
        "removeprefix",
        "removesuffix",
        "translate",
        "expandtabs",
        "swapcase",
        "hexdigest",
        "digest",
        "hex",
        "copy",
        "get",
        "getlist",  # one field's values (werkzeug's MultiDict, Django's QueryDict)
        "getall",
        "getone",
        "get_all",
        "pop",
        "values",
        "items",
        "keys",
        "setdefault",
        "tobytes",
        "tolist",
        "item",
        "astype",
        "to_bytes",
        "as_integer_ratio",
        "substitute",
        "safe_substitute",
    }
)

# Labels that mean "a value an attacker can predict".
PREDICTABLE = (L.SEEDED, L.TIME, L.RANDOM, L.UUID1)

# Escapers: their output is safe inside HTML (not inside SQL).
HTML_ESCAPERS = frozenset(
    {
        "html.escape",
        "markupsafe.escape",
        "markupsafe.Markup.escape",
        "jinja2.escape",
        "jinja2.utils.escape",
        "flask.escape",
        "werkzeug.utils.escape",
        "django.utils.html.escape",
        "django.utils.html.conditional_escape",
        "django.utils.html.strip_tags",
        "bleach.clean",
        "bleach.linkify",
        "nh3.clean",
        "xml.sax.saxutils.escape",
        "cgi.escape",
        "tornado.escape.xhtml_escape",
        "bottle.html_escape",
        "markupsafe.soft_str",
        "django.utils.html.escapejs",
        "urllib.parse.quote",
        "urllib.parse.quote_plus",
        "urllib.parse.urlencode",
        "django.utils.http.urlencode",
    }
)
# Markup strings escape what `%` and `.format()` put into them.
MARKUP_CLASSES = frozenset({"markupsafe.Markup", "jinja2.Markup", "flask.Markup", "jinja2.utils.Markup"})
# Builders of markup that escape what they interpolate, and the frameworks' renderers of template files.
HTML_SAFE_BUILDERS = frozenset(
    {
        "django.utils.html.format_html",
        "django.utils.html.format_html_join",
        "django.utils.html.json_script",
    }
) | known.union("page_renderers")
# Conversions whose result cannot carry markup or SQL: numbers, UUIDs, booleans, lengths.
NUMERIC_SANITISERS = frozenset(
    {
        "int",
        "float",
        "bool",
        "len",
        "abs",
        "round",
        "ord",
        "complex",
        "sum",
        "divmod",
        "uuid.UUID",
        "decimal.Decimal",
        "datetime.date.fromisoformat",
        "datetime.datetime.fromisoformat",
        "ipaddress.ip_address",
        "math.ceil",
        "math.floor",
        "math.trunc",
    }
)
# Methods that quote an identifier or escape a literal for SQL.
SQL_QUOTING_METHODS = frozenset(
    {
        "quote",
        "quote_identifier",
        "quote_name",
        "quote_ident",
        "format_table",
        "format_column",
        "quote_schema",
        "escape_string",
        "escape_literal",
        "escape_identifier",
        "literal",
    }
)
# Safe SQL composition objects.
SQL_SAFE_PREFIXES = ("psycopg.sql.", "psycopg2.sql.")

# Formatted tracebacks: internals (paths, code, SQL) that must not reach a client.
TRACEBACK_CALLS = frozenset(
    {
        "traceback.format_exc",
        "traceback.format_exception",
        "traceback.format_tb",
        "traceback.format_stack",
        "traceback.print_exc",
        "sys.exc_info",
    }
)
# Exceptions whose message describes the system rather than the request: catch-alls, databases, I/O.
INTERNAL_EXCEPTIONS = frozenset(
    {
        "Exception",
        "BaseException",
        "OSError",
        "IOError",
        "EnvironmentError",
        "DatabaseError",
        "OperationalError",
        "ProgrammingError",
        "IntegrityError",
        "InterfaceError",
        "InternalError",
        "SQLAlchemyError",
        "DBAPIError",
        "PyMongoError",  # MongoDB's driver, Redis's, asyncpg's and PyMySQL's base errors
        "OperationFailure",
        "RedisError",
        "PostgresError",
        "MySQLError",
        "Error",
        "ConnectionError",
        "TimeoutError",
        "RuntimeError",
        "ImportError",
        "KeyError",
        "AttributeError",
        "TypeError",
        "NameError",
    }
)
# Of those, the ones that catch everything, and the ones whose text names the program's own keys,
# attributes and types.
CATCH_ALLS = frozenset({"Exception", "BaseException"})
# Errors named `Error` that describe the input being parsed, not a database: `csv.Error` says which line
# of the uploaded file is malformed.
INPUT_PARSE_ERRORS = frozenset({"csv.Error", "binascii.Error", "configparser.Error", "email.errors.MessageError"})
PROGRAM_ERRORS = frozenset({"KeyError", "AttributeError", "TypeError", "NameError"})
# Caught by name, the errors a database, the network or the file system raise: their text describes the
# system. `RuntimeError` is what a program raises with a sentence of its own.
SYSTEM_EXCEPTIONS = INTERNAL_EXCEPTIONS - PROGRAM_ERRORS - CATCH_ALLS - {"RuntimeError"}

# Translations of a literal: the message catalogue is part of the application.
TRANSLATIONS = frozenset(
    {
        "_",
        "gettext",
        "gettext_lazy",
        "ugettext",
        "ugettext_lazy",
        "pgettext",
        "pgettext_lazy",
        "ngettext",
        "ngettext_lazy",
        "npgettext",
        "lazy_gettext",
        "lazy_pgettext",
        "_l",
    }
)


# The regex parser: `re._parser` from Python 3.11, `sre_parse` before (deprecated since).
_regex_parser = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")

#: Characters a plain-text pattern may admit beside word characters and digits.
_PLAIN_EXTRA = frozenset(".-_$")


def plain_whole_match(pattern: str, method: str) -> bool:
    r"""Whether text that `re.<method>(pattern, text)` accepts is, whole, made of word characters, digits,
    `.`, `-`, `_` and `$`: no markup, quote, space or SQL operator. The pattern must reach both ends of the
    text (`fullmatch`, or `^`/`\A` for `search`, and `$`/`\Z`)."""
    try:
        parsed = list(_regex_parser.parse(pattern))
    except Exception:  # noqa: BLE001 - an unreadable pattern vouches for nothing
        return False
    codes = _regex_parser
    at, at_end = codes.AT, (codes.AT_END, codes.AT_END_STRING)
    if method != "fullmatch":
        starts = (codes.AT_BEGINNING, codes.AT_BEGINNING_STRING)
        if method == "search" and not (parsed and parsed[0][0] is at and parsed[0][1] in starts):
            return False
        if not (parsed and parsed[-1][0] is at and parsed[-1][1] in at_end):
            return False
    return bool(parsed) and _plain_items(parsed, codes)


def plain_pieces(pattern: str) -> bool:
    """Whether every match of `pattern` (what `re.findall` returns) is made of plain characters only, as
    `plain_whole_match` defines them: `[a-z0-9]+` finds words, `[\\w'-]+` may find a quote."""
    try:
        parsed = list(_regex_parser.parse(pattern))
    except Exception:  # noqa: BLE001 - an unreadable pattern vouches for nothing
        return False
    return bool(parsed) and _plain_items(parsed, _regex_parser)


def _plain_items(items, codes) -> bool:  # noqa: ANN001 - the parser's own types
    for op, arg in items:
        if op is codes.AT:
            continue
        if op is codes.LITERAL:
            if not (chr(arg).isalnum() or chr(arg) in _PLAIN_EXTRA):
                return False
        elif op is codes.IN:
            for inner_op, inner_arg in arg:
                if inner_op is codes.LITERAL and (chr(inner_arg).isalnum() or chr(inner_arg) in _PLAIN_EXTRA):
                    continue
                if inner_op is codes.RANGE and all(chr(c).isalnum() for c in inner_arg):
                    continue
                if inner_op is codes.CATEGORY and inner_arg in (codes.CATEGORY_WORD, codes.CATEGORY_DIGIT):
                    continue
                return False
        elif op in (codes.MAX_REPEAT, codes.MIN_REPEAT):
            if not _plain_items(arg[2], codes):
                return False
        elif op is codes.SUBPATTERN:
            if not _plain_items(arg[-1], codes):
                return False
        elif op is codes.BRANCH:
            if not all(_plain_items(branch, codes) for branch in arg[1]):
                return False
        else:
            return False  # `.`, a negated class, a back-reference: anything may pass
    return True
