"""Meta rules about `# secpat: ignore[...]` comments themselves."""

from __future__ import annotations

from secpat.findings import Confidence, Severity
from secpat.rules.registry import Rule, define

SPT001 = define(
    Rule(
        id="SPT001",
        name="suppression-without-reason",
        pattern=0,
        title="Suppression comment without a reason",
        severity=Severity.LOW,
        confidence=Confidence.HIGH,
        cwe=710,
        kind="meta",
        why="""
            A suppression hides a security finding for good. Without a reason, the next
            reader cannot tell a checked false positive from a warning silenced to get a
            build green, and nobody can re-check the decision when the code around it
            changes. The suppression still works; this finding only asks for the reason.
        """,
        bad="""
            demo_token = random.getrandbits(64)  # secpat: ignore[RND001]
        """,
        good="""
            # secpat: ignore[RND001] offline demo mode only; the API never accepts this token
            demo_token = random.getrandbits(64)
        """,
        fix="""
            Write why the finding does not apply after the closing bracket:
            `# secpat: ignore[RULE] <reason>`. If you cannot name a reason, fix the code
            instead of suppressing the finding.
        """,
    )
)

SPT002 = define(
    Rule(
        id="SPT002",
        name="unused-suppression",
        pattern=0,
        title="Suppression comment that suppresses nothing",
        severity=Severity.LOW,
        confidence=Confidence.HIGH,
        cwe=710,
        kind="meta",
        why="""
            A suppression that matches no finding is either stale (the code was fixed or
            moved) or wrong (a typo in the rule id, or a rule that does not exist). A
            stale one will silently hide a real problem if the line is ever changed back;
            a wrong one never protected anything and gives false confidence that the
            finding was reviewed.
        """,
        bad="""
            import secrets

            token = secrets.token_urlsafe(32)  # secpat: ignore[RND001] legacy token
        """,
        good="""
            import secrets

            token = secrets.token_urlsafe(32)
        """,
        fix="""
            Delete the suppression, or correct the rule id or name it lists
            (`secpat rules` shows them all). A suppression applies on any line of the
            statement it is about, or on its own line just above that statement.
        """,
    )
)
