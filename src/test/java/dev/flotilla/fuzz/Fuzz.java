package dev.flotilla.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Shared pieces of the parser fuzz tests: seed corpora, a byte-level mutator and the check that a
 * parser keeps its contract (a value or a documented exception, in bounded time and memory).
 */
final class Fuzz {

  /** Time one input may take; the slowest real seed parses in a few milliseconds. */
  static final Duration PER_INPUT = Duration.ofSeconds(2);

  /**
   * Heap one input may allocate beyond a multiple of its own size. A length prefix taken on
   * trust shows up here long before it becomes an OutOfMemoryError on a smaller heap.
   */
  private static final long ALLOCATION_SLACK = 64L << 20;

  private static final long ALLOCATION_PER_INPUT_BYTE = 256;

  /** Tries a property gets per build; {@code -Dflotilla.fuzz.tries=N} lengthens a campaign. */
  static final int DEFAULT_TRIES = 300;

  /**
   * True inside a Jazzer campaign ({@code JAZZER_FUZZ} set). Inputs then run on the fuzzer's own
   * thread, since a thread per input would cost most of the executions per second, and an input
   * over {@link #PER_INPUT} fails when it returns instead of being interrupted. The allocation
   * bound is left to the heap (an OutOfMemoryError is a finding like any other error): Jazzer's
   * comparison hooks copy the strings they trace, so under its instrumentation a parser calling
   * {@code text.startsWith(symbol, i)} per symbol allocates the rest of the text each time. The
   * corpus, crashes included, is replayed with the bound on every build.
   */
  private static final boolean CAMPAIGN = !System.getenv().getOrDefault("JAZZER_FUZZ", "")
      .isEmpty();

  private Fuzz() {}

  /** One try of a property: generates an input from {@code random} and checks the contract. */
  @FunctionalInterface
  interface Try {
    void run(SplittableRandom random) throws Exception;
  }

