package de.rathaus.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import de.rathaus.api.TestClient.Response;
import de.rathaus.api.portal.PortalSession;
import de.rathaus.api.portal.TestIdentityProvider;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.application.shared.Page;
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
 * <p>{@code support_10k_vs_10}: one support of a proposal with 10,000 supports ÷ one of a proposal
 * with 10. The supports are filled through the application path ({@code Supports}, many threads,
 * distinct citizens); each measured support is what {@code PUT …/support} runs behind the HTTP
 * layer: a new citizen's key and pseudonym, the command on the support's own history, and the wait
 * until the proposals' read model shows it. Alternating between the two proposals, the figure is
 * the median of one ÷ the median of the other.
 *
 * <p>{@code proposals_page_20k_vs_1k}: the first page (20) of a consultation's proposals sorted by
 * supports, one consultation with 20,000 proposals ÷ one with 1,000 (both in one collection,
 * written straight into the read model), as the query the list endpoint sends. On the embedded
 * server (which builds no secondary index) both queries scan the whole collection and sort what
 * matches: the figure measures that, not the index a real MongoDB would use.
 *
 * <p>{@code audit_page_200k_vs_10k}: a filtered page of the audit trail (the first 50 events of one
 * actor, and the first 50 of one event type, each filter alone), with 10,000 events stored ÷ with
 * 200,000, two engines side by side with an embedded store each. Both stores hold exactly 500
 * events of that actor and 500 of that type, spread over the whole store; the events are appended
 * through the event store (HTTP would take hours), and the audit index is built by its own
 * projection, as in the running engine. In alternating rounds, the figure is the larger of the two
 * ratios of medians (actor, type), each page run as the endpoint runs it (the query).
 *
 * <p>{@code rebuild_vs_raw}: a full rebuild of the clerks' read model ({@code case-views}) while
 * the engine runs, in events per second, ÷ the raw rate of the same final documents: read from the
 * read model's collection, deserialized (decrypted) into their records and inserted into a fresh
 * collection, in documents per second, on the same embedded server in the same run. The history:
 * cases submitted over HTTP, each assigned and given internal notes through the command bus.
 *
 * <p>{@code access_log_overhead}: a clerk's read of one case ({@code GET /api/v1/cases/{id}}) with
 * the access log ÷ without, two engines side by side (as for {@code rw_wait_vs_none}): one as it
 * runs, whose read waits until its entry is stored in the embedded MongoDB (journaled), one whose
 * access log stores nothing (its entries are handed to the writer and discarded), in alternating
 * rounds; the figure is the ratio of the medians.
 *
 * <p>{@code page_vs_api}: a portal page ÷ the API call it wraps, anonymous, on one engine: the
 * catalogue ({@code /portal/leistungen} ÷ {@code GET /api/v1/services}) and a service's page
 * ({@code /portal/leistungen/messung} ÷ {@code GET /api/v1/services/messung}), page and call
 * alternating in rounds; and, signed in through a loopback OpenID Connect provider as production
 * signs in, a citizen's request page ({@code /portal/anliegen/{id}} ÷ {@code GET
 * /api/v1/requests/{id}}) and the clerks' queue ({@code /portal/sachbearbeitung} ÷ {@code GET
 * /api/v1/cases}); the figure is the largest of the four ratios of medians.
 *
 * <p>{@code http_vs_gateway}: citizens' submissions per second through HTTP (bearer tokens of the
 * production profile, read-your-writes on, as a citizen's client sees them) ÷ the same submissions
 * per second through {@code RequestSubmission} in-process (the use case the endpoint calls, which
 * sends the command through the command gateway), on the same engine in the same run, each with
 * {@value #CLIENTS} clients at once, in alternating rounds; the ratio of the medians.
 *
 * <p>{@code latency_p99_at_60_vs_single_p50}: the p99 of submissions through HTTP sent at 60 % of
 * the measured HTTP maximum (an open load: each request at its own planned moment, waiting counted
 * from there) ÷ the p50 of one client submitting one after another.
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
      if (runs("support_10k_vs_10") || runs("proposals_page_20k_vs_1k")) {
        participationFigures();
      }
      if (runs("audit_page_200k_vs_10k")) {
        auditPageFigure();
      }
      if (runs("rebuild_vs_raw")) {
        rebuildFigure();
      }
      // only when named: a million events through the engine take many minutes
      if (named("scale_1m")) {
        scaleFigures();
      }
      if (runs("access_log_overhead")) {
        accessLogFigure();
      }
      if (runs("page_vs_api")) {
        pageFigure();
      }
      if (runs("http_vs_gateway") || runs("latency_p99_at_60_vs_single_p50")) {
        throughputFigures();
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
    return only == null || only.isBlank() || named(figure);
  }

  /** Whether {@code bench.only} or {@code BENCH_ONLY} names the figure (or its group). */
  private static boolean named(String figure) {
    String only = System.getProperty("bench.only", System.getenv("BENCH_ONLY"));
    if (only == null || only.isBlank()) {
      return false;
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
    private final String[] arguments;
    private final Class<?>[] extraSources;

    private Engine(
        ProductionSurroundings surroundings,
        ConfigurableApplicationContext context,
        boolean readYourWrites,
        String[] arguments,
        Class<?>[] extraSources) {
      this.surroundings = surroundings;
      this.context = context;
      this.readYourWrites = readYourWrites;
      this.arguments = arguments;
      this.extraSources = extraSources;
      this.client =
          new TestClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    static Engine start(String name, boolean readYourWrites) {
      return start(name, readYourWrites, new Class<?>[0]);
    }

    static Engine start(String name, boolean readYourWrites, Class<?>... extraSources) {
      return start(name, readYourWrites, Map.of(), extraSources);
    }

    static Engine start(
        String name, boolean readYourWrites, Map<String, String> extra, Class<?>... extraSources) {
      ProductionSurroundings surroundings = ProductionSurroundings.start(name);
      Map<String, String> properties = new LinkedHashMap<>(surroundings.properties());
      properties.putAll(extra);
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
      return new Engine(
          surroundings, run(arguments, extraSources), readYourWrites, arguments, extraSources);
    }

    /** Starts the application; it returns once the engine is ready (its last runner is done). */
    private static ConfigurableApplicationContext run(String[] arguments, Class<?>[] sources) {
      return new SpringApplicationBuilder(RathausApplication.class)
          .sources(sources)
          .profiles("production")
          .run(arguments);
    }

    /**
     * Stops this engine and starts it again on the same store (the embedded server keeps running)
     * with the same settings; the engine answered is ready.
     */
    Engine restart() {
      context.close();
      return new Engine(
          surroundings, run(arguments, extraSources), readYourWrites, arguments, extraSources);
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

  // ------------------------------------------------------------------ rebuild helper

  private static final int REBUILD_CASES = 250;
  private static final int NOTES_PER_CASE = 20;

  private static void rebuildFigure() throws Exception {
    try (Engine engine = Engine.start("rathaus-bench-rebuild", true)) {
      engine.publishService();
      Citizen citizen = engine.citizen("citizen-bench");
      org.axonframework.commandhandling.gateway.CommandGateway commands =
          engine.context.getBean(org.axonframework.commandhandling.gateway.CommandGateway.class);
      de.rathaus.domain.shared.DepartmentCode office =
          new de.rathaus.domain.shared.DepartmentCode("buergeramt");
      long t0 = System.nanoTime();
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(4);
      try {
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int i = 0; i < REBUILD_CASES; i++) {
          String id = citizen.submit();
          de.rathaus.domain.shared.ServiceRequestId request =
              new de.rathaus.domain.shared.ServiceRequestId(id);
          done.add(
              pool.submit(
                  () -> {
                    commands.sendAndWait(
                        new de.rathaus.domain.servicerequest.AssignCase(
                            request,
                            new de.rathaus.domain.servicerequest.ClerkId("clerk-bench"),
                            office,
                            office,
                            java.time.Instant.now()));
                    for (int n = 0; n < NOTES_PER_CASE; n++) {
                      commands.sendAndWait(
                          new de.rathaus.domain.servicerequest.AddInternalNote(
                              request,
                              "Notiz " + n,
                              new de.rathaus.domain.servicerequest.ClerkId("clerk-bench"),
                              office,
                              java.time.Instant.now()));
                    }
                  }));
        }
        for (java.util.concurrent.Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      de.rathaus.api.shared.ReadModelRebuilds rebuilds =
          engine.context.getBean(de.rathaus.api.shared.ReadModelRebuilds.class);
      awaitCaughtUp(rebuilds, "case-views");
      System.out.printf(
          Locale.ROOT,
          "%d cases with %d notes each stored in %.0f s%n",
          REBUILD_CASES,
          NOTES_PER_CASE,
          (System.nanoTime() - t0) / 1e9);
      pause(2_000);

      double raw = rawRate(engine);
      long started = System.nanoTime();
      rebuilds.rebuild("case-views");
      de.rathaus.api.shared.ReadModelRebuilds.Progress progress;
      do {
        pause(20);
        progress = rebuilds.progress("case-views").orElseThrow();
      } while (progress.status() == de.rathaus.api.shared.ReadModelRebuilds.RunStatus.RUNNING
          || progress.status() == de.rathaus.api.shared.ReadModelRebuilds.RunStatus.SWITCHING);
      double seconds = (System.nanoTime() - started) / 1e9;
      if (progress.status() != de.rathaus.api.shared.ReadModelRebuilds.RunStatus.DONE) {
        throw new IllegalStateException("the rebuild ended " + progress.status());
      }
      double rebuildRate = progress.done() / seconds;
      System.out.printf(
          Locale.ROOT,
          "rebuild of case-views: %d events in %.2f s (%.0f events/s, switch included);"
              + " raw read, deserialization and insert: %.0f documents/s%n",
          progress.done(),
          seconds,
          rebuildRate,
          raw);
      figure("rebuild_vs_raw", rebuildRate / raw);
    }
  }

  private static void awaitCaughtUp(de.rathaus.api.shared.ReadModelRebuilds rebuilds, String name) {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (true) {
      Long lag = rebuilds.standing(name).lag();
      if (lag != null && lag == 0) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(name + " did not catch up");
      }
      pause(50);
    }
  }

  /**
   * The clerks' final documents read from their collection, deserialized into their records and
   * inserted into a fresh collection, in documents per second (the better of three runs).
   */
  private static double rawRate(Engine engine) throws Exception {
    com.mongodb.client.MongoDatabase database =
        engine.context.getBean(com.mongodb.client.MongoDatabase.class);
    com.fasterxml.jackson.databind.ObjectMapper json =
        engine.context.getBean(de.rathaus.infra.privacy.ProtectedJson.class).mapper();
    de.rathaus.infra.shared.MongoReadModelGenerations generations =
        engine.context.getBean(de.rathaus.infra.shared.MongoReadModelGenerations.class);
    int generation =
        engine
            .context
            .getBean(de.rathaus.api.shared.ReadModelRebuilds.class)
            .standing("case-views")
            .generation();
    com.mongodb.client.MongoCollection<org.bson.Document> source =
        database.getCollection(
            de.rathaus.infra.shared.MongoReadModelGenerations.physical("case_views", generation));
    double best = 0;
    for (int run = 0; run < 3; run++) {
      de.rathaus.infra.servicerequest.MongoCaseViews target =
          new de.rathaus.infra.servicerequest.MongoCaseViews(
              generations.generation(database, "bench-raw", 90 + run), json);
      long t0 = System.nanoTime();
      int documents = 0;
      for (org.bson.Document document : source.find()) {
        target.insert(
            json.readValue(
                document.get("view", org.bson.Document.class).toJson(),
                de.rathaus.application.servicerequest.CaseView.class));
        documents++;
      }
      best = Math.max(best, documents / ((System.nanoTime() - t0) / 1e9));
      database
          .getCollection(
              de.rathaus.infra.shared.MongoReadModelGenerations.physical("case_views", 90 + run))
          .drop();
    }
    return best;
  }

  // ------------------------------------------------------------------ participation

  private static final int SUPPORT_SAMPLES = 150;
  private static final int PAGE_SAMPLES = 60;

  private static void participationFigures() throws Exception {
    try (Engine engine = Engine.start("rathaus-bench-participation", true)) {
      if (runs("support_10k_vs_10")) {
        supportFigure(engine);
      }
      if (runs("proposals_page_20k_vs_1k")) {
        proposalsPageFigure(engine);
      }
    }
  }

  private static void supportFigure(Engine engine) throws Exception {
    org.axonframework.commandhandling.gateway.CommandGateway commands =
        engine.context.getBean(org.axonframework.commandhandling.gateway.CommandGateway.class);
    de.rathaus.application.participation.Supports supports =
        engine.context.getBean(de.rathaus.application.participation.Supports.class);
    ReadYourWrites readYourWrites = engine.context.getBean(ReadYourWrites.class);
    de.rathaus.domain.participation.ConsultationId consultation =
        de.rathaus.domain.participation.ConsultationId.of(java.util.UUID.randomUUID());
    de.rathaus.domain.participation.ProposalId few = propose(commands, consultation);
    de.rathaus.domain.participation.ProposalId many = propose(commands, consultation);
    long t0 = System.nanoTime();
    fillSupports(supports, few, 10, "few");
    fillSupports(supports, many, 10_000, "many");
    System.out.printf(
        Locale.ROOT, "10 + 10,000 supports filled in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    for (int i = 0; i < 50; i++) {
      timedSupport(readYourWrites, supports, few, "warm-few-" + i);
      timedSupport(readYourWrites, supports, many, "warm-many-" + i);
    }
    double[] fewTimes = new double[SUPPORT_SAMPLES];
    double[] manyTimes = new double[SUPPORT_SAMPLES];
    for (int i = 0; i < SUPPORT_SAMPLES; i++) {
      if (i % 2 == 0) {
        fewTimes[i] = timedSupport(readYourWrites, supports, few, "few-" + i);
        manyTimes[i] = timedSupport(readYourWrites, supports, many, "many-" + i);
      } else {
        manyTimes[i] = timedSupport(readYourWrites, supports, many, "many-" + i);
        fewTimes[i] = timedSupport(readYourWrites, supports, few, "few-" + i);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "one support: median with 10 supports %.2f ms, with 10,000 %.2f ms (p90 %.2f / %.2f)%n",
        median(fewTimes),
        median(manyTimes),
        percentile(fewTimes, 0.9),
        percentile(manyTimes, 0.9));
    figure("support_10k_vs_10", median(manyTimes) / median(fewTimes));
  }

  private static de.rathaus.domain.participation.ProposalId propose(
      org.axonframework.commandhandling.gateway.CommandGateway commands,
      de.rathaus.domain.participation.ConsultationId consultation) {
    de.rathaus.domain.participation.ProposalId id =
        de.rathaus.domain.participation.ProposalId.of(java.util.UUID.randomUUID());
    commands.sendAndWait(
        new de.rathaus.domain.participation.SubmitProposal(
            id,
            consultation,
            de.rathaus.domain.participation.ConsultationFormat.IDEAS,
            de.rathaus.domain.participation.ConsultationPhase.OPEN,
            new de.rathaus.domain.shared.CitizenId("author-bench"),
            new de.rathaus.domain.participation.ProposalContent("Bench", "Bänke", "Mehr", null),
            java.time.Instant.now()));
    return id;
  }

  private static void fillSupports(
      de.rathaus.application.participation.Supports supports,
      de.rathaus.domain.participation.ProposalId proposal,
      int count,
      String prefix)
      throws Exception {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        de.rathaus.domain.shared.CitizenId citizen =
            new de.rathaus.domain.shared.CitizenId("fill-" + prefix + "-" + i);
        done.add(
            pool.submit(
                () ->
                    supports.support(
                        citizen,
                        proposal,
                        de.rathaus.domain.participation.ConsultationFormat.IDEAS,
                        de.rathaus.domain.participation.ConsultationPhase.OPEN,
                        java.time.Instant.now())));
      }
      for (java.util.concurrent.Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** One support as {@code PUT …/support} runs it behind HTTP, in milliseconds. */
  private static double timedSupport(
      ReadYourWrites readYourWrites,
      de.rathaus.application.participation.Supports supports,
      de.rathaus.domain.participation.ProposalId proposal,
      String citizen) {
    long start = System.nanoTime();
    readYourWrites.run(
        () -> {
          supports.support(
              new de.rathaus.domain.shared.CitizenId("bench-" + citizen),
              proposal,
              de.rathaus.domain.participation.ConsultationFormat.IDEAS,
              de.rathaus.domain.participation.ConsultationPhase.OPEN,
              java.time.Instant.now());
          return null;
        },
        de.rathaus.application.participation.ProposalProjection.NAME);
    return (System.nanoTime() - start) / 1e6;
  }

  private static void proposalsPageFigure(Engine engine) {
    de.rathaus.application.participation.ProposalViews views =
        engine.context.getBean(de.rathaus.application.participation.ProposalViews.class);
    org.axonframework.queryhandling.QueryGateway queries =
        engine.context.getBean(org.axonframework.queryhandling.QueryGateway.class);
    de.rathaus.domain.participation.ConsultationId small =
        de.rathaus.domain.participation.ConsultationId.of(java.util.UUID.randomUUID());
    de.rathaus.domain.participation.ConsultationId large =
        de.rathaus.domain.participation.ConsultationId.of(java.util.UUID.randomUUID());
    long t0 = System.nanoTime();
    java.util.Random random = new java.util.Random(11);
    for (int i = 0; i < 21_000; i++) {
      java.time.Instant at = java.time.Instant.parse("2026-05-01T08:00:00Z").plusSeconds(i);
      views.insert(
          new de.rathaus.application.participation.ProposalView(
              de.rathaus.domain.participation.ProposalId.of(java.util.UUID.randomUUID()),
              i < 1_000 ? small : large,
              new de.rathaus.domain.shared.CitizenId("author-" + (i % 50)),
              "Bench",
              "Titel " + i,
              "Text " + i,
              null,
              at,
              null,
              0,
              new de.rathaus.application.participation.ProposalTally(
                  random.nextInt(500), null, 0, -1, List.of()),
              List.of(),
              de.rathaus.application.participation.ModerationState.NONE,
              de.rathaus.application.participation.ProposalAnswers.NONE));
    }
    System.out.printf(
        Locale.ROOT, "21,000 proposals written in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    for (int i = 0; i < 10; i++) {
      timedPage(queries, small);
      timedPage(queries, large);
    }
    double[] smallTimes = new double[PAGE_SAMPLES];
    double[] largeTimes = new double[PAGE_SAMPLES];
    for (int i = 0; i < PAGE_SAMPLES; i++) {
      if (i % 2 == 0) {
        smallTimes[i] = timedPage(queries, small);
        largeTimes[i] = timedPage(queries, large);
      } else {
        largeTimes[i] = timedPage(queries, large);
        smallTimes[i] = timedPage(queries, small);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "a page by supports: median with 1,000 proposals %.2f ms, with 20,000 %.2f ms%n",
        median(smallTimes),
        median(largeTimes));
    figure("proposals_page_20k_vs_1k", median(largeTimes) / median(smallTimes));
  }

  /** The first page (20) of a consultation's proposals by supports, in milliseconds. */
  private static double timedPage(
      org.axonframework.queryhandling.QueryGateway queries,
      de.rathaus.domain.participation.ConsultationId consultation) {
    long start = System.nanoTime();
    de.rathaus.application.participation.ProposalPage page =
        queries
            .query(
                new de.rathaus.application.participation.ListProposals(
                    consultation,
                    null,
                    20,
                    de.rathaus.application.participation.ListProposals.Order.SUPPORTS),
                de.rathaus.application.participation.ProposalPage.class)
            .join();
    if (page.items().size() != 20) {
      throw new IllegalStateException("a page of " + page.items().size());
    }
    return (System.nanoTime() - start) / 1e6;
  }

  // ------------------------------------------------------------------ audit

  private static final int AUDIT_MATCHES = 500;
  private static final int AUDIT_SAMPLES = 60;
  private static final String AUDIT_ACTOR = "bench-auditor";

  /** A filler event of the audit benchmark. */
  record AuditBenchNoted(String text) {}

  /** The event type the audit benchmark filters by. */
  record AuditBenchMarked(String text) {}

  private static void auditPageFigure() throws Exception {
    try (Engine small = Engine.start("rathaus-bench-audit-10k", true);
        Engine large = Engine.start("rathaus-bench-audit-200k", true)) {
      long t0 = System.nanoTime();
      fillAudit(small, 10_000);
      fillAudit(large, 200_000);
      System.out.printf(
          Locale.ROOT,
          "10,000 + 200,000 events appended in %.0f s%n",
          (System.nanoTime() - t0) / 1e9);
      awaitAuditIndex(small);
      awaitAuditIndex(large);
      System.out.printf(
          Locale.ROOT,
          "audit index built (both stores) %.0f s after the start of the fill%n",
          (System.nanoTime() - t0) / 1e9);
      figure("audit_page_200k_vs_10k", auditPageRatio(small, large, "200,000"));
    }
  }

  /**
   * The larger of the two ratios of median audit pages (by actor, by event type), {@code large} ÷
   * {@code small}, in alternating rounds after a warm-up; both stores' audit indexes caught up.
   */
  private static double auditPageRatio(Engine small, Engine large, String largeSize) {
    for (int i = 0; i < 20; i++) {
      timedAuditPage(small, true);
      timedAuditPage(large, true);
      timedAuditPage(small, false);
      timedAuditPage(large, false);
    }
    double[] smallActor = new double[AUDIT_SAMPLES];
    double[] largeActor = new double[AUDIT_SAMPLES];
    double[] smallType = new double[AUDIT_SAMPLES];
    double[] largeType = new double[AUDIT_SAMPLES];
    for (int i = 0; i < AUDIT_SAMPLES; i++) {
      if (i % 2 == 0) {
        smallActor[i] = timedAuditPage(small, true);
        largeActor[i] = timedAuditPage(large, true);
        smallType[i] = timedAuditPage(small, false);
        largeType[i] = timedAuditPage(large, false);
      } else {
        largeType[i] = timedAuditPage(large, false);
        smallType[i] = timedAuditPage(small, false);
        largeActor[i] = timedAuditPage(large, true);
        smallActor[i] = timedAuditPage(small, true);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "an audit page (50) by actor: median with 10,000 events %.2f ms, with %s %.2f ms;"
            + " by event type: %.2f ms / %.2f ms%n",
        median(smallActor),
        largeSize,
        median(largeActor),
        median(smallType),
        median(largeType));
    return Math.max(median(largeActor) / median(smallActor), median(largeType) / median(smallType));
  }

  /**
   * Appends {@code count} events through the event store, in commits of 100 events of one
   * aggregate: {@value #AUDIT_MATCHES} of them by the actor the figure filters by, and as many of
   * the event type it filters by, spread evenly.
   */
  private static void fillAudit(Engine engine, int count) {
    org.axonframework.eventsourcing.eventstore.EventStore store =
        engine.context.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class);
    int every = count / AUDIT_MATCHES;
    int batch = 100;
    for (int first = 0; first < count; first += batch) {
      List<org.axonframework.eventhandling.EventMessage<?>> commit = new ArrayList<>(batch);
      String aggregate = "audit-bench-" + (first / batch);
      for (int i = first; i < first + batch; i++) {
        boolean byActor = i % every == 0;
        boolean ofType = i % every == every / 2;
        Object payload = ofType ? new AuditBenchMarked("m" + i) : new AuditBenchNoted("n" + i);
        org.axonframework.messaging.MetaData meta =
            org.axonframework.messaging.MetaData.with(
                    "actorId", byActor ? AUDIT_ACTOR : "filler-" + (i % 97))
                .and("actorRole", "CLERK")
                .and("department", "buergeramt")
                .and("correlationId", "bench-" + i);
        commit.add(
            new org.axonframework.eventhandling.GenericDomainEventMessage<>(
                "AuditBench", aggregate, i - first, payload, meta));
      }
      store.publish(commit);
    }
  }

  private static void awaitAuditIndex(Engine engine) {
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    while (auditPage(engine, true, Page.MAX_SIZE).items().size() < AUDIT_MATCHES
        || auditPage(engine, false, Page.MAX_SIZE).items().size() < AUDIT_MATCHES) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the audit index did not catch up");
      }
      pause(500);
    }
  }

  private static de.rathaus.application.audit.AuditEventPage auditPage(
      Engine engine, boolean byActor, int size) {
    org.axonframework.queryhandling.QueryGateway queries =
        engine.context.getBean(org.axonframework.queryhandling.QueryGateway.class);
    return queries
        .query(
            new de.rathaus.application.audit.ListAuditEvents(
                null,
                null,
                byActor ? null : "AuditBenchMarked",
                byActor ? AUDIT_ACTOR : null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                size,
                de.rathaus.application.audit.Disclosure.MASKED),
            de.rathaus.application.audit.AuditEventPage.class)
        .join();
  }

  /** The first page (50) of the trail by the benchmark's actor or event type, in milliseconds. */
  private static double timedAuditPage(Engine engine, boolean byActor) {
    long start = System.nanoTime();
    de.rathaus.application.audit.AuditEventPage page = auditPage(engine, byActor, 50);
    if (page.items().size() != 50 || page.next() == null) {
      throw new IllegalStateException("an audit page of " + page.items().size());
    }
    return (System.nanoTime() - start) / 1e6;
  }

  // ------------------------------------------------------------------ a million events

  /**
   * The engine's figures at a million events ({@code BENCH_ONLY=scale_1m}; {@code
   * BENCH_SCALE_EVENTS=n} for a smaller store while trying it out), three engines side by side,
   * each on an embedded store of its own, under the production profile:
   *
   * <ul>
   *   <li>{@code audit_page_1m_vs_10k}: as {@code audit_page_200k_vs_10k}, with a million events
   *       (target ≤ 1.5);
   *   <li>{@code heap_rebuild_1m_vs_idle}: the heap after GC once every read model of the large
   *       engine has been rebuilt from its million events (one after another, through the rebuild
   *       the operators start) ÷ the heap after GC of the same engine idle before (target ≤ 2); the
   *       small engine is closed before, the empty one idles beside it throughout;
   *   <li>{@code startup_1m_vs_empty}: the time from the start of the application to ready (its
   *       last start-up runner done: every read model has applied what was stored) on the million ÷
   *       on an empty store, restarts in alternating rounds (target ≤ 2).
   * </ul>
   */
  private static void scaleFigures() throws Exception {
    String configured = System.getenv("BENCH_SCALE_EVENTS");
    int largeEvents =
        configured == null || configured.isBlank() ? 1_000_000 : Integer.parseInt(configured);
    Engine empty = Engine.start("rathaus-bench-scale-empty", true);
    Engine large = Engine.start("rathaus-bench-scale-1m", true);
    try {
      try (Engine small = Engine.start("rathaus-bench-scale-10k", true)) {
        long t0 = System.nanoTime();
        fillAudit(small, 10_000);
        fillAudit(large, largeEvents);
        awaitAuditIndex(small);
        awaitAuditIndex(large);
        System.out.printf(
            Locale.ROOT,
            "scale: 10,000 + %d events appended and indexed in %.0f s%n",
            largeEvents,
            (System.nanoTime() - t0) / 1e9);
        figure("audit_page_1m_vs_10k", auditPageRatio(small, large, String.valueOf(largeEvents)));
      }
      de.rathaus.api.shared.ReadModelRebuilds rebuilds =
          large.context.getBean(de.rathaus.api.shared.ReadModelRebuilds.class);
      for (de.rathaus.api.shared.ReadModelRebuilds.Standing model : rebuilds.list()) {
        awaitCaughtUp(rebuilds, model.name());
      }
      double idle = heapAfterGcMegabytes();
      long t1 = System.nanoTime();
      for (de.rathaus.api.shared.ReadModelRebuilds.Standing model : rebuilds.list()) {
        rebuilt(rebuilds, model.name());
      }
      double rebuilt = heapAfterGcMegabytes();
      System.out.printf(
          Locale.ROOT,
          "scale: %d read models rebuilt from %d events in %.0f s; heap after GC %.0f MB idle,"
              + " %.0f MB after the rebuilds%n",
          rebuilds.list().size(),
          largeEvents,
          (System.nanoTime() - t1) / 1e9,
          idle,
          rebuilt);
      figure("heap_rebuild_1m_vs_idle", rebuilt / idle);

      double[] emptyStarts = new double[ROUNDS_OF_RESTARTS];
      double[] largeStarts = new double[ROUNDS_OF_RESTARTS];
      for (int round = 0; round < ROUNDS_OF_RESTARTS + 1; round++) {
        long e0 = System.nanoTime();
        empty = empty.restart();
        double e = (System.nanoTime() - e0) / 1e6;
        long l0 = System.nanoTime();
        large = large.restart();
        double l = (System.nanoTime() - l0) / 1e6;
        if (round > 0) { // the first restart warms the JVM's classes up
          emptyStarts[round - 1] = e;
          largeStarts[round - 1] = l;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "scale: start to ready (restart, median of %d): empty store %.0f ms, %d events %.0f ms%n",
          ROUNDS_OF_RESTARTS,
          median(emptyStarts),
          largeEvents,
          median(largeStarts));
      figure("startup_1m_vs_empty", median(largeStarts) / median(emptyStarts));
    } finally {
      large.close();
      empty.close();
    }
  }

  private static final int ROUNDS_OF_RESTARTS = 3;

  /** Rebuilds a read model and waits until the rebuild is switched in. */
  private static void rebuilt(de.rathaus.api.shared.ReadModelRebuilds rebuilds, String name) {
    rebuilds.rebuild(name);
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    de.rathaus.api.shared.ReadModelRebuilds.Progress progress;
    do {
      pause(100);
      progress = rebuilds.progress(name).orElseThrow();
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the rebuild of " + name + " did not end");
      }
    } while (progress.status() == de.rathaus.api.shared.ReadModelRebuilds.RunStatus.RUNNING
        || progress.status() == de.rathaus.api.shared.ReadModelRebuilds.RunStatus.SWITCHING);
    if (progress.status() != de.rathaus.api.shared.ReadModelRebuilds.RunStatus.DONE) {
      throw new IllegalStateException("the rebuild of " + name + " ended " + progress.status());
    }
  }

  /** The heap in use after full collections (the least of three), in MB. */
  private static double heapAfterGcMegabytes() {
    java.lang.management.MemoryMXBean memory =
        java.lang.management.ManagementFactory.getMemoryMXBean();
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      pause(500);
      least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
    }
    return least / 1e6;
  }

  // ------------------------------------------------------------------ access log

  private static final int CASE_READS_WARM_UP = 300;
  private static final int CASE_READ_ROUNDS = 20;
  private static final int CASE_READS_PER_ROUND = 50;

  private static void accessLogFigure() throws Exception {
    try (Engine logged = Engine.start("rathaus-bench-access-log", true);
        Engine unlogged =
            Engine.start("rathaus-bench-no-access-log", true, DiscardingAccessLog.class)) {
      String[] cases = {casesToRead(logged), casesToRead(unlogged)};
      Engine[] engines = {logged, unlogged};
      String[] clerks = new String[2];
      for (int e = 0; e < 2; e++) {
        clerks[e] = engines[e].surroundings.token("clerk-bench", "clerk", "buergeramt");
        for (int i = 0; i < CASE_READS_WARM_UP; i++) {
          readCase(engines[e], clerks[e], cases[e]);
        }
      }
      double[][] times = new double[2][CASE_READ_ROUNDS * CASE_READS_PER_ROUND];
      double[] ratios = new double[CASE_READ_ROUNDS];
      for (int round = 0; round < CASE_READ_ROUNDS; round++) {
        double[][] medians = new double[2][];
        for (int k = 0; k < 2; k++) {
          int e = (round + k) % 2; // the engine that goes first changes every round
          double[] millis = new double[CASE_READS_PER_ROUND];
          for (int i = 0; i < CASE_READS_PER_ROUND; i++) {
            millis[i] = readCase(engines[e], clerks[e], cases[e]);
          }
          System.arraycopy(millis, 0, times[e], round * CASE_READS_PER_ROUND, CASE_READS_PER_ROUND);
          medians[e] = new double[] {median(millis)};
          pause(20);
        }
        ratios[round] = medians[0][0] / medians[1][0];
      }
      long stored =
          logged
              .context
              .getBean(de.rathaus.application.privacy.AccessLog.class)
              .page(new de.rathaus.domain.shared.CitizenId("citizen-bench"), null, null, 500)
              .items()
              .size();
      System.out.printf(
          Locale.ROOT,
          "a clerk's case read (%d rounds of %d per engine, after %d warm-up): with the access"
              + " log median %.3f ms (p90 %.3f, p99 %.3f), without median %.3f ms (p90 %.3f, p99"
              + " %.3f); round ratios %s; entries stored on the logged engine (first page): %d;"
              + " answered before stored: %d%n",
          CASE_READ_ROUNDS,
          CASE_READS_PER_ROUND,
          CASE_READS_WARM_UP,
          median(times[0]),
          percentile(times[0], 0.9),
          percentile(times[0], 0.99),
          median(times[1]),
          percentile(times[1], 0.9),
          percentile(times[1], 0.99),
          format(ratios),
          stored,
          logged.context.getBean(de.rathaus.application.privacy.AccessRecorder.class).late());
      figure("access_log_overhead", median(times[0]) / median(times[1]));
    }
  }

  private static final int PAGE_WARM_UP = 300;
  private static final int PAGE_ROUNDS = 20;
  private static final int PAGE_PER_ROUND = 50;

  /** A timed GET: the portal page through a signed-in session, or the API call with a token. */
  private interface Get {
    double time();
  }

  private static void pageFigure() throws Exception {
    try (TestIdentityProvider provider = TestIdentityProvider.start()) {
      Map<String, String> signIn = new LinkedHashMap<>(provider.properties());
      // the benchmark speaks plain HTTP on loopback: a Secure cookie would never be sent back
      signIn.put("server.servlet.session.cookie.secure", "false");
      try (Engine engine = Engine.start("rathaus-bench-portal", true, signIn)) {
        engine.publishService();
        int port = ((WebServerApplicationContext) engine.context).getWebServer().getPort();
        String request = engine.citizen("citizen-bench").submit();
        String clerk = engine.surroundings.token("clerk-bench", "clerk", "buergeramt");
        String citizen = engine.surroundings.token("citizen-bench", "citizen", null);
        PortalSession citizenPages =
            provider.signIn(
                port, new TestIdentityProvider.Person("citizen-bench", "Anna", "CITIZEN", null));
        PortalSession clerkPages =
            provider.signIn(
                port,
                new TestIdentityProvider.Person("clerk-bench", "Clara", "CLERK", "buergeramt"));
        Object[][] pairs = {
          {"/portal/leistungen", get(engine, "/portal/leistungen", null)},
          {"/api/v1/services", get(engine, "/api/v1/services", null)},
          {"/portal/leistungen/messung", get(engine, "/portal/leistungen/messung", null)},
          {"/api/v1/services/messung", get(engine, "/api/v1/services/messung", null)},
          {"/portal/anliegen/{id} (citizen)", page(citizenPages, "/portal/anliegen/" + request)},
          {"/api/v1/requests/{id} (citizen)", get(engine, "/api/v1/requests/" + request, citizen)},
          {"/portal/sachbearbeitung (clerk)", page(clerkPages, "/portal/sachbearbeitung")},
          {"/api/v1/cases (clerk)", get(engine, "/api/v1/cases", clerk)}
        };
        double worst = 0;
        StringBuilder report = new StringBuilder();
        for (int pair = 0; pair < pairs.length; pair += 2) {
          Get[] both = {(Get) pairs[pair][1], (Get) pairs[pair + 1][1]};
          for (int i = 0; i < PAGE_WARM_UP; i++) {
            both[0].time();
            both[1].time();
          }
          double[][] times = new double[2][PAGE_ROUNDS * PAGE_PER_ROUND];
          for (int round = 0; round < PAGE_ROUNDS; round++) {
            for (int k = 0; k < 2; k++) {
              int which = (round + k) % 2; // which of the two goes first changes every round
              for (int i = 0; i < PAGE_PER_ROUND; i++) {
                times[which][round * PAGE_PER_ROUND + i] = both[which].time();
              }
            }
          }
          double ratio = median(times[0]) / median(times[1]);
          worst = Math.max(worst, ratio);
          report.append(
              String.format(
                  Locale.ROOT,
                  "%n  %s median %.3f ms (p90 %.3f) ÷ %s median %.3f ms (p90 %.3f) = %.3f",
                  pairs[pair][0],
                  median(times[0]),
                  percentile(times[0], 0.9),
                  pairs[pair + 1][0],
                  median(times[1]),
                  percentile(times[1], 0.9),
                  ratio));
        }
        System.out.printf(
            Locale.ROOT,
            "portal pages against the API calls they wrap (%d rounds of %d each, after %d"
                + " warm-up):%s%n",
            PAGE_ROUNDS,
            PAGE_PER_ROUND,
            PAGE_WARM_UP,
            report);
        figure("page_vs_api", worst);
      }
    }
  }

  private static Get get(Engine engine, String path, String token) {
    return () -> {
      long t0 = System.nanoTime();
      TestClient.Call call = engine.client.get(path);
      if (token != null) {
        call.bearer(token);
      }
      // the answer's status only: a page is HTML, and reading JSON would be timed too
      call.send().expect(200);
      return (System.nanoTime() - t0) / 1e6;
    };
  }

  private static Get page(PortalSession session, String path) {
    return () -> {
      long t0 = System.nanoTime();
      int status = session.get(path).statusCode();
      if (status != 200) {
        throw new IllegalStateException(path + " answered " + status);
      }
      return (System.nanoTime() - t0) / 1e6;
    };
  }

  /** Publishes the service and submits one request as {@code citizen-bench}; answers its id. */
  private static String casesToRead(Engine engine) {
    engine.publishService();
    return engine.citizen("citizen-bench").submit();
  }

  private static double readCase(Engine engine, String clerk, String id) {
    long t0 = System.nanoTime();
    engine.client.get("/api/v1/cases/" + id).bearer(clerk).expect(200);
    return (System.nanoTime() - t0) / 1e6;
  }

  /**
   * The engine without an access log: entries are handed to the writer and discarded. Given to that
   * engine's builder only; not a {@code @Configuration}, so no component scan ever finds it.
   */
  static class DiscardingAccessLog {
    @org.springframework.context.annotation.Bean
    de.rathaus.application.privacy.AccessLog accessLog() {
      return new de.rathaus.application.privacy.AccessLog() {
        @Override
        public void append(List<de.rathaus.application.privacy.AccessEntry> entries) {}

        @Override
        public de.rathaus.application.shared.Page<de.rathaus.application.privacy.AccessEntry> page(
            de.rathaus.domain.shared.CitizenId subject, String requestId, String after, int size) {
          return new de.rathaus.application.shared.Page<>(List.of(), null);
        }

        @Override
        public long forget(de.rathaus.domain.shared.CitizenId subject, java.time.Instant upTo) {
          return 0;
        }
      };
    }
  }

  // ------------------------------------------------------------------ helpers

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static final int CLIENTS = 16;
  private static final int THROUGHPUT_ROUNDS = 5;
  private static final int THROUGHPUT_PER_CLIENT = 20;
  private static final int SINGLE_SAMPLES = 200;
  private static final Duration OPEN_LOAD = Duration.ofSeconds(20);

  /** Submits as a fresh citizen now and then, so that no citizen's hourly count grows large. */
  private static final class Submitter {
    private final Engine engine;
    private final String prefix;
    private int sent;
    private Citizen citizen;

    Submitter(Engine engine, String prefix) {
      this.engine = engine;
      this.prefix = prefix;
    }

    void submit() {
      if (sent++ % 10 == 0) {
        citizen = engine.citizen(prefix + "-" + sent);
      }
      citizen.submit();
    }
  }

  private static void throughputFigures() throws Exception {
    try (Engine engine =
        Engine.start(
            "rathaus-bench-throughput",
            true,
            Map.of("rathaus.limits.requests-per-hour", "1000000"))) {
      engine.publishService();
      de.rathaus.application.servicerequest.RequestSubmission submission =
          engine.context.getBean(de.rathaus.application.servicerequest.RequestSubmission.class);
      java.util.concurrent.atomic.AtomicInteger inProcess =
          new java.util.concurrent.atomic.AtomicInteger();
      Runnable gateway =
          () ->
              submission.submit(
                  new de.rathaus.domain.shared.CitizenId(
                      "gateway-bench-" + (inProcess.getAndIncrement() / 10)),
                  new de.rathaus.application.servicerequest.RequestSubmission.Form(
                      "messung",
                      new java.util.HashMap<>(Map.of("kennzeichen", "HN-G " + inProcess.get())),
                      null,
                      null,
                      new de.rathaus.domain.servicerequest.ApplicantContact(
                          "Anna Beispiel", "anna@example.org", null, null)),
                  new de.rathaus.domain.shared.ServiceRequestId(
                      java.util.UUID.randomUUID().toString()));
      Submitter[] http = new Submitter[CLIENTS];
      for (int c = 0; c < CLIENTS; c++) {
        http[c] = new Submitter(engine, "http-bench-" + c);
      }
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(CLIENTS);
      try {
        // warm-up, both ways
        perSecond(pool, c -> http[c].submit(), 10);
        perSecond(pool, c -> gateway.run(), 10);
        double[] viaHttp = new double[THROUGHPUT_ROUNDS];
        double[] viaGateway = new double[THROUGHPUT_ROUNDS];
        for (int round = 0; round < THROUGHPUT_ROUNDS; round++) {
          if (round % 2 == 0) {
            viaHttp[round] = perSecond(pool, c -> http[c].submit(), THROUGHPUT_PER_CLIENT);
            viaGateway[round] = perSecond(pool, c -> gateway.run(), THROUGHPUT_PER_CLIENT);
          } else {
            viaGateway[round] = perSecond(pool, c -> gateway.run(), THROUGHPUT_PER_CLIENT);
            viaHttp[round] = perSecond(pool, c -> http[c].submit(), THROUGHPUT_PER_CLIENT);
          }
        }
        double httpRate = median(viaHttp);
        double gatewayRate = median(viaGateway);
        System.out.printf(
            Locale.ROOT,
            "submissions per second with %d clients (%d rounds of %d each per client): HTTP %s,"
                + " median %.1f; in-process through the gateway %s, median %.1f%n",
            CLIENTS,
            THROUGHPUT_ROUNDS,
            THROUGHPUT_PER_CLIENT,
            format(viaHttp),
            httpRate,
            format(viaGateway),
            gatewayRate);
        figure("http_vs_gateway", httpRate / gatewayRate);

        // one client, one after another
        Submitter single = new Submitter(engine, "single-bench");
        double[] alone = new double[SINGLE_SAMPLES];
        for (int i = 0; i < SINGLE_SAMPLES; i++) {
          long t0 = System.nanoTime();
          single.submit();
          alone[i] = (System.nanoTime() - t0) / 1e6;
        }
        // an open load at 60 % of the maximum: each request at its planned moment
        double rate = 0.6 * httpRate;
        long interval = (long) (1e9 / rate);
        int count = (int) (OPEN_LOAD.toNanos() / interval);
        double[] loaded = new double[count];
        java.util.concurrent.ScheduledExecutorService clock =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        java.util.concurrent.ExecutorService senders =
            java.util.concurrent.Executors.newFixedThreadPool(CLIENTS * 4);
        Submitter[] open = new Submitter[CLIENTS * 4];
        for (int c = 0; c < open.length; c++) {
          open[c] = new Submitter(engine, "open-bench-" + c);
        }
        java.util.concurrent.ArrayBlockingQueue<Submitter> free =
            new java.util.concurrent.ArrayBlockingQueue<>(open.length, false, List.of(open));
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(count);
        long start = System.nanoTime() + 100_000_000L;
        for (int i = 0; i < count; i++) {
          int n = i;
          long planned = start + n * interval;
          clock.schedule(
              () ->
                  senders.execute(
                      () -> {
                        Submitter who = free.poll();
                        try {
                          if (who == null) {
                            who = new Submitter(engine, "open-extra-" + n);
                          }
                          who.submit();
                          loaded[n] = (System.nanoTime() - planned) / 1e6;
                        } finally {
                          if (who != null) {
                            free.offer(who);
                          }
                          done.countDown();
                        }
                      }),
              planned - System.nanoTime(),
              java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        if (!done.await(OPEN_LOAD.toSeconds() * 6, java.util.concurrent.TimeUnit.SECONDS)) {
          throw new IllegalStateException("the open load did not finish");
        }
        clock.shutdownNow();
        senders.shutdownNow();
        System.out.printf(
            Locale.ROOT,
            "one client alone: p50 %.2f ms, p99 %.2f ms (%d one after another); at 60 %% of the"
                + " maximum (%.1f per second for %d s, %d requests): p50 %.2f ms, p99 %.2f ms%n",
            median(alone),
            percentile(alone, 0.99),
            SINGLE_SAMPLES,
            rate,
            OPEN_LOAD.toSeconds(),
            count,
            median(loaded),
            percentile(loaded, 0.99));
        figure("latency_p99_at_60_vs_single_p50", percentile(loaded, 0.99) / median(alone));
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** Runs {@code each} {@code perClient} times on every client at once: calls per second. */
  private static double perSecond(
      java.util.concurrent.ExecutorService pool, java.util.function.IntConsumer each, int perClient)
      throws Exception {
    List<java.util.concurrent.Future<?>> running = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      running.add(
          pool.submit(
              () -> {
                for (int i = 0; i < perClient; i++) {
                  each.accept(client);
                }
              }));
    }
    for (java.util.concurrent.Future<?> one : running) {
      one.get();
    }
    return CLIENTS * perClient / ((System.nanoTime() - t0) / 1e9);
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
