package dev.flotilla.report;

/** Draws axis lines, ticks, tick labels, grid lines and axis titles around a plot area. */
final class Axes {

  private Axes() {}

  /** A horizontal axis under the plot area spanning {@code top..bottom}, with vertical grid. */
  static void bottom(Svg svg, LinearScale x, double top, double bottom, String title,
      double titleX) {
    int target = 10;
    svg.el("line", null, "x1", x.at(x.d0), "y1", bottom, "x2", x.at(x.d1), "y2", bottom,
        "stroke", Palette.INK, "stroke-width", 1.0);
    for (double t : x.ticks(target)) {
      double px = x.at(t);
      svg.el("line", null, "x1", px, "y1", top, "x2", px, "y2", bottom, "stroke", Palette.GRID,
          "stroke-width", 0.5);
      svg.el("line", null, "x1", px, "y1", bottom, "x2", px, "y2", bottom + 5, "stroke",
          Palette.INK);
      svg.el("text", x.label(t, target), "x", px, "y", bottom + 18, "text-anchor", "middle",
          "fill", Palette.INK);
    }
    svg.el("text", title, "x", titleX, "y", bottom + 36, "text-anchor", "middle", "fill",
        Palette.INK, "font-weight", "bold");
  }

  /** A vertical axis left of the plot area spanning {@code left..right}, with horizontal grid. */
  static void left(Svg svg, LinearScale y, double left, double right, String title,
      double titleY) {
    int target = 8;
    svg.el("line", null, "x1", left, "y1", y.at(y.d0), "x2", left, "y2", y.at(y.d1), "stroke",
        Palette.INK, "stroke-width", 1.0);
    for (double t : y.ticks(target)) {
      double py = y.at(t);
      svg.el("line", null, "x1", left, "y1", py, "x2", right, "y2", py, "stroke", Palette.GRID,
          "stroke-width", 0.5);
      svg.el("line", null, "x1", left - 5, "y1", py, "x2", left, "y2", py, "stroke", Palette.INK);
      svg.el("text", y.label(t, target), "x", left - 8, "y", py + 4, "text-anchor", "end",
          "fill", Palette.INK);
    }
    svg.el("text", title, "x", 0.0, "y", 0.0, "text-anchor", "middle", "fill", Palette.INK,
        "font-weight", "bold", "transform",
        "translate(" + Xml.num(left - 58) + "," + Xml.num(titleY) + ") rotate(-90)");
  }
}
