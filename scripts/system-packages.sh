#!/usr/bin/env bash
# Installs the Debian packages Samspel's set-up needs, only when missing.
# Usage: scripts/system-packages.sh [gettext] [chromium] [pango] [postgresql] [poppler] [redis] [wrk] [npm]
set -euo pipefail

missing=()
for want in "$@"; do
  case "$want" in
    gettext) command -v msgfmt >/dev/null || missing+=(gettext) ;;
    chromium) command -v chromium >/dev/null || missing+=(chromium) ;;
    pango) # WeasyPrint's text layout, and a font it embeds in the PDF reports
      { ldconfig -p | grep -q libpangoft2-1.0.so.0 && fc-list | grep -q DejaVuSans; } ||
        missing+=(libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core) ;;
    postgresql) ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql) ;;
    poppler) command -v pdftotext >/dev/null || missing+=(poppler-utils) ;;
    redis) command -v redis-server >/dev/null || missing+=(redis-server) ;;
    wrk) command -v wrk >/dev/null || missing+=(wrk) ;;
    npm) command -v npm >/dev/null || missing+=(npm) ;;
    *) echo "unknown package group: $want" >&2; exit 2 ;;
  esac
done
((${#missing[@]})) || exit 0

if [ "$(id -u)" != 0 ]; then
  echo "Samspel needs these Debian packages: ${missing[*]}. Install them (as root: apt-get install ${missing[*]})." >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
