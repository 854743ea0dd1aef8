package dev.flotilla.alloc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * §2.2 of seed 001: when applying a task's best crew would leave another unassigned task without
 * N_k robots able to reach it before its deadline, walk the potential game's sub-optimal solutions
 * with the linear table of Fig. 1. A rejected crew is deleted from the table and its branch is
 * added: for each member, the best crew obtained by swapping that member with one outsider
 * (never a crew already in the table or deleted before). The best crew in the table is tested
 * next. An empty table means the task is deferred this round. The walk is capped at
 * {@code maxExpansions} deletions (the full walk may visit all C(n, N_j) crews); hitting the cap
 * also defers. Each expansion costs N_j·n scorings plus one conflict test.
 */
final class ConflictElimination {
  private ConflictElimination() {}

  record Result(SingleTaskGame.Outcome outcome, long iterations) {}

  static Result resolve(
      SingleTaskGame.Outcome best,
      CrewScorer scorer,
      Predicate<int[]> conflicts,
      int maxExpansions) {
    if (!best.found()) {
      return new Result(best, 0);
    }
    if (!conflicts.test(best.crew())) {
      return new Result(best, 0);
    }
    long iterations = 0;
    Set<List<Integer>> seen = new HashSet<>();
    List<SingleTaskGame.Outcome> table = new ArrayList<>();
    seen.add(key(best.crew()));
    SingleTaskGame.Outcome rejected = best;
    int[] pool = scorer.candidates();
    for (int expansion = 0; expansion < maxExpansions; expansion++) {
      for (int slot = 0; slot < rejected.crew().length; slot++) {
        int[] bestCrew = null;
        double bestU = Double.NEGATIVE_INFINITY;
        for (int i : pool) {
          if (SingleTaskGame.contains(rejected.crew(), i)) {
            continue;
          }
          int[] crew = rejected.crew().clone();
          crew[slot] = i;
          crew = SingleTaskGame.sorted(crew);
          if (seen.contains(key(crew))) {
            continue;
          }
          iterations++;
          double u = scorer.score(crew);
          if (u > bestU || bestCrew == null) {
            bestU = u;
            bestCrew = crew;
          }
        }
        if (bestCrew != null && bestU > Double.NEGATIVE_INFINITY) {
          seen.add(key(bestCrew));
          table.add(new SingleTaskGame.Outcome(bestCrew, bestU, 0));
        }
      }
      if (table.isEmpty()) {
        break;
      }
      int at = 0;
      for (int k = 1; k < table.size(); k++) {
        if (table.get(k).utility() > table.get(at).utility()) {
          at = k;
        }
      }
      SingleTaskGame.Outcome next = table.remove(at);
      if (!conflicts.test(next.crew())) {
        return new Result(next, iterations);
      }
      rejected = next;
    }
    return new Result(SingleTaskGame.Outcome.none(0), iterations);
  }

  private static List<Integer> key(int[] crew) {
    return Arrays.stream(crew).boxed().toList();
  }
}
