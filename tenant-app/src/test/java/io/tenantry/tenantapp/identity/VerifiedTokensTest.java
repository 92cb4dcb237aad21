package io.tenantry.tenantapp.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

  private static final Instant NOW = Instant.parse("2026-11-21T06:00:00Z");

  private final VerifiedTokens tokens = new VerifiedTokens(Clock.fixed(NOW, ZoneOffset.UTC));
  private final AtomicInteger verifications = new AtomicInteger();

  private VerifiedTokens.Verification expiringIn(long seconds) {
    return token -> {
      verifications.incrementAndGet();
      JwtClaims claims = new JwtClaims();
      claims.setSubject(token);
      claims.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond() + seconds));
      return new DefaultJWTCallerPrincipal(claims);
    };
  }

  @Test
  void aTokenThatVerifiedIsNotVerifiedAgainUntilItExpires() throws ParseException {
    JsonWebToken first = tokens.verify("token-a", expiringIn(60));
    JsonWebToken again = tokens.verify("token-a", expiringIn(60));

    assertThat(again).isSameAs(first);
    assertThat(verifications).hasValue(1);
  }

  @Test
  void anExpiredTokenIsVerifiedAgainAndRefusedWhenItNoLongerPasses() throws ParseException {
    tokens.verify("token-b", expiringIn(0));

    assertThatThrownBy(
            () ->
                tokens.verify(
                    "token-b",
                    token -> {
                      throw new ParseException("expired");
                    }))
        .isInstanceOf(ParseException.class);
  }

  @Test
  void aTokenThatFailsIsNotRemembered() throws ParseException {
    assertThatThrownBy(
            () ->
                tokens.verify(
                    "forged",
                    token -> {
                      throw new ParseException("bad signature");
                    }))
        .isInstanceOf(ParseException.class);

    assertThat(tokens.size()).isZero();
    tokens.verify("forged", expiringIn(60));
    assertThat(verifications).hasValue(1);
  }

  @Test
  void aFullCacheDropsExpiredTokensAndOtherwiseStopsRemembering() throws ParseException {
    for (int i = 0; i < VerifiedTokens.CAPACITY - 1; i++) {
      tokens.verify("live-" + i, expiringIn(60));
    }
    tokens.verify("expired", expiringIn(0));
    assertThat(tokens.size()).isEqualTo(VerifiedTokens.CAPACITY);

    tokens.verify("one-more", expiringIn(60));
    assertThat(tokens.size()).isEqualTo(VerifiedTokens.CAPACITY);

    tokens.verify("overflow", expiringIn(60));
    tokens.verify("overflow", expiringIn(60));
    assertThat(tokens.size()).isEqualTo(VerifiedTokens.CAPACITY);
    assertThat(verifications).hasValue(VerifiedTokens.CAPACITY + 3);
  }
}
