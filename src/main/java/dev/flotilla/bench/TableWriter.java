package dev.flotilla.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Where every benchmark's report goes: the table printed line by line as figures come in (so a
 * long run shows progress), and the CSV written at the end, by default under {@code out/bench/}.
 * One writer for all benchmarks, so tables are formatted with the same locale ({@link
 * Locale#ROOT} unless a benchmark says otherwise) and CSV files land the same way.
 */
public final class TableWriter {
  private final Consumer<String> sink;
  private final Runnable flush;
  private final Locale locale;

  private TableWriter(Consumer<String> sink, Runnable flush, Locale locale) {
    this.sink = sink;
    this.flush = flush;
    this.locale = locale;
  }

  /**
   * @param out a command's output
   * @return a writer formatting with {@link Locale#ROOT}, flushing after every line
   */
  public static TableWriter to(PrintWriter out) {
    return new TableWriter(out::print, out::flush, Locale.ROOT);
  }

  /**
   * @param out a stream such as {@code System.out}
   * @return a writer formatting with {@link Locale#ROOT}
   */
  public static TableWriter to(PrintStream out) {
    return new TableWriter(out::print, out::flush, Locale.ROOT);
  }

  /** @return a writer that prints nothing, e.g. for an untimed warm-up run */
  public static TableWriter discarding() {
    return new TableWriter(s -> { }, () -> { }, Locale.ROOT);
  }

  /**
   * @param other the locale of numbers in the table
   * @return this writer's target with another locale
   */
  public TableWriter withLocale(Locale other) {
    return new TableWriter(sink, flush, other);
  }

  /**
   * Prints a formatted line (or part of one) in this writer's locale.
   *
   * @param format {@link java.util.Formatter} format, usually ending in {@code %n}
   * @param args its arguments
   */
  public void printf(String format, Object... args) {
    sink.accept(String.format(locale, format, args));
    flush.run();
  }

  /**
   * Prints a line as it is.
   *
   * @param line the text, without the line separator
   */
  public void println(String line) {
    sink.accept(line + System.lineSeparator());
    flush.run();
  }

  /** Prints an empty line. */
  public void println() {
    println("");
  }

  /**
   * Writes a CSV file of rows, creating its directory first.
   *
   * @param file the CSV path, e.g. {@code out/bench/alloc.csv}
   * @param header the first line
   * @param rows one line each
   * @throws IOException when the directory or the file cannot be written
   */
  public static void writeCsv(Path file, String header, List<? extends CsvRow> rows)
      throws IOException {
    writeCsvLines(file, header, rows.stream().map(CsvRow::csv).toList());
  }

  /**
   * Writes a CSV file of lines, creating its directory first.
   *
   * @param file the CSV path, e.g. {@code out/bench/fleet.csv}
   * @param header the first line
   * @param lines the lines after it, without line separators
   * @throws IOException when the directory or the file cannot be written
   */
  public static void writeCsvLines(Path file, String header, List<String> lines)
      throws IOException {
    createDirectoryOf(file);
    List<String> all = new ArrayList<>(lines.size() + 1);
    all.add(header);
    all.addAll(lines);
    Files.write(file, all);
  }

  /**
   * Creates the directory a file goes into, when it does not exist yet.
   *
   * @param file a file path, relative or absolute
   * @throws IOException when the directory cannot be created
   */
  public static void createDirectoryOf(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
  }
}
