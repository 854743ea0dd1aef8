package dev.flotilla.ros.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.cdr.CdrReader;
import dev.flotilla.cdr.CdrWriter;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.msgs.geometry_msgs.Pose;
import dev.flotilla.msgs.geometry_msgs.PoseStamped;
import dev.flotilla.msgs.geometry_msgs.Quaternion;
import dev.flotilla.msgs.std_msgs.Header;
import dev.flotilla.ros.NodeClock.Stamps;
import dev.flotilla.ros.RequestHeader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The goal state machine against a scripted server, in both request/reply conventions. */
class NavigateToPoseClientTest {
  static final String ACTION = "/r1/navigate_to_pose";
  static final String SEND = "/r1/navigate_to_pose/_action/send_goal";
  static final String RESULT = "/r1/navigate_to_pose/_action/get_result";
  static final String CANCEL = "/r1/navigate_to_pose/_action/cancel_goal";

  final FakeTransport wire = new FakeTransport();
  final List<String> ended = new ArrayList<>();
  final List<String> rejected = new ArrayList<>();

  NavigateToPoseClient client(RequestConvention convention) {
    return new NavigateToPoseClient(wire, ACTION, convention, 2.0, Runnable::run,
        (goal, outcome, reason) -> ended.add(outcome + ": " + reason),
        (channel, reason, detail) -> rejected.add(reason + " on " + channel));
  }

  static PoseStamped pose(double x, double y) {
    return new PoseStamped(new Header(Stamps.time(0), "map"),
        new Pose(new Point(x, y, 0), new Quaternion(0, 0, 0, 1)));
  }

  /** The last request written to a service, split (Cyclone convention). */
  RequestHeader.Split lastRequest(String service) {
    List<byte[]> all = wire.written("rq" + service + "Request");
    return RequestHeader.split(all.get(all.size() - 1));
  }

  void reply(String service, RequestHeader header, byte[] body) {
    wire.deliver("rr" + service + "Reply", header.prepend(body));
  }

  static byte[] accepted(boolean yes) {
    CdrWriter w = new CdrWriter();
    w.writeBool(yes);
    w.writeInt32(0);
    w.writeInt32(0);
    return w.toByteArray();
  }

  static byte[] result(int status, int errorCode, String message) {
    CdrWriter w = new CdrWriter();
    w.writeInt8((byte) status);
    w.writeInt16((short) errorCode);
    w.writeString(message);
    return w.toByteArray();
  }

  static byte[] status(GoalId goal, int code) {
    CdrWriter w = new CdrWriter();
    w.writeSequenceLength(1);
    w.writeBytes(goal.bytes());
    w.writeInt32(0);
    w.writeInt32(0);
    w.writeInt8((byte) code);
    return w.toByteArray();
  }

  @Test
  void namesAreRmwsTopicAndTypeNames() {
    client(RequestConvention.CYCLONEDDS);
    assertEquals("nav2_msgs::action::dds_::NavigateToPose_SendGoal_Request_",
        wire.types.get("rq/r1/navigate_to_pose/_action/send_goalRequest"));
    assertEquals("nav2_msgs::action::dds_::NavigateToPose_GetResult_Response_",
        wire.types.get("rr/r1/navigate_to_pose/_action/get_resultReply"));
    assertEquals("action_msgs::srv::dds_::CancelGoal_Request_",
        wire.types.get("rq/r1/navigate_to_pose/_action/cancel_goalRequest"));
    assertEquals("action_msgs::msg::dds_::GoalStatusArray_",
        wire.types.get("rt/r1/navigate_to_pose/_action/status"));
  }

  @Test
  void acceptedThenSucceededEndsOnceAsSucceeded() {
    NavigateToPoseClient c = client(RequestConvention.CYCLONEDDS);
    GoalId goal = c.send(pose(3, 2), 0);
    RequestHeader.Split send = lastRequest(SEND);
    CdrReader r = new CdrReader(send.body());
    assertEquals(goal, GoalId.of(r.readBytes(16)));
    assertEquals(0, r.readInt32()); // header stamp sec
    reply(SEND, send.header(), accepted(true));
    RequestHeader.Split get = lastRequest(RESULT);
    assertEquals(goal, GoalId.of(new CdrReader(get.body()).readBytes(16)));
    reply(RESULT, get.header(), result(4, 0, ""));
    assertEquals(List.of("SUCCEEDED: Nav2 reached the goal"), ended);
    assertNull(c.active());
    // The same result again is a reply to no pending request: counted, nothing else.
    reply(RESULT, get.header(), result(4, 0, ""));
    assertEquals(1, ended.size());
    assertEquals(List.of("unknown_request on " + RESULT), rejected);
  }

