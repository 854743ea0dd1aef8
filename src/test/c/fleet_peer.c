/*
 * A foreign DDS peer for Flotilla's interop test, built at test time against Debian's CycloneDDS
 * (the DDS behind rmw_cyclonedds) from IDL generated out of msg/.
 *
 * It plays three robots the way ROS 2 robots would: nav_msgs/Odometry on rt/<robot>/odom and
 * flotilla_msgs/Heartbeat on rt/flotilla/heartbeat at 10 Hz. It submits one task per robot on
 * rt/flotilla/tasks, late-joins rt/flotilla/allocation (reliable, transient-local, depth 1),
 * then stops one robot's heartbeats and odometry and waits for the Reassignment.
 *
 * Every observation is one line on stdout, prefixed with the peer's elapsed time, for the Java
 * test to parse:
 *   T=<s> ALLOCATION version=<v> cause=<c> plans=<robot>:<task>,<task>;<robot>:...
 *   T=<s> REASSIGNMENT version=<v> previous=<v> cause=<c> subject=<id> affected=<a>,<b>
 *         moves=<task>:-<r>+<r>|... since_silence=<s>
 *   T=<s> SILENCED robot=<id>
 *   T=<s> DISCOVERED remote=<n>     (the first time another participant is discovered)
 *   T=<s> PARTICIPANTS remote=<n>   (other participants discovered, printed once at the end)
 *
 * usage: fleet_peer DOMAIN FAIL_ROBOT FAIL_AT_S LATE_JOIN_AT_S RUN_S (it stops sooner once the
 * late joiner got a plan and the failed robot's work moved)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dds/dds.h"
#include "flotilla_ros2.h"
#include "rmw_participant.h"

#define ROBOTS 3
static const char *robot_ids[ROBOTS] = {"r1", "r2", "r3"};
/* Task locations in the map frame, one next to each robot's start (see the test's params). */
static const double task_xy[ROBOTS][2] = {{1.0, 0.0}, {5.0, 0.0}, {0.0, 5.0}};

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void check(dds_return_t rc, const char *what) {
  if (rc < 0) {
    fprintf(stderr, "fleet_peer: %s failed: %s\n", what, dds_strretcode(-rc));
    exit(3);
  }
}

static dds_qos_t *qos(int reliable, int transient_local, int depth) {
  dds_qos_t *q = dds_create_qos();
  dds_qset_reliability(q, reliable ? DDS_RELIABILITY_RELIABLE : DDS_RELIABILITY_BEST_EFFORT,
                       DDS_SECS(1));
  dds_qset_durability(q, transient_local ? DDS_DURABILITY_TRANSIENT_LOCAL
                                         : DDS_DURABILITY_VOLATILE);
  dds_qset_history(q, DDS_HISTORY_KEEP_LAST, depth);
  return q;
}

static void print_strings(const dds_sequence_string *s) {
  for (uint32_t i = 0; i < s->_length; i++) {
    printf("%s%s", i ? "," : "", s->_buffer[i]);
  }
}

/* Prints the allocations waiting; returns how many there were. */
static int take_allocations(dds_entity_t reader, double t0) {
  void *samples[4] = {NULL};
  dds_sample_info_t infos[4];
  int n = dds_take(reader, samples, infos, 4, 4);
  int seen = 0;
  for (int i = 0; i < n; i++) {
    if (!infos[i].valid_data) continue;
    seen++;
    const flotilla_msgs_msg_dds__Allocation_ *a = samples[i];
    printf("T=%.3f ALLOCATION version=%llu cause=%u plans=", now_s() - t0,
           (unsigned long long)a->plan_version_, a->cause_);
    for (uint32_t p = 0; p < a->plans_._length; p++) {
      const flotilla_msgs_msg_dds__RobotPlan_ *plan = &a->plans_._buffer[p];
      printf("%s%s:", p ? ";" : "", plan->robot_id_);
      for (uint32_t s = 0; s < plan->steps_._length; s++) {
        printf("%s%s", s ? "," : "", plan->steps_._buffer[s].task_id_);
      }
    }
    printf("\n");
  }
  if (n > 0) dds_return_loan(reader, samples, n);
  return seen;
}

/* Prints the reassignments waiting; returns whether one moved the failed robot's work
   (cause robot_failed, subject FAIL_ROBOT). */
