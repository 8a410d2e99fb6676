package de.rathaus.api.shared;

import static de.rathaus.api.shared.EndpointAccessIT.Caller.ADA;
import static de.rathaus.api.shared.EndpointAccessIT.Caller.ANNA;
import static de.rathaus.api.shared.EndpointAccessIT.Caller.ANONYMOUS;
import static de.rathaus.api.shared.EndpointAccessIT.Caller.BEN;
import static de.rathaus.api.shared.EndpointAccessIT.Caller.CARL;
import static de.rathaus.api.shared.EndpointAccessIT.Caller.CLARA;
import static de.rathaus.api.shared.EndpointAccessIT.Caller.MONA;
import static de.rathaus.api.shared.EndpointAccessIT.Caller.OTTO;
import static de.rathaus.api.shared.EndpointAccessIT.Caller.UDO;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.TestClient;
import de.rathaus.api.TestClient.Call;
import de.rathaus.api.TestClient.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every endpoint of the API, called by every kind of caller, answers exactly the status it must
 * (docs/design.md section 6): public reads 200 for everyone; everything else 401 (a problem) for
 * anonymous callers and 403 for the wrong role; a citizen on another citizen's request and a clerk
 * on another department's case 404, so ids leak nothing; the right caller succeeds (the target of
 * each row is in a state where the action is allowed, except where a row names the refusing state).
 *
 * <p>One row per endpoint and caller ({@link #ROWS}), one test per row; a failure names both. Each
 * row that may change its target (every row the resource itself answers: 2xx, 404, 409) gets a new
 * one (a new request in the state it needs, a new draft service); rows refused for the caller alone
 * (401, 403) share one per endpoint. So no row depends on another or on their order, and they are
 * called a few at a time. {@link #everyEndpointIsWalkedByEveryCaller()} keeps the table complete,
 * and {@link #everyOperationOfTheApiIsInTheTable()} keeps it in step with the API's OpenAPI
 * description.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// metrics are exported as the engine exports them (Spring Boot's tests turn that off)
@AutoConfigureObservability(tracing = false)
// the tests' Open311 client has an API key
@org.springframework.context.annotation.Import(de.rathaus.api.open311.Open311TestKeys.class)
class EndpointAccessIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
  }

  /** Who calls: nobody signed in, or one of the demo accounts. */
  enum Caller {
    ANONYMOUS(null),
    /** citizen */
    ANNA("anna"),
    /** citizen */
    BEN("ben"),
    /** clerk, buergeramt */
    CLARA("clara"),
    /** clerk, ordnungsamt */
    CARL("carl"),
    /** moderator */
    MONA("mona"),
    /** auditor */
    UDO("udo"),
    /** admin */
    ADA("ada"),
    /** operator: the metrics only */
    OTTO("otto");

    final String user;

    Caller(String user) {
      this.user = user;
    }

    @Override
    public String toString() {
      return user == null ? "anonymous" : user;
    }
  }

  /**
   * What a row acts on; {@link #make(Target)} makes it and answers its id or code. Rows refused for
   * their caller alone (401, 403) share one target per endpoint, as the refusal must not depend on
   * it; every other row gets a new one, as it may change it (see {@link #callAll()}).
   */
  enum Target {
    /** nothing: the path names no item */
    NONE,
    /** a service code not taken yet */
    NEW_SERVICE_CODE,
    /** a draft service, never published */
    DRAFT_SERVICE,
    /** a service published as version 1 */
    PUBLISHED_SERVICE,
    /** a department code not taken yet */
    NEW_DEPARTMENT_CODE,
    /** an active department */
    ACTIVE_DEPARTMENT,
    /** an action field code not taken yet */
    NEW_ACTION_FIELD_CODE,
    /** an active action field */
    ACTIVE_ACTION_FIELD,
    /** a consultation drafted by ada, not open yet */
    DRAFT_CONSULTATION,
    /** a consultation ada drafted and opened */
    OPEN_CONSULTATION,
    /** anna's proposal in an open consultation */
    ANNAS_PROPOSAL,
    // supports
    /** a feedback consultation ada drafted and opened */
    OPEN_FEEDBACK_CONSULTATION,
    /** an item ada put up in an open feedback consultation */
    FEEDBACK_ITEM,
    /** an item ada put up in a feedback consultation she has not opened yet */
    DRAFT_FEEDBACK_ITEM,
    /** anna's request (a buergeramt service) that the rows only read: one for all of them */
    ANNAS_REQUEST_TO_READ,
    /** anna's request (a buergeramt service): SUBMITTED */
    SUBMITTED,
    /** ... assigned to clara: IN_PROGRESS */
    IN_PROGRESS,
    /** ... with a question of clara's open: WAITING_FOR_APPLICANT */
    WAITING_FOR_APPLICANT,
    /** the same, named as "request id/question id" */
    OPEN_QUESTION,
    /** ... approved by clara: DECIDED */
    DECIDED,
    /** a data subject id nobody has */
    UNKNOWN_SUBJECT,
    // attachments
    /** anna's request (SUBMITTED) with a document of hers, named as "request id/attachment id" */
    ATTACHED,
    // objection
    /** ... decided, then objected to by anna: OBJECTION_PENDING */
    OBJECTION_PENDING,
    // rebuild
    /** the name of a read model, another one for each row that rebuilds it */
    READ_MODEL,
    /** an Open311 API key ada issued, not revoked */
    OPEN311_KEY,
    /** a report submitted through Open311: its case number */
    OPEN311_REPORT,
    /** an application submitted through Open311 (batch): its token */
    OPEN311_TOKEN
  }

  /**
   * An endpoint as the table calls it.
   *
   * @param name method, path template and, in brackets, the target the rows act on
   * @param operation method and path template as the OpenAPI description names it ({@code null} for
   *     resources outside it: health and the description itself)
   * @param target what the rows act on
   * @param request the request on the target (its id or code), without credentials
   */
  record Endpoint(
      String name, String operation, Target target, BiFunction<TestClient, String, Call> request) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** One cell of the table: this endpoint, called by this caller, answers this status. */
  record Row(Endpoint endpoint, Caller caller, int status) {

    /** Refused for who calls, before the resource looks at the target. */
    boolean refusedForTheCaller() {
      return status == 401 || status == 403;
    }

    @Override
    public String toString() {
      return endpoint + " as " + caller + " → " + status;
    }
  }

  private static Row row(Endpoint endpoint, Caller caller, int status) {
    return new Row(endpoint, caller, status);
  }

  // --- bodies

  private static final String CERTIFICATE =
      """
      {"serviceCode": "meldebescheinigung",
       "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber", "delivery": "post", "copies": 1},
       "applicant": {"name": "Anna Beispiel", "email": "anna@example.org"}}
      """;
  private static final String QUESTION =
      "{\"question\": \"Für welchen Arbeitgeber?\", \"dueDate\": \""
          + LocalDate.now().plusDays(14)
          + "\"}";
  private static final String DECISION =
      "{\"outcome\": \"approved\", \"reasoning\": \"Angaben vollständig\","
          + " \"legalBasis\": \"§ 18 BMG\"}";

  private static String service(String code, String name) {
    return """
        {"code": "%s", "name": {"de": "%s", "en": "Access test"},
         "description": {"de": "Für den Zugriffstest", "en": "For the access test"},
         "department": "buergeramt", "group": "Test", "kind": "request", "fee": 0,
         "processingDays": 10,
         "attributes": [{"code": "zweck", "datatype": "string", "required": true, "order": 1,
                         "description": {"de": "Zweck", "en": "Purpose"}}]}
        """
        .formatted(code, name);
  }

  private static String department(String code, String name) {
    return """
        {"code": "%s", "name": {"de": "%s", "en": "Access test office"}}
        """
        .formatted(code, name);
  }

  private static String actionField(String code, String name) {
    return """
        {"code": "%s", "name": {"de": "%s", "en": "Access test field"}}
        """
        .formatted(code, name);
  }

  private static String consultation() {
    java.time.Instant opens = java.time.Instant.now().plus(Duration.ofDays(1));
    return """
        {"title": {"de": "Zugriffstest", "en": "Access test"},
         "description": {"de": "Für den Zugriffstest", "en": "For the access test"},
         "actionField": "mobilitaet", "sustainabilityGoals": [11], "format": "IDEAS",
         "opensAt": "%s", "closesAt": "%s"}
        """
        .formatted(opens, opens.plus(Duration.ofDays(14)));
  }

  // --- public reads

  static final Endpoint HEALTH =
      new Endpoint(
          "GET /actuator/health", null, Target.NONE, (c, none) -> c.get("/actuator/health"));
  static final Endpoint PROMETHEUS =
      new Endpoint(
          "GET /actuator/prometheus",
          null,
          Target.NONE,
          (c, none) -> c.get("/actuator/prometheus"));
  static final Endpoint API_DOCS =
      new Endpoint("GET /v3/api-docs", null, Target.NONE, (c, none) -> c.get("/v3/api-docs"));
  static final Endpoint SERVICES =
      new Endpoint(
          "GET /api/v1/services",
          "GET /api/v1/services",
          Target.NONE,
          (c, none) -> c.get("/api/v1/services"));
  static final Endpoint SERVICE =
      new Endpoint(
          "GET /api/v1/services/{code} [meldebescheinigung]",
          "GET /api/v1/services/{code}",
          Target.NONE,
          (c, none) -> c.get("/api/v1/services/meldebescheinigung"));

  // --- the catalogue: admin

  static final Endpoint DRAFT_SERVICE =
      new Endpoint(
          "POST /api/v1/services [a new code]",
          "POST /api/v1/services",
          Target.NEW_SERVICE_CODE,
          (c, code) -> c.post("/api/v1/services").json(service(code, "Zugriffstest")));
  static final Endpoint REVISE_SERVICE =
      new Endpoint(
          "PUT /api/v1/services/{code} [a draft]",
          "PUT /api/v1/services/{code}",
          Target.DRAFT_SERVICE,
          (c, code) -> c.put("/api/v1/services/" + code).json(service(code, "Überarbeitet")));
  static final Endpoint PUBLISH_SERVICE =
      new Endpoint(
          "POST /api/v1/services/{code}/publication [a draft]",
          "POST /api/v1/services/{code}/publication",
          Target.DRAFT_SERVICE,
          (c, code) -> c.post("/api/v1/services/" + code + "/publication"));
  static final Endpoint RETIRE_SERVICE =
      new Endpoint(
          "POST /api/v1/services/{code}/retirement [a published service]",
          "POST /api/v1/services/{code}/retirement",
          Target.PUBLISHED_SERVICE,
          (c, code) ->
              c.post("/api/v1/services/" + code + "/retirement")
                  .json("{\"reason\": \"Zugriffstest\"}"));

  // --- departments: public reads, admin changes

  static final Endpoint DEPARTMENTS =
      new Endpoint(
          "GET /api/v1/departments",
          "GET /api/v1/departments",
          Target.NONE,
          (c, none) -> c.get("/api/v1/departments"));
  static final Endpoint DEPARTMENT =
      new Endpoint(
          "GET /api/v1/departments/{code} [buergeramt]",
          "GET /api/v1/departments/{code}",
          Target.NONE,
          (c, none) -> c.get("/api/v1/departments/buergeramt"));
  static final Endpoint CREATE_DEPARTMENT =
      new Endpoint(
          "POST /api/v1/departments [a new code]",
          "POST /api/v1/departments",
          Target.NEW_DEPARTMENT_CODE,
          (c, code) -> c.post("/api/v1/departments").json(department(code, "Zugriffsamt")));
  static final Endpoint REVISE_DEPARTMENT =
      new Endpoint(
          "PUT /api/v1/departments/{code} [an active department]",
          "PUT /api/v1/departments/{code}",
          Target.ACTIVE_DEPARTMENT,
          (c, code) ->
              c.put("/api/v1/departments/" + code).json(department(code, "Umbenanntes Amt")));
  static final Endpoint RETIRE_DEPARTMENT =
      new Endpoint(
          "POST /api/v1/departments/{code}/retirement [an active department]",
          "POST /api/v1/departments/{code}/retirement",
          Target.ACTIVE_DEPARTMENT,
          (c, code) ->
              c.post("/api/v1/departments/" + code + "/retirement")
                  .json("{\"reason\": \"Zugriffstest\"}"));

  // --- participation: action fields (public reads, admin changes), sustainability goals (public)

  static final Endpoint ACTION_FIELDS =
      new Endpoint(
          "GET /api/v1/action-fields",
          "GET /api/v1/action-fields",
          Target.NONE,
          (c, none) -> c.get("/api/v1/action-fields"));
  static final Endpoint ACTION_FIELD =
      new Endpoint(
          "GET /api/v1/action-fields/{code} [mobilitaet]",
          "GET /api/v1/action-fields/{code}",
          Target.NONE,
          (c, none) -> c.get("/api/v1/action-fields/mobilitaet"));
  static final Endpoint CREATE_ACTION_FIELD =
      new Endpoint(
          "POST /api/v1/action-fields [a new code]",
          "POST /api/v1/action-fields",
          Target.NEW_ACTION_FIELD_CODE,
          (c, code) -> c.post("/api/v1/action-fields").json(actionField(code, "Zugriffsfeld")));
  static final Endpoint REVISE_ACTION_FIELD =
      new Endpoint(
          "PUT /api/v1/action-fields/{code} [an active action field]",
          "PUT /api/v1/action-fields/{code}",
          Target.ACTIVE_ACTION_FIELD,
          (c, code) ->
              c.put("/api/v1/action-fields/" + code).json(actionField(code, "Umbenanntes Feld")));
  static final Endpoint RETIRE_ACTION_FIELD =
      new Endpoint(
          "POST /api/v1/action-fields/{code}/retirement [an active action field]",
          "POST /api/v1/action-fields/{code}/retirement",
          Target.ACTIVE_ACTION_FIELD,
          (c, code) ->
              c.post("/api/v1/action-fields/" + code + "/retirement")
                  .json("{\"reason\": \"Zugriffstest\"}"));
  static final Endpoint SUSTAINABILITY_GOALS =
      new Endpoint(
          "GET /api/v1/sustainability-goals",
          "GET /api/v1/sustainability-goals",
          Target.NONE,
          (c, none) -> c.get("/api/v1/sustainability-goals"));
  static final Endpoint SUSTAINABILITY_GOAL =
      new Endpoint(
          "GET /api/v1/sustainability-goals/{number} [13]",
          "GET /api/v1/sustainability-goals/{number}",
          Target.NONE,
          (c, none) -> c.get("/api/v1/sustainability-goals/13"));

  // --- participation: consultations (public reads but drafts, admin changes)

  static final Endpoint CONSULTATIONS =
      new Endpoint(
          "GET /api/v1/consultations",
          "GET /api/v1/consultations",
          Target.NONE,
          (c, none) -> c.get("/api/v1/consultations"));
  static final Endpoint CONSULTATION =
      new Endpoint(
          "GET /api/v1/consultations/{id} [an open consultation]",
          "GET /api/v1/consultations/{id}",
          Target.OPEN_CONSULTATION,
          (c, id) -> c.get("/api/v1/consultations/" + id));
  static final Endpoint DRAFT_CONSULTATION_READ =
      new Endpoint(
          "GET /api/v1/consultations/{id} [a draft: admins only]",
          "GET /api/v1/consultations/{id}",
          Target.DRAFT_CONSULTATION,
          (c, id) -> c.get("/api/v1/consultations/" + id));
  static final Endpoint DRAFT_CONSULTATION =
      new Endpoint(
          "POST /api/v1/consultations [mobilitaet]",
          "POST /api/v1/consultations",
          Target.NONE,
          (c, none) -> c.post("/api/v1/consultations").json(consultation()));
  static final Endpoint REVISE_CONSULTATION =
      new Endpoint(
          "PUT /api/v1/consultations/{id} [a draft]",
          "PUT /api/v1/consultations/{id}",
          Target.DRAFT_CONSULTATION,
          (c, id) -> c.put("/api/v1/consultations/" + id).json(consultation()));
  static final Endpoint MOVE_CONSULTATION =
      new Endpoint(
          "POST /api/v1/consultations/{id}/phase [a draft, to OPEN]",
          "POST /api/v1/consultations/{id}/phase",
          Target.DRAFT_CONSULTATION,
          (c, id) ->
              c.post("/api/v1/consultations/" + id + "/phase").json("{\"phase\": \"OPEN\"}"));

  // --- participation: proposals (public reads, citizens propose, authors edit)

  private static final String PROPOSAL =
      "{\"title\": \"Bänke\", \"text\": \"Mehr Bänke\", \"displayName\": \"Anna B.\"}";

  static final Endpoint PROPOSALS =
      new Endpoint(
          "GET /api/v1/consultations/{id}/proposals [an open consultation]",
          "GET /api/v1/consultations/{id}/proposals",
          Target.OPEN_CONSULTATION,
          (c, id) -> c.get("/api/v1/consultations/" + id + "/proposals"));
  static final Endpoint DRAFT_PROPOSALS =
      new Endpoint(
          "GET /api/v1/consultations/{id}/proposals [a draft: admins only]",
          "GET /api/v1/consultations/{id}/proposals",
          Target.DRAFT_CONSULTATION,
          (c, id) -> c.get("/api/v1/consultations/" + id + "/proposals"));
  static final Endpoint SUBMIT_PROPOSAL =
      new Endpoint(
          "POST /api/v1/consultations/{id}/proposals [an open consultation]",
          "POST /api/v1/consultations/{id}/proposals",
          Target.OPEN_CONSULTATION,
          (c, id) -> c.post("/api/v1/consultations/" + id + "/proposals").json(PROPOSAL));
  static final Endpoint PROPOSAL_READ =
      new Endpoint(
          "GET /api/v1/proposals/{id} [anna's]",
          "GET /api/v1/proposals/{id}",
          Target.ANNAS_PROPOSAL,
          (c, id) -> c.get("/api/v1/proposals/" + id));
  static final Endpoint EDIT_PROPOSAL =
      new Endpoint(
          "PUT /api/v1/proposals/{id} [anna's]",
          "PUT /api/v1/proposals/{id}",
          Target.ANNAS_PROPOSAL,
          (c, id) ->
              c.put("/api/v1/proposals/" + id)
                  .json(PROPOSAL.replace("Mehr Bänke", "Mehr Bänke im Schatten")));

  // --- participation: the city's answers (admins) and the results (public but drafts)

  static final Endpoint ANSWER_PROPOSAL =
      new Endpoint(
          "POST /api/v1/proposals/{id}/answer [anna's]",
          "POST /api/v1/proposals/{id}/answer",
          Target.ANNAS_PROPOSAL,
          (c, id) ->
              c.post("/api/v1/proposals/" + id + "/answer")
                  .json("{\"status\": \"ACCEPTED\", \"reasoning\": \"Wird umgesetzt.\"}"));
  static final Endpoint RESULTS =
      new Endpoint(
          "GET /api/v1/consultations/{id}/results [an open consultation]",
          "GET /api/v1/consultations/{id}/results",
          Target.OPEN_CONSULTATION,
          (c, id) -> c.get("/api/v1/consultations/" + id + "/results"));
  static final Endpoint DRAFT_RESULTS =
      new Endpoint(
          "GET /api/v1/consultations/{id}/results [a draft: admins only]",
          "GET /api/v1/consultations/{id}/results",
          Target.DRAFT_CONSULTATION,
          (c, id) -> c.get("/api/v1/consultations/" + id + "/results"));
  // --- participation: comments and moderation (citizens comment, moderators and admins moderate,
  // the log is public but a draft's)

  static final Endpoint COMMENT =
      new Endpoint(
          "POST /api/v1/proposals/{id}/comments [anna's]",
          "POST /api/v1/proposals/{id}/comments",
          Target.ANNAS_PROPOSAL,
          (c, id) ->
              c.post("/api/v1/proposals/" + id + "/comments")
                  .json("{\"text\": \"Gute Idee\", \"displayName\": \"B.\"}"));
  static final Endpoint MODERATE =
      new Endpoint(
          "POST /api/v1/proposals/{id}/moderation [anna's, hide it]",
          "POST /api/v1/proposals/{id}/moderation",
          Target.ANNAS_PROPOSAL,
          (c, id) ->
              c.post("/api/v1/proposals/" + id + "/moderation")
                  .json("{\"action\": \"HIDE\", \"reason\": \"Werbung\"}"));
  static final Endpoint MODERATION_LOG =
      new Endpoint(
          "GET /api/v1/consultations/{id}/moderation-log [an open consultation]",
          "GET /api/v1/consultations/{id}/moderation-log",
          Target.OPEN_CONSULTATION,
          (c, id) -> c.get("/api/v1/consultations/" + id + "/moderation-log"));
  static final Endpoint DRAFT_MODERATION_LOG =
      new Endpoint(
          "GET /api/v1/consultations/{id}/moderation-log [a draft: admins only]",
          "GET /api/v1/consultations/{id}/moderation-log",
          Target.DRAFT_CONSULTATION,
          (c, id) -> c.get("/api/v1/consultations/" + id + "/moderation-log"));
  // --- participation: supports, feedback items, ratings

  private static final String ITEM =
      "{\"title\": \"Parkbank\", \"text\": \"Mit Solarzelle\", \"displayName\": \"Stadt\"}";

  static final Endpoint PROPOSALS_BY_SUPPORTS =
      new Endpoint(
          "GET /api/v1/consultations/{id}/proposals?sort=supports [an open consultation]",
          "GET /api/v1/consultations/{id}/proposals",
          Target.OPEN_CONSULTATION,
          (c, id) -> c.get("/api/v1/consultations/" + id + "/proposals?sort=supports"));
  static final Endpoint PUT_UP_ITEM =
      new Endpoint(
          "POST /api/v1/consultations/{id}/proposals [an open feedback consultation]",
          "POST /api/v1/consultations/{id}/proposals",
          Target.OPEN_FEEDBACK_CONSULTATION,
          (c, id) -> c.post("/api/v1/consultations/" + id + "/proposals").json(ITEM));
  static final Endpoint SUPPORT =
      new Endpoint(
          "PUT /api/v1/proposals/{id}/support [anna's]",
          "PUT /api/v1/proposals/{id}/support",
          Target.ANNAS_PROPOSAL,
          (c, id) -> c.put("/api/v1/proposals/" + id + "/support"));
  static final Endpoint WITHDRAW_SUPPORT =
      new Endpoint(
          "DELETE /api/v1/proposals/{id}/support [anna's]",
          "DELETE /api/v1/proposals/{id}/support",
          Target.ANNAS_PROPOSAL,
          (c, id) -> c.delete("/api/v1/proposals/" + id + "/support"));
  static final Endpoint DRAFT_ITEM_READ =
      new Endpoint(
          "GET /api/v1/proposals/{id} [an item of a draft feedback consultation: admins only]",
          "GET /api/v1/proposals/{id}",
          Target.DRAFT_FEEDBACK_ITEM,
          (c, id) -> c.get("/api/v1/proposals/" + id));
  static final Endpoint RATE =
      new Endpoint(
          "PUT /api/v1/proposals/{id}/rating [an item of an open feedback consultation]",
          "PUT /api/v1/proposals/{id}/rating",
          Target.FEEDBACK_ITEM,
          (c, id) -> c.put("/api/v1/proposals/" + id + "/rating").json("{\"stars\": 4}"));

  // --- requests: citizens, their own only (the target is anna's)

  static final Endpoint SUBMIT =
      new Endpoint(
          "POST /api/v1/requests [meldebescheinigung]",
          "POST /api/v1/requests",
          Target.NONE,
          (c, none) -> c.post("/api/v1/requests").json(CERTIFICATE));
  static final Endpoint MY_REQUESTS =
      new Endpoint(
          "GET /api/v1/requests",
          "GET /api/v1/requests",
          Target.NONE,
          (c, none) -> c.get("/api/v1/requests"));
  static final Endpoint MY_REQUEST =
      new Endpoint(
          "GET /api/v1/requests/{id} [anna's request]",
          "GET /api/v1/requests/{id}",
          Target.ANNAS_REQUEST_TO_READ,
          (c, id) -> c.get("/api/v1/requests/" + id));
  static final Endpoint ANSWER =
      new Endpoint(
          "POST /api/v1/requests/{id}/answers [anna's request, waiting for her answer]",
          "POST /api/v1/requests/{id}/answers",
          Target.WAITING_FOR_APPLICANT,
          (c, id) ->
              c.post("/api/v1/requests/" + id + "/answers").json("{\"text\": \"Firma Beispiel\"}"));
  static final Endpoint WITHDRAW =
      new Endpoint(
          "POST /api/v1/requests/{id}/withdrawal [anna's request, submitted]",
          "POST /api/v1/requests/{id}/withdrawal",
          Target.SUBMITTED,
          (c, id) ->
              c.post("/api/v1/requests/" + id + "/withdrawal")
                  .json("{\"reason\": \"nicht mehr nötig\"}"));

  // documents of a request, its applicant's and its department's clerks'

  /** A multipart body with a small PDF in part {@code file}, and a purpose if given. */
  static TestClient.Call withDocument(TestClient.Call call, String purpose) {
    String boundary = "----rathaus-access";
    StringBuilder body = new StringBuilder();
    if (purpose != null) {
      body.append("--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n")
          .append(purpose)
          .append("\r\n");
    }
    body.append(
            "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Nachweis.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n")
        .append("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n\r\n")
        .append("--" + boundary + "--\r\n");
    return call.bytes(
        body.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
        "multipart/form-data; boundary=" + boundary);
  }

  static final Endpoint UPLOAD =
      new Endpoint(
          "POST /api/v1/requests/{id}/attachments [anna's request, submitted]",
          "POST /api/v1/requests/{id}/attachments",
          Target.SUBMITTED,
          (c, id) -> withDocument(c.post("/api/v1/requests/" + id + "/attachments"), null));
  static final Endpoint UPLOAD_LETTER =
      new Endpoint(
          "POST /api/v1/requests/{id}/attachments [a decision letter to anna's decided request]",
          "POST /api/v1/requests/{id}/attachments",
          Target.DECIDED,
          (c, id) ->
              withDocument(c.post("/api/v1/requests/" + id + "/attachments"), "decision_letter"));
  static final Endpoint ATTACHMENTS =
      new Endpoint(
          "GET /api/v1/requests/{id}/attachments [anna's request with a document]",
          "GET /api/v1/requests/{id}/attachments",
          Target.ATTACHED,
          (c, attached) ->
              c.get(
                  "/api/v1/requests/"
                      + attached.substring(0, attached.indexOf('/'))
                      + "/attachments"));
  static final Endpoint ATTACHMENT =
      new Endpoint(
          "GET /api/v1/requests/{id}/attachments/{attachmentId} [anna's document]",
          "GET /api/v1/requests/{id}/attachments/{attachmentId}",
          Target.ATTACHED,
          (c, attached) -> c.get("/api/v1/requests/" + attached.replace("/", "/attachments/")));

  // --- cases: clerks, their own department only (the target is a buergeramt case)

  static final Endpoint QUEUE =
      new Endpoint(
          "GET /api/v1/cases",
          "GET /api/v1/cases",
          Target.NONE,
          (c, none) -> c.get("/api/v1/cases"));
  static final Endpoint QUEUE_FILTERED =
      new Endpoint(
          "GET /api/v1/cases?status=IN_PROGRESS&assignee=clara&overdue=true",
          "GET /api/v1/cases",
          Target.NONE,
          (c, none) -> c.get("/api/v1/cases?status=IN_PROGRESS&assignee=clara&overdue=true"));
  // search: by case number and by the applicant's name, own department only
  static final Endpoint QUEUE_SEARCH =
      new Endpoint(
          "GET /api/v1/cases?applicantName=Anna&caseNumber=HN-2026-000001",
          "GET /api/v1/cases",
          Target.NONE,
          (c, none) -> c.get("/api/v1/cases?applicantName=Anna&caseNumber=HN-2026-000001"));
  static final Endpoint CASE =
      new Endpoint(
          "GET /api/v1/cases/{id} [buergeramt case]",
          "GET /api/v1/cases/{id}",
          Target.ANNAS_REQUEST_TO_READ,
          (c, id) -> c.get("/api/v1/cases/" + id));
  static final Endpoint ASSIGN =
      new Endpoint(
          "POST /api/v1/cases/{id}/assignment [buergeramt case, submitted]",
          "POST /api/v1/cases/{id}/assignment",
          Target.SUBMITTED,
          (c, id) ->
              c.post("/api/v1/cases/" + id + "/assignment").json("{\"assignee\": \"clara\"}"));
  static final Endpoint FORWARD =
      new Endpoint(
          "POST /api/v1/cases/{id}/forwarding [buergeramt case, submitted]",
          "POST /api/v1/cases/{id}/forwarding",
          Target.SUBMITTED,
          (c, id) ->
              c.post("/api/v1/cases/" + id + "/forwarding")
                  .json("{\"department\": \"ordnungsamt\", \"reason\": \"zuständig\"}"));
  static final Endpoint REQUEST_INFORMATION =
      new Endpoint(
          "POST /api/v1/cases/{id}/information-requests [buergeramt case, in progress]",
          "POST /api/v1/cases/{id}/information-requests",
          Target.IN_PROGRESS,
          (c, id) -> c.post("/api/v1/cases/" + id + "/information-requests").json(QUESTION));
  static final Endpoint CANCEL_QUESTION =
      new Endpoint(
          "POST /api/v1/cases/{id}/information-requests/{irId}/cancellation [its open question]",
          "POST /api/v1/cases/{id}/information-requests/{irId}/cancellation",
          Target.OPEN_QUESTION,
          (c, question) ->
              c.post(
                      "/api/v1/cases/"
                          + question.replace("/", "/information-requests/")
                          + "/cancellation")
                  .json("{\"reason\": \"kam per Post\"}"));
  static final Endpoint NOTE =
      new Endpoint(
          "POST /api/v1/cases/{id}/notes [buergeramt case, submitted]",
          "POST /api/v1/cases/{id}/notes",
          Target.SUBMITTED,
          (c, id) -> c.post("/api/v1/cases/" + id + "/notes").json("{\"text\": \"intern\"}"));
  static final Endpoint DECIDE =
      new Endpoint(
          "POST /api/v1/cases/{id}/decision [buergeramt case, in progress]",
          "POST /api/v1/cases/{id}/decision",
          Target.IN_PROGRESS,
          (c, id) -> c.post("/api/v1/cases/" + id + "/decision").json(DECISION));
  static final Endpoint CLOSE =
      new Endpoint(
          "POST /api/v1/cases/{id}/closure [buergeramt case, decided]",
          "POST /api/v1/cases/{id}/closure",
          Target.DECIDED,
          (c, id) -> c.post("/api/v1/cases/" + id + "/closure"));
  // objection
  static final String OBJECTION = "{\"reasons\": \"Der Bescheid übersieht etwas\"}";
  static final Endpoint OBJECT =
      new Endpoint(
          "POST /api/v1/requests/{id}/objection [anna's request, decided]",
          "POST /api/v1/requests/{id}/objection",
          Target.DECIDED,
          (c, id) -> c.post("/api/v1/requests/" + id + "/objection").json(OBJECTION));
  static final Endpoint DECIDE_OBJECTION =
      new Endpoint(
          "POST /api/v1/cases/{id}/objection-decision [buergeramt case, objection pending]",
          "POST /api/v1/cases/{id}/objection-decision",
          Target.OBJECTION_PENDING,
          (c, id) ->
              c.post("/api/v1/cases/" + id + "/objection-decision")
                  .json("{\"outcome\": \"OBJECTION_UPHELD\", \"reasoning\": \"Abhilfe\"}"));
  static final Endpoint RECTIFY =
      new Endpoint(
          "PUT /api/v1/requests/{id}/applicant [anna's request, submitted]",
          "PUT /api/v1/requests/{id}/applicant",
          Target.SUBMITTED,
          (c, id) ->
              c.put("/api/v1/requests/" + id + "/applicant")
                  .json("{\"name\": \"Anna Beispiel\", \"email\": \"anna@example.org\"}"));
  static final Endpoint CLOSE_UNDECIDED =
      new Endpoint(
          "POST /api/v1/cases/{id}/closure [buergeramt case, in progress: not decided yet]",
          "POST /api/v1/cases/{id}/closure",
          Target.IN_PROGRESS,
          (c, id) -> c.post("/api/v1/cases/" + id + "/closure"));

  // --- privacy

  static final Endpoint MY_DATA =
      new Endpoint(
          "GET /api/v1/privacy/me",
          "GET /api/v1/privacy/me",
          Target.NONE,
          (c, none) -> c.get("/api/v1/privacy/me"));
  static final Endpoint ERASURE =
      new Endpoint(
          "POST /api/v1/privacy/subjects/{id}/erasure [an unknown subject]",
          "POST /api/v1/privacy/subjects/{id}/erasure",
          Target.UNKNOWN_SUBJECT,
          (c, subject) ->
              c.post("/api/v1/privacy/subjects/" + subject + "/erasure")
                  .json("{\"reason\": \"CONSENT_WITHDRAWN\"}"));

  // --- a citizen's own notification settings

  static final Endpoint NOTIFICATION_SETTINGS =
      new Endpoint(
          "GET /api/v1/privacy/me/notifications",
          "GET /api/v1/privacy/me/notifications",
          Target.NONE,
          (c, none) -> c.get("/api/v1/privacy/me/notifications"));
  static final Endpoint SWITCH_NOTIFICATIONS =
      new Endpoint(
          "PUT /api/v1/privacy/me/notifications [on, as they are]",
          "PUT /api/v1/privacy/me/notifications",
          Target.NONE,
          (c, none) -> c.put("/api/v1/privacy/me/notifications").json("{\"email\": true}"));

  // access log: the citizen's own entries; everyone's for the data-protection
  // officer
  static final Endpoint MY_ACCESS_LOG =
      new Endpoint(
          "GET /api/v1/privacy/me/access-log",
          "GET /api/v1/privacy/me/access-log",
          Target.NONE,
          (c, none) -> c.get("/api/v1/privacy/me/access-log"));
  static final Endpoint ACCESS_LOG =
      new Endpoint(
          "GET /api/v1/privacy/access-log?subject=anna",
          "GET /api/v1/privacy/access-log",
          Target.NONE,
          (c, none) -> c.get("/api/v1/privacy/access-log?subject=anna"));

  // --- audit: the trail and histories, auditors and the data-protection officer

  static final Endpoint AUDIT_EVENTS =
      new Endpoint(
          "GET /api/v1/audit/events",
          "GET /api/v1/audit/events",
          Target.NONE,
          (c, none) -> c.get("/api/v1/audit/events?size=5"));
  static final Endpoint AUDIT_HISTORY =
      new Endpoint(
          "GET /api/v1/audit/aggregates/{id}/history [a submitted request]",
          "GET /api/v1/audit/aggregates/{id}/history",
          Target.SUBMITTED,
          (c, id) -> c.get("/api/v1/audit/aggregates/" + id + "/history"));
  static final Endpoint AUDIT_HISTORY_UNKNOWN =
      new Endpoint(
          "GET /api/v1/audit/aggregates/{id}/history [an unknown id]",
          "GET /api/v1/audit/aggregates/{id}/history",
          Target.UNKNOWN_SUBJECT,
          (c, id) -> c.get("/api/v1/audit/aggregates/" + id + "/history"));

  // --- audit (lead): a view as of a moment, auditors and the data-protection officer

  static final Endpoint AUDIT_STATE =
      new Endpoint(
          "GET /api/v1/audit/aggregates/{id}/state [a submitted request, now]",
          "GET /api/v1/audit/aggregates/{id}/state",
          Target.SUBMITTED,
          (c, id) -> c.get("/api/v1/audit/aggregates/" + id + "/state?asOf=" + Instant.now()));
  static final Endpoint AUDIT_STATE_UNKNOWN =
      new Endpoint(
          "GET /api/v1/audit/aggregates/{id}/state [an unknown id]",
          "GET /api/v1/audit/aggregates/{id}/state",
          Target.UNKNOWN_SUBJECT,
          (c, id) -> c.get("/api/v1/audit/aggregates/" + id + "/state?atPosition=1"));

  // --- statistics and open data (issue 11, stats slice): public reads, nothing to write
  static final Endpoint STATISTICS_SERVICES =
      new Endpoint(
          "GET /api/v1/statistics/services",
          "GET /api/v1/statistics/services",
          Target.NONE,
          (c, none) -> c.get("/api/v1/statistics/services"));
  static final Endpoint STATISTICS_DEPARTMENTS =
      new Endpoint(
          "GET /api/v1/statistics/departments",
          "GET /api/v1/statistics/departments",
          Target.NONE,
          (c, none) -> c.get("/api/v1/statistics/departments"));
  static final Endpoint STATISTICS_PARTICIPATION =
      new Endpoint(
          "GET /api/v1/statistics/participation",
          "GET /api/v1/statistics/participation",
          Target.NONE,
          (c, none) -> c.get("/api/v1/statistics/participation"));
  static final Endpoint OPEN_DATA =
      new Endpoint(
          "GET /api/v1/open-data",
          "GET /api/v1/open-data",
          Target.NONE,
          (c, none) -> c.get("/api/v1/open-data"));
  static final Endpoint OPEN_DATA_CSV =
      new Endpoint(
          "GET /api/v1/open-data/{dataset}.csv [services-monthly]",
          "GET /api/v1/open-data/{dataset}.csv",
          Target.NONE,
          (c, none) -> c.get("/api/v1/open-data/services-monthly.csv"));
  static final Endpoint POST_STATISTICS =
      new Endpoint(
          "POST /api/v1/statistics/services",
          null,
          Target.NONE,
          (c, none) ->
              c.post("/api/v1/statistics/services")
                  .json("{}")
                  .offContract("statistics are read only: a POST is refused"));
  static final Endpoint POST_OPEN_DATA =
      new Endpoint(
          "POST /api/v1/open-data",
          null,
          Target.NONE,
          (c, none) ->
              c.post("/api/v1/open-data")
                  .json("{}")
                  .offContract("open data is read only: a POST is refused"));

  // --- auditors: read models rebuilt by name

  static final Endpoint PROJECTIONS =
      new Endpoint(
          "GET /api/v1/audit/projections",
          "GET /api/v1/audit/projections",
          Target.NONE,
          (c, none) -> c.get("/api/v1/audit/projections"));
  static final Endpoint PROJECTION =
      new Endpoint(
          "GET /api/v1/audit/projections/{name} [case-views]",
          "GET /api/v1/audit/projections/{name}",
          Target.NONE,
          (c, none) -> c.get("/api/v1/audit/projections/case-views"));
  static final Endpoint REBUILD =
      new Endpoint(
          "POST /api/v1/audit/projections/{name}/rebuild [a read model not rebuilding]",
          "POST /api/v1/audit/projections/{name}/rebuild",
          Target.READ_MODEL,
          (c, name) -> c.post("/api/v1/audit/projections/" + name + "/rebuild"));

  // --- tamper evidence: the public log, the auditors' verification, the citizen's receipt

  static final Endpoint CHECKPOINTS =
      new Endpoint(
          "GET /api/v1/audit/checkpoints",
          "GET /api/v1/audit/checkpoints",
          Target.NONE,
          (c, none) -> c.get("/api/v1/audit/checkpoints"));
  static final Endpoint LATEST_CHECKPOINT =
      new Endpoint(
          "GET /api/v1/audit/checkpoints/latest [after the first checkpoint]",
          "GET /api/v1/audit/checkpoints/latest",
          Target.NONE,
          (c, none) -> {
            awaitCheckpoint(c);
            return c.get("/api/v1/audit/checkpoints/latest");
          });
  static final Endpoint INCLUSION_PROOF =
      new Endpoint(
          "GET /api/v1/audit/proofs/inclusion [position 1, the latest checkpoint]",
          "GET /api/v1/audit/proofs/inclusion",
          Target.NONE,
          (c, none) -> {
            awaitCheckpoint(c);
            return c.get("/api/v1/audit/proofs/inclusion?position=1");
          });
  static final Endpoint CONSISTENCY_PROOF =
      new Endpoint(
          "GET /api/v1/audit/proofs/consistency [from 1 to the latest checkpoint]",
          "GET /api/v1/audit/proofs/consistency",
          Target.NONE,
          (c, none) -> {
            awaitCheckpoint(c);
            return c.get("/api/v1/audit/proofs/consistency?from=1");
          });
  static final Endpoint LOG_KEY =
      new Endpoint(
          "GET /.well-known/rathaus-log-key",
          "GET /.well-known/rathaus-log-key",
          Target.NONE,
          (c, none) -> c.get("/.well-known/rathaus-log-key"));
  static final Endpoint VERIFICATION =
      new Endpoint(
          "GET /api/v1/audit/verification",
          "GET /api/v1/audit/verification",
          Target.NONE,
          (c, none) -> c.get("/api/v1/audit/verification"));
  static final Endpoint RECEIPT =
      new Endpoint(
          "GET /api/v1/requests/{id}/receipt [anna's request, covered by a checkpoint]",
          "GET /api/v1/requests/{id}/receipt",
          Target.ANNAS_REQUEST_TO_READ,
          (c, id) -> {
            awaitReceipt(c, id);
            return c.get("/api/v1/requests/" + id + "/receipt");
          });

  // --- the Open311 API keys (admins) and the request updates feed (public)

  static final Endpoint OPEN311_KEYS =
      new Endpoint(
          "GET /api/v1/open311/keys",
          "GET /api/v1/open311/keys",
          Target.NONE,
          (c, none) -> c.get("/api/v1/open311/keys"));
  static final Endpoint OPEN311_KEY_READ =
      new Endpoint(
          "GET /api/v1/open311/keys/{id} [an issued key]",
          "GET /api/v1/open311/keys/{id}",
          Target.OPEN311_KEY,
          (c, id) -> c.get("/api/v1/open311/keys/" + id));
  static final Endpoint ISSUE_OPEN311_KEY =
      new Endpoint(
          "POST /api/v1/open311/keys",
          "POST /api/v1/open311/keys",
          Target.NONE,
          (c, none) -> c.post("/api/v1/open311/keys").json("{\"name\": \"Zugriffstest\"}"));
  static final Endpoint REVOKE_OPEN311_KEY =
      new Endpoint(
          "POST /api/v1/open311/keys/{id}/revocation [an issued key]",
          "POST /api/v1/open311/keys/{id}/revocation",
          Target.OPEN311_KEY,
          (c, id) -> c.post("/api/v1/open311/keys/" + id + "/revocation"));
  static final Endpoint DELETE_OPEN311_KEY =
      new Endpoint(
          "DELETE /api/v1/open311/keys/{id} [an issued key]",
          "DELETE /api/v1/open311/keys/{id}",
          Target.OPEN311_KEY,
          (c, id) -> c.delete("/api/v1/open311/keys/" + id));
  static final Endpoint OPEN311_UPDATES_JSON =
      new Endpoint(
          "GET /open311/v2/servicerequestupdates.json",
          null,
          Target.NONE,
          (c, none) -> c.get("/open311/v2/servicerequestupdates.json?after=0&limit=5"));
  static final Endpoint OPEN311_UPDATES_XML =
      new Endpoint(
          "GET /open311/v2/servicerequestupdates.xml",
          null,
          Target.NONE,
          (c, none) -> c.get("/open311/v2/servicerequestupdates.xml?after=0&limit=5"));

  /** Waits until the engine signed its first checkpoint (it does once the seed is sealed). */
  static void awaitCheckpoint(TestClient c) {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    while (c.get("/api/v1/audit/checkpoints/latest").send().status() != 200) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no checkpoint within 60 s");
      }
      sleepBriefly();
    }
  }

  /** Waits until a checkpoint covers anna's request, so that her receipt is ready. */
  static void awaitReceipt(TestClient c, String id) {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    while (c.get("/api/v1/requests/" + id + "/receipt").as("anna").send().status() != 200) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no receipt within 60 s");
      }
      sleepBriefly();
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  // --- GeoReport v2, outside the OpenAPI description; reads public, a submission
  // authorized by its api_key alone (the caller's credentials of the API change nothing)

  static final String OPEN311_REPORT_FORM =
      "service_code=maengelmelder&attribute%5Bcategory%5D=graffiti&lat=49.14&long=9.21";

  static final Endpoint OPEN311_DISCOVERY =
      new Endpoint(
          "GET /open311/v2/discovery.json",
          null,
          Target.NONE,
          (c, none) -> c.get("/open311/v2/discovery.json"));
  static final Endpoint OPEN311_SERVICES =
      new Endpoint(
          "GET /open311/v2/services.xml",
          null,
          Target.NONE,
          (c, none) -> c.get("/open311/v2/services.xml"));
  static final Endpoint OPEN311_SERVICE =
      new Endpoint(
          "GET /open311/v2/services/{code}.json [maengelmelder]",
          null,
          Target.NONE,
          (c, none) -> c.get("/open311/v2/services/maengelmelder.json"));
  static final Endpoint OPEN311_REQUESTS =
      new Endpoint(
          "GET /open311/v2/requests.json",
          null,
          Target.NONE,
          (c, none) -> c.get("/open311/v2/requests.json"));
  static final Endpoint OPEN311_REQUEST =
      new Endpoint(
          "GET /open311/v2/requests/{id}.xml [a report through Open311]",
          null,
          Target.OPEN311_REPORT,
          (c, number) -> c.get("/open311/v2/requests/" + number + ".xml"));
  static final Endpoint OPEN311_TOKEN_READ =
      new Endpoint(
          "GET /open311/v2/tokens/{token}.json [an application through Open311]",
          null,
          Target.OPEN311_TOKEN,
          (c, token) -> c.get("/open311/v2/tokens/" + token + ".json"));
  static final Endpoint OPEN311_SUBMIT =
      new Endpoint(
          "POST /open311/v2/requests.json [with the client's api_key]",
          null,
          Target.NONE,
          (c, none) ->
              c.post("/open311/v2/requests.json")
                  .body(
                      OPEN311_REPORT_FORM
                          + "&api_key="
                          + de.rathaus.api.open311.Open311TestKeys.KEY,
                      "application/x-www-form-urlencoded"));
  static final Endpoint OPEN311_SUBMIT_WITHOUT_KEY =
      new Endpoint(
          "POST /open311/v2/requests.json [without an api_key]",
          null,
          Target.NONE,
          (c, none) ->
              c.post("/open311/v2/requests.json")
                  .body(OPEN311_REPORT_FORM, "application/x-www-form-urlencoded"));

  static final List<Endpoint> ENDPOINTS =
      List.of(
          HEALTH,
          PROMETHEUS,
          CHECKPOINTS,
          LATEST_CHECKPOINT,
          INCLUSION_PROOF,
          CONSISTENCY_PROOF,
          LOG_KEY,
          VERIFICATION,
          RECEIPT,
          API_DOCS,
          SERVICES,
          SERVICE,
          DRAFT_SERVICE,
          REVISE_SERVICE,
          PUBLISH_SERVICE,
          RETIRE_SERVICE,
          DEPARTMENTS,
          DEPARTMENT,
          CREATE_DEPARTMENT,
          REVISE_DEPARTMENT,
          RETIRE_DEPARTMENT,
          ACTION_FIELDS,
          ACTION_FIELD,
          CREATE_ACTION_FIELD,
          REVISE_ACTION_FIELD,
          RETIRE_ACTION_FIELD,
          SUSTAINABILITY_GOALS,
          SUSTAINABILITY_GOAL,
          CONSULTATIONS,
          CONSULTATION,
          DRAFT_CONSULTATION_READ,
          DRAFT_CONSULTATION,
          REVISE_CONSULTATION,
          MOVE_CONSULTATION,
          PROPOSALS,
          DRAFT_PROPOSALS,
          SUBMIT_PROPOSAL,
          PROPOSAL_READ,
          DRAFT_ITEM_READ,
          EDIT_PROPOSAL,
          ANSWER_PROPOSAL,
          RESULTS,
          DRAFT_RESULTS,
          // comments and moderation
          COMMENT,
          MODERATE,
          MODERATION_LOG,
          DRAFT_MODERATION_LOG,
          PROPOSALS_BY_SUPPORTS,
          PUT_UP_ITEM,
          SUPPORT,
          WITHDRAW_SUPPORT,
          RATE,
          SUBMIT,
          MY_REQUESTS,
          MY_REQUEST,
          ANSWER,
          WITHDRAW,
          // attachments
          UPLOAD,
          UPLOAD_LETTER,
          ATTACHMENTS,
          ATTACHMENT,
          QUEUE,
          QUEUE_FILTERED,
          QUEUE_SEARCH,
          CASE,
          ASSIGN,
          FORWARD,
          REQUEST_INFORMATION,
          CANCEL_QUESTION,
          NOTE,
          DECIDE,
          CLOSE,
          CLOSE_UNDECIDED,
          // objection
          OBJECT,
          DECIDE_OBJECTION,
          RECTIFY,
          MY_DATA,
          ERASURE,
          NOTIFICATION_SETTINGS,
          SWITCH_NOTIFICATIONS,
          MY_ACCESS_LOG,
          ACCESS_LOG,
          // audit helper
          AUDIT_EVENTS,
          AUDIT_HISTORY,
          AUDIT_HISTORY_UNKNOWN,
          AUDIT_STATE,
          AUDIT_STATE_UNKNOWN,
          // statistics and open data (stats slice)
          STATISTICS_SERVICES,
          STATISTICS_DEPARTMENTS,
          STATISTICS_PARTICIPATION,
          OPEN_DATA,
          OPEN_DATA_CSV,
          POST_STATISTICS,
          POST_OPEN_DATA,
          // rebuild
          PROJECTIONS,
          PROJECTION,
          REBUILD,
          OPEN311_KEYS,
          OPEN311_KEY_READ,
          ISSUE_OPEN311_KEY,
          REVOKE_OPEN311_KEY,
          DELETE_OPEN311_KEY,
          OPEN311_UPDATES_JSON,
          OPEN311_UPDATES_XML,
          OPEN311_DISCOVERY,
          OPEN311_SERVICES,
          OPEN311_SERVICE,
          OPEN311_REQUESTS,
          OPEN311_REQUEST,
          OPEN311_TOKEN_READ,
          OPEN311_SUBMIT,
          OPEN311_SUBMIT_WITHOUT_KEY);

  /**
   * Cells without a row yet: the success cases of the privacy endpoints, whose behaviour beyond
   * authorization is being built. A row added for one of these must be taken out of this set
   * ({@link #everyEndpointIsWalkedByEveryCaller()} says so).
   */
  static final Map<Endpoint, Set<Caller>> SUCCESS_ROWS_COME_WITH_THE_FEATURE = Map.of();

  static final List<Row> ROWS =
      List.of(
          // public reads: everybody
          row(HEALTH, ANONYMOUS, 200),
          row(HEALTH, ANNA, 200),
          row(HEALTH, BEN, 200),
          row(HEALTH, CLARA, 200),
          row(HEALTH, CARL, 200),
          row(HEALTH, MONA, 200),
          row(HEALTH, UDO, 200),
          row(HEALTH, ADA, 200),
          row(API_DOCS, ANONYMOUS, 200),
          row(API_DOCS, ANNA, 200),
          row(API_DOCS, BEN, 200),
          row(API_DOCS, CLARA, 200),
          row(API_DOCS, CARL, 200),
          row(API_DOCS, MONA, 200),
          row(API_DOCS, UDO, 200),
          row(API_DOCS, ADA, 200),
          row(SERVICES, ANONYMOUS, 200),
          row(SERVICES, ANNA, 200),
          row(SERVICES, BEN, 200),
          row(SERVICES, CLARA, 200),
          row(SERVICES, CARL, 200),
          row(SERVICES, MONA, 200),
          row(SERVICES, UDO, 200),
          row(SERVICES, ADA, 200),
          row(SERVICE, ANONYMOUS, 200),
          row(SERVICE, ANNA, 200),
          row(SERVICE, BEN, 200),
          row(SERVICE, CLARA, 200),
          row(SERVICE, CARL, 200),
          row(SERVICE, MONA, 200),
          row(SERVICE, UDO, 200),
          row(SERVICE, ADA, 200),
          // the catalogue: admin
          row(DRAFT_SERVICE, ANONYMOUS, 401),
          row(DRAFT_SERVICE, ANNA, 403),
          row(DRAFT_SERVICE, BEN, 403),
          row(DRAFT_SERVICE, CLARA, 403),
          row(DRAFT_SERVICE, CARL, 403),
          row(DRAFT_SERVICE, MONA, 403),
          row(DRAFT_SERVICE, UDO, 403),
          row(DRAFT_SERVICE, ADA, 201),
          row(REVISE_SERVICE, ANONYMOUS, 401),
          row(REVISE_SERVICE, ANNA, 403),
          row(REVISE_SERVICE, BEN, 403),
          row(REVISE_SERVICE, CLARA, 403),
          row(REVISE_SERVICE, CARL, 403),
          row(REVISE_SERVICE, MONA, 403),
          row(REVISE_SERVICE, UDO, 403),
          row(REVISE_SERVICE, ADA, 200),
          row(PUBLISH_SERVICE, ANONYMOUS, 401),
          row(PUBLISH_SERVICE, ANNA, 403),
          row(PUBLISH_SERVICE, BEN, 403),
          row(PUBLISH_SERVICE, CLARA, 403),
          row(PUBLISH_SERVICE, CARL, 403),
          row(PUBLISH_SERVICE, MONA, 403),
          row(PUBLISH_SERVICE, UDO, 403),
          row(PUBLISH_SERVICE, ADA, 200),
          row(RETIRE_SERVICE, ANONYMOUS, 401),
          row(RETIRE_SERVICE, ANNA, 403),
          row(RETIRE_SERVICE, BEN, 403),
          row(RETIRE_SERVICE, CLARA, 403),
          row(RETIRE_SERVICE, CARL, 403),
          row(RETIRE_SERVICE, MONA, 403),
          row(RETIRE_SERVICE, UDO, 403),
          row(RETIRE_SERVICE, ADA, 200),
          // departments: public reads, admin changes
          row(DEPARTMENTS, ANONYMOUS, 200),
          row(DEPARTMENTS, ANNA, 200),
          row(DEPARTMENTS, BEN, 200),
          row(DEPARTMENTS, CLARA, 200),
          row(DEPARTMENTS, CARL, 200),
          row(DEPARTMENTS, MONA, 200),
          row(DEPARTMENTS, UDO, 200),
          row(DEPARTMENTS, ADA, 200),
          row(DEPARTMENT, ANONYMOUS, 200),
          row(DEPARTMENT, ANNA, 200),
          row(DEPARTMENT, BEN, 200),
          row(DEPARTMENT, CLARA, 200),
          row(DEPARTMENT, CARL, 200),
          row(DEPARTMENT, MONA, 200),
          row(DEPARTMENT, UDO, 200),
          row(DEPARTMENT, ADA, 200),
          row(CREATE_DEPARTMENT, ANONYMOUS, 401),
          row(CREATE_DEPARTMENT, ANNA, 403),
          row(CREATE_DEPARTMENT, BEN, 403),
          row(CREATE_DEPARTMENT, CLARA, 403),
          row(CREATE_DEPARTMENT, CARL, 403),
          row(CREATE_DEPARTMENT, MONA, 403),
          row(CREATE_DEPARTMENT, UDO, 403),
          row(CREATE_DEPARTMENT, ADA, 201),
          row(REVISE_DEPARTMENT, ANONYMOUS, 401),
          row(REVISE_DEPARTMENT, ANNA, 403),
          row(REVISE_DEPARTMENT, BEN, 403),
          row(REVISE_DEPARTMENT, CLARA, 403),
          row(REVISE_DEPARTMENT, CARL, 403),
          row(REVISE_DEPARTMENT, MONA, 403),
          row(REVISE_DEPARTMENT, UDO, 403),
          row(REVISE_DEPARTMENT, ADA, 200),
          row(RETIRE_DEPARTMENT, ANONYMOUS, 401),
          row(RETIRE_DEPARTMENT, ANNA, 403),
          row(RETIRE_DEPARTMENT, BEN, 403),
          row(RETIRE_DEPARTMENT, CLARA, 403),
          row(RETIRE_DEPARTMENT, CARL, 403),
          row(RETIRE_DEPARTMENT, MONA, 403),
          row(RETIRE_DEPARTMENT, UDO, 403),
          row(RETIRE_DEPARTMENT, ADA, 200),
          // participation: action fields (public reads, admin changes), goals (public)
          row(ACTION_FIELDS, ANONYMOUS, 200),
          row(ACTION_FIELDS, ANNA, 200),
          row(ACTION_FIELDS, BEN, 200),
          row(ACTION_FIELDS, CLARA, 200),
          row(ACTION_FIELDS, CARL, 200),
          row(ACTION_FIELDS, MONA, 200),
          row(ACTION_FIELDS, UDO, 200),
          row(ACTION_FIELDS, ADA, 200),
          row(ACTION_FIELD, ANONYMOUS, 200),
          row(ACTION_FIELD, ANNA, 200),
          row(ACTION_FIELD, BEN, 200),
          row(ACTION_FIELD, CLARA, 200),
          row(ACTION_FIELD, CARL, 200),
          row(ACTION_FIELD, MONA, 200),
          row(ACTION_FIELD, UDO, 200),
          row(ACTION_FIELD, ADA, 200),
          row(SUSTAINABILITY_GOALS, ANONYMOUS, 200),
          row(SUSTAINABILITY_GOALS, ANNA, 200),
          row(SUSTAINABILITY_GOALS, BEN, 200),
          row(SUSTAINABILITY_GOALS, CLARA, 200),
          row(SUSTAINABILITY_GOALS, CARL, 200),
          row(SUSTAINABILITY_GOALS, MONA, 200),
          row(SUSTAINABILITY_GOALS, UDO, 200),
          row(SUSTAINABILITY_GOALS, ADA, 200),
          row(SUSTAINABILITY_GOAL, ANONYMOUS, 200),
          row(SUSTAINABILITY_GOAL, ANNA, 200),
          row(SUSTAINABILITY_GOAL, BEN, 200),
          row(SUSTAINABILITY_GOAL, CLARA, 200),
          row(SUSTAINABILITY_GOAL, CARL, 200),
          row(SUSTAINABILITY_GOAL, MONA, 200),
          row(SUSTAINABILITY_GOAL, UDO, 200),
          row(SUSTAINABILITY_GOAL, ADA, 200),
          row(CREATE_ACTION_FIELD, ANONYMOUS, 401),
          row(CREATE_ACTION_FIELD, ANNA, 403),
          row(CREATE_ACTION_FIELD, BEN, 403),
          row(CREATE_ACTION_FIELD, CLARA, 403),
          row(CREATE_ACTION_FIELD, CARL, 403),
          row(CREATE_ACTION_FIELD, MONA, 403),
          row(CREATE_ACTION_FIELD, UDO, 403),
          row(CREATE_ACTION_FIELD, ADA, 201),
          row(REVISE_ACTION_FIELD, ANONYMOUS, 401),
          row(REVISE_ACTION_FIELD, ANNA, 403),
          row(REVISE_ACTION_FIELD, BEN, 403),
          row(REVISE_ACTION_FIELD, CLARA, 403),
          row(REVISE_ACTION_FIELD, CARL, 403),
          row(REVISE_ACTION_FIELD, MONA, 403),
          row(REVISE_ACTION_FIELD, UDO, 403),
          row(REVISE_ACTION_FIELD, ADA, 200),
          row(RETIRE_ACTION_FIELD, ANONYMOUS, 401),
          row(RETIRE_ACTION_FIELD, ANNA, 403),
          row(RETIRE_ACTION_FIELD, BEN, 403),
          row(RETIRE_ACTION_FIELD, CLARA, 403),
          row(RETIRE_ACTION_FIELD, CARL, 403),
          row(RETIRE_ACTION_FIELD, MONA, 403),
          row(RETIRE_ACTION_FIELD, UDO, 403),
          row(RETIRE_ACTION_FIELD, ADA, 200),
          // requests: citizens, their own only (the target request is anna's)
          row(SUBMIT, ANONYMOUS, 401),
          row(SUBMIT, ANNA, 201),
          row(SUBMIT, BEN, 201),
          row(SUBMIT, CLARA, 403),
          row(SUBMIT, CARL, 403),
          row(SUBMIT, MONA, 403),
          row(SUBMIT, UDO, 403),
          row(SUBMIT, ADA, 403),
          row(MY_REQUESTS, ANONYMOUS, 401),
          row(MY_REQUESTS, ANNA, 200),
          row(MY_REQUESTS, BEN, 200),
          row(MY_REQUESTS, CLARA, 403),
          row(MY_REQUESTS, CARL, 403),
          row(MY_REQUESTS, MONA, 403),
          row(MY_REQUESTS, UDO, 403),
          row(MY_REQUESTS, ADA, 403),
          row(MY_REQUEST, ANONYMOUS, 401),
          row(MY_REQUEST, ANNA, 200),
          row(MY_REQUEST, BEN, 404),
          row(MY_REQUEST, CLARA, 403),
          row(MY_REQUEST, CARL, 403),
          row(MY_REQUEST, MONA, 403),
          row(MY_REQUEST, UDO, 403),
          row(MY_REQUEST, ADA, 403),
          row(ANSWER, ANONYMOUS, 401),
          row(ANSWER, ANNA, 200),
          row(ANSWER, BEN, 404),
          row(ANSWER, CLARA, 403),
          row(ANSWER, CARL, 403),
          row(ANSWER, MONA, 403),
          row(ANSWER, UDO, 403),
          row(ANSWER, ADA, 403),
          row(WITHDRAW, ANONYMOUS, 401),
          row(WITHDRAW, ANNA, 200),
          row(WITHDRAW, BEN, 404),
          row(WITHDRAW, CLARA, 403),
          row(WITHDRAW, CARL, 403),
          row(WITHDRAW, MONA, 403),
          row(WITHDRAW, UDO, 403),
          row(WITHDRAW, ADA, 403),
          // the applicant's own, the department's clerks'
          row(UPLOAD, ANONYMOUS, 401),
          row(UPLOAD, ANNA, 201),
          row(UPLOAD, BEN, 404),
          row(UPLOAD, CLARA, 400),
          row(UPLOAD, CARL, 404),
          row(UPLOAD, MONA, 403),
          row(UPLOAD, UDO, 403),
          row(UPLOAD, ADA, 403),
          row(UPLOAD_LETTER, ANONYMOUS, 401),
          row(UPLOAD_LETTER, ANNA, 400),
          row(UPLOAD_LETTER, BEN, 404),
          row(UPLOAD_LETTER, CLARA, 201),
          row(UPLOAD_LETTER, CARL, 404),
          row(UPLOAD_LETTER, MONA, 403),
          row(UPLOAD_LETTER, UDO, 403),
          row(UPLOAD_LETTER, ADA, 403),
          row(ATTACHMENTS, ANONYMOUS, 401),
          row(ATTACHMENTS, ANNA, 200),
          row(ATTACHMENTS, BEN, 404),
          row(ATTACHMENTS, CLARA, 200),
          row(ATTACHMENTS, CARL, 404),
          row(ATTACHMENTS, MONA, 403),
          row(ATTACHMENTS, UDO, 403),
          row(ATTACHMENTS, ADA, 403),
          row(ATTACHMENT, ANONYMOUS, 401),
          row(ATTACHMENT, ANNA, 200),
          row(ATTACHMENT, BEN, 404),
          row(ATTACHMENT, CLARA, 200),
          row(ATTACHMENT, CARL, 404),
          row(ATTACHMENT, MONA, 403),
          row(ATTACHMENT, UDO, 403),
          row(ATTACHMENT, ADA, 403),
          // cases: clerks, their own department only (the target case is buergeramt's)
          row(QUEUE, ANONYMOUS, 401),
          row(QUEUE, ANNA, 403),
          row(QUEUE, BEN, 403),
          row(QUEUE, CLARA, 200),
          row(QUEUE, CARL, 200),
          row(QUEUE, MONA, 403),
          row(QUEUE, UDO, 403),
          row(QUEUE, ADA, 403),
          row(QUEUE_FILTERED, ANONYMOUS, 401),
          row(QUEUE_FILTERED, ANNA, 403),
          row(QUEUE_FILTERED, BEN, 403),
          row(QUEUE_FILTERED, CLARA, 200),
          row(QUEUE_FILTERED, CARL, 200),
          row(QUEUE_FILTERED, MONA, 403),
          row(QUEUE_FILTERED, UDO, 403),
          row(QUEUE_FILTERED, ADA, 403),
          row(QUEUE_SEARCH, ANONYMOUS, 401),
          row(QUEUE_SEARCH, ANNA, 403),
          row(QUEUE_SEARCH, BEN, 403),
          row(QUEUE_SEARCH, CLARA, 200),
          row(QUEUE_SEARCH, CARL, 200),
          row(QUEUE_SEARCH, MONA, 403),
          row(QUEUE_SEARCH, UDO, 403),
          row(QUEUE_SEARCH, ADA, 403),
          row(QUEUE_SEARCH, OTTO, 403),
          row(CASE, ANONYMOUS, 401),
          row(CASE, ANNA, 403),
          row(CASE, BEN, 403),
          row(CASE, CLARA, 200),
          row(CASE, CARL, 404),
          row(CASE, MONA, 403),
          row(CASE, UDO, 403),
          row(CASE, ADA, 403),
          row(ASSIGN, ANONYMOUS, 401),
          row(ASSIGN, ANNA, 403),
          row(ASSIGN, BEN, 403),
          row(ASSIGN, CLARA, 200),
          row(ASSIGN, CARL, 404),
          row(ASSIGN, MONA, 403),
          row(ASSIGN, UDO, 403),
          row(ASSIGN, ADA, 403),
          row(FORWARD, ANONYMOUS, 401),
          row(FORWARD, ANNA, 403),
          row(FORWARD, BEN, 403),
          row(FORWARD, CLARA, 200),
          row(FORWARD, CARL, 404),
          row(FORWARD, MONA, 403),
          row(FORWARD, UDO, 403),
          row(FORWARD, ADA, 403),
          row(REQUEST_INFORMATION, ANONYMOUS, 401),
          row(REQUEST_INFORMATION, ANNA, 403),
          row(REQUEST_INFORMATION, BEN, 403),
          row(REQUEST_INFORMATION, CLARA, 200),
          row(REQUEST_INFORMATION, CARL, 404),
          row(REQUEST_INFORMATION, MONA, 403),
          row(REQUEST_INFORMATION, UDO, 403),
          row(REQUEST_INFORMATION, ADA, 403),
          row(CANCEL_QUESTION, ANONYMOUS, 401),
          row(CANCEL_QUESTION, ANNA, 403),
          row(CANCEL_QUESTION, BEN, 403),
          row(CANCEL_QUESTION, CLARA, 200),
          row(CANCEL_QUESTION, CARL, 404),
          row(CANCEL_QUESTION, MONA, 403),
          row(CANCEL_QUESTION, UDO, 403),
          row(CANCEL_QUESTION, ADA, 403),
          row(NOTE, ANONYMOUS, 401),
          row(NOTE, ANNA, 403),
          row(NOTE, BEN, 403),
          row(NOTE, CLARA, 200),
          row(NOTE, CARL, 404),
          row(NOTE, MONA, 403),
          row(NOTE, UDO, 403),
          row(NOTE, ADA, 403),
          row(DECIDE, ANONYMOUS, 401),
          row(DECIDE, ANNA, 403),
          row(DECIDE, BEN, 403),
          row(DECIDE, CLARA, 200),
          row(DECIDE, CARL, 404),
          row(DECIDE, MONA, 403),
          row(DECIDE, UDO, 403),
          row(DECIDE, ADA, 403),
          row(CLOSE, ANONYMOUS, 401),
          row(CLOSE, ANNA, 403),
          row(CLOSE, BEN, 403),
          row(CLOSE, CLARA, 200),
          row(CLOSE, CARL, 404),
          row(CLOSE, MONA, 403),
          row(CLOSE, UDO, 403),
          row(CLOSE, ADA, 403),
          row(CLOSE_UNDECIDED, ANONYMOUS, 401),
          row(CLOSE_UNDECIDED, ANNA, 403),
          row(CLOSE_UNDECIDED, BEN, 403),
          row(CLOSE_UNDECIDED, CLARA, 409),
          row(CLOSE_UNDECIDED, CARL, 404),
          row(CLOSE_UNDECIDED, MONA, 403),
          row(CLOSE_UNDECIDED, UDO, 403),
          row(CLOSE_UNDECIDED, ADA, 403),
          // objection
          row(OBJECT, ANONYMOUS, 401),
          row(OBJECT, ANNA, 200),
          row(OBJECT, BEN, 404),
          row(OBJECT, CLARA, 403),
          row(OBJECT, CARL, 403),
          row(OBJECT, MONA, 403),
          row(OBJECT, UDO, 403),
          row(OBJECT, ADA, 403),
          row(DECIDE_OBJECTION, ANONYMOUS, 401),
          row(DECIDE_OBJECTION, ANNA, 403),
          row(DECIDE_OBJECTION, BEN, 403),
          row(DECIDE_OBJECTION, CLARA, 200),
          row(DECIDE_OBJECTION, CARL, 404),
          row(DECIDE_OBJECTION, MONA, 403),
          row(DECIDE_OBJECTION, UDO, 403),
          row(DECIDE_OBJECTION, ADA, 403),
          row(RECTIFY, ANONYMOUS, 401),
          row(RECTIFY, ANNA, 200),
          row(RECTIFY, BEN, 404),
          row(RECTIFY, CLARA, 403),
          row(RECTIFY, CARL, 403),
          row(RECTIFY, MONA, 403),
          row(RECTIFY, UDO, 403),
          row(RECTIFY, ADA, 403),
          // privacy: a citizen's own data; erasure by the admin
          row(MY_DATA, ANNA, 200),
          row(MY_DATA, BEN, 200),
          row(ERASURE, ADA, 200),
          row(MY_DATA, ANONYMOUS, 401),
          row(MY_DATA, CLARA, 403),
          row(MY_DATA, CARL, 403),
          row(MY_DATA, MONA, 403),
          row(MY_DATA, UDO, 403),
          row(MY_DATA, ADA, 403),
          row(ERASURE, ANONYMOUS, 401),
          row(ERASURE, ANNA, 403),
          row(ERASURE, BEN, 403),
          row(ERASURE, CLARA, 403),
          row(ERASURE, CARL, 403),
          row(ERASURE, MONA, 403),
          row(ERASURE, UDO, 403),
          // access log
          row(MY_ACCESS_LOG, ANONYMOUS, 401),
          row(MY_ACCESS_LOG, ANNA, 200),
          row(MY_ACCESS_LOG, BEN, 200),
          row(MY_ACCESS_LOG, CLARA, 403),
          row(MY_ACCESS_LOG, CARL, 403),
          row(MY_ACCESS_LOG, MONA, 403),
          row(MY_ACCESS_LOG, UDO, 403),
          row(MY_ACCESS_LOG, ADA, 403),
          row(MY_ACCESS_LOG, OTTO, 403),
          row(ACCESS_LOG, ANONYMOUS, 401),
          row(ACCESS_LOG, ANNA, 403),
          row(ACCESS_LOG, BEN, 403),
          row(ACCESS_LOG, CLARA, 403),
          row(ACCESS_LOG, CARL, 403),
          row(ACCESS_LOG, MONA, 403),
          row(ACCESS_LOG, UDO, 403),
          row(ACCESS_LOG, ADA, 200),
          row(ACCESS_LOG, OTTO, 403),
          // the metrics: the operator only
          row(PROMETHEUS, ANONYMOUS, 401),
          row(PROMETHEUS, ANNA, 403),
          row(PROMETHEUS, BEN, 403),
          row(PROMETHEUS, CLARA, 403),
          row(PROMETHEUS, CARL, 403),
          row(PROMETHEUS, MONA, 403),
          row(PROMETHEUS, UDO, 403),
          row(PROMETHEUS, ADA, 403),
          // participation: consultations (public reads but drafts, admin changes)
          row(CONSULTATIONS, ANONYMOUS, 200),
          row(CONSULTATIONS, ANNA, 200),
          row(CONSULTATIONS, BEN, 200),
          row(CONSULTATIONS, CLARA, 200),
          row(CONSULTATIONS, CARL, 200),
          row(CONSULTATIONS, MONA, 200),
          row(CONSULTATIONS, UDO, 200),
          row(CONSULTATIONS, ADA, 200),
          row(CONSULTATION, ANONYMOUS, 200),
          row(CONSULTATION, ANNA, 200),
          row(CONSULTATION, BEN, 200),
          row(CONSULTATION, CLARA, 200),
          row(CONSULTATION, CARL, 200),
          row(CONSULTATION, MONA, 200),
          row(CONSULTATION, UDO, 200),
          row(CONSULTATION, ADA, 200),
          row(DRAFT_CONSULTATION_READ, ANONYMOUS, 404),
          row(DRAFT_CONSULTATION_READ, ANNA, 404),
          row(DRAFT_CONSULTATION_READ, BEN, 404),
          row(DRAFT_CONSULTATION_READ, CLARA, 404),
          row(DRAFT_CONSULTATION_READ, CARL, 404),
          row(DRAFT_CONSULTATION_READ, MONA, 404),
          row(DRAFT_CONSULTATION_READ, UDO, 404),
          row(DRAFT_CONSULTATION_READ, ADA, 200),
          row(DRAFT_CONSULTATION, ANONYMOUS, 401),
          row(DRAFT_CONSULTATION, ANNA, 403),
          row(DRAFT_CONSULTATION, BEN, 403),
          row(DRAFT_CONSULTATION, CLARA, 403),
          row(DRAFT_CONSULTATION, CARL, 403),
          row(DRAFT_CONSULTATION, MONA, 403),
          row(DRAFT_CONSULTATION, UDO, 403),
          row(DRAFT_CONSULTATION, ADA, 201),
          row(REVISE_CONSULTATION, ANONYMOUS, 401),
          row(REVISE_CONSULTATION, ANNA, 403),
          row(REVISE_CONSULTATION, BEN, 403),
          row(REVISE_CONSULTATION, CLARA, 403),
          row(REVISE_CONSULTATION, CARL, 403),
          row(REVISE_CONSULTATION, MONA, 403),
          row(REVISE_CONSULTATION, UDO, 403),
          row(REVISE_CONSULTATION, ADA, 200),
          row(MOVE_CONSULTATION, ANONYMOUS, 401),
          row(MOVE_CONSULTATION, ANNA, 403),
          row(MOVE_CONSULTATION, BEN, 403),
          row(MOVE_CONSULTATION, CLARA, 403),
          row(MOVE_CONSULTATION, CARL, 403),
          row(MOVE_CONSULTATION, MONA, 403),
          row(MOVE_CONSULTATION, UDO, 403),
          row(MOVE_CONSULTATION, ADA, 200),
          // participation: proposals (public reads, citizens propose, authors edit)
          row(PROPOSALS, ANONYMOUS, 200),
          row(PROPOSALS, ANNA, 200),
          row(PROPOSALS, BEN, 200),
          row(PROPOSALS, CLARA, 200),
          row(PROPOSALS, CARL, 200),
          row(PROPOSALS, MONA, 200),
          row(PROPOSALS, UDO, 200),
          row(PROPOSALS, ADA, 200),
          row(DRAFT_PROPOSALS, ANONYMOUS, 404),
          row(DRAFT_PROPOSALS, ANNA, 404),
          row(DRAFT_PROPOSALS, BEN, 404),
          row(DRAFT_PROPOSALS, CLARA, 404),
          row(DRAFT_PROPOSALS, CARL, 404),
          row(DRAFT_PROPOSALS, MONA, 404),
          row(DRAFT_PROPOSALS, UDO, 404),
          row(DRAFT_PROPOSALS, ADA, 200),
          row(SUBMIT_PROPOSAL, ANONYMOUS, 401),
          row(SUBMIT_PROPOSAL, ANNA, 201),
          row(SUBMIT_PROPOSAL, BEN, 201),
          row(SUBMIT_PROPOSAL, CLARA, 403),
          row(SUBMIT_PROPOSAL, CARL, 403),
          row(SUBMIT_PROPOSAL, MONA, 403),
          row(SUBMIT_PROPOSAL, UDO, 403),
          // an administrator puts up items, in a feedback consultation only
          row(SUBMIT_PROPOSAL, ADA, 409),
          row(PROPOSAL_READ, ANONYMOUS, 200),
          row(PROPOSAL_READ, ANNA, 200),
          row(PROPOSAL_READ, BEN, 200),
          row(PROPOSAL_READ, CLARA, 200),
          row(PROPOSAL_READ, CARL, 200),
          row(PROPOSAL_READ, MONA, 200),
          row(PROPOSAL_READ, UDO, 200),
          row(PROPOSAL_READ, ADA, 200),
          row(DRAFT_ITEM_READ, ANONYMOUS, 404),
          row(DRAFT_ITEM_READ, ANNA, 404),
          row(DRAFT_ITEM_READ, BEN, 404),
          row(DRAFT_ITEM_READ, CLARA, 404),
          row(DRAFT_ITEM_READ, CARL, 404),
          row(DRAFT_ITEM_READ, MONA, 404),
          row(DRAFT_ITEM_READ, UDO, 404),
          row(DRAFT_ITEM_READ, ADA, 200),
          row(EDIT_PROPOSAL, ANONYMOUS, 401),
          row(EDIT_PROPOSAL, ANNA, 200),
          row(EDIT_PROPOSAL, BEN, 404),
          row(EDIT_PROPOSAL, CLARA, 403),
          row(EDIT_PROPOSAL, CARL, 403),
          row(EDIT_PROPOSAL, MONA, 403),
          row(EDIT_PROPOSAL, UDO, 403),
          row(EDIT_PROPOSAL, ADA, 403),
          row(ANSWER_PROPOSAL, ANONYMOUS, 401),
          row(ANSWER_PROPOSAL, ANNA, 403),
          row(ANSWER_PROPOSAL, BEN, 403),
          row(ANSWER_PROPOSAL, CLARA, 403),
          row(ANSWER_PROPOSAL, CARL, 403),
          row(ANSWER_PROPOSAL, MONA, 403),
          row(ANSWER_PROPOSAL, UDO, 403),
          row(ANSWER_PROPOSAL, ADA, 200),
          row(RESULTS, ANONYMOUS, 200),
          row(RESULTS, ANNA, 200),
          row(RESULTS, BEN, 200),
          row(RESULTS, CLARA, 200),
          row(RESULTS, CARL, 200),
          row(RESULTS, MONA, 200),
          row(RESULTS, UDO, 200),
          row(RESULTS, ADA, 200),
          row(DRAFT_RESULTS, ANONYMOUS, 404),
          row(DRAFT_RESULTS, ANNA, 404),
          row(DRAFT_RESULTS, BEN, 404),
          row(DRAFT_RESULTS, CLARA, 404),
          row(DRAFT_RESULTS, CARL, 404),
          row(DRAFT_RESULTS, MONA, 404),
          row(DRAFT_RESULTS, UDO, 404),
          row(DRAFT_RESULTS, ADA, 200),
          // participation: comments and moderation
          row(COMMENT, ANONYMOUS, 401),
          row(COMMENT, ANNA, 201),
          row(COMMENT, BEN, 201),
          row(COMMENT, CLARA, 403),
          row(COMMENT, CARL, 403),
          row(COMMENT, MONA, 403),
          row(COMMENT, UDO, 403),
          row(COMMENT, ADA, 403),
          row(MODERATE, ANONYMOUS, 401),
          row(MODERATE, ANNA, 403),
          row(MODERATE, BEN, 403),
          row(MODERATE, CLARA, 403),
          row(MODERATE, CARL, 403),
          row(MODERATE, MONA, 200),
          row(MODERATE, UDO, 403),
          row(MODERATE, ADA, 200),
          row(MODERATION_LOG, ANONYMOUS, 200),
          row(MODERATION_LOG, ANNA, 200),
          row(MODERATION_LOG, BEN, 200),
          row(MODERATION_LOG, CLARA, 200),
          row(MODERATION_LOG, CARL, 200),
          row(MODERATION_LOG, MONA, 200),
          row(MODERATION_LOG, UDO, 200),
          row(MODERATION_LOG, ADA, 200),
          row(DRAFT_MODERATION_LOG, ANONYMOUS, 404),
          row(DRAFT_MODERATION_LOG, ANNA, 404),
          row(DRAFT_MODERATION_LOG, BEN, 404),
          row(DRAFT_MODERATION_LOG, CLARA, 404),
          row(DRAFT_MODERATION_LOG, CARL, 404),
          row(DRAFT_MODERATION_LOG, MONA, 404),
          row(DRAFT_MODERATION_LOG, UDO, 404),
          row(DRAFT_MODERATION_LOG, ADA, 200),
          // participation: supports, feedback items, ratings
          row(PROPOSALS_BY_SUPPORTS, ANONYMOUS, 200),
          row(PROPOSALS_BY_SUPPORTS, ANNA, 200),
          row(PROPOSALS_BY_SUPPORTS, BEN, 200),
          row(PROPOSALS_BY_SUPPORTS, CLARA, 200),
          row(PROPOSALS_BY_SUPPORTS, CARL, 200),
          row(PROPOSALS_BY_SUPPORTS, MONA, 200),
          row(PROPOSALS_BY_SUPPORTS, UDO, 200),
          row(PROPOSALS_BY_SUPPORTS, ADA, 200),
          row(PUT_UP_ITEM, ANONYMOUS, 401),
          row(PUT_UP_ITEM, ANNA, 409),
          row(PUT_UP_ITEM, BEN, 409),
          row(PUT_UP_ITEM, CLARA, 403),
          row(PUT_UP_ITEM, CARL, 403),
          row(PUT_UP_ITEM, MONA, 403),
          row(PUT_UP_ITEM, UDO, 403),
          row(PUT_UP_ITEM, ADA, 201),
          row(SUPPORT, ANONYMOUS, 401),
          row(SUPPORT, ANNA, 200),
          row(SUPPORT, BEN, 200),
          row(SUPPORT, CLARA, 403),
          row(SUPPORT, CARL, 403),
          row(SUPPORT, MONA, 403),
          row(SUPPORT, UDO, 403),
          row(SUPPORT, ADA, 403),
          row(WITHDRAW_SUPPORT, ANONYMOUS, 401),
          row(WITHDRAW_SUPPORT, ANNA, 200),
          row(WITHDRAW_SUPPORT, BEN, 200),
          row(WITHDRAW_SUPPORT, CLARA, 403),
          row(WITHDRAW_SUPPORT, CARL, 403),
          row(WITHDRAW_SUPPORT, MONA, 403),
          row(WITHDRAW_SUPPORT, UDO, 403),
          row(WITHDRAW_SUPPORT, ADA, 403),
          row(RATE, ANONYMOUS, 401),
          row(RATE, ANNA, 200),
          row(RATE, BEN, 200),
          row(RATE, CLARA, 403),
          row(RATE, CARL, 403),
          row(RATE, MONA, 403),
          row(RATE, UDO, 403),
          row(RATE, ADA, 403),
          row(PROMETHEUS, OTTO, 200),
          // the operator: public reads, and refused everything else
          row(HEALTH, OTTO, 200),
          row(API_DOCS, OTTO, 200),
          row(SERVICES, OTTO, 200),
          row(SERVICE, OTTO, 200),
          row(DRAFT_SERVICE, OTTO, 403),
          row(REVISE_SERVICE, OTTO, 403),
          row(PUBLISH_SERVICE, OTTO, 403),
          row(RETIRE_SERVICE, OTTO, 403),
          row(DEPARTMENTS, OTTO, 200),
          row(DEPARTMENT, OTTO, 200),
          row(CREATE_DEPARTMENT, OTTO, 403),
          row(REVISE_DEPARTMENT, OTTO, 403),
          row(RETIRE_DEPARTMENT, OTTO, 403),
          row(ACTION_FIELDS, OTTO, 200),
          row(ACTION_FIELD, OTTO, 200),
          row(CREATE_ACTION_FIELD, OTTO, 403),
          row(REVISE_ACTION_FIELD, OTTO, 403),
          row(RETIRE_ACTION_FIELD, OTTO, 403),
          row(SUSTAINABILITY_GOALS, OTTO, 200),
          row(SUSTAINABILITY_GOAL, OTTO, 200),
          row(CONSULTATIONS, OTTO, 200),
          row(CONSULTATION, OTTO, 200),
          row(DRAFT_CONSULTATION_READ, OTTO, 404),
          row(DRAFT_CONSULTATION, OTTO, 403),
          row(REVISE_CONSULTATION, OTTO, 403),
          row(MOVE_CONSULTATION, OTTO, 403),
          row(PROPOSALS, OTTO, 200),
          row(DRAFT_PROPOSALS, OTTO, 404),
          row(SUBMIT_PROPOSAL, OTTO, 403),
          row(PROPOSAL_READ, OTTO, 200),
          row(DRAFT_ITEM_READ, OTTO, 404),
          row(EDIT_PROPOSAL, OTTO, 403),
          row(ANSWER_PROPOSAL, OTTO, 403),
          row(RESULTS, OTTO, 200),
          row(DRAFT_RESULTS, OTTO, 404),
          row(COMMENT, OTTO, 403),
          row(MODERATE, OTTO, 403),
          row(MODERATION_LOG, OTTO, 200),
          row(DRAFT_MODERATION_LOG, OTTO, 404),
          row(PROPOSALS_BY_SUPPORTS, OTTO, 200),
          row(PUT_UP_ITEM, OTTO, 403),
          row(SUPPORT, OTTO, 403),
          row(WITHDRAW_SUPPORT, OTTO, 403),
          row(RATE, OTTO, 403),
          row(SUBMIT, OTTO, 403),
          row(MY_REQUESTS, OTTO, 403),
          row(MY_REQUEST, OTTO, 403),
          row(ANSWER, OTTO, 403),
          row(WITHDRAW, OTTO, 403),
          row(UPLOAD, OTTO, 403),
          row(UPLOAD_LETTER, OTTO, 403),
          row(ATTACHMENTS, OTTO, 403),
          row(ATTACHMENT, OTTO, 403),
          row(QUEUE, OTTO, 403),
          row(QUEUE_FILTERED, OTTO, 403),
          row(CASE, OTTO, 403),
          row(ASSIGN, OTTO, 403),
          row(FORWARD, OTTO, 403),
          row(REQUEST_INFORMATION, OTTO, 403),
          row(CANCEL_QUESTION, OTTO, 403),
          row(NOTE, OTTO, 403),
          row(DECIDE, OTTO, 403),
          row(CLOSE, OTTO, 403),
          row(CLOSE_UNDECIDED, OTTO, 403),
          row(OBJECT, OTTO, 403),
          row(DECIDE_OBJECTION, OTTO, 403),
          row(RECTIFY, OTTO, 403),
          row(MY_DATA, OTTO, 403),
          row(ERASURE, OTTO, 403),
          // notify helper: notification settings × every caller
          row(NOTIFICATION_SETTINGS, ANONYMOUS, 401),
          row(NOTIFICATION_SETTINGS, ANNA, 200),
          row(NOTIFICATION_SETTINGS, BEN, 200),
          row(NOTIFICATION_SETTINGS, CLARA, 403),
          row(NOTIFICATION_SETTINGS, CARL, 403),
          row(NOTIFICATION_SETTINGS, MONA, 403),
          row(NOTIFICATION_SETTINGS, UDO, 403),
          row(NOTIFICATION_SETTINGS, ADA, 403),
          row(NOTIFICATION_SETTINGS, OTTO, 403),
          row(SWITCH_NOTIFICATIONS, ANONYMOUS, 401),
          row(SWITCH_NOTIFICATIONS, ANNA, 200),
          row(SWITCH_NOTIFICATIONS, BEN, 200),
          row(SWITCH_NOTIFICATIONS, CLARA, 403),
          row(SWITCH_NOTIFICATIONS, CARL, 403),
          row(SWITCH_NOTIFICATIONS, MONA, 403),
          row(SWITCH_NOTIFICATIONS, UDO, 403),
          row(SWITCH_NOTIFICATIONS, ADA, 403),
          row(SWITCH_NOTIFICATIONS, OTTO, 403),
          // audit helper: the trail and histories × every caller
          row(AUDIT_EVENTS, ANONYMOUS, 401),
          row(AUDIT_EVENTS, ANNA, 403),
          row(AUDIT_EVENTS, BEN, 403),
          row(AUDIT_EVENTS, CLARA, 403),
          row(AUDIT_EVENTS, CARL, 403),
          row(AUDIT_EVENTS, MONA, 403),
          row(AUDIT_EVENTS, UDO, 200),
          row(AUDIT_EVENTS, ADA, 200),
          row(AUDIT_EVENTS, OTTO, 403),
          row(AUDIT_HISTORY, ANONYMOUS, 401),
          row(AUDIT_HISTORY, ANNA, 403),
          row(AUDIT_HISTORY, BEN, 403),
          row(AUDIT_HISTORY, CLARA, 403),
          row(AUDIT_HISTORY, CARL, 403),
          row(AUDIT_HISTORY, MONA, 403),
          row(AUDIT_HISTORY, UDO, 200),
          row(AUDIT_HISTORY, ADA, 200),
          row(AUDIT_HISTORY, OTTO, 403),
          row(AUDIT_HISTORY_UNKNOWN, ANONYMOUS, 401),
          row(AUDIT_HISTORY_UNKNOWN, ANNA, 403),
          row(AUDIT_HISTORY_UNKNOWN, BEN, 403),
          row(AUDIT_HISTORY_UNKNOWN, CLARA, 403),
          row(AUDIT_HISTORY_UNKNOWN, CARL, 403),
          row(AUDIT_HISTORY_UNKNOWN, MONA, 403),
          row(AUDIT_HISTORY_UNKNOWN, UDO, 404),
          row(AUDIT_HISTORY_UNKNOWN, ADA, 404),
          row(AUDIT_HISTORY_UNKNOWN, OTTO, 403),
          row(AUDIT_STATE, ANONYMOUS, 401),
          row(AUDIT_STATE, ANNA, 403),
          row(AUDIT_STATE, BEN, 403),
          row(AUDIT_STATE, CLARA, 403),
          row(AUDIT_STATE, CARL, 403),
          row(AUDIT_STATE, MONA, 403),
          row(AUDIT_STATE, UDO, 200),
          row(AUDIT_STATE, ADA, 200),
          row(AUDIT_STATE, OTTO, 403),
          row(AUDIT_STATE_UNKNOWN, ANONYMOUS, 401),
          row(AUDIT_STATE_UNKNOWN, ANNA, 403),
          row(AUDIT_STATE_UNKNOWN, BEN, 403),
          row(AUDIT_STATE_UNKNOWN, CLARA, 403),
          row(AUDIT_STATE_UNKNOWN, CARL, 403),
          row(AUDIT_STATE_UNKNOWN, MONA, 403),
          row(AUDIT_STATE_UNKNOWN, UDO, 404),
          row(AUDIT_STATE_UNKNOWN, ADA, 404),
          row(AUDIT_STATE_UNKNOWN, OTTO, 403),
          // statistics and open data (issue 11, stats slice): everyone reads, nobody writes
          row(STATISTICS_SERVICES, ANONYMOUS, 200),
          row(STATISTICS_SERVICES, ANNA, 200),
          row(STATISTICS_SERVICES, BEN, 200),
          row(STATISTICS_SERVICES, CLARA, 200),
          row(STATISTICS_SERVICES, CARL, 200),
          row(STATISTICS_SERVICES, MONA, 200),
          row(STATISTICS_SERVICES, UDO, 200),
          row(STATISTICS_SERVICES, ADA, 200),
          row(STATISTICS_SERVICES, OTTO, 200),
          row(STATISTICS_DEPARTMENTS, ANONYMOUS, 200),
          row(STATISTICS_DEPARTMENTS, ANNA, 200),
          row(STATISTICS_DEPARTMENTS, BEN, 200),
          row(STATISTICS_DEPARTMENTS, CLARA, 200),
          row(STATISTICS_DEPARTMENTS, CARL, 200),
          row(STATISTICS_DEPARTMENTS, MONA, 200),
          row(STATISTICS_DEPARTMENTS, UDO, 200),
          row(STATISTICS_DEPARTMENTS, ADA, 200),
          row(STATISTICS_DEPARTMENTS, OTTO, 200),
          row(STATISTICS_PARTICIPATION, ANONYMOUS, 200),
          row(STATISTICS_PARTICIPATION, ANNA, 200),
          row(STATISTICS_PARTICIPATION, BEN, 200),
          row(STATISTICS_PARTICIPATION, CLARA, 200),
          row(STATISTICS_PARTICIPATION, CARL, 200),
          row(STATISTICS_PARTICIPATION, MONA, 200),
          row(STATISTICS_PARTICIPATION, UDO, 200),
          row(STATISTICS_PARTICIPATION, ADA, 200),
          row(STATISTICS_PARTICIPATION, OTTO, 200),
          row(OPEN_DATA, ANONYMOUS, 200),
          row(OPEN_DATA, ANNA, 200),
          row(OPEN_DATA, BEN, 200),
          row(OPEN_DATA, CLARA, 200),
          row(OPEN_DATA, CARL, 200),
          row(OPEN_DATA, MONA, 200),
          row(OPEN_DATA, UDO, 200),
          row(OPEN_DATA, ADA, 200),
          row(OPEN_DATA, OTTO, 200),
          row(OPEN_DATA_CSV, ANONYMOUS, 200),
          row(OPEN_DATA_CSV, ANNA, 200),
          row(OPEN_DATA_CSV, BEN, 200),
          row(OPEN_DATA_CSV, CLARA, 200),
          row(OPEN_DATA_CSV, CARL, 200),
          row(OPEN_DATA_CSV, MONA, 200),
          row(OPEN_DATA_CSV, UDO, 200),
          row(OPEN_DATA_CSV, ADA, 200),
          row(OPEN_DATA_CSV, OTTO, 200),
          row(POST_STATISTICS, ANONYMOUS, 401),
          row(POST_STATISTICS, ANNA, 403),
          row(POST_STATISTICS, BEN, 403),
          row(POST_STATISTICS, CLARA, 403),
          row(POST_STATISTICS, CARL, 403),
          row(POST_STATISTICS, MONA, 403),
          row(POST_STATISTICS, UDO, 403),
          row(POST_STATISTICS, ADA, 403),
          row(POST_STATISTICS, OTTO, 403),
          row(POST_OPEN_DATA, ANONYMOUS, 401),
          row(POST_OPEN_DATA, ANNA, 403),
          row(POST_OPEN_DATA, BEN, 403),
          row(POST_OPEN_DATA, CLARA, 403),
          row(POST_OPEN_DATA, CARL, 403),
          row(POST_OPEN_DATA, MONA, 403),
          row(POST_OPEN_DATA, UDO, 403),
          row(POST_OPEN_DATA, ADA, 403),
          row(POST_OPEN_DATA, OTTO, 403),
          // rebuild helper: auditors and administrators see the read models and rebuild them
          row(PROJECTIONS, ANONYMOUS, 401),
          row(PROJECTIONS, ANNA, 403),
          row(PROJECTIONS, BEN, 403),
          row(PROJECTIONS, CLARA, 403),
          row(PROJECTIONS, CARL, 403),
          row(PROJECTIONS, MONA, 403),
          row(PROJECTIONS, UDO, 200),
          row(PROJECTIONS, ADA, 200),
          row(PROJECTIONS, OTTO, 403),
          row(PROJECTION, ANONYMOUS, 401),
          row(PROJECTION, ANNA, 403),
          row(PROJECTION, BEN, 403),
          row(PROJECTION, CLARA, 403),
          row(PROJECTION, CARL, 403),
          row(PROJECTION, MONA, 403),
          row(PROJECTION, UDO, 200),
          row(PROJECTION, ADA, 200),
          row(PROJECTION, OTTO, 403),
          row(REBUILD, ANONYMOUS, 401),
          row(REBUILD, ANNA, 403),
          row(REBUILD, BEN, 403),
          row(REBUILD, CLARA, 403),
          row(REBUILD, CARL, 403),
          row(REBUILD, MONA, 403),
          row(REBUILD, UDO, 202),
          row(REBUILD, ADA, 202),
          row(REBUILD, OTTO, 403),
          // tamper evidence × every caller
          row(CHECKPOINTS, ANONYMOUS, 200),
          row(CHECKPOINTS, ANNA, 200),
          row(CHECKPOINTS, BEN, 200),
          row(CHECKPOINTS, CLARA, 200),
          row(CHECKPOINTS, CARL, 200),
          row(CHECKPOINTS, MONA, 200),
          row(CHECKPOINTS, UDO, 200),
          row(CHECKPOINTS, ADA, 200),
          row(CHECKPOINTS, OTTO, 200),
          row(LATEST_CHECKPOINT, ANONYMOUS, 200),
          row(LATEST_CHECKPOINT, ANNA, 200),
          row(LATEST_CHECKPOINT, BEN, 200),
          row(LATEST_CHECKPOINT, CLARA, 200),
          row(LATEST_CHECKPOINT, CARL, 200),
          row(LATEST_CHECKPOINT, MONA, 200),
          row(LATEST_CHECKPOINT, UDO, 200),
          row(LATEST_CHECKPOINT, ADA, 200),
          row(LATEST_CHECKPOINT, OTTO, 200),
          row(INCLUSION_PROOF, ANONYMOUS, 200),
          row(INCLUSION_PROOF, ANNA, 200),
          row(INCLUSION_PROOF, BEN, 200),
          row(INCLUSION_PROOF, CLARA, 200),
          row(INCLUSION_PROOF, CARL, 200),
          row(INCLUSION_PROOF, MONA, 200),
          row(INCLUSION_PROOF, UDO, 200),
          row(INCLUSION_PROOF, ADA, 200),
          row(INCLUSION_PROOF, OTTO, 200),
          row(CONSISTENCY_PROOF, ANONYMOUS, 200),
          row(CONSISTENCY_PROOF, ANNA, 200),
          row(CONSISTENCY_PROOF, BEN, 200),
          row(CONSISTENCY_PROOF, CLARA, 200),
          row(CONSISTENCY_PROOF, CARL, 200),
          row(CONSISTENCY_PROOF, MONA, 200),
          row(CONSISTENCY_PROOF, UDO, 200),
          row(CONSISTENCY_PROOF, ADA, 200),
          row(CONSISTENCY_PROOF, OTTO, 200),
          row(LOG_KEY, ANONYMOUS, 200),
          row(LOG_KEY, ANNA, 200),
          row(LOG_KEY, BEN, 200),
          row(LOG_KEY, CLARA, 200),
          row(LOG_KEY, CARL, 200),
          row(LOG_KEY, MONA, 200),
          row(LOG_KEY, UDO, 200),
          row(LOG_KEY, ADA, 200),
          row(LOG_KEY, OTTO, 200),
          row(VERIFICATION, ANONYMOUS, 401),
          row(VERIFICATION, ANNA, 403),
          row(VERIFICATION, BEN, 403),
          row(VERIFICATION, CLARA, 403),
          row(VERIFICATION, CARL, 403),
          row(VERIFICATION, MONA, 403),
          row(VERIFICATION, UDO, 200),
          row(VERIFICATION, ADA, 403),
          row(VERIFICATION, OTTO, 403),
          row(RECEIPT, ANONYMOUS, 401),
          row(RECEIPT, ANNA, 200),
          row(RECEIPT, BEN, 404),
          row(RECEIPT, CLARA, 403),
          row(RECEIPT, CARL, 403),
          row(RECEIPT, MONA, 403),
          row(RECEIPT, UDO, 403),
          row(RECEIPT, ADA, 403),
          row(RECEIPT, OTTO, 403),
          // the Open311 API keys are the admins'; the updates feed is everyone's
          row(OPEN311_KEYS, ANONYMOUS, 401),
          row(OPEN311_KEYS, ANNA, 403),
          row(OPEN311_KEYS, BEN, 403),
          row(OPEN311_KEYS, CLARA, 403),
          row(OPEN311_KEYS, CARL, 403),
          row(OPEN311_KEYS, MONA, 403),
          row(OPEN311_KEYS, UDO, 403),
          row(OPEN311_KEYS, ADA, 200),
          row(OPEN311_KEYS, OTTO, 403),
          row(OPEN311_KEY_READ, ANONYMOUS, 401),
          row(OPEN311_KEY_READ, ANNA, 403),
          row(OPEN311_KEY_READ, BEN, 403),
          row(OPEN311_KEY_READ, CLARA, 403),
          row(OPEN311_KEY_READ, CARL, 403),
          row(OPEN311_KEY_READ, MONA, 403),
          row(OPEN311_KEY_READ, UDO, 403),
          row(OPEN311_KEY_READ, ADA, 200),
          row(OPEN311_KEY_READ, OTTO, 403),
          row(ISSUE_OPEN311_KEY, ANONYMOUS, 401),
          row(ISSUE_OPEN311_KEY, ANNA, 403),
          row(ISSUE_OPEN311_KEY, BEN, 403),
          row(ISSUE_OPEN311_KEY, CLARA, 403),
          row(ISSUE_OPEN311_KEY, CARL, 403),
          row(ISSUE_OPEN311_KEY, MONA, 403),
          row(ISSUE_OPEN311_KEY, UDO, 403),
          row(ISSUE_OPEN311_KEY, ADA, 201),
          row(ISSUE_OPEN311_KEY, OTTO, 403),
          row(REVOKE_OPEN311_KEY, ANONYMOUS, 401),
          row(REVOKE_OPEN311_KEY, ANNA, 403),
          row(REVOKE_OPEN311_KEY, BEN, 403),
          row(REVOKE_OPEN311_KEY, CLARA, 403),
          row(REVOKE_OPEN311_KEY, CARL, 403),
          row(REVOKE_OPEN311_KEY, MONA, 403),
          row(REVOKE_OPEN311_KEY, UDO, 403),
          row(REVOKE_OPEN311_KEY, ADA, 200),
          row(REVOKE_OPEN311_KEY, OTTO, 403),
          row(DELETE_OPEN311_KEY, ANONYMOUS, 401),
          row(DELETE_OPEN311_KEY, ANNA, 403),
          row(DELETE_OPEN311_KEY, BEN, 403),
          row(DELETE_OPEN311_KEY, CLARA, 403),
          row(DELETE_OPEN311_KEY, CARL, 403),
          row(DELETE_OPEN311_KEY, MONA, 403),
          row(DELETE_OPEN311_KEY, UDO, 403),
          row(DELETE_OPEN311_KEY, ADA, 204),
          row(DELETE_OPEN311_KEY, OTTO, 403),
          row(OPEN311_UPDATES_JSON, ANONYMOUS, 200),
          row(OPEN311_UPDATES_JSON, ANNA, 200),
          row(OPEN311_UPDATES_JSON, BEN, 200),
          row(OPEN311_UPDATES_JSON, CLARA, 200),
          row(OPEN311_UPDATES_JSON, CARL, 200),
          row(OPEN311_UPDATES_JSON, MONA, 200),
          row(OPEN311_UPDATES_JSON, UDO, 200),
          row(OPEN311_UPDATES_JSON, ADA, 200),
          row(OPEN311_UPDATES_JSON, OTTO, 200),
          row(OPEN311_UPDATES_XML, ANONYMOUS, 200),
          row(OPEN311_UPDATES_XML, ANNA, 200),
          row(OPEN311_UPDATES_XML, BEN, 200),
          row(OPEN311_UPDATES_XML, CLARA, 200),
          row(OPEN311_UPDATES_XML, CARL, 200),
          row(OPEN311_UPDATES_XML, MONA, 200),
          row(OPEN311_UPDATES_XML, UDO, 200),
          row(OPEN311_UPDATES_XML, ADA, 200),
          row(OPEN311_UPDATES_XML, OTTO, 200),
          // GeoReport v2 × every caller; a submission needs the api_key, whoever
          // else signs in
          row(OPEN311_DISCOVERY, ANONYMOUS, 200),
          row(OPEN311_DISCOVERY, ANNA, 200),
          row(OPEN311_DISCOVERY, BEN, 200),
          row(OPEN311_DISCOVERY, CLARA, 200),
          row(OPEN311_DISCOVERY, CARL, 200),
          row(OPEN311_DISCOVERY, MONA, 200),
          row(OPEN311_DISCOVERY, UDO, 200),
          row(OPEN311_DISCOVERY, ADA, 200),
          row(OPEN311_DISCOVERY, OTTO, 200),
          row(OPEN311_SERVICES, ANONYMOUS, 200),
          row(OPEN311_SERVICES, ANNA, 200),
          row(OPEN311_SERVICES, BEN, 200),
          row(OPEN311_SERVICES, CLARA, 200),
          row(OPEN311_SERVICES, CARL, 200),
          row(OPEN311_SERVICES, MONA, 200),
          row(OPEN311_SERVICES, UDO, 200),
          row(OPEN311_SERVICES, ADA, 200),
          row(OPEN311_SERVICES, OTTO, 200),
          row(OPEN311_SERVICE, ANONYMOUS, 200),
          row(OPEN311_SERVICE, ANNA, 200),
          row(OPEN311_SERVICE, BEN, 200),
          row(OPEN311_SERVICE, CLARA, 200),
          row(OPEN311_SERVICE, CARL, 200),
          row(OPEN311_SERVICE, MONA, 200),
          row(OPEN311_SERVICE, UDO, 200),
          row(OPEN311_SERVICE, ADA, 200),
          row(OPEN311_SERVICE, OTTO, 200),
          row(OPEN311_REQUESTS, ANONYMOUS, 200),
          row(OPEN311_REQUESTS, ANNA, 200),
          row(OPEN311_REQUESTS, BEN, 200),
          row(OPEN311_REQUESTS, CLARA, 200),
          row(OPEN311_REQUESTS, CARL, 200),
          row(OPEN311_REQUESTS, MONA, 200),
          row(OPEN311_REQUESTS, UDO, 200),
          row(OPEN311_REQUESTS, ADA, 200),
          row(OPEN311_REQUESTS, OTTO, 200),
          row(OPEN311_REQUEST, ANONYMOUS, 200),
          row(OPEN311_REQUEST, ANNA, 200),
          row(OPEN311_REQUEST, BEN, 200),
          row(OPEN311_REQUEST, CLARA, 200),
          row(OPEN311_REQUEST, CARL, 200),
          row(OPEN311_REQUEST, MONA, 200),
          row(OPEN311_REQUEST, UDO, 200),
          row(OPEN311_REQUEST, ADA, 200),
          row(OPEN311_REQUEST, OTTO, 200),
          row(OPEN311_TOKEN_READ, ANONYMOUS, 200),
          row(OPEN311_TOKEN_READ, ANNA, 200),
          row(OPEN311_TOKEN_READ, BEN, 200),
          row(OPEN311_TOKEN_READ, CLARA, 200),
          row(OPEN311_TOKEN_READ, CARL, 200),
          row(OPEN311_TOKEN_READ, MONA, 200),
          row(OPEN311_TOKEN_READ, UDO, 200),
          row(OPEN311_TOKEN_READ, ADA, 200),
          row(OPEN311_TOKEN_READ, OTTO, 200),
          row(OPEN311_SUBMIT, ANONYMOUS, 201),
          row(OPEN311_SUBMIT, ANNA, 201),
          row(OPEN311_SUBMIT, BEN, 201),
          row(OPEN311_SUBMIT, CLARA, 201),
          row(OPEN311_SUBMIT, CARL, 201),
          row(OPEN311_SUBMIT, MONA, 201),
          row(OPEN311_SUBMIT, UDO, 201),
          row(OPEN311_SUBMIT, ADA, 201),
          row(OPEN311_SUBMIT, OTTO, 201),
          row(OPEN311_SUBMIT_WITHOUT_KEY, ANONYMOUS, 403),
          row(OPEN311_SUBMIT_WITHOUT_KEY, ANNA, 403),
          row(OPEN311_SUBMIT_WITHOUT_KEY, BEN, 403),
          row(OPEN311_SUBMIT_WITHOUT_KEY, CLARA, 403),
          row(OPEN311_SUBMIT_WITHOUT_KEY, CARL, 403),
          row(OPEN311_SUBMIT_WITHOUT_KEY, MONA, 403),
          row(OPEN311_SUBMIT_WITHOUT_KEY, UDO, 403),
          row(OPEN311_SUBMIT_WITHOUT_KEY, ADA, 403),
          row(OPEN311_SUBMIT_WITHOUT_KEY, OTTO, 403));

  @LocalServerPort int port;
  private TestClient client;

  @BeforeEach
  void client() {
    client = new TestClient(port);
  }

  /**
   * One test per row. The rows are called by a few threads at once (they are independent, and one
   * after the other they would take minutes: most calls check a password hash, many make their
   * target first); each test then checks its row's answer.
   */
  @TestFactory
  Stream<DynamicTest> everyRowAnswersItsStatus() {
    long deadline = System.nanoTime() + ROWS_BOUND.toNanos();
    Map<Row, Future<Response>> answers = callAll();
    Stream<DynamicTest> rows =
        ROWS.stream()
            .map(
                row ->
                    DynamicTest.dynamicTest(
                        row.toString(),
                        () -> {
                          Response response =
                              answers
                                  .get(row)
                                  .get(
                                      Math.max(1, deadline - System.nanoTime()),
                                      TimeUnit.NANOSECONDS);
                          check(row, response);
                        }));
    // rebuild helper: the rebuilds the rows started end before the engine's data directory goes
    return Stream.concat(
        rows,
        Stream.of(
            DynamicTest.dynamicTest(
                "the rebuilds the rows started are over", this::awaitRebuildsOver)));
  }

  /** Rebuild helper: every read model is LIVE again (its rebuild switched in). */
  private void awaitRebuildsOver() throws InterruptedException {
    long deadline = System.nanoTime() + ROWS_BOUND.toNanos();
    while (true) {
      boolean live = true;
      for (JsonNode item :
          client
              .get("/api/v1/audit/projections")
              .as("udo")
              .send()
              .expect(200)
              .json()
              .path("items")) {
        live &= item.path("status").asText().equals("LIVE");
      }
      if (live) {
        return;
      }
      assertThat(System.nanoTime()).as("rebuilds over in time").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static void check(Row row, Response response) {
    assertThat(response.status())
        .as("%s as %s (answered %s)", row.endpoint(), row.caller(), response.body())
        .isEqualTo(row.status());
    if (row.status() >= 400 && row.endpoint().name().contains(" /open311/")) {
      // Open311's refusals are the standard's error list, not problems
      assertThat(response.json().get(0).path("code").asInt())
          .as("%s as %s: the standard's error list", row.endpoint(), row.caller())
          .isEqualTo(row.status());
    } else if (row.status() >= 400) {
      assertThat(response.isProblem())
          .as(
              "%s as %s: a %s is application/problem+json, was %s",
              row.endpoint(), row.caller(), row.status(), response.header("Content-Type"))
          .isTrue();
    }
  }

  @Test
  void everyEndpointIsWalkedByEveryCaller() {
    List<String> problems = new ArrayList<>();
    for (Endpoint endpoint : ENDPOINTS) {
      Set<Caller> later = SUCCESS_ROWS_COME_WITH_THE_FEATURE.getOrDefault(endpoint, Set.of());
      for (Caller caller : Caller.values()) {
        long rows =
            ROWS.stream().filter(r -> r.endpoint() == endpoint && r.caller() == caller).count();
        if (later.contains(caller) && rows > 0) {
          problems.add(
              endpoint + " as " + caller + " has a row now: take it out of the pending set");
        } else if (!later.contains(caller) && rows != 1) {
          problems.add(endpoint + " as " + caller + " has " + rows + " rows instead of 1");
        }
      }
    }
    assertThat(ROWS).allMatch(r -> ENDPOINTS.contains(r.endpoint()), "rows of listed endpoints");
    assertThat(problems).isEmpty();
  }

  @Test
  void everyOperationOfTheApiIsInTheTable() {
    JsonNode paths = client.get("/v3/api-docs").send().expect(200).json().path("paths");
    Set<String> documented = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      if (!path.getKey().startsWith("/api/")) {
        continue; // the error page (/error) is no resource of the API
      }
      path.getValue()
          .fieldNames()
          .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey()));
    }
    Set<String> walked = new TreeSet<>();
    ENDPOINTS.stream().map(Endpoint::operation).filter(o -> o != null).forEach(walked::add);
    assertThat(walked).as("operations of the API that the table walks").containsAll(documented);
  }

  // --- targets

  /** Bounds the whole walk, so that a stuck engine fails the rows instead of hanging. */
  private static final Duration ROWS_BOUND = Duration.ofSeconds(150);

  private static final int THREADS = 6;

  /**
   * Calls every row with its target: a new one for each row the resource itself answers (2xx, 404,
   * 409: it may change it), one per endpoint for the rows refused for their caller alone (401, 403:
   * the refusal must not depend on it), and one request for all rows that only read it.
   */
  private Map<Row, Future<Response>> callAll() {
    ExecutorService callers = Executors.newFixedThreadPool(THREADS);
    try {
      Map<Object, Future<String>> shared = new HashMap<>();
      Map<Row, Future<Response>> answers = new HashMap<>();
      for (Row row : ROWS) {
        Target target = row.endpoint().target();
        Object sharedBy =
            target == Target.ANNAS_REQUEST_TO_READ
                ? target
                : row.refusedForTheCaller() ? row.endpoint() : null;
        // a shared target is ordered before the rows that wait for it, so it is made first
        Future<String> sharedTarget =
            sharedBy == null
                ? null
                : shared.computeIfAbsent(sharedBy, key -> callers.submit(() -> make(target)));
        answers.put(
            row,
            callers.submit(
                () -> {
                  String id =
                      sharedTarget == null
                          ? make(target)
                          : sharedTarget.get(ROWS_BOUND.toSeconds(), TimeUnit.SECONDS);
                  return row.endpoint().request().apply(client, id).as(row.caller().user).send();
                }));
      }
      return answers;
    } finally {
      callers.shutdown(); // what was ordered is still done
    }
  }

  private String make(Target target) {
    return switch (target) {
      case NONE -> null;
      case NEW_SERVICE_CODE -> "zugriff-" + UUID.randomUUID().toString().substring(0, 8);
      case DRAFT_SERVICE -> draftService();
      case PUBLISHED_SERVICE -> publish(draftService());
      case NEW_DEPARTMENT_CODE -> "zugriff-amt-" + UUID.randomUUID().toString().substring(0, 8);
      case ACTIVE_DEPARTMENT -> createDepartment();
      case NEW_ACTION_FIELD_CODE -> "zugriff-feld-" + UUID.randomUUID().toString().substring(0, 8);
      case ACTIVE_ACTION_FIELD -> createActionField();
      case DRAFT_CONSULTATION -> draftConsultation();
      case OPEN_CONSULTATION -> openConsultation(draftConsultation());
      case ANNAS_PROPOSAL -> propose(openConsultation(draftConsultation()));
      case OPEN_FEEDBACK_CONSULTATION -> openConsultation(draftFeedbackConsultation());
      case FEEDBACK_ITEM -> putUpItem(openConsultation(draftFeedbackConsultation()));
      case DRAFT_FEEDBACK_ITEM -> putUpItem(draftFeedbackConsultation());
      case ANNAS_REQUEST_TO_READ -> submitted();
      case SUBMITTED -> submitted();
      case IN_PROGRESS -> assign(submitted());
      case WAITING_FOR_APPLICANT -> ask(assign(submitted()));
      case OPEN_QUESTION -> openQuestion(ask(assign(submitted())));
      case DECIDED -> decide(assign(submitted()));
      case UNKNOWN_SUBJECT -> "unbekannt-" + UUID.randomUUID();
      case ATTACHED -> attach(submitted());
      case OBJECTION_PENDING -> object(decide(assign(submitted())));
      case READ_MODEL -> READ_MODELS.get(readModels.getAndIncrement() % READ_MODELS.size());
      case OPEN311_KEY -> issueOpen311Key();
      case OPEN311_REPORT -> open311("service_request_id", OPEN311_REPORT_FORM);
      case OPEN311_TOKEN ->
          open311(
              "token",
              "service_code=meldebescheinigung&attribute%5Bcertificate_kind%5D=simple"
                  + "&attribute%5Bpurpose%5D=Arbeitgeber&attribute%5Bdelivery%5D=post"
                  + "&attribute%5Bcopies%5D=1&first_name=Anna&last_name=Beispiel");
    };
  }

  /** Open311 helper: submits a form with the test client's key; answers the field asked for. */
  private String open311(String field, String form) {
    Response created =
        client
            .post("/open311/v2/requests.json")
            .body(
                form + "&api_key=" + de.rathaus.api.open311.Open311TestKeys.KEY,
                "application/x-www-form-urlencoded")
            .send();
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get(0).path(field).asText();
  }

  // rebuild helper: each row that rebuilds gets a read model of its own (a second rebuild of one
  // while it runs would be 409)
  private static final List<String> READ_MODELS =
      List.of("service-catalogue", "departments", "action-fields", "moderation-log");
  private final java.util.concurrent.atomic.AtomicInteger readModels =
      new java.util.concurrent.atomic.AtomicInteger();

  private String issueOpen311Key() {
    return client
        .post("/api/v1/open311/keys")
        .as("ada")
        .json("{\"name\": \"Zugriffstest\"}")
        .expect(201)
        .path("id")
        .asText();
  }

  private String submitted() {
    return client
        .post("/api/v1/requests")
        .as("anna")
        .json(CERTIFICATE)
        .expect(201)
        .path("id")
        .asText();
  }

  private String assign(String id) {
    client
        .post("/api/v1/cases/" + id + "/assignment")
        .as("clara")
        .json("{\"assignee\": \"clara\"}")
        .expect(200);
    return id;
  }

  private String ask(String id) {
    client
        .post("/api/v1/cases/" + id + "/information-requests")
        .as("clara")
        .json(QUESTION)
        .expect(200);
    return id;
  }

  /** The request's id and its open question's id, as "id/questionId". */
  private String openQuestion(String id) {
    String question =
        client
            .get("/api/v1/cases/" + id)
            .as("clara")
            .expect(200)
            .path("informationRequests")
            .get(0)
            .path("id")
            .asText();
    return id + "/" + question;
  }

  /** The request's id and the id of a document anna attached to it, as "id/attachmentId". */
  private String attach(String id) {
    String attachment =
        withDocument(client.post("/api/v1/requests/" + id + "/attachments").as("anna"), null)
            .expect(201)
            .path("id")
            .asText();
    return id + "/" + attachment;
  }

  private String object(String id) {
    client.post("/api/v1/requests/" + id + "/objection").as("anna").json(OBJECTION).expect(200);
    return id;
  }

  private String decide(String id) {
    client.post("/api/v1/cases/" + id + "/decision").as("clara").json(DECISION).expect(200);
    return id;
  }

  private String draftService() {
    String code = make(Target.NEW_SERVICE_CODE);
    client.post("/api/v1/services").as("ada").json(service(code, "Entwurf")).expect(201);
    return code;
  }

  private String createDepartment() {
    String code = make(Target.NEW_DEPARTMENT_CODE);
    client.post("/api/v1/departments").as("ada").json(department(code, "Amt")).expect(201);
    return code;
  }

  private String createActionField() {
    String code = make(Target.NEW_ACTION_FIELD_CODE);
    client.post("/api/v1/action-fields").as("ada").json(actionField(code, "Feld")).expect(201);
    return code;
  }

  private String draftConsultation() {
    return client
        .post("/api/v1/consultations")
        .as("ada")
        .json(consultation())
        .expect(201)
        .path("id")
        .asText();
  }

  private String openConsultation(String id) {
    client
        .post("/api/v1/consultations/" + id + "/phase")
        .as("ada")
        .json("{\"phase\": \"OPEN\"}")
        .expect(200);
    return id;
  }

  private String propose(String consultation) {
    return client
        .post("/api/v1/consultations/" + consultation + "/proposals")
        .as("anna")
        .json(PROPOSAL)
        .expect(201)
        .path("id")
        .asText();
  }

  // supports

  private String draftFeedbackConsultation() {
    return client
        .post("/api/v1/consultations")
        .as("ada")
        .json(consultation().replace("\"IDEAS\"", "\"FEEDBACK\""))
        .expect(201)
        .path("id")
        .asText();
  }

  private String putUpItem(String consultation) {
    return client
        .post("/api/v1/consultations/" + consultation + "/proposals")
        .as("ada")
        .json(ITEM)
        .expect(201)
        .path("id")
        .asText();
  }

  private String publish(String code) {
    client.post("/api/v1/services/" + code + "/publication").as("ada").expect(200);
    return code;
  }
}
