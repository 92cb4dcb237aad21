package io.tenantry.tenantapp.search;

/** One typed search result; {@code score} is in 0..1, higher is better. */
public record SearchHit(String type, String id, String title, String subtitle, double score) {}
