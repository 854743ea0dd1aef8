package dev.flotilla.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flotilla.ltl.syntax.Formula;
import dev.flotilla.ltl.syntax.FormulaPrinter;
import dev.flotilla.ltl.syntax.LtlParser;
import dev.flotilla.ltl.syntax.LtlSyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link LtlParser}: its contract is a formula or an {@link LtlSyntaxException} whose
 * message starts with the 1-based column, a column inside the text or just after it.
 */
class LtlParserFuzzTest {

  private static final List<String> TOKENS = List.of("true", "false", "(", ")", "!", "&&", "||",
      "->", "<->", "<>", "[]", "X", "U", "F", "G", "a", "sw_r1", "Do_f4", "_x9", "<", "-", "&",
      "|", "[", "]", "$", "é", "\t", "\n");

  /** The committed corpus (one formula per file), which Jazzer replays and mutation starts from. */
  private static final List<Fuzz.Seed> CORPUS = Fuzz.corpus(LtlParserFuzzTest.class, "ltlParser");

  /** Parses and checks the contract; returns the formula or null on a syntax error. */
  private static Formula parse(String text) {
    Formula[] out = new Formula[1];
    Throwable t = Fuzz.checkText(text, e -> e instanceof LtlSyntaxException,
        () -> out[0] = LtlParser.parse(text));
    if (t instanceof LtlSyntaxException e) {
      Fuzz.expect(text, e.column() >= 1 && e.column() <= text.length() + 1,
          () -> "column " + e.column() + " outside the text");
      Fuzz.expect(text, e.getMessage().startsWith("column " + e.column() + ": "),
          e::getMessage);
    }
    return out[0];
  }

  // ---------------------------------------------------------------------------------------------
  // Coverage-guided (Jazzer): replays the corpus on every build, fuzzes with JAZZER_FUZZ=1.

  @FuzzTest(maxDuration = "30s")
  void ltlParser(byte[] input) {
    parse(new String(input, StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------------------------------------
  // Structure-aware: random formula trees, printed with random spellings and spacing.

  @Test
  void printedFormulasParseBackToThemselves() {
    Fuzz.forAll(8101, Fuzz.DEFAULT_TRIES, r -> {
      Formula f = formula(r, 6);
      String text = (r.nextBoolean() ? FormulaPrinter.toSpin(f) : FormulaPrinter.toText(f))
          .replace(" ", whitespace(r));
      assertEquals(f, parse(text), text);
    });
  }

  @Test
  void tokenSoupIsAFormulaOrAColumnError() {
    Fuzz.forAll(8102, Fuzz.DEFAULT_TRIES, r -> parse(tokenSoup(r)));
  }

  private static final List<String> PROP_NAMES = List.of("a", "b", "sw_r1", "Do_f4", "Fa", "XU",
      "_", "trueish");

  private static Formula formula(SplittableRandom r, int depth) {
    // Weights as before: a leaf 4, each of the ten operators 1; a leaf is a proposition 6 : 1.
    int pick = depth == 0 ? 0 : r.nextInt(14);
    if (pick < 4) {
      if (r.nextInt(7) == 6) {
        return r.nextBoolean() ? Formula.TRUE : Formula.FALSE;
      }
      return new Formula.Prop(r.nextBoolean() ? Fuzz.pick(r, PROP_NAMES) : propName(r));
    }
    return switch (pick) {
      case 4 -> new Formula.Not(formula(r, depth - 1));
      case 5 -> new Formula.Next(formula(r, depth - 1));
      case 6 -> new Formula.Eventually(formula(r, depth - 1));
      case 7 -> new Formula.Always(formula(r, depth - 1));
      case 8 -> new Formula.And(formula(r, depth - 1), formula(r, depth - 1));
      case 9 -> new Formula.Or(formula(r, depth - 1), formula(r, depth - 1));
      case 10 -> new Formula.Implies(formula(r, depth - 1), formula(r, depth - 1));
      case 11 -> new Formula.Iff(formula(r, depth - 1), formula(r, depth - 1));
      default -> new Formula.Until(formula(r, depth - 1), formula(r, depth - 1));
    };
  }

  /** 1 to 5 of a-z, _, 0, 9, not starting with a digit. */
  private static String propName(SplittableRandom r) {
    String chars = "abcdefghijklmnopqrstuvwxyz_09";
    StringBuilder sb = new StringBuilder();
    int n = 1 + r.nextInt(5);
    for (int i = 0; i < n; i++) {
      sb.append(chars.charAt(r.nextInt(i == 0 ? chars.length() - 2 : chars.length())));
    }
    return sb.toString();
  }

  private static String whitespace(SplittableRandom r) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      sb.append(Fuzz.pick(r, ' ', '\t', '\n', '\r'));
    }
    return sb.toString();
  }

  private static String tokenSoup(SplittableRandom r) {
    int tokens = r.nextInt(41);
    int gaps = r.nextInt(41);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < tokens; i++) {
      sb.append(Fuzz.pick(r, TOKENS)).append(i < gaps ? Fuzz.pick(r, "", " ") : " ");
    }
    return sb.toString();
  }

