package io.tenantry.controlplane.access;

import io.tenantry.controlplane.audit.AuditResource;
import io.tenantry.controlplane.flags.FlagResource;
import io.tenantry.controlplane.flags.TenantFlagResource;
import io.tenantry.controlplane.invitations.InvitationAcceptResource;
import io.tenantry.controlplane.invitations.InvitationResource;
import io.tenantry.controlplane.licensing.LicenseResource;
import io.tenantry.controlplane.licensing.LicensesResource;
import io.tenantry.controlplane.licensing.UsageResource;
import io.tenantry.controlplane.plans.PlanResource;
import io.tenantry.controlplane.rollouts.RolloutResource;
import io.tenantry.controlplane.search.SearchResource;
import io.tenantry.controlplane.signin.AuthResource;
import io.tenantry.controlplane.signin.MfaResetResource;
import io.tenantry.controlplane.tenantlink.TenantEndpointResource;
import io.tenantry.controlplane.tenants.TenantResource;
import io.tenantry.controlplane.users.UserResource;
import java.util.List;
import java.util.UUID;

/**
 * The permission table {@link PermissionMatrixTest} checks: every endpoint that needs a token, a
 * request that reaches it, and the permission it needs.
 */
final class ProtectedEndpoints {

  private ProtectedEndpoints() {}

  /** One protected endpoint; {@code permission} null means any signed-in user. */
  record Endpoint(String method, String template, String path, String body, String permission) {
    String name() {
      return method + " " + path;
    }
  }

  private static final String TENANT_BODY =
      "{\"slug\":\"t-%s\",\"displayName\":\"Matrix\",\"plan\":\"free\"}";
  private static final String LICENSE_BODY =
      "{\"type\":\"subscription\",\"seats\":5,\"expiresAt\":\"2027-01-31T00:00:00Z\"}";
  private static final String FLAG_BODY = "{\"enabled\":true}";
  private static final String USER_BODY =
      "{\"email\":\"u-%s@test.io\",\"password\":\"a long enough password\",\"role\":\"support\"}";

  private static final String INVITATION_BODY = "{\"email\":\"i-%s@test.io\",\"role\":\"support\"}";

