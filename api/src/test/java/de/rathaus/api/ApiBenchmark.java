package de.rathaus.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import de.rathaus.api.TestClient.Response;
import de.rathaus.api.shared.ReadYourWrites;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The engine benchmark: {@code ./mvnw -q -Pbench -pl api -am -DskipTests verify} (after the event
 * store's, see {@code EventStoreBenchmark}). Not a test. Figures that need the whole engine: HTTP,
 * security, commands, the event store and the read models.
 *
 * <p>{@code rw_wait_vs_none}: what read-your-writes costs a citizen. A configuration switch cannot
 * flip inside one running engine, so two engines run side by side in this JVM, one waiting for its
 * read models ({@code rathaus.api.read-your-writes=true}, the default) and one not, each under the
 * {@code production} profile on an embedded MongoDB of its own, with bearer tokens signed by a key
 * made here (no password hash is timed). Two Spring contexts in one JVM rather than two child JVMs:
 * both engines then run the same compiled code on the same heap and collector and meet the same
 * load of the shared machine, so the only difference between them is the switch. After a warm-up,
 * one citizen submits requests one after another on each, in alternating rounds (the engine that
 * goes first changes every round); the figure is the median time of a submission with the wait ÷
 * the median without.
 *
 * <p>{@code lag_visible_vs_none}: what "the read model lags" means. On the engine that does not
 * wait, each submission is followed by GETs of the request until it can be read: the time from
 * sending the submission until then ÷ the submission's own time (the GETs' own time included; how
 * many of the first GETs found nothing is printed too, and, as a check, the same on the engine that
 * waits, where it must be none).
 *
 * <p>Ends with one line per figure: {@code figure <name> <value>}.
 */
public final class ApiBenchmark {

  /** Submissions per engine before anything is measured (JIT, caches, connections). */
  private static final int WARM_UP = 150;

  private static final int ROUNDS = 16;
  private static final int PER_ROUND = 25;

  /** Submissions per engine whose request is read right after their answer. */
  private static final int LAG_SAMPLES = 100;

  private static final Duration VISIBLE_BOUND = Duration.ofSeconds(10);
  private static final List<String> figures = new ArrayList<>();

  private ApiBenchmark() {}

  public static void main(String[] args) throws Exception {
    long started = System.nanoTime();
    try {
      if (runs("rw_wait_vs_none") || runs("lag_visible_vs_none")) {
        readYourWritesFigures();
      }
    } catch (Throwable failed) {
      // the embedded servers' threads would keep the JVM (and the build) waiting
      failed.printStackTrace();
      System.exit(1);
    }
    System.out.printf(
        Locale.ROOT, "api benchmark took %.0f s%n", (System.nanoTime() - started) / 1e9);
    figures.forEach(System.out::println);
    System.exit(0);
  }

