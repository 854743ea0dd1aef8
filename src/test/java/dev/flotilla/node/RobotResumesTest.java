package dev.flotilla.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.resume.MobilityClass;
import dev.flotilla.resume.RobotResume;
import dev.flotilla.ros.InMemoryBus;
import dev.flotilla.ros.QosProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The allocator's resumes are built off its callback thread (issue #13): a pathological
 * description never holds up the node, a refused one leaves the previous resume in place, and
 * only the newest description of a robot is adopted whatever order the analyses finish in.
 */
class RobotResumesTest {
  private final InMemoryBus bus = new InMemoryBus();
  private final Deque<Runnable> callbacks = new ArrayDeque<>();
  private final Deque<Runnable> background = new ArrayDeque<>();
  private final NodeContext ctx = new NodeContext("allocator", "/", bus, () -> 0.0,
      callbacks::add, background::add);
  private final InputRejections rejections = new InputRejections(Logger.getLogger("test"));
  private final List<RobotResume> changed = new ArrayList<>();
  private final List<dev.flotilla.msgs.std_msgs.String> published = new ArrayList<>();
  private final RobotResumes resumes;

  RobotResumesTest() {
    bus.subscribe("/flotilla/resumes", dev.flotilla.msgs.std_msgs.String.TYPE,
        new QosProfile(true, true, 100), published::add);
    resumes = new RobotResumes(ctx, rejections, Map.of(), changed::add);
  }

  private static String urdf(String name) throws IOException {
    return Files.readString(Path.of("urdf", name));
  }

  /** A serial chain of {@code links} links joined by revolute joints. */
  private static String chain(int links) {
    StringBuilder b = new StringBuilder("<robot name=\"snake\">\n<link name=\"l0\"/>\n");
    for (int i = 1; i < links; i++) {
      b.append("<link name=\"l").append(i).append("\"/>\n")
          .append("<joint name=\"j").append(i).append("\" type=\"revolute\"><parent link=\"l")
          .append(i - 1).append("\"/><child link=\"l").append(i)
          .append("\"/><origin xyz=\"0.01 0 0\"/><axis xyz=\"0 0 1\"/>")
          .append("<limit lower=\"-1\" upper=\"1\" effort=\"1\" velocity=\"1\"/></joint>\n");
    }
    return b.append("</robot>\n").toString();
  }

  private static void drain(Deque<Runnable> queue) {
    while (!queue.isEmpty()) {
      queue.poll().run();
    }
  }

  @Test
  void theAnalysisRunsOnTheBackgroundExecutorNotOnTheCallbackThread() throws IOException {
    resumes.onDescription("r1", "/r1/robot_description", urdf("flotilla_small_base.urdf"));
    assertEquals(1, background.size(), "the analysis is queued on the background executor");
    assertTrue(callbacks.isEmpty() && published.isEmpty() && changed.isEmpty());
    drain(background);
    assertEquals(1, callbacks.size(), "the result comes back through the callback executor");
    assertTrue(published.isEmpty(), "nothing is adopted off the callback thread");
    drain(callbacks);
    assertEquals(1, published.size());
    assertEquals(1, changed.size());
    assertTrue(resumes.all().containsKey("r1"));
  }

  @Test
  void aRefusedDescriptionIsCountedAndThePreviousResumeStays() throws IOException {
    resumes.onDescription("r1", "/r1/robot_description", urdf("flotilla_small_base.urdf"));
    drain(background);
    drain(callbacks);
    RobotResume before = resumes.all().get("r1");

    resumes.onDescription("r1", "/r1/robot_description", chain(3000));
    drain(background);
    drain(callbacks);

    assertEquals(1, rejections.count("invalid_urdf"));
    assertEquals(before, resumes.all().get("r1"));
    assertEquals(1, published.size(), "the refused description published nothing");
  }

  @Test
  void onlyTheNewestDescriptionIsAdoptedWhateverOrderTheAnalysesFinishIn() throws IOException {
    resumes.onDescription("r1", "/r1/robot_description", urdf("flotilla_small_base.urdf"));
    resumes.onDescription("r1", "/r1/robot_description", urdf("flotilla_drone.urdf"));
    // The newer analysis finishes first, the older one after it.
    background.pollLast().run();
    background.pollLast().run();
    drain(callbacks);

    assertEquals(1, changed.size(), "the stale result is dropped");
    assertEquals(MobilityClass.AERIAL, resumes.all().get("r1").mobility().mobilityClass());
  }

  @Test
  void underEnforceADescriptionOfARobotOutsideTheRosterIsRefusedUnanalysed(
      @org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
    dev.flotilla.security.KeyDir.generate(tmp, List.of("allocator", "r1"), false);
    dev.flotilla.security.SecurityParams enforce = new dev.flotilla.security.SecurityParams(
        dev.flotilla.security.SecurityMode.ENFORCE, tmp, dev.flotilla.security.Roster.of(
            dev.flotilla.security.Roster.defaultNodes(), List.of("r1")));
    Deque<Runnable> work = new ArrayDeque<>();
    NodeContext secured = new NodeContext("allocator", "/", enforce.secure(bus, "allocator",
        () -> 0.0), () -> 0.0, callbacks::add, work::add);
    RobotResumes guarded = new RobotResumes(secured, rejections, Map.of(), changed::add);

    guarded.onDescription("intruder", "/intruder/robot_description",
        urdf("flotilla_small_base.urdf"));
    assertTrue(work.isEmpty(), "no analysis is queued for a robot outside the roster");
    assertEquals(1, rejections.count("robot_not_in_roster"));

    guarded.onDescription("r1", "/r1/robot_description", urdf("flotilla_small_base.urdf"));
    assertEquals(1, work.size(), "a roster robot's description is analysed");
  }

  @Test
  void aDescriptionOverTheSizeLimitIsRefusedOnArrival() {
    String huge = "<robot name=\"big\">" + " ".repeat(dev.flotilla.urdf.UrdfLimits.MAX_CHARS)
        + "</robot>";
    resumes.onDescription("r1", "/r1/robot_description", huge);
    assertTrue(background.isEmpty(), "nothing is queued for an oversized description");
    assertEquals(1, rejections.count("invalid_urdf"));
    assertTrue(resumes.all().isEmpty());
  }
}
