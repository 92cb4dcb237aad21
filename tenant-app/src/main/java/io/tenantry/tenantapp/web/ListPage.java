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

/** Renders one page of a keyset-paged list with its filters, sort and next/first links. */
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

  /**
   * @param params the filters and sort as given, which the next-page link repeats with the cursor
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
      boolean paged) {
    return pages
        .page(list, section, title)
        .data("path", path)
        .data("filters", filters)
        .data("columns", columns)
        .data("rows", page.items().stream().map(row).toList())
        .data(
            "next",
            page.nextCursor() == null
                ? null
                : Views.url(path, Views.with(params, "cursor", page.nextCursor())))
        .data("first", paged ? Views.url(path, params) : null);
  }
}
