package io.tenantry.tenantapp.web;

import io.tenantry.common.problem.Problem;
import io.tenantry.common.problem.ProblemException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Stops reading a request body once it passes the limit, so that a body without a Content-Length
 * (chunked) is refused like a declared one and never parsed beyond the limit.
 */
@Provider
public class BodyReadLimit implements ReaderInterceptor {

  // Interceptors are built at static init, before runtime config exists: the scoped bean's proxy
  // defers reading the limit to the first request.
  private final RequestLimits limit;

  BodyReadLimit(RequestLimits limit) {
    this.limit = limit;
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    context.setInputStream(new Bounded(context.getInputStream(), limit.maxBodyBytes()));
    return context.proceed();
  }

  /** Counts what the reader consumes; the chunk that crosses the limit is never handed over. */
  private static final class Bounded extends FilterInputStream {

    private final long limit;
    private long consumed;

    Bounded(InputStream in, long limit) {
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
}