  /**
   * Whether the figure is to be measured: all of them, unless the system property {@code
   * bench.only} or the environment variable {@code BENCH_ONLY} names some, comma-separated (as in
   * the event store benchmark; names of the other harness's figures select nothing here).
   */
  private static boolean runs(String figure) {
    String only = System.getProperty("bench.only", System.getenv("BENCH_ONLY"));
    if (only == null || only.isBlank()) {
      return true;
    }
    for (String name : only.split(",")) {
      String wanted = name.trim();
      if (!wanted.isEmpty() && (figure.startsWith(wanted) || wanted.startsWith(figure))) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ read-your-writes

  private static void readYourWritesFigures() throws Exception {
    long t0 = System.nanoTime();
    try (Engine waiting = Engine.start("rathaus-bench-rw-wait", true);
        Engine none = Engine.start("rathaus-bench-rw-none", false)) {
      System.out.printf(
          Locale.ROOT, "two engines started in %.0f s%n", (System.nanoTime() - t0) / 1e9);
      // attached after both engines started: each start resets the logging system
      GaveUpCounter gaveUp = GaveUpCounter.attach();
      waiting.publishService();
      none.publishService();
      Citizen onWaiting = waiting.citizen("citizen-bench");
      Citizen onNone = none.citizen("citizen-bench");

      for (int i = 0; i < WARM_UP; i++) {
        onWaiting.submit();
        onNone.submit();
      }
      onNone.awaitVisible(onNone.submit());
      System.out.printf(
          Locale.ROOT,
          "%d warm-up submissions per engine done after %.0f s%n",
          WARM_UP,
          (System.nanoTime() - t0) / 1e9);

      // alternating rounds: each round both engines take PER_ROUND submissions one after another,
      // the engine that goes first changes every round
      double[] waitingTimes = new double[ROUNDS * PER_ROUND];
      double[] noneTimes = new double[ROUNDS * PER_ROUND];
      double[] roundRatios = new double[ROUNDS];
      double[] waitingRounds = new double[ROUNDS];
      double[] noneRounds = new double[ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        double[] w;
        double[] n;
        if (round % 2 == 0) {
          w = onWaiting.round(PER_ROUND);
          n = onNone.round(PER_ROUND);
        } else {
          n = onNone.round(PER_ROUND);
          w = onWaiting.round(PER_ROUND);
        }
        System.arraycopy(w, 0, waitingTimes, round * PER_ROUND, PER_ROUND);
        System.arraycopy(n, 0, noneTimes, round * PER_ROUND, PER_ROUND);
        waitingRounds[round] = median(w);
        noneRounds[round] = median(n);
        roundRatios[round] = waitingRounds[round] / noneRounds[round];
      }
      System.out.printf(
          Locale.ROOT, "measured rounds done after %.0f s%n", (System.nanoTime() - t0) / 1e9);
      double waitMedian = median(waitingTimes);
      double noneMedian = median(noneTimes);
      System.out.printf(
          Locale.ROOT,
          "one citizen's submissions one after another (%d rounds of %d per engine, after %d"
              + " warm-up): with read-your-writes median %.2f ms (p90 %.2f, p99 %.2f, %.1f per"
              + " second), without median %.2f ms (p90 %.2f, p99 %.2f, %.1f per second)%n",
          ROUNDS,
          PER_ROUND,
          WARM_UP,
          waitMedian,
          percentile(waitingTimes, 0.9),
          percentile(waitingTimes, 0.99),
          1000 / mean(waitingTimes),
          noneMedian,
          percentile(noneTimes, 0.9),
          percentile(noneTimes, 0.99),
          1000 / mean(noneTimes));
      System.out.printf(
          Locale.ROOT,
          "round medians with %s ms, without %s ms, ratios %s (median %.2f)%n",
          format(waitingRounds),
          format(noneRounds),
          format(roundRatios),
          median(roundRatios));
      System.out.printf(
          Locale.ROOT, "read-your-writes gave up waiting (5 s bound) %d times%n", gaveUp.count());
      if (runs("rw_wait_vs_none")) {
        figure("rw_wait_vs_none", waitMedian / noneMedian);
      }
      if (runs("lag_visible_vs_none")) {
        lagFigure(onNone);
        // the guarantee itself: with the wait, the GET right after the answer always finds it
        int notFound = 0;
        for (int i = 0; i < LAG_SAMPLES; i++) {
          notFound += onWaiting.get(onWaiting.submit()).status() == 404 ? 1 : 0;
        }
        System.out.printf(
            Locale.ROOT,
            "with read-your-writes, a GET right after the answer: %d of %d answered 404%n",
            notFound,
            LAG_SAMPLES);
      }
    }
  }

  /**
   * What "the read model lags" means: on the engine that does not wait, a GET of the request right
   * after its submission was answered, repeated until it shows the request. The figure is the time
   * from sending the submission until the request can be read ÷ the submission's own time.
   */
  private static void lagFigure(Citizen citizen) {
    double[] submissions = new double[LAG_SAMPLES];
    double[] visible = new double[LAG_SAMPLES];
    double[] firstGet = new double[LAG_SAMPLES];
    int notFoundRightAfter = 0;
    for (int i = 0; i < LAG_SAMPLES; i++) {
      long t0 = System.nanoTime();
      String id = citizen.submit();
      long answered = System.nanoTime();
      Response first = citizen.get(id);
      firstGet[i] = (System.nanoTime() - answered) / 1e6;
      if (first.status() == 404) {
        notFoundRightAfter++;
        citizen.awaitVisible(id);
      } else {
        first.expect(200);
      }
      visible[i] = (System.nanoTime() - t0) / 1e6;
      submissions[i] = (answered - t0) / 1e6;
    }
    System.out.printf(
        Locale.ROOT,
        "without read-your-writes, a GET right after the answer: %d of %d answered 404;"
            + " submission median %.2f ms, first GET median %.2f ms, sent until readable median"
            + " %.2f ms (p90 %.2f)%n",
        notFoundRightAfter,
        LAG_SAMPLES,
        median(submissions),
        median(firstGet),
        median(visible),
        percentile(visible, 0.9));
    figure("lag_visible_vs_none", median(visible) / median(submissions));
  }

  /** One engine under the production profile, on an embedded MongoDB of its own. */
  private static final class Engine implements AutoCloseable {
    private final ProductionSurroundings surroundings;
    private final ConfigurableApplicationContext context;
    private final TestClient client;
    private final boolean readYourWrites;

    private Engine(
        ProductionSurroundings surroundings,
        ConfigurableApplicationContext context,
        boolean readYourWrites) {
      this.surroundings = surroundings;
      this.context = context;
      this.readYourWrites = readYourWrites;
      this.client =
          new TestClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    static Engine start(String name, boolean readYourWrites) {
      ProductionSurroundings surroundings = ProductionSurroundings.start(name);
      Map<String, String> properties = new LinkedHashMap<>(surroundings.properties());
      properties.put("server.port", "0");
      properties.put("server.address", "127.0.0.1");
      properties.put("rathaus.api.read-your-writes", String.valueOf(readYourWrites));
      properties.put("logging.level.root", "warn");
      // the embedded server's notes on indexes it does not build
      properties.put("logging.level.de.bwaldvogel.mongo.backend", "error");
      // as arguments: they outrank application.yml (default properties would not)
      String[] arguments =
          properties.entrySet().stream()
              .map(p -> "--" + p.getKey() + "=" + p.getValue())
              .toArray(String[]::new);
      ConfigurableApplicationContext context =
          new SpringApplicationBuilder(RathausApplication.class)
              .profiles("production")
              .run(arguments);
      return new Engine(surroundings, context, readYourWrites);
    }

    /**
     * An administrator publishes the service the citizens submit to (production seeds nothing).
     * Without read-your-writes the answers of these commands may come before their read models show
     * them (a 404 where the created thing is read back), so each step waits until it can be read.
     */
    void publishService() {
      String admin = surroundings.token("admin-bench", "admin", null);
      Response created =
          client
              .post("/api/v1/departments")
              .bearer(admin)
              .json("{\"code\": \"buergeramt\", \"name\": {\"de\": \"Bürgeramt\"}}")
              .send();
      expectCommand(created, 201);
      awaitReadable("/api/v1/departments/buergeramt");
      client.post("/api/v1/services").bearer(admin).json(SERVICE).expect(201);
      expectCommand(client.post("/api/v1/services/messung/publication").bearer(admin).send(), 200);
      awaitReadable("/api/v1/services/messung");
    }

    private void expectCommand(Response response, int status) {
      if (readYourWrites || response.status() != 404) {
        response.expect(status);
      }
    }

    private void awaitReadable(String path) {
      long deadline = System.nanoTime() + VISIBLE_BOUND.toNanos();
      while (client.get(path).send().status() != 200) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(path + " not readable after " + VISIBLE_BOUND);
        }
      }
    }

    Citizen citizen(String subject) {
      return new Citizen(client, surroundings.token(subject, "citizen", null));
    }

    @Override
    public void close() {
      context.close();
      surroundings.close();
    }
  }

  private static final String SERVICE =
      """
      {"code": "messung", "name": {"de": "Messantrag", "en": "Measured request"},
       "description": {"de": "Ein Antrag zum Messen", "en": "A request to measure"},
       "department": "buergeramt", "group": "Test", "kind": "request", "fee": 0,
       "processingDays": 10,
       "attributes": [{"code": "kennzeichen", "datatype": "string", "required": true, "order": 1,
                       "description": {"de": "Kennzeichen", "en": "Licence plate"}}]}
      """;

  /** One citizen of one engine, submitting one request after another. */
  private static final class Citizen {
    private final TestClient client;
    private final String token;
    private int submitted;

    Citizen(TestClient client, String token) {
      this.client = client;
      this.token = token;
    }

    /** Submits a request and answers its id. */
    String submit() {
      submitted++;
      String body =
          """
          {"serviceCode": "messung", "attributes": {"kennzeichen": "HN-B %d"},
           "applicant": {"name": "Anna Beispiel", "email": "anna@example.org"}}
          """
              .formatted(submitted);
      return client
          .post("/api/v1/requests")
          .bearer(token)
          .json(body)
          .expect(201)
          .path("id")
          .asText();
    }

    /**
     * {@code count} submissions one after another, the milliseconds of each; then waits until the
     * last one can be read and a moment more, so that no processing of this engine spills over into
     * what is measured next on the other.
     */
    double[] round(int count) {
      double[] millis = new double[count];
      String last = null;
      for (int i = 0; i < count; i++) {
        long t0 = System.nanoTime();
        last = submit();
        millis[i] = (System.nanoTime() - t0) / 1e6;
      }
      awaitVisible(last);
      pause(50);
      return millis;
    }

    Response get(String id) {
      return client.get("/api/v1/requests/" + id).bearer(token).send();
    }

    void awaitVisible(String id) {
      long deadline = System.nanoTime() + VISIBLE_BOUND.toNanos();
      while (get(id).status() != 200) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("request not readable after " + VISIBLE_BOUND);
        }
      }
    }
  }

  /**
   * Counts the warnings of read-your-writes that its bound passed (only the waiting engine waits).
   */
  private static final class GaveUpCounter extends AppenderBase<ILoggingEvent> {
    private final AtomicLong count = new AtomicLong();

    static GaveUpCounter attach() {
      GaveUpCounter counter = new GaveUpCounter();
      Logger logger = (Logger) LoggerFactory.getLogger(ReadYourWrites.class);
      counter.setContext(logger.getLoggerContext());
      counter.start();
      logger.addAppender(counter);
      return counter;
    }

    @Override
    protected void append(ILoggingEvent event) {
      if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
        count.incrementAndGet();
      }
    }

    long count() {
      return count.get();
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static double median(double[] values) {
    return percentile(values, 0.5);
  }

  private static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }

  private static String format(double[] values) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      out.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", values[i]));
    }
    return out.append(']').toString();
  }

  private static void figure(String name, double value) {
    figures.add(String.format(Locale.ROOT, "figure %s %.3f", name, value));
  }
}
