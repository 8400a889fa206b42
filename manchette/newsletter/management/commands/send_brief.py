import tempfile
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

from manchette.core.editions import editions
from manchette.newsletter import selectors, services
from manchette.newsletter.models import BriefIssue, Delivery
from manchette.newsletter.tasks import brief_languages


class Command(BaseCommand):
    help = (
        "Compose the daily brief of a day (today by default) of each edition and "
        "send it to the active subscribers who chose its language; rerun, it only "
        "sends what is left (nothing twice)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Day of the issue, YYYY-MM-DD.")
        parser.add_argument(
            "--language",
            choices=editions(),
            help="Only this edition's brief (default: every edition with pages).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show what would be sent and write the e-mail (HTML and text) to "
            "files; send nothing.",
        )
        parser.add_argument(
            "--output-dir",
            help="Folder for the --dry-run e-mail files (default: a new temporary one).",
        )

    def handle(
        self, *args, date=None, language=None, dry_run=False, output_dir=None, **options
    ):
        day = self._day(date)
        languages = [language] if language else brief_languages()
        folder = None
        if dry_run:
            folder = Path(output_dir or tempfile.mkdtemp(prefix="manchette-brief-"))
        for code in languages:
            if len(languages) > 1:
                self.stdout.write(f"[{code}]")
            with translation.override(code):
                if dry_run:
                    self._dry_run(day, code, folder)
                else:
                    self._send(day, code)

    def _send(self, day: date, language: str) -> None:
        issue = services.brief_compose(day=day, language=language)
        if issue.status == BriefIssue.Status.EMPTY:
            self.stdout.write(
                f"Aucun article depuis le numéro précédent : pas de brief le {day}."
            )
            return
        created = services.brief_start(issue=issue)
        deliveries = issue.deliveries
        total = deliveries.count()
        done = deliveries.filter(
            status__in=[Delivery.Status.SENT, Delivery.Status.FAILED]
        ).count()
        if created:
            self.stdout.write(f"Brief du {day} : {created} destinataires.")
        elif total == 0:
            self.stdout.write(f"Brief du {day} : aucun abonné actif, rien à envoyer.")
        elif done == total:
            self.stdout.write(f"Brief du {day} déjà envoyé : rien de nouveau.")
        with Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            disable=not self.stdout.isatty() or total == done,
        ) as progress:
            bar = progress.add_task("Envoi", total=total, completed=done)
            try:
                sent, failed = services.brief_deliver(
                    issue=issue, on_done=lambda ok: progress.advance(bar)
                )
            except OSError as error:
                raise CommandError(
                    f"Serveur d’envoi injoignable ({error}). Relancez la commande : "
                    "elle reprendra là où l’envoi s’est arrêté, sans doublon."
                ) from error
        counts = issue.progress()
        self.stdout.write(
            f"Envoyés maintenant : {sent}, échecs : {failed}. "
            f"Au total : {counts['sent']} envoyés, {counts['failed']} échecs "
            f"sur {counts['total']}."
        )
        left = services.deliveries_left(issue)
        if left:
            raise CommandError(
                f"Envoi inachevé : {left} destinataires n’ont pas encore reçu le brief "
                "(réservés par un autre envoi en cours, sur cette machine ou une "
                "autre). Relancez la commande quand il sera terminé, ou après "
                f"{settings.MANCHETTE_BRIEF_CLAIM_LEASE_SECONDS} s s’il s’est arrêté : "
                "elle enverra le reste, sans doublon."
            )

    def _day(self, value: str | None) -> date:
        if not value:
            tz = ZoneInfo(settings.MANCHETTE_BRIEF_TIME_ZONE)
            return timezone.now().astimezone(tz).date()
        try:
            return date.fromisoformat(value)
        except ValueError as error:
            raise CommandError(f"Date invalide : {value!r} (AAAA-MM-JJ).") from error

    def _dry_run(self, day: date, language: str, folder: Path) -> None:
        issue = BriefIssue.objects.filter(day=day, language=language).first()
        if issue is not None:
            articles = selectors.brief_articles(issue)
            self.stdout.write(f"Numéro existant ({issue.get_status_display()}).")
        else:
            plan = services.brief_plan(day=day, language=language)
            articles = plan.articles
            self.stdout.write(
                f"Articles publiés entre {plan.since:%d/%m/%Y %H:%M} "
                f"et {plan.until:%d/%m/%Y %H:%M}."
            )
        if not articles:
            self.stdout.write(f"Aucun article : pas de brief le {day}.")
            return
        for index, article in enumerate(articles, 1):
            self.stdout.write(f"{index}. {article.title}")
        minutes = services.emails.brief_text_minutes(
            day=day, intro=issue.intro if issue else "", articles=articles
        )
        self.stdout.write(
            f"Lecture : {minutes} min. Destinataires : "
            f"{selectors.subscriber_count_active(language=language)}. "
            "Rien n’a été envoyé (--dry-run)."
        )
        rendered = services.emails.brief_render(
            day=day,
            intro=issue.intro if issue else "",
            articles=articles,
            issue_id=issue.pk if issue else 0,
        )
        folder.mkdir(parents=True, exist_ok=True)
        for suffix, content in (("html", rendered.html), ("txt", rendered.text)):
            path = folder / f"brief-{day:%Y-%m-%d}-{language}.{suffix}"
            path.write_text(content, encoding="utf-8")
            self.stdout.write(f"Courriel ({suffix}) : {path}")
