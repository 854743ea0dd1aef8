#!/usr/bin/env bash
# The test command (README): installs the test peers when missing — Debian's CycloneDDS (C library
# and idlc, the DDS behind rmw_cyclonedds), Debian's Fast-DDS 2.9 (libfastrtps-dev, fastddsgen and
# g++: a C++ peer on the DDS behind rmw_fastrtps), spin (an independent LTL translator), gcc,
# chromium (renders the HTML report in a test, and the dashboard's page in DashboardIT), node and
# npm (to install and run playwright-core, below), lz4 (makes the linked-block LZ4 frames rosbag2
# writes, for the bag reader's tests) and iproute2 (ip netns, for CrossHostIT's simulated hosts) —
# then runs the whole suite with Maven: unit tests, then the integration tests against the packaged
# jar.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

missing=()
command -v idlc >/dev/null 2>&1 || missing+=(cyclonedds-tools)
[ -f /usr/include/dds/dds.h ] || missing+=(cyclonedds-dev)
[ -f /usr/include/fastdds/dds/domain/DomainParticipant.hpp ] || missing+=(libfastrtps-dev)
command -v fastddsgen >/dev/null 2>&1 || missing+=(fastddsgen)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v spin >/dev/null 2>&1 || missing+=(spin)
command -v gcc >/dev/null 2>&1 || missing+=(gcc)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v lz4 >/dev/null 2>&1 || missing+=(lz4)
command -v ip >/dev/null 2>&1 || missing+=(iproute2)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "test: installing test peers: ${missing[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  else
    echo "test: cannot install ${missing[*]} (not root, no sudo); install them and rerun." >&2
    exit 1
  fi
fi

# playwright-core drives that chromium in the dashboard's browser test (DashboardIT); it never
# downloads a browser. Installed once into a cache directory (FLOTILLA_PLAYWRIGHT_DIR).
playwright_dir="${FLOTILLA_PLAYWRIGHT_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/flotilla/playwright}"
if [ ! -d "$playwright_dir/node_modules/playwright-core" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "test: npm is needed to install playwright-core; install nodejs and npm and rerun." >&2
    exit 1
  fi
  echo "test: installing playwright-core into $playwright_dir" >&2
  mkdir -p "$playwright_dir"
  [ -f "$playwright_dir/package.json" ] || echo '{"private": true}' > "$playwright_dir/package.json"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$playwright_dir" --no-audit --no-fund \
    --silent playwright-core@1
fi
export FLOTILLA_PLAYWRIGHT_DIR="$playwright_dir"

exec mvn -B verify "$@"
