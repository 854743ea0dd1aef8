package dev.flotilla.cli;

import dev.flotilla.node.NodeHost;
import dev.flotilla.ros.params.RosParamsFile;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flotilla up}: planner, allocator and synchronizer in one process. */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Run the planner, allocator and synchronizer in one process over DDS.")
final class UpCommand implements Callable<Integer> {
  @Mixin RosOptions ros = new RosOptions();

  @Mixin JournalOptions journal = new JournalOptions();

  @Option(names = "--dashboard", paramLabel = "PORT",
      description = "Also serve the browser dashboard on this port (see `flotilla dashboard`).")
  Integer dashboard;

  @Option(names = "--dashboard-bind", paramLabel = "ADDR",
      description = "Address the dashboard listens on (default "
          + DashboardLauncher.DEFAULT_BIND + ", this machine only).")
  String dashboardBind = DashboardLauncher.DEFAULT_BIND;

  @Override
  public Integer call() throws Exception {
    LogSetup.configure(ros.verbose);
    String ns = ros.checkedNamespace();
    RosParamsFile file = RosParamsFile.load(HomePaths.resolve(ros.params));
    // Validate all three before starting any, so a bad file starts nothing.
    List<NodeHost.NodeSpec> specs = List.of(NodeHost.spec("synchronizer", file, ns),
        NodeHost.spec("allocator", file, ns), NodeHost.spec("planner", file, ns));
    int domain = ros.domain();
    if (dashboard != null) {
      startDashboard(ns, domain);
    }
    return NodeCommand.runUntilInterrupted(host -> {
      host.recoverJournals(journal.recover);
      // Every journal first, so a damaged one starts nothing.
      specs.forEach(host::checkJournal);
      specs.forEach(s -> host.start(s, domain));
    });
  }

  /** The dashboard first, so a busy port or a missing operator key starts no node. */
  private void startDashboard(String ns, int domain) {
    OperatorOptions fleet = new OperatorOptions();
    fleet.domainId = domain;
    fleet.namespace = ns;
    fleet.params = ros.params;
    PrintWriter err = new PrintWriter(System.err, true);
    DashboardLauncher.Running running = DashboardLauncher.start(fleet, dashboard, dashboardBind,
        err);
    Runtime.getRuntime().addShutdownHook(new Thread(running::close, "flotilla-dashboard-stop"));
    err.println("flotilla: dashboard at " + running.url());
  }
}
