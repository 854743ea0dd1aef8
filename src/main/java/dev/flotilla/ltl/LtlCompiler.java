package dev.flotilla.ltl;

import dev.flotilla.ltl.automaton.Budget;
import dev.flotilla.ltl.automaton.BudgetExceededException;
import dev.flotilla.ltl.automaton.ConjunctionAutomaton;
import dev.flotilla.ltl.automaton.GoodPrefixAutomaton;
import dev.flotilla.ltl.automaton.GoodPrefixes;
import dev.flotilla.ltl.automaton.LtlTranslator;
import dev.flotilla.ltl.automaton.ProgressionLtlTranslator;
import dev.flotilla.ltl.poset.DownsetPosetExtractor;
import dev.flotilla.ltl.poset.PosetExtraction;
import dev.flotilla.ltl.poset.PosetExtractor;
import dev.flotilla.ltl.poset.PosetProduct;
import dev.flotilla.ltl.poset.RPoset;
import dev.flotilla.ltl.syntax.CoSafetyCheck;
import dev.flotilla.ltl.syntax.CoSafetyVerdict;
import dev.flotilla.ltl.syntax.Formula;
import dev.flotilla.ltl.syntax.LtlParser;
import dev.flotilla.ltl.syntax.LtlSyntaxException;
import dev.flotilla.ltl.syntax.ParsedFormula;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The front door for task formulas (§2.1–2.2 of seed 003): parse, check co-safety, translate to
 * the good-prefix automaton and extract the R-posets. Bad input comes back as
 * {@link LtlCompilation.Rejected} with a reason; nothing is thrown for it.
 *
 * <p>A conjunction is compiled group by group ({@link ConjunctionSplit}: conjuncts over disjoint
 * propositions apart, conjuncts sharing a proposition together), each group's R-posets are
 * multiplied with the poset product (Definition 3, {@link PosetProduct}) and the plan's word is
 * replayed through the groups' automata ({@link ConjunctionAutomaton}). A flat conjunction of N
 * eventualities then costs N automata of 2 states instead of one of 2^N states and 2^N letters.
 * A group whose R-posets are anchored ({@link PosetExtraction.Posets#anchored()}) does not compose
 * with others, so such a conjunction is compiled as one automaton.
 *
 * <p>Every compilation has a {@link CompileLimits budget}: states per automaton and wall-clock
 * time; over it the formula is rejected ({@link LtlCompilation.Problem#OVER_BUDGET}) with a
 * sentence. The default compiler shares a small cache of results by formula text, so a formula
 * checked off a node's message thread is not compiled again on it.
 */
public final class LtlCompiler {

  /** Most nodes of a formula's positive normal form ({@code <->} doubles its operands). */
  public static final int MAX_NORMAL_FORM_NODES = 4096;

  /** How many R-posets are kept per group and per product step. */
  private static final int ALTERNATIVES = 16;

  private static final int CACHE_SIZE = 256;
  private static final Map<String, LtlCompilation> CACHE =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LtlCompilation> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  private final LtlTranslator translator;
  private final PosetExtractor extractor;
  private final CompileLimits limits;
  private final boolean cached;

  /** A compiler with the progression translator, the downset extractor and default limits. */
  public LtlCompiler() {
    this(new ProgressionLtlTranslator(), new DownsetPosetExtractor(), CompileLimits.DEFAULT, true);
  }

  /**
   * A compiler with the default parts and given limits (not cached).
   *
   * @param limits budget and conjunction splitting
   */
  public LtlCompiler(CompileLimits limits) {
    this(new ProgressionLtlTranslator(), new DownsetPosetExtractor(), limits, false);
  }

  /**
   * A compiler with given parts and default limits (not cached).
   *
   * @param translator formula to automaton
   * @param extractor automaton to R-posets
   */
  public LtlCompiler(LtlTranslator translator, PosetExtractor extractor) {
    this(translator, extractor, CompileLimits.DEFAULT, false);
  }

  private LtlCompiler(
      LtlTranslator translator, PosetExtractor extractor, CompileLimits limits, boolean cached) {
    this.translator = translator;
    this.extractor = extractor;
    this.limits = limits;
    this.cached = cached;
  }

  /**
   * Compiles a task formula within the budget.
   *
   * @param text the formula, e.g. {@code <> sw_r1 && <> (dc_t3 && <> om_t3)}
   * @return the compiled task or the reason it was rejected
   */
  public LtlCompilation compile(String text) {
    if (!cached) {
      return compileNow(text);
    }
    synchronized (CACHE) {
      LtlCompilation hit = CACHE.get(text);
      if (hit != null) {
        return hit;
      }
    }
    LtlCompilation out = compileNow(text);
    synchronized (CACHE) {
      CACHE.put(text, out);
    }
    return out;
  }

  private LtlCompilation compileNow(String text) {
    Budget budget = Budget.of(limits.maxStates(), limits.maxMillis());
    ParsedFormula parsed;
    try {
      parsed = LtlParser.parseWithColumns(text);
    } catch (LtlSyntaxException e) {
      return new LtlCompilation.Rejected(
          text, LtlCompilation.Problem.SYNTAX, "Syntax error at " + e.getMessage() + ".");
    }
    if (CoSafetyCheck.normalFormSize(parsed.formula(), MAX_NORMAL_FORM_NODES)
        > MAX_NORMAL_FORM_NODES) {
      return new LtlCompilation.Rejected(text, LtlCompilation.Problem.TOO_LARGE,
          "The formula expands to more than " + MAX_NORMAL_FORM_NODES
              + " operators once '<->' and '->' are written out; at most that many are supported.");
    }
    CoSafetyVerdict verdict = CoSafetyCheck.check(parsed);
    if (verdict instanceof CoSafetyVerdict.NotCoSafe notCoSafe) {
      return new LtlCompilation.Rejected(
          text, LtlCompilation.Problem.NOT_CO_SAFE, "Not co-safe: " + notCoSafe.reason() + ".");
    }
    Formula pnf = ((CoSafetyVerdict.CoSafe) verdict).positiveNormalForm();
    try {
      List<Formula> groups = limits.split() ? ConjunctionSplit.groups(pnf) : List.of(pnf);
      if (groups.size() > 1) {
        LtlCompilation split = compileGroups(text, parsed.formula(), pnf, groups, budget);
        if (split != null) {
          return split;
        }
      }
      return compileWhole(text, parsed.formula(), pnf, budget);
    } catch (BudgetExceededException over) {
      return new LtlCompilation.Rejected(text, LtlCompilation.Problem.OVER_BUDGET,
          over.getMessage() + " The budget is " + limits.maxStates() + " states per automaton and "
              + limits.maxMillis() + " ms per formula; split the task into smaller formulas.");
    }
  }

  /** One automaton for the whole formula. */
  private LtlCompilation compileWhole(String text, Formula formula, Formula pnf, Budget budget) {
    Part part = part(text, pnf, budget);
    if (part.rejected() != null) {
      return part.rejected();
    }
    return new LtlCompilation.Compiled(
        text, formula, pnf, part.automaton(), part.posets().alternatives(),
        part.posets().anchored());
  }

  /**
   * Group by group, R-posets multiplied; null when a group's R-posets are anchored (the caller
   * then builds one automaton).
   */
  private LtlCompilation compileGroups(
      String text, Formula formula, Formula pnf, List<Formula> groups, Budget budget) {
    List<GoodPrefixAutomaton> automata = new ArrayList<>();
    List<List<RPoset>> perGroup = new ArrayList<>();
    for (Formula g : groups) {
      Part part = part(text, g, budget);
      if (part.rejected() != null) {
        return part.rejected();
      }
      if (part.posets().anchored()) {
        return null;
      }
      automata.add(part.automaton());
      perGroup.add(part.posets().alternatives());
    }
    List<RPoset> product = new PosetProduct(ALTERNATIVES).productAll(perGroup);
    budget.checkTime("multiplying its R-posets");
    if (product.isEmpty()) {
      // Not expected for proposition-disjoint groups; the whole automaton decides.
      return null;
    }
    return new LtlCompilation.Compiled(
        text, formula, pnf, new ConjunctionAutomaton(automata), product, false);
  }

  /** The automaton and R-posets of one formula, or why there are none. */
  private record Part(
      GoodPrefixAutomaton automaton, PosetExtraction.Posets posets,
      LtlCompilation.Rejected rejected) {}

  private Part part(String text, Formula pnf, Budget budget) {
    int props = pnf.propositions().size();
    if (props > ProgressionLtlTranslator.MAX_PROPOSITIONS) {
      return rejected(new LtlCompilation.Rejected(
          text, LtlCompilation.Problem.TOO_LARGE,
          "The formula has " + props + " propositions in conjuncts that share propositions; at "
              + "most " + ProgressionLtlTranslator.MAX_PROPOSITIONS + " are supported there."));
    }
    GoodPrefixAutomaton automaton;
    try {
      automaton = translator.translate(pnf, budget);
    } catch (BudgetExceededException over) {
      throw over;
    } catch (IllegalArgumentException tooLarge) {
      // The translator's only refusal for a co-safe formula is its size limit.
      return rejected(new LtlCompilation.Rejected(
          text, LtlCompilation.Problem.TOO_LARGE, tooLarge.getMessage()));
    }
    if (automaton.isDead(automaton.initial())) {
      return rejected(new LtlCompilation.Rejected(
          text, LtlCompilation.Problem.UNSATISFIABLE,
          "The formula is unsatisfiable: no finite word is a good prefix of it."));
    }
    PosetExtraction extraction = extractor.extract(automaton, budget);
    if (extraction instanceof PosetExtraction.NoPoset none) {
      return rejected(
          new LtlCompilation.Rejected(text, LtlCompilation.Problem.NO_POSET, none.reason()));
    }
    return new Part(automaton, (PosetExtraction.Posets) extraction, null);
  }

  private static Part rejected(LtlCompilation.Rejected r) {
    return new Part(null, null, r);
  }

  /**
   * The limits this compiler applies.
   *
   * @return the limits
   */
  public CompileLimits limits() {
    return limits;
  }

  /**
   * Whether a {@link GoodPrefixes} is one automaton or several.
   *
   * @param automaton a compiled formula's automaton
   * @return how many automata it holds
   */
  public static int automatonCount(GoodPrefixes automaton) {
    return automaton instanceof ConjunctionAutomaton c ? c.parts().size() : 1;
  }
}
