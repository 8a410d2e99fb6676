package de.rathaus.api.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.cluster.ClusterClient.Answer;
import de.rathaus.api.cluster.ClusterLoad.Submission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must hold after a load on the cluster, read through HTTP: the history (the audit trail, read
 * straight from the store by position), the clerks' read model of the cases, the checkpoints of the
 * tamper-evident log. Each finding is a line; none means everything held.
 */
final class ClusterCheck {

  private static final Pattern CASE_NUMBER = Pattern.compile("[A-Z]+-(\\d{4})-(\\d{6})");
  private static final String AUDITOR = "udo";

  /** An event of the history, as the audit trail lists it. */
  record Event(long position, long sequence, String aggregateId, String type) {}

  /** The history and the read model as one instance answered them. */
  record Reading(List<Event> history, Map<String, JsonNode> cases, int openWaits) {}

  final List<String> findings = new ArrayList<>();
  final Map<String, Object> figures = new TreeMap<>();

  private ClusterCheck() {}

  /**
   * Reads history and read model through {@code base} and checks the ledger of {@code load} against
   * them; the read model may lag the history a moment after the load, so the comparison is made
   * again (within {@code settle}) until it holds or the time is up. {@code allowCutOffGaps}: case
   * numbers may miss where a submission was cut off after taking one.
   */
  static ClusterCheck of(
      ClusterLoad load, List<String> instances, Duration settle, boolean allowCutOffGaps)
      throws Exception {
    long deadline = System.nanoTime() + settle.toNanos();
    ClusterCheck check;
    long began = System.nanoTime();
    int readings = 0;
    do {
      check = new ClusterCheck();
      long reading0 = System.nanoTime();
      Reading reading = read(instances.get(0));
      readings++;
      check.figures.put("check: last reading", Duration.ofNanos(System.nanoTime() - reading0));
      check.figures.put("check: pages ending at an open position", reading.openWaits());
      check.history(reading);
      check.submissions(load, reading, allowCutOffGaps);
      check.notes(load, reading);
      if (check.findings.isEmpty()) {
        break;
      }
      System.out.println(
          "cluster check: "
              + check.findings.size()
              + " findings, looking again (read models may lag), e.g. "
              + check.findings.get(0));
      TimeUnit.SECONDS.sleep(1);
    } while (System.nanoTime() < deadline);
    check.figures.put("check: readings", readings);
    check.figures.put("check: history and read model", Duration.ofNanos(System.nanoTime() - began));
    check.ledger(load);
    long transparency = System.nanoTime();
    check.transparency(instances);
    check.figures.put("check: the log", Duration.ofNanos(System.nanoTime() - transparency));
    return check;
  }

  static Reading read(String base) throws Exception {
    List<Event> history = new ArrayList<>();
    int openWaits = 0;
    String next = "/api/v1/audit/events?size=500";
    while (next != null && !next.isEmpty()) {
      JsonNode page = ok(ClusterClient.get(base, next, AUDITOR), next).json();
      String after = page.path("next").isTextual() ? page.path("next").asText() : null;
      if (page.path("items").isEmpty() && next.equals(after)) {
        // the page ends at an open position (the rest of a dead instance's block of positions,
        // given up after the gap timeout): ask again in a while, not in a loop
        openWaits++;
        TimeUnit.MILLISECONDS.sleep(200);
      }
      for (JsonNode item : page.path("items")) {
        history.add(
            new Event(
                item.path("position").asLong(),
                item.path("sequence").asLong(),
                item.path("aggregateId").asText(),
                item.path("type").asText()));
      }
      next = page.path("next").isTextual() ? page.path("next").asText() : null;
    }
    Map<String, JsonNode> cases = new HashMap<>();
    next = "/api/v1/cases?size=500";
    while (next != null && !next.isEmpty()) {
      JsonNode page = ok(ClusterClient.get(base, next, ClusterLoad.CLERK), next).json();
      for (JsonNode item : page.path("items")) {
        cases.put(item.path("id").asText(), item);
      }
      next = page.path("next").isTextual() ? page.path("next").asText() : null;
    }
    return new Reading(history, cases, openWaits);
  }

  private static Answer ok(Answer answer, String what) {
    if (answer.status() != 200) {
      throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
    }
    return answer;
  }