  /**
   * Runs a property: {@code tries} tries (scaled by {@code -Dflotilla.fuzz.tries}, 300 being the
   * default), try {@code i} drawing from {@code new SplittableRandom(seed).split()} taken
   * {@code i + 1} times, so each try is reproducible on its own. A failure names the seed and
   * the try, and {@code -Dflotilla.fuzz.replay=<seed>:<try>} runs that one try again.
   *
   * @param seed the property's fixed seed
   * @param tries tries per build
   * @param property the property
   */
  static void forAll(long seed, int tries, Try property) {
    int n = (int) Math.max(1, (long) tries * Integer.getInteger("flotilla.fuzz.tries",
        DEFAULT_TRIES) / DEFAULT_TRIES);
    int only = -1;
    String replay = System.getProperty("flotilla.fuzz.replay", "");
    if (!replay.isEmpty()) {
      String[] st = replay.split(":");
      if (Long.parseLong(st[0]) != seed) {
        return;
      }
      only = Integer.parseInt(st[1]);
      n = only + 1;
    }
    SplittableRandom root = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      SplittableRandom random = root.split();
      if (only >= 0 && i != only) {
        continue;
      }
      try {
        property.run(random);
      } catch (Throwable t) {
        throw new AssertionError("seed " + seed + ", try " + i + " of " + n
            + " (replay: -Dflotilla.fuzz.replay=" + seed + ":" + i + "): " + t.getMessage(), t);
      }
    }
  }

  /** A uniformly chosen element. */
  static <T> T pick(SplittableRandom random, List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  /** A uniformly chosen element. */
  @SafeVarargs
  static <T> T pick(SplittableRandom random, T... options) {
    return options[random.nextInt(options.length)];
  }

  /** Runs a parser on one input. */
  @FunctionalInterface
  interface Parse {
    void run() throws Exception;
  }

  /** One seed input with the name it is reported under. */
  record Seed(String name, byte[] bytes) {
    @Override
    public String toString() {
      return name + " (" + bytes.length + " bytes)";
    }
  }

  /**
   * Runs {@code parse} and fails unless it returns or throws an {@code allowed} exception, within
   * {@link #PER_INPUT} and without allocating far more than the input's size.
   *
   * @param input the input, reported on failure (and saved under target/fuzz-failures)
   * @param inputSize bytes of the input, for the allocation bound
   * @param allowed the documented exception: a predicate on what was thrown
   * @param parse the call under test
   * @return what was thrown (an allowed exception), or null when the parser returned
   */
  static Throwable check(String input, long inputSize, Predicate<Throwable> allowed, Parse parse) {
    Throwable thrown;
    if (CAMPAIGN) {
      long start = System.nanoTime();
      thrown = null;
      try {
        parse.run();
      } catch (Throwable e) {
        thrown = e;
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      if (ms > PER_INPUT.toMillis()) {
        save(input);
        fail("took " + ms + " ms (limit " + PER_INPUT.toMillis() + ") for " + shown(input));
      }
    } else {
      thrown = assertTimeoutPreemptively(PER_INPUT, () -> bounded(input, inputSize, parse), () -> {
        save(input);
        return "no result within " + PER_INPUT.toMillis() + " ms for " + shown(input);
      });
    }
    if (thrown != null && !allowed.test(thrown)) {
      save(input);
      throw new AssertionError("undocumented " + thrown + " for " + shown(input), thrown);
    }
    return thrown;
  }

  /** Runs {@code parse} within the allocation bound; returns what it threw, or null. */
  private static Throwable bounded(String input, long inputSize, Parse parse) {
    long before = allocatedBytes();
    Throwable t = null;
    try {
      parse.run();
    } catch (Throwable e) {
      t = e;
    }
    long used = allocatedBytes() - before;
    long limit = ALLOCATION_SLACK + ALLOCATION_PER_INPUT_BYTE * inputSize;
    if (used > limit) {
      save(input);
      fail("allocated " + (used >> 20) + " MiB for an input of " + inputSize + " bytes: "
          + shown(input));
    }
    return t;
  }

  /**
   * Fails, keeping the input on disk, unless a contract condition (e.g. an error names its line)
   * holds.
   *
   * @param input the input, saved under target/fuzz-failures on failure
   * @param condition the condition
   * @param message what was expected, for the failure
   */
  static void expect(String input, boolean condition, java.util.function.Supplier<String> message) {
    if (!condition) {
      save(input);
      fail(message.get() + " for " + shown(input));
    }
  }

  /** {@link #check} for text inputs. */
  static Throwable checkText(String text, Predicate<Throwable> allowed, Parse parse) {
    return check(text, text.length() * 3L, allowed, parse);
  }

  /** Bytes allocated by the current thread so far, or 0 when the JVM does not count them. */
  private static long allocatedBytes() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
        && t.isThreadAllocatedMemorySupported()) {
      return t.getCurrentThreadAllocatedBytes();
    }
    return 0;
  }

  private static String shown(String input) {
    String s = input.length() > 600 ? input.substring(0, 600) + "… (" + input.length()
        + " chars)" : input;
    return "\"" + s.replace("\n", "\\n") + "\"";
  }

  /** Keeps a failing input on disk, so it can be minimised into a regression test. */
  private static void save(String input) {
    try {
      Path dir = Path.of("target", "fuzz-failures");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(Integer.toHexString(input.hashCode()) + ".txt"), input);
    } catch (IOException ignored) {
      // only a convenience for whoever reads the failure
    }
  }

  /** Bytes as a lossless string (ISO-8859-1), for reporting and saving binary inputs. */
  static String latin1(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /**
   * The committed corpus of a Jazzer fuzz test: the files Jazzer replays in regression mode, from
   * {@code src/test/resources/dev/flotilla/fuzz/<Class>Inputs/<method>/}.
   *
   * @param test the fuzz test class
   * @param method the {@code @FuzzTest} method
   * @return its files as seeds, sorted by name
   */
  static List<Seed> corpus(Class<?> test, String method) {
    return resources(test.getName().replace('.', '/') + "Inputs/" + method);
  }

  /**
   * The files of a test resource folder.
   *
   * @param folder classpath folder
   * @return its files as seeds, sorted by name
   */
  static List<Seed> resources(String folder) {
    URL url = Fuzz.class.getClassLoader().getResource(folder);
    if (url == null) {
      throw new IllegalStateException("missing test resource folder " + folder);
    }
    try {
      return files(Path.of(url.toURI()), p -> true, Long.MAX_VALUE);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Real input files under {@code ../shared/data}, read in place (never copied into the
   * repository); empty when the shared data is not checked out next to the repository.
   *
   * @param sub folder below {@code shared/data}
   * @param suffix file name ending, e.g. {@code .mcap}
   * @param maxBytes larger files are left out to keep each try fast
   * @return the files as seeds, sorted by path
   */
  static List<Seed> shared(String sub, String suffix, long maxBytes) {
    Path dir = Path.of(System.getProperty("flotilla.shared", "../shared"), "data", sub);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    return files(dir, p -> p.getFileName().toString().endsWith(suffix), maxBytes);
  }

  private static List<Seed> files(Path dir, Predicate<Path> keep, long maxBytes) {
    try (Stream<Path> s = Files.walk(dir)) {
      List<Seed> out = new ArrayList<>();
      for (Path p : s.filter(Files::isRegularFile).filter(keep).sorted().toList()) {
        if (Files.size(p) <= maxBytes) {
          out.add(new Seed(dir.relativize(p).toString(), Files.readAllBytes(p)));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Structure-aware generation

  /**
   * A generator's decisions, read from a list of numbers: a random one of up to 400 numbers for a
   * try ({@link #Choices(SplittableRandom)}), or an empty one for the smallest document. An
   * exhausted list answers 0 ("stop", "the first option"), so every generated document is finite
   * and a shorter list gives a smaller document.
   */
  static final class Choices {
    private final List<Integer> values;
    private int next;

    Choices(List<Integer> values) {
      this.values = values;
    }

    /** Up to 400 decisions in [0, 2^20], each list length equally likely. */
    Choices(SplittableRandom random) {
      this(random.ints(random.nextInt(401), 0, (1 << 20) + 1).boxed().toList());
    }

    /** A number in [0, bound). */
    int below(int bound) {
      return next < values.size() ? values.get(next++) % bound : 0;
    }

    /** One of the options, the first when the list is exhausted. */
    @SafeVarargs
    final <T> T of(T... options) {
      return options[below(options.length)];
    }

    /** One of the options, the first when the list is exhausted. */
    <T> T of(List<T> options) {
      return options.get(below(options.size()));
    }

    boolean flip() {
      return below(2) == 1;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Mutation

  /** What one mutation step does. */
  enum Kind {
    FLIP_BIT,
    SET_BYTE,
    /** Overwrites 4 or 8 bytes with a boundary value: where length prefixes go wrong. */
    INTERESTING_INT,
    TRUNCATE,
    DELETE,
    INSERT_RANDOM,
    INSERT_TOKEN,
    DUPLICATE,
    SPLICE
  }

  /**
   * One mutation step; positions and lengths are taken modulo the input size when applied, so
   * any generated step applies to any input.
   */
  record Mutation(Kind kind, int at, int length, int value) {}

  private static final long[] INTERESTING = {
    0, 1, 0x7F, 0x80, 0xFF, 0x7FFF, 0xFFFF, 0x10000, 0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFFL,
    0x100000000L, Long.MAX_VALUE, Long.MIN_VALUE, -1, -2
  };

  /** A list of 1 to 6 mutation steps. */
  static List<Mutation> mutations(SplittableRandom random) {
    Kind[] kinds = Kind.values();
    List<Mutation> out = new ArrayList<>();
    int n = 1 + random.nextInt(6);
    for (int i = 0; i < n; i++) {
      out.add(new Mutation(kinds[random.nextInt(kinds.length)], random.nextInt(Integer.MAX_VALUE),
          1 + random.nextInt(64), random.nextInt(Integer.MAX_VALUE)));
    }
    return out;
  }

  /**
   * Applies mutation steps to a copy of {@code input}.
   *
   * @param input the seed
   * @param steps the steps, in order
   * @param tokens dictionary for {@link Kind#INSERT_TOKEN} (format keywords); may be empty
   * @param others inputs to splice from (usually the whole corpus)
   * @return the mutated bytes
   */
  static byte[] mutate(byte[] input, List<Mutation> steps, List<String> tokens,
      List<Seed> others) {
    byte[] b = input.clone();
    for (Mutation m : steps) {
      b = apply(b, m, tokens, others);
    }
    return b;
  }

  private static byte[] apply(byte[] b, Mutation m, List<String> tokens, List<Seed> others) {
    int n = b.length;
    int at = n == 0 ? 0 : m.at() % n;
    int len = Math.min(m.length(), n - at);
    switch (m.kind()) {
      case FLIP_BIT:
        if (n > 0) {
          b[at] ^= (byte) (1 << (m.value() % 8));
        }
        return b;
      case SET_BYTE:
        if (n > 0) {
          b[at] = (byte) m.value();
        }
        return b;
      case INTERESTING_INT: {
        long v = INTERESTING[m.value() % INTERESTING.length];
        int width = m.length() % 2 == 0 ? 4 : 8;
        boolean bigEndian = m.value() / INTERESTING.length % 2 == 1;
        for (int i = 0; i < width && at + i < n; i++) {
          int shift = 8 * (bigEndian ? width - 1 - i : i);
          b[at + i] = (byte) (v >>> shift);
        }
        return b;
      }
      case TRUNCATE:
        return Arrays.copyOf(b, at);
      case DELETE:
        return concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, at + len, n));
      case INSERT_RANDOM: {
        byte[] r = new byte[m.length()];
        new java.util.Random(m.value()).nextBytes(r);
        return insert(b, at, r);
      }
      case INSERT_TOKEN:
        if (tokens.isEmpty()) {
          return b;
        }
        return insert(b, at, tokens.get(m.value() % tokens.size())
            .getBytes(StandardCharsets.UTF_8));
      case DUPLICATE: {
        byte[] chunk = Arrays.copyOfRange(b, at, at + len);
        int times = 1 + m.value() % 8;
        byte[] out = b;
        for (int i = 0; i < times; i++) {
          out = insert(out, at, chunk);
        }
        return out;
      }
      case SPLICE: {
        if (others.isEmpty()) {
          return b;
        }
        byte[] other = others.get(m.value() % others.size()).bytes();
        int from = other.length == 0 ? 0 : m.length() * 997 % other.length;
        return concat(Arrays.copyOf(b, at), Arrays.copyOfRange(other, from, other.length));
      }
      default:
        throw new IllegalStateException(m.kind().toString());
    }
  }

  private static byte[] insert(byte[] b, int at, byte[] what) {
    byte[] out = new byte[b.length + what.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(what, 0, out, at, what.length);
    System.arraycopy(b, at, out, at + what.length, b.length - at);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] c) {
    byte[] out = Arrays.copyOf(a, a.length + c.length);
    System.arraycopy(c, 0, out, a.length, c.length);
    return out;
  }
}
