package dev.flotilla.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.ltl.syntax.Formula;
import dev.flotilla.ltl.syntax.FormulaPrinter;
import dev.flotilla.ltl.syntax.LtlParser;
import dev.flotilla.ltl.syntax.LtlSyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes {@link LtlParser}: its contract is a formula or an {@link LtlSyntaxException} whose
 * message starts with the 1-based column, a column inside the text or just after it.
 */
class LtlParserFuzzTest {

  private static final List<String> TOKENS = List.of("true", "false", "(", ")", "!", "&&", "||",
      "->", "<->", "<>", "[]", "X", "U", "F", "G", "a", "sw_r1", "Do_f4", "_x9", "<", "-", "&",
      "|", "[", "]", "$", "é", "\t", "\n");

  private static final List<Fuzz.Seed> CORPUS = corpus();

  private static List<Fuzz.Seed> corpus() {
    List<Fuzz.Seed> out = new ArrayList<>();
    for (Fuzz.Seed file : Fuzz.resources("fuzz/ltl")) {
      String[] lines = new String(file.bytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        out.add(new Fuzz.Seed(file.name() + ":" + (i + 1),
            lines[i].getBytes(StandardCharsets.UTF_8)));
      }
    }
    return out;
  }

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
  // Structure-aware: random formula trees, printed with random spellings and spacing.

  @Property(seed = "8101")
  void printedFormulasParseBackToThemselves(@ForAll("formulas") Formula f,
      @ForAll boolean spin, @ForAll("whitespace") String space) {
    String text = (spin ? FormulaPrinter.toSpin(f) : FormulaPrinter.toText(f))
        .replace(" ", space);
    assertEquals(f, parse(text));
  }

  @Property(seed = "8102")
  void tokenSoupIsAFormulaOrAColumnError(@ForAll("tokenSoup") String text) {
    parse(text);
  }

  @Provide
  Arbitrary<Formula> formulas() {
    return formula(6);
  }

  private static Arbitrary<Formula> formula(int depth) {
    Arbitrary<Formula> props = Arbitraries.oneOf(
        Arbitraries.of("a", "b", "sw_r1", "Do_f4", "Fa", "XU", "_", "trueish"),
        Arbitraries.strings().withCharRange('a', 'z').withChars('_', '0', '9')
            .ofMinLength(1).ofMaxLength(5).filter(s -> !Character.isDigit(s.charAt(0))))
        .map(Formula.Prop::new);
    Arbitrary<Formula> leaf = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, props),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(Formula.TRUE, Formula.FALSE)));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<Formula> sub = Arbitraries.lazy(() -> formula(depth - 1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, leaf),
        net.jqwik.api.Tuple.of(1, sub.map(Formula.Not::new)),
        net.jqwik.api.Tuple.of(1, sub.map(Formula.Next::new)),
        net.jqwik.api.Tuple.of(1, sub.map(Formula.Eventually::new)),
        net.jqwik.api.Tuple.of(1, sub.map(Formula.Always::new)),
        net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub).as(Formula.And::new)),
        net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub).as(Formula.Or::new)),
        net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub).as(Formula.Implies::new)),
        net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub).as(Formula.Iff::new)),
        net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub).as(Formula.Until::new)));
  }

  @Provide
  Arbitrary<String> whitespace() {
    return Arbitraries.strings().withChars(' ', '\t', '\n', '\r').ofMinLength(1).ofMaxLength(3);
  }

  @Provide
  Arbitrary<String> tokenSoup() {
    return Combinators.combine(Arbitraries.of(TOKENS).list().ofMaxSize(40),
        Arbitraries.of("", " ").list().ofMaxSize(40)).as((tokens, gaps) -> {
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < tokens.size(); i++) {
            sb.append(tokens.get(i)).append(i < gaps.size() ? gaps.get(i) : " ");
          }
          return sb.toString();
        });
  }

  /** Long repetitions: the sizes small mutations never reach (deep nesting, long operator runs). */
  @Property(seed = "8104", tries = 60)
  void longRepetitionsAreFormulasOrColumnErrors(@ForAll("repetitions") String text) {
    parse(text);
  }

  @Provide
  Arbitrary<String> repetitions() {
    return Combinators.combine(
        Arbitraries.of("(", "!", "X ", "F ", "[]", "<>", "a -> ", "a U ", "a && (", "a <-> ",
            "!(", "&&", ")"),
        Arbitraries.integers().between(1, 100_000),
        Arbitraries.of("a", "a)", "", ")")).as((unit, n, tail) -> unit.repeat(n) + tail);
  }

  // ---------------------------------------------------------------------------------------------
  // Mutation of the seed corpus.

  @Property(seed = "8103")
  void mutatedSeedsAreFormulasOrColumnErrors(@ForAll("seeds") Fuzz.Seed seed,
      @ForAll("mutations") List<Fuzz.Mutation> steps) {
    byte[] bytes = Fuzz.mutate(seed.bytes(), steps, TOKENS, CORPUS);
    parse(new String(bytes, StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<Fuzz.Seed> seeds() {
    return Arbitraries.of(CORPUS);
  }

  @Provide
  Arbitrary<List<Fuzz.Mutation>> mutations() {
    return Fuzz.mutations();
  }

  // ---------------------------------------------------------------------------------------------
  // Crashes found, as regression tests.

  /**
   * Found by {@link #longRepetitionsAreFormulasOrColumnErrors}: the tokenizer copied the rest of
   * the text for every symbol, so 12 k parentheses allocated 75 MB (100 k took seconds).
   */
  @Example
  void longSymbolRunsTokenizeInLinearTime() {
    String text = "(".repeat(12_293) + "a)";
    LtlSyntaxException e = assertThrowsSyntax(text);
    assertEquals(LtlParser.MAX_DEPTH + 1, e.column());
  }

  /** Each prefix operator was one more recursion: 100 k of them overflowed the stack. */
  @Example
  void deepPrefixNestingIsAColumnErrorNotAStackOverflow() {
    LtlSyntaxException e = assertThrowsSyntax("!".repeat(100_000) + "a");
    assertEquals(LtlParser.MAX_DEPTH + 1, e.column());
    assertTrue(e.getMessage().contains("deeper than " + LtlParser.MAX_DEPTH), e.getMessage());
  }

  /** {@code ->} and {@code U} are right-associative, parsed by recursion: same overflow. */
  @Example
  void longRightAssociativeChainsAreColumnErrors() {
    assertEquals(5 * LtlParser.MAX_DEPTH + 3, assertThrowsSyntax("a -> ".repeat(100_000) + "a")
        .column());
    assertEquals(4 * LtlParser.MAX_DEPTH + 3, assertThrowsSyntax("a U ".repeat(100_000) + "a")
        .column());
  }

  @Example
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

  @Example
  void everySeedKeepsTheContract() {
    for (Fuzz.Seed s : CORPUS) {
      parse(new String(s.bytes(), StandardCharsets.UTF_8));
    }
  }
}
