"""Links the demo accounts to demo author pages, so their new articles are signed."""

from django.contrib.auth import get_user_model

from .models import AuthorPage

# Demo account -> the author page it signs as.
DEMO_BYLINES = {"auteur": "hamza-ouchen", "editeur": "ines-lamrani"}


def demo_bylines_link() -> None:
    """Link each demo account to its author page, unless either is already linked."""
    users = get_user_model().objects.filter(username__in=DEMO_BYLINES)
    for user in users:
        if AuthorPage.objects.filter(user=user).exists():
            continue
        AuthorPage.objects.filter(
            slug=DEMO_BYLINES[user.username], user__isnull=True
        ).update(user=user)
