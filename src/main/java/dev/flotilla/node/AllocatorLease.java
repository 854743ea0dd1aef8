package dev.flotilla.node;

import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock.Stamps;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * The allocators' lease protocol (hot standby): every instance sends a {@code Heartbeat} six
 * times per lease, {@code WORKING} when it is the active one. A passive instance takes over after
 * one lease without an active one; of two active instances the higher plan version wins, then
 * the higher instance id.
 */
final class AllocatorLease {

  /** What the lease protocol needs of its allocator. */
  interface Allocator {
    /** @return whether this instance plans */
    boolean active();

    /** @return the last plan version issued or adopted */
    long version();

    /** Becomes the active instance and issues a fresh plan, for the reason given. */
    void activate(String reason);

    /** Steps down to standby, for the reason given. */
    void demote(String why);

    /** Notes a plan version seen elsewhere: ours will be above it. */
    void noteVersion(long version);
  }

  private final Allocator allocator;
  private final Bus.Publisher<Heartbeat> leases;
  private final String instanceId;
  private final String nodeName;
  private final double duration;
  private final boolean standby;
  private final BooleanSupplier restored;
  private final double startedAt;
  private double lastActiveLease = Double.NEGATIVE_INFINITY;
  private long leaseSequence;

  /**
   * @param allocator the instance
   * @param leases where the leases go
   * @param instanceId this instance: node name plus a random suffix
   * @param nodeName the node's name
   * @param duration seconds of silence before another instance takes over
   * @param standby whether this instance starts as the standby
   * @param restored whether the instance restored state from its journal (asked at takeover)
   * @param startedAt node-clock time of start, seconds
   */
  AllocatorLease(Allocator allocator, Bus.Publisher<Heartbeat> leases, String instanceId,
      String nodeName, double duration, boolean standby, BooleanSupplier restored,
      double startedAt) {
    this.allocator = allocator;
    this.leases = leases;
    this.instanceId = instanceId;
    this.nodeName = nodeName;
    this.duration = duration;
    this.standby = standby;
    this.restored = restored;
    this.startedAt = startedAt;
  }

  /** The active instance asserts its lease; a passive one may take over. */
  void tick(double now) {
    boolean active = allocator.active();
    leases.publish(Heartbeat.builder().robotId(instanceId).sequenceNumber(++leaseSequence)
        .stamp(Stamps.time(now))
        .state(active ? Heartbeat.STATE_WORKING : Heartbeat.STATE_WAITING)
        .currentTaskId(nodeName).currentStep(-1).planVersion(allocator.version())
        .battery(Float.NaN).health(1f).build());
    if (active) {
      return;
    }
    // At start a standby gives the primary one more lease to show up, so that a cold start of
    // both elects the primary; afterwards both take over after one lease of silence.
    double silentSince = Math.max(lastActiveLease, startedAt
        + (standby && lastActiveLease < startedAt ? duration : 0));
    if (now - silentSince > duration) {
      allocator.activate(lastActiveLease > Double.NEGATIVE_INFINITY
          ? String.format(Locale.ROOT, "takeover: no lease from the active allocator "
              + "for %.2f s", now - lastActiveLease)
          : restored.getAsBoolean() ? "recovered from journal" : "no other active allocator");
    }
  }

  /** Another instance's lease. */
  void onLease(Heartbeat lease, double now) {
    if (lease.robotId().equals(instanceId) || lease.state() != Heartbeat.STATE_WORKING) {
      return;
    }
    lastActiveLease = now;
    allocator.noteVersion(lease.planVersion());
    if (!allocator.active()) {
      return;
    }
    // Two active instances (a partition healed, or a cold start race): the higher version wins,
    // then the higher id; the loser becomes standby. On a tie the winner re-plans above it, so
    // that every consumer converges on the winner's plan.
    long version = allocator.version();
    boolean otherWins = lease.planVersion() > version
        || lease.planVersion() == version && lease.robotId().compareTo(instanceId) > 0;
    if (otherWins) {
      allocator.demote("allocator " + lease.robotId() + " is active with plan version "
          + lease.planVersion());
    } else if (lease.planVersion() == version) {
      // Both may have issued this version with different content: go above it.
      allocator.activate("split brain with " + lease.robotId() + " resolved in our favour");
    }
  }
}
