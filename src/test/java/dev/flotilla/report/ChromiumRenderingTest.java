package dev.flotilla.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the report in headless Chromium (Debian's {@code chromium}) and checks the screenshot:
 * each figure's plot area is found by its own background tint and must hold drawn content. The
 * screenshot is kept in {@code target/report-screenshot/} for a human to look at.
 */
class ChromiumRenderingTest {

  private static final int WIDTH = 1400;
  private static final int HEIGHT = 3000;

  @Test
  void reportRendersEveryFigureInHeadlessChromium(@TempDir Path tmp) throws Exception {
    Path chromium = requireChromium();
    Path index = new HtmlReportWriter().write(SampleRuns.attackScenario(), tmp.resolve("report"));
    Path png = tmp.resolve("screenshot.png");
    Path log = tmp.resolve("chromium.log");
    Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createDirectory(tmp.resolve("profile")),
        "--screenshot=" + png, "--window-size=" + WIDTH + "," + HEIGHT,
        index.toUri().toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("chromium did not exit within 120 s; its log:\n" + Files.readString(log));
    }
    assertTrue(Files.isRegularFile(png) && Files.size(png) > 0,
        "chromium wrote no screenshot (exit " + process.exitValue() + "):\n"
            + Files.readString(log));
    keepForInspection(png);

    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(WIDTH, image.getWidth());
    assertEquals(HEIGHT, image.getHeight());
    assertTrue(distinctColours(image, 0, 0, WIDTH, HEIGHT) > 50, "the page is not blank");

    Map<String, String> tints = new LinkedHashMap<>();
    tints.put("map", Palette.MAP_BACKGROUND);
    tints.put("gantt", Palette.GANTT_BACKGROUND);
    tints.put("utility", Palette.UTILITY_BACKGROUND);
    tints.put("timeline", Palette.TIMELINE_BACKGROUND);
    int previousTop = -1;
    for (Map.Entry<String, String> tint : tints.entrySet()) {
      int[] box = boundingBox(image, Integer.parseInt(tint.getValue().substring(1), 16));
      String figure = tint.getKey();
      assertTrue(box != null, figure + " plot area not found in the screenshot");
      int w = box[2] - box[0] + 1;
      int h = box[3] - box[1] + 1;
      assertTrue(w >= 400 && h >= 60, figure + " plot area is only " + w + "x" + h + " px");
      assertTrue(box[1] > previousTop, figure + " is out of order on the page");
      previousTop = box[1];
      int colours = distinctColours(image, box[0], box[1], w, h);
      assertTrue(colours >= 8, figure + " shows only " + colours + " colours");
      double cover = coverage(image, box, Integer.parseInt(tint.getValue().substring(1), 16));
      assertTrue(cover > 0.01, figure + " is nearly empty: " + cover + " of its area drawn");
      if (figure.equals("map") || figure.equals("gantt")) {
        assertTrue(hasFailureRed(image, box), figure + " does not show the failed robot in red");
      }
    }
  }

  private static Path requireChromium() {
    Optional<Path> found = findChromium();
    if (found.isEmpty()) {
      if ("true".equals(System.getenv("CI"))) {
        fail("chromium is required for this test in CI (apt-get install chromium), not found");
      }
      Assumptions.assumeTrue(false, "chromium not installed; set CI=true to make this a failure");
    }
    return found.get();
  }

  private static Optional<Path> findChromium() {
    List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/chromium")));
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(File.pathSeparator)) {
      candidates.add(Path.of(dir, "chromium"));
    }
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  private static void keepForInspection(Path png) throws Exception {
    Path dir = Path.of("target", "report-screenshot");
    Files.createDirectories(dir);
    Files.copy(png, dir.resolve("index.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** minX, minY, maxX, maxY of the pixels of exactly this colour, or null if there are none. */
  private static int[] boundingBox(BufferedImage image, int rgb) {
    int[] box = null;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
          if (box == null) {
            box = new int[] {x, y, x, y};
          }
          box[0] = Math.min(box[0], x);
          box[1] = Math.min(box[1], y);
          box[2] = Math.max(box[2], x);
          box[3] = Math.max(box[3], y);
        }
      }
    }
    return box;
  }

  private static int distinctColours(BufferedImage image, int x0, int y0, int w, int h) {
    Set<Integer> colours = new HashSet<>();
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        colours.add(image.getRGB(x, y) & 0xFFFFFF);
      }
    }
    return colours.size();
  }

  /** Share of the box's pixels that differ clearly from the background and from white. */
  private static double coverage(BufferedImage image, int[] box, int background) {
    long drawn = 0;
    long all = 0;
    for (int y = box[1]; y <= box[3]; y++) {
      for (int x = box[0]; x <= box[2]; x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        all++;
        if (distance(rgb, background) > 40 && distance(rgb, 0xFFFFFF) > 40) {
          drawn++;
        }
      }
    }
    return (double) drawn / all;
  }

  private static boolean hasFailureRed(BufferedImage image, int[] box) {
    int red = Integer.parseInt(Palette.FAILURE.substring(1), 16);
    for (int y = box[1]; y <= box[3]; y++) {
      for (int x = box[0]; x <= box[2]; x++) {
        if (distance(image.getRGB(x, y) & 0xFFFFFF, red) < 30) {
          return true;
        }
      }
    }
    return false;
  }

  private static int distance(int a, int b) {
    return Math.abs((a >> 16 & 0xFF) - (b >> 16 & 0xFF))
        + Math.abs((a >> 8 & 0xFF) - (b >> 8 & 0xFF)) + Math.abs((a & 0xFF) - (b & 0xFF));
  }
}
