package io.tenantry.local.workloads;

/**
 * Why a pod cannot start, in the words a kubelet uses ({@code ErrImagePull}, {@code
 * CreateContainerConfigError}, {@code FailedMount}): shown in the Deployment's status.
 */
final class PodConfigException extends Exception {

  private final String reason;

  PodConfigException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  String reason() {
    return reason;
  }
}
