import re

import pytest
from django.test import Client
from django.urls import reverse

from manchette.comments.models import Comment
from manchette.news.models import ArticlePage
from tests.comments.conftest import make_comment, valid_data
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def post(client, article, **overrides):
    return client.post(
        reverse("comment_post", args=[article.pk]),
        valid_data(article, **overrides),
        REMOTE_ADDR="192.0.2.10",
    )


def test_article_page_shows_the_comment_form(client, article):
    html = client.get(article.url).content.decode()
    assert "Laisser un commentaire" in html
    assert "Votre adresse e-mail ne sera pas publiée." in html
    assert "Champs requis marqués avec *" in html
    assert "Poster commentaire" in html
    for label in ("Commentaire", "Nom", "E-mail"):
        assert re.search(rf">{label} <span class=\"required\"", html), label
    assert re.search(r">Site web</label>", html)
    assert 'name="csrfmiddlewaretoken"' in html


def test_first_comment_waits_for_moderation(client, article):
    response = post(client, article)
    assert response.status_code == 302
    assert response["Location"] == (
        f"{article.url}?commentaire=en-attente#laisser-un-commentaire"
    )
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    page = client.get(response["Location"]).content.decode()
    assert "en attente de modération" in page
    assert "Très bon article" not in page


def test_comment_from_an_approved_address_is_published_at_once(client, article):
    make_comment(article, author_email="salma@example.org", body="Déjà vu.")
    response = post(client, article, email="Salma@Example.org")
    comment = Comment.objects.latest("pk")
    assert comment.status == Comment.Status.APPROVED
    assert response["Location"].endswith(
        f"?commentaire=publie#commentaire-{comment.pk}"
    )
    page = client.get(response["Location"]).content.decode()
    assert "Votre commentaire est publié" in page
    assert "Très bon article, merci." in page
    assert ArticlePage.objects.get(pk=article.pk).comment_count == 2


def test_errors_keep_what_was_typed_in_french(client, article):
    response = post(client, article, author="", email="pas-une-adresse")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Indiquez votre nom." in html
    assert "Saisissez une adresse e-mail valide." in html
    assert "Très bon article, merci.</textarea>" in html
    assert "pas-une-adresse" not in html
    assert "no-store" in response["Cache-Control"]
    assert not Comment.objects.exists()


def test_empty_form_shows_every_required_error(client, article):
    response = client.post(reverse("comment_post", args=[article.pk]), {})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Écrivez votre commentaire." in html
    assert "Indiquez votre nom." in html
    assert "Indiquez votre adresse e-mail." in html


def test_honeypot_is_refused_without_saying_why(client, article):
    response = post(client, article, telephone="0600000000")
    html = response.content.decode()
    assert response.status_code == 400
    assert "n’a pas pu être enregistré" in html
    assert "telephone" not in re.sub(r"<input[^>]*>|<label[^>]*>", "", html)
    assert not Comment.objects.exists()


def test_post_sooner_than_the_minimum_time_is_refused(client, article):
    response = post(client, article, jeton="")
    assert response.status_code == 400
    assert "n’a pas pu être enregistré" in response.content.decode()
    assert not Comment.objects.exists()


def test_rate_limit_per_ip_answers_429_with_a_clear_message(client, article, settings):
    settings.MANCHETTE_COMMENTS_RATE_LIMIT = 2
    for number in range(2):
        assert (
            post(
                client,
                article,
                comment=f"Texte {number}",
                email=f"a{number}@example.org",
            ).status_code
            == 302
        )
    response = post(client, article, comment="Texte 3", email="a3@example.org")
    assert response.status_code == 429
    assert "trop de commentaires" in response.content.decode()
    assert Comment.objects.count() == 2


def test_rate_limit_per_email(client, article, settings):
    settings.MANCHETTE_COMMENTS_RATE_LIMIT = 1
    assert post(client, article, comment="Un").status_code == 302
    other_ip = client.post(
        reverse("comment_post", args=[article.pk]),
        valid_data(article, comment="Deux"),
        REMOTE_ADDR="198.51.100.7",
    )
    assert other_ip.status_code == 429


def test_duplicate_comment_is_refused(client, article):
    post(client, article)
    response = post(client, article, comment="  Très bon   article, merci. ")
    assert response.status_code == 400
    assert "déjà envoyé ce commentaire" in response.content.decode()
    assert Comment.objects.count() == 1


def test_comments_closed_on_the_article(client, section):
    article = ArticlePageFactory()
    ArticlePage.objects.filter(pk=article.pk).update(comments_open=False)
    html = client.get(article.url).content.decode()
    assert "Les commentaires sont fermés pour cet article." in html
    assert "Poster commentaire" not in html
    article.refresh_from_db()
    response = post(client, article)
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_comments_close_automatically_after_the_configured_days(client, section, rules):
    from datetime import timedelta

    from django.utils import timezone

    old = ArticlePageFactory(published_at=timezone.now() - timedelta(days=31))
    assert "Poster commentaire" not in client.get(old.url).content.decode()
    assert post(client, old).status_code == 403
    rules.close_after_days = 0
    rules.save()
    assert "Poster commentaire" in client.get(old.url).content.decode()


def test_unknown_article_gives_404_and_get_is_refused(client, article):
    assert client.post(reverse("comment_post", args=[999999]), {}).status_code == 404
    assert client.get(reverse("comment_post", args=[article.pk])).status_code == 405


