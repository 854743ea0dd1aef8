package dev.flotilla.ros;

import com.eprosima.xmlschemas.fastrtps_profiles.AllocationConfigType;
import com.eprosima.xmlschemas.fastrtps_profiles.BuiltinAttributesType;
import com.eprosima.xmlschemas.fastrtps_profiles.LocatorListType;
import com.eprosima.xmlschemas.fastrtps_profiles.RtpsParticipantAllocationAttributesType;
import com.eprosima.xmlschemas.fastrtps_profiles.TransportDescriptorType;
import com.eprosima.xmlschemas.fastrtps_profiles.Udpv4LocatorType;
import dev.flotilla.ros.params.ParamsException;
import jakarta.xml.bind.JAXBElement;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import us.ihmc.pubsub.attributes.ParticipantProfile;

/**
 * How a DDS participant finds its peers, read from ROS 2 Jazzy's environment variables with the
 * meaning rcl and rmw_fastrtps (Jazzy) give them:
 *
 * <ul>
 *   <li>{@code ROS_AUTOMATIC_DISCOVERY_RANGE}: {@code SUBNET} (default; multicast discovery on the
 *       network), {@code LOCALHOST} (no multicast; unicast announcements to 127.0.0.1 only),
 *       {@code OFF} (no discovery at all) or {@code SYSTEM_DEFAULT} (Fast-DDS's own defaults).
 *   <li>{@code ROS_STATIC_PEERS}: semicolon-separated host names or IPv4 addresses announced to
 *       by unicast under {@code SUBNET} and {@code LOCALHOST}, ignored otherwise.
 *   <li>{@code ROS_LOCALHOST_ONLY=1} (Humble; deprecated in Jazzy): as in Jazzy's rcl, means
 *       {@code LOCALHOST} and overrides both variables above; as in Humble, UDP then uses the
 *       loopback interface only, so Humble peers pinned to it are reached.
 * </ul>
 *
 * <p>{@link #profile(int)} sets the Fast-DDS participant the way
 * {@code rmw_fastrtps_shared_cpp/src/participant.cpp} (Jazzy, {@code create_participant}) sets its
 * {@code DomainParticipantQos}.
 *
 * <p>Not a ROS 2 variable: {@code FLOTILLA_DDS_INTERFACES} (comma-separated IPv4 addresses of
 * this host) restricts UDP to those interfaces, as an {@code interfaceWhiteList} in a Fast-DDS
 * profile or {@code NetworkInterface} in a CycloneDDS configuration would; e.g. 127.0.0.1 keeps
 * even SUBNET's multicast on this machine.
 *
 * @param range how far automatic discovery reaches
 * @param staticPeers host names or IPv4 addresses, as written in {@code ROS_STATIC_PEERS}
 * @param interfaces IPv4 addresses of the interfaces UDP may use; empty for all
 */
public record DiscoveryOptions(Range range, List<String> staticPeers, List<String> interfaces) {
  private static final Logger LOG = Logger.getLogger(DiscoveryOptions.class.getName());
  private static final Set<String> WARNED =
      ConcurrentHashMap.newKeySet();

  /** Environment variable naming the discovery range. */
  public static final String RANGE_VAR = "ROS_AUTOMATIC_DISCOVERY_RANGE";
  /** Environment variable listing static peers. */
  public static final String PEERS_VAR = "ROS_STATIC_PEERS";
  /** Humble's localhost switch, a deprecated alias of {@code LOCALHOST} in Jazzy. */
  public static final String LOCALHOST_ONLY_VAR = "ROS_LOCALHOST_ONLY";
  /** Flotilla's own: the interfaces UDP may use. */
  public static final String INTERFACES_VAR = "FLOTILLA_DDS_INTERFACES";

  /** rmw_fastrtps' (and rmw_cyclonedds') number of participants probed per unicast peer. */
  static final long LOCALHOST_MAX_INITIAL_PEERS_RANGE = 32;
  static final String LOOPBACK = "127.0.0.1";
  /** RTPS default SPDP multicast group, kept when SUBNET also has static peers. */
  static final String SPDP_MULTICAST = "239.255.0.1";

