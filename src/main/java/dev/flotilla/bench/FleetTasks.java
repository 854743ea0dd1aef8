package dev.flotilla.bench;

import dev.flotilla.msgs.flotilla_msgs.Auth;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.node.FlotillaQos;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.security.MessageAuthenticator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The tasks {@link FleetBenchmark} gives its fleet before each measurement window. */
final class FleetTasks {
  private FleetTasks() {}

  /**
   * Submits single-robot tasks spread over the fleet's grid, paced so the reliable task topic's
   * history is not overrun, and waits until the allocator has placed them (re-sending lost ones;
   * the planner rejects the duplicates). A task the planner accepted is not re-sent: when this
   * watcher matched the allocator too late to see its placement, waiting longer would not help.
   *
   * @param bus the fleet's participant
   * @param signer signs each task as the operator; null with security off
   * @param tasks how many tasks, {@code t0000} on
   * @param robots fleet size (the grid has 32 robots a row)
   * @param placed tasks the allocator placed so far, filled by the caller's watcher
   * @param accepted tasks the planner accepted so far, filled by the caller's watcher
   * @throws InterruptedException when interrupted
   */
  static void submit(Bus bus, MessageAuthenticator signer, int tasks, int robots,
      Set<String> placed, Set<String> accepted) throws InterruptedException {
    Bus.Publisher<TaskRequest> publisher = bus.publisher(
        TopicNames.resolve("/", TopicNames.TASKS), TaskRequest.TYPE, FlotillaQos.TASKS);
    int rows = Math.max(1, (robots + 31) / 32);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60 + tasks / 5);
    long lastProgress = System.nanoTime();
    int lastPlaced = -1;
    Thread.sleep(500);
    for (int round = 0; placed.size() < tasks && System.nanoTime() < deadline; round++) {
      int sent = 0;
      for (int t = 0; t < tasks; t++) {
        String id = String.format(Locale.ROOT, "t%04d", t);
        if (placed.contains(id) || accepted.contains(id)) {
          continue;
        }
        TaskRequest task = TaskRequest.builder().taskId(id).kind(TaskRequest.KIND_MULTI_ROBOT)
            .location(new Point(2.0 * ((t * 7) % 32) + 1, 2.0 * ((t * 3) % rows) + 1, 0))
            .requiredRobots(1).baseUtility(100).decayRate(0.0001).duration(3600).build();
        if (signer != null) {
          task = signer.sign(TopicNames.resolve("/", TopicNames.TASKS), TaskRequest.TYPE, task,
              "operator", FleetBenchmark.nextSequence(), Auth.SCHEME_ED25519);
        }
        publisher.publish(task);
        if (++sent % 25 == 0) {
          Thread.sleep(50);
        }
      }
      // Wait while the allocator makes progress; re-send what is still missing when it stalls.
      while (placed.size() < tasks && System.nanoTime() < deadline) {
        Thread.sleep(500);
        if (placed.size() != lastPlaced) {
          lastPlaced = placed.size();
          lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(5)) {
          lastProgress = System.nanoTime();
          break;
        }
      }
      if (round > 0 && accepted.size() >= tasks) {
        return;
      }
    }
  }
}
