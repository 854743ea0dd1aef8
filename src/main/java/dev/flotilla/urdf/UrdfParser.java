package dev.flotilla.urdf;

import dev.flotilla.xml.XmlElement;
import dev.flotilla.xml.XmlSyntaxException;
import dev.flotilla.xml.XmlTreeReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Parses URDF text into a validated {@link UrdfRobot}. Reads links (mass, visual and collision
 * geometry), joints of every type (origin, axis, limits, mimic), and Gazebo sensor blocks (both the
 * SDF style {@code <sensor type="camera">} with {@code <horizontal_fov>} in radians and the old
 * {@code <sensor:camera>} style with {@code <hfov>} in degrees). Mesh URIs such as
 * {@code package://…} are kept as text. Declared behaviour — Gazebo plugins,
 * {@code <ros2_control>},
 * transmissions and vendor top-level elements — is kept for the resume's evidence (issue #13).
 * Errors name the source, line and element. Linear in the document size; the size limits
 * ({@link UrdfLimits}: characters, checked before the XML is read, then links, joints and depth)
 * and the physical plausibility bounds of {@link UrdfLimits} are enforced, so a hostile
 * {@code robot_description} costs bounded time and every number that reaches the resume describes
 * a possible robot (issue #16).
 */
public final class UrdfParser {

  private UrdfParser() {}

  /**
   * Parses a URDF file.
   *
   * @param file path to a {@code .urdf} file
   * @return the validated robot
   * @throws UrdfException when the file cannot be read or is not a valid URDF
   */
  public static UrdfRobot parse(Path file) {
    return parse(file, UrdfLimits.defaults());
  }

  /**
   * Parses a URDF file within limits. The file's size is checked before it is read, so a huge
   * file is refused without loading it.
   *
   * @param file path to a {@code .urdf} file
   * @param limits size limits
   * @return the validated robot
   * @throws UrdfException when the file cannot be read, is not a valid URDF or is too large
   */
  public static UrdfRobot parse(Path file, UrdfLimits limits) {
    String source = file.toString();
    if (Files.isDirectory(file)) {
      throw new UrdfException(source, 0, "",
          "cannot read the file: it is a directory, not a URDF");
    }
    String text;
    try {
      long size = Files.size(file);
      // A UTF-8 character takes at most 4 bytes.
      if (size > 4L * limits.maxChars()) {
        throw new UrdfException(source, 0, "", "the file has " + size + " bytes, more than a "
            + "robot description of " + limits.maxChars() + " characters can take; refused");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UrdfException(source, 0, "", "cannot read the file: it does not exist");
    } catch (CharacterCodingException e) {
      throw new UrdfException(source, 0, "", "cannot read the file: it is not UTF-8 text");
    } catch (IOException e) {
      throw new UrdfException(source, 0, "", "cannot read the file (" + e.getMessage() + ")");
    }
    return parse(text, source, limits);
  }

  /**
   * Parses URDF text, e.g. a {@code robot_description} parameter or message.
   *
   * @param xml the URDF document
   * @param source file name or topic used in error messages
   * @return the validated robot
   * @throws UrdfException when the text is not a valid URDF
   */
  public static UrdfRobot parse(String xml, String source) {
    return parse(xml, source, UrdfLimits.defaults());
  }

  /**
   * Parses URDF text within limits; the length is checked before the XML is read.
   *
   * @param xml the URDF document
   * @param source file name or topic used in error messages
   * @param limits size limits
   * @return the validated robot
   * @throws UrdfException when the text is not a valid URDF or exceeds a limit
   */
  public static UrdfRobot parse(String xml, String source, UrdfLimits limits) {
    if (xml.length() > limits.maxChars()) {
      throw new UrdfException(source, 0, "", "the document has " + xml.length()
          + " characters, more than the limit of " + limits.maxChars()
          + "; a robot description is far smaller, refused");
    }
    XmlElement root;
    try {
      root = XmlTreeReader.read(normaliseDeclaration(xml));
    } catch (XmlSyntaxException e) {
      throw new UrdfException(source, e.line(), e.openElement(),
          "malformed XML: " + e.getMessage());
    }
    return new UrdfDocumentReader(source, limits).robot(root);
  }

  private static final Pattern BAD_VERSION =
      Pattern.compile("\\A(\\s*<\\?xml\\s+version\\s*=\\s*[\"'])0\\.0([\"'])");

  /**
   * Reads a declaration of XML version "0.0" (written by some simulator exporters, e.g. the
   * pybullet_data robots) as 1.0; every other version is left to the XML reader to judge.
   */
  private static String normaliseDeclaration(String xml) {
    return BAD_VERSION.matcher(xml).replaceFirst("$11.0$2");
  }
}
