package dev.flotilla.bench;

import java.util.Arrays;

/**
 * The order statistics every benchmark reports: nearest-rank quantiles, medians and extremes of a
 * sample. One definition for all, so a "p99" or a "median" means the same in every table.
 *
 * <p>Every method leaves its argument untouched (it sorts a copy) and returns NaN for an empty
 * sample, so a benchmark that measured nothing prints NaN instead of failing.
 */
public final class Statistics {
  private Statistics() {}

  /**
   * Nearest-rank quantile: the smallest sample with at least {@code q} of the samples at or below
   * it, i.e. the sorted sample at index {@code ceil(q n) - 1}, clamped to the sample.
   *
   * @param values samples, any order; not modified
   * @param q quantile in [0, 1]
   * @return the quantile, NaN when there are no samples
   */
  public static double quantile(double[] values, double q) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = sorted(values);
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /**
   * The median: the middle sample of an odd count, the mean of the two middle ones of an even.
   *
   * @param values samples, any order; not modified
   * @return the median, NaN when there are no samples
   */
  public static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] s = sorted(values);
    int k = s.length / 2;
    return s.length % 2 == 1 ? s[k] : (s[k - 1] + s[k]) / 2;
  }

  /**
   * The upper median: the sorted sample at index {@code n / 2}, a value actually measured (the
   * middle one of an odd count, the higher of the two middle ones of an even).
   *
   * @param values samples, any order; not modified
   * @return the upper median, NaN when there are no samples
   */
  public static double upperMedian(double[] values) {
    return values.length == 0 ? Double.NaN : sorted(values)[values.length / 2];
  }

  /**
   * @param values samples, any order; not modified
   * @return the smallest sample, NaN when there are none
   */
  public static double min(double[] values) {
    return values.length == 0 ? Double.NaN : sorted(values)[0];
  }

  /**
   * @param values samples, any order; not modified
   * @return the largest sample, NaN when there are none
   */
  public static double max(double[] values) {
    return values.length == 0 ? Double.NaN : sorted(values)[values.length - 1];
  }

  private static double[] sorted(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return s;
  }
}
