package dev.flotilla.cli;

import picocli.CommandLine.Option;

/** Mixin: {@code -v/--verbose} of commands that run the nodes in-process and hide their log. */
final class NodeLogOption {
  @Option(names = {"-v", "--verbose"}, description = "Show the nodes' log.")
  boolean verbose;
}
