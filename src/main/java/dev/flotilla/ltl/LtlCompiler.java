package dev.flotilla.ltl;

import dev.flotilla.ltl.automaton.GoodPrefixAutomaton;
import dev.flotilla.ltl.automaton.LtlTranslator;
import dev.flotilla.ltl.automaton.ProgressionLtlTranslator;
import dev.flotilla.ltl.poset.DownsetPosetExtractor;
import dev.flotilla.ltl.poset.PosetExtraction;
import dev.flotilla.ltl.poset.PosetExtractor;
import dev.flotilla.ltl.syntax.CoSafetyCheck;
import dev.flotilla.ltl.syntax.CoSafetyVerdict;
import dev.flotilla.ltl.syntax.LtlParser;
import dev.flotilla.ltl.syntax.LtlSyntaxException;
import dev.flotilla.ltl.syntax.ParsedFormula;

/**
 * The front door for task formulas (§2.1–2.2 of seed 003): parse, check co-safety, translate to
 * the good-prefix automaton and extract the R-posets. Bad input comes back as
 * {@link LtlCompilation.Rejected} with a reason; nothing is thrown for it. Time: dominated by the
 * translation, see {@link ProgressionLtlTranslator}.
 */
public final class LtlCompiler {

  private final LtlTranslator translator;
  private final PosetExtractor extractor;

  /** A compiler with the progression translator and the downset extractor. */
  public LtlCompiler() {
    this(new ProgressionLtlTranslator(), new DownsetPosetExtractor());
  }

  /**
   * A compiler with given parts.
   *
   * @param translator formula to automaton
   * @param extractor automaton to R-posets
   */
  public LtlCompiler(LtlTranslator translator, PosetExtractor extractor) {
    this.translator = translator;
    this.extractor = extractor;
  }

  /**
   * Compiles a task formula.
   *
   * @param text the formula, e.g. {@code <> sw_r1 && <> (dc_t3 && <> om_t3)}
   * @return the compiled task or the reason it was rejected
   */
  public LtlCompilation compile(String text) {
    ParsedFormula parsed;
    try {
      parsed = LtlParser.parseWithColumns(text);
    } catch (LtlSyntaxException e) {
      return new LtlCompilation.Rejected(
          text, LtlCompilation.Problem.SYNTAX, "Syntax error at " + e.getMessage() + ".");
    }
    CoSafetyVerdict verdict = CoSafetyCheck.check(parsed);
    if (verdict instanceof CoSafetyVerdict.NotCoSafe notCoSafe) {
      return new LtlCompilation.Rejected(
          text, LtlCompilation.Problem.NOT_CO_SAFE, "Not co-safe: " + notCoSafe.reason() + ".");
    }
    CoSafetyVerdict.CoSafe coSafe = (CoSafetyVerdict.CoSafe) verdict;
    int props = coSafe.positiveNormalForm().propositions().size();
    if (props > ProgressionLtlTranslator.MAX_PROPOSITIONS) {
      return new LtlCompilation.Rejected(
          text, LtlCompilation.Problem.TOO_LARGE,
          "The formula has " + props + " propositions; at most "
              + ProgressionLtlTranslator.MAX_PROPOSITIONS + " are supported.");
    }
    GoodPrefixAutomaton automaton;
    try {
      automaton = translator.translate(coSafe.positiveNormalForm());
    } catch (IllegalArgumentException tooLarge) {
      // The translator's only refusal for a co-safe formula is its size limit.
      return new LtlCompilation.Rejected(
          text, LtlCompilation.Problem.TOO_LARGE, tooLarge.getMessage());
    }
    if (automaton.isDead(automaton.initial())) {
      return new LtlCompilation.Rejected(
          text, LtlCompilation.Problem.UNSATISFIABLE,
          "The formula is unsatisfiable: no finite word is a good prefix of it.");
    }
    PosetExtraction extraction = extractor.extract(automaton);
    if (extraction instanceof PosetExtraction.NoPoset none) {
      return new LtlCompilation.Rejected(text, LtlCompilation.Problem.NO_POSET, none.reason());
    }
    return new LtlCompilation.Compiled(
        text, parsed.formula(), coSafe.positiveNormalForm(), automaton,
        ((PosetExtraction.Posets) extraction).alternatives());
  }
}
