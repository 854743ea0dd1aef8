package dev.flotilla.cli;

import dev.flotilla.bench.CsvRow;
import dev.flotilla.bench.ResumeBenchmark;
import dev.flotilla.bench.ResumeBenchmark.Figure;
import dev.flotilla.bench.TableWriter;
import dev.flotilla.resume.ResumeAccuracy;
import dev.flotilla.resume.ResumeParams;
import dev.flotilla.urdf.UrdfException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flotilla bench resume}: the Habitat-MAS-style feasibility benchmark of robot resumes and
 * the time per resume ({@link ResumeBenchmark}); prints a table and writes a CSV.
 */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = "Habitat-MAS-style feasibility benchmark of robot resumes and time per resume.")
public final class ResumeBenchCommand implements Callable<Integer> {

  @Mixin CommandIo io;

  @Option(names = "--urdf-dir", description = "Directory of .urdf files (default: shared data).")
  Path urdfDir;

  @Option(names = "--episodes", defaultValue = "500", description = "Valid episodes to run.")
  int episodes;

  @Option(names = "--fleet-size", defaultValue = "3", description = "Robots per episode.")
  int fleetSize;

  @Option(names = "--seed", defaultValue = "1", description = "Episode seed.")
  long seed;

  @Option(names = "--oracle-samples", defaultValue = "40000",
      description = "Dense samples per arm for the ground truth.")
  int oracleSamples;

  @Option(names = "--repeats", defaultValue = "20", description = "Timed resumes per URDF.")
  int repeats;

  @Option(names = "--out", defaultValue = "out/bench/resume.csv", description = "CSV output.")
  Path out;

  @Override
  public Integer call() {
    if (episodes < 1 || repeats < 1 || oracleSamples < 100) {
      return fail("--episodes and --repeats must be >= 1, --oracle-samples >= 100.");
    }
    Path dir = urdfDir != null ? urdfDir
        : Path.of(System.getProperty("flotilla.shared", "../shared"), "data", "urdf");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".urdf")).sorted().toList();
    } catch (IOException e) {
      return fail("cannot list " + dir + ": " + e.getMessage());
    }
    if (files.isEmpty()) {
      return fail("no .urdf file in " + dir);
    }
    ResumeBenchmark bench = new ResumeBenchmark(new ResumeBenchmark.Settings(files, episodes,
        fleetSize, seed, oracleSamples, repeats));
    TableWriter table = io.table();
    List<Figure> figures = new ArrayList<>();
    try {
      figures.addAll(bench.timeResumes(table));
    } catch (IOException | UrdfException e) {
      return fail(e.getMessage());
    }
    if (bench.mobileRobots() < fleetSize) {
      return fail("only " + bench.mobileRobots() + " mobile robots in " + dir
          + ", fewer than --fleet-size " + fleetSize);
    }
    figures.addAll(bench.feasibility(table));
    ResumeAccuracy.Report accuracy;
    try {
      accuracy = ResumeAccuracy.run(dir, ResumeParams.defaults(), 3);
    } catch (IOException e) {
      return fail(e.getMessage());
    }
    StringWriter accuracyTable = new StringWriter();
    List<String> accuracyCsv = new ArrayList<>();
    ResumeAccuracy.print(accuracy, new PrintWriter(accuracyTable), accuracyCsv);
    List<CsvRow> rows = new ArrayList<>(figures);
    for (String line : accuracyCsv) {
      rows.add(() -> line);
    }
    try {
      TableWriter.writeCsv(out, ResumeBenchmark.CSV_HEADER, rows);
    } catch (IOException e) {
      return fail("cannot write " + out + ": " + e.getMessage());
    }
    table.println("CSV: " + out);
    String accuracyText = accuracyTable.toString();
    if (!accuracyText.isEmpty()) {
      table.println(accuracyText.stripTrailing());
    }
    return 0;
  }

  private int fail(String message) {
    return io.fail("flotilla bench resume: " + message);
  }
}
