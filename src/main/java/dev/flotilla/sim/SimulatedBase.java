package dev.flotilla.sim;

import dev.flotilla.model.Point3;
import dev.flotilla.model.RobotSpec;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.msgs.geometry_msgs.Pose;
import dev.flotilla.msgs.geometry_msgs.PoseStamped;
import dev.flotilla.msgs.geometry_msgs.PoseWithCovariance;
import dev.flotilla.msgs.geometry_msgs.Quaternion;
import dev.flotilla.msgs.nav_msgs.Odometry;
import dev.flotilla.msgs.std_msgs.Header;
import dev.flotilla.resume.MobilityClass;
import dev.flotilla.resume.ResumeParams;
import dev.flotilla.resume.Resumes;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.NodeClock.Stamps;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.TopicNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * A simulated robot base that behaves like a robot running Nav2: it drives to the latest
 * {@code geometry_msgs/PoseStamped} on {@code /<robot>/goal_pose} (map frame) with the robot's
 * speed and acceleration limits and publishes {@code nav_msgs/Odometry} in its {@code odom}
 * frame. Flotilla's own {@code RobotAgent} runs beside it, exactly as on a real robot. When the
 * robot has a URDF, it moves as its resume says (seed 002): a differential-drive base turns in
 * place towards the goal before driving; holonomic, legged and aerial robots move straight
 * (planar; flight altitude is not simulated); a static arm never moves. Driven by {@link #tick}.
 */
public final class SimulatedBase {
  private final RobotSpec config;
  private final NodeClock clock;
  private final KinematicRobot body;
  private final Bus.Publisher<Odometry> odometry;
  private volatile Point3 goal;
  private volatile boolean alive = true;
  private volatile boolean stalled;
  /** Turn rate of differential-drive bases in place, rad/s. */
  private static final double TURN_RATE = 1.5;
  private final MobilityClass motion;
  private double heading;

  /**
   * @param config the robot's parameters (start pose, limits)
   * @param bus transport shared with the nodes
   * @param clock simulation or wall clock
   * @param namespace namespace of the fleet's topics
   */
  public SimulatedBase(RobotSpec config, Bus bus, NodeClock clock, String namespace) {
    this.config = config;
    this.clock = clock;
    this.body = new KinematicRobot(config.start(), config.maxSpeed(), config.maxAcceleration());
    this.heading = config.startYaw();
    this.motion = motionOf(config);
    this.odometry = bus.publisher(TopicNames.odometry(namespace, config.id()), Odometry.TYPE,
        QosProfile.SENSOR_DATA);
    if (config.urdf() != null) {
      // Like robot_state_publisher: the description, latched for late joiners.
      // The message type's simple name, String, clashes with java.lang.String: spelled out here.
      try {
        bus.publisher(TopicNames.robotDescription(namespace, config.id()),
            dev.flotilla.msgs.std_msgs.String.TYPE, QosProfile.LATCHED)
            .publish(new dev.flotilla.msgs.std_msgs.String(Files.readString(config.urdf())));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + config.urdf() + " for robot "
            + config.id() + ": " + e.getMessage(), e);
      }
    }
    bus.subscribe(TopicNames.resolve(namespace, config.id() + "/goal_pose"), PoseStamped.TYPE,
        QosProfile.DEFAULT, g -> goal = new Point3(g.pose().position().x(),
            g.pose().position().y(), g.pose().position().z()));
  }

  private static MobilityClass motionOf(RobotSpec config) {
    if (config.urdf() == null) {
      return MobilityClass.WHEELED_HOLONOMIC;
    }
    try {
      return Resumes.resumeFromFile(config.id(), config.urdf(),
          ResumeParams.defaults().withWorkspaceSamples(64))
          .mobility().mobilityClass();
    } catch (RuntimeException e) {
      // The allocator reports a bad URDF with its line; the simulation just moves it plainly.
      return MobilityClass.WHEELED_HOLONOMIC;
    }
  }

  /** @return how this robot moves, from its resume */
  public MobilityClass motion() {
    return motion;
  }

  /** @return robot id */
  public String id() {
    return config.id();
  }

  /** @return position in the map frame (m) */
  public Point3 position() {
    return body.position();
  }

  /** The robot dies: no more motion or odometry. */
  public void kill() {
    alive = false;
    body.stop();
  }

  /** @param stuck whether the wheels are stuck: no motion, odometry goes on */
  public void stall(boolean stuck) {
    stalled = stuck;
    if (stuck) {
      body.stop();
    }
  }

  /** @return whether the robot still runs */
  public boolean alive() {
    return alive;
  }

  /**
   * Moves towards the goal and publishes odometry.
   *
   * @param dt seconds since the previous tick
   */
  public void tick(double dt) {
    if (!alive) {
      return;
    }
    Point3 target = goal;
    if (target != null && !stalled && motion != MobilityClass.STATIC) {
      double dx = target.x() - body.position().x();
      double dy = target.y() - body.position().y();
      if (Math.hypot(dx, dy) > 1e-3) {
        double error = Math.atan2(dy, dx) - heading;
        error = Math.atan2(Math.sin(error), Math.cos(error));
        if (motion == MobilityClass.WHEELED_DIFFERENTIAL
            && Math.abs(error) > 0.05) {
          // A differential drive cannot move sideways: turn towards the goal first.
          body.stop();
          heading += Math.max(-TURN_RATE * dt, Math.min(TURN_RATE * dt, error));
        } else {
          heading += error;
          body.driveTowards(target, dt);
        }
      }
    }
    Point3 p = body.position();
    Point3 start = config.start();
    double c = Math.cos(-config.startYaw());
    double s = Math.sin(-config.startYaw());
    double dx = p.x() - start.x();
    double dy = p.y() - start.y();
    double yaw = heading - config.startYaw();
    Pose pose = new Pose(new Point(c * dx - s * dy, s * dx + c * dy, p.z() - start.z()),
        new Quaternion(0, 0, Math.sin(yaw / 2), Math.cos(yaw / 2)));
    odometry.publish(Odometry.builder()
        .header(new Header(Stamps.time(clock.now()), "odom"))
        .childFrameId(config.id() + "/base_link")
        .pose(PoseWithCovariance.builder().pose(pose).build()).build());
  }
}
