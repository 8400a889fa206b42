"""End-to-end in Debian's Chromium: enrol a TOTP app, log out, log in with a
code, be refused with a wrong one; the admin runs under the CSP with no
violation.
"""

import re
import time
from base64 import b32decode
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django_otp.oath import totp

from tests.conftest import CHROMIUM_ARGS

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_base_data"),
]


@pytest.fixture
def editor(transactional_db, settings):
    settings.MANCHETTE_2FA_REQUIRED_GROUPS = [
        "Éditeurs",
        "Administrateurs",
        "superusers",
    ]
    return get_user_model().objects.create_superuser(
        "editrice", "editrice@example.org", "mot-de-passe-e2e"
    )


@pytest.fixture
def page(editor, live_server):
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is missing: run `make browsers`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(locale="fr-FR")
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.csp_errors = []
        page.on(
            "console",
            lambda msg: (
                page.csp_errors.append(msg.text)
                if "Content Security Policy" in msg.text
                or "Content-Security-Policy" in msg.text
                else None
            ),
        )
        yield page
        context.close()
        browser.close()


def log_in(page, base):
    page.goto(base + "/admin/login/")
    page.locator("#id_username").fill("editrice")
    page.locator("#id_password").fill("mot-de-passe-e2e")
    page.locator("form button[type=submit]").click()


def code(key: bytes, drift: int = 0) -> str:
    return f"{totp(key, drift=drift):06d}"


def test_enrol_log_out_log_in_with_a_code_and_refuse_a_wrong_one(
    page, live_server, editor
):
    from playwright.sync_api import expect

    base = live_server.url
    log_in(page, base)
    expect(page).to_have_url(re.compile(r"/admin/double-authentification/activer/"))
    expect(page.locator(".staff-2fa-qr svg")).to_be_visible()
    # The dashboard is not reachable before enrolment.
    page.goto(base + "/admin/pages/")
    expect(page).to_have_url(re.compile(r"/activer/"))
    key = b32decode(page.locator("[data-totp-secret]").inner_text().strip())
    page.locator("#id_code").fill("000000" if code(key) != "000000" else "111111")
    page.get_by_role("button", name="Activer").click()
    expect(page.locator("body")).to_contain_text("Code incorrect")
    time.sleep(2)  # django-otp's throttling after a failure
    page.locator("#id_code").fill(code(key))
    page.get_by_role("button", name="Activer").click()
    expect(page.locator("body")).to_contain_text("Gardez ces codes de secours")
    assert page.locator(".staff-2fa-codes li").count() == 10
    page.get_by_role("link", name="Continuer").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/$"))

    # Log out (the admin's logout is a POST), then back in: a code is asked.
    page.context.clear_cookies()
    log_in(page, base)
    expect(page).to_have_url(re.compile(r"/admin/double-authentification/"))
    page.goto(base + "/admin/pages/")
    expect(page).to_have_url(re.compile(r"/admin/double-authentification/\?"))
    wrong = "123456" if code(key, 1) != "123456" else "654321"
    page.locator("#id_code").fill(wrong)
    page.get_by_role("button", name="Valider").click()
    expect(page.locator("body")).to_contain_text("Code refusé")
    expect(page).to_have_url(re.compile(r"/admin/double-authentification/"))
    time.sleep(2)
    page.locator("#id_code").fill(code(key, 1))
    page.get_by_role("button", name="Valider").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/$"))
    assert page.csp_errors == [], "\n".join(page.csp_errors)

    # A lost phone: an administrator resets the device, a new one is asked.
    call_command("staff_2fa_reset", "editrice", stdout=StringIO())
    page.context.clear_cookies()
    log_in(page, base)
    expect(page).to_have_url(re.compile(r"/activer/"))


@pytest.fixture
def admin_user(transactional_db, settings):
    settings.MANCHETTE_2FA_REQUIRED_GROUPS = []
    return get_user_model().objects.create_superuser(
        "editrice", "editrice@example.org", "mot-de-passe-e2e"
    )


def test_edit_and_publish_an_article_with_no_csp_violation(
    admin_user, live_server, section
):
    from playwright.sync_api import expect, sync_playwright

    from manchette.news.models import ArticlePage
    from tests.factories import ArticlePageFactory

    article = ArticlePageFactory(title="Titre avant", summary="Résumé.")
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is missing: run `make browsers`")
    errors = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        page = browser.new_context(locale="fr-FR").new_page()
        page.set_default_timeout(20_000)
        page.on(
            "console",
            lambda msg: (
                errors.append(msg.text)
                if "Content Security Policy" in msg.text
                else None
            ),
        )
        try:
            log_in(page, live_server.url)
            expect(page).to_have_url(re.compile(r"/admin/$"))
            page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
            page.locator("#id_title").fill("Titre après")
            page.locator(
                "footer .dropdown-toggle, footer [data-w-dropdown-target=toggle]"
            ).first.click()
            page.locator("button[name=action-publish]").click()
            expect(page.locator("body")).to_contain_text("Titre après")
            page.wait_for_load_state("networkidle")
        finally:
            browser.close()
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.title == "Titre après"
    assert article.live
    assert errors == [], "\n".join(errors)
