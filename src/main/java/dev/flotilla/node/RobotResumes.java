package dev.flotilla.node;

import dev.flotilla.model.RobotSpec;
import dev.flotilla.resume.ResumeBudget;
import dev.flotilla.resume.ResumeJson;
import dev.flotilla.resume.ResumeOverrides;
import dev.flotilla.resume.ResumeParams;
import dev.flotilla.resume.Resumes;
import dev.flotilla.resume.RobotResume;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.security.SecureBus;
import dev.flotilla.urdf.UrdfException;
import dev.flotilla.urdf.UrdfLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The allocator's robot resumes (seed 002): listens to each robot's {@code robot_description},
 * builds its resume from the URDF and publishes it as JSON on {@code flotilla/resumes}; a new
 * resume goes to the allocator, whose capabilities λ_ij come from it.
 *
 * <p>A description from the topic is analysed on the context's background executor, within
 * {@link UrdfLimits#defaults()} and {@link ResumeBudget#DEFAULT}, so an oversized or pathological
 * URDF never holds up the allocator's callbacks (issue #13). The result comes back on the
 * callback executor; only the newest description of each robot is adopted, and one that is
 * refused is counted as {@code invalid_urdf} while the robot keeps its previous resume. A
 * description longer than {@link UrdfLimits#MAX_CHARS} is refused on arrival, before any work is
 * queued; under {@code security: enforce} so is one about a robot outside the roster
 * ({@code robot_not_in_roster}), since robot_state_publisher does not sign what it publishes.
 */
final class RobotResumes {
  private final NodeContext ctx;
  private final InputRejections rejections;
  private final Map<String, ResumeOverrides> overrides;
  private final Consumer<RobotResume> changed;
  private final Set<String> subscribed = new HashSet<>();
  /** Descriptions received per robot; a result is adopted only when it is of the newest. */
  private final Map<String, Long> received = new HashMap<>();
  private final Map<String, RobotResume> resumes = new LinkedHashMap<>();
  private final Bus.Publisher<dev.flotilla.msgs.std_msgs.String> topic;

  /**
   * @param ctx host services
   * @param rejections where a bad URDF is counted
   * @param overrides the operator's resume overrides by robot id ({@code resume_overrides})
   * @param changed called with each new or changed resume
   */
  RobotResumes(NodeContext ctx, InputRejections rejections,
      Map<String, ResumeOverrides> overrides, Consumer<RobotResume> changed) {
    this.ctx = ctx;
    this.rejections = rejections;
    this.overrides = Map.copyOf(overrides);
    this.changed = changed;
    this.topic = ctx.bus().publisher(ctx.topic(TopicNames.RESUMES),
        dev.flotilla.msgs.std_msgs.String.TYPE, new QosProfile(true, true, 1000));
  }

  /**
   * Reads a configured robot's URDF file into its resume, at once on the calling thread: the
   * file is the operator's configuration and the node should start with it.
   */
  void fromFile(RobotSpec r) {
    String xml;
    try {
      xml = Files.readString(r.urdf());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + r.urdf() + " for robot " + r.id() + ": "
          + e.getMessage(), e);
    }
    String source = r.urdf().toString();
    long generation = received.merge(r.id(), 1L, Long::sum);
    adopt(r.id(), generation, source, build(r.id(), source, xml));
  }

  /** Listens to a robot's {@code robot_description} (once per robot). */
  void subscribe(String robotId) {
    if (!subscribed.add(robotId)) {
      return;
    }
    String source = TopicNames.robotDescription(ctx.namespace(), robotId);
    ctx.bus().subscribe(source, dev.flotilla.msgs.std_msgs.String.TYPE, QosProfile.LATCHED,
        d -> ctx.executor().execute(() -> onDescription(robotId, source, d.data())));
  }

  /**
   * Builds the robot's resume from its URDF (seed 002) off the callback thread and publishes it;
   * its capabilities join the configured ones for allocation. A bad or oversized URDF is counted
   * and logged with its reason; the robot keeps its previous resume, or its configured
   * capabilities.
   */
  void onDescription(String robotId, String source, String urdfXml) {
    if (ctx.bus() instanceof SecureBus secure && !secure.admitsRobot(robotId)) {
      rejections.reject(source, robotId, "robot_not_in_roster", "robot '" + robotId
          + "' is not in the security roster, so its robot_description is not used "
          + "(security: enforce)");
      return;
    }
    if (urdfXml.length() > UrdfLimits.MAX_CHARS) {
      rejections.reject(source, robotId, "invalid_urdf", "the robot_description of '" + robotId
          + "' has " + urdfXml.length() + " characters, more than the limit of "
          + UrdfLimits.MAX_CHARS + "; it was not analysed"
          + (resumes.containsKey(robotId) ? " and the previous resume stays." : "."));
      return;
    }
    long generation = received.merge(robotId, 1L, Long::sum);
    ctx.background().execute(() -> {
      Built built = build(robotId, source, urdfXml);
      ctx.executor().execute(() -> adopt(robotId, generation, source, built));
    });
  }

  /** A resume, or the sentence saying why there is none. */
  private record Built(RobotResume resume, String refusal) {}

  private Built build(String robotId, String source, String urdfXml) {
    try {
      RobotResume resume = Resumes.resumeFromUrdf(robotId, urdfXml, source,
          ResumeParams.defaults(), UrdfLimits.defaults(), ResumeBudget.DEFAULT);
      return new Built(overrides.getOrDefault(robotId, ResumeOverrides.NONE).apply(resume), null);
    } catch (UrdfException | IllegalArgumentException e) {
      return new Built(null, e.getMessage());
    }
  }

  private void adopt(String robotId, long generation, String source, Built built) {
    if (generation != received.get(robotId)) {
      return;
    }
    if (built.refusal() != null) {
      rejections.reject(source, robotId, "invalid_urdf", built.refusal()
          + (resumes.containsKey(robotId) ? " The previous resume stays." : ""));
      return;
    }
    RobotResume resume = built.resume();
    if (resume.equals(resumes.get(robotId))) {
      return;
    }
    resumes.put(robotId, resume);
    topic.publish(new dev.flotilla.msgs.std_msgs.String(ResumeJson.toJson(resume)));
    ctx.log().info("resume of " + robotId + ": " + resume.summary());
    Resumes.lowConfidenceWarning(resume).ifPresent(ctx.log()::warning);
    changed.accept(resume);
  }

  /** @return the resumes built so far, by robot id */
  Map<String, RobotResume> all() {
    return Map.copyOf(resumes);
  }
}
