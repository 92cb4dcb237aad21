package io.tenantry.tenantapp.common;

import jakarta.validation.constraints.NotBlank;

/** Body of {@code POST …/{id}/status}. */
public record StatusChange(@NotBlank String status) {

  public <S extends Enum<S>> S as(Class<S> type) {
    return Enums.parse(type, "status", status);
  }
}
