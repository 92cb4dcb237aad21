package io.tenantry.tenantapp.web;

import io.tenantry.common.problem.ProblemException;
import io.tenantry.tenantapp.search.SearchHit;
import io.tenantry.tenantapp.search.SearchRequest;
import io.tenantry.tenantapp.search.SearchService;
import io.tenantry.tenantapp.search.SearchType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;

/**
 * Finds the subscriber a form names by account number (or e-mail or RADIUS username): people type
 * those, not ids. An exact identifier is what the search scores 1 in its first phase.
 */
@ApplicationScoped
public class SubscriberLookup {

  private final SearchService search;

  SubscriberLookup(SearchService search) {
    this.search = search;
  }

  /** The subscriber's id, or a field error on {@code field}. */
  public UUID byIdentifier(String field, String text) {
    String value = text == null ? "" : text.strip();
    if (value.length() < SearchRequest.MIN_LENGTH || value.length() > SearchRequest.MAX_LENGTH) {
      throw ProblemException.invalid(field, "must name a subscriber by account number");
    }
    return search.search(new SearchRequest(value, Set.of(SearchType.SUBSCRIBER), 2)).stream()
        .filter(hit -> hit.score() >= 1.0)
        .map(SearchHit::id)
        .map(UUID::fromString)
        .findFirst()
        .orElseThrow(
            () -> ProblemException.invalid(field, "no subscriber has this account number"));
  }
}
