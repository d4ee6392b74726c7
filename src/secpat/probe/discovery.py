"""Which endpoints to probe: from the app's OpenAPI document, a bounded crawl of its pages
(links, forms, robots.txt, sitemap.xml, a few usual paths), and from options.

Endpoints are classified by method, path, operationId and field names, the way the static
route table classifies views: a POST that reads a username and a password is a login (or a
token endpoint when its path or name says token); a GET with a string query parameter is a
place to reflect markers and quotes; a GET that needs a bearer token is where forged tokens
are tried. Options name endpoints explicitly and override what was found. The crawl never
leaves the target's origin and prefix, and stops at its page and depth limits.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qsl, unquote_plus, urljoin, urlsplit

from secpat.probe.client import ProbeClient

USERNAME_FIELD = re.compile(r"^(user(_?name)?|e-?mail(_?address)?|login|account|identifier|handle)$", re.I)
PASSWORD_FIELD = re.compile(r"^(pass(word)?|passwd|pwd|passphrase)$", re.I)
CSRF_FIELD = re.compile(r"csrf|xsrf|authenticity_token|^_token$|anti_?forgery|request_?verification", re.I)

_WORDS = re.compile(r"[a-z]+")
_LOGIN = {"login", "signin", "logon", "session", "sessions", "auth", "authenticate"}
_TOKEN = {"token", "tokens", "jwt", "oauth", "oauth2"}
_NOT_LOGIN = {
    "register",
    "registration",
    "signup",
    "join",
    "reset",
    "forgot",
    "recover",
    "change",
    "users",
    "password",
    "verify",
    "confirm",
    "logout",
    "signout",
    "refresh",
}
_NOT_FORM = _NOT_LOGIN | _LOGIN | _TOKEN | {"delete", "remove", "destroy", "logoff", "deactivate"}
_REGISTER = {"register", "registration", "signup", "join"}
_RESET = {"reset", "forgot", "recover", "recovery", "lost"}
_LOGOUT = {"logout", "signout", "logoff"}
_METHODS = ("get", "post", "put", "patch", "delete")
_MAX_PARAMS = 6
_MAX_FORMS = 6
_MAX_PAGES = 6
_TEXT_INPUTS = ("text", "search", "email", "textarea", "tel", "url", "number", "string", "integer")


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    type: str = "string"  # string | integer | number | boolean | password | hidden | email | …
    required: bool = False
    value: str | None = None  # the value an HTML page gave the field (hidden inputs, defaults)


@dataclass(frozen=True, slots=True)
class Endpoint:
    method: str
    path: str
    body: str = "form"  # form | json | none
    fields: tuple[Field, ...] = ()
    query: tuple[Field, ...] = ()
    bearer: bool = False  # documented as needing a bearer token
    html: bool = False  # documented or seen to answer with HTML
    page: str | None = None  # the page whose HTML form this request submits
    name: str = ""  # operationId or form id
    source: str = ""  # "openapi", "option" or "form on /page"

    def field_names(self) -> set[str]:
        return {f.name for f in self.fields}

    @property
    def csrf_field(self) -> str | None:
        """The form's CSRF token field (a hidden field named like one), if it has one."""
        return next((f.name for f in self.fields if f.type == "hidden" and CSRF_FIELD.search(f.name)), None)


@dataclass(frozen=True, slots=True)
class Login:
    """A credential-checking endpoint and the names of its two fields."""

    endpoint: Endpoint
    username_field: str
    password_field: str


@dataclass(frozen=True, slots=True)
class Param:
    endpoint: Endpoint  # a GET (the value goes in the query) or a POST form (in the body)
    name: str
    value: str | None = None  # an example value: given with --param, or seen in a link or a form

    @property
    def where(self) -> str:
        return (
            f"{self.endpoint.path}?{self.name}"
            if self.endpoint.method == "GET"
            else f"{self.endpoint.method} {self.endpoint.path} {self.name}"
        )


