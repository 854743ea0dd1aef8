package dev.flotilla.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** One line per log record on stderr: time, level, logger, message. */
final class LogSetup {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private LogSetup() {}

  static void configure(boolean verbose) {
    // ihmc-ros2-library logs through log4j 2. Start it now, without its own shutdown hook:
    // otherwise its first message during JVM shutdown makes log4j fail noisily.
    System.setProperty("log4j2.shutdownHookEnabled", "false");
    System.setProperty("log4j.shutdownHookEnabled", "false");
    // IHMC's LogTools reads its level from "log.level"; its per-node INFO lines are noise here.
    System.setProperty("log.level", verbose ? "info" : "warn");
    org.apache.logging.log4j.LogManager.getContext(false);
    Logger root = Logger.getLogger("");
    for (Handler h : root.getHandlers()) {
      root.removeHandler(h);
    }
    ConsoleHandler handler = new ConsoleHandler();
    handler.setFormatter(new Formatter() {
      @Override
      public String format(LogRecord r) {
        String thrown = r.getThrown() == null ? "" : " (" + r.getThrown() + ")";
        return TIME.format(Instant.ofEpochMilli(r.getMillis())) + " " + r.getLevel().getName()
            + " [" + r.getLoggerName() + "] " + formatMessage(r) + thrown + "\n";
      }
    });
    Level level = verbose ? Level.FINE : Level.INFO;
    handler.setLevel(level);
    root.addHandler(handler);
    root.setLevel(level);
  }

  /** Warnings and errors only: for commands whose own output is the point (benchmarks, demo). */
  static void quiet() {
    configure(false);
    Logger.getLogger("").setLevel(Level.WARNING);
  }
}
