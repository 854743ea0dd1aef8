/**
 * The {@code flotilla} command line: picocli commands that parse and check their options, call a
 * node, simulator, bag tool or benchmark, and print through its writer. Shared option and output
 * pieces are mixins ({@link dev.flotilla.cli.CommandIo}, {@link dev.flotilla.cli.RosOptions},
 * {@link dev.flotilla.cli.DdsOptions}, {@link dev.flotilla.cli.BagArgument}, …); bad input is a
 * {@link dev.flotilla.cli.UsageError} or a {@code CommandIo.fail}: one sentence, exit code 2.
 *
 * <p>The top layer: it may depend on every other Flotilla package; none may depend on it.
 */
package dev.flotilla.cli;