  private static final Pattern IPV4 = Pattern.compile(
      "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern HOST_NAME = Pattern.compile(
      "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)"
          + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");

  /** ROS 2's {@code rmw_automatic_discovery_range_t}. */
  public enum Range {
    /** No discovery: the participant talks to nobody. */
    OFF,
    /** Discovery by unicast to this host (and static peers); no multicast. */
    LOCALHOST,
    /** Multicast discovery on the attached networks (ROS 2's default). */
    SUBNET,
    /** Whatever the DDS implementation does by default; static peers ignored. */
    SYSTEM_DEFAULT
  }

  /**
   * @param range how far automatic discovery reaches
   * @param staticPeers host names or IPv4 addresses
   * @param interfaces IPv4 addresses of the interfaces UDP may use; empty for all
   */
  public DiscoveryOptions {
    if (range == null) {
      throw new IllegalArgumentException("A discovery range is required.");
    }
    staticPeers = List.copyOf(staticPeers);
    interfaces = List.copyOf(interfaces);
  }

  /**
   * @param range how far automatic discovery reaches
   * @param staticPeers host names or IPv4 addresses
   */
  public DiscoveryOptions(Range range, List<String> staticPeers) {
    this(range, staticPeers, List.of());
  }

  /** @return ROS 2's default: multicast discovery on the network, no static peers */
  public static DiscoveryOptions subnet() {
    return new DiscoveryOptions(Range.SUBNET, List.of());
  }

  /**
   * @return discovery confined to this host, no static peers, UDP on the loopback interface (as
   *     Humble's rmw_fastrtps sets ROS_LOCALHOST_ONLY=1)
   */
  public static DiscoveryOptions localhost() {
    return new DiscoveryOptions(Range.LOCALHOST, List.of(), List.of(LOOPBACK));
  }

  /**
   * @param range another range
   * @return these options with that range and no static peers (interfaces kept)
   */
  public DiscoveryOptions withRange(Range range) {
    return new DiscoveryOptions(range, List.of(), interfaces);
  }

  /** @return the options the process environment asks for */
  public static DiscoveryOptions fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * Reads the options as Jazzy's rcl does ({@code rcl_get_automatic_discovery_range},
   * {@code rcl_get_discovery_static_peers}, {@code rcl_get_localhost_only}).
   *
   * @param env environment variables
   * @return the discovery options they describe
   * @throws ParamsException naming the variable when a value is not understood (the CLI
   *     prints it as one sentence and exits with code 2)
   */
  public static DiscoveryOptions fromEnvironment(Map<String, String> env) {
    String localhostOnly = env.getOrDefault(LOCALHOST_ONLY_VAR, "");
    if (!localhostOnly.isEmpty() && !localhostOnly.equals("0") && !localhostOnly.equals("1")) {
      throw new ParamsException(LOCALHOST_ONLY_VAR + " must be 1 or 0, got '"
          + localhostOnly + "'.");
    }
    Range range = parseRange(env.getOrDefault(RANGE_VAR, ""));
    List<String> peers = parsePeers(env.getOrDefault(PEERS_VAR, ""));
    List<String> interfaces = parseInterfaces(env.getOrDefault(INTERFACES_VAR, ""));
    if (localhostOnly.equals("1")) {
      warnOnce(LOCALHOST_ONLY_VAR + " is deprecated; use " + RANGE_VAR + "=LOCALHOST. It is "
          + "set to 1, so " + RANGE_VAR + " and " + PEERS_VAR + " are ignored.");
      // Jazzy's meaning (the LOCALHOST range) on Humble's transport: peers set by this variable
      // (Humble's rmw_cyclonedds and rmw_fastrtps) use the loopback interface only and would not
      // reach this host's other addresses.
      return new DiscoveryOptions(Range.LOCALHOST, List.of(),
          interfaces.isEmpty() ? List.of(LOOPBACK) : interfaces);
    }
    if (!peers.isEmpty() && (range == Range.OFF || range == Range.SYSTEM_DEFAULT)) {
      warnOnce(PEERS_VAR + " lists " + peers.size() + " peer(s), but " + RANGE_VAR + " is "
          + range + ", so they are ignored.");
    }
    return new DiscoveryOptions(range, peers, interfaces);
  }

  private static List<String> parseInterfaces(String value) {
    List<String> out = new ArrayList<>();
    for (String raw : value.split(",", -1)) {
      String address = raw.strip();
      if (address.isEmpty()) {
        continue;
      }
      if (!IPV4.matcher(address).matches()) {
        throw new ParamsException(INTERFACES_VAR + " must list IPv4 addresses of this "
            + "host separated by commas, but '" + address + "' is not one.");
      }
      out.add(address);
    }
    return out;
  }

  private static void warnOnce(String message) {
    if (WARNED.add(message)) {
      LOG.warning(message);
    }
  }

  private static Range parseRange(String value) {
    if (value.isEmpty()) {
      return Range.SUBNET;
    }
    for (Range r : Range.values()) {
      if (r.name().equals(value)) {
        return r;
      }
    }
    throw new ParamsException(RANGE_VAR + " must be one of OFF, LOCALHOST, SUBNET or "
        + "SYSTEM_DEFAULT, got '" + value + "'.");
  }

  private static List<String> parsePeers(String value) {
    List<String> peers = new ArrayList<>();
    for (String raw : value.split(";", -1)) {
      String peer = raw.strip();
      if (peer.isEmpty()) {
        continue;
      }
      if (peer.length() > 255 || !(IPV4.matcher(peer).matches()
          || (HOST_NAME.matcher(peer).matches() && !peer.matches("[0-9.]+")))) {
        throw new ParamsException(PEERS_VAR + " must list host names or IPv4 addresses "
            + "separated by semicolons (no ports), but '" + peer + "' is neither.");
      }
      peers.add(peer);
    }
    return peers;
  }

