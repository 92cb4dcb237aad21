package io.tenantry.tenantapp.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The look-ups that keep search on B-trees at a million subscribers: phone numbers and the ends of
 * account and invoice numbers in phase 1, names by how they sound in the misspelling phase (see
 * {@link SearchService}).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class SearchByEndAndSoundTest {

  @Inject TestTenant tenant;

  @BeforeEach
  void seed() {
    tenant.cleanDomain();
    subscriber("ACC-1001", "John Smith", "+1 555 076 5432");
    // holds 5432 in the middle of its phone number only
    subscriber("ACC-1002", "Grace Mensah", "+44 20 5432 1000");
    String kwame = subscriber("DFC318C-00765432", "Kwame Owusu", "+233 24 000 1111");
    // a whole account number that is also the end of Kwame's
    subscriber("C-00765432", "Ama Owusu", "+233 24 000 2222");
    subscriber("ACC-1003", "李小龍", "+86 10 6552 9988");
    invoice(kwame, "INV-DFC318C-00765432");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+1 555 076 5432",
        "(555) 076-5432",
        "555.076.5432",
        "5550765432",
        "+15550765432",
        "001 555 076 5432"
      })
  void findsAPhoneNumberInAnyCommonNotationAsAnExactHit(String phone) {
    JsonPath hits = search(phone);
    assertThat(hits.getList("hits.title")).containsExactly("John Smith");
    assertThat(hits.getDouble("hits[0].score")).isEqualTo(1.0);
  }

  @Test
  void findsAPhoneByItsLastDigitsButNotByDigitsInTheMiddle() {
    JsonPath hits = search("5432");
    assertThat(hits.getList("hits.title")).contains("John Smith").doesNotContain("Grace Mensah");
    assertThat(scoreOf(hits, "John Smith")).isGreaterThan(0.5).isLessThan(1.0);
  }

  @Test
  void findsAccountAndInvoiceNumbersTypedWithoutTheirPrefix() {
    JsonPath hits = search("00765432");
    assertThat(hits.getList("hits.title"))
        .containsExactlyInAnyOrder("Kwame Owusu", "Ama Owusu", "INV-DFC318C-00765432");
    assertThat(hits.getList("hits.score", Double.class))
        .allSatisfy(score -> assertThat(score).isGreaterThan(0.5).isLessThan(1.0));
  }

  @Test
  void aWholeIdentifierOutranksTheEndOfAnother() {
    JsonPath hits = search("C-00765432");
    assertThat(hits.getString("hits[0].title")).isEqualTo("Ama Owusu");
    assertThat(hits.getDouble("hits[0].score")).isEqualTo(1.0);
    assertThat(hits.getList("hits.title").subList(1, 3))
        .containsExactlyInAnyOrder("Kwame Owusu", "INV-DFC318C-00765432");
    assertThat(hits.getList("hits.score", Double.class).subList(1, 3))
        .allSatisfy(score -> assertThat(score).isGreaterThan(0.5).isLessThan(1.0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Grase Mensah", "Jonh Smiht", "Frace Mensah"})
  void findsMisspeltNamesWithAFuzzyScore(String misspelt) {
    JsonPath hits = search(misspelt);
    String meant = misspelt.endsWith("Mensah") ? "Grace Mensah" : "John Smith";
    assertThat(hits.getString("hits[0].title")).isEqualTo(meant);
    assertThat(hits.getDouble("hits[0].score")).isGreaterThanOrEqualTo(0.0).isLessThan(0.5);
  }

  @Test
  void aOneWordMisspellingMayBeASurname() {
    assertThat(search("Owsu").getList("hits.title"))
        .containsExactlyInAnyOrder("Kwame Owusu", "Ama Owusu");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // each word's first letter swapped with its second: neither sounds like "John Smith",
        // and they share too few trigrams with it for the trigram phase
        "oJhn mSith",
        // the space replaced by a letter, or lost
        "JohnxSmith",
        "johnsmith",
        // the space swapped with a neighbour
        "Joh nSmith"
      })
  void findsANameWhoseWordsAreEachOneSlipFromTheTypedOnes(String misspelt) {
    JsonPath hits = search(misspelt);
    assertThat(hits.getList("hits.title")).containsExactly("John Smith");
    assertThat(hits.getDouble("hits[0].score")).isGreaterThanOrEqualTo(0.0).isLessThan(0.5);
  }

  @Test
  void aOneWordSlipThatChangesHowASurnameSoundsFindsIt() {
    // "Wousu" sounds like W200, "Owusu" like O200
    assertThat(search("Wousu").getList("hits.title"))
        .containsExactlyInAnyOrder("Kwame Owusu", "Ama Owusu");
  }

  @Test
  void aRenamedSubscriberIsFoundByASlipInItsNewName() {
    String id = subscriber("ACC-1004", "Ada Lovelace", "+44 20 7946 0000");
    admin()
        .body(TestTenant.subscriber("ACC-1004", "Ada Byron", "+44 20 7946 0000"))
        .put("/api/v1/subscribers/" + id)
        .then()
        .statusCode(200);

    assertThat(search("dAa yBron").getList("hits.title")).containsExactly("Ada Byron");
  }

  @Test
  void wordsWithoutLatinLettersDoNotAllSoundAlike() {
    // Soundex of 张三 and of 李小龍 is the same empty code; it must not make them match
    assertThat(search("张三").getList("hits")).isEmpty();
  }

  private JsonPath search(String q) {
    return given()
        .auth()
        .oauth2(tenant.tokenFor(Role.read_only))
        .queryParam("q", q)
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static double scoreOf(JsonPath hits, String title) {
    List<String> titles = hits.getList("hits.title");
    return hits.getDouble("hits[" + titles.indexOf(title) + "].score");
  }

  private RequestSpecification admin() {
    return given().auth().oauth2(tenant.tokenFor(Role.tenant_admin)).contentType(ContentType.JSON);
  }

  private String subscriber(String account, String name, String phone) {
    return admin()
        .body(TestTenant.subscriber(account, name, phone))
        .post("/api/v1/subscribers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private void invoice(String subscriberId, String number) {
    admin()
        .body(TestTenant.invoice(number, subscriberId))
        .post("/api/v1/invoices")
        .then()
        .statusCode(201);
  }
}
