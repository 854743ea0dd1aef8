package dev.flotilla.msgs;

import dev.flotilla.msgs.flotilla_msgs.Auth;

/**
 * A generated message that ends with a {@code flotilla_msgs/Auth} trailer (issue #8,
 * application-level authentication): TaskRequest, Allocation, Reassignment, SyncCommand,
 * FleetEvent and Heartbeat. MsgGen adds this interface to every message whose last field is
 * {@code Auth auth}, so the security layer can sign and check any of them without knowing which.
 *
 * @param <T> the generated record
 */
public interface Signable<T> {
  /** @return who sent the message and the proof; empty when security is off */
  Auth auth();

  /**
   * @param auth the new trailer
   * @return a copy of this message carrying it
   */
  T withAuth(Auth auth);
}
