package dev.flotilla.xml;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads XML into {@link XmlElement}s that remember their line numbers (the DOM API forgets them).
 * Namespace processing is off because real URDFs use undeclared prefixes such as
 * {@code sensor:camera}; external entities are refused. Linear in the document size. Shared by
 * the URDF parser and the launch-file loader, which wrap {@link XmlSyntaxException} in their own
 * errors.
 */
public final class XmlTreeReader {

  /** Looking up and configuring the factory costs more than parsing a URDF: do it once. */
  private static SAXParserFactory factory;

  private XmlTreeReader() {}

  private static synchronized SAXParser newParser()
      throws ParserConfigurationException, SAXException {
    if (factory == null) {
      SAXParserFactory f = SAXParserFactory.newInstance();
      f.setNamespaceAware(false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory = f;
    }
    return factory.newSAXParser();
  }

  /**
   * Parses a document.
   *
   * @param xml the document text
   * @return the root element
   * @throws XmlSyntaxException when the text is not well-formed XML
   */
  public static XmlElement read(String xml) {
    Handler handler = new Handler();
    try {
      SAXParser parser = newParser();
      parser.parse(new InputSource(new StringReader(xml)), handler);
    } catch (SAXParseException e) {
      // SAX reports -1 when it does not know the line; the exception's contract is 0.
      throw new XmlSyntaxException(Math.max(0, e.getLineNumber()), handler.openElementName(),
          e.getMessage());
    } catch (SAXException | ParserConfigurationException | IOException e) {
      throw new XmlSyntaxException(0, "", e.getMessage());
    }
    if (handler.root == null) {
      throw new XmlSyntaxException(1, "", "the document has no root element");
    }
    return handler.root;
  }

  /** Builds the element tree; mutable builders are frozen into records on close. */
  private static final class Handler extends DefaultHandler {
    private Locator locator;
    private final Deque<Builder> open = new ArrayDeque<>();
    private XmlElement root;

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qname, Attributes atts) {
      Map<String, String> attributes = new LinkedHashMap<>();
      for (int i = 0; i < atts.getLength(); i++) {
        attributes.put(atts.getQName(i), atts.getValue(i));
      }
      int line = locator == null ? 0 : locator.getLineNumber();
      int column = locator == null ? 0 : locator.getColumnNumber();
      open.push(new Builder(qname, attributes, line, column));
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (!open.isEmpty()) {
        open.peek().text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qname) {
      Builder b = open.pop();
      XmlElement e =
          new XmlElement(
              b.name,
              Collections.unmodifiableMap(b.attributes),
              List.copyOf(b.children),
              b.text.toString().trim(),
              b.line,
              b.column);
      if (open.isEmpty()) {
        root = e;
      } else {
        open.peek().children.add(e);
      }
    }

    String openElementName() {
      return open.isEmpty() ? "" : open.peek().name;
    }
  }

  private static final class Builder {
    final String name;
    final Map<String, String> attributes;
    final int line;
    final int column;
    final List<XmlElement> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();

    Builder(String name, Map<String, String> attributes, int line, int column) {
      this.name = name;
      this.attributes = attributes;
      this.line = line;
      this.column = column;
    }
  }
}
