package dev.flotilla.ros;

import java.util.List;
import us.ihmc.pubsub.Domain;
import us.ihmc.pubsub.attributes.ParticipantProfile;
import us.ihmc.pubsub.attributes.PublisherAttributes;
import us.ihmc.pubsub.attributes.SubscriberAttributes;
import us.ihmc.pubsub.common.Guid;
import us.ihmc.pubsub.participant.Participant;
import us.ihmc.pubsub.publisher.Publisher;
import us.ihmc.pubsub.subscriber.Subscriber;

/**
 * The DDS GUIDs of a participant and its endpoints as ROS 2 GIDs (Jazzy: 16 bytes, the GUID
 * prefix then the entity id, as rmw copies them and as they travel in discovery).
 *
 * <p>ihmc-ros2-library's node hides its participant and endpoints, but the domain lists every
 * participant with the profile it was created from, and each participant its endpoints with
 * the attributes they were created from; the GUIDs are found by those identities. O(endpoints of
 * the participant) per lookup.
 */
final class EndpointGids {
  /** GID length in Jazzy's rmw_dds_common/msg/Gid. */
  static final int LENGTH = 16;

  private EndpointGids() {}

  /** @return the participant created from this profile, or null when the domain lists none */
  static Participant participant(Domain domain, ParticipantProfile profile) {
    List<Participant> all = domain.getAllParticipantsForStatistics();
    synchronized (all) {
      for (Participant p : all) {
        if (p.getAttributes() == profile) {
          return p;
        }
      }
    }
    return null;
  }

  /** @return the GID of the writer created from these attributes, or null when not found */
  static byte[] writer(Participant participant, PublisherAttributes attributes) {
    List<Publisher> all = participant.getAllPublishersForStatistics();
    synchronized (all) {
      for (int i = all.size() - 1; i >= 0; i--) {
        if (all.get(i).getAttributes() == attributes) {
          return gid(all.get(i).getGuid());
        }
      }
    }
    return null;
  }

  /** @return the GID of the reader created from these attributes, or null when not found */
  static byte[] reader(Participant participant, SubscriberAttributes attributes) {
    List<Subscriber<?>> all = participant.getAllSubscribersForStatistics();
    synchronized (all) {
      for (int i = all.size() - 1; i >= 0; i--) {
        if (all.get(i).getAttributes() == attributes) {
          return gid(all.get(i).getGuid());
        }
      }
    }
    return null;
  }

  /** @return the 16 GID bytes of a GUID: its 12-byte prefix, then its 4-byte entity id */
  static byte[] gid(Guid guid) {
    byte[] prefix = guid.getGuidPrefix().getValue();
    byte[] entity = guid.getEntity().getValue();
    byte[] out = new byte[LENGTH];
    System.arraycopy(prefix, 0, out, 0, Math.min(12, prefix.length));
    System.arraycopy(entity, 0, out, 12, Math.min(4, entity.length));
    return out;
  }
}
