#!/usr/bin/env bash
# The test command (README): installs the test peers when missing — Debian's CycloneDDS (C library
# and idlc, the DDS behind rmw_cyclonedds), Debian's Fast-DDS 2.9 (libfastrtps-dev, fastddsgen and
# g++: a C++ peer on the DDS behind rmw_fastrtps), spin (an independent LTL translator), gcc,
# chromium (renders the HTML report in a test), lz4 (makes the linked-block LZ4 frames rosbag2
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

exec mvn -B verify "$@"
