package dev.flotilla.cli;

import dev.flotilla.resume.CapabilityLambda;
import dev.flotilla.resume.DenseKinematicOracle;
import dev.flotilla.resume.HabitatMasEpisodes;
import dev.flotilla.resume.HabitatMasEpisodes.Episode;
import dev.flotilla.resume.HabitatMasEpisodes.Subgoal;
import dev.flotilla.resume.KinematicResumeGenerator;
import dev.flotilla.resume.Requirement;
import dev.flotilla.resume.ResumeParams;
import dev.flotilla.resume.RobotResume;
import dev.flotilla.urdf.UrdfException;
import dev.flotilla.urdf.UrdfParser;
import dev.flotilla.urdf.UrdfRobot;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flotilla bench resume}: a Habitat-MAS-style feasibility benchmark (seed 002, appendix A.2)
 * and the time per resume. Seeded episodes give subgoals (navigate, perceive, rearrange) to a mixed
 * fleet built from real URDFs; a subgoal succeeds when it goes to a robot that a dense kinematic
 * check of the URDF ({@link DenseKinematicOracle}) says can physically do it. Three allocations are
 * compared in the same run: argmax λ from the resumes, capability names only (the resume without
 * numbers, as in EMOS's "w/o numerical" ablation) and random; EMOS with GPT-4o is quoted from the
 * paper. Prints a table and writes a CSV.
 */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = "Habitat-MAS-style feasibility benchmark of robot resumes and time per resume.")
public final class ResumeBenchCommand implements Callable<Integer> {

  private static final double EMOS_EPISODE_SUCCESS = 37.82;
  private static final double EMOS_SUBGOAL_SUCCESS = 81.26;

  @Spec CommandSpec spec;

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

