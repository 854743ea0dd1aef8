package dev.flotilla.report;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Pulls the inline SVG figures out of a report and parses each with a strict XML parser. */
final class SvgFragments {

  private static final Pattern SVG = Pattern.compile("<svg[\\s\\S]*?</svg>");

  private SvgFragments() {}

  /** Each figure's DOM by its root id; a parse error fails the calling test. */
  static Map<String, Document> parse(String html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Map<String, Document> figures = new LinkedHashMap<>();
    Matcher m = SVG.matcher(html);
    while (m.find()) {
      Document doc = factory.newDocumentBuilder()
          .parse(new InputSource(new StringReader(m.group())));
      figures.put(doc.getDocumentElement().getAttribute("id"), doc);
    }
    return figures;
  }

  /** Elements of a tag whose class attribute holds every given token. */
  static List<Element> byClass(Document doc, String tag, String... tokens) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = doc.getElementsByTagNameNS("*", tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      List<String> classes = Arrays.asList(e.getAttribute("class").split(" "));
      if (classes.containsAll(Arrays.asList(tokens))) {
        found.add(e);
      }
    }
    return found;
  }

  /** All text content of the figure's {@code text} and {@code title} elements. */
  static List<String> texts(Document doc) {
    List<String> texts = new ArrayList<>();
    for (String tag : List.of("text", "title")) {
      NodeList nodes = doc.getElementsByTagNameNS("*", tag);
      for (int i = 0; i < nodes.getLength(); i++) {
        texts.add(nodes.item(i).getTextContent());
      }
    }
    return texts;
  }
}
