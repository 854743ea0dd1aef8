package dev.flotilla.cli;

import dev.flotilla.node.NodeHost;
import dev.flotilla.bench.NodeStatsReporter;
import dev.flotilla.ros.params.RosParamsFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flotilla bench fleet-node NAME}: one node for {@code bench fleet}, on loopback, printing
 * {@code flotilla-ready} once started and then its own CPU/heap status line every second.
 * Internal: {@code bench fleet} starts these.
 */
@Command(name = "fleet-node", hidden = true,
    description = "Internal: one node process of 'bench fleet', reporting its own resources.")
final class FleetNodeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "NAME") String name;

  @Option(names = "--params", required = true) Path params;

  @Option(names = "--domain-id", required = true) int domainId;

  @Override
  public Integer call() throws Exception {
    LogSetup.configure(false);
    NodeHost.NodeSpec spec = NodeHost.spec(name, RosParamsFile.load(params), "/");
    NodeHost host = new NodeHost(true);
    // Time the node's securing bus spends verifying (canonical encoding and replay check
    // included); -1 with security off.
    NodeStatsReporter stats = new NodeStatsReporter("flotilla-" + name, System.out,
        () -> host.security(name).map(b -> b.costs().verifyNanos()).orElse(-1L));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stats.close();
      host.close();
      stopped.countDown();
    }, "flotilla-shutdown"));
    host.start(spec, domainId);
    System.out.println("flotilla-ready " + name);
    stats.start();
    stopped.await();
    return 0;
  }
}
