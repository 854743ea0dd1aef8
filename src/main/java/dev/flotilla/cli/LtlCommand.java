package dev.flotilla.cli;

import dev.flotilla.ltl.CompileLimits;
import dev.flotilla.ltl.LtlCompilation;
import dev.flotilla.ltl.LtlCompiler;
import dev.flotilla.ltl.automaton.Budget;
import dev.flotilla.ltl.automaton.BudgetExceededException;
import dev.flotilla.ltl.automaton.GoodPrefixAutomaton;
import dev.flotilla.ltl.automaton.HoaWriter;
import dev.flotilla.ltl.automaton.ProgressionLtlTranslator;
import dev.flotilla.ltl.automaton.Words;
import dev.flotilla.ltl.poset.RPoset;
import dev.flotilla.ltl.syntax.CoSafetyCheck;
import dev.flotilla.ltl.syntax.CoSafetyVerdict;
import dev.flotilla.ltl.syntax.LtlParser;
import dev.flotilla.ltl.syntax.LtlSyntaxException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flotilla ltl}: inspect sc-LTL task formulas (seed 003, §2). Subcommands {@code automaton}
 * (the good-prefix automaton, optionally as HOA), {@code accepts} (is a finite word a good prefix)
 * and {@code posets} (the R-posets of Definition 2). Exit code 0 on success, 2 on a formula or word
 * that does not parse or is not co-safe, with the column in the message.
 */
@Command(
    name = "ltl",
    mixinStandardHelpOptions = true,
    description = "Co-safe LTL task formulas: automaton, word acceptance, R-posets.",
    subcommands = {LtlCommand.Automaton.class, LtlCommand.Accepts.class, LtlCommand.Posets.class})
public final class LtlCommand implements Callable<Integer> {

  @Mixin CommandIo io;

  @Override
  public Integer call() {
    return io.usage();
  }

  /** Parses and translates, or prints the reason to stderr and returns null. */
  private static GoodPrefixAutomaton automatonOf(String formula, PrintWriter err) {
    try {
      CoSafetyVerdict verdict = CoSafetyCheck.check(LtlParser.parseWithColumns(formula));
      if (verdict instanceof CoSafetyVerdict.NotCoSafe notCoSafe) {
        err.println("formula: not co-safe: " + notCoSafe.reason());
        return null;
      }
      // The planner's budget: a formula with many propositions needs 2^N states × 2^N letters.
      return new ProgressionLtlTranslator().translate(
          ((CoSafetyVerdict.CoSafe) verdict).positiveNormalForm(),
          Budget.of(CompileLimits.DEFAULT_MAX_STATES, CompileLimits.DEFAULT_MAX_MILLIS));
    } catch (BudgetExceededException e) {
      err.println("formula: " + e.getMessage());
    } catch (LtlSyntaxException e) {
      err.println("formula: syntax error at " + e.getMessage());
    } catch (IllegalArgumentException e) {
      err.println("formula: " + e.getMessage());
    }
    return null;
  }

  /** {@code flotilla ltl automaton "<formula>" [--hoa]}. */
  @Command(
      name = "automaton",
      mixinStandardHelpOptions = true,
      description = "Print the deterministic automaton of the good prefixes of a formula.")
  static final class Automaton implements Callable<Integer> {

    @Mixin CommandIo io;

    @Parameters(index = "0", description = "The sc-LTL formula, e.g. \"<> (a && <> b)\".")
    String formula;

    @Option(names = "--hoa", description = "Print in the Hanoi Omega-Automata format.")
    boolean hoa;

    @Override
    public Integer call() {
      PrintWriter out = io.out();
      GoodPrefixAutomaton dfa = automatonOf(formula, io.err());
      if (dfa == null) {
        return FlotillaCli.EXIT_BAD_INPUT;
      }
      if (hoa) {
        out.print(HoaWriter.write(dfa));
      } else {
        out.println("formula: " + dfa.formula());
        out.println("propositions: " + dfa.propositions());
        out.println("states: " + dfa.stateCount() + " (initial 0)");
        for (int s = 0; s < dfa.stateCount(); s++) {
          String kind = dfa.isAccepting(s) ? " [accepting]" : dfa.isDead(s) ? " [dead]" : "";
          out.println("  " + s + kind + ": " + dfa.stateLabel(s));
        }
      }
      out.flush();
      return 0;
    }
  }

  /** {@code flotilla ltl accepts "<formula>" --word "a;b,c;"}. */
  @Command(
      name = "accepts",
      mixinStandardHelpOptions = true,
      description = "Tell whether a finite word is a good prefix of a formula (prints accepted or"
          + " rejected; exit code 0 either way).")
  static final class Accepts implements Callable<Integer> {

    @Mixin CommandIo io;

    @Mixin FormulaArgument formula;

    @Option(
        names = "--word",
        required = true,
        description = "Letters separated by ';', propositions in a letter by ',', e.g. \"a;b,c;\".")
    String word;

    @Override
    public Integer call() {
      PrintWriter out = io.out();
      List<Set<String>> letters;
      try {
        letters = Words.parse(word);
      } catch (IllegalArgumentException e) {
        return io.fail("--word: " + e.getMessage());
      }
      GoodPrefixAutomaton dfa = automatonOf(formula.text, io.err());
      if (dfa == null) {
        return FlotillaCli.EXIT_BAD_INPUT;
      }
      int state = dfa.run(letters);
      if (dfa.isAccepting(state)) {
        out.println("accepted: every continuation of the word satisfies the formula");
      } else if (dfa.isDead(state)) {
        out.println("rejected: no continuation of the word can satisfy the formula");
      } else {
        out.println("rejected: still to do: " + dfa.stateLabel(state));
      }
      out.flush();
      return 0;
    }
  }

  /** {@code flotilla ltl posets "<formula>"}. */
  @Command(
      name = "posets",
      mixinStandardHelpOptions = true,
      description = "Print the R-posets (subtasks, order, conflicts) of a formula.")
  static final class Posets implements Callable<Integer> {

    @Mixin CommandIo io;

    @Mixin FormulaArgument formula;

    @Override
    public Integer call() {
      PrintWriter out = io.out();
      LtlCompilation result = new LtlCompiler().compile(formula.text);
      if (result instanceof LtlCompilation.Rejected rejected) {
        return io.fail("formula: " + rejected.reason());
      }
      List<RPoset> posets = ((LtlCompilation.Compiled) result).posets();
      for (int i = 0; i < posets.size(); i++) {
        out.println("alternative " + (i + 1) + " of " + posets.size() + ": " + posets.get(i));
      }
      out.flush();
      return 0;
    }
  }
}
