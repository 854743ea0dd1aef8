package dev.flotilla.plan.task;

import dev.flotilla.ltl.poset.ActionAtRegion;
import dev.flotilla.ltl.poset.Precedence;
import dev.flotilla.ltl.poset.RPoset;
import dev.flotilla.ltl.poset.Subtask;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an R-poset of {@code dev.flotilla.ltl.poset} (Definition 2 of seed 003) as planner subtasks
 * (Section 3.1): the one positive action proposition a_m of sigma_l is the action to perform;
 * negative agent-type labels at m (e.g. {@code !Do_f4}) exclude that type from the action; negative
 * action propositions (e.g. {@code !om_t4}) become conflicts with the subtasks that make them true;
 * sigma^s negatives must stay false until the subtask is done. Ids are kept, so a running plan's
 * subtask ids survive an online product.
 *
 * <p>Not supported (reported as {@link TaskConversion.Unsupported}): a sigma_l asking for two
 * different actions at the same instant, positive type or region propositions, positive sigma^s
 * literals. Negative type labels at another region than the action's are not enforced (agents are
 * only located while performing a step). Subtasks whose sigma_l holds no positive literal need no
 * action and are dropped. Time: O(|Omega|^2 + |order|).
 */
public final class RPosetAdapter {

  private final Set<String> actions;
  private final Set<String> regions;
  private final Set<String> typeLabels;

  /**
   * Prepares the adapter.
   *
   * @param actions action labels of the scenario
   * @param regions region names
   * @param typeLabels agent-type labels, e.g. {@code Vo}, {@code Ju}, {@code Do}
   */
  public RPosetAdapter(Set<String> actions, Set<String> regions, Set<String> typeLabels) {
    this.actions = Set.copyOf(actions);
    this.regions = Set.copyOf(regions);
    this.typeLabels = Set.copyOf(typeLabels);
  }

  /**
   * Converts an R-poset.
   *
   * @param poset the R-poset
   * @return the spec, or the reason it cannot be planned
   */
  public TaskConversion convert(RPoset poset) {
    List<SubtaskSpec> subtasks = new ArrayList<>();
    Set<Integer> kept = new HashSet<>();
    for (Subtask s : poset.subtasks()) {
      List<ActionAtRegion> acts = new ArrayList<>();
      for (String p : s.enabling().positive()) {
        Optional<ActionAtRegion> ar = ActionAtRegion.parse(p);
        if (ar.isEmpty() || !regions.contains(ar.get().region())) {
          return unsupported(s, "needs " + p + ", which is no action at a known region");
        }
        if (typeLabels.contains(ar.get().action())) {
          return unsupported(
              s,
              "needs an agent of type "
                  + ar.get().action()
                  + " present at "
                  + ar.get().region()
                  + "; the planner only plans actions");
        }
        if (!actions.contains(ar.get().action())) {
          return unsupported(s, "needs " + p + " but no action is labelled " + ar.get().action());
        }
        acts.add(ar.get());
      }
      if (acts.isEmpty()) {
        continue;
      }
      if (acts.size() > 1) {
        return unsupported(s, "needs " + acts + " at the same instant; not supported");
      }
      if (!s.selfLoop().positive().isEmpty()) {
        return unsupported(s, "needs " + s.selfLoop().positive() + " to hold until it is done");
      }
      ActionAtRegion act = acts.get(0);
      Set<String> excluded = new HashSet<>();
      for (String p : s.enabling().negative()) {
        ActionAtRegion.parse(p)
            .filter(ar -> typeLabels.contains(ar.action()) && ar.region().equals(act.region()))
            .ifPresent(ar -> excluded.add(ar.action()));
      }
      subtasks.add(
          new SubtaskSpec(s.id(), act.action(), act.region(), excluded, s.selfLoop().negative()));
      kept.add(s.id());
    }
    Set<TaskSpec.Order> order = new HashSet<>();
    for (Precedence p : poset.order()) {
      if (kept.contains(p.before()) && kept.contains(p.after())) {
        order.add(new TaskSpec.Order(p.before(), p.after()));
      }
    }
    List<Set<Integer>> conflicts = new ArrayList<>();
    for (Set<Integer> c : poset.conflicts()) {
      Set<Integer> k = new HashSet<>(c);
      k.retainAll(kept);
      if (k.size() >= 2) {
        conflicts.add(k);
      }
    }
    // sigma_l forbidding another subtask's proposition at its instant: never run them together.
    Map<Integer, Subtask> byId = new HashMap<>();
    poset.subtasks().forEach(s -> byId.put(s.id(), s));
    for (SubtaskSpec a : subtasks) {
      for (SubtaskSpec b : subtasks) {
        if (a.id() != b.id() && byId.get(a.id()).enabling().negative().contains(b.proposition())) {
          conflicts.add(Set.of(a.id(), b.id()));
        }
      }
    }
    return new TaskConversion.Converted(new TaskSpec(subtasks, order, conflicts));
  }

  private static TaskConversion unsupported(Subtask s, String why) {
    return new TaskConversion.Unsupported(
        "SubtaskSpec " + s.id() + " (" + s.label() + ") " + why + ".");
  }
}