@dataclass(slots=True)
class Endpoints:
    openapi: str | None = None  # the path the OpenAPI document was read from
    login: Login | None = None
    token: Login | None = None
    forms: list[Endpoint] = field(default_factory=list)  # state-changing requests for CSRF101
    params: list[Param] = field(default_factory=list)  # query parameters for XSS101 / SQL101
    form_params: list[Param] = field(default_factory=list)  # fields of state-changing POST forms
    api: list[Endpoint] = field(default_factory=list)  # GET endpoints that need the bearer token
    pages: list[str] = field(default_factory=list)  # HTML pages for CONF104
    json_posts: list[Endpoint] = field(default_factory=list)  # JSON bodies to send malformed JSON to
    register: Endpoint | None = None  # account registration (RATE102)
    reset: Endpoint | None = None  # password-reset request (RATE102)
    logout: Endpoint | None = None  # a POST form or a link that ends the session (CONF110)
    crawled: list[str] = field(default_factory=list)  # pages the crawl read
    behind_login: list[str] = field(default_factory=list)  # pages that sent the crawl to the login
    crawler: Crawler | None = field(default=None, repr=False)  # to read behind_login once logged in

    def describe(self) -> list[str]:
        """One line per kind of endpoint, for the report."""
        lines = []
        if self.login:
            lines.append(
                f"login: {self.login.endpoint.method} {self.login.endpoint.path} "
                f"({self.login.username_field}, {self.login.password_field}; {self.login.endpoint.source})"
            )
        if self.token:
            lines.append(
                f"token: {self.token.endpoint.method} {self.token.endpoint.path} "
                f"({self.token.username_field}, {self.token.password_field}; {self.token.endpoint.source})"
            )
        if self.forms:
            lines.append("forms: " + ", ".join(f"{e.method} {e.path}" for e in self.forms))
        if self.params:
            lines.append("parameters: " + ", ".join(f"{p.endpoint.path}?{p.name}" for p in self.params))
        if self.form_params:
            lines.append("form fields: " + ", ".join(f"{p.endpoint.path} {p.name}" for p in self.form_params))
        for kind, endpoint in (("registration", self.register), ("password reset", self.reset)):
            if endpoint is not None:
                lines.append(f"{kind}: {endpoint.method} {endpoint.path} ({endpoint.source})")
        if self.logout is not None:
            lines.append(f"logout: {self.logout.method} {self.logout.path} ({self.logout.source})")
        if self.crawled:
            lines.append(f"crawled: {len(self.crawled)} pages")
        if self.api:
            lines.append("bearer endpoints: " + ", ".join(e.path for e in self.api))
        if self.pages:
            lines.append("pages: " + ", ".join(self.pages))
        return lines


# -- OpenAPI ---------------------------------------------------------------------------


def from_openapi(doc: Mapping[str, Any], prefix: str = "") -> Endpoints:
    """Endpoints of an OpenAPI 3 (or Swagger 2) document, classified; paths get `prefix`."""
    operations = list(_operations(doc, prefix))
    found = Endpoints()
    logins = [e for e in operations if _credentials(e) and not _is_token(e) and _login_like(e)]
    tokens = [e for e in operations if _credentials(e) and _is_token(e)]
    # A browser login form first: its cookie is the session CSRF101 and CONF103 are about.
    logins.sort(key=lambda e: (e.body != "form", not _words(e) & _LOGIN, e.path))
    tokens.sort(key=lambda e: (e.body != "json", e.path))
    if logins:
        found.login = _login_of(logins[0])
    elif tokens:
        found.login = _login_of(tokens[0])
    if tokens:
        found.token = _login_of(tokens[0])
    elif logins and logins[0].body == "json":
        found.token = found.login
    for e in operations:
        words = _words(e)
        required_path = "{" in e.path
        if e.method == "POST" and e.body == "json" and not required_path and e not in (logins[:1] + tokens[:1]):
            found.json_posts.append(e)
        if e.method == "GET" and not required_path:
            for q in e.query:
                if q.type == "string" and not CSRF_FIELD.search(q.name) and len(found.params) < _MAX_PARAMS:
                    found.params.append(Param(e, q.name))
            if e.bearer and not any(q.required for q in e.query):
                found.api.append(e)
            if e.html and not any(q.required for q in e.query) and len(found.pages) < _MAX_PAGES:
                found.pages.append(e.path)
        if (
            e.method in ("POST", "PUT", "PATCH")
            and e.body in ("form", "none")
            and not e.bearer
            and not required_path
            and not words & _NOT_FORM
            and not _credentials(e)
            and len(found.forms) < _MAX_FORMS
        ):
            found.forms.append(e)
            for f in e.fields:
                if f.type in ("string", "email") and not CSRF_FIELD.search(f.name):
                    _add_param(found.form_params, Param(e, f.name))
        if e.method == "POST" and not required_path and _words(e) & _LOGOUT and found.logout is None:
            found.logout = e
        if e.method == "POST" and not required_path:
            kind = _account_kind(e)
            if kind == "register" and found.register is None:
                found.register = e
            elif kind == "reset" and found.reset is None:
                found.reset = e
                for f in e.fields:
                    if f.type in ("string", "email") and e.body == "form" and not CSRF_FIELD.search(f.name):
                        _add_param(found.form_params, Param(e, f.name))
    if not found.api and found.token is not None:
        # No security scheme documented: try GETs under the token endpoint's first segment (/api/…).
        root = _first_segment(found.token.endpoint.path)
        found.api = [
            e
            for e in operations
            if e.method == "GET"
            and root
            and _first_segment(e.path) == root
            and "{" not in e.path
            and not any(q.required for q in e.query)
        ][:2]
    found.pages.sort(key=lambda p: (p != "/", p))
    return found


