"""Builds the demo newsroom: site, sections, people, roles, workflow and articles."""

import io
import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from manchette.core.models import SiteIdentity, SocialLink

from . import demo_content
from .models import ArticlePage, HomePage
from .services import (
    ArticleData,
    article_save,
    author_ensure,
    section_ensure,
    site_ensure,
)

ROLES = {
    # Authors write and submit for review; editors review and publish;
    # administrators also manage settings, users and the workflow.
    "Auteurs": ["add_page", "change_page"],
    "Éditeurs": [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ],
    "Administrateurs": [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ],
}
IMAGE_PERMISSIONS = ["add_image", "choose_image", "change_image"]
# Model permissions of the other apps' admin screens, named by app label so that
# news imports none of them; an app that is not installed is skipped.
EDITOR_MODEL_PERMISSIONS = [
    # Translating (wagtail-localize): every edition is edited by the same roles.
    "wagtail_localize.submit_translation",
    "comments.view_comment",
    "comments.change_comment",
    "comments.delete_comment",
    "newsletter.view_subscriber",
    "newsletter.change_subscriber",
    "newsletter.add_briefissue",
    "newsletter.view_briefissue",
    "newsletter.change_briefissue",
    "newsletter.add_briefitem",
    "newsletter.view_briefitem",
    "newsletter.change_briefitem",
    "newsletter.delete_briefitem",
    "newsletter.view_delivery",
]
ADMIN_MODEL_PERMISSIONS = [
    *EDITOR_MODEL_PERMISSIONS,
    "core.change_siteidentity",
    "comments.view_commentsettings",
    "comments.change_commentsettings",
    "newsletter.delete_subscriber",
    "importers.view_wxrobject",
    "importers.change_wxrobject",
]


def _model_permissions(names: list[str]) -> list[Permission]:
    permissions = []
    for name in names:
        app_label, codename = name.split(".")
        permissions += Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        )
    return permissions


DEMO_USERS = [
    ("admin", "Administrateurs", "Admin", "Démo", True),
    ("editeur", "Éditeurs", "Éditrice", "Démo", False),
    ("auteur", "Auteurs", "Auteur", "Démo", False),
]
SECTION_COLOURS = {
    "politique": (164, 22, 26),
    "economie": (22, 101, 52),
    "societe": (180, 83, 9),
    "monde": (29, 78, 216),
    "sport": (15, 118, 110),
    "culture": (126, 34, 206),
    "tech": (55, 65, 81),
}


def roles_ensure(home: HomePage) -> dict[str, Group]:
    """Return the three newsroom groups, with their page and image permissions."""
    groups = {}
    admin_permission = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    root_collection = Collection.get_first_root_node()
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(admin_permission)
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=group, page=home, permission=permission
            )
        for codename in IMAGE_PERMISSIONS:
            permission = Permission.objects.get(
                content_type__app_label="wagtailimages", codename=codename
            )
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
        groups[name] = group
    groups["Éditeurs"].permissions.add(*_model_permissions(EDITOR_MODEL_PERMISSIONS))
    groups["Administrateurs"].permissions.add(
        *_model_permissions(ADMIN_MODEL_PERMISSIONS)
    )
    return groups


def workflow_ensure(home: HomePage, editors: Group) -> Workflow:
    """Return the review workflow on the whole site: an editor approves before publishing."""
    workflow, _ = Workflow.objects.get_or_create(name="Relecture par la rédaction")
    task = GroupApprovalTask.objects.filter(name="Validation éditeur").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="Validation éditeur")
    task.groups.set([editors])
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return workflow


def users_ensure(
    groups: dict[str, Group], *, reset_passwords: bool = False
) -> list[tuple[str, str | None]]:
    """Return ``(username, password)`` per demo account; the password is None when an
    existing account kept its own.
    """
    user_model = get_user_model()
    accounts = []
    for username, group_name, first, last, superuser in DEMO_USERS:
        user = user_model.objects.filter(username=username).first()
        password = None
        if user is None or reset_passwords:
            password = secrets.token_urlsafe(12)
            user = user or user_model(
                username=username, email=f"{username}@example.invalid"
            )
            user.set_password(password)
        user.first_name, user.last_name = first, last
        user.is_staff = superuser
        user.is_superuser = superuser
        user.save()
        user.groups.add(groups[group_name])
        accounts.append((username, password))
    return accounts


