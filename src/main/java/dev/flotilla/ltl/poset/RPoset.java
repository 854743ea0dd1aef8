package dev.flotilla.ltl.poset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A relaxed partially ordered set P = (Ω, ≼, ≠) of Definition 2 of seed 003 (after its reference
 * [27]).
 *
 * <p>Semantics used throughout {@code dev.flotilla.ltl}: an assignment of an execution instant
 * t(ω) to every subtask is admitted when (i) t(h) ≤ t(ℓ) for every (h, ℓ) ∈ ≼ (Eq. (3) of seed
 * 003) and (ii) the members of a conflict set are not all executed at the same instant (Eq. (4)).
 * The word of an assignment has at instant k the positive propositions of the subtasks executed at
 * k. Posets built by a {@link PosetExtractor} are checked so that every admitted assignment of
 * distinct or shared instants gives a good prefix of their formula, with or without idle (empty)
 * letters in between, for words whose letters hold only the poset's propositions; σ^s and the
 * negative literals of σ tell the planner which other propositions must stay false. Formulas that
 * constrain the first instant or need an idle instant between two executions get anchored
 * R-posets instead, sound for words that start at the first execution and have an idle letter
 * between any two instants ({@link PosetExtraction.Posets#anchored()}).
 *
 * <p>{@code order} is stored transitively closed; {@link #hasse()} gives the covering pairs.
 * Queries cost O(|≼|) or O(|≠|).
 *
 * @param subtasks Ω, with {@code subtasks.get(i).id() == i}
 * @param order ≼, transitively closed and acyclic
 * @param conflicts ≠, each set has at least two members
 */
public record RPoset(List<Subtask> subtasks, Set<Precedence> order, Set<Set<Integer>> conflicts) {

  /** Validates ids, closes the order transitively and rejects cycles. */
  public RPoset {
    subtasks = List.copyOf(subtasks);
    for (int i = 0; i < subtasks.size(); i++) {
      if (subtasks.get(i).id() != i) {
        throw new IllegalArgumentException(
            "Subtask at position " + i + " has id " + subtasks.get(i).id()
                + "; ids must be dense.");
      }
    }
    int n = subtasks.size();
    boolean[][] reach = new boolean[n][n];
    for (Precedence p : order) {
      checkId(p.before(), n);
      checkId(p.after(), n);
      reach[p.before()][p.after()] = true;
    }
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < n; i++) {
        if (reach[i][k]) {
          for (int j = 0; j < n; j++) {
            reach[i][j] |= reach[k][j];
          }
        }
      }
    }
    Set<Precedence> closed = new HashSet<>();
    for (int i = 0; i < n; i++) {
      if (reach[i][i]) {
        throw new IllegalArgumentException("The order has a cycle through subtask " + i + ".");
      }
      for (int j = 0; j < n; j++) {
        if (reach[i][j]) {
          closed.add(new Precedence(i, j));
        }
      }
    }
    order = Collections.unmodifiableSet(closed);
    Set<Set<Integer>> conflictCopy = new HashSet<>();
    for (Set<Integer> c : conflicts) {
      if (c.size() < 2) {
        throw new IllegalArgumentException("A conflict set needs two subtasks, got " + c + ".");
      }
      for (int id : c) {
        checkId(id, n);
      }
      conflictCopy.add(Collections.unmodifiableSortedSet(new TreeSet<>(c)));
    }
    conflicts = Collections.unmodifiableSet(conflictCopy);
  }

  private static void checkId(int id, int n) {
    if (id < 0 || id >= n) {
      throw new IllegalArgumentException("Subtask id " + id + " is outside 0.." + (n - 1) + ".");
    }
  }

  /**
   * The subtask with an id.
   *
   * @param id the index ℓ
   * @return ω_ℓ
   */
  public Subtask subtask(int id) {
    return subtasks.get(id);
  }

  /**
   * The number of subtasks |Ω|.
   *
   * @return the size
   */
  public int size() {
    return subtasks.size();
  }

  /**
   * Whether (a, b) ∈ ≼, i.e. b may only start once a has started.
   *
   * @param a id of the earlier subtask
   * @param b id of the later subtask
   * @return true when a ≼ b (transitively) and a ≠ b
   */
  public boolean precedes(int a, int b) {
    return a != b && order.contains(new Precedence(a, b));
  }

  /**
   * All subtasks that must have started before {@code b} may start.
   *
   * @param b a subtask id
   * @return ids h with h ≼ b, sorted
   */
  public SortedSet<Integer> predecessors(int b) {
    TreeSet<Integer> out = new TreeSet<>();
    for (Precedence p : order) {
      if (p.after() == b) {
        out.add(p.before());
      }
    }
    return out;
  }

  /**
   * All subtasks that may only start after {@code a} has started.
   *
   * @param a a subtask id
   * @return ids ℓ with a ≼ ℓ, sorted
   */
  public SortedSet<Integer> successors(int a) {
    TreeSet<Integer> out = new TreeSet<>();
    for (Precedence p : order) {
      if (p.before() == a) {
        out.add(p.after());
      }
    }
    return out;
  }

  /**
   * Whether a and b belong to a common conflict set, i.e. must not be executed simultaneously.
   *
   * @param a a subtask id
   * @param b another subtask id
   * @return true when some set in ≠ contains both
   */
  public boolean conflicts(int a, int b) {
    if (a == b) {
      return false;
    }
    for (Set<Integer> c : conflicts) {
      if (c.contains(a) && c.contains(b)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The covering pairs of ≼ (its transitive reduction).
   *
   * @return pairs (a, b) with a ≼ b and no c with a ≼ c ≼ b
   */
  public Set<Precedence> hasse() {
    Set<Precedence> out = new HashSet<>();
    for (Precedence p : order) {
      boolean covered = false;
      for (int c = 0; c < size() && !covered; c++) {
        covered = precedes(p.before(), c) && precedes(c, p.after());
      }
      if (!covered) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * Whether execution instants respect ≼ and ≠ (conditions (i) and (ii) of the class comment).
   *
   * @param instants {@code instants[i]} is when subtask i is executed (any unit, e.g. seconds)
   * @return true when admitted
   */
  public boolean admits(double[] instants) {
    if (instants.length != size()) {
      throw new IllegalArgumentException(
          "Expected " + size() + " instants, got " + instants.length + ".");
    }
    for (Precedence p : order) {
      if (instants[p.before()] > instants[p.after()]) {
        return false;
      }
    }
    for (Set<Integer> c : conflicts) {
      double first = instants[c.iterator().next()];
      boolean allEqual = c.stream().allMatch(id -> instants[id] == first);
      if (allEqual) {
        return false;
      }
    }
    return true;
  }

  /**
   * The word of an assignment: letter k holds the positive propositions of the subtasks executed
   * at the k-th distinct instant (in increasing order).
   *
   * @param instants {@code instants[i]} is when subtask i is executed
   * @return the word, one letter per distinct instant
   */
  public List<Set<String>> word(double[] instants) {
    TreeSet<Double> distinct = new TreeSet<>();
    for (double t : instants) {
      distinct.add(t);
    }
    List<Set<String>> out = new ArrayList<>();
    for (double t : distinct) {
      Set<String> letter = new TreeSet<>();
      for (int i = 0; i < instants.length; i++) {
        if (instants[i] == t) {
          letter.addAll(subtasks.get(i).propositions());
        }
      }
      out.add(Collections.unmodifiableSet(letter));
    }
    return List.copyOf(out);
  }

  /** A compact multi-line rendering for logs and the CLI. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("R-poset with " + size() + " subtasks\n");
    for (Subtask s : subtasks) {
      out.append("  ω").append(s.id()).append(": σ = ").append(s.enabling());
      out.append(", σ^s = ").append(s.selfLoop()).append('\n');
    }
    List<String> pairs = new ArrayList<>();
    for (Precedence p : hasse()) {
      pairs.add("ω" + p.before() + " ≼ ω" + p.after());
    }
    Collections.sort(pairs);
    out.append("  order: ").append(pairs).append('\n');
    List<String> conf = new ArrayList<>();
    for (Set<Integer> c : conflicts) {
      conf.add(c.toString());
    }
    Collections.sort(conf);
    out.append("  conflicts: ").append(conf);
    return out.toString();
  }
}
