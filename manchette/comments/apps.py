from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "manchette.comments"
    label = "comments"
    verbose_name = "Commentaires"

    def ready(self):
        from . import signals  # noqa: F401
