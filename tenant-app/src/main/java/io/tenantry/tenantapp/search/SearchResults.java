package io.tenantry.tenantapp.search;

import java.util.List;

/** {@code {"hits":[…]}}, best first. */
public record SearchResults(List<SearchHit> hits) {}
