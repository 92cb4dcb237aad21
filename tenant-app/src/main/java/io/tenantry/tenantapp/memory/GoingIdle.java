package io.tenantry.tenantapp.memory;

/**
 * Fired (synchronously) by {@link IdleHeap} just before the full collection that gives memory back:
 * a feature that keeps caches only work needs drops them here, so that this collection frees them.
 */
public record GoingIdle() {}
