package de.rathaus.infra.participation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import de.rathaus.application.participation.AnswerEntry;
import de.rathaus.application.participation.ListProposals;
import de.rathaus.application.participation.ModerationState;
import de.rathaus.application.participation.ProposalAnswers;
import de.rathaus.application.participation.ProposalTally;
import de.rathaus.application.participation.ProposalView;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.participation.AnswerStatus;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proposals' read model on the embedded server: as written, paged per consultation. */
class MongoProposalViewsTest {

  private static final Instant T = Instant.parse("2026-05-01T08:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
  private static final ConsultationId CONSULTATION = ConsultationId.of(UUID.randomUUID());

  @TempDir Path dataDir;
  private EmbeddedMongoServer server;
  private MongoClient client;
  private MongoDatabase database;
  private MongoProposalViews views;

  @BeforeEach
  void start() {
    server = EmbeddedMongoServer.start(dataDir);
    client = MongoClients.create(server.connectionString());
    database = client.getDatabase("t");
    views = new MongoProposalViews(database, JSON);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static ProposalView view(ConsultationId consultation, Instant at) {
    return new ProposalView(
        ProposalId.of(UUID.randomUUID()),
        consultation,
        new CitizenId("anna"),
        "Anna B.",
        "Bänke",
        "Mehr Bänke am Markt",
        new Location(49.142, 9.219, "Marktplatz"),
        at,
        at.plusSeconds(60),
        2,
        ProposalTally.PROPOSAL,
        List.of(),
        ModerationState.NONE,
        new ProposalAnswers(
            10,
            14,
            at.plusSeconds(120),
            List.of(new AnswerEntry(AnswerStatus.ACCEPTED, "Wird gemacht", at.plusSeconds(180)))));
  }

  @Test
  void aViewReadsBackAsItWasSaved() {
    ProposalView saved = view(CONSULTATION, T);
    views.insert(saved);

    assertThat(views.find(saved.id().value())).contains(saved);
    assertThat(views.find(ProposalId.of(UUID.randomUUID()).value())).isEmpty();
  }

  @Test
  void aConsultationsProposalsArePagedNewestFirst() {
    List<ProposalId> newestFirst = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ProposalView v = view(CONSULTATION, T.plusSeconds(i));
      views.insert(v);
      newestFirst.add(0, v.id());
    }
    views.insert(view(ConsultationId.of(UUID.randomUUID()), T.plusSeconds(99)));

    Page<ProposalView> first = views.list(new ListProposals(CONSULTATION, null, 2));
    Page<ProposalView> second = views.list(new ListProposals(CONSULTATION, first.next(), 2));
    Page<ProposalView> third = views.list(new ListProposals(CONSULTATION, second.next(), 2));
    List<ProposalId> seen = new ArrayList<>();
    for (Page<ProposalView> page : List.of(first, second, third)) {
      page.items().forEach(v -> seen.add(v.id()));
    }
    assertThat(seen).containsExactlyElementsOf(newestFirst);
    assertThat(third.next()).isNull();
  }

  // --- supports helper

  @Test
  void aConsultationsProposalsArePagedMostSupportedFirstThenById() {
    List<ProposalView> saved = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ProposalView v = view(CONSULTATION, T.plusSeconds(i));
      v =
          new ProposalView(
              v.id(),
              v.consultation(),
              v.author(),
              v.displayName(),
              v.title(),
              v.text(),
              v.location(),
              v.submittedAt(),
              v.editedAt(),
              v.sequence(),
              new ProposalTally(i % 3, null, i, i, List.of()),
              List.of(),
              ModerationState.NONE,
              ProposalAnswers.NONE);
      views.insert(v);
      saved.add(v);
    }
    List<ProposalId> expected =
        saved.stream()
            .sorted(
                java.util.Comparator.comparingLong((ProposalView v) -> v.tally().supports())
                    .thenComparing(v -> v.id().value())
                    .reversed())
            .map(ProposalView::id)
            .toList();

    List<ProposalId> seen = new ArrayList<>();
    String after = null;
    do {
      Page<ProposalView> page =
          views.list(new ListProposals(CONSULTATION, after, 4, ListProposals.Order.SUPPORTS));
      page.items().forEach(v -> seen.add(v.id()));
      after = page.next();
    } while (after != null);
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(views.find(saved.get(5).id().value()).orElseThrow().tally())
        .isEqualTo(new ProposalTally(2, null, 5, 5, List.of()));
  }

