package dev.flotilla.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.model.StepRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HtmlReportWriterTest {

  private static final List<String> FIGURES =
      List.of("fig-map", "fig-gantt", "fig-utility", "fig-timeline");

  private final HtmlReportWriter writer = new HtmlReportWriter();

  @Test
  void writesOneIndexFileIntoTheDirectoryItCreates(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("demo/report");
    Path index = writer.write(SampleRuns.attackScenario(), out);
    assertEquals(out.resolve("index.html"), index);
    try (var files = Files.list(out)) {
      assertEquals(List.of(index), files.toList());
    }
    assertTrue(Files.readString(index).startsWith("<!DOCTYPE html>"));
  }

  @Test
  void everyFigureIsWellFormedSvg() throws Exception {
    Map<String, Document> figures = SvgFragments.parse(writer.render(SampleRuns.attackScenario()));
    assertEquals(FIGURES, List.copyOf(figures.keySet()));
    for (Document doc : figures.values()) {
      assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());
    }
  }

  @Test
  void isSelfContained() {
    String html = writer.render(SampleRuns.attackScenario());
    assertFalse(html.contains("<script"), "no scripts");
    assertFalse(html.contains("<link"), "no linked style sheets");
    assertFalse(html.contains("<img"), "no images");
    assertFalse(Pattern.compile("\\ssrc=|\\shref=").matcher(html).find(), "no src/href");
    Matcher urls = Pattern.compile("https?://[^\"\\s]*").matcher(html);
    while (urls.find()) {
      assertEquals("http://www.w3.org/2000/svg", urls.group(), "only the SVG namespace URI");
    }
    Matcher refs = Pattern.compile("url\\(([^)]*)\\)").matcher(html);
    while (refs.find()) {
      assertTrue(refs.group(1).startsWith("#"), "url() only to in-page ids: " + refs.group());
    }
  }

  @Test
  void mapShowsEveryTrajectoryTaskSiteAndTheFailedRobot() throws Exception {
    RunRecord run = SampleRuns.attackScenario();
    Document map = SvgFragments.parse(writer.render(run)).get("fig-map");
    assertEquals(4, SvgFragments.byClass(map, "polyline", "trajectory").size());
    assertEquals(5, SvgFragments.byClass(map, "polygon", "task-site").size());
    assertEquals(1, SvgFragments.byClass(map, "path", "failure-mark").size());
    List<String> texts = SvgFragments.texts(map);
    assertTrue(texts.contains("A2 failed 300.0 s"), texts.toString());
    assertTrue(texts.contains("plan 224\u2013254 s, done 256 s"), texts.toString());
    for (String region : List.of("base", "r1", "f6", "x (m)", "y (m)")) {
      assertTrue(texts.contains(region), region);
    }
  }

  @Test
  void ganttHasABarPerStepRolesAndTheSupersededStep() throws Exception {
    RunRecord run = SampleRuns.attackScenario();
    Document gantt = SvgFragments.parse(writer.render(run)).get("fig-gantt");
    List<PlannedSpan> latest = run.latestPlan().steps();
    assertEquals(3, run.plans().size());
    assertEquals(latest.size(), SvgFragments.byClass(gantt, "rect", "bar", "planned").size());
    assertEquals(run.executed().size(),
        SvgFragments.byClass(gantt, "rect", "bar", "actual").size());
    long masters = latest.stream().filter(s -> s.role() == StepRole.MASTER).count();
    assertEquals(masters, SvgFragments.byClass(gantt, "rect", "planned", "master").size());
    long collaborators = latest.stream().filter(s -> s.role() == StepRole.COLLABORATOR).count();
    assertEquals(collaborators,
        SvgFragments.byClass(gantt, "rect", "planned", "collaborator").size());
    assertEquals(1, SvgFragments.byClass(gantt, "rect", "planned", "solo").size());
    // A2's share of T1 was in plans v1 and v2 but not v3: one dashed outline.
    List<Element> superseded = SvgFragments.byClass(gantt, "rect", "superseded");
    assertEquals(1, superseded.size());
    assertTrue(superseded.get(0).getTextContent().startsWith("T1 attack (plan v"));
    assertEquals(2, SvgFragments.byClass(gantt, "line", "replan").size());
    assertEquals(2, SvgFragments.byClass(gantt, "line", "robot-failure").size(), "A2, a and b");
    assertEquals(1, SvgFragments.byClass(gantt, "path", "failed-step").size());
  }

  @Test
  void utilityTimelineAndTablesCarryEverySample() throws Exception {
    RunRecord run = SampleRuns.attackScenario();
    String html = writer.render(run);
    Map<String, Document> figures = SvgFragments.parse(html);
    Element line = SvgFragments.byClass(figures.get("fig-utility"), "polyline", "utility").get(0);
    assertEquals(run.utility().size(), line.getAttribute("points").split(" ").length);
    List<Element> markers = SvgFragments.byClass(figures.get("fig-timeline"), "circle", "event");
    assertEquals(run.events().size(), markers.size());
    assertEquals(1, markers.stream().filter(m -> m.getAttribute("fill").equals(Palette.FAILURE))
        .count(), "only the robot-failed event is red");
    assertEquals(run.summary().size() + 1, count(html, "<tr>", "<table id=\"summary\">"));
    assertEquals(run.events().size() + 1, count(html, "<tr>", "<table id=\"events\">"));
    assertTrue(html.contains("<td>reassignment latency</td><td class=\"num\">0.5 s</td>"));
  }

  @Test
  void eventTableIsInTimeOrder() {
    String html = writer.render(SampleRuns.attackScenario());
    String table = html.substring(html.indexOf("<table id=\"events\">"));
    Matcher times = Pattern.compile("<tr><td class=\"num\">([0-9.]+) s</td>").matcher(table);
    double last = -1;
    int rows = 0;
    while (times.find()) {
      double t = Double.parseDouble(times.group(1));
      assertTrue(t >= last, "event at " + t + " after " + last);
      last = t;
      rows++;
    }
    assertEquals(SampleRuns.attackScenario().events().size(), rows);
  }

  @Test
  void escapesTaskIdsAndRemovesCharactersXmlForbids() throws Exception {
    String nasty = "T<1>&\"x\"'\u0001\uD83E\uDD16";
    RunRecorder rec = new RunRecorder().title("a <b> & c", "d\u0000e");
    rec.taskSite(nasty, 1, 2, "<kind>").pose("<r&1>", 0, 0, 0).pose("<r&1>", 5, 1, 2);
    rec.plan(0, "first & only", List.of(new PlannedSpan("<r&1>", nasty, "a&b", "<reg>", 0, 4,
        StepRole.MASTER, List.of("]]>"))));
    rec.stepStarted("<r&1>", nasty, "a&b", StepRole.MASTER, 1).robotFailed("<r&1>", 3);
    rec.event(2, "<kind>", "<r&1>", nasty, "</td><script>alert(1)</script>");
    rec.summary("<label>", "&value");
    String html = writer.render(rec.build());

    assertFalse(html.contains("T<1>"));
    assertFalse(html.contains("<script"));
    assertFalse(html.contains("\u0001") || html.contains("\u0000"));
    assertTrue(html.contains("T&lt;1&gt;&amp;&quot;x&quot;&#39;\uFFFD\uD83E\uDD16"));
    assertTrue(html.contains("<title>a &lt;b&gt; &amp; c</title>"));
    Map<String, Document> figures = SvgFragments.parse(html);
    assertEquals(FIGURES, List.copyOf(figures.keySet()));
    String shown = "T<1>&\"x\"'\uFFFD\uD83E\uDD16";
    assertTrue(SvgFragments.texts(figures.get("fig-map")).contains(shown));
    assertTrue(SvgFragments.texts(figures.get("fig-gantt")).contains(shown));
  }

  @Test
  void sameRecordGivesTheSameBytes(@TempDir Path tmp) throws Exception {
    byte[] first = Files.readAllBytes(writer.write(SampleRuns.attackScenario(), tmp.resolve("a")));
    byte[] second =
        Files.readAllBytes(new HtmlReportWriter().write(SampleRuns.attackScenario(),
            tmp.resolve("b")));
    assertArrayEquals(first, second);
  }

  @Test
  void emptyRecordStillGivesEveryFigure() throws Exception {
    String html = writer.render(new RunRecorder().build());
    Map<String, Document> figures = SvgFragments.parse(html);
    assertEquals(FIGURES, List.copyOf(figures.keySet()));
    assertTrue(SvgFragments.texts(figures.get("fig-gantt")).contains("no robots recorded"));
    assertTrue(SvgFragments.texts(figures.get("fig-utility"))
        .contains("no utility samples recorded"));
    assertTrue(SvgFragments.texts(figures.get("fig-timeline")).contains("no events recorded"));
    assertTrue(html.contains("No summary recorded."));
    assertFalse(html.contains("NaN") || html.contains("Infinity"));
    for (String id : List.of("fig-gantt", "fig-utility", "fig-timeline")) {
      assertFalse(SvgFragments.texts(figures.get(id)).stream().anyMatch(t -> t.startsWith("-")),
          id + ": a time axis starts at 0 s");
    }
  }

  @Test
  void degenerateRecordsRenderWithoutNanOrZeroWidthBars() throws Exception {
    RunRecorder rec = new RunRecorder();
    rec.pose("solo", 0, 7, 7); // one point; the whole map is one spot
    rec.taskSite("t", 7, 7, "k").landmark("here", 7, 7);
    rec.plan(0, "initial", List.of(new PlannedSpan("solo", "t", "t", "", 0, 0, StepRole.SOLO,
        List.of())));
    rec.stepStarted("solo", "t", "t", StepRole.SOLO, 0).stepFinished("solo", "t", "t", 0);
    rec.utility(0, 5).event(0, "start", "", "", "");
    rec.robot("ghost").robotFailed("ghost", 0); // failed, never moved
    String html = writer.render(rec.build());
    assertFalse(html.contains("NaN") || html.contains("Infinity"));
    Map<String, Document> figures = SvgFragments.parse(html);
    Document gantt = figures.get("fig-gantt");
    for (Element bar : SvgFragments.byClass(gantt, "rect", "bar")) {
      assertTrue(Double.parseDouble(bar.getAttribute("width")) >= 2, "visible zero-length step");
    }
    assertEquals(2, SvgFragments.byClass(gantt, "rect", "bar").size());
    assertEquals(1, SvgFragments.byClass(figures.get("fig-map"), "polyline", "trajectory").size());
    assertEquals(0, SvgFragments.byClass(figures.get("fig-map"), "path", "failure-mark").size());
  }

  @Test
  void robotFailureWithoutTrajectoryIsStillShownInTheGantt() throws Exception {
    RunRecord run = new RunRecord("t", "", 10, List.of(), List.of(),
        List.of(new RobotTrack("r", List.of(), OptionalDouble.of(4))), List.of(), List.of(),
        List.of(), List.of(), List.of());
    Document gantt = SvgFragments.parse(writer.render(run)).get("fig-gantt");
    assertEquals(2, SvgFragments.byClass(gantt, "line", "robot-failure").size());
  }

  private static int count(String html, String needle, String tableStart) {
    String table = html.substring(html.indexOf(tableStart));
    table = table.substring(0, table.indexOf("</table>"));
    return table.split(Pattern.quote(needle), -1).length - 1;
  }
}
