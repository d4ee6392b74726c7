"""Configuration: discovery, parsing, errors, rule selection and the tests policy."""

from __future__ import annotations

import dataclasses
import pickle
import textwrap
from pathlib import Path

import pytest

from secpat.config import (
    DEFAULT_EXCLUDES,
    DEFAULT_TEST_IGNORE,
    KEYS,
    Config,
    ConfigError,
    find_pyproject,
    load_config,
)
from secpat.engine import ScanOptions, scan
from secpat.findings import Confidence, Severity
from secpat.patterns import PATTERNS


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A repository root: the `.git` directory keeps discovery inside the temp dir."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    return root


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def pyproject(root: Path, body: str) -> Path:
    return write(root / "pyproject.toml", "[tool.secpat]\n" + textwrap.dedent(body).lstrip())


def config_with(project: Path, body: str) -> Config:
    pyproject(project, body)
    return load_config(project)


# --- discovery ---------------------------------------------------------------


def test_no_config_gives_defaults_rooted_at_scan_root(project: Path) -> None:
    config = load_config(project)
    assert config.source is None
    assert config.root == project.resolve()
    assert config.select == ("ALL",)
    assert config.ignore == ()
    assert config.fail_on is Severity.LOW
    assert config.report_level is Severity.LOW
    assert config.min_confidence is Confidence.MEDIUM
    assert config.respect_gitignore is True
    assert config.baseline is None
    assert config.max_file_size == 2_000_000
    assert config.jwt_max_lifetime == 3600
    assert config == Config(root=project.resolve(), source=None)


def test_no_config_with_a_file_as_start_roots_at_its_directory(project: Path) -> None:
    module = write(project / "app" / "views.py", "x = 1\n")
    assert load_config(module).root == (project / "app").resolve()


def test_config_found_from_nested_subdirectory(project: Path) -> None:
    source = pyproject(project, 'ignore = ["RND"]\n')
    nested = project / "src" / "app" / "views"
    nested.mkdir(parents=True)
    config = load_config(nested)
    assert config.source == source.resolve()
    assert config.root == project.resolve()
    assert config.ignore == ("RND",)


def test_config_found_from_a_file_path(project: Path) -> None:
    source = pyproject(project, "")
    module = write(project / "app" / "views.py", "x = 1\n")
    assert find_pyproject(module) == source.resolve()


def test_pyproject_without_secpat_table_is_passed_over(project: Path) -> None:
    outer = pyproject(project, 'ignore = ["SQL"]\n')
    write(project / "pkg" / "pyproject.toml", '[tool.ruff]\nselect = ["E"]\n')
    assert find_pyproject(project / "pkg") == outer.resolve()
    assert load_config(project / "pkg").root == project.resolve()


def test_discovery_stops_at_the_repository_root(tmp_path: Path) -> None:
    pyproject(tmp_path, 'ignore = ["SQL"]\n')  # outside the repository: must not apply
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "src").mkdir()
    assert find_pyproject(repo / "src") is None
    assert load_config(repo / "src").ignore == ()


def test_a_git_file_also_marks_the_repository_root(tmp_path: Path) -> None:
    pyproject(tmp_path, 'ignore = ["SQL"]\n')
    worktree = tmp_path / "worktree"
    write(worktree / ".git", "gitdir: /elsewhere/.git/worktrees/w\n")
    assert find_pyproject(worktree) is None


def test_config_at_the_repository_root_is_found(project: Path) -> None:
    source = pyproject(project, "")
    assert find_pyproject(project / "deep" / "er") == source.resolve()


@pytest.mark.parametrize("name", ["secpat.toml", ".secpat.toml"])
def test_standalone_file_wins_over_pyproject_in_same_directory(project: Path, name: str) -> None:
    pyproject(project, 'ignore = ["SQL"]\n')
    standalone = write(project / name, 'ignore = ["XSS"]\n')
    config = load_config(project)
    assert config.source == standalone.resolve()
    assert config.ignore == ("XSS",)


def test_nearer_pyproject_wins_over_farther_standalone_file(project: Path) -> None:
    write(project / "secpat.toml", 'ignore = ["XSS"]\n')
    inner = pyproject(project / "service", 'ignore = ["SQL"]\n')
    assert find_pyproject(project / "service" / "app") == inner.resolve()


