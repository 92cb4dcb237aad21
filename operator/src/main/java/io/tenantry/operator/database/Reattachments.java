package io.tenantry.operator.database;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.naming.TenantNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The record of a retained database handed to a new Tenant: a Kubernetes Event on the Tenant (shown
 * by {@code kubectl describe tenant}), the operator's log and, on the database itself, a comment.
 * Who set {@code spec.database.reattachRetained} is in the API server's audit log.
 */
@ApplicationScoped
public class Reattachments {

  public static final String REASON = "RetainedDatabaseReattached";
  private static final Logger LOG = Logger.getLogger(Reattachments.class);

  void record(Tenant tenant, String database, KubernetesClient client) {
    String message =
        "retained database "
            + database
            + " and its data re-attached to this Tenant (spec.database.reattachRetained)";
    LOG.warnf("Tenant %s (uid %s): %s", tenant.slug(), tenant.getMetadata().getUid(), message);
    String now = Instant.now().toString();
    client
        .v1()
        .events()
        .inNamespace(TenantNames.namespace(tenant))
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withGenerateName(tenant.slug() + "-")
                .withNamespace(TenantNames.namespace(tenant))
                .endMetadata()
                .withInvolvedObject(
                    new ObjectReferenceBuilder()
                        .withApiVersion(tenant.getApiVersion())
                        .withKind(tenant.getKind())
                        .withName(tenant.getMetadata().getName())
                        .withUid(tenant.getMetadata().getUid())
                        .build())
                .withType("Normal")
                .withReason(REASON)
                .withMessage(message)
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withCount(1)
                .withNewSource("tenantry-operator", null)
                .build())
        .create();
  }
}
