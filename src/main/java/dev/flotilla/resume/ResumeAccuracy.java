package dev.flotilla.resume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.urdf.UrdfParser;
import dev.flotilla.urdf.UrdfRobot;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accuracy of resumes against hand-written labels (issue #13): per-field accuracy (mobility class
 * and the counts of {@link ResumeFacts}), a confusion matrix of mobility classes and the time per
 * resume (parse + resume; median and maximum over the robots). Labels come from
 * {@code <urdf dir>/extra/labels.json} and, for the URDFs directly in the directory, from the
 * bundled {@code shared_urdf_labels.json} (one source note per robot). A null label is not
 * scored.
 */
public final class ResumeAccuracy {

  /**
   * One labelled robot.
   *
   * @param file path relative to the URDF directory, e.g. {@code extra/solo_12.urdf}
   * @param label the label object (fields of {@link ResumeFacts#FIELDS})
   */
  public record Labelled(String file, JsonNode label) {}

  /**
   * The outcome.
   *
   * @param correct per field, robots whose value matched
   * @param scored per field, robots with a label for it
   * @param confusion true class → computed class → count
   * @param medianMs median time per resume, ms
   * @param maxMs slowest resume, ms
   * @param mismatches one line per wrong field
   */
  public record Report(Map<String, Integer> correct, Map<String, Integer> scored,
      Map<String, Map<String, Integer>> confusion, double medianMs, double maxMs,
      List<String> mismatches) {}

  private ResumeAccuracy() {}