  @Test
  void abortedCarriesNav2sErrorMessage() {
    NavigateToPoseClient c = client(RequestConvention.CYCLONEDDS);
    c.send(pose(1, 1), 0);
    reply(SEND, lastRequest(SEND).header(), accepted(true));
    reply(RESULT, lastRequest(RESULT).header(), result(6, 9003, "timed out"));
    assertEquals(List.of("ABORTED: Nav2 aborted the navigate_to_pose goal (Nav2 error 9003: "
        + "timed out)"), ended);
  }

  @Test
  void rejectedGoalEndsAsRejected() {
    NavigateToPoseClient c = client(RequestConvention.CYCLONEDDS);
    c.send(pose(1, 1), 0);
    reply(SEND, lastRequest(SEND).header(), accepted(false));
    assertEquals(List.of("REJECTED: Nav2 rejected the navigate_to_pose goal"), ended);
  }

  @Test
  void noServerEndsAfterTheTimeoutWithASentence() {
    wire.matched = false;
    NavigateToPoseClient c = client(RequestConvention.CYCLONEDDS);
    c.send(pose(1, 1), 10);
    c.tick(11);
    assertTrue(ended.isEmpty());
    assertTrue(wire.written("rq" + SEND + "Request").isEmpty(), "nothing sent without a server");
    c.tick(12.5);
    assertEquals(List.of("NO_ANSWER: no navigate_to_pose action server found on " + ACTION
        + " within 2.0 s"), ended);
  }

  @Test
  void aGoalWaitsUntilTheServersRequestReadersMatchedOurWriters() {
    // Its reply writers matched ours, but not yet its request readers: a request now is lost.
    wire.writersMatched = false;
    NavigateToPoseClient c = client(RequestConvention.CYCLONEDDS);
    GoalId goal = c.send(pose(1, 1), 0);
    c.tick(0.5);
    assertTrue(wire.written("rq" + SEND + "Request").isEmpty(), "sent before the match");
    wire.writersMatched = true;
    c.tick(0.6);
    assertEquals(1, wire.written("rq" + SEND + "Request").size());
    assertEquals(goal, GoalId.of(new CdrReader(lastRequest(SEND).body()).readBytes(16)));
  }

  @Test
  void anUnansweredSendGoalIsSentAgainUnderANewIdAndTheOldIdIsCancelled() {
    NavigateToPoseClient c = client(RequestConvention.CYCLONEDDS);
    GoalId first = c.send(pose(1, 1), 0);
    RequestHeader.Split firstSend = lastRequest(SEND);
    c.tick(0.9);
    assertEquals(1, wire.written("rq" + SEND + "Request").size(), "no resend before 1 s");
    c.tick(NavigateToPoseClient.FIRST_RESEND);
    assertEquals(2, wire.written("rq" + SEND + "Request").size());
    RequestHeader.Split secondSend = lastRequest(SEND);
    GoalId second = GoalId.of(new CdrReader(secondSend.body()).readBytes(16));
    assertTrue(!second.equals(first), "a resend carries a new goal id");
    assertEquals(second, c.active());
    assertEquals(first, GoalId.of(new CdrReader(lastRequest(CANCEL).body()).readBytes(16)));
    // The first request's reply arrives late after all: it starts nothing.
    reply(SEND, firstSend.header(), accepted(true));
    assertTrue(wire.written("rq" + RESULT + "Request").isEmpty());
    reply(SEND, secondSend.header(), accepted(true));
    RequestHeader.Split get = lastRequest(RESULT);
    assertEquals(second, GoalId.of(new CdrReader(get.body()).readBytes(16)));
    reply(RESULT, get.header(), result(4, 0, ""));
    assertEquals(List.of("SUCCEEDED: Nav2 reached the goal"), ended);
    assertTrue(rejected.isEmpty(), rejected.toString());
    // The next resend would come 2 s after the first: past the 2 s timeout, so none was sent.
    c.tick(3.5);
    assertEquals(2, wire.written("rq" + SEND + "Request").size());
  }

