#!/usr/bin/env bash
# Regenerates the spreadsheet fixtures under Tests/Fixtures/Sheets with the programs people use:
# LibreOffice Calc (headless) in a de-DE and an nl-NL locale writes the CSV exports, the .ods and the
# .xlsx workbooks; Python writes the Excel-style encodings (Windows-1252, UTF-16 "Unicode text",
# UTF-8 with BOM) byte for byte. Installs what it needs (libreoffice-calc-nogui) when missing.
#   scripts/make-fixtures.sh            install if needed, then regenerate
#   scripts/make-fixtures.sh --install  only install
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "error: need root (or sudo) to install ${need[*]}" >&2; exit 1; }
    sudo=sudo
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
[ "${1:-}" = "--install" ] && exit 0
exec python3 scripts/make_fixtures.py
