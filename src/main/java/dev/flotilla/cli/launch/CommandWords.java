package dev.flotilla.cli.launch;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code cmd=} or {@code args=} attribute into words the way a POSIX shell does for
 * plain words and single/double quotes (as ROS 2's launch does with shlex); no expansion.
 */
final class CommandWords {
  private CommandWords() {}

  static List<String> split(String text, LaunchElement where) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
          word.append(text.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else if (c == '\\' && i + 1 < text.length()) {
        word.append(text.charAt(++i));
        inWord = true;
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw where.error("unbalanced " + quote + " quote in '" + text + "'.");
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
