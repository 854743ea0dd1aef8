package dev.flotilla.ros;

import com.eprosima.xmlschemas.fastrtps_profiles.DurabilityQosKindPolicyType;
import com.eprosima.xmlschemas.fastrtps_profiles.HistoryQosKindPolicyType;
import com.eprosima.xmlschemas.fastrtps_profiles.ReliabilityQosKindPolicyType;
import dev.flotilla.msgs.MessageType;
import dev.flotilla.msgs.rmw_dds_common.ParticipantEntitiesInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import us.ihmc.pubsub.Domain;
import us.ihmc.pubsub.DomainFactory;
import us.ihmc.pubsub.DomainFactory.PubSubImplementation;
import us.ihmc.pubsub.TopicDataType;
import us.ihmc.pubsub.attributes.ParticipantProfile;
import us.ihmc.pubsub.attributes.PublisherAttributes;
import us.ihmc.pubsub.attributes.SubscriberAttributes;
import us.ihmc.pubsub.common.SampleIdentity;
import us.ihmc.pubsub.common.SampleInfo;
import us.ihmc.pubsub.participant.Participant;
import us.ihmc.pubsub.subscriber.Subscriber;
import us.ihmc.ros2.NewMessageListener;
import us.ihmc.ros2.ROS2Node;
import us.ihmc.ros2.ROS2PublisherBasics;
import us.ihmc.ros2.ROS2QosProfile;
import us.ihmc.ros2.ROS2Subscription;

/**
 * A {@link Bus} over real DDS/RTPS through ihmc-ros2-library (Fast-DDS). Topic names get ROS 2's
 * {@code rt} prefix and types keep rosidl's {@code pkg::msg::dds_::Name_} naming, so rclcpp, rclpy
 * and plain CycloneDDS peers see the same topics.
 *
 * <p>One bus is one DDS participant. Each subscription delivers its messages one at a time on a
 * thread of its own (not Fast-DDS's listener thread).
 *
 * <p>As a Jazzy rmw does, every reader and writer advertises its type's REP-2011 hash in its
 * USER_DATA ({@link TypeHashUserData}), and the participant announces its node with the GIDs of
 * its readers and writers on {@code ros_discovery_info} ({@link NodeGraph}), so
 * {@code ros2 node list} and {@code ros2 node info} show it.
 */
public final class DdsBus implements Bus {
  private static final Logger LOG = Logger.getLogger(DdsBus.class.getName());

