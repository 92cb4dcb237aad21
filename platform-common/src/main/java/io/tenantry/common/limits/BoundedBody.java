package io.tenantry.common.limits;

import io.tenantry.common.problem.Problem;
import io.tenantry.common.problem.ProblemException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that refuses to be read past {@code limit} bytes: the chunk that crosses the limit
 * is never handed to the reader, and the request is answered 413 ({@link Problem#bodyTooLarge}). A
 * body without a Content-Length (chunked) is so refused like a declared one, and never parsed
 * beyond the limit.
 */
public final class BoundedBody extends FilterInputStream {

  private final long limit;
  private long consumed;

  public BoundedBody(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count(skipped);
    return skipped;
  }

  private void count(long n) {
    consumed += n;
    if (consumed > limit) {
      throw new ProblemException(Problem.bodyTooLarge(limit));
    }
  }
}
