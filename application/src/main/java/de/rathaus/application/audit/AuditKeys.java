package de.rathaus.application.audit;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The keys of the audit index: a kind and a value, {@code <kind>:<value>}. An event has one key of
 * each kind it has a value for.
 */
public final class AuditKeys {

  public static final String AGGREGATE_TYPE = "aggregateType";
  public static final String TYPE = "type";
  public static final String ACTOR = "actor";
  public static final String DEPARTMENT = "department";
  public static final String CORRELATION = "correlation";
  public static final String ABOUT = "about";

  private AuditKeys() {}

  /** The key of kind {@code kind} with {@code value}. */
  public static String key(String kind, String value) {
    return kind + ":" + value;
  }

  /** The keys of an event with these values; a {@code null} or blank value has no key. */
  public static Set<String> of(
      String aggregateType,
      String type,
      String actor,
      String department,
      String correlationId,
      String about) {
    Set<String> keys = new LinkedHashSet<>();
    add(keys, AGGREGATE_TYPE, aggregateType);
    add(keys, TYPE, type);
    add(keys, ACTOR, actor);
    add(keys, DEPARTMENT, department);
    add(keys, CORRELATION, correlationId);
    add(keys, ABOUT, about);
    return keys;
  }

  private static void add(Set<String> keys, String kind, String value) {
    if (value != null && !value.isBlank()) {
      keys.add(key(kind, value));
    }
  }
}
