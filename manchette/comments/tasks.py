"""Background work of the comments app (Django's Tasks API)."""

from django_tasks import task


@task()
def comments_notify_editors() -> int:
    """E-mail editors about the pending comments not announced yet."""
    from .services import comment_notify_editors

    return comment_notify_editors()
