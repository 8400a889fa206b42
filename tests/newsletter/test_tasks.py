from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from manchette.newsletter import services, tasks
from manchette.newsletter.models import BriefIssue, Subscriber
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def day():
    return services.brief_next_day()


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_daily_task_composes_and_sends_with_the_immediate_backend(
    smtp_sink, section, day
):
    Subscriber.objects.create(email="a@example.com", status="active")
    ArticlePageFactory(published_at=services.brief_send_time(day) - timedelta(hours=1))
    result = tasks.brief_daily.enqueue(day.isoformat())
    assert result.return_value == BriefIssue.Status.SENDING
    assert len(smtp_sink.to("a@example.com")) == 1
    assert BriefIssue.objects.get(day=day).status == BriefIssue.Status.SENT


def test_daily_task_queues_the_sending_and_schedules_the_next_day(
    smtp_sink, section, day, database_queue
):
    Subscriber.objects.create(email="a@example.com", status="active")
    ArticlePageFactory(published_at=services.brief_send_time(day) - timedelta(hours=1))
    tasks.brief_daily.call(day.isoformat())
    # What the worker does next (a real worker runs in test_worker_crash.py).
    (queued,) = DBTaskResult.objects.filter(task_path=tasks.brief_deliver.module_path)
    assert queued.status == "READY"
    queued.task.call(*queued.args_kwargs["args"])
    assert len(smtp_sink.to("a@example.com")) == 1
    assert BriefIssue.objects.get(day=day).status == BriefIssue.Status.SENT
    (scheduled,) = DBTaskResult.objects.filter(
        task_path=tasks.brief_daily.module_path, status="READY"
    )
    tomorrow = day + timedelta(days=1)
    assert scheduled.args_kwargs["args"] == [tomorrow.isoformat()]
    assert scheduled.run_after == services.brief_send_time(tomorrow)


def test_schedule_command_queues_the_brief_once(database_queue, day):
    out = StringIO()
    call_command("schedule_brief", stdout=out)
    call_command("schedule_brief", stdout=out)
    (scheduled,) = DBTaskResult.objects.filter(task_path=tasks.brief_daily.module_path)
    assert scheduled.run_after == services.brief_send_time(day)
    assert str(day) in out.getvalue()


def test_next_day_is_today_before_the_send_time(settings):
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    tz = ZoneInfo("Africa/Casablanca")
    before = datetime(2026, 11, 26, 6, 0, tzinfo=tz)
    after = datetime(2026, 11, 26, 6, 31, tzinfo=tz)
    assert services.brief_next_day(after=before) == date(2026, 11, 26)
    assert services.brief_next_day(after=after) == date(2026, 11, 27)


def test_a_daily_run_days_late_sends_nothing_and_schedules_from_now(
    smtp_sink, section, database_queue
):
    Subscriber.objects.create(email="a@example.com", status="active")
    old_day = services.brief_next_day() - timedelta(days=3)
    ArticlePageFactory(
        published_at=services.brief_send_time(old_day) - timedelta(hours=1)
    )
    assert tasks.brief_daily.call(old_day.isoformat()) == "late"
    assert smtp_sink.messages == []
    assert not BriefIssue.objects.exists()
    (scheduled,) = DBTaskResult.objects.filter(
        task_path=tasks.brief_daily.module_path, status="READY"
    )
    assert scheduled.args_kwargs["args"] == [services.brief_next_day().isoformat()]
