package dev.flotilla.bag;

/**
 * Messages of one topic in one storage file.
 *
 * @param count number of messages
 * @param first first log time (ns since epoch)
 * @param last last log time (ns since epoch)
 */
record TopicStats(long count, long first, long last) {
  TopicStats plus(TopicStats o) {
    return new TopicStats(count + o.count, Math.min(first, o.first), Math.max(last, o.last));
  }
}
