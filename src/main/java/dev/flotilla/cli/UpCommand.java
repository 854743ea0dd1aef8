package dev.flotilla.cli;

import dev.flotilla.node.NodeHost;
import dev.flotilla.ros.params.RosParamsFile;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code flotilla up}: planner, allocator and synchronizer in one process. */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Run the planner, allocator and synchronizer in one process over DDS.")
final class UpCommand implements Callable<Integer> {
  @Mixin RosOptions ros = new RosOptions();

  @Mixin JournalOptions journal = new JournalOptions();

  @Override
  public Integer call() throws Exception {
    LogSetup.configure(ros.verbose);
    String ns = ros.checkedNamespace();
    RosParamsFile file = RosParamsFile.load(HomePaths.resolve(ros.params));
    // Validate all three before starting any, so a bad file starts nothing.
    List<NodeHost.NodeSpec> specs = List.of(NodeHost.spec("synchronizer", file, ns),
        NodeHost.spec("allocator", file, ns), NodeHost.spec("planner", file, ns));
    int domain = ros.domain();
    return NodeCommand.runUntilInterrupted(host -> {
      host.recoverJournals(journal.recover);
      // Every journal first, so a damaged one starts nothing.
      specs.forEach(host::checkJournal);
      specs.forEach(s -> host.start(s, domain));
    });
  }
}
