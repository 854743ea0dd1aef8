package dev.flotilla.cli;

import dev.flotilla.cockpit.FleetObserver;
import dev.flotilla.cockpit.FleetSnapshot;
import dev.flotilla.cockpit.RobotState;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One-shot views of a running fleet ({@code task list}, {@code fleet status}, {@code plan
 * show}).
 */
final class FleetView {
  private FleetView() {}

  /**
   * Joins the fleet, waits until it is heard and its history has arrived, and prints one view.
   *
   * @param fleet where the fleet is and how long to wait
   * @param io the command's streams
   * @param json whether to print JSON
   * @param text the view as text
   * @param asJson the view as JSON
   * @return exit code 0
   * @throws UsageError with a sentence naming the domain and namespace when nothing was heard
   */
  static int show(OperatorOptions fleet, CommandIo io, boolean json,
      Function<FleetSnapshot, String> text, Function<FleetSnapshot, String> asJson)
      throws InterruptedException {
    try (OperatorOptions.Transport t = fleet.open();
        FleetObserver observer = new FleetObserver(fleet.signing(t.bus()), fleet.namespace)) {
      FleetSnapshot s = await(fleet, t, observer);
      io.out().print(json ? asJson.apply(s) + "\n" : text.apply(s));
      io.out().flush();
      return 0;
    }
  }

  /**
   * @return the fleet's snapshot once heard and settled
   * @throws UsageError when nothing was heard within the timeout
   */
  static FleetSnapshot await(OperatorOptions o, OperatorOptions.Transport t,
      FleetObserver observer) throws InterruptedException {
    long deadline = System.nanoTime() + Math.round(o.timeout * 1e9);
    while (!observer.heard() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    if (!observer.heard()) {
      throw new UsageError(unreachable(o));
    }
    // The rest of the fleet's latched history (events, accepted tasks) arrives in a burst.
    Thread.sleep(t.settle().toMillis());
    // The latched plan may come later than the first heartbeat or event, and a robot's state
    // only with its next heartbeat or its latched events, the more so on a loaded machine: wait
    // for them a while (up to 5 s more, within the timeout), since a fleet that has a plan must
    // not be shown as having none, nor a robot that beats as unknown.
    long settleDeadline = Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
    while (!settled(observer.snapshot()) && System.nanoTime() < settleDeadline) {
      Thread.sleep(50);
    }
    return observer.snapshot();
  }

  /** @return whether the snapshot has a plan and every robot it names has been heard of */
  private static boolean settled(FleetSnapshot s) {
    return s.planVersion() > 0
        && s.robots().stream().noneMatch(r -> r.state() == RobotState.UNKNOWN);
  }

  static String unreachable(OperatorOptions o) {
    return String.format(Locale.ROOT, "No Flotilla fleet answered on %s within %.0f s (no "
        + "plan, event or heartbeat was heard). Is `flotilla up` running with the same "
        + "--domain-id and --namespace?", o.where(), o.timeout);
  }
}
