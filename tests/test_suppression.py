"""Inline suppressions: parsing, matching to statements, and the SPT meta rules."""

from __future__ import annotations

import ast
import textwrap
from collections.abc import Callable

import pytest

from secpat.findings import Confidence, Finding, Location, Severity
from secpat.rules import registry
from secpat.rules.suppression import SPT001, SPT002
from secpat.suppression import Suppression, apply_suppressions, parse_suppressions

PATH = "app/tokens.py"


def finding(line: int, rule: str = "RND001", path: str = PATH) -> Finding:
    return Finding(
        rule_id=rule,
        location=Location(path, line),
        message="value from `random` used as a token",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        snippet="token = random.random()",
    )


def python_spans(source: str) -> Callable[[int], tuple[int, int]]:
    """The innermost simple statement around a line, as the engine derives it from the AST."""
    statements = [
        (node.lineno, node.end_lineno or node.lineno)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.stmt) and not hasattr(node, "body")
    ]

    def span(line: int) -> tuple[int, int]:
        around = [s for s in statements if s[0] <= line <= s[1]]
        return min(around, key=lambda s: s[1] - s[0], default=(line, line))

    return span


def run(source: str, findings: list[Finding], **kwargs: object) -> tuple[list[Finding], int, list[Finding]]:
    source = textwrap.dedent(source).lstrip("\n")
    suppressions = parse_suppressions(source, python=True)
    return apply_suppressions(findings, suppressions, python_spans(source), PATH, **kwargs)


def single_lines(line: int) -> tuple[int, int]:
    return (line, line)


# --- parsing -----------------------------------------------------------------


def test_parse_id_and_reason() -> None:
    (s,) = parse_suppressions("token = random.random()  # secpat: ignore[RND001] demo deck only\n", python=True)
    assert s == Suppression(
        line=1,
        rule_keys=("RND001",),
        reason="demo deck only",
        file_level=False,
        raw="# secpat: ignore[RND001] demo deck only",
        col=25,
        own_line=False,
    )


def test_parse_several_keys_and_names() -> None:
    (s,) = parse_suppressions("# secpat: ignore[RND001, fast-hash-for-password] legacy import\n", python=True)
    assert s.rule_keys == ("RND001", "fast-hash-for-password")
    assert s.reason == "legacy import"
    assert s.own_line


@pytest.mark.parametrize(
    ("comment", "reason"),
    [
        ("# secpat: ignore[RND001]", ""),
        ("# secpat: ignore[RND001]   ", ""),
        ("# secpat: ignore[RND001] -- seeded for replay tests", "seeded for replay tests"),
        ("# secpat: ignore[RND001]: seeded", "seeded"),
        ("#secpat:ignore[RND001] tight spacing", "tight spacing"),
    ],
)
def test_parse_reason_forms(comment: str, reason: str) -> None:
    (s,) = parse_suppressions(f"x = 1  {comment}\n", python=True)
    assert s.reason == reason


def test_parse_file_level() -> None:
    source = "import random\n\n\n# secpat: ignore-file[RND001] simulation module, no secrets\n"
    (s,) = parse_suppressions(source, python=True)
    assert s.file_level
    assert s.line == 4
    assert s.rule_keys == ("RND001",)


def test_parse_after_another_tool_comment() -> None:
    (s,) = parse_suppressions("x = f()  # noqa: E501  # secpat: ignore[RND001] ok\n", python=True)
    assert s.rule_keys == ("RND001",)
    assert s.col == 23


def test_parse_ignores_other_comments_and_look_alikes() -> None:
    source = "# secpat: ignored[RND001] x\n# secpat: ignore-files[RND001] x\n# nosec\n# secpat is great\n"
    assert parse_suppressions(source, python=True) == []


def test_secpat_comment_inside_a_string_is_not_a_suppression() -> None:
    source = textwrap.dedent(
        '''
        HELP = "write # secpat: ignore[RND001] reason to silence a finding"
        DOC = """
        # secpat: ignore-file[RND001] also not a comment
        """
        token = random.random()  # secpat: ignore[RND001] the real one
        '''
    ).lstrip()
    (s,) = parse_suppressions(source, python=True)
    assert s.line == 5
    assert s.reason == "the real one"


def test_broken_python_falls_back_to_line_scanning() -> None:
    source = 'x = """never closed\ntoken = random.random()  # secpat: ignore[RND001] fallback\n'
    (s,) = parse_suppressions(source, python=True)
    assert (s.line, s.rule_keys, s.reason) == (2, ("RND001",), "fallback")


@pytest.mark.parametrize(
    "text",
    ["\x00\x00# secpat: ignore[", "def f(:\n\t  return", "\ufeff# secpat: ignore[RND001] bom\n", "'''", "\r\n\r", ""],
)
def test_parse_never_raises(text: str) -> None:
    parse_suppressions(text, python=True)
    parse_suppressions(text, python=False)


