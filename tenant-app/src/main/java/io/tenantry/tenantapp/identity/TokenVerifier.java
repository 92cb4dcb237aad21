package io.tenantry.tenantapp.identity;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.tenantry.tenantapp.config.TenantConfig;
import io.tenantry.tenantapp.keys.JwsKey;
import io.tenantry.tenantapp.keys.PlatformKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies the two kinds of bearer token this app accepts: its own staff tokens (its own key with
 * the one algorithm it dictates) and the platform's service tokens (the platform public key with
 * the one algorithm it dictates, see {@link JwsKey}; audience {@code tenant:<slug>}, short-lived).
 * {@code alg: none} and HMAC never pass.
 */
@ApplicationScoped
public class TokenVerifier {

  private final TenantConfig config;
  private final long platformTokenMaxAgeSeconds;
  private final DefaultJWTParser staffParser;
  private final VerifiedTokens staffTokens = new VerifiedTokens(Clock.systemUTC());
  private volatile PlatformParser platformParser;

  TokenVerifier(TenantConfig config, IdentityConfig identity, SigningKeys keys) {
    this.config = config;
    this.platformTokenMaxAgeSeconds = identity.platformTokenMaxAgeSeconds();
    JWTAuthContextInfo staff =
        context(TokenIssuer.issuerFor(config.slug()), TokenIssuer.AUDIENCE, keys.algorithm());
    staff.setPublicVerificationKey(keys.publicKey());
    staff.setRequiredClaims(Set.of(TokenIssuer.TENANT_CLAIM, "groups", "sub"));
    this.staffParser = new DefaultJWTParser(staff);
  }

  public JsonWebToken verifyStaff(String token) throws ParseException {
    return staffTokens.verify(
        token,
        presented -> {
          JsonWebToken jwt = staffParser.parse(presented);
          // the issuer already names the slug; the claim is checked too, so a token needs both
          if (!config.slug().equals(jwt.getClaim(TokenIssuer.TENANT_CLAIM))) {
            throw new ParseException("token was issued for another tenant");
          }
          return jwt;
        });
  }

  /**
   * The platform key lives in a mounted ConfigMap that may be updated while the app runs, so the
   * verifier is rebuilt whenever the key file's content changes.
   */
  public JsonWebToken verifyPlatform(String token) throws ParseException {
    Path keyFile =
        PlatformKey.file(config)
            .filter(Files::isReadable)
            .orElseThrow(() -> new ParseException("no platform public key is configured"));
    String pem;
    try {
      pem = Files.readString(keyFile);
    } catch (IOException e) {
      throw new ParseException("platform public key is unreadable", e);
    }
    PlatformParser current = platformParser;
    if (current == null || !current.pem().equals(pem)) {
      current =
          new PlatformParser(pem, platformParsers(pem), new VerifiedTokens(Clock.systemUTC()));
      platformParser = current;
    }
    List<DefaultJWTParser> parsers = current.parsers();
    return current.tokens().verify(token, presented -> parseWithAny(parsers, presented));
  }

  /** During a key rotation the file holds two keys; a token signed with either is valid. */
  private static JsonWebToken parseWithAny(List<DefaultJWTParser> parsers, String token)
      throws ParseException {
    ParseException refused = null;
    for (DefaultJWTParser parser : parsers) {
      try {
        return parser.parse(token);
      } catch (ParseException e) {
        refused = refused == null ? e : refused; // the next key may verify it
      }
    }
    throw refused;
  }

  private List<DefaultJWTParser> platformParsers(String pem) throws ParseException {
    List<JwsKey> keys;
    try {
      keys = JwsKey.decodeAll(pem);
    } catch (GeneralSecurityException e) {
      throw new ParseException("platform public key is unreadable", e);
    }
    List<DefaultJWTParser> parsers = new ArrayList<>();
    for (JwsKey key : keys) {
      parsers.add(platformParser(key));
    }
    return parsers;
  }

  private DefaultJWTParser platformParser(JwsKey key) {
    JWTAuthContextInfo platform =
        context(PlatformKey.ISSUER, "tenant:" + config.slug(), key.algorithm());
    platform.setPublicVerificationKey(key.key());
    platform.setMaxTimeToLiveSecs(platformTokenMaxAgeSeconds);
    platform.setRequiredClaims(Set.of("scope", "iat"));
    // the scopes as the token's groups: read through JsonWebToken#getClaim, a claim name that is
    // not one of MP JWT's throws (and catches) an exception inside smallrye-jwt on every request
    platform.setGroupsPath("scope");
    return new DefaultJWTParser(platform);
  }

  /** The verifiers of the platform key set, and the tokens they have verified. */
  private record PlatformParser(
      String pem, List<DefaultJWTParser> parsers, VerifiedTokens tokens) {}

  /** Checks issuer, audience and exactly one signature algorithm. */
  private static JWTAuthContextInfo context(
      String issuer, String audience, SignatureAlgorithm algorithm) {
    JWTAuthContextInfo info = new JWTAuthContextInfo();
    info.setIssuedBy(issuer);
    info.setExpectedAudience(Set.of(audience));
    info.setSignatureAlgorithm(Set.of(algorithm));
    info.setClockSkew(30);
    return info;
  }
}
