package dev.flotilla.ros;

/**
 * The subset of DDS QoS that Flotilla's topics use, named as in ROS 2's rclcpp.
 *
 * @param reliable reliable delivery (else best effort)
 * @param transientLocal late joiners receive the last {@code depth} samples (else volatile)
 * @param depth history depth (keep last N), at least 1
 */
public record QosProfile(boolean reliable, boolean transientLocal, int depth) {

  /** rclcpp's default: reliable, volatile, keep last 10. */
  public static final QosProfile DEFAULT = new QosProfile(true, false, 10);

  /** Sensor data (odometry, heartbeats): best effort keeps latency low and drops stale samples. */
  public static final QosProfile SENSOR_DATA = new QosProfile(false, false, 5);

  /**
   * Latched state such as the current allocation or robot_description: reliable, transient-local,
   * keep last 1, as robot_state_publisher does.
   */
  public static final QosProfile LATCHED = new QosProfile(true, true, 1);

  public QosProfile {
    if (depth < 1) {
      throw new IllegalArgumentException("A QoS history depth must be at least 1, got " + depth
          + ".");
    }
  }
}
