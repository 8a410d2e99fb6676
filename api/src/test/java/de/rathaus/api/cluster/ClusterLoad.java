package de.rathaus.api.cluster;

import de.rathaus.api.cluster.ClusterClient.Answer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Commands through HTTP to every instance of a {@link Cluster} at once, and the ledger of what each
 * answered. Citizens (the demo accounts anna and ben) submit requests, each with an {@code
 * Idempotency-Key} that is also its {@code purpose} (so every stored request names the key it was
 * sent with); the clerk clara files internal notes, each with a text of its own, on a fixed set of
 * "hot" cases, from many threads through both instances, so that two instances often append to the
 * same case at once (optimistic concurrency: the loser loads the case again and retries).
 *
 * <p>An answer is one of: acknowledged (2xx), refused (4xx), or unknown (the connection was cut,
 * the instance did not answer, or a 5xx). A request that could not even connect never reached an
 * instance and is sent to another one. A submission whose outcome is unknown is sent again with its
 * key to another instance until it is answered; a note has no key and is not sent again (it is then
 * present once or not at all). Right after each acknowledgement the same instance is asked for what
 * the command changed (read-your-writes), and every third acknowledged submission is sent again
 * with its key to another instance, which must answer the same request as a replay.
 */
final class ClusterLoad {

  static final String CLERK = "clara";
  static final List<String> CITIZENS = List.of("anna", "ben");

  /** One submission and what became of it. */
  static final class Submission {
    final String key;
    final String citizen;
    volatile String id;
    volatile String caseNumber;

    /** Attempts whose outcome was unknown (cut off), each of which may have taken a number. */
    final AtomicInteger cutOff = new AtomicInteger();

    Submission(String key, String citizen) {
      this.key = key;
      this.citizen = citizen;
    }

    String body() {
      return """
          {"serviceCode": "meldebescheinigung",
           "attributes": {"certificate_kind": "simple", "purpose": "%s", "delivery": "post",
                          "copies": 1},
           "applicant": {"name": "%s Beispiel"}}
          """
          .formatted(key, citizen.equals("anna") ? "Anna" : "Ben");
    }

    boolean acknowledged() {
      return id != null;
    }
  }

  private final Supplier<List<String>> instances;
  private final String run;
  private final Duration resubmitFor;
  final Map<String, Submission> submissions = new ConcurrentHashMap<>();
  final List<String> hot = new ArrayList<>();

  /** Acknowledged notes: text → case id. */
  final Map<String, String> notes = new ConcurrentHashMap<>();

  /** Notes whose outcome is unknown: text → case id. */
  final Map<String, String> unknownNotes = new ConcurrentHashMap<>();

  /**
   * Notes answered 409 (the case changed meanwhile: another instance appended to it at the same
   * moment): text → case id. Each is a finding (the engine is to load the case again and retry, not
   * the client) and must not be stored.
   */
  final Map<String, String> conflictedNotes = new ConcurrentHashMap<>();

  final AtomicInteger refused = new AtomicInteger();
  final AtomicInteger readYourWritesChecked = new AtomicInteger();
  final List<String> readYourWritesViolations = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Reads right after an acknowledgement answered 503 (the store away at that moment: a store
   * restart): they show nothing, stale or not, and are counted apart; any other answer is checked.
   */
  final AtomicInteger readsUnavailable = new AtomicInteger();

  final AtomicInteger replaysChecked = new AtomicInteger();
  final List<String> replayViolations = new java.util.concurrent.CopyOnWriteArrayList<>();
  final AtomicInteger unresolvedRetries = new AtomicInteger();
  private final AtomicInteger sequence = new AtomicInteger();

  /** The acknowledged commands' latencies; a new one starts the minutes again (the soak). */
  volatile Latencies latencies = new Latencies();

  /**
   * @param instances the base URLs of the instances, in a fixed order (a killed one stays listed)
   * @param run a prefix that makes keys and texts unique to this run
   * @param resubmitFor how long a submission whose outcome is unknown is sent again
   */
  ClusterLoad(Supplier<List<String>> instances, String run, Duration resubmitFor) {
    this.instances = instances;
    this.run = run;
    this.resubmitFor = resubmitFor;
  }

