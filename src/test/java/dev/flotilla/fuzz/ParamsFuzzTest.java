package dev.flotilla.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flotilla.ros.params.ParamReader;
import dev.flotilla.ros.params.ParamsException;
import dev.flotilla.ros.params.RosParamsFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the ROS 2 parameter loader ({@link RosParamsFile} and the typed getters of
 * {@link ParamReader}): its contract is a value or a {@link ParamsException} whose message names
 * the file.
 */
class ParamsFuzzTest {

  private static final String SOURCE = "fuzz.yaml";

  /** Names the generator uses; the reader asks for every dotted path of up to three of them. */
  private static final String[] KEYS = {"alpha", "robots", "r1", "use_sim_time"};

  private static final List<String> TOKENS = List.of(":", ": ", "- ", "-", "{", "}", "[", "]",
      ",", "&a ", "*a", "<<: *a", "!!binary ", "!!str ", "!!int ", "!!float ", "!!map ", "? ",
      "|", ">", "'", "\"", "#", "\n", "\n  ", "\t", "~", ".nan", "-.inf", "0x", "1e999",
      "ros__parameters", "/**", "%YAML 1.1\n", "---\n", "...\n", "\\u0000", "\u0000");

  private static final List<Fuzz.Seed> CORPUS = corpus();

