# Manchette: `make run` to try it, `make test` to check it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STATE := .state
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
export DJANGO_SETTINGS_MODULE ?= manchette.settings.dev

.PHONY: run test test-sqlite test-postgres lint format migrate seed serve-dev worker browsers clean serve proxy screenshots

$(STATE)/venv: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test,dev]"
	mkdir -p $(STATE) var && touch $@

# Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium;
# no browser is ever downloaded).
$(STATE)/browsers:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "Installing Debian's chromium for the browser tests"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| { echo "Could not install chromium: run 'sudo apt-get install chromium' and retry."; exit 1; }; \
	fi
	mkdir -p $(STATE) && touch $@

browsers: $(STATE)/browsers

migrate: $(STATE)/venv
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py seed_demo

run: seed
	@echo "Manchette runs at http://127.0.0.1:8000 (admin: http://127.0.0.1:8000/admin/)"
	$(BIN)/python manage.py schedule_brief
	$(BIN)/python manage.py schedule_sweep
	$(BIN)/python manage.py run_site --host 127.0.0.1 --port 8000

worker: $(STATE)/venv
	$(BIN)/python manage.py db_worker --queue-name '*'

test: $(STATE)/venv $(STATE)/browsers $(STATE)/nginx $(STATE)/varnish
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=manchette.settings.test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MAKE) test-sqlite
	@if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null || $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(PG_URL)').close()" 2>/dev/null; then \
		$(MAKE) test-postgres; \
	else \
		echo "PostgreSQL is not reachable at $(PG_URL): skipped the PostgreSQL run (start it, or set PG_URL)."; \
	fi

# Two pytest processes (pytest-xdist), each with its own test database; the
# tests wait on browsers, servers and PostgreSQL as much as they compute.
# TEST_WORKERS=0 runs them in this process, one after the other.
TEST_WORKERS ?= 2
PYTEST := $(BIN)/pytest -q $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS))

test-sqlite: $(STATE)/venv
	DJANGO_SETTINGS_MODULE=manchette.settings.test DATABASE_URL= $(PYTEST)

test-postgres: $(STATE)/venv
	DJANGO_SETTINGS_MODULE=manchette.settings.test DATABASE_URL=$(PG_URL) $(PYTEST)

lint: $(STATE)/venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STATE)/venv
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(STATE) $(VENV) var/db.sqlite3*

# Page cache: `make serve` runs the production shape on one machine: Debian's
# Varnish with vmod xkey (the page cache, purged by tag) in front of granian
# and of nginx (static files and media), plus the task worker. Everything
# they write stays under var/varnish/ and var/nginx/.
$(STATE)/nginx:
	@if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then \
		echo "Installing Debian's nginx"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null) \
		|| { echo "Could not install nginx: run 'sudo apt-get install nginx' and retry."; exit 1; }; \
	fi
	mkdir -p $(STATE) && touch $@

$(STATE)/varnish:
	@if [ ! -x /usr/sbin/varnishd ] || ! ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1; then \
		echo "Installing Debian's varnish and varnish-modules (vmod xkey)"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish varnish-modules >/dev/null) \
		|| { echo "Could not install Varnish: run 'sudo apt-get install varnish varnish-modules' and retry."; exit 1; }; \
	fi
	mkdir -p $(STATE) && touch $@

proxy: $(STATE)/nginx $(STATE)/varnish

serve: seed $(STATE)/nginx $(STATE)/varnish
	DEBUG=false $(BIN)/python manage.py collectstatic --noinput -v0
	DEBUG=false $(BIN)/python manage.py schedule_sweep
	DEBUG=false $(BIN)/python manage.py serve_site --host 127.0.0.1 --port 8000

# The reader's pages as PNGs at 390 and 1,366 px (light and dark) in
# var/screenshots/, from a running site (`make run` in another terminal).
SCREENSHOTS_BASE ?= http://127.0.0.1:8000
screenshots: $(STATE)/venv $(STATE)/browsers
	$(BIN)/python bench/screenshots.py --base $(SCREENSHOTS_BASE) --out var/screenshots --dark

# Interface catalogues (manchette/locale/{ar,en}): the compiled .mo files are
# committed, so `make run` needs no gettext tools. `make messages` refreshes
# the .po files from the French msgids; `make compilemessages` rebuilds the .mo.
.PHONY: messages compilemessages
$(STATE)/gettext:
	@command -v msgfmt >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null) \
		|| { echo "Could not install gettext: run 'sudo apt-get install gettext' and retry."; exit 1; }
	mkdir -p $(STATE) && touch $@

messages: $(STATE)/venv $(STATE)/gettext
	cd manchette && ../$(BIN)/python ../manage.py makemessages -l ar -l en --no-location --ignore=static

compilemessages: $(STATE)/venv $(STATE)/gettext
	cd manchette && ../$(BIN)/python ../manage.py compilemessages
