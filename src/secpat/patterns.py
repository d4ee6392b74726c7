"""The ten security patterns: the checklist every report ends with."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Pattern:
    number: int
    prefix: str
    name: str
    priority: str
    owasp: str
    checklist: str  # the question a person would tick before a release


PATTERNS: tuple[Pattern, ...] = (
    Pattern(
        1,
        "RND",
        "Secure random generation",
        "Required",
        "A02:2021 Cryptographic Failures",
        "Security values (tokens, codes, salts) come from `secrets`",
    ),
    Pattern(
        2,
        "PWD",
        "Password storage",
        "Required",
        "A02:2021 Cryptographic Failures",
        "Passwords hashed with bcrypt / Argon2 / scrypt / PBKDF2",
    ),
    Pattern(
        3,
        "JWT",
        "Secure JWT design",
        "Required",
        "A07:2021 Identification and Authentication Failures",
        "JWTs carry exp, pinned algorithms and a strong key",
    ),
    Pattern(4, "SQL", "SQL injection prevention", "Required", "A03:2021 Injection", "SQL uses parameter binding"),
    Pattern(5, "XSS", "XSS prevention", "Required", "A03:2021 Injection", "HTML output is escaped"),
    Pattern(
        6,
        "CSRF",
        "CSRF protection",
        "Required",
        "A01:2021 Broken Access Control",
        "Forms and state-changing requests carry CSRF tokens",
    ),
    Pattern(
        7,
        "RATE",
        "Rate limiting",
        "Important",
        "A07:2021 Identification and Authentication Failures",
        "Login, reset, registration and APIs are rate-limited",
    ),
    Pattern(
        8,
        "LOG",
        "Log design",
        "Important",
        "A09:2021 Security Logging and Monitoring Failures",
        "Logs are free of passwords, tokens and cookies",
    ),
    Pattern(
        9,
        "SECRET",
        "Secret management",
        "Required",
        "A02:2021 Cryptographic Failures",
        "Secrets come from the environment, never from code or git",
    ),
    Pattern(
        10,
        "CONF",
        "Environment-based config",
        "Required",
        "A05:2021 Security Misconfiguration",
        "DEBUG off and hosts, cookies, HTTPS set for production",
    ),
)

BY_NUMBER = {p.number: p for p in PATTERNS}
BY_PREFIX = {p.prefix: p for p in PATTERNS}
