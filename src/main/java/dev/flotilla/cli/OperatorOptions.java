package dev.flotilla.cli;

import dev.flotilla.cockpit.OperatorClient;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.ros.params.ParamReader;
import dev.flotilla.ros.params.RosParamsFile;
import dev.flotilla.security.KeyDir;
import dev.flotilla.security.Roster;
import dev.flotilla.security.SecurityMode;
import dev.flotilla.security.SecurityParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * Options of the operator's commands ({@code task}, {@code fleet}, {@code robot}, {@code plan
 * show}, {@code watch}) that join a running fleet: where it is (domain, namespace), who the
 * operator is when security is on, and how long to wait for it.
 */
final class OperatorOptions {
  @Option(names = "--domain-id", paramLabel = "N",
      description = "DDS domain, 0..232; default: $ROS_DOMAIN_ID, else 0.")
  Integer domainId;

  @Option(names = "--namespace", paramLabel = "NS",
      description = "The fleet's namespace (default /).")
  String namespace = "/";

  @Option(names = {"-p", "--params"}, paramLabel = "FILE",
      description = "The fleet's parameter file, for its security section (default "
          + "params/fleet.yaml when it exists).")
  Path params;

  @Option(names = "--identity", paramLabel = "ID",
      description = "Who signs when security is on (default operator).")
  String identity = "operator";

  @Option(names = "--keys", paramLabel = "DIR",
      description = "Key directory holding ID.key; overrides the file's security.keys_dir, and "
          + "turns signing on (enforce) when the file has no security section.")
  Path keys;

  @Option(names = "--timeout", paramLabel = "S",
      description = "Seconds to wait for the fleet, and again for its verdict (default 10).")
  double timeout = 10;

  @Option(names = "--localhost-only", description = "Keep DDS traffic on the loopback "
      + "interface; default: as $ROS_LOCALHOST_ONLY / $ROS_AUTOMATIC_DISCOVERY_RANGE say.")
  Boolean localhostOnly;

  @Option(names = {"-v", "--verbose"}, description = "Debug logging.")
  boolean verbose;

  /**
   * The transport a command joins the fleet with, and how long DDS needs to deliver the fleet's
   * history after the first sample. Tests put an in-memory bus here.
   *
   * @param bus the bus (closed with the command)
   * @param settle discovery and history time
   */
  record Transport(Bus bus, Duration settle) implements AutoCloseable {
    @Override
    public void close() {
      bus.close();
    }
  }

  /** Joins the fleet over DDS. */
  static final Function<OperatorOptions, Transport> DDS = OperatorOptions::dds;

  /** Opens the transport; replaced by tests. */
  static volatile Function<OperatorOptions, Transport> opener = DDS;

  private static Transport dds(OperatorOptions o) {
    String node = "flotilla_cli_" + UUID.randomUUID().toString().substring(0, 8);
    DdsBus bus = o.localhostOnly == null ? new DdsBus(node, o.checkedNamespace(), o.domain())
        : new DdsBus(node, o.checkedNamespace(), o.domain(), o.localhostOnly);
    return new Transport(bus, Duration.ofMillis(1500));
  }

  /** @return the transport of {@link #opener} */
  Transport open() {
    checkedNamespace();
    if (!Double.isFinite(timeout) || timeout <= 0 || timeout > 3600) {
      throw new UsageError("--timeout must be a number of seconds within (0, 3600], got "
          + timeout + ".");
    }
    return opener.apply(this);
  }

  /**
   * @param raw the transport's bus
   * @return the bus to send with: a {@code SecureBus} signing as {@link #identity} when the
   *     fleet's security is on
   */
  Bus signing(Bus raw) {
    SecurityParams s = security();
    if (s.mode() != SecurityMode.OFF
        && KeyDir.load(s.keysDir()).privateKey(identity).isEmpty()) {
      // SecureBus checks this only for identities of the roster; an operator tool must sign.
      throw new UsageError("The key directory " + s.keysDir() + " has no private key of '"
          + identity + "'; run `flotilla keys gen --dir " + s.keysDir() + " " + identity
          + "` and add it to the roster with the tasks and commands rights.");
    }
    return s.secure(raw, identity, NodeClock.SYSTEM);
  }

  /** @return timeouts from {@code --timeout} and the transport's settle time */
  OperatorClient.Timeouts timeouts(Transport t) {
    Duration d = Duration.ofMillis(Math.round(timeout * 1000));
    return new OperatorClient.Timeouts(d, d, t.settle());
  }

  int domain() {
    int d;
    String source = "--domain-id";
    if (domainId != null) {
      d = domainId;
    } else {
      String env = System.getenv("ROS_DOMAIN_ID");
      if (env == null || env.isBlank()) {
        return 0;
      }
      source = "ROS_DOMAIN_ID";
      try {
        d = Integer.parseInt(env.strip());
      } catch (NumberFormatException e) {
        throw new UsageError("ROS_DOMAIN_ID must be an integer, got '" + env + "'.");
      }
    }
    if (d < 0 || d > 232) {
      throw new UsageError(source + " must be within 0..232, got " + d + ".");
    }
    return d;
  }

  String checkedNamespace() {
    if (!TopicNames.isValidNamespace(namespace)) {
      throw new UsageError("--namespace '" + namespace + "' is not a valid ROS 2 namespace.");
    }
    return namespace;
  }

  /** @return e.g. {@code domain 0, namespace /} */
  String where() {
    return "domain " + domain() + ", namespace " + namespace;
  }

  private SecurityParams security() {
    if (!TopicNames.isValidRobotId(identity)) {
      throw new UsageError("--identity '" + identity + "' is not a valid ROS 2 name.");
    }
    Path file = params != null ? HomePaths.resolve(params)
        : HomePaths.resolve(Path.of("params/fleet.yaml"));
    if (params != null && !Files.exists(file)) {
      throw new UsageError("--params " + params + " does not exist.");
    }
    SecurityParams s = SecurityParams.OFF;
    if (Files.exists(file)) {
      ParamReader reader = RosParamsFile.load(file).forNode(namespace, "operator");
      s = SecurityParams.read(reader);
    }
    if (keys == null) {
      return s;
    }
    if (!Files.isDirectory(keys)) {
      throw new UsageError("--keys " + keys + " is not a directory.");
    }
    return new SecurityParams(s.mode() == SecurityMode.OFF ? SecurityMode.ENFORCE : s.mode(),
        keys, s.mode() == SecurityMode.OFF ? Roster.of(Roster.defaultNodes(), List.of())
            : s.roster());
  }
}