  static {
    // ihmc-ros2-library logs through log4j (us.ihmc.log.LogTools), first touched in
    // ROS2Node.destroy for a node with no publisher. Initialized that late, during a SIGINT/SIGTERM
    // shutdown, log4j fails to register its shutdown hook and prints an IllegalStateException;
    // initialize it now, while the JVM is running.
    try {
      Class.forName("us.ihmc.log.LogTools", true, DdsBus.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      LOG.log(Level.FINE, "IHMC logging not initialized early", e);
    }
  }

  private final ROS2Node node;
  /** The participant behind {@link #node}, or null when the domain did not list it. */
  private final Participant participant;
  /** The DDS domain {@link #participant} is in. */
  private final Domain domain;
  /** This node's entry in the ROS 2 graph. */
  private final NodeGraph graph;
  /**
   * Takes samples and runs handlers for every subscription of this participant, one at a time and
   * in the order Fast-DDS announced them, as its receive thread did when handlers ran on it: a
   * {@code /clock} tick is not handled before a heartbeat that arrived earlier.
   */
  private final ExecutorService deliveries;
  private volatile Thread deliveryThread;
  private final List<AutoCloseable> endpoints = new ArrayList<>();
  /** DDS type name → whether this participant carries it raw (true) or typed (false). */
  private final Map<String, Boolean> rawTypes = new HashMap<>();

  /**
   * Joins a DDS domain, discovering peers as ROS 2's environment says
   * ({@code ROS_AUTOMATIC_DISCOVERY_RANGE}, {@code ROS_STATIC_PEERS}, {@code ROS_LOCALHOST_ONLY};
   * see {@link DiscoveryOptions}).
   *
   * @param nodeName ROS 2 node name (letters, digits, underscores)
   * @param namespace node namespace, e.g. {@code /} or {@code /fleet_a}
   * @param domainId ROS_DOMAIN_ID, 0 to 232
   * @throws dev.flotilla.ros.params.ParamsException naming the variable when the environment is
   *     not understood
   */
  public DdsBus(String nodeName, String namespace, int domainId) {
    this(nodeName, namespace, domainId, DiscoveryOptions.fromEnvironment());
  }

  /**
   * Joins a DDS domain, on this host only or not.
   *
   * @param nodeName ROS 2 node name (letters, digits, underscores)
   * @param namespace node namespace, e.g. {@code /} or {@code /fleet_a}
   * @param domainId ROS_DOMAIN_ID, 0 to 232
   * @param localhostOnly whether discovery stays on this host (ROS 2's {@code LOCALHOST} range);
   *     when it agrees with the environment, the environment's options (static peers included)
   *     apply, otherwise {@link DiscoveryOptions#localhost()} (loopback interface) or SUBNET
   */
  public DdsBus(String nodeName, String namespace, int domainId, boolean localhostOnly) {
    this(nodeName, namespace, domainId, withLocalhostOnly(localhostOnly));
  }

  /**
   * Joins a DDS domain.
   *
   * @param nodeName ROS 2 node name (letters, digits, underscores)
   * @param namespace node namespace, e.g. {@code /} or {@code /fleet_a}
   * @param domainId ROS_DOMAIN_ID, 0 to 232
   * @param discovery how the participant finds its peers
   * @throws dev.flotilla.ros.params.ParamsException naming ROS_STATIC_PEERS when a peer does not
   *     resolve
   */
  public DdsBus(String nodeName, String namespace, int domainId, DiscoveryOptions discovery) {
    if (domainId < 0 || domainId > 232) {
      throw new IllegalArgumentException("ROS_DOMAIN_ID must be within 0..232, got " + domainId
          + ".");
    }
    this.domain = DomainFactory.getDomain(PubSubImplementation.FAST_RTPS);
    ParticipantProfile profile = discovery.profile(domainId);
    this.node = new ROS2Node(domain, nodeName, namespace.equals("/") ? "" : namespace, profile);
    this.participant = EndpointGids.participant(domain, profile);
    this.deliveries = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "dds-delivery " + nodeName);
      t.setDaemon(true);
      deliveryThread = t;
      return t;
    });
    this.graph = new NodeGraph(nodeName, namespace, participant == null ? new byte[0]
        : EndpointGids.gid(participant.getGuid()), graphPublisher());
    graph.publish();
  }

  /**
   * The writer of {@link NodeGraph#TOPIC}, configured as rmw's: reliable, transient-local,
   * keep-last 1, no {@code rt/} prefix. It is the participant's, not the node's, so it is not
   * listed among the node's writers.
   */
  private Consumer<ParticipantEntitiesInfo> graphPublisher() {
    claimType(ParticipantEntitiesInfo.TYPE.ddsName(), false);
    MessageTopicType<ParticipantEntitiesInfo> dataType =
        new MessageTopicType<>(ParticipantEntitiesInfo.TYPE);
    ROS2QosProfile qos = new ROS2QosProfile(HistoryQosKindPolicyType.KEEP_LAST, 1,
        ReliabilityQosKindPolicyType.RELIABLE, DurabilityQosKindPolicyType.TRANSIENT_LOCAL, true);
    PublisherAttributes attributes = node.createPublisherAttributes(dataType, NodeGraph.TOPIC, qos);
    // Outside ROS naming, ihmc-ros2-library puts a namespaced node's topic in a DDS partition
    // named after the namespace (ROS 2 Ardent's scheme), which rmw's graph readers never match.
    if (attributes.getProfile().getQos() != null) {
      attributes.getProfile().getQos().setPartition(null);
    }
    TypeHashUserData.apply(attributes, TypeHashUserData.hash(ParticipantEntitiesInfo.TYPE));
    ROS2PublisherBasics<MessageTopicType.Holder<ParticipantEntitiesInfo>> publisher =
        node.createPublisher(dataType, attributes);
    endpoints.add(publisher::remove);
    return info -> {
      MessageTopicType.Holder<ParticipantEntitiesInfo> holder = new MessageTopicType.Holder<>();
      holder.value = info;
      send(publisher, holder, ParticipantEntitiesInfo.TYPE.rosName(), NodeGraph.TOPIC);
    };
  }

  /**
   * Creates a writer whose USER_DATA carries the type hash, and lists it in the graph.
   *
   * @return the writer, and the handle that removes it from DDS and from the graph
   */
  private <S> ROS2PublisherBasics<S> createPublisher(TopicDataType<S> dataType, String topic,
      QosProfile qos, String typeHash) {
    return createPublisher(dataType, node.createPublisherAttributes(dataType, topic, toIhmc(qos)),
        typeHash);
  }

  private <S> ROS2PublisherBasics<S> createPublisher(TopicDataType<S> dataType,
      PublisherAttributes attributes, String typeHash) {
    TypeHashUserData.apply(attributes, typeHash);
    ROS2PublisherBasics<S> publisher = node.createPublisher(dataType, attributes);
    Object key = new Object();
    if (participant != null) {
      graph.addWriter(key, EndpointGids.writer(participant, attributes));
    }
    endpoints.add(() -> {
      graph.remove(key);
      publisher.remove();
    });
    return publisher;
  }

  /**
   * Creates a reader whose USER_DATA carries the type hash, and lists it in the graph.
   *
   * @return the handle that removes the reader from DDS and from the graph
   */
  private <S> Runnable createSubscription(TopicDataType<S> dataType,
      NewMessageListener<S> listener, String topic, QosProfile qos, String typeHash) {
    return createSubscription(dataType, listener,
        node.createSubscriberAttributes(topic, dataType, toIhmc(qos)), typeHash);
  }

  private <S> Runnable createSubscription(TopicDataType<S> dataType,
      NewMessageListener<S> listener, SubscriberAttributes attributes, String typeHash) {
    TypeHashUserData.apply(attributes, typeHash);
    ROS2Subscription<S> subscription = node.createSubscription(dataType, listener, attributes);
    Object key = new Object();
    if (participant != null) {
      graph.addReader(key, EndpointGids.reader(participant, attributes));
    }
    return () -> {
      graph.remove(key);
      subscription.remove();
    };
  }

  private static DiscoveryOptions withLocalhostOnly(boolean localhostOnly) {
    DiscoveryOptions env = DiscoveryOptions.fromEnvironment();
    if (env.localhostOnly() == localhostOnly) {
      return env;
    }
    return localhostOnly ? DiscoveryOptions.localhost()
        : env.withRange(DiscoveryOptions.Range.SUBNET);
  }

  /**
   * @return whether ROS 2's environment variables confine discovery to this host
   * @throws dev.flotilla.ros.params.ParamsException naming the variable when the environment is
   *     not understood
   */
  public static boolean localhostOnlyFromEnvironment() {
    return DiscoveryOptions.fromEnvironment().localhostOnly();
  }

  static ROS2QosProfile toIhmc(QosProfile qos) {
    return new ROS2QosProfile(HistoryQosKindPolicyType.KEEP_LAST, qos.depth(),
        qos.reliable() ? ReliabilityQosKindPolicyType.RELIABLE
            : ReliabilityQosKindPolicyType.BEST_EFFORT,
        qos.transientLocal() ? DurabilityQosKindPolicyType.TRANSIENT_LOCAL
            : DurabilityQosKindPolicyType.VOLATILE,
        false);
  }

  @Override
  public synchronized <T> Publisher<T> publisher(String topic, MessageType<T> type,
      QosProfile qos) {
    claimType(type.ddsName(), false);
    MessageTopicType<T> dataType = new MessageTopicType<>(type);
    ROS2PublisherBasics<MessageTopicType.Holder<T>> publisher =
        createPublisher(dataType, topic, qos, TypeHashUserData.hash(type));
    return message -> {
      MessageTopicType.Holder<T> holder = new MessageTopicType.Holder<>();
      holder.value = message;
      return send(publisher, holder, type.rosName(), topic);
    };
  }

  @Override
  public synchronized <T> AutoCloseable subscribe(String topic, MessageType<T> type,
      QosProfile qos, Consumer<T> handler) {
    claimType(type.ddsName(), false);
    MessageTopicType<T> dataType = new MessageTopicType<>(type);
    Delivery delivery = new Delivery(qos.depth());
    Runnable remove = createSubscription(dataType,
        subscriber -> delivery.submit(() -> {
          // Fast-DDS calls back once per new sample; taking more would find none and make the
          // native layer print an error, so take exactly one.
          MessageTopicType.Holder<T> holder = subscriber.takeNextData();
          // A sample that did not decode arrives empty; MessageTopicType logged it.
          if (holder != null && holder.value != null) {
            deliver(() -> handler.accept(holder.value), "Handler", topic);
          }
        }), topic, qos, TypeHashUserData.hash(type));
    return keep(delivery.closing(remove));
  }

  /**
   * Creates a publisher of already-serialized messages of any type, e.g. for {@code bag play}.
   *
   * @param topic absolute ROS 2 topic name
   * @param rosType ROS type name, {@code pkg/msg/Name}; peers see {@code pkg::msg::dds_::Name_}
   * @param qos delivery guarantees
   * @param maxPayloadBytes largest message the publisher may send, in bytes
   * @return a publisher of CDR payloads (encapsulation header included), usable from any thread
   * @throws IllegalArgumentException when the type name is malformed
   */
  public synchronized Publisher<byte[]> rawPublisher(String topic, String rosType,
      QosProfile qos, int maxPayloadBytes) {
    RawTopicType dataType = new RawTopicType(rosType, maxPayloadBytes);
    claimType(dataType.getName(), true);
    ROS2PublisherBasics<RawTopicType.Sample> publisher =
        createPublisher(dataType, topic, qos, TypeHashUserData.hash(rosType));
    return cdr -> {
      RawTopicType.Sample sample = new RawTopicType.Sample();
      sample.data = cdr;
      return send(publisher, sample, rosType, topic);
    };
  }

  /**
   * {@link #rawPublisher(String, String, QosProfile, int)} reserving
   * {@link RawTopicType#DEFAULT_MAX_PAYLOAD_BYTES}.
   */
  public Publisher<byte[]> rawPublisher(String topic, String rosType, QosProfile qos) {
    return rawPublisher(topic, rosType, qos, RawTopicType.DEFAULT_MAX_PAYLOAD_BYTES);
  }

  /**
   * Subscribes to a topic of any type without decoding its messages, e.g. for
   * {@code bag record}.
   *
   * @param topic absolute ROS 2 topic name
   * @param rosType ROS type name, {@code pkg/msg/Name}
   * @param qos delivery guarantees requested
   * @param handler called once per received message with its bytes and receive time
   * @return a handle that stops the subscription when closed
   * @throws IllegalArgumentException when the type name is malformed
   */
  public synchronized AutoCloseable subscribeRaw(String topic, String rosType, QosProfile qos,
      RawMessageHandler handler) {
    RawTopicType dataType = new RawTopicType(rosType, RawTopicType.DEFAULT_MAX_PAYLOAD_BYTES);
    claimType(dataType.getName(), true);
    Delivery delivery = new Delivery(qos.depth());
    Runnable remove = createSubscription(dataType,
        subscriber -> {
          long receivedAt = epochNanos();
          delivery.submit(() -> {
            RawTopicType.Sample sample = subscriber.takeNextData();
            if (sample != null && sample.data() != null) {
              deliver(() -> handler.accept(sample.data(), receivedAt), "Raw handler", topic);
            }
          });
        }, topic, qos, TypeHashUserData.hash(rosType));
    return keep(delivery.closing(remove));
  }

  /**
   * A sample of a literal-name raw reader with its related sample identity: the identity of the
   * request a reply answers, set by an rmw_fastrtps service (all zero when the writer set none).
   *
   * @param cdr the payload, encapsulation header first
   * @param relatedWriterGid the related identity's writer GUID as a 16-byte GID
   * @param relatedSequence the related identity's sequence number
   */
  public record RawSample(byte[] cdr, byte[] relatedWriterGid, long relatedSequence) {}

  /** A raw writer under a literal DDS topic name (service requests, action topics). */
  public interface RawWriter {
    /**
     * @param cdr payload, encapsulation header first
     * @return the sequence number DDS gave the sample (1, 2, … for this writer; rmw_fastrtps
     *     services answer with it as the related identity), or -1 when refused
     */
    long write(byte[] cdr);

    /** @return this writer's GID (16 bytes), empty when the participant did not list it */
    byte[] gid();

    /**
     * @return whether a reader has matched this writer (a service's request reader is there);
     *     true when the participant cannot tell
     */
    boolean matched();
  }

  /** A raw reader under a literal DDS topic name. */
  public interface RawReader extends AutoCloseable {
    /** @return whether a writer has matched this reader (a service is there) */
    boolean matched();

    @Override
    void close();
  }

  /**
   * Creates a writer of serialized samples under a literal DDS topic and type name, with no
   * {@code rt/} prefix: {@code rq/<service>Request} and the like, as rmw names service topics.
   * Reliable endpoints keep writes in order, so the sequence numbers counted here are DDS's.
   *
   * @param ddsTopic the DDS topic name, e.g.
   *     {@code rq/r1/navigate_to_pose/_action/send_goalRequest}
   * @param ddsType the DDS type name, e.g. {@code action_msgs::srv::dds_::CancelGoal_Request_}
   * @param qos delivery guarantees
   * @param maxPayloadBytes largest sample, in bytes
   * @return the writer, usable from any thread
   */
  public synchronized RawWriter literalRawWriter(String ddsTopic, String ddsType, QosProfile qos,
      int maxPayloadBytes) {
    RawTopicType dataType = RawTopicType.ofDdsName(ddsType, maxPayloadBytes);
    claimType(ddsType, true);
    ROS2QosProfile ihmc = plainNamed(qos);
    PublisherAttributes attributes = node.createPublisherAttributes(dataType, ddsTopic, ihmc);
    if (attributes.getProfile().getQos() != null) {
      attributes.getProfile().getQos().setPartition(null);
    }
    return new SequencedRawWriter(rawEndpoint(dataType, attributes, ddsType, ddsTopic, null));
  }

  /**
   * A raw writer's parts.
   *
   * @param send writes one sample, false when DDS refused it
   * @param gid the writer's GID, empty when the participant is not at hand
   * @param matched whether a reader matched it (true when that cannot be told)
   */
  private record RawEndpoint(Predicate<RawTopicType.Sample> send, byte[] gid,
      BooleanSupplier matched) {}

  /**
   * Creates a writer of raw samples that counts its matched readers (see
   * {@link MatchCountingPublisher}); without the participant at hand, a plain one through the
   * node that reports itself matched.
   *
   * @param typeHash the REP-2011 hash for USER_DATA, which also lists the writer in the node's
   *     graph; null for neither (action endpoints)
   */
  private RawEndpoint rawEndpoint(RawTopicType dataType, PublisherAttributes attributes,
      String ddsType, String ddsTopic, String typeHash) {
    if (participant == null) {
      ROS2PublisherBasics<RawTopicType.Sample> publisher;
      if (typeHash == null) {
        publisher = node.createPublisher(dataType, attributes);
        endpoints.add(publisher::remove);
      } else {
        publisher = createPublisher(dataType, attributes, typeHash);
      }
      return new RawEndpoint(s -> send(publisher, s, ddsType, ddsTopic), new byte[0], () -> true);
    }
    if (typeHash != null) {
      TypeHashUserData.apply(attributes, typeHash);
    }
    MatchCountingPublisher publisher =
        MatchCountingPublisher.create(domain, participant, dataType, attributes, ddsTopic);
    Object key = new Object();
    if (typeHash != null) {
      graph.addWriter(key, publisher.gid());
    }
    endpoints.add(() -> {
      graph.remove(key);
      publisher.remove();
    });
    return new RawEndpoint(publisher::write, publisher.gid(), publisher::matched);
  }

  /** A raw writer counting its samples as DDS numbers them (reliable, in order). */
  private static final class SequencedRawWriter implements RawWriter {
    private final RawEndpoint endpoint;
    private long sequence;

    SequencedRawWriter(RawEndpoint endpoint) {
      this.endpoint = endpoint;
    }

    @Override
    public synchronized long write(byte[] cdr) {
      RawTopicType.Sample sample = new RawTopicType.Sample();
      sample.data = cdr;
      return endpoint.send().test(sample) ? ++sequence : -1;
    }

    @Override
    public byte[] gid() {
      return endpoint.gid().clone();
    }

    @Override
    public boolean matched() {
      return endpoint.matched().getAsBoolean();
    }
  }

  /**
   * Creates a reader of serialized samples under a literal DDS topic and type name (see
   * {@link #literalRawWriter}); each sample comes with its related sample identity.
   *
   * @param ddsTopic the DDS topic name, e.g. {@code rr/r1/navigate_to_pose/_action/send_goalReply}
   * @param ddsType the DDS type name
   * @param qos delivery guarantees requested
   * @param handler called once per received sample, on this participant's delivery thread
   * @return the reader
   */
  public synchronized RawReader literalRawReader(String ddsTopic, String ddsType,
      QosProfile qos, Consumer<RawSample> handler) {
    RawTopicType dataType = RawTopicType.ofDdsName(ddsType, RawTopicType.DEFAULT_MAX_PAYLOAD_BYTES);
    claimType(ddsType, true);
    Delivery delivery = new Delivery(qos.depth());
    SubscriberAttributes attributes =
        node.createSubscriberAttributes(ddsTopic, dataType, plainNamed(qos));
    // As for the graph writer: no namespace partition, which rmw's endpoints never carry.
    var readerProfile = TypeHashUserData.readerProfile(attributes);
    if (readerProfile != null && readerProfile.getQos() != null) {
      readerProfile.getQos().setPartition(null);
    }
    ROS2Subscription<RawTopicType.Sample> subscription = node.createSubscription(dataType,
        subscriber -> delivery.submit(() -> {
          SampleInfo info = new SampleInfo();
          RawTopicType.Sample sample = subscriber.takeNextData(info);
          if (sample != null && sample.data() != null) {
            SampleIdentity related = info.getRelatedSampleIdentity();
            byte[] gid = related == null ? new byte[EndpointGids.LENGTH]
                : EndpointGids.gid(related.getGuid());
            long seq = related == null ? 0 : related.getSequenceNumber().get();
            deliver(() -> handler.accept(new RawSample(sample.data(), gid, seq)), "Raw handler",
                ddsTopic);
          }
        }), attributes);
    AutoCloseable handle = keep(delivery.closing(subscription::remove));
    return new RawReader() {
      @Override
      public boolean matched() {
        if (participant == null) {
          return true;
        }
        List<Subscriber<?>> all = participant.getAllSubscribersForStatistics();
        synchronized (all) {
          for (Subscriber<?> s : all) {
            if (s.getAttributes() == attributes) {
              return s.hasMatched();
            }
          }
        }
        return false;
      }

      @Override
      public void close() {
        try {
          handle.close();
        } catch (Exception e) {
          LOG.log(Level.FINE, "Reader already gone", e);
        }
      }
    };
  }

  /** A writer of serialized samples that can tell whether any reader matched it. */
  public interface MatchedPublisher extends Publisher<byte[]> {
    /** @return whether a reader has matched this writer; true when the participant cannot tell */
    boolean matched();
  }

  /**
   * Creates a writer of already-serialized samples on a DDS topic named as is, outside ROS 2's
   * {@code rt/} topic scheme: a service's reply topic, {@code rr/<node>/<service>Reply}. Listed
   * among the node's writers, so {@code ros2 service list} sees the service.
   *
   * @param ddsTopic the DDS topic name, e.g. {@code rr/allocator/get_parametersReply}
   * @param ddsType the DDS type name, e.g.
   *     {@code rcl_interfaces::srv::dds_::GetParameters_Response_}
   * @param typeHash the REP-2011 hash advertised in USER_DATA, or "" for none
   * @param qos delivery guarantees
   * @param maxPayloadBytes largest sample, in bytes
   * @return a publisher of CDR payloads (encapsulation header included), usable from any thread
   */
  public synchronized MatchedPublisher rawDdsPublisher(String ddsTopic, String ddsType,
      String typeHash, QosProfile qos, int maxPayloadBytes) {
    RawTopicType dataType = RawTopicType.ofDdsName(ddsType, maxPayloadBytes);
    claimType(ddsType, true);
    PublisherAttributes attributes =
        node.createPublisherAttributes(dataType, ddsTopic, plainNamed(qos));
    // A namespaced node's plainly named endpoint would be put in a partition (see graphPublisher).
    if (attributes.getProfile().getQos() != null) {
      attributes.getProfile().getQos().setPartition(null);
    }
    RawEndpoint w = rawEndpoint(dataType, attributes, ddsType, ddsTopic, typeHash);
    return new MatchedPublisher() {
      @Override
      public boolean publish(byte[] cdr) {
        RawTopicType.Sample sample = new RawTopicType.Sample();
        sample.data = cdr;
        return w.send().test(sample);
      }

      @Override
      public boolean matched() {
        return w.matched().getAsBoolean();
      }
    };
  }

  /**
   * Subscribes to a DDS topic named as is, outside ROS 2's {@code rt/} topic scheme, without
   * decoding its samples: a service's request topic, {@code rq/<node>/<service>Request}. Listed
   * among the node's readers.
   *
   * @param ddsTopic the DDS topic name, e.g. {@code rq/allocator/get_parametersRequest}
   * @param ddsType the DDS type name, e.g.
   *     {@code rcl_interfaces::srv::dds_::GetParameters_Request_}
   * @param typeHash the REP-2011 hash advertised in USER_DATA, or "" for none
   * @param qos delivery guarantees requested
   * @param maxPayloadBytes largest sample accepted, in bytes
   * @param handler called once per received sample
   * @return a handle that stops the subscription when closed
   */
  public synchronized AutoCloseable subscribeRawDds(String ddsTopic, String ddsType,
      String typeHash, QosProfile qos, int maxPayloadBytes, RawMessageHandler handler) {
    RawTopicType dataType = RawTopicType.ofDdsName(ddsType, maxPayloadBytes);
    claimType(ddsType, true);
    SubscriberAttributes attributes =
        node.createSubscriberAttributes(ddsTopic, dataType, plainNamed(qos));
    if (!attributes.getPartitions().isEmpty()) {
      // The default partition, as the peers' readers and writers have.
      attributes.partitions(List.of(""));
    }
    Delivery delivery = new Delivery(qos.depth());
    Runnable remove = createSubscription(dataType,
        subscriber -> {
          long receivedAt = epochNanos();
          delivery.submit(() -> {
            RawTopicType.Sample sample = subscriber.takeNextData();
            if (sample != null && sample.data() != null) {
              deliver(() -> handler.accept(sample.data(), receivedAt), "Raw handler", ddsTopic);
            }
          });
        }, attributes, typeHash);
    return keep(delivery.closing(remove));
  }

  /** The QoS with ihmc-ros2-library's ROS naming turned off: the topic name is used as is. */
  private static ROS2QosProfile plainNamed(QosProfile qos) {
    ROS2QosProfile ros = toIhmc(qos);
    return new ROS2QosProfile(ros.getHistoryKind(), ros.getHistoryDepth(),
        ros.getReliabilityKind(), ros.getDurabilityKind(), true);
  }

  /** Publishes one sample; a refusal is logged and returned, never thrown. */
  private static <S> boolean send(ROS2PublisherBasics<S> publisher, S sample, String rosType,
      String topic) {
    boolean sent = publisher.publish(sample);
    if (!sent) {
      LOG.warning(() -> "DDS refused a " + rosType + " sample on " + topic + ".");
    }
    return sent;
  }

  /** Runs a handler on a received message; its failure drops the message, not the subscription. */
  private static void deliver(Runnable handling, String handlerName, String topic) {
    try {
      handling.run();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, handlerName + " for " + topic + " failed; message dropped.", e);
    }
  }

  /** Keeps a subscription's handle for {@link #close()} and returns it. */
  private AutoCloseable keep(AutoCloseable handle) {
    endpoints.add(handle);
    return handle;
  }

  /**
   * ihmc-pub-sub registers one data type per DDS type name and participant, so one participant
   * cannot carry a type both raw and typed: the second endpoint would get the first's samples.
   */
  private void claimType(String ddsName, boolean raw) {
    Boolean previous = rawTypes.putIfAbsent(ddsName, raw);
    if (previous != null && previous != raw) {
      throw new IllegalStateException("This DDS participant already carries " + ddsName + " "
          + (previous ? "as raw bytes" : "as a generated type") + "; use another DdsBus for "
          + (raw ? "raw" : "typed") + " endpoints of that type.");
    }
  }

  /**
   * One subscription's takes and handler calls, queued on the participant's delivery thread.
   *
   * <p>They must not run on the Fast-DDS listener thread: ihmc-pub-sub's take and its subscriber
   * deletion hold the same lock, and Fast-DDS 2.14 waits for a running listener callback when it
   * deletes the reader, so a callback blocked on take while {@link #close()} deletes the reader
   * would deadlock the two (seen in a test within minutes). The listener only queues the take.
   */
  private final class Delivery {
    private final int depth;
    /** Takes queued and not yet started. */
    private final AtomicInteger queued = new AtomicInteger();
    private volatile boolean closed;

    /**
     * @param depth the subscription's keep-last depth: DDS holds at most this many unread
     *     samples, so more queued takes than this could only find nothing
     */
    Delivery(int depth) {
      this.depth = Math.max(1, depth);
    }

    /**
     * Queues one take for a sample DDS announced. When the handlers fall behind by a whole
     * history, DDS drops the oldest samples (keep-last); the takes already queued then cover every
     * sample it still holds, so no further take is queued. Without this bound every take beyond
     * the history found nothing and the native layer printed an error for each (hundreds of
     * thousands in a loaded demo run, which starved the fleet further).
     */
    void submit(Runnable take) {
      if (closed) {
        return;
      }
      if (queued.incrementAndGet() > depth) {
        queued.decrementAndGet();
        return;
      }
      try {
        deliveries.execute(() -> {
          queued.decrementAndGet();
          if (!closed) {
            take.run();
          }
        });
      } catch (RejectedExecutionException e) {
        queued.decrementAndGet();
        // The participant is closing; the sample is dropped with it.
      }
    }

    /**
     * @return a handle that stops delivery (letting a take or handler already running finish),
     *     then removes the subscription
     */
    AutoCloseable closing(Runnable remove) {
      return () -> {
        closed = true;
        if (Thread.currentThread() != deliveryThread) {
          try {
            deliveries.submit(() -> { }).get(5, TimeUnit.SECONDS);
          } catch (TimeoutException e) {
            LOG.warning("A handler still runs 5 s after its subscription was closed.");
          } catch (RejectedExecutionException | ExecutionException e) {
            // Delivery has stopped already: nothing of this subscription runs.
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        remove.run();
      };
    }
  }

  private static long epochNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  @Override
  public synchronized void close() {
    graph.close();
    for (AutoCloseable endpoint : endpoints) {
      try {
        endpoint.close();
      } catch (Exception e) {
        LOG.log(Level.FINE, "Endpoint already gone", e);
      }
    }
    endpoints.clear();
    node.destroy();
    deliveries.shutdown();
  }
}
