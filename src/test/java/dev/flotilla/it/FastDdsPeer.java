package dev.flotilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Builds C++ peers against Debian's Fast-DDS 2.9 (libfastrtps-dev) at test time: C++ types from
 * the IDL the build generates out of msg/, by fastddsgen, then g++. Under CI=true a missing
 * toolchain fails; ./scripts/test.sh installs it.
 */
final class FastDdsPeer {
  /**
   * A struct member declaration of the generated IDL: its name gets an {@code f_} prefix for
   * fastddsgen, which (unlike idlc's case-sensitive mode) refuses a member named like a type
   * but for case ({@code Twist_ twist_}). Member names never reach the wire: CDR is positional.
   */
  private static final Pattern MEMBER =
      Pattern.compile("(?m)^(    [^ ].*[ >])([a-z][A-Za-z0-9_]*)(\\[[0-9]+\\])?;$");

  private FastDdsPeer() {}

  /**
   * @param source C++ file under src/test/cpp
   * @return the built executable
   */
  static synchronized Path build(String source) throws IOException, InterruptedException {
    return build(source, null);
  }

  /**
   * @param source C++ file under src/test/cpp
   * @param extraIdl an IDL file under src/test/cpp that includes ros2.idl (types the build does
   *     not generate, e.g. an action's service types), or null
   * @return the built executable
   */
  static synchronized Path build(String source, String extraIdl)
      throws IOException, InterruptedException {
    List<String> missing = new ArrayList<>();
    if (!onPath("fastddsgen")) {
      missing.add("fastddsgen");
    }
    if (!onPath("g++")) {
      missing.add("g++");
    }
    if (!Files.exists(Path.of("/usr/include/fastdds/dds/domain/DomainParticipant.hpp"))) {
      missing.add("fastdds headers (libfastrtps-dev)");
    }
    if (!missing.isEmpty()) {
      String why = "Fast-DDS peer toolchain missing: " + missing
          + "; ./scripts/test.sh installs it.";
      if ("true".equals(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    Path root = FlotillaProcess.root();
    Path dir = Files.createDirectories(root.resolve("target/fastdds-peer"));
    Path idl = root.resolve("target/generated-sources/idl/flotilla_ros2.idl");
    Path renamed = dir.resolve("ros2.idl");
    Path types = dir.resolve("ros2_types.o");
    // Regenerate and recompile the types only when msg/ changed since the last run.
    if (!Files.exists(types) || Files.getLastModifiedTime(idl)
        .compareTo(Files.getLastModifiedTime(types)) > 0) {
      Files.writeString(renamed, MEMBER.matcher(Files.readString(idl)).replaceAll("$1f_$2$3;"));
      run(dir, "fastddsgen", "-replace", "-d", dir.toString(), renamed.toString());
      run(dir, "g++", "-O0", "-std=c++17", "-c", "-o", dir.resolve("ros2_pubsub.o").toString(),
          dir.resolve("ros2PubSubTypes.cxx").toString(), "-I" + dir);
      run(dir, "g++", "-O0", "-std=c++17", "-c", "-o", types.toString(),
          dir.resolve("ros2.cxx").toString(), "-I" + dir);
    }
    Path exe = dir.resolve(source.replace(".cpp", ""));
    List<String> gpp = new ArrayList<>(List.of("g++", "-O0", "-std=c++17", "-o",
        exe.toString(), root.resolve("src/test/cpp/" + source).toString(), types.toString(),
        dir.resolve("ros2_pubsub.o").toString()));
    if (extraIdl != null) {
      Path copy = dir.resolve(extraIdl);
      Files.copy(root.resolve("src/test/cpp/" + extraIdl), copy,
          StandardCopyOption.REPLACE_EXISTING);
      run(dir, "fastddsgen", "-replace", "-I", dir.toString(), "-d", dir.toString(),
          copy.toString());
      String stem = extraIdl.replace(".idl", "");
      gpp.add(dir.resolve(stem + ".cxx").toString());
      gpp.add(dir.resolve(stem + "PubSubTypes.cxx").toString());
    }
    gpp.addAll(List.of("-I" + dir, "-lfastrtps", "-lfastcdr"));
    run(dir, gpp.toArray(String[]::new));
    return exe;
  }

  private static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }

  private static void run(Path dir, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), String.join(" ", command) + " failed:\n" + out);
  }
}
