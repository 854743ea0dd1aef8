/*
 * A CycloneDDS peer that looks at Flotilla's ROS 2 graph the way Jazzy's rmw_cyclonedds does:
 * it reads the built-in DCPSPublication and DCPSSubscription topics (every remote writer and
 * reader, with its topic, type and USER_DATA, where Jazzy expects "typehash=RIHS01_<hex>;"), and
 * ros_discovery_info (rmw_dds_common/msg/ParticipantEntitiesInfo, the node names and the GIDs of
 * each node's readers and writers, which `ros2 node list` and `ros2 node info` show).
 *
 * It prints, once each, at the end of the run:
 *   ENDPOINT kind=<pub|sub> topic=<t> type=<dds type> gid=<32 hex> participant=<32 hex>
 *            durability=<0 volatile, 1 transient-local> userdata=<text or "(null)">
 *   NODE participant=<32 hex> ns=<namespace> name=<name> writers=<gid>,<gid> readers=<gid>,...
 *   DONE endpoints=<n> nodes=<n> unresolved=<GIDs of nodes not discovered as endpoints>
 *
 * It waits until it has seen at least MIN_NODES nodes whose every GID it has also discovered as a
 * remote endpoint, and every remote endpoint is listed by a node of its participant, then SETTLE_S
 * more seconds (for the last endpoints' USER_DATA), or until
 * MAX_S: generous bounds, so a loaded machine only makes it slower.
 *
 * usage: graph_peer DOMAIN MIN_NODES SETTLE_S MAX_S
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dds/dds.h"
#include "flotilla_ros2.h"
#include "rmw_participant.h"

#define MAX_SAMPLES 512

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void check(dds_return_t rc, const char *what) {
  if (rc < 0) {
    fprintf(stderr, "graph_peer: %s failed: %s\n", what, dds_strretcode(-rc));
    exit(3);
  }
}

static void print_hex(const unsigned char *bytes, size_t n) {
  for (size_t i = 0; i < n; i++) printf("%02x", bytes[i]);
}

/* Prints every endpoint a built-in endpoint reader holds (read, not taken: each run prints all). */
static int print_endpoints(dds_entity_t reader, const char *kind, const dds_guid_t *own) {
  void *samples[MAX_SAMPLES] = {NULL};
  dds_sample_info_t infos[MAX_SAMPLES];
  int n = dds_read(reader, samples, infos, MAX_SAMPLES, MAX_SAMPLES);
  int count = 0;
  for (int i = 0; i < n; i++) {
    if (!infos[i].valid_data) continue;
    const dds_builtintopic_endpoint_t *e = samples[i];
    if (memcmp(e->participant_key.v, own->v, 12) == 0) continue;
    void *ud = NULL;
    size_t udsize = 0;
    printf("ENDPOINT kind=%s topic=%s type=%s gid=", kind, e->topic_name, e->type_name);
    print_hex(e->key.v, 16);
    printf(" participant=");
    print_hex(e->participant_key.v, 16);
    dds_durability_kind_t durability = DDS_DURABILITY_VOLATILE;
    if (e->qos != NULL) dds_qget_durability(e->qos, &durability);
    printf(" durability=%d", (int)durability);
    if (e->qos != NULL && dds_qget_userdata(e->qos, &ud, &udsize) && ud != NULL && udsize > 0) {
      printf(" userdata=%.*s\n", (int)udsize, (const char *)ud);
    } else {
      printf(" userdata=(null)\n");
    }
    dds_free(ud);
    count++;
  }
  if (n > 0) dds_return_loan(reader, samples, n);
  return count;
}

static void print_gids(const dds_sequence_rmw_dds_common_msg_dds__Gid_ *gids) {
  for (uint32_t i = 0; i < gids->_length; i++) {
    printf("%s", i ? "," : "");
    print_hex(gids->_buffer[i].data_, 16);
  }
}

