package dev.flotilla.ltl.poset;

import dev.flotilla.ltl.automaton.Budget;
import dev.flotilla.ltl.automaton.GoodPrefixAutomaton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * R-poset extraction (Definition 2 of seed 003, after the path-based method of its reference
 * [27]) from the deterministic good-prefix automaton, by enumerating runs. It is exhaustive and
 * easy to follow but costs n! for n independent subtasks, so {@link DownsetPosetExtractor} is the
 * default and this class serves as a baseline for small formulas.
 *
 * <ol>
 *   <li>Events: from a state q where the empty letter loops (nothing happening keeps q), an event
 *       is a minimal letter m that leaves q for a live state where again nothing happening loops
 *       (or the accepting sink); minimal means every proper non-empty subset of m loops at q. The
 *       event gives a subtask: σ = the propositions of m plus the negation of each proposition p
 *       whose addition to m would make the step fail (stay at q or die); σ^s = the negation of
 *       each p whose single letter {p} kills the formula at q.
 *   <li>Runs: simple paths of events from the initial state to the accepting sink (at most
 *       {@value #MAX_RUNS}).
 *   <li>Grouping: runs with the same multiset of σ form one candidate R-poset, repeated σ told
 *       apart by their occurrence order; ≼ holds for pairs ordered alike in every run of the group;
 *       σ^s is the conjunction over the group.
 *   <li>Verification (soundness): every linear extension of ≼ must be accepted by the automaton,
 *       both with and without empty letters between events; otherwise each run of the group
 *       becomes its own totally ordered R-poset. Then every way of executing several subtasks at
 *       the same instant that ≼ allows (ordered set partitions, fewest merges first) is checked and
 *       a failing block becomes a conflict set of ≠. Groups larger than {@value
 *       #MAX_VERIFIED_SUBTASKS} subtasks are not enumerated: each run becomes a total order with
 *       all pairs in conflict.
 * </ol>
 *
 * <p>So every word admitted by a returned R-poset (letters made of the subtasks' propositions) is
 * a good prefix; the union of the languages is an under-approximation. Formulas that constrain a
 * fixed instant (a proposition at the top level, or X) have no such event structure and are
 * reported as {@link PosetExtraction.NoPoset}.
 *
 * <p>Time: O(R · L) for R runs of length L, plus O(L! + Fubini(L)) automaton runs per group of L ≤
 * {@value #MAX_VERIFIED_SUBTASKS} subtasks.
 */
public final class PathGroupingPosetExtractor extends EventRunPosetExtractor {

  /** Cap on enumerated runs. */
  public static final int MAX_RUNS = 20_000;

  /** Largest group whose linear extensions and simultaneous executions are enumerated. */
  public static final int MAX_VERIFIED_SUBTASKS = 7;

  /** An extractor keeping at most 16 alternative R-posets. */
  public PathGroupingPosetExtractor() {
    this(16);
  }

  /**
   * Creates an extractor.
   *
   * @param maxAlternatives how many R-posets to return at most (at least 1)
   */
  public PathGroupingPosetExtractor(int maxAlternatives) {
    super(maxAlternatives);
  }

  /** One step of a run: leave {@code from} on letter {@code mask} to {@code to}. */
  private record Event(int from, int mask, int to, Guard enabling, Guard selfLoop) {}

  /** Anchored words are not supported here: only {@link DownsetPosetExtractor} builds them. */
  @Override
  Set<RPoset> posetsOfEventRuns(GoodPrefixAutomaton dfa, boolean anchored, Budget budget) {
    if (anchored) {
      return Set.of();
    }
    Map<Integer, List<Event>> eventsByState = new HashMap<>();
    List<List<Event>> runs = new ArrayList<>();
    Set<Integer> onPath = new HashSet<>();
    onPath.add(dfa.initial());
    collectRuns(dfa, dfa.initial(), new ArrayList<>(), onPath, eventsByState, runs);
    Map<List<String>, List<List<Event>>> groups = new LinkedHashMap<>();
    for (List<Event> run : runs) {
      List<String> key = new ArrayList<>();
      for (Event e : run) {
        key.add(e.enabling().toString());
      }
      Collections.sort(key);
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(run);
    }
    Set<RPoset> found = new HashSet<>();
    for (List<List<Event>> group : groups.values()) {
      found.addAll(posetsOf(dfa, group));
    }
    return found;
  }

  private void collectRuns(
      GoodPrefixAutomaton dfa, int state, List<Event> prefix, Set<Integer> onPath,
      Map<Integer, List<Event>> eventsByState, List<List<Event>> runs) {
    if (runs.size() >= MAX_RUNS) {
      return;
    }
    if (dfa.isAccepting(state)) {
      runs.add(List.copyOf(prefix));
      return;
    }
    List<Event> events = eventsByState.computeIfAbsent(state, q -> events(dfa, q));
    for (Event e : events) {
      if (onPath.contains(e.to())) {
        continue;
      }
      onPath.add(e.to());
      prefix.add(e);
      collectRuns(dfa, e.to(), prefix, onPath, eventsByState, runs);
      prefix.remove(prefix.size() - 1);
      onPath.remove(e.to());
    }
  }

  private static List<Event> events(GoodPrefixAutomaton dfa, int q) {
    int bits = dfa.propositions().size();
    List<String> props = dfa.propositions();
    TreeSet<String> forbidden = new TreeSet<>();
    for (int i = 0; i < bits; i++) {
      if (dfa.isDead(dfa.successor(q, 1 << i))) {
        forbidden.add(props.get(i));
      }
    }
    Guard selfLoop = Guard.of(Set.of(), forbidden);
    List<Event> out = new ArrayList<>();
    for (int m : AutomatonEvents.minimalLetters(dfa, q)) {
      int to = dfa.successor(q, m);
      TreeSet<String> pos = new TreeSet<>();
      TreeSet<String> neg = new TreeSet<>();
      for (int i = 0; i < bits; i++) {
        if ((m & (1 << i)) != 0) {
          pos.add(props.get(i));
        } else {
          int with = dfa.successor(q, m | (1 << i));
          if (with == q || dfa.isDead(with)) {
            neg.add(props.get(i));
          }
        }
      }
      out.add(new Event(q, m, to, new Guard(pos, neg), selfLoop));
    }
    return out;
  }

  /** The R-posets of one group of runs with the same multiset of σ. */
  private static List<RPoset> posetsOf(GoodPrefixAutomaton dfa, List<List<Event>> group) {
    List<List<String>> keyed = new ArrayList<>();
    for (List<Event> run : group) {
      keyed.add(occurrenceKeys(run));
    }
    List<String> keys = new ArrayList<>(keyed.get(0));
    Collections.sort(keys);
    int n = keys.size();
    Map<String, Integer> id = new HashMap<>();
    for (int i = 0; i < n; i++) {
      id.put(keys.get(i), i);
    }
    Guard[] enabling = new Guard[n];
    Guard[] selfLoop = new Guard[n];
    boolean[][] before = new boolean[n][n];
    for (boolean[] row : before) {
      Arrays.fill(row, true);
    }
    for (int r = 0; r < group.size(); r++) {
      List<Event> run = group.get(r);
      int[] position = new int[n];
      for (int k = 0; k < run.size(); k++) {
        int s = id.get(keyed.get(r).get(k));
        position[s] = k;
        enabling[s] = run.get(k).enabling();
        selfLoop[s] = selfLoop[s] == null ? run.get(k).selfLoop()
            : selfLoop[s].and(run.get(k).selfLoop());
      }
      for (int a = 0; a < n; a++) {
        for (int b = 0; b < n; b++) {
          before[a][b] &= position[a] < position[b];
        }
      }
    }
    List<Subtask> subtasks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      subtasks.add(new Subtask(i, enabling[i], selfLoop[i]));
    }
    Set<Precedence> order = new HashSet<>();
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        if (a != b && before[a][b]) {
          order.add(new Precedence(a, b));
        }
      }
    }
    if (n > MAX_VERIFIED_SUBTASKS) {
      return totalOrders(dfa, group, keyed, subtasks, id, false);
    }
    RPoset candidate = new RPoset(subtasks, order, Set.of());
    if (group.size() > 1 && !ExecutionChecks.allLinearExtensionsAccepted(dfa, candidate)) {
      return totalOrders(dfa, group, keyed, subtasks, id, true);
    }
    return List.of(ExecutionChecks.withConflicts(dfa, candidate));
  }

  /** Each run as its own R-poset with a total order. */
  private static List<RPoset> totalOrders(
      GoodPrefixAutomaton dfa, List<List<Event>> group, List<List<String>> keyed,
      List<Subtask> subtasks, Map<String, Integer> id, boolean verifyMerges) {
    List<RPoset> out = new ArrayList<>();
    for (int r = 0; r < group.size(); r++) {
      Set<Precedence> order = new HashSet<>();
      List<String> run = keyed.get(r);
      List<Subtask> own = new ArrayList<>();
      for (Subtask s : subtasks) {
        Event e = group.get(r).get(run.indexOf(keys(s, id)));
        own.add(new Subtask(s.id(), e.enabling(), e.selfLoop()));
      }
      for (int k = 0; k + 1 < run.size(); k++) {
        order.add(new Precedence(id.get(run.get(k)), id.get(run.get(k + 1))));
      }
      if (verifyMerges) {
        out.add(ExecutionChecks.withConflicts(dfa, new RPoset(own, order, Set.of())));
      } else {
        Set<Set<Integer>> all = new HashSet<>();
        for (int a = 0; a < own.size(); a++) {
          for (int b = a + 1; b < own.size(); b++) {
            all.add(Set.of(a, b));
          }
        }
        out.add(new RPoset(own, order, all));
      }
    }
    return out;
  }

  private static String keys(Subtask s, Map<String, Integer> id) {
    for (Map.Entry<String, Integer> e : id.entrySet()) {
      if (e.getValue() == s.id()) {
        return e.getKey();
      }
    }
    throw new IllegalStateException("Subtask " + s.id() + " has no key.");
  }

  /** "σ#k" for the k-th occurrence of σ along the run. */
  private static List<String> occurrenceKeys(List<Event> run) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> out = new ArrayList<>();
    for (Event e : run) {
      String label = e.enabling().toString();
      int k = seen.merge(label, 1, Integer::sum) - 1;
      out.add(label + "#" + k);
    }
    return out;
  }
}
