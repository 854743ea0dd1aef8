package dev.flotilla.cli;

import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** Mixin: the bag a {@code flotilla bag} subcommand reads, its first positional parameter. */
final class BagArgument {
  @Parameters(index = "0", paramLabel = "<bag>",
      description = "Bag directory or .mcap/.db3 file.")
  Path path;
}
