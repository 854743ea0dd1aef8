package dev.flotilla.plan;

import dev.flotilla.plan.chain.ActionPathChainBuilder;
import dev.flotilla.plan.chain.ChainStep;
import dev.flotilla.plan.model.ActionSpec;
import dev.flotilla.plan.model.Agent;
import dev.flotilla.plan.task.SubtaskSpec;
import dev.flotilla.plan.task.TaskSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a finished {@link Plan} against the constraints of seed 003 using only the plan's records,
 * independently of how it was computed: every subtask served exactly once by a chain of the
 * master's type; agents never in two places at once and never faster than their speed; the work of
 * every step adds up to d_act (Section 2.3); core actions respect the order (Eq. (3)) and conflicts
 * (Eq. (4)); sigma^s is not violated before its subtask is done; resources stay within R_m (Eq.
 * (8)). Also builds the plan's word for replay through a formula's automaton.
 *
 * <p>Time: O(S log S + S M) for S steps and M subtasks.
 */
public final class PlanValidator {

  private static final double EPS = 1e-6;

  private final PlanningProblem problem;

  /**
   * Prepares the checker.
   *
   * @param problem the problem the plan was made for
   */
  public PlanValidator(PlanningProblem problem) {
    this.problem = problem;
  }

  /**
   * Lists every violated constraint.
   *
   * @param plan the plan to check
   * @return readable violations, empty when the plan is valid
   */
  public List<String> violations(Plan plan) {
    List<String> out = new ArrayList<>();
    TaskSpec tasks = problem.tasks();
    Map<Integer, double[]> core = new HashMap<>();
    Map<Integer, Integer> served = new HashMap<>();
    for (ChainAssignment a : plan.assignments()) {
      served.merge(a.subtaskId(), 1, Integer::sum);
      Agent master = problem.agents().get(a.master());
      if (!master.type().name().equals(a.chain().agentType())) {
        out.add("chain for subtask " + a.subtaskId() + " given to a " + master.type().name());
      }
      SubtaskSpec s = tasks.subtasks().get(problem.indexOf(a.subtaskId()));
      ChainStep coreStep = a.chain().steps().get(a.chain().coreIndex());
      if (!coreStep.action().equals(s.action()) || !coreStep.region().equals(s.region())) {
        out.add("chain for subtask " + a.subtaskId() + " does not perform " + s.proposition());
      }
    }
    for (SubtaskSpec s : tasks.subtasks()) {
      if (served.getOrDefault(s.id(), 0) != 1) {
        out.add("subtask " + s.id() + " served " + served.getOrDefault(s.id(), 0) + " times");
      }
    }
    for (AgentPlan ap : plan.agents()) {
      for (PlanStep st : ap.steps()) {
        if (st.role() == Role.MASTER && st.core()) {
          core.put(st.subtaskId(), new double[] {st.startS(), st.finishS()});
        }
      }
    }
    Map<String, Integer> consumed = new HashMap<>();
    Map<String, Double> work = new HashMap<>();
    for (AgentPlan ap : plan.agents()) {
      Agent agent = problem.agents().get(ap.agentId());
      String where = agent.start();
      double free = 0;
      for (PlanStep st : ap.steps()) {
        double travel = problem.environment().distance(where, st.region());
        if (st.startS() + EPS < free + travel / agent.type().speedMps()) {
          out.add(agent.name() + " cannot reach " + st.region() + " by " + st.startS() + " s");
        }
        if (st.finishS() + EPS < st.startS()) {
          out.add(agent.name() + " finishes " + st.proposition() + " before starting it");
        }
        free = Math.max(free, st.finishS());
        where = st.region();
        String key = st.chainIndex() + "/" + st.stepIndex();
        work.merge(key, st.finishS() - st.startS(), Double::sum);
        if (st.role() == Role.MASTER) {
          ActionSpec spec = problem.actions().get(st.action());
          spec.consumes().ifPresent(k -> consumed.merge(st.region() + "|" + k, 1, Integer::sum));
        }
        Set<String> labels =
            ActionPathChainBuilder.labels(agent.type(), new ChainStep(st.action(), st.region()));
        for (SubtaskSpec s : tasks.subtasks()) {
          boolean own = s.id() == st.subtaskId();
          if (own && st.stepIndex() >= coreIndexOf(plan, st)) {
            continue;
          }
          for (String f : s.forbiddenUntilDone()) {
            boolean early =
                own || !core.containsKey(s.id()) || st.startS() + EPS < core.get(s.id())[1];
            if (labels.contains(f) && early) {
              out.add(agent.name() + " makes " + f + " true before subtask " + s.id() + " is done");
            }
          }
        }
      }
    }
    for (int c = 0; c < plan.assignments().size(); c++) {
      ChainAssignment a = plan.assignments().get(c);
      for (int k = 0; k < a.chain().steps().size(); k++) {
        double need = problem.actions().get(a.chain().steps().get(k).action()).durationS();
        double done = work.getOrDefault(c + "/" + k, 0.0);
        if (done + EPS < need) {
          out.add(
              "step "
                  + a.chain().steps().get(k)
                  + " of chain "
                  + c
                  + " got "
                  + done
                  + " s of "
                  + need
                  + " s of work");
        }
      }
    }
    for (TaskSpec.Order o : tasks.order()) {
      double[] b = core.get(o.before());
      double[] l = core.get(o.after());
      if (b != null && l != null && l[0] + EPS < b[0]) {
        out.add("subtask " + o.after() + " starts before its predecessor " + o.before());
      }
    }
    for (Set<Integer> set : tasks.conflicts()) {
      List<Integer> ids = new ArrayList<>(set);
      for (int i = 0; i < ids.size(); i++) {
        for (int j = i + 1; j < ids.size(); j++) {
          double[] x = core.get(ids.get(i));
          double[] y = core.get(ids.get(j));
          if (x != null && y != null && x[0] + EPS < y[1] && y[0] + EPS < x[1]) {
            out.add("conflicting subtasks " + ids.get(i) + " and " + ids.get(j) + " overlap");
          }
        }
      }
    }
    consumed.forEach(
        (key, n) -> {
          String[] rk = key.split("\\|");
          int stock = problem.environment().region(rk[0]).stock(rk[1]);
          if (n > stock) {
            out.add(n + " units of " + rk[1] + " used at " + rk[0] + " but only " + stock);
          }
        });
    return out;
  }