def _operations(doc: Mapping[str, Any], prefix: str = "") -> Iterable[Endpoint]:
    resolver = _Resolver(doc)
    schemes = (
        resolver.get(doc.get("components", {})).get("securitySchemes", {}) or doc.get("securityDefinitions", {}) or {}
    )
    bearer_schemes = {name for name, scheme in schemes.items() if _is_bearer(resolver.get(scheme))}
    default_security = doc.get("security") or []
    for path, item in (doc.get("paths") or {}).items():
        item = resolver.get(item)
        if not isinstance(item, dict) or not isinstance(path, str):
            continue
        shared = [resolver.get(p) for p in item.get("parameters", []) or []]
        for method in _METHODS:
            if method not in item:
                continue
            op = resolver.get(item[method])
            if not isinstance(op, dict):
                continue
            params = [
                p for p in shared + [resolver.get(p) for p in op.get("parameters", []) or []] if isinstance(p, dict)
            ]
            query = tuple(_param_field(resolver, p) for p in params if p.get("in") == "query")
            headers = {str(p.get("name", "")).lower() for p in params if p.get("in") == "header"}
            body, fields = _body(resolver, op, params)
            security = op.get("security", default_security) or []
            bearer = "authorization" in headers or any(
                name in bearer_schemes
                for requirement in security
                if isinstance(requirement, dict)
                for name in requirement
            )
            yield Endpoint(
                method=method.upper(),
                path=prefix + path,
                body=body,
                fields=fields,
                query=query,
                bearer=bearer,
                html=_answers_html(resolver, op),
                name=str(op.get("operationId") or ""),
                source="openapi",
            )


class _Resolver:
    """Follows local `$ref`s (`#/components/schemas/X`), with a depth limit against cycles."""

    def __init__(self, doc: Mapping[str, Any]) -> None:
        self.doc = doc

    def get(self, node: Any, depth: int = 0) -> Any:
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and depth < 20:
            ref = node["$ref"]
            if not ref.startswith("#/"):
                return {}
            target: Any = self.doc
            for part in ref[2:].split("/"):
                target = target.get(part.replace("~1", "/").replace("~0", "~"), {}) if isinstance(target, dict) else {}
            node, depth = target, depth + 1
        return node if node is not None else {}


def _is_bearer(scheme: Any) -> bool:
    if not isinstance(scheme, dict):
        return False
    kind = str(scheme.get("type", "")).lower()
    return (
        (kind == "http" and str(scheme.get("scheme", "")).lower() == "bearer")
        or kind in ("oauth2", "openidconnect")
        or (kind == "apikey" and str(scheme.get("name", "")).lower() == "authorization")
    )


def _schema_type(resolver: _Resolver, schema: Any) -> str:
    schema = resolver.get(schema)
    if not isinstance(schema, dict):
        return "string"
    if "type" in schema and isinstance(schema["type"], str):
        return "password" if schema.get("format") == "password" else schema["type"]
    for key in ("anyOf", "oneOf", "allOf"):
        for option in schema.get(key, []) or []:
            kind = _schema_type(resolver, option)
            if kind != "null":
                return kind
    return "string"


def _param_field(resolver: _Resolver, param: Mapping[str, Any]) -> Field:
    schema = param.get("schema") or {"type": param.get("type", "string")}
    return Field(str(param.get("name", "")), _schema_type(resolver, schema), bool(param.get("required")))


