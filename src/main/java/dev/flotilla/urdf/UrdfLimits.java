package dev.flotilla.urdf;

/**
 * Size limits a URDF must respect before any analysis (issue #13): an oversized or pathological
 * description is refused with a message naming the limit, instead of tying up a node.
 *
 * @param maxChars longest accepted document, characters
 * @param maxLinks most links
 * @param maxJoints most joints
 * @param maxDepth most joints on one path from the root (a chain's length)
 */
public record UrdfLimits(int maxChars, int maxLinks, int maxJoints, int maxDepth) {

  /** Validates that every limit is positive. */
  public UrdfLimits {
    if (maxChars < 1 || maxLinks < 1 || maxJoints < 1 || maxDepth < 1) {
      throw new IllegalArgumentException("URDF limits must be positive.");
    }
  }

  /**
   * 8 MB, 1000 links, 1000 joints, 256 joints deep: several times the largest real robot seen
   * (PR2: 95 links, depth 12).
   */
  public static UrdfLimits defaults() {
    return new UrdfLimits(8_000_000, 1000, 1000, 256);
  }

  /** No practical limit (for tests and trusted input). */
  public static UrdfLimits unlimited() {
    return new UrdfLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
        Integer.MAX_VALUE);
  }
}
