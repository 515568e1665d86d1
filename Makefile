# Expo CMS. `make run` and `make test` are the README's first two commands.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PORT ?= 8000
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint format messages venv clean backup restore bench system-packages rehearsal

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

venv: $(VENV)/.installed

# Links the demo prints (sitemap, feeds, QR codes) name this address; production sets its own.
run: export EXPO_SITE_URL ?= http://127.0.0.1:$(PORT)
# The demo runs as production does (no debug pages, whitenoise's collected static files,
# bilingual 404/500) with zero configuration: a secret key is made once under var/, the hosts
# are the loopback names, HTTPS is off. DJANGO_DEBUG=1 make run gives Django's debug mode.
DEMO_ENV = DJANGO_SECRET_KEY="$$(cat var/demo-secret-key)" \
	DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	DJANGO_HTTPS="$${DJANGO_HTTPS:-0}" EXPO_SERVE_MEDIA="$${EXPO_SERVE_MEDIA:-1}"

run: $(VENV)/.installed
	mkdir -p var
	test -s var/demo-secret-key || $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > var/demo-secret-key
	$(DEMO_ENV) $(PY) manage.py migrate --no-input
	$(DEMO_ENV) $(PY) manage.py collectstatic --no-input --verbosity 0
	$(DEMO_ENV) $(PY) manage.py load_demo
	@echo ""
	@echo "Expo CMS demo: http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	@echo "Create an organiser login with:  DJANGO_DEBUG=1 $(PY) manage.py createsuperuser"
	@echo ""
	$(DEMO_ENV) $(PY) manage.py runserver $(if $(filter 1,$(DJANGO_DEBUG)),,--noreload) 127.0.0.1:$(PORT)

# The system packages the suite needs (PDF, gettext, chromium…) are checked first: installed
# when run as root, otherwise the exact apt-get command is printed (scripts/system-packages.sh).
test: system-packages $(VENV)/.installed-dev
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# The whole show once, end to end, through the production topology (gunicorn, the task worker,
# PostgreSQL, Redis, a real SMTP server) in chromium; cross-checks every output against the
# others (README "Rehearsal"). Report: var/rehearsal/<time>/report.html. The PostgreSQL server
# is DATABASE_URL's (default the local one); the rehearsal makes and drops its own database.
rehearsal: system-packages $(VENV)/.installed-dev
	DATABASE_URL="$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}" \
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