def test_standalone_file_may_also_use_the_tool_table(project: Path) -> None:
    write(project / "secpat.toml", '[tool.secpat]\nignore = ["XSS"]\n')
    assert load_config(project).ignore == ("XSS",)


def test_standalone_file_with_other_tool_tables_is_explained(project: Path) -> None:
    write(project / "secpat.toml", '[tool.ruff]\nselect = ["E"]\n')
    with pytest.raises(ConfigError, match="top level"):
        load_config(project)


def test_explicit_config_skips_discovery(project: Path, tmp_path: Path) -> None:
    pyproject(project, 'ignore = ["SQL"]\n')
    elsewhere = write(tmp_path / "ci" / "strict.toml", 'fail-on = "high"\n')
    config = load_config(project, explicit=elsewhere)
    assert config.source == elsewhere.resolve()
    assert config.root == (tmp_path / "ci").resolve()
    assert config.fail_on is Severity.HIGH
    assert config.ignore == ()


def test_explicit_pyproject_is_read_from_its_table(tmp_path: Path) -> None:
    source = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n[tool.secpat]\nfail-on = "medium"\n')
    assert load_config(tmp_path, explicit=source).fail_on is Severity.MEDIUM


def test_explicit_pyproject_without_table_is_an_error(tmp_path: Path) -> None:
    source = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=r"no \[tool\.secpat\] table"):
        load_config(tmp_path, explicit=source)


def test_explicit_config_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found") as info:
        load_config(tmp_path, explicit=tmp_path / "nope.toml")
    assert "nope.toml" in str(info.value)


# --- values ------------------------------------------------------------------


def test_every_key_is_read(project: Path) -> None:
    config = config_with(
        project,
        """
        select = ["ALL"]
        ignore = ["RATE"]
        test-paths = ["qa/**"]
        test-ignore = ["RND", "PWD"]
        exclude = ["legacy/"]
        extend-exclude = ["generated/"]
        respect-gitignore = false
        fail-on = "high"
        report-level = "medium"
        min-confidence = "high"
        baseline = ".secpat-baseline.json"
        max-file-size = 100000
        jwt-max-lifetime = 900

        [tool.secpat.per-path-ignores]
        "migrations/**" = ["SQL"]
        """,
    )
    assert config.ignore == ("RATE",)
    assert config.per_path_ignores == (("migrations/**", ("SQL",)),)
    assert config.test_paths == ("qa/**",)
    assert config.test_ignore == ("RND", "PWD")
    assert config.exclude == ("legacy/", "generated/")
    assert config.respect_gitignore is False
    assert config.fail_on is Severity.HIGH
    assert config.report_level is Severity.MEDIUM
    assert config.min_confidence is Confidence.HIGH
    assert config.baseline == project.resolve() / ".secpat-baseline.json"
    assert config.max_file_size == 100_000
    assert config.jwt_max_lifetime == 900


def test_selectors_are_stored_in_canonical_form(project: Path) -> None:
    config = config_with(project, 'select = ["rnd", "insecure-random-for-secret", "all", "spt001"]\n')
    assert config.select == ("RND", "RND001", "ALL", "SPT001")


def test_baseline_path_is_relative_to_the_config_file(project: Path) -> None:
    pyproject(project, 'baseline = "ci/baseline.json"\n')
    assert load_config(project / "src").baseline == project.resolve() / "ci" / "baseline.json"


# --- command-line overrides ---------------------------------------------------


def test_overrides_win_over_file_values(project: Path) -> None:
    pyproject(project, 'fail-on = "low"\nselect = ["RND"]\nmax-file-size = 10\n')
    config = load_config(project, overrides={"fail-on": "high", "select": ["PWD"], "max_file_size": 99})
    assert config.fail_on is Severity.HIGH
    assert config.select == ("PWD",)
    assert config.max_file_size == 99


def test_overrides_accept_typed_values_and_skip_none(project: Path) -> None:
    pyproject(project, 'report-level = "medium"\n')
    config = load_config(
        project,
        overrides={"fail_on": Severity.MEDIUM, "min_confidence": Confidence.LOW, "report_level": None},
    )
    assert config.fail_on is Severity.MEDIUM
    assert config.min_confidence is Confidence.LOW
    assert config.report_level is Severity.MEDIUM  # None means "flag not given"


