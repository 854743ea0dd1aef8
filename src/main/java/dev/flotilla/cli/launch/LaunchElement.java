package dev.flotilla.cli.launch;

import dev.flotilla.xml.XmlElement;
import dev.flotilla.xml.XmlSyntaxException;
import dev.flotilla.xml.XmlTreeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One element of a launch file with its file and the line it starts on, so every error can name
 * both. Built from the shared line-aware {@link XmlTreeReader} tree.
 *
 * @param tag element name
 * @param attributes attributes in document order
 * @param children child elements
 * @param file the file it came from
 * @param line 1-based line of the start tag
 */
record LaunchElement(String tag, Map<String, String> attributes, List<LaunchElement> children,
    Path file, int line) {

  /** Reads a whole file; text content is ignored, as ROS 2's XML launch frontend does. */
  static LaunchElement read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LaunchException(file, 0, null, "cannot read the launch file (" + e + ").");
    }
    try {
      return of(XmlTreeReader.read(text), file);
    } catch (XmlSyntaxException e) {
      throw new LaunchException(file, e.line(), null,
          "not well-formed XML (" + e.getMessage() + ").");
    }
  }

  private static LaunchElement of(XmlElement e, Path file) {
    List<LaunchElement> children = e.children().stream().map(c -> of(c, file)).toList();
    return new LaunchElement(e.name(), e.attributes(), children, file, e.line());
  }

  /** @return the attribute, or null when absent */
  String attr(String name) {
    return attributes.get(name);
  }

  /** @throws LaunchException when an attribute is not in {@code allowed} */
  void onlyAttributes(Set<String> allowed) {
    for (String a : attributes.keySet()) {
      if (!allowed.contains(a)) {
        throw error("attribute '" + a + "' is outside Flotilla's launch subset (supported: "
            + String.join(", ", allowed.stream().sorted().toList()) + ").");
      }
    }
  }

  /** @return the attribute, which must be present */
  String required(String name) {
    String v = attributes.get(name);
    if (v == null) {
      throw error("attribute '" + name + "' is required.");
    }
    return v;
  }

  LaunchException error(String message) {
    return new LaunchException(file, line, tag, message);
  }
}
