package io.tenantry.tenantapp.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Files the application carries on its class path (stored documents, migration scripts). */
public final class Resources {

  private Resources() {}

  /**
   * The whole of {@code resource}. A missing one is a broken build, not a request's fault: it fails
   * loudly, naming the resource.
   */
  public static byte[] read(String resource) {
    try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the application");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
