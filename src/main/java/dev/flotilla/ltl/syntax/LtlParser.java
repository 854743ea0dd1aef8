package dev.flotilla.ltl.syntax;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser for LTL formulas as written in seed 003 and by Spin.
 *
 * <p>Syntax: {@code true false ( ) ! && || -> <-> X U F G <> []} and propositions
 * {@code [A-Za-z_][A-Za-z0-9_]*} (e.g. {@code sw_r1}, {@code om_t3}, {@code Do_f4}); the single
 * letters X, U, F and G are operators. Precedence from weakest: {@code <->}, {@code ->} (right
 * associative), {@code ||}, {@code &&}, {@code U} (right associative), then the prefix operators
 * {@code ! X F G <> []}. So {@code a && b U c} is {@code a && (b U c)}; write parentheses for
 * {@code (!Vo_f2 && !Re_f2) U gi_f2}. Time: O(n) in the text length.
 *
 * <p>Every error, including nesting deeper than {@link #MAX_DEPTH}, is an
 * {@link LtlSyntaxException} naming the column; no other exception escapes.
 */
public final class LtlParser {

  /**
   * Deepest nesting of prefix operators, parentheses and chains ({@code -> U && || <->}, whose
   * trees are as deep as they are long) accepted. The parser and every later walk of the tree
   * recurse per level, so without a bound a long enough formula overflows the stack (about 800
   * levels did on a 1 MiB thread stack; a 2046-term disjunction did in the automaton); real
   * specifications nest a few levels.
   */
  public static final int MAX_DEPTH = 256;

  private enum Kind {
    IDENT,
    TRUE,
    FALSE,
    NOT,
    AND,
    OR,
    IMPLIES,
    IFF,
    NEXT,
    UNTIL,
    EVENTUALLY,
    ALWAYS,
    LPAREN,
    RPAREN,
    END
  }

  private record Token(Kind kind, String text, int column) {}

  private final String text;
  private final List<Token> tokens;
  private final Map<Formula, Integer> columns = new IdentityHashMap<>();
  private int pos;
  private int depth;

  private LtlParser(String text) {
    this.text = text;
    this.tokens = tokenize(text);
  }

  /**
   * Parses a formula.
   *
   * @param text the formula, e.g. {@code <> (dc_t3 && <> om_t3)}
   * @return the syntax tree
   * @throws LtlSyntaxException naming the column when the text is not a formula or nests deeper
   *     than {@link #MAX_DEPTH}
   */
  public static Formula parse(String text) {
    return parseWithColumns(text).formula();
  }

  /**
   * Parses a formula and keeps the column of every node.
   *
   * @param text the formula
   * @return the tree with columns
   * @throws LtlSyntaxException naming the column when the text is not a formula or nests deeper
   *     than {@link #MAX_DEPTH}
   */
  public static ParsedFormula parseWithColumns(String text) {
    LtlParser parser = new LtlParser(text);
    Formula f = parser.iff();
    Token rest = parser.peek();
    if (rest.kind() != Kind.END) {
      throw new LtlSyntaxException(rest.column(), "unexpected '" + rest.text() + "'");
    }
    return new ParsedFormula(text, f, parser.columns);
  }

  private Formula iff() {
    Formula left = implies();
    int chained = 0;
    while (peek().kind() == Kind.IFF) {
      Token op = next();
      // The tree is left-deep: each operand of the chain is one more level for every walk.
      descend(op);
      chained++;
      left = at(new Formula.Iff(left, implies()), op);
    }
    depth -= chained;
    return left;
  }

  private Formula implies() {
    Formula left = or();
    if (peek().kind() == Kind.IMPLIES) {
      Token op = next();
      descend(op);
      Formula right = implies();
      depth--;
      return at(new Formula.Implies(left, right), op);
    }
    return left;
  }

  private Formula or() {
    Formula left = and();
    int chained = 0;
    while (peek().kind() == Kind.OR) {
      Token op = next();
      // The tree is left-deep: each operand of the chain is one more level for every walk.
      descend(op);
      chained++;
      left = at(new Formula.Or(left, and()), op);
    }
    depth -= chained;
    return left;
  }

  private Formula and() {
    Formula left = until();
    int chained = 0;
    while (peek().kind() == Kind.AND) {
      Token op = next();
      // The tree is left-deep: each operand of the chain is one more level for every walk.
      descend(op);
      chained++;
      left = at(new Formula.And(left, until()), op);
    }
    depth -= chained;
    return left;
  }

  private Formula until() {
    Formula left = unary();
    if (peek().kind() == Kind.UNTIL) {
      Token op = next();
      descend(op);
      Formula right = until();
      depth--;
      return at(new Formula.Until(left, right), op);
    }
    return left;
  }

  /** Counts one more level of nesting at {@code t}; the caller decrements after recursing. */
  private void descend(Token t) {
    if (++depth > MAX_DEPTH) {
      throw new LtlSyntaxException(t.column(), "the formula nests deeper than " + MAX_DEPTH
          + " levels (each operand of a chain of '&&', '||' or '<->' counts as one)");
    }
  }

  private Formula unary() {
    Token t = next();
    switch (t.kind()) {
      case NOT:
      case NEXT:
      case EVENTUALLY:
      case ALWAYS: {
        descend(t);
        Formula operand = unary();
        depth--;
        return at(switch (t.kind()) {
          case NOT -> new Formula.Not(operand);
          case NEXT -> new Formula.Next(operand);
          case EVENTUALLY -> new Formula.Eventually(operand);
          default -> new Formula.Always(operand);
        }, t);
      }
      case TRUE:
        return at(new Formula.Const(true), t);
      case FALSE:
        return at(new Formula.Const(false), t);
      case IDENT:
        return at(new Formula.Prop(t.text()), t);
      case LPAREN:
        descend(t);
        Formula inner = iff();
        depth--;
        Token close = next();
        if (close.kind() != Kind.RPAREN) {
          throw new LtlSyntaxException(
              close.column(),
              "expected ')' to close the '(' at column " + t.column() + ", found "
                  + describe(close));
        }
        return inner;
      default:
        throw new LtlSyntaxException(
            t.column(), "expected a proposition, a constant, '(' or a prefix operator, found "
                + describe(t));
    }
  }

  private static String describe(Token t) {
    return t.kind() == Kind.END ? "the end of the formula" : "'" + t.text() + "'";
  }

  private Formula at(Formula f, Token t) {
    columns.put(f, t.column());
    return f;
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Kind.END) {
      pos++;
    }
    return t;
  }

  private static List<Token> tokenize(String text) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int col = i + 1;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i + 1;
        while (end < text.length()
            && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
          end++;
        }
        String word = text.substring(i, end);
        out.add(new Token(keyword(word), word, col));
        i = end;
      } else {
        // startsWith at an offset: a substring per symbol would copy the rest of the text each
        // time, quadratic in the length of a formula made of symbols.
        Kind kind = null;
        String sym = null;
        for (String[] s : SYMBOLS) {
          if (text.startsWith(s[0], i)) {
            sym = s[0];
            kind = Kind.valueOf(s[1]);
            break;
          }
        }
        if (kind == null) {
          throw new LtlSyntaxException(col, "unexpected character '" + c + "'");
        }
        out.add(new Token(kind, sym, col));
        i += sym.length();
      }
    }
    out.add(new Token(Kind.END, "", text.length() + 1));
    return out;
  }

  /** Longest symbols first so that {@code <->} wins over {@code <>}. */
  private static final String[][] SYMBOLS = {
    {"<->", "IFF"}, {"->", "IMPLIES"}, {"<>", "EVENTUALLY"}, {"[]", "ALWAYS"}, {"&&", "AND"},
    {"||", "OR"}, {"!", "NOT"}, {"(", "LPAREN"}, {")", "RPAREN"}
  };

  private static Kind keyword(String word) {
    switch (word) {
      case "true":
        return Kind.TRUE;
      case "false":
        return Kind.FALSE;
      case "X":
        return Kind.NEXT;
      case "U":
        return Kind.UNTIL;
      case "F":
        return Kind.EVENTUALLY;
      case "G":
        return Kind.ALWAYS;
      default:
        return Kind.IDENT;
    }
  }
}
