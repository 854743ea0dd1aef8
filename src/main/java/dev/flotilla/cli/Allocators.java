package dev.flotilla.cli;

import java.util.List;

/** The allocator algorithms a benchmark's {@code --algorithm} option accepts. */
final class Allocators {
  /** The algorithms, the default first. */
  static final List<String> NAMES = List.of("potential_game", "greedy");

  private Allocators() {}

  /**
   * @param algorithm the option's value
   * @throws UsageError when it names no allocator
   */
  static void check(String algorithm) {
    UsageError.check(NAMES.contains(algorithm), "--algorithm must be potential_game or greedy.");
  }
}