def _body(resolver: _Resolver, op: Mapping[str, Any], params: list[Any]) -> tuple[str, tuple[Field, ...]]:
    content = resolver.get(resolver.get(op.get("requestBody")).get("content")) if op.get("requestBody") else {}
    if isinstance(content, dict) and content:
        for media, kind in (
            ("application/x-www-form-urlencoded", "form"),
            ("multipart/form-data", "form"),
            ("application/json", "json"),
        ):
            if media in content:
                return kind, _schema_fields(resolver, resolver.get(content[media]).get("schema"))
        return "json", ()
    # Swagger 2: body and formData parameters.
    form = [p for p in params if isinstance(p, dict) and p.get("in") == "formData"]
    if form:
        return "form", tuple(_param_field(resolver, p) for p in form)
    body = [p for p in params if isinstance(p, dict) and p.get("in") == "body"]
    if body:
        return "json", _schema_fields(resolver, body[0].get("schema"))
    return "none", ()


def _schema_fields(resolver: _Resolver, schema: Any) -> tuple[Field, ...]:
    schema = resolver.get(schema)
    if not isinstance(schema, dict):
        return ()
    properties: dict[str, Any] = {}
    required: set[str] = set()
    for part in [schema, *[resolver.get(s) for s in schema.get("allOf", []) or []]]:
        if isinstance(part, dict):
            properties.update(part.get("properties") or {})
            required.update(part.get("required") or [])
    return tuple(Field(str(name), _schema_type(resolver, prop), name in required) for name, prop in properties.items())


def _answers_html(resolver: _Resolver, op: Mapping[str, Any]) -> bool:
    for code, response in (op.get("responses") or {}).items():
        if str(code).startswith("2") and "text/html" in (resolver.get(response).get("content") or {}):
            return True
    return "text/html" in (op.get("produces") or [])


def _words(e: Endpoint) -> set[str]:
    text = f"{e.path} {_split_camel(e.name)}".lower().replace("sign-in", "signin").replace("sign_in", "signin")
    text = text.replace("sign-up", "signup").replace("sign_up", "signup").replace("log-in", "login")
    text = text.replace("log_in", "login").replace("log-out", "logout").replace("log_out", "logout")
    return set(_WORDS.findall(text))


def _split_camel(name: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "_", name)


def _login_like(e: Endpoint) -> bool:
    words = _words(e)
    return bool(words & _LOGIN) or not words & _NOT_LOGIN


def _credentials(e: Endpoint) -> bool:
    return e.method == "POST" and _username_field(e) is not None and _password_field(e) is not None


def _is_token(e: Endpoint) -> bool:
    return bool(_words(e) & _TOKEN)


def _username_field(e: Endpoint) -> str | None:
    names = [f.name for f in e.fields]
    return next((n for n in names if USERNAME_FIELD.match(n)), None)


def _password_field(e: Endpoint) -> str | None:
    names = [f.name for f in e.fields]
    found = [n for n in names if PASSWORD_FIELD.match(n)] or [f.name for f in e.fields if f.type == "password"]
    return found[0] if len(found) == 1 else None  # two password fields: a change or a registration


def _account_kind(e: Endpoint) -> str | None:
    """ "register" for a registration, "reset" for a password-reset request (an address, no password)."""
    words = _words(e)
    has_user = _username_field(e) is not None
    passwords = [f for f in e.fields if f.type == "password" or PASSWORD_FIELD.match(f.name)]
    if words & _REGISTER and has_user and passwords:
        return "register"
    if words & _RESET and has_user and not passwords and not words & {"confirm", "verify"}:
        return "reset"
    return None


def _login_of(e: Endpoint) -> Login:
    return Login(e, _username_field(e) or "username", _password_field(e) or "password")


def _first_segment(path: str) -> str:
    parts = [p for p in path.split("/") if p]
    return parts[0] if len(parts) > 1 else ""


# -- HTML forms ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HtmlForm:
    method: str
    action: str  # path (and query) on the same site
    fields: tuple[Field, ...]
    page: str

    @property
    def password_fields(self) -> list[Field]:
        return [f for f in self.fields if f.type == "password" or PASSWORD_FIELD.match(f.name)]

    def as_endpoint(self) -> Endpoint:
        return Endpoint(
            self.method,
            self.action,
            body="form" if self.method != "GET" else "none",
            fields=self.fields if self.method != "GET" else (),
            query=self.fields if self.method == "GET" else (),
            html=True,
            page=self.page,
            source=f"form on {self.page}",
        )