  /** The table: every endpoint that needs a token, and what it needs. */
  static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint(
              "GET",
              "/api/v1/platform/tenants",
              "/api/v1/platform/tenants",
              null,
              Permissions.TENANTS_READ),
          new Endpoint(
              "POST",
              "/api/v1/platform/tenants",
              "/api/v1/platform/tenants",
              TENANT_BODY,
              Permissions.TENANTS_WRITE),
          new Endpoint(
              "GET",
              "/api/v1/platform/tenants/{slug}",
              "/api/v1/platform/tenants/acme",
              null,
              Permissions.TENANTS_READ),
          new Endpoint(
              "PATCH",
              "/api/v1/platform/tenants/{slug}",
              "/api/v1/platform/tenants/acme",
              "{\"plan\":\"starter\"}",
              Permissions.TENANTS_WRITE),
          new Endpoint(
              "POST",
              "/api/v1/platform/tenants/{slug}/suspend",
              "/api/v1/platform/tenants/acme/suspend",
              null,
              Permissions.TENANTS_WRITE),
          new Endpoint(
              "POST",
              "/api/v1/platform/tenants/{slug}/resume",
              "/api/v1/platform/tenants/acme/resume",
              null,
              Permissions.TENANTS_WRITE),
          new Endpoint(
              "DELETE",
              "/api/v1/platform/tenants/{slug}",
              "/api/v1/platform/tenants/acme",
              null,
              Permissions.TENANTS_WRITE),
          new Endpoint(
              "GET",
              "/api/v1/platform/users",
              "/api/v1/platform/users",
              null,
              Permissions.USERS_READ),
          new Endpoint(
              "POST",
              "/api/v1/platform/users",
              "/api/v1/platform/users",
              USER_BODY,
              Permissions.USERS_WRITE),
          new Endpoint(
              "PATCH",
              "/api/v1/platform/users/{id}",
              "/api/v1/platform/users/" + UUID.randomUUID(),
              "{\"enabled\":true}",
              Permissions.USERS_WRITE),
          new Endpoint(
              "GET",
              "/api/v1/platform/users/invitations",
              "/api/v1/platform/users/invitations",
              null,
              Permissions.USERS_READ),
          new Endpoint(
              "POST",
              "/api/v1/platform/users/invitations",
              "/api/v1/platform/users/invitations",
              INVITATION_BODY,
              Permissions.USERS_WRITE),
          new Endpoint(
              "DELETE",
              "/api/v1/platform/users/invitations/{id}",
              "/api/v1/platform/users/invitations/" + UUID.randomUUID(),
              null,
              Permissions.USERS_WRITE),
          new Endpoint(
              "DELETE",
              "/api/v1/platform/users/{id}/mfa",
              "/api/v1/platform/users/" + UUID.randomUUID() + "/mfa",
              null,
              Permissions.USERS_WRITE),
          new Endpoint(
              "GET",
              "/api/v1/platform/audit",
              "/api/v1/platform/audit",
              null,
              Permissions.AUDIT_READ),
          new Endpoint(
              "GET",
              "/api/v1/platform/audit/export",
              "/api/v1/platform/audit/export",
              null,
              Permissions.AUDIT_EXPORT),
          new Endpoint(
              "GET",
              "/api/v1/platform/audit/verify",
              "/api/v1/platform/audit/verify",
              null,
              Permissions.AUDIT_VERIFY),
          new Endpoint(
              "POST",
              "/api/v1/platform/search",
              "/api/v1/platform/search",
              "{\"query\":\"john-%s\"}",
              Permissions.SEARCH_READ),
          new Endpoint(
              "GET",
              "/api/v1/platform/tenant-endpoints/{slug}",
              "/api/v1/platform/tenant-endpoints/acme",
              null,
              Permissions.TENANTS_READ),
          new Endpoint(
              "PUT",
              "/api/v1/platform/tenant-endpoints/{slug}",
              "/api/v1/platform/tenant-endpoints/acme",
              "{\"internalUrl\":\"http://127.0.0.1:9/%s\"}",
              Permissions.TENANTS_WRITE),
          new Endpoint(
              "DELETE",
              "/api/v1/platform/tenant-endpoints/{slug}",
              "/api/v1/platform/tenant-endpoints/acme",
              null,
              Permissions.TENANTS_WRITE),
          new Endpoint(
              "GET",
              "/api/v1/platform/plans",
              "/api/v1/platform/plans",
              null,
              Permissions.LICENSES_READ),
          new Endpoint(
              "GET",
              "/api/v1/platform/tenants/{slug}/license",
              "/api/v1/platform/tenants/acme/license",
              null,
              Permissions.LICENSES_READ),
          new Endpoint(
              "PUT",
              "/api/v1/platform/tenants/{slug}/license",
              "/api/v1/platform/tenants/acme/license",
              LICENSE_BODY,
              Permissions.LICENSES_WRITE),
          new Endpoint(
              "GET",
              "/api/v1/platform/tenants/{slug}/license/history",
              "/api/v1/platform/tenants/acme/license/history",
              null,
              Permissions.LICENSES_READ),
          new Endpoint(
              "GET",
              "/api/v1/platform/licenses",
              "/api/v1/platform/licenses",
              null,
              Permissions.LICENSES_READ),
          new Endpoint(
              "GET",
              "/api/v1/platform/flags",
              "/api/v1/platform/flags",
              null,
              Permissions.FLAGS_READ),
          new Endpoint(
              "PUT",
              "/api/v1/platform/flags/{key}/global",
              "/api/v1/platform/flags/invoicing/global",
              FLAG_BODY,
              Permissions.FLAGS_WRITE),
          new Endpoint(
              "DELETE",
              "/api/v1/platform/flags/{key}/global",
              "/api/v1/platform/flags/invoicing/global",
              null,
              Permissions.FLAGS_WRITE),
          new Endpoint(
              "GET",
              "/api/v1/platform/tenants/{slug}/flags",
              "/api/v1/platform/tenants/acme/flags",
              null,
              Permissions.FLAGS_READ),
          new Endpoint(
              "PUT",
              "/api/v1/platform/tenants/{slug}/flags/{key}",
              "/api/v1/platform/tenants/acme/flags/invoicing",
              FLAG_BODY,
              Permissions.FLAGS_WRITE),
          new Endpoint(
              "DELETE",
              "/api/v1/platform/tenants/{slug}/flags/{key}",
              "/api/v1/platform/tenants/acme/flags/invoicing",
              null,
              Permissions.FLAGS_WRITE),
          new Endpoint(
              "GET",
              "/api/v1/platform/tenants/{slug}/usage",
              "/api/v1/platform/tenants/acme/usage",
              null,
              Permissions.LICENSES_READ),
          new Endpoint(
              "GET",
              "/api/v1/platform/rollouts",
              "/api/v1/platform/rollouts",
              null,
              Permissions.ROLLOUTS_READ),
          new Endpoint(
              "GET",
              "/api/v1/platform/rollouts/{name}",
              "/api/v1/platform/rollouts/matrix",
              null,
              Permissions.ROLLOUTS_READ),
          new Endpoint(
              "GET",
              "/api/v1/platform/releases",
              "/api/v1/platform/releases",
              null,
              Permissions.ROLLOUTS_READ),
          new Endpoint(
              "POST",
              "/api/v1/platform/rollouts/{name}/pause",
              "/api/v1/platform/rollouts/matrix/pause",
              null,
              Permissions.ROLLOUTS_WRITE),
          new Endpoint(
              "POST",
              "/api/v1/platform/rollouts/{name}/resume",
              "/api/v1/platform/rollouts/matrix/resume",
              null,
              Permissions.ROLLOUTS_WRITE),
          new Endpoint(
              "POST",
              "/api/v1/platform/rollouts/{name}/abort",
              "/api/v1/platform/rollouts/matrix/abort",
              null,
              Permissions.ROLLOUTS_WRITE),
          new Endpoint(
              "POST",
              "/api/v1/platform/rollouts/{name}/promote",
              "/api/v1/platform/rollouts/matrix/promote",
              null,
              Permissions.ROLLOUTS_WRITE),
          new Endpoint("GET", "/api/v1/auth/me", "/api/v1/auth/me", null, null),
          new Endpoint("POST", "/api/v1/auth/mfa/enrol", "/api/v1/auth/mfa/enrol", null, null),
          new Endpoint(
              "POST",
              "/api/v1/auth/mfa/confirm",
              "/api/v1/auth/mfa/confirm",
              "{\"code\":\"000000\"}",
              null),
          new Endpoint(
              "POST",
              "/api/v1/auth/password",
              "/api/v1/auth/password",
              "{\"currentPassword\":\"not the password\",\"newPassword\":\"a long enough password\"}",
              null));

  /** Every resource class with protected endpoints; the table must cover each of their methods. */
  static final List<Class<?>> RESOURCES =
      List.of(
          TenantResource.class,
          UserResource.class,
          InvitationResource.class,
          InvitationAcceptResource.class,
          MfaResetResource.class,
          AuditResource.class,
          AuthResource.class,
          SearchResource.class,
          TenantEndpointResource.class,
          PlanResource.class,
          LicenseResource.class,
          LicensesResource.class,
          FlagResource.class,
          TenantFlagResource.class,
          UsageResource.class,
          RolloutResource.class);
}
