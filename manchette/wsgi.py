"""WSGI entry point for granian, gunicorn and runserver (WSGI_APPLICATION).

Read beacons are answered in front of Django (newsletter/beacon.py).
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "manchette.settings.production")

django_application = get_wsgi_application()

# Imported once Django is set up: the counter reads models.
from manchette.newsletter.beacon import beacon_first  # noqa: E402

application = beacon_first(django_application)