class _PageParser(HTMLParser):
    """The forms (with their fields) and the links of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[tuple[dict[str, str], list[Field]]] = []
        self.links: list[str] = []
        self._in_form = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag in ("iframe", "frame") and a.get("src"):
            self.links.append(a["src"])
        if tag == "form":
            self.forms.append((a, []))
            self._in_form = True
        elif not self._in_form:
            return
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.forms[-1][1].append(Field(a["name"], kind, "required" in a, a.get("value")))
        elif tag in ("textarea", "select") and a.get("name"):
            self.forms[-1][1].append(Field(a["name"], tag, "required" in a, None))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._in_form = False


def _parse(html: str) -> _PageParser:
    parser = _PageParser()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):  # html.parser gives up on some broken markup
        pass
    return parser


def parse_forms(html: str, page: str) -> list[HtmlForm]:
    """The forms of an HTML page, with their actions resolved against `page` (same site only)."""
    return _forms(_parse(html), page)


def _forms(parser: _PageParser, page: str) -> list[HtmlForm]:
    forms = []
    for attrs, fields in parser.forms:
        action = urljoin(page, attrs.get("action") or page)
        parts = urlsplit(action)
        if parts.scheme or parts.netloc:
            continue  # an absolute URL: possibly another site, never probed
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        forms.append(HtmlForm((attrs.get("method") or "get").upper(), target or page, tuple(fields), page))
    return forms


def login_from_form(form: HtmlForm) -> Login | None:
    """A form with exactly one password field and a username-like (or the first text) field."""
    passwords = form.password_fields
    if form.method != "POST" or len(passwords) != 1:
        return None
    texts = [f for f in form.fields if f.type in ("text", "email", "tel") and f not in passwords]
    user = next((f for f in texts if USERNAME_FIELD.match(f.name)), texts[0] if texts else None)
    if user is None:
        return None
    return Login(form.as_endpoint(), user.name, passwords[0].name)


def _injectable(f: Field) -> bool:
    """A field a person types into (not a token, a choice or a password)."""
    return f.type in _TEXT_INPUTS and not CSRF_FIELD.search(f.name) and not PASSWORD_FIELD.match(f.name)


def _add_param(params: list[Param], param: Param) -> None:
    """Add a parameter once; a later sighting with an example value gives the value to the first."""
    for i, p in enumerate(params):
        if (
            p.endpoint.method == param.endpoint.method
            and p.endpoint.path == param.endpoint.path
            and p.name == param.name
        ):
            if p.value is None and param.value is not None:
                params[i] = replace(p, value=param.value)
            return
    if len(params) < _MAX_PARAMS:
        params.append(param)


def _prefer_page(found: Endpoints, endpoint: Endpoint) -> None:
    """A documented endpoint that a page's form submits is posted as the form: from its page, with
    the page's hidden fields (a CSRF token) and cookies."""

    def same(e: Endpoint | None) -> bool:
        return e is not None and e.page is None and e.method == endpoint.method and e.path == endpoint.path

    found.forms = [endpoint if same(e) else e for e in found.forms]
    found.form_params = [replace(p, endpoint=endpoint) if same(p.endpoint) else p for p in found.form_params]
    if same(found.register):
        found.register = endpoint
    if same(found.reset):
        found.reset = endpoint


def add_forms(found: Endpoints, forms: Iterable[HtmlForm], *, replace_login: bool = False) -> None:
    """Fill what is still missing from the forms of a page the probe fetched."""
    for form in forms:
        login = login_from_form(form)
        endpoint = form.as_endpoint()
        if form.method != "GET":
            _prefer_page(found, endpoint)
        if login is not None:
            if (found.login is None or replace_login) and _login_like(endpoint):
                found.login = login
                replace_login = False
            if _login_like(endpoint):
                continue
        if form.method == "GET":
            for f in form.fields:
                if _injectable(f):
                    _add_param(found.params, Param(endpoint, f.name, f.value or None))
            continue
        kind = _account_kind(endpoint)
        if _words(endpoint) & _LOGOUT:
            found.logout = found.logout or endpoint
        elif kind == "register":
            found.register = found.register or endpoint
        elif kind == "reset":
            found.reset = found.reset or endpoint
            for f in form.fields:
                if _injectable(f):
                    _add_param(found.form_params, Param(endpoint, f.name, f.value or None))
        elif not _words(endpoint) & _NOT_FORM and not form.password_fields:
            if len(found.forms) < _MAX_FORMS and not any(e.path == form.action for e in found.forms):
                found.forms.append(endpoint)
            for f in form.fields:
                if _injectable(f):
                    _add_param(found.form_params, Param(endpoint, f.name, f.value or None))


