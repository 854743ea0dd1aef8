/*
 * A Fast-DDS 2.9 peer that plays Nav2's navigate_to_pose action server the way rmw_fastrtps puts
 * a service on the wire: requests on rq/<robot>/navigate_to_pose/_action/<service>Request carry
 * only the rosidl fields; each reply on rr/...Reply is written with its related sample identity
 * set to the request's sample identity, or, when the request carried a related identity (a newer
 * rmw_fastrtps client names its response reader there), to that writer GUID with the request's
 * sequence number (rmw_fastrtps_shared_cpp __rmw_take_request / __rmw_send_response). It
 * publishes nav_msgs/Odometry on rt/<robot>/odom at the origin, accepts every goal, and ends each
 * with SUCCEEDED (MODE succeed) or ABORTED (MODE abort) one second after accepting it.
 *
 * Transport: UDPv4 on the loopback interface only, as fastdds_peer.cpp.
 * Output lines: T=<s> SEND_GOAL x y | ACCEPTED | GET_RESULT known=<0|1> | RESULT <STATUS> |
 * CANCEL_GOAL | DONE
 * usage: nav2_action_fastdds_peer DOMAIN ROBOT RUN_S MODE
 */
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <fastdds/dds/domain/DomainParticipant.hpp>
#include <fastdds/dds/domain/DomainParticipantFactory.hpp>
#include <fastdds/dds/publisher/DataWriter.hpp>
#include <fastdds/dds/publisher/Publisher.hpp>
#include <fastdds/dds/subscriber/DataReader.hpp>
#include <fastdds/dds/subscriber/SampleInfo.hpp>
#include <fastdds/dds/subscriber/Subscriber.hpp>
#include <fastdds/dds/topic/TypeSupport.hpp>
#include <fastdds/rtps/common/WriteParams.h>
#include <fastdds/rtps/transport/UDPv4TransportDescriptor.h>

#include "nav2_action_fastdds.h"
#include "nav2_action_fastddsPubSubTypes.h"
#include "ros2.h"
#include "ros2PubSubTypes.h"

using namespace eprosima::fastdds::dds;
using eprosima::fastdds::rtps::UDPv4TransportDescriptor;
using eprosima::fastrtps::rtps::GUID_t;
using eprosima::fastrtps::rtps::SampleIdentity;
using eprosima::fastrtps::rtps::WriteParams;

namespace na = nav2_msgs::action::dds_;
namespace as = action_msgs::srv::dds_;
namespace nm = nav_msgs::msg::dds_;

static double now_s() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

static double t0 = now_s();

[[noreturn]] static void die(const std::string &what) {
  std::fprintf(stderr, "nav2_action_fastdds_peer: %s failed\n", what.c_str());
  std::exit(3);
}

struct Goal {
  std::array<uint8_t, 16> id;
  double accepted_at;
  int status = 2;
  bool result_pending = false;
  SampleIdentity result_request;
};

static DomainParticipant *pp;
static Publisher *pub;
static Subscriber *sub;

