"""Demo content of the reader's front: a distinct generated picture per article,
the footer's content pages and the editors' picks of the home page.

Called by ``seed_demo`` after ``demo_build``; safe to rerun.
"""

import hashlib
import io
import math
import random
from html import escape

from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images import get_image_model

from .models import ArticlePage, AuthorPage, ContentPage, HomePage, HomePagePick

# Palettes of newspaper illustrations: a deep ground, two mid tones, a light accent.
PALETTES = [
    ("#0f2a44", "#1f5f8b", "#6fa8c9", "#f2c14e"),
    ("#3b1f2b", "#8c2f39", "#d96c4f", "#f4d6a0"),
    ("#10302a", "#2e6b57", "#86b49a", "#f0e6c8"),
    ("#2a2238", "#5a4a8a", "#b49fd6", "#f5e9d7"),
    ("#3a2a12", "#a0662a", "#e0a458", "#fbeed7"),
    ("#122027", "#2f4f5f", "#c4603b", "#ecd9bd"),
    ("#1d1d1f", "#44546a", "#e3b23c", "#f3efe6"),
    ("#21313c", "#c1443a", "#f0a17a", "#f7f1e5"),
    ("#0e3b43", "#2e8a8a", "#f2b134", "#fcefd9"),
    ("#2b2d42", "#8d99ae", "#ef233c", "#edf2f4"),
    ("#283618", "#606c38", "#dda15e", "#fefae0"),
    ("#03045e", "#0077b6", "#90e0ef", "#ffd6a5"),
]
WIDTH, HEIGHT = 1600, 900

