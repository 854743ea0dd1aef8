package dev.flotilla.cli;

import dev.flotilla.problem.OfflinePlan;
import dev.flotilla.problem.OfflinePlanner;
import dev.flotilla.problem.PlanJson;
import dev.flotilla.problem.PlanReport;
import dev.flotilla.problem.PlanText;
import dev.flotilla.problem.Problem;
import dev.flotilla.problem.ProblemException;
import dev.flotilla.problem.ProblemReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flotilla plan PROBLEM.yaml}: plans a problem file offline, without DDS, with the nodes'
 * algorithms and parameters (format: {@code docs/problem.md}). Bad input is one sentence naming
 * the file, line and field, exit code 2.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Plans a problem file offline (no DDS): a fleet, multi-robot tasks and LTL "
        + "formulas in, each robot's steps with times and roles out. Format: docs/problem.md. "
        + "`plan show` prints the running fleet's current plan instead.",
    subcommands = {PlanShowCommand.class})
public final class PlanCommand implements Callable<Integer> {

  @Mixin CommandIo io;

  @Parameters(index = "0", arity = "0..1", paramLabel = "PROBLEM",
      description = "The problem file (YAML).")
  Path file;

  @Option(names = "--json", description = "Print the plan as JSON instead of text.")
  boolean json;

  @Option(names = "--report", paramLabel = "FILE",
      description = "Also write the plan as a self-contained HTML report.")
  Path report;

  @Override
  public Integer call() {
    if (file == null) {
      return io.fail("flotilla plan: name a problem file (flotilla plan PROBLEM.yaml), or use "
          + "`flotilla plan show` for the running fleet's plan.");
    }
    OfflinePlan plan;
    try {
      Problem problem = ProblemReader.read(file);
      plan = OfflinePlanner.plan(problem);
    } catch (ProblemException e) {
      return io.fail("flotilla plan: " + e.getMessage());
    }
    io.out().print(json ? PlanJson.render(plan) : PlanText.render(plan));
    io.out().flush();
    if (report != null) {
      try {
        PlanReport.write(plan, report);
      } catch (IOException e) {
        return io.fail("flotilla plan: cannot write the report " + report + " ("
            + e.getMessage() + ").");
      }
      if (!json) {
        io.out().println("report               " + report);
        io.out().flush();
      }
    }
    return 0;
  }
}
