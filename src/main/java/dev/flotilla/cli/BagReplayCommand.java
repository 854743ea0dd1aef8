package dev.flotilla.cli;

import dev.flotilla.bag.BagReader;
import dev.flotilla.sim.replay.ReplayHarness;
import dev.flotilla.sim.replay.ReplayResult;
import dev.flotilla.ros.params.ParamsException;
import dev.flotilla.ros.params.RosParamsFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flotilla bag replay <bag> --params FILE [-o out.jsonl]}: feeds a recorded session
 * through the planner, allocator and synchronizer in simulated time, without DDS, and prints the
 * {@code Allocation}/{@code Reassignment} stream as JSON lines. The same bag and parameters give
 * the same bytes. Exit code 2 on a missing or damaged bag or invalid parameters.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay a bag through the node logic in simulated time (no DDS) and print the "
        + "allocations and reassignments as JSON lines; deterministic.")
final class BagReplayCommand implements Callable<Integer> {
  @Mixin CommandIo io;

  @Mixin BagArgument bag;

  @Option(names = {"-p", "--params"}, required = true, paramLabel = "FILE",
      description = "The nodes' ROS 2 parameter YAML.")
  Path params;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the JSON lines here (default: standard output).")
  Path output;

  @Option(names = "--namespace", paramLabel = "NS",
      description = "Namespace of the session's fleet topics (default /).")
  String namespace = "/";

  @Option(names = "--tail", paramLabel = "SECONDS",
      description = "Simulated seconds to keep ticking after the last message (default 0).")
  double tail;

  @Mixin NodeLogOption log;

  @Override
  public Integer call() {
    PrintWriter out = io.out();
    Logger nodes = Logger.getLogger("flotilla");
    Level before = nodes.getLevel();
    if (!log.verbose) {
      nodes.setLevel(Level.WARNING);
    }
    if (!(tail >= 0 && tail <= 86_400)) {
      return io.fail(new IllegalArgumentException(
          "--tail must be within 0..86400 s, got " + tail + "."));
    }
    try (BagReader reader = BagReader.open(bag.path)) {
      if (!Files.isRegularFile(params)) {
        throw new IOException("--params: " + params + " does not exist or is not a file");
      }
      ReplayHarness harness = new ReplayHarness(RosParamsFile.load(params), namespace, tail);
      ReplayResult r = harness.replay(reader);
      if (output == null) {
        out.print(r.text());
        out.flush();
        return 0;
      }
      Files.writeString(output, r.text(), StandardCharsets.UTF_8);
      out.printf(Locale.ROOT, "%d lines written to %s (%.3f s simulated, %d ticks)%n",
          r.lines().size(), output, (r.endNanos() - r.startNanos()) / 1e9, r.ticks());
      for (Map.Entry<String, Long> e : r.fed().entrySet()) {
        out.printf(Locale.ROOT, "  fed     %8d  %s%n", e.getValue(), e.getKey());
      }
      for (Map.Entry<String, Long> e : r.skipped().entrySet()) {
        out.printf(Locale.ROOT, "  skipped %8d  %s%n", e.getValue(), e.getKey());
      }
      out.flush();
      return 0;
    } catch (IOException | ParamsException | IllegalArgumentException e) {
      return io.fail(e);
    } catch (UncheckedIOException e) {
      return io.fail(e.getCause());
    } finally {
      nodes.setLevel(before);
    }
  }
}
