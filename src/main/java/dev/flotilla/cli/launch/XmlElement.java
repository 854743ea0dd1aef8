package dev.flotilla.cli.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One element of a launch file with the line it starts on, so every error can name file and
 * line (the DOM API forgets lines).
 *
 * @param tag element name
 * @param attributes attributes in document order
 * @param children child elements
 * @param file the file it came from
 * @param line 1-based line of the start tag
 */
record XmlElement(String tag, Map<String, String> attributes, List<XmlElement> children,
    Path file, int line) {

  /** Reads a whole file; text content is ignored, as ROS 2's XML launch frontend does. */
  static XmlElement read(Path file) {
    SAXParserFactory factory = SAXParserFactory.newInstance();
    try {
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Handler handler = new Handler(file);
      factory.newSAXParser().parse(file.toFile(), handler);
      return handler.root;
    } catch (SAXParseException e) {
      throw new LaunchException(file, e.getLineNumber(), null,
          "not well-formed XML (" + e.getMessage() + ").");
    } catch (SAXException | ParserConfigurationException e) {
      throw new LaunchException(file, 0, null, "cannot parse (" + e.getMessage() + ").");
    } catch (IOException e) {
      throw new LaunchException(file, 0, null, "cannot read the launch file (" + e + ").");
    }
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

  private static final class Handler extends DefaultHandler {
    private final Path file;
    private final Deque<Building> open = new ArrayDeque<>();
    private Locator locator;
    private XmlElement root;

    Handler(Path file) {
      this.file = file;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes atts) {
      Map<String, String> map = new LinkedHashMap<>();
      for (int i = 0; i < atts.getLength(); i++) {
        map.put(atts.getQName(i), atts.getValue(i));
      }
      open.push(new Building(qName, map, new ArrayList<>(),
          locator == null ? 0 : locator.getLineNumber()));
    }

    @Override
    public void endElement(String uri, String local, String qName) {
      Building b = open.pop();
      XmlElement e = new XmlElement(b.tag, Collections.unmodifiableMap(b.attributes),
          List.copyOf(b.children), file, b.line);
      if (open.isEmpty()) {
        root = e;
      } else {
        open.peek().children.add(e);
      }
    }

    private record Building(String tag, Map<String, String> attributes,
        List<XmlElement> children, int line) {}
  }
}
