package de.rathaus.infra.transparency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import de.rathaus.application.transparency.HistoryLine;
import de.rathaus.infra.eventstore.RecordedEvent;
import de.rathaus.infra.eventstore.StoredEventReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the stored history as JSON lines in position order, one per position from 1: the history
 * line of each event or tombstone, with {@value HistoryLine#LEAF_HASH}, the leaf hash sealed at
 * that position, where it is sealed. A sealed position that holds nothing settled any more (a
 * document removed from the store) has no line, which a verifier names, unless it was sealed as a
 * tombstone (the engine removes events of aborted commits that stand in a later commit's way): then
 * its line is the tombstone. After the sealed positions the export ends at the first open one.
 * Reads only; seals nothing.
 */
public final class HistoryExport {

  private static final int WINDOW = 512;
  private static final ObjectMapper JSON = new ObjectMapper();

  private HistoryExport() {}

  /** Writes the export of the store in {@code database}; answers the number of lines. */
  public static long write(MongoDatabase database, Writer out) throws IOException {
    StoredEventReader store = StoredEventReader.open(database);
    MongoHistoryLog log = new MongoHistoryLog(database, store);
    long sealed = log.sealed().size();
    long head = store.head();
    long lines = 0;
    Base64.Encoder base64 = Base64.getEncoder();
    for (long from = 1; from <= head; from += WINDOW) {
      int count = (int) Math.min(WINDOW, head - from + 1);
      List<Long> positions = new ArrayList<>(count);
      for (long p = from; p < from + count; p++) {
        positions.add(p);
      }
      StoredEventReader.Window window = store.window(positions);
      Map<Long, RecordedEvent> events = new HashMap<>();
      for (RecordedEvent event : window.events()) {
        events.put(event.position(), event);
      }
      for (long p = from; p < from + count; p++) {
        boolean isSealed = HistoryLine.leafIndex(p) < sealed;
        ObjectNode line = MongoHistoryLog.line(p, events.get(p));
        if (window.isOpen(p)) {
          if (!isSealed) {
            return lines;
          }
          if (!window.isEmpty(p)
              || !java.security.MessageDigest.isEqual(
                  HistoryLine.leafHash(line), log.perfect(0, p - 1))) {
            continue;
          }
          // sealed as a tombstone, and its document (an event of an aborted commit) removed since
        }
        if (isSealed) {
          line.put(HistoryLine.LEAF_HASH, base64.encodeToString(log.perfect(0, p - 1)));
        }
        out.write(JSON.writeValueAsString(line));
        out.write('\n');
        lines++;
      }
    }
    return lines;
  }
}
