/*
 * A CycloneDDS peer that plays Nav2's navigate_to_pose action server for the agent's action test,
 * on the wire as rmw_cyclonedds does it: services rq/<robot>/navigate_to_pose/_action/
 * {send_goal,get_result,cancel_goal}Request and their rr/...Reply, each sample starting with the
 * request header (client id, sequence number) that the reply copies back; the status topic
 * rt/<robot>/navigate_to_pose/_action/status (reliable, transient-local, depth 1). It publishes
 * nav_msgs/Odometry on rt/<robot>/odom (odom origin at START_X, START_Y in map) and drives
 * towards the accepted goal at 1 m/s. It answers only once its reply writers have matched a
 * reader, as rmw_cyclonedds waits for the client's response reader.
 *
 * MODE: succeed (result SUCCEEDED on arrival), abort (ABORTED 1 s after accepting), never
 * (accepts, never sends a result), mute (answers nothing).
 * Output lines: T=<s> SEND_GOAL x y frame=F | ACCEPTED | GET_RESULT known=<0|1> goal=<i> |
 * RESULT <STATUS> | CANCEL_GOAL goal=<i> canceling=<n> | DONE, where <i> is the goal's index in
 * the order goals were sent (-1: a goal id never sent).
 * usage: nav2_action_peer DOMAIN ROBOT START_X START_Y RUN_S MODE
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dds/dds.h"
#include "nav2_action.h"
#include "rmw_participant.h"

enum { ACCEPTED = 1, EXECUTING = 2, SUCCEEDED = 4, CANCELED = 5, ABORTED = 6 };
#define MAX_GOALS 32

typedef struct {
  uint8_t id[16];
  double x, y, accepted_at;
  int status;
  int result_pending; /* a get_result request waits for the end */
  unsigned long long client;
  long long seq;
} goal_t;

static goal_t goals[MAX_GOALS];
static int ngoals = 0;
static int active = -1;
static double t0;

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void check(dds_return_t rc, const char *what) {
  if (rc < 0) {
    fprintf(stderr, "nav2_action_peer: %s failed: %s\n", what, dds_strretcode(-rc));
    exit(3);
  }
}

static int find_goal(const uint8_t *id) {
  for (int i = 0; i < ngoals; i++) {
    if (memcmp(goals[i].id, id, 16) == 0) return i;
  }
  return -1;
}

static dds_entity_t topic(dds_entity_t pp, const dds_topic_descriptor_t *desc, const char *robot,
                          const char *fmt) {
  char name[256];
  snprintf(name, sizeof name, fmt, robot);
  dds_entity_t t = dds_create_topic(pp, desc, name, NULL, NULL);
  check(t, name);
  return t;
}

static int matched(dds_entity_t writer) {
  dds_publication_matched_status_t st;
  if (dds_get_publication_matched_status(writer, &st) < 0) return 0;
  return st.current_count > 0;
}

static dds_entity_t status_writer, result_writer;

static void publish_status(void) {
  action_msgs_msg_dds__GoalStatusArray_ msg;
  action_msgs_msg_dds__GoalStatus_ list[MAX_GOALS];
  memset(&msg, 0, sizeof msg);
  memset(list, 0, sizeof list);
  for (int i = 0; i < ngoals; i++) {
    memcpy(list[i].goal_info_.goal_id_.uuid_, goals[i].id, 16);
    list[i].status_ = (uint8_t)goals[i].status;
  }
  msg.status_list_._length = msg.status_list_._maximum = (uint32_t)ngoals;
  msg.status_list_._buffer = list;
  check(dds_write(status_writer, &msg), "write status");
}

static const char *status_name(int s) {
  return s == SUCCEEDED ? "SUCCEEDED" : s == CANCELED ? "CANCELED" : s == ABORTED ? "ABORTED" : "?";
}

/* Ends a goal; answers its get_result if one waits. */
static void finish(int g, int status, unsigned short code, const char *msg) {
  goals[g].status = status;
  if (goals[g].result_pending) {
    nav2_msgs_action_dds__NavigateToPose_GetResult_Response_ r;
    memset(&r, 0, sizeof r);
    r.rmw_client_ = goals[g].client;
    r.rmw_sequence_ = goals[g].seq;
    r.status_ = (uint8_t)status;
    r.error_code_ = code;
    r.error_msg_ = (char *)msg;
    check(dds_write(result_writer, &r), "write result");
    goals[g].result_pending = 0;
    printf("T=%.3f RESULT %s\n", now_s() - t0, status_name(status));
  }
  if (active == g) active = -1;
  publish_status();
}