def test_override_selectors_may_be_comma_separated(project: Path) -> None:
    config = load_config(project, overrides={"ignore": "RND, PWD"})
    assert config.ignore == ("RND", "PWD")


def test_override_baseline_is_relative_to_working_directory(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pyproject(project, 'baseline = "from-file.json"\n')
    monkeypatch.chdir(tmp_path)
    config = load_config(project, overrides={"baseline": "cli.json"})
    assert config.baseline == tmp_path / "cli.json"


def test_override_errors_name_the_command_line(project: Path) -> None:
    with pytest.raises(ConfigError, match=r"^command line: fail-on: unknown severity 'severe'"):
        load_config(project, overrides={"fail-on": "severe"})


def test_extend_keys_add_to_earlier_layers(project: Path) -> None:
    pyproject(project, 'select = ["RND"]\nignore = ["RND001"]\nexclude = ["a/"]\n')
    config = load_config(
        project,
        overrides={"extend-select": ["PWD"], "extend-ignore": ["SQL"], "extend-exclude": ["b/"]},
    )
    assert config.select == ("RND", "PWD")
    assert config.ignore == ("RND001", "SQL")
    assert config.exclude == ("a/", "b/")


def test_plain_key_in_a_later_layer_replaces(project: Path) -> None:
    pyproject(project, 'extend-select = ["RND"]\nexclude = ["a/"]\n')
    config = load_config(project, overrides={"select": ["PWD"], "exclude": ["b/"]})
    assert config.select == ("PWD",)
    assert config.exclude == ("b/",)


def test_extend_select_without_select_extends_the_default(project: Path) -> None:
    assert config_with(project, 'extend-select = ["RND"]\n').select == ("ALL", "RND")


# --- errors ------------------------------------------------------------------


def test_broken_toml_names_file_and_line(project: Path) -> None:
    source = write(project / "pyproject.toml", '[tool.secpat]\nselect = ["RND"]\nignore = ["SQL"\nfail-on = "high"\n')
    with pytest.raises(ConfigError) as info:
        load_config(project)
    message = str(info.value)
    assert message.startswith(f"{source.resolve()}:4:")
    assert "invalid TOML" in message
    assert "Traceback" not in message


def test_broken_toml_at_end_of_file_still_gives_a_line(project: Path) -> None:
    source = write(project / "secpat.toml", 'select = ["RND"]\nignore = [\n')
    with pytest.raises(ConfigError, match=rf"^{source.resolve()}:\d+:\d+: invalid TOML"):
        load_config(project)


def test_broken_unrelated_pyproject_is_skipped(project: Path) -> None:
    write(project / "pyproject.toml", "[project\nname = 'x'\n")
    assert load_config(project).source is None


def test_unknown_key_suggests_the_closest(project: Path) -> None:
    source = pyproject(project, 'select = ["ALL"]\nfail-level = "high"\n')
    with pytest.raises(ConfigError) as info:
        load_config(project)
    message = str(info.value)
    assert message == f"{source.resolve()}:3: [tool.secpat] fail-level: unknown key; did you mean 'fail-on'?"


def test_unknown_key_suggests_a_near_spelling(project: Path) -> None:
    pyproject(project, "respect-gitignores = false\n")
    with pytest.raises(ConfigError, match="did you mean 'respect-gitignore'"):
        load_config(project)


@pytest.mark.parametrize(
    ("key", "suggestion"), [("skips", "ignore"), ("per-file-ignores", "per-path-ignores"), ("exclude_dirs", "exclude")]
)
def test_keys_from_other_tools_point_to_ours(project: Path, key: str, suggestion: str) -> None:
    pyproject(project, f"{key} = []\n")
    with pytest.raises(ConfigError, match=f"did you mean '{suggestion}'"):
        load_config(project)


def test_snake_case_key_is_pointed_to_kebab_case(project: Path) -> None:
    pyproject(project, 'min_confidence = "high"\n')
    with pytest.raises(ConfigError, match="kebab-case: did you mean 'min-confidence'"):
        load_config(project)


def test_unknown_key_without_a_close_match_lists_keys(project: Path) -> None:
    pyproject(project, "zzz = 1\n")
    with pytest.raises(ConfigError, match="known keys: select"):
        load_config(project)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('select = "RND"\n', "select: expected a list of strings, got a string"),
        ("ignore = [1, 2]\n", "ignore: expected a list of strings"),
        ('respect-gitignore = "yes"\n', "respect-gitignore: expected true or false, got a string"),
        ("max-file-size = true\n", "max-file-size: expected an integer, got a boolean"),
        ('max-file-size = "2MB"\n', "max-file-size: expected an integer, got a string"),
        ("jwt-max-lifetime = 0\n", "jwt-max-lifetime: must be greater than 0"),
        ("fail-on = 3\n", "fail-on: expected a string, got an integer"),
        ('fail-on = "critical"\n', "fail-on: unknown severity 'critical' (choose from low, medium, high)"),
        ('min-confidence = "sure"\n', "min-confidence: unknown confidence 'sure'"),
        ("baseline = 1\n", "baseline: expected a file path, got an integer"),
        ('per-path-ignores = ["tests/**"]\n', "per-path-ignores: expected a table of glob = [selectors], got a list"),
        ('per-path-ignores = { "tests/**" = "RND" }\n', "expected a list of strings, got a string"),
        ('test-paths = ["\\\\"]\n', "test-paths: invalid glob"),
        ('exclude = [""]\n', "exclude: empty glob"),
    ],
)
def test_wrong_types_and_values_are_reported(project: Path, body: str, expected: str) -> None:
    source = pyproject(project, body)
    with pytest.raises(ConfigError) as info:
        load_config(project)
    message = str(info.value)
    assert message.startswith(f"{source.resolve()}:2: [tool.secpat] ")
    assert expected in message


