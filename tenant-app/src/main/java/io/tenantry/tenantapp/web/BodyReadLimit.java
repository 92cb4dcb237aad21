package io.tenantry.tenantapp.web;

import io.tenantry.common.limits.BoundedBody;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

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
    context.setInputStream(new BoundedBody(context.getInputStream(), limit.maxBodyBytes()));
    return context.proceed();
  }
}
