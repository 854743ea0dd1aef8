package dev.flotilla.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.flotilla.journal.JournalException;
import dev.flotilla.node.agent.AgentParams;
import dev.flotilla.node.agent.RobotAgent;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.RosoutHandler;
import dev.flotilla.ros.action.ActionTransport;
import dev.flotilla.ros.params.DeclaredParams;
import dev.flotilla.ros.params.ParamReader;
import dev.flotilla.ros.params.RosParamsFile;
import dev.flotilla.security.SecureBus;
import dev.flotilla.security.SecurityParams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs Flotilla nodes over DDS, one participant and one callback thread per node, as
 * {@code flotilla node} and {@code flotilla up} do. Closing the host stops the nodes cleanly.
 */
public final class NodeHost implements AutoCloseable {
  /** The node names this host can start. */
  public static final Set<String> NODE_NAMES = Collections.unmodifiableSet(
      new LinkedHashSet<>(List.of("planner", "allocator", "synchronizer")));
  private static final Logger LOG = Logger.getLogger(NodeHost.class.getName());

  private final boolean localhostOnly;
  private final List<Bus> buses = new ArrayList<>();
  private final List<ScheduledExecutorService> executors = new ArrayList<>();
  private final List<FlotillaNode> nodes = new ArrayList<>();
  private final Map<String, SecureBus> secured = new LinkedHashMap<>();
  /** The /rosout handler of each started node, by the logger it is attached to. */
  private final Map<String, RosoutHandler> rosoutHandlers = new LinkedHashMap<>();
  private boolean recoverJournals;
  /** Nodes whose journal {@link #checkJournal} already checked (or recovered). */
  private final Set<String> journalsChecked = new LinkedHashSet<>();

  /** A host whose DDS traffic follows ROS 2's environment (ROS_LOCALHOST_ONLY etc.). */
  public NodeHost() {
    this(DdsBus.localhostOnlyFromEnvironment());
  }

  /** @param localhostOnly whether every participant stays on the loopback interface */
  public NodeHost(boolean localhostOnly) {
    this.localhostOnly = localhostOnly;
  }

  /**
   * @param recover whether nodes started from now on recover a damaged journal (keeping its
   *     intact part, setting the files aside) instead of refusing to start
   *     ({@code --recover-journal})
   */
  public synchronized void recoverJournals(boolean recover) {
    this.recoverJournals = recover;
  }

  /**
   * Checks (or, see {@link #recoverJournals}, recovers) a node's journal before anything starts,
   * so a damaged journal stops the start with one sentence and nothing on the network. {@link
   * #start} does it for nodes not checked yet.
   *
   * @param spec validated node configuration
   * @throws dev.flotilla.journal.JournalException when its journal is damaged or unusable
   */
  public synchronized void checkJournal(NodeSpec spec) {
    if (journalsChecked.add(spec.namespace() + "/" + spec.name())) {
      try {
        JournalPreflight.check(spec.params(), spec.name(), recoverJournals, LOG);
      } catch (RuntimeException e) {
        journalsChecked.remove(spec.namespace() + "/" + spec.name());
        throw e;
      }
    }
  }

  /**
   * Creates and validates a node from the parameter file. Nothing touches DDS until
   * {@link #start}, so a bad parameter fails fast with no side effects.
   *
   * @param name one of {@link #NODE_NAMES}
   * @param file the parameter file
   * @param namespace node namespace
   * @return a factory bound to the validated parameters
   * @throws dev.flotilla.ros.params.ParamsException when a parameter is invalid
   */
  public static NodeSpec spec(String name, RosParamsFile file, String namespace) {
    ParamReader reader = file.forNode(namespace, name);
    boolean simTime = file.forNode(namespace, name).bool("use_sim_time", false);
    // Read before the node's own parameters so that their unknown-key check accepts `security`.
    SecurityParams security = SecurityParams.read(reader);
    Record params = switch (name) {
      case "planner" -> PlannerParams.read(reader);
      case "allocator" -> AllocatorParams.read(reader);
      case "synchronizer" -> SynchronizerParams.read(reader);
      default -> throw new IllegalArgumentException("Unknown node '" + name + "'; expected one of "
          + NODE_NAMES + ".");
    };
    // What the node read, for ros2 param (use_sim_time was read by a reader of its own).
    Map<String, JsonNode> declared = new LinkedHashMap<>(reader.declared());
    declared.put("use_sim_time", BooleanNode.valueOf(simTime));
    return new NodeSpec(name, namespace, simTime, params, name, security,
        new DeclaredParams(reader.source(), declared));
  }

