package dev.flotilla.alloc;

import dev.flotilla.alloc.api.UnassignedReason;
import dev.flotilla.alloc.api.UnassignedTask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

/**
 * The re-insertion step of local repair (seed 001 §3): for each of the p = (open tasks + 1)
 * positions in execution order, Algorithm 1 picks the crew maximising Δu_g^E of Eq. (22) (scored
 * by {@link InsertScorer}), §2.2's linear table ({@link ConflictElimination}) keeps the other
 * pending tasks feasible, and Eq. (21)'s weights choose which pending task goes first. Moving to
 * the next position only changes the place of the next task's crew, so each position's game
 * continues from the previous position's equilibrium and re-certifies it against those robots.
 * One insertion costs O(p·(n·Σ|s_i| + s·N²·n·(1 + delayed tasks))).
 */
final class Reinsertion {
  private final Instance in;
  private final boolean[] alive;
  private final StrategySchedule.Anchor[] anchors;
  private final int[][] seqs;
  private final Random rng;
  private final int maxExpansions;
  /** Per task, robots reaching it straight from their anchors (−1: not counted yet). */
  private int[] anchorReach;
  /** Game and conflict-walk iterations spent so far. */
  long iterations;

  /**
   * @param seqs each live robot's open strategy (task indices in order), updated in place
   * @param rng draws Algorithm 1's random initial crews
   * @param maxExpansions cap on the §2.2 linear-table walk
   */
  Reinsertion(Instance in, boolean[] alive, StrategySchedule.Anchor[] anchors, int[][] seqs,
      Random rng, int maxExpansions) {
    this.in = in;
    this.alive = alive;
    this.anchors = anchors;
    this.seqs = seqs;
    this.rng = rng;
    this.maxExpansions = maxExpansions;
  }

  /**
   * Re-inserts the pending tasks one at a time, after the tasks pushed past their deadlines have
   * joined them; {@code seqs} is updated in place.
   *
   * @param pending tasks to re-insert, in order; emptied
   * @param unassigned receives the tasks that fit nowhere, with the reason
   */
  void reinsertAll(List<Integer> pending, List<UnassignedTask> unassigned) {
    StrategySchedule.Result base = StrategySchedule.compute(in, anchors, seqs);
    dropLateTasks(base, pending);
    base = StrategySchedule.compute(in, anchors, seqs);
    List<Integer> open = new ArrayList<>(pending);
    pending.clear();
    while (!open.isEmpty()) {
      Insertion[] best = new Insertion[in.m];
      List<Integer> dropped = new ArrayList<>();
      for (int r : open) {
        best[r] = bestInsertion(r, open, base, seqs);
        if (best[r] == null) {
          dropped.add(r);
        }
      }
      for (int r : dropped) {
        unassigned.add(reason(r));
        open.remove(Integer.valueOf(r));
      }
      if (open.isEmpty()) {
        break;
      }
      int pick = open.get(0);
      if (open.size() > 1) {
        double bestWeight = Double.POSITIVE_INFINITY;
        for (int r : open) {
          int[][] tried = best[r].apply(seqs);
          StrategySchedule.Result after = StrategySchedule.compute(in, anchors, tried);
          double worst = Double.NEGATIVE_INFINITY;
          for (int k : open) {
            if (k == r) {
              continue;
            }
            Insertion later = bestInsertion(k, without(open, r), after, tried);
            double afterDelta = later == null ? Double.NEGATIVE_INFINITY : later.delta();
            worst = Math.max(worst, best[k].delta() - afterDelta);
          }
          if (worst < bestWeight - 1e-12) {
            bestWeight = worst;
            pick = r;
          }
        }
      }
      int[][] applied = best[pick].apply(seqs);
      System.arraycopy(applied, 0, seqs, 0, seqs.length);
      base = StrategySchedule.compute(in, anchors, seqs);
      open.remove(Integer.valueOf(pick));
    }
  }

  /** Tasks pushed past their deadline (a robot was delayed or displaced) become pending. */
  private void dropLateTasks(StrategySchedule.Result t, List<Integer> pending) {
    for (int j = 0; j < in.m; j++) {
      if (t.crew()[j] != null && t.start()[j] > in.deadline[j] + 1e-9) {
        final int late = j;
        for (int i : t.crew()[j]) {
          seqs[i] = Arrays.stream(seqs[i]).filter(x -> x != late).toArray();
        }
        pending.add(j);
      }
    }
  }

  /**
   * Why task r could not be re-inserted. When enough capable robots could still reach it from
   * where they are now if they dropped their other tasks, a global re-plan might serve it, so it
   * is reported as DEFERRED rather than DEADLINE_UNREACHABLE.
   */
  private UnassignedTask reason(int r) {
    UnassignedTask plain = PlanAssembler.reason(in, alive, r);
    if (plain.reason() != UnassignedReason.DEADLINE_UNREACHABLE) {
      return plain;
    }
    int reachable = 0;
    for (int i = 0; i < in.n; i++) {
      if (alive[i] && in.lambda[i][r] > 0
          && anchors[i].time() + in.tau(i, anchors[i].distRow()[r]) <= in.deadline[r] + 1e-9) {
        reachable++;
      }
    }
    if (reachable < in.need[r]) {
      return plain;
    }
    return new UnassignedTask(in.tasks[r].id(), UnassignedReason.DEFERRED,
        "Local repair cannot fit task " + in.tasks[r].id()
            + " without breaking other tasks; a global re-plan may.");
  }