def test_post_without_csrf_token_is_refused(article):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        reverse("comment_post", args=[article.pk]), valid_data(article)
    )
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_post_with_the_token_a_cached_page_fetches_works(article):
    strict = Client(enforce_csrf_checks=True)
    html = strict.get(article.url).content.decode()
    # The page is shared by every reader: its token field is empty, and
    # static/js/csrf.js fills it from the token endpoint, as done here.
    assert re.search(r'name="csrfmiddlewaretoken" value=""', html)
    token = strict.get("/csrf/").json()["token"]
    response = strict.post(
        reverse("comment_post", args=[article.pk]),
        valid_data(article, csrfmiddlewaretoken=token),
    )
    assert response.status_code == 302


def test_approved_comments_show_oldest_first_with_replies(client, article):
    first = make_comment(article, author_name="Premier", body="Premier texte")
    second = make_comment(article, author_name="Second", body="Second texte")
    make_comment(article, author_name="Réponse", body="Texte de réponse", parent=first)
    make_comment(
        article, author_name="Caché", body="En attente", status=Comment.Status.PENDING
    )
    html = client.get(article.url).content.decode()
    assert (
        html.index("Premier texte")
        < html.index("Texte de réponse")
        < html.index("Second texte")
    )
    assert "En attente" not in html
    assert "3 commentaires" in html
    replies = re.search(r'<ol class="comment-replies">.*?</ol>', html, re.S).group(0)
    assert "Texte de réponse" in replies
    assert f"?repondre={first.pk}" in html
    assert f"?repondre={second.pk}" in html


def test_author_website_is_nofollow_ugc_noopener(client, article):
    make_comment(article, author_url="https://example.org/blog")
    html = client.get(article.url).content.decode()
    assert (
        '<a href="https://example.org/blog" rel="nofollow ugc noopener">Karim</a>'
        in html
    )


def test_imported_javascript_website_is_not_a_link(client, article):
    make_comment(article, author_url="javascript:alert(1)")
    html = client.get(article.url).content.decode()
    assert "javascript:alert" not in html


def test_body_is_escaped_with_line_breaks_and_links(client, article):
    make_comment(
        article,
        body="<b>gras</b> voir https://example.org/page\nligne deux\n\nparagraphe",
    )
    html = client.get(article.url).content.decode()
    assert "&lt;b&gt;gras&lt;/b&gt;" in html
    assert (
        '<a href="https://example.org/page" rel="nofollow ugc noopener">https://example.org/page</a>'
        in html
    )
    assert "<br>ligne deux</p>" in html
    assert "<p>paragraphe</p>" in html


def test_french_date(client, article):
    from datetime import datetime

    from django.utils import timezone

    make_comment(article, created_at=timezone.make_aware(datetime(2025, 3, 4, 9, 5)))
    assert "4 mars 2025 à 09:05" in client.get(article.url).content.decode()


def test_email_never_appears_on_the_page(client, article):
    make_comment(article, author_email="secret.person@example.org")
    post(client, article, email="other.secret@example.org")
    for url in (article.url, article.url + "?commentaire=publie", "/", "/politique/"):
        html = client.get(url).content.decode()
        assert "secret.person" not in html
        assert "other.secret" not in html


def test_reply_link_preselects_the_parent(client, article):
    first = make_comment(article, author_name="Leïla")
    html = client.get(f"{article.url}?repondre={first.pk}").content.decode()
    assert f'name="parent" value="{first.pk}"' in html
    assert "Réponse à Leïla" in html


def test_reply_is_saved_under_its_thread(client, article):
    first = make_comment(article, author_email="salma@example.org")
    reply = make_comment(article, parent=first, author_email="x@example.org")
    post(client, article, parent=str(reply.pk), comment="Réponse à une réponse")
    saved = Comment.objects.latest("pk")
    assert saved.parent_id == first.pk


def test_reply_to_a_pending_comment_is_refused(client, article):
    hidden = make_comment(article, status=Comment.Status.PENDING)
    response = post(client, article, parent=str(hidden.pk))
    assert response.status_code == 400
    assert "auquel vous répondez" in response.content.decode()


def test_article_page_query_count_does_not_grow_with_comments(
    client, article, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(article.url)
    with CaptureQueriesContext(connection) as few:
        client.get(article.url)
    for number in range(12):
        parent = make_comment(article, body=f"Commentaire {number}")
        make_comment(article, body=f"Réponse {number}", parent=parent)
    with CaptureQueriesContext(connection) as many:
        html = client.get(article.url).content.decode()
    assert "24 commentaires" in html
    assert len(many) == len(few)
    comment_queries = [
        q for q in many.captured_queries if '"comments_comment"' in q["sql"]
    ]
    assert len(comment_queries) == 1
    assert "author_email" not in comment_queries[0]["sql"]


def test_comment_count_shows_on_cards(client, article):
    make_comment(article)
    make_comment(article, body="Autre")
    from manchette.comments.services import comment_count_refresh

    comment_count_refresh(article)
    html = client.get("/politique/").content.decode()
    assert "2 commentaires" in html


def test_comment_area_renders_for_an_unsaved_page_preview(rf, home):
    from django.template import Context, Template

    page = ArticlePage(title="Brouillon", summary="Résumé.")
    request = rf.get("/")
    html = Template("{% load comments_tags %}{% comment_area page %}").render(
        Context({"page": page, "request": request})
    )
    assert "Laisser un commentaire" in html
    assert "Poster commentaire" not in html


def test_a_replayed_form_token_is_refused_and_saves_nothing(client, article):
    data = valid_data(article, comment="Premier envoi.")
    path = reverse("comment_post", args=[article.pk])
    assert client.post(path, data).status_code == 302
    for number in range(3):
        replay = client.post(path, {**data, "comment": f"Rejoué {number}"})
        assert replay.status_code == 400
        assert "déjà été envoyé" in replay.content.decode()
    assert Comment.objects.count() == 1