  /**
   * Creates and validates a robot agent ({@code flotilla agent}) from the file's {@code agent}
   * section and the shared fleet.
   *
   * @param file the parameter file
   * @param namespace node namespace
   * @param robotId the robot the agent runs beside
   * @return a factory bound to the validated parameters
   */
  public static NodeSpec agentSpec(RosParamsFile file, String namespace, String robotId) {
    boolean simTime = file.forNode(namespace, "agent").bool("use_sim_time", false);
    ParamReader reader = file.forNode(namespace, "agent");
    SecurityParams security = SecurityParams.read(reader);
    return new NodeSpec(robotId + "_agent", namespace, simTime,
        AgentParams.read(reader, robotId), robotId, security);
  }

  /**
   * A node's validated configuration.
   *
   * @param name node name
   * @param namespace node namespace
   * @param useSimTime whether the node follows {@code /clock}
   * @param params the node's parameters record
   * @param identity who the node is in the security roster (a robot agent signs as its robot)
   * @param security the {@code security} section (issue #8); {@link SecurityParams#OFF} if absent
   * @param declared the parameters the node read, served to {@code ros2 param}
   */
  public record NodeSpec(String name, String namespace, boolean useSimTime, Record params,
      String identity, SecurityParams security, DeclaredParams declared) {

    /** A spec with security off, signing as its own name should it ever be turned on. */
    public NodeSpec(String name, String namespace, boolean useSimTime, Record params) {
      this(name, namespace, useSimTime, params, name, SecurityParams.OFF);
    }

    /** A spec that serves no parameters to {@code ros2 param}. */
    public NodeSpec(String name, String namespace, boolean useSimTime, Record params,
        String identity, SecurityParams security) {
      this(name, namespace, useSimTime, params, identity, security, DeclaredParams.NONE);
    }

    /**
     * @param simTime whether the node follows {@code /clock}
     * @return this spec with that clock
     */
    public NodeSpec withSimTime(boolean simTime) {
      return new NodeSpec(name, namespace, simTime, params, identity, security, declared);
    }

    /**
     * The bus to hand the node: the transport itself, or a {@link SecureBus} that signs and
     * checks as {@link #identity()} when security is on. Node logic never sees the difference.
     *
     * @param bus the transport
     * @param clock the node's clock
     * @return the bus for the node's {@link NodeContext}
     * @throws dev.flotilla.security.KeyDirException when the key directory is missing or unsafe
     */
    public Bus secure(Bus bus, NodeClock clock) {
      return security.secure(bus, identity, clock);
    }

    /**
     * @param ctx host services
     * @return the node, not started
     */
    public FlotillaNode create(NodeContext ctx) {
      return create(ctx, null);
    }

    /**
     * @param ctx host services
     * @param actions raw DDS endpoints for an agent's navigate_to_pose action, which stay
     *     unsigned even when the node's bus signs (Nav2 cannot sign); null: the node's bus
     * @return the node, not started
     */
    public FlotillaNode create(NodeContext ctx, ActionTransport actions) {
      if (params instanceof PlannerParams p) {
        return new PlannerNode(ctx, p).withParameters(NodeParameters.planner(name, declared));
      }
      if (params instanceof AllocatorParams p) {
        return new AllocatorNode(ctx, p).withParameters(NodeParameters.allocator(name, declared));
      }
      if (params instanceof AgentParams p) {
        return new RobotAgent(ctx, p, actions);
      }
      return new SynchronizerNode(ctx, (SynchronizerParams) params)
          .withParameters(NodeParameters.synchronizer(name, declared));
    }
  }

