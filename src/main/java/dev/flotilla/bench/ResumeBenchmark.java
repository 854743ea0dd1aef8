package dev.flotilla.bench;

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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A Habitat-MAS-style feasibility benchmark (seed 002, appendix A.2) and the time per resume.
 * Seeded episodes give subgoals (navigate, perceive, rearrange) to a mixed fleet built from real
 * URDFs; a subgoal succeeds when it goes to a robot that a dense kinematic check of the URDF
 * ({@link DenseKinematicOracle}) says can physically do it. Three allocations are compared in the
 * same run: argmax λ from the resumes, capability names only (the resume without numbers, as in
 * EMOS's "w/o numerical" ablation) and random; EMOS with GPT-4o is quoted from the paper.
 */
public final class ResumeBenchmark {
  /** Header of the CSV of {@link Figure#csv()} lines. */
  public static final String CSV_HEADER = "section,name,metric,value";

  private static final double EMOS_EPISODE_SUCCESS = 37.82;
  private static final double EMOS_SUBGOAL_SUCCESS = 81.26;

  /**
   * What to run.
   *
   * @param urdfFiles the robots, at least one
   * @param episodes valid episodes to run, &ge; 1
   * @param fleetSize robots per episode
   * @param seed episode seed
   * @param oracleSamples dense samples per arm for the ground truth (and the timing baseline)
   * @param repeats timed resumes per URDF, &ge; 1
   */
  public record Settings(List<Path> urdfFiles, int episodes, int fleetSize, long seed,
      int oracleSamples, int repeats) {}

  /**
   * One reported figure.
   *
   * @param section {@code time} or {@code feasibility}
   * @param name the URDF file, allocation or count it is about
   * @param metric what was measured
   * @param value its value
   */
  public record Figure(String section, String name, String metric, double value) implements CsvRow {
    /** @return the CSV line, the value with four decimals */
    @Override
    public String csv() {
      return section + "," + name + "," + metric + ","
          + String.format(Locale.ROOT, "%.4f", value);
    }
  }

  private record Robot(String file, UrdfRobot urdf, RobotResume resume,
      DenseKinematicOracle oracle) {}

  private final Settings settings;
  private final ResumeParams params = ResumeParams.defaults();
  private final List<Robot> pool = new ArrayList<>();

  /** @param settings what to run */
  public ResumeBenchmark(Settings settings) {
    this.settings = settings;
  }

  /**
   * Times the resume of every URDF against the dense baseline, and keeps the mobile robots for
   * {@link #feasibility}.
   *
   * @param o where the table goes
   * @return the figures of the section
   * @throws IOException when a URDF cannot be read
   * @throws UrdfException when a URDF does not parse
   */
  public List<Figure> timeResumes(TableWriter o) throws IOException {
    int repeats = settings.repeats();
    int oracleSamples = settings.oracleSamples();
    List<Figure> csv = new ArrayList<>();
    o.println("Time per resume (median of " + repeats + " after warm-up; baseline: the same "
        + "resume with " + oracleSamples + " samples)");
    o.printf("%-44s %4s %10s %10s %12s%n", "urdf", "dof", "wall ms", "cpu ms", "dense ms");
    for (Path f : settings.urdfFiles()) {
      String xml = Files.readString(f);
      UrdfRobot urdf = UrdfParser.parse(xml, f.toString());
      String name = f.getFileName().toString();
      KinematicResumeGenerator gen = new KinematicResumeGenerator(params);
      RobotResume resume = gen.generate(name, urdf);
      double[] times = time(xml, name, params, repeats);
      double[] dense = time(xml, name, params.withWorkspaceSamples(oracleSamples),
          Math.max(1, repeats / 10));
      int dof = resume.manipulation().arms().stream().mapToInt(a -> a.dof()).max().orElse(0);
      o.printf("%-44s %4d %10.2f %10.2f %12.2f%n", name, dof, times[0], times[1], dense[0]);
      csv.add(new Figure("time", name, "resume_wall_ms", times[0]));
      csv.add(new Figure("time", name, "resume_cpu_ms", times[1]));
      csv.add(new Figure("time", name, "dense_wall_ms", dense[0]));
      csv.add(new Figure("time", name, "max_arm_dof", dof));
      if (resume.mobility().mobilityClass().isMobile()) {
        pool.add(new Robot(name, urdf, resume,
            new DenseKinematicOracle(urdf, resume, params, oracleSamples, settings.seed() + 1000)));
      }
    }
    return csv;
  }

  /** @return the mobile robots {@link #timeResumes} found, the pool episodes draw fleets from */
  public int mobileRobots() {
    return pool.size();
  }

  /** Upper-median wall and CPU milliseconds of parse + resume. */
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
    return new double[] {Statistics.upperMedian(wall), Statistics.upperMedian(cpu)};
  }

  /**
   * Runs the feasibility episodes on the mobile robots of {@link #timeResumes}: seeded fleets of
   * {@code fleetSize}, each subgoal allocated three ways and checked by the dense oracle.
   *
   * @param o where the table goes
   * @return the figures of the section
   */
  public List<Figure> feasibility(TableWriter o) {
    List<Figure> csv = new ArrayList<>();
    int episodes = settings.episodes();
    int fleetSize = settings.fleetSize();
    long seed = settings.seed();
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
    o.printf("Feasibility: %d valid episodes (%d rejected as unsolvable), %d subgoals,"
        + " fleets of %d from %d mobile robots%n", valid, rejected, subgoals, fleetSize,
        pool.size());
    o.printf("%-34s %18s %18s%n", "allocation", "episode success %",
        "subgoal success %");
    for (int k = 0; k < 3; k++) {
      double ep = 100.0 * episodeOk[k] / Math.max(1, valid);
      double sg = 100.0 * subgoalOk[k] / Math.max(1, subgoals);
      o.printf("%-34s %18.2f %18.2f%n", names[k], ep, sg);
      csv.add(new Figure("feasibility", names[k], "episode_success_pct", ep));
      csv.add(new Figure("feasibility", names[k], "subgoal_success_pct", sg));
    }
    o.printf("%-34s %18.2f %18.2f%n", "EMOS GPT-4o (paper, not run here)",
        EMOS_EPISODE_SUCCESS, EMOS_SUBGOAL_SUCCESS);
    double precision = 100.0 * lambdaYesOracleYes / Math.max(1, lambdaSaysYes);
    double recall = 100.0 * oracleYesLambdaYes / Math.max(1, oracleYes);
    o.printf("lambda > 0 vs dense check over all (robot, subgoal) pairs: precision "
        + "%.2f %%, recall %.2f %%%n", precision, recall);
    csv.add(new Figure("feasibility", "lambda_vs_dense", "precision_pct", precision));
    csv.add(new Figure("feasibility", "lambda_vs_dense", "recall_pct", recall));
    csv.add(new Figure("feasibility", "episodes", "valid", valid));
    csv.add(new Figure("feasibility", "episodes", "rejected", rejected));
    csv.add(new Figure("feasibility", "subgoals", "count", subgoals));
    return csv;
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
}
