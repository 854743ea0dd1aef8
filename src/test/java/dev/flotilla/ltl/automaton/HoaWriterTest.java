package dev.flotilla.ltl.automaton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Reads the HOA text back and checks that it describes the same transitions. */
class HoaWriterTest {

  private static final String PHI1 = "<> sw_r1 && <> sw_r2 && <> (dc_t3 && <> (om_t3 && <> sa_t3))";

  @Test
  void headerDeclaresAStateBasedDeterministicBuchiAutomaton() {
    GoodPrefixAutomaton dfa = GoodPrefixAutomatonTest.dfa(PHI1);
    String hoa = HoaWriter.write(dfa);
    assertTrue(hoa.startsWith("HOA: v1\n"));
    assertTrue(hoa.contains("States: " + dfa.stateCount() + "\n"));
    assertTrue(hoa.contains("Start: 0\n"));
    assertTrue(hoa.contains("AP: 5 \"dc_t3\" \"om_t3\" \"sa_t3\" \"sw_r1\" \"sw_r2\"\n"), hoa);
    assertTrue(hoa.contains("Acceptance: 1 Inf(0)\n"));
    assertTrue(hoa.contains("properties: trans-labels explicit-labels state-acc deterministic"));
    assertTrue(hoa.endsWith("--END--\n"));
  }

  @Test
  void edgeLabelsDescribeExactlyTheTransitionFunction() {
    for (String text : List.of(PHI1, "(!Vo_f2 && !Re_f2) U gi_f2", "X (a || !a)", "true")) {
      GoodPrefixAutomaton dfa = GoodPrefixAutomatonTest.dfa(text);
      String hoa = HoaWriter.write(dfa);
      int bits = dfa.propositions().size();
      List<List<String[]>> edges = parseBody(hoa, dfa.stateCount());
      for (int s = 0; s < dfa.stateCount(); s++) {
        for (int m = 0; m < 1 << bits; m++) {
          int matches = 0;
          int target = -1;
          for (String[] edge : edges.get(s)) {
            if (holds(edge[0], m)) {
              matches++;
              target = Integer.parseInt(edge[1]);
            }
          }
          assertEquals(1, matches, text + ": state " + s + " letter " + m);
          assertEquals(dfa.successor(s, m), target, text + ": state " + s + " letter " + m);
        }
        assertEquals(dfa.isAccepting(s), hoa.contains("State: " + s + " \"true\" {0}"));
      }
    }
  }

  private static List<List<String[]>> parseBody(String hoa, int states) {
    List<List<String[]>> edges = new ArrayList<>();
    for (int s = 0; s < states; s++) {
      edges.add(new ArrayList<>());
    }
    int current = -1;
    Pattern edge = Pattern.compile("^\\[(.*)\\] (\\d+)$");
    for (String line : hoa.substring(hoa.indexOf("--BODY--")).split("\n")) {
      if (line.startsWith("State: ")) {
        current = Integer.parseInt(line.split(" ")[1]);
      }
      Matcher m = edge.matcher(line);
      if (m.matches()) {
        edges.get(current).add(new String[] {m.group(1), m.group(2)});
      }
    }
    return edges;
  }

  /** Evaluates a label made of "t", "(cube) | (cube)" and cubes "0&!1". */
  private static boolean holds(String label, int letter) {
    for (String cube : label.split("\\|")) {
      String c = cube.strip().replace("(", "").replace(")", "");
      boolean all = true;
      for (String lit : c.split("&")) {
        if (lit.equals("t")) {
          continue;
        }
        boolean neg = lit.startsWith("!");
        int bit = Integer.parseInt(neg ? lit.substring(1) : lit);
        all &= ((letter >> bit) & 1) == (neg ? 0 : 1);
      }
      if (all) {
        return true;
      }
    }
    return false;
  }
}
