"""Bylines: a staff account is linked to its author page (``AuthorPage.user``); a new
article starts with the current user's author in its byline.
"""

from django.utils.translation import gettext_lazy as _

AUTHOR_REQUIRED = _(
    "Choisissez un auteur dans cette ligne de signature, ou retirez la ligne "
    "(icône corbeille)."
)
NO_AUTHOR_PAGE = _(
    "Votre compte n’est lié à aucune page auteur : la signature de cet article est "
    "vide. Choisissez l’auteur ci-dessous (« Ajouter un(e) Auteurs »), et demandez "
    "à un administrateur de lier votre compte à votre page (Auteurs › votre page › "
    "« Compte lié ») pour qu’elle soit remplie d’office."
)


def author_for_user(user):
    """Return the author page linked to ``user``, or None."""
    from manchette.news.models import AuthorPage

    if user is None or not user.is_authenticated:
        return None
    return AuthorPage.objects.filter(user=user).first()


class BylineFormMixin:
    """Prefills a new article's byline with the current user's author page, and says
    what to do when a byline row is left empty instead of a bare "required field".
    """

    byline_relation = "article_authors"

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        formset = self.formsets.get(self.byline_relation)
        if formset is None:
            return
        field = formset.form.base_fields.get("author")
        if field is not None:
            field.error_messages = {**field.error_messages, "required": AUTHOR_REQUIRED}
        if self.is_bound or self.instance.pk is not None:
            return
        author = author_for_user(for_user)
        if author is None:
            return
        # One extra row holding the author: saved as a new byline when the
        # form comes back, changed or removed by an editor like any row.
        prefilled = type(formset)(
            instance=self.instance,
            prefix=formset.prefix,
            initial=[{"author": author.pk}],
            form_kwargs=formset.form_kwargs,
        )
        prefilled.extra = 1
        self.formsets[self.byline_relation] = prefilled
