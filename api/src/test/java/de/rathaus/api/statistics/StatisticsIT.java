package de.rathaus.api.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.rathaus.api.TestClient;
import de.rathaus.api.TestClient.Response;
import de.rathaus.domain.participation.ActionFieldCode;
import de.rathaus.domain.participation.AnswerProposal;
import de.rathaus.domain.participation.AnswerStatus;
import de.rathaus.domain.participation.CommentContent;
import de.rathaus.domain.participation.CommentId;
import de.rathaus.domain.participation.CommentPosted;
import de.rathaus.domain.participation.ConsultationContent;
import de.rathaus.domain.participation.ConsultationDrafted;
import de.rathaus.domain.participation.ConsultationFormat;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ConsultationOpened;
import de.rathaus.domain.participation.ConsultationPhase;
import de.rathaus.domain.participation.DraftConsultation;
import de.rathaus.domain.participation.FeedbackItemPutUp;
import de.rathaus.domain.participation.ItemRated;
import de.rathaus.domain.participation.MoveConsultationPhase;
import de.rathaus.domain.participation.PostComment;
import de.rathaus.domain.participation.ProposalAnswered;
import de.rathaus.domain.participation.ProposalContent;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.ProposalSubmitted;
import de.rathaus.domain.participation.ProposalSupportWithdrawn;
import de.rathaus.domain.participation.ProposalSupported;
import de.rathaus.domain.participation.PutUpFeedbackItem;
import de.rathaus.domain.participation.RateItem;
import de.rathaus.domain.participation.RatingChanged;
import de.rathaus.domain.participation.RatingId;
import de.rathaus.domain.participation.SubmitProposal;
import de.rathaus.domain.participation.SupportId;
import de.rathaus.domain.participation.SupportProposal;
import de.rathaus.domain.participation.SustainabilityGoal;
import de.rathaus.domain.participation.WithdrawSupport;
import de.rathaus.domain.servicerequest.AnswerInformationRequest;
import de.rathaus.domain.servicerequest.ApplicantContact;
import de.rathaus.domain.servicerequest.AssignCase;
import de.rathaus.domain.servicerequest.CancelInformationRequest;
import de.rathaus.domain.servicerequest.CaseBecameOverdue;
import de.rathaus.domain.servicerequest.CaseDecided;
import de.rathaus.domain.servicerequest.CaseForwarded;
import de.rathaus.domain.servicerequest.ClerkId;
import de.rathaus.domain.servicerequest.DecideCase;
import de.rathaus.domain.servicerequest.Decision;
import de.rathaus.domain.servicerequest.DecisionOutcome;
import de.rathaus.domain.servicerequest.ForwardCase;
import de.rathaus.domain.servicerequest.InformationRequestAnswered;
import de.rathaus.domain.servicerequest.InformationRequestCancelled;
import de.rathaus.domain.servicerequest.InformationRequestId;
import de.rathaus.domain.servicerequest.InformationRequested;
import de.rathaus.domain.servicerequest.MarkCaseOverdue;
import de.rathaus.domain.servicerequest.RequestInformation;
import de.rathaus.domain.servicerequest.RequestKind;
import de.rathaus.domain.servicerequest.ServiceRequestSubmitted;
import de.rathaus.domain.servicerequest.ServiceRequestWithdrawn;
import de.rathaus.domain.servicerequest.SubmitServiceRequest;
import de.rathaus.domain.servicerequest.WithdrawServiceRequest;
import de.rathaus.domain.shared.CaseNumber;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import de.rathaus.domain.shared.ServiceCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The public statistics on the running engine (one engine for the class): a few hundred generated
 * cases and a few hundred participation events, every figure of the endpoints recomputed from the
 * raw events by a straightforward method and compared; the CSV downloads, the catalogue, and bad
 * filters.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatisticsIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
    // the generated history lies in the past: no watch may add to it while the test compares
    registry.add("rathaus.deadlines.check-interval", () -> "PT10H");
    registry.add("rathaus.participation.phase-check-interval", () -> "PT10H");
    registry.add("rathaus.privacy.retention-check-interval", () -> "PT10H");
  }

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant START = Instant.parse("2026-01-05T07:00:00Z");
  private static final DepartmentCode BUERGERAMT = new DepartmentCode("buergeramt");
  private static final DepartmentCode ORDNUNGSAMT = new DepartmentCode("ordnungsamt");

  /** A service whose name an administrator typed as a spreadsheet formula. */
  private static final String FORMULA_SERVICE = "formel-test";

  private static final List<ServiceCode> SERVICES =
      List.of(
          new ServiceCode("meldebescheinigung"),
          new ServiceCode("statistik-a"),
          new ServiceCode("statistik-b"),
          new ServiceCode(FORMULA_SERVICE),
          new ServiceCode("statistik-selten"));

  @LocalServerPort int port;
  @Autowired CommandGateway commands;
  @Autowired EventStore events;
  private TestClient client;

  @BeforeEach
  void client() {
    client = new TestClient(port);
  }

  /** The generated history, made once for the class (its engine is shared by every test). */
  private static boolean generated;

  @BeforeEach
  void generateOnce() throws Exception {
    synchronized (StatisticsIT.class) {
      if (!generated) {
        generate();
        generated = true;
      }
    }
  }

  private void generate() throws Exception {
    new TestClient(port)
        .post("/api/v1/services")
        .as("ada")
        .json(
            """
            {"code": "%s", "name": {"de": "=HYPERLINK(\\"http://example.org\\")", "en": "Formula"},
             "description": {"de": "Test", "en": "Test"},
             "department": "buergeramt", "group": "Test", "kind": "request", "fee": 0,
             "processingDays": 10, "attributes": []}
            """
                .formatted(FORMULA_SERVICE))
        .expect(201);
    new TestClient(port)
        .post("/api/v1/services/" + FORMULA_SERVICE + "/publication")
        .as("ada")
        .expect(200);
    ExecutorService workers = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> done = new ArrayList<>();
      // participation first: its consultations are the longest histories
      for (int c = 0; c < IDEAS_FIELDS.length; c++) {
        int n = c;
        done.add(workers.submit(() -> ideas(n)));
      }
      for (int lab = 0; lab < 3; lab++) {
        int n = lab;
        done.add(workers.submit(() -> lab(n)));
      }
      for (int i = 0; i < CASES; i++) {
        int n = i;
        done.add(workers.submit(() -> aCase(n, new Random(n))));
      }
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      workers.shutdown();
    }
  }

  // --- generating: cases

  private static Decision decision(Random random) {
    DecisionOutcome[] outcomes = DecisionOutcome.values();
    return new Decision(outcomes[random.nextInt(outcomes.length)], "Begründung", "§ 1");
  }

  private void aCase(int n, Random random) {
    ServiceRequestId id = ServiceRequestId.random();
    CitizenId applicant = new CitizenId("statistik-buerger-" + n % 12);
    ServiceCode service = SERVICES.get(n % 53 == 0 ? 4 : n % 4);
    DepartmentCode department = n % 3 == 0 ? ORDNUNGSAMT : BUERGERAMT;
    int days = 5 + random.nextInt(20);
    Instant at =
        n == 0
            ? Instant.parse("2026-03-20T10:00:00Z")
            : START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 170)));
    commands.sendAndWait(
        new SubmitServiceRequest(
            id,
            CaseNumber.of("ST", 2026, 100_000 + n),
            applicant,
            service,
            1,
            department,
            RequestKind.REQUEST,
            Map.of(),
            null,
            null,
            new ApplicantContact("Bürgerin " + n, null, null, null),
            days,
            at));
    Instant due = at.plus(Duration.ofDays(days));
    int fate = random.nextInt(100);
    if (fate < 10) { // open, untouched; some past their due date
      if (random.nextBoolean()) {
        commands.sendAndWait(new MarkCaseOverdue(id, due.plusSeconds(60)));
      }
      return;
    }
    if (fate < 18) { // withdrawn before anyone took it
      commands.sendAndWait(
          new WithdrawServiceRequest(
              id, applicant, null, at.plus(Duration.ofHours(1 + random.nextInt(300)))));
      return;
    }
    at = at.plus(Duration.ofHours(1 + random.nextInt(48)));
    commands.sendAndWait(new AssignCase(id, new ClerkId("clara"), department, department, at));
    if (random.nextInt(3) == 0) { // a question, answered or cancelled
      InformationRequestId question = InformationRequestId.random();
      at = at.plus(Duration.ofHours(1 + random.nextInt(72)));
      commands.sendAndWait(
          new RequestInformation(
              id, question, "Frage", at.plus(Duration.ofDays(14)), department, at));
      Instant asked = at;
      at = at.plus(Duration.ofHours(1 + random.nextInt(24 * 12)));
      if (fate < 23) { // withdrawn while waiting
        commands.sendAndWait(new WithdrawServiceRequest(id, applicant, null, at));
        return;
      }
      commands.sendAndWait(
          random.nextBoolean()
              ? new AnswerInformationRequest(id, applicant, "Antwort", at)
              : new CancelInformationRequest(id, question, "per Post", department, at));
      due = due.plus(Duration.between(asked, at));
    }
    if (random.nextInt(6) == 0) { // forwarded to the other office
      DepartmentCode other = department.equals(BUERGERAMT) ? ORDNUNGSAMT : BUERGERAMT;
      at = at.plus(Duration.ofHours(1 + random.nextInt(24)));
      commands.sendAndWait(new ForwardCase(id, other, "zuständig", department, at, true));
      department = other;
    }
    if (fate < 30) { // in progress, perhaps overdue
      if (random.nextBoolean() && due.isAfter(at)) {
        commands.sendAndWait(new MarkCaseOverdue(id, due.plusSeconds(1)));
      }
      return;
    }
    Instant decided =
        n == 0
            ? Instant.parse("2026-03-31T23:30:00Z") // 1 April in Berlin
            : at.plus(Duration.ofMinutes(30 + random.nextInt(60 * 24 * 30)));
    if (decided.isAfter(due) && random.nextBoolean() && due.isAfter(at)) {
      commands.sendAndWait(new MarkCaseOverdue(id, due.plusSeconds(1)));
    }
    commands.sendAndWait(new DecideCase(id, decision(random), department, decided));
  }

  // --- generating: participation

  private static String pseudonym(Random random) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 43; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private ConsultationId consultation(
      ConsultationFormat format, String field, List<Integer> goals, Instant at, boolean open) {
    ConsultationId id = ConsultationId.of(UUID.randomUUID());
    commands.sendAndWait(
        new DraftConsultation(
            id,
            new ConsultationContent(
                new LocalizedText("Statistik " + field, null),
                new LocalizedText("Beschreibung", null),
                new ActionFieldCode(field),
                goals.stream().map(n -> SustainabilityGoal.numbered(n).orElseThrow()).toList(),
                null,
                format,
                at.plus(Duration.ofDays(1)),
                at.plus(Duration.ofDays(60)),
                null,
                format == ConsultationFormat.IDEAS ? 3 : null,
                format == ConsultationFormat.IDEAS ? 14 : null),
            at));
    if (open) {
      commands.sendAndWait(
          new MoveConsultationPhase(id, ConsultationPhase.OPEN, null, at.plus(Duration.ofDays(1))));
    }
    return id;
  }

  private static final int CASES = 220;

  private static final String[] IDEAS_FIELDS = {
    "mobilitaet", "umwelt-klima", "bildung", "mobilitaet", "gesundheit"
  };

  private static final List<List<Integer>> IDEAS_GOALS =
      List.of(List.of(11, 13), List.of(13), List.of(4), List.of(11), List.of());

  /** An ideas consultation with its proposals, supports, comments and answers. */
  private void ideas(int c) {
    Random random = new Random(42 + c);
    Instant at = START.plus(Duration.ofDays(7L * c));
    {
      ConsultationId consultation =
          consultation(ConsultationFormat.IDEAS, IDEAS_FIELDS[c], IDEAS_GOALS.get(c), at, true);
      at = at.plus(Duration.ofDays(2));
      int proposals = c == 4 ? 3 : 5 + random.nextInt(4);
      for (int p = 0; p < proposals; p++) {
        ProposalId proposal = ProposalId.of(UUID.randomUUID());
        at = at.plus(Duration.ofHours(1 + random.nextInt(10)));
        commands.sendAndWait(
            new SubmitProposal(
                proposal,
                consultation,
                ConsultationFormat.IDEAS,
                ConsultationPhase.OPEN,
                new CitizenId("statistik-autor-" + random.nextInt(6)),
                new ProposalContent("Autor", "Vorschlag", "Text", null),
                at,
                3,
                14));
        int supports = random.nextInt(6);
        for (int s = 0; s < supports; s++) {
          SupportId support = SupportId.of(pseudonym(random));
          at = at.plus(Duration.ofMinutes(1 + random.nextInt(600)));
          commands.sendAndWait(
              new SupportProposal(
                  support, proposal, ConsultationFormat.IDEAS, ConsultationPhase.OPEN, at));
          if (random.nextInt(4) == 0) {
            at = at.plus(Duration.ofMinutes(1 + random.nextInt(600)));
            commands.sendAndWait(
                new WithdrawSupport(
                    support, proposal, ConsultationFormat.IDEAS, ConsultationPhase.OPEN, at));
          }
        }
        for (int k = random.nextInt(5); k > 0; k--) {
          at = at.plus(Duration.ofMinutes(1 + random.nextInt(600)));
          commands.sendAndWait(comment(proposal, ConsultationFormat.IDEAS, at));
        }
        if (random.nextInt(3) > 0) {
          Instant answered = at.plus(Duration.ofDays(random.nextInt(25)));
          commands.sendAndWait(
              new AnswerProposal(proposal, AnswerStatus.ACCEPTED, "Die Stadt prüft.", answered));
          if (random.nextBoolean()) {
            commands.sendAndWait(
                new AnswerProposal(
                    proposal,
                    AnswerStatus.IN_IMPLEMENTATION,
                    "Umsetzung läuft.",
                    answered.plus(Duration.ofDays(30))));
          }
        }
      }
    }
  }

  /** A feedback consultation (the third stays a draft) with its items, ratings and comments. */
  private void lab(int lab) {
    Random random = new Random(7 + lab);
    Instant at = START.plus(Duration.ofDays(9L * lab));
    {
      boolean open = lab < 2;
      ConsultationId consultation =
          consultation(ConsultationFormat.FEEDBACK, "digitale-verwaltung", List.of(9), at, open);
      at = at.plus(Duration.ofDays(2));
      for (int item = 0; item < 3; item++) {
        ProposalId id = ProposalId.of(UUID.randomUUID());
        commands.sendAndWait(
            new PutUpFeedbackItem(
                id,
                consultation,
                ConsultationFormat.FEEDBACK,
                open ? ConsultationPhase.OPEN : ConsultationPhase.DRAFT,
                new CitizenId("ada"),
                new ProposalContent("Stadt", "Sensor " + item, "Testobjekt", null),
                at));
        if (!open) {
          continue;
        }
        int ratings = item == 2 ? 3 : 5 + random.nextInt(5);
        for (int r = 0; r < ratings; r++) {
          RatingId rating = RatingId.of(pseudonym(random));
          at = at.plus(Duration.ofMinutes(1 + random.nextInt(300)));
          commands.sendAndWait(
              new RateItem(
                  rating,
                  id,
                  ConsultationFormat.FEEDBACK,
                  ConsultationPhase.OPEN,
                  1 + random.nextInt(5),
                  at));
          if (random.nextInt(4) == 0) {
            int stars = 1 + random.nextInt(5);
            at = at.plusSeconds(60);
            // the same stars again records nothing; other stars a change
            commands.sendAndWait(
                new RateItem(
                    rating, id, ConsultationFormat.FEEDBACK, ConsultationPhase.OPEN, stars, at));
          }
        }
        for (int k = random.nextInt(4); k > 0; k--) {
          at = at.plus(Duration.ofMinutes(1 + random.nextInt(600)));
          commands.sendAndWait(comment(id, ConsultationFormat.FEEDBACK, at));
        }
      }
    }
  }

  private static PostComment comment(ProposalId proposal, ConsultationFormat format, Instant at) {
    return new PostComment(
        proposal,
        CommentId.of(UUID.randomUUID()),
        null,
        new CitizenId("statistik-kommentar"),
        format,
        ConsultationPhase.OPEN,
        new CommentContent("Kommentar", "Meinung"),
        at);
  }

  // --- recomputing from the raw events

  private List<Object> history() {
    List<Object> payloads = new ArrayList<>();
    try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
      while (stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)) {
        payloads.add(stream.nextAvailable().getPayload());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return payloads;
  }

  /** One case as the raw events tell it. */
  private static final class RawCase {
    String service;
    String submittedTo;
    String department;
    Instant submitted;
    Instant due;
    Instant askedAt;
    Duration waited = Duration.ZERO;
    Instant decided;
    Instant withdrawn;
    boolean flagged;
  }

  private static Map<String, RawCase> cases(List<Object> history) {
    Map<String, RawCase> cases = new HashMap<>();
    for (Object e : history) {
      if (e instanceof ServiceRequestSubmitted s) {
        RawCase c = new RawCase();
        c.service = s.serviceCode().value();
        c.submittedTo = s.department().value();
        c.department = c.submittedTo;
        c.submitted = s.submittedAt();
        c.due = s.submittedAt().plus(Duration.ofDays(s.processingDays()));
        cases.put(s.id().value(), c);
      } else if (e instanceof CaseForwarded f) {
        cases.get(f.id().value()).department = f.toDepartment().value();
      } else if (e instanceof InformationRequested q) {
        cases.get(q.id().value()).askedAt = q.at();
      } else if (e instanceof InformationRequestAnswered a) {
        resumed(cases.get(a.id().value()), a.at());
      } else if (e instanceof InformationRequestCancelled x) {
        resumed(cases.get(x.id().value()), x.at());
      } else if (e instanceof CaseBecameOverdue o) {
        cases.get(o.id().value()).flagged = true;
      } else if (e instanceof CaseDecided d) {
        cases.get(d.id().value()).decided = d.at();
      } else if (e instanceof ServiceRequestWithdrawn w) {
        cases.get(w.id().value()).withdrawn = w.at();
      }
    }
    return cases;
  }

  private static void resumed(RawCase c, Instant at) {
    Duration waited = Duration.between(c.askedAt, at);
    c.waited = c.waited.plus(waited);
    c.due = c.due.plus(waited);
    c.askedAt = null;
  }

  private static JsonNode count(long n) {
    return n < 5 ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.numberNode(n);
  }

  private static JsonNode decimal(BigDecimal value) {
    return value == null
        ? JsonNodeFactory.instance.nullNode()
        : JsonNodeFactory.instance.numberNode(value.doubleValue());
  }

  /** The value at rank ⌈p·n/100⌉ of the sorted processing times, in days to one decimal. */
  private static JsonNode percentile(List<Long> sortedMillis, int p) {
    if (sortedMillis.size() < 5) {
      return JsonNodeFactory.instance.nullNode();
    }
    int rank = (int) Math.ceil(p * sortedMillis.size() / 100.0);
    if (rank == sortedMillis.size()) {
      return JsonNodeFactory.instance.nullNode(); // the slowest case's own time
    }
    return decimal(
        BigDecimal.valueOf(sortedMillis.get(rank - 1))
            .divide(BigDecimal.valueOf(86_400_000L), 1, RoundingMode.HALF_UP));
  }

  private static JsonNode share(long part, long whole) {
    return whole < 5
        ? JsonNodeFactory.instance.nullNode()
        : decimal(
            BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP));
  }

  private static String month(Instant at) {
    return YearMonth.from(at.atZone(BERLIN)).toString();
  }

  /** The rows per key and month and the backlog per key, as the endpoint must answer them. */
  private static ObjectNode expectedCases(
      Map<String, RawCase> cases, boolean byDepartment, Map<String, String> names) {
    Map<String, Map<String, long[]>> counts = new TreeMap<>();
    Map<String, Map<String, List<RawCase>>> decided = new TreeMap<>();
    Map<String, long[]> backlog = new TreeMap<>();
    for (RawCase c : cases.values()) {
      String submittedKey = byDepartment ? c.submittedTo : c.service;
      String handlingKey = byDepartment ? c.department : c.service;
      counts.computeIfAbsent(submittedKey, k -> new TreeMap<>())
          .computeIfAbsent(month(c.submitted), m -> new long[2])[0]++;
      if (c.withdrawn != null) {
        counts.computeIfAbsent(handlingKey, k -> new TreeMap<>())
            .computeIfAbsent(month(c.withdrawn), m -> new long[2])[1]++;
      }
      if (c.decided != null) {
        counts
            .computeIfAbsent(handlingKey, k -> new TreeMap<>())
            .computeIfAbsent(month(c.decided), m -> new long[2]);
        decided
            .computeIfAbsent(handlingKey, k -> new TreeMap<>())
            .computeIfAbsent(month(c.decided), m -> new ArrayList<>())
            .add(c);
      }
      long[] open = backlog.computeIfAbsent(handlingKey, k -> new long[2]);
      if (c.decided == null && c.withdrawn == null) {
        open[0]++;
        if (c.flagged) {
          open[1]++;
        }
      }
    }
    String keyName = byDepartment ? "department" : "service";
    ArrayNode months = JsonNodeFactory.instance.arrayNode();
    counts.forEach(
        (key, byMonth) ->
            byMonth.forEach(
                (month, n) -> {
                  List<RawCase> done =
                      decided.getOrDefault(key, Map.of()).getOrDefault(month, List.of());
                  List<Long> times = new ArrayList<>();
                  long inTime = 0;
                  for (RawCase c : done) {
                    times.add(Duration.between(c.submitted, c.decided).minus(c.waited).toMillis());
                    inTime += c.decided.isAfter(c.due) ? 0 : 1;
                  }
                  times.sort(null);
                  if (n[0] < 5 && n[1] < 5 && done.size() < 5) {
                    return; // every count withheld: no row, as for a month without cases
                  }
                  ObjectNode row = months.addObject().put(keyName, key);
                  if (!byDepartment) {
                    row.put("serviceName", names.get(key));
                  }
                  row.put("month", month);
                  row.set("submitted", count(n[0]));
                  row.set("decided", count(done.size()));
                  row.set("withdrawn", count(n[1]));
                  row.set("medianDays", percentile(times, 50));
                  row.set("p90Days", percentile(times, 90));
                  row.set("decidedInTimeShare", share(inTime, done.size()));
                }));
    ArrayNode open = JsonNodeFactory.instance.arrayNode();
    backlog.forEach(
        (key, n) -> {
          ObjectNode row = open.addObject().put(keyName, key);
          if (!byDepartment) {
            row.put("serviceName", names.get(key));
          }
          row.set("open", count(n[0]));
          row.set("overdue", count(n[1]));
        });
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    answer.set("months", months);
    answer.set("open", open);
    return answer;
  }

  /** Participation as the raw events tell it, in the order they were stored. */
  private static ObjectNode expectedParticipation(List<Object> history) {
    Map<String, ConsultationContent> content = new HashMap<>();
    Set<String> opened = new LinkedHashSet<>();
    Map<String, String> consultationOf = new HashMap<>();
    Set<String> items = new LinkedHashSet<>();
    Map<String, Long> comments = new HashMap<>();
    Map<String, Integer> standing = new HashMap<>();
    Map<String, Boolean> supportStands = new HashMap<>();
    Map<String, Instant> due = new HashMap<>();
    Map<String, Instant> firstAnswer = new HashMap<>();
    Map<String, Integer> stars = new HashMap<>();
    Map<String, String> ratedItem = new HashMap<>();
    Map<String, String> supportOf = new HashMap<>();
    for (Object e : history) {
      if (e instanceof ConsultationDrafted d) {
        content.put(d.id().value(), d.content());
      } else if (e instanceof ConsultationOpened o) {
        opened.add(o.id().value());
      } else if (e instanceof ProposalSubmitted p) {
        consultationOf.put(p.id().value(), p.consultation().value());
      } else if (e instanceof FeedbackItemPutUp i) {
        consultationOf.put(i.id().value(), i.consultation().value());
        items.add(i.id().value());
      } else if (e instanceof CommentPosted c) {
        comments.merge(c.id().value(), 1L, Long::sum);
      } else if (e instanceof ProposalSupported s) {
        String proposal = s.proposal().value();
        supportOf.put(s.id().value(), proposal);
        supportStands.put(s.id().value(), true);
        int now = standing.merge(proposal, 1, Integer::sum);
        if (now >= 3 && !due.containsKey(proposal)) {
          due.put(proposal, s.at().plus(Duration.ofDays(14)));
        }
      } else if (e instanceof ProposalSupportWithdrawn w) {
        supportStands.put(w.id().value(), false);
        standing.merge(w.proposal().value(), -1, Integer::sum);
      } else if (e instanceof ProposalAnswered a) {
        firstAnswer.putIfAbsent(a.id().value(), a.at());
      } else if (e instanceof ItemRated r) {
        stars.put(r.id().value(), r.stars());
        ratedItem.put(r.id().value(), r.item().value());
      } else if (e instanceof RatingChanged r) {
        stars.put(r.id().value(), r.stars());
      }
    }
    // scope → [consultations, proposals, items, supports, comments, answered, withDeadline,
    // answeredInTime, ratings, stars]
    Map<String, long[]> scopes = new TreeMap<>();
    Map<String, List<String>> scopesOf = new HashMap<>();
    for (String c : opened) {
      List<String> of = new ArrayList<>();
      of.add("all:");
      of.add("action-field:" + content.get(c).actionField().value());
      for (SustainabilityGoal goal : content.get(c).sustainabilityGoals()) {
        of.add("goal:" + String.format("%02d", goal.number()));
      }
      scopesOf.put(c, of);
      for (String s : of) {
        scopes.computeIfAbsent(s, k -> new long[10])[0]++;
      }
    }
    for (Map.Entry<String, String> p : consultationOf.entrySet()) {
      List<String> of = scopesOf.get(p.getValue());
      if (of == null) {
        continue;
      }
      String id = p.getKey();
      for (String s : of) {
        long[] t = scopes.get(s);
        t[4] += comments.getOrDefault(id, 0L);
        if (items.contains(id)) {
          t[2]++;
          for (Map.Entry<String, String> r : ratedItem.entrySet()) {
            if (r.getValue().equals(id)) {
              t[8]++;
              t[9] += stars.get(r.getKey());
            }
          }
          continue;
        }
        t[1]++;
        for (Map.Entry<String, String> s2 : supportOf.entrySet()) {
          if (s2.getValue().equals(id) && supportStands.get(s2.getKey())) {
            t[3]++;
          }
        }
        Instant answer = firstAnswer.get(id);
        t[5] += answer == null ? 0 : 1;
        if (due.containsKey(id)) {
          t[6]++;
          t[7] += answer != null && !answer.isAfter(due.get(id)) ? 1 : 0;
        }
      }
    }
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    ArrayNode fields = answer.putArray("actionFields");
    ArrayNode goalRows = answer.putArray("goals");
    scopes.forEach(
        (scope, t) -> {
          String kind = scope.substring(0, scope.indexOf(':'));
          String key = scope.substring(scope.indexOf(':') + 1);
          ObjectNode row = JsonNodeFactory.instance.objectNode();
          row.put("scope", kind);
          if (kind.equals("all")) {
            row.putNull("key");
          } else {
            row.put("key", kind.equals("goal") ? String.valueOf(Integer.parseInt(key)) : key);
          }
          row.put("consultations", t[0]);
          row.set("proposals", count(t[1]));
          row.put("feedbackItems", t[2]);
          row.set("supports", count(t[3]));
          row.set("comments", count(t[4]));
          row.set("answeredShare", share(t[5], t[1]));
          row.set("answeredInTimeShare", share(t[7], t[6]));
          row.set("ratings", count(t[8]));
          row.set(
              "averageRating",
              t[8] < 5
                  ? JsonNodeFactory.instance.nullNode()
                  : decimal(
                      BigDecimal.valueOf(t[9])
                          .divide(BigDecimal.valueOf(t[8]), 2, RoundingMode.HALF_UP)));
          switch (kind) {
            case "all" -> answer.set("overall", row);
            case "action-field" -> fields.add(row);
            default -> goalRows.add(row);
          }
        });
    return answer;
  }

  private static Map<String, String> names() {
    return Map.of(
        "meldebescheinigung",
        "Meldebescheinigung",
        FORMULA_SERVICE,
        "=HYPERLINK(\"http://example.org\")");
  }

  /** Asks until the answer equals the expected one (the read models catch up), then compares. */
  private void answersAsRecomputed(String path, JsonNode expected) throws InterruptedException {
    JsonNode actual = null;
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < until) {
      actual = normalised(client.get(path).expect(200));
      if (actual.equals(expected)) {
        return;
      }
      Thread.sleep(200);
    }
    assertThat(actual.toPrettyString()).isEqualTo(expected.toPrettyString());
  }

  /** Numbers as doubles, so that 0.500 and 0.5 compare equal. */
  private static JsonNode normalised(JsonNode node) {
    try {
      return new ObjectMapper().readTree(node.toString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // --- the comparisons

  @Test
  void everyFigurePerServiceEqualsTheOneRecomputedFromTheRawEvents() throws Exception {
    Map<String, RawCase> cases = cases(history());
    assertThat(cases).hasSizeGreaterThanOrEqualTo(CASES);
    JsonNode expected = expectedCases(cases, false, withNames(cases));
    assertThat(expected.path("months").size()).isGreaterThan(20);

    answersAsRecomputed("/api/v1/statistics/services", normalised(expected));
  }

  @Test
  void everyFigurePerDepartmentEqualsTheOneRecomputedFromTheRawEvents() throws Exception {
    JsonNode expected = expectedCases(cases(history()), true, Map.of());

    answersAsRecomputed("/api/v1/statistics/departments", normalised(expected));
  }

  @Test
  void everyParticipationFigureEqualsTheOneRecomputedFromTheRawEvents() throws Exception {
    ObjectNode expected = expectedParticipation(history());
    // the goals sort by number: 4, 9, 11, 13
    assertThat(expected.path("goals").findValuesAsText("key"))
        .containsExactly("4", "9", "11", "13");

    answersAsRecomputed("/api/v1/statistics/participation", normalised(expected));
  }

  private static Map<String, String> withNames(Map<String, RawCase> cases) {
    Map<String, String> names = new HashMap<>();
    for (RawCase c : cases.values()) {
      names.put(c.service, names().get(c.service));
    }
    return names;
  }

  @Test
  void theFiltersKeepTheMonthsAndTheServiceAskedFor() throws Exception {
    JsonNode all = normalised(expectedCases(cases(history()), false, withNames(cases(history()))));
    answersAsRecomputed("/api/v1/statistics/services", all);
    JsonNode april =
        client
            .get("/api/v1/statistics/services?from=2026-04&to=2026-04&service=statistik-a")
            .expect(200);
    assertThat(april.path("months").findValuesAsText("month")).containsOnly("2026-04");
    assertThat(april.path("open").findValuesAsText("service")).containsOnly("statistik-a");
  }

  // --- CSV and the catalogue

  @Test
  void aDatasetDownloadsAsCsvWithWithheldCellsEmptyAndFormulasDefused() throws Exception {
    answersAsRecomputed(
        "/api/v1/statistics/services",
        normalised(expectedCases(cases(history()), false, withNames(cases(history())))));
    Response csv = client.get("/api/v1/open-data/services-monthly.csv").send().expect(200);

    assertThat(csv.header("Content-Type").orElseThrow()).startsWith("text/csv");
    List<String> lines = csv.body().lines().toList();
    assertThat(csv.body()).contains("\r\n");
    assertThat(lines.get(0))
        .isEqualTo(
            "service,service_name,month,submitted,decided,withdrawn,median_days,p90_days,"
                + "decided_in_time_share");
    assertThat(lines)
        .anyMatch(
            l -> l.startsWith(FORMULA_SERVICE + ",\"'=HYPERLINK(\"\"http://example.org\"\")\","));
    // the rare service has fewer than 5 cases a month: every count would be withheld, so it has
    // no row at all (a row would tell one case from none); withheld cells elsewhere are empty
    assertThat(lines.stream().filter(l -> l.startsWith("statistik-selten,"))).isEmpty();
    assertThat(lines.stream().skip(1)).anyMatch(l -> l.contains(",,"));
  }

  @Test
  void everyDatasetDownloadsAsCsv() {
    for (String dataset :
        List.of(
            "services-monthly",
            "services-open",
            "departments-monthly",
            "departments-open",
            "participation")) {
      Response csv = client.get("/api/v1/open-data/" + dataset + ".csv").send().expect(200);
      assertThat(csv.body()).as(dataset).contains("\r\n");
    }
  }

  @Test
  void theCatalogueDescribesEveryDatasetInTheStyleOfDcatApDe() {
    JsonNode catalogue = client.get("/api/v1/open-data").expect(200);

    assertThat(catalogue.path("@type").asText()).isEqualTo("dcat:Catalog");
    JsonNode datasets = catalogue.path("dataset");
    assertThat(datasets.findValuesAsText("identifier"))
        .containsExactly(
            "services-monthly",
            "services-open",
            "departments-monthly",
            "departments-open",
            "participation");
    for (JsonNode dataset : datasets) {
      assertThat(dataset.path("title").path("de").asText()).isNotBlank();
      assertThat(dataset.path("title").path("en").asText()).isNotBlank();
      assertThat(dataset.path("description").path("de").asText()).isNotBlank();
      assertThat(dataset.path("description").path("en").asText()).isNotBlank();
      assertThat(dataset.path("license").asText())
          .isEqualTo("http://dcat-ap.de/def/licenses/dl-by-de/2.0");
      assertThat(dataset.path("publisher").path("name").asText()).isNotBlank();
      assertThat(dataset.path("temporal").path("startDate").asText())
          .matches("\\d{4}-\\d{2}-\\d{2}");
      assertThat(dataset.path("modified").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
      assertThat(dataset.path("distribution").findValuesAsText("format"))
          .containsExactly("JSON", "CSV");
      for (JsonNode distribution : dataset.path("distribution")) {
        String url = distribution.path("downloadURL").asText();
        assertThat(url).startsWith("http://");
        String path = url.substring(url.indexOf("/api/"));
        client.get(path).send().expect(200);
      }
    }
    assertThat(datasets.get(0).path("temporal").path("startDate").asText()).isEqualTo("2026-01-01");
  }

  // --- refusals

  @Test
  void anUnknownDatasetIsA404Problem() {
    Response answer = client.get("/api/v1/open-data/nothing.csv").send();

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.isProblem()).isTrue();
  }

  @Test
  void badFiltersAre400ProblemsNamingTheField() {
    for (String[] bad :
        new String[][] {
          {"/api/v1/statistics/services?from=2026-13", "from"},
          {"/api/v1/statistics/services?from=March", "from"},
          {"/api/v1/statistics/services?to=26-01", "to"},
          {"/api/v1/statistics/services?from=2026-05&to=2026-04", "to"},
          {"/api/v1/statistics/services?service=Melde%20Bescheinigung", "service"},
          {"/api/v1/statistics/departments?department=-", "department"},
          {"/api/v1/open-data/services-monthly.csv?from=x", "from"},
          {"/api/v1/open-data/departments-open.csv?department=A", "department"}
        }) {
      Response answer = client.get(bad[0]).send();
      assertThat(answer.status()).as(bad[0]).isEqualTo(400);
      assertThat(answer.isProblem()).as(bad[0]).isTrue();
      assertThat(answer.json().path("errors").findValuesAsText("field"))
          .as(bad[0])
          .containsExactly(bad[1]);
    }
  }

  @Test
  void askingAStatisticForCsvIs406PointingToTheDownloads() {
    Response answer = client.get("/api/v1/statistics/services").header("Accept", "text/csv").send();

    assertThat(answer.status()).isEqualTo(406);
    assertThat(answer.isProblem()).isTrue();
  }
}
