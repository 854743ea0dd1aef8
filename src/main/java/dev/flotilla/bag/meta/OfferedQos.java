package dev.flotilla.bag.meta;

/**
 * One QoS profile a publisher offered, as rosbag2 stores it in {@code offered_qos_profiles}
 * (rosbag2_storage's {@code Rosbag2QoS}). Policies are held by rmw's names ({@code keep_last},
 * {@code reliable}, {@code transient_local}, {@code automatic}, ...) whatever the metadata version
 * wrote: versions up to 8 store rmw's enum numbers, 9 on store these names.
 *
 * @param history {@code system_default}, {@code keep_last}, {@code keep_all} or {@code unknown}
 * @param depth history depth (0 when the publisher's history is unknown)
 * @param reliability {@code reliable}, {@code best_effort}, {@code system_default}, ...
 * @param durability {@code volatile}, {@code transient_local}, {@code system_default}, ...
 * @param deadline deadline period
 * @param lifespan sample lifespan
 * @param liveliness {@code automatic}, {@code manual_by_topic}, {@code system_default}, ...
 * @param livelinessLeaseDuration liveliness lease
 * @param avoidRosNamespaceConventions whether the topic skips ROS name mangling
 */
public record OfferedQos(
    String history,
    long depth,
    String reliability,
    String durability,
    RmwTime deadline,
    RmwTime lifespan,
    String liveliness,
    RmwTime livelinessLeaseDuration,
    boolean avoidRosNamespaceConventions) {

  /**
   * An rmw duration in seconds and nanoseconds.
   *
   * @param sec whole seconds
   * @param nsec nanoseconds
   */
  public record RmwTime(long sec, long nsec) {
    /** rmw's infinite duration ({@code RMW_DURATION_INFINITE}), what unset policies read as. */
    public static final RmwTime INFINITE = new RmwTime(9_223_372_036L, 854_775_807L);
  }

  /**
   * A keep-last profile with infinite deadline, lifespan and lease, automatic liveliness: what a
   * ROS 2 publisher built from a depth, reliability and durability offers.
   *
   * @param depth keep-last depth
   * @param reliable reliable (else best effort)
   * @param transientLocal transient local (else volatile)
   * @return the profile
   */
  public static OfferedQos keepLast(int depth, boolean reliable, boolean transientLocal) {
    return new OfferedQos("keep_last", depth, reliable ? "reliable" : "best_effort",
        transientLocal ? "transient_local" : "volatile", RmwTime.INFINITE, RmwTime.INFINITE,
        "automatic", RmwTime.INFINITE, false);
  }
}
