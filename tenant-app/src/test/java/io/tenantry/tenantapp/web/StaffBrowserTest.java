package io.tenantry.tenantapp.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.tenantry.testing.browser.BrowserPerClass;
import java.net.URL;

/** A staff web app browser test class: one browser per class, signed out before each test. */
abstract class StaffBrowserTest extends BrowserPerClass {

  @TestHTTPResource("/")
  URL root;

  String base() {
    return root.toString().replaceAll("/$", "");
  }
}
