package io.tenantry.tenantapp.identity;

import io.smallrye.jwt.build.Jwt;
import io.tenantry.tenantapp.config.TenantConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Signs staff access tokens with this tenant's own key. */
@ApplicationScoped
public class TokenIssuer {

  public static final String AUDIENCE = "tenant-app";
  public static final String TENANT_CLAIM = "tenant";

  private final TenantConfig tenant;
  private final IdentityConfig config;
  private final SigningKeys keys;

  TokenIssuer(TenantConfig tenant, IdentityConfig config, SigningKeys keys) {
    this.tenant = tenant;
    this.config = config;
    this.keys = keys;
  }

  public static String issuerFor(String slug) {
    return "https://" + slug + ".tenants.tenantry.io";
  }

  public String accessToken(StaffUser user) {
    return Jwt.issuer(issuerFor(tenant.slug()))
        .audience(AUDIENCE)
        .subject(user.id.toString())
        .upn(user.email)
        .groups(user.role.name())
        .claim(TENANT_CLAIM, tenant.slug())
        .expiresIn(config.accessTokenLifetime())
        .jws()
        .algorithm(keys.algorithm())
        .sign(keys.privateKey());
  }

  public long accessTokenSeconds() {
    return config.accessTokenLifetime().toSeconds();
  }
}