  @Test
  void silentServerEndsAfterTheTimeoutAndIsAskedToCancel() {
    NavigateToPoseClient c = client(RequestConvention.CYCLONEDDS);
    c.send(pose(1, 1), 0);
    c.tick(2.5);
    assertEquals(List.of("NO_ANSWER: the navigate_to_pose server on " + ACTION
        + " did not answer send_goal within 2.0 s"), ended);
    assertEquals(1, wire.written("rq" + CANCEL + "Request").size());
  }

  @Test
  void cancelSendsCancelGoalForTheActiveGoalAndItsLateResultIsIgnored() {
    NavigateToPoseClient c = client(RequestConvention.CYCLONEDDS);
    GoalId goal = c.send(pose(1, 1), 0);
    reply(SEND, lastRequest(SEND).header(), accepted(true));
    RequestHeader.Split get = lastRequest(RESULT);
    c.cancel();
    RequestHeader.Split cancel = lastRequest(CANCEL);
    assertEquals(goal, GoalId.of(new CdrReader(cancel.body()).readBytes(16)));
    reply(RESULT, get.header(), result(5, 0, ""));
    wire.deliver(ActionNames.topic(ACTION, "status"), status(goal, 5));
    assertTrue(ended.isEmpty(), "a goal we cancelled ends silently: " + ended);
    assertTrue(rejected.isEmpty(), rejected.toString());
  }

  @Test
  void badInputIsCountedAndChangesNothing() {
    NavigateToPoseClient c = client(RequestConvention.CYCLONEDDS);
    GoalId goal = c.send(pose(1, 1), 0);
    RequestHeader.Split send = lastRequest(SEND);
    // Too short for a request header, then a reply to a request never sent.
    wire.deliver("rr" + SEND + "Reply", new byte[] {0, 1, 0, 0, 1});
    reply(SEND, new RequestHeader(send.header().clientId(), 99), accepted(true));
    // Another client's reply: not ours, skipped silently.
    reply(SEND, new RequestHeader(send.header().clientId() + 1, 1), accepted(false));
    // A status for a goal nobody here sent (twice: counted once), and a truncated status.
    GoalId stranger = GoalId.random();
    wire.deliver(ActionNames.topic(ACTION, "status"), status(stranger, 2));
    wire.deliver(ActionNames.topic(ACTION, "status"), status(stranger, 2));
    wire.deliver(ActionNames.topic(ACTION, "status"), new byte[] {0, 1, 0, 0, 9, 0, 0, 0});
    // A malformed accept for our own request.
    reply(SEND, send.header(), new byte[] {0, 1, 0, 0});
    assertEquals(List.of("malformed_reply on " + SEND, "unknown_request on " + SEND,
        "unknown_goal on " + ACTION + "/_action/status",
        "malformed_status on " + ACTION + "/_action/status", "malformed_reply on " + SEND),
        rejected);
    assertEquals(goal, c.active());
    assertTrue(ended.isEmpty());
  }

  @Test
  void fastRtpsRepliesMatchByRelatedSampleIdentity() {
    NavigateToPoseClient c = client(RequestConvention.FASTRTPS);
    GoalId goal = c.send(pose(1, 1), 0);
    byte[] request = wire.written("rq" + SEND + "Request").get(0);
    // No header: the goal id comes right after the encapsulation.
    assertEquals(goal, GoalId.of(new CdrReader(request).readBytes(16)));
    byte[] other = new byte[16];
    wire.deliver("rr" + SEND + "Reply", accepted(false), other, 1);
    assertTrue(ended.isEmpty(), "another client's reply");
    wire.deliver("rr" + SEND + "Reply", accepted(true), FakeTransport.WRITER_GID, 1);
    wire.deliver("rr" + RESULT + "Reply", result(6, 0, ""), FakeTransport.WRITER_GID, 1);
    assertEquals(List.of("ABORTED: Nav2 aborted the navigate_to_pose goal"), ended);
  }

  @Test
  void humbleResultWithEmptyBodyDecodes() {
    CdrWriter w = new CdrWriter();
    w.writeInt8((byte) 4);
    w.writeInt8((byte) 0);
    NavigateToPoseMessages.Result r = NavigateToPoseMessages.result(w.toByteArray());
    assertEquals(GoalStatus.SUCCEEDED, r.status());
  }
}
