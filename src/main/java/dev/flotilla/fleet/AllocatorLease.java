package dev.flotilla.fleet;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * The allocators' lease protocol (hot standby): every instance announces itself six times per
 * lease, as working when it is the active one (the node sends these as {@code Heartbeat}s). A
 * passive instance takes over after one lease without an active one; of two active instances the
 * higher plan version wins, then the higher instance id. Not thread-safe.
 */
public final class AllocatorLease {

  /** What the lease protocol needs of its allocator. */
  public interface Allocator {
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
  private final String instanceId;
  private final double duration;
  private final boolean standby;
  private final BooleanSupplier restored;
  private final double startedAt;
  private double lastActiveLease = Double.NEGATIVE_INFINITY;

  /**
   * @param allocator the instance
   * @param instanceId this instance: node name plus a random suffix
   * @param duration seconds of silence before another instance takes over
   * @param standby whether this instance starts as the standby
   * @param restored whether the instance restored state from its journal (asked at takeover)
   * @param startedAt node-clock time of start, seconds
   */
  public AllocatorLease(Allocator allocator, String instanceId, double duration, boolean standby,
      BooleanSupplier restored, double startedAt) {
    this.allocator = allocator;
    this.instanceId = instanceId;
    this.duration = duration;
    this.standby = standby;
    this.restored = restored;
    this.startedAt = startedAt;
  }

  /**
   * After this instance announced itself: a passive instance takes over when no active one has
   * been heard for a lease.
   *
   * @param now node-clock time, seconds
   */
  public void tick(double now) {
    if (allocator.active()) {
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

  /**
   * A plan newer than this instance's, published by another instance: that instance is active,
   * as if its lease had been heard. Without this, an instance deposed by a plan took over again at
   * its next tick (no active lease heard for a lease), deposing the other by its own plan before
   * that one's next lease went out: after a healed partition, where the latched plan arrives
   * before any lease, two instances deposed each other twice a lease, for ever.
   *
   * @param now node-clock time of receipt, seconds
   */
  public void onForeignPlan(double now) {
    lastActiveLease = Math.max(lastActiveLease, now);
  }

  /**
   * An instance's announcement.
   *
   * @param sender the announcing instance's id
   * @param working whether it says it is the active one
   * @param planVersion its last plan version
   * @param now node-clock time of receipt, seconds
   */
  public void onLease(String sender, boolean working, long planVersion, double now) {
    if (sender.equals(instanceId) || !working) {
      return;
    }
    lastActiveLease = now;
    allocator.noteVersion(planVersion);
    if (!allocator.active()) {
      return;
    }
    // Two active instances (a partition healed, or a cold start race): the higher version wins,
    // then the higher id; the loser becomes standby. On a tie the winner re-plans above it, so
    // that every consumer converges on the winner's plan.
    long version = allocator.version();
    boolean otherWins = planVersion > version
        || planVersion == version && sender.compareTo(instanceId) > 0;
    if (otherWins) {
      allocator.demote("allocator " + sender + " is active with plan version " + planVersion);
    } else if (planVersion == version) {
      // Both may have issued this version with different content: go above it.
      allocator.activate("split brain with " + sender + " resolved in our favour");
    }
  }
}
