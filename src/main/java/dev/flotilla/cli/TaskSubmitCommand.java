package dev.flotilla.cli;

import dev.flotilla.cockpit.OperatorClient;
import dev.flotilla.cockpit.OperatorVerdict;
import dev.flotilla.cockpit.TaskSubmission;
import dev.flotilla.ros.NodeClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flotilla task submit}: one task to the planner, signed as the operator when security is
 * on; waits for the verdict. Bad input is refused before anything is sent.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
    description = "Submit a task and wait for the planner's verdict: a multi-robot task "
        + "(--at X,Y or --region NAME) or an LTL task (--formula). Exit 0 when accepted, 2 "
        + "otherwise.")
final class TaskSubmitCommand implements Callable<Integer> {
  @Mixin CommandIo io;
  @Mixin OperatorOptions fleet = new OperatorOptions();

  @Option(names = "--id", paramLabel = "ID",
      description = "Task id (letters, digits, '_', '.', '-'); generated and printed when "
          + "omitted.")
  String id;

  @Option(names = "--at", paramLabel = "X,Y", description = "Site in map, metres.")
  String at;

  @Option(names = "--region", paramLabel = "NAME", description = "A named region of the fleet.")
  String region;

  @Option(names = "--robots", paramLabel = "N", description = "Robots needed at once (1).")
  int robots = 1;

  @Option(names = "--utility", paramLabel = "R", description = "Base utility r_j, > 0 (100).")
  double utility = 100;

  @Option(names = "--decay", paramLabel = "MU", description = "Decay rate mu_j, 1/s (0.01).")
  double decay = 0.01;

  @Option(names = "--duration", paramLabel = "S", description = "Seconds of work (10).")
  double duration = 10;

  @Option(names = "--deadline", paramLabel = "T",
      description = "Absolute deadline, seconds on the fleet's clock, or +S from now on this "
          + "machine's clock (none).")
  String deadline;

  @Option(names = "--priority", paramLabel = "P", description = "Priority weight, >= 0 (0).")
  double priority;

  @Option(names = "--needs", paramLabel = "CAP", arity = "1..*", split = ",",
      description = "Capabilities every assigned robot must have.")
  List<String> needs = new ArrayList<>();

  @Option(names = "--formula", paramLabel = "LTL",
      description = "An sc-LTL formula over action_region propositions: an LTL task.")
  String formula;

  @Override
  public Integer call() throws Exception {
    LogSetup.configure(fleet.verbose);
    TaskSubmission task = task();
    boolean generated = id == null;
    var problem = task.problem();
    if (problem.isPresent()) {
      // Before joining DDS: nothing is sent for bad input.
      return VerdictPrinter.print(OperatorVerdict.of(OperatorVerdict.Outcome.INVALID, task.id(),
          problem.get()), "task " + task.id(), formula, io.out(), io.err());
    }
    try (OperatorOptions.Transport t = fleet.open();
        OperatorClient client = new OperatorClient(fleet.signing(t.bus()), fleet.namespace,
            fleet.identity, NodeClock.SYSTEM, fleet.timeouts(t))) {
      if (generated) {
        io.out().println("task id " + task.id());
      }
      OperatorVerdict v = client.submit(task);
      return VerdictPrinter.print(v, "task " + task.id(), formula, io.out(), io.err());
    }
  }

  private TaskSubmission task() {
    String taskId = id != null ? id : TaskSubmission.newId();
    int sites = (at != null ? 1 : 0) + (region != null ? 1 : 0) + (formula != null ? 1 : 0);
    if (sites != 1) {
      throw new UsageError("Give exactly one of --at X,Y or --region NAME (a multi-robot task) "
          + "and --formula LTL (an LTL task).");
    }
    if (formula != null) {
      return TaskSubmission.ltl(taskId, formula);
    }
    TaskSubmission base;
    if (at != null) {
      String[] xy = at.split(",", -1);
      double[] v = new double[2];
      if (xy.length != 2) {
        throw new UsageError("--at must be X,Y (two numbers), got '" + at + "'.");
      }
      for (int i = 0; i < 2; i++) {
        try {
          v[i] = Double.parseDouble(xy[i].strip());
        } catch (NumberFormatException e) {
          throw new UsageError("--at must be X,Y (two numbers), got '" + at + "'.");
        }
      }
      base = TaskSubmission.at(taskId, v[0], v[1]);
    } else {
      base = TaskSubmission.inRegion(taskId, region);
    }
    return base.withTerms(robots, utility, decay, duration, deadline(), priority, needs);
  }

  private double deadline() {
    if (deadline == null) {
      return 0;
    }
    try {
      return deadline.startsWith("+")
          ? NodeClock.SYSTEM.now() + Double.parseDouble(deadline.substring(1))
          : Double.parseDouble(deadline);
    } catch (NumberFormatException e) {
      throw new UsageError("--deadline must be seconds on the fleet's clock or +S, got '"
          + deadline + "'.");
    }
  }
}