  /** Every aggregate's sequence runs 0, 1, 2, … without a gap or a repeat; positions are unique. */
  private void history(Reading reading) {
    Map<String, List<Long>> sequences = new HashMap<>();
    Set<Long> positions = new HashSet<>();
    for (Event e : reading.history()) {
      if (!positions.add(e.position())) {
        findings.add("position " + e.position() + " listed twice");
      }
      if (!e.aggregateId().isEmpty()) {
        sequences.computeIfAbsent(e.aggregateId(), a -> new ArrayList<>()).add(e.sequence());
      }
    }
    sequences.forEach(
        (aggregate, seen) -> {
          List<Long> sorted = seen.stream().sorted().toList();
          for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i) != i) {
              findings.add(
                  "aggregate "
                      + aggregate
                      + " has sequences "
                      + sorted
                      + " (not 0.."
                      + (sorted.size() - 1)
                      + ")");
              return;
            }
          }
        });
    figures.put("events in the history", reading.history().size());
    figures.put("aggregates in the history", sequences.size());
  }

  /**
   * Every acknowledged submission is one request of the history and one case of the read model,
   * with the number it was answered; no key made two requests; case numbers unique and without gaps
   * (but where a submission was cut off after taking its number).
   */
  private void submissions(ClusterLoad load, Reading reading, boolean allowCutOffGaps) {
    Set<String> submitted = new HashSet<>();
    for (Event e : reading.history()) {
      if (e.type().equals("ServiceRequestSubmitted")) {
        if (!submitted.add(e.aggregateId())) {
          findings.add("request " + e.aggregateId() + " submitted twice");
        }
      }
    }
    Set<String> viewed = reading.cases().keySet();
    if (!viewed.equals(submitted)) {
      Set<String> onlyHistory = new TreeSet<>(submitted);
      onlyHistory.removeAll(viewed);
      Set<String> onlyView = new TreeSet<>(viewed);
      onlyView.removeAll(submitted);
      findings.add(
          "cases read model ≠ history: only in the history "
              + onlyHistory
              + ", only in the read model "
              + onlyView);
    }
    Map<String, List<String>> byKey = new HashMap<>();
    Map<String, List<String>> byNumber = new TreeMap<>();
    for (JsonNode c : reading.cases().values()) {
      String key = c.path("attributes").path("purpose").asText();
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(c.path("id").asText());
      byNumber
          .computeIfAbsent(c.path("caseNumber").asText(), n -> new ArrayList<>())
          .add(c.path("id").asText());
    }
    for (Submission s : load.submissions.values()) {
      List<String> made = byKey.getOrDefault(s.key, List.of());
      if (made.size() > 1) {
        findings.add("key " + s.key + " made " + made.size() + " requests " + made);
      }
      if (s.acknowledged()) {
        if (!submitted.contains(s.id)) {
          findings.add("acknowledged request " + s.id + " (" + s.key + ") is not in the history");
        }
        JsonNode c = reading.cases().get(s.id);
        if (c == null || !s.caseNumber.equals(c.path("caseNumber").asText())) {
          findings.add(
              "acknowledged request "
                  + s.id
                  + " answered "
                  + s.caseNumber
                  + ", read model "
                  + (c == null ? "none" : c.path("caseNumber").asText()));
        }
      }
    }
    Set<String> keys = load.submissions.keySet();
    byKey.forEach(
        (key, ids) -> {
          if (key.startsWith(load.runPrefix()) && !keys.contains(key)) {
            findings.add("request(s) " + ids + " with a key no one sent: " + key);
          }
        });
    byNumber.forEach(
        (number, ids) -> {
          if (ids.size() > 1) {
            findings.add("case number " + number + " given to " + ids);
          }
        });
    Map<String, TreeSet<Integer>> byYear = new TreeMap<>();
    for (String number : byNumber.keySet()) {
      Matcher parts = CASE_NUMBER.matcher(number);
      if (!parts.matches()) {
        findings.add("not a case number: " + number);
        continue;
      }
      byYear
          .computeIfAbsent(parts.group(1), y -> new TreeSet<>())
          .add(Integer.parseInt(parts.group(2)));
    }
    int cutOff = load.cutOffAttempts();
    byYear.forEach(
        (year, numbers) -> {
          int missing = numbers.last() - numbers.size();
          figures.put("case numbers missing in " + year, missing);
          int allowed = allowCutOffGaps ? cutOff : 0;
          if (missing > allowed) {
            findings.add(
                year
                    + ": "
                    + missing
                    + " case numbers missing, more than the "
                    + allowed
                    + " submission attempts cut off");
          }
        });
    figures.put("requests", submitted.size());
    figures.put("submission attempts cut off", cutOff);
  }

  /**
   * The notes of every case in the read model are exactly those of its history (a recount); each
   * acknowledged note is there once, a note of unknown outcome at most once, no other note.
   */
  private void notes(ClusterLoad load, Reading reading) {
    Map<String, Integer> inHistory = new HashMap<>();
    for (Event e : reading.history()) {
      if (e.type().equals("InternalNoteAdded")) {
        inHistory.merge(e.aggregateId(), 1, Integer::sum);
      }
    }
    Map<String, Integer> seen = new HashMap<>();
    int total = 0;
    for (JsonNode c : reading.cases().values()) {
      String id = c.path("id").asText();
      int count = c.path("notes").size();
      total += count;
      if (count != inHistory.getOrDefault(id, 0)) {
        findings.add(
            "case "
                + id
                + " shows "
                + count
                + " notes, its history has "
                + inHistory.getOrDefault(id, 0));
      }
      for (JsonNode note : c.path("notes")) {
        String text = note.path("text").asText();
        seen.merge(text, 1, Integer::sum);
        String expected = load.notes.getOrDefault(text, load.unknownNotes.get(text));
        if (load.conflictedNotes.containsKey(text)) {
          findings.add("case " + id + " has note " + text + " that was answered 409");
        } else if (expected == null) {
          findings.add("case " + id + " has a note no one sent: " + text);
        } else if (!expected.equals(id)) {
          findings.add("note " + text + " on case " + id + ", sent to " + expected);
        }
      }
    }
    seen.forEach(
        (text, n) -> {
          if (n > 1) {
            findings.add("note " + text + " stored " + n + " times");
          }
        });
    load.notes
        .keySet()
        .forEach(
            text -> {
              if (!seen.containsKey(text)) {
                findings.add("acknowledged note " + text + " is missing");
              }
            });
    figures.put("notes", total);
  }

  private void ledger(ClusterLoad load) {
    if (!load.readYourWritesViolations.isEmpty()) {
      findings.add(
          "read-your-writes violated "
              + load.readYourWritesViolations.size()
              + " times, e.g. "
              + load.readYourWritesViolations.subList(
                  0, Math.min(5, load.readYourWritesViolations.size())));
    }
    if (!load.replayViolations.isEmpty()) {
      findings.add(
          "Idempotency-Key retries on another instance not answered as replays: "
              + load.replayViolations);
    }
    if (!load.conflictedNotes.isEmpty()) {
      findings.add(
          load.conflictedNotes.size()
              + " notes answered 409 'changed meanwhile' (a cross-instance conflict the engine"
              + " is to retry), e.g. on case "
              + load.conflictedNotes.values().iterator().next());
    }
    if (load.refused.get() > 0) {
      findings.add(load.refused.get() + " commands refused");
    }
    figures.put(
        "acknowledged submissions",
        load.submissions.values().stream().filter(Submission::acknowledged).count());
    figures.put("acknowledged notes", load.notes.size());
    figures.put("notes of unknown outcome", load.unknownNotes.size());
    figures.put("notes answered 409", load.conflictedNotes.size());
    figures.put("read-your-writes reads", load.readYourWritesChecked.get());
    figures.put("reads answered 503 (store away)", load.readsUnavailable.get());
    figures.put("replays on the other instance", load.replaysChecked.get());
    figures.put("submissions unresolved", load.unresolved().size());
  }

  /**
   * The sealing watch runs on every instance: one log, one key, no checkpoint twice (each covers
   * more than the one before), and the log verifies through every instance.
   */
  private void transparency(List<String> instances) throws Exception {
    Set<String> keys = new HashSet<>();
    for (String base : instances) {
      Answer key = ClusterClient.get(base, "/.well-known/rathaus-log-key", AUDITOR);
      keys.add(key.body());
    }
    if (keys.size() != 1) {
      findings.add("the instances publish " + keys.size() + " different log keys");
    }
    List<Long> sizes = new ArrayList<>();
    String next = "/api/v1/audit/checkpoints?size=500";
    while (next != null && !next.isEmpty()) {
      JsonNode page = ok(ClusterClient.get(instances.get(0), next, AUDITOR), next).json();
      for (JsonNode item : page.path("items")) {
        sizes.add(item.path("treeSize").asLong(item.path("checkpoint").path("treeSize").asLong()));
      }
      next = page.path("next").isTextual() ? page.path("next").asText() : null;
    }
    for (int i = 1; i < sizes.size(); i++) {
      if (sizes.get(i) >= sizes.get(i - 1)) {
        findings.add(
            "checkpoints not strictly growing: " + sizes.get(i) + " after " + sizes.get(i - 1));
        break;
      }
    }
    figures.put("checkpoints", sizes.size());
    for (String base : instances) {
      JsonNode verified =
          ok(ClusterClient.get(base, "/api/v1/audit/verification", AUDITOR), "verification").json();
      if (!verified.path("valid").asBoolean()) {
        findings.add(base + ": the log does not verify: " + verified);
      }
    }
  }
}
