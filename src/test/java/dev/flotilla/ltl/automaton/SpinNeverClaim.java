package dev.flotilla.ltl.automaton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Büchi automaton read from the never claim printed by {@code spin -f}, used as an independent
 * oracle. Supported shapes (those Spin 6 prints): labelled states whose body is
 * {@code do/if :: guard -> goto L ... od/fi;},
 * {@code :: atomic { guard -> assert(...) }} (the claim is matched at once: we go to an accepting universal state), {@code :: false}, {@code skip}
 * (falls off the end of the claim: matched, universal) and {@code false;} (dead). A state is
 * accepting when one of its labels starts with {@code accept}.
 */
final class SpinNeverClaim {

  /** One transition: a guard over letters and a target state index. */
  record Edge(Predicate<Set<String>> guard, int target) {}

  final List<Boolean> accepting = new ArrayList<>();
  final List<List<Edge>> edges = new ArrayList<>();
  final int universal;
  int initial = -1;

  private SpinNeverClaim() {
    universal = newState(true);
    edges.get(universal).add(new Edge(l -> true, universal));
  }

  private int newState(boolean accept) {
    accepting.add(accept);
    edges.add(new ArrayList<>());
    return accepting.size() - 1;
  }

  private static final Pattern LABEL = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*):$");
  private static final Pattern GOTO = Pattern.compile("^::\\s*(.*)\\s*->\\s*goto\\s+(\\w+)$");
  private static final Pattern ASSERT =
      Pattern.compile("^::\\s*atomic\\s*\\{\\s*(.*?)\\s*->\\s*assert\\(.*\\)\\s*\\}$");

  /** Parses spin's output; throws with the offending line when the shape is unknown. */
  static SpinNeverClaim parse(String text) {
    SpinNeverClaim nba = new SpinNeverClaim();
    Map<String, Integer> byLabel = new HashMap<>();
    List<String[]> pendingGotos = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    int current = -1;
    for (String raw : text.split("\n")) {
      String line = raw.replaceAll("/\\*.*?\\*/", "").strip();
      if (line.isEmpty() || line.startsWith("never") || line.equals("}")) {
        continue;
      }
      Matcher label = LABEL.matcher(line);
      if (label.matches()) {
        labels.add(label.group(1));
        continue;
      }
      if (!labels.isEmpty()) {
        boolean accept = labels.stream().anyMatch(l -> l.startsWith("accept"));
        current = nba.newState(accept);
        for (String l : labels) {
          byLabel.put(l, current);
          if (l.endsWith("_init") && nba.initial < 0) {
            nba.initial = current;
          }
        }
        if (nba.initial < 0) {
          nba.initial = current;
        }
        labels.clear();
      }
      Matcher go = GOTO.matcher(line);
      Matcher as = ASSERT.matcher(line);
      if (line.equals("do") || line.equals("if") || line.equals("od;") || line.equals("fi;")
          || line.equals(":: false") || line.equals("false;")) {
        continue;
      } else if (line.equals("skip")) {
        nba.edges.get(current).add(new Edge(l -> true, nba.universal));
      } else if (as.matches()) {
        nba.edges.get(current).add(new Edge(guard(as.group(1)), nba.universal));
      } else if (go.matches()) {
        pendingGotos.add(new String[] {Integer.toString(current), go.group(1), go.group(2)});
      } else {
        throw new IllegalArgumentException("Unknown never-claim line: " + line);
      }
    }
    for (String[] g : pendingGotos) {
      Integer target = byLabel.get(g[2]);
      if (target == null) {
        throw new IllegalArgumentException("Unknown label " + g[2]);
      }
      nba.edges.get(Integer.parseInt(g[0])).add(new Edge(guard(g[1]), target));
    }
    return nba;
  }

  /** Whether some infinite word that starts with {@code prefix} is accepted. */
  boolean acceptsSomeExtension(List<Set<String>> prefix, List<Set<String>> alphabet) {
    boolean[] now = new boolean[accepting.size()];
    now[initial] = true;
    for (Set<String> letter : prefix) {
      boolean[] next = new boolean[now.length];
      for (int s = 0; s < now.length; s++) {
        if (now[s]) {
          for (Edge e : edges.get(s)) {
            if (e.guard().test(letter)) {
              next[e.target()] = true;
            }
          }
        }
      }
      now = next;
    }
    boolean[] live = live(alphabet);
    for (int s = 0; s < now.length; s++) {
      if (now[s] && live[s]) {
        return true;
      }
    }
    return false;
  }

  private List<Set<String>> liveAlphabet;
  private boolean[] liveStates;

  /** States from which an accepting lasso is reachable over the alphabet (cached per alphabet). */
  private boolean[] live(List<Set<String>> alphabet) {
    if (alphabet.equals(liveAlphabet)) {
      return liveStates;
    }
    int n = accepting.size();
    boolean[][] step = new boolean[n][n];
    for (int s = 0; s < n; s++) {
      for (Edge e : edges.get(s)) {
        for (Set<String> letter : alphabet) {
          if (e.guard().test(letter)) {
            step[s][e.target()] = true;
          }
        }
      }
    }
    boolean[][] reach = closure(step);
    boolean[] out = new boolean[n];
    for (int s = 0; s < n; s++) {
      for (int a = 0; a < n && !out[s]; a++) {
        boolean reachable = s == a || reach[s][a];
        out[s] = reachable && accepting.get(a) && reach[a][a];
      }
    }
    liveAlphabet = List.copyOf(alphabet);
    liveStates = out;
    return out;
  }

  /**
   * Whether the ultimately periodic word u·v^ω is accepted: an accepting cycle in the product of
   * the claim with the lasso's positions.
   */
  boolean acceptsLasso(List<Set<String>> u, List<Set<String>> loop) {
    List<Set<String>> positions = new ArrayList<>(u);
    positions.addAll(loop);
    int len = positions.size();
    int n = accepting.size() * len;
    boolean[][] step = new boolean[n][n];
    for (int q = 0; q < accepting.size(); q++) {
      for (int i = 0; i < len; i++) {
        int nextPos = i + 1 < len ? i + 1 : u.size();
        for (Edge e : edges.get(q)) {
          if (e.guard().test(positions.get(i))) {
            step[q * len + i][e.target() * len + nextPos] = true;
          }
        }
      }
    }
    boolean[][] reach = closure(step);
    int start = initial * len;
    for (int node = 0; node < n; node++) {
      boolean reachable = node == start || reach[start][node];
      if (reachable && accepting.get(node / len) && reach[node][node]) {
        return true;
      }
    }
    return false;
  }

  private static boolean[][] closure(boolean[][] step) {
    int n = step.length;
    boolean[][] r = new boolean[n][];
    for (int i = 0; i < n; i++) {
      r[i] = step[i].clone();
    }
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < n; i++) {
        if (r[i][k]) {
          for (int j = 0; j < n; j++) {
            r[i][j] |= r[k][j];
          }
        }
      }
    }
    return r;
  }

  /** Parses a guard such as {@code (! ((a)) && ! ((b)))}. */
  static Predicate<Set<String>> guard(String text) {
    GuardParser p = new GuardParser(text.replaceAll("\\s+", ""));
    Predicate<Set<String>> g = p.or();
    if (p.pos != p.s.length()) {
      throw new IllegalArgumentException("Trailing text in guard: " + text);
    }
    return g;
  }

  private static final class GuardParser {
    final String s;
    int pos;

    GuardParser(String s) {
      this.s = s;
    }

    Predicate<Set<String>> or() {
      Predicate<Set<String>> left = and();
      while (s.startsWith("||", pos)) {
        pos += 2;
        left = left.or(and());
      }
      return left;
    }

    Predicate<Set<String>> and() {
      Predicate<Set<String>> left = unary();
      while (s.startsWith("&&", pos)) {
        pos += 2;
        left = left.and(unary());
      }
      return left;
    }

    Predicate<Set<String>> unary() {
      char c = s.charAt(pos);
      if (c == '!') {
        pos++;
        return unary().negate();
      }
      if (c == '(') {
        pos++;
        Predicate<Set<String>> inner = or();
        if (s.charAt(pos) != ')') {
          throw new IllegalArgumentException("Expected ) in guard " + s + " at " + pos);
        }
        pos++;
        return inner;
      }
      int end = pos;
      while (end < s.length()
          && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
        end++;
      }
      String name = s.substring(pos, end);
      if (name.isEmpty()) {
        throw new IllegalArgumentException("Expected a name in guard " + s + " at " + pos);
      }
      pos = end;
      switch (name) {
        case "1":
        case "true":
          return l -> true;
        case "0":
        case "false":
          return l -> false;
        default:
          return l -> l.contains(name);
      }
    }
  }
}
