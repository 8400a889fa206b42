from django.core.management.base import BaseCommand

from manchette.core.tasks import scheduled_publish_due, sweep_ensure


class Command(BaseCommand):
    help = (
        "Publish what is due now and make sure the minute sweep of scheduled "
        "publishing is queued (make run and make serve call it)."
    )

    def handle(self, *args, **options):
        count = scheduled_publish_due()
        queued = sweep_ensure()
        self.stdout.write(
            f"{count} scheduled change(s) applied; minute sweep "
            + ("queued." if queued else "already queued (or no database task queue).")
        )
