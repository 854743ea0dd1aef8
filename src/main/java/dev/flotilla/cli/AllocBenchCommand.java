package dev.flotilla.cli;

import dev.flotilla.alloc.ExhaustiveAllocator;
import dev.flotilla.bench.AllocBenchmark;
import dev.flotilla.bench.AllocBenchmark.Row;
import dev.flotilla.bench.TableWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flotilla bench alloc}: the figures of §4 of seed 001 (Figs. 5–9) against enumeration,
 * the scaling table against the greedy baseline, and seed 000's event-triggered rebalancing
 * against re-planning at every event, all measured in one run. Prints a table, writes a CSV.
 */
@Command(
    name = "alloc",
    mixinStandardHelpOptions = true,
    description = "Benchmarks potential-game allocation (seed 001 Figs. 5-9, scaling, "
        + "reallocation) and event-triggered rebalancing (seed 000).")
public final class AllocBenchCommand implements Callable<Integer> {

  @Mixin CommandIo io;

  @Option(names = "--out", description = "CSV output path (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("out", "bench", "alloc.csv");

  @Option(names = "--instances", description = "Seeded instances per figure point "
      + "(default: ${DEFAULT-VALUE}, as in the paper).")
  int instances = 50;

  @Option(names = "--seed", description = "Base random seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--cell-budget", description = "Seconds allowed per figure point or scaling "
      + "cell; a figure point stops early and reports how many instances ran; a scaling "
      + "allocation exceeding it is abandoned, and larger cells of the same fleet size are "
      + "skipped (default: ${DEFAULT-VALUE}).")
  double cellBudget = 15;

  @Option(names = "--robots", split = ",", description = "Scaling: fleet sizes "
      + "(default: ${DEFAULT-VALUE}).")
  List<Integer> robots = List.of(10, 100, 1000);

  @Option(names = "--tasks", split = ",", description = "Scaling: task counts "
      + "(default: ${DEFAULT-VALUE}).")
  List<Integer> tasks = List.of(10, 100, 500);

  @Option(names = "--need", split = ",", description = "Scaling: N_j values "
      + "(default: ${DEFAULT-VALUE}).")
  List<Integer> needs = List.of(1, 2, 3);

  @Option(names = "--fig7-max-tasks", description = "Fig. 7: largest m "
      + "(default: ${DEFAULT-VALUE}).")
  int fig7MaxTasks = 6;

  @Option(names = "--fig8-max-robots", description = "Fig. 8: largest n (default: "
      + "${DEFAULT-VALUE}).")
  int fig8MaxRobots = 8;

  @Option(names = "--target", description = "Extra scaling cell n,m,N checked against the issue's "
      + "targets, or 'none' (default: ${DEFAULT-VALUE}).")
  String target = "100,50,2";

  @Option(names = "--speed-budget", description = "Seconds allowed per run of the speed "
      + "section; the reference mode at 1000 x 500 over it is abandoned and its ratio shown as a "
      + "lower bound (default: ${DEFAULT-VALUE}).")
  double speedBudget = 180;

  @Option(names = "--speed-sizes", split = ",", description = "Speed section: n:m cells, "
      + "reference vs fast mode (default: ${DEFAULT-VALUE}, the issue's targets).")
  List<String> speedSizes = List.of("1000:500", "100:50");

  @Option(names = "--quality-instances", description = "Instances of the tight-deadline set "
      + "in the quality section (default: ${DEFAULT-VALUE}).")
  int qualityInstances = 200;

  @Option(names = "--sections", split = ",", description = "Sections to run: fig5, fig7, fig8, "
      + "scaling, rebalance, speed, quality (default: all).")
  List<String> sections = AllocBenchmark.SECTIONS;

  @Override
  public Integer call() {
    int[] cell = validate();
    TableWriter table = io.table();
    List<Row> rows = new AllocBenchmark(new AllocBenchmark.Settings(instances, seed, cellBudget,
        robots, tasks, needs, fig7MaxTasks, fig8MaxRobots, cell, sections, speedBudget,
        qualityInstances, speedCells())).run(table);
    try {
      TableWriter.writeCsv(out, AllocBenchmark.CSV_HEADER, rows);
    } catch (IOException e) {
      return io.fail("Cannot write --out " + out + ": " + e.getMessage());
    }
    table.printf("CSV written to %s%n", out);
    return 0;
  }

  /** @return the target cell, null for none */
  private int[] validate() {
    int[] cell = target.equals("none") ? null : targetCell();
    io.require(instances >= 1, "--instances must be >= 1.");
    io.require(fig7MaxTasks >= 1 && fig7MaxTasks <= ExhaustiveAllocator.MAX_TASKS,
        "--fig7-max-tasks must be in [1, " + ExhaustiveAllocator.MAX_TASKS + "].");
    io.require(fig8MaxRobots >= 2 && fig8MaxRobots <= ExhaustiveAllocator.MAX_ROBOTS,
        "--fig8-max-robots must be in [2, " + ExhaustiveAllocator.MAX_ROBOTS + "].");
    io.require(cellBudget > 0, "--cell-budget must be > 0 s.");
    io.require(speedBudget > 0 && speedBudget <= 3600, "--speed-budget must be in (0, 3600] s.");
    io.require(qualityInstances >= 1 && qualityInstances <= 100_000,
        "--quality-instances must be in [1, 100000].");
    for (String s : sections) {
      io.require(AllocBenchmark.SECTIONS.contains(s), "--sections: unknown section '" + s
          + "' (expected fig5, fig7, fig8, scaling, rebalance).");
    }
    io.require(robots.stream().allMatch(v -> v >= 1), "--robots: sizes must be >= 1.");
    io.require(tasks.stream().allMatch(v -> v >= 1), "--tasks: counts must be >= 1.");
    io.require(needs.stream().allMatch(v -> v >= 1), "--need: values must be >= 1.");
    return cell;
  }

  private List<int[]> speedCells() {
    List<int[]> cells = new ArrayList<>();
    for (String text : speedSizes) {
      String[] parts = text.split(":");
      int[] cell = null;
      try {
        cell = parts.length == 2
            ? new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())}
            : null;
      } catch (NumberFormatException e) {
        cell = null;
      }
      io.require(cell != null && cell[0] >= 1 && cell[1] >= 1 && cell[0] <= 100_000
          && cell[1] <= 10_000, "--speed-sizes: each cell must be n:m with 1 <= n <= 100000 and "
          + "1 <= m <= 10000, got '" + text + "'.");
      cells.add(cell);
    }
    return cells;
  }

  private int[] targetCell() {
    int[] cell = parseCell(target);
    io.require(cell != null,
        "--target must be 'n,m,N' with positive integers or 'none', got '" + target + "'.");
    return cell;
  }

  /** @return {n, m, N} from "n,m,N" with positive integers, or null */
  private static int[] parseCell(String text) {
    String[] parts = text.split(",");
    if (parts.length != 3) {
      return null;
    }
    int[] cell = new int[3];
    try {
      for (int k = 0; k < 3; k++) {
        cell[k] = Integer.parseInt(parts[k].trim());
        if (cell[k] < 1) {
          return null;
        }
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return cell;
  }
}
