package dev.flotilla.node;

import dev.flotilla.model.RobotSpec;
import dev.flotilla.resume.ResumeJson;
import dev.flotilla.resume.ResumeOverrides;
import dev.flotilla.resume.Resumes;
import dev.flotilla.resume.RobotResume;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.urdf.UrdfException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The allocator's robot resumes (seed 002): listens to each robot's {@code robot_description},
 * builds its resume from the URDF and publishes it as JSON on {@code flotilla/resumes}; a new
 * resume goes to the allocator, whose capabilities λ_ij come from it.
 */
final class RobotResumes {
  private final NodeContext ctx;
  private final InputRejections rejections;
  private final Map<String, ResumeOverrides> overrides;
  private final Consumer<RobotResume> changed;
  private final Set<String> subscribed = new HashSet<>();
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

  /** Reads a configured robot's URDF file into its resume. */
  void fromFile(RobotSpec r) {
    String xml;
    try {
      xml = Files.readString(r.urdf());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + r.urdf() + " for robot " + r.id() + ": "
          + e.getMessage(), e);
    }
    onDescription(r.id(), r.urdf().toString(), xml);
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
   * Builds the robot's resume from its URDF (seed 002) and publishes it; its capabilities join
   * the configured ones for allocation. A bad URDF is counted and logged with its line; the robot
   * keeps its configured capabilities.
   */
  void onDescription(String robotId, String source, String urdfXml) {
    RobotResume resume;
    try {
      resume = Resumes.resumeFromUrdf(robotId, urdfXml, source);
      resume = overrides.getOrDefault(robotId, ResumeOverrides.NONE).apply(resume);
    } catch (UrdfException | IllegalArgumentException e) {
      rejections.reject(source, robotId, "invalid_urdf", e.getMessage());
      return;
    }
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
