/*
 * Plays `ros2 param` on rmw_cyclonedds against a Flotilla node, over plain CycloneDDS: the
 * parameter services' request and reply topics (rq/<node>/<service>Request,
 * rr/<node>/<service>Reply) with rmw_cyclonedds' request header (client id, sequence number)
 * in front of each request, matched on each reply exactly as rmw_cyclonedds' client matches
 * them. Lists, gets, describes, sets a live parameter (and reads its /parameter_events sample),
 * sets it with the wrong type, sets a read-only one, then times ROUNDS get_parameters round
 * trips. Prints one line per answer for the Java test to check.
 *
 * Usage: param_client_peer DOMAIN NODE LIVE_PARAM LIVE_VALUE READONLY_PARAM TIMEOUT_S
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dds/dds.h"
#include "param_services.h"
#include "rmw_participant.h"

#define ROUNDS 50

static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

typedef struct {
  dds_entity_t writer, reader, waitset;
} service_t;

/* Every reply struct starts with the header, as the wire does. */
typedef struct {
  uint64_t client_id_;
  int64_t sequence_;
} header_t;

static uint64_t client_id;
static int64_t next_sequence = 1;
static double deadline;

static service_t service(dds_entity_t pp, const char *node, const char *name,
                         const dds_topic_descriptor_t *rq, const dds_topic_descriptor_t *rr) {
  dds_qos_t *qos = dds_create_qos();
  dds_qset_reliability(qos, DDS_RELIABILITY_RELIABLE, DDS_SECS(1));
  dds_qset_history(qos, DDS_HISTORY_KEEP_LAST, 10);
  char topic[256];
  snprintf(topic, sizeof topic, "rq/%s/%sRequest", node, name);
  dds_entity_t tq = dds_create_topic(pp, rq, topic, NULL, NULL);
  snprintf(topic, sizeof topic, "rr/%s/%sReply", node, name);
  dds_entity_t tr = dds_create_topic(pp, rr, topic, NULL, NULL);
  if (tq < 0 || tr < 0) {
    fprintf(stderr, "peer: cannot create the %s topics\n", name);
    exit(1);
  }
  service_t s;
  s.writer = dds_create_writer(pp, tq, qos, NULL);
  s.reader = dds_create_reader(pp, tr, qos, NULL);
  s.waitset = dds_create_waitset(pp);
  dds_waitset_attach(s.waitset, dds_create_readcondition(s.reader, DDS_ANY_STATE), 0);
  dds_delete_qos(qos);
  return s;
}

/* rmw's service_is_available: the request writer and the reply reader are both matched. */
static int available(service_t s) {
  dds_publication_matched_status_t pm;
  dds_subscription_matched_status_t sm;
  dds_get_publication_matched_status(s.writer, &pm);
  dds_get_subscription_matched_status(s.reader, &sm);
  return pm.current_count > 0 && sm.current_count > 0;
}

/* Sends a request (whose header is filled here) and waits for the reply that carries the same
   header; other replies are dropped, as rmw_cyclonedds drops replies for other clients. Returns
   the loaned sample (give it back with dds_return_loan) or exits when none comes in time. */
static void *call(service_t s, void *request, const char *what) {
  header_t *h = request;
  h->client_id_ = client_id;
  h->sequence_ = next_sequence++;
  if (dds_write(s.writer, request) < 0) {
    fprintf(stderr, "peer: %s request not written\n", what);
    exit(1);
  }
  while (now_s() < deadline) {
    dds_waitset_wait(s.waitset, NULL, 0, DDS_MSECS(200));
    void *samples[1] = {NULL};
    dds_sample_info_t info;
    while (dds_take(s.reader, samples, &info, 1, 1) == 1) {
      header_t *r = samples[0];
      if (info.valid_data && r->client_id_ == client_id && r->sequence_ == h->sequence_) {
        return samples[0];
      }
      dds_return_loan(s.reader, samples, 1);
      samples[0] = NULL;
    }
  }
  printf("timeout %s\n", what);
  exit(3);
}

