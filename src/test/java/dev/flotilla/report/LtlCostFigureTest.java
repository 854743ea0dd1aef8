package dev.flotilla.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Issue #14: once LTL work is all the plan holds, seed 001's expected utility reads 0; the
 * report then draws the LTL plan's cost (seed 003 Eq. 2) beside it, labelled, on its own axis.
 */
class LtlCostFigureTest {
  private final HtmlReportWriter writer = new HtmlReportWriter();

  private static RunRecorder ltlRun() {
    RunRecorder rec = new RunRecorder();
    rec.title("ltl", "");
    rec.utility(0, 0).utility(100, 0).utility(280, 0);
    rec.ltlCost(0, 4911.5).ltlCost(100, 5230.0).ltlCost(280, 5400.25);
    return rec;
  }

  @Test
  void theCostIsAStepLineWithItsOwnLabelledAxisAndLegend() throws Exception {
    RunRecord run = ltlRun().build(600);
    assertEquals(3, run.ltlCost().size());
    String html = writer.render(run);
    Map<String, Document> figures = SvgFragments.parse(html);
    Document fig = figures.get("fig-utility");
    List<Element> line = SvgFragments.byClass(fig, "polyline", "ltl-cost");
    assertEquals(1, line.size());
    // Two points per plan: each cost holds until the next plan (or the run's end).
    assertEquals(6, line.get(0).getAttribute("points").split(" ").length);
    List<String> texts = SvgFragments.texts(fig);
    assertTrue(texts.contains("LTL plan cost J (seed 003 Eq. 2)"), texts.toString());
    assertTrue(texts.contains("expected utility (seed 001)"), texts.toString());
    assertTrue(texts.stream().anyMatch(t -> t.startsWith("LTL plan cost J = ")
        && t.endsWith("lower is better")), texts.toString());
    assertTrue(html.contains("Fig. 3 Expected utility and LTL plan cost over time"));
    assertTrue(html.contains("seed 003 Eq. 2"), "caption names the measure");
  }

  @Test
  void aRunWithoutLtlWorkKeepsTheUtilityFigureAsItWas() throws Exception {
    RunRecorder rec = new RunRecorder();
    rec.title("mr", "").utility(0, 10).utility(5, 12);
    String html = writer.render(rec.build(10));
    Document fig = SvgFragments.parse(html).get("fig-utility");
    assertTrue(SvgFragments.byClass(fig, "polyline", "ltl-cost").isEmpty());
    assertTrue(SvgFragments.texts(fig).contains("expected utility"));
    assertTrue(html.contains("Fig. 3 Expected utility over time"));
  }

  @Test
  void nonFiniteCostsAreRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RunRecorder().ltlCost(1, Double.NaN));
    assertTrue(e.getMessage().contains("ltlCost.cost"), e.getMessage());
  }
}