def test_table_that_is_not_a_table(project: Path) -> None:
    write(project / "pyproject.toml", 'tool = { secpat = "on" }\n')
    with pytest.raises(ConfigError, match="tool.secpat must be a table"):
        load_config(project)


def test_unknown_selectors_are_all_named(project: Path) -> None:
    pyproject(project, 'ignore = ["RND", "RND999", "no-such-rule"]\n')
    with pytest.raises(ConfigError) as info:
        load_config(project)
    message = str(info.value)
    assert "ignore: unknown rule selectors" in message
    assert "'RND999'" in message
    assert "'no-such-rule'" in message
    assert message.count("did you mean") <= 2  # "RND" is valid and not listed
    assert not message.split("unknown rule selectors ", 1)[1].startswith("'RND',")


def test_unknown_selector_suggests_a_rule_name(project: Path) -> None:
    pyproject(project, 'select = ["insecure-random-for-secrets"]\n')
    with pytest.raises(ConfigError, match="did you mean 'insecure-random-for-secret'"):
        load_config(project)


def test_unknown_selector_inside_per_path_ignores(project: Path) -> None:
    source = pyproject(project, '[tool.secpat.per-path-ignores]\n"scripts/*.py" = ["RNDX"]\n')
    with pytest.raises(ConfigError) as info:
        load_config(project)
    assert str(info.value).startswith(f'{source.resolve()}:3: [tool.secpat] per-path-ignores."scripts/*.py": ')
    assert "'RNDX'" in str(info.value)


def test_unknown_selector_in_test_ignore(project: Path) -> None:
    pyproject(project, 'test-ignore = ["SECRETS"]\n')
    with pytest.raises(ConfigError, match="test-ignore: unknown rule selector 'SECRETS'"):
        load_config(project)


def test_error_line_is_looked_up_inside_the_secpat_table(project: Path) -> None:
    source = write(
        project / "pyproject.toml",
        '[tool.ruff]\nselect = ["E"]\n\n[tool.secpat]\nselect = ["NOPE"]\n',
    )
    with pytest.raises(ConfigError, match=rf"^{source.resolve()}:5: "):
        load_config(project)


