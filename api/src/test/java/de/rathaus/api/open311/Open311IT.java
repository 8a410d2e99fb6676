package de.rathaus.api.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.rathaus.api.TestClient;
import de.rathaus.api.TestClient.Response;
import de.rathaus.api.privacy.DataFiles;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Open311 GeoReport v2 through HTTP, as an Open311 client uses it, on one engine (small hourly
 * limits, so that the last test reaches them): discovery → services → definition → a report with
 * attributes → the request → its status after the clerk's decision; an application's token; every
 * JSON answer against the official schemas, every XML answer mapped to JSON by the specification's
 * element names and validated the same way (and equal to the JSON answer). Public reads show only
 * what is public; bad input answers the standard's error list in the path's format and stores
 * nothing; the submission is on the channel {@code open311} with the key's id as the actor. The
 * client's API key is issued by the admin {@code ada} through {@code POST /api/v1/open311/keys}, as
 * a city would issue it, and refused once she revokes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Open311IT {

  @TempDir static Path dataDir;

  static final int PER_KEY = 30;
  static final int PER_ADDRESS = 60;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
    registry.add("rathaus.open311.jurisdiction-id", () -> "heilbronn.example");
    registry.add("rathaus.open311.requests-per-hour-per-key", () -> PER_KEY);
    registry.add("rathaus.open311.requests-per-hour-per-address", () -> PER_ADDRESS);
    // the updates feed waits for gaps below an update to be given up, twice the lease after the
    // event above them (see the README); a shorter lease keeps the session's wait short
    registry.add("rathaus.event-store.lease", () -> "4s");
  }

  static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  static final String NAME = "Kanari-Name-" + RUN;
  static final String EMAIL = "kanari-" + RUN + "@example.org";
  static final String PHONE = "0711-" + RUN.hashCode();
  static final String ADDRESS = "Kanari-Gasse " + RUN;
  static final String PUBLISHED = "Schlagloch vor der Schule " + RUN;
  static final String REASONING = "Kanari-Begruendung-" + RUN;

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  private TestClient client;

  /** The report of the client session, by case number and request id. */
  private static String reportNumber;

  /** The client's API key and its public id, issued by the admin (again after a revocation). */
  private static String apiKey;

  private static String apiKeyId;

  @BeforeEach
  void client() {
    client = new TestClient(port);
    if (apiKey == null) {
      issueKey();
    }
  }

  /** A key for the tests' client, issued as a city issues one: by an admin, through the API. */
  private void issueKey() {
    JsonNode issued =
        client
            .post("/api/v1/open311/keys")
            .as("ada")
            .json("{\"name\": \"Testapp " + RUN + "\"}")
            .expect(201);
    apiKey = issued.path("key").asText();
    apiKeyId = issued.path("id").asText();
    assertThat(apiKey).startsWith(apiKeyId + ".");
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  static Map<String, String> report() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("api_key", apiKey);
    fields.put("service_code", "maengelmelder");
    fields.put("attribute[category]", "pothole");
    fields.put("lat", "49.1427");
    fields.put("long", "9.2109");
    fields.put("address_string", ADDRESS);
    fields.put("first_name", "Kanari");
    fields.put("last_name", NAME);
    fields.put("email", EMAIL);
    fields.put("phone", PHONE);
    fields.put("description", PUBLISHED);
    return fields;
  }

  private Response post(String format, Map<String, String> fields) {
    return client
        .post("/open311/v2/requests." + format)
        .body(form(fields), "application/x-www-form-urlencoded")
        .send();
  }

  /** {@code path} with the format's ending before its query. */
  static String ending(String path, String format) {
    int query = path.indexOf('?');
    return query < 0
        ? path + "." + format
        : path.substring(0, query) + "." + format + path.substring(query);
  }

  private JsonNode json(String path) {
    Response answer = client.get(ending(path, "json")).send();
    assertThat(answer.status()).as("GET %s.json: %s", path, answer.body()).isEqualTo(200);
    assertThat(answer.header("Content-Type").orElse("")).startsWith("application/json");
    return answer.json();
  }

  /** The XML answer of {@code path}, as JSON, after checking it is XML. */
  private JsonNode xml(String path) {
    Response answer = client.get(ending(path, "xml")).send();
    assertThat(answer.status()).as("GET %s.xml: %s", path, answer.body()).isEqualTo(200);
    assertThat(answer.header("Content-Type").orElse("")).startsWith("text/xml");
    return Open311Schemas.fromXml(answer.body());
  }

  /** The JSON and the XML answer of {@code path}: both valid, and the same. */
  private JsonNode both(String path, String schema) {
    JsonNode json = json(path);
    JsonNode xml = xml(path);
    if (schema != null) {
      Open311Schemas.valid(schema, json);
      Open311Schemas.valid(schema, xml);
    }
    assertThat(xml).as("%s: XML and JSON say the same", path).isEqualTo(json);
    return json;
  }

  /** An error answer: the standard's list, every entry with the status as its code. */
  private static JsonNode errors(Response answer, int status, String format) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    JsonNode list;
    if (format.equals("xml")) {
      assertThat(answer.header("Content-Type").orElse("")).startsWith("text/xml");
      assertThat(answer.body()).contains("<errors>").contains("<error>");
      list = Open311Schemas.fromXml(answer.body());
    } else {
      assertThat(answer.header("Content-Type").orElse("")).startsWith("application/json");
      list = answer.json();
    }
    assertThat(list.isArray()).as(answer.body()).isTrue();
    assertThat(list.size()).isPositive();
    for (JsonNode error : list) {
      assertThat(error.path("code").asInt()).isEqualTo(status);
      assertThat(error.path("description").asText()).isNotBlank();
      assertThat(error.size()).isEqualTo(2);
    }
    return list;
  }

  @Test
  @Order(1)
  void discoveryServicesAndDefinitionsKeepToTheStandardInBothFormats() {
    JsonNode discovery = both("/open311/v2/discovery", null);
    assertThat(discovery.path("endpoints").get(0).path("specification").asText())
        .isEqualTo("http://wiki.open311.org/GeoReport_v2");
    assertThat(discovery.path("endpoints").get(0).path("url").asText()).endsWith("/open311/v2");
    assertThat(discovery.path("endpoints").get(0).path("formats"))
        .extracting(JsonNode::asText)
        .containsExactly("text/xml", "application/json");
    assertThat(discovery.path("endpoints").get(0).path("type").asText()).isEqualTo("test");

    JsonNode services = both("/open311/v2/services", "services.json");
    Map<String, String> types = new LinkedHashMap<>();
    services.forEach(s -> types.put(s.path("service_code").asText(), s.path("type").asText()));
    assertThat(types).containsEntry("maengelmelder", "realtime");
    assertThat(types).containsEntry("meldebescheinigung", "batch");
    assertThat(types).hasSizeGreaterThanOrEqualTo(11);

    JsonNode definition = both("/open311/v2/services/maengelmelder", "service-definition.json");
    assertThat(definition.path("service_code").asText()).isEqualTo("maengelmelder");
    JsonNode category = definition.path("attributes").get(0);
    assertThat(category.path("code").asText()).isEqualTo("category");
    assertThat(category.path("datatype").asText()).isEqualTo("singlevaluelist");
    assertThat(category.path("required").asBoolean()).isTrue();
    assertThat(category.path("values").findValuesAsText("key")).contains("pothole", "graffiti");
    JsonNode publish = definition.path("attributes").get(2);
    assertThat(publish.path("code").asText()).isEqualTo("publish_description");
    assertThat(publish.path("required").asBoolean()).isFalse();

    both("/open311/v2/services/meldebescheinigung", "service-definition.json");
    // the jurisdiction, where a client names it, is this one
    assertThat(
            client
                .get("/open311/v2/services.json?jurisdiction_id=heilbronn.example")
                .send()
                .status())
        .isEqualTo(200);
    // English where asked for
    JsonNode english =
        client
            .get("/open311/v2/services/maengelmelder.json")
            .header("Accept-Language", "en")
            .send()
            .json();
    assertThat(english.path("attributes").get(0).path("description").asText())
        .isEqualTo("What would you like to report?");
  }

  @Test
  @Order(2)
  void aReportGoesFromTheClientToTheClerksDecisionAndShowsOnlyWhatIsPublic() throws Exception {
    Map<String, String> fields = report();
    fields.put("attribute[publish_description]", "true");
    Response created = post("json", fields);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode answer = created.json().get(0);
    reportNumber = answer.path("service_request_id").asText();
    assertThat(reportNumber).matches("[A-Z]{2,5}-\\d{4}-\\d{6,}");
    assertThat(answer.has("token")).isFalse();
    assertThat(answer.path("service_notice").asText()).isNotBlank();
    assertThat(answer.has("account_id")).isTrue();

    JsonNode request = both("/open311/v2/requests/" + reportNumber, "requests.json").get(0);
    assertThat(request.path("status").asText()).isEqualTo("open");
    assertThat(request.path("service_code").asText()).isEqualTo("maengelmelder");
    assertThat(request.path("lat").asDouble()).isEqualTo(49.1427);
    assertThat(request.path("long").asDouble()).isEqualTo(9.2109);
    assertThat(request.path("description").asText()).isEqualTo(PUBLISHED);
    assertThat(request.path("agency_responsible").asText()).isNotBlank();
    assertThat(request.path("expected_datetime").isNull()).isFalse();
    assertThat(request.path("address").isNull()).as("the address is personal").isTrue();
    assertPublicOnly(client.get("/open311/v2/requests/" + reportNumber + ".json").send().body());
    assertPublicOnly(client.get("/open311/v2/requests/" + reportNumber + ".xml").send().body());

    JsonNode listed = both("/open311/v2/requests", "requests.json");
    assertThat(listed.findValuesAsText("service_request_id")).contains(reportNumber);
    assertThat(json("/open311/v2/requests?status=closed").findValuesAsText("service_request_id"))
        .doesNotContain(reportNumber);
    assertThat(
            json("/open311/v2/requests?service_code=meldebescheinigung")
                .findValuesAsText("service_request_id"))
        .doesNotContain(reportNumber);
    assertThat(
            json("/open311/v2/requests?service_request_id=" + reportNumber + ",HN-1999-000001")
                .findValuesAsText("service_request_id"))
        .containsExactly(reportNumber);

    // the clerk of the department in charge decides it through the API
    String id = caseId(reportNumber);
    client
        .post("/api/v1/cases/" + id + "/assignment")
        .as("carl")
        .json("{\"assignee\": \"carl\"}")
        .expect(200);
    assertThat(json("/open311/v2/requests/" + reportNumber).get(0).path("status").asText())
        .isEqualTo("open");
    client
        .post("/api/v1/cases/" + id + "/decision")
        .as("carl")
        .json(
            "{\"outcome\": \"resolved\", \"reasoning\": \""
                + REASONING
                + "\", \"legalBasis\": \"§ 45 StVO\"}")
        .expect(200);
    JsonNode decided = both("/open311/v2/requests/" + reportNumber, "requests.json").get(0);
    assertThat(decided.path("status").asText()).isEqualTo("closed");
    assertThat(decided.path("status_notes").asText())
        .isEqualTo("Erledigt: das Amt hat entschieden.");
    assertThat(
            Instant.parse(
                decided
                    .path("updated_datetime")
                    .asText()
                    .replace("+01:00", "Z")
                    .replace("+02:00", "Z")))
        .isNotNull();
    assertPublicOnly(client.get("/open311/v2/requests/" + reportNumber + ".json").send().body());
    assertThat(client.get("/open311/v2/requests/" + reportNumber + ".json").send().body())
        .doesNotContain(REASONING, "§ 45");

    // the client follows the case in the updates feed: received, in progress, decided
    java.util.List<JsonNode> updates = updatesOf(reportNumber, 3);
    assertThat(updates)
        .extracting(u -> u.path("status").asText())
        .containsExactly("open", "open", "closed");
    assertThat(updates)
        .extracting(u -> u.path("description").asText())
        .containsExactly("Eingegangen", "In Bearbeitung", "Entschieden");
    // and goes on after the last update it has: nothing new of this request
    String last = updates.get(2).path("update_id").asText();
    assertThat(
            client
                .get("/open311/v2/servicerequestupdates.json?after=" + last)
                .send()
                .expect(200)
                .json()
                .findValuesAsText("service_request_id"))
        .doesNotContain(reportNumber);

    // an ordinary command: on the channel open311, the key's id as the actor, the contact encrypted
    JsonNode trail =
        client.get("/api/v1/audit/events?aggregate=" + id).as("udo").expect(200).path("items");
    assertThat(trail.get(0).path("type").asText()).isEqualTo("ServiceRequestSubmitted");
    assertThat(trail.get(0).path("channel").asText()).isEqualTo("open311");
    assertThat(trail.get(0).path("actor").path("id").asText()).isEqualTo(apiKeyId);
    assertThat(trail.get(0).path("actor").path("role").asText()).isEqualTo("OPEN311_CLIENT");
    assertThat(DataFiles.containing(dataDir, NAME)).as("the name on disk").isEmpty();
    assertThat(DataFiles.containing(dataDir, EMAIL)).as("the e-mail on disk").isEmpty();
    JsonNode clerksCase = client.get("/api/v1/cases/" + id).as("carl").expect(200);
    assertThat(clerksCase.path("contact").path("email").asText()).isEqualTo(EMAIL);
    assertThat(clerksCase.path("contact").path("name").asText()).isEqualTo("Kanari " + NAME);
    assertThat(clerksCase.path("contact").path("phone").asText()).isEqualTo(PHONE);
    assertThat(clerksCase.path("location").path("address").asText()).isEqualTo(ADDRESS);
    assertThat(clerksCase.path("description").asText()).isEqualTo(PUBLISHED);
    assertThat(clerksCase.path("applicant").asText()).isEqualTo("open311-" + id);
  }

  /**
   * The updates of one request in the feed, as a client reads it: from the start, page after page
   * ({@code after=} the last {@code update_id}), until {@code expected} of them are there.
   */
  private java.util.List<JsonNode> updatesOf(String caseNumber, int expected) throws Exception {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
    while (true) {
      java.util.List<JsonNode> ours = new java.util.ArrayList<>();
      String after = "0";
      while (true) {
        Response page =
            client
                .get("/open311/v2/servicerequestupdates.json?after=" + after + "&limit=500")
                .send()
                .expect(200);
        JsonNode updates = page.json();
        if (updates.isEmpty()) {
          break;
        }
        for (JsonNode update : updates) {
          if (update.path("service_request_id").asText().equals(caseNumber)) {
            ours.add(update);
          }
          after = update.path("update_id").asText();
        }
      }
      if (ours.size() >= expected || System.nanoTime() > deadline) {
        assertPublicOnly(ours.toString());
        return ours;
      }
      Thread.sleep(200);
    }
  }

  /** Nothing of the reporter but what they agreed to publish. */
  private static void assertPublicOnly(String body) {
    assertThat(body).doesNotContain(NAME, EMAIL, PHONE, ADDRESS, "open311-");
  }

  /** The request id of a case number, as its department's clerks see it. */
  private String caseId(String caseNumber) {
    for (String status : new String[] {"SUBMITTED", "IN_PROGRESS"}) {
      for (JsonNode item :
          client
              .get("/api/v1/cases?status=" + status + "&size=500")
              .as("carl")
              .expect(200)
              .path("items")) {
        if (item.path("caseNumber").asText().equals(caseNumber)) {
          return item.path("id").asText();
        }
      }
    }
    throw new AssertionError("no case " + caseNumber + " in ordnungsamt's queue");
  }

  @Test
  @Order(3)
  void anApplicationIsABatchSubmissionWithATokenAndShowsNeitherPlaceNorDescription() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("api_key", apiKey);
    fields.put("service_code", "meldebescheinigung");
    fields.put("attribute[certificate_kind]", "simple");
    fields.put("attribute[purpose]", "Arbeitgeber");
    fields.put("attribute[delivery]", "post");
    fields.put("attribute[copies]", "1");
    fields.put("first_name", "Kanari");
    fields.put("last_name", NAME);
    fields.put("lat", "49.15");
    fields.put("long", "9.22");
    fields.put("description", "Bitte schnell " + RUN);
    Response created = post("xml", fields);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode answer = Open311Schemas.fromXml(created.body()).get(0);
    String token = answer.path("token").asText();
    assertThat(token).isNotBlank();
    assertThat(answer.has("service_request_id")).isFalse();

    JsonNode tokens = both("/open311/v2/tokens/" + token, null);
    assertThat(tokens.get(0).path("token").asText()).isEqualTo(token);
    String number = tokens.get(0).path("service_request_id").asText();
    JsonNode request = both("/open311/v2/requests/" + number, "requests.json").get(0);
    assertThat(request.path("service_code").asText()).isEqualTo("meldebescheinigung");
    assertThat(request.path("status").asText()).isEqualTo("open");
    assertThat(request.path("lat").isNull()).isTrue();
    assertThat(request.path("description").isNull()).isTrue();
    assertThat(client.get("/open311/v2/requests/" + number + ".json").send().body())
        .doesNotContain(RUN);

    // a report without the reporter's agreement: no description
    Response silent = post("json", report());
    assertThat(silent.status()).as(silent.body()).isEqualTo(201);
    String silentNumber = silent.json().get(0).path("service_request_id").asText();
    assertThat(json("/open311/v2/requests/" + silentNumber).get(0).path("description").isNull())
        .isTrue();

    // several values of a multivaluelist: attribute[code][] (or the same name repeated)
    String bulky =
        "api_key="
            + apiKey
            + "&service_code=sperrmuell&attribute%5Bpreferred_date%5D=2026-12-20"
            + "&attribute%5Bestimated_volume_m3%5D=2.5&first_name=Kanari&last_name=Sperr"
            + "&attribute%5Bitems%5D%5B%5D=furniture&attribute%5Bitems%5D%5B%5D=mattresses";
    Response several =
        client
            .post("/open311/v2/requests.json")
            .body(bulky, "application/x-www-form-urlencoded")
            .send();
    assertThat(several.status()).as(several.body()).isEqualTo(201);
    assertThat(several.json().get(0).path("token").asText()).isNotBlank();
    errors(
        client
            .post("/open311/v2/requests.json")
            .body(
                bulky + "&attribute%5Bitems%5D%5B%5D=unicorns", "application/x-www-form-urlencoded")
            .send(),
        400,
        "json");
    errors(
        client
            .post("/open311/v2/requests.json")
            .body(
                bulky + "&attribute%5Bestimated_volume_m3%5D=3",
                "application/x-www-form-urlencoded")
            .send(),
        400,
        "json");
  }

  @Test
  @Order(4)
  void badInputAnswersTheStandardsErrorsAndStoresNothing() {
    String lastNumber = post("json", report()).json().get(0).path("service_request_id").asText();
    int before = json("/open311/v2/requests").size();
    Map<String, String> unknownService = report();
    unknownService.put("service_code", "no-such-service");
    errors(post("json", unknownService), 400, "json");

    Map<String, String> noLocation = report();
    noLocation.remove("lat");
    noLocation.remove("long");
    noLocation.remove("address_string");
    assertThat(errors(post("xml", noLocation), 400, "xml").get(0).path("description").asText())
        .contains("lat");
    Map<String, String> onlyLat = report();
    onlyLat.remove("long");
    errors(post("json", onlyLat), 400, "json");
    Map<String, String> badLat = report();
    badLat.put("lat", "north");
    errors(post("json", badLat), 400, "json");

    Map<String, String> tooLong = report();
    tooLong.put("description", "x".repeat(4_001));
    assertThat(errors(post("json", tooLong), 400, "json").get(0).path("description").asText())
        .contains("description");
    Map<String, String> justRight = report();
    justRight.put("description", "y".repeat(4_000));
    justRight.put("api_key", "not-a-key");
    errors(post("json", justRight), 403, "json"); // valid otherwise: refused for the key alone

    Map<String, String> noKey = report();
    noKey.remove("api_key");
    errors(post("xml", noKey), 403, "xml");

    Map<String, String> badValue = report();
    badValue.put("attribute[category]", "unicorn");
    assertThat(errors(post("json", badValue), 400, "json").get(0).path("description").asText())
        .contains("attribute[category]");
    Map<String, String> unknownAttribute = report();
    unknownAttribute.put("attribute[colour]", "red");
    errors(post("json", unknownAttribute), 400, "json");
    Map<String, String> missingRequired = report();
    missingRequired.remove("attribute[category]");
    errors(post("json", missingRequired), 400, "json");
    Map<String, String> badMedia = report();
    badMedia.put("media_url", "javascript:alert(1)");
    errors(post("json", badMedia), 400, "json");
    Map<String, String> otherJurisdiction = report();
    otherJurisdiction.put("jurisdiction_id", "elsewhere.example");
    errors(post("json", otherJurisdiction), 400, "json");
    Map<String, String> noName = new LinkedHashMap<>();
    noName.put("api_key", apiKey);
    noName.put("service_code", "meldebescheinigung");
    noName.put("attribute[certificate_kind]", "simple");
    noName.put("attribute[purpose]", "Arbeitgeber");
    noName.put("attribute[delivery]", "post");
    noName.put("attribute[copies]", "1");
    assertThat(errors(post("json", noName), 400, "json").get(0).path("description").asText())
        .contains("first_name");

    errors(client.get("/open311/v2/services/no-such-service.json").send(), 404, "json");
    errors(client.get("/open311/v2/services/no-such-service.xml").send(), 404, "xml");
    errors(client.get("/open311/v2/requests/HN-1999-000001.json").send(), 404, "json");
    errors(client.get("/open311/v2/tokens/" + UUID.randomUUID() + ".xml").send(), 404, "xml");
    errors(client.get("/open311/v2/requests.json?start_date=yesterday").send(), 400, "json");
    errors(
        client
            .get(
                "/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z")
            .send(),
        400,
        "json");
    errors(client.get("/open311/v2/requests.xml?status=pending").send(), 400, "xml");
    errors(client.get("/open311/v2/services.json?jurisdiction_id=elsewhere").send(), 400, "json");
    errors(client.get("/open311/v2/nothing-here.json").send(), 404, "json");
    errors(client.get("/open311/v2/services.yaml").send(), 404, "json");
    errors(client.call("PUT", "/open311/v2/requests.json").send(), 405, "json");
    errors(client.call("DELETE", "/open311/v2/services.xml").send(), 403, "xml");
    errors(
        client
            .post("/open311/v2/requests.json")
            .body("{\"api_key\": \"" + apiKey + "\"}", "application/json")
            .send(),
        403,
        "json");
    // a body that cannot be read: the standard's error, not the API's problem
    errors(
        client
            .post("/open311/v2/requests.xml")
            .body("--b\r\nnot a part", "multipart/form-data; boundary=b")
            .send(),
        400,
        "xml");
    // credentials of the API do not sign an Open311 client in, and bad ones are not refused
    // as a problem: they are ignored
    errors(
        client
            .post("/open311/v2/requests.json")
            .basic("anna", "wrong")
            .body(form(noKey), "application/x-www-form-urlencoded")
            .send(),
        403,
        "json");

    assertThat(json("/open311/v2/requests").size()).as("nothing stored").isEqualTo(before);
    // and no case number was used up by the refusals
    String next = post("json", report()).json().get(0).path("service_request_id").asText();
    assertThat(Long.parseLong(next.substring(next.lastIndexOf('-') + 1)))
        .isEqualTo(Long.parseLong(lastNumber.substring(lastNumber.lastIndexOf('-') + 1)) + 1);
  }

  @Test
  @Order(5)
  void anIdempotencyKeyMakesARepeatAnswerTheFirstAnswer() {
    String key = "o311-" + UUID.randomUUID();
    Response first =
        client
            .post("/open311/v2/requests.json")
            .header("Idempotency-Key", key)
            .body(form(report()), "application/x-www-form-urlencoded")
            .send();
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    Response again =
        client
            .post("/open311/v2/requests.json")
            .header("Idempotency-Key", key)
            .body(form(report()), "application/x-www-form-urlencoded")
            .send();
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).contains("true");
    assertThat(again.json().get(0).path("service_request_id").asText())
        .isEqualTo(first.json().get(0).path("service_request_id").asText());
    Map<String, String> other = report();
    other.put("description", "anders");
    Response reused =
        client
            .post("/open311/v2/requests.json")
            .header("Idempotency-Key", key)
            .body(form(other), "application/x-www-form-urlencoded")
            .send();
    errors(reused, 422, "json");
  }

  @Test
  @Order(6)
  void aPublishedDescriptionWithCharactersXmlCannotHoldIsStillWellFormedXml() {
    Map<String, String> fields = report();
    fields.put("attribute[publish_description]", "true");
    fields.put("description", "Glocke\u0007 und Nullzeichen\u0000 " + RUN);
    Response created = post("json", fields);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String number = created.json().get(0).path("service_request_id").asText();
    assertThat(json("/open311/v2/requests/" + number).get(0).path("description").asText())
        .isEqualTo("Glocke\u0007 und Nullzeichen\u0000 " + RUN);
    JsonNode fromXml = xml("/open311/v2/requests/" + number);
    Open311Schemas.valid("requests.json", fromXml);
    assertThat(fromXml.get(0).path("description").asText())
        .isEqualTo("Glocke\uFFFD und Nullzeichen\uFFFD " + RUN);
    // attribute names that are no code of the catalogue are refused without being repeated
    Map<String, String> odd = report();
    odd.put("attribute[<script>]", "x");
    assertThat(errors(post("json", odd), 400, "json").get(0).path("description").asText())
        .doesNotContain("<script>");
  }

  @Test
  @Order(7)
  void erasingTheReportersDataTakesThePublishedDescriptionOff() throws Exception {
    Map<String, String> fields = report();
    fields.put("attribute[publish_description]", "true");
    Response created = post("json", fields);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String number = created.json().get(0).path("service_request_id").asText();
    assertThat(json("/open311/v2/requests/" + number).get(0).path("description").asText())
        .isEqualTo(PUBLISHED);
    String subject = "open311-" + caseId(number);
    client
        .post("/api/v1/privacy/subjects/" + subject + "/erasure")
        .as("ada")
        .json("{\"reason\": \"CONSENT_WITHDRAWN\"}")
        .send();
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!json("/open311/v2/requests/" + number).get(0).path("description").isNull()) {
      assertThat(System.nanoTime()).as("description taken off in time").isLessThan(deadline);
      Thread.sleep(100);
    }
    JsonNode after = json("/open311/v2/requests/" + number).get(0);
    Open311Schemas.valid("requests.json", JSON.createArrayNode().add(after));
    assertThat(after.path("lat").asDouble()).isEqualTo(49.1427);
    // the report submitted in the client session (another subject) keeps its description
    assertThat(json("/open311/v2/requests/" + reportNumber).get(0).path("description").asText())
        .isEqualTo(PUBLISHED);

    // rebuilt from the history, the read model ends the same: the erased reporter's agreement
    // reads as erased, so their description is not published again
    client.post("/api/v1/audit/projections/open311-requests/rebuild").as("udo").send().expect(202);
    deadline = System.nanoTime() + 60_000_000_000L;
    while (!client
        .get("/api/v1/audit/projections/open311-requests")
        .as("udo")
        .expect(200)
        .path("status")
        .asText()
        .equals("LIVE")) {
      assertThat(System.nanoTime()).as("rebuilt in time").isLessThan(deadline);
      Thread.sleep(100);
    }
    assertThat(json("/open311/v2/requests/" + number).get(0).path("description").isNull()).isTrue();
    assertThat(json("/open311/v2/requests/" + reportNumber).get(0).path("description").asText())
        .isEqualTo(PUBLISHED);
    assertThat(json("/open311/v2/requests/" + reportNumber).get(0).path("status").asText())
        .isEqualTo("closed");
  }

  @Test
  @Order(8)
  void anAddressAloneLocatesAReportOrAnApplicationWithoutCoordinates() {
    // GeoReport v2: a location is lat/long or address_string; nothing is geocoded
    Map<String, String> addressOnly = report();
    addressOnly.remove("lat");
    addressOnly.remove("long");
    Response created = post("json", addressOnly);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String number = created.json().get(0).path("service_request_id").asText();
    JsonNode request = both("/open311/v2/requests/" + number, "requests.json").get(0);
    assertThat(request.path("lat").isNull()).as("no coordinates").isTrue();
    assertThat(request.path("long").isNull()).isTrue();
    assertThat(request.path("address").isNull()).as("the address is personal").isTrue();
    assertPublicOnly(client.get("/open311/v2/requests/" + number + ".xml").send().body());
    assertThat(json("/open311/v2/requests").findValuesAsText("service_request_id"))
        .contains(number);
    JsonNode clerksCase = client.get("/api/v1/cases/" + caseId(number)).as("carl").expect(200);
    assertThat(clerksCase.path("location").path("address").asText()).isEqualTo(ADDRESS);
    assertThat(clerksCase.path("location").path("lat").isNumber()).as("no coordinates").isFalse();

    // an application with only an address: all of it personal, none of it public
    Map<String, String> application = new LinkedHashMap<>();
    application.put("api_key", apiKey);
    application.put("service_code", "meldebescheinigung");
    application.put("attribute[certificate_kind]", "simple");
    application.put("attribute[purpose]", "Arbeitgeber");
    application.put("attribute[delivery]", "post");
    application.put("attribute[copies]", "1");
    application.put("first_name", "Kanari");
    application.put("last_name", NAME);
    application.put("address_string", ADDRESS);
    Response applied = post("xml", application);
    assertThat(applied.status()).as(applied.body()).isEqualTo(201);
    String token = Open311Schemas.fromXml(applied.body()).get(0).path("token").asText();
    String applied311 =
        json("/open311/v2/tokens/" + token).get(0).path("service_request_id").asText();
    JsonNode public311 = both("/open311/v2/requests/" + applied311, "requests.json").get(0);
    assertThat(public311.path("lat").isNull()).isTrue();
    assertPublicOnly(client.get("/open311/v2/requests/" + applied311 + ".json").send().body());

    // an address_string that is blank is no location: a report without one is refused
    Map<String, String> blank = report();
    blank.remove("lat");
    blank.remove("long");
    blank.put("address_string", "   ");
    errors(post("json", blank), 400, "json");
  }

  @Test
  @Order(9)
  void aRevokedKeyIsRefusedFromTheRevocationOn() {
    Map<String, String> fields = report();
    assertThat(post("json", fields).status()).isEqualTo(201);
    client
        .post("/api/v1/open311/keys/" + apiKeyId + "/revocation")
        .as("ada")
        .json("{\"reason\": \"the app was retired\"}")
        .expect(200);
    Response refused = post("json", fields);
    assertThat(errors(refused, 403, "json").get(0).path("description").asText())
        .contains("api_key");
    errors(post("xml", fields), 403, "xml");
    // the next test's client gets a new key, as a city would hand out
    issueKey();
    assertThat(post("json", report()).status()).isEqualTo(201);
  }

  @Test
  @Order(10)
  void theHourlyLimitsPerKeyAndPerAddressAnswer429() {
    Map<String, String> empty = new LinkedHashMap<>();
    empty.put("api_key", apiKey);
    Response answer = null;
    for (int i = 0; i <= PER_KEY; i++) {
      answer = post("json", empty);
      if (answer.status() == 429) {
        break;
      }
      errors(answer, 400, "json"); // no service_code: refused, but counted
    }
    errors(answer, 429, "json");
    assertThat(Long.parseLong(answer.header("Retry-After").orElse("0"))).isPositive();

    Map<String, String> guessed = new LinkedHashMap<>();
    for (int i = 0; i <= PER_ADDRESS; i++) {
      guessed.put("api_key", "guess-" + i);
      answer = post("xml", guessed);
      if (answer.status() == 429) {
        break;
      }
      errors(answer, 403, "xml");
    }
    errors(answer, 429, "xml");
    // reads are not limited
    assertThat(client.get("/open311/v2/services.json").send().status()).isEqualTo(200);
  }
}
