package io.tenantry.local.workloads;

import java.util.Map;
import java.util.Optional;

/**
 * The local "registry": image repositories the runner can run, each mapped to a locally built app.
 * Every tag of a known repository is the local build (there is only one version on this machine); a
 * digest names an image built elsewhere, which this "registry" never received, so it cannot be
 * pulled, nor can any other image.
 */
public final class Images {

  private final Map<String, LocalApp> byRepository;

  public Images(Map<String, LocalApp> byRepository) {
    this.byRepository = Map.copyOf(byRepository);
  }

  /** The app for {@code image} ({@code repository[:tag]}), if it is one of ours. */
  Optional<LocalApp> resolve(String image) {
    if (image == null || image.contains("@")) {
      return Optional.empty();
    }
    return Optional.ofNullable(byRepository.get(repositoryOf(image))).filter(LocalApp::built);
  }

  static String repositoryOf(String image) {
    String withoutDigest = image.split("@", 2)[0];
    int slash = withoutDigest.lastIndexOf('/');
    int colon = withoutDigest.lastIndexOf(':');
    // A colon before the last slash belongs to a registry port, not to a tag.
    return colon > slash ? withoutDigest.substring(0, colon) : withoutDigest;
  }
}
