package io.tenantry.tenantapp.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void passwordsAreHashedWithArgon2idAtSevenMebibytesAndFiveIterations() {
    String hash = Secrets.hashPassword("correct horse battery staple");

    assertThat(hash).startsWith("$argon2id$v=19$m=7168,t=5,p=1$");
    assertThat(Secrets.passwordMatches("correct horse battery staple", hash)).isTrue();
    assertThat(Secrets.passwordMatches("correct horse battery stapler", hash)).isFalse();
  }

  @Test
  void aHashStoredWithOtherParametersStillVerifiesWithItsOwn() {
    String old =
        Password.hash("correct horse battery staple")
            .addRandomSalt(16)
            .with(Argon2Function.getInstance(19456, 2, 1, 32, Argon2.ID))
            .getResult();

    assertThat(Secrets.passwordMatches("correct horse battery staple", old)).isTrue();
    assertThat(Secrets.passwordMatches("wrong", old)).isFalse();
  }

  @Test
  void forgettingTheTemplatesEmptiesPassword4jsCacheAndHashingGoesOn() {
    Argon2Function before = Argon2Function.getInstance(7168, 5, 1, 32, Argon2.ID);

    assertThat(Secrets.forgetTemplates()).isTrue();

    assertThat(Argon2Function.getInstance(7168, 5, 1, 32, Argon2.ID)).isNotSameAs(before);
    String hash = Secrets.hashPassword("correct horse battery staple");
    assertThat(Secrets.passwordMatches("correct horse battery staple", hash)).isTrue();
  }

  @Test
  void forgettingTheTemplatesWaitsForAHashInProgress() throws Exception {
    Secrets.HASHING.acquire(); // a hash in progress
    CompletableFuture<Boolean> forgetting = CompletableFuture.supplyAsync(Secrets::forgetTemplates);
    try {
      await().atMost(Duration.ofSeconds(10)).until(Secrets.HASHING::hasQueuedThreads);
      assertThat(forgetting).isNotDone();
    } finally {
      Secrets.HASHING.release();
    }

    assertThat(forgetting.get(10, TimeUnit.SECONDS)).isTrue();
  }
}
