"""Writes of comments: submission with the moderation rules, moderation, counts,
editor notifications and erasure of a commenter's data.
"""

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from manchette.core.pagecache import invalidate, page_tag
from manchette.news.models import ArticlePage

from .models import Comment, CommentSettings
from .selectors import comment_list_pending_unnotified
from .spam import email_key, ip_hash, link_count, matching_key, rate_limit_hit
from .text import body_fingerprint

logger = logging.getLogger(__name__)

RATE_LIMITED_MESSAGE = gettext_lazy(
    "Vous avez envoyé trop de commentaires en peu de temps. "
    "Réessayez dans quelques minutes."
)
DUPLICATE_MESSAGE = gettext_lazy(
    "Vous avez déjà envoyé ce commentaire : il est enregistré."
)
NOTIFY_GATE_KEY = "comments:notify-scheduled"
ANONYMOUS_NAME = "Anonyme"


class CommentBlocked(Exception):
    """A submission refused by a spam rule; ``message`` is safe to show."""

    def __init__(self, message, *, code: str, status: int = 400):
        super().__init__(str(message))
        self.message = message
        self.code = code
        self.status = status


def comment_count_refresh(article: ArticlePage | int) -> int:
    """Store on the article its number of approved comments and return it.

    Invalidates nothing: the change that made the count move does (a comment
    moderated, or the article published, which invalidates it already).
    """
    article_id = getattr(article, "pk", article)
    count = Comment.objects.filter(
        article_id=article_id, status=Comment.Status.APPROVED
    ).count()
    ArticlePage.objects.filter(pk=article_id).update(comment_count=count)
    if isinstance(article, ArticlePage):
        article.comment_count = count
    return count


