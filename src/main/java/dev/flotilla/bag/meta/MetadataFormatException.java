package dev.flotilla.bag.meta;

import java.io.IOException;

/** A metadata.yaml (or serialized metadata) that is not valid; names the source and field. */
public final class MetadataFormatException extends IOException {
  /**
   * @param source file (or record) the metadata came from
   * @param field dotted path of the offending field
   * @param problem what is wrong
   */
  public MetadataFormatException(String source, String field, String problem) {
    super(source + ": field '" + field + "': " + problem);
  }
}
