"""Staff login throttling: per username and per address, lifted by an administrator."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def staff(home):
    user = get_user_model().objects.create_superuser(
        "redaction", "redaction@example.org", "bon-mot-de-passe"
    )
    return user


def attempt(client, username, password, address="198.51.100.7"):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_thirty_wrong_passwords_lock_the_account_even_for_the_right_one(
    client, staff, settings
):
    settings.AXES_FAILURE_LIMIT = 5
    codes = [attempt(client, "redaction", f"faux-{n}").status_code for n in range(30)]
    assert codes[:4] == [200] * 4
    assert set(codes[5:]) == {429}
    locked = attempt(client, "redaction", "bon-mot-de-passe")
    assert locked.status_code == 429
    assert "Connexion bloquée" in locked.content.decode()
    # Per username: another address is locked out of that account too.
    assert (
        attempt(client, "redaction", "bon-mot-de-passe", "203.0.113.50").status_code
        == 429
    )
    # An administrator lifts it.
    call_command("axes_reset_username", "redaction", stdout=StringIO())
    call_command("axes_reset_ip", "198.51.100.7", stdout=StringIO())
    ok = attempt(client, "redaction", "bon-mot-de-passe")
    assert ok.status_code == 302


def test_per_address_lock_covers_every_username(client, staff, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for n in range(3):
        attempt(client, f"inconnu-{n}", "x", "192.0.2.99")
    assert (
        attempt(client, "redaction", "bon-mot-de-passe", "192.0.2.99").status_code
        == 429
    )
    assert (
        attempt(client, "redaction", "bon-mot-de-passe", "192.0.2.100").status_code
        == 302
    )


def test_the_lock_message_is_the_same_for_unknown_accounts(client, staff, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for n in range(3):
        attempt(client, "redaction", "faux", f"192.0.2.{n + 1}")
        attempt(client, "personne", "faux", f"192.0.2.{n + 1}")
    known = attempt(client, "redaction", "faux", "192.0.2.40")
    unknown = attempt(client, "personne", "faux", "192.0.2.40")
    assert known.status_code == unknown.status_code == 429
    assert known.content == unknown.content


def test_throttling_sees_the_reader_behind_the_proxy(client, staff, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.MANCHETTE_TRUSTED_PROXIES = 1
    for n in range(3):
        client.post(
            LOGIN,
            {"username": f"x{n}", "password": "x"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.9",
        )
    other = client.post(
        LOGIN,
        {"username": "redaction", "password": "bon-mot-de-passe"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.10",
    )
    assert other.status_code == 302


def test_an_administrator_lifts_a_lockout_from_the_admin(client, staff, settings):
    from django.contrib.auth.models import Group

    settings.AXES_FAILURE_LIMIT = 3
    for n in range(3):
        attempt(client, "redaction", f"faux-{n}")
    assert attempt(client, "redaction", "bon-mot-de-passe").status_code == 429

    admin = get_user_model().objects.create_superuser("chef", "chef@example.org", "x")
    editor = get_user_model().objects.create_user("ed", "ed@example.org", "x")
    editor.groups.add(Group.objects.get(name="Editors"))
    url = "/admin/connexions-bloquees/"

    client.force_login(editor)
    # Wagtail answers a refused admin page with a redirect to the dashboard.
    assert client.get(url).status_code == 302
    assert client.post(url, {"attempt": _only_lockout_pk()}).status_code == 302
    assert url not in client.get("/admin/").content.decode()
    assert _only_lockout_pk()

    client.force_login(admin)
    page = client.get(url).content.decode()
    assert "redaction" in page
    assert "198.51.100.7" in page
    assert url in client.get("/admin/").content.decode()  # the settings menu
    # A made-up or malformed attempt changes nothing.
    assert client.post(url, {"attempt": 999999}).status_code == 404
    assert client.post(url, {"attempt": "x"}).status_code == 404
    lifted = client.post(url, {"attempt": _only_lockout_pk()}, follow=True)
    assert "Connexion rétablie pour « redaction »" in lifted.content.decode()
    assert "Aucune connexion n’est bloquée" in lifted.content.decode()

    client.logout()
    assert attempt(client, "redaction", "bon-mot-de-passe").status_code == 302


def _only_lockout_pk() -> int:
    from manchette.core.staff.lockouts import lockouts

    (pk,) = lockouts().values_list("pk", flat=True)
    return pk
