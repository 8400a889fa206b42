from django.conf import settings
from django.core.management.base import BaseCommand
from rich.progress import Progress

from manchette.news import demo_content
from manchette.news.demo import demo_build
from manchette.news.demo_bylines import demo_bylines_link
from manchette.news.demo_editions import editions_build
from manchette.news.demo_front import demo_front_build
from manchette.news.demo_live import demo_live_build


class Command(BaseCommand):
    help = "Create the demo newsroom (site, sections, authors, accounts, ~30 articles); safe to rerun."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Give the demo accounts new passwords (printed).",
        )

    def handle(self, *args, reset_passwords, **options):
        with Progress(transient=True) as progress:
            bar = progress.add_task(
                "Articles de démonstration", total=len(demo_content.ARTICLES)
            )
            result = demo_build(
                reset_passwords=reset_passwords,
                progress=lambda: progress.advance(bar),
            )
        demo_front_build()
        demo_bylines_link()
        demo_live_build()
        result["editions"] = editions_build()  # Arabic and English editions.
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready: {result['created']} article(s) created, {result['total']} in the demo set."
            )
        )
        self.stdout.write(
            f"Site: {settings.MANCHETTE_BASE_URL}/  Admin: {settings.MANCHETTE_BASE_URL}/admin/"
        )
        for username, password in result["accounts"]:
            if password:
                self.stdout.write(f"  account {username!r} password {password!r}")
            else:
                self.stdout.write(
                    f"  account {username!r} exists (password unchanged; --reset-passwords prints a new one)"
                )