  private static List<Integer> without(List<Integer> list, int x) {
    List<Integer> copy = new ArrayList<>(list);
    copy.remove(Integer.valueOf(x));
    return copy;
  }

  /** The best insertion of r over all positions, or null when no crew is feasible anywhere. */
  private Insertion bestInsertion(int r, List<Integer> open, StrategySchedule.Result base,
      int[][] cur) {
    List<Integer> order = new ArrayList<>();
    for (int j = 0; j < in.m; j++) {
      if (base.crew()[j] != null) {
        order.add(j);
      }
    }
    order.sort((a, b) -> Double.compare(base.start()[a], base.start()[b]));
    int[] rank = new int[in.m];
    for (int k = 0; k < order.size(); k++) {
      rank[order.get(k)] = k;
    }
    Insertion best = null;
    InsertScorer.Context context = new InsertScorer.Context(in, anchors, base, cur);
    List<Integer> others = without(open, r);
    InsertScorer scorer =
        new InsertScorer(in, alive, anchors, r, new int[in.n], base, cur, context);
    int[] warm = null;
    int[] changed = null;
    for (int g = 0; g <= order.size(); g++) {
      if (g > 0) {
        // Moving one position later puts r after task order[g-1] for exactly its crew.
        changed = base.crew()[order.get(g - 1)];
        scorer.advance(changed);
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new CancellationException("Reallocation interrupted.");
      }
      SingleTaskGame.Outcome o =
          SingleTaskGame.play(in.need[r], scorer, rng, true, warm, changed);
      iterations += o.iterations();
      warm = o.found() ? o.crew() : null;
      if (!o.found() || o.utility() == Double.NEGATIVE_INFINITY) {
        continue;
      }
      int[] at = scorer.at.clone();
      ConflictElimination.Result resolved = ConflictElimination.resolve(o, scorer,
          crew -> conflicts(others, new Insertion(r, crew, at, 0).apply(cur)), maxExpansions);
      iterations += resolved.iterations();
      SingleTaskGame.Outcome chosen = resolved.outcome().found() ? resolved.outcome() : o;
      if (best == null || chosen.utility() > best.delta() + 1e-12) {
        best = new Insertion(r, chosen.crew(), at, chosen.utility());
      }
    }
    return best;
  }

  /** §2.2 for re-insertion: does this profile leave another pending task without N_k robots? */
  private boolean conflicts(List<Integer> others, int[][] profile) {
    boolean exposed = false;
    for (int k : others) {
      // Inserting at the front of a strategy depends on the anchor only, so robots reaching k
      // from their anchor count in every profile: with N_k of them k can never lose its crew.
      exposed |= fromAnchor(k) < in.need[k];
    }
    if (!exposed) {
      return false;
    }
    StrategySchedule.Result t = StrategySchedule.compute(in, anchors, profile);
    for (int k : others) {
      if (reachable(k, t, seqs) >= in.need[k] && reachable(k, t, profile) < in.need[k]) {
        return true;
      }
    }
    return false;
  }

  /** Live capable robots that reach task k before its deadline straight from their anchor. */
  private int fromAnchor(int k) {
    if (anchorReach == null) {
      anchorReach = new int[in.m];
      Arrays.fill(anchorReach, -1);
    }
    if (anchorReach[k] < 0) {
      int count = 0;
      for (int i = 0; i < in.n; i++) {
        if (alive[i] && in.lambda[i][k] > 0
            && anchors[i].time() + in.tau(i, anchors[i].distRow()[k]) <= in.deadline[k] + 1e-9) {
          count++;
        }
      }
      anchorReach[k] = count;
    }
    return anchorReach[k];
  }

  /** Live capable robots that could reach task k before its deadline at some gap of theirs. */
  private int reachable(int k, StrategySchedule.Result t, int[][] profile) {
    int count = 0;
    for (int i = 0; i < in.n; i++) {
      if (!alive[i] || in.lambda[i][k] <= 0) {
        continue;
      }
      for (int pos = 0; pos <= profile[i].length; pos++) {
        if (arrivalAt(i, pos, k, t, profile) <= in.deadline[k] + 1e-9) {
          count++;
          break;
        }
      }
    }
    return count;
  }

  /** When robot i would reach task r if r were inserted at index pos of its strategy. */
  private double arrivalAt(int i, int pos, int r, StrategySchedule.Result t, int[][] profile) {
    if (pos == 0) {
      return anchors[i].time() + in.tau(i, anchors[i].distRow()[r]);
    }
    int prev = profile[i][pos - 1];
    if (Double.isNaN(t.start()[prev])) {
      return Double.POSITIVE_INFINITY;
    }
    return t.start()[prev] + in.duration[prev] + in.tau(i, in.taskDist[prev][r]);
  }
}
