/*
 * A foreign DDS peer for Flotilla's interop test, built at test time against Debian's Fast-DDS
 * 2.9 (the DDS behind rmw_fastrtps) with C++ types fastddsgen generated from the IDL of msg/.
 *
 * It plays an rmw_fastrtps node: its participant carries "enclave=/;" as USER_DATA and every
 * endpoint "typehash=RIHS01_<hex>;" (read from FLOTILLA_TYPE_HASHES, a file of "<dds type>
 * <hash>" lines), topics carry the rt/ prefix and types rosidl's dds_ names. It publishes three
 * robots' flotilla_msgs/Heartbeat and nav_msgs/Odometry at 10 Hz, submits one task per robot on
 * rt/flotilla/tasks once that writer has matched, and reads rt/flotilla/allocation (reliable,
 * transient-local, depth 1) until an allocation has given every robot a task, MIN_REMOTE other
 * participants have been discovered and HB_READERS readers match its heartbeats, or until MAX_S.
 *
 * Transport: UDPv4 only (no shared memory, whose segments differ between Fast-DDS releases),
 * restricted to the loopback interface so no test traffic leaves the machine; discovery is
 * Fast-DDS's default (multicast SPDP), as rmw_fastrtps leaves it for the SUBNET range.
 *
 * Output lines (stdout), prefixed with the elapsed time:
 *   T=<s> DISCOVERED remote=<n>      (each newly discovered participant)
 *   T=<s> WRITER|READER topic=<t> type=<dds type> userdata=<text or "(null)">
 *   T=<s> TASKS sent=<n>
 *   T=<s> ALLOCATION version=<v> plans=<robot>:<task>,<task>;<robot>:...
 *   T=<s> PARTICIPANTS remote=<n>    (at the end)
 *
 * usage: fastdds_peer DOMAIN MIN_REMOTE HB_READERS MAX_S
 */
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fastdds/dds/domain/DomainParticipant.hpp>
#include <fastdds/dds/domain/DomainParticipantFactory.hpp>
#include <fastdds/dds/domain/DomainParticipantListener.hpp>
#include <fastdds/dds/publisher/DataWriter.hpp>
#include <fastdds/dds/publisher/Publisher.hpp>
#include <fastdds/dds/subscriber/DataReader.hpp>
#include <fastdds/dds/subscriber/SampleInfo.hpp>
#include <fastdds/dds/subscriber/Subscriber.hpp>
#include <fastdds/dds/topic/TypeSupport.hpp>
#include <fastdds/rtps/transport/UDPv4TransportDescriptor.h>

#include "ros2.h"
#include "ros2PubSubTypes.h"

using namespace eprosima::fastdds::dds;
using eprosima::fastdds::rtps::UDPv4TransportDescriptor;
using eprosima::fastrtps::rtps::ParticipantDiscoveryInfo;
using eprosima::fastrtps::rtps::ReaderDiscoveryInfo;
using eprosima::fastrtps::rtps::WriterDiscoveryInfo;
using eprosima::fastrtps::rtps::octet;

namespace fm = flotilla_msgs::msg::dds_;
namespace nm = nav_msgs::msg::dds_;

static const char *kRobots[] = {"r1", "r2", "r3"};
static const double kTaskXy[][2] = {{1.0, 0.0}, {5.0, 0.0}, {0.0, 5.0}};

static double now_s() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

static double t0 = now_s();

[[noreturn]] static void die(const std::string &what) {
  std::fprintf(stderr, "fastdds_peer: %s failed\n", what.c_str());
  std::exit(3);
}

static std::string text(const std::vector<octet> &v) {
  return v.empty() ? std::string("(null)") : std::string(v.begin(), v.end());
}

/*
 * Counts the other participants discovered, and prints each remote writer's and reader's USER_DATA
 * as rmw_fastrtps' listener receives it (where Jazzy parses "typehash=").
 */
