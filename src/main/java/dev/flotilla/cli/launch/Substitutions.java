package dev.flotilla.cli.launch;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves the substitutions of ROS 2's launch frontend that Flotilla's files use:
 * {@code $(var NAME)}, {@code $(env NAME [DEFAULT])} and {@code $(find-pkg-share
 * flotilla_bringup)}. Substitutions may nest ({@code $(env X $(var y))}). Any other
 * substitution ({@code $(eval …)}, {@code $(command …)}, …) is an error naming the element.
 * Linear in the text.
 */
final class Substitutions {
  /** The one package whose share directory the runner knows: the Flotilla home. */
  static final String BRINGUP = "flotilla_bringup";

  private final Map<String, String> vars;
  private final Function<String, String> env;
  private final Path packageShare;

  /**
   * @param vars launch configurations visible here (arguments and {@code let}s)
   * @param env environment lookup (null when unset)
   * @param packageShare what {@code $(find-pkg-share flotilla_bringup)} stands for
   */
  Substitutions(Map<String, String> vars, Function<String, String> env, Path packageShare) {
    this.vars = vars;
    this.env = env;
    this.packageShare = packageShare;
  }

  /**
   * @param text attribute text
   * @param where the element, for error messages
   * @return the text with every substitution replaced
   */
  String resolve(String text, LaunchElement where) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int start = text.indexOf("$(", i);
      if (start < 0) {
        out.append(text, i, text.length());
        break;
      }
      out.append(text, i, start);
      int end = matchingParen(text, start + 2, where);
      out.append(evaluate(resolve(text.substring(start + 2, end), where).strip(), where));
      i = end + 1;
    }
    return out.toString();
  }

  private static int matchingParen(String text, int from, LaunchElement where) {
    int depth = 1;
    for (int j = from; j < text.length(); j++) {
      char c = text.charAt(j);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return j;
      }
    }
    throw where.error("unclosed substitution in '" + text + "'.");
  }

  private String evaluate(String body, LaunchElement where) {
    List<String> words = Arrays.asList(body.split("\\s+", -1));
    String kind = words.get(0);
    List<String> args = words.subList(1, words.size());
    switch (kind) {
      case "var" -> {
        expectCount(kind, args, 1, 1, where);
        String v = vars.get(args.get(0));
        if (v == null) {
          throw where.error("$(var " + args.get(0) + ") names no launch argument or variable "
              + "declared before it.");
        }
        return v;
      }
      case "env" -> {
        expectCount(kind, args, 1, Integer.MAX_VALUE, where);
        String v = env.apply(args.get(0));
        if (v != null) {
          return v;
        }
        if (args.size() == 1) {
          throw where.error("$(env " + args.get(0) + ") is not set and has no default.");
        }
        return String.join(" ", args.subList(1, args.size()));
      }
      case "find-pkg-share" -> {
        expectCount(kind, args, 1, 1, where);
        if (!args.get(0).equals(BRINGUP)) {
          throw where.error("$(find-pkg-share " + args.get(0) + "): without ROS 2 only "
              + BRINGUP + " is known (it is the Flotilla home).");
        }
        return packageShare.toString();
      }
      default -> throw where.error("substitution $(" + kind + " …) is outside Flotilla's "
          + "launch subset (supported: var, env, find-pkg-share).");
    }
  }

  private static void expectCount(String kind, List<String> args, int min, int max,
      LaunchElement where) {
    if (args.size() < min || args.size() > max || args.get(0).isEmpty()) {
      throw where.error("$(" + kind + ") takes " + (min == max ? String.valueOf(min)
          : "at least " + min) + " argument" + (min == 1 && max == 1 ? "" : "s") + ", got "
          + args + ".");
    }
  }
}
