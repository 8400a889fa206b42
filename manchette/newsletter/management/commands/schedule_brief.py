from django.core.management.base import BaseCommand

from manchette.newsletter.tasks import brief_schedule


class Command(BaseCommand):
    help = (
        "Queue the daily brief for its next send time (safe to rerun); the task "
        "then queues the following day itself. Needs a running `db_worker`."
    )

    def handle(self, *args, **options):
        day = brief_schedule()
        if day is None:
            self.stdout.write(
                "Le backend de tâches ne sait pas différer : rien à faire."
            )
        else:
            self.stdout.write(f"Brief programmé : prochain envoi le {day}.")
