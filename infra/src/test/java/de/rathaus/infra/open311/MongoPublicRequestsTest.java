package de.rathaus.infra.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.rathaus.application.open311.ListPublicRequests;
import de.rathaus.application.open311.PublicRequestView;
import de.rathaus.domain.servicerequest.RequestKind;
import de.rathaus.domain.servicerequest.RequestStatus;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Open311's public requests on the embedded server: found by case number, listed newest first by
 * window, service and state or by case numbers, and by subject for erasure.
 */
class MongoPublicRequestsTest {

  private static final Instant T = Instant.parse("2026-05-01T08:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

  @TempDir Path dataDir;
  private EmbeddedMongoServer server;
  private MongoClient client;
  private MongoPublicRequests views;

  @BeforeEach
  void start() {
    server = EmbeddedMongoServer.start(dataDir);
    client = MongoClients.create(server.connectionString());
    views = new MongoPublicRequests(client.getDatabase("t"), JSON);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static PublicRequestView view(
      String id, int number, String service, RequestStatus status, Instant at, String subject) {
    return new PublicRequestView(
        id,
        "HN-2026-%06d".formatted(number),
        service,
        RequestKind.REPORT,
        "ordnungsamt",
        status,
        at,
        at,
        at.plus(Duration.ofDays(7)),
        49.1,
        9.2,
        new CitizenId(subject),
        null,
        0);
  }

  @Test
  void findsListsAndFiltersAsOpen311Asks() {
    views.insert(view("r-1", 1, "maengelmelder", RequestStatus.SUBMITTED, T, "anna"));
    views.insert(view("r-2", 2, "maengelmelder", RequestStatus.CLOSED, T.plusSeconds(60), "ben"));
    views.insert(
        view("r-3", 3, "sperrmuell", RequestStatus.IN_PROGRESS, T.plusSeconds(120), "anna"));

    assertThat(views.byCaseNumber("HN-2026-000002")).map(PublicRequestView::id).contains("r-2");
    assertThat(views.byCaseNumber("HN-2026-000009")).isEmpty();
    Instant from = T.minusSeconds(1);
    Instant to = T.plusSeconds(600);
    assertThat(views.list(new ListPublicRequests(List.of(), List.of(), null, from, to, 10)))
        .extracting(PublicRequestView::id)
        .containsExactly("r-3", "r-2", "r-1");
    assertThat(views.list(new ListPublicRequests(List.of(), List.of(), null, from, to, 2)))
        .extracting(PublicRequestView::id)
        .containsExactly("r-3", "r-2");
    assertThat(views.list(new ListPublicRequests(List.of(), List.of(), true, from, to, 10)))
        .extracting(PublicRequestView::id)
        .containsExactly("r-3", "r-1");
    assertThat(
            views.list(
                new ListPublicRequests(List.of(), List.of("maengelmelder"), false, from, to, 10)))
        .extracting(PublicRequestView::id)
        .containsExactly("r-2");
    assertThat(
            views.list(
                new ListPublicRequests(List.of(), List.of(), null, T.plusSeconds(30), to, 10)))
        .extracting(PublicRequestView::id)
        .containsExactly("r-3", "r-2");
    assertThat(
            views.list(
                new ListPublicRequests(
                    List.of("HN-2026-000001", "HN-2026-000003"), List.of(), null, null, null, 10)))
        .extracting(PublicRequestView::id)
        .containsExactly("r-3", "r-1");
    assertThat(views.bySubject(new CitizenId("anna")))
        .extracting(PublicRequestView::id)
        .containsExactly("r-1", "r-3");

    PublicRequestView moved = views.find("r-1").orElseThrow().moved(RequestStatus.CLOSED, T);
    assertThat(views.replace(moved.atSequence(1), 0)).isTrue();
    assertThat(views.replace(moved.atSequence(2), 0))
        .as("only over what it was computed from")
        .isFalse();
    assertThat(views.list(new ListPublicRequests(List.of(), List.of(), true, from, to, 10)))
        .extracting(PublicRequestView::id)
        .containsExactly("r-3");
  }
}