def test_broken_pyproject_that_configures_secpat_fails_discovery(project: Path) -> None:
    write(project / "pyproject.toml", "[tool.secpat]\nselect = [\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        find_pyproject(project)


# --- rule selection ----------------------------------------------------------


def test_default_selects_every_rule_outside_tests(project: Path) -> None:
    config = load_config(project)
    for rule_id in ("RND001", "PWD002", "SQL001", "SECRET001", "SPT001"):
        assert config.is_enabled(rule_id, "app/views.py")


@pytest.mark.parametrize(
    ("select", "ignore", "enabled"),
    [
        (["ALL"], ["RND"], False),
        (["ALL"], ["RND001"], False),
        (["ALL"], ["RND002"], True),
        (["RND001"], ["RND"], True),  # an id beats a prefix
        (["RND"], ["ALL"], True),  # a prefix beats ALL
        (["RND"], ["RND001"], False),
        (["RND"], ["RND"], False),  # equal specificity: ignore wins
        (["PWD"], [], False),  # not selected at all
        (["insecure-random-for-secret"], ["RND"], True),  # a name counts as an id
        (["ALL"], ["insecure-random-for-secret"], False),
        (["rnd"], [], True),  # prefixes are case-insensitive
    ],
)
def test_selector_precedence(project: Path, select: list[str], ignore: list[str], enabled: bool) -> None:
    config = load_config(project, overrides={"select": select, "ignore": ignore})
    assert config.is_enabled("RND001", "app/views.py") is enabled


def test_prefix_does_not_match_a_longer_prefix() -> None:
    config = Config(root=Path("."), source=None, select=("ALL",), ignore=("SQL",))
    assert config.is_enabled("SECRET001", "app.py")
    assert not config.is_enabled("SQL001", "app.py")


def test_selectors_given_directly_to_config_are_understood() -> None:
    config = Config(root=Path("."), source=None, ignore=("insecure-random-for-secret",))
    assert not config.is_enabled("RND001", "app.py")


def test_per_path_ignores(project: Path) -> None:
    config = config_with(
        project,
        """
        [tool.secpat.per-path-ignores]
        "migrations/**" = ["SQL"]
        "scripts/*.py" = ["insecure-random-for-secret"]
        "*.html" = ["XSS"]
        """,
    )
    assert not config.is_enabled("SQL001", "migrations/0001_initial.py")
    assert config.is_enabled("SQL001", "app/migrations_helper.py")
    assert config.is_enabled("RND001", "migrations/0001_initial.py")
    assert not config.is_enabled("RND001", "scripts/seed.py")
    assert config.is_enabled("RND001", "scripts/nested/seed.py")  # `*` stops at a slash
    assert config.is_enabled("PWD002", "scripts/seed.py")
    assert not config.is_enabled("XSS004", "app/templates/index.html")  # no slash: any depth


def test_per_path_ignores_beat_an_explicit_select(project: Path) -> None:
    config = config_with(project, 'select = ["RND001"]\nper-path-ignores = { "scripts/**" = ["RND"] }\n')
    assert not config.is_enabled("RND001", "scripts/x.py")
    assert config.is_enabled("RND001", "app/x.py")


def test_paths_are_normalised(project: Path) -> None:
    config = config_with(project, 'per-path-ignores = { "migrations/**" = ["SQL"] }\n')
    assert not config.is_enabled("SQL001", "./migrations/0001.py")


# --- tests policy ------------------------------------------------------------


def test_default_test_ignore_is_every_pattern_but_secrets() -> None:
    assert set(DEFAULT_TEST_IGNORE) == {p.prefix for p in PATTERNS} - {"SECRET"}


@pytest.mark.parametrize(
    "path",
    [
        "tests/test_views.py",
        "tests/factories.py",
        "test/helpers.py",
        "shop/tests/test_orders.py",
        "shop/tests/fixtures/data.py",
        "shop/test_models.py",
        "shop/models_test.py",
        "conftest.py",
        "shop/conftest.py",
        "pulpcore/pytest_plugin.py",
        "shop/tests.py",
        "superset/cli/test.py",
        "django/conf/project_template/project_name/settings.py-tpl",
        "django/conf/app_template/views.py-tpl",
        "site/project_template/project_name/settings/production.py",
        "{{cookiecutter.project_slug}}/config/settings/production.py",
        "template/{{ cookiecutter.app_name }}/app/views.py",
        ".github/upgrade-test/upgradeproject/settings.py",
        "ci/.gitlab/smoke/app.py",
        ".circleci/project/settings.py",
        "continuous_integration/docker-configs/ldap-docker-compose.yml",
        "ci/services/docker-compose.yml",
        ".ci/settings.py",
        "weblate/settings_example.py",
        "app/local-example.cfg",
        "conf/settings_sample.py",
        "ckan/lib/create_test_data.py",
        "indico/modules/events/export_test_1.yaml",
        "shop/test_data/users.json",
        "example_project/settings.py",
        "exampleapp/settings.py",
        "contrib/example-site/urls.py",
        "defender/ci_settings.py",
        "shop/settings/ci.py",
        "shop/settings_ci.py",
        "src/app/data/sample_project/app.toml",
        "samples/flask/app.py",
        "shop/settings/dev.py",
        "shop/settings/development.py",
        "shop/settings_dev.py",
        "contrib/isso-dev.cfg",
        "docker-compose.dev.yml",
        "docker-compose.integration-tests.yml",
        "docker/docker-compose.integration-mysql.yml",
        "docker-compose.test.yaml",
        "docker-compose.ci.yml",
        "noxfile.py",
        "noxfiles/ci_nox.py",
        "tox.ini",
        "qa/scenarios/login.py",
        "two_factor/gateways/fake.py",
        "cache/backends/dummy.py",
        "payments/mocks.py",
        "shop/testing/factories.py",
        "shop/core/testing/payments.py",
        "shop.example.cfg",
        "app/_smoke_tests/custom_server/server.py",
        "integration_tests/test_api.py",
        "e2e-tests/login.py",
        "deploy/settings.example.py",
        "server/config_samples/server.conf",
        "deploy/config-samples/app.ini",
    ],
)
def test_tests_policy_drops_non_secret_rules_in_test_code(project: Path, path: str) -> None:
    config = load_config(project)
    assert config.is_test_path(path)
    assert not config.is_enabled("RND001", path)
    assert not config.is_enabled("SQL001", path)
    assert config.is_enabled("SECRET001", path)  # a real credential in a test is still a leak


@pytest.mark.parametrize(
    "path",
    [
        "shop/views.py",
        "load_testing/tools.py",
        "shop/testing.py",
        "shop/ab_testing/views.py",
        "contest.py",
        "shop/attest.py",
        "shop/pytest.py",
        "shop/test.pyi",
        "templates/project/settings.py",
        "shop/{braces}/views.py",
        "shop/templates/page.html",
        "github/settings.py",
        "shop/github_hooks.py",
        "shop/latest_orders.py",
        "shop/fake_detection.py",
        "shop/dummy_orders.py",
        "shop/examples_index.py",
        "shop/settings/circuit_breakers.py",
        "shop/ci_runner.py",
        "shop/samples.py",
        "shop/contest_entries.json",
        "shop/protest_test.txt.bak",
        "shop/device.py",
        "shop/my_device.py",
        "shop/settings/production.py",
        "shop/settings/local.py",
        "docker-compose.yml",
        "docker-compose.prod.yml",
        "docker-compose.specific.yml",
        "shop/integrations/slack.py",
        "shop/sampler.py",
        "deploy/app.cfg",
        ".env.example",
        "shop/examples.cfg",
        "shop/resamples/app.cfg",
        "shop/latests/views.py",
        "shop/tests_helpers.py",
        "shop/ci.py",
        "cicd/app.py",
        "shop/circuits/views.py",
    ],
)
def test_non_test_paths(project: Path, path: str) -> None:
    config = load_config(project)
    assert not config.is_test_path(path)
    assert config.is_enabled("RND001", path)


def test_scaffold_globs_match_only_below_the_scanned_directory(project: Path) -> None:
    """Checking a scaffold by name checks it as an application; the globs match below the scan root."""
    config = dataclasses.replace(load_config(project), scan_prefixes=("{{cookiecutter.project_slug}}",))
    assert not config.is_test_path("{{cookiecutter.project_slug}}/config/settings.py")
    assert config.is_test_path("{{cookiecutter.project_slug}}/inner/{{cookiecutter.app}}/views.py")


@pytest.mark.parametrize("scaffold", ["project_template/project_name", "{{cookiecutter.project_slug}}/config"])
def test_a_scaffolds_settings_are_not_checked_as_a_deployed_site(project: Path, scaffold: str) -> None:
    """A generator's template is completed by the user: its settings are not in force anywhere."""
    settings = "DEBUG = True\nALLOWED_HOSTS = ['*']\nROOT_URLCONF = 'project_name.urls'\n"
    (project / scaffold).mkdir(parents=True)
    (project / scaffold / "settings.py").write_text(settings, encoding="utf-8")
    config = config_with(project, 'select = ["CONF"]\n')
    assert scan([project], config, ScanOptions(use_cache=False, jobs=1)).findings == []
    (project / scaffold / "settings.py").rename(project / "settings.py")
    found = scan([project], config, ScanOptions(use_cache=False, jobs=1)).findings
    assert {f.rule_id for f in found} == {"CONF001", "CONF002"}


def _release(root: Path, installed: str | None) -> None:
    """An unpacked release: the package `shop`, a demo site beside it, and the egg-info listing."""
    settings = "DEBUG = True\nALLOWED_HOSTS = ['*']\nROOT_URLCONF = 'x.urls'\n"
    for package in ("shop", "demo"):
        (root / package).mkdir(parents=True)
        (root / package / "__init__.py").write_text("", encoding="utf-8")
        (root / package / "settings.py").write_text(settings, encoding="utf-8")
    (root / "demo" / "templates").mkdir()
    (root / "PKG-INFO").write_text("Metadata-Version: 2.1\nName: shop\n", encoding="utf-8")
    if installed is not None:
        (root / "shop.egg-info").mkdir()
        (root / "shop.egg-info" / "top_level.txt").write_text(installed, encoding="utf-8")


def test_a_releases_code_it_does_not_install_is_not_checked_as_deployed(tmp_path: Path) -> None:
    """In an unpacked release, Python code outside the packages it installs (a demo site) is example code."""
    _release(tmp_path, "shop\n")
    config = config_with(tmp_path, 'select = ["CONF"]\n')
    found = scan([tmp_path], config, ScanOptions(use_cache=False, jobs=1)).findings
    assert {(f.location.path, f.rule_id) for f in found} == {
        ("shop/settings.py", "CONF001"),
        ("shop/settings.py", "CONF002"),
    }


@pytest.mark.parametrize("installed", [None, ""])
def test_a_release_that_lists_no_packages_is_checked_whole(tmp_path: Path, installed: str | None) -> None:
    _release(tmp_path, installed)
    config = config_with(tmp_path, 'select = ["CONF"]\n')
    found = scan([tmp_path], config, ScanOptions(use_cache=False, jobs=1)).findings
    assert {f.location.path for f in found} == {"shop/settings.py", "demo/settings.py"}


def test_a_working_tree_is_checked_whole(tmp_path: Path) -> None:
    """Without `PKG-INFO` (a repository, not a release) the egg-info of a local install says nothing."""
    _release(tmp_path, "shop\n")
    (tmp_path / "PKG-INFO").unlink()
    config = config_with(tmp_path, 'select = ["CONF"]\n')
    found = scan([tmp_path], config, ScanOptions(use_cache=False, jobs=1)).findings
    assert {f.location.path for f in found} == {"shop/settings.py", "demo/settings.py"}


def test_empty_test_ignore_keeps_everything(project: Path) -> None:
    config = config_with(project, "test-ignore = []\n")
    assert config.is_enabled("RND001", "tests/test_views.py")
    assert config.is_enabled("SQL001", "tests/test_views.py")


def test_custom_test_paths(project: Path) -> None:
    config = config_with(project, 'test-paths = ["qa/**"]\n')
    assert not config.is_enabled("RND001", "qa/load.py")
    assert config.is_enabled("RND001", "tests/test_views.py")


def test_empty_test_paths_means_no_test_code(project: Path) -> None:
    config = config_with(project, "test-paths = []\n")
    assert not config.is_test_path("tests/test_views.py")
    assert config.is_enabled("RND001", "tests/test_views.py")


# --- excludes, digest, pickling ----------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        ".venv/lib/x.py",
        "web/node_modules/a.js",
        "build/lib/app.py",
        "src/pkg/__pycache__/m.pyc",
        "pkg.egg-info/PKG-INFO",
    ],
)
def test_built_in_excludes(project: Path, path: str) -> None:
    assert load_config(project).is_excluded(path)


