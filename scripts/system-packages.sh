#!/usr/bin/env bash
# The Debian packages Expo CMS needs outside Python, in one place for `make test` and `.ci/run`.
#
#   scripts/system-packages.sh test   what the test suite needs (PDF, translations, browser, XML schema)
#   scripts/system-packages.sh ci     the same plus the services CI starts (PostgreSQL, Redis)
#
# Installs what is missing with apt-get when run as root; otherwise prints the exact command to
# run and fails, so a fresh machine never runs the suite half-equipped.
set -euo pipefail

# python3-venv (the Makefile's virtualenv), WeasyPrint's libraries (PDF), GNU gettext (catalogue
# check), chromium (browser journeys), xmllint (schedule.xml against its schema), poppler-utils and
# zbar-tools (reading back printed PDFs and QR codes), fonts for the browser.
TEST_PACKAGES=(python3-venv gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
  fonts-noto-core chromium libxml2-utils poppler-utils zbar-tools)
# The scale-out test runs its own redis-server; CI runs the suite a second time on PostgreSQL.
CI_PACKAGES=("${TEST_PACKAGES[@]}" redis-server postgresql postgresql-client)

case "${1:-test}" in
  test) packages=("${TEST_PACKAGES[@]}") ;;
  ci) packages=("${CI_PACKAGES[@]}") ;;
  *) echo "usage: $0 [test|ci]" >&2; exit 2 ;;
esac

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages present: ${packages[*]}"
  exit 0
fi
command="apt-get update -qq && apt-get install -y -qq --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing system packages: ${missing[*]}" >&2
  echo "Install them with:  sudo sh -c '$command'" >&2
  exit 1
fi
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Tell .ci/run whether PostgreSQL was installed just now (its fresh cluster needs trust on loopback).
if [[ " ${missing[*]} " == *" postgresql "* ]]; then
  touch "${SYSTEM_PACKAGES_FRESH_POSTGRES_MARKER:-/tmp/expo-fresh-postgres}"
fi
