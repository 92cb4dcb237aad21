package io.tenantry.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The launcher hides fabric8's note about our v1alpha1 CRDs, and only that warning. */
class LibraryLogLevelsTest {

  @Test
  void theUnstableVersionNoteIsHiddenAndOtherFabric8WarningsStillShow() {
    LocalPlatform.quietenLibraries();

    assertThat(Logger.getLogger(VersionUsageUtils.class.getName()).isLoggable(Level.WARNING))
        .isFalse();
    assertThat(Logger.getLogger(Config.class.getName()).isLoggable(Level.WARNING)).isTrue();
  }
}