def test_exclude_adds_to_built_in_excludes(project: Path) -> None:
    config = config_with(project, 'exclude = ["legacy/", "*.min.js"]\n')
    assert config.is_excluded("legacy/old.py")
    assert config.is_excluded("static/app.min.js")
    assert config.is_excluded(".venv/lib/x.py")  # defaults survive a user exclude
    assert not config.is_excluded("app/views.py")


def test_directory_excludes_match_the_directory_itself(project: Path) -> None:
    config = load_config(project)
    assert config.is_excluded(".venv", is_dir=True)
    assert not config.is_excluded("build.py")
    assert ".venv/" in DEFAULT_EXCLUDES


def test_digest_is_stable_and_tracks_per_file_settings(project: Path) -> None:
    base = load_config(project)
    assert base.digest() == load_config(project).digest()
    assert len(base.digest()) == 32
    assert load_config(project, overrides={"ignore": ["RND"]}).digest() != base.digest()
    assert load_config(project, overrides={"jwt-max-lifetime": 60}).digest() != base.digest()
    assert load_config(project, overrides={"test-ignore": []}).digest() != base.digest()


def test_digest_ignores_settings_that_do_not_change_file_results(project: Path, tmp_path: Path) -> None:
    base = load_config(project)
    assert load_config(project, overrides={"fail-on": "high"}).digest() == base.digest()
    assert load_config(project, overrides={"baseline": "b.json"}).digest() == base.digest()
    assert load_config(tmp_path).digest() == base.digest()  # the root is not a per-file setting


