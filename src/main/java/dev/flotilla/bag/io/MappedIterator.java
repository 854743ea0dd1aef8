package dev.flotilla.bag.io;

import java.util.Iterator;
import java.util.function.Function;

/** An iterator that turns each element of another into something else, lazily. */
public final class MappedIterator<A, B> implements Iterator<B> {
  private final Iterator<A> source;
  private final Function<? super A, ? extends B> f;

  public MappedIterator(Iterator<A> source, Function<? super A, ? extends B> f) {
    this.source = source;
    this.f = f;
  }

  @Override
  public boolean hasNext() {
    return source.hasNext();
  }

  @Override
  public B next() {
    return f.apply(source.next());
  }
}
