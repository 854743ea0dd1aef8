package dev.flotilla.cli;

import picocli.CommandLine.Parameters;

/** Mixin: the sc-LTL formula an {@code flotilla ltl} subcommand reads, its first parameter. */
final class FormulaArgument {
  @Parameters(index = "0", paramLabel = "<formula>", description = "The sc-LTL formula.")
  String text;
}
