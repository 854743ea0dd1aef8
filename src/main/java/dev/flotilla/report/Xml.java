package dev.flotilla.report;

import java.util.Locale;

/** Text and number formatting that is safe and deterministic inside HTML and SVG. */
final class Xml {

  private Xml() {}

  /**
   * Escapes text for element content and attribute values, and replaces characters XML 1.0
   * forbids (control characters, lone surrogates, U+FFFE/U+FFFF) with U+FFFD, so any task id can
   * be embedded. O(n) in the text's length.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (allowed(c)) {
            out.append(c);
          } else {
            out.append('\uFFFD');
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean allowed(char c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return true;
    }
    return c >= 0x20 && !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
  }

  /** A coordinate with at most two decimals, without locale or a negative zero. */
  static String num(double v) {
    double r = Math.round(v * 100.0) / 100.0;
    if (r == 0) {
      return "0";
    }
    if (r == Math.rint(r) && Math.abs(r) < 1e15) {
      return Long.toString((long) r);
    }
    String s = String.format(Locale.ROOT, "%.2f", r);
    return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
  }

  /** A time in seconds for labels, e.g. "12.5 s". */
  static String seconds(double s) {
    return String.format(Locale.ROOT, "%.1f s", s);
  }
}