  /**
   * Loads every label for a URDF directory.
   *
   * @param urdfDir the shared URDF directory
   * @return labelled robots, sorted by file
   */
  public static List<Labelled> labels(Path urdfDir) {
    Map<String, JsonNode> out = new TreeMap<>();
    ObjectMapper m = new ObjectMapper();
    try (InputStream in = ResumeAccuracy.class.getResourceAsStream("shared_urdf_labels.json")) {
      put(out, "", m.readTree(in));
      Path extra = urdfDir.resolve("extra").resolve("labels.json");
      if (Files.isRegularFile(extra)) {
        put(out, "extra/", m.readTree(Files.readString(extra)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Labelled> list = new ArrayList<>();
    out.forEach((f, l) -> {
      if (Files.isRegularFile(urdfDir.resolve(f))) {
        list.add(new Labelled(f, l));
      }
    });
    return list;
  }

  private static void put(Map<String, JsonNode> out, String prefix, JsonNode all) {
    for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(prefix + e.getKey(), e.getValue());
    }
  }

  /**
   * The fields of a resume that differ from a label.
   *
   * @param r the resume
   * @param label the label
   * @return lines {@code field: expected X, got Y}
   */
  public static List<String> mismatches(RobotResume r, JsonNode label) {
    Map<String, String> got = ResumeFacts.of(r);
    List<String> wrong = new ArrayList<>();
    for (String field : ResumeFacts.FIELDS) {
      JsonNode want = label.get(field);
      if (want != null && !want.isNull() && !want.asText().equals(got.get(field))) {
        wrong.add(field + ": expected " + want.asText() + ", got " + got.get(field));
      }
    }
    return wrong;
  }

  /**
   * Computes every labelled resume and scores it.
   *
   * @param urdfDir the shared URDF directory
   * @param params resume parameters
   * @param repeats timed runs per robot after one warm-up (the median is kept per robot)
   * @return the report
   * @throws IOException when a URDF cannot be read
   */
  public static Report run(Path urdfDir, ResumeParams params, int repeats) throws IOException {
    Map<String, Integer> correct = new LinkedHashMap<>();
    Map<String, Integer> scored = new LinkedHashMap<>();
    ResumeFacts.FIELDS.forEach(f -> {
      correct.put(f, 0);
      scored.put(f, 0);
    });
    Map<String, Map<String, Integer>> confusion = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    List<Labelled> all = labels(urdfDir);
    double[] times = new double[all.size()];
    KinematicResumeGenerator gen = new KinematicResumeGenerator(params);
    for (int k = 0; k < all.size(); k++) {
      Labelled l = all.get(k);
      String xml = Files.readString(urdfDir.resolve(l.file()));
      RobotResume r = gen.generate(l.file(), UrdfParser.parse(xml, l.file()));
      double[] t = new double[Math.max(1, repeats)];
      for (int i = 0; i < t.length; i++) {
        long t0 = System.nanoTime();
        UrdfRobot u = UrdfParser.parse(xml, l.file());
        gen.generate(l.file(), u);
        t[i] = (System.nanoTime() - t0) / 1e6;
      }
      Arrays.sort(t);
      times[k] = t[t.length / 2];
      Map<String, String> got = ResumeFacts.of(r);
      for (String f : ResumeFacts.FIELDS) {
        JsonNode want = l.label().get(f);
        if (want == null || want.isNull()) {
          continue;
        }
        scored.merge(f, 1, Integer::sum);
        if (want.asText().equals(got.get(f))) {
          correct.merge(f, 1, Integer::sum);
        }
      }
      JsonNode truth = l.label().get("mobility");
      if (truth != null && !truth.isNull()) {
        confusion.computeIfAbsent(truth.asText(), x -> new TreeMap<>())
            .merge(got.get("mobility"), 1, Integer::sum);
      }
      mismatches(r, l.label()).forEach(m -> wrong.add(l.file() + ": " + m));
    }
    double[] sorted = times.clone();
    Arrays.sort(sorted);
    double median = sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    double max = sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    return new Report(correct, scored, confusion, median, max, wrong);
  }

  /**
   * Prints the report as three small tables and adds CSV rows
   * ({@code accuracy,<field>,correct_pct,<v>}, {@code confusion,<true>-><got>,count,<n>},
   * {@code accuracy,time,median_ms|max_ms,<v>}).
   *
   * @param r the report
   * @param o where to print
   * @param csv rows to append to
   */
  public static void print(Report r, PrintWriter o, List<String> csv) {
    int robots = r.scored().getOrDefault("mobility", 0);
    o.printf(Locale.ROOT, "%nResume accuracy on %d labelled robots (issue #13)%n", robots);
    o.printf(Locale.ROOT, "%-20s %8s %8s %10s%n", "field", "correct", "scored", "accuracy %");
    for (String f : ResumeFacts.FIELDS) {
      int c = r.correct().get(f);
      int n = r.scored().get(f);
      double pct = 100.0 * c / Math.max(1, n);
      o.printf(Locale.ROOT, "%-20s %8d %8d %10.1f%n", f, c, n, pct);
      csv.add(String.format(Locale.ROOT, "accuracy,%s,correct_pct,%.4f", f, pct));
    }
    List<String> classes = new ArrayList<>();
    for (MobilityClass c : MobilityClass.values()) {
      classes.add(c.json());
    }
    o.println("Mobility confusion (rows: labelled class, columns: computed class)");
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-22s", ""));
    for (String c : classes) {
      head.append(String.format(Locale.ROOT, " %8s", abbreviate(c)));
    }
    o.println(head);
    for (String truth : classes) {
      Map<String, Integer> row = r.confusion().getOrDefault(truth, Map.of());
      if (row.isEmpty()) {
        continue;
      }
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-22s", truth));
      for (String got : classes) {
        int n = row.getOrDefault(got, 0);
        line.append(String.format(Locale.ROOT, " %8d", n));
        if (n > 0) {
          csv.add("confusion," + truth + "->" + got + ",count," + n);
        }
      }
      o.println(line);
    }
    o.printf(Locale.ROOT, "Time per resume (parse + resume): median %.2f ms, max %.2f ms%n",
        r.medianMs(), r.maxMs());
    csv.add(String.format(Locale.ROOT, "accuracy,time,median_ms,%.4f", r.medianMs()));
    csv.add(String.format(Locale.ROOT, "accuracy,time,max_ms,%.4f", r.maxMs()));
    for (String m : r.mismatches()) {
      o.println("  mismatch " + m);
    }
  }

  /** Column header: {@code wheeled_} shortened to {@code w_}, at most 8 characters. */
  private static String abbreviate(String c) {
    String s = c.replace("wheeled_", "w_");
    return s.length() <= 8 ? s : s.substring(0, 8);
  }
}
