package io.tenantry.controlplane.tenantlink;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored override of where one tenant app is reached. */
@Entity
@Table(name = "tenant_endpoints")
public class TenantEndpoint extends PanacheEntityBase {

  @Id public String slug;

  @Column(name = "internal_url")
  public String internalUrl;

  @Column(name = "updated_at")
  public Instant updatedAt;
}
