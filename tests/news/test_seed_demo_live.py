"""seed_demo's breaking-news content: a finished live blog, notes, the policy page."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from manchette.news.models import CorrectionNote, LiveBlogPage, LiveUpdate

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_a_live_blog_notes_and_the_policy_page(client):
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())  # Safe to rerun.

    live = LiveBlogPage.objects.get()
    assert live.status == LiveBlogPage.Status.ENDED
    assert LiveUpdate.objects.filter(page=live).count() == 20
    assert CorrectionNote.objects.filter(kind="correction").count() == 1
    assert CorrectionNote.objects.filter(kind="update").count() == 1
    assert "Direct terminé" in client.get(live.url).content.decode()
    assert client.get("/corrections/").status_code == 200
    policy = client.get("/politique-editoriale/").content.decode()
    assert "/corrections/" in policy
    editor = get_user_model().objects.get(username="editeur")
    assert editor.has_perm("news.add_liveupdate")
    assert not editor.has_perm("news.delete_correctionnote")
    assert editor.has_perm("newsletter.view_articlereadcount")
    assert (
        get_user_model()
        .objects.get(username="admin")
        .has_perm("news.delete_correctionnote")
    )
