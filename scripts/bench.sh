#!/usr/bin/env bash
# make bench: build the release binary, then run the benchmark driver (bench/bench.py).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/time ]; then
    echo "installing GNU time for peak-memory figures" >&2
    sudo apt-get install -y time >/dev/null
fi
if ! command -v cc >/dev/null || ! { pkg-config --exists yaml-0.1 2>/dev/null || [ -f /usr/include/yaml.h ]; }; then
    echo "installing a C compiler and libyaml-dev for the libyaml event-scan baseline" >&2
    sudo apt-get install -y gcc libyaml-dev >/dev/null
fi
for tool in dot sfdp neato python3; do
    command -v "$tool" >/dev/null || { echo "bench needs $tool (graphviz, python3)" >&2; exit 1; }
done
# The baselines: PyYAML with its libyaml C loader, and networkx, for the python3 on PATH.
for pkg in pyyaml networkx; do
    mod=$pkg; [ "$pkg" = pyyaml ] && mod=yaml
    python3 -c "import $mod" 2>/dev/null && continue
    echo "installing $pkg (PyPI) for the bench baselines" >&2
    python3 -m pip install --quiet "$pkg" 2>/dev/null || python3 -m pip install --quiet --break-system-packages "$pkg"
done
python3 -c 'import yaml, networkx; yaml.CSafeLoader' || { echo "bench needs PyYAML built with libyaml (yaml.CSafeLoader) and networkx" >&2; exit 1; }
swift build -c release --product ecomap
exec python3 bench/bench.py "$@"
