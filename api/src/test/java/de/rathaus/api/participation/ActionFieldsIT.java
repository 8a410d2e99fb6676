package de.rathaus.api.participation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.TestClient;
import de.rathaus.api.TestClient.Response;
import de.rathaus.application.participation.ActionFieldProjection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The action fields and the sustainability goals over HTTP on the running engine: administrators
 * keep the action fields, everyone reads both; the sample action fields are seeded in demo mode.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActionFieldsIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
  }

  /** The eight fields Heilbronn's strategy names and four usual further ones. */
  private static final List<String> SAMPLE_CODES =
      List.of(
          "bildung",
          "buergerbeteiligung",
          "buergerservice",
          "digitale-energie",
          "digitale-it-infrastruktur",
          "digitale-verwaltung",
          "gesundheit",
          "mobilitaet",
          "sicherheit",
          "standortmarketing",
          "umwelt-klima",
          "wirtschaftsfoerderung");

  @LocalServerPort int port;
  @Autowired EventProcessingConfiguration processing;
  @Autowired EventStore events;
  @Autowired ApplicationContext context;
  private TestClient inGerman;
  private TestClient inEnglish;

  @BeforeEach
  void clients() {
    inGerman = new TestClient(port).withHeader("Accept-Language", "de");
    inEnglish = new TestClient(port).withHeader("Accept-Language", "en");
  }

  private static String actionField(String code, String german, String english) {
    return """
        {"code": "%s", "name": {"de": "%s", "en": "%s"},
         "description": {"de": "%s (Beschreibung)", "en": "%s (description)"}}
        """
        .formatted(code, german, english, german, english);
  }

  private static List<String> codes(JsonNode page) {
    return page.path("items").findValuesAsText("code");
  }

  // --- seeding

  @Test
  void theTwelveSampleActionFieldsAreSeededInGermanAndEnglish() {
    // another test retires a sample field: that it is left alone is checked there
    JsonNode english = inEnglish.get("/api/v1/action-fields?includeRetired=true").expect(200);
    assertThat(codes(english)).containsAll(SAMPLE_CODES);
    assertThat(english.has("next")).isTrue();
    assertThat(english.path("next").isNull()).isTrue();
    JsonNode german = inGerman.get("/api/v1/action-fields?includeRetired=true").expect(200);

    for (String code : SAMPLE_CODES) {
      JsonNode inEn = inEnglish.get("/api/v1/action-fields/" + code).expect(200);
      JsonNode inDe = inGerman.get("/api/v1/action-fields/" + code).expect(200);
      assertThat(inEn.path("name").asText()).as(code).isNotBlank();
      assertThat(inEn.path("name").asText()).as(code).isNotEqualTo(inDe.path("name").asText());
      assertThat(inEn.path("description").asText()).as(code).isNotBlank();
    }
    assertThat(german.path("items").findValuesAsText("name"))
        .contains(
            "Digitale Verwaltung",
            "Digitale IT-Infrastruktur",
            "Digitale Energie",
            "Gesundheit",
            "Bürgerservice",
            "Standortmarketing",
            "Wirtschaftsförderung",
            "Bürgerbeteiligung");
    assertThat(inEnglish.get("/api/v1/action-fields/buergerbeteiligung").expect(200).path("name"))
        .hasToString("\"Citizen Participation\"");
  }

  @Test
  void theSampleActionFieldsAreMarkedAsSampleDataBySystem() {
    List<DomainEventMessage<?>> sample = sampleActionFieldEvents();

    assertThat(sample).hasSize(SAMPLE_CODES.size());
    assertThat(sample)
        .allSatisfy(
            event -> {
              assertThat(event.getMetaData()).containsEntry("sample", "true");
              assertThat(event.getMetaData()).containsEntry("actorId", "system");
              assertThat(event.getPayloadType().getSimpleName()).isEqualTo("ActionFieldCreated");
              assertThat(event.getAggregateIdentifier()).startsWith("action-field:");
            });
  }

  @Test
  void aLaterSeedingLeavesWhatHasAHistoryAlone() throws Exception {
    inGerman
        .post("/api/v1/action-fields/sicherheit/retirement")
        .as("ada")
        .json("{\"reason\": \"in die Bürgerdienste eingegangen\"}")
        .expect(200);
    int before = sampleActionFieldEvents().size();

    context.getBean("sampleCatalogueSeeder", ApplicationRunner.class).run(null);

    assertThat(sampleActionFieldEvents()).hasSize(before);
    assertThat(inGerman.get("/api/v1/action-fields/sicherheit").expect(200).path("active"))
        .as("an action field an admin retired is not created again")
        .hasToString("false");
  }

  @Test
  void theActionFieldsHaveAReadModelOfTheirOwn() {
    assertThat(processing.eventProcessor(ActionFieldProjection.NAME)).isPresent();
  }

  // --- administration

  @Test
  void anAdministratorCreatesRenamesAndRetiresAnActionField() {
    Response created =
        inGerman
            .post("/api/v1/action-fields")
            .as("ada")
            .json(actionField("kultur", "Kultur", "Culture"))
            .send()
            .expect(201);
    assertThat(created.header("Location")).hasValue("/api/v1/action-fields/kultur");
    assertThat(created.json().path("active").asBoolean()).isTrue();
    assertThat(created.json().path("name").asText()).isEqualTo("Kultur");
    JsonNode english = inEnglish.get("/api/v1/action-fields/kultur").expect(200);
    assertThat(english.path("name").asText()).isEqualTo("Culture");
    assertThat(english.path("description").asText()).isEqualTo("Culture (description)");
    assertThat(codes(inGerman.get("/api/v1/action-fields").expect(200))).contains("kultur");

    JsonNode renamed =
        inGerman
            .put("/api/v1/action-fields/kultur")
            .as("ada")
            .json("{\"name\": {\"de\": \"Kultur und Freizeit\", \"en\": \"Culture and Leisure\"}}")
            .expect(200);
    assertThat(renamed.path("name").asText()).isEqualTo("Kultur und Freizeit");
    JsonNode read = inEnglish.get("/api/v1/action-fields/kultur").expect(200);
    assertThat(read.path("name").asText()).isEqualTo("Culture and Leisure");
    assertThat(read.has("description")).as("the description was removed").isFalse();

    JsonNode retired =
        inGerman
            .post("/api/v1/action-fields/kultur/retirement")
            .as("ada")
            .json("{\"reason\": \"in Bildung aufgegangen\"}")
            .expect(200);
    assertThat(retired.path("active").asBoolean()).isFalse();
    assertThat(inGerman.get("/api/v1/action-fields/kultur").expect(200).path("active").asBoolean())
        .as("a retired action field stays readable")
        .isFalse();
    assertThat(codes(inGerman.get("/api/v1/action-fields").expect(200))).doesNotContain("kultur");
    assertThat(codes(inGerman.get("/api/v1/action-fields?includeRetired=true").expect(200)))
        .contains("kultur");

    Response again =
        inEnglish
            .post("/api/v1/action-fields/kultur/retirement")
            .as("ada")
            .json("{\"reason\": \"again\"}")
            .send();
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.isProblem()).isTrue();
    assertThat(again.json().path("code").asText()).isEqualTo("ALREADY_RETIRED");
    assertThat(again.json().path("title").asText()).isEqualTo("Action field no longer active");
    Response revisedAfterRetirement =
        inGerman
            .put("/api/v1/action-fields/kultur")
            .as("ada")
            .json("{\"name\": {\"de\": \"Wieder da\"}}")
            .send();
    assertThat(revisedAfterRetirement.status()).isEqualTo(409);
    assertThat(revisedAfterRetirement.json().path("code").asText()).isEqualTo("ALREADY_RETIRED");
    assertThat(revisedAfterRetirement.json().path("title").asText())
        .isEqualTo("Handlungsfeld nicht mehr aktiv");
  }

  @Test
  void aSecondActionFieldUnderACodeIsAConflict() {
    String body = actionField("tourismus", "Tourismus", "Tourism");
    inGerman.post("/api/v1/action-fields").as("ada").json(body).expect(201);

    Response twice = inGerman.post("/api/v1/action-fields").as("ada").json(body).send();

    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.isProblem()).isTrue();
    Response sample =
        inGerman
            .post("/api/v1/action-fields")
            .as("ada")
            .json(actionField("mobilitaet", "Mobilität", "Mobility"))
            .send();
    assertThat(sample.status()).as("a sample field's code is taken too").isEqualTo(409);
  }

  @Test
  void anActionFieldMayShareItsCodeWithADepartmentOrAService() {
    // buergeramt is a sample department; the prefixed stream keeps the two apart
    inGerman
        .post("/api/v1/action-fields")
        .as("ada")
        .json(actionField("buergeramt", "Bürgeramt als Feld", "Citizens' Office as a field"))
        .expect(201);
    assertThat(inGerman.get("/api/v1/departments/buergeramt").expect(200).path("name").asText())
        .isEqualTo("Bürgeramt");
    assertThat(inGerman.get("/api/v1/action-fields/buergeramt").expect(200).path("name").asText())
        .isEqualTo("Bürgeramt als Feld");
    assertThat(
            inGerman
                .put("/api/v1/action-fields/meldebescheinigung")
                .as("ada")
                .json("{\"name\": {\"de\": \"Kein Feld\"}}")
                .send()
                .status())
        .as("a service's history is no action field")
        .isEqualTo(404);
  }

  @Test
  void badActionFieldInputIsAProblemNamingTheField() {
    assertBadField(actionField("", "Leer", "Empty"), "code");
    assertBadField(actionField("Gross", "Groß", "Upper"), "code");
    assertBadField(actionField("x".repeat(64), "Lang", "Long"), "code");
    assertBadField("{\"code\": \"ohnename\"}", "name");
    assertBadField("{\"code\": \"ohnedeutsch\", \"name\": {\"en\": \"English only\"}}", "name.de");
    assertBadField(
        "{\"code\": \"langname\", \"name\": {\"de\": \"" + "n".repeat(201) + "\"}}", "name.de");
    assertBadField(
        "{\"code\": \"langbeschreibung\", \"name\": {\"de\": \"Feld\"},"
            + " \"description\": {\"de\": \""
            + "d".repeat(2001)
            + "\"}}",
        "description.de");

    for (String shape :
        List.of(
            "[]",
            "\"kultur\"",
            "{\"code\": \"form\", \"name\": \"nur ein Text\"}",
            "{\"code\": 12, \"name\": {\"de\": [1]}}",
            "{\"code\": \"kaputt\",")) {
      Response bad = inEnglish.post("/api/v1/action-fields").as("ada").json(shape).send();
      assertThat(bad.status()).as(shape).isEqualTo(400);
      assertThat(bad.isProblem()).as(shape).isTrue();
    }
    Response noReason =
        inEnglish
            .post("/api/v1/action-fields/mobilitaet/retirement")
            .as("ada")
            .json("{\"reason\": \" \"}")
            .send();
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().path("errors").findValuesAsText("field")).contains("reason");
    Response renamedToNothing =
        inEnglish
            .put("/api/v1/action-fields/mobilitaet")
            .as("ada")
            .json("{\"name\": {\"de\": \"\"}}")
            .send();
    assertThat(renamedToNothing.status()).isEqualTo(400);

    for (String path :
        List.of(
            "/api/v1/action-fields?size=0",
            "/api/v1/action-fields?size=501",
            "/api/v1/action-fields?cursor=!!",
            "/api/v1/action-fields/Kein%20Code")) {
      Response bad = inGerman.get(path).send();
      assertThat(bad.status()).as(path).isEqualTo(400);
      assertThat(bad.isProblem()).as(path).isTrue();
    }
    Response unknown =
        inGerman
            .put("/api/v1/action-fields/unbekanntesfeld")
            .as("ada")
            .json("{\"name\": {\"de\": \"Unbekannt\"}}")
            .send();
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.isProblem()).isTrue();
    Response unknownRetired =
        inGerman
            .post("/api/v1/action-fields/unbekanntesfeld/retirement")
            .as("ada")
            .json("{\"reason\": \"gibt es nicht\"}")
            .send();
    assertThat(unknownRetired.status()).isEqualTo(404);
    assertThat(inGerman.get("/api/v1/action-fields/unbekanntesfeld").send().status())
        .isEqualTo(404);
  }

  private void assertBadField(String body, String field) {
    Response bad = inEnglish.post("/api/v1/action-fields").as("ada").json(body).send();
    assertThat(bad.status()).as(body).isEqualTo(400);
    assertThat(bad.isProblem()).as(body).isTrue();
    assertThat(bad.json().path("errors").findValuesAsText("field")).as(body).contains(field);
  }

  @Test
  void onlyAdministratorsChangeActionFields() {
    String body = actionField("nichterlaubt", "Feld", "Field");
    for (String user : List.of("anna", "clara", "mona", "udo", "otto")) {
      assertThat(inGerman.post("/api/v1/action-fields").as(user).json(body).send().status())
          .as(user)
          .isEqualTo(403);
    }
    assertThat(inGerman.post("/api/v1/action-fields").json(body).send().status()).isEqualTo(401);
    assertThat(
            inGerman
                .put("/api/v1/action-fields/mobilitaet")
                .as("mona")
                .json("{\"name\": {\"de\": \"Mobilität\"}}")
                .send()
                .status())
        .isEqualTo(403);
    assertThat(inGerman.get("/api/v1/action-fields/nichterlaubt").send().status())
        .as("nothing was created on the way")
        .isEqualTo(404);
  }

  @Test
  void theListIsPagedByCode() {
    List<String> walked = new ArrayList<>();
    String next = "/api/v1/action-fields?size=5";
    int pages = 0;
    while (next != null) {
      JsonNode page = inGerman.get(next).expect(200);
      assertThat(page.path("items").size()).isLessThanOrEqualTo(5);
      walked.addAll(codes(page));
      next = page.path("next").isNull() ? null : page.path("next").asText();
      assertThat(++pages).as("pages").isLessThan(100);
    }
    assertThat(walked).doesNotHaveDuplicates().isSorted();
    assertThat(codes(inGerman.get("/api/v1/action-fields?size=500").expect(200))).isEqualTo(walked);
  }

  // --- sustainability goals

  @Test
  void theSeventeenSustainabilityGoalsAreListedInTheCallersLanguage() {
    JsonNode english = inEnglish.get("/api/v1/sustainability-goals").expect(200);
    JsonNode german = inGerman.get("/api/v1/sustainability-goals").expect(200);

    assertThat(english.path("items").findValuesAsText("number"))
        .containsExactly(
            "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
            "17");
    assertThat(english.path("items").get(12).path("code").asText()).isEqualTo("sdg-13");
    assertThat(english.has("next")).as("a list says there is no next page").isTrue();
    assertThat(english.path("next").isNull()).isTrue();
    assertThat(english.path("items").get(12).path("name").asText()).isEqualTo("Climate Action");
    assertThat(german.path("items").get(12).path("name").asText())
        .isEqualTo("Maßnahmen zum Klimaschutz");
    assertThat(german.path("items").get(10).path("name").asText())
        .isEqualTo("Nachhaltige Städte und Gemeinden");
  }

  @Test
  void oneGoalIsReadByItsNumber() {
    JsonNode goal = inEnglish.get("/api/v1/sustainability-goals/11").expect(200);

    assertThat(goal.path("number").asInt()).isEqualTo(11);
    assertThat(goal.path("code").asText()).isEqualTo("sdg-11");
    assertThat(goal.path("name").asText()).isEqualTo("Sustainable Cities and Communities");
  }

  @Test
  void aNumberTheUnDoesNotCountIsNotFound() {
    for (String number : List.of("0", "18", "x", "-1", "007", "99999999999", "1.5")) {
      Response none = inEnglish.get("/api/v1/sustainability-goals/" + number).send();
      assertThat(none.status()).as(number).isEqualTo(404);
      assertThat(none.isProblem()).as(number).isTrue();
    }
  }

  /** The sample action fields' events, in the order they were stored. */
  private List<DomainEventMessage<?>> sampleActionFieldEvents() {
    List<DomainEventMessage<?>> marked = new ArrayList<>();
    try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
      while (stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)) {
        TrackedEventMessage<?> event = stream.nextAvailable();
        if (event instanceof DomainEventMessage<?> domain
            && domain.getAggregateIdentifier().startsWith("action-field:")
            && "true".equals(event.getMetaData().get("sample"))) {
          marked.add(domain);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return marked;
  }
}
