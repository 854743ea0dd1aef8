package dev.flotilla.bench;

import dev.flotilla.bag.BagFilter;
import dev.flotilla.bag.BagMessage;
import dev.flotilla.bag.BagReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The timed reads of {@link BagBenchmark}, each returning seconds: a bag through {@code
 * messages()} and through {@code views()}, checked against what was written, and the raw
 * sequential reads of the same file (page cache and O_DIRECT) that are the physical limit.
 */
final class BagReads {
  private final String format;
  private final Path bag;
  private final long messages;
  private final long bytes;

  /**
   * @param format the case's name, for error messages
   * @param bag the written bag
   * @param messages messages written
   * @param bytes payload bytes written
   */
  BagReads(String format, Path bag, long messages, long bytes) {
    this.format = format;
    this.bag = bag;
    this.messages = messages;
    this.bytes = bytes;
  }

  /** One pass with {@code messages()}: every payload copied into an array; returns seconds. */
  double copies() throws IOException {
    long t0 = System.nanoTime();
    long readN = 0;
    long readBytes = 0;
    try (BagReader r = BagReader.open(bag)) {
      for (var it = r.messages(BagFilter.all()); it.hasNext(); ) {
        BagMessage m = it.next();
        readBytes += m.data().length;
        readN++;
      }
    }
    double s = (System.nanoTime() - t0) / 1e9;
    check(readN, readBytes);
    return s;
  }

  /**
   * One pass with {@code views()}: payloads stay in place; the CDR encapsulation byte of each is
   * read, as any consumer does first. Returns seconds.
   */
  double views() throws IOException {
    long t0 = System.nanoTime();
    long readN = 0;
    long readBytes = 0;
    long encapsulations = 0;
    try (BagReader r = BagReader.open(bag)) {
      for (var it = r.views(BagFilter.all()); it.hasNext(); ) {
        ByteBuffer d = it.next().data();
        readBytes += d.remaining();
        encapsulations += d.get(1);
        readN++;
      }
    }
    double s = (System.nanoTime() - t0) / 1e9;
    check(readN, readBytes);
    if (encapsulations != messages) {
      // Every generated message is little-endian plain CDR (encapsulation 0x0001).
      throw new IllegalStateException(format + ": views hold other bytes than were written");
    }
    return s;
  }

  private void check(long readN, long readBytes) {
    if (readN != messages || readBytes != bytes) {
      throw new IllegalStateException(format + ": read " + readN + " messages (" + readBytes
          + " bytes) back, wrote " + messages + " (" + bytes + " bytes)");
    }
  }

  /**
   * Sequential read bypassing the page cache (O_DIRECT), i.e. the device's speed; NaN when the
   * file system does not support it.
   */
  static double direct(Path file) {
    try {
      ByteBuffer buf = ByteBuffer.allocateDirect((4 << 20) + 8192).alignedSlice(4096);
      long t0 = System.nanoTime();
      long sum = 0;
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ,
          com.sun.nio.file.ExtendedOpenOption.DIRECT)) {
        int k;
        // Positions stay block-aligned: a short read is the file's tail.
        while ((k = ch.read(buf, sum)) > 0) {
          sum += k;
          boolean tail = buf.hasRemaining();
          buf.clear();
          if (tail) {
            break;
          }
        }
      }
      return sum == Files.size(file) ? (System.nanoTime() - t0) / 1e9 : Double.NaN;
    } catch (IOException | UnsupportedOperationException e) {
      return Double.NaN;
    }
  }

  /** Sequential read of every byte of the file with a 4 MiB buffer, from the page cache. */
  static double raw(Path file) throws IOException {
    ByteBuffer buf = ByteBuffer.allocateDirect(4 << 20);
    long t0 = System.nanoTime();
    long sum = 0;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      while (ch.read(buf) >= 0) {
        buf.flip();
        sum += buf.remaining();
        buf.clear();
      }
    }
    double s = (System.nanoTime() - t0) / 1e9;
    if (sum != Files.size(file)) {
      throw new IllegalStateException("raw read of " + file + " was short");
    }
    return s;
  }
}