def section_image(slug: str, title: str):
    """Return a generated illustration for a section (a coloured band with its name)."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

    image_model = get_image_model()
    existing = image_model.objects.filter(title=f"Illustration {title}").first()
    if existing:
        return existing
    colour = SECTION_COLOURS.get(slug, (60, 60, 60))
    canvas = PILImage.new("RGB", (1280, 720), colour)
    draw = ImageDraw.Draw(canvas)
    for step in range(0, 720, 24):
        shade = tuple(min(255, c + step // 8) for c in colour)
        draw.rectangle([0, step, 1280, step + 12], fill=shade)
    draw.text((60, 620), title.upper(), fill=(255, 255, 255))
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=80)
    buffer.seek(0)
    image = image_model(
        title=f"Illustration {title}",
        description=f"Illustration de la rubrique {title}",
    )
    image.file = ImageFile(buffer, name=f"demo-{slug}.jpg")
    image.save()
    return image


def authors_ensure(people: list[dict], *, locale=None) -> dict:
    """Return the demo's journalists of an edition (default: French) by slug,
    created when missing.
    """
    return {
        person["slug"]: author_ensure(
            name=person["name"],
            slug=person["slug"],
            role=person["role"],
            bio=person["bio"],
            locale=locale,
        )
        for person in people
    }


def _paragraph(text: str) -> dict:
    from html import escape

    return {"type": "paragraph", "value": f"<p>{escape(text)}</p>"}


def _body(item: dict, slug_to_id: dict[str, int]) -> list[dict]:
    blocks = []
    heading = item.get("heading_before")
    quote = item.get("quote")
    read_also = item.get("read_also")
    for index, text in enumerate(item["paragraphs"]):
        if heading and heading[0] == index:
            blocks.append(
                {"type": "heading", "value": {"text": heading[1], "level": "h2"}}
            )
        blocks.append(_paragraph(text))
        if quote and quote["after"] == index:
            blocks.append(
                {
                    "type": "quote",
                    "value": {
                        "text": quote["text"],
                        "attribution": quote.get("attribution", ""),
                    },
                }
            )
        if (
            read_also
            and read_also["after"] == index
            and read_also["slug"] in slug_to_id
        ):
            blocks.append(
                {
                    "type": "read_also",
                    "value": {"article": slug_to_id[read_also["slug"]]},
                }
            )
    return blocks


def settings_ensure(home: HomePage) -> None:
    site = Site.objects.get(root_page=home)
    identity = SiteIdentity.for_site(site)
    identity.publisher_name = "Manchette"
    identity.tagline = "L’actualité du Maroc et du monde, sans détour"
    identity.save()
    if not identity.social_links.exists():
        for order, (network, url) in enumerate(
            [
                ("facebook", "https://www.facebook.com/manchette.demo"),
                ("x", "https://x.com/manchette_demo"),
                ("instagram", "https://www.instagram.com/manchette.demo"),
                ("youtube", "https://www.youtube.com/@manchette-demo"),
            ]
        ):
            SocialLink.objects.create(
                settings=identity, network=network, url=url, sort_order=order
            )


@transaction.atomic
def demo_build(*, reset_passwords: bool = False, progress=None) -> dict:
    """Create whatever of the demo newsroom is missing; return what was done."""
    home = site_ensure(site_name="Manchette")
    settings_ensure(home)
    groups = roles_ensure(home)
    workflow_ensure(home, groups["Éditeurs"])
    accounts = users_ensure(groups, reset_passwords=reset_passwords)

    sections = {}
    images = {}
    for slug, title, description in demo_content.SECTIONS:
        sections[slug] = section_ensure(
            home=home, slug=slug, title=title, description=description
        )
        images[slug] = section_image(slug, title)
    authors = authors_ensure(demo_content.AUTHORS)

    now = timezone.now()
    existing = {
        page.source_uri: page
        for page in ArticlePage.objects.filter(source_uri__startswith="demo:")
    }
    slug_to_id = {uri.removeprefix("demo:"): page.pk for uri, page in existing.items()}
    created = []
    # Oldest first, so that the page tree's order matches publication order.
    for item in sorted(demo_content.ARTICLES, key=lambda item: -item["hours_ago"]):
        uri = f"demo:{item['slug']}"
        if uri in existing:
            if progress:
                progress()
            continue
        data = ArticleData(
            title=item["title"],
            summary=item["summary"],
            body=_body({**item, "read_also": None}, slug_to_id),
            tags=item["tags"],
            authors=[authors[slug] for slug in item["authors"]],
            first_published_at=now - timedelta(hours=item["hours_ago"]),
            featured=item.get("featured", False),
            slug=item["slug"],
            source_uri=uri,
        )
        article, _ = article_save(section=sections[item["section"]], data=data)
        ArticlePage.objects.filter(pk=article.pk).update(
            featured_image=images[item["section"]]
        )
        slug_to_id[item["slug"]] = article.pk
        created.append((item, article))
        if progress:
            progress()
    # "Lire aussi" blocks point at other articles, so they are added once all exist.
    for item, article in created:
        if item.get("read_also"):
            article = ArticlePage.objects.get(pk=article.pk)
            article.body = _body(item, slug_to_id)
            article.save_revision().publish()
            ArticlePage.objects.filter(pk=article.pk).update(
                last_published_at=article.first_published_at
            )
    return {
        "accounts": accounts,
        "created": len(created),
        "total": len(demo_content.ARTICLES),
    }