def test_config_pickles_for_worker_processes(project: Path) -> None:
    config = config_with(project, 'per-path-ignores = { "migrations/**" = ["SQL"] }\n')
    clone = pickle.loads(pickle.dumps(config))
    assert clone == config
    assert not clone.is_enabled("SQL001", "migrations/0001.py")


def test_keys_are_kebab_case() -> None:
    assert all(key == key.lower() and "_" not in key for key in KEYS)


def test_rule_ids_match_even_before_their_rules_are_loaded() -> None:
    config = Config(root=Path("."), source=None, select=("SECRET001",))
    assert config.is_enabled("SECRET001", "app.py")
    assert not config.is_enabled("SECRET002", "app.py")


def test_messages_show_paths_relative_to_the_working_directory(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pyproject(project, 'fail-on = "never"\n')
    monkeypatch.chdir(project)
    with pytest.raises(ConfigError, match=r"^pyproject\.toml:2: \[tool\.secpat\] fail-on: unknown severity"):
        load_config(project)


def test_documented_example_is_valid(project: Path) -> None:
    doc = (Path(__file__).parent.parent / "docs" / "configuration.md").read_text(encoding="utf-8")
    example = doc.split("## Example", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    write(project / "pyproject.toml", example)
    config = load_config(project)
    assert config.source is not None
    assert config.fail_on is Severity.MEDIUM
    assert not config.is_enabled("SQL001", "migrations/0002_data.py")
    assert not config.is_enabled("RATE001", "app/views.py")


def test_each_setting_of_one_update_call_is_its_own_finding(project: Path) -> None:
    """`app.config.update(A=..., B=...)` sets two things on one line: both are judged, neither hides the other."""
    write(
        project / "app.py",
        """\
        import os

        from flask import Flask

        app = Flask(__name__)
        app.secret_key = os.environ["SECRET_KEY"]
        app.config.update(SESSION_COOKIE_HTTPONLY=False, SESSION_COOKIE_SAMESITE="None", SESSION_COOKIE_SECURE=False)
        """,
    )
    config = config_with(project, "audit = true\n")
    findings = scan([project], config, ScanOptions(use_cache=False, jobs=1)).findings
    on_line = sorted((f.message.split(" ")[0], f.audit) for f in findings if f.rule_id == "CONF003")
    assert on_line == [
        ("SESSION_COOKIE_HTTPONLY", False),
        ("SESSION_COOKIE_SAMESITE", False),
        ("SESSION_COOKIE_SECURE", True),
    ]


def test_a_cookie_set_insecure_names_every_flag_switched_off(project: Path) -> None:
    """`set_cookie(..., secure=False, httponly=False)`: one finding, saying both."""
    write(
        project / "views.py",
        """\
        from django.http import HttpResponse


        def remember(request):
            response = HttpResponse("ok")
            response.set_cookie("sessionid", request.user.username, secure=False, httponly=False)
            response.set_cookie("theme", "dark", secure=False)
            return response
        """,
    )
    findings = scan([project], config_with(project, ""), ScanOptions(use_cache=False, jobs=1)).findings
    messages = sorted(f.message for f in findings if f.rule_id == "CONF003")
    assert len(messages) == 2
    assert "secure=False, httponly=False" in messages[0] and "scripts on the page can read it" in messages[0]
    assert "httponly" not in messages[1]
