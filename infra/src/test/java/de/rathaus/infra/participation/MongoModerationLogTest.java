package de.rathaus.infra.participation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.rathaus.application.participation.ListModerationLog;
import de.rathaus.application.participation.ModerationLogEntry;
import de.rathaus.application.participation.ModerationLogEntry.Action;
import de.rathaus.application.participation.ModerationLogEntry.Kind;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.participation.CommentId;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ModeratorRole;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoModerationLogTest {

  private static final Instant T = Instant.parse("2026-05-01T08:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
  private static final ConsultationId CONSULTATION = ConsultationId.of(UUID.randomUUID());

  @TempDir Path dataDir;
  private EmbeddedMongoServer server;
  private MongoClient client;
  private MongoModerationLog log;

  @BeforeEach
  void start() {
    server = EmbeddedMongoServer.start(dataDir);
    client = MongoClients.create(server.connectionString());
    MongoDatabase database = client.getDatabase("t");
    log = new MongoModerationLog(database, JSON);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static ModerationLogEntry entry(ConsultationId consultation, Instant at, long sequence) {
    ProposalId proposal = ProposalId.of(UUID.randomUUID());
    return new ModerationLogEntry(
        ModerationLogEntry.idOf(proposal, sequence),
        consultation,
        proposal,
        CommentId.of(UUID.randomUUID()),
        Kind.COMMENT,
        Action.HIDDEN,
        "Spam",
        ModeratorRole.MODERATOR,
        at,
        sequence);
  }

  @Test
  void anEntryReadsBackAsItWasSavedAndASecondInsertChangesNothing() {
    ModerationLogEntry saved = entry(CONSULTATION, T, 3);
    log.insert(saved);
    log.insert(saved.atSequence(3));
    assertThat(log.find(saved.id())).contains(saved);
  }

  @Test
  void aConsultationsLogIsPagedNewestFirst() {
    List<String> newestFirst = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      // two at the same instant: the id orders them
      ModerationLogEntry e = entry(CONSULTATION, T.plusSeconds(i / 2), i);
      log.insert(e);
      newestFirst.add(e.id());
    }
    newestFirst.sort(
        (a, b) -> {
          Instant ia = log.find(a).orElseThrow().at();
          Instant ib = log.find(b).orElseThrow().at();
          return ia.equals(ib) ? b.compareTo(a) : ib.compareTo(ia);
        });
    log.insert(entry(ConsultationId.of(UUID.randomUUID()), T.plusSeconds(99), 1));

    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      Page<ModerationLogEntry> page = log.list(new ListModerationLog(CONSULTATION, cursor, 2));
      page.items().forEach(e -> seen.add(e.id()));
      cursor = page.next();
    } while (cursor != null);
    assertThat(seen).containsExactlyElementsOf(newestFirst);
  }
}
