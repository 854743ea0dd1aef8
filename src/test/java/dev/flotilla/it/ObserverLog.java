package dev.flotilla.it;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Reads what {@link NetnsObserver} printed so far: one {@link Line} per message heard. */
final class ObserverLog {
  /**
   * @param kind ALLOC, REASSIGN, EVENT, LEASE, BEAT or READY
   * @param nanos {@link System#nanoTime()} at receipt
   * @param fields the rest of the line, split on spaces (EVENT: kind, robot, task, source|reason)
   */
  record Line(String kind, long nanos, List<String> fields) {
    String field(int i) {
      return i < fields.size() ? fields.get(i) : "";
    }

    long number(int i) {
      return Long.parseLong(field(i));
    }
  }

  private final HostProcess observer;

  ObserverLog(HostProcess observer) {
    this.observer = observer;
  }

  /** @return every complete line printed so far, oldest first */
  List<Line> lines() {
    String text = observer.out();
    int end = text.lastIndexOf('\n');
    List<Line> out = new ArrayList<>();
    if (end < 0) {
      return out;
    }
    for (String raw : text.substring(0, end).split("\n")) {
      // EVENT's last field (source|reason) may hold spaces: keep it whole.
      String[] f = raw.split(" ", raw.startsWith("EVENT ") ? 6 : -1);
      if (f.length < 2 || !f[1].matches("-?\\d+")) {
        continue;
      }
      List<String> fields = List.of(f).subList(2, f.length);
      out.add(new Line(f[0], Long.parseLong(f[1]), fields));
    }
    return out;
  }

  /** @return lines of one kind received at or after a time */
  List<Line> since(String kind, long nanos) {
    return lines().stream().filter(l -> l.kind().equals(kind) && l.nanos() >= nanos).toList();
  }

  /** @return the first line of a kind at or after a time that matches */
  Optional<Line> first(String kind, long nanos, Predicate<Line> test) {
    return since(kind, nanos).stream().filter(test).findFirst();
  }

  /** @return the highest plan version heard so far, 0 before any */
  long newestPlan() {
    return lines().stream().filter(l -> l.kind().equals("ALLOC")).mapToLong(l -> l.number(0))
        .max().orElse(0);
  }

  /** @return the newest allocation line, by version */
  Optional<Line> newestAllocation() {
    return lines().stream().filter(l -> l.kind().equals("ALLOC"))
        .max(Comparator.comparingLong(l -> l.number(0)));
  }
}
