#!/usr/bin/env bash
# Lighthouse, mobile, on the course home (/sv/) and one lesson page; prints the four category scores.
#
#   bash bench/lighthouse.sh                          # loads the demo, serves it on a free port, measures
#   BASE_URL=http://127.0.0.1:8000 bash bench/lighthouse.sh   # measures a site that is already running
#
# Optional: LESSON_PATH=/sv/... (otherwise the first lesson of the first module linked from /sv/),
# KEEP_REPORTS=1 (keep the JSON reports; their folder is printed).
#
# Lighthouse is installed once into bench/.lighthouse/ (npm, pinned below). It runs Debian's Chromium
# headless, kept from calling home; nothing leaves loopback. The server this script starts is
# `runserver` with the development settings: static files and HTML go out uncompressed and
# unhashed, unlike production (WhiteNoise, gzip), so treat text-compression and caching findings
# with that in mind.
set -euo pipefail

LIGHTHOUSE_VERSION=12.8.2 # the last 12.x; 13.x needs Node >= 22.19, Debian 12 has Node 20
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PREFIX="$REPO/bench/.lighthouse"
LIGHTHOUSE="$PREFIX/node_modules/.bin/lighthouse"
PYTHON=python3
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
CHROME_FLAGS="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"

installed_version() {
    node -p "require('$PREFIX/node_modules/lighthouse/package.json').version" 2>/dev/null || true
}

if [ "$(installed_version)" != "$LIGHTHOUSE_VERSION" ]; then
    echo "Installing lighthouse@$LIGHTHOUSE_VERSION into $PREFIX ..."
    mkdir -p "$PREFIX"
    npm install --prefix "$PREFIX" --no-audit --no-fund --loglevel=error "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
fi

WORK="$(mktemp -d -t samspel-lighthouse.XXXXXX)"
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [ "${KEEP_REPORTS:-}" = "1" ]; then
        echo "Reports kept in $WORK"
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "${BASE_URL:-}" ]; then
    echo "Loading the demo (make demo) ..."
    make -C "$REPO" demo >"$WORK/demo.log" 2>&1 || { cat "$WORK/demo.log"; exit 1; }
    PORT="$($PYTHON -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    BASE_URL="http://127.0.0.1:$PORT"
    (cd "$REPO" && exec .venv/bin/python manage.py runserver "127.0.0.1:$PORT" --settings=cms.settings.dev --noreload) \
        >"$WORK/server.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 100); do
        curl -fsS -o /dev/null "$BASE_URL/sv/" 2>/dev/null && break
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
        sleep 0.2
    done
    curl -fsS -o /dev/null "$BASE_URL/sv/" || { echo "the server did not answer on $BASE_URL"; cat "$WORK/server.log"; exit 1; }
    echo "Serving the demo on $BASE_URL (runserver, cms.settings.dev)"
fi
BASE_URL="${BASE_URL%/}"

if [ -z "${LESSON_PATH:-}" ]; then
    # The course home links to modules (/sv/<theme>/<module>/), a module page to its lessons (one level deeper).
    LESSON_PATH="$($PYTHON - "$BASE_URL" <<'PY'
import re
import sys
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

base = sys.argv[1]


def links(path, depth, prefix):
    html = urlopen(base + path, timeout=30).read().decode()
    for href in re.findall(r'href="([^"]+)"', html):
        url = urlsplit(urljoin(base + path, href))
        if url.netloc == urlsplit(base).netloc and url.path.startswith(prefix):
            if len([part for part in url.path.split("/") if part]) == depth:
                return url.path
    sys.exit(f"no link {depth} levels deep under {prefix} on {path}")


module = links("/sv/", 3, "/sv/")
print(links(module, 4, module))
PY
)"
fi

PAGES=("/sv/" "$LESSON_PATH")
NAMES=("home" "lesson")
for i in "${!PAGES[@]}"; do
    echo "Lighthouse (mobile): $BASE_URL${PAGES[$i]}"
    "$LIGHTHOUSE" "$BASE_URL${PAGES[$i]}" \
        --form-factor=mobile \
        --chrome-flags="$CHROME_FLAGS" \
        --output=json --output-path="$WORK/${NAMES[$i]}.json" \
        --quiet
done

$PYTHON - "$WORK" "${NAMES[@]}" "${PAGES[@]}" <<'PY'
import json
import sys

work, names, paths = sys.argv[1], sys.argv[2:4], sys.argv[4:6]
categories = ["performance", "accessibility", "best-practices", "seo"]
reports = {name: json.load(open(f"{work}/{name}.json")) for name in names}

width = max(len(path) for path in paths)
print()
print(f"{'page':<{width}}  " + "  ".join(f"{c:>14}" for c in categories))
for name, path in zip(names, paths):
    scores = reports[name]["categories"]
    cells = []
    for c in categories:
        score = scores[c]["score"]
        cells.append(f"{'-' if score is None else round(score * 100):>14}")
    print(f"{path:<{width}}  " + "  ".join(cells))

# The audits that cost points in performance, accessibility and best practices.
for name, path in zip(names, paths):
    report = reports[name]
    failing = []
    for c in ["performance", "accessibility", "best-practices"]:
        for ref in report["categories"][c]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if audit["score"] is not None and audit["score"] < 1 and audit["scoreDisplayMode"] in ("binary", "numeric", "metricSavings"):
                value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                weight = f"weight {ref['weight']:g}" if ref["weight"] else "diagnostic, weight 0"
                failing.append(f"  [{c}] {ref['id']}: {audit['title']}{value}, score {audit['score']:.2f} ({weight})")
    if failing:
        print(f"\nAudits below 1 on {path} (weight 0: shown for information, no effect on the score):")
        print("\n".join(failing))
PY
