package dev.flotilla.ros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.rcl_interfaces.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Node logs reach /rosout as rcl_interfaces/Log, as rcl publishes them (issue #12). */
class RosoutHandlerTest {
  private final InMemoryBus bus = new InMemoryBus();
  private final List<Log> rosout = new ArrayList<>();
  private final Logger logger = Logger.getLogger("flotilla.test_rosout_node");
  private RosoutHandler handler;

  private void attach(String namespace) {
    bus.subscribe(RosoutHandler.TOPIC, Log.TYPE, RosoutHandler.QOS, rosout::add);
    handler = new RosoutHandler(bus, "allocator", namespace, () -> 12.5);
    logger.addHandler(handler);
    logger.setUseParentHandlers(false);
  }

  @AfterEach
  void detach() {
    logger.removeHandler(handler);
    logger.setUseParentHandlers(true);
  }

  @Test
  void aRecordCarriesLevelNameTextAndItsSourceLine() {
    attach("/");
    int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
    logger.warning("robot r2 failed");
    assertEquals(1, rosout.size());
    Log log = rosout.get(0);
    assertEquals(Log.WARN, log.level());
    assertEquals("allocator", log.name());
    assertEquals("robot r2 failed", log.msg());
    assertEquals("RosoutHandlerTest.java", log.file());
    assertEquals("aRecordCarriesLevelNameTextAndItsSourceLine", log.function());
    assertEquals(line, log.line());
    assertEquals(12, log.stamp().sec());
    assertEquals(500_000_000, log.stamp().nanosec());
  }

  @Test
  void levelsMapToRclSeverities() {
    assertEquals(Log.ERROR, RosoutHandler.severity(Level.SEVERE));
    assertEquals(Log.WARN, RosoutHandler.severity(Level.WARNING));
    assertEquals(Log.INFO, RosoutHandler.severity(Level.INFO));
    assertEquals(Log.INFO, RosoutHandler.severity(Level.CONFIG));
    assertEquals(Log.DEBUG, RosoutHandler.severity(Level.FINE));
    assertEquals(Log.DEBUG, RosoutHandler.severity(Level.FINEST));
  }

  @Test
  void theLoggerNameIsTheFullyQualifiedNodeNameWithDots() {
    assertEquals("allocator", RosoutHandler.loggerName("allocator", "/"));
    assertEquals("fleet_a.allocator", RosoutHandler.loggerName("allocator", "/fleet_a"));
    assertEquals("a.b.r1_agent", RosoutHandler.loggerName("r1_agent", "/a/b/"));
    attach("/fleet_a");
    logger.log(Level.INFO, "hello {0}", "world");
    assertEquals("fleet_a.allocator", rosout.get(0).name());
    assertEquals("hello world", rosout.get(0).msg());
    assertEquals(Log.INFO, rosout.get(0).level());
  }

  @Test
  void aRecordLoggedWhilePublishingIsNotSentAgain() {
    bus.subscribe(RosoutHandler.TOPIC, Log.TYPE, RosoutHandler.QOS,
        l -> logger.severe("echo of " + l.msg()));
    attach("/");
    logger.info("once");
    assertEquals(1, rosout.size(), "the echo logged inside the delivery did not recurse");
    assertTrue(rosout.get(0).msg().equals("once"));
  }
}