  /** @return whether discovery stays on this host */
  public boolean localhostOnly() {
    return range == Range.LOCALHOST;
  }

  /**
   * @return the static peers the range uses: all under SUBNET and LOCALHOST, none otherwise
   */
  public List<String> effectivePeers() {
    return range == Range.SUBNET || range == Range.LOCALHOST ? staticPeers : List.of();
  }

  /**
   * Builds a Fast-DDS participant profile for these options, with the transports Flotilla uses
   * (shared memory unless {@code ROS_DISABLE_SHARED_MEMORY_TRANSPORT} says otherwise, and UDPv4).
   *
   * @param domainId DDS domain
   * @return the profile
   * @throws ParamsException naming ROS_STATIC_PEERS when a peer does not resolve
   */
  public ParticipantProfile profile(int domainId) {
    ParticipantProfile profile = ParticipantProfile.create().domainId(domainId);
    profile.useBuiltinTransports(false);
    if (!"1".equals(System.getenv("ROS_DISABLE_SHARED_MEMORY_TRANSPORT"))) {
      profile.addSharedMemoryTransport();
    }
    TransportDescriptorType udp = new TransportDescriptorType();
    udp.setTransportId(UUID.randomUUID().toString());
    udp.setType("UDPv4");
    if (!interfaces.isEmpty()) {
      TransportDescriptorType.InterfaceWhiteList whitelist =
          new TransportDescriptorType.InterfaceWhiteList();
      for (String address : interfaces) {
        whitelist.getAddressOrInterface().add(new JAXBElement<>(
            new QName("http://www.eprosima.com/XMLSchemas/fastRTPS_Profiles", "address"),
            String.class, address));
      }
      udp.setInterfaceWhiteList(whitelist);
    }
    if (range == Range.LOCALHOST) {
      // rmw_fastrtps: probe more participants per peer than Fast-DDS's default 4.
      udp.setMaxInitialPeersRange(LOCALHOST_MAX_INITIAL_PEERS_RANGE);
    }
    profile.addTransport(udp);
    applyDiscovery(profile);
    return profile;
  }

  /** Sets discovery on a profile the way rmw_fastrtps (Jazzy) does for the range. */
  private void applyDiscovery(ParticipantProfile profile) {
    BuiltinAttributesType builtin = profile.getProfile().getRtps().getBuiltin();
    switch (range) {
      case OFF -> {
        // rmw_fastrtps: room for the local participant only, no multicast listening.
        RtpsParticipantAllocationAttributesType allocation =
            new RtpsParticipantAllocationAttributesType();
        AllocationConfigType participants = new AllocationConfigType();
        participants.setInitial(1L);
        participants.setMaximum(1L);
        participants.setIncrement(0L);
        allocation.setTotalParticipants(participants);
        profile.getProfile().getRtps().setAllocation(allocation);
        noMulticastListening(builtin);
      }
      case LOCALHOST -> noMulticastListening(builtin);
      case SUBNET, SYSTEM_DEFAULT -> {
        // Fast-DDS defaults.
      }
    }
    List<String> initialPeers = new ArrayList<>();
    for (String peer : effectivePeers()) {
      initialPeers.add(resolve(peer));
    }
    if (range == Range.LOCALHOST) {
      initialPeers.add("127.0.0.1");
    }
    if (range == Range.SUBNET && !initialPeers.isEmpty()) {
      // Initial peers replace the multicast announcement; keep announcing there too.
      initialPeers.add(SPDP_MULTICAST);
    }
    if (!initialPeers.isEmpty()) {
      LocatorListType list = new LocatorListType();
      for (String address : initialPeers) {
        list.getLocator().add(udpv4(address));
      }
      builtin.setInitialPeersList(list);
    }
  }

  /**
   * No multicast listening, as rmw_fastrtps does: a default (any-address, automatic-port) unicast
   * locator keeps Fast-DDS from adding its default multicast one; the multicast list stays empty
   * (Fast-DDS's XML parser rejects an empty list element).
   */
  private static void noMulticastListening(BuiltinAttributesType builtin) {
    LocatorListType unicast = new LocatorListType();
    unicast.getLocator().add(udpv4(null));
    builtin.setMetatrafficUnicastLocatorList(unicast);
  }

  private static LocatorListType.Locator udpv4(String address) {
    Udpv4LocatorType udp = new Udpv4LocatorType();
    if (address != null) {
      udp.setAddress(address);
    }
    LocatorListType.Locator locator = new LocatorListType.Locator();
    locator.getUdpv4().add(udp);
    return locator;
  }

  /** The first IPv4 address of a peer, as rmw_fastrtps takes it. */
  private static String resolve(String peer) {
    try {
      for (InetAddress a : InetAddress.getAllByName(peer)) {
        if (a instanceof Inet4Address) {
          return a.getHostAddress();
        }
      }
    } catch (UnknownHostException e) {
      // reported below
    }
    throw new ParamsException(PEERS_VAR + " lists '" + peer + "', which does not "
        + "resolve to an IPv4 address.");
  }
}
