package io.tenantry.tenantapp.radius;

import io.tenantry.common.problem.ProblemException;
import io.tenantry.tenantapp.db.Db;
import io.tenantry.tenantapp.db.ListQuery;
import io.tenantry.tenantapp.db.Page;
import io.tenantry.tenantapp.db.SortField;
import io.tenantry.tenantapp.db.Timestamps;
import io.tenantry.tenantapp.radius.RadiusDtos.SessionStart;
import io.tenantry.tenantapp.radius.RadiusDtos.SessionUsage;
import io.tenantry.tenantapp.radius.RadiusDtos.SessionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

@ApplicationScoped
public class RadiusService {

  /** RFC 5176 Disconnect-Request issued by staff. */
  static final String ADMIN_RESET = "Admin-Reset";

  private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
  private static final Map<String, SortField<RadiusSession>> SORTS =
      Map.of(
          "startedAt", SortField.instant("started_at", s -> s.startedAt),
          "username", SortField.text("username", s -> s.username));

  private final Db db;

  RadiusService(Db db) {
    this.db = db;
  }

  /** Filters of a session list; null means "any". */
  public record Filter(String username, Boolean active) {}

  @Transactional
  public SessionView start(SessionStart request) {
    RadiusSession s = new RadiusSession();
    s.id = UUID.randomUUID();
    s.username = request.username();
    s.nasIp = ipLiteral(request.nasIp());
    s.startedAt = Timestamps.now();
    db.insert(RadiusSession.TABLE, s);
    return SessionView.of(s);
  }

  @Transactional
  public SessionView get(UUID id) {
    return SessionView.of(db.get(RadiusSession.TABLE, id));
  }

  @Transactional
  public SessionView recordUsage(UUID id, SessionUsage usage) {
    RadiusSession s = active(id);
    if (usage.bytesIn() < s.bytesIn || usage.bytesOut() < s.bytesOut) {
      throw ProblemException.conflict(
          "counter-regression", "accounting counters never decrease within a session", Map.of());
    }
    s.bytesIn = usage.bytesIn();
    s.bytesOut = usage.bytesOut();
    db.update(RadiusSession.TABLE, s);
    return SessionView.of(s);
  }

  @Transactional
  public SessionView disconnect(UUID id) {
    RadiusSession s = active(id);
    s.endedAt = Timestamps.now();
    s.terminateCause = ADMIN_RESET;
    db.update(RadiusSession.TABLE, s);
    return SessionView.of(s);
  }

  @Transactional
  public Page<SessionView> list(Filter filter, String sort, String cursor, int limit) {
    ListQuery<RadiusSession> query =
        new ListQuery<>(RadiusSession.TABLE, SORTS, (RadiusSession s) -> s.id)
            .filter("username = ?", filter.username());
    if (filter.active() != null) {
      query.where(filter.active() ? "ended_at IS NULL" : "ended_at IS NOT NULL");
    }
    return query.fetch(db, sort, cursor, limit).map(SessionView::of);
  }

  /** The session, locked for the change, or a 409 when it has ended. */
  private RadiusSession active(UUID id) {
    RadiusSession s = db.lock(RadiusSession.TABLE, id);
    if (s.endedAt != null) {
      throw ProblemException.conflict(
          "session-ended",
          "session ended at " + s.endedAt,
          Map.of("endedAt", s.endedAt.toString()));
    }
    return s;
  }

  private static String ipLiteral(String text) {
    // checked as a literal first: InetAddress would resolve a host name through DNS
    try {
      if (IP_LITERAL.matcher(text).matches()) {
        return InetAddress.getByName(text).getHostAddress();
      }
    } catch (UnknownHostException e) {
      // falls through to the 400 below
    }
    throw ProblemException.invalid("nasIp", "must be an IPv4 or IPv6 address");
  }
}
