package dev.flotilla.cli;

import dev.flotilla.cockpit.OperatorClient;
import dev.flotilla.cockpit.OperatorVerdict;
import dev.flotilla.ros.NodeClock;
import java.util.function.Function;

/** One operator request on a fresh connection, its verdict printed: the commands' shared path. */
final class OperatorCalls {
  private OperatorCalls() {}

  /**
   * @param fleet where the fleet is, who signs
   * @param io the command's streams
   * @param what e.g. {@code cancel of t1}
   * @param request the request
   * @return the exit code
   */
  static int run(OperatorOptions fleet, CommandIo io, String what,
      Function<OperatorClient, OperatorVerdict> request) {
    try (OperatorOptions.Transport t = fleet.open();
        OperatorClient client = new OperatorClient(fleet.signing(t.bus()), fleet.namespace,
            fleet.identity, NodeClock.SYSTEM, fleet.timeouts(t))) {
      return VerdictPrinter.print(request.apply(client), what, null, io.out(), io.err());
    }
  }
}
