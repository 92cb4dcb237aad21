package io.tenantry.tenantapp.common;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The time license checks run on; injectable so tests can move it. */
@Dependent
public class ClockProducer {

  @Produces
  @Singleton
  @DefaultBean
  java.time.Clock clock() {
    return java.time.Clock.systemUTC();
  }
}
