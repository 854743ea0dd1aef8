package dev.flotilla.xml;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One XML element with the position where its start tag ends, so every later error can name it.
 *
 * @param name tag name as written (prefixes such as {@code sensor:} kept)
 * @param attributes attribute values by name, in document order
 * @param children child elements in document order
 * @param text concatenated character data directly inside the element, trimmed
 * @param line 1-based line of the start tag
 * @param column 1-based column just after the start tag
 */
public record XmlElement(
    String name,
    Map<String, String> attributes,
    List<XmlElement> children,
    String text,
    int line,
    int column) {

  /** The first child with this tag name, if any. */
  public Optional<XmlElement> child(String tag) {
    for (XmlElement c : children) {
      if (c.name.equals(tag)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** All children with this tag name. */
  public List<XmlElement> childrenNamed(String tag) {
    return children.stream().filter(c -> c.name.equals(tag)).toList();
  }

  /** An attribute value, or null when absent. */
  public String attr(String key) {
    return attributes.get(key);
  }

  /** Tag name without any namespace prefix ({@code sensor:camera} becomes {@code camera}). */
  public String localName() {
    int colon = name.indexOf(':');
    return colon < 0 ? name : name.substring(colon + 1);
  }
}
