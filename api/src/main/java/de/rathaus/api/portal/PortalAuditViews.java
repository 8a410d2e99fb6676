package de.rathaus.api.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.rathaus.application.audit.AuditEvent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the auditors' pages show: the trail's events, a history's entries and a view as of a moment
 * as plain rows of text (a JSON tree flattened to {@code path: value}), so that the templates only
 * write them out and Thymeleaf escapes every one. Personal values stay as the query gave them
 * ({@code [personal]} for an auditor).
 */
final class PortalAuditViews {

  private PortalAuditViews() {}

  /** The city's time zone: times are shown in it, and {@code datetime-local} fields read in it. */
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** The longest value a filter takes, as the API's {@code @Size} allows. */
  static final int MAX_FILTER = 200;

  /** The longest event type, as the API allows. */
  static final int MAX_TYPE = 300;

  /** A moment: as written for people (with seconds), as {@code <time datetime>} carries it. */
  record When(String text, String iso, String local) {
    static When of(Instant at, String language) {
      if (at == null) {
        return null;
      }
      DateTimeFormatter format =
          DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM)
              .withLocale("en".equals(language) ? Locale.UK : Locale.GERMANY)
              .withZone(BERLIN);
      return new When(format.format(at), at.toString(), PortalAuditViews.local(at));
    }
  }

  /** One line of a payload or a state: where in the tree, and the value as text. */
  record Row(String path, String value) {}

  /** An entry of the audit trail. */
  record TrailEntry(
      long position,
      long sequence,
      String aggregateId,
      String aggregateType,
      String type,
      String revision,
      When at,
      String actorId,
      String actorRole,
      String actorDepartment,
      String channel,
      String correlationId,
      List<Row> payload) {}

  static TrailEntry entry(AuditEvent e, ObjectMapper json, String language) {
    return new TrailEntry(
        e.position(),
        e.sequence(),
        e.aggregateId(),
        e.aggregateType(),
        e.type(),
        e.revision(),
        When.of(e.timestamp(), language),
        e.actor() == null ? null : e.actor().id(),
        e.actor() == null ? null : e.actor().role(),
        e.actor() == null ? null : e.actor().department(),
        e.channel(),
        e.correlationId(),
        rows(json.valueToTree(e.payload())));
  }

  /** A JSON tree as rows, depth first; an empty object or list is one row of its own. */
  static List<Row> rows(JsonNode tree) {
    List<Row> rows = new ArrayList<>();
    if (tree != null && !tree.isNull() && !tree.isMissingNode()) {
      flatten("", tree, rows);
    }
    return rows;
  }

  private static void flatten(String path, JsonNode node, List<Row> rows) {
    if (node.isObject()) {
      if (node.isEmpty()) {
        rows.add(new Row(path, "{}"));
      }
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        flatten(
            path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), rows);
      }
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        rows.add(new Row(path, "[]"));
      }
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), rows);
      }
    } else {
      rows.add(new Row(path, node.isNull() ? "–" : node.asText()));
    }
  }

  /** The text of a {@code datetime-local} field for an instant (to the second, in Berlin). */
  static String local(Instant at) {
    return LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.SECONDS), BERLIN).toString();
  }

  /**
   * A moment typed into a {@code datetime-local} field (Berlin time, with or without seconds), or
   * an ISO-8601 instant; {@code null} if it is neither or outside the years 2000 to 2099 (as the
   * API's {@code @PlausibleDate}).
   */
  static Instant moment(String text) {
    String value = text.strip();
    Instant at;
    try {
      at = LocalDateTime.parse(value).atZone(BERLIN).toInstant();
    } catch (DateTimeParseException notLocal) {
      try {
        at = Instant.parse(value);
      } catch (DateTimeParseException notInstant) {
        return null;
      }
    }
    int year = at.atZone(BERLIN).getYear();
    return year < 2000 || year > 2099 ? null : at;
  }

  /** A value with its surrounding blanks removed, {@code null} if nothing is left. */
  static String blankless(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