def with_fields(login: Login, username_field: str | None, password_field: str | None) -> Login:
    return replace(
        login,
        username_field=username_field or login.username_field,
        password_field=password_field or login.password_field,
    )


# -- the crawl ------------------------------------------------------------------------------

#: Usual places of login, registration, reset and token endpoints, tried last, when the crawl has
#: pages left and has not found that kind of endpoint.
COMMON_PATHS = {
    "login": ("/login", "/signin", "/accounts/login/", "/auth/login"),
    "register": ("/register", "/signup", "/accounts/signup/"),
    "reset": ("/password-reset", "/forgot-password", "/reset-password", "/accounts/password/reset/"),
    "token": ("/api/token", "/api/login", "/token"),
}
_STATIC = re.compile(
    r"\.(?:css|js|mjs|map|png|jpe?g|gif|svg|ico|webp|avif|bmp|woff2?|ttf|otf|eot|pdf|zip|gz|"
    r"tar|tgz|bz2|xz|7z|rar|mp[34]|webm|ogg|wav|avi|mov|exe|dmg|iso|apk|csv|xlsx?|docx?)$",
    re.I,
)
#: Links never followed: a GET on them may end the session or change data.
_RISKY = re.compile(r"log-?out|sign-?out|log-?off|delete|remove|destroy|unsubscribe|deactivate", re.I)
_MAX_LINKS = 200  # links read from one page
_MAX_SITEMAP = 50  # <loc> entries read from sitemap.xml


@dataclass(frozen=True, slots=True)
class CrawlLimits:
    pages: int = 20  # GETs the crawl may send, robots.txt and sitemap.xml included (0: no crawl)
    depth: int = 2  # links followed from the home page: 1 reads the pages it links to


