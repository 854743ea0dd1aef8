package dev.flotilla.ltl.automaton;

import dev.flotilla.ltl.syntax.Formula;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Formula progression (Bacchus and Kabanza) over states kept in disjunctive normal form: a state
 * is a set of clauses, a clause a set of "obligations" (propositional literals to check at the
 * next letter, or X/U/F subformulas). The empty clause is {@code true}, the empty set of clauses
 * {@code false}. Clauses whose obligations are contradictory literals or that contain another
 * clause are dropped, so the states of a formula form a finite set.
 *
 * <p>Rules for a letter σ: p ↦ [p ∈ σ]; X f ↦ f; f U g ↦ prog(g) ∨ (prog(f) ∧ f U g);
 * F f ↦ prog(f) ∨ F f. They preserve the infinite-word semantics: σw ⊨ f iff w ⊨ prog(f, σ).
 *
 * <p>Obligations are interned to bit positions, so a clause is a {@code long} and a DNF a sorted
 * {@code long[]}; progression of one obligation by one letter is memoised. At most {@value
 * #MAX_OBLIGATIONS} distinct obligations are supported.
 */
final class Progression {

  /** Bits in a clause. */
  static final int MAX_OBLIGATIONS = 64;

  private static final long[] TRUE = {0L};
  private static final long[] FALSE = {};

  private final Map<String, Integer> propIndex;
  private final List<Formula> obligations = new ArrayList<>();
  private final Map<Formula, Integer> ids = new HashMap<>();
  private final long[] complement = new long[MAX_OBLIGATIONS];
  private final Map<Long, long[]> memo = new HashMap<>();

  /**
   * Creates a progression table.
   *
   * @param propositions the alphabet AP, bit i of a letter mask is proposition i
   */
  Progression(List<String> propositions) {
    propIndex = new HashMap<>();
    for (int i = 0; i < propositions.size(); i++) {
      propIndex.put(propositions.get(i), i);
    }
  }

  /** The obligation with a bit position. */
  Formula obligation(int bit) {
    return obligations.get(bit);
  }

  /** The DNF of a positive-normal-form formula, splitting only its Boolean structure. */
  long[] dnf(Formula f) {
    if (f instanceof Formula.Const c) {
      return c.value() ? TRUE : FALSE;
    } else if (f instanceof Formula.Or o) {
      return or(dnf(o.left()), dnf(o.right()));
    } else if (f instanceof Formula.And a) {
      return and(dnf(a.left()), dnf(a.right()));
    }
    return new long[] {1L << intern(f)};
  }

  /** Progresses a state through one letter. */
  long[] progress(long[] state, int letter) {
    long[] out = FALSE;
    for (long clause : state) {
      long[] acc = TRUE;
      for (long rest = clause; rest != 0 && acc.length > 0; rest &= rest - 1) {
        acc = and(acc, progressObligation(Long.numberOfTrailingZeros(rest), letter));
      }
      out = or(out, acc);
    }
    return out;
  }

  private long[] progressObligation(int bit, int letter) {
    long key = ((long) bit << 32) | letter;
    long[] cached = memo.get(key);
    if (cached == null) {
      cached = progress(obligations.get(bit), letter);
      memo.put(key, cached);
    }
    return cached;
  }

  private long[] progress(Formula f, int letter) {
    if (f instanceof Formula.Const c) {
      return c.value() ? TRUE : FALSE;
    } else if (f instanceof Formula.Prop p) {
      return holds(p, letter) ? TRUE : FALSE;
    } else if (f instanceof Formula.Not n && n.operand() instanceof Formula.Prop p) {
      return holds(p, letter) ? FALSE : TRUE;
    } else if (f instanceof Formula.And a) {
      return and(progress(a.left(), letter), progress(a.right(), letter));
    } else if (f instanceof Formula.Or o) {
      return or(progress(o.left(), letter), progress(o.right(), letter));
    } else if (f instanceof Formula.Next n) {
      return dnf(n.operand());
    } else if (f instanceof Formula.Until u) {
      long[] keep = and(progress(u.left(), letter), new long[] {1L << intern(f)});
      return or(progress(u.right(), letter), keep);
    } else if (f instanceof Formula.Eventually e) {
      return or(progress(e.operand(), letter), new long[] {1L << intern(f)});
    }
    throw new IllegalArgumentException(
        "Progression needs a co-safe formula in positive normal form; got " + f + ".");
  }

  private boolean holds(Formula.Prop p, int letter) {
    Integer i = propIndex.get(p.name());
    return i != null && (letter & (1 << i)) != 0;
  }

  private int intern(Formula f) {
    Integer id = ids.get(f);
    if (id != null) {
      return id;
    }
    if (obligations.size() == MAX_OBLIGATIONS) {
      throw new IllegalArgumentException(
          "The formula needs more than " + MAX_OBLIGATIONS + " distinct subformulas.");
    }
    int bit = obligations.size();
    obligations.add(f);
    ids.put(f, bit);
    Formula opposite = f instanceof Formula.Not n ? n.operand()
        : f instanceof Formula.Prop ? new Formula.Not(f) : null;
    Integer other = opposite == null ? null : ids.get(opposite);
    if (other != null) {
      complement[bit] = 1L << other;
      complement[other] = 1L << bit;
    }
    return bit;
  }

  private long[] or(long[] a, long[] b) {
    if (a.length == 0) {
      return b;
    }
    if (b.length == 0) {
      return a;
    }
    long[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return minimal(all);
  }

  private long[] and(long[] a, long[] b) {
    long[] out = new long[a.length * b.length];
    int n = 0;
    for (long x : a) {
      for (long y : b) {
        long c = x | y;
        if (!contradictory(c)) {
          out[n++] = c;
        }
      }
    }
    return minimal(Arrays.copyOf(out, n));
  }

  /** A clause asking for p and !p at the same next letter can never be met. */
  private boolean contradictory(long clause) {
    for (long rest = clause; rest != 0; rest &= rest - 1) {
      if ((clause & complement[Long.numberOfTrailingZeros(rest)]) != 0) {
        return true;
      }
    }
    return false;
  }

  /** Sorted, duplicate-free, and without clauses that contain another clause. */
  private static long[] minimal(long[] clauses) {
    Long[] boxed = new Long[clauses.length];
    for (int i = 0; i < clauses.length; i++) {
      boxed[i] = clauses[i];
    }
    Arrays.sort(boxed, (x, y) -> x.equals(y) ? 0
        : Long.bitCount(x) != Long.bitCount(y) ? Long.bitCount(x) - Long.bitCount(y)
        : Long.compare(x, y));
    long[] kept = new long[clauses.length];
    int n = 0;
    for (long c : boxed) {
      boolean subsumed = false;
      for (int i = 0; i < n && !subsumed; i++) {
        subsumed = (kept[i] & ~c) == 0;
      }
      if (!subsumed) {
        kept[n++] = c;
      }
    }
    long[] out = Arrays.copyOf(kept, n);
    Arrays.sort(out);
    return out;
  }
}
