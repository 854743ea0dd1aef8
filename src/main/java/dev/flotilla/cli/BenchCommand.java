package dev.flotilla.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code flotilla bench …}: benchmarks that print a table and write a CSV, each with a baseline
 * measured in the same run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks (figures and ratios against a baseline measured in the same run).",
    subcommands = {FailoverBenchCommand.class, AllocBenchCommand.class, BagBenchCommand.class,
        ResumeBenchCommand.class, LtlCompileBenchCommand.class,
        LtlBenchCommand.class, SecurityBenchCommand.class, FleetBenchCommand.class,
        FleetNodeCommand.class})
final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
