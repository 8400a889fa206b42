import time
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from manchette.core.tasks import (
    revision_publish_if_due,
    scheduled_publish_due,
    sweep_ensure,
)
from manchette.news.models import ArticlePage
from tests.factories import ArticlePageFactory
from tests.pagecache import shown_tags

pytestmark = pytest.mark.django_db


DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def schedule(article, when):
    """Do what an editor does: set the go-live date and publish the revision."""
    article = ArticlePage.objects.get(pk=article.pk)
    article.go_live_at = when
    revision = article.save_revision()
    revision.publish()
    revision.refresh_from_db()
    return revision


def run_due_tasks():
    """Run the due tasks as the worker does (the worker command itself closes the
    database connection at exit, which a test transaction on PostgreSQL cannot
    survive; the real worker is exercised by ``make serve``).
    """
    for result in DBTaskResult.objects.ready():
        result.claim("test-worker")
        value = result.task.func(*result.args_kwargs["args"])
        result.set_successful(value)


def test_scheduling_enqueues_a_publication_at_go_live_time(
    section, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DB_TASKS
    article = ArticlePageFactory(publish=False)
    at = timezone.now() + timedelta(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        revision = schedule(article, at)
    assert revision.approved_go_live_at == at
    queued = DBTaskResult.objects.get(task_path__endswith="publish_scheduled")
    assert queued.run_after == at
    assert queued.args_kwargs["args"] == [revision.pk]
    assert (
        DBTaskResult.objects.filter(task_path__endswith="sweep_scheduled").count() == 1
    )


def test_worker_publishes_a_due_article_and_purges_its_lists(
    section, settings, purges, django_capture_on_commit_callbacks
):
    settings.TASKS = DB_TASKS
    article = ArticlePageFactory(publish=False)
    shown = shown_tags("/politique/")
    reader = Client()
    with django_capture_on_commit_callbacks(execute=True):
        schedule(article, timezone.now() + timedelta(seconds=1))
    time.sleep(1.1)
    with django_capture_on_commit_callbacks(execute=True):
        run_due_tasks()
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live
    assert shown & purges.tags()
    assert article.url in reader.get("/politique/").content.decode()


def test_a_revision_is_published_once_however_often_it_is_claimed(section):
    article = ArticlePageFactory(publish=False)
    revision = schedule(article, timezone.now() + timedelta(seconds=3))
    assert not revision_publish_if_due(revision.pk)
    time.sleep(3.1)
    assert revision_publish_if_due(revision.pk)
    assert not revision_publish_if_due(revision.pk)
    assert ArticlePage.objects.get(pk=article.pk).live


def test_sweep_publishes_due_and_unpublishes_expired(section):
    due = ArticlePageFactory(publish=False)
    schedule(due, timezone.now() + timedelta(seconds=1))
    time.sleep(1.1)
    expired = ArticlePageFactory()
    ArticlePage.objects.filter(pk=expired.pk).update(
        expire_at=timezone.now() - timedelta(seconds=1)
    )
    assert scheduled_publish_due() == 2
    assert ArticlePage.objects.get(pk=due.pk).live
    assert not ArticlePage.objects.get(pk=expired.pk).live


def test_only_one_sweep_waits_in_the_queue(settings):
    settings.TASKS = DB_TASKS
    assert sweep_ensure()
    assert not sweep_ensure()
    assert (
        DBTaskResult.objects.filter(task_path__endswith="sweep_scheduled").count() == 1
    )


def test_sweep_requeues_itself(settings):
    settings.TASKS = DB_TASKS
    sweep_ensure()
    DBTaskResult.objects.update(run_after=timezone.now() - timedelta(seconds=1))
    run_due_tasks()
    waiting = DBTaskResult.objects.filter(
        task_path__endswith="sweep_scheduled", status="READY"
    )
    assert waiting.count() == 1
    assert waiting.get().run_after > timezone.now() + timedelta(seconds=50)
