package de.rathaus.infra.mongo;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code $currentDate} reads the clock while the update runs, so running the journaled command
 * again on recovery would store another time. Before a command is journaled, it is therefore turned
 * into a {@code $set} of the time read once; the server runs (and the journal keeps) that. Updates
 * the server would refuse are left as they are and are refused the same way again.
 */
final class CurrentDate {

  private static final String OPERATOR = "$currentDate";
  private static final String SET = "$set";

  private CurrentDate() {}

  static void fix(String command, Document query) {
    String name = command.toLowerCase(Locale.ROOT);
    if (name.equals("update") && query.get("updates") instanceof List<?> statements) {
      for (Object statement : statements) {
        if (statement instanceof Document s && s.get("u") instanceof Document update) {
          s.put("u", fixed(update));
        }
      }
    } else if (name.equals("findandmodify") && query.get("update") instanceof Document update) {
      query.put("update", fixed(update));
    }
  }

  private static Document fixed(Document update) {
    if (!(update.get(OPERATOR) instanceof Document fields)) {
      return update;
    }
    Object set = update.get(SET);
    if (set != null && !(set instanceof Document)) {
      return update;
    }
    Instant now = Instant.ofEpochMilli(System.currentTimeMillis()); // BSON dates hold milliseconds
    Document values = new Document();
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      Object value = valueOf(field.getValue(), now);
      boolean clash = set != null && ((Document) set).containsKey(field.getKey());
      if (value == null || clash || field.getKey().equals("_id")) {
        return update;
      }
      values.put(field.getKey(), value);
    }
    Document fixed = new Document();
    for (Map.Entry<String, Object> operator : update.entrySet()) {
      if (operator.getKey().equals(OPERATOR)) {
        if (set == null) {
          fixed.put(SET, values); // where $currentDate was, so that fields are added in its order
        }
      } else if (operator.getKey().equals(SET)) {
        Document merged = new Document((Document) set);
        merged.putAll(values);
        fixed.put(SET, merged);
      } else {
        fixed.put(operator.getKey(), operator.getValue());
      }
    }
    return fixed;
  }

  private static Object valueOf(Object type, Instant now) {
    if (Boolean.TRUE.equals(type)) {
      return now;
    }
    if (type instanceof Document spec) {
      if ("date".equals(spec.get("$type"))) {
        return now;
      }
      if ("timestamp".equals(spec.get("$type"))) {
        return new BsonTimestamp(now, 0);
      }
    }
    return null;
  }
}
