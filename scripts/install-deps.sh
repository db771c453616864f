#!/usr/bin/env bash
# Installs the system packages ecomap needs when they are missing (Debian/Ubuntu).
#   scripts/install-deps.sh            libgraphviz-dev (build and run)
#   scripts/install-deps.sh --test     plus the tools the test suite uses
set -euo pipefail
need=()
pkg-config --exists libgvc 2>/dev/null || need+=(libgraphviz-dev)
if [ "${1:-}" = "--test" ]; then
  command -v rsvg-convert >/dev/null 2>&1 || need+=(librsvg2-bin)
  command -v dot >/dev/null 2>&1 || need+=(graphviz)
  command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
  command -v valgrind >/dev/null 2>&1 || need+=(valgrind)
fi
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing: ${need[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "error: need root (or sudo) to install ${need[*]}" >&2; exit 1; }
  sudo=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
