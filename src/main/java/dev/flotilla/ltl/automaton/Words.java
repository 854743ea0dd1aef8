package dev.flotilla.ltl.automaton;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses finite words written as letters separated by {@code ;} and propositions within a letter
 * separated by {@code ,}: {@code "a;b,c;"} is the word ({a}, {b, c}). Every {@code ;} ends a
 * letter; text after the last {@code ;} is one more letter only if it is not blank. So
 * {@code "a;;"} is ({a}, {}), {@code ";"} is the single empty letter and {@code ""} the empty word.
 * Time: O(n).
 */
public final class Words {

  private Words() {}

  /**
   * Parses a word.
   *
   * @param text the word
   * @return the letters, each an immutable sorted set of proposition names
   * @throws IllegalArgumentException naming the 1-based column of a malformed proposition
   */
  public static List<Set<String>> parse(String text) {
    List<Set<String>> word = new ArrayList<>();
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf(';', start);
      boolean last = end < 0;
      if (last) {
        end = text.length();
      }
      String letterText = text.substring(start, end);
      if (!last || !letterText.isBlank()) {
        word.add(letter(letterText, start));
      }
      start = end + 1;
    }
    return List.copyOf(word);
  }

  private static Set<String> letter(String text, int offset) {
    Set<String> letter = new TreeSet<>();
    if (text.isBlank()) {
      return Collections.unmodifiableSet(letter);
    }
    int start = 0;
    for (String part : text.split(",", -1)) {
      String name = part.strip();
      int column = offset + start + (part.length() - part.stripLeading().length()) + 1;
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException(
            "column " + column + ": '" + name + "' is not a proposition name");
      }
      letter.add(name);
      start += part.length() + 1;
    }
    return Collections.unmodifiableSet(letter);
  }
}
