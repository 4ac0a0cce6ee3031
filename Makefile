# Samspel: short verbs. Every target works from a fresh clone.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run test lint format messages compilemessages demo bench bench-memory fault-drill lighthouse screenshots clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Samspel needs $(PYTHON)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e ".[test]"
	touch $@

compilemessages: $(VENV)/.installed
	@bash scripts/system-packages.sh gettext
	cd locale && ../$(BIN)/python ../manage.py compilemessages --settings=cms.settings.test -v 0

run: demo
	@echo "Serving Samspel on http://127.0.0.1:$(PORT)/ (stop with Ctrl-C)"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

demo: compilemessages
	@bash scripts/system-packages.sh pango
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) load_demo_course
	$(MANAGE) load_demo_child_module
	$(MANAGE) load_demo_help_lines
	$(MANAGE) load_demo_info_pages
	$(MANAGE) simulate_usage --participants 400 --weeks 12 --seed 1 --if-empty
	$(MANAGE) make_releases
	$(MANAGE) create_demo_accounts

test: $(VENV)/.installed
	bash scripts/test.sh

# Benchmarks and drills: production settings, gunicorn, PostgreSQL and Redis on loopback (see bench/).
bench: compilemessages
	@bash scripts/system-packages.sh postgresql redis wrk
	$(BIN)/python bench/http_bench.py

bench-memory: compilemessages
	@bash scripts/system-packages.sh postgresql redis wrk
	$(BIN)/python bench/memory_bench.py

fault-drill: compilemessages
	@bash scripts/system-packages.sh postgresql redis
	$(BIN)/python bench/fault_drill.py

lighthouse: compilemessages
	@bash scripts/system-packages.sh chromium npm
	bash bench/lighthouse.sh

# The admin screenshots in docs/editing.md, taken in Chromium (tests/browser/screenshots.py).
screenshots: compilemessages
	@bash scripts/system-packages.sh chromium pango
	DJANGO_SETTINGS_MODULE=cms.settings.test DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest -q tests/browser/screenshots.py

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit -q -r cms course modules childmodule safety siteinfo -x '*/migrations/*'

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: $(VENV)/.installed
	$(MANAGE) makemessages -l sv -l da --no-location --no-obsolete -i "static/*" -i "media/*" -i "tests/*" -i "bench/*" -i "test-results/*" -i "node_modules/*"

clean:
	rm -rf $(VENV) static .pgtest db.sqlite3
