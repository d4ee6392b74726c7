"""Known credential formats: cloud keys, VCS tokens, chat, payment and AI-API keys, private
key blocks, JWTs, URLs with a password.

Each format has an id, a description, a regex whose `secret` group is the
credential, and lower-case keywords, one of which occurs in every match. A file's
text is scanned once for all keywords together (one alternation); only the lines
where a keyword occurs are tried against the formats that keyword belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote

from ahocorasick_rs import AhoCorasick, MatchKind

from secpat.levels import Confidence
from secpat.secrets.entropy import is_placeholder, judge_format_secret, looks_like_label
from secpat.secrets.masking import mask


@dataclass(frozen=True, slots=True)
class Format:
    id: str  # kebab-case, shown in messages and in `Finding.extra`
    description: str
    regex: re.Pattern[str]  # the `secret` group is the credential
    keywords: tuple[str, ...]  # lower case; a line is tried only if one of them occurs in it
    public_prefix: int = 0  # leading characters that are the format's fixed marker, not secret
    confidence: Confidence = Confidence.HIGH
    multiline: bool = False  # the secret continues on the following lines (key blocks)
    accept: Callable[[re.Match[str]], bool] | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class FormatMatch:
    format: Format
    line: int  # 1-based
    col: int  # 0-based, where the secret starts on that line
    secret: str  # only ever shown masked
    masked: str
    host: str | None = None  # for a URL with a password: the host it connects to


def _url_password(match: re.Match[str]) -> bool:
    """Documentation URLs (`scott:tiger@localhost`, `user:apples@hostspec`) carry dictionary words;
    a real connection string's password is longer and not a plain word."""
    user, password = match.group("user"), match.group("secret")
    if password == user or is_placeholder(password) or password.startswith(("{", "%(", "$")):
        return False
    if user.endswith("[") and password.endswith("]"):
        return False  # `mysql://user[:password]@host[:port]`: a syntax, its optional parts in brackets
    decoded = unquote(password)  # `apples%40` is `apples@`
    if decoded.rstrip("\\").isdigit() and len(decoded.rstrip("\\")) <= 5:
        return False  # `http://internal:8080\\@public/`: a port before the `@`, in a parser-confusion example
    if not decoded.isascii() and decoded.isalpha():
        return False  # a word in another language: `usuario:contraseña@host` in a translated message
    return len(decoded) >= 6 and not looks_like_label(decoded.strip("!@#$%^&*()-_=+.,;:?"))


_PRESIGNED_CREDENTIAL = re.compile(r"(?:(?i:X-Amz-Credential)(?:=|%3D)|[?&]AWSAccessKeyId=)$")


def _presigned_credential(match: re.Match[str]) -> bool:
    """`...?X-Amz-Credential=AKIA.../20250903/us-east-1/s3/aws4_request&X-Amz-Signature=...` (or the older
    `?AWSAccessKeyId=AKIA...&Signature=...&Expires=...`): the key id
    in a pre-signed URL is there by design, for whoever is handed the URL; without the secret key it
    signs nothing, and the URL's own signature expires within days."""
    return bool(_PRESIGNED_CREDENTIAL.search(match.string, 0, match.start("secret")))


def _f(
    fid: str,
    description: str,
    pattern: str,
    keywords: tuple[str, ...],
    *,
    prefix: int = 0,
    confidence: Confidence = Confidence.HIGH,
    flags: int = 0,
    multiline: bool = False,
    accept: Callable[[re.Match[str]], bool] | None = None,
) -> Format:
    return Format(fid, description, re.compile(pattern, flags), keywords, prefix, confidence, multiline, accept)


_B = r"(?<![A-Za-z0-9_\-])"  # the secret does not continue a longer word on the left
_E = r"(?![A-Za-z0-9_\-])"  # ...or on the right