int main(int argc, char **argv) {
  if (argc != 7) {
    fprintf(stderr, "usage: nav2_action_peer DOMAIN ROBOT START_X START_Y RUN_S MODE\n");
    return 2;
  }
  dds_domainid_t domain = (dds_domainid_t)atoi(argv[1]);
  const char *robot = argv[2];
  double x = atof(argv[3]), y = atof(argv[4]);
  const double start_x = x, start_y = y;
  double run_for = atof(argv[5]);
  const char *mode = argv[6];
  setvbuf(stdout, NULL, _IOLBF, 0);

  dds_entity_t pp = rmw_participant(domain);
  check(pp, "create participant");
  dds_qos_t *reliable = dds_create_qos();
  dds_qset_reliability(reliable, DDS_RELIABILITY_RELIABLE, DDS_SECS(1));
  dds_qset_history(reliable, DDS_HISTORY_KEEP_LAST, 10);
  dds_qos_t *latched = dds_create_qos();
  dds_qset_reliability(latched, DDS_RELIABILITY_RELIABLE, DDS_SECS(1));
  dds_qset_durability(latched, DDS_DURABILITY_TRANSIENT_LOCAL);
  dds_qset_history(latched, DDS_HISTORY_KEEP_LAST, 1);
  dds_qos_t *best_effort = dds_create_qos();
  dds_qset_reliability(best_effort, DDS_RELIABILITY_BEST_EFFORT, 0);
  dds_qset_history(best_effort, DDS_HISTORY_KEEP_LAST, 20);

  const char *base = "%s/navigate_to_pose/_action/";
  char fmt[256];
  snprintf(fmt, sizeof fmt, "rq/%ssend_goalRequest", base);
  dds_entity_t send_req = dds_create_reader(pp, topic(pp,
      &nav2_msgs_action_dds__NavigateToPose_SendGoal_Request__desc, robot, fmt), reliable, NULL);
  snprintf(fmt, sizeof fmt, "rr/%ssend_goalReply", base);
  dds_entity_t send_rep = dds_create_writer(pp, topic(pp,
      &nav2_msgs_action_dds__NavigateToPose_SendGoal_Response__desc, robot, fmt), reliable, NULL);
  snprintf(fmt, sizeof fmt, "rq/%sget_resultRequest", base);
  dds_entity_t result_req = dds_create_reader(pp, topic(pp,
      &nav2_msgs_action_dds__NavigateToPose_GetResult_Request__desc, robot, fmt), reliable, NULL);
  snprintf(fmt, sizeof fmt, "rr/%sget_resultReply", base);
  result_writer = dds_create_writer(pp, topic(pp,
      &nav2_msgs_action_dds__NavigateToPose_GetResult_Response__desc, robot, fmt), reliable,
      NULL);
  snprintf(fmt, sizeof fmt, "rq/%scancel_goalRequest", base);
  dds_entity_t cancel_req = dds_create_reader(pp, topic(pp,
      &action_msgs_srv_dds__CancelGoal_Request__desc, robot, fmt), reliable, NULL);
  snprintf(fmt, sizeof fmt, "rr/%scancel_goalReply", base);
  dds_entity_t cancel_rep = dds_create_writer(pp, topic(pp,
      &action_msgs_srv_dds__CancelGoal_Response__desc, robot, fmt), reliable, NULL);
  snprintf(fmt, sizeof fmt, "rt/%sstatus", base);
  status_writer = dds_create_writer(pp, topic(pp, &action_msgs_msg_dds__GoalStatusArray__desc,
      robot, fmt), latched, NULL);
  dds_entity_t odom_writer = dds_create_writer(pp, topic(pp, &nav_msgs_msg_dds__Odometry__desc,
      robot, "rt/%s/odom"), best_effort, NULL);
  check(send_req, "send_goal reader");
  check(send_rep, "send_goal writer");
  check(result_req, "get_result reader");
  check(result_writer, "get_result writer");
  check(cancel_req, "cancel reader");
  check(cancel_rep, "cancel writer");
  check(status_writer, "status writer");
  check(odom_writer, "odom writer");

  t0 = now_s();
  double last = t0;
  int mute = strcmp(mode, "mute") == 0;
  while (now_s() - t0 < run_for) {
    int ready = !mute && matched(send_rep) && matched(result_writer) && matched(cancel_rep);
    if (ready) {
      void *s[4] = {NULL};
      dds_sample_info_t info[4];
      int n = dds_take(send_req, s, info, 4, 4);
      for (int i = 0; i < n; i++) {
        if (!info[i].valid_data) continue;
        const nav2_msgs_action_dds__NavigateToPose_SendGoal_Request_ *rq = s[i];
        printf("T=%.3f SEND_GOAL %.3f %.3f frame=%s\n", now_s() - t0,
               rq->pose_.pose_.position_.x_, rq->pose_.pose_.position_.y_,
               rq->pose_.header_.frame_id_);
        if (ngoals == MAX_GOALS) continue;
        goal_t *g = &goals[ngoals];
        memset(g, 0, sizeof *g);
        memcpy(g->id, rq->goal_id_.uuid_, 16);
        g->x = rq->pose_.pose_.position_.x_;
        g->y = rq->pose_.pose_.position_.y_;
        g->accepted_at = now_s();
        g->status = EXECUTING;
        if (active >= 0) goals[active].status = ABORTED; /* preempted */
        active = ngoals++;
        nav2_msgs_action_dds__NavigateToPose_SendGoal_Response_ r;
        memset(&r, 0, sizeof r);
        r.rmw_client_ = rq->rmw_client_;
        r.rmw_sequence_ = rq->rmw_sequence_;
        r.accepted_ = true;
        check(dds_write(send_rep, &r), "write send_goal reply");
        printf("T=%.3f ACCEPTED\n", now_s() - t0);
        publish_status();
      }
      if (n > 0) dds_return_loan(send_req, s, n);

      n = dds_take(result_req, s, info, 4, 4);
      for (int i = 0; i < n; i++) {
        if (!info[i].valid_data) continue;
        const nav2_msgs_action_dds__NavigateToPose_GetResult_Request_ *rq = s[i];
        int g = find_goal(rq->goal_id_.uuid_);
        printf("T=%.3f GET_RESULT known=%d goal=%d\n", now_s() - t0, g >= 0, g);
        if (g < 0) continue;
        goals[g].result_pending = 1;
        goals[g].client = rq->rmw_client_;
        goals[g].seq = rq->rmw_sequence_;
        if (goals[g].status >= SUCCEEDED) finish(g, goals[g].status, 0, "");
      }
      if (n > 0) dds_return_loan(result_req, s, n);

      n = dds_take(cancel_req, s, info, 4, 4);
      for (int i = 0; i < n; i++) {
        if (!info[i].valid_data) continue;
        const action_msgs_srv_dds__CancelGoal_Request_ *rq = s[i];
        int g = find_goal(rq->goal_info_.goal_id_.uuid_);
        action_msgs_srv_dds__CancelGoal_Response_ r;
        action_msgs_msg_dds__GoalInfo_ info1;
        memset(&r, 0, sizeof r);
        memset(&info1, 0, sizeof info1);
        r.rmw_client_ = rq->rmw_client_;
        r.rmw_sequence_ = rq->rmw_sequence_;
        int canceling = g >= 0 && goals[g].status < SUCCEEDED;
        if (canceling) {
          memcpy(info1.goal_id_.uuid_, goals[g].id, 16);
          r.goals_canceling_._length = r.goals_canceling_._maximum = 1;
          r.goals_canceling_._buffer = &info1;
        } else {
          r.return_code_ = g < 0 ? 2 : 3;
        }
        check(dds_write(cancel_rep, &r), "write cancel reply");
        printf("T=%.3f CANCEL_GOAL goal=%d canceling=%d\n", now_s() - t0, g, canceling);
        if (canceling) finish(g, CANCELED, 0, "");
      }
      if (n > 0) dds_return_loan(cancel_req, s, n);
    }

    double t = now_s(), dt = t - last;
    last = t;
    if (active >= 0) {
      goal_t *g = &goals[active];
      double dx = g->x - x, dy = g->y - y, d = sqrt(dx * dx + dy * dy), step = 1.0 * dt;
      if (strcmp(mode, "abort") == 0 && t - g->accepted_at > 1.0) {
        finish(active, ABORTED, 9000, "peer aborts");
      } else if (d <= step) {
        x = g->x;
        y = g->y;
        if (strcmp(mode, "succeed") == 0) finish(active, SUCCEEDED, 0, "");
      } else {
        x += dx / d * step;
        y += dy / d * step;
      }
    }
    nav_msgs_msg_dds__Odometry_ odom;
    memset(&odom, 0, sizeof odom);
    odom.header_.frame_id_ = "odom";
    odom.child_frame_id_ = "base_link";
    odom.pose_.pose_.position_.x_ = x - start_x;
    odom.pose_.pose_.position_.y_ = y - start_y;
    odom.pose_.pose_.orientation_.w_ = 1.0;
    check(dds_write(odom_writer, &odom), "write odometry");
    dds_sleepfor(DDS_MSECS(50));
  }
  printf("T=%.3f DONE\n", now_s() - t0);
  dds_delete_qos(reliable);
  dds_delete_qos(latched);
  dds_delete_qos(best_effort);
  dds_delete(pp);
  return 0;
}