  @Test
  void aHiddenProposalLeavesItsConsultationsList() {
    ProposalView shown = view(CONSULTATION, T);
    ProposalView visible = view(CONSULTATION, T.plusSeconds(1));
    ProposalView hidden =
        new ProposalView(
            ProposalId.of(UUID.randomUUID()),
            CONSULTATION,
            new CitizenId("ben"),
            "Ben",
            "Spam",
            "Spam",
            null,
            T.plusSeconds(2),
            null,
            1,
            ProposalTally.PROPOSAL,
            List.of(),
            new ModerationState(true, "Werbung", T.plusSeconds(3)),
            ProposalAnswers.NONE);
    views.insert(shown);
    views.insert(visible);
    views.insert(hidden);

    assertThat(views.list(new ListProposals(CONSULTATION, null, 10)).items())
        .extracting(ProposalView::id)
        .containsExactly(visible.id(), shown.id());
    assertThat(views.find(hidden.id().value())).contains(hidden);
  }

  @Test
  void writesOnlyOverTheRecordItCameFrom() {
    ProposalView saved = view(CONSULTATION, T);
    views.insert(saved);
    assertThat(views.replace(saved.atSequence(3), 2)).isTrue();
    assertThat(views.replace(saved.atSequence(4), 2)).isFalse();
    assertThat(views.find(saved.id().value()).orElseThrow().sequence()).isEqualTo(3);
    views.clear();
    assertThat(views.find(saved.id().value())).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void declaresTheIndexesARealMongoDbNeedsForItsQueries() {
    List<String> issued = new ArrayList<>();
    MongoDatabase recording =
        (MongoDatabase)
            Proxy.newProxyInstance(
                MongoDatabase.class.getClassLoader(),
                new Class<?>[] {MongoDatabase.class},
                (proxy, method, args) -> {
                  Object result = method.invoke(database, args);
                  if (!method.getName().equals("getCollection")) {
                    return result;
                  }
                  MongoCollection<Document> collection = (MongoCollection<Document>) result;
                  return Proxy.newProxyInstance(
                      MongoCollection.class.getClassLoader(),
                      new Class<?>[] {MongoCollection.class},
                      (p, m, a) -> {
                        if (m.getName().equals("createIndexes")) {
                          for (IndexModel model : (List<IndexModel>) a[0]) {
                            issued.add(
                                model.getOptions().getName()
                                    + " "
                                    + model
                                        .getKeys()
                                        .toBsonDocument(Document.class, database.getCodecRegistry())
                                        .toJson());
                          }
                        }
                        return m.invoke(collection, a);
                      });
                });
    new MongoProposalViews(recording, JSON);

    assertThat(issued)
        .containsExactly(
            "newest {\"q.consultation\": 1, \"q.submitted\": -1, \"_id\": -1}",
            "supports {\"q.consultation\": 1, \"q.supports\": -1, \"_id\": -1}",
            "by_author {\"q.author\": 1}",
            "by_commenter {\"q.commenters\": 1}");
  }

  @Test
  void aCitizensProposalsAreFoundNewestFirstAndNoOneElses() {
    ProposalView older = view(CONSULTATION, T);
    ProposalView newer = view(ConsultationId.of(UUID.randomUUID()), T.plusSeconds(5));
    ProposalView bens =
        new ProposalView(
            ProposalId.of(UUID.randomUUID()),
            CONSULTATION,
            new CitizenId("ben"),
            "Ben",
            "Licht",
            "Mehr Licht",
            null,
            T,
            null,
            0,
            ProposalTally.PROPOSAL,
            List.of(),
            ModerationState.NONE,
            ProposalAnswers.NONE);
    views.insert(older);
    views.insert(newer);
    views.insert(bens);

    assertThat(views.allBy(new CitizenId("anna"))).containsExactly(newer, older);
    assertThat(views.allBy(new CitizenId("ben"))).containsExactly(bens);
    assertThat(views.allBy(new CitizenId("carl"))).isEmpty();
  }

  @Test
  void aChangeComputedBeforeASupportWasCountedCannotWriteOverTheCount() {
    ProposalView read = view(CONSULTATION, T);
    views.insert(read);
    ProposalView counted =
        new ProposalView(
            read.id(),
            read.consultation(),
            read.author(),
            read.displayName(),
            read.title(),
            read.text(),
            read.location(),
            read.submittedAt(),
            read.editedAt(),
            read.sequence(),
            new ProposalTally(1, null, 1, 7, List.of()),
            read.comments(),
            read.moderation(),
            read.answers());
    assertThat(views.replaceTally(counted, read)).isTrue();

    // a worker that lost its claim still holds the record from before the support: its change
    // (of the proposal's own, at the next sequence) would write the count back to nothing
    ProposalView stale = read.atSequence(read.sequence() + 1);
    assertThat(views.replace(stale, read.sequence())).isFalse();
    assertThat(views.find(read.id().value()).orElseThrow().tally().supports()).isEqualTo(1);
  }

  private static ProposalView withSupports(ProposalView v, long supports, long applied) {
    return new ProposalView(
        v.id(),
        v.consultation(),
        v.author(),
        v.displayName(),
        v.title(),
        v.text(),
        v.location(),
        v.submittedAt(),
        v.editedAt(),
        v.sequence(),
        new ProposalTally(supports, null, applied, applied, List.of()),
        v.comments(),
        v.moderation(),
        v.answers());
  }

  private List<String> firstPageBySupports(int size) {
    return views
        .list(new ListProposals(CONSULTATION, null, size, ListProposals.Order.SUPPORTS))
        .items()
        .stream()
        .map(v -> v.id().value())
        .toList();
  }

  private List<String> expectedBySupports(int size) {
    return views.all(CONSULTATION).stream()
        .sorted(
            java.util.Comparator.<ProposalView>comparingLong(v -> v.tally().supports())
                .thenComparing(v -> v.id().value())
                .reversed())
        .limit(size)
        .map(v -> v.id().value())
        .toList();
  }

  @Test
  void theFirstPageBySupportsStaysExactWhileSupportsChangeBetweenReads() {
    java.util.Random random = new java.util.Random(5);
    List<ProposalView> saved = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ProposalView v = withSupports(view(CONSULTATION, T.plusSeconds(i)), random.nextInt(12), 0);
      views.insert(v);
      saved.add(v);
    }
    views.insert(withSupports(view(ConsultationId.of(UUID.randomUUID()), T), 1_000, 0));
    assertThat(firstPageBySupports(5)).containsExactlyElementsOf(expectedBySupports(5));

    for (int round = 1; round <= 30; round++) {
      // raise one far above the top, drop another to nothing, move a third by one
      for (int change = 0; change < 3; change++) {
        int at = random.nextInt(saved.size());
        ProposalView before = views.find(saved.get(at).id().value()).orElseThrow();
        long supports =
            switch (change) {
              case 0 -> before.tally().supports() + random.nextInt(20);
              case 1 -> 0;
              default -> Math.max(0, before.tally().supports() + (random.nextBoolean() ? 1 : -1));
            };
        assertThat(
                views.replaceTally(
                    withSupports(before, supports, before.tally().applied() + 1), before))
            .isTrue();
      }
      for (int size : List.of(1, 5, 39, 40, 41)) {
        assertThat(firstPageBySupports(size))
            .as("round %d, size %d", round, size)
            .containsExactlyElementsOf(expectedBySupports(size));
        assertThat(
                views
                    .list(new ListProposals(CONSULTATION, null, size, ListProposals.Order.SUPPORTS))
                    .next())
            .as("a next page exactly when there are more than %d", size)
            .matches(next -> (next == null) == (size >= 40));
      }
    }
  }

  @Test
  void theProposalsACitizenCommentedOnAreFoundByTheirCommentsAndNoOneElses() {
    ProposalView plain = view(CONSULTATION, T);
    ProposalView other = view(CONSULTATION, T.plusSeconds(1));
    ProposalView commented =
        new ProposalView(
            other.id(),
            other.consultation(),
            other.author(),
            other.displayName(),
            other.title(),
            other.text(),
            other.location(),
            other.submittedAt(),
            other.editedAt(),
            other.sequence(),
            other.tally(),
            List.of(
                new de.rathaus.application.participation.CommentView(
                    new de.rathaus.domain.participation.CommentId("comment-" + UUID.randomUUID()),
                    null,
                    new CitizenId("ben"),
                    "Ben",
                    "Auch beleuchtet?",
                    T.plusSeconds(2),
                    true)),
            other.moderation(),
            other.answers());
    views.insert(plain);
    views.insert(commented);

    assertThat(views.commentedOnBy(new CitizenId("ben"))).containsExactly(commented);
    assertThat(views.commentedOnBy(new CitizenId("anna"))).isEmpty();
  }
}