static int take_reassignments(dds_entity_t reader, double t0, double silenced_at,
                              const char *fail_robot) {
  void *samples[16] = {NULL};
  dds_sample_info_t infos[16];
  int n = dds_take(reader, samples, infos, 16, 16);
  int failover = 0;
  for (int i = 0; i < n; i++) {
    if (!infos[i].valid_data) continue;
    const flotilla_msgs_msg_dds__Reassignment_ *r = samples[i];
    if (r->cause_ == 1 && strcmp(r->subject_, fail_robot) == 0) failover = 1;
    double t = now_s();
    printf("T=%.3f REASSIGNMENT version=%llu previous=%llu cause=%u subject=%s affected=",
           t - t0, (unsigned long long)r->plan_version_,
           (unsigned long long)r->previous_version_, r->cause_, r->subject_);
    print_strings(&r->affected_robots_);
    printf(" moves=");
    for (uint32_t m = 0; m < r->moves_._length; m++) {
      const flotilla_msgs_msg_dds__TaskMove_ *mv = &r->moves_._buffer[m];
      printf("%s%s:-", m ? "|" : "", mv->task_id_);
      print_strings(&mv->removed_robots_);
      printf("+");
      print_strings(&mv->added_robots_);
    }
    printf(" since_silence=%.3f\n", silenced_at > 0 ? t - silenced_at : -1.0);
  }
  if (n > 0) dds_return_loan(reader, samples, n);
  return failover;
}