FOOTER_PAGES = [
    (
        "a-propos",
        "À propos",
        [
            "Manchette est un journal d’information en ligne qui couvre l’actualité du Maroc, de l’Afrique et du monde en français, en arabe et en anglais.",
            ("h2", "Notre rédaction"),
            "Une équipe de journalistes basés à Rabat, Casablanca et Tanger vérifie, recoupe et contextualise chaque information avant publication. Nos correspondants suivent l’actualité des régions.",
            ("h2", "Notre indépendance"),
            "Le journal est financé par ses lecteurs et par une publicité clairement signalée. Aucun annonceur n’intervient dans le choix ou le traitement des sujets.",
        ],
    ),
    (
        "contact",
        "Contact",
        [
            "Une information à nous signaler, une erreur à corriger, une question sur un article ? Écrivez à la rédaction : redaction@manchette.example.",
            ("h2", "Adresse"),
            "Manchette, 12 avenue de la Démonstration, 10000 Rabat, Maroc. Téléphone : +212 5 00 00 00 00 (du lundi au vendredi, de 9 h à 18 h).",
            ("h2", "Publicité et partenariats"),
            "Pour toute demande commerciale : partenariats@manchette.example.",
        ],
    ),
    (
        "mentions-legales",
        "Mentions légales",
        [
            "Le site est édité par Manchette SARL, au capital de 100 000 dirhams, immatriculée au registre du commerce de Rabat. Directeur de la publication : le gérant de la société.",
            ("h2", "Hébergement"),
            "Le site est hébergé par un prestataire situé au Maroc ; ses coordonnées sont communiquées sur simple demande adressée à la rédaction.",
            ("h2", "Propriété intellectuelle"),
            "Les articles, photographies et illustrations sont protégés par le droit d’auteur. Toute reproduction sans autorisation écrite est interdite, sauf courte citation avec mention de la source.",
        ],
    ),
    (
        "politique-de-confidentialite",
        "Politique de confidentialité",
        [
            "Nous ne collectons que les données nécessaires au service que vous demandez : votre adresse e-mail pour la newsletter, votre nom et votre adresse pour un commentaire.",
            ("h2", "Mesure d’audience"),
            "Le nombre de lectures d’un article est compté sans cookie et sans identifier la personne qui lit. Aucun traceur publicitaire n’est déposé.",
            ("h2", "Vos droits"),
            "Conformément à la loi 09-08, vous pouvez accéder à vos données, les rectifier ou demander leur effacement en écrivant à donnees@manchette.example. Chaque newsletter contient un lien de désinscription.",
        ],
    ),
    (
        "conditions-d-utilisation",
        "Conditions d’utilisation",
        [
            "En utilisant ce site, vous acceptez les présentes conditions. Elles peuvent évoluer ; la version en ligne fait foi.",
            ("h2", "Commentaires"),
            "Les commentaires sont modérés avant publication. Les propos injurieux, diffamatoires, racistes ou hors sujet ne sont pas publiés. Chacun reste responsable de ce qu’il écrit.",
            ("h2", "Liens"),
            "Les liens vers des sites extérieurs sont fournis à titre d’information ; la rédaction n’est pas responsable de leur contenu.",
        ],
    ),
    (
        "charte-editoriale",
        "Charte éditoriale",
        [
            "Nos journalistes distinguent les faits des opinions, citent leurs sources autant que possible et donnent la parole aux personnes mises en cause.",
            ("h2", "Corrections"),
            "Quand nous nous trompons, nous le disons : chaque correction est signalée en tête de l’article, avec sa date.",
        ],
    ),
]


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def _mix(a, b, t: float):
    return tuple(int(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def illustration(seed: str) -> bytes:
    """Return a JPEG composition (gradient ground, geometric figures) that depends
    only on ``seed``: the same article always gets the same picture.
    """
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(hashlib.sha256(seed.encode()).digest())
    ground, mid, light, accent = (_rgb(c) for c in rng.choice(PALETTES))
    angle = rng.uniform(0, math.pi)
    dx, dy = math.cos(angle), math.sin(angle)
    # Diagonal gradient ground, drawn as thin bands.
    canvas = Image.new("RGB", (WIDTH, HEIGHT), ground)
    draw = ImageDraw.Draw(canvas)
    steps = 90
    for i in range(steps):
        t = i / steps
        colour = _mix(ground, mid, t * 0.85)
        offset = (t - 0.5) * (WIDTH + HEIGHT)
        cx, cy = WIDTH / 2 + dx * offset, HEIGHT / 2 + dy * offset
        band = (WIDTH + HEIGHT) / steps + 2
        px, py = -dy * 2000, dx * 2000
        draw.polygon(
            [
                (cx + px - dx * band, cy + py - dy * band),
                (cx - px - dx * band, cy - py - dy * band),
                (cx - px + dx * band, cy - py + dy * band),
                (cx + px + dx * band, cy + py + dy * band),
            ],
            fill=colour,
        )
    layer = Image.new("RGBA", (WIDTH, HEIGHT), (0, 0, 0, 0))
    shapes = ImageDraw.Draw(layer)
    style = rng.randrange(4)
    if style == 0:  # Overlapping discs, like a sun over hills.
        for _ in range(rng.randint(3, 6)):
            r = rng.randint(120, 420)
            x, y = rng.randint(0, WIDTH), rng.randint(0, HEIGHT)
            colour = rng.choice([light, accent, mid])
            shapes.ellipse(
                (x - r, y - r, x + r, y + r), fill=(*colour, rng.randint(90, 200))
            )
    elif style == 1:  # Concentric arcs.
        x, y = rng.choice(
            [(0, HEIGHT), (WIDTH, HEIGHT), (WIDTH, 0), (WIDTH // 2, HEIGHT)]
        )
        for i, r in enumerate(range(900, 80, -rng.randint(70, 130))):
            colour = (light, accent, mid)[i % 3]
            shapes.ellipse(
                (x - r, y - r, x + r, y + r),
                outline=(*colour, 210),
                width=rng.randint(18, 40),
            )
    elif style == 2:  # Tilted blocks, like a city skyline or a chart.
        x = rng.randint(-60, 40)
        while x < WIDTH:
            w = rng.randint(70, 190)
            h = rng.randint(180, 700)
            colour = rng.choice([light, mid, accent])
            shapes.rectangle(
                (x, HEIGHT - h, x + w, HEIGHT), fill=(*colour, rng.randint(120, 230))
            )
            x += w + rng.randint(8, 40)
    else:  # Triangles, like a folded map.
        for _ in range(rng.randint(5, 9)):
            points = [
                (rng.randint(-200, WIDTH + 200), rng.randint(-200, HEIGHT + 200))
                for _ in range(3)
            ]
            colour = rng.choice([light, accent, mid, ground])
            shapes.polygon(points, fill=(*colour, rng.randint(80, 190)))
    layer = layer.filter(ImageFilter.GaussianBlur(rng.choice([0, 0, 1, 6])))
    canvas = Image.alpha_composite(canvas.convert("RGBA"), layer).convert("RGB")
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=84, optimize=True)
    return buffer.getvalue()


def article_images_ensure() -> int:
    """Give each demo article its own generated picture; return how many were made."""
    image_model = get_image_model()
    made = 0
    for article in ArticlePage.objects.filter(
        source_uri__startswith="demo:"
    ).select_related("featured_image"):
        slug = article.source_uri.removeprefix("demo:")
        title = f"Illustration {slug}"
        if article.featured_image and article.featured_image.title == title:
            continue
        image = image_model.objects.filter(title=title).first()
        if image is None:
            image = image_model(
                title=title, description=f"Illustration : {article.title}"
            )
            image.file = ImageFile(
                io.BytesIO(illustration(slug)), name=f"demo-{slug}.jpg"
            )
            image.save()
            made += 1
        changes = {"featured_image": image}
        if not article.featured_image_credit:
            changes["featured_image_credit"] = "Illustration Manchette"
        ArticlePage.objects.filter(pk=article.pk).update(**changes)
    return made


def portrait(seed: str) -> bytes:
    """Return a square placeholder portrait: a silhouette on a soft gradient."""
    from PIL import Image, ImageDraw

    rng = random.Random(hashlib.sha256(seed.encode()).digest())
    ground, mid, _light, accent = (_rgb(c) for c in rng.choice(PALETTES))
    size = 400
    canvas = Image.new("RGB", (size, size), ground)
    draw = ImageDraw.Draw(canvas)
    for y in range(size):
        draw.line([(0, y), (size, y)], fill=_mix(mid, ground, y / size))
    draw.ellipse((60, 250, 340, 560), fill=accent)
    draw.ellipse((125, 70, 275, 220), fill=accent)
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def author_photos_ensure() -> int:
    """Give the demo authors without a photo a generated placeholder portrait."""
    image_model = get_image_model()
    made = 0
    for author in AuthorPage.objects.filter(photo__isnull=True):
        image = image_model(title=f"Portrait {author.slug}", description=author.title)
        image.file = ImageFile(
            io.BytesIO(portrait(author.slug)),
            name=f"portrait-{author.slug}.jpg",
        )
        image.save()
        AuthorPage.objects.filter(pk=author.pk).update(photo=image)
        made += 1
    return made


def page_body(paragraphs) -> list[dict]:
    """Return body blocks of paragraphs and ``(level, heading)`` pairs."""
    blocks = []
    for item in paragraphs:
        if isinstance(item, tuple):
            blocks.append(
                {"type": "heading", "value": {"text": item[1], "level": item[0]}}
            )
        else:
            blocks.append({"type": "paragraph", "value": f"<p>{escape(item)}</p>"})
    return blocks


def footer_pages_ensure(home: HomePage) -> int:
    """Create the footer's content pages (shown in menus) that do not exist yet."""
    made = 0
    for slug, title, paragraphs in FOOTER_PAGES:
        if ContentPage.objects.child_of(home).filter(slug=slug).exists():
            continue
        page = ContentPage(
            title=title, slug=slug, show_in_menus=True, body=page_body(paragraphs)
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        made += 1
    return made


def front_picks_ensure(home: HomePage) -> None:
    """Put the demo's featured articles "À la une" when the editors chose none."""
    if HomePagePick.objects.filter(page=home).exists():
        return
    featured = list(
        ArticlePage.objects.live()
        .filter(featured=True, source_uri__startswith="demo:")
        .order_by("-published_at")[:4]
    )
    if not featured:
        return
    home = HomePage.objects.get(pk=home.pk)
    home.front_picks = [HomePagePick(article=article) for article in featured]
    home.save_revision().publish()


@transaction.atomic
def demo_front_build() -> dict:
    home = HomePage.objects.order_by("path").first()
    if home is None:
        return {}
    result = {
        "images": article_images_ensure(),
        "portraits": author_photos_ensure(),
        "pages": footer_pages_ensure(home),
    }
    front_picks_ensure(home)
    return result
