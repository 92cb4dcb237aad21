package io.tenantry.webassets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each vendored file is exactly the one its README row names: pinned by checksum. */
class PinnedAssetsTest {

  @ParameterizedTest
  @CsvSource({
    "assets/vendor/htmx/2.0.8/htmx.min.js,"
        + "22283ef68cb7545914f0a88a1bdedc7256a703d1d580c1d255217d0a50d31313",
    "assets/vendor/htmx-ext-sse/2.2.4/sse.min.js,"
        + "98a46496de0c3605fbffdce9167ba427bdd9553184f83f149c261891a92c0136",
  })
  void vendoredFileHasItsPinnedChecksum(String path, String sha256)
      throws IOException, NoSuchAlgorithmException {
    try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/" + path)) {
      assertThat(in).as(path).isNotNull();
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
      assertThat(HexFormat.of().formatHex(digest)).as(path).isEqualTo(sha256);
    }
  }
}
