package dev.flotilla.bag.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator over a source that can only say what comes next by reading it (a file scan, a
 * result set): {@link #hasNext()} reads one element ahead and keeps it. Damage ends the iteration
 * and surfaces as an {@link UncheckedIOException} from {@code hasNext()}.
 *
 * @param <T> the element type
 */
public abstract class LookaheadIterator<T> implements Iterator<T> {
  private T next;
  private boolean finished;

  /**
   * Reads the next element from the source.
   *
   * @return the element, or null when the source is exhausted (release it before returning)
   * @throws IOException on damage; the iteration then ends
   */
  protected abstract T readNext() throws IOException;

  @Override
  public final boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (finished) {
      return false;
    }
    try {
      next = readNext();
    } catch (IOException e) {
      finished = true;
      throw new UncheckedIOException(e);
    }
    if (next == null) {
      finished = true;
      return false;
    }
    return true;
  }

  @Override
  public final T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T t = next;
    next = null;
    return t;
  }
}
