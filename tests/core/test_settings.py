import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def run_manage(*args, env_extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_check_deploy(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_extra={
            "DJANGO_SETTINGS_MODULE": "manchette.settings.production",
            "DJANGO_SECRET_KEY": "x" * 20
            + "-production-secret-key-for-the-check-0123456789",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "ALLOWED_HOSTS": "news.example.ma",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    result = run_manage(
        "check",
        env_extra={
            "DJANGO_SETTINGS_MODULE": "manchette.settings.production",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        },
    )
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_a_new_sqlite_file_database_uses_wal(tmp_path):
    result = run_manage(
        "shell",
        "-c",
        "from django.db import connection; c = connection.cursor(); c.execute('PRAGMA journal_mode'); print(c.fetchone()[0])",
        env_extra={
            "DJANGO_SETTINGS_MODULE": "manchette.settings.dev",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "wal"


def production_without_redis(tmp_path, database: str) -> dict:
    """Return the environment of a production process without Redis, keeping its
    files under ``tmp_path/var`` and its SQLite database in ``tmp_path/database``.
    """
    return {
        "DJANGO_SETTINGS_MODULE": "manchette.settings.production",
        "DJANGO_SECRET_KEY": "y" * 50,
        "DATABASE_URL": f"sqlite:///{tmp_path / database}",
        "ALLOWED_HOSTS": "news.example.ma",
        "MANCHETTE_VAR_DIR": str(tmp_path / "var"),
        "REDIS_URL": "",
    }


def test_without_redis_app_processes_share_the_default_cache(tmp_path):
    """A value one process stores (a purge, a rate-limit count) is seen by another."""
    env_extra = production_without_redis(tmp_path, "db.sqlite3")
    write = run_manage(
        "shell",
        "-c",
        "from django.core.cache import cache; cache.set('shared-check', 'seen', 60)",
        env_extra=env_extra,
    )
    assert write.returncode == 0, write.stderr
    read = run_manage(
        "shell",
        "-c",
        "from django.core.cache import cache; print(cache.get('shared-check'))",
        env_extra=env_extra,
    )
    assert read.returncode == 0, read.stderr
    assert read.stdout.strip().splitlines()[-1] == "seen"


def test_sites_on_two_databases_sharing_var_never_read_each_others_cache(tmp_path):
    """A benchmark and the demo run from one checkout share var/: their cached
    navigation and tag versions must stay apart.
    """
    first = production_without_redis(tmp_path, "one.sqlite3")
    second = production_without_redis(tmp_path, "two.sqlite3")
    write = (
        "from django.core.cache import caches\ncaches['default'].set('nav', 'one', 60)"
    )
    read = "from django.core.cache import caches\nprint([caches['default'].get('nav')])"

    assert run_manage("shell", "-c", write, env_extra=first).returncode == 0
    read_own = run_manage("shell", "-c", read, env_extra=first)
    read_other = run_manage("shell", "-c", read, env_extra=second)

    assert read_own.stdout.strip().splitlines()[-1] == "['one']", read_own.stderr
    assert read_other.stdout.strip().splitlines()[-1] == "[None]", read_other.stderr


def test_postgresql_page_queries_run_without_jit_or_parallel_workers(db):
    """Both cost more than a page's short queries save (docs/benchmarks.md)."""
    import pytest
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's planner settings")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone()[0] == "0"


def test_postgresql_queries_are_prepared_after_a_few_runs(db):
    """On PostgreSQL a query run five times on a connection is prepared, so it is
    planned once; MANCHETTE_PG_PREPARE=off keeps Django's default (none).
    """
    import pytest
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    from manchette.news.models import ArticlePage

    for _ in range(6):
        list(ArticlePage.objects.filter(slug="une-page").values_list("pk"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('"news_articlepage"' in sql and "$1" in sql for sql in prepared)


def test_prepared_statements_can_be_turned_off():
    show = (
        "from django.conf import settings; o = settings.DATABASES['default']['OPTIONS'];"
        " print(o.get('server_side_binding'), o.get('prepare_threshold'))"
    )
    url = "postgres://postgres@127.0.0.1:5432/manchette"
    for switch, expected in (
        ({}, ["True", "5"]),
        ({"MANCHETTE_PG_PREPARE": "off"}, ["None", "None"]),
    ):
        result = run_manage(
            "shell",
            "-c",
            show,
            env_extra={
                "DJANGO_SETTINGS_MODULE": "manchette.settings.dev",
                "DATABASE_URL": url,
                **switch,
            },
        )
        # The last line: Django's shell may first say what it imported.
        assert result.stdout.splitlines()[-1].split() == expected, result.stderr
