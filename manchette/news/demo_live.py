"""Demo content of breaking news and trust: a finished live blog, correction and
update notes, the editorial policy page, and the roles' permissions for them.
Safe to rerun: whatever exists is left as it is.
"""

from datetime import timedelta

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone

from .models import ArticlePage, ContentPage, HomePage, SectionPage
from .models_live import CorrectionNote, LiveBlogPage, LiveUpdate

LIVE_SLUG = "direct-soiree-elections-partielles"
POLICY_SLUG = "politique-editoriale"
# Editors post updates, set alerts and add notes; only administrators delete a
# note, so the corrections log keeps its history.
EDITOR_PERMISSIONS = [
    "add_liveupdate",
    "change_liveupdate",
    "delete_liveupdate",
    "view_liveupdate",
    "add_alert",
    "change_alert",
    "delete_alert",
    "view_alert",
    "add_correctionnote",
    "change_correctionnote",
    "view_correctionnote",
]
ADMINISTRATOR_PERMISSIONS = [*EDITOR_PERMISSIONS, "delete_correctionnote"]
# The audience report (manchette.newsletter, named by app label: news imports
# none of it).
AUDIENCE_PERMISSION = ("newsletter", "view_articlereadcount")

LIVE_UPDATES = [
    (
        "Les bureaux ferment",
        "Les derniers électeurs ont voté à 19 heures ; le dépouillement commence.",
    ),
    (
        "",
        "Dans la circonscription du nord, les assesseurs comptent les bulletins à voix haute, comme le veut la loi.",
    ),
    (
        "Participation",
        "Selon le ministère de l’Intérieur, la participation atteint 38 % à 17 heures, quatre points de plus qu’au dernier scrutin partiel.",
    ),
    (
        "",
        "Notre correspondante signale une file d’attente encore longue devant une école du centre-ville à la fermeture.",
    ),
    (
        "Premier bureau",
        "Premier bureau dépouillé : la liste sortante arrive en tête avec une courte avance.",
    ),
    (
        "",
        "Les observateurs de la société civile disent n’avoir relevé aucun incident majeur pendant la journée.",
    ),
    (
        "Réaction",
        "Le candidat de l’opposition appelle ses partisans à attendre les résultats complets avant toute conclusion.",
    ),
    (
        "",
        "Dix bureaux sur soixante-deux sont désormais dépouillés dans la première circonscription.",
    ),
    (
        "Tendance",
        "Les premiers chiffres confirment un scrutin serré : moins de 300 voix séparent les deux listes de tête.",
    ),
    ("", "La commission provinciale annonce un point presse vers 23 heures."),
    (
        "",
        "Dans la circonscription du sud, le taux de bulletins nuls est plus élevé qu’attendu, autour de 6 %.",
    ),
    (
        "Trente bureaux",
        "À mi-parcours du dépouillement, l’écart entre les deux premières listes se resserre encore.",
    ),
    (
        "",
        "Un recours est annoncé par une liste minoritaire contestant l’emplacement d’un bureau de vote.",
    ),
    (
        "Point presse",
        "Le gouverneur confirme que les procès-verbaux seront transmis à la commission dans la nuit.",
    ),
    (
        "",
        "Quarante-huit bureaux dépouillés : la liste sortante conserve son avance, désormais de 520 voix.",
    ),
    (
        "",
        "Les partisans de la liste sortante commencent à se rassembler devant son siège.",
    ),
    (
        "Presque tout",
        "Soixante bureaux sur soixante-deux sont dépouillés ; les deux derniers sont des bureaux ruraux.",
    ),
    (
        "Résultat provisoire",
        "La liste sortante l’emporte dans la première circonscription avec 51,8 % des suffrages exprimés.",
    ),
    (
        "",
        "Le candidat de l’opposition reconnaît sa défaite et félicite son adversaire.",
    ),
    (
        "Fin du direct",
        "Ce direct est terminé. Merci de l’avoir suivi ; notre analyse des résultats paraîtra demain matin.",
    ),
]

