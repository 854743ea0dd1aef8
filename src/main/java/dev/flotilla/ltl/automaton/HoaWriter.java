package dev.flotilla.ltl.automaton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link GoodPrefixAutomaton} in the Hanoi Omega-Automata format (HOA v1) as a
 * deterministic, complete, state-based Büchi automaton whose only accepting state is the
 * good-prefix sink. Edge labels are small sums of cubes: the letters leading from one state to
 * another are merged Quine–McCluskey style into prime cubes and a greedy cover of them is printed.
 * Time: O(|S| · 4^|AP|) in the worst case.
 */
public final class HoaWriter {

  private HoaWriter() {}

  /** A cube: bits in {@code care} are fixed to their value in {@code value}. */
  private record Cube(int care, int value) {
    boolean covers(int letter) {
      return (letter & care) == value;
    }
  }

  /**
   * Renders the automaton.
   *
   * @param automaton the automaton
   * @return HOA text ending with {@code --END--} and a newline
   */
  public static String write(GoodPrefixAutomaton automaton) {
    List<String> props = automaton.propositions();
    StringBuilder out = new StringBuilder();
    out.append("HOA: v1\n");
    out.append("name: \"").append(escape(automaton.formula())).append("\"\n");
    out.append("States: ").append(automaton.stateCount()).append('\n');
    out.append("Start: ").append(automaton.initial()).append('\n');
    out.append("AP: ").append(props.size());
    for (String p : props) {
      out.append(" \"").append(escape(p)).append('"');
    }
    out.append('\n');
    out.append("acc-name: Buchi\n");
    out.append("Acceptance: 1 Inf(0)\n");
    out.append("properties: trans-labels explicit-labels state-acc deterministic complete\n");
    out.append("--BODY--\n");
    int letters = 1 << props.size();
    for (int s = 0; s < automaton.stateCount(); s++) {
      out.append("State: ").append(s).append(" \"").append(escape(automaton.stateLabel(s)))
          .append('"');
      if (automaton.isAccepting(s)) {
        out.append(" {0}");
      }
      out.append('\n');
      Map<Integer, List<Integer>> byTarget = new TreeMap<>();
      for (int m = 0; m < letters; m++) {
        byTarget.computeIfAbsent(automaton.successor(s, m), k -> new ArrayList<>()).add(m);
      }
      for (Map.Entry<Integer, List<Integer>> e : byTarget.entrySet()) {
        out.append('[').append(label(e.getValue(), props.size())).append("] ")
            .append(e.getKey()).append('\n');
      }
    }
    out.append("--END--\n");
    return out.toString();
  }

  private static String label(List<Integer> letters, int bits) {
    if (letters.size() == 1 << bits) {
      return "t";
    }
    List<Cube> cover = cover(letters, bits);
    List<String> terms = new ArrayList<>();
    for (Cube c : cover) {
      List<String> lits = new ArrayList<>();
      for (int i = 0; i < bits; i++) {
        if ((c.care() & (1 << i)) != 0) {
          lits.add(((c.value() & (1 << i)) != 0 ? "" : "!") + i);
        }
      }
      terms.add(lits.isEmpty() ? "t" : String.join("&", lits));
    }
    return terms.size() == 1 ? terms.get(0) : "(" + String.join(") | (", terms) + ")";
  }

  private static List<Cube> cover(List<Integer> letters, int bits) {
    int all = (1 << bits) - 1;
    Map<Cube, Boolean> current = new LinkedHashMap<>();
    for (int m : letters) {
      current.put(new Cube(all, m), false);
    }
    List<Cube> primes = new ArrayList<>();
    while (!current.isEmpty()) {
      Map<Cube, Boolean> merged = new LinkedHashMap<>();
      List<Cube> cubes = new ArrayList<>(current.keySet());
      for (int i = 0; i < cubes.size(); i++) {
        for (int j = i + 1; j < cubes.size(); j++) {
          Cube a = cubes.get(i);
          Cube b = cubes.get(j);
          int diff = a.value() ^ b.value();
          if (a.care() == b.care() && Integer.bitCount(diff) == 1) {
            merged.put(new Cube(a.care() & ~diff, a.value() & ~diff), false);
            current.put(a, true);
            current.put(b, true);
          }
        }
      }
      for (Map.Entry<Cube, Boolean> e : current.entrySet()) {
        if (!e.getValue()) {
          primes.add(e.getKey());
        }
      }
      current = merged;
    }
    List<Integer> uncovered = new ArrayList<>(letters);
    List<Cube> chosen = new ArrayList<>();
    while (!uncovered.isEmpty()) {
      Cube best = null;
      int bestCount = -1;
      for (Cube c : primes) {
        int count = 0;
        for (int m : uncovered) {
          if (c.covers(m)) {
            count++;
          }
        }
        if (count > bestCount) {
          best = c;
          bestCount = count;
        }
      }
      chosen.add(best);
      final Cube pick = best;
      uncovered.removeIf(pick::covers);
    }
    return chosen;
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