/* Whether sample i is the latest ParticipantEntitiesInfo of its participant among the n read. */
static int latest(void **samples, const dds_sample_info_t *infos, int n, int i) {
  const rmw_dds_common_msg_dds__ParticipantEntitiesInfo_ *p = samples[i];
  for (int j = i + 1; j < n; j++) {
    const rmw_dds_common_msg_dds__ParticipantEntitiesInfo_ *q = samples[j];
    if (infos[j].valid_data && memcmp(p->gid_.data_, q->gid_.data_, 16) == 0) return 0;
  }
  return 1;
}

/* Whether a GID is among the remote endpoints a built-in reader holds. */
static int known_endpoint(dds_entity_t reader, const unsigned char *gid) {
  void *samples[MAX_SAMPLES] = {NULL};
  dds_sample_info_t infos[MAX_SAMPLES];
  int n = dds_read(reader, samples, infos, MAX_SAMPLES, MAX_SAMPLES);
  int found = 0;
  for (int i = 0; i < n && !found; i++) {
    const dds_builtintopic_endpoint_t *e = samples[i];
    found = infos[i].valid_data && memcmp(e->key.v, gid, 16) == 0;
  }
  if (n > 0) dds_return_loan(reader, samples, n);
  return found;
}

static int has_gid(const dds_sequence_rmw_dds_common_msg_dds__Gid_ *gids,
                   const unsigned char *gid) {
  for (uint32_t i = 0; i < gids->_length; i++) {
    if (memcmp(gids->_buffer[i].data_, gid, 16) == 0) return 1;
  }
  return 0;
}

/*
 * Counts the remote endpoints (other than the graph's own topic) of announced participants that
 * no node of their participant's latest ParticipantEntitiesInfo lists yet: rmw announces each
 * endpoint a moment after discovery carries it, so the two views agree only once both arrived.
 */
static int unlisted(dds_entity_t graph, dds_entity_t endpoints, int writers,
                    const dds_guid_t *own) {
  void *gs[MAX_SAMPLES] = {NULL}, *es[MAX_SAMPLES] = {NULL};
  dds_sample_info_t gi[MAX_SAMPLES], ei[MAX_SAMPLES];
  int gn = dds_read(graph, gs, gi, MAX_SAMPLES, MAX_SAMPLES);
  int en = dds_read(endpoints, es, ei, MAX_SAMPLES, MAX_SAMPLES);
  int count = 0;
  for (int i = 0; i < en; i++) {
    const dds_builtintopic_endpoint_t *e = es[i];
    if (!ei[i].valid_data || memcmp(e->participant_key.v, own->v, 12) == 0 ||
        strcmp(e->topic_name, "ros_discovery_info") == 0) {
      continue;
    }
    int listed = 0, announced = 0;
    for (int j = 0; j < gn && !listed; j++) {
      const rmw_dds_common_msg_dds__ParticipantEntitiesInfo_ *p = gs[j];
      if (!gi[j].valid_data || !latest(gs, gi, gn, j) ||
          memcmp(p->gid_.data_, e->participant_key.v, 16) != 0) {
        continue;
      }
      announced = 1;
      for (uint32_t k = 0; k < p->node_entities_info_seq_._length && !listed; k++) {
        const rmw_dds_common_msg_dds__NodeEntitiesInfo_ *node =
            &p->node_entities_info_seq_._buffer[k];
        listed = has_gid(writers ? &node->writer_gid_seq_ : &node->reader_gid_seq_, e->key.v);
      }
    }
    /* A participant that announces no node (another program in the domain) is not waited for. */
    if (announced && !listed) count++;
  }
  if (gn > 0) dds_return_loan(graph, gs, gn);
  if (en > 0) dds_return_loan(endpoints, es, en);
  return count;
}

/*
 * Counts the nodes of each participant's latest ParticipantEntitiesInfo; prints them when asked.
 * *unresolved is set to the number of their GIDs not (yet) discovered as endpoints.
 */