def test_template_comments() -> None:
    source = textwrap.dedent(
        """
        <p>{{ bio|safe }}</p> {# secpat: ignore[XSS004] bio is sanitised by bleach on save #}
        {#- secpat: ignore[XSS004] trimmed form -#}
        {{ other|safe }}
        """
    ).lstrip()
    first, second = parse_suppressions(source, python=False)
    assert (first.line, first.reason, first.own_line) == (1, "bio is sanitised by bleach on save", False)
    assert first.raw == "# secpat: ignore[XSS004] bio is sanitised by bleach on save"
    assert (second.line, second.reason, second.own_line) == (2, "trimmed form", True)


@pytest.mark.parametrize(
    "line",
    [
        "SECRET_KEY=dev-only-key  # secpat: ignore[SECRET001] local development value",  # .env
        "password: hunter2  # secpat: ignore[SECRET001] local development value",  # yaml
        "ENV API_KEY=abc  # secpat: ignore[SECRET001] local development value",  # Dockerfile
    ],
)
def test_other_text_files(line: str) -> None:
    (s,) = parse_suppressions(line + "\n", python=False)
    assert s.rule_keys == ("SECRET001",)
    assert s.reason == "local development value"
    assert not s.own_line


# --- matching to statements --------------------------------------------------

MULTI_LINE = """
    import random

    token = make_token(          {first}
        random.random(),         {middle}
        length=32,
    )                            {last}
    other = 1                    {after}
"""


def multi_line(**where: str) -> str:
    slots = {"first": "", "middle": "", "last": "", "after": ""}
    slots.update({k: "# secpat: ignore[RND001] reviewed: demo only" for k in where})
    return MULTI_LINE.format(**slots)


@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_suppression_on_any_line_of_a_multi_line_statement(where: str) -> None:
    # The finding is reported on the line of `random.random()`, inside the call.
    kept, suppressed, meta = run(multi_line(**{where: "x"}), [finding(4)])
    assert (kept, suppressed, meta) == ([], 1, [])


def test_suppression_on_the_line_before_the_statement() -> None:
    source = """
        import random

        # secpat: ignore[RND001] reviewed: demo only
        token = make_token(
            random.random(),
        )
    """
    assert run(source, [finding(5)]) == ([], 1, [])


def test_suppression_after_the_statement_does_not_apply() -> None:
    kept, suppressed, meta = run(multi_line(after="x"), [finding(4)])
    assert kept == [finding(4)]
    assert suppressed == 0
    assert [m.rule_id for m in meta] == ["SPT002"]


def test_trailing_suppression_does_not_reach_the_next_statement() -> None:
    source = """
        a = random.random()  # secpat: ignore[RND001] shuffling only
        b = random.random()
    """
    kept, suppressed, meta = run(source, [finding(1), finding(2)])
    assert kept == [finding(2)]
    assert suppressed == 1
    assert meta == []


def test_line_before_only_reaches_the_statement_directly_below() -> None:
    source = """
        # secpat: ignore[RND001] shuffling only

        b = random.random()
    """
    kept, _, meta = run(source, [finding(3)])
    assert kept == [finding(3)]
    assert [m.rule_id for m in meta] == ["SPT002"]


def test_suppression_of_another_rule_does_not_apply() -> None:
    kept, suppressed, meta = run("h = md5(pw)  # secpat: ignore[RND001] wrong rule\n", [finding(1, "PWD002")])
    assert kept == [finding(1, "PWD002")]
    assert suppressed == 0
    assert [m.rule_id for m in meta] == ["SPT002"]


def test_rule_name_works_like_the_id() -> None:
    source = "t = random.random()  # secpat: ignore[insecure-random-for-secret] demo\n"
    kept, suppressed, meta = run(source, [finding(1)])
    assert (kept, suppressed, meta) == ([], 1, [])


def test_file_level_suppression_applies_everywhere() -> None:
    source = """
        import random
        a = random.random()
        b = random.random()
        # secpat: ignore-file[RND001] load-test data generator, never deployed
    """
    assert run(source, [finding(2), finding(3), finding(3, "PWD002")]) == ([finding(3, "PWD002")], 2, [])


def test_non_python_files_match_single_lines() -> None:
    text = "[cache]\nkey_hash = md5  # secpat: ignore[PWD005] cache keys only\nsig_hash = md5\n"
    found = [finding(2, "PWD005", "setup.cfg"), finding(3, "PWD005", "setup.cfg")]
    suppressions = parse_suppressions(text, python=False)
    kept, suppressed, meta = apply_suppressions(found, suppressions, single_lines, "setup.cfg")
    assert kept == [found[1]]
    assert suppressed == 1
    assert meta == []


