from django.conf import settings
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from manchette.core.clients import client_ip
from manchette.news.models import ArticlePage

from .forms import CommentForm
from .models import Comment, CommentSettings
from .selectors import comments_are_open
from .services import RATE_LIMITED_MESSAGE, CommentBlocked, comment_submit
from .spam import ip_hash, rate_limit_hit


def _render_with_form(request, article, form, *, status):
    """Render the article page again with the posted form, its errors and what the
    reader typed (but the e-mail address); never cached, as it holds one reader's
    input.
    """
    # The e-mail address is never written into a page, not even back to the
    # reader who typed it; comments.js refills the field from sessionStorage.
    data = form.data.copy()
    data.pop("email", None)
    form.data = data
    context = article.get_context(request)
    context["comment_form"] = form
    response = TemplateResponse(
        request, article.get_template(request), context, status=status
    )
    add_never_cache_headers(response)
    return response


@require_POST
def comment_post(request, article_id):
    """Take a comment posted from an article page, then redirect back to the
    article saying where the comment stands (or show the form again with errors).
    """
    article = get_object_or_404(ArticlePage.objects.live().public(), pk=article_id)
    # The endpoint has no edition prefix: answer in the article's language.
    translation.activate(article.locale.language_code)
    request.LANGUAGE_CODE = article.locale.language_code
    rules = CommentSettings.for_request(request)
    form = CommentForm(request.POST, article=article, client=client_ip(request))
    if not comments_are_open(article, rules):
        form.is_valid()
        form.add_error(None, _("Les commentaires sont fermés pour cet article."))
        return _render_with_form(request, article, form, status=403)

    ip = client_ip(request)
    # A looser cap on every post, valid or not, against hammering.
    if ip and rate_limit_hit(
        f"post:{ip_hash(ip)}",
        limit=settings.MANCHETTE_COMMENTS_RATE_LIMIT * 4,
        window=settings.MANCHETTE_COMMENTS_RATE_WINDOW,
    ):
        form.is_valid()
        form.add_error(None, RATE_LIMITED_MESSAGE)
        return _render_with_form(request, article, form, status=429)

    if not form.is_valid():
        return _render_with_form(request, article, form, status=400)
    data = form.cleaned_data
    try:
        comment = comment_submit(
            article=article,
            rules=rules,
            name=data["author"],
            email=data["email"],
            url=data["url"],
            body=data["comment"],
            parent_id=data["parent"],
            ip=ip,
        )
    except CommentBlocked as blocked:
        form.add_error(None, blocked.message)
        return _render_with_form(request, article, form, status=blocked.status)

    url = article.get_url(request)
    if comment.status == Comment.Status.APPROVED:
        return redirect(f"{url}?commentaire=publie#commentaire-{comment.pk}")
    # Pending and spam read the same, so a spammer learns nothing.
    return redirect(f"{url}?commentaire=en-attente#laisser-un-commentaire")
