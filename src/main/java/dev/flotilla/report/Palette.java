package dev.flotilla.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Colours that stay distinguishable on screen and in print; red is kept for failures. Each figure
 * paints its plot area in its own faint tint, which also lets the rendering test find it.
 */
final class Palette {

  static final String FAILURE = "#d62728";
  static final String INK = "#222222";
  static final String GRID = "#d9d9d9";
  static final String MUTED = "#666666";
  static final String MAP_BACKGROUND = "#f3f7fa";
  static final String GANTT_BACKGROUND = "#f7f5fa";
  static final String UTILITY_BACKGROUND = "#f5faf3";
  static final String TIMELINE_BACKGROUND = "#faf7f2";

  private static final List<String> COLOURS = List.of("#4e79a7", "#f28e2b", "#59a14f", "#b07aa1",
      "#76b7b2", "#edc948", "#9c755f", "#ff9da7", "#17becf", "#bcbd22", "#8c564b", "#1f3b73");

  private Palette() {}

  /** Where task-kind colours start, so that they differ from the first robots' colours. */
  static final int KIND_OFFSET = 8;

  /** A colour per distinct name, in the order given (cycling after twelve). O(n). */
  static Map<String, String> assign(Iterable<String> names) {
    return assign(names, 0);
  }

  /** A colour per distinct name, starting at palette entry {@code offset}. O(n). */
  static Map<String, String> assign(Iterable<String> names, int offset) {
    Map<String, String> colours = new LinkedHashMap<>();
    for (String name : names) {
      if (!colours.containsKey(name)) {
        colours.put(name, COLOURS.get((colours.size() + offset) % COLOURS.size()));
      }
    }
    return colours;
  }
}
