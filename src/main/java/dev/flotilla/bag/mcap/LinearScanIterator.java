package dev.flotilla.bag.mcap;

import dev.flotilla.bag.io.LookaheadIterator;
import dev.flotilla.bag.mcap.McapRecord.Channel;
import dev.flotilla.bag.mcap.McapRecord.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Messages of an MCAP file without a usable chunk index, in file order, from one linear scan
 * (chunks expanded as they come). O(file) for the whole iteration.
 */
final class LinearScanIterator extends LookaheadIterator<McapMessage> {
  private final Path file;
  private final ChannelTable table;
  private final List<McapScanner> openScanners;
  private final McapQuery q;
  private McapScanner scanner;

  /**
   * @param openScanners where the scan registers its scanner, for the reader to close
   */
  LinearScanIterator(Path file, ChannelTable table, List<McapScanner> openScanners, McapQuery q) {
    this.file = file;
    this.table = table;
    this.openScanners = openScanners;
    this.q = q;
  }

  @Override
  protected McapMessage readNext() throws IOException {
    if (scanner == null) {
      scanner = new McapScanner(file, true, null);
      openScanners.add(scanner);
    }
    for (McapScanner.Located l = scanner.next(); l != null; l = scanner.next()) {
      McapRecord r = l.record();
      if (r instanceof Message m) {
        Channel c = table.channels.get(m.channelId());
        if (c == null) {
          throw new McapFormatException(file, l.offset(), "message refers to unknown channel "
              + m.channelId());
        }
        if (q.accepts(c.topic(), m.logTime())) {
          return new McapMessage(c, table.schemas.get(c.schemaId()), m.sequence(), m.logTime(),
              m.publishTime(), m.data());
        }
      } else if (r instanceof McapRecord.DataEnd) {
        break;
      }
    }
    scanner.close();
    return null;
  }
}