def comment_counts_refresh(article_ids: Iterable[int]) -> None:
    """Store the approved-comment count of each article in one UPDATE, and
    invalidate the articles: their pages show the comments, their cards the count.
    """
    article_ids = set(article_ids)
    if not article_ids:
        return
    approved = (
        Comment.objects.filter(
            article_id=OuterRef("pk"), status=Comment.Status.APPROVED
        )
        .order_by()
        .values("article_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    ArticlePage.objects.filter(pk__in=article_ids).update(
        comment_count=Coalesce(Subquery(approved), 0)
    )
    invalidate(page_tag("article", pk) for pk in article_ids)


def comment_status_decide(
    *, rules: CommentSettings, name: str, email: str, url: str, body: str
) -> tuple[str, str]:
    """Return the status a new comment gets and, when held, why (WordPress's rules):
    a disallowed word makes it spam; "moderate all", too many links or a moderation
    word hold it; else an e-mail with an approved comment is trusted, a first
    comment waits.
    """
    texts = (body, name, url, email)
    if key := matching_key(rules.disallowed_key_list, *texts):
        return Comment.Status.SPAM, _("mot interdit : %(key)s") % {"key": key}
    if rules.moderate_all:
        return Comment.Status.PENDING, _("tous les commentaires sont modérés")
    links = link_count(body, name)
    if links > rules.max_links:
        return Comment.Status.PENDING, _("%(count)d liens") % {"count": links}
    if key := matching_key(rules.moderation_key_list, *texts):
        return Comment.Status.PENDING, _("mot à modérer : %(key)s") % {"key": key}
    if not rules.trust_previously_approved:
        return Comment.Status.APPROVED, ""
    if Comment.objects.filter(
        author_email__iexact=email, status=Comment.Status.APPROVED
    ).exists():
        return Comment.Status.APPROVED, ""
    return Comment.Status.PENDING, _("premier commentaire")


def comment_submit(
    *,
    article: ArticlePage,
    rules: CommentSettings,
    name: str,
    email: str,
    body: str,
    url: str = "",
    parent_id: int | None = None,
    ip: str = "",
    now: datetime | None = None,
) -> Comment:
    """Apply the rate limits, duplicate check and moderation rules, then save and
    return the comment; raise ``CommentBlocked`` when a spam rule refuses it.
    """
    now = now or timezone.now()
    hashed_ip = ip_hash(ip) if ip else ""
    limit = settings.MANCHETTE_COMMENTS_RATE_LIMIT
    window = settings.MANCHETTE_COMMENTS_RATE_WINDOW
    ip_limited = bool(hashed_ip) and rate_limit_hit(
        f"ip:{hashed_ip}", limit=limit, window=window
    )
    email_limited = rate_limit_hit(
        f"email:{email_key(email)}", limit=limit, window=window
    )
    if ip_limited or email_limited:
        raise CommentBlocked(RATE_LIMITED_MESSAGE, code="rate_limited", status=429)

    fingerprint = body_fingerprint(body)
    same_author = Q(author_email__iexact=email)
    if hashed_ip:
        same_author |= Q(ip_hash=hashed_ip)
    recent = Comment.objects.filter(same_author, article_id=article.pk).values_list(
        "body", flat=True
    )
    if any(body_fingerprint(other) == fingerprint for other in recent[:200]):
        raise CommentBlocked(DUPLICATE_MESSAGE, code="duplicate")

    status, reason = comment_status_decide(
        rules=rules, name=name, email=email, url=url, body=body
    )
    with transaction.atomic():
        comment = Comment.objects.create(
            article_id=article.pk,
            parent_id=parent_id,
            author_name=name,
            author_email=email,
            author_url=url,
            body=body,
            status=status,
            created_at=now,
            ip_hash=hashed_ip,
            moderation_reason=reason,
        )
        if status == Comment.Status.APPROVED:
            comment_count_refresh(article)
            # Its page shows the comment, its cards the count.
            invalidate(page_tag("article", article.pk))
    if status == Comment.Status.PENDING:
        comment_notify_schedule()
    return comment


def comment_set_status(*, comments: Iterable[Comment], status: str) -> int:
    """Give ``comments`` the moderation ``status``; return how many changed."""
    ids = [comment.pk for comment in comments]
    with transaction.atomic():
        article_ids = set(
            Comment.objects.filter(pk__in=ids).values_list("article_id", flat=True)
        )
        changed = (
            Comment.objects.filter(pk__in=ids)
            .exclude(status=status)
            .update(status=status)
        )
        comment_counts_refresh(article_ids)
    return changed


def commenter_forget(*, email: str, delete: bool = False) -> int:
    """Erase one person's personal data from their comments; return how many.

    By default the comments stay, anonymised: the name becomes "Anonyme" and the
    e-mail, website and address hash are emptied. With ``delete`` they are removed;
    replies by other people then move up to the top level.
    """
    email = (email or "").strip()
    if not email:
        return 0
    with transaction.atomic():
        comments = Comment.objects.filter(author_email__iexact=email)
        article_ids = set(comments.values_list("article_id", flat=True))
        if delete:
            ids = list(comments.values_list("pk", flat=True))
            Comment.objects.filter(parent_id__in=ids).exclude(pk__in=ids).update(
                parent=None
            )
            count = (
                Comment.objects.filter(pk__in=ids)
                .delete()[1]
                .get(Comment._meta.label, 0)
            )
        else:
            count = comments.update(
                author_name=ANONYMOUS_NAME,
                author_email="",
                author_url="",
                ip_hash="",
            )
        comment_counts_refresh(article_ids)
    cache.delete(f"comments:rate:email:{email_key(email)}")
    return count


def comment_notify_schedule() -> None:
    """Enqueue the editors' e-mail about pending comments, at most once per
    ``MANCHETTE_COMMENTS_NOTIFY_DELAY`` seconds, so comments arriving meanwhile go
    in the same e-mail.
    """
    from .tasks import comments_notify_editors

    delay = settings.MANCHETTE_COMMENTS_NOTIFY_DELAY
    backend_defers = comments_notify_editors.get_backend().supports_defer
    if backend_defers and delay > 0:
        if not cache.add(NOTIFY_GATE_KEY, 1, timeout=delay):
            return
        task = comments_notify_editors.using(
            run_after=timezone.now() + timedelta(seconds=delay)
        )
    else:
        task = comments_notify_editors
    transaction.on_commit(task.enqueue)


def notify_recipients(rules: CommentSettings | None = None) -> list[str]:
    """Return the addresses told about pending comments: active users allowed to
    moderate them, and the addresses listed in the comment settings.
    """
    # Permissions live in the model backend (axes's backend only throttles).
    users = get_user_model().objects.with_perm(
        "comments.change_comment",
        include_superusers=True,
        backend="django.contrib.auth.backends.ModelBackend",
    )
    addresses = [
        address for address in users.values_list("email", flat=True) if address
    ]
    if rules is not None:
        addresses += rules.notify_email_list
    seen, unique = set(), []
    for address in addresses:
        if address.lower() not in seen:
            seen.add(address.lower())
            unique.append(address)
    return unique


def comment_notify_editors(*, now: datetime | None = None) -> int:
    """E-mail editors one message listing the pending comments nobody was told
    about yet; return how many comments it listed.

    The comments are claimed first (stamped with this run's time), so two workers
    never list the same comment.
    """
    from wagtail.models import Site

    stamp = now or timezone.now()
    claimed = comment_list_pending_unnotified().update(notified_at=stamp)
    if not claimed:
        return 0
    comments = list(
        Comment.objects.filter(notified_at=stamp, status=Comment.Status.PENDING)
        .select_related("article")
        .order_by("created_at", "pk")
    )
    site = Site.objects.filter(is_default_site=True).first()
    rules = CommentSettings.for_site(site) if site else None
    recipients = notify_recipients(rules)
    if not recipients or not comments:
        return len(comments)
    queue_url = (
        settings.MANCHETTE_BASE_URL
        + reverse("wagtailsnippets_comments_comment:list")
        + "?status=pending"
    )
    context = {"comments": comments, "count": len(comments), "queue_url": queue_url}
    subject = " ".join(
        render_to_string("comments/email/pending/subject.txt", context).split()
    )
    body = render_to_string("comments/email/pending/body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    logger.info(
        "Told %d editors about %d pending comments", len(recipients), len(comments)
    )
    return len(comments)


IMPORTED_FIELDS = (
    "author_name",
    "author_email",
    "author_url",
    "body",
    "status",
    "created_at",
    "parent_id",
)


def comment_import(
    *, threads: dict[int, list[tuple[Comment, str]]], count_refresh: bool = True
) -> tuple[int, int]:
    """Write comments imported from another system; return (created, updated).

    ``threads`` maps an article id to its comments: unsaved ``Comment`` objects
    whose ``source_id`` names them in the source, each with the ``source_id`` of
    the comment it answers ("" for none). A comment the article already has
    (same ``source_id``) is updated if it changed, else left alone. Parents are
    written before their replies, a few queries per thread level for all the
    articles; a reply to a comment missing from the source stays on top, and a
    loop of replies is cut. With ``count_refresh``, the articles whose comments
    changed get their approved count stored again.
    """
    existing = {
        (comment.article_id, comment.source_id): comment
        for comment in Comment.objects.filter(article_id__in=list(threads)).exclude(
            source_id=""
        )
    }
    waiting = {
        (article_id, comment.source_id): (comment, parent)
        for article_id, rows in threads.items()
        for comment, parent in rows
    }
    pks: dict[tuple[int, str], int] = {}
    created = updated = 0
    changed: set[int] = set()
    while waiting:
        ready = {
            key: entry
            for key, entry in waiting.items()
            if not entry[1] or (key[0], entry[1]) not in waiting
        }
        ready = ready or dict(waiting)  # A loop of replies: cut it.
        new, dirty = [], []
        for (article_id, source_id), (comment, parent) in ready.items():
            comment.article_id = article_id
            parent_key = (article_id, parent)
            comment.parent_id = (
                pks.get(parent_key) or getattr(existing.get(parent_key), "pk", None)
                if parent
                else None
            )
            current = existing.get((article_id, source_id))
            if current is None:
                new.append(comment)
                continue
            if any(
                getattr(current, name) != getattr(comment, name)
                for name in IMPORTED_FIELDS
            ):
                for name in IMPORTED_FIELDS:
                    setattr(current, name, getattr(comment, name))
                dirty.append(current)
            pks[(article_id, source_id)] = current.pk
        Comment.objects.bulk_create(new, batch_size=1000)
        for comment in new:
            pks[(comment.article_id, comment.source_id)] = comment.pk
        Comment.objects.bulk_update(dirty, IMPORTED_FIELDS, batch_size=1000)
        created += len(new)
        updated += len(dirty)
        changed.update(comment.article_id for comment in [*new, *dirty])
        for key in ready:
            del waiting[key]
    if count_refresh and changed:
        comment_counts_store(changed)
    return created, updated


def comment_counts_store(article_ids: Iterable[int]) -> None:
    """Store the approved-comment count of each article in one UPDATE (the
    caller invalidates what shows them)."""
    approved = (
        Comment.objects.filter(
            article_id=OuterRef("pk"), status=Comment.Status.APPROVED
        )
        .order_by()
        .values("article_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    ArticlePage.objects.filter(pk__in=set(article_ids)).update(
        comment_count=Coalesce(Subquery(approved), 0)
    )
