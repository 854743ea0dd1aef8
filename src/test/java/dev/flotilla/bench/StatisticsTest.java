package dev.flotilla.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Statistics} gives, for every non-empty sample, what each benchmark computed by hand before
 * (the reference copies below), and NaN for an empty one.
 */
class StatisticsTest {

  @Test
  void emptySamplesGiveNaN() {
    double[] none = new double[0];
    assertTrue(Double.isNaN(Statistics.quantile(none, 0.5)));
    assertTrue(Double.isNaN(Statistics.median(none)));
    assertTrue(Double.isNaN(Statistics.upperMedian(none)));
    assertTrue(Double.isNaN(Statistics.min(none)));
    assertTrue(Double.isNaN(Statistics.max(none)));
  }

  @Test
  void mediansOfOddAndEvenCounts() {
    assertEquals(2.0, Statistics.median(new double[] {3, 1, 2}));
    assertEquals(2.5, Statistics.median(new double[] {4, 1, 3, 2}));
    assertEquals(3.0, Statistics.upperMedian(new double[] {4, 1, 3, 2}));
    assertEquals(2.0, Statistics.upperMedian(new double[] {3, 1, 2}));
  }

  @Test
  void samplesAreNotReordered() {
    double[] v = {5, 1, 4, 2, 3};
    Statistics.quantile(v, 0.5);
    Statistics.median(v);
    Statistics.upperMedian(v);
    Statistics.min(v);
    Statistics.max(v);
    assertArrayEquals(new double[] {5, 1, 4, 2, 3}, v);
  }

  @Test
  void sameFiguresAsTheBenchmarksComputedBefore() {
    Random rnd = new Random(7);
    for (int n = 1; n <= 60; n++) {
      for (int trial = 0; trial < 20; trial++) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] = trial % 2 == 0 ? rnd.nextDouble() * 100 : rnd.nextInt(5);
        }
        for (double q : new double[] {0, 0.5, 0.9, 0.99, 1.0}) {
          assertEquals(oldNearestRank(v, q), Statistics.quantile(v, q));
        }
        assertEquals(oldBagMedian(v), Statistics.median(v));
        assertEquals(oldUpperMedian(v), Statistics.upperMedian(v));
        assertEquals(oldMin(v), Statistics.min(v));
        assertEquals(Arrays.stream(v).max().orElse(Double.NaN), Statistics.max(v));
      }
    }
  }

  /** LoadFigures.quantile and FailoverBenchmark.Report.quantile, for non-empty samples. */
  private static double oldNearestRank(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /** BagBenchCommand.median. */
  private static double oldBagMedian(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int k = s.length / 2;
    return s.length % 2 == 1 ? s[k] : (s[k - 1] + s[k]) / 2;
  }

  /** The alloc, resume and security benchmarks: sort, then the element at n / 2. */
  private static double oldUpperMedian(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  /** The security benchmark's fastest batch. */
  private static double oldMin(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[0];
  }
}
