package de.rathaus.api.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.TestClient;
import de.rathaus.api.TestClient.Response;
import de.rathaus.application.catalogue.DepartmentProjection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
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
 * The catalogue over HTTP on the running engine: administrators publish services and keep the
 * departments, everyone reads. (The departments' tests live here too, so that they share this
 * class's engine instead of starting one of their own.)
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceCatalogueIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  private TestClient inGerman;
  private TestClient inEnglish;

  @BeforeEach
  void clients() {
    inGerman = new TestClient(port).withHeader("Accept-Language", "de");
    inEnglish = new TestClient(port).withHeader("Accept-Language", "en");
  }

  private static final String PERMIT =
      """
      {"code": "testparken", "name": {"de": "Bewohnerparkausweis", "en": "Residents' parking permit"},
       "description": {"de": "Parken im Wohngebiet", "en": "Parking where you live"},
       "department": "ordnungsamt", "group": "Verkehr", "keywords": ["parken"], "kind": "request",
       "fee": 3060, "processingDays": 10,
       "attributes": [{"code": "kennzeichen", "datatype": "string", "required": true, "order": 1,
                       "description": {"de": "Kennzeichen", "en": "Licence plate"}},
                      {"code": "zone", "datatype": "singlevaluelist", "required": true, "order": 2,
                       "description": {"de": "Parkzone", "en": "Parking zone"},
                       "values": [{"key": "a", "name": {"de": "Zone A", "en": "Zone A"}}]}]}
      """;

  @Test
  void anAdministratorPublishesAndEveryoneReadsInTheirLanguage() throws Exception {
    assertThat(inGerman.post("/api/v1/services").as("ada").json(PERMIT).send().status())
        .isEqualTo(201);
    assertThat(inGerman.get("/api/v1/services/testparken").send().status())
        .as("a draft is not public")
        .isEqualTo(404);

    Response published = inGerman.post("/api/v1/services/testparken/publication").as("ada").send();
    assertThat(published.status()).isEqualTo(200);

    JsonNode english = inEnglish.get("/api/v1/services/testparken").send().json();
    assertThat(english.path("name").asText()).isEqualTo("Residents' parking permit");
    assertThat(english.path("version").asInt()).isEqualTo(1);
    assertThat(english.path("fee").asLong()).isEqualTo(3060);
    assertThat(english.path("attributes").get(1).path("values").get(0).path("key").asText())
        .isEqualTo("a");
    JsonNode list = inGerman.get("/api/v1/services").send().json();
    assertThat(list.path("items").findValuesAsText("code")).contains("testparken");

    Response again = inEnglish.post("/api/v1/services/testparken/publication").as("ada").send();
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("code").asText()).isEqualTo("NOTHING_TO_PUBLISH");

    assertThat(
            inGerman
                .post("/api/v1/services/testparken/retirement")
                .as("ada")
                .json("{\"reason\": \"test\"}")
                .send()
                .status())
        .isEqualTo(200);
    Response gone = inGerman.get("/api/v1/services/testparken").send();
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.header("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void theSampleCatalogueIsSeededOnTheFirstStart() throws Exception {
    JsonNode list = inGerman.get("/api/v1/services").send().json();
    assertThat(list.path("items").findValuesAsText("department"))
        .contains("buergeramt", "ordnungsamt");
    assertThat(list.path("items").findValuesAsText("kind")).contains("REPORT", "REQUEST");
    assertThat(list.path("items").size()).isGreaterThanOrEqualTo(8);
  }

  @Test
  void onlyAdministratorsChangeTheCatalogue() throws Exception {
    assertThat(inGerman.post("/api/v1/services").as("anna").json(PERMIT).send().status())
        .isEqualTo(403);
    assertThat(inGerman.post("/api/v1/services").json(PERMIT).send().status()).isEqualTo(401);
  }

  @Test
  void invalidAndDuplicateServicesAreProblems() throws Exception {
    String bad = PERMIT.replace("\"testparken\"", "\"Bad Code\"");
    Response invalid = inEnglish.post("/api/v1/services").as("ada").json(bad).send();
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.header("Content-Type")).hasValue("application/problem+json");

    String other = PERMIT.replace("\"testparken\"", "\"doppelt\"");
    assertThat(inGerman.post("/api/v1/services").as("ada").json(other).send().status())
        .isEqualTo(201);
    assertThat(inGerman.post("/api/v1/services").as("ada").json(other).send().status())
        .isEqualTo(409);
    assertThat(inGerman.put("/api/v1/services/unbekannt").as("ada").json(PERMIT).send().status())
        .isEqualTo(404);
  }

  // --- departments

  @Autowired EventProcessingConfiguration processing;

  private static String department(String code, String german, String english) {
    return """
        {"code": "%s", "name": {"de": "%s", "en": "%s"}, "email": "%s@stadt.example"}
        """
        .formatted(code, german, english, code);
  }

  @Test
  void anAdministratorCreatesRenamesAndRetiresADepartment() {
    Response created =
        inGerman
            .post("/api/v1/departments")
            .as("ada")
            .json(department("vermessungsamt", "Vermessungsamt", "Surveying Office"))
            .send()
            .expect(201);
    assertThat(created.header("Location")).hasValue("/api/v1/departments/vermessungsamt");
    assertThat(created.json().path("active").asBoolean()).isTrue();
    assertThat(
            inEnglish.get("/api/v1/departments/vermessungsamt").expect(200).path("name").asText())
        .isEqualTo("Surveying Office");
    assertThat(codes(inGerman.get("/api/v1/departments").expect(200))).contains("vermessungsamt");

    JsonNode renamed =
        inGerman
            .put("/api/v1/departments/vermessungsamt")
            .as("ada")
            .json(
                """
                {"name": {"de": "Amt für Geoinformation", "en": "Geoinformation Office"},
                 "phone": "07131 56-4000"}
                """)
            .expect(200);
    assertThat(renamed.path("name").asText()).isEqualTo("Amt für Geoinformation");
    JsonNode read = inGerman.get("/api/v1/departments/vermessungsamt").expect(200);
    assertThat(read.path("phone").asText()).isEqualTo("07131 56-4000");
    assertThat(read.has("email")).as("the e-mail was removed").isFalse();

    JsonNode retired =
        inGerman
            .post("/api/v1/departments/vermessungsamt/retirement")
            .as("ada")
            .json("{\"reason\": \"merged into the Tiefbauamt\"}")
            .expect(200);
    assertThat(retired.path("active").asBoolean()).isFalse();
    assertThat(
            inGerman
                .get("/api/v1/departments/vermessungsamt")
                .expect(200)
                .path("active")
                .asBoolean())
        .as("a retired department stays readable")
        .isFalse();
    assertThat(codes(inGerman.get("/api/v1/departments").expect(200)))
        .doesNotContain("vermessungsamt");
    assertThat(codes(inGerman.get("/api/v1/departments?includeRetired=true").expect(200)))
        .contains("vermessungsamt");

    Response again =
        inEnglish
            .post("/api/v1/departments/vermessungsamt/retirement")
            .as("ada")
            .json("{\"reason\": \"again\"}")
            .send();
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.isProblem()).isTrue();
    assertThat(again.json().path("code").asText()).isEqualTo("ALREADY_RETIRED");
    Response revisedAfterRetirement =
        inGerman
            .put("/api/v1/departments/vermessungsamt")
            .as("ada")
            .json("{\"name\": {\"de\": \"Wieder da\"}}")
            .send();
    assertThat(revisedAfterRetirement.status()).isEqualTo(409);
    assertThat(revisedAfterRetirement.json().path("code").asText()).isEqualTo("ALREADY_RETIRED");
  }

  @Test
  void aSecondDepartmentUnderACodeIsAConflict() {
    String body = department("standesamt", "Standesamt", "Registry Office");
    inGerman.post("/api/v1/departments").as("ada").json(body).expect(201);

    Response twice = inGerman.post("/api/v1/departments").as("ada").json(body).send();

    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.isProblem()).isTrue();
  }

  @Test
  void badDepartmentInputIsAProblemNamingTheField() {
    Response badCode =
        inEnglish
            .post("/api/v1/departments")
            .as("ada")
            .json(department("Bad Code", "Amt", "Office"))
            .send();
    assertThat(badCode.status()).isEqualTo(400);
    assertThat(badCode.isProblem()).isTrue();
    assertThat(badCode.json().path("errors").findValuesAsText("field")).contains("code");

    Response noName =
        inEnglish.post("/api/v1/departments").as("ada").json("{\"code\": \"ohnename\"}").send();
    assertThat(noName.status()).isEqualTo(400);
    assertThat(noName.json().path("errors").findValuesAsText("field")).contains("name");

    Response badEmail =
        inEnglish
            .post("/api/v1/departments")
            .as("ada")
            .json(
                "{\"code\": \"falschepost\", \"name\": {\"de\": \"Amt\"}, \"email\": \"kein-at\"}")
            .send();
    assertThat(badEmail.status()).isEqualTo(400);
    assertThat(badEmail.isProblem()).isTrue();
    assertThat(badEmail.body()).doesNotContain("kein-at");

    for (String path :
        List.of(
            "/api/v1/departments?size=0",
            "/api/v1/departments?size=501",
            "/api/v1/departments?cursor=!!",
            "/api/v1/departments/Kein%20Code")) {
      Response bad = inGerman.get(path).send();
      assertThat(bad.status()).as(path).isEqualTo(400);
      assertThat(bad.isProblem()).as(path).isTrue();
    }
    Response unknown =
        inGerman
            .put("/api/v1/departments/unbekanntesamt")
            .as("ada")
            .json("{\"name\": {\"de\": \"Unbekannt\"}}")
            .send();
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.isProblem()).isTrue();
    assertThat(inGerman.get("/api/v1/departments/unbekanntesamt").send().status()).isEqualTo(404);
  }

  @Test
  void onlyAdministratorsChangeDepartments() {
    String body = department("nichterlaubt", "Amt", "Office");
    assertThat(inGerman.post("/api/v1/departments").as("anna").json(body).send().status())
        .isEqualTo(403);
    assertThat(inGerman.post("/api/v1/departments").as("clara").json(body).send().status())
        .isEqualTo(403);
    assertThat(inGerman.post("/api/v1/departments").json(body).send().status()).isEqualTo(401);
    assertThat(
            inGerman
                .put("/api/v1/departments/buergeramt")
                .as("anna")
                .json("{\"name\": {\"de\": \"Bürgeramt\"}}")
                .send()
                .status())
        .isEqualTo(403);
    assertThat(inGerman.get("/api/v1/departments").send().status()).isEqualTo(200);
  }

  @Test
  void theListIsPagedByCode() {
    for (String code : List.of("amt-a", "amt-b", "amt-c")) {
      inGerman.post("/api/v1/departments").as("ada").json(department(code, code, code)).expect(201);
    }
    List<String> walked = new ArrayList<>();
    String next = "/api/v1/departments?size=2";
    int pages = 0;
    while (next != null) {
      JsonNode page = inGerman.get(next).expect(200);
      assertThat(page.path("items").size()).isLessThanOrEqualTo(2);
      walked.addAll(codes(page));
      next = page.path("next").isNull() ? null : page.path("next").asText();
      assertThat(++pages).as("pages").isLessThan(100);
    }
    assertThat(walked).contains("amt-a", "amt-b", "amt-c").doesNotHaveDuplicates().isSorted();
    JsonNode all = inGerman.get("/api/v1/departments?size=500").expect(200);
    assertThat(all.has("next")).as("the last page says so with next: null").isTrue();
    assertThat(all.path("next").isNull()).isTrue();
    assertThat(codes(all)).isEqualTo(walked);
  }

  @Test
  void aServiceMayNameOnlyAKnownActiveDepartment() {
    String unknown =
        PERMIT
            .replace("\"testparken\"", "\"fremdamt-dienst\"")
            .replace("\"ordnungsamt\"", "\"unbekanntesamt\"");
    Response refused = inEnglish.post("/api/v1/services").as("ada").json(unknown).send();
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.isProblem()).isTrue();
    assertThat(refused.json().path("errors").findValuesAsText("field"))
        .containsExactly("department");
    assertThat(inGerman.get("/api/v1/departments/unbekanntesamt").send().status())
        .as("nothing was created on the way")
        .isEqualTo(404);

    inGerman
        .post("/api/v1/departments")
        .as("ada")
        .json(department("altamt", "Altes Amt", "Old Office"))
        .expect(201);
    inGerman
        .post("/api/v1/departments/altamt/retirement")
        .as("ada")
        .json("{\"reason\": \"aufgelöst\"}")
        .expect(200);
    String retired =
        PERMIT
            .replace("\"testparken\"", "\"altamt-dienst\"")
            .replace("\"ordnungsamt\"", "\"altamt\"");
    assertThat(inGerman.post("/api/v1/services").as("ada").json(retired).send().status())
        .as("a retired department is not offered")
        .isEqualTo(422);

    String draft = PERMIT.replace("\"testparken\"", "\"amtswechsel\"");
    inGerman.post("/api/v1/services").as("ada").json(draft).expect(201);
    Response revised =
        inGerman
            .put("/api/v1/services/amtswechsel")
            .as("ada")
            .json(draft.replace("\"ordnungsamt\"", "\"unbekanntesamt\""))
            .send();
    assertThat(revised.status()).isEqualTo(422);
    assertThat(revised.json().path("errors").findValuesAsText("field"))
        .containsExactly("department");
  }

  @Test
  void theDepartmentsHaveAReadModelOfTheirOwn() {
    assertThat(processing.eventProcessor(DepartmentProjection.NAME)).isPresent();
  }

  @Autowired EventStore events;
  @Autowired SampleCatalogueSeeder seeder;

  @Test
  void theSampleDepartmentsAreSeededInGermanAndEnglish() {
    JsonNode english = inEnglish.get("/api/v1/departments").expect(200);

    assertThat(codes(english))
        .contains(
            "abfallwirtschaft",
            "buergeramt",
            "gewerbeamt",
            "gruenflaechenamt",
            "ordnungsamt",
            "steueramt",
            "tiefbauamt");
    assertThat(inEnglish.get("/api/v1/departments/buergeramt").expect(200).path("name").asText())
        .isEqualTo("Citizens' Office");
    assertThat(
            inGerman.get("/api/v1/departments/gruenflaechenamt").expect(200).path("name").asText())
        .isEqualTo("Grünflächenamt");
  }

  @Test
  void sampleDataIsMarkedAndItsDepartmentsComeBeforeItsServices() {
    List<TrackedEventMessage<?>> sample = sampleEvents();

    assertThat(sample).isNotEmpty();
    assertThat(sample)
        .allSatisfy(event -> assertThat(event.getMetaData()).containsEntry("actorId", "system"));
    List<String> types = sample.stream().map(e -> e.getPayloadType().getSimpleName()).toList();
    assertThat(types.stream().filter("DepartmentCreated"::equals)).hasSize(7);
    assertThat(types.stream().filter("ServiceDefinitionPublished"::equals)).hasSize(11);
    assertThat(types.lastIndexOf("DepartmentCreated"))
        .isLessThan(types.indexOf("ServiceDefinitionDrafted"));
  }

  @Test
  void aLaterSeedingRecordsNothing() {
    int before = sampleEvents().size();

    seeder.run(null);

    assertThat(sampleEvents()).hasSize(before);
  }

  @Autowired org.axonframework.commandhandling.gateway.CommandGateway commands;
  @Autowired org.axonframework.queryhandling.QueryGateway queries;
  @Autowired de.rathaus.api.shared.ReadYourWrites readYourWrites;
  @Autowired de.rathaus.api.shared.ReadModelProgress progress;
  @Autowired de.rathaus.application.catalogue.CatalogueAdministration administration;
  @Autowired com.fasterxml.jackson.databind.ObjectMapper json;
  @Autowired jakarta.validation.Validator validator;

  /** A catalogue of the tests, with one sample service: {@value #PROBE}. */
  private static final String PROBE_CATALOGUE = "classpath*:sample-catalogues/valid";

  private static final String PROBE = "probe";

  @Test
  void aSampleServiceDraftedBeforeACrashIsPublishedByTheNextStart() {
    SampleCatalogueSeeder seeder =
        new SampleCatalogueSeeder(
            commands,
            queries,
            readYourWrites,
            progress,
            administration,
            events,
            json,
            validator,
            PROBE_CATALOGUE);
    SampleCatalogue.SampleService probe =
        SampleCatalogue.read(
                new org.springframework.core.io.support.PathMatchingResourcePatternResolver(),
                PROBE_CATALOGUE,
                json,
                validator)
            .services()
            .get(0);
    // the first start drafted the sample service and stopped before it published it
    administration.draft(probe.code(), probe.content(), SampleCatalogueSeeder.SAMPLE_DATA);
    inEnglish.get("/api/v1/services/" + PROBE).send().expect(404);

    seeder.run(null);

    assertThat(inEnglish.get("/api/v1/services/" + PROBE).expect(200).path("version").asInt())
        .isEqualTo(1);
  }

  /**
   * Every event of the store marked as sample data, in the order they were stored, but the {@value
   * #PROBE}'s.
   */
  private List<TrackedEventMessage<?>> sampleEvents() {
    List<TrackedEventMessage<?>> marked = new ArrayList<>();
    try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
      while (stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)) {
        TrackedEventMessage<?> event = stream.nextAvailable();
        boolean probe =
            event instanceof org.axonframework.eventhandling.DomainEventMessage<?> domain
                && PROBE.equals(domain.getAggregateIdentifier());
        if ("true".equals(event.getMetaData().get("sample")) && !probe) {
          marked.add(event); // the probe's are a test's own sample data
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return marked;
  }

  private static List<String> codes(JsonNode page) {
    return page.path("items").findValuesAsText("code");
  }
}
