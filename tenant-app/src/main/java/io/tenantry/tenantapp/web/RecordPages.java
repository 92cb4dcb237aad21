package io.tenantry.tenantapp.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.tenantapp.db.DataException;
import io.tenantry.tenantapp.db.DataProblems;
import io.tenantry.tenantapp.web.Views.Action;
import io.tenantry.tenantapp.web.Views.Input;
import io.tenantry.tenantapp.web.Views.Prop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the pages of subscribers, devices, invoices, sessions and tickets share: the checks before a
 * page or a write, the status buttons a lifecycle allows, a record's page (detail.html) and the
 * form that creates one (form.html), and answering a write with the page it came from.
 */
@ApplicationScoped
public class RecordPages {

  private final Pages pages;
  private final CurrentStaff current;
  private final Template detail;
  private final Template form;

  RecordPages(
      Pages pages,
      CurrentStaff current,
      @Location("app/detail.html") Template detail,
      @Location("app/form.html") Template form) {
    this.pages = pages;
    this.current = current;
    this.detail = detail;
    this.form = form;
  }

  /**
   * Refuses a page unless the plan includes {@code feature} (null: every plan has it) and the staff
   * member holds {@code permission}.
   */
  public SignedIn read(String feature, String permission) {
    if (feature != null) {
      pages.requireFeature(feature);
    }
    return current.require(permission);
  }

  /** As {@link #read}, and refuses a write whose {@code csrf} is not the session's token. */
  public SignedIn write(String feature, String csrf, String permission) {
    if (feature != null) {
      pages.requireFeature(feature);
    }
    current.checkCsrf(csrf);
    return current.require(permission);
  }

  /**
   * Answers a write made from a record's page: the changed record's page, or, when the service
   * refuses, the record's page as it is now with the refusal on it and the refusal's status. An
   * unknown record stays a 404 (the error page).
   */
  public Response change(
      Supplier<TemplateInstance> changed, Function<Map<String, String>, TemplateInstance> asItIs) {
    try {
      return Response.ok(changed.get()).build();
    } catch (ProblemException e) {
      if (e.problem().status() == 404) {
        throw e;
      }
      return Response.status(e.problem().status()).entity(asItIs.apply(Forms.errorsOf(e))).build();
    }
  }

  /** One button per status the lifecycle allows next; none without {@code permission}. */
  public <S extends Enum<S>> List<Action> transitions(
      String permission, Set<S> next, String url, Function<S, String> label, Predicate<S> danger) {
    if (!current.can(permission)) {
      return List.of();
    }
    return next.stream()
        .sorted()
        .map(to -> new Action(url, label.apply(to), to.toString(), danger.test(to)))
        .toList();
  }

  /**
   * Creates a record from a form. With no field errors so far, {@code create} makes it and returns
   * its page's address, where the browser goes (303). Otherwise, or when the service refuses (a
   * rule it checks itself, a value another record already has), the form comes back with each error
   * beside its field: 400, or 409 for a taken value, as the API would answer.
   */
  public Response create(
      String what,
      Map<String, String> errors,
      Supplier<String> create,
      Function<Map<String, String>, TemplateInstance> form) {
    Map<String, String> found = new LinkedHashMap<>(errors);
    int status = 400;
    if (found.isEmpty()) {
      try {
        return Response.seeOther(URI.create(create.get())).build();
      } catch (ProblemException e) {
        found.putAll(Forms.errorsOf(e));
        status = e.problem().status();
      } catch (DataException e) {
        if (!e.uniqueViolation()) {
          throw e;
        }
        found.put(DataProblems.fieldOf(e), "another " + what + " already has this value");
        status = 409;
      }
    }
    return Response.status(status).entity(form.apply(found)).build();
  }

  /** A form of {@code inputs} posting to {@code action} (form.html), errors beside their fields. */
  public TemplateInstance form(
      String section,
      String title,
      String action,
      List<Input> inputs,
      Map<String, String> errors,
      String submit) {
    return pages
        .page(form, section, title)
        .data("action", action)
        .data("inputs", inputs)
        .data("errors", errors)
        .data("submit", submit);
  }

  /** A record's page: its properties, its actions, and the outcome of the last write. */
  public TemplateInstance detail(
      String section,
      String title,
      List<Prop> props,
      List<Action> actions,
      Map<String, String> errors,
      String notice) {
    return pages
        .page(detail, section, title)
        .data("props", props)
        .data("actions", actions)
        .data("errors", errors)
        .data("notice", notice);
  }
}
