import os
import subprocess

from django.core.management import call_command
from django.core.management.base import BaseCommand

from manchette.core.baseurl import (
    base_url_for,
    base_url_use,
    default_site_follow_base_url,
)
from manchette.core.tasks import worker_command


class Command(BaseCommand):
    help = "Serve the site with Django's development server and run the task worker beside it."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")
        parser.add_argument(
            "--no-worker", action="store_true", help="Do not start the task worker."
        )

    def handle(self, *args, host, port, no_worker, **options):
        # Absolute URLs follow the address served, unless MANCHETTE_BASE_URL
        # says otherwise (e.g. behind a proxy); children inherit it.
        if not os.environ.get("MANCHETTE_BASE_URL"):
            base_url_use(base_url_for(host, port))
        if os.environ.get("RUN_MAIN") != "true":
            default_site_follow_base_url()
        worker = None
        # The autoreloader re-runs this command in a child with RUN_MAIN set;
        # only the outer process starts the worker, so there is exactly one.
        if not no_worker and os.environ.get("RUN_MAIN") != "true":
            worker = subprocess.Popen(
                worker_command(interval=2, options=("--verbosity", "0"))
            )
            self.stdout.write(f"Task worker started (pid {worker.pid}).")
        try:
            call_command("runserver", f"{host}:{port}")
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=10)