  private record Robot(String file, UrdfRobot urdf, RobotResume resume,
      DenseKinematicOracle oracle) {}

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (episodes < 1 || repeats < 1 || oracleSamples < 100) {
      err.println("flotilla bench resume: --episodes and --repeats must be >= 1, "
          + "--oracle-samples >= 100.");
      return 2;
    }
    Path dir = urdfDir != null ? urdfDir
        : Path.of(System.getProperty("flotilla.shared", "../shared"), "data", "urdf");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".urdf")).sorted().toList();
    } catch (IOException e) {
      err.println("flotilla bench resume: cannot list " + dir + ": " + e.getMessage());
      return 2;
    }
    if (files.isEmpty()) {
      err.println("flotilla bench resume: no .urdf file in " + dir);
      return 2;
    }
    ResumeParams params = ResumeParams.defaults();
    List<String> csv = new ArrayList<>();
    csv.add("section,name,metric,value");

    o.println("Time per resume (median of " + repeats + " after warm-up; baseline: the same "
        + "resume with " + oracleSamples + " samples)");
    o.printf(Locale.ROOT, "%-44s %4s %10s %10s %12s%n", "urdf", "dof", "wall ms", "cpu ms",
        "dense ms");
    List<Robot> pool = new ArrayList<>();
    for (Path f : files) {
      UrdfRobot urdf;
      String xml;
      try {
        xml = Files.readString(f);
        urdf = UrdfParser.parse(xml, f.toString());
      } catch (IOException | UrdfException e) {
        err.println("flotilla bench resume: " + e.getMessage());
        return 2;
      }
      String name = f.getFileName().toString();
      KinematicResumeGenerator gen = new KinematicResumeGenerator(params);
      RobotResume resume = gen.generate(name, urdf);
      double[] times = time(xml, name, params, repeats);
      double[] dense = time(xml, name, params.withWorkspaceSamples(oracleSamples),
          Math.max(1, repeats / 10));
      int dof = resume.manipulation().arms().stream().mapToInt(a -> a.dof()).max().orElse(0);
      o.printf(Locale.ROOT, "%-44s %4d %10.2f %10.2f %12.2f%n", name, dof, times[0], times[1],
          dense[0]);
      csv.add(row("time", name, "resume_wall_ms", times[0]));
      csv.add(row("time", name, "resume_cpu_ms", times[1]));
      csv.add(row("time", name, "dense_wall_ms", dense[0]));
      csv.add(row("time", name, "max_arm_dof", dof));
      if (resume.mobility().mobilityClass().isMobile()) {
        pool.add(new Robot(name, urdf, resume,
            new DenseKinematicOracle(urdf, resume, params, oracleSamples, seed + 1000)));
      }
    }
    if (pool.size() < fleetSize) {
      err.println("flotilla bench resume: only " + pool.size() + " mobile robots in " + dir
          + ", fewer than --fleet-size " + fleetSize);
      return 2;
    }
    feasibility(pool, o, csv);
    dev.flotilla.resume.ResumeAccuracy.Report accuracy;
    try {
      accuracy = dev.flotilla.resume.ResumeAccuracy.run(dir, params, 3);
    } catch (IOException e) {
      err.println("flotilla bench resume: " + e.getMessage());
      return 2;
    }
    java.io.StringWriter table = new java.io.StringWriter();
    dev.flotilla.resume.ResumeAccuracy.print(accuracy, new PrintWriter(table), csv);
    try {
      if (out.getParent() != null) {
        Files.createDirectories(out.getParent());
      }
      Files.write(out, csv);
    } catch (IOException e) {
      err.println("flotilla bench resume: cannot write " + out + ": " + e.getMessage());
      return 2;
    }
    o.println("CSV: " + out);
    o.print(table);
    o.flush();
    return 0;
  }

  /** Median wall and CPU milliseconds of parse + resume. */
  private static double[] time(String xml, String name, ResumeParams params, int n) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    KinematicResumeGenerator gen = new KinematicResumeGenerator(params);
    for (int i = 0; i < Math.min(10, n); i++) {
      gen.generate(name, UrdfParser.parse(xml, name));
    }
    double[] wall = new double[n];
    double[] cpu = new double[n];
    for (int i = 0; i < n; i++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      gen.generate(name, UrdfParser.parse(xml, name));
      wall[i] = (System.nanoTime() - t0) / 1e6;
      cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return new double[] {wall[n / 2], cpu[n / 2]};
  }

  private void feasibility(List<Robot> pool, PrintWriter o, List<String> csv) {
    HabitatMasEpisodes gen = new HabitatMasEpisodes(seed, pool.size(), fleetSize);
    SplittableRandom random = new SplittableRandom(seed + 7);
    String[] names = {"resume lambda (ours)", "capability names only", "random"};
    int[] episodeOk = new int[3];
    int[] subgoalOk = new int[3];
    int subgoals = 0;
    int rejected = 0;
    int valid = 0;
    int lambdaSaysYes = 0;
    int lambdaYesOracleYes = 0;
    int oracleYes = 0;
    int oracleYesLambdaYes = 0;
    while (valid < episodes) {
      Episode e = gen.next();
      List<Robot> fleet = e.fleet().stream().map(pool::get).toList();
      boolean solvable = true;
      for (Subgoal s : e.subgoals()) {
        solvable &= fleet.stream().anyMatch(r -> r.oracle().canDo(s.requirements()));
      }
      if (!solvable) {
        // As in Habitat-MAS episode validation (A.3.2): every subgoal must be doable by someone.
        rejected++;
        if (rejected > 100 * episodes) {
          break;
        }
        continue;
      }
      valid++;
      boolean[] all = {true, true, true};
      for (Subgoal s : e.subgoals()) {
        subgoals++;
        int[] pick = {byLambda(fleet, s), byNames(fleet, s), random.nextInt(fleet.size())};
        for (int k = 0; k < 3; k++) {
          boolean ok = fleet.get(pick[k]).oracle().canDo(s.requirements());
          subgoalOk[k] += ok ? 1 : 0;
          all[k] &= ok;
        }
        for (Robot r : fleet) {
          boolean yes = CapabilityLambda.lambda(r.resume(), s.requirements()) > 0;
          boolean truth = r.oracle().canDo(s.requirements());
          lambdaSaysYes += yes ? 1 : 0;
          lambdaYesOracleYes += yes && truth ? 1 : 0;
          oracleYes += truth ? 1 : 0;
          oracleYesLambdaYes += truth && yes ? 1 : 0;
        }
      }
      for (int k = 0; k < 3; k++) {
        episodeOk[k] += all[k] ? 1 : 0;
      }
    }
    o.println();
    o.printf(Locale.ROOT, "Feasibility: %d valid episodes (%d rejected as unsolvable), %d subgoals,"
        + " fleets of %d from %d mobile robots%n", valid, rejected, subgoals, fleetSize,
        pool.size());
    o.printf(Locale.ROOT, "%-34s %18s %18s%n", "allocation", "episode success %",
        "subgoal success %");
    for (int k = 0; k < 3; k++) {
      double ep = 100.0 * episodeOk[k] / Math.max(1, valid);
      double sg = 100.0 * subgoalOk[k] / Math.max(1, subgoals);
      o.printf(Locale.ROOT, "%-34s %18.2f %18.2f%n", names[k], ep, sg);
      csv.add(row("feasibility", names[k], "episode_success_pct", ep));
      csv.add(row("feasibility", names[k], "subgoal_success_pct", sg));
    }
    o.printf(Locale.ROOT, "%-34s %18.2f %18.2f%n", "EMOS GPT-4o (paper, not run here)",
        EMOS_EPISODE_SUCCESS, EMOS_SUBGOAL_SUCCESS);
    double precision = 100.0 * lambdaYesOracleYes / Math.max(1, lambdaSaysYes);
    double recall = 100.0 * oracleYesLambdaYes / Math.max(1, oracleYes);
    o.printf(Locale.ROOT, "lambda > 0 vs dense check over all (robot, subgoal) pairs: precision "
        + "%.2f %%, recall %.2f %%%n", precision, recall);
    csv.add(row("feasibility", "lambda_vs_dense", "precision_pct", precision));
    csv.add(row("feasibility", "lambda_vs_dense", "recall_pct", recall));
    csv.add(row("feasibility", "episodes", "valid", valid));
    csv.add(row("feasibility", "episodes", "rejected", rejected));
    csv.add(row("feasibility", "subgoals", "count", subgoals));
  }

  /** Argmax λ; the first robot on ties and when every λ is 0. */
  private static int byLambda(List<Robot> fleet, Subgoal s) {
    int best = 0;
    double bestL = -1;
    for (int i = 0; i < fleet.size(); i++) {
      double l = CapabilityLambda.lambda(fleet.get(i).resume(), s.requirements());
      if (l > bestL) {
        bestL = l;
        best = i;
      }
    }
    return best;
  }

  /**
   * The resume without numbers: a robot whose capability names cover the subgoal (grasp for
   * reaching, perceive for viewing, change_floors for other floors), fastest first.
   */
  private static int byNames(List<Robot> fleet, Subgoal s) {
    int best = 0;
    double bestSpeed = -1;
    for (int i = 0; i < fleet.size(); i++) {
      RobotResume r = fleet.get(i).resume();
      boolean covers = true;
      for (Requirement q : s.requirements().requirements()) {
        String needed =
            q instanceof Requirement.Reach ? "grasp"
                : q instanceof Requirement.View ? "perceive"
                : q instanceof Requirement.ChangeFloor ? "change_floors"
                : "navigate";
        covers &= r.capabilities().contains(needed);
      }
      double speed = covers ? r.mobility().maxSpeedMps() : -0.5;
      if (speed > bestSpeed) {
        bestSpeed = speed;
        best = i;
      }
    }
    return best;
  }

  private static String row(String section, String name, String metric, double value) {
    return section + "," + name + "," + metric + "," + String.format(Locale.ROOT, "%.4f", value);
  }
}
