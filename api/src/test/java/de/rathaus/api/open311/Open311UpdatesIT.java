package de.rathaus.api.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.rathaus.api.TestClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The request updates feed through HTTP, without signing in: requests submitted, processed and
 * withdrawn through the REST API show up as their status changes, in position order, in JSON and in
 * XML alike; pages of one update each, each going on after the last one, together give exactly the
 * whole feed; a replay from an earlier position gives the same updates again; nothing of the
 * applicant, the question, the clerk's note or the decision's reasoning is in it; a bad position or
 * limit is refused with 400.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Open311UpdatesIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
    // the feed waits for gaps below an update to be given up, twice the lease after the event
    // above them (see the README); a shorter lease keeps that wait short here
    registry.add("rathaus.event-store.lease", () -> "4s");
    registry.add("rathaus.open311.jurisdiction-id", () -> "heilbronn.example");
  }

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String NAME = "Kanari Namensvogel " + RUN;
  private static final String EMAIL = "kanari-" + RUN + "@example.org";
  private static final String DESCRIPTION = "Kanari-Beschreibung-" + RUN;
  private static final String NOTE = "Kanari-Notiz-" + RUN;
  private static final String QUESTION = "Kanari-Frage-" + RUN;
  private static final String ANSWER = "Kanari-Antwort-" + RUN;
  private static final String REASONING = "Kanari-Begründung-" + RUN;
  private static final String WITHDRAWAL = "Kanari-Rückzug-" + RUN;
  private static final List<String> CANARIES =
      List.of(NAME, EMAIL, DESCRIPTION, NOTE, QUESTION, ANSWER, REASONING, WITHDRAWAL, "Kanari");

  private static final String FEED = "/open311/v2/servicerequestupdates";

  @LocalServerPort int port;
  private TestClient client;

  @BeforeEach
  void client() {
    client = new TestClient(port).withHeader("Accept-Language", "en");
  }

  /** One update as the feed shows it. */
  record Update(String updateId, String requestId, String status, String at, String text) {}

  private String submit() {
    String body =
        """
        {"serviceCode": "meldebescheinigung",
         "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber", "delivery": "post", "copies": 1},
         "description": "%s",
         "applicant": {"name": "%s", "email": "%s"}}
        """
            .formatted(DESCRIPTION, NAME, EMAIL);
    return client.post("/api/v1/requests").as("anna").json(body).expect(201).path("id").asText();
  }

  private String caseNumber(String id) {
    return client.get("/api/v1/requests/" + id).as("anna").expect(200).path("caseNumber").asText();
  }

  private List<Update> json(String query) throws Exception {
    TestClient.Response answer = client.get(FEED + ".json" + query).send().expect(200);
    assertThat(answer.header("Content-Type").orElse("")).startsWith("application/json");
    List<Update> updates = new ArrayList<>();
    for (JsonNode u : new ObjectMapper().readTree(answer.body())) {
      assertThat(u.path("media_url").asText()).isEmpty();
      updates.add(
          new Update(
              u.path("update_id").asText(),
              u.path("service_request_id").asText(),
              u.path("status").asText(),
              u.path("updated_datetime").asText(),
              u.path("description").asText()));
    }
    return updates;
  }

  private List<Update> xml(String query) throws Exception {
    TestClient.Response answer = client.get(FEED + ".xml" + query).send().expect(200);
    assertThat(answer.header("Content-Type").orElse("")).startsWith("text/xml");
    // the declaration's quotes are the StAX writer's choice (Woodstox, with Jackson's XML module
    // on the class path, writes single ones); both are XML
    assertThat(answer.body())
        .containsPattern("^<\\?xml version=([\"'])1\\.0\\1 encoding=([\"'])UTF-8\\2\\?>");
    Document document =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8)));
    assertThat(document.getDocumentElement().getTagName()).isEqualTo("service_request_updates");
    NodeList items = document.getElementsByTagName("request_update");
    List<Update> updates = new ArrayList<>();
    for (int i = 0; i < items.getLength(); i++) {
      Element u = (Element) items.item(i);
      assertThat(text(u, "media_url")).isEmpty();
      updates.add(
          new Update(
              text(u, "update_id"),
              text(u, "service_request_id"),
              text(u, "status"),
              text(u, "updated_datetime"),
              text(u, "description")));
    }
    return updates;
  }

  private static String text(Element parent, String name) {
    return parent.getElementsByTagName(name).item(0).getTextContent();
  }

  /** The feed from the beginning, read until it shows at least {@code expected} updates of ours. */
  private List<Update> awaitFeed(List<String> ours, int expected) throws Exception {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
    while (true) {
      List<Update> all = json("?after=0&limit=500");
      if (all.stream().filter(u -> ours.contains(u.requestId())).count() >= expected
          || System.nanoTime() > deadline) {
        return all;
      }
      Thread.sleep(200);
    }
  }

  @Test
  void showsEveryStatusChangeInOrderInBothFormatsAndNothingPersonal() throws Exception {
    String decided = submit();
    String withdrawn = submit();
    client
        .post("/api/v1/cases/" + decided + "/assignment")
        .as("clara")
        .json("{\"assignee\": \"clara\"}")
        .expect(200);
    client
        .post("/api/v1/cases/" + decided + "/notes")
        .as("clara")
        .json("{\"text\": \"" + NOTE + "\"}")
        .expect(200);
    client
        .post("/api/v1/cases/" + decided + "/information-requests")
        .as("clara")
        .json(
            "{\"question\": \""
                + QUESTION
                + "\", \"dueDate\": \""
                + java.time.LocalDate.now().plusDays(14)
                + "\"}")
        .expect(200);
    client
        .post("/api/v1/requests/" + decided + "/answers")
        .as("anna")
        .json("{\"text\": \"" + ANSWER + "\"}")
        .expect(200);
    client
        .post("/api/v1/cases/" + decided + "/decision")
        .as("clara")
        .json(
            "{\"outcome\": \"approved\", \"reasoning\": \""
                + REASONING
                + "\", \"legalBasis\": \"§ 18 BMG\"}")
        .expect(200);
    client
        .post("/api/v1/requests/" + withdrawn + "/withdrawal")
        .as("anna")
        .json("{\"reason\": \"" + WITHDRAWAL + "\"}")
        .expect(200);
    String decidedNumber = caseNumber(decided);
    String withdrawnNumber = caseNumber(withdrawn);
    List<String> ours = List.of(decidedNumber, withdrawnNumber);

    List<Update> all = awaitFeed(ours, 7);

    Map<String, List<String>> statuses = new LinkedHashMap<>();
    Map<String, List<String>> texts = new LinkedHashMap<>();
    for (Update u : all) {
      if (ours.contains(u.requestId())) {
        statuses.computeIfAbsent(u.requestId(), k -> new ArrayList<>()).add(u.status());
        texts.computeIfAbsent(u.requestId(), k -> new ArrayList<>()).add(u.text());
      }
    }
    // submitted, in progress, waiting, in progress again, decided; the note changed nothing
    assertThat(statuses.get(decidedNumber))
        .containsExactly("open", "open", "open", "open", "closed");
    assertThat(texts.get(decidedNumber))
        .containsExactly(
            "Received",
            "In progress",
            "Waiting for the applicant's answer",
            "In progress",
            "Decided");
    assertThat(statuses.get(withdrawnNumber)).containsExactly("open", "closed");
    assertThat(texts.get(withdrawnNumber)).containsExactly("Received", "Withdrawn");
    // in position order, each update its event's position, each with a W3C time with its offset
    List<Long> ids = all.stream().map(u -> Long.parseLong(u.updateId())).toList();
    assertThat(ids).isSorted().doesNotHaveDuplicates();
    all.forEach(u -> OffsetDateTime.parse(u.at()));

    // XML: the same updates
    assertThat(xml("?after=0&limit=500")).isEqualTo(all);

    // nothing personal, in either format; German texts on request
    String jsonBody = client.get(FEED + ".json?after=0&limit=500").send().expect(200).body();
    String xmlBody = client.get(FEED + ".xml?after=0&limit=500").send().expect(200).body();
    for (String canary : CANARIES) {
      assertThat(jsonBody).doesNotContain(canary);
      assertThat(xmlBody).doesNotContain(canary);
    }
    assertThat(
            new TestClient(port)
                .withHeader("Accept-Language", "de")
                .get(FEED + ".json?after=0&limit=500")
                .send()
                .expect(200)
                .body())
        .contains("Eingegangen")
        .contains("Zurückgezogen");

    // pages of one, each after the last update: together exactly the whole feed, with no gap
    List<Update> paged = new ArrayList<>();
    String after = "0";
    for (int page = 0; page < all.size() + 5; page++) {
      List<Update> next =
          page % 2 == 0
              ? json("?after=" + after + "&limit=1")
              : xml("?after=" + after + "&limit=1");
      if (next.isEmpty()) {
        break;
      }
      assertThat(next).hasSize(1);
      paged.add(next.get(0));
      after = next.get(0).updateId();
    }
    assertThat(paged).isEqualTo(all);

    // replay from an earlier position: the same updates after it, again
    Update middle = all.get(all.size() / 2);
    List<Update> replay = json("?after=" + middle.updateId());
    assertThat(replay).isEqualTo(all.subList(all.indexOf(middle) + 1, all.size()));
    assertThat(json("?after=" + middle.updateId())).isEqualTo(replay);
    assertThat(json("?after=" + all.get(all.size() - 1).updateId())).isEmpty();
  }

  @Test
  void anErasedApplicantsRequestsStayInTheFeedWithNothingOfTheirs() throws Exception {
    String body =
        """
        {"serviceCode": "meldebescheinigung",
         "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber", "delivery": "post", "copies": 1},
         "description": "%s",
         "applicant": {"name": "Ben %s", "email": "ben-%s@example.org"}}
        """
            .formatted(DESCRIPTION, RUN, RUN);
    String id =
        client.post("/api/v1/requests").as("ben").json(body).expect(201).path("id").asText();
    String number =
        client.get("/api/v1/requests/" + id).as("ben").expect(200).path("caseNumber").asText();
    client
        .post("/api/v1/requests/" + id + "/withdrawal")
        .as("ben")
        .json("{\"reason\": \"" + WITHDRAWAL + "\"}")
        .expect(200);
    assertThat(awaitFeed(List.of(number), 2).stream().filter(u -> u.requestId().equals(number)))
        .hasSize(2);

    client
        .post("/api/v1/privacy/subjects/ben/erasure")
        .as("ada")
        .json("{\"reason\":\"CONSENT_WITHDRAWN\"}")
        .expect(200);

    String after = client.get(FEED + ".xml?after=0&limit=500").send().expect(200).body();
    assertThat(after).contains(number).doesNotContain("Ben " + RUN).doesNotContain(DESCRIPTION);
    assertThat(json("?after=0&limit=500").stream().filter(u -> u.requestId().equals(number)))
        .extracting(Update::status)
        .containsExactly("open", "closed");
  }

  @Test
  void theNextLinkGoesOnAfterWhatThePageRead() throws Exception {
    submit();
    TestClient.Response answer = client.get(FEED + ".json?after=0&limit=1").send().expect(200);
    String link = answer.header("Link").orElseThrow();
    List<Update> first = json("?after=0&limit=1");
    assertThat(link)
        .isEqualTo(
            "<" + FEED + ".json?after=" + first.get(0).updateId() + "&limit=1>; rel=\"next\"");
  }

  @Test
  void refusesABadPositionOrLimit() throws Exception {
    for (String query :
        List.of(
            "?after=-1",
            "?after=abc",
            "?after=1.5",
            "?after=99999999999999999999",
            "?limit=0",
            "?limit=501",
            "?limit=x")) {
      assertThat(client.get(FEED + ".json" + query).send().status()).as(query).isEqualTo(400);
      assertThat(client.get(FEED + ".xml" + query).send().status()).as(query).isEqualTo(400);
    }
    assertThat(client.get(FEED + ".json?limit=500").send().status()).isEqualTo(200);
    // in the standard's error list, in the format the path names
    TestClient.Response json = client.get(FEED + ".json?after=-1").send();
    assertThat(json.header("Content-Type").orElse("")).startsWith("application/json");
    assertThat(json.json().get(0).path("code").asInt()).isEqualTo(400);
    assertThat(json.json().get(0).path("description").asText()).contains("after");
    TestClient.Response xml = client.get(FEED + ".xml?limit=0").send();
    assertThat(xml.header("Content-Type").orElse("")).startsWith("text/xml");
    assertThat(xml.body()).contains("<errors><error><code>400</code><description>limit");
  }

  @Test
  void checksTheJurisdictionAsTheOtherResourcesDo() throws Exception {
    // none named: served; this one named: served
    assertThat(client.get(FEED + ".json").send().status()).isEqualTo(200);
    assertThat(client.get(FEED + ".json?jurisdiction_id=heilbronn.example").send().status())
        .isEqualTo(200);
    assertThat(client.get(FEED + ".xml?jurisdiction_id=heilbronn.example").send().status())
        .isEqualTo(200);
    // another one: the standard's 400 in the error list, in the path's format
    TestClient.Response json =
        client.get(FEED + ".json?after=0&jurisdiction_id=elsewhere.example").send();
    assertThat(json.status()).isEqualTo(400);
    assertThat(json.header("Content-Type").orElse("")).startsWith("application/json");
    assertThat(json.json().get(0).path("code").asInt()).isEqualTo(400);
    assertThat(json.json().get(0).path("description").asText()).contains("jurisdiction_id");
    TestClient.Response xml = client.get(FEED + ".xml?jurisdiction_id=elsewhere.example").send();
    assertThat(xml.status()).isEqualTo(400);
    assertThat(xml.header("Content-Type").orElse("")).startsWith("text/xml");
    assertThat(xml.body()).contains("<errors><error><code>400</code><description>jurisdiction_id");
  }
}
