package io.tenantry.tenantapp.web;

import io.tenantry.tenantapp.config.TenantConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** This tenant as its staff see it on every page. */
@ApplicationScoped
public class Tenant {

  private final TenantConfig config;

  Tenant(TenantConfig config) {
    this.config = config;
  }

  public String displayName() {
    return config.displayName().filter(name -> !name.isBlank()).orElse(config.slug());
  }
}
