package io.tenantry.tenantapp.demo;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.tenantry.tenantapp.db.Db;
import io.tenantry.tenantapp.db.NamedSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Fills the tenant with realistic data entirely inside PostgreSQL ({@code INSERT … SELECT
 * generate_series}): a million subscribers take seconds, not the hours row-by-row JDBC would. Each
 * run gets a random tag so runs never collide on unique columns.
 */
@ApplicationScoped
public class DemoDataService {

  private static final String FIRST =
      "(ARRAY['Amina','John','Grace','Peter','Fatima','David','Mary','Samuel','Joy','Daniel',"
          + "'Esther','Michael','Ruth','Joseph','Sarah','Emmanuel','Ngozi','Kwame','Lucy','Ahmed'])";
  private static final String LAST =
      "(ARRAY['Okafor','Smith','Mensah','Kamau','Nguyen','Garcia','Mwangi','Johnson','Adeyemi',"
          + "'Brown','Otieno','Wilson','Abubakar','Taylor','Owusu','Martin','Njoroge','Clark',"
          + "'Diallo','Lewis'])";
  private static final String PLANS =
      "(ARRAY['Home 50','Home 100','Fiber 300','Fiber 1000','Business 500'])";
  private static final String STATUSES =
      "(ARRAY['active','active','active','active','active','active','pending','suspended','disconnected','terminated'])";

  /** How many rows of each kind a run inserted. */
  public record Summary(
      String tag, long subscribers, long devices, long invoices, long tickets, long sessions) {}

  private final Db db;
  private final SecureRandom random = new SecureRandom();

  DemoDataService(Db db) {
    this.db = db;
  }

  @Transactional
  @TransactionConfiguration(timeout = 3600)
  public Summary generate(int subscribers) {
    byte[] bytes = new byte[3];
    random.nextBytes(bytes);
    String tag = HexFormat.of().formatHex(bytes).toUpperCase(Locale.ROOT);
    long subs = insertSubscribers(tag, subscribers);
    long devices =
        insert(
            "INSERT INTO devices (id, serial_number, mac_address, device_type, status, subscriber_id, created_at) "
                + "SELECT gen_random_uuid(), 'SN-' || :tag || '-' || lpad(n::text, 8, '0'), "
                + "lower(:tag) || lpad(to_hex(n), 6, '0'), (ARRAY['ONU','CPE','ROUTER'])[1 + n % 3], "
                + "CASE WHEN s.status IN ('active','suspended') THEN 'active' ELSE 'in_stock' END, s.id, s.created_at "
                + "FROM (SELECT id, status, created_at, row_number() OVER ()::int AS n FROM subscribers "
                + "WHERE account_number LIKE 'D' || :tag || '-%') s",
            tag);
    long invoices =
        insert(
            "INSERT INTO invoices (id, number, subscriber_id, currency, total, status, due_date, created_at) "
                + "SELECT gen_random_uuid(), 'INV-' || :tag || '-' || lpad(s.n::text, 8, '0'), s.id, 'USD', "
                + "(ARRAY[29.99, 49.99, 79.00, 129.00, 249.50])[1 + s.n % 5], "
                + "(ARRAY['draft','issued','paid','paid','paid','overdue','void'])[1 + s.n % 7], "
                + "current_date + (s.n % 60)::int - 30, s.created_at "
                + "FROM (SELECT id, created_at, row_number() OVER ()::int AS n FROM subscribers "
                + "WHERE account_number LIKE 'D' || :tag || '-%') s",
            tag);
    insert(
        "INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit_price) "
            + "SELECT id, 0, 'Monthly service', 1, total FROM invoices WHERE number LIKE 'INV-' || :tag || '-%'",
        tag);
    long tickets =
        insert(
            "INSERT INTO tickets (id, subject, priority, status, subscriber_id, created_at) "
                + "SELECT gen_random_uuid(), (ARRAY['No internet since morning','Slow speeds in the evening',"
                + "'Router keeps rebooting','Billing question about last invoice','Request to upgrade plan',"
                + "'ONU shows red LOS light','Wi-Fi password reset'])[1 + s.n % 7], "
                + "(ARRAY['low','normal','normal','high','urgent'])[1 + s.n % 5], "
                + "(ARRAY['open','in_progress','waiting','resolved','closed'])[1 + s.n % 5], s.id, s.created_at "
                + "FROM (SELECT id, created_at, row_number() OVER ()::int AS n FROM subscribers "
                + "WHERE account_number LIKE 'D' || :tag || '-%') s WHERE s.n % 20 = 0",
            tag);
    long sessions =
        insert(
            "INSERT INTO radius_sessions (id, username, nas_ip, started_at, ended_at, bytes_in, bytes_out, terminate_cause) "
                + "SELECT gen_random_uuid(), s.radius_username, '10.0.' || (s.n % 250) || '.1', "
                + "now() - (s.n % 86400) * interval '1 second', "
                + "CASE WHEN s.n % 3 = 0 THEN now() ELSE NULL END, (s.n::bigint * 7919) % 5000000000, "
                + "(s.n::bigint * 104729) % 500000000, CASE WHEN s.n % 3 = 0 THEN 'User-Request' END "
                + "FROM (SELECT radius_username, row_number() OVER ()::int AS n FROM subscribers "
                + "WHERE account_number LIKE 'D' || :tag || '-%' AND status = 'active') s WHERE s.n % 2 = 0",
            tag);
    return new Summary(tag, subs, devices, invoices, tickets, sessions);
  }

  private long insertSubscribers(String tag, int count) {
    return insert(
        "INSERT INTO subscribers (id, account_number, name, email, phone, address, service_plan, "
            + "radius_username, status, created_at) "
            + "SELECT gen_random_uuid(), 'D' || :tag || '-' || lpad(n::text, 8, '0'), f || ' ' || l, "
            + "lower(f) || '.' || lower(l) || n || '@example.net', "
            + "'+1 555 ' || lpad((n % 10000000)::text, 7, '0'), "
            + "(n % 999 + 1) || ' ' || (ARRAY['Main St','Oak Ave','Market Rd','Lake View','Hill Close'])[1 + n % 5], "
            + PLANS
            + "[1 + n % 5], lower(f) || '.' || lower(l) || '.' || lower(:tag) || n, "
            + STATUSES
            + "[1 + n % 10], now() - (n % 1000) * interval '1 hour' "
            + "FROM (SELECT n, "
            + FIRST
            + "[1 + n % 20] AS f, "
            + LAST
            + "[1 + (n / 20) % 20] AS l "
            + "FROM generate_series(1, :count) AS n) g",
        Map.of("tag", tag, "count", count));
  }

  private long insert(String sql, String tag) {
    return insert(sql, Map.of("tag", tag));
  }

  private long insert(String sql, Map<String, ?> values) {
    NamedSql statement = NamedSql.of(sql);
    return db.update(statement.sql(), statement.bind(values));
  }
}