  /** Core index of the chain a step belongs to. */
  private static int coreIndexOf(Plan plan, PlanStep st) {
    return plan.assignments().get(st.chainIndex()).chain().coreIndex();
  }

  /**
   * The word of a plan: one letter per distinct step start time, in time order, holding what is
   * true at that instant: for every step in progress (started, not yet finished, collaborators
   * included) its proposition a_m, the agent-type label at m (e.g. {@code Vo_r1}) and the region
   * proposition p_m. Steps in progress together share a letter, so a conflict or a forbidden
   * presence shows up in the replay.
   *
   * @param plan the plan
   * @return the letters
   */
  public List<Set<String>> word(Plan plan) {
    record Span(double start, double finish, Set<String> labels) {}
    List<Span> spans = new ArrayList<>();
    TreeSet<Double> instants = new TreeSet<>();
    for (AgentPlan ap : plan.agents()) {
      Agent agent = problem.agents().get(ap.agentId());
      for (PlanStep st : ap.steps()) {
        if (st.finishS() > st.startS()) {
          spans.add(
              new Span(
                  st.startS(),
                  st.finishS(),
                  ActionPathChainBuilder.labels(
                      agent.type(), new ChainStep(st.action(), st.region()))));
          instants.add(st.startS());
        }
      }
    }
    List<Set<String>> out = new ArrayList<>();
    for (double t : instants) {
      Set<String> letter = new TreeSet<>();
      for (Span sp : spans) {
        if (sp.start() <= t && t < sp.finish()) {
          letter.addAll(sp.labels());
        }
      }
      out.add(Set.copyOf(letter));
    }
    return out;
  }
}
