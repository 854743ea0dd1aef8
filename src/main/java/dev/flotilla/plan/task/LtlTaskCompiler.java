package dev.flotilla.plan.task;

import dev.flotilla.ltl.LtlCompilation;
import dev.flotilla.ltl.LtlCompiler;
import dev.flotilla.ltl.poset.PosetProduct;
import dev.flotilla.ltl.poset.ProductPoset;
import dev.flotilla.ltl.poset.RPoset;
import dev.flotilla.plan.model.AgentType;
import dev.flotilla.plan.model.Scenario;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * From task formulas to planner subtasks (Sections 2.2 and 3.1 of seed 003): compiles every formula
 * with {@link LtlCompiler} (parse, co-safety, automaton, R-posets), multiplies the R-posets
 * (Definition 3, {@link PosetProduct}) and reads the product with {@link RPosetAdapter}. Online,
 * the new formula's R-poset is multiplied with the running one, keeping executed subtasks out of
 * merges, and running subtask ids unchanged. The first product member the planner supports is used
 * (members come fewest subtasks first).
 */
public final class LtlTaskCompiler {

  private final LtlCompiler compiler = new LtlCompiler();
  private final PosetProduct product;
  private final RPosetAdapter adapter;

  /**
   * Prepares the compiler for a scenario's actions, regions and agent-type labels.
   *
   * @param scenario the scenario
   */
  public LtlTaskCompiler(Scenario scenario) {
    Set<String> labels = new HashSet<>();
    for (AgentType t : scenario.agentTypes().values()) {
      labels.add(t.label());
    }
    this.adapter =
        new RPosetAdapter(
            scenario.actions().keySet(), scenario.environment().regions().keySet(), labels);
    this.product = new PosetProduct(4);
  }

  /**
   * Compiles one formula on its own (for checks and replay).
   *
   * @param formula formula text
   * @return the LTL compilation (compiled or rejected with a reason)
   */
  public LtlCompilation compileFormula(String formula) {
    return compiler.compile(formula);
  }

  /**
   * Compiles the formulas known before execution.
   *
   * @param formulas formula texts, at least one
   * @return the subtasks of their product, or why they cannot be planned
   */
  public TaskCompilation offline(List<String> formulas) {
    List<LtlCompilation.Compiled> compiled = new ArrayList<>();
    List<List<RPoset>> perFormula = new ArrayList<>();
    for (String f : formulas) {
      LtlCompilation c = compiler.compile(f);
      if (c instanceof LtlCompilation.Rejected r) {
        return new TaskCompilation.Rejected(f, r.reason());
      }
      LtlCompilation.Compiled ok = (LtlCompilation.Compiled) c;
      compiled.add(ok);
      perFormula.add(ok.posets());
    }
    List<RPoset> members = product.productAll(perFormula);
    String all = String.join(" ; ", formulas);
    if (members.isEmpty()) {
      return new TaskCompilation.Rejected(
          all, "The formulas contradict each other: their" + " R-poset product is empty.");
    }
    String firstReason = null;
    for (RPoset member : members) {
      TaskConversion conv = adapter.convert(member);
      if (conv instanceof TaskConversion.Converted ok) {
        return new TaskCompilation.Compiled(member, ok.spec(), compiled);
      }
      if (firstReason == null) {
        firstReason = ((TaskConversion.Unsupported) conv).reason();
      }
    }
    return new TaskCompilation.Rejected(all, firstReason);
  }

  /**
   * Adds a formula released during execution to the running R-poset.
   *
   * @param running the R-poset the current plan executes
   * @param executed ids of its subtasks already executed (or started)
   * @param previous compilations of the formulas already planned (kept for replay)
   * @param formula the new formula
   * @return the product's subtasks, or why the formula cannot be planned
   */
  public TaskCompilation online(
      RPoset running,
      Set<Integer> executed,
      List<LtlCompilation.Compiled> previous,
      String formula) {
    LtlCompilation c = compiler.compile(formula);
    if (c instanceof LtlCompilation.Rejected r) {
      return new TaskCompilation.Rejected(formula, r.reason());
    }
    LtlCompilation.Compiled ok = (LtlCompilation.Compiled) c;
    List<LtlCompilation.Compiled> all = new ArrayList<>(previous);
    all.add(ok);
    String firstReason = null;
    for (RPoset right : ok.posets()) {
      for (ProductPoset member : product.product(running, executed, right)) {
        TaskConversion conv = adapter.convert(member.poset());
        if (conv instanceof TaskConversion.Converted conv2) {
          return new TaskCompilation.Compiled(member.poset(), conv2.spec(), all);
        }
        if (firstReason == null) {
          firstReason = ((TaskConversion.Unsupported) conv).reason();
        }
      }
    }
    return new TaskCompilation.Rejected(
        formula,
        firstReason != null
            ? firstReason
            : "The formula contradicts the running tasks: the R-poset product is empty.");
  }
}
