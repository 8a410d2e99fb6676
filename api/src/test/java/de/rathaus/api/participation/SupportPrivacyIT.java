package de.rathaus.api.participation;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.api.RathausApplication;
import de.rathaus.api.TestClient;
import de.rathaus.api.privacy.DataFiles;
import de.rathaus.application.participation.Pseudonyms;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.shared.CitizenId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Who supported or rated what is a political opinion: the citizen who only supports and rates
 * (anna) leaves no trace of her id in any file of the data directory (events and their metadata,
 * read models, tokens, journal, key store), while the proposal's id (stored in plain) is found, so
 * the search can find things; after anna's erasure the counts stay, nothing says her support was
 * hers ({@code supportedByMe} false, her pseudonyms cannot be derived again), and signing in again
 * she is a new supporter under a new key.
 */
class SupportPrivacyIT {

  @TempDir Path dataDir;
  private int port;

  private ConfigurableApplicationContext start() {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(RathausApplication.class)
            .run(
                "--rathaus.data-dir=" + dataDir,
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--rathaus.participation.phase-check-interval=PT1H");
    port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return context;
  }

  private TestClient.Call call(String method, String path, String user) {
    return new TestClient(port).call(method, path).as(user);
  }

  private String consultation(String format) {
    Instant opens = Instant.now().plus(Duration.ofDays(1));
    String id =
        call("POST", "/api/v1/consultations", "ada")
            .json(
                """
                {"title": {"de": "Plätze"}, "description": {"de": "Was fehlt?"},
                 "actionField": "mobilitaet", "format": "%s",
                 "opensAt": "%s", "closesAt": "%s"}
                """
                    .formatted(format, opens, opens.plus(Duration.ofDays(30))))
            .expect(201)
            .path("id")
            .asText();
    return id;
  }

  private void open(String consultation) {
    call("POST", "/api/v1/consultations/" + consultation + "/phase", "ada")
        .json("{\"phase\": \"OPEN\"}")
        .expect(200);
  }

  @Test
  void supportsAndRatingsLeaveNoCitizenIdAtRestAndErasureUnlinksThemWhileTheyCount()
      throws Exception {
    String proposal;
    String item;
    try (ConfigurableApplicationContext first = start()) {
      String ideas = consultation("IDEAS");
      open(ideas);
      proposal =
          call("POST", "/api/v1/consultations/" + ideas + "/proposals", "ben")
              .json("{\"title\": \"Bänke\", \"text\": \"Mehr Bänke\", \"displayName\": \"Ben\"}")
              .expect(201)
              .path("id")
              .asText();
      String feedback = consultation("FEEDBACK");
      item =
          call("POST", "/api/v1/consultations/" + feedback + "/proposals", "ada")
              .json("{\"title\": \"Bank\", \"text\": \"Solar\", \"displayName\": \"Stadt\"}")
              .expect(201)
              .path("id")
              .asText();
      open(feedback);

      call("PUT", "/api/v1/proposals/" + proposal + "/support", "anna").expect(200);
      call("DELETE", "/api/v1/proposals/" + proposal + "/support", "anna").expect(200);
      call("PUT", "/api/v1/proposals/" + proposal + "/support", "anna").expect(200);
      call("PUT", "/api/v1/proposals/" + item + "/rating", "anna")
          .json("{\"stars\": 5}")
          .expect(200);
      call("PUT", "/api/v1/proposals/" + item + "/rating", "anna")
          .json("{\"stars\": 3}")
          .expect(200);
    }

    assertThat(DataFiles.containing(dataDir, proposal))
        .as("the search finds what is stored in plain (the proposal's id)")
        .isNotEmpty();
    assertThat(DataFiles.containing(dataDir, "anna"))
        .as("files naming the citizen who only supported and rated")
        .isEmpty();

    try (ConfigurableApplicationContext second = start()) {
      assertThat(
              call("GET", "/api/v1/proposals/" + proposal, "anna")
                  .expect(200)
                  .path("supportedByMe")
                  .asBoolean())
          .isTrue();
      call("POST", "/api/v1/privacy/subjects/anna/erasure", "ada")
          .json("{\"reason\":\"CONSENT_WITHDRAWN\",\"reference\":\"DS-2026/0099\"}")
          .expect(200);

      var supported = call("GET", "/api/v1/proposals/" + proposal, "anna").expect(200);
      assertThat(supported.path("supports").asLong()).as("the count stays").isEqualTo(1);
      assertThat(supported.path("supportedByMe").asBoolean()).as("unlinked").isFalse();
      var rated = call("GET", "/api/v1/proposals/" + item, "anna").expect(200);
      assertThat(rated.path("rating").path("ratings").asLong()).isEqualTo(1);
      assertThat(rated.path("rating").path("average").asDouble()).isEqualTo(3.0);
      assertThat(rated.path("rating").path("myStars").isNull()).isTrue();
      assertThat(
              second
                  .getBean(Pseudonyms.class)
                  .find(
                      new CitizenId("anna"), Pseudonyms.Purpose.SUPPORT, new ProposalId(proposal)))
          .as("her pseudonyms cannot be derived again")
          .isEmpty();

      // the decision (see the notes): a new key makes her a new supporter; nothing links the two
      var again = call("PUT", "/api/v1/proposals/" + proposal + "/support", "anna").expect(200);
      assertThat(again.path("supports").asLong()).isEqualTo(2);
      assertThat(again.path("supportedByMe").asBoolean()).isTrue();
    }
  }
}
