/*
 * The test peers' DDS participant, created the way rmw_cyclonedds creates its own
 * (rmw_cyclonedds_cpp/src/rmw_node.cpp: check_create_domain, then rmw_context_impl_s::init):
 * the domain's configuration is the XML fragment rmw generates from ROS 2's discovery variables,
 * then the contents of CYCLONEDDS_URI, handed to dds_create_domain; the participant carries
 * "enclave=/;" as its user data.
 *
 * The Java test generates the fragment for the mode under test (CyclonePeer.Discovery) and passes
 * it in FLOTILLA_RMW_FRAGMENT; "{pid}" in it stands for this process's id (rmw's discovery-OFF
 * domain tag uses rcutils_get_pid()). Without it, only CYCLONEDDS_URI applies.
 */
#ifndef FLOTILLA_RMW_PARTICIPANT_H
#define FLOTILLA_RMW_PARTICIPANT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dds/dds.h"

static dds_entity_t rmw_participant(dds_domainid_t domain) {
  const char *fragment = getenv("FLOTILLA_RMW_FRAGMENT");
  const char *uri = getenv("CYCLONEDDS_URI");
  if (fragment == NULL) fragment = "";
  if (uri == NULL) uri = "";
  char pid[24];
  snprintf(pid, sizeof pid, "%ld", (long)getpid());
  size_t cap = strlen(fragment) * 2 + strlen(uri) + 1;
  char *config = calloc(cap, 1);
  const char *p = fragment, *hit;
  while ((hit = strstr(p, "{pid}")) != NULL) {
    strncat(config, p, (size_t)(hit - p));
    strcat(config, pid);
    p = hit + 5;
  }
  strcat(config, p);
  strcat(config, uri);
  dds_entity_t d = dds_create_domain(domain, config);
  if (d < 0) {
    fprintf(stderr, "peer: dds_create_domain failed (%s) for config: %s\n",
            dds_strretcode(-d), config);
    exit(1);
  }
  free(config);
  dds_qos_t *q = dds_create_qos();
  dds_qset_userdata(q, "enclave=/;", strlen("enclave=/;"));
  dds_entity_t pp = dds_create_participant(domain, q, NULL);
  dds_delete_qos(q);
  if (pp < 0) {
    fprintf(stderr, "peer: dds_create_participant failed: %s\n", dds_strretcode(-pp));
    exit(1);
  }
  return pp;
}

/* Counts the other participants this one has discovered so far (alive or gone). */
static int rmw_remote_participants(dds_entity_t pp, dds_entity_t builtin_reader) {
  dds_guid_t own;
  if (dds_get_guid(pp, &own) < 0) return -1;
  void *samples[128] = {0};
  dds_sample_info_t infos[128];
  int n = dds_read(builtin_reader, samples, infos, 128, 128);
  int count = 0;
  for (int i = 0; i < n; i++) {
    const dds_builtintopic_participant_t *s = samples[i];
    if (infos[i].valid_data && memcmp(&s->key, &own, sizeof own) != 0) count++;
  }
  if (n > 0) dds_return_loan(builtin_reader, samples, n);
  return count;
}

#endif
