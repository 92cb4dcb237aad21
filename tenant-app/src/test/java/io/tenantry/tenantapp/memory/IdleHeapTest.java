package io.tenantry.tenantapp.memory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class IdleHeapTest {

  private static final Duration QUIET = Duration.ofSeconds(20);
  private static final long S = 1_000_000_000L;

  @Inject IdleHeap idleHeap;

  @Test
  void probesAndScrapesAreNotWork() {
    long before = idleHeap.lastWork();
    given().get("/q/health/ready").then().statusCode(200);
    given().get("/q/health/live").then().statusCode(200);
    given().get("/q/metrics").then().statusCode(200);

    assertThat(idleHeap.lastWork()).isEqualTo(before);
  }

  @Test
  void anApiRequestIsWorkEvenWhenRefused() {
    long before = idleHeap.lastWork();
    given().get("/api/v1/subscribers").then().statusCode(401);

    assertThat(idleHeap.lastWork()).isGreaterThan(before);
  }

  @Test
  void theReleaseLetsGoOfArgon2TemplatesBeforeItCollects() {
    Argon2Function before = Argon2Function.getInstance(7168, 5, 1, 32, Argon2.ID);

    idleHeap.release();

    assertThat(Argon2Function.getInstance(7168, 5, 1, 32, Argon2.ID)).isNotSameAs(before);
  }

  @Test
  void dueOnceTheAppHasBeenQuietLongEnoughAfterWork() {
    assertThat(IdleHeap.due(100 * S, 80 * S, 10 * S, QUIET)).isTrue();
  }

  @Test
  void notDueWhileWorkIsRecent() {
    assertThat(IdleHeap.due(100 * S, 81 * S, 10 * S, QUIET)).isFalse();
  }

  @Test
  void notDueAgainWithoutNewWork() {
    assertThat(IdleHeap.due(500 * S, 80 * S, 100 * S, QUIET)).isFalse();
  }

  @Test
  void neverDueWhenTurnedOff() {
    assertThat(IdleHeap.due(100 * S, 80 * S, 10 * S, Duration.ZERO)).isFalse();
  }
}
