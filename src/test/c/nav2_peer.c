/*
 * A CycloneDDS peer that plays a Nav2 robot for the agent's interop test: it follows the latest
 * geometry_msgs/PoseStamped on rt/<robot>/goal_pose (map frame) at a bounded speed, publishes
 * nav_msgs/Odometry on rt/<robot>/odom in its odom frame (origin at START_X, START_Y in map), and
 * counts the flotilla_msgs/Heartbeat samples of that robot on rt/flotilla/heartbeat.
 *
 * Output lines: T=<s> GOAL x y | T=<s> HEARTBEATS n | T=<s> DONE
 * usage: nav2_peer DOMAIN ROBOT START_X START_Y RUN_S
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dds/dds.h"
#include "flotilla_ros2.h"
#include "rmw_participant.h"

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void check(dds_return_t rc, const char *what) {
  if (rc < 0) {
    fprintf(stderr, "nav2_peer: %s failed: %s\n", what, dds_strretcode(-rc));
    exit(3);
  }
}

int main(int argc, char **argv) {
  if (argc != 6) {
    fprintf(stderr, "usage: nav2_peer DOMAIN ROBOT START_X START_Y RUN_S\n");
    return 2;
  }
  dds_domainid_t domain = (dds_domainid_t)atoi(argv[1]);
  const char *robot = argv[2];
  double x = atof(argv[3]), y = atof(argv[4]);
  const double start_x = x, start_y = y;
  double run_for = atof(argv[5]);
  setvbuf(stdout, NULL, _IOLBF, 0);

  dds_entity_t pp = rmw_participant(domain);
  check(pp, "create participant");
  dds_qos_t *reliable = dds_create_qos();
  dds_qset_reliability(reliable, DDS_RELIABILITY_RELIABLE, DDS_SECS(1));
  dds_qset_history(reliable, DDS_HISTORY_KEEP_LAST, 10);
  dds_qos_t *best_effort = dds_create_qos();
  dds_qset_reliability(best_effort, DDS_RELIABILITY_BEST_EFFORT, 0);
  dds_qset_history(best_effort, DDS_HISTORY_KEEP_LAST, 20);

  char name[128];
  snprintf(name, sizeof name, "rt/%s/goal_pose", robot);
  dds_entity_t goal_topic = dds_create_topic(pp, &geometry_msgs_msg_dds__PoseStamped__desc, name,
                                             NULL, NULL);
  check(goal_topic, "goal topic");
  dds_entity_t goal_reader = dds_create_reader(pp, goal_topic, reliable, NULL);
  check(goal_reader, "goal reader");
  snprintf(name, sizeof name, "rt/%s/odom", robot);
  dds_entity_t odom_topic = dds_create_topic(pp, &nav_msgs_msg_dds__Odometry__desc, name, NULL,
                                             NULL);
  check(odom_topic, "odom topic");
  dds_entity_t odom_writer = dds_create_writer(pp, odom_topic, best_effort, NULL);
  check(odom_writer, "odom writer");
  dds_entity_t hb_topic = dds_create_topic(pp, &flotilla_msgs_msg_dds__Heartbeat__desc,
                                           "rt/flotilla/heartbeat", NULL, NULL);
  check(hb_topic, "heartbeat topic");
  dds_entity_t hb_reader = dds_create_reader(pp, hb_topic, best_effort, NULL);
  check(hb_reader, "heartbeat reader");

  double t0 = now_s(), last = t0, last_report = t0;
  int have_goal = 0;
  double gx = 0, gy = 0;
  long heartbeats = 0;
  while (now_s() - t0 < run_for) {
    void *samples[8] = {NULL};
    dds_sample_info_t infos[8];
    int n = dds_take(goal_reader, samples, infos, 8, 8);
    for (int i = 0; i < n; i++) {
      if (!infos[i].valid_data) continue;
      const geometry_msgs_msg_dds__PoseStamped_ *g = samples[i];
      gx = g->pose_.position_.x_;
      gy = g->pose_.position_.y_;
      have_goal = 1;
      printf("T=%.3f GOAL %.3f %.3f frame=%s\n", now_s() - t0, gx, gy, g->header_.frame_id_);
    }
    if (n > 0) dds_return_loan(goal_reader, samples, n);
    void *hbs[32] = {NULL};
    dds_sample_info_t hinfo[32];
    n = dds_take(hb_reader, hbs, hinfo, 32, 32);
    for (int i = 0; i < n; i++) {
      if (hinfo[i].valid_data &&
          strcmp(((flotilla_msgs_msg_dds__Heartbeat_ *)hbs[i])->robot_id_, robot) == 0) {
        heartbeats++;
      }
    }
    if (n > 0) dds_return_loan(hb_reader, hbs, n);

    double t = now_s(), dt = t - last;
    last = t;
    if (have_goal) {
      double dx = gx - x, dy = gy - y, d = sqrt(dx * dx + dy * dy), step = 1.0 * dt;
      if (d <= step) {
        x = gx;
        y = gy;
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
    if (t - last_report >= 1.0) {
      last_report = t;
      printf("T=%.3f HEARTBEATS %ld\n", t - t0, heartbeats);
    }
    dds_sleepfor(DDS_MSECS(50));
  }
  printf("T=%.3f HEARTBEATS %ld\n", now_s() - t0, heartbeats);
  printf("T=%.3f DONE\n", now_s() - t0);
  dds_delete_qos(reliable);
  dds_delete_qos(best_effort);
  dds_delete(pp);
  return 0;
}
