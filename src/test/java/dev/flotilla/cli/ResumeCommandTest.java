package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.resume.MobilityClass;
import dev.flotilla.resume.ResumeJson;
import dev.flotilla.resume.RobotResume;
import dev.flotilla.urdf.SharedUrdfs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ResumeCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = new CommandLine(new ResumeCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void printsTheJsonResume() {
    int code = run(SharedUrdfs.file("fetch.urdf").toString(), "--id", "fetch-1");
    assertEquals(0, code, err.toString());
    RobotResume r = ResumeJson.fromJson(out.toString());
    assertEquals("fetch-1", r.robotId());
    assertEquals(MobilityClass.WHEELED_DIFFERENTIAL, r.mobility().mobilityClass());
    assertEquals("gripper_link", r.manipulation().arms().get(0).endEffector());
  }

  @Test
  void explainPrintsEvidenceAndConfidence() {
    assertEquals(0, run(SharedUrdfs.file("turtlebot3_burger.urdf").toString(), "--explain"));
    assertTrue(out.toString().contains("mobility [confidence high]"), out.toString());
    assertTrue(out.toString().contains("(wheels)"), out.toString());
  }

  @Test
  void defaultIdIsTheFileBaseName() {
    assertEquals(0, run(SharedUrdfs.file("ur5.urdf").toString()));
    assertEquals("ur5", ResumeJson.fromJson(out.toString()).robotId());
  }

  @Test
  void badUrdfGivesFileLineElementAndExitCode2(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.urdf");
    Files.writeString(
        bad,
        """
        <robot name="r">
          <link name="a"/>
          <link name="b"/>
          <joint name="elbow" type="revolute">
            <parent link="a"/><child link="b"/>
            <limit lower="2" upper="1" effort="1" velocity="1"/>
          </joint>
        </robot>
        """);
    assertEquals(2, run(bad.toString()));
    String msg = err.toString();
    assertTrue(msg.contains(bad + ":6: <limit>: lower limit 2.0 > upper limit 1.0"), msg);
    assertEquals("", out.toString());
  }

  @Test
  void missingFileAndBadOptionsGiveExitCode2(@TempDir Path dir) {
    assertEquals(2, run(dir.resolve("none.urdf").toString()));
    assertTrue(err.toString().contains("cannot read the file"), err.toString());
    assertEquals(2, run(SharedUrdfs.file("ur5.urdf").toString(), "--samples", "3"));
    assertTrue(err.toString().contains("workspaceSamples"), err.toString());
    assertEquals(2, run(SharedUrdfs.file("ur5.urdf").toString(), "--ee", "no_such_link"));
    assertTrue(err.toString().contains("no_such_link"), err.toString());
  }
}
