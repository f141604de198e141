# The feedback platform. `make run` on a fresh machine; `make test` to check everything.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
NHSUK_FRONTEND_VERSION := 10.6.1
ASSETS := vendor/nhsuk-frontend
export FLASK_APP := wsgi.py

.DEFAULT_GOAL := help
.PHONY: help install assets translations messages instance migrate demo run scheduler test test-postgres lint benchmark benchmark-complaints benchmark-metrics benchmark-dashboard benchmark-sms benchmark-chaos benchmark-soak benchmark-first-visit clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed assets translations ## Create .venv and install everything the app needs

# The NHS.UK CSS and JS are not on PyPI: fetch the pinned release from npm (not committed).
$(ASSETS)/.version-$(NHSUK_FRONTEND_VERSION):
	rm -rf $(ASSETS) && mkdir -p $(ASSETS)
	cd $(ASSETS) && npm pack --silent nhsuk-frontend@$(NHSUK_FRONTEND_VERSION) >/dev/null \
		&& tar -xzf nhsuk-frontend-$(NHSUK_FRONTEND_VERSION).tgz --strip-components=1 \
		&& rm nhsuk-frontend-$(NHSUK_FRONTEND_VERSION).tgz
	touch $@

assets: $(ASSETS)/.version-$(NHSUK_FRONTEND_VERSION) ## Fetch the pinned NHS.UK frontend release

translations: $(VENV)/.installed ## Compile the translation catalogues
	$(BIN)/pybabel compile -d translations

messages: $(VENV)/.installed ## Extract interface text into messages.pot and update every catalogue
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output -o translations/messages.pot .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching

instance/config.py:
	@mkdir -p instance
	@printf '# Local settings for `make run`; never commit this file.\nSECRET_KEY = "%s"\n# Served over plain http on 127.0.0.1, so the session cookie cannot be Secure here.\nSESSION_COOKIE_SECURE = False\nREMEMBER_COOKIE_SECURE = False\n' "$$(python3 -c 'import secrets; print(secrets.token_hex(32))')" > $@
	@echo "Wrote $@ with a new SECRET_KEY"

instance: instance/config.py ## Create local settings with a new secret key

migrate: install instance ## Bring the database schema up to date
	$(BIN)/flask db upgrade

demo: migrate ## Load the demo trust, wards, users and responses
	$(BIN)/flask seed-demo

run: demo ## Install, migrate, load demo data and serve http://127.0.0.1:5000
	@echo "Serving on http://127.0.0.1:5000 (patients: /, staff: /auth/sign-in)"
	$(BIN)/flask run --host 127.0.0.1 --port 5000

scheduler: migrate ## Run the scheduled jobs (summaries, targets, sweeps) until stopped
	$(BIN)/flask scheduler run

test: install ## Install and run every test (browser tests use /usr/bin/chromium)
	$(BIN)/pytest -q -n 2 --dist loadgroup --durations=25

test-postgres: install ## Run every test against the PostgreSQL at 127.0.0.1:5432
	FEEDBACK_TEST_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test $(BIN)/pytest -q -n 2 --dist loadgroup --durations=25

lint: install ## ruff: lint and format check
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

benchmark: install ## Serve with gunicorn and measure FFT submissions against a do-nothing view
	$(BIN)/python benchmarks/submit.py

benchmark-complaints: install ## Time complaint figures and case lists on 50,000 cases (SQLite and PostgreSQL)
	$(BIN)/python benchmarks/complaints.py

benchmark-metrics: install ## Time the summary recompute and the FFT return on 1,000,000 responses (SQLite and PostgreSQL)
	$(BIN)/python benchmarks/metrics.py

benchmark-dashboard: install ## Time the dashboard and People's Council pages on the same history (SQLite and PostgreSQL)
	$(BIN)/python benchmarks/dashboard.py

benchmark-sms: install ## Drive GOV.UK Notify's callbacks at gunicorn and check each reply is stored once (SQLite and PostgreSQL)
	$(BIN)/python benchmarks/sms.py

benchmark-chaos: install ## SIGKILL gunicorn mid-run under 50 people: nothing thanked lost or doubled (SQLite and PostgreSQL)
	$(BIN)/python benchmarks/chaos.py

benchmark-soak: install ## 30 minutes of 20 FFT submissions/s on PostgreSQL: throughput, p95, errors, memory each minute (not in CI)
	$(BIN)/python benchmarks/soak.py

benchmark-first-visit: install ## Bytes a phone downloads for the FFT from a home link, and its time on slow 3G, against a static copy
	$(BIN)/python benchmarks/first_visit.py

clean: ## Remove the virtualenv, fetched assets and compiled catalogues
	rm -rf $(VENV) $(ASSETS) translations/*/LC_MESSAGES/*.mo
