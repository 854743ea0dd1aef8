package dev.flotilla.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableWriterTest {

  private record Line(String text) implements CsvRow {
    @Override
    public String csv() {
      return text;
    }
  }

  @Test
  void tablesUseTheRootLocaleUnlessTold() {
    StringWriter text = new StringWriter();
    TableWriter out = TableWriter.to(new PrintWriter(text));
    out.printf("%.2f%n", 1.5);
    out.withLocale(Locale.GERMANY).printf("%.2f%n", 1.5);
    out.println("end");
    TableWriter.discarding().printf("%s%n", "nothing");
    String nl = System.lineSeparator();
    assertEquals("1.50" + nl + "1,50" + nl + "end" + nl, text.toString());
  }

  @Test
  void csvFilesGetTheirDirectoryAndHeader(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("out/bench/x.csv");
    TableWriter.writeCsv(csv, "a,b", List.of(new Line("1,2"), new Line("3,4")));
    assertEquals(List.of("a,b", "1,2", "3,4"), Files.readAllLines(csv));
    TableWriter.writeCsvLines(csv, "a", List.of());
    assertEquals(List.of("a"), Files.readAllLines(csv));
  }
}