class Discovery : public DomainParticipantListener {
 public:
  std::atomic<int> remote{0};
  void on_publisher_discovery(DomainParticipant *, WriterDiscoveryInfo &&info) override {
    if (info.status == WriterDiscoveryInfo::DISCOVERED_WRITER) {
      std::printf("T=%.3f WRITER topic=%s type=%s userdata=%s\n", now_s() - t0,
                  info.info.topicName().c_str(), info.info.typeName().c_str(),
                  text(info.info.m_qos.m_userData.data_vec()).c_str());
      std::fflush(stdout);
    }
  }
  void on_subscriber_discovery(DomainParticipant *, ReaderDiscoveryInfo &&info) override {
    if (info.status == ReaderDiscoveryInfo::DISCOVERED_READER) {
      std::printf("T=%.3f READER topic=%s type=%s userdata=%s\n", now_s() - t0,
                  info.info.topicName().c_str(), info.info.typeName().c_str(),
                  text(info.info.m_qos.m_userData.data_vec()).c_str());
      std::fflush(stdout);
    }
  }
  void on_participant_discovery(DomainParticipant *, ParticipantDiscoveryInfo &&info) override {
    if (info.status == ParticipantDiscoveryInfo::DISCOVERED_PARTICIPANT) {
      int n = ++remote;
      std::printf("T=%.3f DISCOVERED remote=%d\n", now_s() - t0, n);
      std::fflush(stdout);
    }
  }
};

static std::map<std::string, std::string> read_hashes() {
  std::map<std::string, std::string> out;
  const char *path = std::getenv("FLOTILLA_TYPE_HASHES");
  if (path == nullptr) return out;
  std::ifstream in(path);
  std::string type, hash;
  while (in >> type >> hash) out[type] = hash;
  return out;
}

static std::vector<octet> bytes(const std::string &s) {
  return std::vector<octet>(s.begin(), s.end());
}

struct Peer {
  DomainParticipant *pp;
  Publisher *pub;
  Subscriber *sub;
  std::map<std::string, std::string> hashes;

  Topic *topic(const std::string &name, TopicDataType *type) {
    TypeSupport ts(type);
    std::string type_name = ts.get_type_name();
    if (pp->find_type(type_name) == nullptr &&
        ts.register_type(pp) != ReturnCode_t::RETCODE_OK) {
      die("register " + type_name);
    }
    Topic *t = pp->create_topic(name, type_name, TOPIC_QOS_DEFAULT);
    if (t == nullptr) die("topic " + name);
    return t;
  }

  /* The user data rmw_fastrtps gives an endpoint of this type. */
  std::vector<octet> user_data(Topic *t) {
    auto it = hashes.find(t->get_type_name());
    return it == hashes.end() ? std::vector<octet>()
                              : bytes("typehash=" + it->second + ";");
  }

  DataWriter *writer(Topic *t, bool reliable, int depth) {
    DataWriterQos q = DATAWRITER_QOS_DEFAULT;
    q.reliability().kind = reliable ? RELIABLE_RELIABILITY_QOS : BEST_EFFORT_RELIABILITY_QOS;
    q.durability().kind = VOLATILE_DURABILITY_QOS;
    q.history().kind = KEEP_LAST_HISTORY_QOS;
    q.history().depth = depth;
    q.user_data().data_vec(user_data(t));
    DataWriter *w = pub->create_datawriter(t, q);
    if (w == nullptr) die("writer " + t->get_name());
    return w;
  }

  DataReader *latched_reader(Topic *t) {
    DataReaderQos q = DATAREADER_QOS_DEFAULT;
    q.reliability().kind = RELIABLE_RELIABILITY_QOS;
    q.durability().kind = TRANSIENT_LOCAL_DURABILITY_QOS;
    q.history().kind = KEEP_LAST_HISTORY_QOS;
    q.history().depth = 1;
    q.user_data().data_vec(user_data(t));
    DataReader *r = sub->create_datareader(t, q);
    if (r == nullptr) die("reader " + t->get_name());
    return r;
  }
};

/* Prints each allocation taken; returns whether one gave every robot at least one task. */
static bool take_allocations(DataReader *reader) {
  bool complete = false;
  fm::Allocation_ a;
  SampleInfo info;
  while (reader->take_next_sample(&a, &info) == ReturnCode_t::RETCODE_OK) {
    if (!info.valid_data) continue;
    std::ostringstream plans;
    int robots_with_tasks = 0;
    for (size_t p = 0; p < a.f_plans_().size(); p++) {
      const fm::RobotPlan_ &plan = a.f_plans_()[p];
      plans << (p ? ";" : "") << plan.f_robot_id_() << ":";
      for (size_t s = 0; s < plan.f_steps_().size(); s++) {
        plans << (s ? "," : "") << plan.f_steps_()[s].f_task_id_();
      }
      if (!plan.f_steps_().empty()) robots_with_tasks++;
    }
    std::printf("T=%.3f ALLOCATION version=%llu plans=%s\n", now_s() - t0,
                (unsigned long long)a.f_plan_version_(), plans.str().c_str());
    std::fflush(stdout);
    complete = complete || robots_with_tasks == 3;
  }
  return complete;
}

