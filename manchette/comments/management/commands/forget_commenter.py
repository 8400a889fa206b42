from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from manchette.comments.services import commenter_forget


class Command(BaseCommand):
    help = (
        "Erase one commenter's personal data (a GDPR / loi 09-08 request): their "
        "comments are anonymised, or deleted with --delete."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="the commenter's e-mail address")
        parser.add_argument(
            "--delete",
            action="store_true",
            help="delete the comments instead of anonymising them",
        )

    def handle(self, *args, email, delete, **options):
        try:
            validate_email(email.strip())
        except ValidationError as exc:
            raise CommandError(f"Not an e-mail address: {email!r}") from exc
        count = commenter_forget(email=email, delete=delete)
        verb = "deleted" if delete else "anonymised"
        self.stdout.write(f"{count} comment(s) {verb} for that address.")