FORMATS: tuple[Format, ...] = (
    # Cloud providers
    _f(
        "aws-access-key-id",
        "AWS access key id",
        _B + r"(?P<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})" + _E,
        ("akia", "asia", "abia", "acca"),
        prefix=4,
        confidence=Confidence.MEDIUM,
        accept=lambda m: not _presigned_credential(m),
    ),
    _f(
        "aws-secret-access-key",
        "AWS secret access key",
        r"(?i)aws.{0,20}?secret.{0,20}?['\"]?\s*[:=>]+\s*['\"]?(?P<secret>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])",
        ("aws",),
    ),
    _f(
        "gcp-api-key",
        "Google API key",
        _B + r"(?P<secret>AIza[0-9A-Za-z_\-]{35})" + _E,
        ("aiza",),
        prefix=4,
        confidence=Confidence.MEDIUM,
    ),
    _f(
        "gcp-oauth-client-secret",
        "Google OAuth client secret",
        _B + r"(?P<secret>GOCSPX-[A-Za-z0-9_\-]{28})" + _E,
        ("gocspx-",),
        prefix=7,
    ),
    _f(
        "azure-storage-key",
        "Azure storage account key",
        r"(?i)AccountKey=(?P<secret>[A-Za-z0-9+/]{86}==)",
        ("accountkey=",),
    ),
    _f(
        "alibaba-access-key-id",
        "Alibaba Cloud access key id",
        _B + r"(?P<secret>LTAI[A-Za-z0-9]{20})" + _E,
        ("ltai",),
        prefix=4,
        confidence=Confidence.MEDIUM,
    ),
    _f(
        "digitalocean-token",
        "DigitalOcean token",
        _B + r"(?P<secret>do[por]_v1_[a-f0-9]{64})" + _E,
        ("dop_v1_", "doo_v1_", "dor_v1_"),
        prefix=7,
    ),
    _f(
        "heroku-api-key",
        "Heroku API key",
        r"(?i)heroku.{0,40}?['\"=:\s](?P<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})" + _E,
        ("heroku",),
    ),
    _f("databricks-token", "Databricks token", _B + r"(?P<secret>dapi[a-f0-9]{32}(?:-\d)?)" + _E, ("dapi",), prefix=4),
    _f(
        "hashicorp-vault-token",
        "HashiCorp Vault token",
        _B + r"(?P<secret>hv[sb]\.[A-Za-z0-9_\-]{90,})" + _E,
        ("hvs.", "hvb."),
        prefix=4,
    ),
    _f(
        "terraform-cloud-token",
        "Terraform Cloud token",
        _B + r"(?P<secret>[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_\-=]{60,70})" + _E,
        ("atlasv1",),
    ),
    _f("supabase-token", "Supabase access token", _B + r"(?P<secret>sbp_[a-f0-9]{40})" + _E, ("sbp_",), prefix=4),
    _f(
        "doppler-token",
        "Doppler token",
        _B + r"(?P<secret>dp\.(?:pt|st|sa|ct|scim)\.[A-Za-z0-9]{40,44})" + _E,
        ("dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim."),
        prefix=6,
    ),
    # Version control and package registries
    _f(
        "github-token",
        "GitHub token",
        _B + r"(?P<secret>gh[pousr]_[A-Za-z0-9]{36,251})" + _E,
        ("ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
        prefix=4,
    ),
    _f(
        "github-fine-grained-token",
        "GitHub fine-grained token",
        _B + r"(?P<secret>github_pat_[A-Za-z0-9_]{82})" + _E,
        ("github_pat_",),
        prefix=11,
    ),
    _f(
        "gitlab-token",
        "GitLab token",
        _B + r"(?P<secret>gl(?:pat|dt|rt|ft|soat)-[A-Za-z0-9_\-]{20,})" + _E,
        ("glpat-", "gldt-", "glrt-", "glft-", "glsoat-"),
        prefix=6,
    ),
    _f(
        "gitlab-pipeline-trigger-token",
        "GitLab pipeline trigger token",
        _B + r"(?P<secret>glptt-[a-f0-9]{40})" + _E,
        ("glptt-",),
        prefix=6,
    ),
    _f("npm-token", "npm access token", _B + r"(?P<secret>npm_[A-Za-z0-9]{36})" + _E, ("npm_",), prefix=4),
    _f(
        "pypi-token",
        "PyPI upload token",
        _B + r"(?P<secret>pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{50,})" + _E,
        ("pypi-ageichlwas5vcmc",),
        prefix=5,
    ),
    _f(
        "docker-hub-token",
        "Docker Hub personal access token",
        _B + r"(?P<secret>dckr_pat_[A-Za-z0-9_\-]{27})" + _E,
        ("dckr_pat_",),
        prefix=9,
    ),
    _f(
        "atlassian-token",
        "Atlassian API token",
        _B + r"(?P<secret>ATATT3[A-Za-z0-9_\-=]{150,})" + _E,
        ("atatt3",),
        prefix=6,
    ),
    # Chat and messaging
    _f("slack-token", "Slack token", _B + r"(?P<secret>xox[abposr]-[0-9A-Za-z\-]{10,250})" + _E, ("xox",), prefix=5),
    _f(
        "slack-app-token",
        "Slack app-level token",
        _B + r"(?P<secret>xapp-\d-[A-Z0-9]+-\d+-[a-f0-9]{32,})" + _E,
        ("xapp-",),
        prefix=5,
    ),
    _f(
        "slack-webhook",
        "Slack incoming webhook URL",
        r"(?P<secret>https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_\-]{40,})",
        ("hooks.slack.com",),
        prefix=23,
    ),
    _f(
        "discord-webhook",
        "Discord webhook URL",
        r"(?P<secret>https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/\d+/[A-Za-z0-9_\-]{60,})",
        ("discord",),
        prefix=33,
    ),
    _f(
        "discord-bot-token",
        "Discord bot token",
        r"(?i:discord).{0,40}?(?P<secret>[MNO][A-Za-z0-9_\-]{23,25}\.[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{27,38})" + _E,
        ("discord",),
    ),
    _f("telegram-bot-token", "Telegram bot token", _B + r"(?P<secret>\d{8,10}:AA[0-9A-Za-z_\-]{33})" + _E, (":aa",)),
    _f(
        "twilio-api-key",
        "Twilio API key",
        r"(?i:twilio).{0,40}?" + _B + r"(?P<secret>SK[0-9a-f]{32})" + _E,
        ("twilio",),
        prefix=2,
    ),
    _f(
        "sendgrid-api-key",
        "SendGrid API key",
        _B + r"(?P<secret>SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43})" + _E,
        ("sg.",),
        prefix=3,
    ),
    _f(
        "mailgun-api-key",
        "Mailgun API key",
        r"(?i:mailgun).{0,40}?" + _B + r"(?P<secret>key-[0-9a-f]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})" + _E,
        ("mailgun",),
    ),
    _f("mailchimp-api-key", "Mailchimp API key", _B + r"(?P<secret>[0-9a-f]{32}-us\d{1,2})" + _E, ("-us",)),
    # Payments and commerce
    _f(
        "stripe-secret-key",
        "Stripe secret key",
        _B + r"(?P<secret>(?:sk|rk)_live_[0-9A-Za-z]{24,247})" + _E,
        ("sk_live_", "rk_live_"),
        prefix=8,
    ),
    _f(
        "stripe-test-key",
        "Stripe test-mode secret key",
        _B + r"(?P<secret>(?:sk|rk)_test_[0-9A-Za-z]{24,247})" + _E,
        ("sk_test_", "rk_test_"),
        prefix=8,
        confidence=Confidence.MEDIUM,
    ),
    _f(
        "stripe-webhook-secret",
        "Stripe webhook signing secret",
        _B + r"(?P<secret>whsec_[A-Za-z0-9]{32,})" + _E,
        ("whsec_",),
        prefix=6,
    ),
    _f(
        "square-token",
        "Square access token or secret",
        _B + r"(?P<secret>sq0(?:atp|csp)-[0-9A-Za-z_\-]{22,43})" + _E,
        ("sq0atp-", "sq0csp-"),
        prefix=7,
    ),
    _f(
        "paypal-braintree-token",
        "PayPal Braintree access token",
        r"(?P<secret>access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32})",
        ("access_token$production$",),
        prefix=24,
    ),
    _f(
        "shopify-token",
        "Shopify access token",
        _B + r"(?P<secret>shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})" + _E,
        ("shpat_", "shpca_", "shppa_", "shpss_"),
        prefix=6,
    ),
    # AI APIs
    _f(
        "openai-api-key",
        "OpenAI API key",
        _B
        + r"(?P<secret>sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_\-]{40,}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}))"
        + _E,
        ("sk-proj-", "sk-svcacct-", "sk-admin-", "t3blbkfj"),
        prefix=3,
    ),
    _f(
        "anthropic-api-key",
        "Anthropic API key",
        _B + r"(?P<secret>sk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_\-]{80,})" + _E,
        ("sk-ant-",),
        prefix=7,
    ),
    _f("huggingface-token", "Hugging Face token", _B + r"(?P<secret>hf_[A-Za-z]{34})" + _E, ("hf_",), prefix=3),
    _f("groq-api-key", "Groq API key", _B + r"(?P<secret>gsk_[A-Za-z0-9]{52})" + _E, ("gsk_",), prefix=4),
    _f("replicate-token", "Replicate API token", _B + r"(?P<secret>r8_[A-Za-z0-9]{37})" + _E, ("r8_",), prefix=3),
    _f("xai-api-key", "xAI API key", _B + r"(?P<secret>xai-[A-Za-z0-9]{80})" + _E, ("xai-",), prefix=4),
    # Monitoring and productivity
    _f(
        "sentry-token",
        "Sentry auth token",
        _B + r"(?P<secret>sntr[ysu]s?_[A-Za-z0-9+/=_]{40,})" + _E,
        ("sntrys_", "sntryu_"),
        prefix=7,
    ),
    _f("new-relic-key", "New Relic user API key", _B + r"(?P<secret>NRAK-[A-Z0-9]{27})" + _E, ("nrak-",), prefix=5),
    _f(
        "grafana-token",
        "Grafana token",
        _B + r"(?P<secret>glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})" + _E,
        ("glc_", "glsa_"),
        prefix=4,
    ),
    _f(
        "postman-api-key",
        "Postman API key",
        _B + r"(?P<secret>PMAK-[a-f0-9]{24}-[a-f0-9]{34})" + _E,
        ("pmak-",),
        prefix=5,
    ),
    _f("linear-api-key", "Linear API key", _B + r"(?P<secret>lin_api_[A-Za-z0-9]{40})" + _E, ("lin_api_",), prefix=8),
    _f(
        "notion-token",
        "Notion integration token",
        _B + r"(?P<secret>(?:secret_[A-Za-z0-9]{43}|ntn_[0-9]{11}"
        r"[A-Za-z0-9]{35}))" + _E,
        ("secret_", "ntn_"),
        prefix=4,
    ),
    # Keys, tokens and credentials in any system
    _f(
        "private-key",
        "Private key block",
        r"-----BEGIN (?P<kind>(?:RSA |DSA |EC |OPENSSH |PGP |ENCRYPTED |SSH2 )?PRIVATE KEY(?: BLOCK)?)-----"
        r"(?:\\[nr]|[\s\"'+,]|\\)*(?P<secret>[A-Za-z0-9+/=:\- ]*?[A-Za-z0-9+/]{40,})",
        ("private key",),
        multiline=True,
    ),
    _f(
        "age-secret-key",
        "age encryption secret key",
        _B + r"(?P<secret>AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})" + _E,
        ("age-secret-key-1",),
        prefix=15,
    ),
    _f(
        "django-insecure-key",
        "Django secret key made by `startproject` (`django-insecure-`)",
        r"(?P<secret>django-insecure-[^\s'\"]{20,})",
        ("django-insecure-",),
        prefix=16,
    ),
    _f(
        "jwt",
        "JSON Web Token",
        _B + r"(?P<secret>eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,})" + _E,
        ("eyj",),
        prefix=3,
        confidence=Confidence.MEDIUM,
    ),
    _f(
        "url-password",
        "URL with an embedded password",
        r"(?i)\b[a-z][a-z0-9+.\-]{1,20}://(?P<user>[^\s:/@'\"<>{}]{0,64}):(?P<secret>[^\s/@'\"<>]{3,128})@"
        r"(?P<host>\[[0-9A-Fa-f:.]*\]|[A-Za-z0-9.\-{][^\s/:?#@'\"<>]*)",
        ("://",),
        accept=_url_password,
    ),
)

_BY_KEYWORD: dict[str, tuple[int, ...]] = {}  # keyword -> indexes into FORMATS
for _index, _format in enumerate(FORMATS):
    for _keyword in _format.keywords:
        _BY_KEYWORD[_keyword] = (*_BY_KEYWORD.get(_keyword, ()), _index)


_KEYWORD_LIST = list(_BY_KEYWORD)
#: Every keyword in one pass over the text, in C: the leftmost keyword first, the longest one
#: starting there, then on after its end, as a regex alternation finds them.
_KEYWORDS = AhoCorasick(_KEYWORD_LIST, matchkind=MatchKind.LeftmostLongest)


def _ascii_lower(text: str) -> str:
    """`text` with only its ASCII letters lower-cased, so every offset stays the same (`str.lower`
    may lengthen some non-ASCII letters). UTF-8 leaves every non-ASCII character's bytes above 0x7f,
    which `bytes.lower` does not touch: a round trip through it is many times faster than a
    translation table."""
    if text.isascii():
        return text.lower()
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


_MULTILINE_WINDOW = 8  # lines after a key block's header searched for its body


_ELISIONS = ("...", "\u2026")


def scan_text(text: str) -> list[FormatMatch]:
    """Every known-format secret in `text`: one pass for the keywords, then the matching formats
    on the lines that hold them. Examples and placeholders are dropped."""
    hits: dict[int, tuple[int, set[int]]] = {}  # line index -> (where it starts, formats whose keyword occurs on it)
    line = counted = 0  # the line index of offset `counted`
    for keyword, position, _ in _keywords(_ascii_lower(text)):
        line += text.count("\n", counted, position)
        counted = position
        if line not in hits:
            hits[line] = (text.rfind("\n", 0, position) + 1, set())
        hits[line][1].update(_BY_KEYWORD[_KEYWORD_LIST[keyword]])
    found: list[FormatMatch] = []
    for index, (begin, formats) in hits.items():
        end = text.find("\n", begin)
        if end < 0:
            end = len(text)
        taken: list[tuple[int, int]] = []
        for fmt in (FORMATS[i] for i in sorted(formats)):
            window = (
                text[begin : max(end, _line_start_after(text, begin, _MULTILINE_WINDOW))]
                if fmt.multiline
                else text[begin:end]
            )
            for m in fmt.regex.finditer(window):
                if fmt.multiline and m.start() >= end - begin:
                    break  # a later line's own header
                span = (m.start("secret"), m.end("secret"))
                secret = m.group("secret")
                if any(s < span[1] and span[0] < e for s, e in taken):
                    continue  # the same characters already matched a more specific format
                if not judge_format_secret(secret) or (fmt.accept and not fmt.accept(m)):
                    continue
                if window.startswith(_ELISIONS, m.end("secret")):
                    continue  # `xoxb-4426949411-aEM7...`: the start of one, cut short in an example
                taken.append(span)
                col = m.start() if fmt.multiline else m.start("secret")
                found.append(
                    FormatMatch(fmt, index + 1, col, secret, mask(secret, fmt.public_prefix), m.groupdict().get("host"))
                )
    return found


def _keywords(lowered: str) -> list[tuple[int, int, int]]:
    """(keyword index, start, end) of every keyword in `lowered`."""
    try:
        return _KEYWORDS.find_matches_as_indexes(lowered)
    except UnicodeEncodeError:  # a lone surrogate (text decoded with surrogateescape): one character for one
        return _KEYWORDS.find_matches_as_indexes(_SURROGATE.sub("\ufffd", lowered))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _line_start_after(text: str, begin: int, count: int) -> int:
    """Where the line `count` lines after the one starting at `begin` starts; the last line's start
    when there are fewer."""
    for _ in range(count):
        newline = text.find("\n", begin)
        if newline < 0:
            break
        begin = newline + 1
    return begin
