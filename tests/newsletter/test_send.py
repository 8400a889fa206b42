import re
from datetime import timedelta
from io import StringIO
from pathlib import Path

import dkim
import pytest
from django.core.management import call_command
from django.test import Client

from manchette.newsletter import services
from manchette.newsletter.models import BriefIssue, Delivery, Subscriber
from tests.factories import ArticlePageFactory
from tests.newsletter.conftest import html_part, text_part

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent.parent / "data" / "newsletter"


@pytest.fixture
def day():
    return services.brief_next_day()


@pytest.fixture
def articles(section, day):
    send_at = services.brief_send_time(day)
    return [
        ArticlePageFactory(
            title=f"Titre {n}",
            summary=f"Résumé de l’article {n}.",
            published_at=send_at - timedelta(hours=n + 1),
        )
        for n in range(3)
    ]


def subscribers(*addresses, status="active"):
    return [Subscriber.objects.create(email=a, status=status) for a in addresses]


def send(day, *args):
    out = StringIO()
    call_command("send_brief", "--date", day.isoformat(), *args, stdout=out)
    return out.getvalue()


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def test_brief_arrives_with_both_parts_headers_and_reading_time(
    smtp_sink, articles, day, settings
):
    subscribers("a@example.com", "b@example.com")
    send(day)
    assert len(smtp_sink.messages) == 2
    (received,) = smtp_sink.to("a@example.com")
    msg = received["msg"]
    assert msg["From"] == settings.MANCHETTE_BRIEF_FROM_EMAIL
    assert msg["Date"].datetime.tzinfo is not None
    assert re.fullmatch(r"<brief\.\d{8}\.\d+\.\d+@[^>]+>", msg["Message-ID"])
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    https_url, mailto = re.findall(r"<([^>]+)>", msg["List-Unsubscribe"])
    assert https_url.startswith(settings.MANCHETTE_BASE_URL + "/newsletter/")
    assert mailto.startswith("mailto:")
    assert "a@example.com" not in https_url
    text, html = text_part(msg), html_part(msg)
    assert "Temps de lecture : 1 minute" in text
    assert "Temps de lecture" in msg["Subject"] or "lecture" in msg["Subject"]
    for article in articles:
        assert article.title in text
        assert article.summary in text
        assert article.title in html
    assert 'style="' in html
    assert "@media (max-width: 620px)" in html
    assert https_url in text
    assert "<img" not in html


