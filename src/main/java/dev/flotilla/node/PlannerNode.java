package dev.flotilla.node;

import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock.Stamps;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.ros.params.ParamReader;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The planner: accepts {@code TaskRequest}s on {@code /flotilla/tasks}, validates them, and hands
 * the valid ones to the allocator on {@code /flotilla/accepted_tasks}. Every decision is also a
 * {@code task_accepted} / {@code task_rejected} event with its reason, so nothing is dropped
 * silently.
 */
public final class PlannerNode implements FlotillaNode {

  /**
   * Validated parameters of the {@code planner} node.
   *
   * @param fleet the fleet and its regions
   */
  public record Params(FleetParams fleet) {
    /**
     * @param p the node's parameters
     * @return the validated record
     */
    public static Params read(ParamReader p) {
      Params params = new Params(FleetParams.read(p));
      p.finish();
      return params;
    }
  }

  private final NodeContext ctx;
  private final Logger log;
  private final InputRejections rejections;
  private final TaskRequestValidator validator;
  private final Set<String> seenTaskIds = new HashSet<>();
  private final String tasksTopic;
  private final Params params;
  private Bus.Publisher<TaskRequest> accepted;
  private Bus.Publisher<FleetEvent> events;

  /**
   * @param ctx host services
   * @param params validated parameters
   */
  public PlannerNode(NodeContext ctx, Params params) {
    this.ctx = ctx;
    this.params = params;
    this.log = ctx.log();
    this.rejections = new InputRejections(log);
    this.validator = new TaskRequestValidator(params.fleet().regions());
    this.tasksTopic = ctx.topic(TopicNames.TASKS);
  }

  @Override
  public String name() {
    return ctx.name();
  }

  @Override
  public void start() {
    accepted = ctx.bus().publisher(ctx.topic(TopicNames.ACCEPTED_TASKS), TaskRequest.TYPE,
        FlotillaQos.ACCEPTED_TASKS);
    events = ctx.bus().publisher(ctx.topic(TopicNames.EVENTS), FleetEvent.TYPE,
        FlotillaQos.EVENTS);
    ctx.bus().subscribe(tasksTopic, TaskRequest.TYPE, FlotillaQos.TASKS,
        t -> ctx.executor().execute(() -> onTask(t)));
    log.info("planner accepting tasks on " + tasksTopic);
  }

  void onTask(TaskRequest request) {
    Optional<String> problem = validator.problem(request);
    if (problem.isEmpty() && !seenTaskIds.add(request.taskId())) {
      problem = Optional.of("task_id '" + request.taskId() + "' was already accepted");
    }
    if (problem.isPresent()) {
      rejections.reject(tasksTopic, request.taskId(), "invalid_task", problem.get());
      events.publish(event(FleetEvent.TASK_REJECTED, request.taskId(), problem.get()));
      return;
    }
    TaskRequest resolved = request;
    if (!request.region().isEmpty()) {
      var p = params.fleet().regions().get(request.region());
      resolved = request.toBuilder().location(new dev.flotilla.msgs.geometry_msgs.Point(
          p.x(), p.y(), p.z())).build();
    }
    accepted.publish(resolved);
    events.publish(event(FleetEvent.TASK_ACCEPTED, request.taskId(), "valid"));
    log.info("accepted task " + request.taskId());
  }

  private FleetEvent event(byte kind, String taskId, String reason) {
    return FleetEvent.builder().stamp(Stamps.time(ctx.clock().now())).kind(kind).taskId(taskId)
        .stepIndex(-1).source(ctx.name()).reason(reason).build();
  }

  /** @return rejected-input counters */
  public InputRejections rejections() {
    return rejections;
  }
}
