package dev.flotilla.plan.model;

import java.util.Map;

/**
 * A formula released during execution (Section 5.2 of seed 003).
 *
 * @param atS release time in seconds after the start of execution
 * @param formulaId id of the formula template, e.g. {@code phi6}
 * @param formula the formula with its placeholders bound
 * @param newResources resources that appear with the task (region to kind to units)
 */
public record OnlineTaskSpec(
    double atS, String formulaId, String formula, Map<String, Map<String, Integer>> newResources) {

  /** Copies the resource map. */
  public OnlineTaskSpec {
    newResources = Map.copyOf(newResources);
  }
}