def test_links_of_the_brief_work_on_the_site(smtp_sink, articles, day):
    (subscriber,) = subscribers("a@example.com")
    send(day)
    msg = smtp_sink.messages[0]["msg"]
    client = Client()
    links = re.findall(r'href="([^"]+)"', html_part(msg))
    article_links = [link for link in links if "/newsletter/" not in link]
    assert article_links
    for link in article_links:
        assert client.get(path_of(link)).status_code == 200
    https_url = re.findall(r"<([^>]+)>", msg["List-Unsubscribe"])[0]
    page = client.get(path_of(https_url))
    assert page.status_code == 200
    assert "Me désinscrire" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "active"
    one_click = client.post(
        path_of(https_url),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert one_click.status_code == 200
    assert not one_click.cookies
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"


def test_running_again_sends_nothing_new(smtp_sink, articles, day):
    subscribers("a@example.com", "b@example.com")
    send(day)
    Subscriber.objects.create(email="late@example.com", status="active")
    out = send(day)
    assert len(smtp_sink.messages) == 2
    assert "rien de nouveau" in out
    issue = BriefIssue.objects.get(day=day)
    assert issue.status == BriefIssue.Status.SENT
    assert issue.progress() == {"sent": 2, "failed": 0, "total": 2}


def test_unsubscribed_reader_gets_nothing_the_next_day(smtp_sink, section, day):
    subscribers("stay@example.com", "leave@example.com")
    send_at = services.brief_send_time(day)
    ArticlePageFactory(published_at=send_at - timedelta(hours=30))
    send(day - timedelta(days=1))
    leave = Subscriber.objects.get(email="leave@example.com")
    assert services.subscriber_unsubscribe(token=leave.token)
    ArticlePageFactory(published_at=send_at - timedelta(hours=1))
    send(day)
    assert len(smtp_sink.to("stay@example.com")) == 2
    assert len(smtp_sink.to("leave@example.com")) == 1


def test_dry_run_sends_and_writes_nothing(smtp_sink, articles, day):
    subscribers("a@example.com")
    out = send(day, "--dry-run")
    assert "Titre 0" in out
    assert "Destinataires : 1" in out
    assert smtp_sink.messages == []
    assert not BriefIssue.objects.exists()


def test_no_article_means_no_issue(smtp_sink, section, day):
    subscribers("a@example.com")
    out = send(day)
    assert "pas de brief" in out
    assert BriefIssue.objects.get(day=day).status == BriefIssue.Status.EMPTY
    assert smtp_sink.messages == []


def test_bad_date_is_a_clear_error(db):
    with pytest.raises(Exception, match="Date invalide"):
        call_command("send_brief", "--date", "2026-13-45")


def test_hard_bounces_are_recorded_then_deactivate(
    smtp_sink, section, day, settings, admin_client
):
    settings.MANCHETTE_BRIEF_MAX_HARD_BOUNCES = 2
    subscribers("ok@example.com", "gone@example.com")
    smtp_sink.refuse["gone@example.com"] = "550 5.1.1 No such user"
    send_at = services.brief_send_time(day)
    for offset, issue_day in ((2, day - timedelta(days=1)), (1, day)):
        ArticlePageFactory(
            published_at=send_at - timedelta(hours=24 * (offset - 1) + 1)
        )
        send(issue_day)
    gone = Subscriber.objects.get(email="gone@example.com")
    assert gone.hard_bounces == 2
    assert gone.status == Subscriber.Status.DEACTIVATED
    failed = Delivery.objects.filter(subscriber=gone)
    assert {d.status for d in failed} == {"failed"}
    assert all("550" in d.error for d in failed)
    assert len(smtp_sink.to("ok@example.com")) == 2
    issue = BriefIssue.objects.get(day=day)
    assert issue.progress() == {"sent": 1, "failed": 1, "total": 2}
    preview = admin_client.get(f"/admin/newsletter/issue/{issue.pk}/").content.decode()
    assert "550 5.1.1 No such user" in preview


def test_temporary_refusal_is_retried(smtp_sink, articles, day):
    subscribers("busy@example.com")
    smtp_sink.refuse["busy@example.com"] = "451 4.7.1 Try later"
    issue = services.brief_compose(day=day)
    services.brief_start(issue=issue)
    sent, failed = services.brief_deliver(issue=issue)
    delivery = Delivery.objects.get()
    # Three claims, three refusals, then it gives up.
    assert delivery.status == "failed"
    assert delivery.attempts == 3
    assert "451" in delivery.error
    assert Subscriber.objects.get().status == "active"


def test_dkim_signature_covers_list_unsubscribe(smtp_sink, articles, day, settings):
    # A throwaway key made for this test with `openssl genrsa 2048`.
    settings.MANCHETTE_DKIM_DOMAIN = "example.org"
    settings.MANCHETTE_DKIM_SELECTOR = "brief"
    settings.MANCHETTE_DKIM_PRIVATE_KEY = str(DATA / "dkim-test-key.pem")
    public = (DATA / "dkim-test-key.pub.b64").read_bytes().strip()
    subscribers("a@example.com")
    send(day)
    raw = smtp_sink.messages[0]["raw"]
    signed = smtp_sink.messages[0]["msg"]["DKIM-Signature"]
    headers = re.search(r"h=([^;]+)", signed).group(1).replace(" ", "").split(":")
    assert "list-unsubscribe" in headers
    assert "list-unsubscribe-post" in headers

    def dns(name, timeout=5):
        assert name == b"brief._domainkey.example.org."
        return b"v=DKIM1; k=rsa; p=" + public

    assert dkim.verify(raw, dnsfunc=dns)


def test_rate_limit_spaces_messages(smtp_sink, articles, day, settings):
    import time

    settings.MANCHETTE_BRIEF_RATE_PER_SECOND = 20
    subscribers(*[f"r{n}@example.com" for n in range(6)])
    started = time.monotonic()
    send(day)
    assert time.monotonic() - started >= 5 / 20
    assert len(smtp_sink.messages) == 6


def test_fast_path_gives_the_same_message_as_a_full_build(articles, day):
    import email
    from email import policy

    issue = services.brief_compose(day=day)
    rendered = services.brief_render_issue(issue)
    fast = rendered.message(email="a@example.com", token="jeton123", delivery_id=7)
    assert fast.raw is not None
    fast_msg = email.message_from_bytes(
        fast.message().as_bytes(), policy=policy.default
    )
    full = rendered.message(email="a@example.com", token="jeton123", delivery_id=7)
    full.raw = None
    full_msg = email.message_from_bytes(
        full.message().as_bytes(linesep="\r\n"), policy=policy.default
    )
    for header in ("To", "Subject", "Message-ID", "List-Unsubscribe", "From"):
        # Folding may differ (placeholders are longer): compare unfolded values.
        assert fast_msg[header].split() == full_msg[header].split()
    assert text_part(fast_msg) == text_part(full_msg)
    assert html_part(fast_msg) == html_part(full_msg)
    assert "jeton123" in text_part(fast_msg)
    assert "PLACEHOLDER" not in fast.message().as_bytes().decode().upper()


def test_unreachable_server_is_a_clear_error_then_the_rerun_sends(
    smtp_sink, articles, day, settings
):
    from django.core.management.base import CommandError

    from tests.conftest import free_port

    subscribers("a@example.com")
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = free_port()
    with pytest.raises(CommandError, match="injoignable"):
        send(day)
    assert Delivery.objects.get().status == "pending"
    settings.EMAIL_PORT = port
    send(day)
    assert len(smtp_sink.to("a@example.com")) == 1
