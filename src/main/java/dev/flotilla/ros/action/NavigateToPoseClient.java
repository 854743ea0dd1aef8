package dev.flotilla.ros.action;

import dev.flotilla.cdr.CdrException;
import dev.flotilla.msgs.geometry_msgs.PoseStamped;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.QosProfile;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@code nav2_msgs/action/NavigateToPose} client holding at most one goal: send_goal, then
 * get_result once accepted; cancel_goal when the goal is taken away. The goal's end is handed to
 * a {@link Listener} exactly once: succeeded, aborted, canceled by the server, rejected, or no
 * answer (no server, or no send_goal reply, within the server timeout). A goal replaced or
 * cancelled by us ends silently; its late result or status is expected, not a rejection.
 *
 * <p>A request written just after the server's endpoints matched ours can still be lost: each side
 * discovers the other's endpoints on its own, and a volatile reader that has not yet discovered
 * our writer drops what it wrote before. So a send_goal without a reply is sent again, under a
 * new goal id (a server may refuse a goal id it has seen), with a cancel_goal for the previous id,
 * after {@link #FIRST_RESEND} s and then twice as long each time, until the server timeout.
 *
 * <p>Bad input never changes the goal: a reply to no pending request, a malformed reply, a result
 * whose status is not final, and a status entry for a goal id we never sent are counted rejections.
 * Not thread-safe: call it, and let it handle replies, on one executor (the node's).
 */
public final class NavigateToPoseClient implements AutoCloseable {
  /** Goal ids kept after they ended, so their late replies are recognised (bounded). */
  static final int MAX_RETIRED = 64;

  /** Seconds without a send_goal reply before the goal is sent again (doubling each time). */
  static final double FIRST_RESEND = 1.0;

  /** How a goal ended. */
  public enum Outcome { SUCCEEDED, ABORTED, CANCELED, REJECTED, NO_ANSWER }

  /** Receives the end of each goal (on the client's executor). */
  public interface Listener {
    /**
     * @param goal the goal
     * @param outcome how it ended
     * @param reason one sentence for task events and logs
     */
    void ended(GoalId goal, Outcome outcome, String reason);
  }

  private enum Phase { WAITING_FOR_SERVER, SENT, ACCEPTED }

  private final String action;
  private final double serverTimeout;
  private final Listener listener;
  private final RejectionSink rejections;
  private final ServiceClient sendGoal;
  private final ServiceClient getResult;
  private final ServiceClient cancelGoal;
  private final DdsBus.RawReader status;
  private final Set<GoalId> retired = new LinkedHashSet<>();
  private final Set<GoalId> unknownReported = new LinkedHashSet<>();

  private GoalId goal;
  private PoseStamped pose;
  private Phase phase;
  private double deadline;
  private double resendAt;
  private double resendGap;
  private long sendRequest = -1;
  private long resultRequest = -1;

  /**
   * @param transport raw DDS endpoints
   * @param action absolute action name, e.g. {@code /r1/navigate_to_pose}
   * @param convention the server's rmw request/reply convention
   * @param serverTimeout seconds to wait for the server and its send_goal reply
   * @param executor runs every reply handler; the client must be called on it too
   * @param listener receives each goal's end
   * @param rejections counts ignored input
   */
  public NavigateToPoseClient(ActionTransport transport, String action,
      RequestConvention convention, double serverTimeout, Executor executor, Listener listener,
      RejectionSink rejections) {
    this.action = action;
    this.serverTimeout = serverTimeout;
    this.listener = listener;
    this.rejections = rejections;
    long clientId = ThreadLocalRandom.current().nextLong();
    String base = action + "/_action/";
    this.sendGoal = new ServiceClient(transport, base + "send_goal",
        ActionNames.actionType("nav2_msgs", "NavigateToPose", "SendGoal_Request"),
        ActionNames.actionType("nav2_msgs", "NavigateToPose", "SendGoal_Response"), convention,
        clientId, executor, rejections, this::onSendGoalReply);
    this.getResult = new ServiceClient(transport, base + "get_result",
        ActionNames.actionType("nav2_msgs", "NavigateToPose", "GetResult_Request"),
        ActionNames.actionType("nav2_msgs", "NavigateToPose", "GetResult_Response"), convention,
        clientId, executor, rejections, this::onResult);
    this.cancelGoal = new ServiceClient(transport, base + "cancel_goal",
        ActionNames.CANCEL_REQUEST, ActionNames.CANCEL_RESPONSE, convention, clientId, executor,
        rejections, this::onCancelReply);
    this.status = transport.reader(ActionNames.topic(action, "status"), ActionNames.STATUS_ARRAY,
        new QosProfile(true, true, 1), s -> executor.execute(() -> onStatus(s.cdr())));
  }

  /** @return the goal in progress, or null */
  public GoalId active() {
    return goal;
  }

  /**
   * Sends a new goal, cancelling the one in progress. It goes out once the server is seen (its
   * three services' request readers and reply writers matched ours), at the latest
   * {@code serverTimeout} s from now.
   *
   * @param pose the goal pose
   * @param now node-clock time (s)
   * @return the new goal's id (a resend gives the goal a new one, see {@link #active()})
   */
  public GoalId send(PoseStamped pose, double now) {
    cancel();
    this.pose = pose;
    goal = GoalId.random();
    phase = Phase.WAITING_FOR_SERVER;
    deadline = now + serverTimeout;
    trySend(now);
    return goal;
  }

  /** Cancels the goal in progress, if any; it then ends silently. */
  public void cancel() {
    if (goal == null) {
      return;
    }
    if (phase != Phase.WAITING_FOR_SERVER) {
      cancelGoal.call(NavigateToPoseMessages.cancelGoalRequest(goal));
    }
    // A send_goal reply still to come would be for a goal we no longer want: if it is accepted,
    // the cancel above (sent after the request, on the same server) reaches it too.
    retire();
  }

  /**
   * Sends a goal waiting for its server, and ends one whose server did not answer in time.
   *
   * @param now node-clock time (s)
   */
  public void tick(double now) {
    if (goal == null) {
      return;
    }
    if (phase == Phase.WAITING_FOR_SERVER) {
      trySend(now);
    }
    if ((phase == Phase.WAITING_FOR_SERVER || phase == Phase.SENT) && now > deadline) {
      String why = phase == Phase.WAITING_FOR_SERVER
          ? "no navigate_to_pose action server found on " + action
          : "the navigate_to_pose server on " + action + " did not answer send_goal";
      if (phase == Phase.SENT) {
        cancelGoal.call(NavigateToPoseMessages.cancelGoalRequest(goal));
      }
      end(Outcome.NO_ANSWER, String.format(Locale.ROOT, "%s within %.1f s", why, serverTimeout));
      return;
    }
    if (phase == Phase.SENT && now >= resendAt) {
      resend(now);
    }
  }

  private void trySend(double now) {
    if (!sendGoal.serverSeen() || !getResult.serverSeen() || !cancelGoal.serverSeen()) {
      return;
    }
    long request = sendGoal.call(NavigateToPoseMessages.sendGoalRequest(goal, pose, ""));
    if (request >= 0) {
      sendRequest = request;
      phase = Phase.SENT;
      resendGap = FIRST_RESEND;
      resendAt = now + resendGap;
    }
  }

  /** Gives an unanswered goal a new id and sends it again; the old id is asked to cancel. */
  private void resend(double now) {
    cancelGoal.call(NavigateToPoseMessages.cancelGoalRequest(goal));
    remember(retired, goal);
    goal = GoalId.random();
    // -1 when DDS refused it: no reply can then match, and the next resend or the timeout follows.
    sendRequest = sendGoal.call(NavigateToPoseMessages.sendGoalRequest(goal, pose, ""));
    resendGap *= 2;
    resendAt = now + resendGap;
  }

  private void onSendGoalReply(long request, byte[] body) {
    NavigateToPoseMessages.SendGoalResponse response;
    try {
      response = NavigateToPoseMessages.sendGoalResponse(body);
    } catch (CdrException e) {
      rejections.reject(action + "/_action/send_goal", "malformed_reply",
          "send_goal reply does not decode: " + e.getMessage());
      return;
    }
    if (goal == null || request != sendRequest || phase != Phase.SENT) {
      return;
    }
    if (!response.accepted()) {
      end(Outcome.REJECTED, "Nav2 rejected the navigate_to_pose goal");
      return;
    }
    phase = Phase.ACCEPTED;
    resultRequest = getResult.call(NavigateToPoseMessages.getResultRequest(goal));
  }

  private void onResult(long request, byte[] body) {
    NavigateToPoseMessages.Result result;
    try {
      result = NavigateToPoseMessages.result(body);
    } catch (CdrException e) {
      rejections.reject(action + "/_action/get_result", "malformed_reply",
          "get_result reply does not decode: " + e.getMessage());
      return;
    }
    if (result.status() == null || !result.status().terminal()) {
      rejections.reject(action + "/_action/get_result", "not_final",
          "get_result reply with status " + result.statusCode() + ", which is not final");
      return;
    }
    if (goal == null || request != resultRequest) {
      return;
    }
    String detail = result.errorMessage().isEmpty() && result.errorCode() == 0 ? ""
        : " (Nav2 error " + result.errorCode()
            + (result.errorMessage().isEmpty() ? "" : ": " + result.errorMessage()) + ")";
    switch (result.status()) {
      case SUCCEEDED -> end(Outcome.SUCCEEDED, "Nav2 reached the goal");
      case ABORTED -> end(Outcome.ABORTED, "Nav2 aborted the navigate_to_pose goal" + detail);
      default -> end(Outcome.CANCELED, "Nav2 canceled the navigate_to_pose goal, not asked to "
          + "by this agent" + detail);
    }
  }

  private void onCancelReply(long request, byte[] body) {
    try {
      NavigateToPoseMessages.cancelResponse(body);
    } catch (CdrException e) {
      rejections.reject(action + "/_action/cancel_goal", "malformed_reply",
          "cancel_goal reply does not decode: " + e.getMessage());
    }
  }

  private void onStatus(byte[] payload) {
    try {
      for (NavigateToPoseMessages.StatusEntry s : NavigateToPoseMessages.statusArray(payload)) {
        if (s.goal().equals(goal) || retired.contains(s.goal())
            || unknownReported.contains(s.goal())) {
          continue;
        }
        remember(unknownReported, s.goal());
        rejections.reject(action + "/_action/status", "unknown_goal", "status "
            + s.statusCode() + " for goal " + s.goal() + ", which this agent did not send");
      }
    } catch (CdrException e) {
      rejections.reject(action + "/_action/status", "malformed_status",
          "status array does not decode: " + e.getMessage());
    }
  }

  private void end(Outcome outcome, String reason) {
    GoalId ended = goal;
    retire();
    listener.ended(ended, outcome, reason);
  }

  private void retire() {
    // The requests stay pending: a late reply for this goal is then recognised and dropped.
    remember(retired, goal);
    goal = null;
    pose = null;
    phase = null;
    sendRequest = -1;
    resultRequest = -1;
  }

  private static void remember(Set<GoalId> set, GoalId id) {
    set.add(id);
    if (set.size() > MAX_RETIRED) {
      set.remove(set.iterator().next());
    }
  }

  @Override
  public void close() {
    sendGoal.close();
    getResult.close();
    cancelGoal.close();
    status.close();
  }
}