static rcl_interfaces_msg_dds__ParameterValue_ double_value(double v) {
  rcl_interfaces_msg_dds__ParameterValue_ value;
  memset(&value, 0, sizeof value);
  value.type_ = 3;
  value.double_value_ = v;
  value.string_value_ = "";
  return value;
}

static void set(service_t s, const char *name, rcl_interfaces_msg_dds__ParameterValue_ value,
                const char *label) {
  rcl_interfaces_msg_dds__Parameter_ p;
  p.name_ = (char *)name;
  p.value_ = value;
  rcl_interfaces_srv_dds__SetParameters_Request_ rq;
  memset(&rq, 0, sizeof rq);
  rq.parameters_._length = rq.parameters_._maximum = 1;
  rq.parameters_._buffer = &p;
  rcl_interfaces_srv_dds__SetParameters_Response_ *r = call(s, &rq, "set_parameters");
  if (r->results_._length != 1) {
    printf("set %s %s results=%u\n", label, name, r->results_._length);
  } else {
    printf("set %s %s successful=%d reason=%s\n", label, name, r->results_._buffer[0].successful_,
           r->results_._buffer[0].reason_);
  }
  dds_return_loan(s.reader, (void **)&r, 1);
}

static double get(service_t s, const char *name, int print) {
  char *names[1] = {(char *)name};
  rcl_interfaces_srv_dds__GetParameters_Request_ rq;
  memset(&rq, 0, sizeof rq);
  rq.names_._length = rq.names_._maximum = 1;
  rq.names_._buffer = names;
  rcl_interfaces_srv_dds__GetParameters_Response_ *r = call(s, &rq, "get_parameters");
  double v = 0;
  if (r->values_._length == 1) {
    rcl_interfaces_msg_dds__ParameterValue_ *x = &r->values_._buffer[0];
    v = x->type_ == 2 ? (double)x->integer_value_ : x->double_value_;
    if (print) printf("get %s type=%d value=%g\n", name, x->type_, v);
  } else if (print) {
    printf("get %s values=%u\n", name, r->values_._length);
  }
  dds_return_loan(s.reader, (void **)&r, 1);
  return v;
}

