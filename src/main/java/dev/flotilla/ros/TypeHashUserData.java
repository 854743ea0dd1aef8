package dev.flotilla.ros;

import com.eprosima.xmlschemas.fastrtps_profiles.DataReaderQosPoliciesType;
import com.eprosima.xmlschemas.fastrtps_profiles.DataWriterQosPoliciesType;
import com.eprosima.xmlschemas.fastrtps_profiles.OctectVectorQosPolicyType;
import com.eprosima.xmlschemas.fastrtps_profiles.SubscriberProfileType;
import dev.flotilla.bag.msgdef.MessageDefinitions;
import dev.flotilla.msgs.GeneratedTypes;
import dev.flotilla.msgs.MessageType;
import dev.flotilla.typehash.TypeHashes;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import us.ihmc.pubsub.attributes.PublisherAttributes;
import us.ihmc.pubsub.attributes.SubscriberAttributes;

/**
 * The USER_DATA every Jazzy rmw (rmw_cyclonedds, rmw_fastrtps) gives its readers and writers:
 * {@code typehash=RIHS01_<64 hex>;}, the REP-2011 hash of the endpoint's type, as
 * {@code rmw_dds_common::encode_type_hash_for_user_data_qos} formats it. Without it, Jazzy logs
 * "Failed to parse type hash" for every Flotilla endpoint and cannot tell a same-named type of
 * another version apart.
 *
 * <p>Hashes are computed once per type from the definition the type carries (for raw endpoints,
 * that of the generated type of that name, or else the bundled common definitions) and cached; a
 * type that cannot be hashed gets no USER_DATA, as rmw leaves it for a type with no hash.
 */
final class TypeHashUserData {
  private static final Logger LOG = Logger.getLogger(TypeHashUserData.class.getName());
  private static final MessageDefinitions BUNDLED = MessageDefinitions.bundled();
  /** ROS type name → hash, or "" when the type cannot be hashed. */
  private static final Map<String, String> HASHES = new ConcurrentHashMap<>();
  private static volatile boolean readerProfileMissingLogged;

  private TypeHashUserData() {}

  /**
   * @param type a generated message type
   * @return its {@code RIHS01_...} hash, or "" when its definition cannot be hashed
   */
  static String hash(MessageType<?> type) {
    return HASHES.computeIfAbsent(type.rosName(),
        n -> compute(n, () -> TypeHashes.ofSchema(n, type.definition(), BUNDLED::spec)));
  }

  /**
   * @param rosType {@code pkg/msg/Type} of a raw endpoint
   * @return its hash from the generated bindings' definition or else the bundled definitions, or
   *     "" when neither defines it
   */
  static String hash(String rosType) {
    String full = RawTopicType.fullRosName(rosType);
    String cached = HASHES.get(full);
    if (cached != null) {
      return cached;
    }
    for (MessageType<?> generated : GeneratedTypes.ALL) {
      if (generated.rosName().equals(full)) {
        return hash(generated);
      }
    }
    if (BUNDLED.msgText(full) == null) {
      return "";
    }
    return HASHES.computeIfAbsent(full, n -> compute(n, () -> TypeHashes.of(n, BUNDLED)));
  }

  private interface Hasher {
    String hash();
  }

  private static String compute(String type, Hasher hasher) {
    try {
      return hasher.hash();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "No REP-2011 type hash for " + type
          + "; its endpoints advertise none: " + e.getMessage());
      return "";
    }
  }

  /**
   * @param hash {@code RIHS01_...}, or "" for none
   * @return the USER_DATA text rmw advertises, {@code typehash=<hash>;}, or "" for none
   */
  static String text(String hash) {
    return hash.isEmpty() ? "" : "typehash=" + hash + ";";
  }

  /**
   * The USER_DATA bytes as Fast-DDS's XML profile parser reads an octet vector: hexadecimal
   * octets separated by dots ({@code 74.79.70}).
   *
   * @param text the USER_DATA text
   * @return the XML value
   */
  static String xmlOctets(String text) {
    StringJoiner out = new StringJoiner(".");
    for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
      out.add(Integer.toHexString(b & 0xff));
    }
    return out.toString();
  }

  /** Advertises a type hash in a writer's USER_DATA (nothing when the hash is ""). */
  static void apply(PublisherAttributes attributes, String hash) {
    if (hash.isEmpty()) {
      return;
    }
    DataWriterQosPoliciesType qos = attributes.getProfile().getQos();
    if (qos == null) {
      qos = new DataWriterQosPoliciesType();
      attributes.getProfile().setQos(qos);
    }
    qos.setUserData(octets(hash));
  }

  /** Advertises a type hash in a reader's USER_DATA (nothing when the hash is ""). */
  static void apply(SubscriberAttributes attributes, String hash) {
    if (hash.isEmpty()) {
      return;
    }
    SubscriberProfileType profile = readerProfile(attributes);
    if (profile == null) {
      return;
    }
    DataReaderQosPoliciesType qos = profile.getQos();
    if (qos == null) {
      qos = new DataReaderQosPoliciesType();
      profile.setQos(qos);
    }
    qos.setUserData(octets(hash));
  }

  /**
   * The profile behind reader attributes. ihmc-pub-sub 0.20 exposes the writer's profile
   * ({@code PublisherAttributes.getProfile}) but keeps the reader's private, so it is read by
   * reflection; should a later version rename it, readers advertise no hash (logged once).
   */
  static SubscriberProfileType readerProfile(SubscriberAttributes attributes) {
    try {
      Field f = SubscriberAttributes.class.getDeclaredField("subscriberProfile");
      f.setAccessible(true);
      return (SubscriberProfileType) f.get(attributes);
    } catch (ReflectiveOperationException | RuntimeException e) {
      if (!readerProfileMissingLogged) {
        readerProfileMissingLogged = true;
        LOG.warning("ihmc-pub-sub hides the reader QoS; readers advertise no type hash: " + e);
      }
      return null;
    }
  }

  private static OctectVectorQosPolicyType octets(String hash) {
    OctectVectorQosPolicyType v = new OctectVectorQosPolicyType();
    v.getValue().add(xmlOctets(text(hash)));
    return v;
  }
}