  /**
   * Starts a node on its own DDS participant and thread.
   *
   * @param spec validated node configuration
   * @param domainId ROS_DOMAIN_ID
   * @return the running node
   */
  public synchronized FlotillaNode start(NodeSpec spec, int domainId) {
    checkJournal(spec);
    DdsBus bus = new DdsBus(spec.name(), spec.namespace(), domainId, localhostOnly);
    buses.add(bus);
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "flotilla-" + spec.name());
      t.setDaemon(true);
      return t;
    });
    executors.add(executor);
    ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "flotilla-" + spec.name() + "-background");
      t.setDaemon(true);
      return t;
    });
    executors.add(background);
    NodeClock clock = spec.useSimTime() ? NodeClock.simulated(bus) : NodeClock.SYSTEM;
    Bus nodeBus = spec.secure(bus, clock);
    // Like every ROS 2 node, its log also goes to /rosout (unsigned, as rcl's is).
    RosoutHandler rosout = new RosoutHandler(bus, spec.name(), spec.namespace(), clock);
    Logger.getLogger("flotilla." + spec.name()).addHandler(rosout);
    rosoutHandlers.put("flotilla." + spec.name(), rosout);
    FlotillaNode node = spec.create(new NodeContext(spec.name(), spec.namespace(), nodeBus, clock,
        guarded(executor, spec.name()), guarded(background, spec.name())),
        ActionTransport.over(bus));
    try {
      executor.submit(node::start).get();
    } catch (Exception e) {
      if (e instanceof ExecutionException && e.getCause() instanceof JournalException j) {
        // One sentence naming the file; the CLI prints it without a trace (exit 2).
        throw j;
      }
      throw new IllegalStateException("Node " + spec.name() + " failed to start: "
          + e.getMessage(), e);
    }
    if (node.tickPeriod() > 0) {
      long micros = Math.round(node.tickPeriod() * 1e6);
      executor.scheduleAtFixedRate(guardedRunnable(node::tick, spec.name()), micros, micros,
          TimeUnit.MICROSECONDS);
    }
    if (nodeBus instanceof SecureBus secure) {
      secured.put(spec.name(), secure);
      // Once a second, as ROS 2's diagnostic_updater does by default.
      executor.scheduleAtFixedRate(guardedRunnable(secure::publishDiagnostics, spec.name()), 1, 1,
          TimeUnit.SECONDS);
    }
    nodes.add(node);
    return node;
  }

  /**
   * @param name a started node's name
   * @return its authenticating bus, when security is on (counters, costs, diagnostics)
   */
  public synchronized Optional<SecureBus> security(String name) {
    return Optional.ofNullable(secured.get(name));
  }

  private static Executor guarded(ExecutorService executor, String name) {
    return command -> {
      if (!executor.isShutdown()) {
        executor.execute(guardedRunnable(command, name));
      }
    };
  }

  /** A failing callback is logged and the node goes on: one bad message must not stop it. */
  private static Runnable guardedRunnable(Runnable command, String name) {
    return () -> {
      try {
        command.run();
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "Node " + name + ": a callback failed and was skipped: "
            + e.getMessage(), e);
      }
    };
  }

  /** @return the running nodes */
  public synchronized List<FlotillaNode> nodes() {
    return List.copyOf(nodes);
  }

  @Override
  public synchronized void close() {
    rosoutHandlers.forEach((logger, handler) -> {
      Logger.getLogger(logger).removeHandler(handler);
      handler.close();
    });
    rosoutHandlers.clear();
    for (FlotillaNode node : nodes) {
      node.close();
    }
    for (ScheduledExecutorService e : executors) {
      e.shutdown();
    }
    for (ScheduledExecutorService e : executors) {
      try {
        e.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
    }
    secured.values().forEach(SecureBus::close);
    secured.clear();
    for (Bus b : buses) {
      b.close();
    }
    executors.clear();
    buses.clear();
    nodes.clear();
  }
}
