package dev.flotilla.cli.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One process a launch file starts, fully resolved.
 *
 * @param name label prefixed to its output (the node's or executable's name)
 * @param argv command and arguments; a first word {@code flotilla} means this Flotilla CLI
 * @param overlay parameter file to write before starting, when the node has inline params
 * @param file the launch file that declared it
 * @param line the line of its element
 */
public record LaunchProcess(String name, List<String> argv, Optional<ParamsOverlay> overlay,
    Path file, int line) {

  /** @return the command as a shell-quoted line, as {@code --dry-run} prints it */
  public String commandLine() {
    return argv.stream().map(LaunchProcess::quote).collect(Collectors.joining(" "));
  }

  private static String quote(String word) {
    if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c)
        || "-_./:=,@+%".indexOf(c) >= 0)) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
