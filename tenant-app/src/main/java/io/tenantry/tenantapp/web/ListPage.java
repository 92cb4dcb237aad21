package io.tenantry.tenantapp.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tenantry.tenantapp.db.Page;
import io.tenantry.tenantapp.web.Views.FilterField;
import io.tenantry.tenantapp.web.Views.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Renders one page of a keyset-paged list with its filters, sort and first/previous/next links. */
@ApplicationScoped
public class ListPage {

  /** Rows per page, as the API's default is 50; small enough to read. */
  static final int PAGE_SIZE = 25;

  private final Template list;
  private final Pages pages;

  ListPage(@Location("app/list.html") Template list, Pages pages) {
    this.list = list;
    this.pages = pages;
  }

  /** The sort asked for, or the list's own when none was. */
  static String order(String sort, String byDefault) {
    return sort == null || sort.isBlank() ? byDefault : sort;
  }

  /**
   * @param params the filters and sort as given, which the paging links repeat with their cursor
   * @param cursor the cursor this page was asked with: a page reached with one offers the first
   */
  public <T> TemplateInstance render(
      String section,
      String title,
      String path,
      List<FilterField> filters,
      List<String> columns,
      Page<T> page,
      Function<T, Row> row,
      Map<String, String> params,
      String cursor) {
    return pages
        .page(list, section, title)
        .data("path", path)
        .data("filters", filters)
        .data("columns", columns)
        .data("rows", page.items().stream().map(row).toList())
        .data("next", link(path, params, page.nextCursor()))
        .data("prev", link(path, params, page.prevCursor()))
        .data("first", cursor == null || cursor.isBlank() ? null : Views.url(path, params));
  }

  private static String link(String path, Map<String, String> params, String cursor) {
    return cursor == null ? null : Views.url(path, Views.with(params, "cursor", cursor));
  }
}
