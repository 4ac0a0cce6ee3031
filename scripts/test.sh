#!/usr/bin/env bash
# The whole suite: lint, Django checks, then pytest on SQLite and on a throwaway
# PostgreSQL cluster on loopback. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export DJANGO_SETTINGS_MODULE=cms.settings.test
export DJANGO_ALLOW_ASYNC_UNSAFE=true
unset DATABASE_URL REDIS_URL

bash scripts/system-packages.sh gettext chromium pango postgresql poppler redis
(cd locale && ../$BIN/python ../manage.py compilemessages -v 0)

echo "== ruff"
$BIN/ruff check .
$BIN/ruff format --check .
echo "== bandit"
# Every remaining finding carries a "# nosec <test id>" with its reason beside it.
$BIN/bandit -q -r cms course modules childmodule safety -x '*/migrations/*'
echo "== django checks"
$BIN/python manage.py check --fail-level WARNING
$BIN/python manage.py makemigrations --check --dry-run >/dev/null || {
  echo "makemigrations --check: a model change has no migration" >&2; exit 1; }

mkdir -p .test-reports  # not test-results/: pytest-playwright empties that at every start
echo "== pytest on SQLite"
$BIN/pytest -q --junitxml=.test-reports/sqlite.xml "$@"

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$PG_BIN" ]; then
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
  echo "!! PostgreSQL could not be installed: the suite did NOT run on it.   !!" >&2
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
  [ "${CI:-}" = "true" ] && exit 1
  $BIN/python scripts/summary.py .test-reports/sqlite.xml
  exit 0
fi

echo "== pytest on PostgreSQL"
eval "$(bash scripts/pg-cluster.sh start)"
trap 'bash scripts/pg-cluster.sh stop' EXIT
DATABASE_URL="$PG_URL" $BIN/pytest -q --junitxml=.test-reports/postgresql.xml "$@"
$BIN/python scripts/summary.py .test-reports/sqlite.xml .test-reports/postgresql.xml