# --- meta rules --------------------------------------------------------------


def test_missing_reason_is_reported_and_still_suppresses() -> None:
    kept, suppressed, meta = run("t = random.random()  # secpat: ignore[RND001]\n", [finding(1)])
    assert kept == []
    assert suppressed == 1
    (m,) = meta
    assert m.rule_id == "SPT001"
    assert m.location == Location(PATH, 1, 21)
    assert m.severity is Severity.LOW
    assert m.confidence is Confidence.HIGH
    assert "no reason" in m.message
    assert "# secpat: ignore[RND001] <reason>" in m.message


def test_unused_suppression_is_reported_per_rule() -> None:
    kept, suppressed, meta = run(
        "t = random.random()  # secpat: ignore[RND001, PWD002] reviewed\n",
        [finding(1)],
    )
    assert (kept, suppressed) == ([], 1)
    (m,) = meta
    assert m.rule_id == "SPT002"
    assert "PWD002" in m.message
    assert "matches no finding here" in m.message


def test_unused_file_level_suppression_says_so() -> None:
    (m,) = run("# secpat: ignore-file[RND001] old module\nx = 1\n", [])[2]
    assert m.rule_id == "SPT002"
    assert "in this file" in m.message


def test_unknown_rule_key_is_reported() -> None:
    kept, suppressed, meta = run("t = random.random()  # secpat: ignore[RND999] typo\n", [finding(1)])
    assert kept == [finding(1)]
    assert suppressed == 0
    (m,) = meta
    assert m.rule_id == "SPT002"
    assert "unknown rule 'RND999'" in m.message


@pytest.mark.parametrize("key", ["RND", "ALL"])
def test_blanket_keys_suppress_nothing(key: str) -> None:
    kept, _, meta = run(f"t = random.random()  # secpat: ignore[{key}] everything\n", [finding(1)])
    assert kept == [finding(1)]
    (m,) = meta
    assert m.rule_id == "SPT002"
    assert "not a single rule" in m.message


def test_suppression_without_rule_list() -> None:
    kept, _, meta = run("t = random.random()  # secpat: ignore because\n", [finding(1)])
    assert kept == [finding(1)]
    assert [m.rule_id for m in meta] == ["SPT002"]
    assert "names no rule" in meta[0].message


def test_both_meta_findings_for_one_comment() -> None:
    meta = run("x = 1  # secpat: ignore[RND001]\n", [])[2]
    assert sorted(m.rule_id for m in meta) == ["SPT001", "SPT002"]


def test_duplicate_suppressions_both_count_as_used() -> None:
    source = """
        # secpat: ignore[RND001] reviewed
        t = random.random()  # secpat: ignore[insecure-random-for-secret] reviewed
    """
    assert run(source, [finding(2)]) == ([], 1, [])


def test_meta_finding_is_not_silenced_by_its_own_comment() -> None:
    kept, suppressed, meta = run("x = 1  # secpat: ignore[SPT001]\n", [])
    assert sorted(m.rule_id for m in meta) == ["SPT001", "SPT002"]
    assert suppressed == 0


def test_meta_findings_can_be_silenced_by_another_comment() -> None:
    source = """
        # secpat: ignore-file[SPT001] generated code: reasons live in the generator
        a = random.random()  # secpat: ignore[RND001]
        b = random.random()  # secpat: ignore[RND001]
    """
    kept, suppressed, meta = run(source, [finding(2), finding(3)])
    assert kept == []
    assert suppressed == 4  # two findings and two SPT001
    assert meta == []


def test_unused_suppressions_can_be_silenced_file_wide() -> None:
    source = """
        # secpat: ignore-file[SPT002] shared template kept in sync with other services
        a = 1  # secpat: ignore[RND001] kept for the day the generator changes
    """
    kept, suppressed, meta = run(source, [])
    assert (kept, suppressed, meta) == ([], 1, [])


def test_suppressions_of_disabled_rules_are_not_called_unused() -> None:
    source = "t = random.random()  # secpat: ignore[RND001] reviewed\n"
    assert run(source, [], enabled=lambda rule_id: rule_id != "RND001") == ([], 0, [])
    assert [m.rule_id for m in run(source, [], enabled=lambda rule_id: True)[2]] == ["SPT002"]


def test_meta_fingerprint_survives_a_line_shift() -> None:
    (a,) = run("x = 1  # secpat: ignore[RND001]\n", [finding(1)])[2]
    (b,) = run("a = 0\nb = 0\nc = 0\nx = 1  # secpat: ignore[RND001]\n", [finding(4)])[2]
    assert a.location.line != b.location.line
    assert a.fingerprint == b.fingerprint