POLICY_BODY = [
    "Notre rédaction vérifie ce qu’elle publie, mais il lui arrive de se tromper.",
    "Quand une erreur de fait est signalée ou découverte, nous la corrigeons dans l’article et nous ajoutons une note « Correction » datée qui dit ce qui était faux. Une précision ou un développement de l’actualité donne lieu à une note « Mise à jour ».",
    "Les notes restent attachées à l’article même s’il est modifié ensuite ; seule la direction de la rédaction peut en supprimer une, et chaque suppression est consignée.",
    "Toutes nos corrections sont réunies sur la page Corrections (/corrections/), avec un flux RSS. Pour nous signaler une erreur, écrivez à la rédaction.",
]


def _paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def permissions_grant() -> None:
    """Give the demo roles the permissions of live updates, alerts, notes and
    the audience report."""
    for name, codenames in (
        ("Éditeurs", EDITOR_PERMISSIONS),
        ("Administrateurs", ADMINISTRATOR_PERMISSIONS),
    ):
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="news", codename__in=codenames
                ),
                *Permission.objects.filter(
                    content_type__app_label=AUDIENCE_PERMISSION[0],
                    codename=AUDIENCE_PERMISSION[1],
                ),
            )


def live_blog_ensure(section: SectionPage) -> LiveBlogPage:
    """Create the finished demo live blog and its twenty updates."""
    existing = LiveBlogPage.objects.filter(slug=LIVE_SLUG).first()
    if existing is not None:
        return existing
    start = timezone.now() - timedelta(days=1, hours=6)
    page = LiveBlogPage(
        title="En direct : la soirée des élections partielles",
        slug=LIVE_SLUG,
        summary="Fermeture des bureaux, participation, dépouillement et premiers résultats, heure par heure.",
        status=LiveBlogPage.Status.ENDED,
        coverage_start=start,
        coverage_end=start + timedelta(minutes=15 * len(LIVE_UPDATES)),
    )
    section.add_child(instance=page)
    page.save_revision().publish()
    ArticlePage.objects.filter(pk=page.pk).update(
        first_published_at=start, published_at=start
    )
    LiveUpdate.objects.bulk_create(
        LiveUpdate(
            page=page,
            posted_at=start + timedelta(minutes=15 * number),
            title=title,
            body=[_paragraph(text)],
            pinned=number == len(LIVE_UPDATES) - 2,
        )
        for number, (title, text) in enumerate(LIVE_UPDATES)
    )
    return page


def notes_ensure() -> None:
    """Give one demo article a correction and another an update note."""
    if CorrectionNote.objects.exists():
        return
    articles = list(
        ArticlePage.objects.filter(source_uri__startswith="demo:").order_by(
            "-published_at"
        )[:2]
    )
    if len(articles) < 2:
        return
    CorrectionNote.objects.create(
        article=articles[0],
        text="Une version précédente de cet article donnait une date erronée pour le vote en commission ; il a eu lieu mardi, non lundi.",
    )
    CorrectionNote.objects.create(
        article=articles[1],
        kind=CorrectionNote.Kind.UPDATE,
        text="Ajout de la réaction du ministère, reçue après la publication.",
    )


def policy_page_ensure(home: HomePage) -> ContentPage:
    """Create the "Politique éditoriale" page explaining corrections, if missing."""
    existing = ContentPage.objects.filter(slug=POLICY_SLUG).first()
    if existing is not None:
        return existing
    page = ContentPage(
        title="Politique éditoriale",
        slug=POLICY_SLUG,
        body=[_paragraph(text) for text in POLICY_BODY],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@transaction.atomic
def demo_live_build() -> None:
    """Add the breaking-news demo content to the demo newsroom."""
    home = HomePage.objects.first()
    section = SectionPage.objects.filter(slug="politique").first()
    if home is None or section is None:
        return
    permissions_grant()
    live_blog_ensure(section)
    notes_ensure()
    policy_page_ensure(home)
