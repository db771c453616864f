#!/usr/bin/env bash
# Installs the system packages ecomap needs when they are missing (Debian/Ubuntu).
#   scripts/install-deps.sh            libgraphviz-dev, librsvg2-dev, fontconfig and Liberation Sans 2
#                                      (fonts-liberation2, the font every label is measured with)
#   scripts/install-deps.sh --test     plus the tools the test suite uses (the deck tests: LibreOffice
#                                      Impress headless, poppler's pdftoppm/pdftotext, PyPI's python-pptx
#                                      and networkx;
#                                      the report's browser test: Chromium, chromedriver and selenium)
#   scripts/install-deps.sh --browser  only the browser test's Chromium, chromedriver and selenium
set -euo pipefail
mode="${1:-}"
need=()
pkg-config --exists libgvc 2>/dev/null || need+=(libgraphviz-dev)
pkg-config --exists librsvg-2.0 cairo-pdf cairo-png 2>/dev/null || need+=(librsvg2-dev)
command -v fc-match >/dev/null 2>&1 || need+=(fontconfig)
[ -f /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf ] || need+=(fonts-liberation2)
if [ "$mode" = "--test" ]; then
  command -v rsvg-convert >/dev/null 2>&1 || need+=(librsvg2-bin)
  command -v dot >/dev/null 2>&1 || need+=(graphviz)
  command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
  command -v valgrind >/dev/null 2>&1 || need+=(valgrind)
  { command -v pdftoppm >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; } || need+=(poppler-utils)
  dpkg -s libreoffice-impress-nogui >/dev/null 2>&1 || dpkg -s libreoffice-impress >/dev/null 2>&1 || need+=(libreoffice-impress-nogui)
  python3 -c 'import pip' >/dev/null 2>&1 || need+=(python3-pip)
fi
if [ "$mode" = "--browser" ] || [ "$mode" = "--test" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium fonts-liberation)
  command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
  python3 -c 'import pip' >/dev/null 2>&1 || need+=(python3-pip)
fi
install_selenium() {
  [ "$mode" = "--browser" ] || [ "$mode" = "--test" ] || return 0
  python3 -c 'import selenium' >/dev/null 2>&1 && return 0
  echo "installing: selenium (PyPI)" >&2
  python3 -m pip install --quiet selenium 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages selenium
}
install_pptx() {
  [ "$mode" = "--test" ] || return 0
  pip_install pptx python-pptx   # the deck tests open the deck with python-pptx
  pip_install networkx networkx  # the export test loads the GraphML into networkx
}
pip_install() {  # module package: PyPI's package for the python3 on PATH, which the tests run
  python3 -c "import $1" >/dev/null 2>&1 && return 0
  echo "installing: $2 (PyPI)" >&2
  python3 -m pip install --quiet "$2" 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages "$2"
}
if [ ${#need[@]} -eq 0 ]; then install_selenium; install_pptx; exit 0; fi
echo "installing: ${need[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "error: need root (or sudo) to install ${need[*]}" >&2; exit 1; }
  sudo=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
install_selenium
install_pptx