  /** Submits {@code count} requests from {@code threads} threads; they become the hot cases. */
  void createHotCases(int count, int threads) throws Exception {
    List<Submission> made = new ArrayList<>();
    parallel(
        threads,
        count,
        i -> {
          Submission s = submit();
          if (s.acknowledged()) {
            synchronized (made) {
              made.add(s);
            }
          }
        });
    made.forEach(s -> hot.add(s.id));
  }

  /**
   * Sends {@code commands} commands from {@code threads} threads: a submission with probability
   * {@code submissionShare}, otherwise a note on a random hot case. {@code pace} (nanoseconds
   * between two command starts over all threads, 0 = as fast as possible) makes it an open load.
   */
  void run(int commands, int threads, double submissionShare, long paceNanos) throws Exception {
    long start = System.nanoTime();
    AtomicLong slot = new AtomicLong();
    parallel(
        threads,
        commands,
        i -> {
          if (paceNanos > 0) {
            long due = start + slot.getAndIncrement() * paceNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
              TimeUnit.NANOSECONDS.sleep(wait);
            }
          }
          if (ThreadLocalRandom.current().nextDouble() < submissionShare || hot.isEmpty()) {
            submit();
          } else {
            note(hot.get(ThreadLocalRandom.current().nextInt(hot.size())));
          }
        });
  }

  /** Runs {@code body} {@code count} times over {@code threads} threads. */
  private static void parallel(int threads, int count, Body body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      AtomicInteger next = new AtomicInteger();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    body.run(i);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @FunctionalInterface
  interface Body {
    void run(int i) throws Exception;
  }

  private int randomInstance() {
    return ThreadLocalRandom.current().nextInt(instances.get().size());
  }

  private String base(int instance) {
    List<String> all = instances.get();
    return all.get(Math.floorMod(instance, all.size()));
  }

  /** One submission, sent again with its key to the next instance until it is answered. */
  Submission submit() throws InterruptedException {
    String citizen = CITIZENS.get(ThreadLocalRandom.current().nextInt(CITIZENS.size()));
    Submission s = new Submission(run + "-k" + sequence.incrementAndGet(), citizen);
    submissions.put(s.key, s);
    resubmit(s, randomInstance(), resubmitFor);
    return s;
  }

  /** Sends {@code s} until it is acknowledged or {@code bound} passed; answers whether it was. */
  boolean resubmit(Submission s, int first, Duration bound) throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    int instance = first;
    while (true) {
      String base = base(instance);
      long started = System.nanoTime();
      try {
        Answer answer =
            ClusterClient.send(base, "POST", "/api/v1/requests", s.citizen, s.body(), s.key);
        if (answer.status() == 201) {
          latencies.record(System.nanoTime() - started);
          s.caseNumber = answer.json().path("caseNumber").asText();
          s.id = answer.json().path("id").asText();
          afterSubmission(s, instance, base);
          return true;
        }
        if (answer.status() / 100 == 5) {
          s.cutOff.incrementAndGet(); // the outcome is unknown: 503 outcome-unknown, or a 500
        } else if (answer.status() != 409) {
          refused.incrementAndGet();
          throw new IllegalStateException(
              "submission refused: " + answer.status() + " " + answer.body());
        }
        // 409: an earlier attempt with this key still runs (or died; taken over after 2 minutes)
      } catch (ConnectException | HttpConnectTimeoutException notConnected) {
        // never reached an instance
      } catch (IOException cutOff) {
        s.cutOff.incrementAndGet();
      }
      if (System.nanoTime() > deadline) {
        unresolvedRetries.incrementAndGet();
        return false;
      }
      instance++;
      TimeUnit.MILLISECONDS.sleep(250);
    }
  }

  private void afterSubmission(Submission s, int instance, String base)
      throws InterruptedException {
    try {
      Answer read = ClusterClient.get(base, "/api/v1/requests/" + s.id, s.citizen);
      if (read.status() == 503) {
        readsUnavailable.incrementAndGet(); // the store is away: nothing shown, nothing stale
      } else {
        readYourWritesChecked.incrementAndGet();
        if (read.status() != 200) {
          readYourWritesViolations.add(base + " request " + s.id + ": " + read.status());
        }
      }
    } catch (IOException gone) {
      return; // the instance died after answering: nothing to read through it
    }
    if (sequence.get() % 3 == 0 && instances.get().size() > 1) {
      String other = base(instance + 1);
      try {
        Answer again =
            ClusterClient.send(other, "POST", "/api/v1/requests", s.citizen, s.body(), s.key);
        replaysChecked.incrementAndGet();
        if (again.status() != 201
            || !"true".equals(again.replayed())
            || !s.id.equals(again.json().path("id").asText())) {
          replayViolations.add(
              other + " " + s.key + ": " + again.status() + " replayed=" + again.replayed());
        }
      } catch (IOException gone) {
        // the other instance is down at the moment
      }
    }
  }

  /** One internal note on case {@code id}; sent to another instance only if it never connected. */
  void note(String id) throws InterruptedException {
    String text = run + "-n" + sequence.incrementAndGet();
    String json = "{\"text\": \"" + text + "\"}";
    int instance = randomInstance();
    for (int attempt = 0; attempt < 2 * instances.get().size(); attempt++, instance++) {
      String base = base(instance);
      long started = System.nanoTime();
      try {
        Answer answer =
            ClusterClient.send(base, "POST", "/api/v1/cases/" + id + "/notes", CLERK, json, null);
        if (answer.ok()) {
          latencies.record(System.nanoTime() - started);
          notes.put(text, id);
          readNoteBack(base, id, text);
        } else if (answer.status() / 100 == 5) {
          unknownNotes.put(text, id);
        } else if (answer.status() == 409) {
          conflictedNotes.put(text, id);
        } else {
          refused.incrementAndGet();
          throw new IllegalStateException("note refused: " + answer.status() + " " + answer.body());
        }
        return;
      } catch (ConnectException | HttpConnectTimeoutException notConnected) {
        TimeUnit.MILLISECONDS.sleep(100);
      } catch (IOException cutOff) {
        unknownNotes.put(text, id);
        return;
      }
    }
    unknownNotes.put(text, id); // no instance took it (never sent)
  }

  private void readNoteBack(String base, String id, String text) throws InterruptedException {
    try {
      Answer read = ClusterClient.get(base, "/api/v1/cases/" + id, CLERK);
      if (read.status() == 503) {
        readsUnavailable.incrementAndGet(); // the store is away: nothing shown, nothing stale
        return;
      }
      readYourWritesChecked.incrementAndGet();
      if (read.status() != 200) {
        readYourWritesViolations.add(base + " case " + id + ": " + read.status());
        return;
      }
      boolean shown = false;
      for (var note : read.json().path("notes")) {
        shown |= text.equals(note.path("text").asText());
      }
      if (!shown) {
        readYourWritesViolations.add(base + " case " + id + " without note " + text);
      }
    } catch (IOException gone) {
      // the instance died after answering
    }
  }

  /** The prefix of every key and note text of this run. */
  String runPrefix() {
    return run + "-";
  }

  /** Submissions not acknowledged yet (their outcome unknown). */
  List<Submission> unresolved() {
    return submissions.values().stream().filter(s -> !s.acknowledged()).toList();
  }

  /** Sends every unresolved submission again with its key, alternating instances. */
  void resolve(Duration bound, IntSupplier firstInstance) throws Exception {
    List<Submission> open = unresolved();
    parallel(
        Math.max(1, Math.min(8, open.size())),
        open.size(),
        i -> resubmit(open.get(i), firstInstance.getAsInt(), bound));
  }

  int cutOffAttempts() {
    return submissions.values().stream().mapToInt(s -> s.cutOff.get()).sum();
  }

  /** Latencies of acknowledged commands, per minute since the load began. */
  static final class Latencies {
    private final long began = System.nanoTime();
    private final Map<Integer, List<Long>> byMinute = new ConcurrentHashMap<>();

    void record(long nanos) {
      int minute = (int) ((System.nanoTime() - began) / 60_000_000_000L);
      byMinute
          .computeIfAbsent(minute, m -> java.util.Collections.synchronizedList(new ArrayList<>()))
          .add(nanos);
    }

    Map<Integer, List<Long>> byMinute() {
      return new java.util.TreeMap<>(byMinute);
    }

    List<Long> all() {
      List<Long> all = new ArrayList<>();
      byMinute.values().forEach(all::addAll);
      return all;
    }

    static double percentileMillis(List<Long> values, double p) {
      if (values.isEmpty()) {
        return Double.NaN;
      }
      long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
      int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
  }

  static Random seeded(long seed) {
    return new Random(seed);
  }
}
