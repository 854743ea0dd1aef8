package dev.flotilla.ltl.poset;

import static dev.flotilla.ltl.poset.AutomatonEvents.propositions;

import dev.flotilla.ltl.automaton.Budget;
import dev.flotilla.ltl.automaton.GoodPrefixAutomaton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * R-poset extraction (Definition 2 of seed 003, after its reference [27]) by dynamic programming
 * over the downsets of a candidate subtask set, so that independent subtasks cost 2^n, not n!.
 *
 * <ol>
 *   <li>Candidates: runs of the good-prefix automaton made of events, exactly as in {@link
 *       PathGroupingPosetExtractor} (minimal letters leaving a state where the empty letter loops),
 *       explored depth-first with memoisation on (state, multiset of event labels so far); each
 *       distinct multiset with one witness run is a candidate Ω.
 *   <li>Order ≼: start from the witness run's total order and drop pairs one by one (farthest
 *       apart first) while every linear extension is still accepted. A configuration is (set D of
 *       executed subtasks, automaton state); before each event any number of empty letters may
 *       occur, so acceptance must hold for every such choice.
 *   <li>Conflicts ≠: executions of several subtasks at one instant (blocks) allowed by ≼ are
 *       checked the same way; a block whose execution leads to a configuration that fails even
 *       with one subtask at a time becomes a conflict set, until every admitted execution is
 *       accepted.
 *   <li>σ_ℓ gets ¬p for each proposition p of the formula that, added to ℓ's letter in a reachable
 *       configuration, makes completion fail; σ^s_ℓ gets ¬p when p alone, occurring in a reachable
 *       configuration where ℓ is pending, makes completion fail.
 * </ol>
 *
 * <p>Every word admitted by a returned R-poset (letters made of its subtasks' propositions, with or
 * without empty letters between them) is a good prefix. Above {@value #MAX_ORDER_SUBTASKS}
 * subtasks a candidate keeps its witness order and above {@value #MAX_BLOCK_SUBTASKS} all its
 * pairs conflict (no simultaneous execution), which stays sound.
 *
 * <p>Time: per candidate of n subtasks O(n^2 · 2^n · n · I) for the order (I: empty letters to
 * consider, usually 1) and O(c · 3^n) for c conflict sets, plus the candidate search.
 */
public final class DownsetPosetExtractor extends EventRunPosetExtractor {

  /** Largest candidate whose order is relaxed. */
  public static final int MAX_ORDER_SUBTASKS = 14;

  /** Largest candidate whose simultaneous executions are analysed. */
  public static final int MAX_BLOCK_SUBTASKS = 10;

  /** Cap on the (state, multiset) pairs visited by the candidate search. */
  public static final int MAX_SEARCH = 200_000;

  /** An extractor keeping at most 16 alternative R-posets. */
  public DownsetPosetExtractor() {
    this(16);
  }

  /**
   * Creates an extractor.
   *
   * @param maxAlternatives how many R-posets to return at most (at least 1)
   */
  public DownsetPosetExtractor(int maxAlternatives) {
    super(maxAlternatives);
  }

  /** One event of a witness run: letter {@code mask} taken in state {@code from}. */
  private record Event(int from, int mask, String label) {}

  /**
   * {@inheritDoc} Anchored: events are read from the initial state without idle letters before
   * and with idle letters after each (see {@link AutomatonEvents#target}), and the candidate
   * analysis puts no idle letter before the first instant and at least one between instants.
   */
  @Override
  Set<RPoset> posetsOfEventRuns(GoodPrefixAutomaton dfa, boolean anchored, Budget budget) {
    Map<List<String>, List<Event>> candidates = new LinkedHashMap<>();
    Map<Integer, List<Event>> events = new HashMap<>();
    search(new Search(dfa, anchored, budget), dfa.initial(), new ArrayList<>(), new HashSet<>(),
        new HashSet<>(), events, candidates);
    Set<RPoset> found = new HashSet<>();
    for (List<Event> witness : candidates.values()) {
      budget.checkTime("extracting its R-posets");
      int[] masks = new int[witness.size()];
      for (int i = 0; i < masks.length; i++) {
        masks[i] = witness.get(i).mask();
      }
      RPoset p = new DownsetCandidate(dfa, masks, anchored, budget).poset();
      if (p != null) {
        found.add(p);
      }
    }
    return found;
  }

  /** The fixed arguments of one candidate search. */
  private record Search(GoodPrefixAutomaton dfa, boolean anchored, Budget budget) {}

  private void search(
      Search how, int state, List<Event> prefix, Set<Integer> onPath,
      Set<String> visited, Map<Integer, List<Event>> eventsByState,
      Map<List<String>, List<Event>> candidates) {
    GoodPrefixAutomaton dfa = how.dfa();
    List<String> labels = new ArrayList<>();
    for (Event e : prefix) {
      labels.add(e.label());
    }
    Collections.sort(labels);
    if (visited.size() >= MAX_SEARCH || !visited.add(state + ":" + labels)) {
      return;
    }
    if (dfa.isAccepting(state)) {
      candidates.putIfAbsent(labels, List.copyOf(prefix));
      return;
    }
    if (candidates.size() >= 4 * maxAlternatives) {
      return;
    }
    if ((visited.size() & 255) == 0) {
      how.budget().checkTime("extracting its R-posets");
    }
    onPath.add(state);
    for (Event e : eventsByState.computeIfAbsent(state, q -> events(dfa, q, how.anchored(), how.budget()))) {
      int to = AutomatonEvents.target(dfa, state, e.mask(), how.anchored());
      if (!onPath.contains(to)) {
        prefix.add(e);
        search(how, to, prefix, onPath, visited, eventsByState, candidates);
        prefix.remove(prefix.size() - 1);
      }
    }
    onPath.remove(state);
  }

  /** Minimal letters leaving q for a live state where nothing happening loops (or acceptance). */
  private static List<Event> events(
      GoodPrefixAutomaton dfa, int q, boolean anchored, Budget budget) {
    List<Event> out = new ArrayList<>();
    for (int m : AutomatonEvents.minimalLetters(dfa, q, anchored, budget)) {
      out.add(new Event(q, m, String.join(",", propositions(dfa, m))));
    }
    return out;
  }
}