static Topic *topic(const std::string &name, TopicDataType *type) {
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

static DataWriter *writer(Topic *t, bool reliable) {
  DataWriterQos q = DATAWRITER_QOS_DEFAULT;
  q.reliability().kind = reliable ? RELIABLE_RELIABILITY_QOS : BEST_EFFORT_RELIABILITY_QOS;
  q.durability().kind = VOLATILE_DURABILITY_QOS;
  q.history().kind = KEEP_LAST_HISTORY_QOS;
  q.history().depth = 10;
  DataWriter *w = pub->create_datawriter(t, q);
  if (w == nullptr) die("writer " + t->get_name());
  return w;
}

static DataReader *reader(Topic *t) {
  DataReaderQos q = DATAREADER_QOS_DEFAULT;
  q.reliability().kind = RELIABLE_RELIABILITY_QOS;
  q.durability().kind = VOLATILE_DURABILITY_QOS;
  q.history().kind = KEEP_LAST_HISTORY_QOS;
  q.history().depth = 10;
  DataReader *r = sub->create_datareader(t, q);
  if (r == nullptr) die("reader " + t->get_name());
  return r;
}

static bool matched(DataWriter *w) {
  PublicationMatchedStatus st;
  w->get_publication_matched_status(st);
  return st.current_count > 0;
}

/* The identity a reply names, as rmw_fastrtps derives it from the request's sample info. */
static SampleIdentity reply_identity(const SampleInfo &info) {
  SampleIdentity id = info.sample_identity;
  if (info.related_sample_identity.writer_guid() != GUID_t::unknown()) {
    id.writer_guid() = info.related_sample_identity.writer_guid();
  }
  return id;
}

static void reply(DataWriter *w, void *data, const SampleIdentity &to) {
  WriteParams params;
  params.related_sample_identity(to);
  if (!w->write(data, params)) die("write reply");
}

int main(int argc, char **argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: nav2_action_fastdds_peer DOMAIN ROBOT RUN_S MODE\n");
    return 2;
  }
  int domain = std::atoi(argv[1]);
  std::string robot = argv[2];
  double run_for = std::atof(argv[3]);
  bool succeed = std::strcmp(argv[4], "succeed") == 0;

  DomainParticipantQos pqos = PARTICIPANT_QOS_DEFAULT;
  pqos.name("nav2_action_fastdds_peer");
  std::string enclave = "enclave=/;";
  pqos.user_data().data_vec(std::vector<eprosima::fastrtps::rtps::octet>(enclave.begin(),
                                                                           enclave.end()));
  auto udp = std::make_shared<UDPv4TransportDescriptor>();
  udp->interfaceWhiteList.emplace_back("127.0.0.1");
  pqos.transport().user_transports.push_back(udp);
  pqos.transport().use_builtin_transports = false;
  pp = DomainParticipantFactory::get_instance()->create_participant(domain, pqos);
  if (pp == nullptr) die("participant");
  pub = pp->create_publisher(PUBLISHER_QOS_DEFAULT);
  sub = pp->create_subscriber(SUBSCRIBER_QOS_DEFAULT);
  if (pub == nullptr || sub == nullptr) die("publisher/subscriber");

  std::string base = robot + "/navigate_to_pose/_action/";
  DataReader *send_req = reader(topic("rq/" + base + "send_goalRequest",
                                      new na::NavigateToPose_SendGoal_Request_PubSubType()));
  DataWriter *send_rep = writer(topic("rr/" + base + "send_goalReply",
                                      new na::NavigateToPose_SendGoal_Response_PubSubType()),
                                true);
  DataReader *result_req = reader(topic("rq/" + base + "get_resultRequest",
                                        new na::NavigateToPose_GetResult_Request_PubSubType()));
  DataWriter *result_rep = writer(topic("rr/" + base + "get_resultReply",
                                        new na::NavigateToPose_GetResult_Response_PubSubType()),
                                  true);
  DataReader *cancel_req = reader(topic("rq/" + base + "cancel_goalRequest",
                                        new as::CancelGoal_Request_PubSubType()));
  DataWriter *cancel_rep = writer(topic("rr/" + base + "cancel_goalReply",
                                        new as::CancelGoal_Response_PubSubType()), true);
  DataWriter *odom_writer = writer(topic("rt/" + robot + "/odom", new nm::Odometry_PubSubType()),
                                   false);

  std::vector<Goal> goals;
  while (now_s() - t0 < run_for) {
    double t = now_s() - t0;
    if (matched(send_rep) && matched(result_rep) && matched(cancel_rep)) {
      na::NavigateToPose_SendGoal_Request_ rq;
      SampleInfo info;
      while (send_req->take_next_sample(&rq, &info) == ReturnCode_t::RETCODE_OK) {
        if (!info.valid_data) continue;
        std::printf("T=%.3f SEND_GOAL %.3f %.3f\n", t,
                    rq.f_pose().f_pose_().f_position_().f_x_(),
                    rq.f_pose().f_pose_().f_position_().f_y_());
        Goal g;
        g.id = rq.f_goal_id().f_uuid();
        g.accepted_at = now_s();
        goals.push_back(g);
        na::NavigateToPose_SendGoal_Response_ r;
        r.f_accepted(true);
        reply(send_rep, &r, reply_identity(info));
        std::printf("T=%.3f ACCEPTED\n", t);
      }
      na::NavigateToPose_GetResult_Request_ gr;
      while (result_req->take_next_sample(&gr, &info) == ReturnCode_t::RETCODE_OK) {
        if (!info.valid_data) continue;
        bool known = false;
        for (Goal &g : goals) {
          if (g.id == gr.f_goal_id().f_uuid()) {
            g.result_pending = true;
            g.result_request = reply_identity(info);
            known = true;
          }
        }
        std::printf("T=%.3f GET_RESULT known=%d\n", t, known ? 1 : 0);
      }
      as::CancelGoal_Request_ cr;
      while (cancel_req->take_next_sample(&cr, &info) == ReturnCode_t::RETCODE_OK) {
        if (!info.valid_data) continue;
        as::CancelGoal_Response_ r;
        reply(cancel_rep, &r, reply_identity(info));
        std::printf("T=%.3f CANCEL_GOAL\n", t);
      }
    }
    for (Goal &g : goals) {
      if (g.status == 2 && now_s() - g.accepted_at > 1.0) g.status = succeed ? 4 : 6;
      if (g.status != 2 && g.result_pending) {
        na::NavigateToPose_GetResult_Response_ r;
        r.f_status(static_cast<uint8_t>(g.status));
        r.f_error_code(g.status == 6 ? 9000 : 0);
        r.f_error_msg(g.status == 6 ? "peer aborts" : "");
        reply(result_rep, &r, g.result_request);
        g.result_pending = false;
        std::printf("T=%.3f RESULT %s\n", t, g.status == 4 ? "SUCCEEDED" : "ABORTED");
      }
    }
    std::fflush(stdout);
    nm::Odometry_ odom;
    odom.f_header_().f_frame_id_("odom");
    odom.f_child_frame_id_("base_link");
    odom.f_pose_().f_pose_().f_orientation_().f_w_(1.0);
    odom_writer->write(&odom);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::printf("T=%.3f DONE\n", now_s() - t0);
  std::fflush(stdout);
  pp->delete_contained_entities();
  DomainParticipantFactory::get_instance()->delete_participant(pp);
  return 0;
}