int main(int argc, char **argv) {
  if (argc != 6) {
    fprintf(stderr, "usage: fleet_peer DOMAIN FAIL_ROBOT FAIL_AT_S LATE_JOIN_AT_S RUN_S\n");
    return 2;
  }
  dds_domainid_t domain = (dds_domainid_t)atoi(argv[1]);
  const char *fail_robot = argv[2];
  double fail_at = atof(argv[3]);
  double late_join_at = atof(argv[4]);
  double run_for = atof(argv[5]);
  setvbuf(stdout, NULL, _IOLBF, 0);

  dds_entity_t pp = rmw_participant(domain);
  check(pp, "create participant");
  dds_entity_t participants = dds_create_reader(pp, DDS_BUILTIN_TOPIC_DCPSPARTICIPANT, NULL, NULL);
  check(participants, "create participant reader");

  dds_qos_t *sensor = qos(0, 0, 5);
  dds_qos_t *reliable = qos(1, 0, 100);
  dds_qos_t *latched = qos(1, 1, 1);

  dds_entity_t hb_topic = dds_create_topic(pp, &flotilla_msgs_msg_dds__Heartbeat__desc,
                                           "rt/flotilla/heartbeat", NULL, NULL);
  check(hb_topic, "create heartbeat topic");
  dds_entity_t hb_writer = dds_create_writer(pp, hb_topic, sensor, NULL);
  check(hb_writer, "create heartbeat writer");

  dds_entity_t odom_writers[ROBOTS];
  for (int r = 0; r < ROBOTS; r++) {
    char name[64];
    snprintf(name, sizeof name, "rt/%s/odom", robot_ids[r]);
    dds_entity_t t = dds_create_topic(pp, &nav_msgs_msg_dds__Odometry__desc, name, NULL, NULL);
    check(t, "create odom topic");
    odom_writers[r] = dds_create_writer(pp, t, sensor, NULL);
    check(odom_writers[r], "create odom writer");
  }

  dds_entity_t task_topic = dds_create_topic(pp, &flotilla_msgs_msg_dds__TaskRequest__desc,
                                             "rt/flotilla/tasks", NULL, NULL);
  check(task_topic, "create task topic");
  dds_entity_t task_writer = dds_create_writer(pp, task_topic, reliable, NULL);
  check(task_writer, "create task writer");

  dds_entity_t reassign_topic = dds_create_topic(
      pp, &flotilla_msgs_msg_dds__Reassignment__desc, "rt/flotilla/reassignment", NULL, NULL);
  check(reassign_topic, "create reassignment topic");
  dds_entity_t reassign_reader = dds_create_reader(pp, reassign_topic, reliable, NULL);
  check(reassign_reader, "create reassignment reader");

  dds_entity_t alloc_topic = dds_create_topic(pp, &flotilla_msgs_msg_dds__Allocation__desc,
                                              "rt/flotilla/allocation", NULL, NULL);
  check(alloc_topic, "create allocation topic");
  dds_entity_t alloc_reader = 0;

  double t0 = now_s();
  double silenced_at = -1;
  int tasks_sent = 0;
  int discovered = 0;
  int failover_seen = 0, late_plan_seen = 0;
  uint64_t seq[ROBOTS] = {0};

  while (now_s() - t0 < run_for) {
    double t = now_s() - t0;
    if (!discovered && (discovered = rmw_remote_participants(pp, participants)) > 0) {
      printf("T=%.3f DISCOVERED remote=%d\n", t, discovered);
    }
    int silenced = t >= fail_at;
    if (silenced && silenced_at < 0) {
      silenced_at = now_s();
      printf("T=%.3f SILENCED robot=%s\n", t, fail_robot);
    }
    for (int r = 0; r < ROBOTS; r++) {
      if (silenced && strcmp(robot_ids[r], fail_robot) == 0) continue;
      flotilla_msgs_msg_dds__Heartbeat_ hb;
      memset(&hb, 0, sizeof hb);
      hb.robot_id_ = (char *)robot_ids[r];
      hb.sequence_number_ = ++seq[r];
      hb.current_task_id_ = "";
      hb.auth_.sender_id_ = ""; /* unsigned: Flotilla runs with security off here */
      hb.current_step_ = -1;
      hb.battery_ = 0.9f;
      hb.health_ = 1.0f;
      check(dds_write(hb_writer, &hb), "write heartbeat");

      nav_msgs_msg_dds__Odometry_ odom;
      memset(&odom, 0, sizeof odom);
      odom.header_.frame_id_ = "odom";
      odom.child_frame_id_ = "base_link";
      odom.pose_.pose_.orientation_.w_ = 1.0;
      check(dds_write(odom_writers[r], &odom), "write odometry");
    }

    if (!tasks_sent) {
      dds_publication_matched_status_t st;
      check(dds_get_publication_matched_status(task_writer, &st), "matched status");
      if (st.current_count > 0 && t > 1.0) {
        for (int k = 0; k < ROBOTS; k++) {
          char id[16];
          snprintf(id, sizeof id, "t%d", k + 1);
          flotilla_msgs_msg_dds__TaskRequest_ task;
          memset(&task, 0, sizeof task);
          task.task_id_ = id;
          task.kind_ = 1; /* KIND_MULTI_ROBOT */
          task.ltl_formula_ = "";
          task.region_ = "";
          task.auth_.sender_id_ = "";
          task.location_.x_ = task_xy[k][0];
          task.location_.y_ = task_xy[k][1];
          task.required_robots_ = 1;
          task.base_utility_ = 100.0;
          task.decay_rate_ = 0.001;
          task.duration_ = 600.0;
          check(dds_write(task_writer, &task), "write task");
        }
        tasks_sent = 1;
        printf("T=%.3f TASKS sent=%d\n", t, ROBOTS);
      }
    }

    if (alloc_reader == 0 && t >= late_join_at) {
      alloc_reader = dds_create_reader(pp, alloc_topic, latched, NULL);
      check(alloc_reader, "create late allocation reader");
      printf("T=%.3f LATE_JOIN allocation\n", t);
    }
    if (alloc_reader != 0) late_plan_seen |= take_allocations(alloc_reader, t0) > 0;
    failover_seen |= take_reassignments(reassign_reader, t0, silenced_at, fail_robot);
    dds_sleepfor(DDS_MSECS(20));
    /* Heartbeats and odometry at ~10 Hz: every fifth 20 ms tick. */
    for (int i = 0; i < 4; i++) {
      failover_seen |= take_reassignments(reassign_reader, t0, silenced_at, fail_robot);
      if (alloc_reader != 0) late_plan_seen |= take_allocations(alloc_reader, t0) > 0;
      dds_sleepfor(DDS_MSECS(20));
    }
    /* Everything a run is for was seen (the late joiner's plan, the failed robot's work moved):
       the rest of RUN_S would only wait. */
    if (failover_seen && late_plan_seen) break;
  }
  printf("T=%.3f PARTICIPANTS remote=%d\n", now_s() - t0,
         rmw_remote_participants(pp, participants));
  dds_delete_qos(sensor);
  dds_delete_qos(reliable);
  dds_delete_qos(latched);
  dds_delete(pp);
  printf("T=%.3f DONE\n", now_s() - t0);
  return 0;
}
