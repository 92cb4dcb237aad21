package io.tenantry.tenantapp.web;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;

/** A browser session opened without a browser: the session cookie and its CSRF token. */
record WebSession(String cookie, String csrf) {

  /** Signs {@code email} in through the sign-in form and reads the token the dashboard carries. */
  static WebSession signIn(String email) {
    Response signedIn =
        given()
            .redirects()
            .follow(false)
            .formParam("email", email)
            .formParam("password", WebStaff.PASSWORD)
            .post("/app/sign-in");
    String cookie = signedIn.then().statusCode(303).extract().cookie(StaffWebFilter.COOKIE);
    String page = given().cookie(StaffWebFilter.COOKIE, cookie).get("/app").asString();
    int at = page.indexOf("name=\"csrf-token\" content=\"");
    String rest = page.substring(at + "name=\"csrf-token\" content=\"".length());
    return new WebSession(cookie, rest.substring(0, rest.indexOf('"')));
  }
}