static int compare(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  if (argc != 7) {
    fprintf(stderr, "usage: %s DOMAIN NODE LIVE_PARAM LIVE_VALUE READONLY_PARAM TIMEOUT_S\n",
            argv[0]);
    return 2;
  }
  const char *node = argv[2], *live = argv[3], *readonly = argv[5];
  double live_value = atof(argv[4]);
  deadline = now_s() + atof(argv[6]);
  dds_entity_t pp = rmw_participant((dds_domainid_t)atoi(argv[1]));
  dds_guid_t guid;
  dds_get_guid(pp, &guid);
  memcpy(&client_id, guid.v + 8, sizeof client_id);

  service_t list = service(pp, node, "list_parameters",
                           &rcl_interfaces_srv_dds__ListParameters_Request__desc,
                           &rcl_interfaces_srv_dds__ListParameters_Response__desc);
  service_t getter = service(pp, node, "get_parameters",
                             &rcl_interfaces_srv_dds__GetParameters_Request__desc,
                             &rcl_interfaces_srv_dds__GetParameters_Response__desc);
  service_t setter = service(pp, node, "set_parameters",
                             &rcl_interfaces_srv_dds__SetParameters_Request__desc,
                             &rcl_interfaces_srv_dds__SetParameters_Response__desc);
  service_t describe = service(pp, node, "describe_parameters",
                               &rcl_interfaces_srv_dds__DescribeParameters_Request__desc,
                               &rcl_interfaces_srv_dds__DescribeParameters_Response__desc);
  /* /parameter_events, as rclcpp's parameter event subscription reads it. */
  dds_qos_t *eq = dds_create_qos();
  dds_qset_reliability(eq, DDS_RELIABILITY_RELIABLE, DDS_SECS(1));
  dds_qset_history(eq, DDS_HISTORY_KEEP_LAST, 1000);
  dds_entity_t events = dds_create_reader(
      pp, dds_create_topic(pp, &rcl_interfaces_msg_dds__ParameterEvent__desc,
                           "rt/parameter_events", NULL, NULL),
      eq, NULL);
  dds_delete_qos(eq);

  while (!(available(list) && available(getter) && available(setter) && available(describe)
           && now_s() < deadline)) {
    if (now_s() >= deadline) {
      printf("timeout waiting for the services of %s\n", node);
      return 3;
    }
    dds_sleepfor(DDS_MSECS(50));
  }
  printf("available %s\n", node);
  /* Our request writer and reply reader are matched: ask at once, as ros2 param does. The node's
     reply writer may not have matched our reply reader yet; the node waits for that match before
     replying (a reply written before it would be lost on the volatile reply topic). */

  rcl_interfaces_srv_dds__ListParameters_Request_ lq;
  memset(&lq, 0, sizeof lq);
  rcl_interfaces_srv_dds__ListParameters_Response_ *lr = call(list, &lq, "list_parameters");
  printf("list %s names=", node);
  for (uint32_t i = 0; i < lr->result_.names_._length; i++) {
    printf("%s%s", i ? "," : "", lr->result_.names_._buffer[i]);
  }
  printf("\n");
  dds_return_loan(list.reader, (void **)&lr, 1);

  get(getter, live, 1);
  get(getter, "no_such_parameter", 1);

  char *dnames[2] = {(char *)live, (char *)readonly};
  rcl_interfaces_srv_dds__DescribeParameters_Request_ dq;
  memset(&dq, 0, sizeof dq);
  dq.names_._length = dq.names_._maximum = 2;
  dq.names_._buffer = dnames;
  rcl_interfaces_srv_dds__DescribeParameters_Response_ *dr =
      call(describe, &dq, "describe_parameters");
  for (uint32_t i = 0; i < dr->descriptors_._length; i++) {
    printf("describe %s read_only=%d type=%d\n", dr->descriptors_._buffer[i].name_,
           dr->descriptors_._buffer[i].read_only_, dr->descriptors_._buffer[i].type_);
  }
  dds_return_loan(describe.reader, (void **)&dr, 1);

  set(setter, live, double_value(live_value), "live");
  rcl_interfaces_msg_dds__ParameterValue_ wrong;
  memset(&wrong, 0, sizeof wrong);
  wrong.type_ = 2;
  wrong.integer_value_ = 1;
  wrong.string_value_ = "";
  set(setter, live, wrong, "wrong_type");
  set(setter, readonly, double_value(1.0), "read_only");
  get(getter, live, 1);

  /* The accepted change's event. */
  int seen = 0;
  while (!seen && now_s() < deadline) {
    void *samples[1] = {NULL};
    dds_sample_info_t info;
    if (dds_take(events, samples, &info, 1, 1) == 1) {
      rcl_interfaces_msg_dds__ParameterEvent_ *e = samples[0];
      if (info.valid_data) {
        for (uint32_t i = 0; i < e->changed_parameters_._length; i++) {
          rcl_interfaces_msg_dds__Parameter_ *p = &e->changed_parameters_._buffer[i];
          printf("event node=%s changed=%s value=%g\n", e->node_, p->name_,
                 p->value_.double_value_);
          seen = 1;
        }
      }
      dds_return_loan(events, samples, 1);
    } else {
      dds_sleepfor(DDS_MSECS(20));
    }
  }
  if (!seen) printf("no parameter event\n");

  double rtt[ROUNDS];
  for (int i = 0; i < ROUNDS; i++) {
    double t0 = now_s();
    get(getter, live, 0);
    rtt[i] = (now_s() - t0) * 1e6;
  }
  qsort(rtt, ROUNDS, sizeof rtt[0], compare);
  printf("latency %s rounds=%d median_us=%.0f p90_us=%.0f max_us=%.0f\n", node, ROUNDS,
         rtt[ROUNDS / 2], rtt[ROUNDS * 9 / 10], rtt[ROUNDS - 1]);
  printf("done\n");
  dds_delete(pp);
  return 0;
}