static int nodes(dds_entity_t graph, dds_entity_t pubs, dds_entity_t subs, int print,
                 int *unresolved) {
  void *samples[MAX_SAMPLES] = {NULL};
  dds_sample_info_t infos[MAX_SAMPLES];
  int n = dds_read(graph, samples, infos, MAX_SAMPLES, MAX_SAMPLES);
  int count = 0;
  *unresolved = 0;
  for (int i = 0; i < n; i++) {
    if (!infos[i].valid_data || !latest(samples, infos, n, i)) continue;
    const rmw_dds_common_msg_dds__ParticipantEntitiesInfo_ *p = samples[i];
    for (uint32_t k = 0; k < p->node_entities_info_seq_._length; k++) {
      const rmw_dds_common_msg_dds__NodeEntitiesInfo_ *node =
          &p->node_entities_info_seq_._buffer[k];
      for (uint32_t g = 0; g < node->writer_gid_seq_._length; g++) {
        if (!known_endpoint(pubs, node->writer_gid_seq_._buffer[g].data_)) (*unresolved)++;
      }
      for (uint32_t g = 0; g < node->reader_gid_seq_._length; g++) {
        if (!known_endpoint(subs, node->reader_gid_seq_._buffer[g].data_)) (*unresolved)++;
      }
      if (print) {
        printf("NODE participant=");
        print_hex(p->gid_.data_, 16);
        printf(" ns=%s name=%s writers=", node->node_namespace_, node->node_name_);
        print_gids(&node->writer_gid_seq_);
        printf(" readers=");
        print_gids(&node->reader_gid_seq_);
        printf("\n");
      }
      count++;
    }
  }
  if (n > 0) dds_return_loan(graph, samples, n);
  return count;
}

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: graph_peer DOMAIN MIN_NODES SETTLE_S MAX_S\n");
    return 2;
  }
  dds_domainid_t domain = (dds_domainid_t)atoi(argv[1]);
  int min_nodes = atoi(argv[2]);
  double settle_s = atof(argv[3]), max_s = atof(argv[4]);
  dds_entity_t pp = rmw_participant(domain);
  dds_guid_t own;
  check(dds_get_guid(pp, &own), "dds_get_guid");

  dds_entity_t pubs = dds_create_reader(pp, DDS_BUILTIN_TOPIC_DCPSPUBLICATION, NULL, NULL);
  check(pubs, "reader DCPSPublication");
  dds_entity_t subs = dds_create_reader(pp, DDS_BUILTIN_TOPIC_DCPSSUBSCRIPTION, NULL, NULL);
  check(subs, "reader DCPSSubscription");

  /*
   * As rmw creates its graph reader (reliable, transient-local), but keeping more than the last
   * sample: rmw takes each on arrival, this peer reads them all at the end.
   */
  dds_qos_t *q = dds_create_qos();
  dds_qset_reliability(q, DDS_RELIABILITY_RELIABLE, DDS_SECS(1));
  dds_qset_durability(q, DDS_DURABILITY_TRANSIENT_LOCAL);
  dds_qset_history(q, DDS_HISTORY_KEEP_LAST, MAX_SAMPLES);
  dds_entity_t topic = dds_create_topic(pp, &rmw_dds_common_msg_dds__ParticipantEntitiesInfo__desc,
                                        "ros_discovery_info", NULL, NULL);
  check(topic, "topic ros_discovery_info");
  dds_entity_t graph = dds_create_reader(pp, topic, q, NULL);
  check(graph, "reader ros_discovery_info");
  dds_delete_qos(q);

  double t0 = now_s(), ready_at = -1;
  int unresolved = 0;
  while (now_s() - t0 < max_s) {
    dds_sleepfor(DDS_MSECS(200));
    int seen = nodes(graph, pubs, subs, 0, &unresolved);
    if (ready_at < 0 && seen >= min_nodes && unresolved == 0 &&
        unlisted(graph, pubs, 1, &own) == 0 && unlisted(graph, subs, 0, &own) == 0) {
      ready_at = now_s();
    }
    if (ready_at >= 0 && now_s() - ready_at >= settle_s) break;
  }
  int endpoints = print_endpoints(pubs, "pub", &own) + print_endpoints(subs, "sub", &own);
  int count = nodes(graph, pubs, subs, 1, &unresolved);
  printf("DONE endpoints=%d nodes=%d unresolved=%d\n", endpoints, count, unresolved);
  fflush(stdout);
  dds_delete(pp);
  return 0;
}