def test_kept_findings_keep_their_order() -> None:
    found = [finding(3), finding(1, "PWD002"), finding(2)]
    assert apply_suppressions(found, [], single_lines, PATH) == (found, 0, [])


# --- rule records ------------------------------------------------------------


@pytest.mark.parametrize(("rule", "name"), [(SPT001, "suppression-without-reason"), (SPT002, "unused-suppression")])
def test_meta_rule_records(rule: registry.Rule, name: str) -> None:
    assert registry.get(rule.id) is rule
    assert registry.get(name) is rule
    assert rule.name == name
    assert rule.pattern == 0
    assert rule.kind == "meta"
    assert rule.cwe == 710
    assert rule.severity is Severity.LOW
    assert rule.confidence is Confidence.HIGH
    assert all((rule.why, rule.bad, rule.good, rule.fix))
    assert rule in registry.all_rules()


# --- Bandit's `# nosec` and Ruff's `# noqa: S...` (respect-nosec) ----------------------------------


def run_foreign(source: str, findings: list[Finding]) -> tuple[list[Finding], int, list[Finding]]:
    source = textwrap.dedent(source).lstrip("\n")
    suppressions = parse_suppressions(source, python=True, foreign=True)
    return apply_suppressions(findings, suppressions, python_spans(source), PATH)


def test_foreign_comments_are_read_only_when_asked() -> None:
    source = "token = random.random()  # nosec B311\n"
    assert parse_suppressions(source, python=True) == []
    (s,) = parse_suppressions(source, python=True, foreign=True)
    assert (s.foreign, s.rule_keys, s.line, s.reason) == ("bandit", ("RND001",), 1, "")


@pytest.mark.parametrize(
    ("comment", "keys"),
    [
        ("# nosec", ()),
        ("# nosec B105", ("SECRET001",)),
        ("# nosec: B105,B106", ("SECRET001",)),
        ("# nosec B608 B311", ("SQL001", "SQL002", "RND001")),
        ("# noqa: S105", ("SECRET001",)),
        ("# noqa: E501, S324", ("PWD002", "PWD005")),
        ("# NOQA:S104", ("CONF006",)),
    ],
)
def test_foreign_ids_map_to_secpat_rules(comment: str, keys: tuple[str, ...]) -> None:
    (s,) = parse_suppressions(f"x = f()  {comment}\n", python=True, foreign=True)
    assert s.rule_keys == keys


@pytest.mark.parametrize("comment", ["# nosec B101", "# nosec assert_used", "# noqa: E501", "# noqa", "# noqa: S101"])
def test_foreign_comments_about_rules_secpat_lacks_are_not_suppressions(comment: str) -> None:
    assert parse_suppressions(f"x = f()  {comment}\n", python=True, foreign=True) == []


def test_foreign_comment_inside_a_string_is_not_read() -> None:
    assert parse_suppressions('x = "# nosec"\n', python=True, foreign=True) == []


def test_bare_nosec_silences_every_rule_on_its_line_and_is_listed_without_reason() -> None:
    source = """
        token = random.random()  # nosec
        other = random.random()
    """
    kept, suppressed, meta = run_foreign(source, [finding(1), finding(1, rule="SECRET001"), finding(2)])
    assert [f.location.line for f in kept] == [2]
    assert suppressed == 2
    (spt,) = meta
    assert spt.rule_id == SPT001.id and spt.location.line == 1
    assert "`# nosec` honoured" in spt.message and "ignore[RND001, SECRET001]" in spt.message


def test_nosec_with_ids_silences_only_the_mapped_rules() -> None:
    kept, suppressed, meta = run_foreign("h = md5(pw)  # nosec B311\n", [finding(1, rule="PWD002")])
    assert [f.rule_id for f in kept] == ["PWD002"] and suppressed == 0
    assert meta == []  # it silenced nothing of secpat's: it is Bandit's business, not reported


def test_noqa_applies_on_the_reported_lines_only_not_the_line_above() -> None:
    source = """
        # noqa: S311
        token = random.random()
    """
    kept, suppressed, _ = run_foreign(source, [finding(2)])
    assert len(kept) == 1 and suppressed == 0


def test_foreign_comment_on_a_later_line_of_the_reported_node() -> None:
    source = """
        query = (
            "SELECT * FROM t WHERE id = " + value  # nosec B608
        )
    """
    multi = Finding(
        rule_id="SQL001",
        location=Location(PATH, 1, 0, 3, 1),
        message="m",
        severity=Severity.HIGH,
        confidence=Confidence.MEDIUM,
        snippet="query = (...)",
    )
    kept, suppressed, meta = run_foreign(source, [multi])
    assert kept == [] and suppressed == 1 and [m.rule_id for m in meta] == ["SPT001"]
