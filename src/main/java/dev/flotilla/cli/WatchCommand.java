package dev.flotilla.cli;

import dev.flotilla.cockpit.FleetObserver;
import dev.flotilla.cockpit.FleetSnapshot;
import dev.flotilla.cockpit.SnapshotText;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flotilla watch}: a live terminal view of a running fleet that redraws in place — fleet
 * table, plan per robot, last events — until interrupted (a person can leave it open). It waits
 * for a fleet that is not there yet rather than exiting.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
    description = "Live view of a running fleet, redrawn in place: fleet table, plan per robot, "
        + "last events. Ctrl-C ends it.")
final class WatchCommand implements Callable<Integer> {
  @Mixin CommandIo io;
  @Mixin OperatorOptions fleet = new OperatorOptions();

  @Option(names = "--interval", paramLabel = "S",
      description = "Seconds between redraws when nothing changes (1); changes redraw at once, "
          + "at most 5 times a second.")
  double interval = 1;

  @Option(names = "--events", paramLabel = "N", description = "Events shown (12).")
  int events = 12;

  @Option(names = "--count", paramLabel = "N",
      description = "Stop after N redraws (0: never; for scripts and tests).")
  int count;

  @Override
  public Integer call() throws Exception {
    LogSetup.configure(fleet.verbose);
    if (!Double.isFinite(interval) || interval < 0.2 || interval > 3600) {
      throw new UsageError("--interval must be within 0.2..3600 seconds, got " + interval + ".");
    }
    if (events < 0 || events > 200 || count < 0) {
      throw new UsageError("--events must be within 0..200 and --count >= 0.");
    }
    AtomicBoolean changed = new AtomicBoolean(true);
    try (OperatorOptions.Transport t = fleet.open();
        FleetObserver observer = new FleetObserver(fleet.signing(t.bus()), fleet.namespace);
        AutoCloseable l = observer.addListener(s -> changed.set(true))) {
      long intervalNanos = Math.round(interval * 1e9);
      long last = 0;
      for (int drawn = 0; count == 0 || drawn < count; ) {
        long now = System.nanoTime();
        if (changed.getAndSet(false) || now - last >= intervalNanos) {
          last = now;
          drawn++;
          io.out().print(screen(observer.snapshot(), observer.heard()));
          io.out().flush();
        }
        Thread.sleep(200);
      }
      return 0;
    }
  }

  private String screen(FleetSnapshot s, boolean heard) {
    String header = String.format(Locale.ROOT, "flotilla watch · %s · %s UTC%s", fleet.where(),
        Instant.now().toString().substring(11, 19),
        heard ? "" : " · waiting for the fleet (nothing heard yet)");
    return SnapshotText.screen(s, header, events);
  }
}