class _SitemapParser(HTMLParser):
    """The `<loc>` entries of a sitemap (XML read as tag soup: nothing is resolved or expanded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.locations: list[str] = []
        self._in_loc = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_loc = tag == "loc"

    def handle_endtag(self, tag: str) -> None:
        self._in_loc = False

    def handle_data(self, data: str) -> None:
        if self._in_loc and data.strip() and len(self.locations) < _MAX_SITEMAP:
            self.locations.append(data.strip())


def sitemap_locations(text: str) -> list[str]:
    parser = _SitemapParser()
    try:
        parser.feed(text[:MAX_SITEMAP_CHARS])
        parser.close()
    except (AssertionError, ValueError):
        pass
    return parser.locations


MAX_SITEMAP_CHARS = 256 * 1024


def robots_paths(text: str) -> tuple[list[str], list[str]]:
    """The paths a robots.txt names (Allow and Disallow, up to a wildcard) and its Sitemap URLs."""
    paths, sitemaps = [], []
    for line in text.splitlines()[:500]:
        key, _, value = line.partition("#")[0].partition(":")
        key, value = key.strip().lower(), value.strip()
        if key in ("allow", "disallow") and value.startswith("/"):
            path = re.split(r"[*$]", value, maxsplit=1)[0]
            if path and path != "/":
                paths.append(path)
        elif key == "sitemap" and value:
            sitemaps.append(value)
    return paths, sitemaps


class Crawler:
    """A breadth-first walk over the target's own pages, bounded in pages and depth.

    Only GETs are sent, never to a link that reads as logout or delete, never outside the
    target's origin and path prefix. Each HTML page's forms and links feed the endpoints.
    """

    def __init__(self, client: ProbeClient, found: Endpoints, prefix: str, origin: str, limits: CrawlLimits) -> None:
        self.client = client
        self.found = found
        self.prefix = prefix
        self.origin = origin.rstrip("/")
        self.limits = limits
        self.sent = 0
        self.seen: set[str] = set()

    @property
    def pages_left(self) -> int:
        return self.limits.pages - self.sent

    def local(self, link: str, base: str) -> str | None:
        """`link` as a path (and query) under the target's prefix, or None when it leads elsewhere."""
        link = link.strip()
        if not link or link.startswith(("#", "mailto:", "javascript:", "tel:", "data:")):
            return None
        absolute = urljoin(f"{self.origin}{base}", link)
        parts = urlsplit(absolute)
        if f"{parts.scheme}://{parts.netloc}".lower() != self.origin.lower():
            return None
        path = parts.path or "/"
        if self.prefix and not (path == self.prefix or path.startswith(self.prefix + "/")):
            return None
        if _STATIC.search(path) or _RISKY.search(path):
            return None
        return path + (f"?{parts.query}" if parts.query else "")

    @staticmethod
    def key(path: str) -> str:
        """Pages differing only in query values are one page (a calendar is not a thousand pages)."""
        route, _, query = path.partition("?")
        return route + "?" + "&".join(sorted(k for k, _ in parse_qsl(query, keep_blank_values=True)))

    def get(self, path: str, note: str, cookies: Mapping[str, str] | None = None, accept: str = "text/html"):
        self.sent += 1
        return self.client.request("GET", path, note=note, headers={"Accept": accept}, cookies=cookies or None)

    def robots_and_sitemap(self) -> list[str]:
        """Paths named by robots.txt and sitemap.xml (same origin only)."""
        found: list[str] = []
        if self.pages_left <= 0:
            return found
        sitemaps = [_join(self.prefix, "/sitemap.xml")]
        robots = self.get(_join(self.prefix, "/robots.txt"), "robots.txt", accept="text/plain")
        if robots.status == 200 and robots.usable and not robots.is_html:
            paths, listed = robots_paths(robots.body)
            found += [p for p in (self.local(path, "/") for path in paths) if p]
            sitemaps = [m for m in (self.local(url, "/") for url in listed) if m][:1] or sitemaps
        if self.pages_left > 0:
            sitemap = self.get(sitemaps[0], "sitemap.xml", accept="application/xml")
            if sitemap.status == 200 and sitemap.usable and not sitemap.is_html:
                found += [p for p in (self.local(url, "/") for url in sitemap_locations(sitemap.body)) if p]
        return found

    def usual_paths(self) -> list[str]:
        """The usual paths of the kinds of endpoint not found yet."""
        have = {
            "login": self.found.login,
            "register": self.found.register,
            "reset": self.found.reset,
            "token": self.found.token,
        }
        return [
            _join(self.prefix, path) for kind, paths in COMMON_PATHS.items() if have[kind] is None for path in paths
        ]

    def crawl(
        self,
        start: Sequence[str],
        *,
        cookies: Mapping[str, str] | None = None,
        extra: Callable[[], Sequence[str]] | None = None,
        login_pages: Sequence[str] = (),
    ) -> None:
        """Read `start` (depth 0), then the pages they link to, level by level; the paths `extra`
        gives once the start pages are read (those robots.txt and the sitemap name) join at depth 1."""
        level = list(dict.fromkeys(start))
        depth = 0
        while level and self.pages_left > 0:
            next_level: list[str] = []
            for path in level:
                if self.pages_left <= 0:
                    return
                key = self.key(path)
                if key in self.seen:
                    continue
                self.seen.add(key)
                self._record_query(path)
                ex = self.get(path, "page (session)" if cookies else "page", cookies)
                if ex.redirect:
                    location = self.local(ex.header("location") or "", path.partition("?")[0])
                    if location and _words_of(location) & _LOGIN and not cookies:
                        self.found.behind_login.append(path)
                    elif location and depth < self.limits.depth:
                        next_level.append(location)
                    continue
                if not (ex.status == 200 and ex.usable and ex.is_html):
                    continue
                self.found.crawled.append(path)
                parser = _parse(ex.body)
                page = path.partition("?")[0]
                add_forms(self.found, _forms(parser, page), replace_login=page in login_pages)
                if path not in self.found.pages and len(self.found.pages) < _MAX_PAGES:
                    self.found.pages.append(path)
                if self.found.logout is None:
                    self.found.logout = self._logout_link(parser.links[:_MAX_LINKS], page)
                if depth < self.limits.depth:
                    next_level += [p for p in (self.local(link, page) for link in parser.links[:_MAX_LINKS]) if p]
            if depth == 0 and extra is not None:
                next_level += extra()
            level = list(dict.fromkeys(next_level))
            depth += 1

    def _logout_link(self, links: Sequence[str], page: str) -> Endpoint | None:
        """A same-site link that reads as logout: never crawled, kept for the logout check."""
        for link in links:
            absolute = urlsplit(urljoin(f"{self.origin}{page}", link.strip()))
            if (
                f"{absolute.scheme}://{absolute.netloc}".lower() == self.origin.lower()
                and _words_of(absolute.path) & _LOGOUT
            ):
                return Endpoint("GET", absolute.path, body="none", page=page, source=f"link on {page}")
        return None

    def _record_query(self, path: str) -> None:
        """A link with a query gives parameters, and an example value for each."""
        route, _, query = path.partition("?")
        for name, value in parse_qsl(query, keep_blank_values=True):
            if not CSRF_FIELD.search(name):
                _add_param(
                    self.found.params,
                    Param(Endpoint("GET", route, body="none", html=True, source="link"), name, value or None),
                )


