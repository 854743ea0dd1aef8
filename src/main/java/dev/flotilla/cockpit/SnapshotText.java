package dev.flotilla.cockpit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Snapshots as terminal text: the fleet table, the task list, the plan per robot, the event log,
 * and the {@code flotilla watch} screen that redraws them in place. Plain ASCII columns; times on
 * a wall clock as UTC {@code HH:MM:SS}, simulated times as seconds.
 */
public final class SnapshotText {
  /** Moves the cursor home and clears the screen (ANSI), for a redraw in place. */
  public static final String CLEAR = "\033[H\033[2J";
  /** Fleet-clock values above this are wall-clock epoch seconds, below it simulated seconds. */
  private static final double WALL_CLOCK = 1e8;
  private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss")
      .withZone(ZoneOffset.UTC);

  private SnapshotText() {}

  /**
   * @param s a snapshot
   * @return one line per robot under a header
   */
  public static String fleet(FleetSnapshot s) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ROBOT", "STATE", "HEARTBEAT", "BATTERY", "TASK", "STEP", "STEPS",
        "RESUME"});
    for (RobotView r : s.robots()) {
      rows.add(new String[] {r.id(), r.state().label(),
          r.heartbeatAge() == null ? "-" : String.format(Locale.ROOT, "%.1f s ago",
              r.heartbeatAge()),
          r.battery() == null ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * r.battery()),
          r.currentTask().isEmpty() ? "-" : r.currentTask(),
          r.currentStep() < 0 ? "-" : Integer.toString(r.currentStep()),
          Integer.toString(r.steps()), r.resume().isEmpty() ? "-" : r.resume()});
    }
    return table(rows, s.robots().isEmpty() ? "(no robot seen yet)" : null);
  }

  /**
   * @param s a snapshot
   * @return one line per task under a header
   */
  public static String tasks(FleetSnapshot s) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"TASK", "KIND", "STATE", "ROBOTS", "ACCEPTED", "STARTED", "FINISHED",
        "REASON"});
    for (TaskView t : s.tasks()) {
      rows.add(new String[] {t.id(), t.kind().isEmpty() ? "-" : t.kind(), t.state().label(),
          t.robots().isEmpty() ? "-" : String.join(",", t.robots()), time(t.acceptedAt()),
          time(t.startedAt()), time(t.finishedAt()), t.reason().isEmpty() ? "-" : t.reason()});
    }
    return table(rows, s.tasks().isEmpty() ? "(no task seen yet)" : null);
  }

  /**
   * @param s a snapshot
   * @return the plan's version, then one line per robot with its steps in order
   */
  public static String plan(FleetSnapshot s) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "plan v%d, expected utility %.2f%n", s.planVersion(),
        s.expectedUtility()));
    if (s.plan().isEmpty()) {
      return b.append("(no plan published yet)\n").toString();
    }
    int width = s.plan().keySet().stream().mapToInt(String::length).max().orElse(1);
    for (Map.Entry<String, List<StepView>> e : s.plan().entrySet()) {
      b.append(String.format(Locale.ROOT, "  %-" + width + "s ", e.getKey()));
      if (e.getValue().isEmpty()) {
        b.append("(idle)");
      }
      List<String> steps = new ArrayList<>();
      for (StepView st : e.getValue()) {
        steps.add(String.format(Locale.ROOT, "%s%s %s@%s %s-%s", st.taskId(),
            st.role().equals("master") ? "(M)" : st.role().equals("collaborator") ? "(C)" : "",
            st.action(), st.region().isEmpty()
                ? String.format(Locale.ROOT, "(%.1f,%.1f)", st.x(), st.y()) : st.region(),
            time(st.start()), time(st.finish())));
      }
      b.append(String.join("  ->  ", steps)).append('\n');
    }
    return b.toString();
  }

  /**
   * @param s a snapshot
   * @param last how many of the newest events to show
   * @return one line per event, oldest first
   */
  public static String events(FleetSnapshot s, int last) {
    List<EventView> ev = s.events();
    StringBuilder b = new StringBuilder();
    for (EventView e : ev.subList(Math.max(0, ev.size() - last), ev.size())) {
      b.append(String.format(Locale.ROOT, "  %-8s %-16s %s%s%s%n", time(e.time()), e.kind(),
          e.robotId().isEmpty() ? "" : e.robotId() + " ", e.taskId().isEmpty() ? ""
              : e.taskId() + " ", e.reason().isEmpty() ? "" : "(" + e.reason() + ")"));
    }
    return ev.isEmpty() ? "  (no event yet)\n" : b.toString();
  }

  /**
   * The {@code flotilla watch} screen.
   *
   * @param s a snapshot
   * @param header first line (where, when)
   * @param lastEvents how many events to show
   * @return the screen's text, starting with {@link #CLEAR}
   */
  public static String screen(FleetSnapshot s, String header, int lastEvents) {
    return CLEAR + header + "\n\n" + fleet(s) + "\n" + plan(s) + "\nlast events\n"
        + events(s, lastEvents);
  }

  private static String time(Double t) {
    if (t == null || !Double.isFinite(t)) {
      return "-";
    }
    return t > WALL_CLOCK ? HMS.format(Instant.ofEpochMilli(Math.round(t * 1000)))
        : String.format(Locale.ROOT, "%.1fs", t);
  }

  private static String table(List<String[]> rows, String emptyNote) {
    int[] width = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        line.append(i == r.length - 1 ? r[i] : String.format(Locale.ROOT, "%-" + width[i]
            + "s  ", r[i]));
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
    if (emptyNote != null) {
      b.append(emptyNote).append('\n');
    }
    return b.toString();
  }
}
