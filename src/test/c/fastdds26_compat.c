/*
 * Interop shim linked into the CycloneDDS test peer (not into Flotilla).
 *
 * ihmc-ros2-library bundles Fast-DDS 2.6 natives, whose SPDP parser rejects CycloneDDS 0.10's
 * PID_PROPERTY_LIST: Cyclone appends the DDS-Security "binary properties" sequence (4 bytes when
 * empty), and this Fast-DDS version requires the parameter length to equal the bytes it parsed, so
 * it silently drops the whole participant announcement (eProsima/Fast-DDS PR #2837 fixed the
 * check in later releases; eclipse-cyclonedds issue #1328). Without discovery nothing flows.
 *
 * libddsc computes which QoS to put on the wire with ddsi_xqos_delta(), called through its PLT.
 * Defining it in the executable (exported with --export-dynamic-symbol) interposes this version,
 * which drops only the property-list bit; every other field of discovery stays Cyclone's own.
 * Property lists only carry informational names (process, pid, host) unless DDS-Security is on.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>

#define QP_PROPERTY_LIST ((uint64_t)1 << 31)

typedef uint64_t (*xqos_delta_fn)(const void *, const void *, uint64_t);

uint64_t ddsi_xqos_delta(const void *a, const void *b, uint64_t mask) {
  static xqos_delta_fn real;
  if (!real) real = (xqos_delta_fn)dlsym(RTLD_NEXT, "ddsi_xqos_delta");
  return real(a, b, mask) & ~QP_PROPERTY_LIST;
}
