package dev.flotilla.cockpit;

import dev.flotilla.cockpit.OperatorVerdict.Outcome;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.flotilla_msgs.OperatorCommand;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.node.FlotillaQos;
import dev.flotilla.node.OperatorCommandValidator;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.NodeClock.Stamps;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Sends an operator's requests to a running fleet and waits for its verdict: task submissions to
 * the planner ({@code flotilla/tasks}), cancellations and robot pauses as
 * {@code OperatorCommand}s ({@code flotilla/commands}; the planner validates, the allocator acts).
 * Signing is the bus's job: hand it a {@code SecureBus} as the operator identity when security is
 * on.
 *
 * <p>A request without a verdict after 2 s is sent again, identical (same task, same command
 * id): the planner answers a repeated task request, and the allocator a repeated command, with
 * the verdict it already gave. Nothing is sent before the fleet has been heard (a latched plan,
 * an event or a heartbeat on the domain and namespace): an unreachable fleet is
 * {@link Outcome#UNREACHABLE} with nothing sent. The verdict is the first matching event
 * published after the request ({@code task_accepted}/{@code task_rejected},
 * {@code task_cancelled}, {@code robot_paused},
 * {@code robot_resumed}, {@code command_rejected}, or the planner's refusal of our signature);
 * earlier events of the fleet's history are not read as answers. Thread-safe; one request at a
 * time per subject.
 */
public final class OperatorClient implements AutoCloseable {

  /**
   * How long to wait.
   *
   * @param reach for the first sign of the fleet before giving up, nothing sent
   * @param verdict for the verdict once the request is sent
   * @param settle after the bus is created and before sending, so DDS endpoint discovery can
   *     match our writer with the planner's reader (0 for an in-memory bus)
   */
  public record Timeouts(Duration reach, Duration verdict, Duration settle) {
    /** DDS defaults: 10 s to reach the fleet, 10 s for a verdict, 1.5 s of discovery. */
    public static final Timeouts DDS = new Timeouts(Duration.ofSeconds(10),
        Duration.ofSeconds(10), Duration.ofMillis(1500));
  }

  /** A request without a verdict is sent again after this long (identical, so idempotent). */
  private static final long RESEND_NANOS = 2_000_000_000L;

  private final String namespace;
  private final String identity;
  private final NodeClock clock;
  private final Timeouts timeouts;
  private final long createdNanos = System.nanoTime();
  private final CountDownLatch heard = new CountDownLatch(1);
  private final List<Waiter> waiters = new ArrayList<>();
  private final List<AutoCloseable> subscriptions = new ArrayList<>();
  private final Bus.Publisher<TaskRequest> tasks;
  private final Bus.Publisher<OperatorCommand> commands;
  private final String tasksTopic;
  private final String commandsTopic;

  private record Waiter(Function<FleetEvent, Optional<OperatorVerdict>> match,
      CompletableFuture<OperatorVerdict> result) {}

  /**
   * Subscribes and creates the publishers at once, so discovery runs while the caller prepares.
   *
   * @param bus the transport (a {@code SecureBus} signing as {@code identity} when security is on)
   * @param namespace the fleet's namespace, {@code /} by default
   * @param identity who signs, to recognise the planner's refusal of our signature
   * @param clock stamps the commands
   * @param timeouts how long to wait
   */
  public OperatorClient(Bus bus, String namespace, String identity, NodeClock clock,
      Timeouts timeouts) {
    this.namespace = namespace;
    this.identity = identity;
    this.clock = clock;
    this.timeouts = timeouts;
    this.tasksTopic = TopicNames.resolve(namespace, TopicNames.TASKS);
    this.commandsTopic = TopicNames.resolve(namespace, TopicNames.COMMANDS);
    String events = TopicNames.resolve(namespace, TopicNames.EVENTS);
    // Verdicts: volatile, so the fleet's history of events is never taken for an answer.
    subscriptions.add(bus.subscribe(events, FleetEvent.TYPE,
        new QosProfile(true, false, FlotillaQos.EVENTS.depth()), this::onEvent));
    // Presence: anything the fleet latched or is sending now.
    subscriptions.add(bus.subscribe(events, FleetEvent.TYPE, FlotillaQos.EVENTS,
        e -> heard.countDown()));
    subscriptions.add(bus.subscribe(TopicNames.resolve(namespace, TopicNames.ALLOCATION),
        Allocation.TYPE, FlotillaQos.ALLOCATION, a -> heard.countDown()));
    subscriptions.add(bus.subscribe(TopicNames.resolve(namespace, TopicNames.HEARTBEAT),
        Heartbeat.TYPE, QosProfile.SENSOR_DATA, h -> heard.countDown()));
    tasks = bus.publisher(tasksTopic, TaskRequest.TYPE, FlotillaQos.TASKS);
    commands = bus.publisher(commandsTopic, OperatorCommand.TYPE, FlotillaQos.COMMANDS);
  }

  /**
   * Submits a task and waits for the planner's verdict.
   *
   * @param task the task; checked first, nothing is sent when it is invalid
   * @return accepted, rejected with the planner's reason (and the formula's column), or why there
   *     was no answer
   */
  public OperatorVerdict submit(TaskSubmission task) {
    Optional<String> problem = task.problem();
    if (problem.isPresent()) {
      return OperatorVerdict.of(Outcome.INVALID, task.id(), problem.get());
    }
    String id = task.id();
    return send(id, e -> {
      if (e.taskId().equals(id) && e.kind() == FleetEvent.TASK_ACCEPTED) {
        return Optional.of(OperatorVerdict.of(Outcome.ACCEPTED, id, e.reason()));
      }
      if (e.taskId().equals(id) && e.kind() == FleetEvent.TASK_REJECTED) {
        return Optional.of(OperatorVerdict.of(Outcome.REJECTED, id, e.reason()));
      }
      return refusedSignature(e, tasksTopic, id);
    }, () -> tasks.publish(task.toMessage()));
  }

  /**
   * Cancels a task: it leaves the plan and its robots stop working on it.
   *
   * @param taskId the task
   * @param reason why, for the log (may be empty)
   * @return accepted ({@code task_cancelled}), rejected (unknown or finished task: a no-op with
   *     the reason), or why there was no answer
   */
  public OperatorVerdict cancel(String taskId, String reason) {
    return command(OperatorCommand.KIND_CANCEL_TASK, taskId, "", reason,
        FleetEvent.TASK_CANCELLED);
  }

  /**
   * Takes a robot out of the pool for maintenance: its work is reassigned.
   *
   * @param robotId the robot
   * @param reason why (may be empty)
   * @return accepted ({@code robot_paused}), rejected with the reason, or why there was no answer
   */
  public OperatorVerdict pause(String robotId, String reason) {
    return command(OperatorCommand.KIND_PAUSE_ROBOT, "", robotId, reason,
        FleetEvent.ROBOT_PAUSED);
  }

  /**
   * Puts a paused robot back into the pool.
   *
   * @param robotId the robot
   * @param reason why (may be empty)
   * @return accepted ({@code robot_resumed}), rejected with the reason, or why there was no
   *     answer
   */
  public OperatorVerdict resume(String robotId, String reason) {
    return command(OperatorCommand.KIND_RESUME_ROBOT, "", robotId, reason,
        FleetEvent.ROBOT_RESUMED);
  }

  private OperatorVerdict command(byte kind, String taskId, String robotId, String reason,
      byte done) {
    String subject = taskId.isEmpty() ? robotId : taskId;
    Optional<String> problem = OperatorCommandValidator.problem(OperatorCommand.builder()
        .kind(kind).taskId(taskId).robotId(robotId).reason(reason).build());
    if (problem.isPresent()) {
      return OperatorVerdict.of(Outcome.INVALID, subject, problem.get());
    }
    OperatorCommand c = OperatorCommand.builder().stamp(Stamps.time(clock.now())).kind(kind)
        .commandId(UUID.randomUUID().toString()).taskId(taskId).robotId(robotId).reason(reason)
        .build();
    return send(subject, e -> {
      boolean about = taskId.isEmpty()
          ? e.taskId().isEmpty() && e.robotId().equals(robotId) : e.taskId().equals(taskId);
      if (about && e.kind() == done) {
        return Optional.of(OperatorVerdict.of(Outcome.ACCEPTED, subject, e.reason()));
      }
      if (about && e.kind() == FleetEvent.COMMAND_REJECTED) {
        return Optional.of(OperatorVerdict.of(Outcome.REJECTED, subject, e.reason()));
      }
      return refusedSignature(e, commandsTopic, subject);
    }, () -> commands.publish(c));
  }

  /** The planner dropped our message (unsigned, unknown sender, wrong role…): say so. */
  private Optional<OperatorVerdict> refusedSignature(FleetEvent e, String topic, String subject) {
    // Signed as us, or not signed at all (security off here, on in the fleet).
    if (e.kind() == FleetEvent.INPUT_REJECTED && (e.reason().contains("'" + identity + "' on "
        + topic + ":") || e.reason().contains("(no sender) on " + topic + ":"))) {
      return Optional.of(OperatorVerdict.of(Outcome.REJECTED, subject, "the " + e.source()
          + " refused the message: " + e.reason()));
    }
    return Optional.empty();
  }

  private OperatorVerdict send(String subject,
      Function<FleetEvent, Optional<OperatorVerdict>> match, Runnable publish) {
    try {
      if (!heard.await(timeouts.reach().toMillis(), TimeUnit.MILLISECONDS)) {
        return OperatorVerdict.of(Outcome.UNREACHABLE, subject, String.format(Locale.ROOT,
            "No Flotilla fleet answered on namespace %s within %d s (no plan, event or "
                + "heartbeat was heard); nothing was sent. Is `flotilla up` running with the "
                + "same --domain-id and --namespace?", namespace, timeouts.reach().toSeconds()));
      }
      long settleLeft = timeouts.settle().toNanos() - (System.nanoTime() - createdNanos);
      if (settleLeft > 0) {
        TimeUnit.NANOSECONDS.sleep(settleLeft);
      }
      Waiter w = new Waiter(match, new CompletableFuture<>());
      synchronized (waiters) {
        waiters.add(w);
      }
      try {
        // An in-memory bus answers during publish(): the waiter is registered before. Over DDS
        // the planner's reader may not have matched our writer yet, so a request without a
        // verdict is sent again; the planner and allocator answer a repeat with the same verdict.
        long deadline = System.nanoTime() + timeouts.verdict().toNanos();
        while (true) {
          publish.run();
          long left = deadline - System.nanoTime();
          try {
            return w.result().get(Math.min(left, RESEND_NANOS), TimeUnit.NANOSECONDS);
          } catch (TimeoutException e) {
            if (left <= RESEND_NANOS) {
              throw e;
            }
          }
        }
      } catch (TimeoutException e) {
        return OperatorVerdict.of(Outcome.NO_ANSWER, subject, String.format(Locale.ROOT,
            "The fleet is running but no verdict on '%s' came within %d s: is a planner "
                + "running on namespace %s, and does the roster let '%s' send this?", subject,
            timeouts.verdict().toSeconds(), namespace, identity));
      } catch (ExecutionException e) {
        throw new IllegalStateException("verdict failed", e.getCause());
      } finally {
        synchronized (waiters) {
          waiters.remove(w);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OperatorVerdict.of(Outcome.NO_ANSWER, subject, "Interrupted while waiting.");
    }
  }

  private void onEvent(FleetEvent e) {
    heard.countDown();
    List<Waiter> current;
    synchronized (waiters) {
      current = List.copyOf(waiters);
    }
    for (Waiter w : current) {
      w.match().apply(e).ifPresent(w.result()::complete);
    }
  }

  /** Stops the subscriptions; the bus belongs to the caller. */
  @Override
  public void close() {
    for (AutoCloseable s : subscriptions) {
      try {
        s.close();
      } catch (Exception e) {
        // Closing a subscription of a bus that is closing anyway.
      }
    }
  }
}
