import logging
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_schedule_brief_says_it_once_in_french(settings, caplog):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    out = StringIO()
    with caplog.at_level(logging.DEBUG, logger="manchette"):
        call_command("schedule_brief", stdout=out)
    assert out.getvalue().count("Brief programmé") == 1
    assert not [r for r in caplog.records if "scheduled" in r.getMessage()]