int main(int argc, char **argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: fastdds_peer DOMAIN MIN_REMOTE HB_READERS MAX_S\n");
    return 2;
  }
  int domain = std::atoi(argv[1]);
  int min_remote = std::atoi(argv[2]);
  int hb_readers = std::atoi(argv[3]);
  double max_s = std::atof(argv[4]);

  DomainParticipantQos pqos = PARTICIPANT_QOS_DEFAULT;
  pqos.name("fastdds_peer");
  pqos.user_data().data_vec(bytes("enclave=/;"));
  auto udp = std::make_shared<UDPv4TransportDescriptor>();
  udp->interfaceWhiteList.emplace_back("127.0.0.1");
  pqos.transport().user_transports.push_back(udp);
  pqos.transport().use_builtin_transports = false;
  Discovery discovery;
  Peer peer;
  peer.hashes = read_hashes();
  peer.pp =
      DomainParticipantFactory::get_instance()->create_participant(domain, pqos, &discovery);
  if (peer.pp == nullptr) die("participant");
  peer.pub = peer.pp->create_publisher(PUBLISHER_QOS_DEFAULT);
  peer.sub = peer.pp->create_subscriber(SUBSCRIBER_QOS_DEFAULT);
  if (peer.pub == nullptr || peer.sub == nullptr) die("publisher/subscriber");

  DataWriter *hb_writer = peer.writer(
      peer.topic("rt/flotilla/heartbeat", new fm::Heartbeat_PubSubType()), false, 5);
  std::vector<DataWriter *> odom_writers;
  for (const char *r : kRobots) {
    odom_writers.push_back(peer.writer(
        peer.topic(std::string("rt/") + r + "/odom", new nm::Odometry_PubSubType()), false, 5));
  }
  DataWriter *task_writer = peer.writer(
      peer.topic("rt/flotilla/tasks", new fm::TaskRequest_PubSubType()), true, 100);
  DataReader *alloc_reader = peer.latched_reader(
      peer.topic("rt/flotilla/allocation", new fm::Allocation_PubSubType()));

  bool tasks_sent = false, complete = false;
  uint64_t seq = 0;
  /* Keeps publishing until done, then a few more heartbeats for readers that just matched. */
  double done_at = -1;
  while ((done_at < 0 || now_s() - done_at < 1.0) && now_s() - t0 < max_s) {
    PublicationMatchedStatus hb_status;
    hb_writer->get_publication_matched_status(hb_status);
    if (done_at < 0 && complete && discovery.remote.load() >= min_remote &&
        hb_status.current_count >= hb_readers) {
      done_at = now_s();
    }
    double t = now_s() - t0;
    seq++;
    for (size_t r = 0; r < 3; r++) {
      fm::Heartbeat_ hb;
      hb.f_robot_id_(kRobots[r]);
      hb.f_sequence_number_(seq);
      hb.f_current_step_(-1);
      hb.f_battery_(0.9f);
      hb.f_health_(1.0f);
      hb_writer->write(&hb);
      nm::Odometry_ odom;
      odom.f_header_().f_frame_id_("odom");
      odom.f_child_frame_id_("base_link");
      odom.f_pose_().f_pose_().f_orientation_().f_w_(1.0);
      odom_writers[r]->write(&odom);
    }
    if (!tasks_sent) {
      PublicationMatchedStatus st;
      task_writer->get_publication_matched_status(st);
      if (st.current_count > 0 && t > 1.0) {
        for (int k = 0; k < 3; k++) {
          fm::TaskRequest_ task;
          task.f_task_id_("t" + std::to_string(k + 1));
          task.f_kind_(1); /* KIND_MULTI_ROBOT */
          task.f_location_().f_x_(kTaskXy[k][0]);
          task.f_location_().f_y_(kTaskXy[k][1]);
          task.f_required_robots_(1);
          task.f_base_utility_(100.0);
          task.f_decay_rate_(0.001);
          task.f_duration_(600.0);
          task_writer->write(&task);
        }
        tasks_sent = true;
        std::printf("T=%.3f TASKS sent=3\n", t);
        std::fflush(stdout);
      }
    }
    for (int i = 0; i < 5; i++) {
      complete = take_allocations(alloc_reader) || complete;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  std::printf("T=%.3f PARTICIPANTS remote=%d\n", now_s() - t0, discovery.remote.load());
  std::fflush(stdout);
  peer.pp->delete_contained_entities();
  DomainParticipantFactory::get_instance()->delete_participant(peer.pp);
  return 0;
}