  /** Long repetitions: the sizes small mutations never reach (deep nesting, long operator runs). */
  @Test
  void longRepetitionsAreFormulasOrColumnErrors() {
    Fuzz.forAll(8104, 60, r -> {
      String unit = Fuzz.pick(r, "(", "!", "X ", "F ", "[]", "<>", "a -> ", "a U ", "a && (",
          "a <-> ", "!(", "&&", ")");
      parse(unit.repeat(1 + r.nextInt(100_000)) + Fuzz.pick(r, "a", "a)", "", ")"));
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Mutation of the seed corpus.

  @Test
  void mutatedSeedsAreFormulasOrColumnErrors() {
    Fuzz.forAll(8103, Fuzz.DEFAULT_TRIES, r -> {
      byte[] bytes = Fuzz.mutate(Fuzz.pick(r, CORPUS).bytes(), Fuzz.mutations(r), TOKENS, CORPUS);
      parse(new String(bytes, StandardCharsets.UTF_8));
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Crashes found, as regression tests.

  /**
   * Found by {@link #longRepetitionsAreFormulasOrColumnErrors}: the tokenizer copied the rest of
   * the text for every symbol, so 12 k parentheses allocated 75 MB (100 k took seconds).
   */
  @Test
  void longSymbolRunsTokenizeInLinearTime() {
    String text = "(".repeat(12_293) + "a)";
    LtlSyntaxException e = assertThrowsSyntax(text);
    assertEquals(LtlParser.MAX_DEPTH + 1, e.column());
  }

  /** Each prefix operator was one more recursion: 100 k of them overflowed the stack. */
  @Test
  void deepPrefixNestingIsAColumnErrorNotAStackOverflow() {
    LtlSyntaxException e = assertThrowsSyntax("!".repeat(100_000) + "a");
    assertEquals(LtlParser.MAX_DEPTH + 1, e.column());
    assertTrue(e.getMessage().contains("deeper than " + LtlParser.MAX_DEPTH), e.getMessage());
  }

  /** {@code ->} and {@code U} are right-associative, parsed by recursion: same overflow. */
  @Test
  void longRightAssociativeChainsAreColumnErrors() {
    assertEquals(5 * LtlParser.MAX_DEPTH + 3, assertThrowsSyntax("a -> ".repeat(100_000) + "a")
        .column());
    assertEquals(4 * LtlParser.MAX_DEPTH + 3, assertThrowsSyntax("a U ".repeat(100_000) + "a")
        .column());
  }

  @Test
  void nestingUpToTheLimitParses() {
    int n = LtlParser.MAX_DEPTH;
    Formula f = parse("(".repeat(n) + "a" + ")".repeat(n));
    assertEquals(new Formula.Prop("a"), f);
    assertTrue(parse("X ".repeat(n) + "a") instanceof Formula.Next);
  }

  private static LtlSyntaxException assertThrowsSyntax(String text) {
    Formula[] out = new Formula[1];
    Throwable t = Fuzz.checkText(text, e -> e instanceof LtlSyntaxException,
        () -> out[0] = LtlParser.parse(text));
    assertTrue(t instanceof LtlSyntaxException, "parsed " + out[0]);
    return (LtlSyntaxException) t;
  }

  @Test
  void everySeedKeepsTheContract() {
    assertTrue(CORPUS.size() >= 17);
    for (Fuzz.Seed s : CORPUS) {
      parse(new String(s.bytes(), StandardCharsets.UTF_8));
    }
  }
}
