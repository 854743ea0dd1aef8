package dev.flotilla.cli;

import dev.flotilla.cli.launch.LaunchException;
import dev.flotilla.cli.launch.LaunchFileLoader;
import dev.flotilla.cli.launch.LaunchProcess;
import dev.flotilla.cli.launch.ProcessSupervisor;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flotilla launch FILE [name:=value …]}: runs a ROS 2 XML launch file without ROS 2, for
 * the subset Flotilla's own files use (see {@link LaunchFileLoader}).
 */
@Command(name = "launch", mixinStandardHelpOptions = true,
    description = "Run a ROS 2 XML launch file (Flotilla's subset) without ROS 2: each node "
        + "and executable as a child process, stopped together on Ctrl-C/SIGTERM.")
public final class LaunchCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "Launch file (.launch.xml).")
  Path file;

  @Parameters(index = "1..*", paramLabel = "NAME:=VALUE",
      description = "Launch argument overrides.")
  List<String> assignments = new ArrayList<>();

  @Option(names = "--dry-run", description = "Print the resolved processes and exit.")
  boolean dryRun;

  @Mixin CommandIo io;

  @Override
  public Integer call() {
    Map<String, String> arguments = new LinkedHashMap<>();
    for (String a : assignments) {
      int at = a.indexOf(":=");
      if (at <= 0) {
        return io.fail("flotilla launch: '" + a + "' is not a launch argument; write "
            + "NAME:=VALUE.");
      }
      arguments.put(a.substring(0, at), a.substring(at + 2));
    }
    Path launchFile = HomePaths.resolve(file);
    Path share = LaunchFileLoader.defaultPackageShare(launchFile, System::getenv);
    List<LaunchProcess> plan;
    try {
      plan = new LaunchFileLoader(share, System::getenv, Path.of("").toAbsolutePath(),
          ProcessHandle.current().pid()).load(launchFile, arguments);
    } catch (LaunchException e) {
      return io.fail("flotilla launch: " + e.getMessage());
    }
    if (dryRun) {
      PrintWriter out = io.out();
      for (LaunchProcess p : plan) {
        out.println(p.name() + ": " + p.commandLine());
        p.overlay().ifPresent(o -> out.println("  params overlay " + o.target() + " = "
            + o.from() + " + " + o.nodeKey() + " " + o.inline()));
      }
      out.flush();
      return 0;
    }
    io.err().flush();
    try {
      return new ProcessSupervisor(plan, flotillaCommand(),
          Map.of("FLOTILLA_HOME", share.toString()), System.out, System.err).run();
    } catch (LaunchException e) {
      System.err.println("flotilla launch: " + e.getMessage());
      return FlotillaCli.EXIT_BAD_INPUT;
    }
  }

  /** This Flotilla: the same java, with the jar it runs from (or its class path in tests). */
  static List<String> flotillaCommand() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try {
      Path code = Path.of(FlotillaCli.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      if (code.toString().endsWith(".jar")) {
        return List.of(java, "-jar", code.toString());
      }
    } catch (URISyntaxException | SecurityException e) {
      // Fall back to the class path below.
    }
    return List.of(java, "-cp", System.getProperty("java.class.path"),
        FlotillaCli.class.getName());
  }
}