  private static List<Fuzz.Seed> corpus() {
    List<Fuzz.Seed> out = new ArrayList<>(Fuzz.corpus(ParamsFuzzTest.class, "paramsLoader"));
    // The parameter files the project ships are real inputs too (read in place).
    java.nio.file.Path params = java.nio.file.Path.of(System.getProperty("flotilla.root", "."),
        "params");
    try (var files = java.nio.file.Files.list(params)) {
      for (java.nio.file.Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted()
          .toList()) {
        out.add(new Fuzz.Seed("params/" + p.getFileName(), java.nio.file.Files.readAllBytes(p)));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  /** Loads the text and reads every key the way the nodes do; checks the contract throughout. */
  private static void load(String yaml) {
    Throwable t = Fuzz.checkText(yaml, e -> e instanceof ParamsException, () -> {
      RosParamsFile file = RosParamsFile.parse(SOURCE, yaml);
      for (String ns : List.of("/", "/fleet_a")) {
        for (String node : List.of("allocator", "synchronizer", "node")) {
          readEverything(yaml, file.forNode(ns, node));
        }
      }
    });
    if (t != null) {
      Fuzz.expect(yaml, t.getMessage().startsWith(SOURCE + ": "), t::getMessage);
    }
  }

  private static void readEverything(String yaml, ParamReader r) {
    List<String> keys = new ArrayList<>();
    for (String a : KEYS) {
      keys.add(a);
      for (String b : KEYS) {
        keys.add(a + "." + b);
        for (String c : KEYS) {
          keys.add(a + "." + b + "." + c);
        }
      }
    }
    for (String key : keys) {
      // Each getter on its own: a wrong type is a ParamsException, and the next getter goes on.
      attempt(yaml, () -> r.number(key, 0, -1e9, 1e9));
      attempt(yaml, () -> r.integer(key, 0, Long.MIN_VALUE, Long.MAX_VALUE));
      attempt(yaml, () -> r.bool(key, false));
      attempt(yaml, () -> r.resolve(r.string(key, "x", Set.of())));
      attempt(yaml, () -> r.string(key, "a", Set.of("a", "b")));
      attempt(yaml, () -> r.strings(key, List.of()));
      attempt(yaml, () -> r.children(key));
    }
    attempt(yaml, r::finish);
  }

  private static void attempt(String yaml, Runnable getter) {
    try {
      getter.run();
    } catch (ParamsException e) {
      Fuzz.expect(yaml, e.getMessage().startsWith(SOURCE + ": "), e::getMessage);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Coverage-guided (Jazzer): replays the corpus on every build, fuzzes with JAZZER_FUZZ=1.

  @FuzzTest(maxDuration = "30s")
  void paramsLoader(byte[] input) {
    load(new String(input, StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------------------------------------
  // Structure-aware: random YAML trees in block and flow style, mostly in the ROS 2 layout.

  @Test
  void generatedYamlTreesAreParametersOrNamedErrors() {
    Fuzz.forAll(8301, Fuzz.DEFAULT_TRIES, r -> load(yaml(new Fuzz.Choices(r))));
  }

  private static final String[] SCALARS = {"0", "1", "-7", "0.5", "1e3", "1e999", ".nan", ".inf",
      "-.inf", "true", "false", "yes", "off", "~", "null", "''", "\"\"", "\"a\\u0000b\"", "abc",
      "\"./rel/path\"", "/abs", "9223372036854775808", "-9223372036854775809", "0x1F", "0o17",
      "1_000", "2001-12-14", "!!binary aGVsbG8=", "!!str 1", "!!int x", "!!float abc", "\"\\t\"",
      "'it''s'", "[]", "{}"};

  private static String yaml(Fuzz.Choices c) {
    StringBuilder sb = new StringBuilder();
    int nodes = 1 + c.below(3);
    for (int i = 0; i < nodes; i++) {
      sb.append(c.of("/**", "allocator", "/allocator", "/fleet_a/allocator", "synchronizer",
          "'node'", "1")).append(":\n");
      switch (c.below(6)) {
        case 0 -> sb.append("  other: 1\n");
        case 1 -> sb.append("  ros__parameters: ").append(c.of(SCALARS)).append('\n');
        default -> {
          sb.append("  ros__parameters:\n");
          map(c, sb, 4, 0);
        }
      }
    }
    return sb.toString();
  }

  private static void map(Fuzz.Choices c, StringBuilder sb, int indent, int depth) {
    int entries = c.below(4);
    for (int i = 0; i < entries; i++) {
      sb.append(" ".repeat(indent)).append(c.of(KEYS)).append(':');
      value(c, sb, indent, depth);
    }
    if (entries == 0) {
      sb.append(" ".repeat(indent)).append(c.of(KEYS)).append(": ").append(c.of(SCALARS))
          .append('\n');
    }
  }

  private static void value(Fuzz.Choices c, StringBuilder sb, int indent, int depth) {
    int kind = depth >= 4 ? 0 : c.below(5);
    switch (kind) {
      case 0 -> sb.append(' ').append(c.of(SCALARS)).append('\n');
      case 1 -> {
        sb.append('\n');
        map(c, sb, indent + 2, depth + 1);
      }
      case 2 -> {
        sb.append(" [");
        int n = c.below(4);
        for (int i = 0; i < n; i++) {
          sb.append(i > 0 ? ", " : "").append(c.of(SCALARS));
        }
        sb.append("]\n");
      }
      case 3 -> {
        sb.append('\n');
        int n = 1 + c.below(3);
        for (int i = 0; i < n; i++) {
          sb.append(" ".repeat(indent + 2)).append("- ").append(c.of(SCALARS)).append('\n');
        }
      }
      default -> {
        sb.append(" {");
        int n = c.below(4);
        for (int i = 0; i < n; i++) {
          sb.append(i > 0 ? ", " : "").append(c.of(KEYS)).append(": ").append(c.of(SCALARS));
        }
        sb.append("}\n");
      }
    }
  }

  /** Deep flow nesting: the sizes mutation never reaches. */
  @Test
  void deeplyNestedYamlIsParametersOrANamedError() {
    Fuzz.forAll(8302, 40, r -> load(nesting(Fuzz.pick(r, "{a: ", "[", "- ", "{a: [", "a:\n"),
        1 + r.nextInt(20_000))));
  }

  private static String nesting(String unit, int n) {
    String inner = switch (unit) {
      case "{a: " -> unit.repeat(n) + "1" + "}".repeat(n);
      case "[" -> unit.repeat(n) + "1" + "]".repeat(n);
      case "{a: [" -> unit.repeat(n) + "1" + "]}".repeat(n);
      case "- " -> unit.repeat(n) + "1";
      default -> {
        // Block style needs the indentation to grow, so it stays shallower.
        StringBuilder sb = new StringBuilder("\n");
        int depth = Math.min(n, 1000);
        for (int i = 0; i < depth; i++) {
          sb.append(" ".repeat(6 + 2 * i)).append("a:\n");
        }
        yield sb.append(" ".repeat(6 + 2 * depth)).append("b: 1").toString();
      }
    };
    return "node:\n  ros__parameters:\n    alpha: " + inner + "\n";
  }

  // ---------------------------------------------------------------------------------------------
  // Mutation of the seed corpus.

  @Test
  void mutatedSeedsAreParametersOrNamedErrors() {
    Fuzz.forAll(8303, Fuzz.DEFAULT_TRIES, r -> load(new String(Fuzz.mutate(
        Fuzz.pick(r, CORPUS).bytes(), Fuzz.mutations(r), TOKENS, CORPUS),
        StandardCharsets.UTF_8)));
  }

  // ---------------------------------------------------------------------------------------------
  // Crashes found, as regression tests.

  /** A YAML escape can put a NUL into a string; as a path it leaked InvalidPathException. */
  @Test
  void nulCharacterInAPathParameterIsAParamsException() {
    String yaml = "allocator:\n  ros__parameters:\n    alpha: \"a\\u0000b\"\n";
    ParamReader r = RosParamsFile.parse(SOURCE, yaml).forNode("/", "allocator");
    Throwable t = Fuzz.checkText(yaml, e -> e instanceof ParamsException,
        () -> r.resolve(r.string("alpha", "", Set.of())));
    org.junit.jupiter.api.Assertions.assertTrue(t instanceof ParamsException, "resolved");
    org.junit.jupiter.api.Assertions.assertTrue(
        t.getMessage().startsWith(SOURCE + ": \"a\u0000b\" is not a valid path"),
        t.getMessage());
  }

  @Test
  void everySeedKeepsTheContract() {
    for (Fuzz.Seed s : CORPUS) {
      load(new String(s.bytes(), StandardCharsets.UTF_8));
    }
  }
}
