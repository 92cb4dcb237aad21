package io.tenantry.tenantapp.web;

/** A request the web app refuses with an error page (never a stack trace). */
public class WebRefusal extends RuntimeException {

  private final int status;

  WebRefusal(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static WebRefusal forbidden(String message) {
    return new WebRefusal(403, message);
  }

  static WebRefusal notFound(String message) {
    return new WebRefusal(404, message);
  }

  public int status() {
    return status;
  }
}