def _words_of(path: str) -> set[str]:
    return _words(Endpoint("GET", path.partition("?")[0]))


# -- putting it together ----------------------------------------------------------------


def discover(
    client: ProbeClient,
    prefix: str,
    *,
    openapi: str | None = None,
    login: str | None = None,
    username_field: str | None = None,
    password_field: str | None = None,
    token_endpoint: str | None = None,
    forms: Sequence[str] = (),
    params: Sequence[str] = (),
    api: Sequence[str] = (),
    origin: str = "",
    crawl: CrawlLimits = CrawlLimits(),
) -> Endpoints:
    """Read the OpenAPI document (if any), crawl the site's pages, and read the pages named by
    options; options win. Every path in the result is site-absolute, with the target's prefix.
    """
    found = Endpoints()
    documented: dict[tuple[str, str], Endpoint] = {}
    if openapi != "":
        location = _join(prefix, openapi or "/openapi.json")
        ex = client.request("GET", location, note="OpenAPI document", headers={"Accept": "application/json"})
        doc = _json(ex.body) if ex.status == 200 else None
        if isinstance(doc, dict) and isinstance(doc.get("paths"), dict):
            found = from_openapi(doc, prefix)
            found.openapi = location
            documented = {(e.method, e.path): e for e in _operations(doc, prefix)}
    login_page = _join(prefix, login) if login else None
    home = _join(prefix, "/")
    crawler = Crawler(client, found, prefix, origin, crawl)
    found.crawler = crawler
    if crawl.pages > 0:
        crawler.crawl(
            [home, *([login_page] if login_page else [])],
            extra=crawler.robots_and_sitemap,
            login_pages=[login_page] if login_page else [],
        )
        crawler.crawl(crawler.usual_paths())
    else:
        # No crawl: the home page (without an OpenAPI document), and the login page.
        pages = [home] if found.openapi is None else []
        pages += [login_page] if login_page else [_join(prefix, "/login")] if found.openapi is None else []
        crawler.limits = CrawlLimits(pages=len(pages), depth=0)
        for page in pages:
            if page == _join(prefix, "/login") and not login and found.login is not None:
                continue
            crawler.crawl([page], login_pages=[login_page] if login_page else [])
    if login_page:
        path = login_page
        if found.login is None or found.login.endpoint.path != path and found.login.endpoint.page != path:
            known = documented.get(("POST", path))
            found.login = (
                _login_of(known)
                if known and _credentials(known)
                else Login(Endpoint("POST", path, source="option"), "username", "password")
            )
    if found.login is not None:
        found.login = with_fields(found.login, username_field, password_field)
    if token_endpoint:
        path = _join(prefix, token_endpoint)
        known = documented.get(("POST", path))
        found.token = (
            _login_of(known)
            if known and _credentials(known)
            else Login(
                Endpoint("POST", path, body="json", source="option"),
                username_field or "username",
                password_field or "password",
            )
        )
    if forms:
        found.forms = [
            documented.get(("POST", _join(prefix, f))) or Endpoint("POST", _join(prefix, f), source="option")
            for f in forms
        ]
    if params:
        found.params = []
        for spec in params:
            path, _, query = spec.partition("?")
            name, has_value, value = query.partition("=")
            endpoint = documented.get(("GET", _join(prefix, path))) or Endpoint(
                "GET", _join(prefix, path), body="none", source="option"
            )
            found.params.append(Param(endpoint, name or "q", unquote_plus(value) if has_value else None))
    if api:
        found.api = [
            documented.get(("GET", _join(prefix, a)))
            or Endpoint("GET", _join(prefix, a), body="none", bearer=True, source="option")
            for a in api
        ]
    return found


def _join(prefix: str, path: str) -> str:
    return prefix + (path if path.startswith("/") else f"/{path}")


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None
