package dev.flotilla.ros;

import dev.flotilla.msgs.rcl_interfaces.Log;
import dev.flotilla.ros.NodeClock.Stamps;
import java.util.Optional;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * Sends a node's log records to {@code /rosout} as {@code rcl_interfaces/msg/Log}, as every ROS 2
 * node does, so {@code ros2 topic echo /rosout}, rqt_console and rosbag2 see Flotilla's logs
 * beside everyone else's. Attach it to the node's logger ({@code flotilla.<node>}).
 *
 * <p>The QoS is rcl's rosout profile (reliable, transient local, keep last 1000); the logger name
 * is the node's fully qualified name with dots, as rcl forms it ({@code fleet_a.allocator} for
 * {@code /fleet_a/allocator}). Levels map FINE and below to DEBUG, INFO and CONFIG to INFO,
 * WARNING to WARN and SEVERE to ERROR. The source file, function and line come from the calling
 * frame. A record logged while a record is being published on the same thread (e.g. by the
 * transport) is not sent again, so logging cannot recurse.
 */
public final class RosoutHandler extends Handler {
  /** The topic, absolute: every node of every namespace shares it. */
  public static final String TOPIC = "/rosout";
  /** rcl's {@code rcl_qos_profile_rosout_default}, less the 10 s lifespan we cannot express. */
  public static final QosProfile QOS = new QosProfile(true, true, 1000);

  private static final Formatter TEXT = new SimpleFormatter();

  private final Bus.Publisher<Log> publisher;
  private final String name;
  private final NodeClock clock;
  private final ThreadLocal<Boolean> busy = ThreadLocal.withInitial(() -> false);

  /**
   * @param bus where {@code /rosout} is published
   * @param nodeName the node's name, e.g. {@code allocator}
   * @param namespace the node's namespace, e.g. {@code /} or {@code /fleet_a}
   * @param clock stamps the records (the node's clock: simulated time when it follows /clock)
   */
  public RosoutHandler(Bus bus, String nodeName, String namespace, NodeClock clock) {
    this.publisher = bus.publisher(TOPIC, Log.TYPE, QOS);
    this.name = loggerName(nodeName, namespace);
    this.clock = clock;
  }

  /**
   * @param nodeName node name
   * @param namespace node namespace
   * @return rcl's logger name of the node: the namespace's segments and the name, joined by dots
   */
  public static String loggerName(String nodeName, String namespace) {
    String ns = namespace.replaceAll("^/+|/+$", "");
    return ns.isEmpty() ? nodeName : ns.replace('/', '.') + "." + nodeName;
  }

  /**
   * @param level a java.util.logging level
   * @return the rcl_interfaces/Log severity
   */
  public static byte severity(Level level) {
    int v = level.intValue();
    if (v >= Level.SEVERE.intValue()) {
      return Log.ERROR;
    }
    if (v >= Level.WARNING.intValue()) {
      return Log.WARN;
    }
    if (v >= Level.CONFIG.intValue()) {
      return Log.INFO;
    }
    return Log.DEBUG;
  }

  @Override
  public void publish(LogRecord record) {
    if (record == null || !isLoggable(record) || busy.get()) {
      return;
    }
    busy.set(true);
    try {
      String className = Optional.ofNullable(record.getSourceClassName()).orElse("");
      String method = Optional.ofNullable(record.getSourceMethodName()).orElse("");
      String text = TEXT.formatMessage(record);
      if (record.getThrown() != null) {
        text += ": " + record.getThrown();
      }
      publisher.publish(new Log(Stamps.time(clock.now()), severity(record.getLevel()), name, text,
          fileOf(className), method, lineOf(className, method)));
    } catch (RuntimeException e) {
      reportError("Cannot publish a log record on " + TOPIC + ".", e, ErrorManager.WRITE_FAILURE);
    } finally {
      busy.set(false);
    }
  }

  /** The source file of a class as javac names it: its outermost class plus {@code .java}. */
  private static String fileOf(String className) {
    if (className.isEmpty()) {
      return "";
    }
    String simple = className.substring(className.lastIndexOf('.') + 1);
    int nested = simple.indexOf('$');
    return (nested < 0 ? simple : simple.substring(0, nested)) + ".java";
  }

  /** The line of the calling frame, or 0 when it is no longer on this thread's stack. */
  private static int lineOf(String className, String method) {
    return StackWalker.getInstance().walk(frames -> frames
        .filter(f -> f.getClassName().equals(className) && f.getMethodName().equals(method))
        .findFirst()
        .map(StackWalker.StackFrame::getLineNumber)
        .filter(line -> line > 0)
        .orElse(0));
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    setLevel(Level.OFF);
  }
}
