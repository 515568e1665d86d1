# Expo CMS. `make run` and `make test` are the README's first two commands.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PORT ?= 8000
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run demo-migrated demo-database test coverage lint format messages venv clean backup restore bench system-packages rehearsal

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# Wheels only: nothing is compiled on the user's machine, which keeps a fresh install short.
$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(PIP) install --quiet --only-binary=:all: -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PIP) install --quiet --only-binary=:all: -r requirements-dev.txt
	touch $@ $(VENV)/.installed

venv: $(VENV)/.installed

# The demo runs as production does (no debug pages, whitenoise's collected static files,
# bilingual 404/500, gunicorn and the task worker of the Procfile) with zero configuration: a
# secret key is made once under var/, links name http://127.0.0.1:$(PORT), the hosts are the
# loopback names, HTTPS is off, mail is written to var/mail/. DJANGO_DEBUG=1 make run gives Django's debug mode (gunicorn reloads).
# EXPO_DEMO=1 marks the demo; `EXPO_DEMO_NOW=2026-12-22 make run` shows the site as on that day (docs/demo.md).
DEMO_ENV = DJANGO_SECRET_KEY="$$(cat var/demo-secret-key)" \
	DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	DJANGO_HTTPS="$${DJANGO_HTTPS:-0}" EXPO_SERVE_MEDIA="$${EXPO_SERVE_MEDIA:-1}" \
	EXPO_TASK_QUEUE="$${EXPO_TASK_QUEUE:-database}" EXPO_SITE_URL="$${EXPO_SITE_URL:-http://127.0.0.1:$(PORT)}" \
	EXPO_DEMO=1 EXPO_DEMO_NOW="$${EXPO_DEMO_NOW:-}"
# Static sources: ours (every app's static/) and the installed packages' (requirements.txt).
STATIC_SOURCES := $(shell find . \( -path ./var -o -path ./.venv -o -path ./.git \) -prune -o -path '*/static/*' -type f -print) \
	requirements.txt config/settings.py

var/demo-secret-key:
	mkdir -p var
	$(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

# Collected (and compressed) again only when a static source changed. Niced: it runs beside the
# migration and the demo's loading, which the site waits for longer (16.7 s to the first page
# from a new clone, against 20.2 s with the three sharing the two cores evenly; bench/RESULTS.md).
var/static/staticfiles.json: $(STATIC_SOURCES) | $(VENV)/.installed var/demo-secret-key
	$(DEMO_ENV) nice -n 10 $(PY) manage.py collectstatic --no-input --verbosity 0

# The database is migrated and the demo's rows loaded while the static files are collected; what
# the demo draws with them (its press kits, a PDF certificate) is queued for the worker, which
# starts with the site once both are done: the kit link says "being prepared" until then.
demo-migrated: | $(VENV)/.installed var/demo-secret-key
	$(DEMO_ENV) $(PY) manage.py prepare_database --verbosity 0

demo-database: demo-migrated
	$(DEMO_ENV) $(PY) manage.py load_demo

# The web server and the task worker of the Procfile, started and stopped (Ctrl-C) together.
run: $(VENV)/.installed var/demo-secret-key
	@$(MAKE) --no-print-directory -j2 demo-database var/static/staticfiles.json
	@echo ""
	@echo "Expo CMS demo: http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	@echo "Mail the site sends is written to var/mail/ (one .eml file per message)."
	@echo "Create an organiser login with:  DJANGO_DEBUG=1 $(PY) manage.py createsuperuser"
	@echo "See the demo edition as on one of its days:  EXPO_DEMO_NOW=YYYY-MM-DD make run  (docs/demo.md)"
	@echo "Exhibitors' portal: http://127.0.0.1:$(PORT)/en/exhibitor/  (its demo sign-ins: above, and in docs/portal.md)"
	@echo ""
	$(DEMO_ENV) PATH="$(abspath $(VENV))/bin:$$PATH" BIND_ADDRESS=127.0.0.1 \
		WEB_CONCURRENCY="$${WEB_CONCURRENCY:-2}" \
		GUNICORN_CMD_ARGS="$${GUNICORN_CMD_ARGS:-$(if $(filter 1,$(DJANGO_DEBUG)),--reload,)}" \
		$(VENV)/bin/honcho start --port $(PORT)

# The system packages the suite needs (PDF, gettext, chromium…) are checked first: installed
# when run as root, otherwise the exact apt-get command is printed (scripts/system-packages.sh).
test: system-packages $(VENV)/.installed-dev
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# The suite on SQLite with branch coverage (browser tests aside); fails under pyproject.toml's floor.
coverage: system-packages $(VENV)/.installed-dev
	$(VENV)/bin/pytest -p no:cacheprovider --cov --cov-report=term -m 'not browser' $(PYTEST_ARGS)

# The whole show once, end to end, through the production topology (gunicorn, the task worker,
# PostgreSQL, Redis, a real SMTP server) in chromium; cross-checks every output against the
# others (docs/rehearsal.md). Report: var/rehearsal/<time>/report.html. The PostgreSQL server
# is DATABASE_URL's (default the local one); the rehearsal makes and drops its own database.
rehearsal: system-packages $(VENV)/.installed-dev
	EXPO_REHEARSAL=1 DATABASE_URL="$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}" \
		$(VENV)/bin/pytest tests/rehearsal -p no:cacheprovider $(PYTEST_ARGS)

system-packages:
	bash scripts/system-packages.sh test

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Refresh the catalogues (needs GNU gettext) and compile them; the .mo files are committed so
# that running the site never needs gettext.
messages: $(VENV)/.installed-dev
	DJANGO_DEBUG=1 $(PY) manage.py makemessages --locale vi --locale en --no-obsolete --add-location file \
		--ignore '.venv/*' --ignore 'var/*' --ignore 'tests/*'
	$(PY) scripts/po_sync.py
	DJANGO_DEBUG=1 $(PY) manage.py compilemessages --locale vi --locale en --ignore '.venv/*'

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache

# Database and media in one archive (holds personal data: keep it encrypted).
backup: $(VENV)/.installed
	$(PY) manage.py backup $(if $(FILE),--output $(FILE),)

restore: $(VENV)/.installed
	@test -n "$(FILE)" || (echo "usage: make restore FILE=var/backups/expo-….tar.gz" && exit 2)
	$(PY) manage.py restore $(FILE)

# The production configuration under load at the design scale; writes bench/RESULTS.md.
# Needs PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/expo_bench) and wrk.
bench: $(VENV)/.installed-dev
	@command -v wrk >/dev/null || (echo "make bench needs wrk: apt-get install wrk" && exit 2)
	db="$${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/expo_bench}"; name="$${db##*/}"; \
	psql "$${BENCH_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}" -tAc "SELECT 1 FROM pg_database WHERE datname = '$$name'" | grep -q 1 \
		|| psql "$${BENCH_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}" -c "CREATE DATABASE \"$$name\""
	$(PY) bench/run.py
