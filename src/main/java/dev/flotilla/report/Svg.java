package dev.flotilla.report;

/**
 * A minimal SVG writer: every attribute value and text is escaped, every number formatted by
 * {@link Xml#num}, so the same calls always produce the same bytes.
 */
final class Svg {

  private final StringBuilder out = new StringBuilder(8192);

  /** Opens the root element with a fixed size and an id for the page's CSS and tests. */
  Svg(String id, double width, double height, String label) {
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(Xml.escape(id))
        .append("\" width=\"").append(Xml.num(width)).append("\" height=\"")
        .append(Xml.num(height)).append("\" viewBox=\"0 0 ").append(Xml.num(width)).append(' ')
        .append(Xml.num(height)).append("\" role=\"img\" aria-label=\"")
        .append(Xml.escape(label)).append("\" font-family=\"DejaVu Sans, Arial, sans-serif\""
            + " font-size=\"12\">\n");
  }

  /**
   * Writes an element. {@code attrs} alternates names and values; values that are {@link Double}
   * are formatted as numbers, others escaped as text. {@code body} is escaped text or null.
   */
  Svg el(String tag, String body, Object... attrs) {
    start(tag, attrs);
    if (body == null) {
      out.append("/>\n");
    } else {
      out.append('>').append(Xml.escape(body)).append("</").append(tag).append(">\n");
    }
    return this;
  }

  /** Writes an element with a tooltip ({@code <title>} child) and no other content. */
  Svg withTitle(String tag, String title, Object... attrs) {
    start(tag, attrs);
    out.append("><title>").append(Xml.escape(title)).append("</title></").append(tag)
        .append(">\n");
    return this;
  }

  /** Opens a container element; close it with {@link #close}. */
  Svg open(String tag, Object... attrs) {
    start(tag, attrs);
    out.append(">\n");
    return this;
  }

  Svg close(String tag) {
    out.append("</").append(tag).append(">\n");
    return this;
  }

  /** Appends markup that the caller has built from escaped parts (pattern definitions). */
  Svg raw(String markup) {
    out.append(markup);
    return this;
  }

  /** Path data for an X of half-size {@code r} centred on (cx, cy), in pixels. */
  static String cross(double cx, double cy, double r) {
    return "M" + Xml.num(cx - r) + " " + Xml.num(cy - r) + "L" + Xml.num(cx + r) + " "
        + Xml.num(cy + r) + "M" + Xml.num(cx - r) + " " + Xml.num(cy + r) + "L" + Xml.num(cx + r)
        + " " + Xml.num(cy - r);
  }

  /** Closes the root and returns the document. */
  String finish() {
    return out.append("</svg>\n").toString();
  }

  private void start(String tag, Object[] attrs) {
    if (attrs.length % 2 != 0) {
      throw new IllegalArgumentException("SVG attributes come in name/value pairs for " + tag);
    }
    out.append('<').append(tag);
    for (int i = 0; i < attrs.length; i += 2) {
      Object v = attrs[i + 1];
      String text = v instanceof Double d ? Xml.num(d) : v instanceof Integer n
          ? Integer.toString(n) : Xml.escape(String.valueOf(v));
      out.append(' ').append(attrs[i]).append("=\"").append(text).append('"');
    }
  }
}
