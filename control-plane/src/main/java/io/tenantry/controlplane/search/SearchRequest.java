package io.tenantry.controlplane.search;

import io.tenantry.crds.v1alpha1.Tenant;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /api/v1/platform/search}: what to look for and where. */
public record SearchRequest(
    @NotNull
        @Size(min = 2, max = 100, message = "must be 2 to 100 characters")
        @Pattern(regexp = SearchRequest.QUERY, message = SearchRequest.QUERY_RULE)
        String query,
    @Size(max = 4, message = "must list at most the 4 types")
        List<
                @NotNull
                @Pattern(
                    regexp = "subscriber|device|invoice|ticket",
                    message = "must list only subscriber, device, invoice and ticket")
                String>
            types,
    @Size(min = 1, max = 500, message = "must list 1 to 500 tenants")
        List<
                @NotNull @Pattern(regexp = Tenant.SLUG_PATTERN, message = "must list tenant slugs")
                String>
            tenants,
    @Min(value = 1, message = "must be between 1 and 50")
        @Max(value = 50, message = "must be between 1 and 50")
        Integer limit) {

  /**
   * Letters, digits and the punctuation of e-mail addresses, MAC addresses, account and invoice
   * numbers and names; inner spaces only. Anything else (control characters, wildcards, quotes
   * other than the apostrophe) is refused before any tenant is asked.
   */
  static final String CHAR = "\\p{L}\\p{M}\\p{N}@._+'#:/,&()\\-";

  static final String QUERY = "[" + CHAR + "]([" + CHAR + " ]*[" + CHAR + "])?";
  static final String QUERY_RULE =
      "may contain only letters, digits, inner spaces and @ . _ + - ' # : / , & ( )";
}
