package io.tenantry.controlplane.console.session;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

/**
 * The console's session cookie: HttpOnly, SameSite=Strict, the whole origin, and Secure unless the
 * browser talks to this machine (where plain HTTP is the norm and a Secure cookie would be
 * dropped).
 */
public final class SessionCookie {

  public static final String NAME = "tenantry_console";

  private SessionCookie() {}

  public static String read(HttpHeaders headers) {
    Cookie cookie = headers.getCookies().get(NAME);
    return cookie == null ? null : cookie.getValue();
  }

  public static NewCookie issue(String value, String host) {
    return builder(value, host).build();
  }

  /** Tells the browser to forget the cookie. */
  public static NewCookie clear(String host) {
    return builder("", host).maxAge(0).build();
  }

  private static NewCookie.Builder builder(String value, String host) {
    return new NewCookie.Builder(NAME)
        .value(value)
        .path("/")
        .httpOnly(true)
        .secure(!isLocal(host))
        .sameSite(NewCookie.SameSite.STRICT);
  }

  static boolean isLocal(String host) {
    if (host == null) {
      return false;
    }
    String name = host.replaceFirst(":\\d+$", "").toLowerCase(java.util.Locale.ROOT);
    return name.equals("localhost")
        || name.endsWith(".localhost")
        || name.equals("127.0.0.1")
        || name.equals("[::1]");
  }
}
