package dev.flotilla.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flotilla dashboard}: the browser dashboard joined to a running fleet, until interrupted
 * (Ctrl-C, or an interrupt of the calling thread in tests). It waits for a fleet that is not there
 * yet rather than exiting; the page says so.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
    description = "Serve a live browser dashboard of a running fleet: map, plan, events, robots "
        + "and tasks, with forms to submit and cancel tasks and pause or resume robots. Ctrl-C "
        + "ends it.")
final class DashboardCommand implements Callable<Integer> {
  @Mixin CommandIo io;
  @Mixin OperatorOptions fleet = new OperatorOptions();

  @Option(names = "--port", paramLabel = "PORT", required = true,
      description = "TCP port of the page (0: any free one, printed).")
  int port;

  @Option(names = "--bind", paramLabel = "ADDR",
      description = "Address to listen on (default " + DashboardLauncher.DEFAULT_BIND
          + ", this machine only; 0.0.0.0 lets any host reach the page and command the fleet).")
  String bind = DashboardLauncher.DEFAULT_BIND;

  @Override
  public Integer call() throws Exception {
    LogSetup.configure(fleet.verbose);
    CountDownLatch stopped = new CountDownLatch(1);
    DashboardLauncher.Running running = DashboardLauncher.start(fleet, port, bind, io.err());
    Thread hook = new Thread(() -> {
      running.close();
      stopped.countDown();
    }, "flotilla-dashboard-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      io.out().println("flotilla: dashboard of " + fleet.where() + " at " + running.url()
          + " ; press Ctrl-C to stop.");
      io.out().flush();
      stopped.await();
      return 0;
    } finally {
      running.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Shutting down already.
      }
    }
  }
}
