"""The request's Wagtail site comes from the cache, and a site change shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

pytestmark = pytest.mark.django_db


def test_the_site_is_looked_up_once_then_read_from_the_cache(client, section):
    client.get("/politique/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/politique/").status_code == 200
    assert not [q for q in queries.captured_queries if "wagtailcore_site" in q["sql"]]


def test_a_changed_site_is_seen_on_the_next_request(client, section):
    assert client.get("/politique/").status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.is_default_site = False
    site.hostname = "autre.example.org"
    site.save()

    # No site serves this host any more: Wagtail answers 404.
    assert client.get("/politique/").status_code == 404

    site.is_default_site = True
    site.save()
    assert client.get("/politique/").status_code == 200
