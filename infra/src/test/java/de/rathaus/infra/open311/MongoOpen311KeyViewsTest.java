package de.rathaus.infra.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.rathaus.application.open311.Open311KeyView;
import de.rathaus.application.open311.Open311KeyViews;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.open311.Open311KeyId;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys' read model keeps its views as written and pages through them oldest first. */
class MongoOpen311KeyViewsTest {

  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

  @TempDir Path dataDir;
  private EmbeddedMongoServer server;
  private MongoClient client;
  private Open311KeyViews views;

  @BeforeEach
  void start() {
    server = EmbeddedMongoServer.start(dataDir);
    client = MongoClients.create(server.connectionString());
    views =
        new MongoOpen311KeyViews(
            client.getDatabase("t"),
            new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static Open311KeyView view(int n, Instant revokedAt) {
    return new Open311KeyView(
        new Open311KeyId(String.format("%020x", n)),
        "Client " + n,
        "ab".repeat(32),
        T.plusSeconds(n % 3),
        revokedAt,
        revokedAt == null ? 0 : 1);
  }

  @Test
  void aViewReadsBackAsItWasSavedAndARevocationReplacesIt() {
    Open311KeyView saved = view(1, null);
    views.insert(saved);
    assertThat(views.find(saved.id().value())).contains(saved);
    assertThat(views.find(String.format("%020x", 2))).isEmpty();

    Open311KeyView revoked = view(1, T.plusSeconds(60));
    assertThat(views.replace(revoked, 0)).isTrue();
    assertThat(views.replace(view(1, T.plusSeconds(99)), 0)).isFalse();
    assertThat(views.find(saved.id().value())).contains(revoked);
  }

  @Test
  void theListPagesThroughEveryKeyOldestFirstAndAClearEmptiesIt() {
    for (int n = 1; n <= 7; n++) {
      views.insert(view(n, n == 4 ? T : null));
    }
    List<String> seen = new ArrayList<>();
    String after = null;
    do {
      Page<Open311KeyView> page = views.list(after, 3);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
      page.items().forEach(v -> seen.add(v.name()));
      after = page.next();
    } while (after != null);
    // issued at +0 s: 3, 6; +1 s: 1, 4, 7; +2 s: 2, 5
    assertThat(seen)
        .containsExactly(
            "Client 3", "Client 6", "Client 1", "Client 4", "Client 7", "Client 2", "Client 5");

    views.clear();
    assertThat(views.list(null, 10).items()).isEmpty();
  }
}
