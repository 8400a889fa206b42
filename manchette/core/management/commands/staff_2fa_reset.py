from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from manchette.core.staff.two_factor import devices_reset


class Command(BaseCommand):
    help = (
        "Remove a staff user's second-factor devices (lost phone): the user enrols "
        "a new one at the next admin login. Lift a login lock-out with "
        "`axes_reset_username NAME`."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Aucun utilisateur « {username} ».")
        count = devices_reset(user)
        self.stdout.write(
            f"{count} appareil(s) supprimé(s) pour « {username} » : un nouvel "
            "appareil sera demandé à la prochaine connexion."
        )
