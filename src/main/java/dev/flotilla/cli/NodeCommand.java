package dev.flotilla.cli;

import dev.flotilla.node.NodeHost;
import dev.flotilla.ros.StopSignals;
import dev.flotilla.ros.params.RosParamsFile;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code flotilla node planner|allocator|synchronizer}: runs one node until interrupted. */
@Command(name = "node", mixinStandardHelpOptions = true,
    description = "Run one Flotilla node (planner, allocator or synchronizer) over DDS.")
final class NodeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "NAME", description = "planner, allocator or synchronizer")
  String name;

  @Mixin RosOptions ros = new RosOptions();

  @Mixin JournalOptions journal = new JournalOptions();

  @Override
  public Integer call() throws Exception {
    LogSetup.configure(ros.verbose);
    UsageError.check(NodeHost.NODE_NAMES.contains(name), "Unknown node '" + name
        + "'; expected one of " + NodeHost.NODE_NAMES + ".");
    String ns = ros.checkedNamespace();
    NodeHost.NodeSpec spec =
        NodeHost.spec(name, RosParamsFile.load(HomePaths.resolve(ros.params)), ns);
    return runUntilInterrupted(host -> {
      host.recoverJournals(journal.recover);
      host.start(spec, ros.domain());
    });
  }

  /** Starts nodes, then blocks until SIGINT/SIGTERM, shutting down cleanly. */
  static int runUntilInterrupted(Consumer<NodeHost> starter)
      throws InterruptedException {
    NodeHost host = new NodeHost();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      host.close();
      stopped.countDown();
    }, "flotilla-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    StopSignals.exitZeroOnStop();
    try {
      starter.accept(host);
    } catch (RuntimeException e) {
      host.close();
      throw e;
    }
    System.err.println("flotilla: running; press Ctrl-C to stop.");
    stopped.await();
    return 0;
  }
}
