package dev.flotilla.plan.task;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The final R-poset P_final = (Omega_f, order, conflict) handed to the planner (Definition 2 and
 * Section 3.1 of seed 003): subtasks, the order relation (the later subtask may only start once the
 * earlier one has started, Eq. (3)) and conflict sets (members never overlap, Eq. (4)).
 *
 * @param subtasks the subtasks, ids unique
 * @param order pairs (before, after) of subtask ids
 * @param conflicts sets of subtask ids that must not overlap pairwise
 */
public record TaskSpec(List<SubtaskSpec> subtasks, Set<Order> order, List<Set<Integer>> conflicts) {

  /**
   * One pair of the order relation.
   *
   * @param before id of the subtask that starts first
   * @param after id of the subtask that may only start after it
   */
  public record Order(int before, int after) {}

  /** Copies the collections and checks that every id is known and ids are unique. */
  public TaskSpec {
    subtasks = List.copyOf(subtasks);
    order = Set.copyOf(order);
    conflicts = conflicts.stream().map(Set::copyOf).toList();
    Set<Integer> ids = new HashSet<>();
    for (SubtaskSpec s : subtasks) {
      if (!ids.add(s.id())) {
        throw new IllegalArgumentException("SubtaskSpec id " + s.id() + " is used twice.");
      }
    }
    for (Order o : order) {
      if (!ids.contains(o.before()) || !ids.contains(o.after())) {
        throw new IllegalArgumentException("Order " + o + " names an unknown subtask.");
      }
    }
    for (Set<Integer> c : conflicts) {
      if (!ids.containsAll(c)) {
        throw new IllegalArgumentException("Conflict set " + c + " names an unknown subtask.");
      }
    }
  }

  /**
   * Ids of the direct order predecessors of a subtask.
   *
   * @param id subtask id
   * @return ids h with (h, id) in the order
   */
  public Set<Integer> predecessors(int id) {
    Set<Integer> out = new HashSet<>();
    for (Order o : order) {
      if (o.after() == id) {
        out.add(o.before());
      }
    }
    return out;
  }

  /**
   * Ids of subtasks that share a conflict set with a subtask.
   *
   * @param id subtask id
   * @return conflicting ids, excluding {@code id}
   */
  public Set<Integer> conflictsOf(int id) {
    Set<Integer> out = new HashSet<>();
    for (Set<Integer> c : conflicts) {
      if (c.contains(id)) {
        out.addAll(c);
      }
    }
    out.remove(id);
    return out;
  }

  /**
   * Position of each subtask id in {@link #subtasks()}.
   *
   * @return id to index
   */
  public Map<Integer, Integer> indexById() {
    Map<Integer, Integer> out = new HashMap<>();
    for (int i = 0; i < subtasks.size(); i++) {
      out.put(subtasks.get(i).id(), i);
    }
    return Collections.unmodifiableMap(out);
  }
}
